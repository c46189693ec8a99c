#pragma once

#include "espnparser.h"
#include "jsonskim.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

// Typed, path-aware reads of ESPN's JSON for EspnParser (internal to endzone_core): every value that does not fit
// is named by its path ("competitions[0].status.period: 99 is not a period"), so that one bad game can be
// reported and dropped without losing its week.
namespace Endzone::EspnJson {

using namespace Qt::Literals::StringLiterals;

// The first thing that did not fit while reading one event or one summary, as "path: why"; and where every node
// read from it sits. A path is wanted only for that one message, while a summary's walk visits ~1,500 objects: so
// a node is a step here (its parent's step, its key, its index in an array), and the text is made only for a
// problem. Steps are kept here rather than as parent pointers in the nodes because nodes are returned by value
// and outlive the temporaries they were read from (`top.object("gameInfo").object("venue")`).
class Problems
{
public:
    [[nodiscard]] bool any() const { return !m_first.isEmpty(); }
    [[nodiscard]] const QString &first() const { return m_first; }

    // A new step below `parent` (-1: the root): member `key`, or element `index` of the array member `key`.
    [[nodiscard]] qint32 step(qint32 parent, QLatin1StringView key, qsizetype index = -1)
    {
        if (m_steps.empty())
            m_steps.reserve(64);
        m_steps.push_back({parent, qint32(index), key});
        return qint32(m_steps.size() - 1);
    }

    // "competitions[0].status", the same text the nodes used to carry; empty for the root.
    [[nodiscard]] QString path(qint32 at) const
    {
        if (at < 0)
            return {};
        const Step &step = m_steps[size_t(at)];
        const QString parent = path(step.parent);
        QString text = parent.isEmpty() ? QString(step.key) : parent + u'.' + step.key;
        if (step.index >= 0)
            text += u'[' + QString::number(step.index) + u']';
        return text;
    }
    [[nodiscard]] QString path(qint32 at, QLatin1StringView key) const
    {
        const QString parent = path(at);
        return parent.isEmpty() ? QString(key) : parent + u'.' + key;
    }

    void note(const QString &path, const QString &why)
    {
        if (m_first.isEmpty())
            m_first = path + u": "_s + why;
    }

private:
    struct Step
    {
        qint32 parent;
        qint32 index; // -1: not an array element
        QLatin1StringView key; // a literal in EspnParser's code, so it lives as long as the program
    };
    std::vector<Step> m_steps;
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

// A JSON object and where it sits in the document, with typed reads. A missing key (or null) reads as absent; a
// value of the wrong type or out of range reads as absent too, and is noted in Problems. Keys are literals
// (QLatin1StringView), and members are read in place (constFind): a scalar read allocates nothing but the QString
// it returns, and a message is only made for the first problem.
class Node
{
public:
    Node() = default;
    // The root of what one Problems is about: paths are relative to it.
    Node(QJsonObject object, Problems *problems) : m_object(std::move(object)), m_problems(problems) { }

    [[nodiscard]] bool has(QLatin1StringView key) const { return !member(key).absent(); }
    [[nodiscard]] QString pathOf(QLatin1StringView key) const
    {
        return m_problems ? m_problems->path(m_step, key) : QString(key);
    }
    void problem(QLatin1StringView key, const QString &why) const
    {
        if (noting())
            m_problems->note(pathOf(key), why);
    }

    [[nodiscard]] Node object(QLatin1StringView key) const
    {
        const Member m = member(key);
        if (m.type == QJsonValue::Object)
            return child(m.it->toObject(), key);
        if (!m.absent() && noting())
            problem(key, describe(*m.it) + u" is not an object"_s);
        return child(QJsonObject(), key);
    }

    // The objects of an array; an entry that is not an object is noted and left out.
    [[nodiscard]] QList<Node> objects(QLatin1StringView key) const
    {
        QList<Node> nodes;
        const QJsonArray array = this->array(key);
        nodes.reserve(array.size());
        for (auto it = array.constBegin(); it != array.constEnd(); ++it) {
            const QJsonValueConstRef value = *it;
            const qsizetype i = it - array.constBegin();
            if (value.isObject())
                nodes.append(child(value.toObject(), key, i));
            else if (noting())
                m_problems->note(
                    m_problems->path(m_problems->step(m_step, key, i)), describe(value) + u" is not an object"_s);
        }
        return nodes;
    }

    [[nodiscard]] QStringList strings(QLatin1StringView key) const
    {
        QStringList list;
        const QJsonArray array = this->array(key);
        for (const QJsonValueConstRef value : array) {
            if (value.isString())
                list.append(value.toString());
            else if (noting())
                problem(key, describe(value) + u" is not a string"_s);
        }
        return list;
    }

    [[nodiscard]] std::optional<QString> string(QLatin1StringView key) const { return stringOf(key, member(key)); }
    [[nodiscard]] QString text(QLatin1StringView key) const
    {
        const Member m = member(key);
        return m.type == QJsonValue::String ? m.it->toString() : stringOf(key, m).value_or(QString());
    }
    // A string that must be there: its absence is a problem too.
    [[nodiscard]] std::optional<QString> required(QLatin1StringView key) const
    {
        const Member m = member(key);
        if (m.absent()) {
            problem(key, u"missing"_s);
            return std::nullopt;
        }
        return stringOf(key, m);
    }

