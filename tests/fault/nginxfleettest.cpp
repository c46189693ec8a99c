// The real setup (issue 12): Debian's nginx, with packaging/nginx/endzone.conf unchanged but for its ports, in
// front of three endzone-server processes on one Redis and one PostgreSQL, and a fourth process that watches a
// synthetic live season (FeedServer, the engine of endzone-feed) and publishes to the Redis Stream. Clients
// through nginx reconnect with Last-Event-ID as EventSource does. Faults: one server SIGKILLed mid-stream,
// Redis SIGKILLed and restarted, a rolling restart of all three. Every client must receive every event
// exactly once and in order (checked by id and content against the stream itself), and end on the store's week.
#include "apitestsupport.h"
#include "faultsupport.h"
#include "feedserver.h"
#include "gamestore.h"
#include "livebus.h"
#include "livemessage.h"
#include "postgresserver.h"
#include "redisserver.h"
#include "redisstreamreader.h"
#include "scorestripwriter.h"
#include "streamid.h"
#include "syntheticseason.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;

namespace {

constexpr auto Nginx = "/usr/sbin/nginx";
constexpr int Clients = 120;

// An EventSource-like client: on a lost connection it comes back (through nginx) after a short delay with the
// id of the last event it got. `events` is everything it received, over every connection.
class ReconnectingClient : public QObject
{
public:
    explicit ReconnectingClient(quint16 port) : m_port(port) { connectNow(); }

    QList<SseEvent> events;
    int connections = 0;

private:
    void connectNow()
    {
        harvest();
        HeaderPairs headers;
        if (!events.isEmpty())
            headers.append({"Last-Event-ID", events.constLast().id});
        m_client = std::make_unique<SseTestClient>(m_port, headers);
        m_taken = 0;
        ++connections;
        connect(m_client.get(), &SseTestClient::eventsArrived, this, &ReconnectingClient::harvest);
        connect(m_client->socket(), &QTcpSocket::disconnected, this, &ReconnectingClient::retry);
        connect(m_client->socket(), &QTcpSocket::errorOccurred, this, &ReconnectingClient::retry);
        connect(m_client.get(), &SseTestClient::headReceived, this, [this] {
            if (m_client->status() != 200) // a 502 while nginx had no upstream: try again
                retry();
        });
    }
    void harvest()
    {
        if (!m_client)
            return;
        const QList<SseEvent> &got = m_client->events();
        for (; m_taken < got.size(); ++m_taken)
            events.append(got.at(m_taken));
    }
    void retry()
    {
        if (m_retrying)
            return;
        m_retrying = true;
        harvest();
        QTimer::singleShot(100 + QRandomGenerator::global()->bounded(300), this, [this] {
            m_retrying = false;
            connectNow();
        });
    }

    quint16 m_port;
    std::unique_ptr<SseTestClient> m_client;
    qsizetype m_taken = 0;
    bool m_retrying = false;
};

SseEvent makeEvent(const QByteArray &id, const QString &type, const QByteArray &data)
{
    SseEvent event;
    event.id = id;
    event.event = type;
    event.data = data;
    return event;
}

// nginx's site from packaging/, unchanged but for the ports, inside a main configuration for a prefix folder.
bool writeNginxConf(const QString &dir, quint16 listen, const QList<quint16> &upstreams, QString *error)
{
    QFile siteFile(QStringLiteral(ENDZONE_SOURCE_DIR "/packaging/nginx/endzone.conf"));
    if (!siteFile.open(QIODevice::ReadOnly)) {
        *error = siteFile.errorString();
        return false;
    }
    QByteArray site = siteFile.readAll();
    QByteArray servers;
    for (const quint16 port : upstreams)
        servers += "server 127.0.0.1:" + QByteArray::number(port) + ";\n    ";
    if (!site.contains("server 127.0.0.1:8000;\n    ") || !site.contains("listen 80;")) {
        *error = u"packaging/nginx/endzone.conf changed: no upstream or listen line to replace"_s;
        return false;
    }
    site.replace("server 127.0.0.1:8000;\n    ", servers);
    site.replace("listen 80;", QByteArray("listen 127.0.0.1:" + QByteArray::number(listen) + ';'));
    site.replace("listen [::]:80;", "");
    const QByteArray d = dir.toUtf8();
    QByteArray conf = (::geteuid() == 0 ? "user root root;\n" : "");
    conf += "worker_processes 1;\ndaemon off;\npid " + d + "/nginx.pid;\nerror_log " + d
        + "/error.log warn;\nevents { worker_connections 4096; }\nhttp {\n    access_log off;\n"
          "    client_body_temp_path "
        + d + "/body;\n    proxy_temp_path " + d + "/proxy;\n    fastcgi_temp_path " + d
        + "/fastcgi;\n    uwsgi_temp_path " + d + "/uwsgi;\n    scgi_temp_path " + d + "/scgi;\n" + site + "\n}\n";
    QFile out(dir + u"/nginx.conf"_s);
    if (!out.open(QIODevice::WriteOnly) || out.write(conf) != conf.size()) {
        *error = out.errorString();
        return false;
    }
    return true;
}

} // namespace

