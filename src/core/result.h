#pragma once

#include <QString>
#include <variant>

namespace Endzone {

// A value or an error message a person can read. Coroutines return this instead of throwing.
template<typename T>
class Result
{
public:
    // A result nobody set is a failure; it exists because QCoro::waitFor needs a default-constructible type.
    Result() : m_value(Error {QStringLiteral("no result")}) { }
    Result(T value) : m_value(std::move(value)) { }
    static Result failure(QString message) { return Result(Error {std::move(message)}); }

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return std::get<T>(m_value); }
    [[nodiscard]] T &value() & { return std::get<T>(m_value); }
    [[nodiscard]] T &&value() && { return std::get<T>(std::move(m_value)); }
    [[nodiscard]] QString error() const { return ok() ? QString() : std::get<Error>(m_value).message; }

private:
    struct Error
    {
        QString message;
    };
    explicit Result(Error error) : m_value(std::move(error)) { }
    std::variant<T, Error> m_value;
};

struct Done
{
};

} // namespace Endzone
