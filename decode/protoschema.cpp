#include "protoschema.h"

#include "text.h"

#include <climits>

#include <google/protobuf/compiler/importer.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/descriptor_database.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/message.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/unknown_field_set.h>

#include <set>
#include <vector>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace nsqdecode {

namespace pb = google::protobuf;
using K = DecodedNode::Kind;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

class Collector : public pb::compiler::MultiFileErrorCollector,
                  public pb::DescriptorPool::ErrorCollector
{
public:
    void AddError(const std::string &file, int line, int column,
                  const std::string &message) override
    {
        // protoc counts from 0.
        problems << QStringLiteral("%1:%2:%3: %4")
                        .arg(qs(file))
                        .arg(line + 1)
                        .arg(column + 1)
                        .arg(qs(message));
    }
    void AddError(const std::string &file, const std::string &element, const pb::Message *,
                  ErrorLocation, const std::string &message) override
    {
        problems << QStringLiteral("%1: %2: %3").arg(qs(file), qs(element), qs(message));
    }
    QStringList problems;
};

// libprotobuf logs what it refuses (a message nested too deep) to stderr: the decoder says it.
void quietLogs()
{
    static const bool once = [] {
        pb::SetLogHandler(nullptr);
        return true;
    }();
    Q_UNUSED(once);
}

void collectTypes(const pb::Descriptor *d, QStringList *out)
{
    *out << qs(d->full_name());
    for (int i = 0; i < d->nested_type_count(); ++i)
        if (!d->nested_type(i)->options().map_entry())
            collectTypes(d->nested_type(i), out);
}

void collectTypes(const pb::DescriptorProto &d, const QString &prefix, QStringList *out)
{
    if (d.options().map_entry())
        return;
    const QString name = prefix + qs(d.name());
    *out << name;
    for (const pb::DescriptorProto &nested : d.nested_type())
        collectTypes(nested, name + QLatin1Char('.'), out);
}

DecodedNode unknownFields(const pb::UnknownFieldSet &set, const Limits &limits);

DecodedNode scalarOf(const pb::Message &m, const pb::Reflection *r, const pb::FieldDescriptor *f,
                     int index, const Limits &limits);

DecodedNode messageNode(const pb::Message &m, const Limits &limits)
{
    const pb::Reflection *r = m.GetReflection();
    DecodedNode node = DecodedNode::container(K::Map, qs(m.GetDescriptor()->full_name()));
    std::vector<const pb::FieldDescriptor *> fields;
    r->ListFields(m, &fields);
    for (const pb::FieldDescriptor *f : fields) {
        DecodedNode field;
        if (f->is_map()) {
            field = DecodedNode::container(K::Map,
                                           QStringLiteral("map<%1, %2>")
                                               .arg(qs(f->message_type()->field(0)->type_name()),
                                                    qs(f->message_type()->field(1)->type_name())));
            for (int i = 0; i < r->FieldSize(m, f); ++i) {
                const pb::Message &entry = r->GetRepeatedMessage(m, f, i);
                const pb::Reflection *er = entry.GetReflection();
                const pb::FieldDescriptor *kf = entry.GetDescriptor()->field(0);
                const pb::FieldDescriptor *vf = entry.GetDescriptor()->field(1);
                DecodedNode key = scalarOf(entry, er, kf, -1, limits);
                DecodedNode value = scalarOf(entry, er, vf, -1, limits);
                value.key = key.kind == K::String ? key.value.toString() : key.displayValue();
                field.children << std::move(value);
            }
        } else if (f->is_repeated()) {
            field = DecodedNode::container(
                K::Array, QStringLiteral("repeated %1")
                              .arg(f->message_type() ? qs(f->message_type()->full_name())
                                                     : qs(f->type_name())));
            for (int i = 0; i < r->FieldSize(m, f); ++i) {
                field.children << scalarOf(m, r, f, i, limits);
                field.children.last().key = QString::number(i);
            }
        } else {
            field = scalarOf(m, r, f, -1, limits);
        }
        field.key = qs(f->name());
        if (f->containing_oneof() && !f->containing_oneof()->is_synthetic())
            field.note = QStringLiteral("oneof %1").arg(qs(f->containing_oneof()->name()));
        node.children << std::move(field);
    }
    const pb::UnknownFieldSet &unknown = r->GetUnknownFields(m);
    if (!unknown.empty())
        for (DecodedNode &u : unknownFields(unknown, limits).children)
            node.children << std::move(u);
    return node;
}

