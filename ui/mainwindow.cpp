#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

// Resources compiled into a static library are registered by hand (outside any namespace).
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace nsqui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    initResources();
    setWindowTitle(QStringLiteral("NSQ Inspector"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/nsq-inspector.svg")));
    resize(1100, 700);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    quit->setToolTip(tr("Close NSQ Inspector"));
    connect(quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    auto *about = new QAction(tr("&About NSQ Inspector"), this);
    about->setToolTip(tr("Version and licence"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About NSQ Inspector"),
                           tr("<b>NSQ Inspector</b> %1<br>A desktop tool for looking inside NSQ.")
                               .arg(QStringLiteral(NSQ_INSPECTOR_VERSION)));
    });

    menuBar()->addMenu(tr("&File"))->addAction(quit);
    menuBar()->addMenu(tr("&Help"))->addAction(about);

    auto *placeholder = new QLabel(tr("No connection yet."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    statusBar()->showMessage(tr("Ready"));
}

} // namespace nsqui
