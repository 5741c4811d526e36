#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace plein {

// A failure with a stable machine code (see protocol::ErrorCode names) and a human message.
struct Error
{
    QString code;
    QString message;
};

// The value of a synchronous operation that may fail. Small on purpose: C++20 has no std::expected.
template<typename T>
class Result
{
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_v); }
    T &value() & { return std::get<T>(m_v); }
    T &&value() && { return std::get<T>(std::move(m_v)); }
    const T *operator->() const { return &std::get<T>(m_v); }
    const Error &error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

} // namespace plein