DecodedNode scalarOf(const pb::Message &m, const pb::Reflection *r, const pb::FieldDescriptor *f,
                     int i, const Limits &limits)
{
    const bool rep = i >= 0;
    const QString type = qs(f->type_name());
    switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
        return DecodedNode::scalar(
            K::Int, qint64(rep ? r->GetRepeatedInt32(m, f, i) : r->GetInt32(m, f)), type);
    case pb::FieldDescriptor::CPPTYPE_INT64:
        return DecodedNode::scalar(
            K::Int, qint64(rep ? r->GetRepeatedInt64(m, f, i) : r->GetInt64(m, f)), type);
    case pb::FieldDescriptor::CPPTYPE_UINT32:
        return DecodedNode::scalar(
            K::Int, qint64(rep ? r->GetRepeatedUInt32(m, f, i) : r->GetUInt32(m, f)), type);
    case pb::FieldDescriptor::CPPTYPE_UINT64: {
        const quint64 v = rep ? r->GetRepeatedUInt64(m, f, i) : r->GetUInt64(m, f);
        return v <= quint64(std::numeric_limits<qint64>::max())
                   ? DecodedNode::scalar(K::Int, qint64(v), type)
                   : DecodedNode::scalar(K::UInt, v, type);
    }
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
        return DecodedNode::scalar(K::Double,
                                   rep ? r->GetRepeatedDouble(m, f, i) : r->GetDouble(m, f), type);
    case pb::FieldDescriptor::CPPTYPE_FLOAT:
        return DecodedNode::scalar(
            K::Double, double(rep ? r->GetRepeatedFloat(m, f, i) : r->GetFloat(m, f)), type);
    case pb::FieldDescriptor::CPPTYPE_BOOL:
        return DecodedNode::scalar(K::Bool, rep ? r->GetRepeatedBool(m, f, i) : r->GetBool(m, f),
                                   type);
    case pb::FieldDescriptor::CPPTYPE_ENUM: {
        const int number = rep ? r->GetRepeatedEnumValue(m, f, i) : r->GetEnumValue(m, f);
        const pb::EnumValueDescriptor *v = f->enum_type()->FindValueByNumber(number);
        DecodedNode n =
            v ? DecodedNode::scalar(K::String, qs(v->name()),
                                    QStringLiteral("enum %1").arg(qs(f->enum_type()->name())))
              : DecodedNode::scalar(K::Int, qint64(number),
                                    QStringLiteral("enum %1").arg(qs(f->enum_type()->name())));
        n.note = v ? QStringLiteral("= %1").arg(number) : QStringLiteral("not a value of the enum");
        return n;
    }
    case pb::FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        const std::string &s = rep ? r->GetRepeatedStringReference(m, f, i, &scratch)
                                   : r->GetStringReference(m, f, &scratch);
        if (f->type() == pb::FieldDescriptor::TYPE_BYTES)
            return DecodedNode::scalar(K::Bytes, QByteArray(s.data(), qsizetype(s.size())), type);
        return DecodedNode::scalar(K::String, qs(s), type);
    }
    case pb::FieldDescriptor::CPPTYPE_MESSAGE:
        return messageNode(rep ? r->GetRepeatedMessage(m, f, i) : r->GetMessage(m, f), limits);
    }
    return {};
}

DecodedNode unknownFields(const pb::UnknownFieldSet &set, const Limits &limits)
{
    DecodedNode node = DecodedNode::container(K::Map);
    for (int i = 0; i < set.field_count(); ++i) {
        const pb::UnknownField &u = set.field(i);
        DecodedNode n;
        switch (u.type()) {
        case pb::UnknownField::TYPE_VARINT:
            n = DecodedNode::scalar(K::UInt, quint64(u.varint()), QStringLiteral("varint"));
            break;
        case pb::UnknownField::TYPE_FIXED32:
            n = DecodedNode::scalar(K::UInt, quint64(u.fixed32()), QStringLiteral("fixed32"));
            break;
        case pb::UnknownField::TYPE_FIXED64:
            n = DecodedNode::scalar(K::UInt, quint64(u.fixed64()), QStringLiteral("fixed64"));
            break;
        case pb::UnknownField::TYPE_LENGTH_DELIMITED: {
            const QByteArray bytes = QByteArray::fromStdString(u.length_delimited());
            // Read as the raw decoder would: a nested message, text or bytes.
            const DecodeResult raw = decodeProtobufRaw(bytes, limits);
            if (isPrintableText(bytes) && !bytes.isEmpty())
                n = DecodedNode::scalar(K::String, QString::fromUtf8(bytes),
                                        QStringLiteral("string"));
            else if (raw.ok && !bytes.isEmpty())
                n = raw.root;
            else
                n = DecodedNode::scalar(K::Bytes, bytes, QStringLiteral("bytes"));
            break;
        }
        case pb::UnknownField::TYPE_GROUP:
            n = unknownFields(u.group(), limits);
            n.type = QStringLiteral("group");
            break;
        }
        n.key = QString::number(u.number());
        n.note = QStringLiteral("unknown field (not in the schema)");
        node.children << std::move(n);
    }
    return node;
}

} // namespace

