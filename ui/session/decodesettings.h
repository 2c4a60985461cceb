#pragma once

#include <bodydecoder.h>

#include <QString>
#include <QStringList>

namespace nsqui {

// How the bodies of one topic are read (the window's Decoded tab and its field filter): the
// format, or auto, and a protobuf schema with its message type. Kept per topic in the settings.
struct DecodeSettings
{
    nsqdecode::Format format = nsqdecode::Format::Auto;
    QStringList protoFiles;
    QStringList includePaths;
    QString descriptorSet;
    QString messageType;

    static DecodeSettings load(const QString &topic);
    void save(const QString &topic) const;
    bool hasSchema() const { return !protoFiles.isEmpty() || !descriptorSet.isEmpty(); }

    // The decoder options, the schema imported (once per set of files, then shared). When the
    // schema does not load, *error says why and the options have no schema.
    nsqdecode::DecodeOptions options(QString *error) const;
    // The next options() imports every schema again (the user pressed OK in the schema dialog:
    // an imported file may have changed too).
    static void forgetLoadedSchemas();
};

} // namespace nsqui
