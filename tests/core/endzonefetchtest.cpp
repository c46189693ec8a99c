// The endzone-fetch command line, run as a process against endzone-feed processes.
#include "gamestore.h"
#include "livemessage.h"
#include "postgresserver.h"
#include "redisclient.h"
#include "redisserver.h"
#include "redissubscriber.h"
#include "ssestream.h"
#include "testdata.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class EndzoneFetchTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_bin = qEnvironmentVariable("ENDZONE_BIN_DIR");

    // Starts `program` (from ENDZONE_BIN_DIR) with `arguments` and --listen on a free port; returns the port once it
    // accepts connections, 0 if it did not within about 20 s.
    quint16 startListening(QProcess &process, const QString &program, QStringList arguments)
    {
        const auto port = Test::freePort();
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(m_bin + u'/' + program, arguments << u"--listen"_s << u"127.0.0.1:%1"_s.arg(port));
        if (!process.waitForStarted())
            return 0;
        for (int i = 0; i < 200 && process.state() == QProcess::Running; ++i) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, port);
            if (probe.waitForConnected(100))
                return port;
            QTest::qWait(50);
        }
        return 0;
    }
    // Starts endzone-feed with `arguments`; returns its base URL.
    QString startFeed(QProcess &feed, QStringList arguments)
    {
        const quint16 port = startListening(feed, u"endzone-feed"_s, std::move(arguments));
        return port ? u"http://127.0.0.1:%1"_s.arg(port) : QString();
    }
    // The entries of a Redis Stream, oldest first: {id, payload}.
    static QList<std::pair<QByteArray, QByteArray>> streamEntries(const QUrl &redis, const QByteArray &stream)
    {
        RedisClient client(redis);
        const QList<QByteArray> range {"XRANGE", stream, "-", "+"};
        const auto reply = QCoro::waitFor(client.command(range));
        if (!reply) {
            qWarning() << "XRANGE failed:" << reply.error();
            return {};
        }
        QList<std::pair<QByteArray, QByteArray>> entries;
        for (const RedisReply &entry : reply.value().elements) // [id, [payload, <message>]]
            entries.append({entry.elements.at(0).string, entry.elements.at(1).elements.at(1).string});
        return entries;
    }

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(m_bin + u'/' + program, arguments);
        process.waitForFinished(300000);
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
    }
    Run fetch(const QStringList &arguments) { return run(u"endzone-fetch"_s, arguments); }

