#include "numericoptions.h"

#include <QCommandLineParser>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

Result<qint64> NumericOptions::parseInteger(const QString &option, const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max)
        return Result<qint64>::failure(
            u"%1 wants a whole number from %2 to %3, got \"%4\""_s.arg(option).arg(min).arg(max).arg(text));
    return value;
}

Result<double> NumericOptions::parseReal(const QString &option, const QString &text, double min, double max)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > max)
        return Result<double>::failure(
            u"%1 wants a number from %2 to %3, got \"%4\""_s.arg(option).arg(min).arg(max).arg(text));
    return value;
}

template<typename T>
T NumericOptions::keep(const Result<T> &value, T min)
{
    if (value)
        return value.value();
    if (m_error.isEmpty())
        m_error = value.error();
    return min;
}

qint64 NumericOptions::integer(const QString &name, qint64 min, qint64 max)
{
    return keep(parseInteger(u"--"_s + name, m_parser.value(name), min, max), min);
}

double NumericOptions::real(const QString &name, double min, double max)
{
    return keep(parseReal(u"--"_s + name, m_parser.value(name), min, max), min);
}

} // namespace Endzone
