#pragma once

#include <QStringList>

namespace nsqui {

// What `nsq-inspector --version` prints and Help ▸ About shows: the app, the Qt it runs on (and
// was built with, when they differ), QCustomPlot and the NSQ protocol it speaks.
QStringList versionLines();

} // namespace nsqui
