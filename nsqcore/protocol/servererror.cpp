#include "servererror.h"

namespace nsq {

ServerError ServerError::parse(QByteArrayView data)
{
    ServerError e;
    const qsizetype space = data.indexOf(' ');
    if (space < 0) {
        e.code = data.toByteArray();
    } else {
        e.code = data.first(space).toByteArray();
        e.description = data.sliced(space + 1).toByteArray();
    }
    return e;
}

bool ServerError::isFatal() const
{
    return code != "E_FIN_FAILED" && code != "E_REQ_FAILED" && code != "E_TOUCH_FAILED";
}

QString ServerError::toString() const
{
    QString s = QString::fromUtf8(code);
    if (!description.isEmpty())
        s += QLatin1Char(' ') + QString::fromUtf8(description);
    return s;
}

} // namespace nsq
