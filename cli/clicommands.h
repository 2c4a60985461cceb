#pragma once

#include <QStringList>

namespace nsqcli {

// `nsq-inspector-cli broker ...`: runs the embedded broker (and optionally the lookupd role and
// demo traffic) until SIGINT or SIGTERM. Returns the process exit code.
int runBroker(const QStringList &arguments);
// `tail`: prints each body of a topic on its own line (like nsq_tail).
int runTail(const QStringList &arguments);
// `pub`: publishes stdin's lines in MPUB batches (like to_nsq).
int runPub(const QStringList &arguments);
// `stats`: topics and channels of nsqd nodes, as a table or JSON.
int runStats(const QStringList &arguments);
// `bench consume|publish`: throughput, CPU per million messages, peak RSS.
int runBench(const QStringList &arguments);

} // namespace nsqcli
