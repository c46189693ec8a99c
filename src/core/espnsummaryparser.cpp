// EspnParser's summary: one game with its drives, plays, scoring plays, line score and win probability. The
// game itself is read as a scoreboard's is (EspnJson::readGame, in espnparser.cpp); the detail is read leniently.
#include "espnjson.h"
#include "espnparser.h"
#include "jsonskim.h"
#include "logging.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

using EspnJson::describe;
using EspnJson::isAsciiDigits;
using EspnJson::Node;
using EspnJson::Problems;

// Members EspnParser reads nowhere in a summary that make up most of its bytes (see scoreboardSkim() in
// espnparser.cpp); jsonskimtest compares every parse of the real documents with and without the skim.
const JsonSkim &summarySkim()
{
    // From `tiePercentage` on: fields of every play and win-probability point (~180 a game) that we do not show.
    // The scoped ones ("parent/key") are what a play holds beside what we read: its `end` (a drive's is read), its
    // start's team, down and distance (a drive's start has none), and ids and abbreviations of play types and
    // period types (only a status type's `state` and `name` and a period's `number` are read).
    static const JsonSkim skim({"boxscore", "leaders", "injuries", "pickcenter", "againstTheSpread", "odds", "news",
        "article", "videos", "standings", "lastFiveGames", "ticketsInfo", "predictor", "meta", "logo", "logos", "links",
        "league", "officials", "tiePercentage", "shortDisplayResult", "pointAfterAttempt", "sequenceNumber", "modified",
        "wallclock", "priority", "statYardage", "yardsToEndzone", "shortDownDistanceText", "plays/end", "start/team",
        "start/down", "start/distance", "start/possessionText", "type/id", "type/abbreviation", "period/type"});
    return skim;
}

// Per-period points from `linescores[]`: `value` in scoreboards, only `displayValue` in summaries.
QList<int> readLinescore(const Node &competitor)
{
    QList<int> points;
    for (const Node &period : competitor.objects("linescores"_L1)) {
        auto value = period.integer("value"_L1, 0, 999, "a score"_L1);
        if (const auto text = period.string("displayValue"_L1); !value && text) {
            if (text->size() <= 3 && isAsciiDigits(*text))
                value = text->toInt();
            else
                period.problem("displayValue"_L1, describe(*text) + u" is not a score"_s);
        }
        points.append(value.value_or(0));
    }
    return points;
}

int periodOf(const Node &node)
{
    return node.object("period"_L1).integer("number"_L1, 0, 10, "a period"_L1).value_or(0);
}

Play readPlay(const Node &node)
{
    Play play;
    play.id = node.text("id"_L1);
    play.period = periodOf(node);
    play.clock = node.object("clock"_L1).text("displayValue"_L1);
    play.type = node.object("type"_L1).text("text"_L1);
    play.text = node.text("text"_L1);
    play.downDistance = node.object("start"_L1).text("downDistanceText"_L1);
    play.awayScore = node.integer("awayScore"_L1, 0, 999, "a score"_L1).value_or(0);
    play.homeScore = node.integer("homeScore"_L1, 0, 999, "a score"_L1).value_or(0);
    play.scoring = node.boolean("scoringPlay"_L1).value_or(false);
    return play;
}

Drive readDrive(const Node &node, int season)
{
    Drive drive;
    drive.id = node.text("id"_L1);
    drive.team = teamAbbreviation(node.object("team"_L1), season);
    drive.description = node.text("description"_L1);
    drive.result = node.text("result"_L1);
    drive.displayResult = node.text("displayResult"_L1);
    drive.isScore = node.boolean("isScore"_L1).value_or(false);
    const Node start = node.object("start"_L1), end = node.object("end"_L1);
    drive.startYardLine = start.integer("yardLine"_L1, 0, 100, "a yard line"_L1).value_or(-1);
    drive.endYardLine = end.integer("yardLine"_L1, 0, 100, "a yard line"_L1).value_or(-1);
    drive.startText = start.text("text"_L1);
    drive.endText = end.text("text"_L1);
    drive.startPeriod = periodOf(start);
    drive.endPeriod = periodOf(end);
    drive.startClock = start.object("clock"_L1).text("displayValue"_L1);
    drive.endClock = end.object("clock"_L1).text("displayValue"_L1);
    drive.yards = node.integer("yards"_L1, -999, 999, "a number of yards"_L1).value_or(0);
    drive.offensivePlays = node.integer("offensivePlays"_L1, 0, 999, "a number of plays"_L1).value_or(0);
    drive.timeElapsed = node.object("timeElapsed"_L1).text("displayValue"_L1);
    for (const Node &play : node.objects("plays"_L1))
        drive.plays.append(readPlay(play));
    return drive;
}

