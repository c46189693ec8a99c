#include "numericoption.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

[[noreturn]] void refuse(const QString &message)
{
    fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(message));
    std::exit(2);
}

} // namespace

Result<qint64> NumericOption::parseInteger(const QString &option, const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max)
        return Result<qint64>::failure(
            u"%1 wants a whole number from %2 to %3, got \"%4\""_s.arg(option).arg(min).arg(max).arg(text));
    return value;
}

Result<double> NumericOption::parseReal(const QString &option, const QString &text, double min, double max)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > max)
        return Result<double>::failure(
            u"%1 wants a number from %2 to %3, got \"%4\""_s.arg(option).arg(min).arg(max).arg(text));
    return value;
}

qint64 NumericOption::integer(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max)
{
    const auto value = parseInteger(u"--"_s + name, parser.value(name), min, max);
    if (!value)
        refuse(value.error());
    return value.value();
}

double NumericOption::real(const QCommandLineParser &parser, const QString &name, double min, double max)
{
    const auto value = parseReal(u"--"_s + name, parser.value(name), min, max);
    if (!value)
        refuse(value.error());
    return value.value();
}

} // namespace Endzone
