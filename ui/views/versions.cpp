// QCustomPlot's header uses the signals and foreach keywords, which the project turns off: it
// is read first, in this file only, with them on.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "versions.h"

#include <QCoreApplication>

namespace nsqui {

QStringList versionLines()
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Versions", text); };
    QString qt = QStringLiteral("Qt %1").arg(QLatin1String(qVersion()));
    if (QLatin1String(qVersion()) != QLatin1String(QT_VERSION_STR))
        qt += tr(" (built with %1)").arg(QLatin1String(QT_VERSION_STR));
    return {
        QStringLiteral("NSQ Inspector %1").arg(QLatin1String(NSQ_INSPECTOR_VERSION)),
        qt,
        QStringLiteral("QCustomPlot %1").arg(QLatin1String(QCUSTOMPLOT_VERSION_STR)),
        tr("NSQ TCP protocol V2 (nsqd 1.x); nsqd and nsqlookupd HTTP API v1"),
    };
}

} // namespace nsqui
