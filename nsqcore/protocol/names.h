#pragma once

#include <QStringView>

namespace nsq {

// 1-64 characters of [.a-zA-Z0-9_-], optionally ending in "#ephemeral" (within the 64).
bool isValidTopicName(QStringView name);
bool isValidChannelName(QStringView name);
bool isEphemeralName(QStringView name);

} // namespace nsq
