#include "livepublisher.h"
#include "inprocessbus.h"
#include "redisclient.h"
#include "redisserver.h"
#include "redissubscriber.h"
#include "testgames.h"

#include <QCoroTask>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using Endzone::Test::RedisServer;

// LivePublisher: changed games become one message per week, and each sink (the in-process bus, a real Redis
// Stream with and without a lease's fence, the old pub/sub channel) gets exactly those bytes.
class LivePublisherTest : public QObject
{
    Q_OBJECT
    RedisServer m_redis;

    static constexpr WeekKey otherWeek {2025, SeasonType::Reg, 4};

    static Game inOtherWeek(Game game)
    {
        game.week = otherWeek.week;
        return game;
    }
    // The store as the reader sees it: each week's games; a week it does not hold cannot be read.
    static LivePublisher::WeekReader reader(QList<ParsedWeek> weeks)
    {
        return [weeks](const WeekKey &key) -> Result<QList<Game>> {
            for (const ParsedWeek &week : weeks) {
                if (week.key == key)
                    return week.games;
            }
            return Result<QList<Game>>::failure(u"no such week"_s);
        };
    }
    static QByteArrayList streamPayloads(RedisClient &client, const QByteArray &stream)
    {
        const QList<QByteArray> range {"XRANGE", stream, "-", "+"};
        const auto entries = QCoro::waitFor(client.command(range));
        if (!entries) {
            qWarning() << "XRANGE failed:" << entries.error();
            return {};
        }
        QByteArrayList payloads;
        for (const auto &entry : entries.value().elements)
            payloads.append(entry.elements.at(1).elements.at(1).string); // [id, [payload, <message>]]
        return payloads;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The Redis-free tests run either way; the Redis ones skip by themselves without a server.
        if (RedisServer::isAvailable())
            QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    }

