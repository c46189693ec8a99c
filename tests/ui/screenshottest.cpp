#include "appcontext.h"
#include "feedserver.h"
#include "gamestore.h"
#include "livemessage.h"
#include "redisbus.h"
#include "redisserver.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
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

    // Every card on screen shows what the model holds: the football on the team in possession only.
    static void checkPossessionMarkers(QQuickWindow *window, ScoreboardModel *model)
    {
        int checked = 0;
        QList<QQuickItem *> cards;
        std::function<void(QQuickItem *)> collect = [&](QQuickItem *item) {
            if (item->objectName() == u"gameCard" && item->isVisible())
                cards.append(item);
            for (auto *child : item->childItems())
                collect(child);
        };
        collect(window->contentItem());
        for (auto *card : cards) {
            const auto eid = card->property("eid").toString();
            for (int row = 0; row < model->rowCount(); ++row) {
                const auto index = model->index(row);
                if (index.data(ScoreboardModel::EidRole).toString() != eid)
                    continue;
                const auto possession = index.data(ScoreboardModel::PossessionRole).toString();
                for (const auto &side : {u"visitor"_s, u"home"_s}) {
                    const QString rowName = side + u"Row"_s;
                    auto *marker
                        = card->findChild<QQuickItem *>(rowName)->findChild<QQuickItem *>(u"possessionMarker"_s);
                    const auto abbr
                        = index.data(side == u"home" ? ScoreboardModel::HomeAbbrRole : ScoreboardModel::VisitorAbbrRole)
                              .toString();
                    QCOMPARE(marker->isVisible(), !possession.isEmpty() && possession == abbr);
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 0);
    }

    // Page dots in the kiosk header exactly when the board has more than one page.
    static void checkPageDots(QQuickWindow *window)
    {
        auto *board = window->findChild<QQuickItem *>(u"kioskBoard"_s);
        QVERIFY(board);
        const int pages = board->property("pageCount").toInt();
        QQuickItem *dots = nullptr;
        std::function<void(QQuickItem *)> find = [&](QQuickItem *item) {
            if (item->objectName() == u"pageDots")
                dots = item;
            for (auto *child : item->childItems())
                find(child);
        };
        find(window->contentItem());
        QVERIFY(dots);
        QCOMPARE(dots->isVisible(), pages > 1);
        qInfo() << "kiosk:" << board->property("count").toInt() << "games," << pages << "pages";
    }

    void run(bool kiosk, bool dark, const QString &prefix, QSize size)
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
        window->resize(size);
        app->start();
        auto *model = app->scoreboard();
        model->setWeek({2025, SeasonType::Reg, 1}); // the first Sunday: games under way at the demo clock
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 10, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(model->liveCount() > 0, 5000);
        if (haveRedis)
            QTRY_COMPARE_WITH_TIMEOUT(app->live()->state(), LiveController::State::Live, 10000);
        QTest::qWait(1200); // delegates laid out, fonts loaded
        save(window, prefix + u"-before.png"_s);
        checkPossessionMarkers(window, model);
        if (kiosk)
            checkPageDots(window);

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
        checkPossessionMarkers(window, model);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(u"Basic"_s);
    }
    void desktopDark() { run(false, true, u"desktop-dark"_s, {1600, 1000}); }
    void desktopLight() { run(false, false, u"desktop-light"_s, {1600, 1000}); }
    void desktopSmall() { run(false, true, u"desktop-small"_s, {800, 600}); }
    void kiosk() { run(true, true, u"kiosk"_s, {1920, 1080}); }
    void kioskPaged() { run(true, false, u"kiosk-720p"_s, {1280, 720}); }
    void kiosk4k() { run(true, true, u"kiosk-4k"_s, {3840, 2160}); }
};

QTEST_MAIN(ScreenshotTest)
#include "screenshottest.moc"
