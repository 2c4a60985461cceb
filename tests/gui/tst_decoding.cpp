// The Decoded tab and the field filter, offscreen with real widgets against the embedded broker:
// MsgPack, protobuf (without and with a schema, chosen in the schema dialog) and gzip'd JSON each
// read as trees; the per-topic choice is kept; a field query filters off the GUI thread.
#include "decodedview.h"
#include "mainwindow.h"
#include "models/messagemodel.h"
#include "payloadview.h"
#include "schemadialog.h"
#include "session/decodesettings.h"
#include "session/fieldfilterjob.h"

#include <broker/broker.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "gzip.h"
#include <QTimer>
#include <QTreeWidget>

using namespace nsq;
using namespace nsqui;

namespace {
constexpr int kWait = 30000;
const QString kProtoDir = QStringLiteral(NSQ_FIXTURE_DIR "/proto");

// {"user": {"id": 7}, "kind": "mp"}
const QByteArray kMsgPack = QByteArray::fromHex("82a47573657281a2696407a46b696e64a26d70");
// shop.Order {id: 9001, customer: "Ada", status: SHIPPED}
const QByteArray kOrder = QByteArray::fromHex("08a946120341646118"
                                              "02");
const QByteArray kJson = "{\"user\":{\"id\":42},\"kind\":\"gz\",\"items\":[{\"sku\":\"AB-1\"}]}";

QStringList topKeys(const QTreeWidget *tree)
{
    QStringList keys;
    const QTreeWidgetItem *root = tree->topLevelItem(0);
    for (int i = 0; root && i < root->childCount(); ++i)
        keys << root->child(i)->text(0);
    return keys;
}

} // namespace

class TstDecoding : public QObject
{
    Q_OBJECT

    std::unique_ptr<Broker> m_broker;

    QString tcp() const { return QStringLiteral("127.0.0.1:%1").arg(m_broker->tcpPort()); }

