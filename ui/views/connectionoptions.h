#pragma once

#include <client/config.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace nsqui {

// TLS, AUTH, compression and the IDENTIFY values of a connection, each checked as it is typed
// with its error beside it. TLS verification is on unless turned off, and off is marked.
class ConnectionOptions : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionOptions(QWidget *parent = nullptr);

    void apply(nsq::Config *config) const; // all but the AUTH secret
    void setFrom(const nsq::Config &config);
    QString authSecret() const;
    void setAuthSecret(const QString &secret);
    void setSecretNote(const QString &note); // what the keychain said
    QStringList problems() const;
    // Attempts after which a message is given up on; 0: never.
    int giveUpAfter() const;
    void setGiveUpAfter(int attempts);
    bool isInsecure() const;

Q_SIGNALS:
    void changed();

private:
    void validate();

    QCheckBox *m_tls;
    QLineEdit *m_caFile, *m_certFile, *m_keyFile;
    QCheckBox *m_verify;
    QLabel *m_insecure;
    QLabel *m_tlsError;
    QLineEdit *m_secret;
    QLabel *m_secretNote;
    QComboBox *m_compression;
    QSpinBox *m_heartbeat, *m_msgTimeout;
    QSpinBox *m_giveUp;
    QLineEdit *m_userAgent;
    QLabel *m_configError;
};

} // namespace nsqui