ScoringPlay readScoringPlay(const Node &node, int season)
{
    ScoringPlay play;
    play.id = node.text("id"_L1);
    play.team = teamAbbreviation(node.object("team"_L1), season);
    play.type = node.object("scoringType"_L1).text("displayName"_L1);
    play.text = node.text("text"_L1);
    play.period = periodOf(node);
    play.clock = node.object("clock"_L1).text("displayValue"_L1);
    play.awayScore = node.integer("awayScore"_L1, 0, 999, "a score"_L1).value_or(0);
    play.homeScore = node.integer("homeScore"_L1, 0, 999, "a score"_L1).value_or(0);
    return play;
}

// The game page's part of a summary. Read leniently: a field that does not fit is left empty and logged,
// since one odd play is no reason to lose the game's drives.
GameDetail readDetail(const Node &top, const Node &competition, const Game &game, const QString &state)
{
    GameDetail detail;
    detail.espnId = game.espnId;
    detail.state = state;
    for (const Node &competitor : competition.objects("competitors"_L1)) {
        const QString side = competitor.text("homeAway"_L1);
        if (side == "home"_L1)
            detail.homeLinescore = readLinescore(competitor);
        else if (side == "away"_L1)
            detail.visitorLinescore = readLinescore(competitor);
    }
    const Node drives = top.object("drives"_L1);
    for (const Node &drive : drives.objects("previous"_L1))
        detail.drives.append(readDrive(drive, game.season));
    if (drives.has("current"_L1)) {
        // The drive in progress may already be the last of `previous`: keep one copy, the current one.
        Drive current = readDrive(drives.object("current"_L1), game.season);
        if (!detail.drives.isEmpty() && !current.id.isEmpty() && detail.drives.last().id == current.id)
            detail.drives.last() = std::move(current);
        else
            detail.drives.append(std::move(current));
    }
    for (const Node &play : top.objects("scoringPlays"_L1))
        detail.scoringPlays.append(readScoringPlay(play, game.season));
    for (const Node &point : top.objects("winprobability"_L1)) {
        detail.winProbability.append(
            {point.text("playId"_L1), point.number("homeWinPercentage"_L1, 0, 1, "a probability"_L1).value_or(0)});
    }
    return detail;
}

} // namespace

Result<ParsedSummary> EspnJson::parseSummary(QByteArrayView document, Skim skim)
{
    const auto failure = [](const QString &why) {
        return Result<ParsedSummary>::failure(u"malformed ESPN summary: "_s + why);
    };
    const auto root = parseDocument(document, "summary"_L1, skim == Skim::On ? &summarySkim() : nullptr);
    if (!root)
        return Result<ParsedSummary>::failure(root.error());
    const QJsonValue headerValue = root.value().value("header"_L1);
    if (!headerValue.isObject())
        return failure(u"header is "_s + (headerValue.isUndefined() ? u"missing"_s : describe(headerValue))
            + u", not an object"_s);

    Problems problems;
    const Node top(root.value(), &problems);
    const Node header = top.object("header"_L1);
    const auto id = eventId(header);
    const auto week = readWeek(header.object("season"_L1), header, "week"_L1);
    if (problems.any() || !week)
        return failure(problems.any() ? problems.first() : week.error());
    if (!week.value())
        return failure(u"header names no season and week"_s);
    const WeekKey key = *week.value();
    const auto gameType = gameTypeOf(key);
    if (!gameType)
        return failure(key.toString() + u" is not a postseason round"_s);
    const QList<Node> competitions = header.objects("competitions"_L1);
    if (competitions.isEmpty())
        header.problem("competitions"_L1, u"no competition"_s);

    ParsedSummary summary;
    if (!problems.any()) {
        const Node &competition = competitions.first();
        // Neither summary here was taken during a game (FORMAT.md §10): take a situation wherever it is.
        const Node situation
            = competition.has("situation"_L1) ? competition.object("situation"_L1) : top.object("situation"_L1);
        const Node venue = top.object("gameInfo"_L1).object("venue"_L1);
        summary.game = readGame({header, competition, venue, situation}, *id, key, *gameType);
    }
    if (problems.any())
        return failure(u"event %1: %2"_s.arg(*id, problems.first()));

    Problems detailProblems;
    const Node lenient(root.value(), &detailProblems);
    const Node competition = lenient.object("header"_L1).objects("competitions"_L1).first();
    const QString state = competition.object("status"_L1).object("type"_L1).text("state"_L1);
    summary.detail = readDetail(lenient, competition, summary.game, state);
    if (detailProblems.any())
        qCWarning(lcFeed).noquote() << "ESPN summary of event" << *id << "- ignored" << detailProblems.first();
    return summary;
}

Result<ParsedSummary> EspnParser::parseSummary(QByteArrayView document)
{
    return EspnJson::parseSummary(document, EspnJson::Skim::On);
}

} // namespace Endzone
