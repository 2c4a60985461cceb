#pragma once

#include <QDir>
#include <QObject>
#include <QStringList>

namespace nsqui {
class MainWindow;
}

// For tools/screenshots.sh: once demo mode holds messages, opens each view of the window in
// turn and saves it as a PNG in the folder given (the README's pictures), then quits.
class ScreenshotTour : public QObject
{
public:
    ScreenshotTour(nsqui::MainWindow *window, const QString &folder);

private:
    void next();
    void save(const QString &name, QWidget *what);

    nsqui::MainWindow *m_window;
    QDir m_folder;
    int m_step = 0;
};
