#include "decodesettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QSettings>

namespace nsqui {

namespace {

QString group(const QString &topic)
{
    // Topic names are [.a-zA-Z0-9_-]+(#ephemeral)?: safe in a settings key once # is escaped.
    return QStringLiteral("decoding/") + QString(topic).replace(QLatin1Char('#'), QLatin1Char('_'));
}

QHash<QString, std::shared_ptr<const nsqdecode::ProtoSchema>> &schemaCache()
{
    static QHash<QString, std::shared_ptr<const nsqdecode::ProtoSchema>> cache;
    return cache;
}

} // namespace

void DecodeSettings::forgetLoadedSchemas()
{
    schemaCache().clear();
}

DecodeSettings DecodeSettings::load(const QString &topic)
{
    DecodeSettings d;
    QSettings s;
    s.beginGroup(group(topic));
    nsqdecode::formatFromName(s.value(QStringLiteral("format"), QStringLiteral("auto")).toString(),
                              &d.format);
    d.protoFiles = s.value(QStringLiteral("protoFiles")).toStringList();
    d.includePaths = s.value(QStringLiteral("includePaths")).toStringList();
    d.descriptorSet = s.value(QStringLiteral("descriptorSet")).toString();
    d.messageType = s.value(QStringLiteral("messageType")).toString();
    return d;
}

void DecodeSettings::save(const QString &topic) const
{
    QSettings s;
    s.beginGroup(group(topic));
    s.setValue(QStringLiteral("format"), nsqdecode::formatName(format));
    s.setValue(QStringLiteral("protoFiles"), protoFiles);
    s.setValue(QStringLiteral("includePaths"), includePaths);
    s.setValue(QStringLiteral("descriptorSet"), descriptorSet);
    s.setValue(QStringLiteral("messageType"), messageType);
}

nsqdecode::DecodeOptions DecodeSettings::options(QString *error) const
{
    nsqdecode::DecodeOptions o;
    o.format = format;
    if (!hasSchema())
        return o;
    // Imported once per set of files: every message of the topic shares it.
    auto &cache = schemaCache();
    // Keyed by the files and when they last changed: an edited .proto is read again.
    QString key = includePaths.join(QLatin1Char('\n')) + QLatin1Char('|');
    for (const QString &f : protoFiles + QStringList{descriptorSet})
        key += f + QLatin1Char('@') +
               QString::number(QFileInfo(f).lastModified().toMSecsSinceEpoch()) + QLatin1Char('|');
    std::shared_ptr<const nsqdecode::ProtoSchema> schema = cache.value(key);
    if (!schema) {
        QString why;
        schema = nsqdecode::ProtoSchema::fromFiles(protoFiles, includePaths, descriptorSet, &why);
        if (!schema) {
            *error = why;
            return o;
        }
        cache.insert(key, schema);
    }
    if (!schema->hasMessageType(messageType)) {
        *error =
            messageType.isEmpty()
                ? QCoreApplication::translate("DecodeSettings", "pick the message type")
                : QCoreApplication::translate("DecodeSettings", "the schema has no message type %1")
                      .arg(messageType);
        return o;
    }
    o.schema = schema;
    o.messageType = messageType;
    return o;
}

} // namespace nsqui
