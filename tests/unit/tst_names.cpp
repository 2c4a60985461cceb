#include <protocol/names.h>

#include <QTest>

class TstNames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << "events" << true;
        QTest::newRow("all chars") << "a.B-c_9" << true;
        QTest::newRow("ephemeral") << "tail123#ephemeral" << true;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("64 with ephemeral") << QString(54, QLatin1Char('a')) + "#ephemeral" << true;
        QTest::newRow("65 with ephemeral") << QString(55, QLatin1Char('a')) + "#ephemeral" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("only suffix") << "#ephemeral" << false;
        QTest::newRow("space") << "a b" << false;
        QTest::newRow("newline") << "a\nb" << false;
        QTest::newRow("hash elsewhere") << "a#b" << false;
        QTest::newRow("unicode") << QString::fromUtf8("caf\xc3\xa9") << false;
        QTest::newRow("slash") << "a/b" << false;
    }
    void validation()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(nsq::isValidTopicName(name), valid);
        QCOMPARE(nsq::isValidChannelName(name), valid);
    }

    void ephemeral()
    {
        QVERIFY(nsq::isEphemeralName(u"x#ephemeral"));
        QVERIFY(!nsq::isEphemeralName(u"x"));
    }
};

QTEST_GUILESS_MAIN(TstNames)
#include "tst_names.moc"
