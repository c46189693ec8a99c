#include "espnparser.h"
#include "espnjson.h"
#include "jsonskim.h"
#include "logging.h"
#include "seasoncalendar.h"
#include "teamdirectory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

using EspnJson::describe;
using EspnJson::isAsciiDigits;
using EspnJson::Node;
using EspnJson::Problems;

// "7:45" -> "07:45", the scorestrip's form; nothing beyond a 15-minute quarter.
std::optional<QString> normalisedClock(QStringView text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon < 1 || colon > 2 || text.size() - colon != 3)
        return std::nullopt;
    const QStringView minutes = text.first(colon), seconds = text.sliced(colon + 1);
    if (!isAsciiDigits(minutes) || !isAsciiDigits(seconds))
        return std::nullopt;
    const int m = minutes.toInt(), s = seconds.toInt();
    if (s > 59 || m * 60 + s > 15 * 60)
        return std::nullopt;
    return u"%1:%2"_s.arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
}

QString dayOfWeek(const QDateTime &kickoff)
{
    static const QTimeZone eastern("America/New_York");
    static constexpr QLatin1StringView days[] = {"Mon"_L1, "Tue"_L1, "Wed"_L1, "Thu"_L1, "Fri"_L1, "Sat"_L1, "Sun"_L1};
    const int day = kickoff.toTimeZone(eastern).date().dayOfWeek();
    return day >= 1 && day <= 7 ? QString(days[day - 1]) : QString();
}

// An ESPN team id as TeamDirectory takes it; 0, no club, for anything that is not one.
int teamNumber(const QString &id)
{
    return isAsciiDigits(id) && id.size() <= 6 ? id.toInt() : 0;
}

// Abbreviation by ESPN team id for the season; ESPN's own for ids the directory does not know (Pro Bowl teams).
QString knownAbbreviation(const QString &id, const Node &team, int season)
{
    const QString known = TeamDirectory::abbreviation(teamNumber(id), season);
    return known.isEmpty() ? team.text("abbreviation"_L1) : known;
}

// "Arlington, TX"; "Sao Paulo, Brazil" abroad, where ESPN gives no state.
QString venueCity(const Node &venue)
{
    const Node address = venue.object("address"_L1);
    const QString city = address.text("city"_L1);
    QString region = address.text("state"_L1);
    if (region.isEmpty())
        region = address.text("country"_L1);
    if (city.isEmpty() || region.isEmpty())
        return city.isEmpty() ? region : city;
    return city + u", "_s + region;
}

// 2025 scoreboards have `broadcast` ready-made; older ones `broadcasts[].names`, summaries `media.shortName`.
QString broadcastNames(const Node &competition)
{
    if (const QString ready = competition.text("broadcast"_L1); !ready.isEmpty())
        return ready;
    QStringList names;
    for (const Node &entry : competition.objects("broadcasts"_L1)) {
        QStringList more = entry.strings("names"_L1);
        if (more.isEmpty())
            more.append(entry.object("media"_L1).text("shortName"_L1));
        for (const QString &name : std::as_const(more)) {
            if (!name.isEmpty() && !names.contains(name))
                names.append(name);
        }
    }
    return names.join(u'/');
}

// One side of a competition; `id` is ESPN's team id, which `situation.possession` refers to.
struct Side
{
    QString id;
    TeamSide team;
    int periods = 0;
};

void readSide(const Node &competitor, int season, Side &side)
{
    const Node team = competitor.object("team"_L1);
    const Node &named = team.has("id"_L1) || !competitor.has("id"_L1) ? team : competitor;
    const auto id = named.required("id"_L1);
    if (id && (id->size() > 6 || !isAsciiDigits(*id)))
        named.problem("id"_L1, describe(*id) + u" is not a team id"_s);
    side.id = id.value_or(QString());
    side.team.abbreviation = knownAbbreviation(side.id, team, season);
    if (side.team.abbreviation.isEmpty())
        team.problem("abbreviation"_L1, u"missing, and team %1 is not in the team directory"_s.arg(side.id));
    side.team.nickname = TeamDirectory::nickname(teamNumber(side.id), season);
    if (side.team.nickname.isEmpty()) // 2021 Washington has no `name` (FORMAT.md §4)
        side.team.nickname = (team.has("name"_L1) ? team.text("name"_L1) : team.text("shortDisplayName"_L1)).toLower();
    if (const auto score = competitor.string("score"_L1)) {
        if (score->size() > 3 || !isAsciiDigits(*score))
            competitor.problem("score"_L1, describe(*score) + u" is not a score"_s);
        else
            side.team.score = score->toInt();
    }
    side.periods = int(competitor.objects("linescores"_L1).size());
}

