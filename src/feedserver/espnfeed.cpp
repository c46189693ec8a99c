#include "espnfeed.h"
#include "espnwriter.h"
#include "logging.h"
#include "seasoncalendar.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

int espnTypeFromCode(QStringView code)
{
    return code == u"pre" ? 1 : code == u"reg" ? 2 : code == u"post" ? 3 : 0;
}

// ESPN's `dates=YYYYMMDD` is a US Eastern calendar day, like the `detail` texts.
QDate easternDay(const QDateTime &when)
{
    static const QTimeZone eastern("America/New_York");
    return when.toTimeZone(eastern).date();
}

} // namespace

EspnFeed::EspnFeed(const QString &directory, const SyntheticSeason *synthetic)
    : m_directory(directory), m_synthetic(synthetic)
{
    if (m_directory.isEmpty())
        return;
    static const QRegularExpression scoreboard(u"^scoreboard-(\\d{4})-(pre|reg|post)-(\\d{1,2})(-.*)?\\.json$"_s);
    static const QRegularExpression summary(u"^summary-(\\d+)(-.*)?\\.json$"_s);
    const QDir dir(m_directory);
    for (const auto &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        if (const auto match = scoreboard.match(name); match.hasMatch()) {
            const EspnWeek week {
                match.captured(1).toInt(), espnTypeFromCode(match.captured(2)), match.captured(3).toInt()};
            if (m_weekFiles.contains(week))
                qCWarning(lcFeed).noquote()
                    << "ESPN feed: two files for one week, serving" << m_weekFiles.value(week) << "and not" << name;
            else
                m_weekFiles.insert(week, dir.filePath(name));
        } else if (const auto match = summary.match(name); match.hasMatch()) {
            if (!m_summaryFiles.contains(match.captured(1)))
                m_summaryFiles.insert(match.captured(1), dir.filePath(name));
        }
    }
    qCInfo(lcFeed) << "ESPN feed:" << m_weekFiles.size() << "scoreboards and" << m_summaryFiles.size() << "summaries in"
                   << m_directory;
}

std::optional<WeekKey> EspnFeed::toWeekKey(const EspnWeek &week)
{
    return SeasonCalendar::fromEspn(std::get<0>(week), std::get<1>(week), std::get<2>(week));
}

QByteArray EspnFeed::emptyScoreboard(const std::optional<EspnWeek> &week)
{
    QJsonObject document {{u"leagues"_s, QJsonArray()}, {u"events"_s, QJsonArray()}};
    if (week) {
        document.insert(u"season"_s, QJsonObject {{u"type"_s, std::get<1>(*week)}, {u"year"_s, std::get<0>(*week)}});
        document.insert(u"week"_s, QJsonObject {{u"number"_s, std::get<2>(*week)}});
    }
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

QByteArray EspnFeed::error(int code, const QString &message)
{
    return QJsonDocument(QJsonObject {{u"code"_s, code}, {u"message"_s, message}}).toJson(QJsonDocument::Compact);
}

std::optional<QByteArray> EspnFeed::file(const QString &path)
{
    if (const auto it = m_cache.constFind(path); it != m_cache.cend())
        return *it;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcFeed).noquote() << "ESPN feed: cannot read" << path << file.errorString();
        return std::nullopt;
    }
    return *m_cache.insert(path, file.readAll());
}

EspnFeed::EspnWeek EspnFeed::currentWeek(const QDateTime &now) const
{
    if (m_synthetic) {
        const WeekKey key = m_synthetic->currentWeek(now);
        return {key.season, SeasonCalendar::espnSeasonType(key.type), SeasonCalendar::espnWeek(key)};
    }
    // From files, like ss.xml: the latest week on disk.
    return m_weekFiles.isEmpty() ? EspnWeek {now.date().year(), 2, 1} : m_weekFiles.lastKey();
}

