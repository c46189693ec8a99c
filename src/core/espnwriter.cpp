#include "espnwriter.h"
#include "espnwriter_p.h"
#include "seasoncalendar.h"
#include "teamdirectory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace EspnWriterDetail {

EspnTeam espnTeam(const TeamSide &side, int season)
{
    const auto id = TeamDirectory::franchiseId(side.abbreviation, season, side.nickname);
    const auto franchise = id ? TeamDirectory::franchise(*id) : std::nullopt;
    if (!franchise) {
        // ESPN numbers the Pro Bowl sides past its 32 clubs (FORMAT.md §8 has no 31 or 32).
        const bool nfc = side.abbreviation.compare(u"NFC"_s, Qt::CaseInsensitive) == 0;
        const QString name = side.abbreviation.toUpper();
        return {nfc ? u"32"_s : u"31"_s, side.abbreviation, name, name, name, u"013369"_s, u"d50a0a"_s};
    }
    EspnTeam team;
    team.id = QString::number(*id);
    team.abbreviation = TeamDirectory::abbreviation(*id, season);
    team.location = TeamDirectory::location(*id, season);
    team.displayName = TeamDirectory::displayName(*id, season);
    team.name = team.displayName.startsWith(team.location) ? team.displayName.mid(team.location.size()).trimmed()
                                                           : franchise->name;
    team.color = franchise->primaryColor.mid(1).toLower();
    team.alternateColor = franchise->secondaryColor.mid(1).toLower();
    return team;
}

QJsonObject teamObject(const EspnTeam &team)
{
    return {{u"id"_s, team.id}, {u"uid"_s, QString(u"s:20~l:28~t:"_s + team.id)}, {u"location"_s, team.location},
        {u"name"_s, team.name}, {u"abbreviation"_s, team.abbreviation}, {u"displayName"_s, team.displayName},
        {u"shortDisplayName"_s, team.name}, {u"color"_s, team.color}, {u"alternateColor"_s, team.alternateColor},
        {u"isActive"_s, true},
        {u"logo"_s, u"https://a.espncdn.com/i/teamlogos/nfl/500/scoreboard/%1.png"_s.arg(team.abbreviation.toLower())}};
}

namespace {

QString ordinalDay(int day)
{
    const int tens = day % 100, ones = day % 10;
    const auto suffix = (tens >= 11 && tens <= 13) ? "th"_L1
        : ones == 1                                ? "st"_L1
        : ones == 2                                ? "nd"_L1
        : ones == 3                                ? "rd"_L1
                                                   : "th"_L1;
    return QString::number(day) + suffix;
}

// "Sun, September 7th at 1:00 PM EDT" and "9/7 - 1:00 PM EDT": ESPN words kickoffs in US Eastern time.
std::pair<QString, QString> scheduledText(const QDateTime &kickoff)
{
    static const QTimeZone eastern("America/New_York");
    const QDateTime local = kickoff.toTimeZone(eastern);
    const QLocale c = QLocale::c();
    const QString time = c.toString(local.time(), u"h:mm AP"_s) + u' ' + eastern.abbreviation(local);
    return {c.toString(local.date(), u"ddd, MMMM "_s) + ordinalDay(local.date().day()) + u" at "_s + time,
        c.toString(local.date(), u"M/d"_s) + u" - "_s + time};
}

int periodOf(GameState state)
{
    switch (state) {
    case GameState::Pregame:
        return 0;
    case GameState::Quarter1:
        return 1;
    case GameState::Quarter2:
    case GameState::Halftime:
        return 2;
    case GameState::Quarter3:
        return 3;
    case GameState::Quarter4:
    case GameState::Final:
        return 4;
    case GameState::Overtime:
    case GameState::FinalOvertime:
        return 5;
    }
    return 0;
}

} // namespace

std::pair<QString, int> clockOf(const QString &clock)
{
    const auto parts = clock.split(u':');
    if (parts.size() != 2)
        return {u"0:00"_s, 0};
    const int minutes = parts.at(0).toInt(), seconds = parts.at(1).toInt();
    return {u"%1:%2"_s.arg(minutes).arg(seconds, 2, 10, QLatin1Char('0')), minutes * 60 + seconds};
}

