#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <deque>
#include <functional>

namespace nsq {

// One request as it came: method, target, headers (names in lower case, in order) and body.
struct HttpRequestData
{
    QByteArray method, target, version;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(QByteArrayView lowerName) const;
    // HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 the other way round.
    bool keepAlive() const;
};

// Reads the requests of one HTTP/1.1 connection as their bytes arrive (request line, headers,
// then a Content-Length or chunked body) with nsqd's bounds: 1 MiB of request line and headers
// (Go's default), and a body no larger than the limit for its path, refused as soon as its
// Content-Length or its chunks say so, before it is kept. What is ambiguous (folded headers,
// lengths that are not numbers or disagree, chunk lines without CRLF) is refused, not guessed
// at. It knows no sockets.
class HttpRequestParser
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

    static constexpr qint64 kMaxHeaderBytes = 1024 * 1024;
    static constexpr int kMaxHeaderFields = 500;

    explicit HttpRequestParser(Limits limits, qint64 maxHeaderBytes = kMaxHeaderBytes);

    // Returns false once the stream has to be refused; refusal() then says why. The requests
    // completed before the refusal are still there to take. Further input is ignored.
    bool feed(QByteArrayView bytes);
    // The same, stopping right after the first request that completes (or a refusal): returns
    // how many bytes it took, so that a server can leave the rest unread while it is busy.
    qsizetype feedUntilRequest(QByteArrayView bytes);
    const Refusal &refusal() const { return m_refusal; }
    bool hasRequest() const { return !m_done.empty(); }
    HttpRequestData takeRequest();
    // True when the headers just read asked for "Expect: 100-continue" and the body is within
    // its limit; cleared by the call.
    bool takeContinueRequest();
    int requestsCompleted() const { return m_completed; }
    // The decoded path of a target ("/pub" of "/p%75b?topic=x"), as limits and routes see it.
    static QByteArray pathOf(const QByteArray &target);

private:
    enum class State { Idle, RequestLine, Header, Body, ChunkSize, ChunkData, ChunkEnd, Trailer };

    qsizetype process(QByteArrayView bytes, bool stopAtRequest);
    bool lineByte(char c);
    bool endOfLine();
    bool endOfHeaders();
    bool refuse(int status, const char *reason, const QByteArray &code = {});
    void requestDone();

    Limits m_limits;
    qint64 m_maxHeaderBytes;
    State m_state = State::Idle;
    QByteArray m_line;
    bool m_lineHadCr = false;
    qint64 m_headerBytes = 0;
    HttpRequestData m_current;
    qint64 m_contentLength = 0;
    bool m_haveContentLength = false;
    bool m_chunked = false;
    bool m_expectContinue = false;
    bool m_continueRequested = false;
    BodyLimit m_limit;
    qint64 m_bodyLeft = 0; // of a Content-Length body or of the current chunk
    qint64 m_bodyTotal = 0;
    int m_completed = 0;
    std::deque<HttpRequestData> m_done;
    Refusal m_refusal;
};

} // namespace nsq
