#include "connectpanel.h"

#include "connectionoptions.h"
#include "session/profilestore.h"

#include <client/address.h>
#include <protocol/names.h>

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace nsqui {

QStringList splitAddresses(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
}

namespace {
// The first problem only: one line under the field.
QString checkAddresses(const QStringList &addresses, bool http)
{
    return addressProblems(addresses, http).value(0);
}
} // namespace

QLabel *fieldErrorLabel(const QString &objectName)
{
    auto *l = new QLabel;
    l->setObjectName(objectName);
    l->setStyleSheet(QStringLiteral("color: #c62828"));
    l->setWordWrap(true);
    l->hide();
    return l;
}

ConnectPanel::ConnectPanel(QWidget *parent)
    : QWidget(parent), m_nsqd(new QLineEdit), m_lookupd(new QLineEdit), m_nsqdHttp(new QLineEdit),
      m_profile(new QComboBox), m_profileNote(new QLabel), m_options(new ConnectionOptions),
      m_insecureBadge(new QLabel), m_secrets(new SecretStore(this)),
      m_refreshTopics(new QToolButton), m_warningBox(new QFrame), m_warnings(new QLabel),
      m_holdNote(new QLabel), m_topicsStatus(new QLabel), m_topic(new QComboBox),
      m_channel(new QLineEdit), m_mode(new QComboBox), m_modeHint(new QLabel),
      m_maxInFlight(new QSpinBox), m_connect(new QPushButton(tr("Connect"))),
      m_nsqdError(fieldErrorLabel(QStringLiteral("nsqdError"))),
      m_lookupdError(fieldErrorLabel(QStringLiteral("lookupdError"))),
      m_nsqdHttpError(fieldErrorLabel(QStringLiteral("nsqdHttpError"))),
      m_topicError(fieldErrorLabel(QStringLiteral("topicError"))),
      m_channelError(fieldErrorLabel(QStringLiteral("channelError")))
{
    m_nsqd->setObjectName(QStringLiteral("nsqdAddresses"));
    m_nsqd->setPlaceholderText(QStringLiteral("127.0.0.1:4150"));
    m_nsqd->setToolTip(tr("nsqd TCP addresses, separated by commas"));
    m_lookupd->setObjectName(QStringLiteral("lookupdAddresses"));
    m_lookupd->setPlaceholderText(QStringLiteral("127.0.0.1:4161"));
    m_lookupd->setToolTip(tr("nsqlookupd HTTP addresses, separated by commas: the nsqd that have "
                             "the topic are found through them"));
    m_nsqdHttp->setObjectName(QStringLiteral("nsqdHttpAddresses"));
    m_nsqdHttp->setPlaceholderText(tr("TCP port + 1"));
    m_nsqdHttp->setToolTip(tr("nsqd HTTP addresses, for topic names and the checks made before "
                              "subscribing; empty: each nsqd's TCP port + 1"));
    m_refreshTopics->setObjectName(QStringLiteral("refreshTopics"));
    m_refreshTopics->setText(QStringLiteral("↻"));
    m_refreshTopics->setToolTip(tr("Ask the servers which topics they have"));
    m_topicsStatus->setObjectName(QStringLiteral("topicsStatus"));
    m_topicsStatus->setWordWrap(true);
    m_topicsStatus->hide();
    m_topic->setObjectName(QStringLiteral("topic"));
    m_topic->setEditable(true);
    m_topic->setInsertPolicy(QComboBox::NoInsert);
    m_topic->setToolTip(tr("The topic to look at"));
    m_channel->setObjectName(QStringLiteral("channel"));
    m_channel->setPlaceholderText(tr("new ephemeral channel"));
    m_channel->setToolTip(tr("Empty: a fresh ephemeral channel, gone when you disconnect. An "
                             "existing channel shares its messages with its other consumers."));
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("Hold — keep until I act"), int(Mode::Hold));
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

    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setEditable(true);
    m_profile->setInsertPolicy(QComboBox::NoInsert);
    m_profile->lineEdit()->setPlaceholderText(tr("unsaved"));
    m_profile->setToolTip(tr("Saved connections: pick one, or type a name and Save"));
    m_profile->addItems(ProfileStore::names());
    m_profile->setCurrentIndex(-1);
    m_profileNote->setObjectName(QStringLiteral("profileNote"));
    m_profileNote->setWordWrap(true);
    m_profileNote->hide();
    auto *saveProfile = new QPushButton(tr("Save"));
    saveProfile->setObjectName(QStringLiteral("saveProfile"));
    saveProfile->setToolTip(tr("Save this form as the profile named beside it"));
    auto *deleteProfile = new QPushButton(tr("Delete"));
    deleteProfile->setObjectName(QStringLiteral("deleteProfile"));
    deleteProfile->setToolTip(tr("Delete the profile named beside it, and its secret"));
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(saveProfile);
    profileRow->addWidget(deleteProfile);
    connect(m_profile, &QComboBox::textActivated, this, &ConnectPanel::loadProfile);
    connect(saveProfile, &QPushButton::clicked, this, [this] {
        const QString error = this->saveProfile();
        if (!error.isEmpty()) {
            m_profileNote->setText(error);
            m_profileNote->show();
        }
    });
    connect(deleteProfile, &QPushButton::clicked, this, [this] {
        const QString name = profileName();
        if (!ProfileStore::contains(name))
            return;
        ProfileStore::remove(name);
        m_secrets->remove(name);
        m_profile->removeItem(m_profile->findText(name));
        m_profile->setEditText(QString());
        m_profileNote->setText(tr("Profile %1 deleted.").arg(name));
        m_profileNote->show();
    });

    auto *optionsToggle = new QToolButton;
    optionsToggle->setObjectName(QStringLiteral("optionsToggle"));
    optionsToggle->setText(tr("Connection options"));
    optionsToggle->setCheckable(true);
    optionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    optionsToggle->setArrowType(Qt::RightArrow);
    optionsToggle->setAutoRaise(true);
    optionsToggle->setToolTip(tr("TLS, AUTH, compression, heartbeat, msg_timeout, user agent"));
    m_options->setObjectName(QStringLiteral("connectionOptions"));
    m_options->hide();
    connect(optionsToggle, &QToolButton::toggled, this, [this, optionsToggle](bool on) {
        optionsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_options->setVisible(on);
    });
    m_insecureBadge->setObjectName(QStringLiteral("insecureBadge"));
    m_insecureBadge->setText(tr("⚠ insecure: TLS without verification"));
    m_insecureBadge->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold"));
    m_insecureBadge->hide();
    connect(m_options, &ConnectionOptions::changed, this, &ConnectPanel::validate);

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
    form->addRow(tr("nsqd &HTTP:"), field(m_nsqdHttp, m_nsqdHttpError));
    auto *topicRow = new QWidget;
    auto *topicLayout = new QHBoxLayout(topicRow);
    topicLayout->setContentsMargins(0, 0, 0, 0);
    topicLayout->addWidget(m_topic, 1);
    topicLayout->addWidget(m_refreshTopics);
    auto *topicBox = field(topicRow, m_topicError);
    topicBox->layout()->addWidget(m_topicsStatus);
    form->addRow(tr("&Topic:"), topicBox);
    form->addRow(tr("&Channel:"), field(m_channel, m_channelError));
    form->addRow(tr("&Mode:"), m_mode);
    form->addRow(QString(), m_modeHint);
    form->addRow(tr("Max in &flight:"), m_maxInFlight);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(profileRow);
    layout->addWidget(m_profileNote);
    layout->addLayout(form);
    layout->addWidget(optionsToggle);
    layout->addWidget(m_options);
    layout->addWidget(m_insecureBadge);
    layout->addWidget(m_connect);

    // Before subscribing: what /stats says, and the user's answer.
    m_warningBox->setObjectName(QStringLiteral("subscriptionWarning"));
    m_warningBox->setFrameShape(QFrame::StyledPanel);
    m_warningBox->setStyleSheet(
        QStringLiteral("#subscriptionWarning { background: #fff3cd; border: 1px solid #e0c36a; }"));
    m_warnings->setObjectName(QStringLiteral("subscriptionWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    auto *goOn = new QPushButton(tr("Connect anyway"));
    goOn->setObjectName(QStringLiteral("connectAnyway"));
    auto *cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("cancelConnect"));
    auto *answers = new QHBoxLayout;
    answers->addStretch(1);
    answers->addWidget(cancel);
    answers->addWidget(goOn);
    auto *boxLayout = new QVBoxLayout(m_warningBox);
    boxLayout->addWidget(m_warnings);
    boxLayout->addLayout(answers);
    m_warningBox->hide();
    layout->addWidget(m_warningBox);
    m_holdNote->setObjectName(QStringLiteral("holdNote"));
    m_holdNote->setWordWrap(true);
    m_holdNote->hide();
    layout->addWidget(m_holdNote);
    layout->addStretch(1);
    connect(goOn, &QPushButton::clicked, this, [this] {
        m_warningBox->hide();
        Q_EMIT connectConfirmed();
    });
    connect(cancel, &QPushButton::clicked, this, [this] {
        m_warningBox->hide();
        setChecking(false);
        m_channel->setFocus(); // pick another channel
        m_channel->selectAll();
    });
    connect(m_refreshTopics, &QToolButton::clicked, this, [this] {
        m_topicsStatus->setText(tr("asking…"));
        m_topicsStatus->show();
        Q_EMIT topicsWanted(settings());
    });
    connect(m_nsqdHttp, &QLineEdit::textChanged, this, &ConnectPanel::validate);

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
    s.nsqdHttpAddresses = splitAddresses(m_nsqdHttp->text());
    s.topic = m_topic->currentText().trimmed();
    s.channel = m_channel->text().trimmed();
    s.mode = Mode(m_mode->currentData().toInt());
    s.maxInFlight = m_maxInFlight->value();
    m_options->apply(&s.config);
    s.giveUpAfter = m_options->giveUpAfter();
    s.config.authSecret = m_options->authSecret();
    return s;
}

void ConnectPanel::setSettings(const SessionSettings &s)
{
    m_nsqd->setText(s.nsqdAddresses.join(QStringLiteral(", ")));
    m_lookupd->setText(s.lookupdAddresses.join(QStringLiteral(", ")));
    m_nsqdHttp->setText(s.nsqdHttpAddresses.join(QStringLiteral(", ")));
    m_topic->setEditText(s.topic);
    m_channel->setText(s.channel);
    m_mode->setCurrentIndex(m_mode->findData(int(s.mode)));
    m_options->setFrom(s.config);
    m_options->setGiveUpAfter(s.giveUpAfter);
    m_options->setAuthSecret(s.config.authSecret);
    const QSignalBlocker block(m_maxInFlight);
    m_maxInFlight->setValue(s.maxInFlight);
    validate();
}

void ConnectPanel::setConnected(bool connected)
{
    m_connected = connected;
    m_checking = false;
    m_warningBox->hide();
    m_holdNote->setVisible(connected && !m_holdNote->text().isEmpty());
    for (QWidget *w : {static_cast<QWidget *>(m_nsqd), static_cast<QWidget *>(m_lookupd),
                       static_cast<QWidget *>(m_nsqdHttp), static_cast<QWidget *>(m_refreshTopics),
                       static_cast<QWidget *>(m_topic), static_cast<QWidget *>(m_channel),
                       static_cast<QWidget *>(m_mode), static_cast<QWidget *>(m_options),
                       static_cast<QWidget *>(m_profile)})
        w->setEnabled(!connected);
    m_connect->setText(connected ? tr("Disconnect") : tr("Connect"));
    validate();
}

void ConnectPanel::showMaxInFlight(int count)
{
    const QSignalBlocker block(m_maxInFlight);
    m_maxInFlight->setValue(count);
}

void ConnectPanel::setMaxInFlightLimit(int limit)
{
    m_maxInFlight->setMaximum(qMax(1, limit));
}

void ConnectPanel::setChecking(bool checking)
{
    m_checking = checking;
    m_connect->setText(checking ? tr("Checking the topic…") : tr("Connect"));
    validate();
}

void ConnectPanel::showReport(const SubscriptionReport &report)
{
    m_holdNote->setText(report.holdNote);
    m_holdNote->setVisible(!report.holdNote.isEmpty());
    if (report.warnings.isEmpty()) {
        m_warningBox->hide();
        return;
    }
    m_warnings->setText(report.warnings.join(QStringLiteral("\n\n")));
    m_warningBox->show();
}

void ConnectPanel::setTopicSuggestions(const QStringList &topics, const QString &error)
{
    const QString typed = m_topic->currentText();
    {
        const QSignalBlocker block(m_topic);
        m_topic->clear();
        m_topic->addItems(topics);
        m_topic->setEditText(typed);
    }
    m_topicsStatus->setText(!error.isEmpty() ? tr("Could not list topics: %1").arg(error)
                            : topics.isEmpty()
                                ? tr("No topics yet.")
                                : tr("%1 topics offered in the list.").arg(topics.size()));
    m_topicsStatus->show();
}

QString ConnectPanel::profileName() const
{
    return m_profile->currentText().trimmed();
}

void ConnectPanel::loadProfile(const QString &name)
{
    if (!ProfileStore::contains(name))
        return;
    SessionSettings s = ProfileStore::load(name);
    setSettings(s);
    m_profile->setEditText(name);
    m_profileNote->hide();
    m_options->setSecretNote(QString());
    QPointer<ConnectPanel> self(this);
    m_secrets->read(name, [self, name](const QString &secret, const QString &error) {
        if (!self || self->profileName() != name)
            return;
        if (!secret.isEmpty())
            self->m_options->setAuthSecret(secret);
        self->m_options->setSecretNote(error);
    });
}

QString ConnectPanel::saveProfile()
{
    const QString name = profileName();
    QString error = ProfileStore::checkName(name);
    if (!error.isEmpty())
        return error;
    SessionSettings s = settings();
    const QString secret = s.config.authSecret;
    s.config.authSecret.clear();
    ProfileStore::save(name, s);
    if (m_profile->findText(name) < 0)
        m_profile->addItem(name);
    m_profile->setEditText(name);
    m_profileNote->setText(tr("Saved as %1.").arg(name));
    m_profileNote->show();
    if (secret.isEmpty()) {
        m_secrets->remove(name);
        return {};
    }
    QPointer<ConnectPanel> self(this);
    m_options->setSecretNote(tr("storing the secret in the keychain…"));
    m_secrets->write(name, secret, [self](const QString &, const QString &error) {
        if (self)
            self->m_options->setSecretNote(error.isEmpty() ? tr("The secret is in the keychain.")
                                                           : error);
    });
    return {};
}

QString ConnectPanel::errorFor(const QString &field) const
{
    const QLabel *l = field == QLatin1String("nsqd")       ? m_nsqdError
                      : field == QLatin1String("lookupd")  ? m_lookupdError
                      : field == QLatin1String("nsqdHttp") ? m_nsqdHttpError
                      : field == QLatin1String("topic")    ? m_topicError
                                                           : m_channelError;
    return l->isHidden() ? QString() : l->text();
}

QStringList ConnectPanel::problems() const
{
    QStringList p;
    for (const QLabel *l :
         {m_nsqdError, m_lookupdError, m_nsqdHttpError, m_topicError, m_channelError})
        if (!l->isHidden())
            p << l->text();
    p << m_options->problems();
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
    show(m_nsqdHttpError, checkAddresses(s.nsqdHttpAddresses, true));
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
    m_insecureBadge->setVisible(m_options->isInsecure());
    m_connect->setEnabled(m_connected || (!m_checking && problems().isEmpty()));
}

} // namespace nsqui
