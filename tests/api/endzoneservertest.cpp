#include "apitestsupport.h"
#include "feedserver.h"
#include "livemessage.h"
#include "postgresserver.h"
#include "redisclient.h"
#include "redisserver.h"
#include "syntheticseason.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;

// Two real endzone-server processes with --watch on one Redis: exactly one polls the feed (the lease),
// and a change published once on the channel reaches the SSE clients of both, each process holding a
// single subscription however many clients it has.
class EndzoneServerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void twoProcessesOneRedis()
    {
        RedisServer redis;
        if (!redis.startOrSkip())
            return;
        FeedServer::Options feedOptions;
        feedOptions.syntheticSeason = 2015;
        feedOptions.clockStart = SyntheticSeason(2015).firstSundayKickoff().addSecs(3600);
        feedOptions.speed = 0;
        FeedServer feed(feedOptions);
        QVERIFY(feed.listen());
        QTemporaryDir dir;

        const QString binary = qEnvironmentVariable("ENDZONE_BIN_DIR") + u"/endzone-server"_s;
        QVERIFY2(QFile::exists(binary), qPrintable(binary));
        std::vector<std::unique_ptr<QProcess>> processes;
        QList<quint16> ports;
        for (int i = 0; i < 2; ++i) {
            const quint16 port = freePort();
            auto process = std::make_unique<QProcess>();
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"ENDZONE_CONFIG"_s, dir.filePath(u"none.conf"_s));
            process->setProcessEnvironment(env);
            process->start(binary,
                {u"--database"_s, u"sqlite:///"_s + dir.filePath(u"s%1.sqlite"_s.arg(i)), u"--feed"_s,
                    feed.baseUrl().toString(), u"--redis"_s, redis.url().toString(), u"--listen"_s,
                    u"127.0.0.1:%1"_s.arg(port), u"--watch"_s});
            QVERIFY(process->waitForStarted(10000));
            processes.push_back(std::move(process));
            ports.append(port);
        }
        for (const quint16 port : ports)
            QTRY_COMPARE_WITH_TIMEOUT(httpRequest(QUrl(u"http://127.0.0.1:%1/api/"_s.arg(port))).status, 200, 15000);

        // Two clients per process, joined once each process is subscribed to the channel.
        std::vector<std::unique_ptr<SseTestClient>> clients;
        for (const quint16 port : ports) {
            for (int i = 0; i < 2; ++i)
                clients.push_back(std::make_unique<SseTestClient>(port));
        }
        for (const quint16 port : ports) {
            QTRY_VERIFY_WITH_TIMEOUT(
                QJsonDocument::fromJson(httpRequest(QUrl(u"http://127.0.0.1:%1/api/"_s.arg(port))).body)
                        .object()
                        .value(u"live"_s)
                        .toObject()
                    == QJsonObject({{u"bus"_s, u"connected"_s}, {u"clients"_s, 2}}),
                15000);
        }

        // One change published once: every client of both processes gets it, and Redis delivered it to
        // exactly two subscriptions (one per process, not one per client).
        RedisClient publisher(redis.url());
        Game game = Game::fromJson(
            QJsonDocument::fromJson(httpRequest(QUrl(u"http://127.0.0.1:%1/api/season/2015/1"_s.arg(ports[0]))).body)
                .array()
                .first()
                .toObject())
                        .value();
        game.home.score = 99;
        const QByteArray payload = LiveMessage::fromWeek({2015, SeasonType::Reg, game.week}, {game}, {game}).encode();
        QCOMPARE(publish(publisher, "endzone:live", payload), 2);
        for (auto &client : clients) {
            QTRY_VERIFY_WITH_TIMEOUT(!client->eventsOfType(u"game"_s).isEmpty()
                    && client->eventsOfType(u"game"_s).last().data.contains("\"score\":99"),
                10000);
        }
        // The leader's own publish of its first poll came through the same channel.
        QTRY_VERIFY_WITH_TIMEOUT(clients[0]->eventsOfType(u"update"_s).size() >= 1, 5000);

        // Exactly one process took the lease and polled.
        QByteArrayList logs;
        for (auto &process : processes) {
            process->terminate();
            QVERIFY(process->waitForFinished(10000));
            logs.append(process->readAllStandardError());
        }
        const int leaders = int(std::count_if(logs.cbegin(), logs.cend(),
            [](const QByteArray &log) { return log.contains("this process now leads the live watcher"); }));
        QCOMPARE(leaders, 1);
        const int publishers = int(std::count_if(logs.cbegin(), logs.cend(),
            [](const QByteArray &log) { return log.contains("published 2015/REG. Week"); }));
        QCOMPARE(publishers, 1);
    }
};

QTEST_GUILESS_MAIN(EndzoneServerTest)
#include "endzoneservertest.moc"
