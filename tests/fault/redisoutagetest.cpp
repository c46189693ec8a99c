#include "apitestsupport.h"
#include "faultsupport.h"
#include "feedserver.h"
#include "gamestore.h"
#include "livebus.h"
#include "livecontroller.h"
#include "livemessage.h"
#include "redisclient.h"
#include "redisserver.h"
#include "redisstreamreader.h"
#include "scoreboardmodel.h"
#include "scorestripwriter.h"
#include "syntheticseason.h"

#include <QAbstractItemModelTester>
#include <QCoroTask>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Endzone;
using namespace Endzone::Test;

namespace {

constexpr WeekKey Week {2015, SeasonType::Reg, 1};
constexpr double Speed = 1500; // synthetic seconds per real second: a game lasts 7.8 s, 9 s with overtime
constexpr int StaggerMs = 700; // game i kicks off i * 700 ms after the start: they finish one by one

// The feed's week, scripted: every game of the synthetic 2015 week 1 plays at `Speed` from its own start, so all
// sixteen are live together, score, and go final one after another within about 20 s.
class ScriptedWeek
{
public:
    ScriptedWeek() : m_schedule(m_season.week(Week, QDateTime::fromSecsSinceEpoch(0)).games) { }

    [[nodiscard]] ParsedWeek at(qint64 elapsedMs) const
    {
        ParsedWeek week {Week, FeedDialect::LiveUpdate, {}};
        for (qsizetype i = 0; i < m_schedule.size(); ++i) {
            const qint64 played = qint64(double(elapsedMs - i * StaggerMs) * Speed / 1000.0);
            week.games.append(m_season.week(Week, m_schedule.at(i).kickoff.addSecs(played)).games.at(i));
        }
        return week;
    }
    [[nodiscard]] qsizetype size() const { return m_schedule.size(); }

private:
    SyntheticSeason m_season {2015};
    QList<Game> m_schedule;
};

int finalCount(const QList<Game> &games)
{
    return int(std::count_if(games.cbegin(), games.cend(), [](const Game &g) { return isFinal(g.state); }));
}

int scoredCount(const QList<Game> &games)
{
    return int(std::count_if(games.cbegin(), games.cend(),
        [](const Game &g) { return g.home.score.value_or(0) + g.visitor.score.value_or(0) > 0; }));
}

QList<Game> gamesFromJson(const QByteArray &json)
{
    QList<Game> games;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
        if (auto game = Game::fromJson(value.toObject()))
            games.append(*game);
    }
    return games;
}

// "Equal to the store": the same games, field by field (Game's operator==), whatever the order.
QString difference(QList<Game> view, QList<Game> store)
{
    auto byEid = [](const Game &a, const Game &b) {
        return a.eid < b.eid;
    };
    std::sort(view.begin(), view.end(), byEid);
    std::sort(store.begin(), store.end(), byEid);
    if (view.size() != store.size())
        return u"%1 games, the store has %2"_s.arg(view.size()).arg(store.size());
    for (qsizetype i = 0; i < view.size(); ++i) {
        if (!(view.at(i) == store.at(i)))
            return u"%1 is %2, the store has %3"_s.arg(store.at(i).eid,
                QString::fromUtf8(QJsonDocument(view.at(i).toJson()).toJson(QJsonDocument::Compact)),
                QString::fromUtf8(QJsonDocument(store.at(i).toJson()).toJson(QJsonDocument::Compact)));
    }
    return {};
}

// What an SSE client shows: the games of the latest `update`, with every later `game` event applied.
QList<Game> sseView(const SseTestClient &client)
{
    QList<Game> games;
    for (const SseEvent &event : client.events()) {
        if (event.event == u"update"_s) {
            games = gamesFromJson(event.data);
        } else if (event.event == u"game"_s) {
            const auto game = Game::fromJson(QJsonDocument::fromJson(event.data).object());
            if (!game)
                continue;
            const auto it = std::find_if(games.begin(), games.end(), [&](const Game &g) { return g.eid == game->eid; });
            if (it != games.end())
                *it = *game;
            else
                games.append(*game);
        }
    }
    return games;
}

