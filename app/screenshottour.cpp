#include "screenshottour.h"

#include "decodedview.h"
#include "lifediagram.h"
#include "mainwindow.h"
#include "models/messagemodel.h"
#include "payloadview.h"
#include "session/inspectorsession.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <functional>

ScreenshotTour::ScreenshotTour(nsqui::MainWindow *window, const QString &folder)
    : QObject(window), m_window(window), m_folder(folder)
{
    m_folder.mkpath(QStringLiteral("."));
    m_window->resize(1280, 800); // the screen size the README promises to fit
    // The trace records from the start, so its picture has frames in it.
    m_window->findChild<QAction *>(QStringLiteral("recordTrace"))->setChecked(true);
    auto *wait = new QTimer(this);
    connect(wait, &QTimer::timeout, this, [this, wait] {
        if (m_window->model()->heldCount() < 20)
            return;
        wait->stop();
        next();
    });
    wait->start(100);
}

void ScreenshotTour::save(const QString &name, QWidget *what)
{
    const QString path = m_folder.filePath(name + QStringLiteral(".png"));
    if (!what->grab().save(path))
        std::fprintf(stderr, "screenshots: cannot write %s\n", qPrintable(path));
    else
        std::printf("screenshots: %s\n", qPrintable(path));
    std::fflush(stdout);
}

void ScreenshotTour::next()
{
    const auto dock = [this](const char *name) {
        auto *d = m_window->findChild<QDockWidget *>(QLatin1String(name));
        d->show();
        d->raise();
    };
    // Each view is given time to fill (plots sample every half second) before it is taken.
    struct Shot
    {
        const char *name;
        std::function<void()> open;
        int settleMs;
    };
    const QList<Shot> shots = {
        {"window",
         [this, dock] {
             m_window->table()->selectRow(3);
             dock("tourDock");
         },
         1500},
        {"decoded",
         [this] {
             m_window->table()->selectRow(5);
             m_window->payloadView()->tabs()->setCurrentWidget(m_window->payloadView()->decoded());
         },
         800},
        {"life",
         [this] {
             // A message requeued once, delivered again: its path lit in the Life tab.
             const nsq::MessageId id = m_window->model()->rowAt(5).delivery.message.id;
             m_window->session()->requeue({id}, 0);
             m_window->table()->selectRow(5);
             m_window->payloadView()->tabs()->setCurrentWidget(m_window->payloadView()->life());
         },
         1500},
        {"plots",
         [this, dock] {
             m_window->payloadView()->tabs()->setCurrentIndex(0);
             dock("plotsDock");
         },
         8000},
        {"timeline", [dock] { dock("timelineDock"); }, 800},
        {"trace", [dock] { dock("traceDock"); }, 800},
        {"cluster",
         [this, dock] {
             dock("clusterDock");
             // Taller than by default, so the picture shows the topic tree open.
             m_window->resizeDocks(
                 {m_window->findChild<QDockWidget *>(QStringLiteral("clusterDock"))}, {430},
                 Qt::Vertical);
         },
         3000},
        {"publish",
         [this] {
             // Edit and resend of three messages: a JSON record a line in the Publish panel.
             m_window->table()->selectRow(1);
             for (int row : {2, 3})
                 m_window->table()->selectionModel()->select(
                     m_window->table()->model()->index(row, 0),
                     QItemSelectionModel::Select | QItemSelectionModel::Rows);
             m_window->findChild<QAction *>(QStringLiteral("editResend"))->trigger();
         },
         800},
        {"shortcuts",
         [this] { m_window->findChild<QAction *>(QStringLiteral("shortcuts"))->trigger(); }, 800},
        {"zh_CN",
         [this, dock] {
             if (auto *d = m_window->findChild<QDialog *>(QStringLiteral("shortcutsDialog")))
                 d->close();
             m_window->setLanguage(QStringLiteral("zh_CN"));
             dock("tourDock");
         },
         1000},
        {"dark",
         [this, dock] {
             m_window->setLanguage(QStringLiteral("en"));
             m_window->setTheme(QStringLiteral("dark"));
             dock("plotsDock");
         },
         1500},
    };
    if (m_step >= shots.size()) {
        m_window->setTheme(QString());
        m_window->setLanguage(QString());
        QCoreApplication::exit(0);
        return;
    }
    const Shot shot = shots.at(m_step++);
    shot.open();
    QTimer::singleShot(shot.settleMs, this, [this, name = QString::fromLatin1(shot.name)] {
        QWidget *what = m_window;
        if (name == QLatin1String("shortcuts"))
            what = m_window->findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
        save(name, what ? what : m_window);
        next();
    });
}
