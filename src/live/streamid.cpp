#include "streamid.h"

namespace Endzone {

namespace {
std::optional<quint64> parseNumber(QByteArrayView digits)
{
    // At most 20 digits; toULongLong rejects what overflows 64 bits.
    if (digits.isEmpty() || digits.size() > 20)
        return std::nullopt;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    bool ok = false;
    const quint64 value = digits.toByteArray().toULongLong(&ok);
    return ok ? std::optional(value) : std::nullopt;
}
} // namespace

std::optional<StreamId> StreamId::parse(const QByteArray &text)
{
    const qsizetype dash = text.indexOf('-');
    if (dash <= 0)
        return std::nullopt;
    const auto ms = parseNumber(QByteArrayView(text).first(dash));
    const auto seq = parseNumber(QByteArrayView(text).sliced(dash + 1));
    if (!ms || !seq)
        return std::nullopt;
    return StreamId {*ms, *seq};
}

QByteArray StreamId::toByteArray() const
{
    QByteArray out = QByteArray::number(ms);
    out += '-';
    out += QByteArray::number(seq);
    return out;
}

} // namespace Endzone
