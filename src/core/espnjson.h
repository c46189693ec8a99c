#pragma once

#include "espnparser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <cmath>
#include <optional>

// Typed, path-aware reads of ESPN's JSON for EspnParser (internal to endzone_core): every value that does not fit
// is named by its path ("competitions[0].status.period: 99 is not a period"), so that one bad game can be
// reported and dropped without losing its week.
namespace Endzone::EspnJson {

using namespace Qt::Literals::StringLiterals;

// The first thing that did not fit while reading one event or one summary, as "path: why".
class Problems
{
public:
    void note(const QString &path, const QString &why)
    {
        if (m_first.isEmpty())
            m_first = path + u": "_s + why;
    }
    [[nodiscard]] bool any() const { return !m_first.isEmpty(); }
    [[nodiscard]] const QString &first() const { return m_first; }

private:
    QString m_first;
};

// A value as a message shows it: strings quoted and cut short, since they come from the network.
inline QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: {
        const QString text = value.toString();
        return u'"' + (text.size() > 40 ? text.left(40) + u"..."_s : text) + u'"';
    }
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"null"_s;
    }
}

inline bool isAsciiDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// A JSON object and its path in the document, with typed reads. A missing key (or null) reads as absent; a
// value of the wrong type or out of range reads as absent too, and is noted in Problems.
class Node
{
public:
    Node() = default;
    Node(QJsonObject object, QString path, Problems *problems)
        : m_object(std::move(object)), m_path(std::move(path)), m_problems(problems)
    {
    }

    [[nodiscard]] bool has(QLatin1StringView key) const { return !absent(m_object.value(key)); }
    [[nodiscard]] QString pathOf(QLatin1StringView key) const
    {
        return m_path.isEmpty() ? QString(key) : m_path + u'.' + key;
    }
    void problem(QLatin1StringView key, const QString &why) const
    {
        if (m_problems)
            m_problems->note(pathOf(key), why);
    }

    [[nodiscard]] Node object(QLatin1StringView key) const
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isObject() && !absent(value))
            problem(key, describe(value) + u" is not an object"_s);
        return Node(value.toObject(), pathOf(key), m_problems);
    }

    // The objects of an array; an entry that is not an object is noted and left out.
    [[nodiscard]] QList<Node> objects(QLatin1StringView key) const
    {
        QList<Node> nodes;
        const QJsonArray array = this->array(key);
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = pathOf(key) + u'[' + QString::number(i) + u']';
            if (array.at(i).isObject())
                nodes.append(Node(array.at(i).toObject(), path, m_problems));
            else if (m_problems)
                m_problems->note(path, describe(array.at(i)) + u" is not an object"_s);
        }
        return nodes;
    }

    [[nodiscard]] QStringList strings(QLatin1StringView key) const
    {
        QStringList list;
        const QJsonArray array = this->array(key);
        for (const QJsonValue &value : array) {
            if (value.isString())
                list.append(value.toString());
            else
                problem(key, describe(value) + u" is not a string"_s);
        }
        return list;
    }

    [[nodiscard]] std::optional<QString> string(QLatin1StringView key) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isString())
            return value.toString();
        if (!absent(value))
            problem(key, describe(value) + u" is not a string"_s);
        return std::nullopt;
    }
    [[nodiscard]] QString text(QLatin1StringView key) const { return string(key).value_or(QString()); }
    // A string that must be there: its absence is a problem too.
    [[nodiscard]] std::optional<QString> required(QLatin1StringView key) const
    {
        if (!has(key)) {
            problem(key, u"missing"_s);
            return std::nullopt;
        }
        return string(key);
    }

    [[nodiscard]] std::optional<double> number(
        QLatin1StringView key, double min, double max, QLatin1StringView what) const
    {
        const QJsonValue value = m_object.value(key);
        if (absent(value))
            return std::nullopt;
        const double n = value.toDouble(qQNaN());
        if (!value.isDouble() || !std::isfinite(n) || n < min || n > max) {
            problem(key, describe(value) + u" is not "_s + what);
            return std::nullopt;
        }
        return n;
    }

    // A whole number in [min, max]; 4.0 is as good as 4 (ESPN writes both, FORMAT.md §3).
    [[nodiscard]] std::optional<int> integer(QLatin1StringView key, int min, int max, QLatin1StringView what) const
    {
        const auto n = number(key, min, max, what);
        if (n && *n != std::floor(*n)) {
            problem(key, describe(m_object.value(key)) + u" is not "_s + what);
            return std::nullopt;
        }
        return n ? std::optional<int>(int(*n)) : std::nullopt;
    }

    [[nodiscard]] std::optional<bool> boolean(QLatin1StringView key) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isBool())
            return value.toBool();
        if (!absent(value))
            problem(key, describe(value) + u" is not true or false"_s);
        return std::nullopt;
    }

private:
    static bool absent(const QJsonValue &value) { return value.isUndefined() || value.isNull(); }

    QJsonArray array(QLatin1StringView key) const
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isArray() && !absent(value))
            problem(key, describe(value) + u" is not an array"_s);
        return value.toArray();
    }

    QJsonObject m_object;
    QString m_path;
    Problems *m_problems = nullptr;
};

// EspnParser's two parses, with the JsonSkim pass before QJsonDocument (what EspnParser does) or without it:
// the tests and the espn fuzz target compare both, to prove that the skim never changes a result.
enum class Skim { On, Off };
[[nodiscard]] Result<ParsedWeek> parseScoreboard(QByteArrayView document, std::optional<WeekKey> requested, Skim skim);
[[nodiscard]] Result<ParsedSummary> parseSummary(QByteArrayView document, Skim skim);

} // namespace Endzone::EspnJson
