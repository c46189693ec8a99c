#include "appcontext.h"
#include "feedserver.h"
#include "gamestore.h"
#include "livemessage.h"
#include "redisbus.h"
#include "redisserver.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(EndzonePlugin)
Q_IMPORT_QML_PLUGIN(Endzone_ViewsPlugin)

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
namespace Testing = Endzone::Test;

// The real app window (AppContext + Main.qml) on the demo feed, following a real Redis channel: grabs the
// wall before and after a score change published on Redis, into the build tree, for a person to look at.
class ScreenshotTest : public QObject
{
    Q_OBJECT

    static QString outputDir()
    {
        auto dir = qEnvironmentVariable("ENDZONE_SCREENSHOT_DIR", QDir::currentPath() + u"/screenshots"_s);
        QDir().mkpath(dir);
        return dir;
    }

    static void save(QQuickWindow *window, const QString &name)
    {
        const auto image = window->grabWindow();
        QVERIFY(!image.isNull());
        const QString path = outputDir() + u"/"_s + name;
        QVERIFY(image.save(path));
        qInfo().noquote() << "saved" << path;
    }

    void run(bool kiosk, bool dark, const QString &prefix)
    {
        QTemporaryDir dir;
        Testing::RedisServer redis;
        const bool haveRedis = Testing::RedisServer::isAvailable() && redis.start();
        if (!haveRedis)
            qWarning("redis-server unavailable: the score change goes through LiveController::applyPayload");

        AppContext::Options options;
        options.demo = true;
        options.demoSpeed = 1; // a still picture: the score change is ours alone
        options.kiosk = kiosk;
        options.config.database = u"sqlite://"_s + dir.filePath(u"app.sqlite"_s);
        options.config.feed = u"http://127.0.0.1:9"_s;
        options.config.live = haveRedis ? redis.url().toString() : QString();
        auto context = AppContext::create(options);
        QVERIFY2(context.ok(), qPrintable(context.error()));
        auto *app = context.value().get();
        UiServices::current().settings->setTheme(dark ? u"dark"_s : u"light"_s);

        QQmlApplicationEngine engine;
        engine.load(QUrl(u"qrc:/Endzone/Views/Main.qml"_s));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QVERIFY(window);
        window->setVisibility(QWindow::Windowed);
        window->resize(kiosk ? QSize(1920, 1080) : QSize(1600, 1000));
        app->start();
        auto *model = app->scoreboard();
        model->setWeek({2025, SeasonType::Reg, 1}); // the first Sunday: games under way at the demo clock
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 10, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(model->liveCount() > 0, 5000);
        if (haveRedis)
            QTRY_COMPARE_WITH_TIMEOUT(app->live()->state(), LiveController::State::Live, 10000);
        QTest::qWait(1200); // delegates laid out, fonts loaded
        save(window, prefix + u"-before.png"_s);

        int row = 0;
        while (!isLive(model->game(row).state))
            ++row;
        auto changed = model->game(row);
        changed.home.score = changed.home.score.value_or(0) + 7;
        changed.possession = changed.visitor.abbreviation;
        const WeekKey key {changed.season, changed.seasonType, changed.week};
        auto games = app->store()->week(key).value();
        for (auto &g : games) {
            if (g.eid == changed.eid)
                g = changed;
        }
        const auto payload = LiveMessage::fromWeek(key, games, {changed}).encode();

        QSignalSpy dataChanged(model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        if (haveRedis) {
            RedisBus publisher(redis.url());
            // A publish before the publisher's connection is up is dropped (fire and forget): retry.
            for (int attempt = 0; attempt < 20 && dataChanged.isEmpty(); ++attempt) {
                publisher.publish(payload);
                static_cast<void>(
                    QTest::qWaitFor([&] { return !dataChanged.isEmpty(); }, 500)); // checked after the loop
            }
            QVERIFY(!dataChanged.isEmpty());
        } else {
            app->live()->applyPayload(payload);
        }
        QCOMPARE(dataChanged.size(), 1);
        QVERIFY(dataChanged.first().at(2).value<QList<int>>().contains(ScoreboardModel::HomeScoreRole));
        QCOMPARE(reset.size(), 0);
        QTest::qWait(350); // mid-highlight
        save(window, prefix + u"-after.png"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(u"Basic"_s);
    }
    void desktopDark() { run(false, true, u"desktop-dark"_s); }
    void desktopLight() { run(false, false, u"desktop-light"_s); }
    void kiosk() { run(true, true, u"kiosk"_s); }
};

QTEST_MAIN(ScreenshotTest)
#include "screenshottest.moc"
