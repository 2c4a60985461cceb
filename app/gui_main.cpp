#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // Answer --version before a display is needed, so packaging checks run headless.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("nsq-inspector %s\n", NSQ_INSPECTOR_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("nsq-inspector"));
    QApplication::setOrganizationName(QStringLiteral("nsq-inspector"));
    QApplication::setApplicationVersion(QStringLiteral(NSQ_INSPECTOR_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("nsq-inspector"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Look inside NSQ: messages, frames and counts."));
    parser.addHelpOption();
    parser.addOption({QStringList{QStringLiteral("v"), QStringLiteral("version")},
                      QStringLiteral("Print the version and exit.")});
    parser.process(app);

    nsqui::MainWindow window;
    window.show();
    return app.exec();
}
