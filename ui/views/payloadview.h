#pragma once

#include <client/handler.h>

#include "models/messagemodel.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

namespace nsqui {

class DecodedView;
class HexView;
class LifeDiagram;

// The selected message: its body as Text (UTF-8, bytes that are not shown as \xNN), JSON (a
// collapsible tree), Hex, Base64, and its metadata. Decoded on demand for the visible tab only.
class PayloadView : public QWidget
{
    Q_OBJECT
public:
    explicit PayloadView(QWidget *parent = nullptr);
    void showDelivery(const nsq::Delivery &delivery, const QString &stateText);
    void clear();
    // The message's life so far, drawn in the Life tab; dropped: steps not kept after the first.
    void setLife(const QList<MessageModel::LifeStep> &life, int dropped);
    LifeDiagram *life() const { return m_life; }
    // The state shown in the metadata, for the message already shown.
    void setStateText(const QString &state);
    QString stateText() const { return m_stateText; }
    // Said after the summary above the tabs, whichever tab is open ("" for none).
    void setNote(const QString &note);
    QString note() const { return m_note; }
    // The message shown, if any.
    const nsq::Delivery *shownDelivery() const { return m_hasDelivery ? &m_delivery : nullptr; }
    bool isShowing(const nsq::MessageId &id, quint16 attempts, qint64 receivedMs) const
    {
        return m_hasDelivery && m_delivery.message.id == id &&
               m_delivery.message.attempts == attempts && m_delivery.receivedMs == receivedMs;
    }
    QTabWidget *tabs() const { return m_tabs; }
    DecodedView *decoded() const { return m_decoded; }
    // Text as it is shown, with invalid UTF-8 bytes made visible; *invalid counts them.
    static QString visibleText(const QByteArray &body, int *invalid = nullptr);

public Q_SLOTS:
    void copyCurrent();
    void saveBody();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void renderCurrentTab();
    QString summaryText() const;

    nsq::Delivery m_delivery;
    QString m_stateText;
    QString m_note;
    bool m_hasDelivery = false;
    QList<bool> m_rendered;
    QTabWidget *m_tabs;
    QLabel *m_summary;
    QPlainTextEdit *m_text;
    QTreeWidget *m_json;
    DecodedView *m_decoded;
    LifeDiagram *m_life = nullptr;
    HexView *m_hex;
    QPlainTextEdit *m_base64;
    QPlainTextEdit *m_meta;
};

} // namespace nsqui
