#include "payloadview.h"

#include "timeformat.h"

#include "decodedview.h"
#include "hexview.h"
#include "lifediagram.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nsqui {

namespace {
enum Tab { TextTab, JsonTab, DecodedTab, HexTab, Base64Tab, MetaTab, LifeTab, TabCount };
// A body larger than this is shown in part in the text views (Hex shows all; Save writes all).
constexpr qsizetype kTextLimit = 256 * 1024;
constexpr int kJsonNodeLimit = 20000;

// A line of hundreds of kilobytes takes QPlainTextEdit seconds to lay out: long lines are shown
// in pieces.
constexpr int kLineLimit = 4096;

QString breakLongLines(const QString &text, int limit = kLineLimit)
{
    QString out;
    out.reserve(text.size() + text.size() / limit + 1);
    qsizetype run = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) {
            run = 0;
        } else if (run == limit) {
            out += QLatin1Char('\n');
            run = 0;
        }
        if (c != QLatin1Char('\n'))
            ++run;
        out += c;
    }
    return out;
}

QPlainTextEdit *makeTextView()
{
    auto *t = new QPlainTextEdit;
    t->setReadOnly(true);
    t->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    t->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return t;
}

QString scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String:
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Array:
        return QStringLiteral("[%1]").arg(v.toArray().size());
    case QJsonValue::Object:
        return QStringLiteral("{%1}").arg(v.toObject().size());
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

void addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &v, int *budget)
{
    if (--*budget < 0)
        return;
    auto *item = new QTreeWidgetItem(parent, {key, scalarText(v)});
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(item, it.key(), it.value(), budget);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            addJson(item, QStringLiteral("[%1]").arg(i), a.at(i), budget);
    }
}
} // namespace

QString PayloadView::visibleText(const QByteArray &body, int *invalid)
{
    // UTF-8 decoded by hand so that each byte that is not part of a valid sequence shows as \xNN
    // instead of vanishing into a replacement character.
    QString out;
    out.reserve(body.size());
    int bad = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(body.constData());
    const qsizetype n = body.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        int len = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            len = 1;
            cp = c;
        } else if ((c & 0xe0) == 0xc0 && c >= 0xc2) {
            len = 2;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            len = 3;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0 && c <= 0xf4) {
            len = 4;
            cp = c & 0x07;
        }
        bool ok = len > 0 && i + len <= n;
        for (int k = 1; ok && k < len; ++k) {
            if ((p[i + k] & 0xc0) != 0x80)
                ok = false;
            else
                cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        if (ok && ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
                   (len == 4 && (cp < 0x10000 || cp > 0x10ffff))))
            ok = false;
        if (!ok) {
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
            ++bad;
            ++i;
            continue;
        }
        if (cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r') {
            out += QStringLiteral("\\x%1").arg(uint(cp), 2, 16, QLatin1Char('0'));
        } else {
            const char32_t one[1] = {cp};
            out += QString::fromUcs4(one, 1);
        }
        i += len;
    }
    if (invalid)
        *invalid = bad;
    return out;
}

