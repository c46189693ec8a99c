// Secure defaults of the servers: loopback unless told otherwise, no password in any log line or error
// message (database, Redis and feed URLs; debug logging on), CORS off unless configured, and request size,
// connection count and the time to send a request head bounded and configurable.
#include "apiserver.h"
#include "apitestsupport.h"
#include "faultsupport.h"
#include "feedserver.h"
#include "postgresserver.h"
#include "redisserver.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;

namespace {

// The local address of the listening TCP socket on `port`, as /proc/net/tcp writes it (0100007F: 127.0.0.1).
QByteArray listeningAddress(quint16 port)
{
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 4 || fields[3] != "0A") // 0A: LISTEN
                continue;
            const QList<QByteArray> local = fields[1].split(':');
            if (local.size() == 2 && local[1].toUShort(nullptr, 16) == port)
                return local[0];
        }
    }
    return {};
}

QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

} // namespace

class SecureDefaultsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void serversBindLoopbackByDefault()
    {
        ApiServer::Options options;
        QCOMPARE(options.address, QHostAddress(QHostAddress::LocalHost));
        options.port = 0;
        ApiServer api({}, options);
        QVERIFY(api.listen());
        QCOMPARE(listeningAddress(api.port()), QByteArray("0100007F"));

        FeedServer::Options feedOptions;
        feedOptions.syntheticSeason = 2015;
        FeedServer feed(feedOptions);
        const auto feedPort = feed.listen();
        QVERIFY(feedPort);
        QCOMPARE(listeningAddress(feedPort.value()), QByteArray("0100007F"));

        // The executables' own defaults, when their default ports are free here.
        QTemporaryDir dir;
        for (const auto &[binary, port] :
            {std::pair {u"endzone-server"_s, 8000}, std::pair {u"endzone-feed"_s, 8081}}) {
            if (!listeningAddress(quint16(port)).isEmpty()) {
                qInfo() << "port" << port << "is in use here: not starting" << binary << "with its defaults";
                continue;
            }
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"ENDZONE_CONFIG"_s, dir.filePath(u"none.conf"_s));
            env.insert(u"ENDZONE_DATABASE"_s, u"sqlite:///"_s + dir.filePath(u"b.sqlite"_s));
            process.setProcessEnvironment(env);
            const QStringList arguments
                = binary == u"endzone-feed"_s ? QStringList {u"--synthetic"_s, u"2015"_s} : QStringList {};
            process.start(qEnvironmentVariable("ENDZONE_BIN_DIR") + u'/' + binary, arguments);
            QVERIFY(process.waitForStarted(10000));
            QTRY_VERIFY_WITH_TIMEOUT(!listeningAddress(quint16(port)).isEmpty(), 30000);
            QCOMPARE(listeningAddress(quint16(port)), QByteArray("0100007F"));
            process.terminate();
            QVERIFY(process.waitForFinished(30000));
        }
    }

    void passwordsNeverLogged()
    {
        QTemporaryDir dir;
        const quint16 closed = freePort(); // nothing listens there
        const QStringList debug {u"QT_LOGGING_RULES=*.debug=true"_s};
        const QList<QByteArray> secrets {"PgS3cret", "RedisS3cret", "FeedS3cret"};
        const auto verifyClean = [&](const QByteArray &output, const char *what) {
            for (const QByteArray &secret : secrets)
                QVERIFY2(!output.contains(secret),
                    qPrintable(QString::fromLatin1(what) + u": "_s + QString::fromUtf8(output)));
        };

        // A PostgreSQL URL with a password, on the command line and in the environment: the error names the
        // database without it.
        const QString pgUrl = u"postgresql://endzone:PgS3cret@127.0.0.1:%1/endzone"_s.arg(closed);
        {
            ServerProcess server;
            QVERIFY(server.start({u"--database"_s, pgUrl}, {}, debug, false));
            QVERIFY(server.waitForExit());
            QVERIFY(server.exitCode() != 0);
            QVERIFY(server.output().contains("cannot open the store"));
            verifyClean(server.output(), "endzone-server --database");
        }
        for (const bool viaEnvironment : {false, true}) {
            QProcess fetch;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"ENDZONE_CONFIG"_s, dir.filePath(u"none.conf"_s));
            env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
            if (viaEnvironment)
                env.insert(u"ENDZONE_DATABASE"_s, pgUrl);
            fetch.setProcessEnvironment(env);
            fetch.setProcessChannelMode(QProcess::MergedChannels);
            QStringList arguments {u"2015"_s, u"--week"_s, u"1"_s, u"--type"_s, u"REG"_s, u"--feed"_s,
                u"http://feed:FeedS3cret@127.0.0.1:%1"_s.arg(closed)};
            if (!viaEnvironment)
                arguments << u"--database"_s << pgUrl;
            fetch.start(qEnvironmentVariable("ENDZONE_BIN_DIR") + u"/endzone-fetch"_s, arguments);
            QVERIFY(fetch.waitForFinished(120000));
            QVERIFY(fetch.exitCode() != 0);
            verifyClean(fetch.readAll(), "endzone-fetch");
        }

        // A Redis URL and a feed URL with passwords, neither reachable, debug logs on: the server runs, logs its
        // retries and the feed failure, and answers errors, all without them.
        {
            ServerProcess server;
            QVERIFY2(server.start({u"--database"_s, u"sqlite:///"_s + dir.filePath(u"p.sqlite"_s), u"--redis"_s,
                                      u"redis://:RedisS3cret@127.0.0.1:%1/0"_s.arg(closed), u"--feed"_s,
                                      u"http://feed:FeedS3cret@127.0.0.1:%1"_s.arg(closed)},
                         {}, debug),
                qPrintable(server.errorString()));
            const RawExchange week = rawExchange(server.port(), get("/api/season/2015/12"), 60000);
            QVERIFY(week.status >= 500);
            QTRY_VERIFY_WITH_TIMEOUT(
                server.output().contains(QByteArray("127.0.0.1:" + QByteArray::number(closed))), 20000);
            QVERIFY(server.terminate());
            verifyClean(server.output(), "endzone-server --redis --feed");
            QVERIFY2(server.output().contains("Redis"), server.output().constData()); // it did log about Redis
        }

        // A real Redis that wants a password, given a wrong one.
        if (RedisServer::isAvailable()) {
            RedisServer redis({u"--requirepass"_s, u"TheRightOne"_s});
            QVERIFY2(redis.start(), qPrintable(redis.errorString()));
            QUrl url = redis.url();
            url.setPassword(u"RedisS3cret"_s);
            ServerProcess server;
            QVERIFY(server.start(
                {u"--database"_s, u"sqlite:///"_s + dir.filePath(u"r.sqlite"_s), u"--redis"_s, url.toString()}, {},
                debug));
            QTRY_VERIFY_WITH_TIMEOUT(server.output().contains("Redis at"), 20000);
            QVERIFY(server.terminate());
            verifyClean(server.output(), "endzone-server, wrong Redis password");
        }
    }

    void corsOffUnlessConfigured()
    {
        QTemporaryDir dir;
        const QString db = u"sqlite:///"_s + dir.filePath(u"c.sqlite"_s);
        {
            ServerProcess server;
            QVERIFY(server.start({u"--database"_s, db}));
            const RawExchange index = rawExchange(server.port(), get("/api/", "Origin: https://evil.example\r\n"));
            QCOMPARE(index.status, 200);
            QVERIFY2(headerValue(index.head, "Access-Control-Allow-Origin").isEmpty(), index.head.constData());
            const RawExchange preflight = rawExchange(server.port(),
                "OPTIONS /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\n"
                "Access-Control-Request-Method: GET\r\n\r\n");
            QCOMPARE(preflight.status, 405);
            QVERIFY(headerValue(preflight.head, "Access-Control-Allow-Origin").isEmpty());
        }
        {
            ServerProcess server;
            QVERIFY(server.start({u"--database"_s, db, u"--cors-origin"_s, u"https://board.example"_s}));
            const RawExchange index = rawExchange(server.port(), get("/api/", "Origin: https://board.example\r\n"));
            QCOMPARE(index.status, 200);
            QCOMPARE(headerValue(index.head, "Access-Control-Allow-Origin"), QByteArray("https://board.example"));
            const RawExchange preflight = rawExchange(
                server.port(), "OPTIONS /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://board.example\r\n\r\n");
            QCOMPARE(preflight.status, 204);
        }
    }

    void requestSizeBounded()
    {
        QTemporaryDir dir;
        const QString db = u"sqlite:///"_s + dir.filePath(u"s.sqlite"_s);
        ServerProcess byDefault;
        QVERIFY(byDefault.start({u"--database"_s, db}));
        QCOMPARE(rawExchange(byDefault.port(), get("/api/", "X-Pad: " + QByteArray(8000, 'x') + "\r\n")).status, 200);
        QCOMPARE(rawExchange(byDefault.port(), get("/api/", "X-Pad: " + QByteArray(20000, 'x') + "\r\n")).status, 431);
        ServerProcess configured;
        QVERIFY(configured.start({u"--database"_s, db, u"--max-header-bytes"_s, u"1024"_s}));
        QCOMPARE(rawExchange(configured.port(), get("/api/", "X-Pad: " + QByteArray(500, 'x') + "\r\n")).status, 200);
        QCOMPARE(rawExchange(configured.port(), get("/api/", "X-Pad: " + QByteArray(2000, 'x') + "\r\n")).status, 431);
    }

    void connectionsBounded()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY(server.start({u"--database"_s, u"sqlite:///"_s + dir.filePath(u"n.sqlite"_s), u"--max-connections"_s,
            u"20"_s, u"--header-timeout"_s, u"2"_s}));
        // Open SSE clients until one is refused (the start-up probe's connection may still hold a place).
        std::vector<std::unique_ptr<SseTestClient>> clients;
        bool refusedOne = false;
        for (int i = 0; i < 40 && !refusedOne; ++i) {
            auto client = std::make_unique<SseTestClient>(server.port());
            if (client->waitForHead(15000) && client->status() == 200)
                clients.push_back(std::move(client));
            else
                refusedOne = client->status() == 503 || client->socket()->state() == QAbstractSocket::UnconnectedState
                    || client->waitForDisconnect(15000);
        }
        QVERIFY(refusedOne);
        QVERIFY2(clients.size() >= 18 && clients.size() <= 20, qPrintable(QString::number(clients.size())));
        // While they are all there, the next one is refused too (a 503 or a closed connection), and holds nothing.
        const RawExchange refused = rawExchange(server.port(), get("/api/"));
        QVERIFY2(refused.status == 503 || (refused.status == 0 && refused.closed), refused.head.constData());
        // Freed places are reusable.
        clients.resize(10);
        QTRY_COMPARE_WITH_TIMEOUT(rawExchange(server.port(), get("/api/")).status, 200, 15000);

        // Half-open connections that never send a request head are closed after --header-timeout (2 s),
        // so a flood of them cannot keep the places.
        std::vector<std::unique_ptr<QTcpSocket>> silent;
        for (int i = 0; i < 8; ++i) {
            silent.push_back(std::make_unique<QTcpSocket>());
            silent.back()->connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(silent.back()->waitForConnected(5000));
        }
        for (auto &socket : silent) {
            if (socket->state() != QAbstractSocket::UnconnectedState)
                QVERIFY(socket->waitForDisconnected(20000));
        }
        // The SSE clients, whose heads were complete, are still there.
        for (auto &client : clients)
            QCOMPARE(client->socket()->state(), QAbstractSocket::ConnectedState);
        QVERIFY(server.isRunning());
    }
};

QTEST_GUILESS_MAIN(SecureDefaultsTest)
#include "securedefaultstest.moc"
