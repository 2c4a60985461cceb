#pragma once

#include "decoders.h"

#include <QStringList>

#include <memory>

namespace nsqdecode {

// A protobuf schema imported at run time with libprotobuf: .proto files (and the folders their
// imports are found in), or a descriptor set (protoc --descriptor_set_out --include_imports).
// Decodes a body as one of its message types: field names, enums by name, nested, repeated and
// map fields, oneofs, and unknown fields kept and marked. Safe to use from several threads once
// loaded.
class ProtoSchema
{
public:
    ~ProtoSchema();
    // A schema, or nullptr with every problem protoc would name in *error ("file:line:col: …").
    static std::shared_ptr<ProtoSchema>
    fromProtoFiles(const QStringList &protoFiles, const QStringList &includePaths, QString *error);
    static std::shared_ptr<ProtoSchema> fromDescriptorSet(const QString &path, QString *error);
    // The descriptor set when one is named, else the .proto files: where a schema is chosen
    // (the window's settings and dialog, `tail --proto/--descriptor-set`).
    static std::shared_ptr<ProtoSchema> fromFiles(const QStringList &protoFiles,
                                                  const QStringList &includePaths,
                                                  const QString &descriptorSet, QString *error);

    // Every message type, by full name ("shop.Order", "shop.Order.Line").
    QStringList messageTypes() const;
    bool hasMessageType(const QString &fullName) const;
    DecodeResult decode(const QByteArray &data, const QString &messageType,
                        const Limits &limits = {}) const;

private:
    ProtoSchema();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace nsqdecode