bool isCalledOff(QStringView statusName)
{
    for (const auto word : {"POSTPONED"_L1, "CANCELED"_L1, "CANCELLED"_L1, "DELAYED"_L1, "SUSPENDED"_L1}) {
        if (statusName.contains(word))
            return true;
    }
    return false;
}

// `type.state` decides whether a game has started, never the clock or the period (FORMAT.md §3).
GameState readState(const Node &status, int periodsPlayed, const QString &eventId, QString &clock)
{
    const Node type = status.object("type"_L1);
    const auto state = type.required("state"_L1);
    const QString name = type.text("name"_L1);
    // Summary headers carry no period: their line score says how many were played.
    const int period = status.integer("period"_L1, 0, 10, "a period"_L1).value_or(periodsPlayed);
    std::optional<QString> display;
    if (const auto text = status.string("displayClock"_L1)) {
        display = normalisedClock(*text);
        if (!display)
            status.problem("displayClock"_L1, describe(*text) + u" is not a clock"_s);
    }
    if (!state)
        return GameState::Pregame;
    if (*state == "in"_L1) {
        if (isCalledOff(name)) // a delay in the middle of a game keeps its quarter and its scores
            qCInfo(lcFeed).noquote() << "ESPN event" << eventId << "is" << name << "in period" << period;
        if (name == "STATUS_HALFTIME"_L1)
            return GameState::Halftime;
        clock = display.value_or(QString());
        static constexpr GameState quarters[]
            = {GameState::Quarter1, GameState::Quarter1, GameState::Quarter2, GameState::Quarter3, GameState::Quarter4};
        return period >= 5 ? GameState::Overtime : quarters[period];
    }
    if (*state == "pre"_L1 || *state == "post"_L1) {
        if (isCalledOff(name)) {
            qCInfo(lcFeed).noquote() << "ESPN event" << eventId << "is" << name << "- kept as not started";
            return GameState::Pregame;
        }
        if (*state == "pre"_L1)
            return GameState::Pregame;
        return period > 4 ? GameState::FinalOvertime : GameState::Final;
    }
    type.problem("state"_L1, describe(*state) + u" is not pre, in or post"_s);
    return GameState::Pregame;
}

void readSituation(const Node &situation, const Side &home, const Side &away, Game &game)
{
    game.redZone = situation.boolean("isRedZone"_L1).value_or(false);
    // ESPN writes down 0 for "no down" (kickoffs, tries: FORMAT.md §7's plays); anything else must be 1-4.
    const auto down = situation.integer("down"_L1, 0, 4, "a down"_L1);
    const auto distance = situation.integer("distance"_L1, 0, 100, "a distance"_L1);
    if (down && *down > 0) {
        game.down = down;
        game.distance = distance;
    }
    game.ballOn = situation.text("possessionText"_L1);
    game.homeTimeouts = situation.integer("homeTimeouts"_L1, 0, 3, "a number of timeouts"_L1);
    game.visitorTimeouts = situation.integer("awayTimeouts"_L1, 0, 3, "a number of timeouts"_L1);
    const QString possession = situation.text("possession"_L1);
    if (!possession.isEmpty() && possession == home.id)
        game.possession = home.team.abbreviation;
    else if (!possession.isEmpty() && possession == away.id)
        game.possession = away.team.abbreviation;
    const Node lastPlay = situation.object("lastPlay"_L1);
    game.lastPlay = lastPlay.text("text"_L1);
    game.homeWinProbability
        = lastPlay.object("probability"_L1).number("homeWinPercentage"_L1, 0, 1, "a probability"_L1);
}

// Members EspnParser reads nowhere, at any depth, that make up most of a document's bytes: JsonSkim leaves them
// out before QJsonDocument parses (the benchmark's figures are in jsonskim.h). A key read anywhere in the parse
// (`type`, `team`, `id`, `name`, `text`, `broadcasts`...) must never be here; jsonskimtest compares every
// parse of the real documents with and without the skim.
const JsonSkim &scoreboardSkim()
{
    static const JsonSkim skim({"leaders", "links", "leagues", "odds", "headlines", "geoBroadcasts", "tickets",
        "records", "athletesInvolved", "weather", "logo", "logos", "highlights"});
    return skim;
}

} // namespace

