#include "names.h"

namespace nsq {

namespace {

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.' ||
           u == '_' || u == '-';
}

bool isValidName(QStringView name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    QStringView base = name;
    if (base.endsWith(u"#ephemeral"))
        base.chop(10);
    if (base.isEmpty())
        return false;
    for (QChar c : base)
        if (!isNameChar(c))
            return false;
    return true;
}

} // namespace

bool isValidTopicName(QStringView name)
{
    return isValidName(name);
}

bool isValidChannelName(QStringView name)
{
    return isValidName(name);
}

bool isEphemeralName(QStringView name)
{
    return name.endsWith(u"#ephemeral");
}

} // namespace nsq
