#include "apiserver.h"
#include "appcontext.h"
#include "gamestore.h"
#include "ssestream.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

// `endzone --serve ADDR:PORT`: the app runs the same API as endzone-server. In process (AppContext), a
// change written to the app's store reaches an SSE client of /api/livescore; and the real executable
// started with --demo --serve answers /api/ and streams live updates of its demo season.
class ServeRouteTest : public QObject
{
    Q_OBJECT

    struct Response
    {
        int status = 0;
        QJsonObject json;
    };

    static Response get(const QUrl &url)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(url);
        request.setTransferTimeout(5000);
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(10000))
            return {};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
    }

    static Game game(int homeScore)
    {
        Game g;
        g.eid = u"2025092100"_s;
        g.gsis = u"58001"_s;
        g.season = 2025;
        g.seasonType = SeasonType::Reg;
        g.week = 3;
        g.day = u"Sun"_s;
        g.kickoff = QDateTime(QDate(2025, 9, 21), QTime(17, 0), Qt::UTC);
        g.home = {u"KC"_s, u"chiefs"_s, homeScore};
        g.visitor = {u"BUF"_s, u"bills"_s, 3};
        g.state = GameState::Quarter2;
        g.clock = u"08:11"_s;
        return g;
    }

    static quint16 freePort()
    {
        QTcpServer probe;
        return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void inProcessStoreChangesReachSseClients()
    {
        QTemporaryDir dir;
        AppContext::Options options;
        options.config.database = u"sqlite://"_s + dir.filePath(u"serve.sqlite"_s);
        options.config.feed = u"http://127.0.0.1:9"_s;
        options.serve = u"127.0.0.1:0"_s;
        auto context = AppContext::create(options);
        QVERIFY2(context.ok(), qPrintable(context.error()));
        auto *app = context.value().get();
        QVERIFY(app->api());
        const auto base = app->api()->baseUrl();

        const auto index = get(base.resolved(QUrl(u"/api/"_s)));
        QCOMPARE(index.status, 200);
        QCOMPARE(index.json.value(u"name").toString(), u"endzone"_s);
        QCOMPARE(index.json.value(u"live").toObject().value(u"bus").toString(), u"connected"_s);

        SseStream stream(base.resolved(QUrl(u"/api/livescore"_s)));
        QList<SseEvent> events;
        connect(&stream, &SseStream::eventReceived, this, [&events](const SseEvent &event) { events.append(event); });
        stream.start();
        QTRY_COMPARE_WITH_TIMEOUT(stream.state(), SseStream::State::Open, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(app->api()->broadcaster()->clientCount(), 1, 5000);

        for (int score : {7, 14}) {
            events.clear();
            QVERIFY(
                app->store()->upsertWeek(ParsedWeek {{2025, SeasonType::Reg, 3}, FeedDialect::Ajax, {game(score)}}));
            QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 10000);
            QTest::qWait(100);
            const auto update
                = std::find_if(events.cbegin(), events.cend(), [](const SseEvent &e) { return e.event == u"update"; });
            QVERIFY(update != events.cend());
            QVERIFY(update->data.contains("2025092100"));
            const auto changed
                = std::find_if(events.cbegin(), events.cend(), [](const SseEvent &e) { return e.event == u"game"; });
            QVERIFY(changed != events.cend());
            const auto json = QJsonDocument::fromJson(changed->data).object();
            QCOMPARE(json.value(u"id").toString(), u"2025092100"_s);
            QCOMPARE(json.value(u"home").toObject().value(u"score").toInt(-1), score);
        }
    }

    void rejectsABadAddress()
    {
        AppContext::Options options;
        QTemporaryDir dir;
        options.config.database = u"sqlite://"_s + dir.filePath(u"bad.sqlite"_s);
        options.serve = u"127.0.0.1:http"_s;
        const auto context = AppContext::create(options);
        QVERIFY(!context.ok());
        QVERIFY(context.error().contains(u"--serve"_s));
    }

    static QProcessEnvironment withoutDisplay()
    {
        auto environment = QProcessEnvironment::systemEnvironment();
        for (const auto &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
            environment.remove(name);
        return environment;
    }

    // Without a display, the app says what to do instead of Qt's page about platform plugins, and stops.
    void executableWithoutDisplayExplains()
    {
        const QString binary = qEnvironmentVariable("ENDZONE_BIN_DIR") + u"/endzone"_s;
        if (!QFileInfo::exists(binary))
            QSKIP("the endzone executable is not built");
        QTemporaryDir home;
        auto environment = withoutDisplay();
        environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        QProcess app;
        app.setProcessEnvironment(environment);
        app.start(binary, {u"--demo"_s});
        QVERIFY(app.waitForFinished(20000));
        QCOMPARE(app.exitCode(), 2);
        const QString err = QString::fromUtf8(app.readAllStandardError());
        QVERIFY2(err.contains(u"endzone: no display"_s) && err.contains(u"endzone --serve 127.0.0.1:8000"_s),
            qPrintable(err));
        QVERIFY(!QDir(home.filePath(u"data"_s)).exists()); // stopped before it opened a store
    }

    void executableServesItsDemoSeason()
    {
        const QString binary = qEnvironmentVariable("ENDZONE_BIN_DIR") + u"/endzone"_s;
        if (!QFileInfo::exists(binary))
            QSKIP("the endzone executable is not built");
        const auto port = freePort();
        QVERIFY(port != 0);
        QTemporaryDir home;
        QProcess app;
        // No display and no platform chosen, as on a server: --serve goes offscreen by itself.
        auto environment = withoutDisplay();
        environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        app.setProcessEnvironment(environment);
        app.setProcessChannelMode(QProcess::ForwardedChannels);
        app.start(binary, {u"--demo"_s, u"--demo-speed"_s, u"600"_s, u"--serve"_s, u"127.0.0.1:%1"_s.arg(port)});
        QVERIFY(app.waitForStarted(10000));
        auto stop = qScopeGuard([&app] {
            app.terminate();
            if (!app.waitForFinished(5000))
                app.kill();
        });

        const QUrl base(u"http://127.0.0.1:%1"_s.arg(port));
        Response index;
        QTRY_VERIFY_WITH_TIMEOUT((index = get(base.resolved(QUrl(u"/api/"_s)))).status == 200, 20000);
        QCOMPARE(index.json.value(u"name").toString(), u"endzone"_s);
        QCOMPARE(index.json.value(u"endpoints").toObject().value(u"livescore").toString(), u"/api/livescore"_s);

        // The demo season plays at 600x: its changes stream out within seconds.
        SseStream stream(base.resolved(QUrl(u"/api/livescore"_s)));
        QList<SseEvent> events;
        connect(&stream, &SseStream::eventReceived, this, [&events](const SseEvent &event) { events.append(event); });
        stream.start();
        QTRY_COMPARE_WITH_TIMEOUT(stream.state(), SseStream::State::Open, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(events.cbegin(), events.cend(), [](const SseEvent &e) { return e.event == u"game"; }), 30000);
        QCOMPARE(app.state(), QProcess::Running);
    }
};

QTEST_MAIN(ServeRouteTest)
#include "serveroutetest.moc"
