#include "apiserver.h"
#include "feedclient.h"
#include "feedserver.h"
#include "gamestore.h"
#include "inprocessbus.h"
#include "livepublisher.h"
#include "livewatcher.h"
#include "scorestripwriter.h"
#include "syntheticseason.h"

#include <QCoroTask>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {
QCoro::Task<int> poll(LiveWatcher *watcher)
{
    auto result = co_await watcher->pollOnce();
    co_return result ? result.value() : -1;
}
} // namespace

// The web scoreboard in headless Chromium: the page shows a score change that is published after it
// loaded, which it can only learn from the event stream. Driven by browser/livepage.mjs over the
// DevTools protocol; the screenshot is kept next to the test binary (endzone-browser.png). With a spoiler delay
// (`?delay=N`) the same change reaches the board N seconds after it arrived.
class BrowserTest : public QObject
{
    Q_OBJECT
    void follow(int delay)
    {
        const QString chromium = QStandardPaths::findExecutable(u"chromium"_s);
        const QString node = QStandardPaths::findExecutable(u"node"_s);
        if (chromium.isEmpty() || node.isEmpty())
            QSKIP("needs chromium and node (apt-get install chromium nodejs)");

        FeedServer::Options feedOptions;
        feedOptions.syntheticSeason = 2015;
        feedOptions.clockStart = SyntheticSeason(2015).firstSundayKickoff().addSecs(3600);
        feedOptions.speed = 0;
        FeedServer feedServer(feedOptions);
        QVERIFY(feedServer.listen());
        FeedClient feed(feedServer.baseUrl());
        QTemporaryDir dir;
        auto store = GameStore::open(u"sqlite:///"_s + dir.filePath(u"browser.sqlite"_s));
        QVERIFY(store);
        InProcessBus bus;
        ApiServer::Options options;
        options.port = 0;
        options.clock = [&feedServer] {
            return feedServer.now();
        };
        ApiServer api({store.value().get(), &feed, &bus, nullptr}, options);
        QVERIFY(api.listen());
        LivePublisher publisher(&bus);
        LiveWatcher watcher({&feed, store.value().get(), &publisher, api.weekSource(), nullptr});
        connect(&watcher, &LiveWatcher::currentWeekChanged, &api, &ApiServer::setCurrentWeek);
        QVERIFY(QCoro::waitFor(poll(&watcher)) > 0);

        const QString screenshot = QCoreApplication::applicationDirPath()
            + (delay > 0 ? u"/endzone-browser-delay.png"_s : u"/endzone-browser.png"_s);
        QFile::remove(screenshot);
        QProcess browser;
        browser.setProcessChannelMode(QProcess::SeparateChannels);
        browser.start(node,
            {u"--experimental-websocket"_s, QStringLiteral(ENDZONE_BROWSER_SCRIPT), chromium,
                api.baseUrl().toString() + u"/"_s, screenshot, dir.filePath(u"profile"_s), QString::number(delay)});
        QVERIFY(browser.waitForStarted(10000));
        QSignalSpy output(&browser, &QProcess::readyReadStandardOutput);
        QByteArray lines;
        auto waitForLine = [&](const QByteArray &prefix) {
            QDeadlineTimer deadline(60000);
            while (!lines.contains(prefix) && !deadline.hasExpired() && browser.state() == QProcess::Running) {
                output.wait(500);
                lines += browser.readAllStandardOutput();
            }
            lines += browser.readAllStandardOutput();
            return lines.contains(prefix);
        };
        QVERIFY2(waitForLine("READY "), lines.constData());
        const QList<QByteArray> ready = lines.mid(lines.indexOf("READY ")).split('\n').first().split(' ');
        const QString eid = QString::fromLatin1(ready.value(1));
        const int before = ready.value(2).toInt();

        // Publish a touchdown for that game: the watcher sees it in the feed and sends it down the stream.
        const SyntheticSeason season(2015);
        const WeekKey key = season.currentWeek(feedServer.now());
        ParsedWeek week = season.week(key, feedServer.now());
        week.dialect = FeedDialect::LiveUpdate;
        auto game = std::find_if(week.games.begin(), week.games.end(), [&eid](const Game &g) { return g.eid == eid; });
        QVERIFY(game != week.games.end());
        game->home.score = before + 7;
        feedServer.setDocument(key, ScorestripWriter::write(week));
        QCOMPARE(QCoro::waitFor(poll(&watcher)), 1);
        browser.write("EXPECT " + eid.toLatin1() + ' ' + QByteArray::number(before + 7) + '\n');

        QVERIFY2(waitForLine("OK"), QByteArray(lines + browser.readAllStandardError()).constData());
        QSignalSpy finished(&browser, &QProcess::finished);
        QVERIFY(browser.state() == QProcess::NotRunning || finished.wait(20000));
        QCOMPARE(browser.exitCode(), 0);
        QVERIFY(QFile(screenshot).size() > 10000);
    }

private Q_SLOTS:
    void pageFollowsLiveScores() { follow(0); }
    // `?delay=3`: the page holds every change from the stream for 3 s (livepage.mjs checks, by the page's own
    // clock, that none was shown sooner and that the order was kept).
    void pageHonoursTheSpoilerDelay() { follow(3); }
};

QTEST_GUILESS_MAIN(BrowserTest)
#include "browsertest.moc"
