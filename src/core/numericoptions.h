#pragma once

#include "result.h"

#include <QString>

class QCommandLineParser;

namespace Endzone {

// The numbers given on a command line, read strictly. QString::toInt() reads "12abc", "" and "ten" as 0, and a
// server told `--max-header-bytes 16k` would then answer every request 431; a value outside its range is no
// better clamped in silence. Every program reads its numeric options here and, before it touches anything,
// stops with error() (exit status 2) unless ok().
class NumericOptions
{
public:
    explicit NumericOptions(const QCommandLineParser &parser) : m_parser(parser) { }

    // `text` as a whole number in [min, max], or why not, naming `option` ("--retries").
    [[nodiscard]] static Result<qint64> parseInteger(
        const QString &option, const QString &text, qint64 min, qint64 max);
    // `text` as a finite decimal number in [min, max], or why not.
    [[nodiscard]] static Result<double> parseReal(const QString &option, const QString &text, double min, double max);

    // The parser's value of the option `name` (its default when not given). A bad value is remembered (the
    // first one is error()) and `min` returned, which the program must not use: it checks ok() first.
    [[nodiscard]] qint64 integer(const QString &name, qint64 min, qint64 max);
    [[nodiscard]] double real(const QString &name, double min, double max);

    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString &error() const { return m_error; }

private:
    // The value, or `min` with the first error remembered.
    template<typename T>
    T keep(const Result<T> &value, T min);

    const QCommandLineParser &m_parser;
    QString m_error;
};

} // namespace Endzone
