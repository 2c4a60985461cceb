#pragma once

#include "session/decodesettings.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace nsqui {

// The Decoded tab of the payload: the body read as JSON, MsgPack, CBOR or protobuf (with or
// without a schema), compression undone first, as a tree and as JSON text, with why it was read
// so. A body that does not read as chosen shows where it broke, next to its bytes there. The
// format and schema are the topic's, kept in the settings.
class DecodedView : public QWidget
{
    Q_OBJECT
public:
    explicit DecodedView(QWidget *parent = nullptr);

    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }
    void setBody(const QByteArray &body);
    void clear();
    const DecodeSettings &settings() const { return m_settings; }
    void setSettings(const DecodeSettings &settings); // and keeps them for the topic
    // The options the field filter uses too; a schema that does not load is left out.
    nsqdecode::DecodeOptions options() const;

    QTreeWidget *tree() const { return m_tree; }
    QPlainTextEdit *jsonText() const { return m_json; }

Q_SIGNALS:
    void settingsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void chooseSchema();
    void addNode(QTreeWidgetItem *parent, const nsqdecode::DecodedNode &node, int *budget);

    QString m_topic;
    DecodeSettings m_settings;
    QByteArray m_body;
    bool m_haveBody = false;
    QComboBox *m_format;
    QPushButton *m_schema;
    QLabel *m_reason;
    QLabel *m_error;
    QPlainTextEdit *m_errorHex;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_json;
};

} // namespace nsqui
