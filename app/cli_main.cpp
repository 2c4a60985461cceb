#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

int usage(FILE *to)
{
    std::fprintf(to, "usage: nsq-inspector-cli [--version] [--help]\n");
    return to == stderr ? 2 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nsq-inspector-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NSQ_INSPECTOR_VERSION));
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage(stderr);
    const QString first = args.first();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        std::printf("nsq-inspector-cli %s\n", NSQ_INSPECTOR_VERSION);
        return 0;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h"))
        return usage(stdout);
    std::fprintf(stderr, "nsq-inspector-cli: unknown command '%s'\n", qPrintable(first));
    return usage(stderr);
}
