#include "apiserver.h"
#include "apitestsupport.h"
#include "feedclient.h"
#include "feedserver.h"
#include "gamestore.h"
#include "inprocessbus.h"
#include "postgresserver.h"
#include "redisclient.h"
#include "redisserver.h"
#include "syntheticseason.h"
#include "teamdirectory.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;

class ApiServerTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<FeedServer> m_feedServer;
    std::unique_ptr<FeedClient> m_feed;
    std::unique_ptr<GameStore> m_store;
    InProcessBus m_bus;
    QTemporaryDir m_dir;

    std::unique_ptr<ApiServer> makeServer(ApiServer::Services services, ApiServer::Options options = {})
    {
        options.port = 0;
        options.clock = [this] {
            return m_feedServer->now();
        };
        auto server = std::make_unique<ApiServer>(services, options);
        const auto port = server->listen();
        if (!port)
            qWarning() << port.error();
        return server;
    }
    QUrl url(const ApiServer &server, const QString &path) { return server.baseUrl().resolved(QUrl(path)); }

private Q_SLOTS:
    void init()
    {
        FeedServer::Options options;
        options.syntheticSeason = 2015;
        options.clockStart = SyntheticSeason(2015).firstSundayKickoff().addSecs(3600);
        options.speed = 0; // a frozen clock: the feed only changes when a test says so
        m_feedServer = std::make_unique<FeedServer>(options);
        QVERIFY(m_feedServer->listen());
        m_feed = std::make_unique<FeedClient>(m_feedServer->baseUrl(), FeedClient::Options {5000, 0, 100});
        auto store = GameStore::open(
            u"sqlite:///"_s + m_dir.filePath(u"api-%1.sqlite"_s.arg(QLatin1StringView(QTest::currentTestFunction()))));
        QVERIFY2(store, qPrintable(store.error()));
        m_store = std::move(store).value();
    }
    void cleanup()
    {
        m_store.reset();
        m_feed.reset();
        m_feedServer.reset();
    }

    void errorsAreJson_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown route") << u"/api/nope"_s << QByteArray("GET") << 404;
        QTest::newRow("unknown top level") << u"/favicon.ico"_s << QByteArray("GET") << 404;
        QTest::newRow("bad year") << u"/api/season/20x5/12"_s << QByteArray("GET") << 400;
        QTest::newRow("year out of range") << u"/api/season/1800/12"_s << QByteArray("GET") << 400;
        QTest::newRow("bad slug") << u"/api/season/2015/99"_s << QByteArray("GET") << 404;
        QTest::newRow("bad slug word") << u"/api/season/2015/superbowl"_s << QByteArray("GET") << 404;
        QTest::newRow("bad eid") << u"/api/games/abc"_s << QByteArray("GET") << 400;
        QTest::newRow("missing game") << u"/api/games/2015113000"_s << QByteArray("GET") << 404;
        QTest::newRow("too deep") << u"/api/season/2015/12/extra"_s << QByteArray("GET") << 404;
        QTest::newRow("POST week") << u"/api/season/2015/12"_s << QByteArray("POST") << 405;
        QTest::newRow("DELETE index") << u"/api/"_s << QByteArray("DELETE") << 405;
        QTest::newRow("PUT livescore") << u"/api/livescore"_s << QByteArray("PUT") << 405;
        QTest::newRow("missing static") << u"/static/nope.js"_s << QByteArray("GET") << 404;
        QTest::newRow("static traversal") << u"/static/..%2Fapiserver.cpp"_s << QByteArray("GET") << 404;
        // An encoded slash is part of its segment: no aliases of real routes.
        QTest::newRow("encoded slash") << u"/api%2Fseason/2015/12"_s << QByteArray("GET") << 404;
        QTest::newRow("encoded slashes") << u"/%2Fapi%2Fgames%2F2015113000"_s << QByteArray("GET") << 404;
    }
    void errorsAreJson()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, verb);
        QFETCH(int, status);
        auto server = makeServer({m_store.get(), m_feed.get(), &m_bus, nullptr});
        const int feedRequests = m_feedServer->requestCount();
        const HttpResult result = httpRequest(url(*server, path), {}, verb);
        QCOMPARE(result.status, status);
        QCOMPARE(result.headers.value("content-type"), "application/json");
        const QJsonObject error = QJsonDocument::fromJson(result.body).object();
        QVERIFY2(!error.value(u"error").toString().isEmpty(), result.body.constData());
        QCOMPARE(error.value(u"status").toInt(), status);
        if (status == 405)
            QCOMPARE(result.headers.value("allow"), "GET");
        QCOMPARE(m_feedServer->requestCount(), feedRequests); // bad input never reaches the feed
    }

    void indexAndPage()
    {
        auto server = makeServer({m_store.get(), m_feed.get(), &m_bus, nullptr});
        server->setCurrentWeek({2015, SeasonType::Reg, 12});
        const HttpResult index = httpRequest(url(*server, u"/api/"_s));
        QCOMPARE(index.status, 200);
        const QJsonObject json = QJsonDocument::fromJson(index.body).object();
        QCOMPARE(
            json.value(u"endpoints").toObject().value(u"week").toString(), u"/api/season/{season_year}/{week_slug}"_s);
        QCOMPARE(json.value(u"current").toObject().value(u"url").toString(), u"/api/season/2015/12"_s);
        QCOMPARE(json.value(u"version").toString(), QStringLiteral(ENDZONE_VERSION));

        const HttpResult page = httpRequest(url(*server, u"/"_s));
        QCOMPARE(page.status, 200);
        QVERIFY(page.headers.value("content-type").startsWith("text/html"));
        QVERIFY(page.body.contains("/static/app.js"));
        const HttpResult script = httpRequest(url(*server, u"/static/app.js"_s));
        QCOMPARE(script.status, 200);
        QVERIFY(script.body.contains("EventSource"));
    }

    // The web page's colours and names come from TeamDirectory, with every code a club had.
    void teamsComeFromTheDirectory()
    {
        auto server = makeServer({m_store.get(), m_feed.get(), &m_bus, nullptr});
        const HttpResult result = httpRequest(url(*server, u"/api/teams"_s));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.headers.value("content-type"), "application/json");
        const QJsonArray teams = QJsonDocument::fromJson(result.body).array();
        QCOMPARE(teams.size(), 32);
        QJsonObject washington;
        for (const QJsonValue &team : teams) {
            if (team.toObject().value(u"id").toInt() == 28)
                washington = team.toObject();
        }
        QCOMPARE(washington.value(u"abbreviation").toString(), u"WSH"_s);
        QCOMPARE(washington.value(u"display_name").toString(), u"Washington Commanders"_s);
        QCOMPARE(washington.value(u"primary_color").toString(), TeamDirectory::franchise(28)->primaryColor);
        QVERIFY(washington.value(u"abbreviations").toArray().contains(u"WAS"_s));
        const QJsonObject index = QJsonDocument::fromJson(httpRequest(url(*server, u"/api/"_s)).body).object();
        QCOMPARE(index.value(u"endpoints").toObject().value(u"teams").toString(), u"/api/teams"_s);
        QCOMPARE(httpRequest(url(*server, u"/api/teams"_s), {}, "POST").status, 405);
    }

    void livescoreNeedsExactAccept()
    {
        auto server = makeServer({m_store.get(), m_feed.get(), &m_bus, nullptr});
        for (const QByteArray &accept : {QByteArray(), QByteArray("*/*"), QByteArray("text/event-stream, */*")}) {
            HeaderPairs headers;
            if (!accept.isEmpty())
                headers.append({"Accept", accept});
            const HttpResult result = httpRequest(url(*server, u"/api/livescore"_s), headers);
            QCOMPARE(result.status, 302);
            QCOMPARE(result.headers.value("location"), "/api/");
        }
        SseTestClient client(server->port());
        QVERIFY(client.waitForHead());
        QCOMPARE(client.status(), 200);
        QCOMPARE(client.header("Content-Type"), "text/event-stream");
        QCOMPARE(client.header("Cache-Control"), "no-cache");
        QCOMPARE(client.header("X-Accel-Buffering"), "no");
        QTRY_VERIFY_WITH_TIMEOUT(client.rawBody().startsWith("retry: 3000\n\n"), 5000);
        QCOMPARE(server->broadcaster()->clientCount(), 1);
    }

    void oversizedHeadIsRefused()
    {
        ApiServer::Options options;
        options.maxHeaderBytes = 2048;
        auto server = makeServer({m_store.get(), m_feed.get(), &m_bus, nullptr}, options);
        // Under the limit: served.
        QCOMPARE(httpRequest(url(*server, u"/api/"_s), {{"X-Pad", QByteArray(1000, 'a')}}).status, 200);
        // Over it, in one piece and in many small writes: 431 with a JSON body, then the connection closes.
        for (const int pieces : {1, 64}) {
            // The server runs in this thread: wait with the event loop running, never with waitFor*().
            QTcpSocket socket;
            QByteArray response;
            connect(&socket, &QTcpSocket::readyRead, this, [&] { response += socket.readAll(); });
            socket.connectToHost(QHostAddress::LocalHost, server->port());
            QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
            const QByteArray request = "GET /api/ HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(8000, 'a') + "\r\n\r\n";
            const qsizetype step = request.size() / pieces + 1;
            for (qsizetype at = 0; at < request.size() && socket.state() == QAbstractSocket::ConnectedState;
                 at += step) {
                socket.write(request.mid(at, step));
                QTest::qWait(1); // let each piece arrive as its own read
            }
            QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
            QVERIFY2(response.startsWith("HTTP/1.1 431 "), response.left(200).constData());
            QVERIFY(response.contains(R"("error":"request header fields too large")"));
        }
        // The server is unharmed.
        QCOMPARE(httpRequest(url(*server, u"/api/"_s)).status, 200);
    }

    // HTTP/1.1 pipelining: requests sent back to back on one connection are answered in the order sent, even
    // when the first waits on a slow feed and the second could be answered at once.
    void pipelinedAnswersKeepTheirOrder()
    {
        FeedServer::Options slowOptions;
        slowOptions.syntheticSeason = 2015;
        slowOptions.clockStart = SyntheticSeason(2015).firstSundayKickoff().addSecs(3600);
        slowOptions.speed = 0;
        slowOptions.latencyMs = 300;
        FeedServer slow(slowOptions);
        QVERIFY(slow.listen());
        FeedClient feed(slow.baseUrl(), FeedClient::Options {5000, 0, 100});
        auto server = makeServer({m_store.get(), &feed, &m_bus, nullptr});

        QTcpSocket socket;
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, server->port());
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
        socket.write("GET /api/season/2015/3 HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /api/ HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /api/season/2015/4 HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /api/games/12 HTTP/1.1\r\nHost: x\r\n\r\n");

        // Splits what arrived into (status, body) by Content-Length.
        const auto answers = [&received] {
            QList<std::pair<int, QByteArray>> out;
            qsizetype at = 0;
            while (true) {
                const qsizetype headEnd = received.indexOf("\r\n\r\n", at);
                if (headEnd < 0)
                    return out;
                const QByteArray head = received.sliced(at, headEnd - at).toLower();
                const qsizetype length = head.indexOf("content-length: ");
                const qsizetype bodySize
                    = length < 0 ? 0 : head.mid(length + 16, head.indexOf("\r\n", length) - length - 16).toLongLong();
                if (received.size() < headEnd + 4 + bodySize)
                    return out;
                out.append({head.mid(9, 3).toInt(), received.sliced(headEnd + 4, bodySize)});
                at = headEnd + 4 + bodySize;
            }
        };
        QTRY_COMPARE_WITH_TIMEOUT(answers().size(), 4, 10000);
        const auto got = answers();
        QCOMPARE(got[0].first, 200);
        QCOMPARE(QJsonDocument::fromJson(got[0].second).array().first().toObject().value(u"week").toInt(), 3);
        QCOMPARE(got[1].first, 200);
        QVERIFY(QJsonDocument::fromJson(got[1].second).object().contains(u"endpoints"));
        QCOMPARE(got[2].first, 200);
        QCOMPARE(QJsonDocument::fromJson(got[2].second).array().first().toObject().value(u"week").toInt(), 4);
        QCOMPARE(got[3].first, 400);
        QVERIFY(QJsonDocument::fromJson(got[3].second).object().value(u"error").toString().contains(u"game id"));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState); // keep-alive: the connection stays usable
    }

    // Miss -> feed (stored and cached) -> memory hit; a fresh server on the same store -> store hit.
    void weekComesFromFeedThenCacheThenStore()
    {
        auto server = makeServer({m_store.get(), m_feed.get(), &m_bus, nullptr});
        const int before = m_feedServer->requestCount();
        const HttpResult first = httpRequest(url(*server, u"/api/season/2015/12"_s));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.headers.value("x-cache"), "feed");
        QCOMPARE(m_feedServer->requestCount(), before + 1);
        const QJsonArray games = QJsonDocument::fromJson(first.body).array();
        QVERIFY(games.size() >= 13);
        QCOMPARE(games.first().toObject().value(u"week").toInt(), 12);
        QVERIFY(games.first().toObject().value(u"scheduled_at").toString().contains(u"-05:00"));
        const auto stored = m_store->week({2015, SeasonType::Reg, 12});
        QVERIFY(stored);
        QCOMPARE(stored.value().size(), games.size());

        const HttpResult second = httpRequest(url(*server, u"/api/season/2015/12"_s));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.headers.value("x-cache"), "memory");
        QCOMPARE(second.body, first.body);
        QCOMPARE(m_feedServer->requestCount(), before + 1);

        auto fresh = makeServer({m_store.get(), m_feed.get(), &m_bus, nullptr});
        const HttpResult third = httpRequest(url(*fresh, u"/api/season/2015/12"_s));
        QCOMPARE(third.headers.value("x-cache"), "store");
        QCOMPARE(third.body, first.body); // byte-identical whichever layer served it
        QCOMPARE(third.headers.value("etag"), first.headers.value("etag"));
        QCOMPARE(m_feedServer->requestCount(), before + 1);
    }

    void snapshotBeforeAnyPublishComesFromTheStore()
    {
        // A process that starts (or follows a leader) after the last publish still has the current week
        // for a client asking for a snapshot: it is loaded from the shared store.
        const WeekKey week {2015, SeasonType::Reg, 1};
        auto fetched = QCoro::waitFor(m_feed->fetchWeek(week));
        QVERIFY(fetched);
        QVERIFY(m_store->upsertWeek(fetched.value()));
        auto server = makeServer({m_store.get(), m_feed.get(), &m_bus, nullptr});
        server->loadCurrentWeekFromStore();
        SseTestClient client(server->port(), {}, "/api/livescore?snapshot=1");
        QVERIFY(client.waitForEvents(1));
        const auto updates = client.eventsOfType(u"update"_s);
        QCOMPARE(updates.size(), 1);
        const QJsonArray games = QJsonDocument::fromJson(updates.first().data).array();
        QCOMPARE(games.size(), fetched.value().games.size());
        QCOMPARE(games.first().toObject().value(u"week").toInt(), 1);
    }

    void etagGives304()
    {
        auto server = makeServer({m_store.get(), m_feed.get(), &m_bus, nullptr});
        const HttpResult first = httpRequest(url(*server, u"/api/season/2015/wc"_s));
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.headers.value("etag");
        QVERIFY(etag.startsWith('"') && etag.endsWith('"') && etag.size() > 10);
        const HttpResult same = httpRequest(url(*server, u"/api/season/2015/wc"_s), {{"If-None-Match", etag}});
        QCOMPARE(same.status, 304);
        QVERIFY(same.body.isEmpty());
        QCOMPARE(same.headers.value("etag"), etag);
        const HttpResult listed
            = httpRequest(url(*server, u"/api/season/2015/18"_s), {{"If-None-Match", "\"x\", " + etag}});
        QCOMPARE(listed.status, 304);
        const HttpResult other = httpRequest(url(*server, u"/api/season/2015/wc"_s), {{"If-None-Match", "\"other\""}});
        QCOMPARE(other.status, 200);
        QCOMPARE(other.body, first.body);
    }

    // Two servers on one Redis: what one fetched, the other serves from Redis without store or feed.
    void redisCacheIsShared()
    {
        RedisServer redis;
        if (!redis.startOrSkip())
            return;
        RedisClient clientA(redis.url()), clientB(redis.url());
        auto a = makeServer({m_store.get(), m_feed.get(), &m_bus, &clientA});
        auto b = makeServer({nullptr, nullptr, &m_bus, &clientB});
        const HttpResult fetched = httpRequest(url(*a, u"/api/season/2015/pre-2"_s));
        QCOMPARE(fetched.headers.value("x-cache"), "feed");
        const auto cached = QCoro::waitFor(clientA.get("scores:week:2015:PRE:2"));
        QVERIFY2(cached, qPrintable(cached.error()));
        const std::optional<QByteArray> raw = cached.value();
        QVERIFY(raw);
        QCOMPARE(*raw, fetched.body);
        const HttpResult shared = httpRequest(url(*b, u"/api/season/2015/pre-2"_s));
        QCOMPARE(shared.status, 200);
        QCOMPARE(shared.headers.value("x-cache"), "redis");
        QCOMPARE(shared.body, fetched.body);
        QCOMPARE(shared.headers.value("etag"), fetched.headers.value("etag"));

        // Redis dies: a request that needs it is a 503, and the server recovers once Redis is back.
        QVERIFY(redis.kill());
        b->cache()->clearLocal();
        QTRY_COMPARE_WITH_TIMEOUT(httpRequest(url(*b, u"/api/season/2015/pre-2"_s)).status, 503, 10000);
        const HttpResult down = httpRequest(url(*b, u"/api/season/2015/pre-2"_s));
        QVERIFY(QJsonDocument::fromJson(down.body).object().value(u"error").toString().contains(u"cache unavailable"));
        QCOMPARE(down.headers.value("retry-after"), "5");
        QVERIFY(redis.restart());
        QTRY_COMPARE_WITH_TIMEOUT(httpRequest(url(*a, u"/api/season/2015/pre-2"_s)).status, 200, 15000);
    }

    void databaseDownIs503UntilItReturns()
    {
        if (const QString reason = PostgresServer::unavailableReason(); !reason.isEmpty())
            QSKIP(qPrintable(reason));
        PostgresServer postgres; // started by its constructor
        QVERIFY2(postgres.isRunning(), qPrintable(postgres.errorString()));
        auto store = GameStore::open(postgres.createDatabase(u"api"_s));
        QVERIFY2(store, qPrintable(store.error()));
        auto server = makeServer({store.value().get(), m_feed.get(), &m_bus, nullptr});
        QCOMPARE(httpRequest(url(*server, u"/api/season/2015/3"_s)).status, 200);
        const QString eid = QJsonDocument::fromJson(httpRequest(url(*server, u"/api/season/2015/3"_s)).body)
                                .array()
                                .first()
                                .toObject()
                                .value(u"id")
                                .toString();
        QCOMPARE(httpRequest(url(*server, u"/api/games/"_s + eid)).status, 200);

        postgres.stop();
        server->cache()->clearLocal();
        for (const QString &path :
            QStringList {u"/api/games/"_s + eid, u"/api/season/2015/standings"_s, u"/api/season/2015/3"_s}) {
            const HttpResult down = httpRequest(url(*server, path));
            QCOMPARE(down.status, 503);
            QVERIFY(QJsonDocument::fromJson(down.body).object().value(u"error").toString().contains(u"database"));
        }
        QVERIFY2(postgres.start(), qPrintable(postgres.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(httpRequest(url(*server, u"/api/games/"_s + eid)).status, 200, 15000);
        QCOMPARE(httpRequest(url(*server, u"/api/season/2015/3"_s)).headers.value("x-cache"), "store");
    }
};

QTEST_GUILESS_MAIN(ApiServerTest)
#include "apiservertest.moc"
