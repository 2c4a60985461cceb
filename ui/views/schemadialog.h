#pragma once

#include "session/decodesettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace nsqui {

// Where a topic's protobuf schema comes from: .proto files and the folders their imports are in,
// or a descriptor set; imported (Load) to list the message types, one of which is picked. What is
// wrong with the files is shown under them, as protoc would say it.
class SchemaDialog : public QDialog
{
    Q_OBJECT
public:
    SchemaDialog(const DecodeSettings &settings, QWidget *parent = nullptr);
    // The settings with the schema chosen (or none, after Clear).
    DecodeSettings settings() const;

private:
    void load();
    QStringList paths(const QLineEdit *edit) const;

    DecodeSettings m_settings;
    QLineEdit *m_protoFiles;
    QLineEdit *m_includePaths;
    QLineEdit *m_descriptorSet;
    QComboBox *m_type;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace nsqui
