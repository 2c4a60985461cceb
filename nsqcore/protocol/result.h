#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace nsq {

// What a decoder hands back: the value, or the reason there is none.
// Malformed network input is an ordinary outcome here, never an exception.
template <typename T> class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    static Result failure(QString error)
    {
        Result r;
        r.m_error = std::move(error);
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const QString &error() const { return m_error; }

private:
    Result() = default;
    std::optional<T> m_value;
    QString m_error;
};

} // namespace nsq
