#include "livecontroller.h"
#include "apiserver.h"
#include "feedserver.h"
#include "gamestore.h"
#include "inprocessbus.h"
#include "livemessage.h"
#include "redisbus.h"
#include "redisclient.h"
#include "rediskeys.h"
#include "redisserver.h"
#include "scoreboardmodel.h"
#include "testgames.h"

#include <QAbstractItemModelTester>
#include <QCoroTask>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using State = LiveController::State;

// LiveController against real sources: the SSE stream of a real ApiServer, a real Redis channel and a
// real feed to poll. Each one goes away and comes back; the controller says so (reconnecting, then live
// again) and the scoreboard keeps updating row by row, never reset.
class LiveControllerTest : public QObject
{
    Q_OBJECT

    static constexpr WeekKey week = Test::testWeek;

    // Kicked off, 0-0.
    static Game game(const QString &eid, const QString &home, const QString &visitor, int hour)
    {
        return Test::liveGame(Test::scheduledGame(eid, home, visitor, hour), 0, 0, GameState::Quarter1, u"15:00"_s);
    }

    // The live envelope a watcher publishes, with `m_games[changed]` as the changed game.
    QByteArray envelope(int changed) const
    {
        return LiveMessage::fromWeek(week, m_games, {m_games.at(changed)}).encode();
    }

    // Scores a touchdown in game `index` and returns the envelope that announces it.
    QByteArray touchdown(int index)
    {
        auto &g = m_games[index];
        g.home.score = g.home.score.value_or(0) + 7;
        g.clock = u"%1:00"_s.arg(10 - g.home.score.value_or(0) / 7, 2, 10, QChar(u'0'));
        return envelope(index);
    }