QJsonObject statusObject(const Game &game, bool withClock)
{
    const int period = periodOf(game.state);
    QJsonObject type;
    auto setType = [&type](const char *id, const char *name, const char *state, const QString &description,
                       const QString &detail, const QString &shortDetail) {
        type = {{u"id"_s, QLatin1StringView(id)}, {u"name"_s, QLatin1StringView(name)},
            {u"state"_s, QLatin1StringView(state)}, {u"completed"_s, QLatin1StringView(state) == "post"_L1},
            {u"description"_s, description}, {u"detail"_s, detail}, {u"shortDetail"_s, shortDetail}};
    };
    auto [displayClock, seconds] = clockOf(game.clock);
    if (game.state == GameState::Pregame) {
        const auto [detail, shortDetail] = scheduledText(game.kickoff);
        setType("1", "STATUS_SCHEDULED", "pre", u"Scheduled"_s, detail, shortDetail);
    } else if (game.state == GameState::Halftime) {
        setType("23", "STATUS_HALFTIME", "in", u"Halftime"_s, u"Halftime"_s, u"Halftime"_s);
    } else if (isLive(game.state)) {
        static constexpr QLatin1StringView names[] = {"1st"_L1, "2nd"_L1, "3rd"_L1, "4th"_L1};
        const QString quarter = period >= 5 ? u"OT"_s : QString(names[period - 1]);
        setType("2", "STATUS_IN_PROGRESS", "in", u"In Progress"_s,
            displayClock + u" - "_s + quarter + (period >= 5 ? QString() : u" Quarter"_s),
            displayClock + u" - "_s + quarter);
    } else {
        const QString final = game.state == GameState::FinalOvertime ? u"Final/OT"_s : u"Final"_s;
        setType("3", "STATUS_FINAL", "post", u"Final"_s, final, final);
    }
    if (!isLive(game.state) || game.state == GameState::Halftime) {
        displayClock = u"0:00"_s;
        seconds = 0;
    }
    QJsonObject status {{u"type"_s, type}};
    if (withClock) {
        status.insert(u"clock"_s, double(seconds));
        status.insert(u"displayClock"_s, displayClock);
        status.insert(u"period"_s, period);
    }
    return status;
}

QJsonObject venueObject(const Game &game)
{
    QJsonObject address;
    const auto comma = game.venueCity.lastIndexOf(u", "_s);
    const QString city = comma > 0 ? game.venueCity.left(comma) : game.venueCity;
    const QString region = comma > 0 ? game.venueCity.mid(comma + 2) : QString();
    address.insert(u"city"_s, city);
    // A two-letter region is a US state; anything else is a country (ESPN gives no state abroad).
    static const QRegularExpression state(u"^[A-Z]{2}$"_s);
    if (state.match(region).hasMatch()) {
        address.insert(u"state"_s, region);
        address.insert(u"country"_s, u"USA"_s);
    } else if (!region.isEmpty()) {
        address.insert(u"country"_s, region);
    }
    return {{u"fullName"_s, game.venue}, {u"address"_s, address}};
}

QJsonObject situationObject(const Sides &sides)
{
    const Game &game = sides.game;
    QJsonObject situation;
    if (game.down) {
        situation.insert(u"down"_s, *game.down);
        situation.insert(u"distance"_s, game.distance.value_or(0));
    }
    const QString spot = sides.spotText(game.ballOn);
    if (const auto line = sides.yardLine(game.ballOn))
        situation.insert(u"yardLine"_s, *line);
    if (!game.ballOn.isEmpty()) {
        situation.insert(u"possessionText"_s, spot);
        if (game.down) {
            situation.insert(u"downDistanceText"_s, QString(game.downAndDistance() + u" at "_s + spot));
            situation.insert(u"shortDownDistanceText"_s, game.downAndDistance());
        }
    }
    situation.insert(u"isRedZone"_s, game.redZone);
    if (game.homeTimeouts)
        situation.insert(u"homeTimeouts"_s, *game.homeTimeouts);
    if (game.visitorTimeouts)
        situation.insert(u"awayTimeouts"_s, *game.visitorTimeouts);
    if (const auto *team = sides.team(game.possession))
        situation.insert(u"possession"_s, team->id);
    if (!game.lastPlay.isEmpty() || game.homeWinProbability) {
        QJsonObject lastPlay {{u"text"_s, game.lastPlay}};
        if (game.homeWinProbability) {
            const double home = *game.homeWinProbability;
            lastPlay.insert(u"probability"_s,
                QJsonObject {{u"tiePercentage"_s, 0}, {u"homeWinPercentage"_s, home},
                    {u"awayWinPercentage"_s, std::round((1 - home) * 10000) / 10000}, {u"secondsLeft"_s, 0}});
        }
        situation.insert(u"lastPlay"_s, lastPlay);
    }
    return situation;
}