EspnFeed::Request EspnFeed::request(const QUrlQuery &query, const QDateTime &now) const
{
    const QString dates = query.queryItemValue(u"dates"_s);
    const QString typeText = query.queryItemValue(u"seasontype"_s);
    const QString weekText = query.queryItemValue(u"week"_s);
    static const QRegularExpression day(u"^\\d{8}$"_s), year(u"^\\d{4}$"_s), small(u"^\\d{1,2}$"_s);
    if (day.match(dates).hasMatch()) {
        const QDate date = QDate::fromString(dates, u"yyyyMMdd"_s);
        return date.isValid() ? Request {{}, date, {}} : Request {{}, {}, u"dates: no such day"_s};
    }
    if (!dates.isEmpty() && !year.match(dates).hasMatch())
        return {{}, {}, u"dates wants YYYY or YYYYMMDD"_s};
    if ((!typeText.isEmpty() && !small.match(typeText).hasMatch())
        || (!weekText.isEmpty() && !small.match(weekText).hasMatch()))
        return {{}, {}, u"seasontype and week want small numbers"_s};
    if (dates.isEmpty() && typeText.isEmpty() && weekText.isEmpty())
        return {currentWeek(now), {}, {}};
    // A missing year is the current season's, a missing type the regular season, a missing week its first.
    const int season = dates.isEmpty() ? std::get<0>(currentWeek(now)) : dates.toInt();
    return {EspnWeek {season, typeText.isEmpty() ? 2 : typeText.toInt(), weekText.isEmpty() ? 1 : weekText.toInt()}, {},
        {}};
}

EspnFeed::Answer EspnFeed::scoreboard(const Request &request, const QDateTime &now)
{
    if (!request.error.isEmpty())
        return {400, error(400, request.error), {}};
    if (request.day)
        return dayDocument(*request.day, now);
    return weekDocument(*request.week, now);
}

EspnFeed::Answer EspnFeed::weekDocument(const EspnWeek &week, const QDateTime &now)
{
    const auto key = toWeekKey(week);
    if (m_synthetic) {
        // A week the season does not have is still a 200 with no events, as ESPN answers.
        if (!key || key->season != m_synthetic->season())
            return {200, emptyScoreboard(week), key};
        const ParsedWeek games = m_synthetic->espnWeek(*key, now);
        QHash<QString, GameDetail> details; // for the line scores of the games under way
        for (const auto &game : games.games) {
            if (game.state != GameState::Pregame)
                details.insert(game.espnId, m_synthetic->detail(game, now));
        }
        return {200, EspnWriter::scoreboard(games, details), key};
    }
    const auto path = m_weekFiles.constFind(week);
    if (path == m_weekFiles.cend())
        return {200, emptyScoreboard(week), key};
    auto body = file(*path);
    if (!body)
        return {500, error(500, u"cannot read the week's file"_s), key};
    return {200, std::move(*body), key};
}

EspnFeed::Answer EspnFeed::dayDocument(QDate day, const QDateTime &now)
{
    if (m_synthetic) {
        const auto key = m_synthetic->weekOn(day);
        if (!key)
            return {200, emptyScoreboard(std::nullopt), {}};
        ParsedWeek week = m_synthetic->espnWeek(*key, now);
        week.games.removeIf([day](const Game &game) { return easternDay(game.kickoff) != day; });
        QHash<QString, GameDetail> details;
        for (const auto &game : std::as_const(week.games)) {
            if (game.state != GameState::Pregame)
                details.insert(game.espnId, m_synthetic->detail(game, now));
        }
        return {200, EspnWriter::scoreboard(week, details), key};
    }
    // From files: the events of that day in whichever week's file has them, under that file's season and week.
    for (auto it = m_weekFiles.cbegin(); it != m_weekFiles.cend(); ++it) {
        const auto body = file(it.value());
        if (!body)
            continue;
        QJsonObject document = QJsonDocument::fromJson(*body).object();
        QJsonArray events;
        for (const auto &event : document.value(u"events"_s).toArray()) {
            const auto date = QDateTime::fromString(event.toObject().value(u"date"_s).toString(), Qt::ISODate);
            if (date.isValid() && easternDay(date) == day)
                events.append(event);
        }
        if (events.isEmpty())
            continue;
        document.insert(u"events"_s, events);
        return {200, QJsonDocument(document).toJson(QJsonDocument::Compact), toWeekKey(it.key())};
    }
    return {200, emptyScoreboard(std::nullopt), {}};
}

EspnFeed::Answer EspnFeed::summary(const QString &eventId, const QDateTime &now)
{
    const auto notFound = Answer {404, error(404, u"no event %1"_s.arg(eventId)), {}};
    if (m_synthetic) {
        const auto game = m_synthetic->espnGame(eventId, now);
        if (!game)
            return notFound;
        return {200, EspnWriter::summary(*game, m_synthetic->detail(*game, now)),
            WeekKey {game->season, game->seasonType, game->week}};
    }
    const auto path = m_summaryFiles.constFind(eventId);
    if (path == m_summaryFiles.cend())
        return notFound;
    auto body = file(*path);
    if (!body)
        return {500, error(500, u"cannot read the event's file"_s), {}};
    return {200, std::move(*body), {}};
}

} // namespace Endzone