PayloadView::PayloadView(QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget), m_summary(new QLabel), m_text(makeTextView()),
      m_json(new QTreeWidget), m_decoded(new DecodedView), m_hex(new HexView),
      m_base64(makeTextView()), m_meta(makeTextView())
{
    m_text->setObjectName(QStringLiteral("payloadText"));
    m_json->setObjectName(QStringLiteral("payloadJson"));
    m_hex->setObjectName(QStringLiteral("payloadHex"));
    m_base64->setObjectName(QStringLiteral("payloadBase64"));
    m_meta->setObjectName(QStringLiteral("payloadMetadata"));
    m_json->setHeaderLabels({tr("Key"), tr("Value")});
    m_json->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tabs->addTab(m_text, tr("Text"));
    m_tabs->addTab(m_json, tr("JSON"));
    m_tabs->addTab(m_decoded, tr("Decoded"));
    m_tabs->setTabToolTip(DecodedTab, tr("MsgPack, CBOR, protobuf, compressed bodies: read as a "
                                         "tree"));
    m_tabs->addTab(m_hex, tr("Hex"));
    m_tabs->addTab(m_base64, tr("Base64"));
    m_tabs->addTab(m_meta, tr("Metadata"));
    m_life = new LifeDiagram;
    m_tabs->addTab(m_life, tr("Life"));
    m_tabs->setTabToolTip(LifeTab, tr("The path this message took, as this window saw it"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("payloadSummary"));
    // A note after the summary must not widen the window's centre and squeeze the docks.
    m_summary->setWordWrap(true);

    auto *copy = new QPushButton(tr("Copy"));
    copy->setToolTip(tr("Copy what this tab shows"));
    copy->setObjectName(QStringLiteral("copyPayload"));
    auto *save = new QPushButton(tr("Save body…"));
    save->setToolTip(tr("Write the message body, byte for byte, to a file"));
    save->setObjectName(QStringLiteral("saveBody"));
    connect(copy, &QPushButton::clicked, this, &PayloadView::copyCurrent);
    connect(save, &QPushButton::clicked, this, &PayloadView::saveBody);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(copy);
    top->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, &PayloadView::renderCurrentTab);
    const auto rewriteTimes = [this] {
        if (m_rendered.value(MetaTab)) {
            m_rendered[MetaTab] = false;
            if (m_tabs->currentIndex() == MetaTab)
                renderCurrentTab();
        }
    };
    connect(&TimeFormat::instance(), &TimeFormat::changed, this, rewriteTimes);
    connect(&TimeFormat::instance(), &TimeFormat::aged, this, rewriteTimes);
    clear();
}

void PayloadView::clear()
{
    m_hasDelivery = false;
    m_delivery = {};
    m_rendered = QList<bool>(TabCount, false);
    m_note.clear();
    m_summary->setText(tr("Select a message to see its body."));
    m_text->clear();
    m_json->clear();
    m_decoded->clear();
    m_life->clear();
    m_hex->setData({});
    m_base64->clear();
    m_meta->clear();
}

void PayloadView::showDelivery(const nsq::Delivery &delivery, const QString &stateText)
{
    m_delivery = delivery;
    m_stateText = stateText;
    m_hasDelivery = true;
    m_rendered = QList<bool>(TabCount, false);
    m_summary->setText(summaryText());
    renderCurrentTab();
}

QString PayloadView::summaryText() const
{
    QString text = tr("%1 — %2 bytes, attempt %3")
                       .arg(m_delivery.message.id.toString())
                       .arg(m_delivery.message.body.size())
                       .arg(m_delivery.message.attempts);
    if (!m_note.isEmpty())
        text += QStringLiteral(" — ") + m_note;
    return text;
}

void PayloadView::setNote(const QString &note)
{
    if (note == m_note)
        return;
    m_note = note;
    if (m_hasDelivery)
        m_summary->setText(summaryText());
}

void PayloadView::setLife(const QList<MessageModel::LifeStep> &life, int dropped)
{
    m_life->setLife(life, dropped);
}

void PayloadView::setStateText(const QString &state)
{
    if (state == m_stateText)
        return;
    m_stateText = state;
    if (m_rendered.value(MetaTab)) {
        m_rendered[MetaTab] = false;
        if (m_tabs->currentIndex() == MetaTab)
            renderCurrentTab();
    }
}

