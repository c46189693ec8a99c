#include "redissubscriber.h"
#include "redisclient.h"
#include "redisserver.h"

#include <QCoroTask>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using Endzone::Test::RedisServer;

class RedisSubscriberTest : public QObject
{
    Q_OBJECT
    RedisServer m_redis; // one for the test functions that need not kill it

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_redis.startOrSkip())
            return;
    }

    void receivesExactPayloadsInOrder()
    {
        RedisSubscriber subscriber(m_redis.url(), "endzone:test:live");
        QSignalSpy subscribed(&subscriber, &RedisSubscriber::resubscribed);
        QSignalSpy messages(&subscriber, &RedisSubscriber::messageReceived);
        QVERIFY(subscribed.wait(5000));
        QCOMPARE(subscriber.state(), RedisSubscriber::State::Connected);

        RedisClient client(m_redis.url());
        const QByteArray binary("{\"score\":\0\r\n7}", 14);
        const auto published = QCoro::waitFor(client.publish("endzone:test:live", binary));
        QVERIFY2(published.ok(), qPrintable(published.error()));
        QCOMPARE(published.value(), 1);
        QVERIFY(QCoro::waitFor(client.publish("endzone:test:other", "not for us")).ok());
        for (int i = 0; i < 20; ++i) {
            QVERIFY(QCoro::waitFor(client.publish("endzone:test:live", QByteArray::number(i))).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 21, 5000);
        QCOMPARE(messages.at(0).at(0).toByteArray(), binary);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(messages.at(i + 1).at(0).toByteArray(), QByteArray::number(i));
        }
        QCOMPARE(subscribed.size(), 1);
    }

    void startsWhileRedisIsDown()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        QVERIFY(redis.kill());
        RedisSubscriber subscriber(redis.url(), "endzone:test:late");
        QTRY_COMPARE_WITH_TIMEOUT(subscriber.state(), RedisSubscriber::State::Disconnected, 5000);
        QVERIFY(subscriber.lastError().size() > 0);

        QSignalSpy subscribed(&subscriber, &RedisSubscriber::resubscribed);
        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        QVERIFY(subscribed.wait(10000));
        QCOMPARE(subscriber.state(), RedisSubscriber::State::Connected);
    }

    void resubscribesAfterKillAndRestart()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisSubscriber subscriber(redis.url(), "endzone:test:live");
        RedisClient client(redis.url());
        QSignalSpy subscribed(&subscriber, &RedisSubscriber::resubscribed);
        QSignalSpy messages(&subscriber, &RedisSubscriber::messageReceived);
        QSignalSpy states(&subscriber, &RedisSubscriber::stateChanged);
        QVERIFY(subscribed.wait(5000));
        QVERIFY(QCoro::waitFor(client.publish("endzone:test:live", "first")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 5000);

        QVERIFY(redis.kill());
        QTRY_COMPARE_WITH_TIMEOUT(subscriber.state(), RedisSubscriber::State::Disconnected, 5000);
        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, 10000);
        QCOMPARE(subscriber.state(), RedisSubscriber::State::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), RedisClient::State::Connected, 10000);

        const auto published = QCoro::waitFor(client.publish("endzone:test:live", "second"));
        QVERIFY2(published.ok(), qPrintable(published.error()));
        QCOMPARE(published.value(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 5000);
        QCOMPARE(messages.at(1).at(0).toByteArray(), QByteArray("second"));

        bool sawDisconnected = false;
        for (const auto &change : std::as_const(states)) {
            sawDisconnected |= change.at(0).value<RedisSubscriber::State>() == RedisSubscriber::State::Disconnected;
        }
        QVERIFY(sawDisconnected);
        QCOMPARE(states.constLast().at(0).value<RedisSubscriber::State>(), RedisSubscriber::State::Connected);
    }
};

QTEST_GUILESS_MAIN(RedisSubscriberTest)
#include "redissubscribertest.moc"
