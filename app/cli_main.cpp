#include "clicommands.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

namespace {

const char kUsage[] = "usage: nsq-inspector-cli <command> [options]\n"
                      "\n"
                      "commands:\n"
                      "  tail      print a topic's messages, one body per line\n"
                      "  pub       publish standard input's lines as messages\n"
                      "  stats     show the topics and channels of nsqd nodes\n"
                      "  bench     consume|publish: measure throughput\n"
                      "  broker    run the embedded NSQ-compatible broker until Ctrl-C\n"
                      "\n"
                      "  --version print the version; <command> --help for a command's options\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The commands report failures themselves; the library's own log lines would say it twice.
    // QT_LOGGING_RULES=nsq.*=true brings them back.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("nsq.*=false"));
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
    if (command == QLatin1String("tail"))
        return nsqcli::runTail(rest);
    if (command == QLatin1String("pub"))
        return nsqcli::runPub(rest);
    if (command == QLatin1String("stats"))
        return nsqcli::runStats(rest);
    if (command == QLatin1String("bench"))
        return nsqcli::runBench(rest);
    std::fprintf(stderr, "nsq-inspector-cli: unknown command '%s'\n\n%s", qPrintable(command),
                 kUsage);
    return 2;
}
