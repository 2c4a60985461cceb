#include "mainwindow.h"

#include <QAction>
#include <QMenuBar>
#include <QTest>

class TstMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsWithMenusAndShortcuts()
    {
        nsqui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), QStringLiteral("NSQ Inspector"));
        const auto menus = w.menuBar()->actions();
        QCOMPARE(menus.size(), 2);
        bool hasQuit = false;
        for (QAction *a : menus.first()->menu()->actions())
            hasQuit |= a->shortcut() == QKeySequence(QKeySequence::Quit) && !a->toolTip().isEmpty();
        QVERIFY(hasQuit);
        QVERIFY(!w.grab().isNull());
        // The icon comes from the compiled-in resources.
        QVERIFY(!w.windowIcon().pixmap(32, 32).isNull());
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