    void oneMessagePerWeekInFirstSeenOrder()
    {
        const Game a = Test::scheduledGame(u"2025092100"_s, u"DET"_s, u"CHI"_s, 17);
        const Game b = Test::scheduledGame(u"2025092101"_s, u"KC"_s, u"NYG"_s, 17);
        const Game c = inOtherWeek(Test::scheduledGame(u"2025092800"_s, u"DAL"_s, u"PHI"_s, 17));
        const Game aLater = Test::liveGame(a, 7, 0);
        const auto readWeek = reader(
            {{Test::testWeek, FeedDialect::LiveUpdate, {aLater, b}}, {otherWeek, FeedDialect::LiveUpdate, {c}}});

        // c's week first, as it came first; a changed twice is listed once, in its latest version.
        const auto messages = LivePublisher::messagesFor({c, a, b, aLater}, readWeek);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].key, std::optional(otherWeek));
        QCOMPARE(messages[0].weekJson, LiveMessage::weekBody({c}));
        QCOMPARE(messages[1].key, std::optional(Test::testWeek));
        QCOMPARE(messages[1].weekJson, LiveMessage::weekBody({aLater, b}));
        QCOMPARE(
            messages[1].changedGames, LiveMessage::fromWeek(Test::testWeek, {aLater, b}, {aLater, b}).changedGames);
        // What travels decodes to the same message.
        const LiveMessage decoded = LiveMessage::decode(messages[1].encode());
        QCOMPARE(decoded.key, std::optional(Test::testWeek));
        QCOMPARE(decoded.changedGames, messages[1].changedGames);

        // A week the store cannot read is left out, with a warning; the others still go.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"not publishing 2025/REG. Week 4 no such week"_s));
        const auto partial = LivePublisher::messagesFor({c, a}, reader({{Test::testWeek, {}, {a}}}));
        QCOMPARE(partial.size(), 1);
        QCOMPARE(partial[0].key, std::optional(Test::testWeek));
        QVERIFY(LivePublisher::messagesFor({}, readWeek).isEmpty());
    }

    void inProcessBusGetsEachWeek()
    {
        InProcessBus bus;
        LivePublisher publisher(&bus);
        QCOMPARE(publisher.destination(), u"the in-process bus"_s);
        QSignalSpy received(&bus, &LiveBus::messageReceived);
        const Game a = Test::scheduledGame(u"2025092100"_s, u"DET"_s, u"CHI"_s, 17);
        const Game c = inOtherWeek(Test::scheduledGame(u"2025092800"_s, u"DAL"_s, u"PHI"_s, 17));
        const auto readWeek
            = reader({{Test::testWeek, FeedDialect::LiveUpdate, {a}}, {otherWeek, FeedDialect::LiveUpdate, {c}}});
        const auto sent = QCoro::waitFor(publisher.publishChanges({a, c}, readWeek));
        QVERIFY2(sent.ok(), qPrintable(sent.error()));
        QCOMPARE(sent.value(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 5000);
        const auto expected = LivePublisher::messagesFor({a, c}, readWeek);
        QCOMPARE(received.at(0).at(0).toByteArray(), expected[0].encode());
        QCOMPARE(received.at(1).at(0).toByteArray(), expected[1].encode());
    }

    void noSinkIsAFailure()
    {
        LivePublisher publisher(static_cast<LiveBus *>(nullptr));
        const auto published = QCoro::waitFor(publisher.publish("x"));
        QVERIFY(!published);
        QCOMPARE(published.error(), u"no live bus to publish on"_s);
    }

    // The stream takes the exact bytes and returns the entry's id; with a fence, only the lease's holder writes.
    void streamAppendsAndHonoursTheFence()
    {
        if (!m_redis.isRunning())
            QSKIP("redis-server is not installed");
        RedisClient client(m_redis.url());
        LivePublisher::Options options;
        options.stream = "endzone:test:publisher";
        LivePublisher publisher(&client, options);
        QCOMPARE(publisher.destination(), u"stream endzone:test:publisher"_s);
        const QByteArray binary("{\"score\":\0\r\n7}", 14);
        const auto id = QCoro::waitFor(publisher.publish(binary));
        QVERIFY2(id.ok(), qPrintable(id.error()));
        QVERIFY(!id.value().isEmpty());

        QVERIFY(QCoro::waitFor(client.set("endzone:test:lease", "holder")).ok());
        const auto held = QCoro::waitFor(publisher.publish("by the holder", {"endzone:test:lease", "holder"}));
        QVERIFY2(held.ok(), qPrintable(held.error()));
        const auto deposed = QCoro::waitFor(publisher.publish("by a deposed leader", {"endzone:test:lease", "other"}));
        QVERIFY(!deposed);
        QVERIFY2(deposed.error().contains(QLatin1StringView(RedisClient::NotLeaderError)), qPrintable(deposed.error()));
        QCOMPARE(streamPayloads(client, options.stream), (QByteArrayList {binary, "by the holder"}));
    }

    // With no stream: PUBLISH on the channel, the old way, and nothing in any stream.
    void channelWithoutStream()
    {
        if (!m_redis.isRunning())
            QSKIP("redis-server is not installed");
        RedisSubscriber subscriber(m_redis.url(), "endzone:test:channel");
        QSignalSpy subscribed(&subscriber, &RedisSubscriber::resubscribed);
        QVERIFY(subscribed.wait(5000));
        QSignalSpy received(&subscriber, &RedisSubscriber::messageReceived);
        RedisClient client(m_redis.url());
        LivePublisher publisher(&client, {QByteArray(), 10000, "endzone:test:channel"});
        QCOMPARE(publisher.destination(), u"channel endzone:test:channel"_s);
        const auto published = QCoro::waitFor(publisher.publish("old format", {"endzone:test:lease", "ignored"}));
        QVERIFY2(published.ok(), qPrintable(published.error()));
        QCOMPARE(published.value(), QByteArray());
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        QCOMPARE(received.at(0).at(0).toByteArray(), QByteArray("old format"));
        QCOMPARE(streamPayloads(client, LiveBus::DefaultStream), QByteArrayList());
    }
};

QTEST_GUILESS_MAIN(LivePublisherTest)
#include "livepublishertest.moc"
