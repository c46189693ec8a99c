// GameStore against real databases: SQLite in a temporary folder and a throwaway PostgreSQL server.
#include "gamestore.h"
#include "scorestripparser.h"
#include "storebackends.h"
#include "syntheticseason.h"
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

class GameStoreTest : public QObject
{
    Q_OBJECT
    Test::StoreBackends m_backends;

    std::unique_ptr<GameStore> openStore() { return m_backends.open(u"store"_s); }

    static ParsedWeek fixtureWeek(const QString &name) { return ScorestripParser::parse(Test::fixture(name)).value(); }

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

    void migratesAndReopens()
    {
        auto store = openStore();
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), 2);
        QCOMPARE(store->gameCount().value(), 0);
    }

    void upsertThenQueryWeek()
    {
        auto store = openStore();
        QVERIFY(store);
        QSignalSpy upserted(store.get(), &GameStore::gameUpserted);
        const auto week = fixtureWeek(u"ajax-2014-REG-8.xml"_s);
        const auto written = store->upsertWeek(week);
        QVERIFY2(written, qPrintable(written.error()));
        QCOMPARE(written.value().size(), 5);
        for (const auto &game : written.value())
            QCOMPARE(game.change, UpsertChange::Inserted);
        QCOMPARE(upserted.count(), 5);

        const auto stored = store->week(week.key);
        QVERIFY(stored);
        QCOMPARE(stored.value().size(), 5);
        // Everything survives the round trip, including no-score pregame games and kickoff instants.
        for (const auto &game : week.games)
            QVERIFY2(stored.value().contains(game), qPrintable(game.eid));
        // Sorted by kickoff.
        QCOMPARE(stored.value().first().eid, u"2014102300"_s);
        QCOMPARE(stored.value().last().eid, u"2014102700"_s);
    }

    void reimportIsIdempotent()
    {
        auto store = openStore();
        QVERIFY(store);
        const auto week = fixtureWeek(u"live-2014-REG-10.xml"_s);
        QVERIFY(store->upsertWeek(week));
        QSignalSpy upserted(store.get(), &GameStore::gameUpserted);
        const auto again = store->upsertWeek(week);
        QVERIFY(again);
        for (const auto &game : again.value())
            QCOMPARE(game.change, UpsertChange::Unchanged);
        QCOMPARE(upserted.count(), 0);
        QCOMPARE(store->gameCount().value(), week.games.size());

        // One score change: exactly that game is reported and signalled.
        auto changed = week;
        changed.games[0].home.score = 10;
        changed.games[0].clock = u"00:40"_s;
        const auto third = store->upsertWeek(changed);
        QVERIFY(third);
        QCOMPARE(third.value()[0].change, UpsertChange::Updated);
        QCOMPARE(third.value()[1].change, UpsertChange::Unchanged);
        QCOMPARE(upserted.count(), 1);
        QCOMPARE(upserted.at(0).at(0).value<Game>().home.score, 10);
        QCOMPARE(store->game(u"2014110600"_s).value()->home.score, 10);
    }

    void rescheduledGameIsStoredOnce()
    {
        auto store = openStore();
        QVERIFY(store);
        // 2008 HOU-BAL: scheduled in week 2, moved by Hurricane Ike to week 10 with the same gsis, new eid.
        ParsedWeek week2 {{2008, SeasonType::Reg, 2}, FeedDialect::Ajax, {}};
        Game game;
        game.eid = u"2008091402"_s;
        game.gsis = u"29556"_s;
        game.season = 2008;
        game.week = 2;
        game.day = u"Sun"_s;
        game.kickoff = ScorestripParser::kickoff(game.eid, u"1:00", u"Sun");
        game.home = {u"HOU"_s, u"texans"_s, std::nullopt};
        game.visitor = {u"BAL"_s, u"ravens"_s, std::nullopt};
        week2.games = {game};
        QVERIFY(store->upsertWeek(week2));

        ParsedWeek week10 {{2008, SeasonType::Reg, 10}, FeedDialect::Ajax, {}};
        game.eid = u"2008110903"_s;
        game.week = 10;
        game.kickoff = ScorestripParser::kickoff(game.eid, u"1:00", u"Sun");
        game.state = GameState::Final;
        game.home.score = 29;
        game.visitor.score = 33;
        week10.games = {game};
        const auto moved = store->upsertWeek(week10);
        QVERIFY(moved);
        QCOMPARE(moved.value()[0].change, UpsertChange::Updated);
        QCOMPARE(store->gameCount().value(), 1);
        QVERIFY(store->week(week2.key).value().isEmpty());
        QCOMPARE(store->week(week10.key).value().size(), 1);
        QVERIFY(!store->game(u"2008091402"_s).value().has_value());
    }

    void oldGamesShareGsisZero()
    {
        // Before the 2000s every gsis is "0", and the archive reuses "8224" for hundreds of 1970s-80s games:
        // games sharing a placeholder key must not be taken for one rescheduled game.
        auto store = openStore();
        QVERIFY(store);
        auto week = fixtureWeek(u"ajax-2014-REG-8.xml"_s);
        for (auto &game : week.games)
            game.gsis = u"0"_s;
        QVERIFY(store->upsertWeek(week));
        QCOMPARE(store->gameCount().value(), 5);
        auto other = fixtureWeek(u"live-2014-REG-10.xml"_s);
        for (auto &game : other.games)
            game.gsis = u"8224"_s;
        const auto written = store->upsertWeek(other);
        QVERIFY(written);
        for (const auto &game : written.value())
            QCOMPARE(game.change, UpsertChange::Inserted);
        QCOMPARE(store->gameCount().value(), 14);
    }

    void failedBatchLeavesRowsIntact()
    {
        auto store = openStore();
        QVERIFY(store);
        const auto good = fixtureWeek(u"ajax-2014-REG-8.xml"_s);
        QVERIFY(store->upsertWeek(good));
        // A batch whose second week cannot be written (two rows with one eid and different data in one
        // statement) rolls back whole: the first week's change must not land either.
        auto changed = good;
        changed.games[0].home.score = 99;
        auto broken = fixtureWeek(u"live-2014-REG-10.xml"_s);
        broken.games.append(broken.games.first());
        broken.games.last().home.score = 1;
        const auto result = store->upsertWeeks({changed, broken});
        QVERIFY(!result);
        QVERIFY2(result.error().contains(u"2014/REG. Week 10"_s), qPrintable(result.error()));
        QCOMPARE(store->game(u"2014102300"_s).value()->home.score, 35);
        QCOMPARE(store->gameCount().value(), 5);
    }

    void standingsAndTeamQueries()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->upsertWeek(fixtureWeek(u"ajax-2014-REG-8.xml"_s)));
        const auto standings = store->standings(2014);
        QVERIFY(standings);
        auto find = [&](const QString &team) {
            for (const auto &s : standings.value())
                if (s.team == team)
                    return s;
            return Standing {};
        };
        // SD lost at DEN 21-35 and won at OAK 27-17; CIN-BAL tied 24-24; NO-GB not played yet.
        QCOMPARE(find(u"SD"_s), (Standing {u"SD"_s, 1, 1, 0, 48, 52}));
        QCOMPARE(find(u"CIN"_s), (Standing {u"CIN"_s, 0, 0, 1, 24, 24}));
        QCOMPARE(find(u"DET"_s), (Standing {u"DET"_s, 1, 0, 0, 22, 21}));
        QCOMPARE(find(u"NO"_s).team, QString());
        QCOMPARE(standings.value().first().team, u"DEN"_s); // 1-0, +14
        QCOMPARE(store->teamSeason(2014, u"SD"_s).value().size(), 2);
        QCOMPARE(store->teamGames(u"SD"_s).value().first().eid, u"2014102610"_s);
        QCOMPARE(store->seasons().value(), QList<int> {2014});
    }

    void badUrlsAreClearErrors()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != u"sqlite"_s)
            QSKIP("one run is enough");
        auto unsupported = GameStore::open(u"mysql://root:secret@localhost/db"_s);
        QVERIFY(!unsupported);
        QVERIFY2(unsupported.error().contains(u"unsupported database URL"_s), qPrintable(unsupported.error()));
        QVERIFY2(!unsupported.error().contains(u"secret"_s), qPrintable(unsupported.error()));
        const auto deadPort = Test::freePort();
        auto dead = GameStore::open(u"postgresql://endzone:hunter2@127.0.0.1:%1/endzone"_s.arg(deadPort));
        QVERIFY(!dead);
        QVERIFY2(dead.error().contains(u"cannot open"_s), qPrintable(dead.error()));
        QVERIFY2(!dead.error().contains(u"hunter2"_s), qPrintable(dead.error()));
    }

    void postgresRestartRecovers()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != u"postgresql"_s)
            QSKIP("PostgreSQL only");
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->upsertWeek(fixtureWeek(u"ajax-2014-REG-8.xml"_s)));
        m_backends.postgres()->stop();
        const auto whileDown = store->week({2014, SeasonType::Reg, 8});
        QVERIFY(!whileDown);
        QVERIFY2(whileDown.error().contains(u"unavailable"_s), qPrintable(whileDown.error()));
        QVERIFY(!store->upsertWeek(fixtureWeek(u"live-2014-REG-10.xml"_s)));
        QVERIFY(m_backends.postgres()->start());
        // No reopen by hand: the store reconnects on its next use.
        const auto after = store->week({2014, SeasonType::Reg, 8});
        QVERIFY2(after, qPrintable(after.error()));
        QCOMPARE(after.value().size(), 5);
        QVERIFY(store->upsertWeek(fixtureWeek(u"live-2014-REG-10.xml"_s)));
        QCOMPARE(store->gameCount().value(), 14);
    }

    // PostgreSQL plans from statistics that autovacuum refreshes only about once a minute; an import that grows the
    // table from nothing must refresh them itself (ANALYZE, which sets pg_class.reltuples: -1 before any), or each
    // week's read scans the whole table.
    void importRefreshesPostgresStatistics()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != u"postgresql"_s)
            QSKIP("PostgreSQL only");
        const QString url = m_backends.newUrl(u"analyze"_s);
        auto opened = GameStore::open(url);
        QVERIFY2(opened, qPrintable(opened.error()));
        auto store = std::move(opened).value();
        const QUrl parts(url);
        auto db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"statistics"_s);
        db.setHostName(parts.host());
        db.setPort(parts.port());
        db.setUserName(parts.userName());
        db.setDatabaseName(parts.path().mid(1));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        const auto reltuples = [&db] {
            QSqlQuery query(db);
            return query.exec(u"SELECT reltuples FROM pg_class WHERE relname = 'games'"_s) && query.next()
                ? query.value(0).toDouble()
                : -2.0;
        };

        QVERIFY(store->upsertWeek(fixtureWeek(u"ajax-2014-REG-8.xml"_s)));
        QCOMPARE(reltuples(), -1.0); // a few rows: not worth an ANALYZE
        int inserted = 5;
        for (const int season : {2015, 2016, 2017, 2018}) {
            const SyntheticSeason synthetic(season);
            QList<ParsedWeek> weeks;
            for (const auto &key : synthetic.weeks()) {
                if (key.type == SeasonType::Reg)
                    weeks.append(synthetic.week(key, QDateTime(QDate(season + 1, 6, 1), QTime(12, 0), Qt::UTC)));
            }
            const auto stored = store->upsertWeeks(weeks);
            QVERIFY2(stored, qPrintable(stored.error()));
            for (const auto &week : stored.value())
                inserted += int(week.size());
        }
        QVERIFY(inserted > 1000);
        QVERIFY2(reltuples() >= 1000, qPrintable(QString::number(reltuples())));
        db.close();
    }
};

QTEST_GUILESS_MAIN(GameStoreTest)
#include "gamestoretest.moc"
