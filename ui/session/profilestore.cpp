#include "profilestore.h"

#include <qt6keychain/keychain.h>

#include <QRegularExpression>
#include <QSettings>

namespace nsqui {

namespace {
const QString kGroup = QStringLiteral("profiles");
const QString kService = QStringLiteral("nsq-inspector");

QString key(const QString &name)
{
    // QSettings treats '/' and '\' as separators.
    QString k = name;
    k.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    return k;
}
} // namespace

QString ProfileStore::checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QObject::tr("Give the profile a name.");
    if (name.size() > 80)
        return QObject::tr("A profile name has at most 80 characters.");
    if (name.contains(QRegularExpression(QStringLiteral("[/\\\\]"))))
        return QObject::tr("A profile name cannot contain / or \\.");
    return {};
}

QStringList ProfileStore::names()
{
    QSettings s;
    s.beginGroup(kGroup);
    QStringList list = s.childGroups();
    list.sort(Qt::CaseInsensitive);
    return list;
}

bool ProfileStore::contains(const QString &name)
{
    return names().contains(key(name));
}

SessionSettings ProfileStore::load(const QString &name)
{
    QSettings s;
    s.beginGroup(kGroup + QLatin1Char('/') + key(name));
    SessionSettings p;
    p.nsqdAddresses = s.value(QStringLiteral("nsqd")).toStringList();
    p.lookupdAddresses = s.value(QStringLiteral("lookupd")).toStringList();
    p.nsqdHttpAddresses = s.value(QStringLiteral("nsqdHttp")).toStringList();
    p.topic = s.value(QStringLiteral("topic")).toString();
    p.channel = s.value(QStringLiteral("channel")).toString();
    if (!modeFromName(s.value(QStringLiteral("mode")).toString(), &p.mode))
        p.mode = Mode::Hold;
    p.maxInFlight = s.value(QStringLiteral("maxInFlight"), 25).toInt();
    p.giveUpAfter = s.value(QStringLiteral("giveUpAfter"), 0).toInt();
    nsq::Config &c = p.config;
    c.tlsV1 = s.value(QStringLiteral("tls"), false).toBool();
    c.tlsRootCaFile = s.value(QStringLiteral("tlsCaFile")).toString();
    c.tlsCertFile = s.value(QStringLiteral("tlsCertFile")).toString();
    c.tlsKeyFile = s.value(QStringLiteral("tlsKeyFile")).toString();
    c.tlsInsecureSkipVerify = s.value(QStringLiteral("tlsInsecure"), false).toBool();
    c.snappy = s.value(QStringLiteral("snappy"), false).toBool();
    c.deflate = s.value(QStringLiteral("deflate"), false).toBool();
    c.heartbeatInterval = s.value(QStringLiteral("heartbeatInterval"), 30000).toInt();
    c.msgTimeout = s.value(QStringLiteral("msgTimeout"), 0).toInt();
    c.userAgent = s.value(QStringLiteral("userAgent")).toString();
    return p;
}

void ProfileStore::save(const QString &name, const SessionSettings &p)
{
    QSettings s;
    s.beginGroup(kGroup + QLatin1Char('/') + key(name));
    s.setValue(QStringLiteral("nsqd"), p.nsqdAddresses);
    s.setValue(QStringLiteral("lookupd"), p.lookupdAddresses);
    s.setValue(QStringLiteral("nsqdHttp"), p.nsqdHttpAddresses);
    s.setValue(QStringLiteral("topic"), p.topic);
    s.setValue(QStringLiteral("channel"), p.channel);
    s.setValue(QStringLiteral("mode"), modeName(p.mode));
    s.setValue(QStringLiteral("maxInFlight"), p.maxInFlight);
    s.setValue(QStringLiteral("giveUpAfter"), p.giveUpAfter);
    const nsq::Config &c = p.config;
    s.setValue(QStringLiteral("tls"), c.tlsV1);
    s.setValue(QStringLiteral("tlsCaFile"), c.tlsRootCaFile);
    s.setValue(QStringLiteral("tlsCertFile"), c.tlsCertFile);
    s.setValue(QStringLiteral("tlsKeyFile"), c.tlsKeyFile);
    s.setValue(QStringLiteral("tlsInsecure"), c.tlsInsecureSkipVerify);
    s.setValue(QStringLiteral("snappy"), c.snappy);
    s.setValue(QStringLiteral("deflate"), c.deflate);
    s.setValue(QStringLiteral("heartbeatInterval"), c.heartbeatInterval);
    s.setValue(QStringLiteral("msgTimeout"), c.msgTimeout);
    s.setValue(QStringLiteral("userAgent"), c.userAgent);
    // The secret is never written here.
}

void ProfileStore::remove(const QString &name)
{
    QSettings s;
    s.beginGroup(kGroup);
    s.remove(key(name));
}

QString ProfileStore::lastUsed()
{
    return QSettings().value(QStringLiteral("lastProfile")).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    QSettings().setValue(QStringLiteral("lastProfile"), name);
}

SecretStore::SecretStore(QObject *parent) : QObject(parent) {}

void SecretStore::write(const QString &profile, const QString &secret, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(QStringLiteral("auth/") + profile);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [done, secret](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(QString(), QObject::tr("the AUTH secret was not stored: no usable keychain (%1); "
                                        "you will be asked for it when you connect")
                                .arg(j->errorString()));
        else
            done(secret, QString());
    });
    job->start();
}

void SecretStore::read(const QString &profile, Done done)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(QStringLiteral("auth/") + profile);
    connect(job, &QKeychain::Job::finished, this, [done, job](QKeychain::Job *j) {
        if (j->error() == QKeychain::EntryNotFound)
            done(QString(), QString());
        else if (j->error() != QKeychain::NoError)
            done(QString(), QObject::tr("the AUTH secret could not be read from the keychain (%1)")
                                .arg(j->errorString()));
        else
            done(job->textData(), QString());
    });
    job->start();
}

void SecretStore::remove(const QString &profile)
{
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(QStringLiteral("auth/") + profile);
    job->start();
}

} // namespace nsqui
