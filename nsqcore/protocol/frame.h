#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace nsq {

enum class FrameType : qint32 { Response = 0, Error = 1, Message = 2 };

// A decoded frame that points into the decoder's buffer; valid until the decoder is fed again.
struct FrameView
{
    FrameType type = FrameType::Response;
    QByteArrayView data;
};

// Well-known response bodies.
inline constexpr char kHeartbeat[] = "_heartbeat_";
inline constexpr char kOk[] = "OK";
inline constexpr char kCloseWait[] = "CLOSE_WAIT";

} // namespace nsq
