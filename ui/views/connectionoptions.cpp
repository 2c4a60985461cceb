#include "connectionoptions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>

namespace nsqui {

namespace {
QLabel *redLabel(const QString &name)
{
    auto *l = new QLabel;
    l->setObjectName(name);
    l->setStyleSheet(QStringLiteral("color: #c62828"));
    l->setWordWrap(true);
    l->hide();
    return l;
}
} // namespace

ConnectionOptions::ConnectionOptions(QWidget *parent)
    : QWidget(parent), m_tls(new QCheckBox(tr("Use TLS"))), m_caFile(new QLineEdit),
      m_certFile(new QLineEdit), m_keyFile(new QLineEdit),
      m_verify(new QCheckBox(tr("Verify the server's certificate"))),
      m_insecure(redLabel(QStringLiteral("insecureMarker"))),
      m_tlsError(redLabel(QStringLiteral("tlsError"))), m_secret(new QLineEdit),
      m_secretNote(new QLabel), m_compression(new QComboBox), m_heartbeat(new QSpinBox),
      m_msgTimeout(new QSpinBox), m_giveUp(new QSpinBox), m_userAgent(new QLineEdit),
      m_configError(redLabel(QStringLiteral("optionsError")))
{
    m_tls->setObjectName(QStringLiteral("tls"));
    m_caFile->setObjectName(QStringLiteral("tlsCaFile"));
    m_caFile->setPlaceholderText(tr("system CAs"));
    m_certFile->setObjectName(QStringLiteral("tlsCertFile"));
    m_certFile->setPlaceholderText(tr("none"));
    m_keyFile->setObjectName(QStringLiteral("tlsKeyFile"));
    m_keyFile->setPlaceholderText(tr("none"));
    m_verify->setObjectName(QStringLiteral("tlsVerify"));
    m_verify->setChecked(true);
    m_insecure->setText(tr("INSECURE: the server's identity is not checked; anyone in between "
                           "can read and change the messages."));
    m_secret->setObjectName(QStringLiteral("authSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("none"));
    m_secret->setToolTip(tr("Sent with AUTH; kept in the system keychain, never in the settings"));
    m_secretNote->setObjectName(QStringLiteral("secretNote"));
    m_secretNote->setWordWrap(true);
    m_secretNote->hide();
    m_compression->setObjectName(QStringLiteral("compression"));
    m_compression->addItem(tr("none"));
    m_compression->addItem(QStringLiteral("snappy"));
    m_compression->addItem(QStringLiteral("deflate"));
    m_heartbeat->setObjectName(QStringLiteral("heartbeatInterval"));
    m_heartbeat->setRange(1000, 60000); // nsqd's --max-heartbeat-interval is 60 s by default
    m_heartbeat->setSingleStep(1000);
    m_heartbeat->setValue(30000);
    m_heartbeat->setSuffix(tr(" ms"));
    m_msgTimeout->setObjectName(QStringLiteral("msgTimeout"));
    m_msgTimeout->setRange(0, 15 * 60 * 1000); // nsqd's --max-msg-timeout is 15 min by default
    m_msgTimeout->setSingleStep(1000);
    m_msgTimeout->setSpecialValueText(tr("server's default"));
    m_msgTimeout->setSuffix(tr(" ms"));
    m_userAgent->setObjectName(QStringLiteral("userAgent"));
    m_userAgent->setPlaceholderText(nsq::Config().effectiveUserAgent());

    const auto withBrowse = [this](QLineEdit *edit, const QString &title) {
        auto *row = new QWidget;
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(edit, 1);
        auto *browse = new QToolButton;
        browse->setText(QStringLiteral("…"));
        browse->setToolTip(title);
        h->addWidget(browse);
        connect(browse, &QToolButton::clicked, this, [this, edit, title] {
            const QString f = QFileDialog::getOpenFileName(this, title, edit->text());
            if (!f.isEmpty())
                edit->setText(f);
        });
        return row;
    };
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_tls);
    form->addRow(tr("CA file:"), withBrowse(m_caFile, tr("Choose the CA certificate (PEM)")));
    form->addRow(tr("Client cert:"), withBrowse(m_certFile, tr("Choose the client certificate")));
    form->addRow(tr("Client key:"), withBrowse(m_keyFile, tr("Choose the client key")));
    form->addRow(m_verify);
    form->addRow(m_insecure);
    form->addRow(m_tlsError);
    form->addRow(tr("AUTH secret:"), m_secret);
    form->addRow(m_secretNote);
    form->addRow(tr("Compression:"), m_compression);
    form->addRow(tr("Heartbeat:"), m_heartbeat);
    form->addRow(tr("msg_timeout:"), m_msgTimeout);
    m_giveUp->setObjectName(QStringLiteral("giveUpAfter"));
    m_giveUp->setRange(0, 65535);
    m_giveUp->setSpecialValueText(tr("never"));
    m_giveUp->setSuffix(tr(" attempts"));
    m_giveUp->setToolTip(tr("Finish a message delivered more often than this and list it under "
                            "Gave up, where it can be exported or resent (max_attempts). Never: "
                            "every message is left to you. Off in Peek mode, which leaves every "
                            "message in the channel"));
    form->addRow(tr("Give up after:"), m_giveUp);
    form->addRow(tr("User agent:"), m_userAgent);
    form->addRow(m_configError);

    for (QLineEdit *e : {m_caFile, m_certFile, m_keyFile, m_secret, m_userAgent})
        connect(e, &QLineEdit::textChanged, this, &ConnectionOptions::validate);
    for (QCheckBox *c : {m_tls, m_verify})
        connect(c, &QCheckBox::toggled, this, &ConnectionOptions::validate);
    connect(m_compression, &QComboBox::currentIndexChanged, this, &ConnectionOptions::validate);
    connect(m_heartbeat, &QSpinBox::valueChanged, this, &ConnectionOptions::validate);
    connect(m_msgTimeout, &QSpinBox::valueChanged, this, &ConnectionOptions::validate);
    validate();
}

void ConnectionOptions::apply(nsq::Config *c) const
{
    c->tlsV1 = m_tls->isChecked();
    c->tlsRootCaFile = m_tls->isChecked() ? m_caFile->text().trimmed() : QString();
    c->tlsCertFile = m_tls->isChecked() ? m_certFile->text().trimmed() : QString();
    c->tlsKeyFile = m_tls->isChecked() ? m_keyFile->text().trimmed() : QString();
    c->tlsInsecureSkipVerify = m_tls->isChecked() && !m_verify->isChecked();
    c->snappy = m_compression->currentIndex() == 1;
    c->deflate = m_compression->currentIndex() == 2;
    c->heartbeatInterval = m_heartbeat->value();
    c->msgTimeout = m_msgTimeout->value();
    c->userAgent = m_userAgent->text().trimmed();
}

void ConnectionOptions::setFrom(const nsq::Config &c)
{
    m_tls->setChecked(c.tlsV1);
    m_caFile->setText(c.tlsRootCaFile);
    m_certFile->setText(c.tlsCertFile);
    m_keyFile->setText(c.tlsKeyFile);
    m_verify->setChecked(!c.tlsInsecureSkipVerify);
    m_compression->setCurrentIndex(c.snappy ? 1 : c.deflate ? 2 : 0);
    m_heartbeat->setValue(qBound(1000, c.heartbeatInterval, 60000));
    m_msgTimeout->setValue(c.msgTimeout);
    m_userAgent->setText(c.userAgent);
    validate();
}

int ConnectionOptions::giveUpAfter() const
{
    return m_giveUp->value();
}

void ConnectionOptions::setGiveUpAfter(int attempts)
{
    m_giveUp->setValue(attempts);
}

QString ConnectionOptions::authSecret() const
{
    return m_secret->text();
}

void ConnectionOptions::setAuthSecret(const QString &secret)
{
    m_secret->setText(secret);
}

void ConnectionOptions::setSecretNote(const QString &note)
{
    m_secretNote->setText(note);
    m_secretNote->setVisible(!note.isEmpty());
}

bool ConnectionOptions::isInsecure() const
{
    return m_tls->isChecked() && !m_verify->isChecked();
}

QStringList ConnectionOptions::problems() const
{
    QStringList p;
    for (const QLabel *l : {m_tlsError, m_configError})
        if (!l->isHidden())
            p << l->text();
    return p;
}

void ConnectionOptions::validate()
{
    const bool tls = m_tls->isChecked();
    for (QWidget *w : {static_cast<QWidget *>(m_caFile), static_cast<QWidget *>(m_certFile),
                       static_cast<QWidget *>(m_keyFile), static_cast<QWidget *>(m_verify)})
        w->setEnabled(tls);
    m_insecure->setVisible(isInsecure());
    QStringList tlsProblems;
    if (tls) {
        const auto check = [&tlsProblems](const QLineEdit *e, const QString &what) {
            const QString path = e->text().trimmed();
            if (path.isEmpty())
                return;
            const QFileInfo f(path);
            if (!f.exists())
                tlsProblems << tr("%1 %2 does not exist.").arg(what, path);
            else if (!f.isFile() || !f.isReadable())
                tlsProblems << tr("%1 %2 cannot be read.").arg(what, path);
        };
        check(m_caFile, tr("CA file"));
        check(m_certFile, tr("Client certificate"));
        check(m_keyFile, tr("Client key"));
        if (m_certFile->text().trimmed().isEmpty() != m_keyFile->text().trimmed().isEmpty())
            tlsProblems << tr("A client certificate needs its key, and a key its certificate.");
    }
    m_tlsError->setText(tlsProblems.join(QLatin1Char(' ')));
    m_tlsError->setVisible(!tlsProblems.isEmpty());
    nsq::Config c;
    apply(&c);
    QStringList configProblems;
    for (const QString &p : c.validate())
        if (!p.startsWith(QLatin1String("tls_"))) // the files are checked above, in words
            configProblems << p;
    m_configError->setText(configProblems.join(QLatin1Char(' ')));
    m_configError->setVisible(!configProblems.isEmpty());
    Q_EMIT changed();
}

} // namespace nsqui