struct ProtoSchema::Private
{
    // Either the importer (which owns its pool) or a pool over a descriptor database.
    std::unique_ptr<pb::compiler::DiskSourceTree> tree;
    std::unique_ptr<Collector> collector;
    std::unique_ptr<pb::compiler::Importer> importer;
    std::unique_ptr<pb::SimpleDescriptorDatabase> database;
    std::unique_ptr<pb::DescriptorPool> ownPool;
    const pb::DescriptorPool *pool = nullptr;
    std::unique_ptr<pb::DynamicMessageFactory> factory;
    QStringList types;
};

ProtoSchema::ProtoSchema() : d(std::make_unique<Private>()) {}
ProtoSchema::~ProtoSchema() = default;

std::shared_ptr<ProtoSchema> ProtoSchema::fromProtoFiles(const QStringList &protoFiles,
                                                         const QStringList &includePaths,
                                                         QString *error)
{
    quietLogs();
    std::shared_ptr<ProtoSchema> s(new ProtoSchema);
    Private &p = *s->d;
    p.tree = std::make_unique<pb::compiler::DiskSourceTree>();
    p.collector = std::make_unique<Collector>();
    if (protoFiles.isEmpty()) {
        *error = QStringLiteral("no .proto file given");
        return nullptr;
    }
    QStringList roots;
    for (const QString &dir : includePaths) {
        if (!QFileInfo(dir).isDir()) {
            *error = QStringLiteral("include path %1 is not a folder").arg(dir);
            return nullptr;
        }
        roots << QDir(dir).absolutePath();
    }
    // A file outside every include path is found through its own folder.
    for (const QString &file : protoFiles) {
        const QFileInfo info(file);
        if (!info.isFile()) {
            *error = QStringLiteral("%1: no such file").arg(file);
            return nullptr;
        }
        const QString dir = info.absolutePath();
        if (!std::any_of(roots.cbegin(), roots.cend(), [&](const QString &r) {
                return info.absoluteFilePath().startsWith(r + QLatin1Char('/'));
            }))
            roots << dir;
    }
    for (const QString &r : std::as_const(roots))
        p.tree->MapPath("", r.toStdString());
    p.importer = std::make_unique<pb::compiler::Importer>(p.tree.get(), p.collector.get());
    QStringList problems;
    for (const QString &file : protoFiles) {
        std::string virtualFile, shadowing;
        if (p.tree->DiskFileToVirtualFile(QFileInfo(file).absoluteFilePath().toStdString(),
                                          &virtualFile,
                                          &shadowing) != pb::compiler::DiskSourceTree::SUCCESS) {
            problems << QStringLiteral("%1: not under any include path").arg(file);
            continue;
        }
        const pb::FileDescriptor *fd = p.importer->Import(virtualFile);
        if (!fd)
            continue; // the collector says why
        // Its types and those of the files it imports (shop.Money, next to shop.Order).
        std::vector<const pb::FileDescriptor *> files{fd};
        std::set<const pb::FileDescriptor *> seen;
        while (!files.empty()) {
            const pb::FileDescriptor *f = files.back();
            files.pop_back();
            if (!seen.insert(f).second)
                continue;
            for (int i = 0; i < f->message_type_count(); ++i)
                collectTypes(f->message_type(i), &p.types);
            for (int i = 0; i < f->dependency_count(); ++i)
                files.push_back(f->dependency(i));
        }
    }
    problems += p.collector->problems;
    if (!problems.isEmpty()) {
        *error = problems.join(QLatin1Char('\n'));
        return nullptr;
    }
    p.pool = p.importer->pool();
    p.factory = std::make_unique<pb::DynamicMessageFactory>(p.pool);
    return s;
}