    [[nodiscard]] std::optional<double> number(
        QLatin1StringView key, double min, double max, QLatin1StringView what) const
    {
        return numberOf(key, member(key), min, max, what);
    }

    // A whole number in [min, max]; 4.0 is as good as 4 (ESPN writes both, FORMAT.md §3).
    [[nodiscard]] std::optional<int> integer(QLatin1StringView key, int min, int max, QLatin1StringView what) const
    {
        const Member m = member(key);
        const auto n = numberOf(key, m, min, max, what);
        if (n && *n != std::floor(*n)) {
            if (noting())
                problem(key, describe(*m.it) + u" is not "_s + what);
            return std::nullopt;
        }
        return n ? std::optional<int>(int(*n)) : std::nullopt;
    }

    [[nodiscard]] std::optional<bool> boolean(QLatin1StringView key) const
    {
        const Member m = member(key);
        if (m.type == QJsonValue::Bool)
            return m.it->toBool();
        if (!m.absent() && noting())
            problem(key, describe(*m.it) + u" is not true or false"_s);
        return std::nullopt;
    }

private:
    // A member where it is in the document: QJsonObject::value() would copy it out into a QJsonValue first.
    struct Member
    {
        QJsonObject::const_iterator it;
        QJsonValue::Type type; // Undefined when there is no such key; `it` is then end()

        [[nodiscard]] bool absent() const { return type == QJsonValue::Undefined || type == QJsonValue::Null; }
    };
    [[nodiscard]] Member member(QLatin1StringView key) const
    {
        const auto it = m_object.constFind(key);
        return {it, it == m_object.constEnd() ? QJsonValue::Undefined : it->type()};
    }

    // Whether a problem would be kept: only the first is, so the later ones' messages are never made.
    [[nodiscard]] bool noting() const { return m_problems && !m_problems->any(); }

    [[nodiscard]] Node child(QJsonObject object, QLatin1StringView key, qsizetype index = -1) const
    {
        Node node(std::move(object), m_problems);
        if (m_problems)
            node.m_step = m_problems->step(m_step, key, index);
        return node;
    }

    std::optional<QString> stringOf(QLatin1StringView key, const Member &m) const
    {
        if (m.type == QJsonValue::String)
            return m.it->toString();
        if (!m.absent() && noting())
            problem(key, describe(*m.it) + u" is not a string"_s);
        return std::nullopt;
    }

    std::optional<double> numberOf(
        QLatin1StringView key, const Member &m, double min, double max, QLatin1StringView what) const
    {
        if (m.absent())
            return std::nullopt;
        const double n = m.type == QJsonValue::Double ? m.it->toDouble(qQNaN()) : qQNaN();
        if (!std::isfinite(n) || n < min || n > max) {
            if (noting())
                problem(key, describe(*m.it) + u" is not "_s + what);
            return std::nullopt;
        }
        return n;
    }

    QJsonArray array(QLatin1StringView key) const
    {
        const Member m = member(key);
        if (m.type == QJsonValue::Array)
            return m.it->toArray();
        if (!m.absent() && noting())
            problem(key, describe(*m.it) + u" is not an array"_s);
        return {};
    }

    QJsonObject m_object;
    Problems *m_problems = nullptr;
    qint32 m_step = -1; // in m_problems; -1: the root
};

// What the scoreboard's parse (espnparser.cpp) and the summary's (espnsummaryparser.cpp) share.

// The nodes one game is read from: a scoreboard event, or a summary's header with its gameInfo.
struct GameNodes
{
    Node event;
    Node competition;
    Node venue;
    Node situation;
};

// The document as a JSON object, skimmed first when `skim` is given; "malformed ESPN <what>: ..." otherwise.
[[nodiscard]] Result<QJsonObject> parseDocument(QByteArrayView document, QLatin1StringView what, const JsonSkim *skim);
// An event's `id`: digits only, at most 12.
[[nodiscard]] std::optional<QString> eventId(const Node &node);
// The week from ESPN's (year, seasontype, week) triple; nullopt when the document does not name one.
[[nodiscard]] Result<std::optional<WeekKey>> readWeek(const Node &season, const Node &week, QLatin1StringView weekKey);
[[nodiscard]] std::optional<GameType> gameTypeOf(const WeekKey &key);
// The team's abbreviation in `season` by ESPN team id; ESPN's own for ids the directory does not know.
[[nodiscard]] QString teamAbbreviation(const Node &team, int season);
[[nodiscard]] Game readGame(const GameNodes &nodes, const QString &id, const WeekKey &week, GameType gameType);

// EspnParser's two parses, with the JsonSkim pass before QJsonDocument (what EspnParser does) or without it:
// the tests and the espn fuzz target compare both, to prove that the skim never changes a result.
enum class Skim { On, Off };
[[nodiscard]] Result<ParsedWeek> parseScoreboard(QByteArrayView document, std::optional<WeekKey> requested, Skim skim);
[[nodiscard]] Result<ParsedSummary> parseSummary(QByteArrayView document, Skim skim);

} // namespace Endzone::EspnJson