private Q_SLOTS:
    void season2007Standings()
    {
        const auto shared = Test::sharedScorestripDir();
        if (shared.isEmpty())
            QSKIP("../shared/data/scorestrip is not beside the project");
        QProcess feed;
        const auto url = startFeed(feed, {u"--dir"_s, shared + u"/archive"_s});
        QVERIFY(!url.isEmpty());
        const QString database = u"sqlite://"_s + m_dir.filePath(u"2007.sqlite"_s);
        const auto run = fetch({u"2007"_s, u"--feed"_s, url, u"--database"_s, database});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(
            run.out.contains(
                u"Season 2007/REG. Week 17. Game ID 2007122900, NE @ NYG, scheduled at 2007-12-29T20:15:00-05:00 inserted in database"_s),
            qPrintable(run.out.left(2000)));
        QVERIFY(run.out.contains(u"All games for Season 2007/REG. Week 17 processed!"_s));
        feed.kill();
        feed.waitForFinished();

        auto store = GameStore::open(database);
        QVERIFY(store);
        const auto standings = store.value()->standings(2007);
        QVERIFY(standings);
        QCOMPARE(standings.value().first(), (Standing {u"NE"_s, 16, 0, 0, 589, 274}));
    }

    void failedWeeksAreNamedAndRerunIsIdempotent()
    {
        QProcess feed;
        const auto url
            = startFeed(feed, {u"--synthetic"_s, u"2015"_s, u"--fail-rate"_s, u"0.3"_s, u"--seed"_s, u"7"_s});
        QVERIFY(!url.isEmpty());
        const QString database = u"sqlite://"_s + m_dir.filePath(u"2015.sqlite"_s);
        // No retries: some weeks fail, and each is named.
        const auto first
            = fetch({u"2015"_s, u"--feed"_s, url, u"--database"_s, database, u"--retries"_s, u"0"_s, u"--quiet"_s});
        QCOMPARE(first.exitCode, 1);
        const int failedWeeks = first.err.count(u"FAILED: Season 2015/"_s);
        QVERIFY2(failedWeeks > 0, qPrintable(first.err));
        QVERIFY(first.err.contains(u"HTTP 500"_s));
        QVERIFY(first.out.isEmpty());
        // With retries the rest arrives; nothing already stored is rewritten.
        const auto second
            = fetch({u"2015"_s, u"--feed"_s, url, u"--database"_s, database, u"--retries"_s, u"10"_s, u"--quiet"_s});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(u"0 updated"_s), qPrintable(second.err));
        const auto third = fetch({u"2015"_s, u"--feed"_s, url, u"--database"_s, database, u"--retries"_s, u"10"_s,
            u"--week"_s, u"12"_s, u"--type"_s, u"REG"_s});
        QCOMPARE(third.exitCode, 0);
        QCOMPARE(third.out.count(u"unchanged in database"_s), 16);
        QVERIFY(third.err.contains(u"0 games inserted, 0 updated, 16 unchanged"_s));
    }

    // --publish appends to the live stream, as the watcher does, and an endzone-server reading that Redis streams it
    // to its clients: the update's id is the entry's id.
    void publishCurrentWeekOnTheStream()
    {
        Test::RedisServer redis;
        if (!redis.startOrSkip())
            return;
        QProcess feed;
        const auto url = startFeed(feed, {u"--synthetic"_s, u"2015"_s});
        QVERIFY(!url.isEmpty());
        QProcess server;
        const quint16 port = startListening(server, u"endzone-server"_s,
            {u"--config"_s, m_dir.filePath(u"none.conf"_s), u"--database"_s,
                u"sqlite://"_s + m_dir.filePath(u"server.sqlite"_s), u"--feed"_s, url, u"--redis"_s,
                redis.url().toString()});
        QVERIFY(port != 0);
        SseStream sse(QUrl(u"http://127.0.0.1:%1/api/livescore"_s.arg(port)));
        QList<SseEvent> events;
        connect(&sse, &SseStream::eventReceived, this, [&events](const SseEvent &event) { events.append(event); });
        sse.start();
        QTRY_COMPARE_WITH_TIMEOUT(sse.state(), SseStream::State::Open, 10000);

        const QString database = u"sqlite://"_s + m_dir.filePath(u"publish.sqlite"_s);
        const auto run = fetch(
            {u"--publish"_s, u"--feed"_s, url, u"--database"_s, database, u"--redis"_s, redis.url().toString()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(
            run.out.contains(u"Published Season 2015/REG. Week 1 on stream endzone:live:stream (16 games changed)"_s),
            qPrintable(run.out));
        const auto entries = streamEntries(redis.url(), "endzone:live:stream");
        QCOMPARE(entries.size(), 1);
        const LiveMessage message = LiveMessage::decode(entries[0].second);
        QCOMPARE(message.key, std::optional(WeekKey {2015, SeasonType::Reg, 1}));
        QCOMPARE(QJsonDocument::fromJson(message.weekJson).array().size(), 16);
        QCOMPARE(message.changedGames.size(), 16);
        // The server's client: one update (the week) with the entry's id, then one game event per changed game.
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 17, 10000);
        QCOMPARE(events[0].event, u"update"_s);
        QCOMPARE(events[0].id, entries[0].first);
        QCOMPARE(events[0].data, message.weekJson);
        for (int i = 0; i < 16; ++i) {
            QCOMPARE(events[1 + i].event, u"game"_s);
            QCOMPARE(events[1 + i].data, message.changedGames[i]);
        }
        // The week went through the store too.
        auto store = GameStore::open(database);
        QVERIFY(store);
        QCOMPARE(store.value()->gameCount().value(), 16);
        // Without Redis there is nobody to publish to: a clear error, not a silent success.
        const auto noRedis = fetch({u"--publish"_s, u"--feed"_s, url, u"--database"_s, database});
        QCOMPARE(noRedis.exitCode, 2);
        QVERIFY(noRedis.err.contains(u"--publish needs a Redis server"_s));
    }

    // Only the leader writes the stream: --publish took the watchers' lease for its write and gave it back; while
    // a watcher holds it, --publish refuses and writes nothing.
    void publishLeavesTheStreamToARunningWatcher()
    {
        Test::RedisServer redis;
        if (!redis.startOrSkip())
            return;
        QProcess feed;
        const auto url = startFeed(feed, {u"--synthetic"_s, u"2015"_s});
        QVERIFY(!url.isEmpty());
        const QString database = u"sqlite://"_s + m_dir.filePath(u"lease.sqlite"_s);
        const QStringList publish {
            u"--publish"_s, u"--feed"_s, url, u"--database"_s, database, u"--redis"_s, redis.url().toString()};
        const auto first = fetch(publish);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        RedisClient client(redis.url());
        const auto leaseKey = QCoro::waitFor(client.command({"EXISTS", "endzone:watcher:leader"}));
        QVERIFY2(leaseKey, qPrintable(leaseKey.error()));
        QCOMPARE(leaseKey.value().integer, 0); // released on exit, not left for its ttl

        const auto taken = QCoro::waitFor(client.command({"SET", "endzone:watcher:leader", "another-watcher"}));
        QVERIFY2(taken, qPrintable(taken.error()));
        const auto refused = fetch(publish);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"a live watcher (endzone-server --watch) leads"_s), qPrintable(refused.err));
        QCOMPARE(streamEntries(redis.url(), "endzone:live:stream").size(), 1);
        const auto holder = QCoro::waitFor(client.command({"GET", "endzone:watcher:leader"}));
        QVERIFY2(holder, qPrintable(holder.error()));
        QCOMPARE(holder.value().string, QByteArray("another-watcher")); // the watcher's lease is untouched
    }

    // With the stream turned off (--stream none), the old way: PUBLISH on --channel, and no stream at all.
    void publishOnTheOldChannelWithoutStream()
    {
        Test::RedisServer redis;
        if (!redis.startOrSkip())
            return;
        RedisSubscriber subscriber(redis.url(), "endzone:test:old");
        QSignalSpy subscribed(&subscriber, &RedisSubscriber::resubscribed);
        QVERIFY(subscribed.wait(5000));
        QSignalSpy received(&subscriber, &RedisSubscriber::messageReceived);
        QProcess feed;
        const auto url = startFeed(feed, {u"--synthetic"_s, u"2015"_s});
        QVERIFY(!url.isEmpty());
        const QString database = u"sqlite://"_s + m_dir.filePath(u"channel.sqlite"_s);
        const auto run = fetch({u"--publish"_s, u"--feed"_s, url, u"--database"_s, database, u"--redis"_s,
            redis.url().toString(), u"--stream"_s, u"none"_s, u"--channel"_s, u"endzone:test:old"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(
            run.out.contains(u"Published Season 2015/REG. Week 1 on channel endzone:test:old (16 games changed)"_s),
            qPrintable(run.out));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        const auto message = QJsonDocument::fromJson(received.at(0).at(0).toByteArray()).object();
        QCOMPARE(message.value(u"games"_s).toArray().size(), 16);
        QVERIFY(streamEntries(redis.url(), "endzone:live:stream").isEmpty());
    }

    void espnSeasonHas18WeeksAndItsStandings()
    {
        // A finished 2023 season in ESPN's shape: 18 regular weeks of 16 games, every club 17 games.
        QProcess feed;
        const auto url = startFeed(feed,
            {u"--synthetic"_s, u"2023"_s, u"--format"_s, u"espn"_s, u"--start"_s, u"2024-03-01T12:00:00Z"_s,
                u"--speed"_s, u"0"_s});
        QVERIFY(!url.isEmpty());
        const QString database = u"sqlite://"_s + m_dir.filePath(u"espn2023.sqlite"_s);
        const auto run = fetch(
            {u"2023"_s, u"--type"_s, u"REG"_s, u"--source"_s, u"espn"_s, u"--feed"_s, url, u"--database"_s, database});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(
            run.out.contains(u"All games for Season 2023/REG. Week 18 processed!"_s), qPrintable(run.out.right(500)));
        QCOMPARE(run.out.count(u"inserted in database"_s), 272);
        auto store = GameStore::open(database);
        QVERIFY(store);
        const auto weeks = store.value()->weeks(2023).value();
        QCOMPARE(weeks.size(), 18);
        QCOMPARE(weeks.constLast(), (WeekKey {2023, SeasonType::Reg, 18}));
        const auto standings = store.value()->standings(2023).value();
        QCOMPARE(standings.size(), 32);
        int wins = 0, losses = 0;
        for (const auto &team : standings) {
            QCOMPARE(team.wins + team.losses + team.ties, 17);
            wins += team.wins;
            losses += team.losses;
        }
        QCOMPARE(wins, losses);
        // Each club's one bye: four a week in weeks 5-12, stored with the week (ESPN's week.teamsOnBye).
        QCOMPARE(store.value()->week({2023, SeasonType::Reg, 5}).value().size(), 14);
        QCOMPARE(store.value()->byes({2023, SeasonType::Reg, 5}).value().size(), 4);
        QSet<QString> onBye;
        for (int week = 1; week <= 18; ++week) {
            const auto byes = store.value()->byes({2023, SeasonType::Reg, week});
            QVERIFY(byes);
            for (const auto &team : byes.value())
                onBye.insert(team);
        }
        QCOMPARE(onBye.size(), 32);
    }

    void espnDetailsAreStoredWithTheWeek()
    {
        QProcess feed;
        const auto url = startFeed(feed,
            {u"--synthetic"_s, u"2025"_s, u"--format"_s, u"espn"_s, u"--start"_s, u"2026-03-01T12:00:00Z"_s,
                u"--speed"_s, u"0"_s});
        QVERIFY(!url.isEmpty());
        const QString database = u"sqlite://"_s + m_dir.filePath(u"details.sqlite"_s);
        const auto run = fetch({u"2025"_s, u"--type"_s, u"REG"_s, u"--week"_s, u"3"_s, u"--source"_s, u"espn"_s,
            u"--feed"_s, url, u"--database"_s, database, u"--details"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(u"summary stored"_s), 16);
        QVERIFY2(run.err.contains(u"Stored 16 game summaries; 0 failed."_s), qPrintable(run.err));
        auto store = GameStore::open(database);
        QVERIFY(store);
        const auto games = store.value()->week({2025, SeasonType::Reg, 3}).value();
        QCOMPARE(games.size(), 16);
        for (const auto &game : games) {
            QVERIFY(!game.espnId.isEmpty());
            const auto detail = store.value()->detail(game.eid).value();
            QVERIFY2(detail && !detail->drives.isEmpty(), qPrintable(game.eid));
            QCOMPARE(detail->scoringPlays.isEmpty() ? 0 : detail->scoringPlays.constLast().homeScore,
                game.home.score.value_or(0));
        }
        // --details needs the source that has plays.
        const auto scorestrip = fetch({u"2025"_s, u"--source"_s, u"scorestrip"_s, u"--details"_s});
        QCOMPARE(scorestrip.exitCode, 2);
        QVERIFY(scorestrip.err.contains(u"--details needs the ESPN source"_s));
    }

    void publishRefusesWhatItWouldIgnore()
    {
        const auto run = fetch({u"--publish"_s, u"2015"_s, u"--week"_s, u"12"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"cannot be combined with seasons, --week"_s), qPrintable(run.err));
    }

    void badArguments()
    {
        const auto run = fetch({u"19x0"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"is not a season"_s), qPrintable(run.err));
        QCOMPARE(fetch({u"2015"_s, u"--type"_s, u"XYZ"_s}).exitCode, 2);
        const auto noStore = fetch({u"2015"_s, u"--database"_s, u"mysql://x/y"_s});
        QCOMPARE(noStore.exitCode, 1);
        QVERIFY(noStore.err.contains(u"unsupported database URL"_s));
        const auto badSource = fetch({u"2015"_s, u"--source"_s, u"nfl"_s});
        QCOMPARE(badSource.exitCode, 2);
        QVERIFY(badSource.err.contains(u"unknown source \"nfl\": use espn or scorestrip"_s));
    }

    // A numeric option that is not a number in its range stops every program before it does anything: read as
    // 0, `--max-header-bytes 16k` would have had a server answer every request 431.
    void badNumbersAreRefused_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("fetch --concurrency 0")
            << u"endzone-fetch"_s << QStringList {u"2015"_s, u"--concurrency"_s, u"0"_s}
            << u"endzone-fetch: --concurrency wants a whole number from 1 to 256, got \"0\""_s;
        QTest::newRow("fetch --retries ten")
            << u"endzone-fetch"_s << QStringList {u"2015"_s, u"--retries"_s, u"ten"_s}
            << u"endzone-fetch: --retries wants a whole number from 0 to 100, got \"ten\""_s;
        QTest::newRow("server --max-header-bytes 16k")
            << u"endzone-server"_s << QStringList {u"--max-header-bytes"_s, u"16k"_s}
            << u"endzone-server: --max-header-bytes wants a whole number from 1024 to 16777216, got \"16k\""_s;
        QTest::newRow("server --sse-threads 500")
            << u"endzone-server"_s << QStringList {u"--sse-threads"_s, u"500"_s}
            << u"endzone-server: --sse-threads wants a whole number from 0 to 64, got \"500\""_s;
        QTest::newRow("feed --fail-rate 30%")
            << u"endzone-feed"_s << QStringList {u"--synthetic"_s, u"2015"_s, u"--fail-rate"_s, u"30%"_s}
            << u"endzone-feed: --fail-rate wants a number from 0 to 1, got \"30%\""_s;
        QTest::newRow("feed --max-age -1")
            << u"endzone-feed"_s << QStringList {u"--synthetic"_s, u"2015"_s, u"--max-age"_s, u"-1"_s}
            << u"endzone-feed: --max-age wants a whole number from 0 to 86400, got \"-1\""_s;
        QTest::newRow("feed --start yesterday")
            << u"endzone-feed"_s << QStringList {u"--synthetic"_s, u"2015"_s, u"--start"_s, u"yesterday"_s}
            << u"endzone-feed: --start wants an ISO 8601 time, got \"yesterday\""_s;
    }
    void badNumbersAreRefused()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        // A store of its own (the feed has none), which a program that wrongly went ahead would create.
        const QString store = m_dir.filePath(u"refused.sqlite"_s);
        const bool hasStore = program != u"endzone-feed"_s;
        const auto result = run(
            program, arguments + (hasStore ? QStringList {u"--database"_s, u"sqlite://"_s + store} : QStringList()));
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY(!QFile::exists(store));
    }
};

QTEST_GUILESS_MAIN(EndzoneFetchTest)
#include "endzonefetchtest.moc"
