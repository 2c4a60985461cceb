#include "address.h"

namespace nsq {

QString parseHostPort(const QString &text, QString *host, quint16 *port)
{
    const QString t = text.trimmed();
    qsizetype colon = -1;
    QString h;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0 || close + 1 >= t.size() || t.at(close + 1) != QLatin1Char(':'))
            return QStringLiteral("'%1' is not host:port").arg(text);
        h = t.mid(1, close - 1);
        colon = close + 1;
    } else {
        colon = t.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0 || t.indexOf(QLatin1Char(':')) != colon)
            return QStringLiteral("'%1' is not host:port").arg(text);
        h = t.left(colon);
    }
    bool ok = false;
    const uint p = t.mid(colon + 1).toUInt(&ok);
    if (!ok || p == 0 || p > 65535)
        return QStringLiteral("'%1' has no valid port (1-65535)").arg(text);
    if (h.isEmpty())
        return QStringLiteral("'%1' has no host").arg(text);
    *host = h;
    *port = quint16(p);
    return {};
}

QString joinHostPort(const QString &host, quint16 port)
{
    const bool v6 = host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['));
    return (v6 ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2")).arg(host).arg(port);
}

} // namespace nsq