// What the scoreboard and the summary parse share (declared in espnjson.h).

std::optional<QString> EspnJson::eventId(const Node &node)
{
    const auto id = node.required("id"_L1);
    if (id && (id->size() > 12 || !isAsciiDigits(*id))) {
        node.problem("id"_L1, describe(*id) + u" is not an event id"_s);
        return std::nullopt;
    }
    return id;
}

Result<std::optional<WeekKey>> EspnJson::readWeek(const Node &season, const Node &week, QLatin1StringView weekKey)
{
    const auto year = season.integer("year"_L1, 1900, 2200, "a season"_L1);
    const auto type = season.integer("type"_L1, 1, 4, "a season type"_L1);
    const auto number = week.integer(weekKey, 0, 30, "a week"_L1);
    if (!year || !type || !number)
        return std::optional<WeekKey>();
    const auto key = SeasonCalendar::fromEspn(*year, *type, *number);
    if (!key)
        return Result<std::optional<WeekKey>>::failure(
            u"season %1, type %2, week %3 is not a week of the NFL calendar"_s.arg(*year).arg(*type).arg(*number));
    return std::optional<WeekKey>(key);
}

std::optional<GameType> EspnJson::gameTypeOf(const WeekKey &key)
{
    if (key.type == SeasonType::Post)
        return SeasonCalendar::roundOfWeek(key.season, key.week);
    return key.type == SeasonType::Pre ? GameType::Pre : GameType::Reg;
}

QString EspnJson::teamAbbreviation(const Node &team, int season)
{
    return knownAbbreviation(team.text("id"_L1), team, season);
}

Game EspnJson::readGame(const GameNodes &nodes, const QString &id, const WeekKey &week, GameType gameType)
{
    Game game;
    game.eid = game.espnId = id;
    game.season = week.season;
    game.seasonType = week.type;
    game.week = week.week;
    game.gameType = gameType;

    const Node &dated = nodes.competition.has("date"_L1) ? nodes.competition : nodes.event;
    if (const auto date = dated.string("date"_L1)) {
        QDateTime kickoff = QDateTime::fromString(*date, Qt::ISODate);
        if (kickoff.isValid() && kickoff.timeSpec() == Qt::LocalTime)
            kickoff.setTimeSpec(Qt::UTC); // ESPN's dates are UTC; one without a zone is still UTC
        if (!kickoff.isValid())
            dated.problem("date"_L1, describe(*date) + u" is not a date"_s);
        game.kickoff = kickoff.toUTC();
        game.day = kickoff.isValid() ? dayOfWeek(game.kickoff) : QString();
    }

    Side home, away;
    bool haveHome = false, haveAway = false;
    for (const Node &competitor : nodes.competition.objects("competitors"_L1)) {
        const auto side = competitor.required("homeAway"_L1);
        bool &have = side == "home"_L1 ? haveHome : haveAway;
        if (side && *side != "home"_L1 && *side != "away"_L1)
            competitor.problem("homeAway"_L1, describe(*side) + u" is not home or away"_s);
        else if (side && have)
            competitor.problem("homeAway"_L1, u"a second %1 team"_s.arg(*side));
        else if (side) {
            readSide(competitor, week.season, side == "home"_L1 ? home : away);
            have = true;
        }
    }
    if (!haveHome || !haveAway)
        nodes.competition.problem("competitors"_L1, haveHome ? u"no away team"_s : u"no home team"_s);
    game.home = home.team;
    game.visitor = away.team;

    const Node status
        = nodes.competition.has("status"_L1) ? nodes.competition.object("status"_L1) : nodes.event.object("status"_L1);
    const QString state = status.object("type"_L1).text("state"_L1);
    game.state = readState(status, qMax(home.periods, away.periods), id, game.clock);
    if (game.state == GameState::Pregame)
        game.home.score = game.visitor.score = std::nullopt;
    if (state == "in"_L1)
        readSituation(nodes.situation, home, away, game);

    game.venue = nodes.venue.text("fullName"_L1);
    game.venueCity = venueCity(nodes.venue);
    game.neutralSite = nodes.competition.boolean("neutralSite"_L1).value_or(false);
    game.broadcast = broadcastNames(nodes.competition);
    return game;
}

