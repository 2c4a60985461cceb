#include "clicommands.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

const char kUsage[] = "usage: nsq-inspector-cli <command> [options]\n"
                      "\n"
                      "commands:\n"
                      "  broker    run the embedded NSQ-compatible broker until Ctrl-C\n"
                      "\n"
                      "  --version print the version; <command> --help for a command's options\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nsq-inspector-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NSQ_INSPECTOR_VERSION));
    const QStringList args = app.arguments();
    const QString command = args.value(1);
    if (command.isEmpty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        std::printf("nsq-inspector-cli %s\n", NSQ_INSPECTOR_VERSION);
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    // The command's parser sees "nsq-inspector-cli broker ..." as its program name and options.
    const QStringList rest = QStringList{args.first() + QLatin1Char(' ') + command} + args.mid(2);
    if (command == QLatin1String("broker"))
        return nsqcli::runBroker(rest);
    std::fprintf(stderr, "nsq-inspector-cli: unknown command '%s'\n\n%s", qPrintable(command),
                 kUsage);
    return 2;
}
