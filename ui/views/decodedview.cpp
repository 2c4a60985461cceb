#include "decodedview.h"

#include "connectpanel.h" // fieldErrorLabel
#include "hexview.h"
#include "schemadialog.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nsqui {

namespace {
// A tree shows this many values at most; the JSON text has them all.
constexpr int kTreeBudget = 20000;
// What one cell and the JSON text show at most: a 16 MB string is not laid out in a widget.
constexpr qsizetype kCellChars = 2000;
constexpr qsizetype kJsonChars = 256 * 1024;

QString cell(const nsqdecode::DecodedNode &node)
{
    using K = nsqdecode::DecodedNode::Kind;
    if (node.kind == K::String && node.value.toString().size() > kCellChars) {
        const QString whole = node.value.toString();
        return DecodedView::tr("%1… (%2 characters; the JSON text has more)")
            .arg(whole.left(kCellChars))
            .arg(whole.size());
    }
    QString text = node.displayValue();
    if (text.size() > kCellChars)
        text = DecodedView::tr("%1… (%2 characters; the JSON text has more)")
                   .arg(text.left(kCellChars))
                   .arg(text.size());
    return text;
}
} // namespace

DecodedView::DecodedView(QWidget *parent)
    : QWidget(parent), m_format(new QComboBox), m_schema(new QPushButton), m_reason(new QLabel),
      m_error(fieldErrorLabel(QStringLiteral("decodeError"))), m_errorHex(new QPlainTextEdit),
      m_tree(new QTreeWidget), m_json(new QPlainTextEdit)
{
    m_format->setObjectName(QStringLiteral("decodeFormat"));
    for (const auto &[label, format] : {std::pair{tr("Auto"), nsqdecode::Format::Auto},
                                        {tr("JSON"), nsqdecode::Format::Json},
                                        {tr("MsgPack"), nsqdecode::Format::MsgPack},
                                        {tr("CBOR"), nsqdecode::Format::Cbor},
                                        {tr("Protobuf"), nsqdecode::Format::Protobuf},
                                        {tr("Raw"), nsqdecode::Format::Raw}})
        m_format->addItem(label, nsqdecode::formatName(format));
    m_format->setToolTip(tr("How this topic's bodies are read; Auto finds the format (gzip, zlib, "
                            "snappy, zstd and lz4 are undone first). Kept per topic."));
    m_schema->setObjectName(QStringLiteral("decodeSchema"));
    m_schema->setText(tr("Protobuf schema…"));
    m_schema->setToolTip(tr("Read protobuf bodies with .proto files or a descriptor set"));
    m_reason->setObjectName(QStringLiteral("decodeReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_errorHex->setObjectName(QStringLiteral("decodeErrorHex"));
    m_errorHex->setReadOnly(true);
    m_errorHex->setFont(mono);
    m_errorHex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_errorHex->setMaximumHeight(QFontMetrics(mono).lineSpacing() * 8);
    m_errorHex->hide();
    m_tree->setObjectName(QStringLiteral("decodedTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Field"), tr("Value"), tr("Type")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->setColumnWidth(0, 180);
    m_tree->setColumnWidth(1, 260);
    m_json->setObjectName(QStringLiteral("decodedJson"));
    m_json->setReadOnly(true);
    m_json->setFont(mono);

    auto *views = new QTabWidget;
    views->setObjectName(QStringLiteral("decodedViews"));
    views->setDocumentMode(true);
    views->addTab(m_tree, tr("Tree"));
    views->addTab(m_json, tr("JSON text"));

    auto *bar = new QHBoxLayout;
    auto *readAs = new QLabel(tr("&Read as:"));
    readAs->setBuddy(m_format);
    bar->addWidget(readAs);
    bar->addWidget(m_format);
    bar->addWidget(m_schema);
    bar->addWidget(m_reason, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(m_errorHex);
    layout->addWidget(views, 1);

    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        nsqdecode::formatFromName(m_format->currentData().toString(), &m_settings.format);
        if (!m_topic.isEmpty())
            m_settings.save(m_topic);
        render();
        Q_EMIT settingsChanged();
    });
    connect(m_schema, &QPushButton::clicked, this, &DecodedView::chooseSchema);
    clear();
}

void DecodedView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_haveBody)
        render(); // the reason and errors are built from pieces
    QWidget::changeEvent(event);
}

void DecodedView::setTopic(const QString &topic)
{
    m_topic = topic;
    m_settings = DecodeSettings::load(topic);
    const QSignalBlocker quiet(m_format);
    m_format->setCurrentIndex(
        qMax(0, m_format->findData(nsqdecode::formatName(m_settings.format))));
    render();
}

void DecodedView::setSettings(const DecodeSettings &settings)
{
    m_settings = settings;
    if (!m_topic.isEmpty())
        m_settings.save(m_topic);
    const QSignalBlocker quiet(m_format);
    m_format->setCurrentIndex(
        qMax(0, m_format->findData(nsqdecode::formatName(m_settings.format))));
    render();
    Q_EMIT settingsChanged();
}

nsqdecode::DecodeOptions DecodedView::options() const
{
    QString ignored;
    return m_settings.options(&ignored);
}

void DecodedView::chooseSchema()
{
    SchemaDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    DecodeSettings::forgetLoadedSchemas();
    DecodeSettings chosen = dialog.settings();
    if (chosen.hasSchema() && chosen.format == nsqdecode::Format::Raw)
        chosen.format = nsqdecode::Format::Protobuf;
    setSettings(chosen);
}

