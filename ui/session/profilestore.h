#pragma once

#include "sessionsettings.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace nsqui {

// Connection profiles in QSettings: everything of a SessionSettings but the AUTH secret, which
// goes to the system keychain (SecretStore) and never into the settings file.
class ProfileStore
{
public:
    static QStringList names();
    static bool contains(const QString &name);
    static SessionSettings load(const QString &name);
    static void save(const QString &name, const SessionSettings &settings);
    static void remove(const QString &name);
    static QString lastUsed();
    static void setLastUsed(const QString &name);
    // Names are free text but must be usable as a settings key.
    static QString checkName(const QString &name);
};

// The AUTH secret of a profile, through qtkeychain. Where no keychain service exists (a
// headless machine, a desktop without a secret service), nothing is stored and the error says
// so; the caller tells the user.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    explicit SecretStore(QObject *parent = nullptr);
    using Done = std::function<void(const QString &secret, const QString &error)>;
    void write(const QString &profile, const QString &secret, Done done);
    void read(const QString &profile, Done done);
    void remove(const QString &profile);
};

} // namespace nsqui
