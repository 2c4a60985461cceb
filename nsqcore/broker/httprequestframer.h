#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace nsq {

// Follows the requests on one HTTP/1.1 connection as their bytes arrive (request line, headers,
// then a Content-Length or chunked body) without keeping them, so that a server can refuse a
// request that is too big before anything buffers it. It knows no sockets.
class HttpRequestFramer
{
public:
    // What a request to a path may carry: a body of at most `bytes`, or a 413 naming `code`.
    struct BodyLimit
    {
        qint64 bytes = 0;
        QByteArray code;
    };
    using Limits = std::function<BodyLimit(QByteArrayView path)>;

    // Why the bytes fed so far cannot be served; status 0 while all is well.
    struct Refusal
    {
        int status = 0;
        QByteArray reason; // "Request Header Fields Too Large"
        QByteArray code;   // nsqd's message, e.g. MSG_TOO_BIG, or empty for a plain-text answer
    };

    // Go's net/http default, which nsqd keeps: 1 MiB of request line and headers.
    static constexpr qint64 kMaxHeaderBytes = 1024 * 1024;

    explicit HttpRequestFramer(Limits limits, qint64 maxHeaderBytes = kMaxHeaderBytes);

    // Returns false once the stream has to be refused; refusal() then says why. Further input is
    // ignored.
    bool feed(QByteArrayView bytes);
    const Refusal &refusal() const { return m_refusal; }
    // True when the headers just read asked for "Expect: 100-continue" and the body is within
    // its limit; cleared by the call.
    bool takeContinueRequest();
    int requestsCompleted() const { return m_completed; }

private:
    enum class State { Idle, RequestLine, Header, Body, ChunkSize, ChunkData, ChunkEnd, Trailer };

    bool lineByte(char c);
    bool endOfLine();
    bool endOfHeaders();
    bool refuse(int status, const char *reason, const QByteArray &code = {});
    void requestDone();

    Limits m_limits;
    qint64 m_maxHeaderBytes;
    State m_state = State::Idle;
    QByteArray m_line; // the line being read, kept up to kMaxLine
    bool m_lineHadCr = false;
    qint64 m_headerBytes = 0;
    QByteArray m_path;
    qint64 m_contentLength = 0;
    bool m_haveContentLength = false;
    bool m_chunked = false;
    bool m_expectContinue = false;
    bool m_continueRequested = false;
    BodyLimit m_limit;
    qint64 m_bodyLeft = 0; // of a Content-Length body or of the current chunk
    qint64 m_bodyTotal = 0;
    int m_completed = 0;
    Refusal m_refusal;
};

} // namespace nsq