namespace {

QJsonArray broadcastsArray(const Game &game)
{
    if (game.broadcast.isEmpty())
        return {};
    return {QJsonObject {
        {u"market"_s, u"national"_s}, {u"names"_s, QJsonArray::fromStringList(game.broadcast.split(u'/'))}}};
}

} // namespace

QJsonObject competitorObject(
    const Game &game, const EspnTeam &team, bool home, const QList<int> *linescore, bool summaryShape)
{
    const TeamSide &side = home ? game.home : game.visitor;
    const TeamSide &other = home ? game.visitor : game.home;
    QJsonObject competitor {{u"id"_s, team.id}, {u"uid"_s, QString(u"s:20~l:28~t:"_s + team.id)},
        {u"type"_s, u"team"_s}, {u"order"_s, home ? 0 : 1}, {u"homeAway"_s, home ? u"home"_s : u"away"_s},
        {u"team"_s, teamObject(team)}};
    // A summary before kickoff has no score at all; a scoreboard says "0" (FORMAT.md §4, §7).
    if (!summaryShape || game.state != GameState::Pregame)
        competitor.insert(u"score"_s, QString::number(side.score.value_or(0)));
    if (linescore && game.state != GameState::Pregame) {
        QJsonArray periods;
        for (qsizetype i = 0; i < linescore->size(); ++i) {
            const int points = linescore->at(i);
            periods.append(summaryShape ? QJsonObject {{u"displayValue"_s, QString::number(points)}}
                                        : QJsonObject {{u"value"_s, double(points)},
                                            {u"displayValue"_s, QString::number(points)}, {u"period"_s, i + 1}});
        }
        competitor.insert(u"linescores"_s, periods);
    }
    if (isFinal(game.state))
        competitor.insert(u"winner"_s, side.score.value_or(0) > other.score.value_or(0));
    if (summaryShape)
        competitor.insert(u"possession"_s, isLive(game.state) && game.possession == side.abbreviation);
    return competitor;
}

