#include "topic.h"

#include <protocol/names.h>

namespace nsq {

Channel::Channel(Topic *t, const QString &n) : topic(t), name(n), ephemeral(isEphemeralName(n)) {}

Topic::Topic(const QString &n) : name(n), ephemeral(isEphemeralName(n)) {}

} // namespace nsq