void DecodedView::clear()
{
    m_body.clear();
    m_haveBody = false;
    m_tree->clear();
    m_json->clear();
    m_error->hide();
    m_errorHex->hide();
    m_reason->setText(tr("Select a message to read its body."));
}

void DecodedView::setBody(const QByteArray &body)
{
    m_body = body;
    m_haveBody = true;
    render();
}

void DecodedView::addNode(QTreeWidgetItem *parent, const nsqdecode::DecodedNode &node, int *budget)
{
    if (--*budget < 0)
        return;
    using K = nsqdecode::DecodedNode::Kind;
    const bool container = node.kind == K::Map || node.kind == K::Array;
    QString type = node.type.isEmpty() ? node.kindName() : node.type;
    auto *item = new QTreeWidgetItem(parent, {node.key.left(kCellChars), cell(node), type});
    QString tip = node.note;
    if (!tip.isEmpty())
        item->setText(2, QStringLiteral("%1 (%2)").arg(type, node.note));
    if (node.note.contains(QLatin1String("unknown field"))) {
        QFont italic = item->font(0);
        italic.setItalic(true);
        for (int c = 0; c < 3; ++c)
            item->setFont(c, italic);
    }
    if (container)
        for (const nsqdecode::DecodedNode &c : node.children)
            addNode(item, c, budget);
}

void DecodedView::render()
{
    m_tree->clear();
    m_json->clear();
    m_error->hide();
    m_errorHex->hide();
    m_schema->setText(m_settings.hasSchema() ? tr("Schema: %1…").arg(m_settings.messageType)
                                             : tr("Protobuf schema…"));
    if (!m_haveBody)
        return;
    QString schemaError;
    const nsqdecode::DecodeOptions o = m_settings.options(&schemaError);
    const nsqdecode::DecodedBody d = nsqdecode::decodeBody(m_body, o);
    QString reason = tr("Read as: %1").arg(d.reason);
    if (!schemaError.isEmpty())
        reason += QLatin1Char('\n') + tr("The schema is not used: %1").arg(schemaError);
    m_reason->setText(reason);
    if (!d.result.ok) {
        const qsizetype at = d.result.offset;
        m_error->setText(
            at >= 0 ? tr("Breaks at byte %1 (0x%2)%3: %4")
                          .arg(at)
                          .arg(at, 0, 16)
                          .arg(d.layers.isEmpty() ? QString() : tr(" of the decompressed body"),
                               d.result.error)
                    : d.result.error);
        m_error->show();
        // The bytes around the break, the broken one marked.
        const QByteArray &data = d.data;
        if (at >= 0 && !data.isEmpty()) {
            const qsizetype row = qMin(at, data.size() - 1) / 16 * 16;
            QStringList lines;
            for (qsizetype r = qMax<qsizetype>(0, row - 32); r <= row + 16 && r < data.size();
                 r += 16) {
                lines << HexView::line(data, r);
                if (r == row) {
                    const int i = int(qMin(at, data.size()) - row);
                    const int column = 10 + 3 * qMin(i, 15) + (i >= 8 ? 1 : 0);
                    lines << QString(column, QLatin1Char(' ')) +
                                 (at >= data.size() ? QStringLiteral("  ^ ends here")
                                                    : QStringLiteral("^^"));
                }
            }
            m_errorHex->setPlainText(lines.join(QLatin1Char('\n')));
            m_errorHex->show();
        }
        return;
    }
    int budget = kTreeBudget;
    auto *root =
        new QTreeWidgetItem(m_tree, {tr("(body)"), cell(d.result.root), d.result.description});
    for (const nsqdecode::DecodedNode &c : d.result.root.children)
        addNode(root, c, &budget);
    if (budget < 0)
        new QTreeWidgetItem(m_tree, {tr("(more)"), tr("the tree shows the first %1 values; the "
                                                      "JSON text has them all")
                                                       .arg(kTreeBudget)});
    m_tree->expandToDepth(1);
    // A huge single string or bytes value is cut before it is written as JSON at all.
    nsqdecode::DecodedNode shown = d.result.root;
    using K = nsqdecode::DecodedNode::Kind;
    if (shown.kind == K::String && shown.value.toString().size() > kJsonChars)
        shown.value = shown.value.toString().left(kJsonChars);
    else if (shown.kind == K::Bytes && shown.value.toByteArray().size() > kJsonChars)
        shown.value = shown.value.toByteArray().left(kJsonChars / 2);
    QByteArray json = nsqdecode::toJsonText(shown, true);
    if (shown.value != d.result.root.value)
        json += tr("\n… (the first %1 KiB of a value of %2; Save body… keeps the body whole)")
                    .arg(kJsonChars / 1024)
                    .arg(d.result.root.kind == K::String
                             ? tr("%1 characters").arg(d.result.root.value.toString().size())
                             : tr("%1 bytes").arg(d.result.root.value.toByteArray().size()))
                    .toUtf8();
    if (json.size() > kJsonChars) {
        const qsizetype whole = json.size();
        json.truncate(kJsonChars);
        json += tr("\n… (the first %1 KiB of %2 bytes of JSON; Save body… keeps the body whole)")
                    .arg(kJsonChars / 1024)
                    .arg(whole)
                    .toUtf8();
    }
    m_json->setPlainText(QString::fromUtf8(json));
}

} // namespace nsqui