Result<QJsonObject> EspnJson::parseDocument(QByteArrayView document, QLatin1StringView what, const JsonSkim *skim)
{
    const auto failure = [what](const QString &why) {
        return Result<QJsonObject>::failure(u"malformed ESPN "_s + what + u": "_s + why);
    };
    if (document.size() > EspnParser::MaxDocumentSize)
        return failure(
            u"%1 bytes is larger than the %2-byte limit"_s.arg(document.size()).arg(EspnParser::MaxDocumentSize));
    const QByteArray bytes = QByteArray::fromRawData(document.data(), document.size());
    const QByteArray skimmed = skim ? skim->skim(bytes) : bytes; // `bytes` itself when the skim gives up
    QJsonParseError error;
    auto json = QJsonDocument::fromJson(skimmed, &error);
    // The skim gives up on what it does not accept, so a skimmed document always parses; should one not, the
    // original's parse decides, and its error offset is one in the document we were given.
    if (error.error != QJsonParseError::NoError && skimmed.constData() != bytes.constData())
        json = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return failure(u"not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset));
    if (!json.isObject())
        return failure(u"the document is an array, not an object"_s);
    return json.object();
}

Result<ParsedWeek> EspnParser::parseScoreboard(QByteArrayView document, std::optional<WeekKey> requested)
{
    return EspnJson::parseScoreboard(document, requested, EspnJson::Skim::On);
}

Result<ParsedWeek> EspnJson::parseScoreboard(QByteArrayView document, std::optional<WeekKey> requested, Skim skim)
{
    const auto failure = [](const QString &why) {
        return Result<ParsedWeek>::failure(u"malformed ESPN scoreboard: "_s + why);
    };
    const auto root = parseDocument(document, "scoreboard"_L1, skim == Skim::On ? &scoreboardSkim() : nullptr);
    if (!root)
        return Result<ParsedWeek>::failure(root.error());
    const QJsonValue events = root.value().value("events"_L1);
    if (!events.isArray())
        return failure(
            u"events is "_s + (events.isUndefined() ? u"missing"_s : describe(events)) + u", not an array"_s);

    Problems problems;
    const Node top(root.value(), &problems);
    // Never leagues[0]: that is the league's state when the response was made (FORMAT.md §9).
    const auto named = readWeek(top.object("season"_L1), top.object("week"_L1), "number"_L1);
    if (problems.any() || !named)
        return failure(problems.any() ? problems.first() : named.error());
    ParsedWeek week;
    if (events.toArray().isEmpty() && requested)
        week.key = *requested;
    else if (named.value())
        week.key = *named.value();
    else if (requested)
        week.key = *requested;
    else
        return failure(u"the document names no season and week, and none was requested"_s);
    const auto gameType = gameTypeOf(week.key);
    if (!gameType)
        return failure(week.key.toString() + u" is not a postseason round"_s);

    Problems byeProblems; // a team on bye is worth a log line, not a week
    for (const Node &team : Node(root.value(), &byeProblems).object("week"_L1).objects("teamsOnBye"_L1)) {
        if (const QString abbreviation = teamAbbreviation(team, week.key.season); !abbreviation.isEmpty())
            week.byes.append(abbreviation);
    }
    if (byeProblems.any())
        qCWarning(lcFeed).noquote() << "ESPN scoreboard: ignored" << byeProblems.first();

    QSet<QString> seen;
    const QJsonArray array = events.toArray();
    const auto reject = [&week](const QString &message) {
        week.rejected.append(message);
        qCWarning(lcFeed).noquote() << "ESPN scoreboard: rejected" << message;
    };
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            reject(u"events[%1]: %2 is not an object"_s.arg(i).arg(describe(array.at(i))));
            continue;
        }
        Problems problems;
        const Node event(array.at(i).toObject(), &problems);
        const auto id = eventId(event);
        if (id && seen.contains(*id))
            event.problem("id"_L1, u"a second event with this id"_s);
        const QList<Node> competitions = event.objects("competitions"_L1);
        if (competitions.isEmpty())
            event.problem("competitions"_L1, event.has("competitions"_L1) ? u"no competition"_s : u"missing"_s);
        Game game;
        if (!problems.any()) {
            const Node &competition = competitions.first();
            game = readGame({event, competition, competition.object("venue"_L1), competition.object("situation"_L1)},
                *id, week.key, *gameType);
        }
        if (problems.any()) {
            reject((id ? u"event "_s + *id : u"events[%1]"_s.arg(i)) + u": "_s + problems.first());
            continue;
        }
        seen.insert(*id);
        week.games.append(std::move(game));
    }
    return week;
}

} // namespace Endzone