class NginxFleetTest : public QObject
{
    Q_OBJECT

    QList<std::pair<QByteArray, LiveMessage>> m_entries; // the stream, as a reader of it sees it

    // The events the stream's entries make, in order: what every client must receive from its first one on.
    QList<SseEvent> expectedEvents() const
    {
        QList<SseEvent> out;
        for (const auto &[id, message] : m_entries) {
            out.append(makeEvent(id, u"update"_s, message.weekJson));
            for (qsizetype k = 0; k < message.changedGames.size(); ++k)
                out.append(makeEvent(id + '/' + QByteArray::number(k + 1), u"game"_s, message.changedGames.at(k)));
        }
        return out;
    }
    // Empty when the client got exactly the stream's events from its first one on: none twice, none missing,
    // in order, and no snapshot in between (a snapshot repeats an id).
    static QString exactlyOnce(const QList<SseEvent> &got, const QList<SseEvent> &expected)
    {
        if (got.isEmpty())
            return u"no events"_s;
        qsizetype start = -1;
        for (qsizetype i = 0; i < expected.size() && start < 0; ++i) {
            if (expected.at(i).id == got.constFirst().id)
                start = i;
        }
        if (start < 0)
            return u"first event %1 is not in the stream"_s.arg(QString::fromLatin1(got.constFirst().id));
        for (qsizetype i = 0; i < got.size(); ++i) {
            const qsizetype j = start + i;
            if (j >= expected.size())
                return u"%1 events more than the stream has"_s.arg(got.size() - i);
            const SseEvent &a = got.at(i), &b = expected.at(j);
            if (a.id != b.id || a.event != b.event || a.data != b.data)
                return u"event %1: got %2 %3, expected %4 %5"_s.arg(i).arg(
                    QString::fromLatin1(a.id), a.event, QString::fromLatin1(b.id), b.event);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void exactlyOnceThroughNginxUnderFaults()
    {
        if (!QFile::exists(QString::fromLatin1(Nginx)))
            QSKIP("nginx is not installed");
        if (!RedisServer::isAvailable())
            QSKIP("redis-server is not installed");
        if (const QString why = PostgresServer::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));

        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        PostgresServer postgres;
        QVERIFY2(postgres.isRunning(), qPrintable(postgres.errorString()));
        const QString storeUrl = postgres.createDatabase(u"fleet"_s);
        QVERIFY2(!storeUrl.isEmpty(), qPrintable(postgres.errorString()));

        // A live Sunday, two synthetic minutes a second: the watcher publishes about once a second.
        FeedServer::Options feedOptions;
        feedOptions.syntheticSeason = 2015;
        feedOptions.clockStart = SyntheticSeason(2015).firstSundayKickoff().addSecs(600);
        feedOptions.speed = 120;
        feedOptions.maxAgeSeconds = 1;
        FeedServer feed(feedOptions);
        QVERIFY(feed.listen().ok());

        RedisStreamReader stream(redis.url(), {LiveBus::DefaultStream, 100000});
        connect(
            &stream, &RedisStreamReader::entryReceived, this, [this](const QByteArray &id, const QByteArray &payload) {
                m_entries.append({id, LiveMessage::decode(payload)});
            });

        const QStringList common {
            u"--database"_s, storeUrl, u"--feed"_s, feed.baseUrl().toString(), u"--redis"_s, redis.url().toString()};
        ServerProcess watcher;
        QVERIFY2(watcher.start(common + QStringList {u"--watch"_s, u"--poll-fast"_s, u"1"_s, u"--poll-slow"_s, u"2"_s}),
            qPrintable(watcher.errorString()));
        QList<quint16> ports {freePort(), freePort(), freePort()};
        std::array<std::unique_ptr<ServerProcess>, 3> servers;
        auto startServer = [&](int i) {
            servers[i] = std::make_unique<ServerProcess>();
            return servers[i]->start(
                common + QStringList {u"--listen"_s, u"127.0.0.1:%1"_s.arg(ports[i])}, u"127.0.0.1:%1"_s.arg(ports[i]));
        };
        for (int i = 0; i < 3; ++i)
            QVERIFY2(startServer(i), qPrintable(servers[i]->errorString()));

        QTemporaryDir nginxDir;
        const quint16 nginxPort = freePort();
        QString error;
        QVERIFY2(writeNginxConf(nginxDir.path(), nginxPort, ports, &error), qPrintable(error));
        QProcess nginx;
        nginx.setProcessChannelMode(QProcess::MergedChannels);
        nginx.start(QString::fromLatin1(Nginx),
            {u"-p"_s, nginxDir.path(), u"-c"_s, nginxDir.filePath(u"nginx.conf"_s), u"-e"_s,
                nginxDir.filePath(u"error.log"_s)});
        QVERIFY(nginx.waitForStarted(10000));
        QTRY_COMPARE_WITH_TIMEOUT(httpRequest(QUrl(u"http://127.0.0.1:%1/api/"_s.arg(nginxPort))).status, 200, 10000);

        std::vector<std::unique_ptr<ReconnectingClient>> clients;
        for (int i = 0; i < Clients; ++i)
            clients.push_back(std::make_unique<ReconnectingClient>(nginxPort));

        // Every client has the stream's newest event (and the stream has grown by `more` entries meanwhile).
        auto caughtUp = [&] {
            const QList<SseEvent> expected = expectedEvents();
            if (expected.isEmpty())
                return false;
            return std::all_of(clients.cbegin(), clients.cend(), [&](const auto &client) {
                return !client->events.isEmpty() && client->events.constLast().id == expected.constLast().id;
            });
        };
        auto progress = [&](int more) {
            const qsizetype target = m_entries.size() + more;
            QTRY_VERIFY_WITH_TIMEOUT(m_entries.size() >= target && caughtUp(), 60000);
        };
        progress(3);

        // One server SIGKILLed mid-stream: its clients come back through nginx on the other two.
        QVERIFY(::kill(pid_t(servers[0]->pid()), SIGKILL) == 0);
        QVERIFY(servers[0]->waitForExit(10000));
        progress(3);
        QVERIFY2(startServer(0), qPrintable(servers[0]->errorString()));

        // Redis SIGKILLed and restarted, empty: nothing the watcher stored meanwhile is lost.
        QVERIFY(redis.kill());
        QTest::qWait(1500); // the watcher stores changes it cannot publish
        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        progress(3);

        // A rolling restart (a deploy): one server after the other.
        for (int i = 0; i < 3; ++i) {
            QVERIFY(servers[i]->terminate());
            QVERIFY2(startServer(i), qPrintable(servers[i]->errorString()));
            progress(2);
        }

        // The feed stops moving: the last state is published, stored and shown by every client.
        const SyntheticSeason season(2015);
        const WeekKey key = season.currentWeek(feed.now());
        ParsedWeek frozen = season.week(key, feed.now());
        frozen.dialect = FeedDialect::LiveUpdate;
        feed.setDocument(key, ScorestripWriter::write(frozen));
        auto store = GameStore::open(storeUrl);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        auto storedBody = [&] {
            const auto games = store.value()->week(key);
            return games ? LiveMessage::weekBody(games.value()) : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!m_entries.isEmpty() && m_entries.constLast().second.weekJson == storedBody(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(caughtUp(), 30000);

        const QList<SseEvent> expected = expectedEvents();
        const QByteArray truth = storedBody();
        int reconnects = 0;
        qsizetype events = 0;
        for (std::size_t i = 0; i < clients.size(); ++i) {
            const ReconnectingClient &client = *clients[i];
            const QString problem = exactlyOnce(client.events, expected);
            QVERIFY2(problem.isEmpty(), qPrintable(u"client %1: "_s.arg(i) + problem));
            QList<SseEvent> updates;
            for (const SseEvent &event : client.events) {
                if (event.event == u"update")
                    updates.append(event);
            }
            QCOMPARE(updates.constLast().data, truth); // final scores equal the store
            reconnects += client.connections - 1;
            events += client.events.size();
        }
        // The faults did move clients: at least the killed server's and every client in the rolling restart.
        QVERIFY(reconnects >= Clients);
        qInfo().noquote() << Clients << "clients through nginx," << m_entries.size() << "stream entries," << events
                          << "events delivered exactly once," << reconnects << "reconnects";

        nginx.terminate();
        QVERIFY(nginx.waitForFinished(10000));
        for (auto &server : servers)
            QVERIFY(server->terminate());
        QVERIFY(watcher.terminate());
    }
};

QTEST_GUILESS_MAIN(NginxFleetTest)
#include "nginxfleettest.moc"
