#include "connectpanel.h"

#include <client/address.h>
#include <protocol/names.h>

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace nsqui {

QStringList splitAddresses(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
}

namespace {
QString checkAddresses(const QStringList &addresses, bool http)
{
    for (QString a : addresses) {
        if (http && a.startsWith(QLatin1String("http://")))
            a.remove(0, 7);
        QString host;
        quint16 port = 0;
        const QString why = nsq::parseHostPort(a, &host, &port);
        if (!why.isEmpty())
            return why;
    }
    return {};
}
} // namespace

QLabel *ConnectPanel::errorLabel(const QString &name)
{
    auto *l = new QLabel;
    l->setObjectName(name + QStringLiteral("Error"));
    l->setStyleSheet(QStringLiteral("color: #c62828"));
    l->setWordWrap(true);
    l->hide();
    return l;
}

ConnectPanel::ConnectPanel(QWidget *parent)
    : QWidget(parent), m_nsqd(new QLineEdit), m_lookupd(new QLineEdit), m_topic(new QComboBox),
      m_channel(new QLineEdit), m_mode(new QComboBox), m_modeHint(new QLabel),
      m_maxInFlight(new QSpinBox), m_connect(new QPushButton(tr("Connect"))),
      m_nsqdError(errorLabel(QStringLiteral("nsqd"))),
      m_lookupdError(errorLabel(QStringLiteral("lookupd"))),
      m_topicError(errorLabel(QStringLiteral("topic"))),
      m_channelError(errorLabel(QStringLiteral("channel")))
{
    m_nsqd->setObjectName(QStringLiteral("nsqdAddresses"));
    m_nsqd->setPlaceholderText(QStringLiteral("127.0.0.1:4150"));
    m_nsqd->setToolTip(tr("nsqd TCP addresses, separated by commas"));
    m_lookupd->setObjectName(QStringLiteral("lookupdAddresses"));
    m_lookupd->setPlaceholderText(QStringLiteral("127.0.0.1:4161"));
    m_lookupd->setToolTip(tr("nsqlookupd HTTP addresses, separated by commas: the nsqd that have "
                             "the topic are found through them"));
    m_topic->setObjectName(QStringLiteral("topic"));
    m_topic->setEditable(true);
    m_topic->setInsertPolicy(QComboBox::NoInsert);
    m_topic->setToolTip(tr("The topic to look at"));
    m_channel->setObjectName(QStringLiteral("channel"));
    m_channel->setPlaceholderText(tr("new ephemeral channel"));
    m_channel->setToolTip(tr("Empty: a fresh ephemeral channel, gone when you disconnect. An "
                             "existing channel shares its messages with its other consumers."));
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("Hold — keep each message until I act"), int(Mode::Hold));
    m_mode->addItem(tr("Tail — finish on arrival"), int(Mode::Tail));
    m_mode->addItem(tr("Peek — requeue at once"), int(Mode::Peek));
    m_modeHint->setWordWrap(true);
    m_modeHint->setObjectName(QStringLiteral("modeHint"));
    m_maxInFlight->setObjectName(QStringLiteral("maxInFlight"));
    m_maxInFlight->setRange(1, 1000000);
    m_maxInFlight->setValue(25);
    m_maxInFlight->setToolTip(tr("How many messages nsqd may have in flight to this window at "
                                 "once (RDY); may be changed while connected"));
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);

    auto *form = new QFormLayout;
    const auto field = [](QWidget *w, QLabel *error) {
        auto *box = new QWidget;
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(w);
        v->addWidget(error);
        return box;
    };
    form->addRow(tr("&nsqd:"), field(m_nsqd, m_nsqdError));
    form->addRow(tr("&lookupd:"), field(m_lookupd, m_lookupdError));
    form->addRow(tr("&Topic:"), field(m_topic, m_topicError));
    form->addRow(tr("&Channel:"), field(m_channel, m_channelError));
    form->addRow(tr("&Mode:"), m_mode);
    form->addRow(QString(), m_modeHint);
    form->addRow(tr("Max in &flight:"), m_maxInFlight);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_connect);
    layout->addStretch(1);

    connect(m_nsqd, &QLineEdit::textChanged, this, &ConnectPanel::validate);
    connect(m_lookupd, &QLineEdit::textChanged, this, &ConnectPanel::validate);
    connect(m_topic, &QComboBox::editTextChanged, this, &ConnectPanel::validate);
    connect(m_channel, &QLineEdit::textChanged, this, &ConnectPanel::validate);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ConnectPanel::validate);
    connect(m_maxInFlight, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_connected)
            Q_EMIT maxInFlightChanged(v);
    });
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_connected) {
            Q_EMIT disconnectRequested();
            return;
        }
        validate();
        if (problems().isEmpty())
            Q_EMIT connectRequested(settings());
    });
    validate();
}

