// One game is one row, whichever source delivered it: GameStore's identity rules across the scorestrip and
// ESPN, the schema 1 -> 2 migration with old rows intact, and the game detail and byes it keeps. Against real
// databases: SQLite in a temporary folder and a throwaway PostgreSQL server.
#include "gamemerge.h"
#include "gamestore.h"
#include "schema.h"
#include "scorestripparser.h"
#include "storebackends.h"
#include "testdata.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class GameIdentityTest : public QObject
{
    Q_OBJECT
    Test::StoreBackends m_backends;

    QString newDatabaseUrl() { return m_backends.newUrl(u"identity"_s); }

    static std::unique_ptr<GameStore> open(const QString &url)
    {
        auto store = GameStore::open(url);
        if (!store)
            qWarning() << store.error();
        return store ? std::move(store).value() : nullptr;
    }

    // The 2014 week 8 fixture as the scorestrip gives it: DEN 35 - SD 21 (final) is its first game.
    static ParsedWeek scorestripWeek()
    {
        return ScorestripParser::parse(Test::fixture(u"ajax-2014-REG-8.xml"_s)).value();
    }

    // The same DEN-SD game as ESPN delivers it: its event id for a key, ESPN's code for the Chargers (LAC, the
    // same franchise as SD), the venue and the network.
    static Game espnDenverGame()
    {
        Game game = scorestripWeek().games.first();
        game.eid = u"400554257"_s;
        game.gsis.clear();
        game.espnId = u"400554257"_s;
        game.visitor.abbreviation = u"LAC"_s;
        game.venue = u"Sports Authority Field at Mile High"_s;
        game.venueCity = u"Denver, CO"_s;
        game.broadcast = u"CBS"_s;
        return game;
    }

    static ParsedWeek weekOf(const Game &game)
    {
        return ParsedWeek {{game.season, game.seasonType, game.week}, {}, {game}};
    }

private Q_SLOTS:
    void initTestCase_data() { Test::StoreBackends::addRows(); }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_backends.start(), qPrintable(m_backends.errorString()));
    }

    void init()
    {
        if (const auto reason = m_backends.skipReason(); !reason.isEmpty())
            QSKIP(qPrintable(reason));
    }

    void migrationKeepsOldRows()
    {
        // A database as schema 1 left it, with a stored game, written without GameStore.
        const QString url = newDatabaseUrl();
        {
            const QUrl parsed(url);
            const bool sqlite = parsed.scheme() == u"sqlite"_s;
            auto db = QSqlDatabase::addDatabase(sqlite ? u"QSQLITE"_s : u"QPSQL"_s, u"v1"_s);
            if (sqlite) {
                db.setDatabaseName(parsed.path());
            } else {
                db.setHostName(parsed.host());
                db.setPort(parsed.port());
                db.setUserName(parsed.userName());
                db.setPassword(parsed.password());
                db.setDatabaseName(parsed.path().mid(1));
            }
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            QVERIFY(query.exec(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s));
            const auto migrations = Schema::migrations();
            for (const auto &statement : migrations.constFirst())
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
            QVERIFY(query.exec(u"INSERT INTO schema_version (version) VALUES (1)"_s));
            QVERIFY(query.exec(u"INSERT INTO games VALUES ('2014102300', '90001', 2014, 'REG', 8, 'REG', 'Thu', "
                               "1414110300, 'F', '', 'DEN', 'broncos', 35, 'SD', 'chargers', 21, '', 0, 1)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v1"_s);

        auto store = open(url);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), 2);
        const auto game = store->game(u"2014102300"_s);
        QVERIFY(game && game.value());
        const Game &old = *game.value();
        QCOMPARE(old.home.abbreviation, u"DEN"_s);
        QCOMPARE(old.visitor.abbreviation, u"SD"_s);
        QCOMPARE(old.home.score, 35);
        QCOMPARE(old.visitor.score, 21);
        QCOMPARE(old.gsis, u"90001"_s);
        QCOMPARE(old.state, GameState::Final);
        QVERIFY(old.espnId.isEmpty());
        QVERIFY(!old.down);
        QVERIFY(!old.homeWinProbability);
        QVERIFY(!old.hasSituation());
        // The migration linked the old row to its franchises: ESPN's copy of the game finds it.
        const auto merged = store->upsertWeek(weekOf(espnDenverGame()));
        QVERIFY2(merged, qPrintable(merged.error()));
        QCOMPARE(merged.value().constFirst().game.eid, u"2014102300"_s);
        QCOMPARE(store->gameCount().value(), 1);
    }

    void scorestripThenEspnIsOneRow()
    {
        auto store = open(newDatabaseUrl());
        QVERIFY(store);
        QVERIFY(store->upsertWeek(scorestripWeek()));
        QCOMPARE(store->gameCount().value(), 5);
        QSignalSpy upserted(store.get(), &GameStore::gameUpserted);

        const auto stored = store->upsertWeek(weekOf(espnDenverGame()));
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(store->gameCount().value(), 5);
        QCOMPARE(stored.value().constFirst().change, UpsertChange::Updated);
        const Game row = store->game(u"2014102300"_s).value().value();
        QCOMPARE(row.espnId, u"400554257"_s);
        QCOMPARE(row.gsis, u"90001"_s); // what only the scorestrip knew stays
        QCOMPARE(row.venue, u"Sports Authority Field at Mile High"_s);
        QCOMPARE(row.broadcast, u"CBS"_s);
        QCOMPARE(row.home.score, 35);
        QCOMPARE(upserted.size(), 1);
        QCOMPARE(upserted.constFirst().constFirst().value<Game>().eid, u"2014102300"_s);
        // Either id finds it.
        QCOMPARE(store->gameById(u"400554257"_s).value()->eid, u"2014102300"_s);
        QCOMPARE(store->gameById(u"2014102300"_s).value()->espnId, u"400554257"_s);

        // The scorestrip again: still one row, and it does not erase what ESPN added.
        QVERIFY(store->upsertWeek(scorestripWeek()));
        QCOMPARE(store->gameCount().value(), 5);
        const Game again = store->game(u"2014102300"_s).value().value();
        QCOMPARE(again.espnId, u"400554257"_s);
        QCOMPARE(again.venue, u"Sports Authority Field at Mile High"_s);
    }

    void espnThenScorestripTakesTheScorestripKey()
    {
        auto store = open(newDatabaseUrl());
        QVERIFY(store);
        QVERIFY(store->upsertWeek(weekOf(espnDenverGame())));
        QCOMPARE(store->game(u"400554257"_s).value()->espnId, u"400554257"_s);

        QVERIFY(store->upsertWeek(scorestripWeek()));
        QCOMPARE(store->gameCount().value(), 5);
        QVERIFY(!store->game(u"400554257"_s).value()); // re-keyed, not duplicated
        const Game row = store->gameById(u"400554257"_s).value().value();
        QCOMPARE(row.eid, u"2014102300"_s);
        QCOMPARE(row.gsis, u"90001"_s);
        QCOMPARE(row.venue, u"Sports Authority Field at Mile High"_s);
    }

    void staleOtherSourceNeverErasesAFinal()
    {
        auto store = open(newDatabaseUrl());
        QVERIFY(store);
        QVERIFY(store->upsertWeek(scorestripWeek()));
        Game pregame = espnDenverGame();
        pregame.state = GameState::Pregame;
        pregame.home.score.reset();
        pregame.visitor.score.reset();
        QVERIFY(store->upsertWeek(weekOf(pregame)));
        const Game row = store->game(u"2014102300"_s).value().value();
        QCOMPARE(row.state, GameState::Final);
        QCOMPARE(row.home.score, 35);
        QCOMPARE(row.visitor.score, 21);
        QCOMPARE(row.espnId, u"400554257"_s);
    }

    void situationRoundTrips()
    {
        auto store = open(newDatabaseUrl());
        QVERIFY(store);
        Game live = espnDenverGame();
        live.state = GameState::Quarter4;
        live.clock = u"07:45"_s;
        live.possession = u"DEN"_s;
        live.down = 3;
        live.distance = 4;
        live.ballOn = u"LAC 34"_s;
        live.redZone = false;
        live.homeTimeouts = 2;
        live.visitorTimeouts = 1;
        live.lastPlay = u"(7:45) C.Anderson up the middle to LAC 34 for 1 yard."_s;
        live.homeWinProbability = 0.9404;
        live.neutralSite = true;
        QVERIFY(store->upsertWeek(weekOf(live)));
        QCOMPARE(store->game(live.eid).value().value(), live);
        // The game goes final: the situation is gone, not left behind.
        Game final = live;
        final.state = GameState::Final;
        final.clock.clear();
        final.possession.clear();
        final.down.reset();
        final.distance.reset();
        final.ballOn.clear();
        final.homeTimeouts.reset();
        final.visitorTimeouts.reset();
        final.lastPlay.clear();
        QVERIFY(store->upsertWeek(weekOf(final)));
        const Game row = store->game(live.eid).value().value();
        QCOMPARE(row, final);
        QVERIFY(!row.hasSituation());
    }

    void detailIsKeptAndNeverReplacedByLess()
    {
        auto store = open(newDatabaseUrl());
        QVERIFY(store);
        QVERIFY(!store->detail(u"400554257"_s).value());
        GameDetail detail;
        detail.espnId = u"400554257"_s;
        detail.state = u"post"_s;
        detail.homeLinescore = {7, 14, 7, 7};
        detail.visitorLinescore = {0, 7, 7, 7};
        Drive drive;
        drive.id = u"1"_s;
        drive.team = u"DEN"_s;
        drive.result = u"TD"_s;
        drive.startYardLine = 20;
        drive.endYardLine = 100;
        drive.plays = {
            Play {u"11"_s, 1, u"15:00"_s, u"Rush"_s, u"C.Anderson left end"_s, u"1st & 10 at DEN 20"_s, 0, 0, false}};
        detail.drives = {drive};
        detail.scoringPlays = {ScoringPlay {u"12"_s, u"DEN"_s, u"Touchdown"_s, u"pass"_s, 1, u"9:44"_s, 0, 7}};
        detail.winProbability = {{u"11"_s, 0.61}, {u"12"_s, 0.7}};
        QVERIFY(store->storeDetail(u"400554257"_s, detail));
        QCOMPARE(store->detail(u"400554257"_s).value().value(), detail);
        QVERIFY(store->storeDetail(u"400554257"_s, GameDetail {u"400554257"_s, u"post"_s, {}, {}, {}, {}, {}}));
        QCOMPARE(store->detail(u"400554257"_s).value().value(), detail);
    }

    void sameGameRule()
    {
        const Game a = scorestripWeek().games.first(); // gsis 90001, DEN-SD 2014
        Game moved = a;
        moved.eid = u"2014110900"_s;
        moved.week = 10;
        QVERIFY(GameMerge::isSameGame(a, moved)); // rescheduled: gsis, season and matchup
        Game otherSeason = moved;
        otherSeason.season = 2015;
        QVERIFY(!GameMerge::isSameGame(a, otherSeason));
        Game otherMatchup = moved;
        otherMatchup.visitor.abbreviation = u"KC"_s;
        QVERIFY(!GameMerge::isSameGame(a, otherMatchup));
        Game placeholder = a, placeholderToo = moved;
        placeholder.gsis = placeholderToo.gsis = u"0"_s;
        QVERIFY(!GameMerge::isSameGame(placeholder, placeholderToo)); // "0" identifies nothing
        Game espn = espnDenverGame(), espnAgain = espnDenverGame();
        espnAgain.eid = u"2014102300"_s; // re-keyed to the scorestrip eid
        QVERIFY(GameMerge::isSameGame(espn, espnAgain));
        QVERIFY(!GameMerge::isSameGame(espn, scorestripWeek().games.at(1)));
    }

    void byesBelongToTheWeek()
    {
        auto store = open(newDatabaseUrl());
        QVERIFY(store);
        ParsedWeek week = weekOf(espnDenverGame());
        week.byes = {u"NE"_s, u"PHI"_s};
        QVERIFY(store->upsertWeek(week));
        QCOMPARE(store->byes(week.key).value(), (QStringList {u"NE"_s, u"PHI"_s}));
        QVERIFY(store->byes({2014, SeasonType::Reg, 9}).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(GameIdentityTest)
#include "gameidentitytest.moc"
