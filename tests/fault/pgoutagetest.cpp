// PostgreSQL stopped and started again under a running import and under a serving endzone-server, end to end
// with the real executables (endzone-feed, endzone-fetch, endzone-server) and a real PostgreSQL 15
// (docs/reliability.md, "PostgreSQL stopped and started"):
//  - importOutage: a GateProxy in front of endzone-feed lets the importer fetch exactly the weeks the test allows:
//    4 weeks are stored, the 5th week's write is caught waiting on a lock when PostgreSQL stops, 2 more weeks
//    arrive while it is down, then it comes back. The importer must not crash or hang, name exactly the weeks it
//    could not store, store every later week in the same run, and a re-run must complete the season with no
//    game lost, duplicated or different from what the feed serves.
//  - storeReadersRecover: every GameStore reader fails cleanly while PostgreSQL is down and works again on the
//    first call after it is back.
//  - servingOutage: endzone-server on the store; while PostgreSQL is down every answer that needs the store is a
//    JSON 503 with Retry-After, the index and a week already in the memory cache still answer 200; once it is
//    back the same server process answers 200 with the same data, and its write path (the feed fallback for a
//    week not stored yet) stores that week exactly once.
// Pass/fail never depends on timing: the gate and a table lock decide what happens when, every wait is bounded.
#include "apitestsupport.h"
#include "faultsupport.h"
#include "feedclient.h"
#include "gamestore.h"
#include "postgresserver.h"
#include "seasonimportjob.h"
#include "syntheticseason.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>
#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;

namespace {

constexpr int Season = 2015;
constexpr int RegularWeeks = 17;
// endzone-fetch's report of one week stored (stdout) and of one week failed (stderr, as it happens).
const QString Stored = u"^All games for Season \\d+/REG\\. Week \\d+ processed!$"_s;
const QString Failed = u"^Season \\d+/REG\\. Week \\d+ failed: "_s;

WeekKey reg(int week)
{
    return {Season, SeasonType::Reg, week};
}

QString bin(const QString &name)
{
    return qEnvironmentVariable("ENDZONE_BIN_DIR") + u'/' + name;
}

// A TCP proxy in front of the feed that holds every request until the test grants it: allow(n) lets the next n
// through, open() all of them. One request per connection (Connection: close both ways), as in feedfaulttest.
class GateProxy : public HeadProxy
{
public:
    using HeadProxy::HeadProxy;
    void allow(int requests)
    {
        m_permits += requests;
        drain();
    }
    void open()
    {
        m_permits = -1;
        drain();
    }
    [[nodiscard]] int forwarded() const { return m_forwarded; }
    [[nodiscard]] qsizetype held() const { return m_held.size(); }

protected:
    void onHead(QTcpSocket *client, const QByteArray &head) override
    {
        m_held.append({client, head});
        drain();
    }

private:
    void drain()
    {
        while (!m_held.isEmpty() && m_permits != 0) {
            const auto [client, head] = m_held.takeFirst();
            if (!client)
                continue;
            if (m_permits > 0)
                --m_permits;
            ++m_forwarded;
            forwardOnce(client, head, upstreamPort());
        }
    }

    int m_permits = 0; // -1: open
    int m_forwarded = 0;
    QList<std::pair<QPointer<QTcpSocket>, QByteArray>> m_held;
};

// A child process whose stdout and stderr are collected as they arrive (the test's event loop runs in QTRY_*).
struct Child
{
    Child()
    {
        QObject::connect(
            &process, &QProcess::readyReadStandardOutput, &process, [this] { out += process.readAllStandardOutput(); });
        QObject::connect(
            &process, &QProcess::readyReadStandardError, &process, [this] { err += process.readAllStandardError(); });
    }
    ~Child()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(10000);
        }
    }
    [[nodiscard]] bool finished() const { return process.state() == QProcess::NotRunning; }
    // Lines of stdout and stderr that match `pattern`.
    [[nodiscard]] qsizetype lines(const QString &pattern) const
    {
        const QRegularExpression line(pattern, QRegularExpression::MultilineOption);
        qsizetype count = 0;
        for (auto it = line.globalMatch(QString::fromUtf8(out + '\n' + err)); it.hasNext(); it.next())
            ++count;
        return count;
    }
    QProcess process;
    QByteArray out;
    QByteArray err;
};

