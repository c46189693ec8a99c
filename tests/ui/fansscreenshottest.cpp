#include "appcontext.h"
#include "delayline.h"
#include "gamestore.h"
#include "screenshotsaver.h"
#include "testgames.h"

#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(EndzonePlugin)
Q_IMPORT_QML_PLUGIN(Endzone_ViewsPlugin)

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
namespace Testing = Endzone::Test;

// The fan features in the real window (AppContext + Main.qml), light and dark, 720p and 4K: the scoreboard
// with favourites first and marked (and the keys that move between cards and toggle a favourite), the kiosk
// pinning a live favourite beside the paged games, and live-only mode with nothing live. Each picture is saved
// to the build tree for a person to look at, and checked: every card on screen is whole, none overlaps another,
// and every text of a card stays inside it.
class FansScreenshotTest : public QObject
{
    Q_OBJECT

    struct Window
    {
        std::unique_ptr<QTemporaryDir> dir;
        std::unique_ptr<AppContext> app;
        std::unique_ptr<QQmlApplicationEngine> engine;
        QQuickWindow *window = nullptr;
    };

    static Game named(Game g, const QString &home, const QString &visitor)
    {
        g.home.nickname = home;
        g.visitor.nickname = visitor;
        return g;
    }

    static Game final(Game g, int home, int visitor)
    {
        g.state = GameState::Final;
        g.home.score = home;
        g.visitor.score = visitor;
        return g;
    }

    // Sunday 2025-09-21 (UTC): two finals at 10:00 and 13:00, three live at 17:00, three to come at 20:00.
    static QList<Game> week()
    {
        using namespace Testing;
        QList<Game> games;
        games.append(
            final(named(scheduledGame(u"2025092101"_s, u"PHI"_s, u"GB"_s, 10), u"eagles"_s, u"packers"_s), 20, 27));
        games.append(final(
            named(scheduledGame(u"2025092102"_s, u"SEA"_s, u"ARI"_s, 13), u"seahawks"_s, u"cardinals"_s), 23, 20));
        auto det = named(
            liveGame(scheduledGame(u"2025092103"_s, u"NYG"_s, u"DET"_s, 17), 17, 21, GameState::Quarter4, u"02:00"_s),
            u"giants"_s, u"lions"_s);
        det.possession = u"DET"_s;
        games.append(
            withSituation(det, 2, 7, u"NYG 34"_s, 1, 2, u"(2:05) J.Goff pass short left to A.St. Brown"_s, 0.22));
        games.append(
            named(liveGame(scheduledGame(u"2025092104"_s, u"KC"_s, u"BUF"_s, 17), 10, 14), u"chiefs"_s, u"bills"_s));
        games.append(named(
            liveGame(scheduledGame(u"2025092105"_s, u"MIA"_s, u"NE"_s, 17), 3, 0, GameState::Quarter1, u"06:39"_s),
            u"dolphins"_s, u"patriots"_s));
        games.append(named(scheduledGame(u"2025092106"_s, u"DAL"_s, u"NYJ"_s, 20), u"cowboys"_s, u"jets"_s));
        games.append(named(scheduledGame(u"2025092107"_s, u"HOU"_s, u"JAX"_s, 20), u"texans"_s, u"jaguars"_s));
        games.append(named(scheduledGame(u"2025092108"_s, u"LAC"_s, u"DEN"_s, 20), u"chargers"_s, u"broncos"_s));
        return games;
    }

    // Nothing live: the same week before the 17:00 games started, at 16:58:30.
    static QList<Game> quietWeek()
    {
        auto games = week();
        for (auto &g : games) {
            if (isLive(g.state)) {
                g = Testing::scheduledGame(g.eid, g.home.abbreviation, g.visitor.abbreviation, 17);
                g.home.nickname = g.home.abbreviation.toLower();
                g.visitor.nickname = g.visitor.abbreviation.toLower();
            }
        }
        return games;
    }