std::shared_ptr<ProtoSchema> ProtoSchema::fromDescriptorSet(const QString &path, QString *error)
{
    quietLogs();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return nullptr;
    }
    const QByteArray bytes = f.readAll();
    pb::FileDescriptorSet set;
    if (!set.ParseFromArray(bytes.constData(), int(bytes.size()))) {
        *error = QStringLiteral("%1: not a descriptor set (protoc --descriptor_set_out)").arg(path);
        return nullptr;
    }
    std::shared_ptr<ProtoSchema> s(new ProtoSchema);
    Private &p = *s->d;
    p.database = std::make_unique<pb::SimpleDescriptorDatabase>();
    for (const pb::FileDescriptorProto &file : set.file()) {
        if (!p.database->Add(file)) {
            *error =
                QStringLiteral("%1: %2 is in it twice, or is not valid").arg(path, qs(file.name()));
            return nullptr;
        }
        const QString prefix =
            file.package().empty() ? QString() : qs(file.package()) + QLatin1Char('.');
        for (const pb::DescriptorProto &m : file.message_type())
            collectTypes(m, prefix, &p.types);
    }
    p.collector = std::make_unique<Collector>();
    p.ownPool = std::make_unique<pb::DescriptorPool>(p.database.get(), p.collector.get());
    p.pool = p.ownPool.get();
    // Built now, so a broken set is said here, not at the first message.
    for (const pb::FileDescriptorProto &file : set.file())
        if (!p.pool->FindFileByName(file.name()))
            p.collector->problems << QStringLiteral("%1: cannot be built").arg(qs(file.name()));
    if (!p.collector->problems.isEmpty()) {
        *error = p.collector->problems.join(QLatin1Char('\n'));
        return nullptr;
    }
    p.factory = std::make_unique<pb::DynamicMessageFactory>(p.pool);
    return s;
}

std::shared_ptr<ProtoSchema> ProtoSchema::fromFiles(const QStringList &protoFiles,
                                                    const QStringList &includePaths,
                                                    const QString &descriptorSet, QString *error)
{
    return descriptorSet.isEmpty() ? fromProtoFiles(protoFiles, includePaths, error)
                                   : fromDescriptorSet(descriptorSet, error);
}

QStringList ProtoSchema::messageTypes() const
{
    return d->types;
}

bool ProtoSchema::hasMessageType(const QString &fullName) const
{
    return d->pool->FindMessageTypeByName(fullName.toStdString()) != nullptr;
}

DecodeResult ProtoSchema::decode(const QByteArray &data, const QString &messageType,
                                 const Limits &limits) const
{
    const pb::Descriptor *descriptor = d->pool->FindMessageTypeByName(messageType.toStdString());
    if (!descriptor)
        return DecodeResult::failure(
            QStringLiteral("the schema has no message type %1").arg(messageType), -1);
    const pb::Message *prototype = d->factory->GetPrototype(descriptor);
    std::unique_ptr<pb::Message> message(prototype->New());
    pb::io::CodedInputStream input(reinterpret_cast<const quint8 *>(data.constData()),
                                   int(data.size()));
    input.SetRecursionLimit(limits.maxDepth);
    if (!message->MergePartialFromCodedStream(&input) || !input.ConsumedEntireMessage()) {
        // Where libprotobuf stopped; the raw decoder usually says better what is wrong there.
        const DecodeResult raw = decodeProtobufRaw(data, limits);
        return DecodeResult::failure(
            raw.ok ? QStringLiteral("not a valid %1 (a field of the wrong wire type, a string that "
                                    "is not UTF-8, or nested deeper than %2)")
                         .arg(messageType)
                         .arg(limits.maxDepth)
                   : QStringLiteral("not a %1: %2").arg(messageType, raw.error),
            raw.ok ? qsizetype(input.CurrentPosition()) : raw.offset);
    }
    DecodeResult r;
    r.ok = true;
    r.root = messageNode(*message, limits);
    if (r.root.count() > limits.maxNodes)
        return DecodeResult::limit(QStringLiteral("more than %1 values").arg(limits.maxNodes), 0);
    r.description = QStringLiteral("protobuf %1").arg(messageType);
    return r;
}

} // namespace nsqdecode
