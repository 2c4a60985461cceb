#pragma once

#include <QString>

namespace nsq {

// Text from a server (or any peer) as it may be shown on a terminal: control characters, which
// could be escape sequences, are written out as \xNN, never passed on.
QString printable(const QString &text);

} // namespace nsq