    static Window open(bool kiosk, bool dark, QSize size, const QStringList &favourites, const QString &mode,
        const QList<Game> &games, const QDateTime &now)
    {
        Window w;
        w.dir = std::make_unique<QTemporaryDir>();
        AppContext::Options options;
        options.kiosk = kiosk;
        options.config.database = u"sqlite://"_s + w.dir->filePath(u"app.sqlite"_s);
        options.config.file = w.dir->filePath(u"endzone.conf"_s);
        options.config.feed = u"http://127.0.0.1:9"_s; // nothing listens: the week is what this test stores
        options.config.favourites = favourites;
        options.config.kioskMode = mode;
        auto context = AppContext::create(options);
        if (!context) {
            qWarning() << context.error();
            return w;
        }
        w.app = std::move(context).value();
        w.app->kioskGames()->setClock([now] { return now; });
        UiServices::current().settings->setTheme(dark ? u"dark"_s : u"light"_s);
        w.engine = std::make_unique<QQmlApplicationEngine>();
        w.engine->load(QUrl(u"qrc:/Endzone/Views/Main.qml"_s));
        if (w.engine->rootObjects().size() != 1)
            return w;
        w.window = qobject_cast<QQuickWindow *>(w.engine->rootObjects().constFirst());
        w.window->setVisibility(QWindow::Windowed);
        w.window->resize(size);
        w.app->scoreboard()->setWeek(Testing::testWeek);
        auto stored = w.app->store()->upsertWeek(ParsedWeek {Testing::testWeek, FeedDialect::Ajax, games});
        if (!stored)
            qWarning() << stored.error();
        return w;
    }

    static QList<QQuickItem *> items(QQuickItem *root, const QString &name)
    {
        QList<QQuickItem *> found;
        std::function<void(QQuickItem *)> collect = [&](QQuickItem *item) {
            if (item->objectName() == name && item->isVisible())
                found.append(item);
            for (auto *child : item->childItems())
                collect(child);
        };
        collect(root);
        return found;
    }

    static QRectF sceneRect(QQuickItem *item)
    {
        return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    }

    // The cards on screen (those whose middle is inside the window): whole, apart, and holding their texts.
    static int checkCards(QQuickWindow *window, QString *problem)
    {
        const QRectF screen(0, 0, window->width(), window->height());
        QList<QRectF> shown;
        for (auto *card : items(window->contentItem(), u"gameCard"_s)) {
            const auto box = sceneRect(card);
            if (!screen.contains(box.center()) || box.width() < 1)
                continue;
            // A card in a scrolled or paged grid may be cut by the view's edge; one in the middle of it is whole.
            for (const auto &other : std::as_const(shown))
                if (other.intersected(box).width() > 1 && other.intersected(box).height() > 1)
                    *problem += u"two cards overlap; "_s;
            shown.append(box);
            for (const auto &name : {u"stateLabel"_s, u"situationChip"_s, u"favouriteStar"_s, u"lastPlayText"_s,
                     u"detailsText"_s, u"visitorRow"_s, u"homeRow"_s, u"favouriteMark"_s}) {
                auto *item = card->findChild<QQuickItem *>(name);
                if (!item || !item->isVisible())
                    continue;
                const auto inner = sceneRect(item);
                if (name == u"situationChip"
                    && card->findChild<QQuickItem *>(u"situationLabel"_s)->property("truncated").toBool())
                    *problem += u"the situation of "_s + card->property("eid").toString() + u" is cut short; "_s;
                if (!box.adjusted(-0.5, -0.5, 0.5, 0.5).contains(inner))
                    *problem += name + u" of "_s + card->property("eid").toString() + u" leaves its card; "_s;
            }
        }
        return int(shown.size());
    }

    void scoreboard(bool dark, QSize size, const QString &name)
    {
        auto w = open(false, dark, size, {u"DET"_s, u"PHI"_s}, u"all"_s, week(), {});
        QVERIFY(w.window);
        auto *model = w.app->scoreboard();
        QTRY_COMPARE(model->rowCount(), 8);
        // Favourites first, by priority: DET's live game, then PHI's final; both marked.
        QCOMPARE(model->index(0).data(ScoreboardModel::VisitorAbbrRole).toString(), u"DET"_s);
        QCOMPARE(model->index(1).data(ScoreboardModel::HomeAbbrRole).toString(), u"PHI"_s);
        QTest::qWait(1000);
        QCOMPARE(items(w.window->contentItem(), u"favouriteMark"_s).size(), 2);
        QString problem;
        QVERIFY(checkCards(w.window, &problem) >= 4);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Test::saveScreenshot(w.window, name + u".png"_s);
    }

