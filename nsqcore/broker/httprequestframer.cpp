#include "httprequestframer.h"

#include <QList>

namespace nsq {

namespace {
// How much of one line is kept to be read: enough for any header we look at, and for a path.
constexpr qsizetype kMaxKeptLine = 64 * 1024;
// A chunk-size line (hex size and extensions) longer than this is not a client we serve.
constexpr qsizetype kMaxChunkLine = 4096;
} // namespace

HttpRequestFramer::HttpRequestFramer(Limits limits, qint64 maxHeaderBytes)
    : m_limits(std::move(limits)), m_maxHeaderBytes(maxHeaderBytes)
{
}

bool HttpRequestFramer::feed(QByteArrayView bytes)
{
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    while (i < n) {
        if (m_refusal.status != 0)
            return false;
        switch (m_state) {
        case State::Idle: {
            const char c = bytes[i];
            // Like QHttpServer, blank space between requests is skipped.
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v') {
                ++i;
                continue;
            }
            m_state = State::RequestLine;
            m_headerBytes = 0;
            continue;
        }
        case State::Body:
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_bodyLeft, n - i);
            i += take;
            m_bodyLeft -= take;
            if (m_bodyLeft == 0) {
                if (m_state == State::Body)
                    requestDone();
                else
                    m_state = State::ChunkEnd;
            }
            continue;
        }
        default:
            if (!lineByte(bytes[i]))
                return false;
            ++i;
        }
    }
    return m_refusal.status == 0;
}

bool HttpRequestFramer::lineByte(char c)
{
    const bool inHead =
        m_state == State::RequestLine || m_state == State::Header || m_state == State::Trailer;
    if (inHead && ++m_headerBytes > m_maxHeaderBytes)
        return refuse(431, "Request Header Fields Too Large");
    if (c == '\n')
        return endOfLine();
    if (!inHead && m_line.size() >= kMaxChunkLine)
        return refuse(400, "Bad Request");
    if (m_line.size() < kMaxKeptLine)
        m_line.append(c);
    return true;
}

bool HttpRequestFramer::endOfLine()
{
    QByteArray line = std::move(m_line);
    m_line.clear();
    m_lineHadCr = line.endsWith('\r');
    if (m_lineHadCr)
        line.chop(1);

    switch (m_state) {
    case State::RequestLine: {
        // METHOD TARGET VERSION; the target may be absolute (http://host/path?query).
        const QList<QByteArray> parts = line.split(' ');
        QByteArray target = parts.value(1);
        if (const qsizetype scheme = target.indexOf("://"); scheme >= 0) {
            const qsizetype slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? QByteArray("/") : target.mid(slash);
        }
        const qsizetype query = target.indexOf('?');
        m_path = query < 0 ? target : target.left(query);
        m_contentLength = 0;
        m_haveContentLength = false;
        m_chunked = false;
        m_expectContinue = false;
        m_state = State::Header;
        return true;
    }
    case State::Header: {
        if (line.isEmpty())
            return endOfHeaders();
        // Anything QHttpServer could read differently from this is refused rather than guessed
        // at: a header folded onto the next line, a name that is not a token, a length that is
        // not a number or that contradicts another one.
        if (line.front() == ' ' || line.front() == '\t')
            return refuse(400, "Bad Request");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return refuse(400, "Bad Request");
        const QByteArray name = line.left(colon).toLower();
        for (const char c : name)
            if (c <= ' ' || c >= 127 || c == '"' || c == '(' || c == ')' || c == ',' || c == '/' ||
                c == ';' || c == '<' || c == '=' || c == '>' || c == '?' || c == '@' || c == '[' ||
                c == '\\' || c == ']' || c == '{' || c == '}')
                return refuse(400, "Bad Request");
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = !value.isEmpty();
            for (const char c : value)
                ok = ok && c >= '0' && c <= '9';
            const qint64 length = ok && value.size() <= 18 ? value.toLongLong(&ok) : -1;
            if (!ok || length < 0 || (m_haveContentLength && length != m_contentLength))
                return refuse(400, "Bad Request");
            m_haveContentLength = true;
            m_contentLength = length;
        } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            m_chunked = true;
        } else if (name == "expect" && value.toLower() == "100-continue") {
            m_expectContinue = true;
        }
        return true;
    }
    case State::ChunkSize: {
        // QHttpServer 6.4 ends a chunk-size line only at CRLF and keeps all it reads until then
        // (a bare LF would let it grow without end), so CRLF it must be.
        if (!m_lineHadCr)
            return refuse(400, "Bad Request");
        const qsizetype extension = line.indexOf(';');
        bool ok = false;
        const qint64 size =
            (extension < 0 ? line : line.left(extension)).trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return refuse(400, "Bad Request");
        if (size > m_limit.bytes - m_bodyTotal)
            return refuse(413, "Request Entity Too Large", m_limit.code);
        m_bodyTotal += size;
        if (size == 0) {
            m_state = State::Trailer;
        } else {
            m_bodyLeft = size;
            m_state = State::ChunkData;
        }
        return true;
    }
    case State::ChunkEnd:
        if (!line.isEmpty() || !m_lineHadCr)
            return refuse(400, "Bad Request");
        m_state = State::ChunkSize;
        return true;
    case State::Trailer:
        // QHttpServer 6.4 reads no trailers: it would take them for the next request.
        if (!line.isEmpty() || !m_lineHadCr)
            return refuse(400, "Bad Request");
        requestDone();
        return true;
    default:
        return true;
    }
}

bool HttpRequestFramer::endOfHeaders()
{
    m_limit = m_limits ? m_limits(m_path) : BodyLimit{};
    m_bodyTotal = 0;
    if (m_chunked) {
        m_continueRequested = m_expectContinue;
        m_state = State::ChunkSize;
        return true;
    }
    if (m_contentLength == 0) {
        requestDone();
        return true;
    }
    // Refused before a byte of the body is read, as nsqd does with a Content-Length over its
    // limit.
    if (m_contentLength > m_limit.bytes)
        return refuse(413, "Request Entity Too Large", m_limit.code);
    m_continueRequested = m_expectContinue;
    m_bodyLeft = m_contentLength;
    m_state = State::Body;
    return true;
}

bool HttpRequestFramer::takeContinueRequest()
{
    return std::exchange(m_continueRequested, false);
}

bool HttpRequestFramer::refuse(int status, const char *reason, const QByteArray &code)
{
    m_refusal = Refusal{status, QByteArray(reason), code};
    return false;
}

void HttpRequestFramer::requestDone()
{
    ++m_completed;
    m_state = State::Idle;
    m_line.clear();
}

} // namespace nsq
