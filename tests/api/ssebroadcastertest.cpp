#include "apiserver.h"
#include "apitestsupport.h"
#include "inprocessbus.h"
#include "livemessage.h"
#include "streamid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;

namespace {

Game makeGame(const QString &eid, int homeScore)
{
    Game game;
    game.eid = eid;
    game.season = 2015;
    game.week = 12;
    game.state = GameState::Quarter2;
    game.clock = u"08:11"_s;
    game.kickoff = QDateTime(QDate(2015, 11, 29), QTime(18, 0), QTimeZone::utc());
    game.home = {u"NE"_s, u"patriots"_s, homeScore};
    game.visitor = {u"DEN"_s, u"broncos"_s, 7};
    game.possession = u"NE"_s;
    return game;
}

} // namespace

// SseBroadcaster, driven through an ApiServer (it only gets connections from QHttpServer) and an
// InProcessBus, with raw socket clients that see every byte.
class SseBroadcasterTest : public QObject
{
    Q_OBJECT

    InProcessBus *m_bus = nullptr;
    std::unique_ptr<ApiServer> m_server;

    void startServer(SseBroadcaster::Options sse = {})
    {
        m_bus = new InProcessBus(this);
        ApiServer::Options options;
        options.port = 0;
        options.sse = sse;
        m_server = std::make_unique<ApiServer>(ApiServer::Services {nullptr, nullptr, m_bus, nullptr}, options);
        QVERIFY(m_server->listen());
    }
    // Publishes on the bus and waits until the broadcaster has sent it.
    void publish(const QByteArray &payload)
    {
        QSignalSpy sent(m_server->broadcaster(), &SseBroadcaster::broadcasted);
        m_bus->publish(payload);
        QVERIFY(sent.wait(5000));
    }
    void publishWeek(int score)
    {
        const QList<Game> games {makeGame(u"2015112900"_s, score), makeGame(u"2015112901"_s, 3)};
        publish(LiveMessage::fromWeek({2015, SeasonType::Reg, 12}, games, {games[0]}).encode());
    }
    std::unique_ptr<SseTestClient> connectClient(HeaderPairs headers = {}, QByteArray path = "/api/livescore")
    {
        auto client = std::make_unique<SseTestClient>(m_server->port(), headers, path);
        QSignalSpy joined(m_server->broadcaster(), &SseBroadcaster::clientCountChanged);
        if (!client->waitForHead() || (m_server->broadcaster()->clientCount() == 0 && !joined.wait(5000)))
            qWarning() << "client did not join";
        return client;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_server.reset();
        delete m_bus;
        m_bus = nullptr;
    }

    void deliversUpdatesAndGameDeltas()
    {
        startServer();
        auto a = connectClient();
        auto b = connectClient();
        QCOMPARE(m_server->broadcaster()->clientCount(), 2);
        publishWeek(14);
        for (auto *client : {a.get(), b.get()}) {
            QVERIFY(client->waitForEvents(2));
            QCOMPARE(client->events().size(), 2);
            const SseEvent update = client->events()[0];
            QCOMPARE(update.event, u"update"_s);
            const QJsonDocument week = QJsonDocument::fromJson(update.data);
            QVERIFY(week.isArray());
            QCOMPARE(week.array().size(), 2);
            const SseEvent game = client->events()[1];
            QCOMPARE(game.event, u"game"_s);
            const QJsonObject object = QJsonDocument::fromJson(game.data).object();
            QCOMPARE(object.value(u"id").toString(), u"2015112900"_s);
            QCOMPARE(object.value(u"home").toObject().value(u"score").toInt(), 14);
            QVERIFY(!update.id.isEmpty() && update.id != game.id);
            QCOMPARE(game.id, m_server->broadcaster()->lastEventId());
        }
        QCOMPARE(a->rawBody(), b->rawBody()); // one framing for everyone

        // Anything else on the channel (the original publisher's bare list, a probe) is relayed verbatim.
        const QByteArray probe = R"({"seq":7,"sent_ns":1,"pad":"xx"})";
        publish(probe);
        QVERIFY(a->waitForEvents(3));
        QCOMPARE(a->events()[2].event, u"update"_s);
        QCOMPARE(a->events()[2].data, probe);
        publish("line one\nline two");
        QVERIFY(a->waitForEvents(4));
        QCOMPARE(a->events()[3].data, "line one\nline two");
    }

    void lastEventIdReplaysExactlyWhatWasMissed()
    {
        startServer();
        auto witness = connectClient();
        for (int score = 1; score <= 3; ++score)
            publishWeek(score); // 3 x (update + game) = 6 events
        QVERIFY(witness->waitForEvents(6));
        const QList<SseEvent> all = witness->events();

        auto resumed = connectClient({{"Last-Event-ID", all[1].id}});
        QVERIFY(resumed->waitForEvents(4));
        QCOMPARE(resumed->events(), all.mid(2)); // events 3..6, ids and data identical
        // Up to date: nothing replayed, and the next event arrives once.
        auto current = connectClient({{"Last-Event-ID", all.last().id}});
        publishWeek(4);
        QVERIFY(current->waitForEvents(2));
        QVERIFY(resumed->waitForEvents(6));
        QCOMPARE(current->events(), witness->events().mid(6));
        QCOMPARE(current->events().size(), 2);
    }