    void kioskPinned(bool dark, QSize size, const QString &name)
    {
        auto w = open(true, dark, size, {u"KC"_s, u"DET"_s}, u"all"_s, week(),
            QDateTime(QDate(2025, 9, 21), QTime(18, 0), Qt::UTC));
        QVERIFY(w.window);
        auto *kiosk = w.app->kioskGames();
        QTRY_VERIFY(kiosk->hasPinned());
        QCOMPARE(kiosk->pinnedGames()->rowCount(), 1);
        QCOMPARE(kiosk->pinnedGames()->index(0, 0).data(ScoreboardModel::HomeAbbrRole).toString(),
            u"KC"_s); // KC outranks DET, both live
        QTest::qWait(1000);
        auto pinned = items(w.window->contentItem(), u"pinnedCard"_s);
        QCOMPARE(pinned.size(), 1);
        QCOMPARE(pinned.constFirst()->property("homeScore").toInt(), 10);
        const auto pinnedBox = sceneRect(pinned.constFirst());
        QVERIFY(pinnedBox.width() > w.window->width() / 4); // large
        QString problem;
        QVERIFY(checkCards(w.window, &problem) >= 2);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Test::saveScreenshot(w.window, name + u".png"_s);
    }

    void liveOnlyNothingLive(bool dark, QSize size, const QString &name)
    {
        auto w = open(true, dark, size, {}, u"live-only"_s, quietWeek(),
            QDateTime(QDate(2025, 9, 21), QTime(16, 58, 30), Qt::UTC));
        QVERIFY(w.window);
        auto *kiosk = w.app->kioskGames();
        QTRY_COMPARE(kiosk->rowCount(), 2); // today's finals
        QVERIFY(!kiosk->anyLive());
        QCOMPARE(kiosk->countdown(), u"0:01:30"_s);
        QTest::qWait(1000);
        auto banner = items(w.window->contentItem(), u"nextKickoffBanner"_s);
        QCOMPARE(banner.size(), 1);
        auto countdown = items(w.window->contentItem(), u"countdownText"_s);
        QCOMPARE(countdown.size(), 1);
        QCOMPARE(countdown.constFirst()->property("text").toString(), u"0:01:30"_s);
        const auto bannerBox = sceneRect(banner.constFirst());
        for (auto *card : items(w.window->contentItem(), u"gameCard"_s))
            QVERIFY(sceneRect(card).top() >= bannerBox.bottom() - 0.5); // the banner sits above the finals
        QVERIFY(!items(w.window->contentItem(), u"nothingLiveText"_s).constFirst()->property("truncated").toBool());
        QString problem;
        QCOMPARE(checkCards(w.window, &problem), 2);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Test::saveScreenshot(w.window, name + u".png"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(u"Basic"_s);
    }

    // Arrows move between cards, F toggles the favourite of the card the keyboard is on.
    void keysMoveAndToggleFavourites()
    {
        auto w = open(false, true, {1280, 720}, {}, u"all"_s, week(), {});
        QVERIFY(w.window);
        auto *model = w.app->scoreboard();
        QTRY_COMPARE(model->rowCount(), 8);
        w.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.window));
        auto *grid = items(w.window->contentItem(), u"scoreboardGrid"_s).value(0);
        QVERIFY(grid);
        QTRY_VERIFY(grid->hasActiveFocus());
        QCOMPARE(grid->property("currentIndex").toInt(), 0);
        QTest::keyClick(w.window, Qt::Key_Right);
        QCOMPARE(grid->property("currentIndex").toInt(), 1);
        QTest::keyClick(w.window, Qt::Key_Down);
        const int columns = grid->property("columns").toInt();
        QCOMPARE(grid->property("currentIndex").toInt(), 1 + columns);
        QTest::keyClick(w.window, Qt::Key_Left);
        const int row = columns;
        const auto home = model->index(row).data(ScoreboardModel::HomeAbbrRole).toString();
        QTest::keyClick(w.window, Qt::Key_F);
        QCOMPARE(w.app->favourites()->teams(), QStringList {home});
        // The focused card's game moved first; F on it again removes the favourite.
        QCOMPARE(model->index(0).data(ScoreboardModel::HomeAbbrRole).toString(), home);
        QTRY_VERIFY(grid->property("currentItem").value<QQuickItem *>());
        grid->setProperty("currentIndex", 0);
        QTest::keyClick(w.window, Qt::Key_F);
        QVERIFY(w.app->favourites()->teams().isEmpty());
        // The settings file keeps what F did, in order.
        QTest::keyClick(w.window, Qt::Key_F);
        QCOMPARE(UiServices::current().settings->favourites(), QStringList {home});
    }

    // The Settings tab: favourites in order with up and down, the delay; both written to the one config file.
    void settingsPageReordersFavourites()
    {
        auto w = open(false, false, {1280, 720}, {u"DET"_s, u"PHI"_s, u"KC"_s}, u"all"_s, week(), {});
        QVERIFY(w.window);
        w.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.window));
        auto *tabs = w.window->findChild<QObject *>(u"pageTabs"_s);
        QVERIFY(tabs);
        tabs->setProperty("currentIndex", 5);
        QTRY_VERIFY(!items(w.window->contentItem(), u"favouritesList"_s).isEmpty());
        QTRY_COMPARE(items(w.window->contentItem(), u"favouriteUp"_s).size(), 3);
        QTest::qWait(300);
        Test::saveScreenshot(w.window, u"settings-favourites-light-720p.png"_s);
        // Up on the third (KC): KC becomes the second favourite; its game moves up on the scoreboard.
        auto *up = items(w.window->contentItem(), u"favouriteUp"_s).at(2);
        QTest::mouseClick(
            w.window, Qt::LeftButton, {}, up->mapToScene(QPointF(up->width() / 2, up->height() / 2)).toPoint());
        QTRY_COMPARE(w.app->favourites()->teams(), (QStringList {u"DET"_s, u"KC"_s, u"PHI"_s}));
        QCOMPARE(UiServices::current().settings->favourites(), (QStringList {u"DET"_s, u"KC"_s, u"PHI"_s}));
        QCOMPARE(w.app->scoreboard()->index(1).data(ScoreboardModel::HomeAbbrRole).toString(), u"KC"_s);
        // The list holds today's codes, whatever week is shown: with a 1990 week on the board (where HOU was the
        // Oilers, today's TEN), removing HOU removes the Texans; it does not add TEN.
        w.app->favourites()->setTeams({u"DET"_s, u"KC"_s, u"PHI"_s, u"HOU"_s});
        w.app->navigator()->showWeek(1990, u"REG"_s, 1);
        QTRY_COMPARE(w.app->navigator()->season(), 1990);
        QTRY_COMPARE(items(w.window->contentItem(), u"favouriteRemove"_s).size(), 4);
        auto *remove = items(w.window->contentItem(), u"favouriteRemove"_s).at(3);
        QTest::mouseClick(w.window, Qt::LeftButton, {},
            remove->mapToScene(QPointF(remove->width() / 2, remove->height() / 2)).toPoint());
        QTRY_COMPARE(w.app->favourites()->teams(), (QStringList {u"DET"_s, u"KC"_s, u"PHI"_s}));
        // The delay box writes the setting, and the delay line follows it.
        auto *delay = items(w.window->contentItem(), u"delayBox"_s).value(0);
        QVERIFY(delay);
        UiServices::current().settings->setDelay(30);
        QCOMPARE(w.app->delayLine()->delay(), 30);
        QTRY_COMPARE(delay->property("value").toInt(), 30);
    }

    void scoreboardDark720() { scoreboard(true, {1280, 720}, u"favourites-dark-720p"_s); }
    void scoreboardLight720() { scoreboard(false, {1280, 720}, u"favourites-light-720p"_s); }
    void scoreboardDark4k() { scoreboard(true, {3840, 2160}, u"favourites-dark-4k"_s); }
    void scoreboardLight4k() { scoreboard(false, {3840, 2160}, u"favourites-light-4k"_s); }
    void pinnedDark720() { kioskPinned(true, {1280, 720}, u"kiosk-pinned-dark-720p"_s); }
    void pinnedLight720() { kioskPinned(false, {1280, 720}, u"kiosk-pinned-light-720p"_s); }
    void pinnedDark4k() { kioskPinned(true, {3840, 2160}, u"kiosk-pinned-dark-4k"_s); }
    void pinnedLight4k() { kioskPinned(false, {3840, 2160}, u"kiosk-pinned-light-4k"_s); }
    void liveOnlyDark720() { liveOnlyNothingLive(true, {1280, 720}, u"kiosk-live-only-idle-dark-720p"_s); }
    void liveOnlyLight720() { liveOnlyNothingLive(false, {1280, 720}, u"kiosk-live-only-idle-light-720p"_s); }
    void liveOnlyDark4k() { liveOnlyNothingLive(true, {3840, 2160}, u"kiosk-live-only-idle-dark-4k"_s); }
    void liveOnlyLight4k() { liveOnlyNothingLive(false, {3840, 2160}, u"kiosk-live-only-idle-light-4k"_s); }
};

QTEST_MAIN(FansScreenshotTest)
#include "fansscreenshottest.moc"
