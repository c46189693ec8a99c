#include "redisbus.h"
#include "redisserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using Endzone::Test::RedisServer;

class RedisBusTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<RedisServer> m_redis;

private Q_SLOTS:
    void initTestCase()
    {
        if (!RedisServer::isAvailable()) {
            QSKIP("redis-server is not installed");
        }
        m_redis = std::make_unique<RedisServer>();
        QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));
    }

    void publishReachesEveryProcess()
    {
        RedisBus a(m_redis->url());
        RedisBus b(m_redis->url());
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