// endzone-fetch's "FAILED: Season 2015/REG. Week 5: why" summary lines, as week -> why.
QHash<int, QString> failedWeeks(const QByteArray &err)
{
    static const QRegularExpression failed(
        u"^FAILED: Season \\d+/REG\\. Week (\\d+): (.*)$"_s, QRegularExpression::MultilineOption);
    QHash<int, QString> weeks;
    for (auto it = failed.globalMatch(QString::fromUtf8(err)); it.hasNext();) {
        const auto match = it.next();
        weeks.insert(match.captured(1).toInt(), match.captured(2));
    }
    return weeks;
}

QList<Game> byEid(QList<Game> games)
{
    std::sort(games.begin(), games.end(), [](const Game &a, const Game &b) { return a.eid < b.eid; });
    return games;
}

// A week as endzone-server's JSON body gives it: the games in eid order.
QJsonArray weekJson(const QList<Game> &games)
{
    QJsonArray array;
    for (const Game &game : byEid(games))
        array.append(game.toJson());
    return array;
}

// Holds an exclusive lock on `games` from a connection of its own, so that a writer or reader in another process
// is caught in the middle of its statement, waiting, when the test stops PostgreSQL.
class TableLock
{
public:
    explicit TableLock(const QString &storeUrl)
        : m_name(u"pgoutage-lock-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = addStoreConnection(storeUrl, m_name);
        if (!db.open() || !db.transaction()) {
            m_error = db.lastError().text();
            return;
        }
        QSqlQuery query(db);
        if (!query.exec(u"LOCK TABLE games IN ACCESS EXCLUSIVE MODE"_s))
            m_error = query.lastError().text();
    }
    ~TableLock()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    [[nodiscard]] QString error() const { return m_error; }
    // Other sessions of this database waiting for a lock (a fresh look each time, not the transaction's snapshot).
    [[nodiscard]] int waiters() const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(u"SELECT pg_stat_clear_snapshot()"_s)
            || !query.exec(u"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                           "AND wait_event_type = 'Lock'"_s)
            || !query.next())
            return -1;
        return query.value(0).toInt();
    }

private:
    QString m_name;
    QString m_error;
};

// True when something accepts connections on the port: after PostgresServer::stop() nothing must.
bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(2000);
}

// Every eid stored more than once (the primary key forbids it; checked anyway, with a connection of our own).
QStringList duplicateEids(const QString &storeUrl)
{
    QStringList duplicates;
    const QString name = u"pgoutage-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = addStoreConnection(storeUrl, name);
        if (!db.open())
            return {u"cannot open: "_s + db.lastError().text()};
        QSqlQuery query(db);
        if (!query.exec(u"SELECT eid FROM games GROUP BY eid HAVING COUNT(*) > 1"_s))
            duplicates.append(u"cannot query: "_s + query.lastError().text());
        while (query.next())
            duplicates.append(query.value(0).toString());
    }
    QSqlDatabase::removeDatabase(name);
    return duplicates;
}

} // namespace

class PgOutageTest : public QObject
{
    Q_OBJECT

private:
    // Every regular-season week exactly as endzone-feed serves it, fetched with the product's own client.
    QHash<int, QList<Game>> m_feedWeeks;
    int m_feedGames = 0;
    std::unique_ptr<PostgresServer> m_postgres;
    Child m_feed;
    QUrl m_feedUrl;

    // The whole store must be exactly the feed's weeks `weeks`: nothing lost, nothing duplicated, same scores.
    void verifyStoreMatchesFeed(const QString &storeUrl, const QList<int> &weeks)
    {
        auto store = GameStore::open(storeUrl);
        QVERIFY2(store, qPrintable(store.error()));
        int expected = 0;
        for (int week = 1; week <= RegularWeeks; ++week) {
            const auto stored = store.value()->week(reg(week));
            QVERIFY2(stored, qPrintable(stored.error()));
            if (weeks.contains(week)) {
                QCOMPARE(byEid(stored.value()), byEid(m_feedWeeks.value(week)));
                expected += int(m_feedWeeks.value(week).size());
            } else {
                QVERIFY2(stored.value().isEmpty(), qPrintable(u"week %1 failed, yet has rows"_s.arg(week)));
            }
        }
        QCOMPARE(store.value()->gameCount().value(), expected);
        const StoreFingerprint fingerprint = storeFingerprint(storeUrl);
        QVERIFY2(fingerprint.error.isEmpty(), qPrintable(fingerprint.error));
        QCOMPARE(fingerprint.rows, expected);
        QCOMPARE(duplicateEids(storeUrl), QStringList());
    }