    // Waits for exactly one dataChanged, on the row of `eid`, carrying the home score: nothing else.
    void expectOneScoreChange(const QString &eid, std::function<void()> publish)
    {
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        publish();
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        QTest::qWait(200); // a second event for the same change (the SSE `game` event) must change nothing
        QCOMPARE(changed.size(), 1);
        const auto index = changed.first().at(0).toModelIndex();
        QCOMPARE(index, changed.first().at(1).toModelIndex());
        QCOMPARE(index.data(ScoreboardModel::EidRole).toString(), eid);
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(ScoreboardModel::HomeScoreRole));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
    }

    // Starts the controller on `redis` and fills the week through `publisher`'s first message.
    void followOnRedis(const Test::RedisServer &redis, RedisBus &publisher)
    {
        QVERIFY(m_live->start(redis.url().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(m_live->state(), State::Live, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(publisher.state(), LiveBus::State::Connected, 10000);
        publisher.publish(envelope(0));
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 3, 10000);
    }

    void trackStates()
    {
        m_states.clear();
        auto *live = m_live.get();
        connect(live, &LiveController::stateChanged, this, [this, live] {
            if (m_states.isEmpty() || m_states.constLast() != live->state())
                m_states.append(live->state());
        });
    }

    QTemporaryDir m_dir;
    std::unique_ptr<GameStore> m_store;
    std::unique_ptr<ScoreboardModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<LiveController> m_live;
    QList<Game> m_games;
    QList<State> m_states;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        static int n = 0;
        auto store = GameStore::open(u"sqlite://"_s + m_dir.filePath(u"live%1.sqlite"_s.arg(++n)));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = std::move(store).value();
        m_model = std::make_unique<ScoreboardModel>(m_store.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setWeek(week);
        m_live = std::make_unique<LiveController>(m_store.get());
        m_games = {game(u"2025092100"_s, u"KC"_s, u"BUF"_s, 17), game(u"2025092101"_s, u"SF"_s, u"CIN"_s, 17),
            game(u"2025092102"_s, u"DAL"_s, u"PHI"_s, 20)};
        trackStates();
    }

    void cleanup()
    {
        m_live.reset();
        m_tester.reset();
        m_model.reset();
        m_store.reset();
    }

    void sseStreamReconnectsToARestartedServer()
    {
        InProcessBus bus;
        ApiServer::Options options;
        options.port = 0;
        options.sse.retryMs = 200; // the client's reconnect delay, as a browser's EventSource honours it
        auto server = std::make_unique<ApiServer>(ApiServer::Services {nullptr, nullptr, &bus, nullptr}, options);
        const auto port = server->listen();
        QVERIFY2(port.ok(), qPrintable(port.error()));

        QVERIFY(m_live->start(u"sse:http://127.0.0.1:%1/api/livescore"_s.arg(port.value())));
        QTRY_COMPARE_WITH_TIMEOUT(m_live->state(), State::Live, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(server->broadcaster()->clientCount(), 1, 5000);

        bus.publish(envelope(0));
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 3, 10000);
        expectOneScoreChange(m_games[1].eid, [&] { bus.publish(touchdown(1)); });

        server.reset(); // the server goes away
        QTRY_COMPARE_WITH_TIMEOUT(m_live->state(), State::Reconnecting, 10000);
        QVERIFY(m_live->stateText().startsWith(u"Reconnecting"_s));
        QVERIFY(m_live->stateText().contains(u"last update"_s));

        options.port = port.value(); // and comes back where it was
        server = std::make_unique<ApiServer>(ApiServer::Services {nullptr, nullptr, &bus, nullptr}, options);
        QVERIFY(server->listen().ok());
        QTRY_COMPARE_WITH_TIMEOUT(m_live->state(), State::Live, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(server->broadcaster()->clientCount(), 1, 5000);
        expectOneScoreChange(m_games[2].eid, [&] { bus.publish(touchdown(2)); });
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_states, (QList<State> {State::Connecting, State::Live, State::Reconnecting, State::Live}));
    }

    void redisChannelReconnectsToARestartedRedis()
    {
        Test::RedisServer redis;
        if (!redis.startOrSkip())
            return;

        RedisBus publisher(redis.url());
        followOnRedis(redis, publisher);
        if (QTest::currentTestFailed())
            return;
        expectOneScoreChange(m_games[0].eid, [&] { publisher.publish(touchdown(0)); });

        QVERIFY(redis.kill()); // Redis crashes
        QTRY_COMPARE_WITH_TIMEOUT(m_live->state(), State::Reconnecting, 10000);
        QVERIFY(redis.restart());
        QTRY_COMPARE_WITH_TIMEOUT(m_live->state(), State::Live, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(publisher.state(), LiveBus::State::Connected, 20000);
        expectOneScoreChange(m_games[1].eid, [&] { publisher.publish(touchdown(1)); });
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_states, (QList<State> {State::Connecting, State::Live, State::Reconnecting, State::Live}));
    }

    // What the channel lost while the app was not subscribed comes from the Redis week cache (the watcher
    // writes it before it publishes) when the app cannot reach the feed.
    void redisSourceCatchesUpFromTheWeekCache()
    {
        Test::RedisServer redis;
        if (!redis.startOrSkip())
            return;
        m_live->setFeedUrl(QUrl(u"http://127.0.0.1:1"_s)); // a feed it cannot reach
        RedisBus publisher(redis.url());
        followOnRedis(redis, publisher);
        if (QTest::currentTestFailed())
            return;

        // A touchdown the app never hears of: cached, not published.
        touchdown(2);
        RedisClient client(redis.url());
        const auto cached
            = QCoro::waitFor(client.command({"SET", RedisKeys::week(week), LiveMessage::weekBody(m_games)}));
        QVERIFY2(cached, qPrintable(cached.error()));
        // The app's subscription drops and comes back: it catches up from the cache, row by row.
        expectOneScoreChange(m_games[2].eid, [&] {
            const auto killed = QCoro::waitFor(client.command({"CLIENT", "KILL", "TYPE", "pubsub"}));
            QVERIFY2(killed, qPrintable(killed.error()));
        });
        const auto stored = m_store->game(m_games[2].eid);
        QVERIFY(stored && stored.value());
        QCOMPARE(stored.value()->home.score, std::optional<int>(7));
        QCOMPARE(m_live->state(), State::Live);
    }

    void pollingBacksOffGoesOfflineAndRecovers()
    {
        // The demo's synthetic season, at a moment when the first Sunday's games are under way.
        FeedServer::Options options {
            .syntheticSeason = 2025, .clockStart = SyntheticSeason(2025).firstSundayKickoff().addSecs(30 * 60)};
        auto feed = std::make_unique<FeedServer>(options);
        const auto port = feed->listen();
        QVERIFY(port.ok());
        m_model->setWeek({2025, SeasonType::Reg, 1});
        QSignalSpy currentWeek(m_live.get(), &LiveController::currentWeekChanged);
        m_live->setFeedUrl(feed->baseUrl());
        m_live->setPollInterval(std::chrono::milliseconds(50));

        QVERIFY(m_live->start(u"poll"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_live->state(), State::Live, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() > 10, 10000);
        QCOMPARE(currentWeek.size(), 1);
        QCOMPARE(currentWeek.first().at(0).value<WeekKey>(), (WeekKey {2025, SeasonType::Reg, 1}));
        QVERIFY(m_model->liveCount() > 0);

        feed.reset(); // the feed goes away: a blip first, then offline after repeated failures
        QTRY_COMPARE_WITH_TIMEOUT(m_live->state(), State::Reconnecting, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_live->state(), State::Offline, 15000);
        QVERIFY(m_live->stateText().contains(u"last update"_s));

        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        feed = std::make_unique<FeedServer>(options);
        QVERIFY(feed->listen(QHostAddress::LocalHost, port.value()).ok());
        QTRY_COMPARE_WITH_TIMEOUT(m_live->state(), State::Live, 20000); // the backoff is capped
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_states,
            (QList<State> {State::Connecting, State::Live, State::Reconnecting, State::Offline, State::Live}));
    }

    void refusesAnUnknownSource()
    {
        QVERIFY(!m_live->start(u"carrier-pigeon"_s));
        QCOMPARE(m_live->state(), State::Offline);
        QVERIFY(!m_live->start(u"poll"_s)); // poll without a feed
        QCOMPARE(m_live->state(), State::Offline);
    }
};

QTEST_GUILESS_MAIN(LiveControllerTest)
#include "livecontrollertest.moc"
