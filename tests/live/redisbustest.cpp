#include "redisbus.h"
#include "redisclient.h"
#include "redisserver.h"
#include "redisstreamreader.h"
#include "streamid.h"

#include <QCoroTask>

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using Endzone::Test::RedisServer;

class RedisBusTest : public QObject
{
    Q_OBJECT
    RedisServer m_redis; // one for the test functions that need not kill it

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_redis.startOrSkip())
            return;
    }

    void publishReachesEveryProcess()
    {
        RedisBus a(m_redis.url());
        RedisBus b(m_redis.url());
        QCOMPARE(a.channel(), QByteArray(LiveBus::DefaultChannel));
        QSignalSpy aStates(&a, &LiveBus::stateChanged);
        QSignalSpy aMessages(&a, &LiveBus::messageReceived);
        QSignalSpy bMessages(&b, &LiveBus::messageReceived);
        QSignalSpy bResubscribed(&b, &LiveBus::resubscribed);
        QTRY_COMPARE_WITH_TIMEOUT(a.state(), LiveBus::State::Connected, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(b.state(), LiveBus::State::Connected, 5000);
        QCOMPARE(aStates.constLast().at(0).value<LiveBus::State>(), LiveBus::State::Connected);
        QCOMPARE(bResubscribed.size(), 1);

        a.publish(R"({"week":12})");
        QTRY_COMPARE_WITH_TIMEOUT(bMessages.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(aMessages.size(), 1, 5000);
        QCOMPARE(bMessages.at(0).at(0).toByteArray(), QByteArray(R"({"week":12})"));
        QCOMPARE(aMessages.at(0).at(0).toByteArray(), QByteArray(R"({"week":12})"));
    }

    // The stream gives a message the same id in every process; the old pub/sub channel is still read.
    void streamIdsAreSharedAndOldChannelStillReadable()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisBus a(redis.url());
        RedisBus b(redis.url());
        QVERIFY(a.resumesExactly());
        QSignalSpy aEvents(&a, &LiveBus::eventReceived);
        QSignalSpy bEvents(&b, &LiveBus::eventReceived);
        QTRY_COMPARE_WITH_TIMEOUT(a.state(), LiveBus::State::Connected, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(b.state(), LiveBus::State::Connected, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!a.reader()->lastId().isEmpty() && !b.reader()->lastId().isEmpty(), 5000);
        a.publish("first");
        b.publish("second");
        QTRY_COMPARE_WITH_TIMEOUT(aEvents.size(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(bEvents.size(), 2, 5000);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(aEvents.at(i).at(0).toByteArray(), bEvents.at(i).at(0).toByteArray());
            QCOMPARE(aEvents.at(i).at(1).toByteArray(), bEvents.at(i).at(1).toByteArray());
            QVERIFY(StreamId::parse(aEvents.at(i).at(0).toByteArray()));
        }

        // A publisher of the old format on the channel: delivered, with an id only this process uses.
        RedisClient old(redis.url());
        QVERIFY(QCoro::waitFor(old.publish(LiveBus::DefaultChannel, "old format")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(aEvents.size(), 3, 5000);
        QCOMPARE(aEvents.at(2).at(1).toByteArray(), QByteArray("old format"));
        QCOMPARE(aEvents.at(2).at(0).toByteArray(), aEvents.at(1).at(0).toByteArray() + ".1");

        // A fresh process reads the recent entries back as replayed: events, but no messages.
        RedisBus::Options options;
        options.backfill = 10;
        RedisBus late(redis.url(), options);
        QSignalSpy lateEvents(&late, &LiveBus::eventReceived);
        QSignalSpy lateMessages(&late, &LiveBus::messageReceived);
        QTRY_COMPARE_WITH_TIMEOUT(lateEvents.size(), 2, 5000);
        QCOMPARE(lateEvents.at(1).at(0).toByteArray(), aEvents.at(1).at(0).toByteArray());
        QVERIFY(lateEvents.at(0).at(2).toBool() && lateEvents.at(1).at(2).toBool());
        QVERIFY(lateMessages.isEmpty());
    }

    void survivesRedisRestart()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisBus bus(redis.url(), "endzone:test:bus");
        QSignalSpy messages(&bus, &LiveBus::messageReceived);
        QSignalSpy resubscribed(&bus, &LiveBus::resubscribed);
        QTRY_COMPARE_WITH_TIMEOUT(bus.state(), LiveBus::State::Connected, 5000);

        QVERIFY(redis.kill());
        QTRY_COMPARE_WITH_TIMEOUT(bus.state(), LiveBus::State::Disconnected, 5000);
        bus.publish("lost"); // dropped and logged, not queued forever
        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(bus.state(), LiveBus::State::Connected, 10000);
        QCOMPARE(resubscribed.size(), 2);

        bus.publish("after restart");
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 5000);
        QCOMPARE(messages.at(0).at(0).toByteArray(), QByteArray("after restart"));
    }
};

QTEST_GUILESS_MAIN(RedisBusTest)
#include "redisbustest.moc"
