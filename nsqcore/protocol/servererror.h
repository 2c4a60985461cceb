#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace nsq {

// The data of an error frame: "E_CODE description".
struct ServerError
{
    QByteArray code;
    QByteArray description;

    static ServerError parse(QByteArrayView data);
    // FIN, REQ and TOUCH failures leave the connection open; nsqd closes it after any other.
    bool isFatal() const;
    QString toString() const;
};

} // namespace nsq
