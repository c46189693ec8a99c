// The game page in the real window (AppContext + Main.qml), offscreen: a live game of the synthetic ESPN season
// opened with Enter on its card, and the shared 2023 LAR at DAL summary fetched from a loopback ESPN feed when
// its page opens. Light and dark, 720p and 4K, and the live page once in German (longer words); the PNGs land in
// the build tree for a person to look at, and every visible text must lie inside the page (nothing runs off the
// side).
#include "appcontext.h"
#include "feedclient.h"
#include "feedserver.h"
#include "gamestore.h"
#include "screenshotsaver.h"

#include <QCoroTask>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

Q_IMPORT_QML_PLUGIN(EndzonePlugin)
Q_IMPORT_QML_PLUGIN(Endzone_ViewsPlugin)

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class GamePageScreenshotTest : public QObject
{
    Q_OBJECT
    QTranslator m_english;

    static QQuickItem *find(QQuickItem *root, const QString &name)
    {
        if (root->objectName() == name)
            return root;
        for (auto *child : root->childItems()) {
            if (auto *found = find(child, name))
                return found;
        }
        return nullptr;
    }

    // Every visible text of the page lies within the page's width, and a text that neither wraps nor elides
    // fits its own box.
    static void checkTextsFit(QQuickItem *page)
    {
        int checked = 0;
        std::function<void(QQuickItem *)> visit = [&](QQuickItem *item) {
            if (!item->isVisible() || item->opacity() == 0)
                return;
            if (QByteArray(item->metaObject()->className()).startsWith("QQuickText") && item->width() > 0
                && !item->property("text").toString().isEmpty()) {
                const auto box = item->mapRectToItem(page, QRectF(0, 0, item->width(), item->height()));
                QVERIFY2(box.left() >= -0.5 && box.right() <= page->width() + 0.5,
                    qPrintable(u"\"%1\" runs off the page"_s.arg(item->property("text").toString())));
                const bool wraps = item->property("wrapMode").toInt() != 0;
                const bool elides = item->property("elide").toInt() != 0;
                if (!wraps && !elides)
                    QVERIFY2(item->implicitWidth() <= item->width() + 1,
                        qPrintable(u"\"%1\" overflows its box"_s.arg(item->property("text").toString())));
                ++checked;
            }
            for (auto *child : item->childItems())
                visit(child);
        };
        visit(page);
        QVERIFY(checked > 5);
    }

    struct Window
    {
        std::unique_ptr<AppContext> context;
        std::unique_ptr<QQmlApplicationEngine> engine;
        QQuickWindow *window = nullptr;
    };

    static void load(Window &w, AppContext::Options options, bool dark, QSize size)
    {
        auto context = AppContext::create(std::move(options));
        QVERIFY2(context.ok(), qPrintable(context.error()));
        w.context = std::move(context).value();
        UiServices::current().settings->setTheme(dark ? u"dark"_s : u"light"_s);
        w.engine = std::make_unique<QQmlApplicationEngine>();
        w.engine->load(QUrl(u"qrc:/Endzone/Views/Main.qml"_s));
        QCOMPARE(w.engine->rootObjects().size(), 1);
        w.window = qobject_cast<QQuickWindow *>(w.engine->rootObjects().constFirst());
        QVERIFY(w.window);
        w.window->setVisibility(QWindow::Windowed);
        w.window->resize(size);
    }

    void liveGame(bool dark, QSize size, const QString &name)
    {
        QTemporaryDir dir;
        AppContext::Options options;
        options.demo = true;
        options.demoSpeed = 1; // a still picture
        options.config.database = u"sqlite://"_s + dir.filePath(u"app.sqlite"_s);
        Window w;
        load(w, options, dark, size);
        if (QTest::currentTestFailed())
            return;
        auto *app = w.context.get();
        app->start();
        auto *model = app->scoreboard();
        model->setWeek({2025, SeasonType::Reg, 1});
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 10, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(model->liveCount() > 0, 5000);
        QTest::qWait(800); // delegates laid out

        // Enter on the first live card opens its page.
        QList<QQuickItem *> cards;
        std::function<void(QQuickItem *)> collect = [&](QQuickItem *item) {
            if (item->objectName() == u"gameCard" && item->isVisible())
                cards.append(item);
            for (auto *child : item->childItems())
                collect(child);
        };
        collect(w.window->contentItem());
        QQuickItem *liveCard = nullptr;
        for (auto *card : std::as_const(cards)) {
            if (card->property("isLive").toBool()) {
                liveCard = card;
                break;
            }
        }
        QVERIFY(liveCard);
        auto *detail = UiServices::current().gameDetail.data();
        QSignalSpy fetched(detail, &GameDetailController::summaryFetched);
        liveCard->forceActiveFocus();
        QTest::keyClick(w.window, Qt::Key_Return);
        QTRY_VERIFY(detail->hasGame());
        QCOMPARE(detail->eid(), liveCard->property("eid").toString());
        QVERIFY(fetched.wait(10000));
        QCOMPARE(fetched.first().at(1).toString(), QString());
        QVERIFY(detail->hasPlays());
        auto *page = find(w.window->contentItem(), u"gamePage"_s);
        QVERIFY(page && page->isVisible());
        QTest::qWait(600);
        Test::saveScreenshot(w.window, name);
        checkTextsFit(page);

        // Esc goes back to the board, with the card focused again.
        QTest::keyClick(w.window, Qt::Key_Escape);
        QTRY_VERIFY(!detail->hasGame());
        QVERIFY(!page->isVisible());
        QVERIFY(liveCard->hasActiveFocus());
    }

    void sharedSummary(bool dark, QSize size, const QString &name)
    {
        const QString shared = qEnvironmentVariable("ENDZONE_SHARED_DIR") + u"/data/espn"_s;
        if (!QFile::exists(shared + u"/summary-401547505.json"_s))
            QSKIP("../shared/data/espn is absent");
        FeedServer::Options feedOptions;
        feedOptions.directory = shared;
        feedOptions.format = FeedServer::Format::Espn;
        FeedServer feed(feedOptions);
        QVERIFY(feed.listen());

        QTemporaryDir dir;
        AppContext::Options options;
        options.config.database = u"sqlite://"_s + dir.filePath(u"app.sqlite"_s);
        options.config.feed = feed.baseUrl().toString();
        options.config.source = FeedSource::Espn;
        Window w;
        load(w, options, dark, size);
        if (QTest::currentTestFailed())
            return;

        // The game as its week would bring it, without detail: the page's opening fetches the summary.
        FeedClient::Options clientOptions;
        clientOptions.source = FeedSource::Espn;
        FeedClient client(feed.baseUrl(), clientOptions);
        const auto summary = QCoro::waitFor(client.fetchSummary(u"401547505"_s));
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        const Game game = summary.value().game;
        auto stored = w.context->store()->upsertWeek(
            ParsedWeek {{game.season, game.seasonType, game.week}, FeedDialect::Ajax, {game}});
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QVERIFY(!w.context->store()->detail(stored.value().constFirst().game.eid).value());

        auto *detail = UiServices::current().gameDetail.data();
        QSignalSpy fetched(detail, &GameDetailController::summaryFetched);
        const int before = feed.requestCount();
        QMetaObject::invokeMethod(w.window, "openGame", Q_ARG(QVariant, stored.value().constFirst().game.eid));
        QVERIFY(fetched.wait(10000));
        QCOMPARE(fetched.first().at(1).toString(), QString());
        QCOMPARE(feed.requestCount(), before + 1);
        QCOMPARE(detail->homeAbbr(), u"DAL"_s);
        QCOMPARE(detail->visitorAbbr(), u"LAR"_s);
        QVERIFY(detail->playModel()->rowCount() > 100);
        QCOMPARE(detail->drives()->rowCount(), summary.value().detail.drives.size());
        auto *page = find(w.window->contentItem(), u"gamePage"_s);
        QVERIFY(page && page->isVisible());
        QTest::qWait(800);
        Test::saveScreenshot(w.window, name);
        checkTextsFit(page);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(u"Basic"_s);
        // English plurals, which main() installs for an English or C locale: "23 plays", not "23 play(s)".
        QVERIFY2(m_english.load(QStringLiteral(ENDZONE_ENGLISH_CATALOGUE)), ENDZONE_ENGLISH_CATALOGUE);
        QVERIFY(QCoreApplication::installTranslator(&m_english));
        QCOMPARE(QCoreApplication::translate("GamePage", "%n play(s)", nullptr, 23), u"23 plays"_s);
        QCOMPARE(QCoreApplication::translate("GamePage", "%n play(s)", nullptr, 1), u"1 play"_s);
        QCOMPARE(QCoreApplication::translate("GamePage", "Win probability"), u"Win probability"_s);
    }
    void liveDark720() { liveGame(true, {1280, 720}, u"gamepage-live-dark-720p.png"_s); }
    void liveLight720() { liveGame(false, {1280, 720}, u"gamepage-live-light-720p.png"_s); }
    void liveDark4k() { liveGame(true, {3840, 2160}, u"gamepage-live-dark-4k.png"_s); }
    void liveLight4k() { liveGame(false, {3840, 2160}, u"gamepage-live-light-4k.png"_s); }
    void liveGerman720()
    {
        QTranslator german;
        QVERIFY2(german.load(QStringLiteral(ENDZONE_GERMAN_CATALOGUE)), ENDZONE_GERMAN_CATALOGUE);
        QVERIFY(QCoreApplication::installTranslator(&german));
        QCOMPARE(QCoreApplication::translate("GamePage", "Win probability"), u"Siegwahrscheinlichkeit"_s);
        liveGame(false, {1280, 720}, u"gamepage-live-de-720p.png"_s);
        QCoreApplication::removeTranslator(&german);
    }
    void larDalDark720() { sharedSummary(true, {1280, 720}, u"gamepage-lar-dal-dark-720p.png"_s); }
    void larDalLight720() { sharedSummary(false, {1280, 720}, u"gamepage-lar-dal-light-720p.png"_s); }
    void larDalDark4k() { sharedSummary(true, {3840, 2160}, u"gamepage-lar-dal-dark-4k.png"_s); }
    void larDalLight4k() { sharedSummary(false, {3840, 2160}, u"gamepage-lar-dal-light-4k.png"_s); }
};

QTEST_MAIN(GamePageScreenshotTest)
#include "gamepagescreenshottest.moc"
