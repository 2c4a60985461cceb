#include "schemadialog.h"

#include "connectpanel.h" // fieldErrorLabel

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nsqui {

SchemaDialog::SchemaDialog(const DecodeSettings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_protoFiles(new QLineEdit),
      m_includePaths(new QLineEdit), m_descriptorSet(new QLineEdit), m_type(new QComboBox),
      m_error(fieldErrorLabel(QStringLiteral("schemaError")))
{
    setObjectName(QStringLiteral("schemaDialog"));
    setWindowTitle(tr("Protobuf schema"));
    m_protoFiles->setObjectName(QStringLiteral("protoFiles"));
    m_protoFiles->setPlaceholderText(tr("/path/a.proto; /path/b.proto"));
    m_protoFiles->setText(settings.protoFiles.join(QStringLiteral("; ")));
    m_includePaths->setObjectName(QStringLiteral("includePaths"));
    m_includePaths->setPlaceholderText(tr("folders where imports are found (optional)"));
    m_includePaths->setText(settings.includePaths.join(QStringLiteral("; ")));
    m_descriptorSet->setObjectName(QStringLiteral("descriptorSet"));
    m_descriptorSet->setPlaceholderText(tr("or: protoc --descriptor_set_out … --include_imports"));
    m_descriptorSet->setText(settings.descriptorSet);
    m_type->setObjectName(QStringLiteral("messageType"));
    m_type->setMinimumContentsLength(24);
    if (!settings.messageType.isEmpty())
        m_type->addItem(settings.messageType);

    const auto browse = [this](QLineEdit *edit, bool folder, bool many) {
        auto *b = new QPushButton(folder ? tr("Add folder…") : (many ? tr("Add…") : tr("Choose…")));
        connect(b, &QPushButton::clicked, this, [this, edit, folder, many] {
            QStringList chosen;
            if (folder) {
                const QString dir = QFileDialog::getExistingDirectory(this, tr("Include folder"));
                if (!dir.isEmpty())
                    chosen << dir;
            } else if (many) {
                chosen = QFileDialog::getOpenFileNames(this, tr(".proto files"), {},
                                                       tr("Protocol Buffers (*.proto)"));
            } else {
                const QString f = QFileDialog::getOpenFileName(this, tr("Descriptor set"));
                if (!f.isEmpty())
                    edit->clear();
                if (!f.isEmpty())
                    chosen << f;
            }
            QStringList all = paths(edit);
            all += chosen;
            edit->setText(all.join(QStringLiteral("; ")));
        });
        return b;
    };
    const auto row = [](QWidget *field, QWidget *button) {
        auto *l = new QHBoxLayout;
        l->addWidget(field, 1);
        l->addWidget(button);
        return l;
    };
    auto *loadButton = new QPushButton(tr("&Load"));
    loadButton->setObjectName(QStringLiteral("loadSchema"));
    loadButton->setToolTip(tr("Import the files and list their message types"));
    auto *form = new QFormLayout;
    form->addRow(tr(".proto &files:"), row(m_protoFiles, browse(m_protoFiles, false, true)));
    form->addRow(tr("&Import folders:"), row(m_includePaths, browse(m_includePaths, true, true)));
    form->addRow(tr("&Descriptor set:"),
                 row(m_descriptorSet, browse(m_descriptorSet, false, false)));
    form->addRow(QString(), loadButton);
    form->addRow(QString(), m_error);
    form->addRow(tr("&Message type:"), m_type);

    auto *buttons = new QDialogButtonBox;
    m_ok = buttons->addButton(tr("OK"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("schemaOk"));
    QPushButton *clear = buttons->addButton(tr("No schema"), QDialogButtonBox::ResetRole);
    clear->setObjectName(QStringLiteral("schemaClear"));
    clear->setToolTip(tr("Read protobuf bodies without a schema (field numbers only)"));
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_settings.protoFiles = paths(m_protoFiles);
        m_settings.includePaths = paths(m_includePaths);
        m_settings.descriptorSet = m_descriptorSet->text().trimmed();
        m_settings.messageType = m_type->currentText();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_settings.protoFiles.clear();
        m_settings.includePaths.clear();
        m_settings.descriptorSet.clear();
        m_settings.messageType.clear();
        accept();
    });
    connect(loadButton, &QPushButton::clicked, this, &SchemaDialog::load);
    m_ok->setEnabled(!settings.messageType.isEmpty());
    connect(m_type, &QComboBox::currentTextChanged, this,
            [this](const QString &t) { m_ok->setEnabled(!t.isEmpty()); });

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Bodies of this topic are read as the message type chosen here. "
                                "Fields the schema does not know are kept and marked."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
}

QStringList SchemaDialog::paths(const QLineEdit *edit) const
{
    QStringList out;
    for (const QString &p : edit->text().split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            out << p.trimmed();
    return out;
}

void SchemaDialog::load()
{
    QString error;
    const std::shared_ptr<nsqdecode::ProtoSchema> schema = nsqdecode::ProtoSchema::fromFiles(
        paths(m_protoFiles), paths(m_includePaths), m_descriptorSet->text().trimmed(), &error);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    const QString before = m_type->currentText();
    m_type->clear();
    if (!schema)
        return;
    m_type->addItems(schema->messageTypes());
    const int keep = m_type->findText(before);
    if (keep >= 0)
        m_type->setCurrentIndex(keep);
}

DecodeSettings SchemaDialog::settings() const
{
    return m_settings;
}

} // namespace nsqui