    int gamesIn(const QList<int> &weeks) const
    {
        int games = 0;
        for (int week : weeks)
            games += int(m_feedWeeks.value(week).size());
        return games;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (const QString reason = PostgresServer::unavailableReason(); !reason.isEmpty())
            QSKIP(qPrintable(reason));
        for (const QString &tool : {u"endzone-feed"_s, u"endzone-fetch"_s, u"endzone-server"_s})
            QVERIFY2(QFile::exists(bin(tool)), qPrintable(u"no "_s + bin(tool)));
        m_postgres = std::make_unique<PostgresServer>();
        QVERIFY2(m_postgres->isRunning(), qPrintable(m_postgres->errorString()));

        // The season is over: every game final, the clock stopped, so the feed serves the same documents all along.
        const QDateTime over = SyntheticSeason(Season).firstSundayKickoff().addDays(140);
        const quint16 port = freePort();
        m_feed.process.start(bin(u"endzone-feed"_s),
            {u"--synthetic"_s, QString::number(Season), u"--speed"_s, u"0"_s, u"--start"_s, over.toString(Qt::ISODate),
                u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)});
        QVERIFY(m_feed.process.waitForStarted(10000));
        m_feedUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        FeedClient client(m_feedUrl);
        QTRY_VERIFY_WITH_TIMEOUT(QCoro::waitFor(client.fetchWeek(reg(1))).ok() || m_feed.finished(), 20000);
        QVERIFY2(!m_feed.finished(), m_feed.err.constData());
        for (int week = 1; week <= RegularWeeks; ++week) {
            const auto fetched = QCoro::waitFor(client.fetchWeek(reg(week)));
            QVERIFY2(fetched, qPrintable(fetched.error()));
            QVERIFY(!fetched.value().games.isEmpty());
            for (const Game &game : fetched.value().games)
                QVERIFY2(isFinal(game.state) && game.home.score && game.visitor.score, qPrintable(game.eid));
            m_feedWeeks.insert(week, fetched.value().games);
            m_feedGames += int(fetched.value().games.size());
        }
        qInfo() << "feed serves" << m_feedGames << "games in" << RegularWeeks << "weeks";
    }

    void cleanup()
    {
        // A failed test must not leave the next one without its database.
        if (m_postgres && !m_postgres->isRunning())
            QVERIFY2(m_postgres->start(), qPrintable(m_postgres->errorString()));
    }

    void importOutage()
    {
        const QString storeUrl = m_postgres->createDatabase(u"importoutage"_s);
        GateProxy gate(quint16(m_feedUrl.port()));
        QVERIFY(gate.isListening());

        // One request at a time, in week order, so the gate decides exactly which weeks arrive when.
        Child fetch;
        fetch.process.start(bin(u"endzone-fetch"_s),
            {QString::number(Season), u"--type"_s, u"REG"_s, u"--concurrency"_s, u"1"_s, u"--timeout-ms"_s, u"30000"_s,
                u"--retries"_s, u"0"_s, u"--feed"_s, gate.url().toString(), u"--database"_s, storeUrl});
        QVERIFY(fetch.process.waitForStarted(10000));
        const auto report = qScopeGuard([&] {
            if (QTest::currentTestFailed())
                qInfo().noquote() << "gate forwarded" << gate.forwarded() << "held" << gate.held()
                                  << "\nendzone-fetch stdout:\n"
                                  << fetch.out << "\nendzone-fetch stderr:\n"
                                  << fetch.err;
        });

        // 1. Weeks 1-4 are fetched and stored; week 5's request waits at the gate.
        gate.allow(4);
        QTRY_VERIFY_WITH_TIMEOUT(fetch.lines(Stored) == 4 || fetch.finished(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(gate.held(), 1, 10000);
        QVERIFY2(!fetch.finished(), fetch.err.constData());
        QCOMPARE(storeFingerprint(storeUrl).rows, gamesIn({1, 2, 3, 4}));

        // 2. Week 5 arrives and its write waits on a lock; PostgreSQL goes away under it (fast shutdown: every
        //    session is terminated, the importer's in the middle of its transaction).
        {
            TableLock lock(storeUrl);
            QVERIFY2(lock.error().isEmpty(), qPrintable(lock.error()));
            gate.allow(1);
            QTRY_COMPARE_WITH_TIMEOUT(lock.waiters(), 1, 20000);
            m_postgres->stop();
            QVERIFY(!m_postgres->isRunning());
            QVERIFY2(!accepts(m_postgres->port()), "PostgreSQL still accepts connections after stop()");
        }
        // Week 5 is stored whole or named as failed, never half-stored: PostgreSQL signals the sessions one by one,
        // so the lock's can end first and let the importer's transaction commit before its own signal lands.
        QTRY_COMPARE_WITH_TIMEOUT(fetch.lines(Stored) + fetch.lines(Failed), 5, 30000);
        const bool week5Stored = fetch.lines(Stored) == 5;

        // An importer started now fails at once, with a clear error, rather than hanging or crashing.
        {
            QProcess late;
            late.start(bin(u"endzone-fetch"_s),
                {QString::number(Season), u"--type"_s, u"REG"_s, u"--week"_s, u"1"_s, u"--feed"_s, m_feedUrl.toString(),
                    u"--database"_s, storeUrl});
            QVERIFY(late.waitForFinished(30000));
            const QByteArray why = late.readAllStandardError();
            QCOMPARE(late.exitStatus(), QProcess::NormalExit);
            QVERIFY2(late.exitCode() == 1, why.constData());
            QVERIFY2(why.contains("cannot open"), why.constData());
        }

        // 3. Weeks 6-7 arrive while the database is down: they fail, are reported, and the import goes on.
        gate.allow(2);
        QTRY_COMPARE_WITH_TIMEOUT(fetch.lines(Stored) + fetch.lines(Failed), 7, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(gate.held(), 1, 10000);
        QVERIFY2(!fetch.finished(), fetch.err.constData());
        QCOMPARE(fetch.lines(Stored), week5Stored ? 5 : 4);

        // 4. PostgreSQL is back: weeks 8-17 are stored by the same run, which reconnects by itself.
        QVERIFY2(m_postgres->start(), qPrintable(m_postgres->errorString()));
        gate.open();
        QTRY_VERIFY_WITH_TIMEOUT(fetch.finished(), 60000);
        QCOMPARE(fetch.process.exitStatus(), QProcess::NormalExit); // no crash
        QCOMPARE(fetch.process.exitCode(), 1); // some weeks failed, and it says so
        QCOMPARE(gate.forwarded(), RegularWeeks);
        const QSet<int> expectedFailures = week5Stored ? QSet<int> {6, 7} : QSet<int> {5, 6, 7};
        QCOMPARE(fetch.lines(Stored), RegularWeeks - expectedFailures.size());
        const QHash<int, QString> failed = failedWeeks(fetch.err);
        QCOMPARE(QSet<int>(failed.keyBegin(), failed.keyEnd()), expectedFailures);
        for (auto it = failed.cbegin(); it != failed.cend(); ++it) {
            QVERIFY2(it.value().startsWith(u"cannot store in postgresql://"_s), qPrintable(it.value()));
            qInfo().noquote() << "week" << it.key() << "failed:" << it.value().simplified();
        }
        // Weeks 6 and 7 came after PostgreSQL had exited: the reason is that, not an earlier connection's error.
        for (int week : {6, 7})
            QVERIFY2(failed.value(week).contains(u"Connection refused"_s), qPrintable(failed.value(week)));
        QVERIFY2(fetch.err.contains(u"Stored %1 weeks"_s.arg(RegularWeeks - expectedFailures.size()).toUtf8()),
            fetch.err.constData());
        qInfo().noquote() << "first run:" << QString::fromUtf8(fetch.err).split(u'\n').filter(u"Stored "_s).value(0)
                          << "(week 5, in flight at the stop," << (week5Stored ? "committed)" : "rolled back)");
        QList<int> firstRun;
        for (int week = 1; week <= RegularWeeks; ++week) {
            if (!expectedFailures.contains(week))
                firstRun.append(week);
        }
        verifyStoreMatchesFeed(storeUrl, firstRun);
        if (QTest::currentTestFailed())
            return;
        const int afterFirst = gamesIn(firstRun);

        // 5. A re-run completes the season: only the failed weeks' games are inserted, nothing else changes.
        Child rerun;
        rerun.process.start(bin(u"endzone-fetch"_s),
            {QString::number(Season), u"--type"_s, u"REG"_s, u"--quiet"_s, u"--feed"_s, m_feedUrl.toString(),
                u"--database"_s, storeUrl});
        QTRY_VERIFY_WITH_TIMEOUT(rerun.finished(), 60000);
        QCOMPARE(rerun.process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(rerun.process.exitCode() == 0, rerun.err.constData());
        const QString summary
            = u"%1 games inserted, 0 updated, %2 unchanged; 0 weeks failed"_s.arg(gamesIn(expectedFailures.values()))
                  .arg(afterFirst);
        QVERIFY2(rerun.err.contains(summary.toUtf8()), rerun.err.constData());
        verifyStoreMatchesFeed(storeUrl, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});
        qInfo() << "games stored before the outage" << gamesIn({1, 2, 3, 4}) << "after the first run" << afterFirst
                << "after the re-run" << m_feedGames << "of" << m_feedGames;
    }

    // Every reader of one long-lived GameStore (as the desktop app and the server hold one) fails cleanly while
    // PostgreSQL is down and answers again as the first call after it came back: no caller has to reconnect.
    void storeReadersRecover()
    {
        const QString storeUrl = m_postgres->createDatabase(u"readersrecover"_s);
        auto opened = GameStore::open(storeUrl);
        QVERIFY2(opened, qPrintable(opened.error()));
        GameStore *store = opened.value().get();
        const QList<Game> week1 = m_feedWeeks.value(1);
        QVERIFY(store->upsertWeek({reg(1), FeedDialect::Ajax, week1}));
        const QString team = week1.first().home.abbreviation;

        using Reader = std::function<QString()>; // empty when the read worked and gave the right answer
        const auto check = [](bool ok, const QString &error) {
            return ok ? QString() : error;
        };
        const QList<std::pair<QString, Reader>> readers {
            {u"week"_s,
                [&] {
                    const auto r = store->week(reg(1));
                    return r ? check(r.value().size() == week1.size(), u"wrong size"_s) : r.error();
                }},
            {u"game"_s,
                [&] {
                    const auto r = store->game(week1.first().eid);
                    return r ? check(r.value().has_value(), u"missing"_s) : r.error();
                }},
            {u"teamSeason"_s,
                [&] {
                    const auto r = store->teamSeason(Season, team);
                    return r ? check(r.value().size() == 1, u"wrong size"_s) : r.error();
                }},
            {u"teamGames"_s,
                [&] {
                    const auto r = store->teamGames(team);
                    return r ? check(r.value().size() == 1, u"wrong size"_s) : r.error();
                }},
            {u"standings"_s,
                [&] {
                    const auto r = store->standings(Season);
                    return r ? check(r.value().size() == 2 * week1.size(), u"wrong size"_s) : r.error();
                }},
            {u"seasons"_s,
                [&] {
                    const auto r = store->seasons();
                    return r ? check(r.value() == QList<int> {Season}, u"wrong seasons"_s) : r.error();
                }},
            {u"weeks"_s,
                [&] {
                    const auto r = store->weeks(Season);
                    return r ? check(r.value() == QList<WeekKey> {reg(1)}, u"wrong weeks"_s) : r.error();
                }},
            {u"gameCount"_s,
                [&] {
                    const auto r = store->gameCount();
                    return r ? check(r.value() == week1.size(), u"wrong count"_s) : r.error();
                }},
        };
        for (const auto &[name, read] : readers) {
            QVERIFY2(read().isEmpty(), qPrintable(name));
            m_postgres->stop();
            const QString down = read();
            QVERIFY2(down.contains(u"unavailable"_s), qPrintable(u"%1 while down: %2"_s.arg(name, down)));
            QVERIFY2(m_postgres->start(), qPrintable(m_postgres->errorString()));
            const QString back = read(); // the first call after the restart
            QVERIFY2(back.isEmpty(), qPrintable(u"%1 after the restart: %2"_s.arg(name, back)));
            // And without a call while it was down: the restart alone leaves the connection dead.
            m_postgres->stop();
            QVERIFY2(m_postgres->start(), qPrintable(m_postgres->errorString()));
            const QString again = read();
            QVERIFY2(again.isEmpty(), qPrintable(u"%1 after a restart it did not see: %2"_s.arg(name, again)));
        }
    }

    void servingOutage()
    {
        const QString storeUrl = m_postgres->createDatabase(u"servingoutage"_s);
        // Weeks 1-16 are stored; week 17 is left for the server's feed fallback (its write path).
        {
            auto store = GameStore::open(storeUrl);
            QVERIFY2(store, qPrintable(store.error()));
            FeedClient feed(m_feedUrl);
            QList<WeekKey> weeks;
            for (int week = 1; week < RegularWeeks; ++week)
                weeks.append(reg(week));
            SeasonImportJob job(&feed, store.value().get(), weeks, 4);
            QVERIFY(QCoro::waitFor(job.run()).ok());
        }
        const StoreFingerprint before = storeFingerprint(storeUrl);
        QCOMPARE(before.rows, m_feedGames - int(m_feedWeeks.value(RegularWeeks).size()));

        ServerProcess server;
        QVERIFY2(server.start({u"--database"_s, storeUrl, u"--feed"_s, m_feedUrl.toString()}),
            qPrintable(server.errorString()));
        const qint64 pid = server.pid();
        const auto url = [&server](const QString &path) {
            return QUrl(u"http://127.0.0.1:%1%2"_s.arg(server.port()).arg(path));
        };
        const QString eid = m_feedWeeks.value(3).first().eid;
        const QStringList storePaths {
            u"/api/season/2015/4"_s, u"/api/games/"_s + eid, u"/api/season/2015/standings"_s, u"/api/season/2015/17"_s};

        // Up: week 3 comes from the store (and is now in the memory cache: no Redis), the others answer too.
        const HttpResult week3 = httpRequest(url(u"/api/season/2015/3"_s));
        QCOMPARE(week3.status, 200);
        QCOMPARE(week3.headers.value("x-cache"), "store");
        QCOMPARE(QJsonDocument::fromJson(week3.body).array(), weekJson(m_feedWeeks.value(3)));
        const HttpResult game = httpRequest(url(u"/api/games/"_s + eid));
        QCOMPARE(game.status, 200);
        const HttpResult standings = httpRequest(url(u"/api/season/2015/standings"_s));
        QCOMPARE(standings.status, 200);
        QCOMPARE(QJsonDocument::fromJson(standings.body).array().size(), 32);

        // A request caught in the middle of its read (waiting on a lock) when PostgreSQL goes away: a JSON 503.
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> inFlight;
        {
            TableLock lock(storeUrl);
            QVERIFY2(lock.error().isEmpty(), qPrintable(lock.error()));
            QNetworkRequest request(url(u"/api/season/2015/5"_s));
            request.setTransferTimeout(30000);
            inFlight.reset(network.get(request));
            QTRY_COMPARE_WITH_TIMEOUT(lock.waiters(), 1, 20000);
            m_postgres->stop();
            QVERIFY(!m_postgres->isRunning());
            QVERIFY2(!accepts(m_postgres->port()), "PostgreSQL still accepts connections after stop()");
        }
        QTRY_VERIFY_WITH_TIMEOUT(inFlight->isFinished(), 30000);
        const int inFlightStatus = inFlight->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray inFlightBody = inFlight->readAll();
        qInfo().noquote() << "in flight:" << inFlightStatus << inFlightBody;
        if (inFlightStatus == 200) {
            // PostgreSQL signals its sessions one by one: the lock's can end first and let the read finish.
            QCOMPARE(QJsonDocument::fromJson(inFlightBody).array(), weekJson(m_feedWeeks.value(5)));
        } else {
            QCOMPARE(inFlightStatus, 503);
            // The client learns what failed, never where the database runs (the log has that).
            QCOMPARE(
                QJsonDocument::fromJson(inFlightBody).object().value(u"error"_s).toString(), u"database unavailable"_s);
        }

        // Down: everything that needs the store is a JSON 503 with Retry-After, quickly; nothing crashes.
        int unavailable = inFlightStatus == 503 ? 1 : 0, cached = 0, index = 0; // the request in flight too
        qint64 slowest = 0;
        constexpr int Rounds = 5;
        for (int round = 0; round < Rounds; ++round) {
            for (const QString &path : storePaths) {
                QElapsedTimer took;
                took.start();
                const HttpResult down = httpRequest(url(path));
                slowest = std::max(slowest, took.elapsed());
                QVERIFY2(down.status == 503, qPrintable(u"%1: %2 %3"_s.arg(path).arg(down.status).arg(down.error)));
                QCOMPARE(down.headers.value("content-type"), "application/json");
                QCOMPARE(down.headers.value("retry-after"), "5");
                const QJsonObject error = QJsonDocument::fromJson(down.body).object();
                QCOMPARE(error.value(u"status"_s).toInt(), 503);
                QCOMPARE(error.value(u"error"_s).toString(), u"database unavailable"_s);
                ++unavailable;
                if (round == 0)
                    qInfo().noquote() << path << down.status << down.body;
            }
            // What the server already holds in memory still answers: the week cached above, and the index.
            const HttpResult memory = httpRequest(url(u"/api/season/2015/3"_s));
            QCOMPARE(memory.status, 200);
            QCOMPARE(memory.headers.value("x-cache"), "memory");
            QCOMPARE(memory.body, week3.body);
            ++cached;
            QCOMPARE(httpRequest(url(u"/api/"_s)).status, 200);
            ++index;
        }
        QVERIFY(server.isRunning());
        QCOMPARE(server.pid(), pid);

        // Back: the same process answers 200 again, with the same data, without a restart.
        QVERIFY2(m_postgres->start(), qPrintable(m_postgres->errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(httpRequest(url(u"/api/games/"_s + eid)).status, 200, 15000);
        QCOMPARE(server.pid(), pid);
        QVERIFY(server.isRunning());
        QCOMPARE(httpRequest(url(u"/api/games/"_s + eid)).body, game.body);
        QCOMPARE(httpRequest(url(u"/api/season/2015/standings"_s)).body, standings.body);
        const HttpResult week5 = httpRequest(url(u"/api/season/2015/5"_s));
        QCOMPARE(week5.status, 200);
        QCOMPARE(QJsonDocument::fromJson(week5.body).array(), weekJson(m_feedWeeks.value(5)));
        const HttpResult week4 = httpRequest(url(u"/api/season/2015/4"_s));
        QCOMPARE(week4.status, 200);
        QCOMPARE(week4.headers.value("x-cache"), "store");
        QCOMPARE(QJsonDocument::fromJson(week4.body).array(), weekJson(m_feedWeeks.value(4)));
        QCOMPARE(httpRequest(url(u"/api/season/2015/3"_s)).body, week3.body);
        QCOMPARE(storeFingerprint(storeUrl), before); // the outage lost and changed nothing

        // The write path works again: week 17 comes from the feed, is stored once, and is then served.
        const HttpResult week17 = httpRequest(url(u"/api/season/2015/17"_s));
        QCOMPARE(week17.status, 200);
        QCOMPARE(week17.headers.value("x-cache"), "feed");
        QCOMPARE(QJsonDocument::fromJson(week17.body).array(), weekJson(m_feedWeeks.value(RegularWeeks)));
        const StoreFingerprint written = storeFingerprint(storeUrl);
        QCOMPARE(written.rows, m_feedGames);
        QCOMPARE(httpRequest(url(u"/api/season/2015/17"_s)).body, week17.body);
        QCOMPARE(storeFingerprint(storeUrl), written); // asking again stores nothing twice
        verifyStoreMatchesFeed(storeUrl, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});
        QCOMPARE(server.pid(), pid);
        QVERIFY2(server.terminate(), server.output().constData()); // still healthy: a clean exit on SIGTERM
        qInfo() << "while down:" << unavailable << "answers 503," << cached << "cached week 200," << index
                << "index 200; slowest 503" << slowest << "ms; games before" << before.rows << "after recovery"
                << before.rows << "after the write" << written.rows;
    }

    void cleanupTestCase()
    {
        if (m_feed.process.state() != QProcess::NotRunning) {
            m_feed.process.terminate();
            m_feed.process.waitForFinished(10000);
        }
    }
};

QTEST_GUILESS_MAIN(PgOutageTest)
#include "pgoutagetest.moc"
