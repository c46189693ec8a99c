// EspnParser on our own small fixtures (tests/data/espn: every state, missing fields, bad values, broken
// documents) and on the real ESPN responses in ../shared/data/espn, whose expected values come from its
// FORMAT.md and were counted from the files themselves. The shared tests skip, saying so, without ../shared.
#include "espnparser.h"
#include "testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

const Game *findGame(const QList<Game> &games, const QString &eid)
{
    const auto it = std::find_if(games.cbegin(), games.cend(), [&eid](const Game &game) { return game.eid == eid; });
    return it == games.cend() ? nullptr : &*it;
}

QJsonObject fixtureObject(const QString &name)
{
    return QJsonDocument::fromJson(Test::fixture(name)).object();
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

// ../shared/data/espn/<name> into `variable`, or skip the test when ../shared is not beside the project.
#define SHARED_OR_SKIP(variable, name)                                                                                 \
    const QByteArray variable = shared(name);                                                                          \
    if (variable.isEmpty())                                                                                            \
        QSKIP("../shared/data/espn is not beside the project: real ESPN responses not tested");

class EspnParserTest : public QObject
{
    Q_OBJECT

    // ../shared/data/espn/<name>, or empty (and the test skips) when ../shared is not beside the project.
    static QByteArray shared(const QString &name)
    {
        QFile file(qEnvironmentVariable("ENDZONE_SHARED_DIR") + u"/data/espn/"_s + name);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(u"endzone.feed.info=false\nendzone.feed.warning=false"_s); }

    // --- our fixtures ---

    void liveScoreboardEveryState()
    {
        const auto week = EspnParser::parseScoreboard(Test::fixture(u"espn/scoreboard-live.json"_s));
        QVERIFY2(week, qPrintable(week.error()));
        // The top-level season and week, not leagues[0] (which says 2023 postseason here).
        QCOMPARE(week.value().key, (WeekKey {2024, SeasonType::Reg, 5}));
        QCOMPARE(week.value().byes, (QStringList {u"LAR"_s, u"LV"_s}));
        QCOMPARE(week.value().rejected, QStringList());
        const auto &g = week.value().games;
        QCOMPARE(g.size(), 6);

        const Game &live = g[0];
        QCOMPARE(live.eid, u"401671001"_s);
        QCOMPARE(live.espnId, u"401671001"_s);
        QVERIFY(live.gsis.isEmpty());
        QCOMPARE(live.season, 2024);
        QCOMPARE(live.seasonType, SeasonType::Reg);
        QCOMPARE(live.week, 5);
        QCOMPARE(live.gameType, GameType::Reg);
        QCOMPARE(live.kickoff, utc(2024, 10, 6, 17, 0));
        QCOMPARE(live.kickoff.timeSpec(), Qt::UTC);
        QCOMPARE(live.day, u"Sun"_s);
        QCOMPARE(live.state, GameState::Quarter3);
        QCOMPARE(live.clock, u"07:05"_s);
        QCOMPARE(live.home, (TeamSide {u"DET"_s, u"lions"_s, 17}));
        QCOMPARE(live.visitor, (TeamSide {u"PHI"_s, u"eagles"_s, 20}));
        QCOMPARE(live.possession, u"PHI"_s);
        QVERIFY(!live.redZone);
        QCOMPARE(live.down, 2);
        QCOMPARE(live.distance, 7);
        QCOMPARE(live.ballOn, u"DET 28"_s);
        QCOMPARE(live.downAndDistance(), u"2nd & 7"_s);
        QCOMPARE(live.homeTimeouts, 3);
        QCOMPARE(live.visitorTimeouts, 2);
        QCOMPARE(live.lastPlay, u"(7:05) J.Hurts pass short right to A.Brown to DET 28 for 3 yards."_s);
        QCOMPARE(live.homeWinProbability, 0.4123);
        QCOMPARE(live.venue, u"Ford Field"_s);
        QCOMPARE(live.venueCity, u"Detroit, MI"_s);
        QVERIFY(!live.neutralSite);
        QCOMPARE(live.broadcast, u"CBS/Paramount+"_s);

        // Halftime: no clock, and a situation with only a last play.
        QCOMPARE(g[1].state, GameState::Halftime);
        QVERIFY(g[1].clock.isEmpty());
        QCOMPARE(g[1].home.score, 10);
        QCOMPARE(g[1].visitor.score, 14);
        QVERIFY(g[1].possession.isEmpty());
        QCOMPARE(g[1].down, std::nullopt);
        QCOMPARE(g[1].homeTimeouts, std::nullopt);
        QCOMPARE(g[1].homeWinProbability, std::nullopt);
        QCOMPARE(g[1].lastPlay, u"End of 2nd Quarter"_s);
        QVERIFY(g[1].broadcast.isEmpty());

        // Final after overtime (period 5); `broadcast` ready-made wins over `broadcasts`.
        QCOMPARE(g[2].state, GameState::FinalOvertime);
        QCOMPARE(g[2].home, (TeamSide {u"CHI"_s, u"bears"_s, 23}));
        QCOMPARE(g[2].visitor, (TeamSide {u"GB"_s, u"packers"_s, 20}));
        QVERIFY(g[2].clock.isEmpty());
        QVERIFY(!g[2].hasSituation());
        QCOMPARE(g[2].broadcast, u"FOX"_s);
        QCOMPARE(g[2].venueCity, u"Chicago, IL"_s);

        // Before kickoff: "0" is no score. Monday night in New York is Tuesday 00:15 UTC.
        QCOMPARE(g[3].state, GameState::Pregame);
        QCOMPARE(g[3].home.score, std::nullopt);
        QCOMPARE(g[3].visitor.score, std::nullopt);
        QCOMPARE(g[3].kickoff, utc(2024, 10, 8, 0, 15));
        QCOMPARE(g[3].day, u"Mon"_s);
        QCOMPARE(g[3].broadcast, u"ESPN/ABC"_s);

        // Postponed (ESPN's state "post") is not a final.
        QCOMPARE(g[4].state, GameState::Pregame);
        QCOMPARE(g[4].home.score, std::nullopt);

        // End of the first quarter: still the first quarter, clock 00:00; the ball at midfield.
        QCOMPARE(g[5].state, GameState::Quarter1);
        QCOMPARE(g[5].clock, u"00:00"_s);
        QCOMPARE(g[5].ballOn, u"50"_s);
        QCOMPARE(g[5].possession, u"SF"_s);
        QCOMPARE(g[5].downAndDistance(), u"1st & 10"_s);
    }

    void missingFieldsAreAbsent()
    {
        const auto week = EspnParser::parseScoreboard(Test::fixture(u"espn/scoreboard-missing-fields.json"_s));
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().rejected, QStringList());
        // ESPN postseason week 4 is the Pro Bowl, Endzone's week 22 in 2023.
        QCOMPARE(week.value().key, (WeekKey {2023, SeasonType::Post, 22}));
        QVERIFY(week.value().byes.isEmpty());
        const auto &g = week.value().games;
        QCOMPARE(g.size(), 2);

        // Pro Bowl teams are not clubs: ESPN's abbreviation and name (shortDisplayName when `name` is missing).
        const Game &proBowl = g[0];
        QCOMPARE(proBowl.gameType, GameType::ProBowl);
        QCOMPARE(proBowl.seasonType, SeasonType::Post);
        QCOMPARE(proBowl.home, (TeamSide {u"AFC"_s, u"afc"_s, std::nullopt}));
        QCOMPARE(proBowl.visitor, (TeamSide {u"NFC"_s, u"nfc"_s, std::nullopt}));
        // In progress without period, clock, linescores, situation, venue, broadcasts or date.
        QCOMPARE(proBowl.state, GameState::Quarter1);
        QVERIFY(proBowl.clock.isEmpty());
        QVERIFY(!proBowl.kickoff.isValid());
        QVERIFY(proBowl.day.isEmpty());
        QVERIFY(!proBowl.hasSituation());
        QVERIFY(proBowl.possession.isEmpty());
        QVERIFY(proBowl.venue.isEmpty());
        QVERIFY(proBowl.venueCity.isEmpty());
        QVERIFY(proBowl.broadcast.isEmpty());

        // Known ids need nothing but the id; Washington without `name` gets the directory's nickname.
        QCOMPARE(g[1].state, GameState::Final);
        QCOMPARE(g[1].home, (TeamSide {u"IND"_s, u"colts"_s, 17}));
        QCOMPARE(g[1].visitor, (TeamSide {u"WSH"_s, u"commanders"_s, 13}));
        QCOMPARE(g[1].day, u"Sun"_s);
    }

    void badValuesRejectOneGame()
    {
        const auto week = EspnParser::parseScoreboard(Test::fixture(u"espn/scoreboard-bad-values.json"_s));
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().key, (WeekKey {2025, SeasonType::Reg, 9}));
        const QStringList expected {
            u"event 401772002: competitions[0].competitors[0].score: \"1e20\" is not a score"_s,
            u"event 401772003: competitions[0].status.displayClock: \"40:00\" is not a clock"_s,
            u"event 401772979: competitions[0].status.period: 99 is not a period"_s,
            u"events[4]: id: missing"_s,
            u"event 401772004: competitions[0].situation.down: 7 is not a down"_s,
            u"event 401772005: competitions[0].competitors[1].score: 10 is not a string"_s,
            u"event 401772006: competitions[0].status.period: -1 is not a period"_s,
            u"events[8]: \"not an event\" is not an object"_s,
            u"event 401772001: id: a second event with this id"_s,
        };
        QCOMPARE(week.value().rejected, expected);
        const auto &games = week.value().games;
        QCOMPARE(games.size(), 2);
        QCOMPARE(games[0].eid, u"401772001"_s);
        QCOMPARE(games[0].state, GameState::Quarter2);
        QCOMPARE(games[0].clock, u"03:12"_s);
        QCOMPARE(games[0].home.score, 14);
        QCOMPARE(games[1].eid, u"401772007"_s);
        QCOMPARE(games[1].state, GameState::Final);
    }

    void wrongTypesAnywhereRejectTheGame_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("date") << u"date"_s << QJsonValue(u"yesterday"_s)
                              << u"competitions[0].date: \"yesterday\" is not a date"_s;
        QTest::newRow("state") << u"status.type.state"_s << QJsonValue(u"live"_s)
                               << u"competitions[0].status.type.state: \"live\" is not pre, in or post"_s;
        QTest::newRow("no state") << u"status.type.state"_s << QJsonValue(QJsonValue::Undefined)
                                  << u"competitions[0].status.type.state: missing"_s;
        QTest::newRow("fractional period")
            << u"status.period"_s << QJsonValue(2.5) << u"competitions[0].status.period: 2.5 is not a period"_s;
        QTest::newRow("clock text") << u"status.displayClock"_s << QJsonValue(u"7:5"_s)
                                    << u"competitions[0].status.displayClock: \"7:5\" is not a clock"_s;
        QTest::newRow("down -1") << u"situation.down"_s << QJsonValue(-1)
                                 << u"competitions[0].situation.down: -1 is not a down"_s;
        QTest::newRow("timeouts") << u"situation.homeTimeouts"_s << QJsonValue(9)
                                  << u"competitions[0].situation.homeTimeouts: 9 is not a number of timeouts"_s;
        QTest::newRow("probability") << u"situation.lastPlay.probability.homeWinPercentage"_s << QJsonValue(1.5)
                                     << u"competitions[0].situation.lastPlay.probability.homeWinPercentage: 1.5 is "
                                        u"not a probability"_s;
        QTest::newRow("red zone") << u"situation.isRedZone"_s << QJsonValue(u"yes"_s)
                                  << u"competitions[0].situation.isRedZone: \"yes\" is not true or false"_s;
        QTest::newRow("venue") << u"venue"_s << QJsonValue(u"Ford Field"_s)
                               << u"competitions[0].venue: \"Ford Field\" is not an object"_s;
        QTest::newRow("negative score") << u"competitors.0.score"_s << QJsonValue(u"-3"_s)
                                        << u"competitions[0].competitors[0].score: \"-3\" is not a score"_s;
        QTest::newRow("team id") << u"competitors.1.team.id"_s << QJsonValue(21)
                                 << u"competitions[0].competitors[1].team.id: 21 is not a string"_s;
        QTest::newRow("no team id") << u"competitors.1"_s
                                    << QJsonValue(QJsonObject {{u"homeAway"_s, u"away"_s},
                                           {u"team"_s, QJsonObject {{u"abbreviation"_s, u"PHI"_s}}}})
                                    << u"competitions[0].competitors[1].team.id: missing"_s;
        QTest::newRow("homeAway") << u"competitors.1.homeAway"_s << QJsonValue(u"neutral"_s)
                                  << u"competitions[0].competitors[1].homeAway: \"neutral\" is not home or away"_s;
        QTest::newRow("two homes") << u"competitors.1.homeAway"_s << QJsonValue(u"home"_s)
                                   << u"competitions[0].competitors[1].homeAway: a second home team"_s;
        QTest::newRow("competitors") << u"competitors"_s << QJsonValue(QJsonArray())
                                     << u"competitions[0].competitors: no home team"_s;
    }
    // Each value, set into the live game of scoreboard-live.json, rejects that game alone, by id and path.
    void wrongTypesAnywhereRejectTheGame()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QJsonObject document = fixtureObject(u"espn/scoreboard-live.json"_s);
        QJsonArray events = document.value("events"_L1).toArray();
        QJsonObject event = events.at(0).toObject();
        QJsonArray competitions = event.value("competitions"_L1).toArray();
        competitions.replace(0, setPath(competitions.at(0), path.split(u'.'), value));
        event.insert("competitions"_L1, competitions);
        events.replace(0, event);
        document.insert("events"_L1, events);

        const auto week = EspnParser::parseScoreboard(toJson(document));
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().rejected, QStringList {u"event 401671001: "_s + message});
        QCOMPARE(week.value().games.size(), 5);
        QVERIFY(!findGame(week.value().games, u"401671001"_s));
    }

    // ESPN writes down 0 on kickoffs and tries (the summary's plays): no down, not a rejected game.
    void downZeroIsNoDown()
    {
        QJsonObject document = fixtureObject(u"espn/scoreboard-live.json"_s);
        QJsonArray events = document.value("events"_L1).toArray();
        events.replace(0, setPath(events.at(0), {u"competitions"_s, u"0"_s, u"situation"_s, u"down"_s}, 0));
        document.insert("events"_L1, events);
        const auto week = EspnParser::parseScoreboard(toJson(document));
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().rejected, QStringList());
        const Game &game = week.value().games.first();
        QCOMPARE(game.down, std::nullopt);
        QCOMPARE(game.distance, std::nullopt);
        QVERIFY(game.downAndDistance().isEmpty());
        QCOMPARE(game.ballOn, u"DET 28"_s);
        QCOMPARE(game.possession, u"PHI"_s);
    }

    void brokenDocumentsAreErrors_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("message");
        QTest::newRow("html") << Test::fixture(u"espn/not-json.html"_s) << u"malformed ESPN scoreboard: not JSON"_s;
        QTest::newRow("empty") << QByteArray() << u"malformed ESPN scoreboard: not JSON"_s;
        QTest::newRow("truncated") << Test::fixture(u"espn/scoreboard-live.json"_s).first(3000)
                                   << u"malformed ESPN scoreboard: not JSON"_s;
        QTest::newRow("array") << Test::fixture(u"espn/top-level-array.json"_s)
                               << u"malformed ESPN scoreboard: the document is an array, not an object"_s;
        QTest::newRow("no events") << QByteArray(
            "{\"season\": {\"year\": 2025, \"type\": 2}, \"week\": {\"number\": 1}}")
                                   << u"malformed ESPN scoreboard: events is missing, not an array"_s;
        QTest::newRow("events object") << QByteArray("{\"events\": {\"id\": \"401772979\"}}")
                                       << u"malformed ESPN scoreboard: events is an object, not an array"_s;
        QTest::newRow("season text") << QByteArray("{\"season\": {\"year\": \"2025\", \"type\": 2}, \"events\": []}")
                                     << u"malformed ESPN scoreboard: season.year: \"2025\" is not a season"_s;
        QTest::newRow("week 40") << QByteArray(
            "{\"season\": {\"year\": 2025, \"type\": 2}, \"week\": {\"number\": 40}, \"events\": []}")
                                 << u"malformed ESPN scoreboard: week.number: 40 is not a week"_s;
        QTest::newRow("no week")
            << QByteArray("{\"events\": []}")
            << u"malformed ESPN scoreboard: the document names no season and week, and none was requested"_s;
        QTest::newRow("postseason week 9")
            << QByteArray("{\"season\": {\"year\": 2025, \"type\": 3}, \"week\": {\"number\": 9}, \"events\": []}")
            << u"malformed ESPN scoreboard: season 2025, type 3, week 9 is not a week of the NFL calendar"_s;
        // A real scoreboard is 1.2 MB; 9 MB of valid JSON is refused before parsing.
        QByteArray huge
            = "{\"season\": {\"year\": 2025, \"type\": 2}, \"week\": {\"number\": 1}, \"events\": [], \"pad\": \"";
        huge += QByteArray(9 * 1024 * 1024, 'x') + "\"}";
        QTest::newRow("9 MB") << huge
                              << u"malformed ESPN scoreboard: %1 bytes is larger than the 8388608-byte limit"_s.arg(
                                     huge.size());
    }
    void brokenDocumentsAreErrors()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, message);
        const auto week = EspnParser::parseScoreboard(document);
        QVERIFY(!week.ok());
        QVERIFY2(week.error().startsWith(message), qPrintable(week.error()));
        // The summary parser refuses the same bytes (or, for a scoreboard, its missing header).
        const auto summary = EspnParser::parseSummary(document);
        QVERIFY(!summary.ok());
        QVERIFY2(summary.error().startsWith(u"malformed ESPN summary: "_s), qPrintable(summary.error()));
    }

    void emptyWeekTakesTheRequestedWeek()
    {
        const QByteArray document = Test::fixture(u"espn/scoreboard-empty.json"_s);
        const auto named = EspnParser::parseScoreboard(document);
        QVERIFY2(named, qPrintable(named.error()));
        QCOMPARE(named.value().key, (WeekKey {2025, SeasonType::Reg, 18}));
        QVERIFY(named.value().games.isEmpty());
        const WeekKey requested {2025, SeasonType::Post, 19};
        const auto asked = EspnParser::parseScoreboard(document, requested);
        QVERIFY2(asked, qPrintable(asked.error()));
        QCOMPARE(asked.value().key, requested);
        const auto bare = EspnParser::parseScoreboard("{\"events\": []}", requested);
        QVERIFY2(bare, qPrintable(bare.error()));
        QCOMPARE(bare.value().key, requested);
        // With events, the document's own week wins over the one asked for.
        const auto live = EspnParser::parseScoreboard(Test::fixture(u"espn/scoreboard-live.json"_s), requested);
        QVERIFY2(live, qPrintable(live.error()));
        QCOMPARE(live.value().key, (WeekKey {2024, SeasonType::Reg, 5}));
    }

    void liveSummary()
    {
        const auto parsed = EspnParser::parseSummary(Test::fixture(u"espn/summary-live.json"_s));
        QVERIFY2(parsed, qPrintable(parsed.error()));
        const Game &game = parsed.value().game;
        QCOMPARE(game.eid, u"401772001"_s);
        QCOMPARE(game.espnId, u"401772001"_s);
        QCOMPARE(game.season, 2025);
        QCOMPARE(game.week, 9);
        QCOMPARE(game.kickoff, utc(2025, 11, 2, 18, 0));
        // No period in a summary header: the line score says the first quarter; no clock either.
        QCOMPARE(game.state, GameState::Quarter1);
        QVERIFY(game.clock.isEmpty());
        QCOMPARE(game.home, (TeamSide {u"DET"_s, u"lions"_s, 0}));
        QCOMPARE(game.visitor, (TeamSide {u"PHI"_s, u"eagles"_s, 7}));
        QCOMPARE(game.possession, u"DET"_s);
        QCOMPARE(game.downAndDistance(), u"3rd & 6"_s);
        QCOMPARE(game.ballOn, u"DET 33"_s);
        QCOMPARE(game.venue, u"Ford Field"_s);
        QCOMPARE(game.venueCity, u"Detroit, MI"_s);
        QCOMPARE(game.broadcast, u"FOX"_s);

        const GameDetail &detail = parsed.value().detail;
        QCOMPARE(detail.espnId, u"401772001"_s);
        QCOMPARE(detail.state, u"in"_s);
        QCOMPARE(detail.homeLinescore, (QList<int> {0}));
        QCOMPARE(detail.visitorLinescore, (QList<int> {7}));
        // drives.current replaces the stale copy of itself at the end of drives.previous.
        QCOMPARE(detail.drives.size(), 2);
        QCOMPARE(detail.playCount(), 5);
        const Drive &first = detail.drives[0];
        QCOMPARE(first.team, u"PHI"_s);
        QCOMPARE(first.startYardLine, 75);
        QCOMPARE(first.endYardLine, 0);
        QCOMPARE(first.startText, u"PHI 25"_s);
        QCOMPARE(first.endText, u"DET 0"_s);
        QCOMPARE(first.result, u"TD"_s);
        QVERIFY(first.isScore);
        QCOMPARE(first.plays[0].downDistance, QString());
        QCOMPARE(first.plays[2],
            (Play {u"401772001103"_s, 1, u"14:20"_s, u"Pass Reception"_s,
                u"J.Hurts pass deep left to A.Brown for 55 yards, TOUCHDOWN."_s, u"1st & 10 at PHI 45"_s, 7, 0, true}));
        const Drive &current = detail.drives[1];
        QCOMPARE(current.team, u"DET"_s);
        QCOMPARE(current.description, u"2 plays, 8 yards, 0:51"_s);
        QCOMPARE(current.plays.size(), 2);
        QVERIFY(!current.isScore);
        QCOMPARE(detail.scoringPlays,
            (QList<ScoringPlay> {{u"401772001103"_s, u"PHI"_s, u"Touchdown"_s,
                u"A.J. Brown 55 Yd pass from Jalen Hurts (Jake Elliott Kick)"_s, 1, u"14:20"_s, 7, 0}}));
        QCOMPARE(detail.winProbability.size(), 3);
        QCOMPARE(detail.winProbability[2], (WinProbabilityPoint {u"401772001103"_s, 0.41}));
    }

    // A wrong type inside the drives costs that field, not the game: the detail is display-only.
    void summaryDetailIsLenient()
    {
        QJsonObject document = fixtureObject(u"espn/summary-live.json"_s);
        QJsonObject drives = document.value("drives"_L1).toObject();
        QJsonArray previous = drives.value("previous"_L1).toArray();
        previous.replace(0, setPath(previous.at(0), {u"yards"_s}, u"far"_s));
        previous.replace(0, setPath(previous.at(0), {u"plays"_s, u"1"_s, u"awayScore"_s}, 1e20));
        drives.insert("previous"_L1, previous);
        document.insert("drives"_L1, drives);
        const auto parsed = EspnParser::parseSummary(toJson(document));
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed.value().detail.drives.size(), 2);
        QCOMPARE(parsed.value().detail.drives[0].yards, 0);
        QCOMPARE(parsed.value().detail.drives[0].offensivePlays, 3);
        QCOMPARE(parsed.value().detail.drives[0].plays[1].awayScore, 0);
        QCOMPARE(parsed.value().detail.drives[0].plays[1].type, u"Rush"_s);
    }

    void summaryErrors_data()
    {
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("no header") << QStringList {u"header"_s} << QJsonValue(QJsonValue::Undefined)
                                   << u"malformed ESPN summary: header is missing, not an object"_s;
        QTest::newRow("no id") << QStringList {u"header"_s, u"id"_s} << QJsonValue(QJsonValue::Undefined)
                               << u"malformed ESPN summary: header.id: missing"_s;
        QTest::newRow("week") << QStringList {u"header"_s, u"week"_s} << QJsonValue(u"9"_s)
                              << u"malformed ESPN summary: header.week: \"9\" is not a week"_s;
        QTest::newRow("score")
            << QStringList {u"header"_s, u"competitions"_s, u"0"_s, u"competitors"_s, u"1"_s, u"score"_s}
            << QJsonValue(u"1000"_s)
            << u"malformed ESPN summary: event 401772001: header.competitions[0].competitors[1].score: \"1000\" is not a score"_s;
        QTest::newRow("down")
            << QStringList {u"header"_s, u"competitions"_s, u"0"_s, u"situation"_s, u"down"_s} << QJsonValue(5)
            << u"malformed ESPN summary: event 401772001: header.competitions[0].situation.down: 5 is not a down"_s;
    }
    void summaryErrors()
    {
        QFETCH(QStringList, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        const QJsonValue document = setPath(fixtureObject(u"espn/summary-live.json"_s), path, value);
        const auto parsed = EspnParser::parseSummary(toJson(document.toObject()));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error(), message);
    }

    // --- real ESPN responses (../shared/data/espn) ---

    void live2022Sunday_data()
    {
        QTest::addColumn<QString>("eid");
        QTest::addColumn<QString>("clock");
        QTest::addColumn<QString>("possession");
        QTest::addColumn<QString>("ballOn");
        QTest::addColumn<int>("down");
        QTest::addColumn<int>("distance");
        QTest::addColumn<bool>("redZone");
        QTest::addColumn<int>("homeTimeouts");
        QTest::addColumn<int>("visitorTimeouts");
        // FORMAT.md §5, and the file's `situation` of each game in progress.
        QTest::newRow("NO@ATL") << u"401437650"_s << u"00:48"_s << u"NO"_s << u"NO 10"_s << 1 << 10 << false << 3 << 0;
        QTest::newRow("SF@CHI") << u"401437647"_s << u"02:00"_s << u"SF"_s << u"SF 20"_s << 3 << 10 << false << 3 << 0;
        QTest::newRow("PIT@CIN") << u"401437634"_s << u"00:16"_s << u"CIN"_s << u"PIT 12"_s << 2 << 10 << true << 0
                                 << 2;
        QTest::newRow("PHI@DET") << u"401437648"_s << u"07:45"_s << u"DET"_s << u"DET 34"_s << 3 << 4 << false << 2
                                 << 1;
        QTest::newRow("BAL@NYJ") << u"401437632"_s << u"01:21"_s << u"NYJ"_s << u"BAL 22"_s << 4 << 15 << false << 3
                                 << 2;
        QTest::newRow("JAX@WSH") << u"401437646"_s << u"04:25"_s << u"WSH"_s << u"WSH 36"_s << 3 << 10 << false << 2
                                 << 3;
        QTest::newRow("CLE@CAR") << u"401437651"_s << u"02:00"_s << u"CAR"_s << u"CAR 46"_s << 1 << 10 << false << 1
                                 << 3;
        QTest::newRow("IND@HOU") << u"401437637"_s << u"01:01"_s << u"IND"_s << u"IND 23"_s << 1 << 10 << false << 2
                                 << 2;
    }
    void live2022Sunday()
    {
        SHARED_OR_SKIP(document, u"scoreboard-2022-reg-1-live.json"_s);
        QFETCH(QString, eid);
        const auto week = EspnParser::parseScoreboard(document);
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().key, (WeekKey {2022, SeasonType::Reg, 1}));
        QCOMPARE(week.value().rejected, QStringList());
        const Game *game = findGame(week.value().games, eid);
        QVERIFY(game);
        QCOMPARE(game->state, GameState::Quarter4);
        QTEST(game->clock, "clock");
        QTEST(game->possession, "possession");
        QTEST(game->ballOn, "ballOn");
        QTEST(game->down.value_or(-1), "down");
        QTEST(game->distance.value_or(-1), "distance");
        QTEST(game->redZone, "redZone");
        QTEST(game->homeTimeouts.value_or(-1), "homeTimeouts");
        QTEST(game->visitorTimeouts.value_or(-1), "visitorTimeouts");
        QVERIFY(!game->lastPlay.isEmpty());
        QVERIFY(game->homeWinProbability && *game->homeWinProbability > 0 && *game->homeWinProbability < 1);
        QVERIFY(game->home.score && game->visitor.score);
    }

    void live2022SundayWeek()
    {
        SHARED_OR_SKIP(document, u"scoreboard-2022-reg-1-live.json"_s);
        const auto week = EspnParser::parseScoreboard(document);
        QVERIFY2(week, qPrintable(week.error()));
        const auto &games = week.value().games;
        QCOMPARE(games.size(), 16);
        const auto count = [&games](GameState state) {
            return std::count_if(games.cbegin(), games.cend(), [state](const Game &g) { return g.state == state; });
        };
        QCOMPARE(count(GameState::Quarter4), 8);
        QCOMPARE(count(GameState::Final), 2);
        QCOMPARE(count(GameState::Pregame), 6);

        // PHI @ DET, field by field (FORMAT.md §5).
        const Game *game = findGame(games, u"401437648"_s);
        QVERIFY(game);
        QCOMPARE(game->espnId, u"401437648"_s);
        QVERIFY(game->gsis.isEmpty());
        QCOMPARE(game->season, 2022);
        QCOMPARE(game->seasonType, SeasonType::Reg);
        QCOMPARE(game->week, 1);
        QCOMPARE(game->gameType, GameType::Reg);
        QCOMPARE(game->kickoff, utc(2022, 9, 11, 17, 0));
        QCOMPARE(game->day, u"Sun"_s);
        QCOMPARE(game->state, GameState::Quarter4);
        QCOMPARE(game->clock, u"07:45"_s);
        QCOMPARE(game->home, (TeamSide {u"DET"_s, u"lions"_s, 28}));
        QCOMPARE(game->visitor, (TeamSide {u"PHI"_s, u"eagles"_s, 38}));
        QCOMPARE(game->possession, u"DET"_s);
        QVERIFY(!game->redZone);
        QCOMPARE(game->down, 3);
        QCOMPARE(game->distance, 4);
        QCOMPARE(game->ballOn, u"DET 34"_s);
        QCOMPARE(game->downAndDistance(), u"3rd & 4"_s);
        QCOMPARE(game->homeTimeouts, 2);
        QCOMPARE(game->visitorTimeouts, 1);
        QCOMPARE(game->lastPlay, u"(7:45) D.Swift up the middle to DET 34 for 1 yard (M.Williams)."_s);
        QCOMPARE(game->homeWinProbability, 0.0596);
        QCOMPARE(game->venue, u"Ford Field"_s);
        QCOMPARE(game->venueCity, u"Detroit, MI"_s);
        QVERIFY(!game->neutralSite);
        QCOMPARE(game->broadcast, u"FOX"_s);

        // The two-minute warning is still in progress (FORMAT.md §3).
        QCOMPARE(findGame(games, u"401437647"_s)->lastPlay, u"Two-Minute Warning"_s);
        // Finals: no clock, no situation.
        const Game *final = findGame(games, u"401437630"_s);
        QCOMPARE(final->state, GameState::Final);
        QCOMPARE(final->home, (TeamSide {u"MIA"_s, u"dolphins"_s, 20}));
        QCOMPARE(final->visitor, (TeamSide {u"NE"_s, u"patriots"_s, 7}));
        QVERIFY(final->clock.isEmpty());
        QVERIFY(!final->hasSituation());
        QCOMPARE(findGame(games, u"401437654"_s)->home.score, 10);
        // Not started although ESPN shows 15:00, period 1 and a zero line score.
        const Game *later = findGame(games, u"401437640"_s);
        QCOMPARE(later->state, GameState::Pregame);
        QCOMPARE(later->home.score, std::nullopt);
        QCOMPARE(later->visitor.score, std::nullopt);
        QVERIFY(later->clock.isEmpty());
        const Game *monday = findGame(games, u"401437655"_s);
        QCOMPARE(monday->day, u"Mon"_s);
        QCOMPARE(monday->broadcast, u"ESPN/ABC"_s);
    }

    void saoPaulo()
    {
        SHARED_OR_SKIP(document, u"scoreboard-2025-reg-1-mixed-intl.json"_s);
        const auto week = EspnParser::parseScoreboard(document);
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().key, (WeekKey {2025, SeasonType::Reg, 1}));
        QCOMPARE(week.value().rejected, QStringList());
        const auto &games = week.value().games;
        QCOMPARE(games.size(), 16);
        const Game *game = findGame(games, u"401772714"_s);
        QVERIFY(game);
        QCOMPARE(game->home.abbreviation, u"LAC"_s);
        QCOMPARE(game->visitor.abbreviation, u"KC"_s);
        QCOMPARE(game->venue, u"Corinthians Arena"_s);
        QCOMPARE(game->venueCity, u"Sao Paulo, Brazil"_s);
        QVERIFY(game->neutralSite);
        QCOMPARE(game->broadcast, u"YouTube"_s);
        QCOMPARE(game->state, GameState::Pregame);
        QCOMPARE(game->home.score, std::nullopt);
        QCOMPARE(game->kickoff, utc(2025, 9, 6, 0, 0));
        QCOMPARE(game->day, u"Fri"_s);
        QCOMPARE(std::count_if(games.cbegin(), games.cend(), [](const Game &g) { return g.neutralSite; }), 1);
        const Game *opener = findGame(games, u"401772510"_s);
        QCOMPARE(opener->state, GameState::Final);
        QCOMPARE(opener->home, (TeamSide {u"PHI"_s, u"eagles"_s, 24}));
        QCOMPARE(opener->visitor, (TeamSide {u"DAL"_s, u"cowboys"_s, 20}));
        QCOMPARE(opener->broadcast, u"NBC/Peacock"_s);
        QCOMPARE(opener->venueCity, u"Philadelphia, PA"_s);
    }

    void wildCard2025()
    {
        SHARED_OR_SKIP(document, u"scoreboard-2025-post-1-final.json"_s);
        // The document's week wins over a different one asked for.
        const auto week = EspnParser::parseScoreboard(document, WeekKey {2026, SeasonType::Reg, 1});
        QVERIFY2(week, qPrintable(week.error()));
        // Played in January 2026, but season 2025; ESPN's postseason week 1 is Endzone's week 19 from 2021.
        QCOMPARE(week.value().key, (WeekKey {2025, SeasonType::Post, 19}));
        QCOMPARE(week.value().rejected, QStringList());
        const auto &games = week.value().games;
        QCOMPARE(games.size(), 6);
        for (const Game &game : games) {
            QCOMPARE(game.season, 2025);
            QCOMPARE(game.seasonType, SeasonType::Post);
            QCOMPARE(game.week, 19);
            QCOMPARE(game.gameType, GameType::WildCard);
            QCOMPARE(game.state, GameState::Final);
            QVERIFY(game.home.score && game.visitor.score);
        }
        const Game &first = games[0];
        QCOMPARE(first.eid, u"401772979"_s);
        QCOMPARE(first.kickoff, utc(2026, 1, 10, 21, 30));
        QCOMPARE(first.day, u"Sat"_s);
        QCOMPARE(first.home, (TeamSide {u"CAR"_s, u"panthers"_s, 31}));
        QCOMPARE(first.visitor, (TeamSide {u"LAR"_s, u"rams"_s, 34}));
        QCOMPARE(first.venueCity, u"Charlotte, NC"_s);
        const Game *monday = findGame(games, u"401772976"_s);
        QCOMPARE(monday->day, u"Mon"_s);
        QCOMPARE(monday->broadcast, u"ESPN/ABC"_s);
        QCOMPARE(monday->home, (TeamSide {u"PIT"_s, u"steelers"_s, 6}));
        QCOMPARE(monday->visitor, (TeamSide {u"HOU"_s, u"texans"_s, 30}));
    }

    void preWeek2021()
    {
        SHARED_OR_SKIP(document, u"scoreboard-2021-reg-3-pre.json"_s);
        const auto week = EspnParser::parseScoreboard(document);
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().key, (WeekKey {2021, SeasonType::Reg, 3}));
        QCOMPARE(week.value().rejected, QStringList());
        const auto &games = week.value().games;
        QCOMPARE(games.size(), 16);
        for (const Game &game : games) {
            QCOMPARE(game.state, GameState::Pregame);
            QCOMPARE(game.home.score, std::nullopt);
            QCOMPARE(game.visitor.score, std::nullopt);
            QVERIFY(game.clock.isEmpty());
            QVERIFY(!game.hasSituation());
            QVERIFY(!game.home.nickname.isEmpty() && !game.visitor.nickname.isEmpty());
        }
        // Washington has no `name` in 2021 (FORMAT.md §4).
        const Game *washington = findGame(games, u"401326364"_s);
        QCOMPARE(washington->visitor.abbreviation, u"WSH"_s);
        QCOMPARE(washington->visitor.nickname, u"football team"_s);
        QCOMPARE(washington->home.abbreviation, u"BUF"_s);
        QCOMPARE(games[0].day, u"Thu"_s);
        QCOMPARE(games[0].broadcast, u"NFL"_s);
        QCOMPARE(games[0].venueCity, u"Houston, TX"_s);
        QCOMPARE(findGame(games, u"401326378"_s)->day, u"Mon"_s);
    }

    void finishedSummary()
    {
        SHARED_OR_SKIP(document, u"summary-401547505.json"_s);
        const auto parsed = EspnParser::parseSummary(document);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        const Game &game = parsed.value().game;
        QCOMPARE(game.eid, u"401547505"_s);
        QCOMPARE(game.season, 2023);
        QCOMPARE(game.seasonType, SeasonType::Reg);
        QCOMPARE(game.week, 8);
        QCOMPARE(game.state, GameState::Final);
        QCOMPARE(game.home, (TeamSide {u"DAL"_s, u"cowboys"_s, 43}));
        QCOMPARE(game.visitor, (TeamSide {u"LAR"_s, u"rams"_s, 20}));
        QCOMPARE(game.kickoff, utc(2023, 10, 29, 17, 0));
        QCOMPARE(game.day, u"Sun"_s);
        QCOMPARE(game.venue, u"AT&T Stadium"_s);
        QCOMPARE(game.venueCity, u"Arlington, TX"_s);
        QCOMPARE(game.broadcast, u"FOX"_s);
        QVERIFY(game.clock.isEmpty());
        QVERIFY(!game.hasSituation());

        const GameDetail &detail = parsed.value().detail;
        QCOMPARE(detail.espnId, u"401547505"_s);
        QCOMPARE(detail.state, u"post"_s);
        QCOMPARE(detail.homeLinescore, (QList<int> {17, 16, 3, 7}));
        QCOMPARE(detail.visitorLinescore, (QList<int> {3, 6, 8, 3}));
        // Counted from the file: 22 drives, 178 plays, 12 scoring plays, 179 win-probability points.
        QCOMPARE(detail.drives.size(), 22);
        QCOMPARE(detail.playCount(), 178);
        QCOMPARE(detail.scoringPlays.size(), 12);
        QCOMPARE(detail.winProbability.size(), 179);
        QCOMPARE(detail.winProbability.first(), (WinProbabilityPoint {u"4015475051"_s, 0.6882}));
        int scoringFlags = 0;
        for (const Drive &drive : detail.drives)
            scoringFlags += int(
                std::count_if(drive.plays.cbegin(), drive.plays.cend(), [](const Play &p) { return p.scoring; }));
        QCOMPARE(scoringFlags, 12);

        const Drive &first = detail.drives.first();
        QCOMPARE(first.id, u"4015475051"_s);
        QCOMPARE(first.team, u"DAL"_s);
        QCOMPARE(first.description, u"10 plays, 75 yards, 5:16"_s);
        QCOMPARE(first.result, u"TD"_s);
        QCOMPARE(first.displayResult, u"Touchdown"_s);
        QVERIFY(first.isScore);
        QCOMPARE(first.startYardLine, 25);
        QCOMPARE(first.endYardLine, 100);
        QCOMPARE(first.startText, u"DAL 25"_s);
        QCOMPARE(first.endText, u"LAR 0"_s);
        QCOMPARE(first.startPeriod, 1);
        QCOMPARE(first.startClock, u"15:00"_s);
        QCOMPARE(first.endPeriod, 1);
        QCOMPARE(first.endClock, u"9:44"_s);
        QCOMPARE(first.yards, 75);
        QCOMPARE(first.offensivePlays, 10);
        QCOMPARE(first.timeElapsed, u"5:16"_s);
        QCOMPARE(first.plays.size(), 13);
        QCOMPARE(first.plays[2],
            (Play {u"40154750575"_s, 1, u"14:29"_s, u"Rush"_s,
                u"(Shotgun) T.Pollard up the middle to DAL 24 for 4 yards (B.Young)."_s, u"2nd & 15 at DAL 20"_s, 0, 0,
                false}));
        // The defence scored on LAR's fourth drive: isScore, but the points are DAL's (FORMAT.md §7).
        QCOMPARE(detail.drives[3].team, u"LAR"_s);
        QCOMPARE(detail.drives[3].result, u"INT TD"_s);
        QVERIFY(detail.drives[3].isScore);
        const Drive &last = detail.drives.last();
        QCOMPARE(last.result, u"END OF GAME"_s);
        QCOMPARE(last.yards, -3);
        QCOMPARE(last.startText, u"50"_s);
        QVERIFY(last.endClock.isEmpty());

        QCOMPARE(detail.scoringPlays.first(),
            (ScoringPlay {u"401547505296"_s, u"DAL"_s, u"Touchdown"_s,
                u"Jake Ferguson 18 Yd pass from Dak Prescott (Brandon Aubrey Kick)"_s, 1, u"9:44"_s, 0, 7}));
        QCOMPARE(detail.scoringPlays[4].type, u"Safety"_s);
        // The final score is the last scoring play's, and the last play's.
        const ScoringPlay &lastScore = detail.scoringPlays.last();
        QCOMPARE(lastScore.team, u"LAR"_s);
        QCOMPARE(lastScore.type, u"Field Goal"_s);
        QCOMPARE(lastScore.homeScore, *game.home.score);
        QCOMPARE(lastScore.awayScore, *game.visitor.score);
        QCOMPARE(last.plays.last().homeScore, 43);
        QCOMPARE(last.plays.last().awayScore, 20);
    }

    void pregameSummary()
    {
        SHARED_OR_SKIP(document, u"summary-401772842-pre.json"_s);
        const auto parsed = EspnParser::parseSummary(document);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        const Game &game = parsed.value().game;
        QCOMPARE(game.eid, u"401772842"_s);
        QCOMPARE(game.season, 2025);
        QCOMPARE(game.week, 3);
        QCOMPARE(game.state, GameState::Pregame);
        QCOMPARE(game.home, (TeamSide {u"CLE"_s, u"browns"_s, std::nullopt}));
        QCOMPARE(game.visitor, (TeamSide {u"GB"_s, u"packers"_s, std::nullopt}));
        QCOMPARE(game.kickoff, utc(2025, 9, 21, 17, 0));
        const GameDetail &detail = parsed.value().detail;
        QCOMPARE(detail.espnId, u"401772842"_s);
        QCOMPARE(detail.state, u"pre"_s);
        QVERIFY(detail.isEmpty());
        QVERIFY(detail.drives.isEmpty());
        QVERIFY(detail.winProbability.isEmpty());
        QVERIFY(detail.homeLinescore.isEmpty());
        QVERIFY(detail.visitorLinescore.isEmpty());
    }

private:
    // `root` with the value at `path` (object keys, or array indices as numbers) set, or removed when undefined.
    static QJsonValue setPath(const QJsonValue &root, QStringList path, const QJsonValue &value)
    {
        if (path.isEmpty())
            return value;
        const QString key = path.takeFirst();
        if (root.isArray()) {
            QJsonArray array = root.toArray();
            const int index = key.toInt();
            array.replace(index, setPath(array.at(index), path, value));
            return array;
        }
        QJsonObject object = root.toObject();
        const QJsonValue child = setPath(object.value(key), path, value);
        if (child.isUndefined())
            object.remove(key);
        else
            object.insert(key, child);
        return object;
    }
};

QTEST_GUILESS_MAIN(EspnParserTest)
#include "espnparsertest.moc"