SessionSettings ConnectPanel::settings() const
{
    SessionSettings s;
    s.nsqdAddresses = splitAddresses(m_nsqd->text());
    s.lookupdAddresses = splitAddresses(m_lookupd->text());
    s.topic = m_topic->currentText().trimmed();
    s.channel = m_channel->text().trimmed();
    s.mode = Mode(m_mode->currentData().toInt());
    s.maxInFlight = m_maxInFlight->value();
    return s;
}

void ConnectPanel::setSettings(const SessionSettings &s)
{
    m_nsqd->setText(s.nsqdAddresses.join(QStringLiteral(", ")));
    m_lookupd->setText(s.lookupdAddresses.join(QStringLiteral(", ")));
    m_topic->setEditText(s.topic);
    m_channel->setText(s.channel);
    m_mode->setCurrentIndex(m_mode->findData(int(s.mode)));
    const QSignalBlocker block(m_maxInFlight);
    m_maxInFlight->setValue(s.maxInFlight);
    validate();
}

void ConnectPanel::setConnected(bool connected)
{
    m_connected = connected;
    for (QWidget *w : {static_cast<QWidget *>(m_nsqd), static_cast<QWidget *>(m_lookupd),
                       static_cast<QWidget *>(m_topic), static_cast<QWidget *>(m_channel),
                       static_cast<QWidget *>(m_mode)})
        w->setEnabled(!connected);
    m_connect->setText(connected ? tr("Disconnect") : tr("Connect"));
    validate();
}

void ConnectPanel::setMaxInFlightLimit(int limit)
{
    m_maxInFlight->setMaximum(qMax(1, limit));
}

QString ConnectPanel::errorFor(const QString &field) const
{
    const QLabel *l = field == QLatin1String("nsqd")      ? m_nsqdError
                      : field == QLatin1String("lookupd") ? m_lookupdError
                      : field == QLatin1String("topic")   ? m_topicError
                                                          : m_channelError;
    return l->isHidden() ? QString() : l->text();
}

QStringList ConnectPanel::problems() const
{
    QStringList p;
    for (const QLabel *l : {m_nsqdError, m_lookupdError, m_topicError, m_channelError})
        if (!l->isHidden())
            p << l->text();
    return p;
}

void ConnectPanel::validate()
{
    const SessionSettings s = settings();
    const auto show = [](QLabel *l, const QString &text) {
        l->setText(text);
        l->setHidden(text.isEmpty());
    };
    const bool noSource = s.nsqdAddresses.isEmpty() && s.lookupdAddresses.isEmpty();
    show(m_nsqdError, noSource ? tr("Give an nsqd TCP address or an nsqlookupd HTTP address.")
                               : checkAddresses(s.nsqdAddresses, false));
    show(m_lookupdError, checkAddresses(s.lookupdAddresses, true));
    show(m_topicError, s.topic.isEmpty() ? tr("Give a topic.")
                       : !nsq::isValidTopicName(s.topic)
                           ? tr("Not a topic name: 1–64 characters of "
                                "A–Z a–z 0–9 . _ -, optionally ending in #ephemeral.")
                           : QString());
    show(m_channelError, !s.channel.isEmpty() && !nsq::isValidChannelName(s.channel)
                             ? tr("Not a channel name: 1–64 characters of A–Z a–z 0–9 . _ -, "
                                  "optionally ending in #ephemeral.")
                             : QString());
    switch (s.mode) {
    case Mode::Hold:
        m_modeHint->setText(tr("Held messages go back to the channel at the server's msg_timeout "
                               "unless you finish, requeue or touch them."));
        break;
    case Mode::Tail:
        m_modeHint->setText(tr("Every message is finished as it arrives: it is consumed."));
        break;
    case Mode::Peek:
        m_modeHint->setText(tr("Every message is requeued at once, so others still get it; each "
                               "look adds one to its attempts."));
        break;
    }
    m_connect->setEnabled(m_connected || problems().isEmpty());
}

} // namespace nsqui
