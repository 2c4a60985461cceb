#pragma once

#include <client/config.h>

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <functional>

namespace nsqcli {

// Prints "nsq-inspector-cli <command>: <text>" on stderr, control characters escaped.
void warn(const char *command, const QString &text);
// The same, and returns code.
int fail(const char *command, int code, const QString &text);
// After writing the output: flushes standard output and returns the exit code if writing failed
// (1 with a line on stderr; 0, quietly, when the reader went away: `| head -1`), or -1.
int outputFailure(const char *command, int writeErrno = 0);

// Parses the command's options; on a usage problem prints it and returns false with *exitCode set.
bool parseOrExit(QCommandLineParser &parser, const QStringList &arguments, const char *command,
                 int *exitCode);

// Checks every "host:port" in the list; returns the first problem, naming the option.
QString checkAddresses(const QString &option, const QStringList &addresses);

// Applies "name=value" options (go-nsq names, see Config::set) to config; returns the first
// problem.
QString applyOptions(const QString &flag, const QStringList &options, nsq::Config *config);

// Installs SIGINT/SIGTERM handlers: the callback given to onStopRequested() runs, else the loop
// quits.
void quitOnSignals();
void onStopRequested(std::function<void()> callback);

// Writes all of `bytes` to standard output from any thread. Returns 0, the write's errno, or
// ECANCELED when a stop signal (SIGINT, SIGTERM) came while the reader was not reading: a write
// to a full pipe must not hold up the clean stop the first Ctrl-C asks for.
int writeOutput(const char *bytes, qsizetype size);

// CPU seconds (user + system) and peak RSS (KiB) of this process so far.
double cpuSeconds();
long peakRssKiB();

} // namespace nsqcli