    void unknownOrTooOldIdGetsSnapshot()
    {
        SseBroadcaster::Options options;
        options.replayEvents = 4;
        startServer(options);
        auto witness = connectClient();
        for (int score = 1; score <= 4; ++score)
            publishWeek(score);
        QVERIFY(witness->waitForEvents(8));
        const QByteArray latest = m_server->broadcaster()->lastEventId();
        const QByteArray evicted = witness->events()[2].id; // the window holds the last 4 of 8 events
        QVERIFY(witness->events()[3].id.startsWith(QByteArray(witness->events()[2].id + '/')));
        // Ids are the bus's stream-shaped ids: the same in every process, not a random per-process epoch.
        QVERIFY2(StreamId::parse(witness->events()[0].id).has_value(), witness->events()[0].id.constData());
        const QByteArrayList hostile {"nonsense", evicted, "1-0", "99999999999999999999-0", "18446744073709551616-0",
            latest + "0", latest + "/9", QByteArray(5000, '9') + "-1", "-", "0-0", "otherdeployment-3"};
        for (const QByteArray &id : hostile) {
            auto client = connectClient({{"Last-Event-ID", id}});
            QVERIFY2(client->waitForEvents(1), id.left(40).constData());
            QTest::qWait(0);
            QCOMPARE(client->events().size(), 1);
            QCOMPARE(client->events()[0].event, u"update"_s);
            QCOMPARE(client->events()[0].id, latest);
            const auto games = QJsonDocument::fromJson(client->events()[0].data).array();
            QCOMPARE(games.first().toObject().value(u"home").toObject().value(u"score").toInt(), 4);
        }
        // A fresh client gets no snapshot unless it asks for one.
        auto plain = connectClient();
        auto asking = connectClient({}, "/api/livescore?snapshot=1");
        QVERIFY(asking->waitForEvents(1));
        QCOMPARE(asking->events()[0].id, latest);
        QVERIFY(plain->events().isEmpty());
    }

    // A message without an id from the bus (a resync from the store) gets a local id after the last one; such ids
    // stay short however many follow, and resume like any other within this process.
    void messagesWithoutIdGetLocalIds()
    {
        startServer();
        auto witness = connectClient();
        publishWeek(1);
        const QList<Game> games {makeGame(u"2015112900"_s, 9)};
        for (int i = 0; i < 3; ++i)
            m_server->broadcaster()->broadcast(LiveMessage::fromWeek({2015, SeasonType::Reg, 12}, games, games));
        QVERIFY(witness->waitForEvents(8));
        const QByteArray entry = witness->events()[0].id;
        QCOMPARE(witness->events()[2].id, entry + "~1");
        QCOMPARE(witness->events()[3].id, entry + "~1/1");
        QCOMPARE(witness->events()[6].id, entry + "~3");
        auto resumed = connectClient({{"Last-Event-ID", witness->events()[3].id}});
        QVERIFY(resumed->waitForEvents(4));
        QCOMPARE(resumed->events(), witness->events().mid(4));
    }

    void heartbeatsKeepTheStreamAlive()
    {
        SseBroadcaster::Options options;
        options.heartbeat = std::chrono::milliseconds(50);
        startServer(options);
        auto client = connectClient();
        QTRY_VERIFY_WITH_TIMEOUT(client->rawBody().contains(": heartbeat\n\n"), 5000);
        QVERIFY(client->events().isEmpty()); // comments are not events
    }

    // A client that stops reading is dropped once its queue is full; the others get every event.
    void slowClientIsDropped()
    {
        SseBroadcaster::Options options;
        options.maxQueuedBytes = 64 * 1024;
        options.sendBufferBytes = 4096;
        startServer(options);
        auto fast = connectClient();
        SseTestClient slow(m_server->port(), {}, "/api/livescore", false);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->broadcaster()->clientCount(), 2, 5000);

        QSignalSpy dropped(m_server->broadcaster(), &SseBroadcaster::clientDropped);
        const QByteArray pad(32 * 1024, 'x');
        int published = 0;
        // Bounded: the kernel buffers on both sides hold a few MB at most before the queue fills.
        while (dropped.isEmpty() && published < 1000) {
            publish("{\"n\":" + QByteArray::number(++published) + ",\"pad\":\"" + pad + "\"}");
            QVERIFY(fast->waitForEvents(published));
        }
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(m_server->broadcaster()->droppedClients(), 1u);
        QCOMPARE(m_server->broadcaster()->clientCount(), 1);
        publish(R"({"after":true})");
        QVERIFY(fast->waitForEvents(published + 1));
        QCOMPARE(fast->events().size(), published + 1);
        QCOMPARE(fast->events().last().data, R"({"after":true})");
    }
};

QTEST_GUILESS_MAIN(SseBroadcasterTest)
#include "ssebroadcastertest.moc"