    static int rowWithBody(MainWindow &w, const QByteArray &body)
    {
        for (int i = 0; i < w.model()->rowCount(); ++i)
            if (w.model()->rowAt(i).delivery.message.body == body)
                return i;
        return -1;
    }
    // Shows the message with this body in the Decoded tab, as a click on its row does.
    static DecodedView *showDecoded(MainWindow &w, const QByteArray &body)
    {
        const int row = rowWithBody(w, body);
        [&] { QVERIFY(row >= 0); }();
        w.table()->selectRow(row);
        w.payloadView()->tabs()->setCurrentWidget(w.payloadView()->decoded());
        return w.payloadView()->decoded();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QStringLiteral("decoding")); // per-topic choices of an earlier run
        m_broker = std::make_unique<Broker>();
        QCOMPARE(m_broker->start(), QString());
    }

    void eachFormatReadsAsATree()
    {
        QCOMPARE(m_broker->publish(QStringLiteral("mixed"), {kMsgPack, kOrder, gzip(kJson)}),
                 QString());
        MainWindow w;
        w.show();
        SessionSettings s;
        s.nsqdAddresses = {tcp()};
        s.topic = QStringLiteral("mixed");
        QCOMPARE(w.connectTo(s), QStringList());
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 3, kWait);

        DecodedView *view = showDecoded(w, kMsgPack);
        auto *reason = view->findChild<QLabel *>(QStringLiteral("decodeReason"));
        QCOMPARE(topKeys(view->tree()), (QStringList{"user", "kind"}));
        QVERIFY2(reason->text().contains(QLatin1String("MsgPack map")), qPrintable(reason->text()));
        QVERIFY(view->jsonText()->toPlainText().contains(QLatin1String("\"kind\": \"mp\"")));

        view = showDecoded(w, gzip(kJson));
        QCOMPARE(topKeys(view->tree()), (QStringList{"items", "kind", "user"}));
        QVERIFY2(reason->text().contains(QLatin1String("gzip magic, then valid UTF-8 JSON object")),
                 qPrintable(reason->text()));

        // Protobuf without a schema: field numbers, the enum as its number.
        view = showDecoded(w, kOrder);
        QCOMPARE(topKeys(view->tree()), (QStringList{"1", "2", "3"}));
        QVERIFY(reason->text().contains(QLatin1String("no schema")));

        // With the schema, chosen in its dialog as a user does.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<SchemaDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->findChild<QLineEdit *>(QStringLiteral("protoFiles"))
                ->setText(kProtoDir + QStringLiteral("/order.proto"));
            dialog->findChild<QLineEdit *>(QStringLiteral("includePaths"))->setText(kProtoDir);
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("loadSchema")),
                              Qt::LeftButton);
            auto *type = dialog->findChild<QComboBox *>(QStringLiteral("messageType"));
            QVERIFY(type->findText(QStringLiteral("shop.Order")) >= 0);
            type->setCurrentText(QStringLiteral("shop.Order"));
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("schemaOk")),
                              Qt::LeftButton);
        });
        QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("decodeSchema")),
                          Qt::LeftButton);
        QTRY_COMPARE(topKeys(view->tree()), (QStringList{"id", "customer", "status"}));
        QCOMPARE(view->tree()->topLevelItem(0)->child(2)->text(1), QStringLiteral("SHIPPED"));
        QVERIFY(reason->text().contains(QLatin1String("shop.Order")));

        // The choice is the topic's, and kept.
        DecodedView again;
        again.setTopic(QStringLiteral("mixed"));
        QCOMPARE(again.settings().messageType, QStringLiteral("shop.Order"));
        again.setTopic(QStringLiteral("another"));
        QVERIFY(!again.settings().hasSchema());
    }

    void anEditedSchemaIsReadAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("edited.proto"));
        const auto write = [&](const QByteArray &text, int secondsLater) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
            f.close();
            // A later modification time, as an editor's save gives.
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(secondsLater),
                                  QFileDevice::FileModificationTime));
        };
        write("syntax = \"proto3\"; package ed; message A { int32 x = 1; }", 0);
        DecodeSettings s;
        s.protoFiles = {path};
        s.messageType = QStringLiteral("ed.B");
        QString error;
        QVERIFY(!s.options(&error).schema); // no B yet
        write("syntax = \"proto3\"; package ed; message A { int32 x = 1; } message B { int32 y = "
              "1; }",
              5);
        error.clear();
        QVERIFY2(s.options(&error).schema, qPrintable(error));
    }

    void aBodyThatDoesNotDecodeSaysWhere()
    {
        DecodedView view;
        view.setTopic(QStringLiteral("broken"));
        auto *format = view.findChild<QComboBox *>(QStringLiteral("decodeFormat"));
        format->setCurrentIndex(format->findData(QStringLiteral("json")));
        view.setBody("{\"a\": [1, 2,, 3]}");
        auto *error = view.findChild<QLabel *>(QStringLiteral("decodeError"));
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().startsWith(QLatin1String("Breaks at byte 13")),
                 qPrintable(error->text()));
        auto *hex = view.findChild<QPlainTextEdit *>(QStringLiteral("decodeErrorHex"));
        QVERIFY(!hex->isHidden());
        QVERIFY(hex->toPlainText().contains(QLatin1String("^^")));
        QCOMPARE(view.tree()->topLevelItemCount(), 0);
        // A body nested 100,000 deep: an error, not a crash, in Auto as in JSON.
        format->setCurrentIndex(format->findData(QStringLiteral("auto")));
        view.setBody(QByteArray(100000, '['));
        QVERIFY2(error->text().contains(QLatin1String("deeper than 200")),
                 qPrintable(error->text()));
        format->setCurrentIndex(format->findData(QStringLiteral("json")));
        QVERIFY(error->text().contains(QLatin1String("deeper than 200")));
    }

    void fieldFilterRunsOffTheGuiThread()
    {
        QByteArrayList bodies;
        for (int i = 0; i < 300; ++i)
            bodies << QStringLiteral("{\"user\":{\"id\":%1},\"items\":[{\"sku\":\"%2-%1\"}]}")
                          .arg(i % 10)
                          .arg(i % 3 == 0 ? QStringLiteral("AB") : QStringLiteral("CD"))
                          .toUtf8();
        bodies << kMsgPack;
        QCOMPARE(m_broker->publish(QStringLiteral("fields"), bodies), QString());
        MainWindow w;
        w.show();
        SessionSettings s;
        s.nsqdAddresses = {tcp()};
        s.topic = QStringLiteral("fields");
        s.mode = Mode::Tail;
        QCOMPARE(w.connectTo(s), QStringList());
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 301, kWait);
        auto *fields = w.findChild<QCheckBox *>(QStringLiteral("filterFields"));
        auto *text = w.findChild<QLineEdit *>(QStringLiteral("filterText"));
        auto *error = w.findChild<QLabel *>(QStringLiteral("filterError"));
        QTest::mouseClick(fields, Qt::LeftButton);
        QVERIFY(fields->isChecked());
        // Errors as typed, at their column.
        QTest::keyClicks(text, QStringLiteral("user.id =="));
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().startsWith(QLatin1String("At column 11")),
                 qPrintable(error->text()));
        QTest::keyClicks(text, QStringLiteral(" 7 and items[*].sku ~ /^AB/"));
        QTRY_VERIFY(error->isHidden());
        // i % 10 == 7 and i % 3 == 0: 10 of the 300.
        QTRY_COMPARE_WITH_TIMEOUT(w.table()->model()->rowCount(), 10, kWait);
        // The MsgPack body too: its user.id is 7.
        text->clear();
        QTest::keyClicks(text, QStringLiteral("kind == \"mp\""));
        QTRY_COMPARE_WITH_TIMEOUT(w.table()->model()->rowCount(), 1, kWait);
        // Off again: every row.
        QTest::mouseClick(fields, Qt::LeftButton);
        text->clear();
        QTRY_COMPARE(w.table()->model()->rowCount(), 301);
    }

    void aHugeBodyIsShownCut()
    {
        // 16 MB of text inside 16 KB of gzip: shown cut, quickly (the time is printed).
        DecodedView view;
        view.setTopic(QStringLiteral("huge"));
        QElapsedTimer clock;
        clock.start();
        view.setBody(gzip(QByteArray(16 * 1024 * 1024 - 1, 'A')));
        qInfo("a 16 MB text body in the Decoded tab: %lld ms", clock.elapsed());
        QVERIFY(view.tree()->topLevelItem(0)->text(1).size() < 3000);
        QVERIFY(view.jsonText()->toPlainText().size() < 300 * 1024);
        QVERIFY(view.jsonText()->toPlainText().contains(QLatin1String("Save body")));
    }

    void filterJobOver100000Messages()
    {
        // What the window does with 100,000 retained messages, timed (printed, not asserted).
        QList<FieldFilterJob::Item> items;
        for (int i = 0; i < 100000; ++i)
            items << FieldFilterJob::Item{
                QByteArray::number(i),
                QStringLiteral("{\"user\":{\"id\":%1,\"name\":\"user%1\"},\"type\":\"%2\","
                               "\"items\":[{\"sku\":\"AB-%1\",\"n\":2},{\"sku\":\"CD\",\"n\":1}],"
                               "\"ts\":\"2026-11-26T05:00:00Z\"}")
                    .arg(i)
                    .arg(i % 2 ? QStringLiteral("a") : QStringLiteral("b"))
                    .toUtf8()};
        nsqdecode::FieldQuery::Error error;
        auto query = nsqdecode::FieldQuery::parse(
            QStringLiteral("user.id < 5000 and items[*].sku ~ /^AB/ and type in [\"a\"]"), &error);
        QVERIFY(query);
        FieldFilterJob job;
        QSignalSpy done(&job, &FieldFilterJob::finished);
        QElapsedTimer wall;
        wall.start();
        job.start(items, query, {});
        QVERIFY(job.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 120000);
        const auto results = done.first().at(0).value<QHash<QByteArray, bool>>();
        QCOMPARE(results.size(), 100000);
        QCOMPARE(int(std::count(results.cbegin(), results.cend(), true)), 2500);
        qInfo("field filter over 100,000 JSON messages: %lld ms in the job, %lld ms wall",
              done.first().at(1).toLongLong(), wall.elapsed());
    }
};

QTEST_MAIN(TstDecoding)
#include "tst_decoding.moc"
