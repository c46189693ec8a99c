#include "redisclient.h"
#include "redisserver.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Endzone;
using Endzone::Test::RedisServer;

namespace {
// Answers the connection handshake (PING) and then nothing, like a wedged Redis.
class SilentRedis : public QObject
{
public:
    SilentRedis()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    if (socket->readAll().contains("PING")) {
                        socket->write("+PONG\r\n");
                    }
                });
            }
        });
    }
    QUrl url() const { return QUrl(u"redis://127.0.0.1:%1/0"_s.arg(m_server.serverPort())); }

private:
    QTcpServer m_server;
};

quint16 unusedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

class RedisClientTest : public QObject
{
    Q_OBJECT
    RedisServer m_redis; // one for the test functions that need not kill it

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_redis.startOrSkip())
            return;
    }

    void setAndGet()
    {
        RedisClient client(m_redis.url());
        const auto set = QCoro::waitFor(client.set("endzone:test:a", QByteArray("v\0al\r\nue", 8)));
        QVERIFY2(set.ok(), qPrintable(set.error()));
        const auto got = QCoro::waitFor(client.get("endzone:test:a"));
        QVERIFY2(got.ok(), qPrintable(got.error()));
        QVERIFY(got.value().has_value());
        QCOMPARE(*got.value(), QByteArray("v\0al\r\nue", 8));

        const auto missing = QCoro::waitFor(client.get("endzone:test:missing"));
        QVERIFY(missing.ok());
        QVERIFY(!missing.value().has_value());
        QCOMPARE(client.state(), RedisClient::State::Connected);
    }

    void ttlExpires()
    {
        RedisClient client(m_redis.url());
        QVERIFY(QCoro::waitFor(client.set("endzone:test:ttl", "x", 300ms)).ok());
        const auto pttl = QCoro::waitFor(client.command({"PTTL", "endzone:test:ttl"}));
        QVERIFY(pttl.ok());
        QVERIFY(pttl.value().integer > 0);
        QVERIFY(pttl.value().integer <= 300);
        const auto permanent = QCoro::waitFor(client.set("endzone:test:permanent", "y"));
        QVERIFY(permanent.ok());
        QCOMPARE(QCoro::waitFor(client.command({"PTTL", "endzone:test:permanent"})).value().integer, -1);

        QTRY_VERIFY_WITH_TIMEOUT(!QCoro::waitFor(client.get("endzone:test:ttl")).value().has_value(), 5000);
        QCOMPARE(QCoro::waitFor(client.get("endzone:test:permanent")).value(), std::optional<QByteArray>("y"));
    }

    void selectsDatabaseFromUrl()
    {
        RedisClient db3(m_redis.url(3));
        RedisClient db0(m_redis.url(0));
        QVERIFY(QCoro::waitFor(db3.set("endzone:test:db", "three")).ok());
        QCOMPARE(QCoro::waitFor(db3.get("endzone:test:db")).value(), std::optional<QByteArray>("three"));
        QCOMPARE(QCoro::waitFor(db0.get("endzone:test:db")).value(), std::nullopt);
    }

    void publishCountsReceivers()
    {
        RedisClient client(m_redis.url());
        const auto published = QCoro::waitFor(client.publish("endzone:test:nobody", "hello"));
        QVERIFY2(published.ok(), qPrintable(published.error()));
        QCOMPARE(published.value(), 0);
    }

    void leaseSemantics()
    {
        RedisClient a(m_redis.url());
        RedisClient b(m_redis.url());
        const QByteArray key = "endzone:test:lease";
        QCOMPARE(QCoro::waitFor(a.setIfAbsent(key, "a", 10s)).value(), true);
        QCOMPARE(QCoro::waitFor(b.setIfAbsent(key, "b", 10s)).value(), false);
        QCOMPARE(QCoro::waitFor(b.extendIfOwner(key, "b", 60s)).value(), false);
        QCOMPARE(QCoro::waitFor(a.get(key)).value(), std::optional<QByteArray>("a"));

        QCOMPARE(QCoro::waitFor(a.extendIfOwner(key, "a", 60s)).value(), true);
        const auto pttl = QCoro::waitFor(a.command({"PTTL", key})).value().integer;
        QVERIFY2(pttl > 10000 && pttl <= 60000, QByteArray::number(pttl).constData());

        QCOMPARE(QCoro::waitFor(b.deleteIfOwner(key, "b")).value(), false);
        QCOMPARE(QCoro::waitFor(a.deleteIfOwner(key, "a")).value(), true);
        QCOMPARE(QCoro::waitFor(b.setIfAbsent(key, "b", 10s)).value(), true);
        QCOMPARE(QCoro::waitFor(a.extendIfOwner(key, "a", 60s)).value(), false);
        QCOMPARE(QCoro::waitFor(a.del(key)).value(), true);
        QCOMPARE(QCoro::waitFor(a.del(key)).value(), false);
        QCOMPARE(QCoro::waitFor(a.extendIfOwner(key, "a", 60s)).value(), false);
    }

    void errorReplyIsFailure()
    {
        RedisClient client(m_redis.url());
        QVERIFY(QCoro::waitFor(client.set("endzone:test:string", "x")).ok());
        const auto reply = QCoro::waitFor(client.command({"LPUSH", "endzone:test:string", "y"}));
        QVERIFY(!reply.ok());
        QVERIFY2(reply.error().contains("WRONGTYPE"_L1), qPrintable(reply.error()));
    }

    void deadRedisFailsClearly()
    {
        const quint16 port = unusedPort();
        RedisClient client(QUrl(u"redis://127.0.0.1:%1/0"_s.arg(port)));
        client.setCommandTimeout(5s);
        QElapsedTimer timer;
        timer.start();
        const auto first = QCoro::waitFor(client.get("k"));
        QVERIFY(!first.ok());
        const QString expected = u"Redis at 127.0.0.1:%1 is unavailable: "_s.arg(port);
        QVERIFY2(first.error().startsWith(expected), qPrintable(first.error()));
        QVERIFY2(timer.elapsed() < 5000, "the first command must not wait out its timeout");

        // Once known to be down, commands fail without waiting.
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), RedisClient::State::Disconnected, 5000);
        timer.restart();
        const auto second = QCoro::waitFor(client.set("k", "v"));
        QVERIFY(!second.ok());
        QVERIFY2(second.error().startsWith(expected), qPrintable(second.error()));
        QVERIFY(timer.elapsed() < 1000);
    }

    void invalidUrlFails()
    {
        RedisClient client(QUrl(u"http://127.0.0.1:1/0"_s));
        const auto result = QCoro::waitFor(client.get("k"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains("invalid Redis URL"_L1), qPrintable(result.error()));
    }

    void commandTimesOut()
    {
        SilentRedis silent;
        RedisClient client(silent.url());
        client.setCommandTimeout(300ms);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), RedisClient::State::Connected, 5000);
        const auto result = QCoro::waitFor(client.get("k"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), u"Redis command timed out"_s);
    }

    void destroyedMidCommandStillFinishes()
    {
        SilentRedis silent;
        auto client = std::make_unique<RedisClient>(silent.url());
        client->setCommandTimeout(60s);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), RedisClient::State::Connected, 5000);
        auto task = client->get("k");
        client.reset();
        const auto result = QCoro::waitFor(std::move(task));
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), u"Redis client destroyed"_s);
    }

    void reconnectsAfterKillAndRestart()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisClient client(redis.url());
        QVERIFY(QCoro::waitFor(client.set("k", "before")).ok());

        QVERIFY(redis.kill());
        // Whatever is in flight when Redis dies fails: it does not hang.
        const auto during = QCoro::waitFor(client.get("k"));
        QVERIFY(!during.ok());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), RedisClient::State::Disconnected, 5000);
        const auto down = QCoro::waitFor(client.get("k"));
        QVERIFY(!down.ok());
        QVERIFY2(down.error().contains("is unavailable"_L1), qPrintable(down.error()));

        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), RedisClient::State::Connected, 10000);
        QVERIFY(QCoro::waitFor(client.set("k", "after")).ok());
        QCOMPARE(QCoro::waitFor(client.get("k")).value(), std::optional<QByteArray>("after"));
    }

    void passwordIsUsedAndNeverShown()
    {
        const QString password = u"s3cr3t-Pw"_s;
        RedisServer redis({u"--requirepass"_s, password});
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));

        static QStringList logged;
        logged.clear();
        const auto previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &msg) { logged.append(msg); });
        QLoggingCategory::setFilterRules(u"endzone.live.debug=true"_s);

        QUrl good = redis.url();
        good.setPassword(password);
        RedisClient authenticated(good);
        const auto set = QCoro::waitFor(authenticated.set("k", "v"));

        QUrl bad = redis.url();
        bad.setPassword(u"wr0ng-Pw"_s);
        RedisClient refused(bad);
        refused.setCommandTimeout(5s);
        const auto denied = QCoro::waitFor(refused.get("k"));
        QTRY_VERIFY_WITH_TIMEOUT(!refused.lastError().isEmpty(), 5000);
        const auto deniedAgain = QCoro::waitFor(refused.get("k"));

        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(previous);

        QVERIFY2(set.ok(), qPrintable(set.error()));
        QCOMPARE(QCoro::waitFor(authenticated.get("k")).value(), std::optional<QByteArray>("v"));
        QVERIFY(!denied.ok());
        QVERIFY(!deniedAgain.ok());
        QVERIFY2(deniedAgain.error().contains("authentication failed"_L1), qPrintable(deniedAgain.error()));
        QVERIFY(!logged.isEmpty());
        for (const QString &text : {denied.error(), deniedAgain.error(), refused.lastError(), refused.endpoint()}) {
            QVERIFY2(!text.contains("wr0ng"_L1), qPrintable(text));
        }
        for (const QString &line : std::as_const(logged)) {
            QVERIFY2(!line.contains("wr0ng"_L1) && !line.contains(password), qPrintable(line));
        }
    }
};

QTEST_GUILESS_MAIN(RedisClientTest)
#include "redisclienttest.moc"