void PayloadView::renderCurrentTab()
{
    const int tab = m_tabs->currentIndex();
    if (!m_hasDelivery || tab < 0 || m_rendered.value(tab))
        return;
    m_rendered[tab] = true;
    const QByteArray &body = m_delivery.message.body;
    const QByteArray shown = body.left(kTextLimit);
    const QString cut = body.size() > kTextLimit
                            ? tr("\n\n[first %1 KiB of %2 bytes shown; Save writes all of it]")
                                  .arg(kTextLimit / 1024)
                                  .arg(body.size())
                            : QString();
    switch (tab) {
    case TextTab: {
        int invalid = 0;
        const QString whole = visibleText(shown, &invalid);
        const QString text = breakLongLines(whole);
        QString notes;
        if (invalid > 0)
            notes += tr("[%1 bytes are not valid UTF-8; shown as \\xNN]\n").arg(invalid);
        if (text.size() != whole.size())
            notes += tr("[lines longer than %1 characters are broken for display; Copy and Save "
                        "keep them whole]\n")
                         .arg(kLineLimit);
        m_text->setPlainText((notes.isEmpty() ? QString() : notes + QLatin1Char('\n')) + text +
                             cut);
        break;
    }
    case JsonTab: {
        m_json->clear();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError) {
            new QTreeWidgetItem(
                m_json,
                {tr("not JSON"), tr("%1 at byte %2").arg(error.errorString()).arg(error.offset)});
            break;
        }
        int budget = kJsonNodeLimit;
        auto *root =
            new QTreeWidgetItem(m_json, {doc.isArray() ? tr("array") : tr("object"), QString()});
        addJson(root, QString(), doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()),
                &budget);
        if (QTreeWidgetItem *top = root->child(0)) {
            root->setText(1, top->text(1));
            root->addChildren(top->takeChildren());
            delete root->takeChild(0);
        }
        if (budget < 0)
            new QTreeWidgetItem(
                m_json, {tr("…"), tr("more than %1 values; not all shown").arg(kJsonNodeLimit)});
        m_json->expandToDepth(1);
        break;
    }
    case HexTab:
        m_hex->setData(body);
        break;
    case DecodedTab:
        m_decoded->setBody(body);
        break;
    case Base64Tab:
        m_base64->setPlainText(breakLongLines(QString::fromLatin1(shown.toBase64()), 76) + cut);
        break;
    case MetaTab: {
        const nsq::Message &m = m_delivery.message;
        const auto when = [](qint64 ms) { return TimeFormat::instance().dateTime(ms); };
        m_meta->setPlainText(tr("ID:          %1\nPublished:   %2 (%3 ns)\nReceived:    %4\n"
                                "Attempts:    %5\nSize:        %6 bytes\nnsqd:        %7\n"
                                "State:       %8\n")
                                 .arg(m.id.toString(), when(m.timestamp / 1000000))
                                 .arg(m.timestamp)
                                 .arg(when(m_delivery.receivedMs))
                                 .arg(m.attempts)
                                 .arg(m.body.size())
                                 .arg(m_delivery.source, m_stateText));
        break;
    }
    default:
        break;
    }
}

void PayloadView::copyCurrent()
{
    if (!m_hasDelivery)
        return;
    QString text;
    switch (m_tabs->currentIndex()) {
    case TextTab:
        text = visibleText(m_delivery.message.body);
        break;
    case JsonTab: {
        const QJsonDocument doc = QJsonDocument::fromJson(m_delivery.message.body);
        text = doc.isNull() ? QString::fromUtf8(m_delivery.message.body)
                            : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
        break;
    }
    case HexTab:
        text = HexView::dump(m_delivery.message.body);
        break;
    case Base64Tab:
        text = QString::fromLatin1(m_delivery.message.body.toBase64());
        break;
    case DecodedTab:
        text = m_decoded->jsonText()->toPlainText();
        break;
    default:
        text = m_meta->toPlainText();
        break;
    }
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("Copied %1 characters").arg(text.size()));
}

void PayloadView::saveBody()
{
    if (!m_hasDelivery)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save message body"), m_delivery.message.id.toString() + QStringLiteral(".bin"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(m_delivery.message.body) != m_delivery.message.body.size()) {
        Q_EMIT statusMessage(tr("Could not save %1: %2").arg(path, f.errorString()));
        return;
    }
    Q_EMIT statusMessage(tr("Saved %1 bytes to %2").arg(m_delivery.message.body.size()).arg(path));
}

} // namespace nsqui
