// Slow, stalled and idle SSE clients and a flood of half-open connections against a real endzone-server
// (Redis bus): every reading client keeps receiving every event, stalled clients are dropped once their
// queue is full, half-open connections are closed after --header-timeout, and the server's memory comes back
// to where it was (RSS before and after, with a generous bound). Pass/fail never depends on timing.
// ENDZONE_SSE_IDLE_CLIENTS (default 2000) sets the number of idle clients; 10000 is the documented manual run.
#include "apitestsupport.h"
#include "faultsupport.h"
#include "redisclient.h"
#include "redisserver.h"

#include <QCoroTask>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;

namespace {

QCoro::Task<qint64> publish(RedisClient *client, QByteArray channel, QByteArray payload)
{
    auto result = co_await client->publish(channel, payload);
    co_return result ? result.value() : -1;
}

int liveClients(quint16 port)
{
    const HttpResult result = httpRequest(QUrl(u"http://127.0.0.1:%1/api/"_s.arg(port)));
    return QJsonDocument::fromJson(result.body).object().value(u"live"_s).toObject().value(u"clients"_s).toInt(-1);
}

} // namespace

class SseLoadTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!RedisServer::isAvailable())
            QSKIP("redis-server is not installed");
    }

    void slowStalledIdleAndHalfOpenClients()
    {
        const int idleCount = qEnvironmentVariableIsSet("ENDZONE_SSE_IDLE_CLIENTS")
            ? qEnvironmentVariableIntValue("ENDZONE_SSE_IDLE_CLIENTS")
            : 2000;
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY2(server.start({u"--database"_s, u"sqlite:///"_s + dir.filePath(u"load.sqlite"_s), u"--redis"_s,
                     redis.url().toString(), u"--max-connections"_s, QString::number(idleCount + 600),
                     u"--header-timeout"_s, u"3"_s, u"--sse-queue-bytes"_s, u"65536"_s}),
            qPrintable(server.errorString()));
        RedisClient publisher(redis.url());

        // Warm up: one client, one event, then the baseline.
        {
            SseTestClient warm(server.port());
            QVERIFY(warm.waitForHead());
            QTRY_VERIFY_WITH_TIMEOUT(QCoro::waitFor(publish(&publisher, "endzone:live", "[\"warm\"]")) >= 1, 20000);
            QVERIFY(warm.waitForEvents(1, 20000));
        }
        QTRY_COMPARE_WITH_TIMEOUT(liveClients(server.port()), 0, 20000);
        const qint64 baseline = residentKiB(server.pid());
        QVERIFY(baseline > 0);

        // Idle clients that read, a few stalled ones that never read, and a flood of half-open connections.
        std::vector<std::unique_ptr<SseTestClient>> idle;
        for (int i = 0; i < idleCount; ++i) {
            idle.push_back(std::make_unique<SseTestClient>(server.port()));
            if (i % 200 == 199)
                QVERIFY(idle.back()->waitForHead(60000));
        }
        std::vector<std::unique_ptr<SseTestClient>> stalled;
        for (int i = 0; i < 5; ++i)
            stalled.push_back(std::make_unique<SseTestClient>(server.port(), HeaderPairs {}, "/api/livescore", false));
        std::vector<std::unique_ptr<QTcpSocket>> halfOpen;
        for (int i = 0; i < 400; ++i) {
            halfOpen.push_back(std::make_unique<QTcpSocket>());
            halfOpen.back()->connectToHost(QHostAddress::LocalHost, server.port());
            if (i % 2)
                halfOpen.back()->write("GET /api/livescore HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // a head never finished
        }
        int connected = 0;
        for (auto &client : idle)
            connected += client->waitForHead(60000) && client->status() == 200;
        QCOMPARE(connected, idleCount);
        QTRY_VERIFY_WITH_TIMEOUT(liveClients(server.port()) >= idleCount + 5, 60000);

        // Every reading client receives every event while stalled ones and half-open connections are around.
        const int events = 20;
        for (int i = 0; i < events; ++i)
            QVERIFY(
                QCoro::waitFor(publish(&publisher, "endzone:live", "[\"" + QByteArray(1024, 'a' + i) + "\"]")) >= 1);
        const qint64 peak = residentKiB(server.pid());
        int complete = 0;
        for (auto &client : idle)
            complete += client->waitForEvents(events, 60000);
        QCOMPARE(complete, idleCount);
        int halfOpenClosed = 0;
        for (auto &socket : halfOpen) {
            // A burst of connects overflows the listen backlog: some are still retrying their SYN.
            if (socket->state() != QAbstractSocket::ConnectedState)
                socket->waitForConnected(30000);
            if (socket->state() == QAbstractSocket::ConnectedState)
                socket->waitForDisconnected(30000); // closed by --header-timeout
            halfOpenClosed += socket->state() == QAbstractSocket::UnconnectedState;
        }
        QCOMPARE(halfOpenClosed, int(halfOpen.size()));
        idle.resize(3); // three readers stay for the next part

        // Stalled clients are dropped once their queue (64 KiB here) is full, after the kernel's socket buffers
        // on both sides (several MiB on loopback) are: 16 MiB of events gets there. The readers get it all.
        const int bigEvents = 256;
        const QByteArray big = "[\"" + QByteArray(64 * 1024, 'x') + "\"]";
        for (int i = 0; i < bigEvents; ++i)
            QVERIFY(QCoro::waitFor(publish(&publisher, "endzone:live", big)) >= 1);
        // Dropped, not buffered without end: the server counts only the readers (a stalled client cannot see
        // the close itself, since it never reads up to the FIN).
        QTRY_COMPARE_WITH_TIMEOUT(liveClients(server.port()), int(idle.size()), 60000);
        for (auto &client : idle)
            QVERIFY(client->waitForEvents(events + bigEvents, 60000));
        const qint64 peakBig = residentKiB(server.pid());

        // Everyone leaves: memory comes back (generous bound: 64 MiB over the baseline; allocators keep some).
        idle.clear();
        stalled.clear();
        halfOpen.clear();
        QTRY_COMPARE_WITH_TIMEOUT(liveClients(server.port()), 0, 60000);
        const qint64 after = residentKiB(server.pid());
        qInfo() << "idle clients" << idleCount << "RSS KiB: baseline" << baseline << "peak" << peak << "after" << after
                << "per client at peak" << (peak - baseline) / qMax(1, idleCount) << "with stalled clients" << peakBig;
        QVERIFY2(after < baseline + 64 * 1024, qPrintable(u"RSS %1 KiB after, %2 before"_s.arg(after).arg(baseline)));
        // And it still serves.
        SseTestClient last(server.port());
        QVERIFY(last.waitForHead());
        QVERIFY(QCoro::waitFor(publish(&publisher, "endzone:live", "[\"after\"]")) >= 1);
        QVERIFY(last.waitForEvents(1, 20000));
        QVERIFY(server.isRunning());
    }
};

QTEST_GUILESS_MAIN(SseLoadTest)
#include "sseloadtest.moc"
