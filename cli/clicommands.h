#pragma once

#include <QStringList>

namespace nsqcli {

// `nsq-inspector-cli broker ...`: runs the embedded broker (and optionally the lookupd role and
// demo traffic) until SIGINT or SIGTERM. Returns the process exit code.
int runBroker(const QStringList &arguments);

} // namespace nsqcli