namespace {

QJsonObject eventObject(const Game &game, const GameDetail *detail)
{
    const Sides sides(game);
    const QString id = EspnWriter::eventId(game);
    const WeekKey key {game.season, game.seasonType, game.week};
    const int seasonType = SeasonCalendar::espnSeasonType(game.seasonType);
    const QJsonObject status = statusObject(game, true);
    QJsonObject competitionStatus = status;
    competitionStatus.insert(u"isTBDFlex"_s, false);
    QJsonObject competition {{u"id"_s, id}, {u"uid"_s, u"s:20~l:28~e:%1~c:%1"_s.arg(id)},
        {u"date"_s, EspnWriter::dateText(game.kickoff)}, {u"attendance"_s, 0},
        {u"type"_s, QJsonObject {{u"id"_s, u"1"_s}, {u"abbreviation"_s, u"STD"_s}}}, {u"timeValid"_s, true},
        {u"neutralSite"_s, game.neutralSite}, {u"conferenceCompetition"_s, false},
        {u"playByPlayAvailable"_s, game.state != GameState::Pregame},
        {u"competitors"_s,
            QJsonArray {competitorObject(game, sides.home, true, detail ? &detail->homeLinescore : nullptr, false),
                competitorObject(game, sides.away, false, detail ? &detail->visitorLinescore : nullptr, false)}},
        {u"notes"_s, QJsonArray()}, {u"status"_s, competitionStatus}, {u"broadcasts"_s, broadcastsArray(game)}};
    if (!game.venue.isEmpty() || !game.venueCity.isEmpty())
        competition.insert(u"venue"_s, venueObject(game));
    if (!game.broadcast.isEmpty())
        competition.insert(u"broadcast"_s, game.broadcast);
    if (isLive(game.state) && game.state != GameState::Halftime && (!game.possession.isEmpty() || game.hasSituation()))
        competition.insert(u"situation"_s, situationObject(sides));
    static constexpr QLatin1StringView slugs[] = {"preseason"_L1, "regular-season"_L1, "post-season"_L1};
    return {{u"id"_s, id}, {u"uid"_s, QString(u"s:20~l:28~e:"_s + id)}, {u"date"_s, EspnWriter::dateText(game.kickoff)},
        {u"name"_s, QString(sides.away.displayName + u" at "_s + sides.home.displayName)},
        {u"shortName"_s,
            QString(sides.away.abbreviation + (game.neutralSite ? u" VS "_s : u" @ "_s) + sides.home.abbreviation)},
        {u"season"_s,
            QJsonObject {
                {u"year"_s, game.season}, {u"type"_s, seasonType}, {u"slug"_s, QString(slugs[seasonType - 1])}}},
        {u"week"_s, QJsonObject {{u"number"_s, SeasonCalendar::espnWeek(key)}}},
        {u"competitions"_s, QJsonArray {competition}}, {u"status"_s, status}, {u"links"_s, QJsonArray()}};
}

} // namespace

} // namespace EspnWriterDetail

using namespace EspnWriterDetail;

QString EspnWriter::eventId(const Game &game)
{
    return game.espnId.isEmpty() ? game.eid : game.espnId;
}

QString EspnWriter::dateText(const QDateTime &when)
{
    return when.toUTC().toString(u"yyyy-MM-dd'T'HH:mm'Z'"_s);
}

QJsonObject EspnWriter::scoreboardObject(const ParsedWeek &week, const QHash<QString, GameDetail> &details)
{
    const int seasonType = SeasonCalendar::espnSeasonType(week.key.type);
    QJsonArray events;
    for (const auto &game : week.games) {
        const auto detail = details.constFind(eventId(game));
        events.append(eventObject(game, detail == details.cend() ? nullptr : &*detail));
    }
    QJsonArray byes;
    for (const auto &abbreviation : week.byes)
        byes.append(teamObject(espnTeam({abbreviation, {}, {}}, week.key.season)));
    static constexpr QLatin1StringView typeNames[] = {"Preseason"_L1, "Regular Season"_L1, "Postseason"_L1};
    static constexpr QLatin1StringView typeAbbreviations[] = {"pre"_L1, "reg"_L1, "post"_L1};
    const QJsonObject league {{u"id"_s, u"28"_s}, {u"uid"_s, u"s:20~l:28"_s},
        {u"name"_s, u"National Football League"_s}, {u"abbreviation"_s, u"NFL"_s}, {u"slug"_s, u"nfl"_s},
        {u"season"_s,
            QJsonObject {{u"year"_s, week.key.season}, {u"displayName"_s, QString::number(week.key.season)},
                {u"type"_s,
                    QJsonObject {{u"id"_s, QString::number(seasonType)}, {u"type"_s, seasonType},
                        {u"name"_s, QString(typeNames[seasonType - 1])},
                        {u"abbreviation"_s, QString(typeAbbreviations[seasonType - 1])}}}}}};
    QJsonObject weekObject {{u"number"_s, SeasonCalendar::espnWeek(week.key)}};
    if (!byes.isEmpty())
        weekObject.insert(u"teamsOnBye"_s, byes);
    return {{u"leagues"_s, QJsonArray {league}},
        {u"season"_s, QJsonObject {{u"type"_s, seasonType}, {u"year"_s, week.key.season}}}, {u"week"_s, weekObject},
        {u"events"_s, events}};
}

QByteArray EspnWriter::scoreboard(const ParsedWeek &week, const QHash<QString, GameDetail> &details)
{
    return QJsonDocument(scoreboardObject(week, details)).toJson(QJsonDocument::Compact);
}

} // namespace Endzone