QCoro::Task<bool> setKey(RedisClient *redis, QByteArray key, QByteArray value)
{
    co_return bool(co_await redis->set(key, value, 60s));
}

QCoro::Task<qint64> leaseTtlMs(RedisClient *redis)
{
    QList<QByteArray> args {QByteArrayLiteral("PTTL"), QByteArrayLiteral("endzone:watcher:leader")};
    const auto reply = co_await redis->command(std::move(args));
    co_return reply ? reply.value().integer : -3;
}

QCoro::Task<bool> deleteKey(RedisClient *redis, QByteArray key)
{
    co_return bool(co_await redis->del(key));
}

// A TCP relay to Redis for one group of clients. While cut, it accepts and at once closes every connection, so
// those clients keep failing and backing off after Redis is back: a slow network path, or a backoff that happens
// to retry late. It makes "the catch-up was published while this subscriber was still away" certain.
class RedisPath : public QTcpServer
{
public:
    explicit RedisPath(quint16 upstream) : m_upstream(upstream) { listen(QHostAddress::LocalHost, 0); }

    [[nodiscard]] QUrl url() const { return QUrl(u"redis://127.0.0.1:%1/0"_s.arg(serverPort())); }
    void cut()
    {
        m_open = false;
        for (const auto &socket : std::as_const(m_sockets)) {
            if (socket)
                socket->abort();
        }
        m_sockets.clear();
    }
    void restore() { m_open = true; }
    [[nodiscard]] int refused() const { return m_refused; }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *client = new QTcpSocket(this);
        client->setSocketDescriptor(handle);
        if (!m_open) {
            ++m_refused;
            client->abort();
            client->deleteLater();
            return;
        }
        auto *upstream = new QTcpSocket(client);
        auto pending = std::make_shared<QByteArray>();
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream, pending] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
            else
                *pending += client->readAll();
        });
        connect(upstream, &QTcpSocket::connected, upstream, [upstream, pending] { upstream->write(*pending); });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        // Either side gone: both go, as a crashed Redis or a broken path would leave them.
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::abort);
        connect(upstream, &QTcpSocket::errorOccurred, client, &QTcpSocket::abort);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        m_sockets.append(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
    }

private:
    quint16 m_upstream;
    bool m_open = true;
    int m_refused = 0;
    QList<QPointer<QTcpSocket>> m_sockets;
};

// The desktop app's live source in process: a LiveController writing into its own store, shown by a
// ScoreboardModel on the live week.
struct App
{
    std::unique_ptr<GameStore> store;
    std::unique_ptr<ScoreboardModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::unique_ptr<LiveController> live;

    [[nodiscard]] QList<Game> rows() const
    {
        QList<Game> games;
        for (int row = 0; row < model->rowCount(); ++row)
            games.append(model->game(row));
        return games;
    }
};

} // namespace

