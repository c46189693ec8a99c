#include "appcontext.h"
#include "feedserver.h"
#include "gamestore.h"
#include "livemessage.h"
#include "redisbus.h"
#include "redisserver.h"
#include "screenshotsaver.h"
#include "testgames.h"

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
        Test::saveScreenshot(window, prefix + u"-before.png"_s);
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
        Test::saveScreenshot(window, prefix + u"-after.png"_s);
        checkPossessionMarkers(window, model);
    }

    // A week of ESPN games with every live situation a card must hold (a long last play, a red-zone goal to go,
    // midfield in overtime, halftime, a neutral site), beside scorestrip games that must look as they always did.
    static QList<Game> situationWeek()
    {
        auto named = [](Game g, const QString &home, const QString &visitor) {
            g.home.nickname = home;
            g.visitor.nickname = visitor;
            return g;
        };
        auto espn = [](Game g, const QString &id, const QString &venue, const QString &city, const QString &tv,
                        bool neutral = false) {
            return Testing::espnGame(std::move(g), id, venue, city, tv, neutral);
        };
        QList<Game> games;
        auto kc = named(Testing::liveGame(Testing::scheduledGame(u"2025092101"_s, u"KC"_s, u"BUF"_s, 13), 17, 14,
                            GameState::Quarter3, u"07:45"_s),
            u"chiefs"_s, u"bills"_s);
        kc = Testing::withSituation(kc, 3, 4, u"BUF 34"_s, 2, 3,
            u"(7:45) (Shotgun) P.Mahomes pass deep middle to T.Kelce to BUF 34 for 22 yards (T.Bernard; D.Hamlin). "
            u"Buffalo challenged the pass completion ruling, and the play was Upheld."_s,
            0.62);
        games.append(espn(kc, u"401772501"_s, u"GEHA Field at Arrowhead Stadium"_s, u"Kansas City, MO"_s, u"CBS"_s));

        auto dublin = named(Testing::liveGame(Testing::scheduledGame(u"2025092102"_s, u"MIN"_s, u"PIT"_s, 13), 7, 10,
                                GameState::Quarter2, u"02:00"_s),
            u"vikings"_s, u"steelers"_s);
        dublin.possession = u"PIT"_s;
        dublin.redZone = true;
        dublin = Testing::withSituation(
            dublin, 1, 4, u"MIN 4"_s, 3, 2, u"(2:05) J.Warren right end to MIN 4 for 9 yards"_s, 0.41);
        games.append(espn(dublin, u"401772502"_s, u"Croke Park"_s, u"Dublin, Ireland"_s, u"NFL Network"_s, true));

        auto nyg = named(Testing::liveGame(Testing::scheduledGame(u"2025092103"_s, u"NYG"_s, u"DAL"_s, 17), 24, 24,
                             GameState::Overtime, u"10:00"_s),
            u"giants"_s, u"cowboys"_s);
        nyg = Testing::withSituation(nyg, 4, 10, u"50"_s, 1, 0, u"(10:00) J.Dart sacked at 50 for -6 yards"_s);
        games.append(espn(nyg, u"401772503"_s, u"MetLife Stadium"_s, u"East Rutherford, NJ"_s, u"FOX"_s));

        auto half = named(Testing::liveGame(Testing::scheduledGame(u"2025092104"_s, u"LA"_s, u"SF"_s, 17), 13, 10,
                              GameState::Halftime, QString()),
            u"rams"_s, u"49ers"_s);
        half = Testing::withSituation(half, 1, 10, u"LA 25"_s, 3, 3, u"END QUARTER 2"_s, 0.55);
        games.append(espn(half, u"401772504"_s, u"SoFi Stadium"_s, u"Inglewood, CA"_s, u"FOX"_s));

        auto mia = named(Testing::liveGame(Testing::scheduledGame(u"2025092105"_s, u"MIA"_s, u"NE"_s, 17), 3, 0,
                             GameState::Quarter1, u"06:39"_s),
            u"dolphins"_s, u"patriots"_s);
        mia.redZone = true; // a scorestrip game: possession and red zone, nothing more
        games.append(mia);

        auto det = named(Testing::scheduledGame(u"2025092106"_s, u"DET"_s, u"CHI"_s, 20), u"lions"_s, u"bears"_s);
        games.append(espn(det, u"401772506"_s, u"Ford Field"_s, u"Detroit, MI"_s, u"NBC/Peacock"_s));

        games.append(named(Testing::scheduledGame(u"2025092107"_s, u"HOU"_s, u"JAX"_s, 20), u"texans"_s, u"jaguars"_s));

        auto brazil = named(Testing::scheduledGame(u"2025092108"_s, u"PHI"_s, u"GB"_s, 10), u"eagles"_s, u"packers"_s);
        brazil.state = GameState::Final;
        brazil.home.score = 20;
        brazil.visitor.score = 27;
        games.append(espn(brazil, u"401772508"_s, u"Corinthians Arena"_s, u"Sao Paulo, Brazil"_s, u"YouTube"_s, true));

        auto sea
            = named(Testing::scheduledGame(u"2025092109"_s, u"SEA"_s, u"ARI"_s, 10), u"seahawks"_s, u"cardinals"_s);
        sea.state = GameState::Final;
        sea.home.score = 23;
        sea.visitor.score = 20;
        games.append(sea);
        return games;
    }

    // Every visible text and chip of every card lies inside its card, and the situation stops before the star.
    static void checkCardsFit(QQuickWindow *window)
    {
        QList<QQuickItem *> cards;
        std::function<void(QQuickItem *)> collect = [&](QQuickItem *item) {
            if (item->objectName() == u"gameCard" && item->isVisible())
                cards.append(item);
            for (auto *child : item->childItems())
                collect(child);
        };
        collect(window->contentItem());
        QVERIFY(!cards.isEmpty());
        int situations = 0;
        for (auto *card : cards) {
            const QRectF bounds(0, 0, card->width(), card->height());
            for (const auto &name : {u"stateLabel"_s, u"situationChip"_s, u"redZoneChip"_s, u"favouriteStar"_s,
                     u"lastPlayText"_s, u"detailsText"_s, u"winProbabilityBar"_s, u"visitorRow"_s, u"homeRow"_s}) {
                auto *item = card->findChild<QQuickItem *>(name);
                QVERIFY2(item, qPrintable(name));
                if (!item->isVisible())
                    continue;
                const auto box = item->mapRectToItem(card, QRectF(0, 0, item->width(), item->height()));
                QVERIFY2(bounds.adjusted(-0.5, -0.5, 0.5, 0.5).contains(box),
                    qPrintable(u"%1 of %2 leaves its card"_s.arg(name, card->property("eid").toString())));
            }
            auto *chip = card->findChild<QQuickItem *>(u"situationChip"_s);
            auto *star = card->findChild<QQuickItem *>(u"favouriteStar"_s);
            if (chip->isVisible()) {
                ++situations;
                const auto chipBox = chip->mapRectToItem(card, QRectF(0, 0, chip->width(), chip->height()));
                if (star->isVisible())
                    QVERIFY(chipBox.right() <= star->mapToItem(card, QPointF(0, 0)).x() + 0.5);
                QVERIFY(!card->findChild<QQuickItem *>(u"situationLabel"_s)->property("truncated").toBool());
            }
        }
        QVERIFY(situations > 0);
    }

    void runSituation(bool kiosk, bool dark, const QString &name, QSize size)
    {
        QTemporaryDir dir;
        AppContext::Options options;
        options.kiosk = kiosk;
        options.config.database = u"sqlite://"_s + dir.filePath(u"app.sqlite"_s);
        options.config.feed = u"http://127.0.0.1:9"_s; // nothing listens: the week is what this test stores
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
        auto *model = app->scoreboard();
        model->setWeek(Testing::testWeek);
        const auto games = situationWeek();
        auto stored = app->store()->upsertWeek(ParsedWeek {Testing::testWeek, FeedDialect::Ajax, games});
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QTRY_COMPARE(model->rowCount(), int(games.size()));
        QTest::qWait(1200); // delegates laid out, fonts loaded, bars animated
        Test::saveScreenshot(window, name + u".png"_s);
        checkPossessionMarkers(window, model);
        checkCardsFit(window);
    }

    // The standings page on the stored week: a live final moves a club to the top through the sorted view,
    // without a reset.
    void runStandings(bool dark, const QString &name, QSize size)
    {
        QTemporaryDir dir;
        AppContext::Options options;
        options.config.database = u"sqlite://"_s + dir.filePath(u"app.sqlite"_s);
        options.config.feed = u"http://127.0.0.1:9"_s;
        auto context = AppContext::create(options);
        QVERIFY2(context.ok(), qPrintable(context.error()));
        auto *app = context.value().get();
        UiServices::current().settings->setTheme(dark ? u"dark"_s : u"light"_s);
        auto games = situationWeek();
        QVERIFY(app->store()->upsertWeek(ParsedWeek {Testing::testWeek, FeedDialect::Ajax, games}).ok());

        QQmlApplicationEngine engine;
        engine.load(QUrl(u"qrc:/Endzone/Views/Main.qml"_s));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QVERIFY(window);
        window->setVisibility(QWindow::Windowed);
        window->resize(size);
        window->findChild<QObject *>(u"pageTabs"_s)->setProperty("currentIndex", 1);
        QQuickItem *list = nullptr;
        QTRY_VERIFY((list = window->findChild<QQuickItem *>(u"standingsList"_s)));
        QTRY_VERIFY(list->property("count").toInt() >= 4); // the clubs of the two finals
        auto *table = list->property("model").value<QAbstractItemModel *>();
        QVERIFY(table);
        QSignalSpy resets(table, &QAbstractItemModel::modelReset);

        for (auto &game : games) {
            if (game.home.abbreviation == u"MIA") {
                game.state = GameState::Final;
                game.home.score = 30;
                game.visitor.score = 0;
                QVERIFY(app->store()->upsertWeek(ParsedWeek {Testing::testWeek, FeedDialect::Ajax, {game}}).ok());
            }
        }
        QTRY_COMPARE(table->index(0, 0).data(StandingsModel::TeamRole).toString(), u"MIA"_s);
        QCOMPARE(resets.count(), 0);
        QTest::qWait(500);
        Test::saveScreenshot(window, name + u".png"_s);
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
    void situationDark() { runSituation(false, true, u"situation-dark"_s, {1600, 1000}); }
    void situationLight() { runSituation(false, false, u"situation-light"_s, {1600, 1000}); }
    void situationSmall() { runSituation(false, true, u"situation-small"_s, {800, 600}); }
    void situationKiosk() { runSituation(true, true, u"situation-kiosk"_s, {1920, 1080}); }
    void situationKiosk720() { runSituation(true, false, u"situation-kiosk-720p"_s, {1280, 720}); }
    void standingsDark() { runStandings(true, u"standings-dark"_s, {1600, 1000}); }
    void standingsLight() { runStandings(false, u"standings-light"_s, {1280, 720}); }
};

QTEST_MAIN(ScreenshotTest)
#include "screenshottest.moc"
