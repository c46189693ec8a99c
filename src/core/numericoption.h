#pragma once

#include "result.h"

#include <QString>

class QCommandLineParser;

namespace Endzone {

// A number given on the command line, read strictly. QString::toInt() reads "12abc", "" and "ten" as 0, and a
// server told `--max-header-bytes 16k` would then answer every request 431; a value outside its range is no
// better clamped in silence. Every program reads its numeric options here, so each refuses the same way.
class NumericOption
{
public:
    // `text` as a whole number in [min, max], or why not, naming `option` ("--retries").
    [[nodiscard]] static Result<qint64> parseInteger(
        const QString &option, const QString &text, qint64 min, qint64 max);
    // `text` as a finite decimal number in [min, max], or why not.
    [[nodiscard]] static Result<double> parseReal(const QString &option, const QString &text, double min, double max);

    // The parser's value of the option `name` (its default when not given). Like QCommandLineParser::process()
    // on an unknown option, a bad value ends the program: the message on stderr, exit status 2.
    [[nodiscard]] static qint64 integer(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max);
    [[nodiscard]] static double real(const QCommandLineParser &parser, const QString &name, double min, double max);
};

} // namespace Endzone