// Redis SIGKILLed and restarted on its port while a week is being played and published: two endzone-server
// processes on one Redis and one store (A polls with --watch, B relays), SSE clients on both, and the desktop
// app's LiveController on the Redis channel and on B's stream. Nothing crashes, everything reconnects by
// itself, and once the week is over every client shows exactly what the store holds, every final score included,
// although the whole catch-up was published while B and the app were still cut off from Redis.
class RedisOutageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyClientConvergesAfterRedisIsKilled()
    {
        if (!RedisServer::isAvailable())
            QSKIP("redis-server is not installed");
        QElapsedTimer total;
        total.start();
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisPath path(redis.port()); // B and the app's Redis source reach Redis through it
        QVERIFY(path.isListening());

        // The feed: ss.xml is the scripted week, moved on every 100 ms; max-age 1 so the watcher polls each second.
        FeedServer::Options feedOptions;
        feedOptions.syntheticSeason = 2015;
        feedOptions.clockStart = SyntheticSeason(2015).firstSundayKickoff();
        feedOptions.speed = 0;
        feedOptions.maxAgeSeconds = 1;
        FeedServer feed(feedOptions);
        QVERIFY(feed.listen().ok());
        const ScriptedWeek script;
        QElapsedTimer played;
        QList<Game> feedGames = script.at(-1000).games; // everything before kickoff
        auto moveFeed = [&] {
            ParsedWeek week = script.at(played.isValid() ? played.elapsed() : -1000);
            feedGames = week.games;
            feed.setDocument(Week, ScorestripWriter::write(week));
        };
        moveFeed();
        QTimer feedClock;
        feedClock.setInterval(100);
        connect(&feedClock, &QTimer::timeout, this, moveFeed);
        feedClock.start();

        QTemporaryDir dir;
        const QString storeUrl = u"sqlite://"_s + dir.filePath(u"endzone.sqlite"_s);
        const QStringList common {u"--database"_s, storeUrl, u"--feed"_s, feed.baseUrl().toString()};
        ServerProcess watcher; // A: polls the feed (it takes the lease) and publishes
        QVERIFY2(watcher.start(common
                     + QStringList {u"--redis"_s, redis.url().toString(), u"--watch"_s, u"--poll-fast"_s, u"1"_s,
                         u"--poll-slow"_s, u"1"_s}),
            qPrintable(watcher.errorString()));
        ServerProcess relay; // B: relays the channel to its own clients
        QVERIFY2(relay.start(common + QStringList {u"--redis"_s, path.url().toString()}, {}, {}, false),
            qPrintable(relay.errorString()));
        const QUrl indexA(u"http://127.0.0.1:%1/api/"_s.arg(watcher.port()));
        const QUrl indexB(u"http://127.0.0.1:%1/api/"_s.arg(relay.port()));
        auto busOf = [](const QUrl &index) {
            return QJsonDocument::fromJson(httpRequest(index).body)
                .object()
                .value(u"live"_s)
                .toObject()
                .value(u"bus"_s)
                .toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(busOf(indexA), u"connected"_s, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(busOf(indexB), u"connected"_s, 20000);
        const qint64 pidA = watcher.pid(), pidB = relay.pid();

        auto opened = GameStore::open(storeUrl);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        const std::unique_ptr<GameStore> store = std::move(opened).value();
        auto stored = [&store] {
            auto games = store->week(Week);
            return games ? games.value() : QList<Game> {};
        };
        QTRY_COMPARE_WITH_TIMEOUT(stored().size(), script.size(), 20000); // A's first poll

        // The clients: two SSE clients per server, the app on the Redis channel (through the path, with the feed
        // for its resync, as the app always has one) and the app on B's stream; and a plain subscriber of ours.
        std::vector<std::unique_ptr<SseTestClient>> sse;
        for (const quint16 port : {watcher.port(), relay.port(), watcher.port(), relay.port()})
            sse.push_back(std::make_unique<SseTestClient>(port, HeaderPairs {}, "/api/livescore?snapshot=1"));
        for (auto &client : sse) {
            QVERIFY(client->waitForHead());
            QCOMPARE(client->status(), 200);
        }
        std::vector<App> apps(2);
        for (int i = 0; i < 2; ++i) {
            auto appStore = GameStore::open(u"sqlite://"_s + dir.filePath(u"app%1.sqlite"_s.arg(i)));
            QVERIFY2(appStore.ok(), qPrintable(appStore.error()));
            apps[i].store = std::move(appStore).value();
            apps[i].model = std::make_unique<ScoreboardModel>(apps[i].store.get());
            apps[i].tester = std::make_unique<QAbstractItemModelTester>(
                apps[i].model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            apps[i].model->setWeek(Week);
            apps[i].live = std::make_unique<LiveController>(apps[i].store.get());
        }
        App &appRedis = apps[0], &appSse = apps[1];
        appRedis.live->setFeedUrl(feed.baseUrl());
        QVERIFY(appRedis.live->start(path.url().toString()));
        QVERIFY(appSse.live->start(u"sse:http://127.0.0.1:%1/api/livescore"_s.arg(relay.port())));
        QList<LiveMessage> monitored;
        // What the watcher publishes, read from the live stream (endzone-server's default) as every server does.
        RedisStreamReader monitor(redis.url(), {LiveBus::DefaultStream});
        connect(&monitor, &RedisStreamReader::entryReceived, this,
            [&monitored](
                const QByteArray &, const QByteArray &payload) { monitored.append(LiveMessage::decode(payload)); });
        for (App *app : {&appRedis, &appSse})
            QTRY_COMPARE_WITH_TIMEOUT(app->live->state(), LiveController::State::Live, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), RedisStreamReader::State::Connected, 20000);

        // Kickoff. Scores change; every client follows live.
        played.start();
        moveFeed();
        QTRY_VERIFY_WITH_TIMEOUT(scoredCount(stored()) >= 4, 20000);
        for (auto &client : sse)
            QTRY_VERIFY_WITH_TIMEOUT(scoredCount(sseView(*client)) >= 4, 10000);
        for (App *app : {&appRedis, &appSse})
            QTRY_VERIFY_WITH_TIMEOUT(scoredCount(app->rows()) >= 4, 10000);
        // The kill comes just after A renewed its lease (ttl 15 s, renewed every 5 s), so A stays the leader and
        // polls for seconds into the outage: the store moves on while every publish fails. Up to 20 s to see a
        // fresh renewal: under AddressSanitizer one came after 11.2 s. Each probe's answer is read once and kept:
        // QTRY_VERIFY asks again after its loop, and by then the falling TTL can be below the bar.
        {
            RedisClient probe(redis.url());
            const QDeadlineTimer renewalDeadline(20000);
            qint64 leaseTtl = QCoro::waitFor(leaseTtlMs(&probe));
            while (leaseTtl <= 14500 && !renewalDeadline.hasExpired()) {
                QTest::qWait(20);
                leaseTtl = QCoro::waitFor(leaseTtlMs(&probe));
            }
            QVERIFY2(
                leaseTtl > 14500, qPrintable(u"no fresh lease renewal seen; the last TTL was %1 ms"_s.arg(leaseTtl)));
        }
        QList<qsizetype> eventsBefore;
        for (auto &client : sse)
            eventsBefore.append(client->events().size());
        const int monitoredBefore = int(monitored.size());

        // Redis crashes. While it is down the week plays on and games go final.
        QElapsedTimer outage;
        outage.start();
        QVERIFY(redis.kill());
        path.cut();
        const int finalAtKill = finalCount(feedGames);
        QTRY_VERIFY_WITH_TIMEOUT(finalCount(feedGames) >= finalAtKill + 3, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(busOf(indexA), u"disconnected"_s, 10000);
        QCOMPARE(busOf(indexB), u"disconnected"_s);
        QCOMPARE(appRedis.live->state(), LiveController::State::Reconnecting);
        const int finalDuringOutage = finalCount(feedGames) - finalAtKill;

        // Redis comes back on its port, empty. The test holds the watcher lease until the week is over, so that
        // A's catch-up after the outage is one message carrying every final score, published while B and the app
        // are still cut off: they converge by catching up (B reads the stream from its last id; the app resyncs).
        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        const qint64 outageMs = outage.elapsed();
        RedisClient control(redis.url()); // a fresh client connects at once; A's are still backing off
        QVERIFY(QCoro::waitFor(setKey(&control, "endzone:watcher:leader", "held-by-the-test")));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), RedisStreamReader::State::Connected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(busOf(indexA), u"connected"_s, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(finalCount(feedGames), int(script.size()), 30000);
        QVERIFY(QCoro::waitFor(deleteKey(&control, "endzone:watcher:leader")));
        QTRY_COMPARE_WITH_TIMEOUT(finalCount(stored()), int(script.size()), 20000);
        // A published the final week (the store is written first, then the channel).
        auto finalPublished = [&] {
            return std::any_of(monitored.cbegin() + monitoredBefore, monitored.cend(), [&](const LiveMessage &m) {
                return m.key == Week && finalCount(gamesFromJson(m.weekJson)) == script.size();
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(finalPublished(), 20000);
        QCOMPARE(busOf(indexB), u"disconnected"_s); // B really missed it
        QCOMPARE(appRedis.live->state(), LiveController::State::Reconnecting);
        const qint64 cutMs = outage.elapsed();
        path.restore();

        // Everyone reconnects by themselves, and converges to the store.
        QTRY_COMPARE_WITH_TIMEOUT(busOf(indexB), u"connected"_s, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(appRedis.live->state(), LiveController::State::Live, 20000);
        const QList<Game> truth = stored();
        QCOMPARE(truth.size(), script.size());
        QCOMPARE(finalCount(truth), int(truth.size()));
        // The store holds the feed's final week: every final score.
        for (const Game &game : feedGames) {
            const auto it
                = std::find_if(truth.cbegin(), truth.cend(), [&](const Game &g) { return g.eid == game.eid; });
            QVERIFY2(it != truth.cend(), qPrintable(game.eid));
            QCOMPARE(it->state, game.state);
            QCOMPARE(it->home.score, game.home.score);
            QCOMPARE(it->visitor.score, game.visitor.score);
        }
        for (std::size_t i = 0; i < sse.size(); ++i) {
            QTRY_VERIFY2_WITH_TIMEOUT(difference(sseView(*sse[i]), truth).isEmpty(),
                qPrintable(u"SSE client %1: "_s.arg(i) + difference(sseView(*sse[i]), truth)), 20000);
            QCOMPARE(sse[i]->socket()->state(), QAbstractSocket::ConnectedState); // never dropped
        }
        for (App *app : {&appRedis, &appSse}) {
            QTRY_VERIFY2_WITH_TIMEOUT(difference(app->rows(), truth).isEmpty(),
                qPrintable(
                    (app == &appRedis ? u"app on Redis: "_s : u"app on SSE: "_s) + difference(app->rows(), truth)),
                20000);
            auto appWeek = app->store->week(Week);
            QVERIFY(appWeek.ok());
            QCOMPARE(difference(appWeek.value(), truth), QString());
            QCOMPARE(app->live->state(), LiveController::State::Live);
        }
        // The API serves the store's week from both processes, byte for byte.
        const QByteArray body = LiveMessage::weekBody(truth);
        for (const quint16 port : {watcher.port(), relay.port()})
            QTRY_COMPARE_WITH_TIMEOUT(
                httpRequest(QUrl(u"http://127.0.0.1:%1/api/season/2015/1"_s.arg(port))).body, body, 10000);

        // Nothing crashed: the same two processes serve on.
        QVERIFY(watcher.isRunning());
        QVERIFY(relay.isRunning());
        QCOMPARE(watcher.pid(), pidA);
        QCOMPARE(relay.pid(), pidB);

        QStringList figures;
        for (std::size_t i = 0; i < sse.size(); ++i)
            figures.append(u"%1:%2+%3"_s.arg(i % 2 == 0 ? u"A"_s : u"B"_s)
                               .arg(eventsBefore[int(i)])
                               .arg(sse[i]->events().size() - eventsBefore[int(i)]));
        qInfo().noquote() << "redis down" << outageMs << "ms (" << finalDuringOutage << "games went final meanwhile);"
                          << "B and the app cut off" << cutMs << "ms;" << path.refused()
                          << "connections refused on their path";
        qInfo().noquote() << "SSE events before+after the outage:" << figures.join(u", "_s)
                          << "; channel messages seen by a plain subscriber:" << monitoredBefore << "+"
                          << monitored.size() - monitoredBefore;
        const QByteArray logA = watcher.output(), logB = relay.output();
        qInfo().noquote() << "A published" << logA.count("published 2015/REG. Week 1") << "times, failed"
                          << logA.count("live poll failed") << "polls; resyncs from the store: A"
                          << logA.count("resubscribed: sending") << "B" << logB.count("resubscribed: sending");
        qInfo().noquote() << "converged:" << sse.size() << "SSE clients, 2 apps, 2 API servers on" << truth.size()
                          << "final games; test took" << total.elapsed() << "ms";
        QVERIFY(watcher.terminate());
        QVERIFY(relay.terminate());
    }
};

QTEST_GUILESS_MAIN(RedisOutageTest)
#include "redisoutagetest.moc"
