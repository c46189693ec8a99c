#include "livewatcher.h"
#include "apiserver.h"
#include "apitestsupport.h"
#include "feedclient.h"
#include "feedserver.h"
#include "gamestore.h"
#include "inprocessbus.h"
#include "leaderlease.h"
#include "livepublisher.h"
#include "redisbus.h"
#include "redisclient.h"
#include "redisserver.h"
#include "scorestripwriter.h"
#include "syntheticseason.h"
#include "weeksource.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;
using namespace std::chrono_literals;

namespace {

// QCoro::waitFor needs a default-constructible result: -1 stands for a failed poll.
QCoro::Task<int> poll(LiveWatcher *watcher)
{
    auto result = co_await watcher->pollOnce();
    if (!result)
        qWarning() << "poll failed:" << result.error();
    co_return result ? result.value() : -1;
}

// One endzone-server's worth of objects in this process.
struct Instance
{
    std::unique_ptr<GameStore> store;
    std::unique_ptr<RedisClient> redis;
    std::unique_ptr<LiveBus> bus;
    std::unique_ptr<ApiServer> api;
    std::unique_ptr<LeaderLease> lease;
    std::unique_ptr<LivePublisher> publisher;
    std::unique_ptr<LiveWatcher> watcher;
};

} // namespace

class LiveWatcherTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<FeedServer> m_feedServer;
    std::unique_ptr<FeedClient> m_feed;
    QTemporaryDir m_dir;
    int m_instances = 0;

    void startFeed(QDateTime clock)
    {
        FeedServer::Options options;
        options.syntheticSeason = 2015;
        options.clockStart = clock;
        options.speed = 0;
        m_feedServer = std::make_unique<FeedServer>(options);
        QVERIFY(m_feedServer->listen());
        m_feed = std::make_unique<FeedClient>(m_feedServer->baseUrl(), FeedClient::Options {5000, 0, 100});
    }
    // With `stream`, the watcher publishes to the Redis Stream (as endzone-server does), else on the channel.
    std::unique_ptr<Instance> makeInstance(
        const QUrl &redisUrl, LeaderLease::Options leaseOptions = {}, bool stream = false)
    {
        auto instance = std::make_unique<Instance>();
        instance->store
            = std::move(GameStore::open(u"sqlite:///"_s + m_dir.filePath(u"w%1.sqlite"_s.arg(++m_instances)))).value();
        if (redisUrl.isValid()) {
            instance->redis = std::make_unique<RedisClient>(redisUrl);
            instance->bus = std::make_unique<RedisBus>(redisUrl);
        } else {
            instance->bus = std::make_unique<InProcessBus>();
        }
        ApiServer::Options options;
        options.port = 0;
        options.clock = [this] {
            return m_feedServer->now();
        };
        instance->api = std::make_unique<ApiServer>(
            ApiServer::Services {instance->store.get(), m_feed.get(), instance->bus.get(), instance->redis.get()},
            options);
        if (!instance->api->listen())
            qWarning() << "listen failed";
        instance->lease = std::make_unique<LeaderLease>(instance->redis.get(), leaseOptions);
        if (instance->redis) {
            LivePublisher::Options publish;
            if (!stream)
                publish.stream.clear();
            instance->publisher = std::make_unique<LivePublisher>(instance->redis.get(), publish);
        } else {
            instance->publisher = std::make_unique<LivePublisher>(instance->bus.get());
        }
        LiveWatcher::Options watch;
        watch.clock = options.clock;
        instance->watcher = std::make_unique<LiveWatcher>(
            LiveWatcher::Services {m_feed.get(), instance->store.get(), instance->publisher.get(),
                instance->api->weekSource(), instance->lease.get()},
            watch);
        return instance;
    }
    // Two instances on one Redis, writing to the stream, each with one SSE client; empty (the test failed) if they
    // did not connect within 5 s.
    struct Pair
    {
        std::unique_ptr<Instance> one, two;
        std::unique_ptr<SseTestClient> clientOne, clientTwo;
    };
    std::optional<Pair> connectedPair(const QUrl &redisUrl, LeaderLease::Options leaseOptions)
    {
        Pair pair {makeInstance(redisUrl, leaseOptions, true), makeInstance(redisUrl, leaseOptions, true), {}, {}};
        auto *one = pair.one.get();
        auto *two = pair.two.get();
        if (!QTest::qWaitFor(
                [one, two] {
                    return one->bus->state() == LiveBus::State::Connected
                        && two->bus->state() == LiveBus::State::Connected;
                },
                5000)) {
            QTest::qFail("the two instances did not connect to Redis", __FILE__, __LINE__);
            return {};
        }
        pair.clientOne = std::make_unique<SseTestClient>(one->api->port());
        pair.clientTwo = std::make_unique<SseTestClient>(two->api->port());
        if (!QTest::qWaitFor(
                [one, two] {
                    return one->api->broadcaster()->clientCount() == 1 && two->api->broadcaster()->clientCount() == 1;
                },
                5000)) {
            QTest::qFail("the SSE clients did not connect", __FILE__, __LINE__);
            return {};
        }
        return pair;
    }
    // Serves the current week with its first game's home score raised by `points`.
    WeekKey bumpScore(int points)
    {
        const SyntheticSeason season(2015);
        const WeekKey key = season.currentWeek(m_feedServer->now());
        ParsedWeek week = season.week(key, m_feedServer->now());
        week.dialect = FeedDialect::LiveUpdate;
        week.games[0].home.score = week.games[0].home.score.value_or(0) + points;
        m_feedServer->setDocument(key, ScorestripWriter::write(week));
        return key;
    }
    static QByteArray leaseHolder(RedisClient &redis)
    {
        const auto holder = QCoro::waitFor(redis.get("endzone:watcher:leader"));
        return holder && holder.value() ? *holder.value() : QByteArray();
    }
    static int firstHomeScore(const QByteArray &json)
    {
        return QJsonDocument::fromJson(json)
            .array()
            .first()
            .toObject()
            .value(u"home")
            .toObject()
            .value(u"score")
            .toInt();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_feed.reset();
        m_feedServer.reset();
    }

    void publishesOnlyChanges()
    {
        startFeed(SyntheticSeason(2015).firstSundayKickoff().addSecs(3600)); // early games live
        auto instance = makeInstance({});
        auto *watcher = instance->watcher.get();
        SseTestClient client(instance->api->port());
        QTRY_COMPARE_WITH_TIMEOUT(instance->api->broadcaster()->clientCount(), 1, 5000);

        // First poll: every game is new.
        const int games = QCoro::waitFor(poll(watcher));
        QVERIFY(games > 0);
        QVERIFY(client.waitForEvents(1 + games));
        QCOMPARE(client.events()[0].event, u"update"_s);
        QCOMPARE(client.eventsOfType(u"game"_s).size(), games);
        QCOMPARE(watcher->nextInterval(), 13s); // games live, but the feed's max-age=13 says not sooner
        QVERIFY(watcher->currentWeek());

        // Unchanged (a 304 for our ETag): nothing is published.
        QCOMPARE(QCoro::waitFor(poll(watcher)), 0);
        instance->bus->publish("sentinel");
        QVERIFY(client.waitForEvents(2 + games));
        QCOMPARE(client.events().last().data, "sentinel");

        // One score changes: one update and exactly one game event, and the API serves the new week.
        const WeekKey key = bumpScore(7);
        QCOMPARE(QCoro::waitFor(poll(watcher)), 1);
        QVERIFY(client.waitForEvents(4 + games));
        const QList<SseEvent> last = client.events().mid(2 + games);
        QCOMPARE(last[0].event, u"update"_s);
        QCOMPARE(last[1].event, u"game"_s);
        const QJsonObject changed = QJsonDocument::fromJson(last[1].data).object();
        const auto stored = instance->store->game(changed.value(u"id").toString());
        QVERIFY(stored && stored.value());
        QCOMPARE(changed.value(u"home").toObject().value(u"score").toInt(), *stored.value()->home.score);
        const HttpResult week
            = httpRequest(instance->api->baseUrl().resolved(QUrl(u"/api/season/2015/%1"_s.arg(key.week))));
        QCOMPARE(week.body, last[0].data);
        QCOMPARE(week.headers.value("x-cache"), "memory");
        QCOMPARE(instance->api->currentWeek()->week, key.week);
    }

    void pollsSlowlyWhenNothingIsLive()
    {
        startFeed(SyntheticSeason(2015).firstSundayKickoff().addDays(-2)); // a Friday: no games for days
        auto instance = makeInstance({});
        QVERIFY(QCoro::waitFor(poll(instance->watcher.get())) > 0);
        QCOMPARE(instance->watcher->nextInterval(), 60s);
    }

    void leaseElectsExactlyOneLeader()
    {
        RedisServer redis;
        if (!redis.startOrSkip())
            return;
        RedisClient clientA(redis.url()), clientB(redis.url());
        const LeaderLease::Options options {"test:leader", 1000ms, 200ms};
        LeaderLease a(&clientA, options), b(&clientB, options);
        a.start();
        b.start();
        QTRY_VERIFY_WITH_TIMEOUT(a.isLeader() != b.isLeader(), 5000);
        LeaderLease &leader = a.isLeader() ? a : b;
        LeaderLease &follower = a.isLeader() ? b : a;
        QSignalSpy followerChanges(&follower, &LeaderLease::leadershipChanged);
        QTest::qWait(1000); // several renewals: the leader keeps the lease, the follower never gets it
        QVERIFY(leader.isLeader());
        QVERIFY(followerChanges.isEmpty());

        leader.stop(); // releases the key: the follower takes over
        QTRY_VERIFY_WITH_TIMEOUT(follower.isLeader(), 5000);
        QVERIFY(!leader.isLeader());

        // Redis gone: nobody can be sure of the lease, so the leader steps down; one leads again after.
        QVERIFY(redis.kill());
        QTRY_VERIFY_WITH_TIMEOUT(!follower.isLeader(), 5000);
        QVERIFY(redis.restart());
        QTRY_VERIFY_WITH_TIMEOUT(follower.isLeader(), 10000);
    }

    // Two instances on one Redis: one polls, a change published once reaches the SSE clients of both,
    // also after Redis was SIGKILLed and restarted mid-stream.
    void twoInstancesShareOneRedis()
    {
        RedisServer redis;
        if (!redis.startOrSkip())
            return;
        startFeed(SyntheticSeason(2015).firstSundayKickoff().addSecs(3600));
        auto pair = connectedPair(redis.url(), {"endzone:watcher:leader", 1500ms, 300ms});
        if (!pair)
            return;
        auto &[one, two, clientOne, clientTwo] = *pair;

        for (auto *instance : {one.get(), two.get()}) {
            instance->lease->start();
            instance->watcher->start();
        }
        QVERIFY(clientOne->waitForEvents(1) && clientTwo->waitForEvents(1));
        QCOMPARE(clientOne->events()[0].data, clientTwo->events()[0].data);
        QVERIFY(one->lease->isLeader() != two->lease->isLeader());
        Instance *leader = one->lease->isLeader() ? one.get() : two.get();
        Instance *follower = leader == one.get() ? two.get() : one.get();
        QCOMPARE(follower->watcher->pollCount(), 0);
        QCOMPARE(leader->watcher->pollCount(), 1);
        // The follower serves the week the leader fetched without asking the feed.
        const int feedRequests = m_feedServer->requestCount();
        const auto key = *leader->watcher->currentWeek();
        QCOMPARE(
            httpRequest(follower->api->baseUrl().resolved(QUrl(u"/api/season/2015/%1"_s.arg(key.week)))).status, 200);
        QCOMPARE(m_feedServer->requestCount(), feedRequests);

        QVERIFY(redis.kill());
        // Every connection notices (no event loop ran yet, so "connected" would still be stale news).
        QTRY_VERIFY_WITH_TIMEOUT(one->bus->state() != LiveBus::State::Connected
                && two->bus->state() != LiveBus::State::Connected
                && one->redis->state() != RedisClient::State::Connected
                && two->redis->state() != RedisClient::State::Connected,
            5000);
        QVERIFY(redis.restart());
        QTRY_VERIFY_WITH_TIMEOUT(
            one->bus->state() == LiveBus::State::Connected && two->bus->state() == LiveBus::State::Connected, 15000);
        // The key says who leads: a leader that has not yet noticed the restart may still believe it does (its
        // writes would be refused, see deposedLeaderCannotWrite).
        RedisClient admin(redis.url());
        QTRY_VERIFY_WITH_TIMEOUT(one->lease->isLeader() != two->lease->isLeader()
                && leaseHolder(admin) == (one->lease->isLeader() ? one : two)->lease->token(),
            15000);
        leader = one->lease->isLeader() ? one.get() : two.get();
        QTRY_COMPARE_WITH_TIMEOUT(leader->redis->state(), RedisClient::State::Connected, 15000);
        const qsizetype before = clientOne->events().size();
        bumpScore(3);
        QCOMPARE(QCoro::waitFor(poll(leader->watcher.get())), 1);
        for (auto *client : {clientOne.get(), clientTwo.get()}) {
            QVERIFY(client->waitForEvents(before + 2));
            QCOMPARE(client->events()[before].event, u"update"_s);
            QCOMPARE(client->events()[before + 1].event, u"game"_s);
            QCOMPARE(firstHomeScore(client->events()[before].data), firstHomeScore(clientOne->events()[before].data));
        }
        QCOMPARE(clientOne->events().size(), clientTwo->events().size());
        // One stream, one set of ids: each event has the same id on both instances.
        QCOMPARE(clientOne->events(), clientTwo->events());
    }

    // Split brain: the first leader's lease expired (here: deleted) and a second process took it, but the first
    // has not noticed yet, so both believe they lead. Only the real holder's message lands in the stream; the
    // deposed one's write is refused by Redis itself.
    void deposedLeaderCannotWrite()
    {
        RedisServer redis;
        if (!redis.startOrSkip())
            return;
        startFeed(SyntheticSeason(2015).firstSundayKickoff().addSecs(3600));
        // Renewals far apart: nothing changes the leases behind the test's back.
        const LeaderLease::Options leaseOptions {"endzone:watcher:leader", 60000ms, 30000ms};
        auto pair = connectedPair(redis.url(), leaseOptions);
        if (!pair)
            return;
        auto &[one, two, clientOne, clientTwo] = *pair;

        one->lease->start();
        QTRY_VERIFY_WITH_TIMEOUT(one->lease->isLeader(), 5000);
        RedisClient admin(redis.url());
        QVERIFY(QCoro::waitFor(admin.del(leaseOptions.key)).ok()); // the lease "expired"
        two->lease->start();
        QTRY_VERIFY_WITH_TIMEOUT(two->lease->isLeader(), 5000);
        QVERIFY(one->lease->isLeader()); // and one still believes it leads

        const auto deposed = QCoro::waitFor(one->watcher->pollOnce());
        QVERIFY(!deposed);
        QVERIFY2(deposed.error().contains(QLatin1StringView(RedisClient::NotLeaderError)), qPrintable(deposed.error()));
        const int changed = QCoro::waitFor(poll(two->watcher.get()));
        QVERIFY(changed > 0);

        const QList<QByteArray> range {"XRANGE", LiveBus::DefaultStream, "-", "+"};
        const auto entries = QCoro::waitFor(admin.command(range));
        QVERIFY(entries.ok());
        QCOMPARE(entries.value().elements.size(), 1); // only the real leader's message
        const QByteArray id = entries.value().elements.at(0).elements.at(0).string;
        for (auto *client : {clientOne.get(), clientTwo.get()}) {
            QVERIFY(client->waitForEvents(1 + changed));
            QTest::qWait(100); // nothing more may follow
            QCOMPARE(client->events().size(), 1 + changed);
            QCOMPARE(client->events()[0].id, id);
        }
    }
};

QTEST_GUILESS_MAIN(LiveWatcherTest)
#include "livewatchertest.moc"
