#include "httprequestparser.h"

#include <QUrl>

#include <cctype>

namespace nsq {

namespace {
// A chunk-size line (hex size and extensions) longer than this is not a client we serve.
constexpr qsizetype kMaxChunkLine = 4096;

bool isTokenChar(char c)
{
    return c > ' ' && c < 127 && c != '"' && c != '(' && c != ')' && c != ',' && c != '/' &&
           c != ':' && c != ';' && c != '<' && c != '=' && c != '>' && c != '?' && c != '@' &&
           c != '[' && c != '\\' && c != ']' && c != '{' && c != '}';
}
} // namespace

QByteArray HttpRequestData::header(QByteArrayView lowerName) const
{
    for (const auto &h : headers)
        if (h.first == lowerName)
            return h.second;
    return {};
}

bool HttpRequestData::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

HttpRequestParser::HttpRequestParser(Limits limits, qint64 maxHeaderBytes)
    : m_limits(std::move(limits)), m_maxHeaderBytes(maxHeaderBytes)
{
}

QByteArray HttpRequestParser::pathOf(const QByteArray &target)
{
    return QUrl::fromEncoded(target).path().toUtf8();
}

bool HttpRequestParser::feed(QByteArrayView bytes)
{
    process(bytes, false);
    return m_refusal.status == 0;
}

qsizetype HttpRequestParser::feedUntilRequest(QByteArrayView bytes)
{
    return process(bytes, true);
}

qsizetype HttpRequestParser::process(QByteArrayView bytes, bool stopAtRequest)
{
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    const int completedBefore = m_completed;
    while (i < n) {
        if (m_refusal.status != 0)
            return i;
        if (stopAtRequest && m_completed != completedBefore)
            return i;
        switch (m_state) {
        case State::Idle: {
            const char c = bytes[i];
            // Blank lines between requests are skipped (RFC 9112 allows a stray CRLF).
            if (c == '\r' || c == '\n') {
                ++i;
                continue;
            }
            m_state = State::RequestLine;
            m_headerBytes = 0;
            m_current = {};
            continue;
        }
        case State::Body:
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_bodyLeft, n - i);
            m_current.body.append(bytes.sliced(i, take));
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
                return i + 1;
            ++i;
        }
    }
    return i;
}

bool HttpRequestParser::lineByte(char c)
{
    const bool inHead =
        m_state == State::RequestLine || m_state == State::Header || m_state == State::Trailer;
    if (inHead && ++m_headerBytes > m_maxHeaderBytes)
        return refuse(431, "Request Header Fields Too Large");
    if (c == '\n')
        return endOfLine();
    if (!inHead && m_line.size() >= kMaxChunkLine)
        return refuse(400, "Bad Request");
    m_line.append(c);
    return true;
}

bool HttpRequestParser::endOfLine()
{
    QByteArray line = std::move(m_line);
    m_line.clear();
    m_lineHadCr = line.endsWith('\r');
    if (m_lineHadCr)
        line.chop(1);

    switch (m_state) {
    case State::RequestLine: {
        // METHOD SP TARGET SP HTTP/1.x, nothing else.
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() ||
            !(parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0"))
            return refuse(400, "Bad Request");
        for (const char c : parts[0])
            if (!isTokenChar(c))
                return refuse(400, "Bad Request");
        m_current.method = parts[0];
        m_current.target = parts[1];
        m_current.version = parts[2];
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
        if (line.front() == ' ' || line.front() == '\t') // obsolete line folding
            return refuse(400, "Bad Request");
        if (m_current.headers.size() >= kMaxHeaderFields)
            return refuse(431, "Request Header Fields Too Large");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return refuse(400, "Bad Request");
        const QByteArray name = line.left(colon).toLower();
        for (const char c : name)
            if (!isTokenChar(c))
                return refuse(400, "Bad Request");
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = !value.isEmpty() && value.size() <= 18;
            for (const char c : value)
                ok = ok && c >= '0' && c <= '9';
            const qint64 length = ok ? value.toLongLong(&ok) : -1;
            if (!ok || length < 0 || (m_haveContentLength && length != m_contentLength))
                return refuse(400, "Bad Request");
            m_haveContentLength = true;
            m_contentLength = length;
        } else if (name == "transfer-encoding") {
            // chunked alone, as nsqd's clients send it; any other coding is not served.
            if (value.toLower() != "chunked")
                return refuse(501, "Not Implemented");
            m_chunked = true;
        } else if (name == "expect" && value.toLower() == "100-continue") {
            m_expectContinue = true;
        }
        m_current.headers.append({name, value});
        return true;
    }
    case State::ChunkSize: {
        if (!m_lineHadCr)
            return refuse(400, "Bad Request");
        const qsizetype extension = line.indexOf(';');
        const QByteArray hex = (extension < 0 ? line : line.left(extension)).trimmed();
        bool ok = !hex.isEmpty() && hex.size() <= 15;
        for (const char c : hex)
            ok = ok && std::isxdigit(static_cast<unsigned char>(c));
        const qint64 size = ok ? hex.toLongLong(&ok, 16) : -1;
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
        // Trailer fields are read and dropped; the blank line ends the request.
        if (line.isEmpty())
            requestDone();
        return true;
    default:
        return true;
    }
}

bool HttpRequestParser::endOfHeaders()
{
    if (m_chunked && m_haveContentLength) // two framings: which one is meant cannot be known
        return refuse(400, "Bad Request");
    const QByteArray path = pathOf(m_current.target);
    m_limit = m_limits ? m_limits(path) : BodyLimit{};
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

HttpRequestData HttpRequestParser::takeRequest()
{
    HttpRequestData r = std::move(m_done.front());
    m_done.pop_front();
    return r;
}

bool HttpRequestParser::takeContinueRequest()
{
    return std::exchange(m_continueRequested, false);
}

bool HttpRequestParser::refuse(int status, const char *reason, const QByteArray &code)
{
    m_refusal = Refusal{status, QByteArray(reason), code};
    return false;
}

void HttpRequestParser::requestDone()
{
    m_continueRequested = false; // complete already: a 100 would come after the answer
    ++m_completed;
    m_state = State::Idle;
    m_line.clear();
    m_done.push_back(std::move(m_current));
    m_current = {};
}

} // namespace nsq
