// Parser tests on our own fixtures (tests/data): both dialects, every state, kickoff rules, malformed input.
#include "scorestripparser.h"
#include "scorestripwriter.h"
#include "testdata.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class ScorestripParserTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ajaxWeek()
    {
        const auto week = ScorestripParser::parse(Test::fixture(u"ajax-2014-REG-8.xml"_s));
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().dialect, FeedDialect::Ajax);
        QCOMPARE(week.value().key, (WeekKey {2014, SeasonType::Reg, 8}));
        const auto &games = week.value().games;
        QCOMPARE(games.size(), 5);
        QCOMPARE(games[0].eid, u"2014102300"_s);
        QCOMPARE(games[0].gsis, u"90001"_s);
        QCOMPARE(games[0].home, (TeamSide {u"DEN"_s, u"broncos"_s, 35}));
        QCOMPARE(games[0].visitor, (TeamSide {u"SD"_s, u"chargers"_s, 21}));
        QCOMPARE(games[0].state, GameState::Final);
        QCOMPARE(games[0].gameType, GameType::Reg);
        QVERIFY(!games[0].isTie());
        // Overtime win, and a tie: a tie is FO with equal scores.
        QCOMPARE(games[1].state, GameState::FinalOvertime);
        QVERIFY(!games[1].isTie());
        QCOMPARE(games[2].state, GameState::FinalOvertime);
        QVERIFY(games[2].isTie());
        // Pregame in the ajax dialect: empty scores mean no score, not 0.
        QCOMPARE(games[4].state, GameState::Pregame);
        QCOMPARE(games[4].home.score, std::nullopt);
        QCOMPARE(games[4].visitor.score, std::nullopt);
        QVERIFY(games[4].clock.isEmpty());
    }

    void liveWeekEveryState()
    {
        const auto week = ScorestripParser::parse(Test::fixture(u"live-2014-REG-10.xml"_s));
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().dialect, FeedDialect::LiveUpdate);
        QCOMPARE(week.value().key, (WeekKey {2014, SeasonType::Reg, 10}));
        const auto &g = week.value().games;
        QCOMPARE(g.size(), 9);
        const QList<GameState> states {GameState::Quarter2, GameState::Pregame, GameState::Quarter1,
            GameState::Quarter3, GameState::Quarter4, GameState::Halftime, GameState::Overtime, GameState::Final,
            GameState::FinalOvertime};
        for (int i = 0; i < states.size(); ++i)
            QCOMPARE(g[i].state, states[i]);
        QCOMPARE(g[0].clock, u"01:03"_s);
        QCOMPARE(g[0].possession, u"CIN"_s);
        QVERIFY(g[0].redZone);
        QCOMPARE(g[0].home.score, 3);
        QCOMPARE(g[0].visitor.score, 17);
        // ss.xml writes 0-0 before kickoff; that is "no score yet".
        QCOMPARE(g[1].home.score, std::nullopt);
        QVERIFY(g[1].possession.isEmpty());
        QVERIFY(!g[1].redZone);
        // Kickoff 0-0 in Q1 is a real score.
        QCOMPARE(g[2].home.score, 0);
        QCOMPARE(g[5].possession, QString());
        QCOMPARE(g[6].clock, u"09:41"_s);
        QVERIFY(g[6].redZone);
        QVERIFY(isLive(g[6].state));
        QVERIFY(!isLive(g[7].state));
        QVERIFY(g[7].clock.isEmpty());
    }

    void postseason()
    {
        const auto week = ScorestripParser::parse(Test::fixture(u"ajax-2013-POST-18.xml"_s));
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().key, (WeekKey {2013, SeasonType::Post, 18}));
        QCOMPARE(week.value().games[0].gameType, GameType::WildCard);
        QCOMPARE(week.value().games[0].seasonType, SeasonType::Post);
        // January games keep the season they belong to.
        QCOMPARE(week.value().games[0].season, 2013);
    }

    void emptyWeek()
    {
        const WeekKey asked {2013, SeasonType::Post, 21};
        const auto week = ScorestripParser::parse(Test::fixture(u"ajax-2013-POST-21-empty.xml"_s), asked);
        QVERIFY2(week, qPrintable(week.error()));
        QVERIFY(week.value().games.isEmpty());
        QCOMPARE(week.value().key, asked);
    }

    void kickoff_data()
    {
        QTest::addColumn<QString>("eid");
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("day");
        QTest::addColumn<QString>("utc");
        QTest::newRow("Sunday 1 PM, EDT") << u"2014102601"_s << u"1:00"_s << u"Sun"_s << u"2014-10-26T17:00:00Z"_s;
        QTest::newRow("London 9:30 AM, EDT") << u"2014102600"_s << u"9:30"_s << u"Sun"_s << u"2014-10-26T13:30:00Z"_s;
        QTest::newRow("first Sunday of EST") << u"2014110201"_s << u"1:00"_s << u"Sun"_s << u"2014-11-02T18:00:00Z"_s;
        QTest::newRow("London 9:30 AM, EST") << u"2015110100"_s << u"9:30"_s << u"Sun"_s << u"2015-11-01T14:30:00Z"_s;
        QTest::newRow("Thanksgiving noon") << u"2008112700"_s << u"12:30"_s << u"Thu"_s << u"2008-11-27T17:30:00Z"_s;
        QTest::newRow("Thanksgiving late") << u"2008112701"_s << u"4:15"_s << u"Thu"_s << u"2008-11-27T21:15:00Z"_s;
        QTest::newRow("Sunday night") << u"2014110910"_s << u"8:30"_s << u"Sun"_s << u"2014-11-10T01:30:00Z"_s;
        QTest::newRow("Sunday 11:35 PM, not a London game")
            << u"2013100610"_s << u"11:35"_s << u"Sun"_s << u"2013-10-07T03:35:00Z"_s;
        QTest::newRow("Monday 10:15 PM") << u"2014090801"_s << u"10:15"_s << u"Mon"_s << u"2014-09-09T02:15:00Z"_s;
        QTest::newRow("preseason Friday 10 PM")
            << u"2014081550"_s << u"10:00"_s << u"Fri"_s << u"2014-08-16T02:00:00Z"_s;
        QTest::newRow("Super Bowl 6:29 PM") << u"2009020100"_s << u"6:29"_s << u"Sun"_s << u"2009-02-01T23:29:00Z"_s;
    }
    void kickoff()
    {
        QFETCH(QString, eid);
        QFETCH(QString, time);
        QFETCH(QString, day);
        QFETCH(QString, utc);
        const auto kickoff = ScorestripParser::kickoff(eid, time, day);
        QVERIFY(kickoff.isValid());
        QCOMPARE(kickoff.toUTC().toString(Qt::ISODate), utc);
    }

    void thanksgivingFixture()
    {
        const auto week = ScorestripParser::parse(Test::fixture(u"ajax-2008-REG-13.xml"_s));
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().games[0].kickoffEastern(), u"2008-11-27T12:30:00-05:00"_s);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("expected");
        const QByteArray good = Test::fixture(u"ajax-2014-REG-8.xml"_s);
        const QByteArray game
            = R"(<g eid="2014102300" gsis="1" d="Thu" t="8:25" q="F" k="" h="DEN" hnn="broncos" hs="35" v="SD" vnn="chargers" vs="21" p="" rz="" ga="" gt="REG"/>)";
        auto week = [](const QByteArray &games, const QByteArray &gms = R"(w="8" y="2014" t="R")") -> QByteArray {
            return "<?xml version=\"1.0\"?><ss><gms " + gms + '>' + games + "</gms></ss>";
        };
        QTest::newRow("empty") << QByteArray() << u"the document is empty"_s;
        QTest::newRow("truncated") << good.left(good.size() / 2) << u"line 2"_s;
        QTest::newRow("truncated after the last game")
            << good.left(good.lastIndexOf("</gms>")) << u"Premature end of document"_s;
        QTest::newRow("wrong root") << QByteArray("<html><body>Service Unavailable</body></html>")
                                    << u"root element is <html>"_s;
        QTest::newRow("not XML") << QByteArray("{\"gms\": []}") << u"line 1, column 1"_s;
        QTest::newRow("no gms") << QByteArray("<ss><foo/></ss>") << u"<ss> has no <gms>"_s;
        QTest::newRow("gms without week") << week(game, R"(y="2014" t="R")") << u"<gms> lacks the attribute w"_s;
        QTest::newRow("bad season") << week(game, R"(w="8" y="20x4" t="R")") << u"y=\"20x4\" is not a number"_s;
        QTest::newRow("bad score") << week(QByteArray(game).replace(R"(hs="35")", R"(hs="3five")"))
                                   << u"hs=\"3five\" is not a number"_s;
        QTest::newRow("negative score") << week(QByteArray(game).replace(R"(hs="35")", R"(hs="-7")"))
                                        << u"hs=\"-7\" is not a number"_s;
        QTest::newRow("missing home") << week(QByteArray(game).replace(R"(h="DEN" )", ""))
                                      << u"game lacks the attribute h"_s;
        QTest::newRow("missing state") << week(QByteArray(game).replace(R"(q="F" )", ""))
                                       << u"game lacks the attribute q"_s;
        QTest::newRow("unknown state") << week(QByteArray(game).replace(R"(q="F")", R"(q="X")"))
                                       << u"unknown state q=\"X\""_s;
        QTest::newRow("bad eid") << week(QByteArray(game).replace("2014102300", "20141023")) << u"is not YYYYMMDDNN"_s;
        QTest::newRow("bad date in eid") << week(QByteArray(game).replace("2014102300", "2014134500"))
                                         << u"no valid kickoff"_s;
        QTest::newRow("bad time") << week(QByteArray(game).replace(R"(t="8:25")", R"(t="25:00")"))
                                  << u"no valid kickoff"_s;
        QTest::newRow("unknown game type")
            << week(QByteArray(game).replace(R"(gt="REG")", R"(gt="XFL")")) << u"unknown game type"_s;
        QTest::newRow("stray element") << week("<script/>") << u"unexpected element <script>"_s;
        const QByteArray bomb
            = R"(<?xml version="1.0"?><!DOCTYPE ss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">)"
              R"(<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>)"
              R"(<ss><gms w="1" y="2014" t="R" gd="&d;&d;&d;&d;&d;&d;&d;&d;"/></ss>)";
        QTest::newRow("entity-expansion bomb") << bomb << u"DTDs and entity declarations are not allowed"_s;
        QByteArray huge = "<?xml version=\"1.0\"?><ss><gms w=\"8\" y=\"2014\" t=\"R\">";
        while (huge.size() < 10 * 1024 * 1024)
            huge += game;
        huge += "</gms></ss>";
        QTest::newRow("10 MB document") << huge << u"larger than the 4194304-byte limit"_s;
    }
    void malformed()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, expected);
        const auto week = ScorestripParser::parse(document);
        QVERIFY(!week);
        QVERIFY2(week.error().contains(expected), qPrintable(week.error()));
        QVERIFY2(week.error().startsWith(u"malformed scorestrip document"_s), qPrintable(week.error()));
    }

    void writerRoundTrip_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("dialect");
        QTest::newRow("ajax") << u"ajax-2014-REG-8.xml"_s << int(FeedDialect::Ajax);
        QTest::newRow("live") << u"live-2014-REG-10.xml"_s << int(FeedDialect::LiveUpdate);
        QTest::newRow("post") << u"ajax-2013-POST-18.xml"_s << int(FeedDialect::Ajax);
    }
    void writerRoundTrip()
    {
        QFETCH(QString, fixture);
        QFETCH(int, dialect);
        const auto original = ScorestripParser::parse(Test::fixture(fixture));
        QVERIFY(original);
        const QByteArray written = ScorestripWriter::write(original.value());
        const auto reparsed = ScorestripParser::parse(written);
        QVERIFY2(reparsed, qPrintable(reparsed.error()));
        QCOMPARE(int(reparsed.value().dialect), dialect);
        QCOMPARE(reparsed.value().key, original.value().key);
        QCOMPARE(reparsed.value().games, original.value().games);
    }
};

QTEST_GUILESS_MAIN(ScorestripParserTest)
#include "scorestripparsertest.moc"
