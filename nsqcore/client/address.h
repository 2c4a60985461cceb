#pragma once

#include <QString>

namespace nsq {

// Parses "host:port" (or "[v6]:port", port 1-65535). Returns an empty string on success,
// otherwise why not, quoting the text.
QString parseHostPort(const QString &text, QString *host, quint16 *port);
// "host:port", with an IPv6 host in brackets ("[::1]:4150"): what parseHostPort() reads back.
QString joinHostPort(const QString &host, quint16 port);

} // namespace nsq
