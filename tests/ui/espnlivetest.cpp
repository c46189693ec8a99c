// A live ESPN week end to end: a synthetic 2025 season in ESPN's shape plays on a local feed, a real
// endzone-server --watch --source espn polls it and publishes on a real Redis, and the app's LiveController
// follows the server's SSE stream into its own store and ScoreboardModel. The scoreboard fills once, then
// only changes row by row (one row per dataChanged, never a reset, an insert or a removal), and the live
// games carry their situation: down and distance, ball position, possession.
#include "apitestsupport.h"
#include "feedserver.h"
#include "gamestore.h"
#include "livecontroller.h"
#include "postgresserver.h"
#include "redisserver.h"
#include "scoreboardmodel.h"
#include "syntheticseason.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class EspnLiveTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void liveWeekThroughServerRedisAndSse()
    {
        Test::RedisServer redis;
        if (!redis.startOrSkip())
            return;

        // Half an hour into the first Sunday's early games, at 20 synthetic seconds per real second.
        FeedServer::Options feedOptions;
        feedOptions.format = FeedServer::Format::Espn;
        feedOptions.syntheticSeason = 2025;
        feedOptions.clockStart = SyntheticSeason(2025).firstSundayKickoff().addSecs(30 * 60);
        feedOptions.speed = 20;
        feedOptions.maxAgeSeconds = 0;
        FeedServer feed(feedOptions);
        QVERIFY(feed.listen());

        QTemporaryDir dir;
        const quint16 port = Test::freePort();
        QProcess server;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"ENDZONE_CONFIG"_s, dir.filePath(u"none.conf"_s));
        server.setProcessEnvironment(env);
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start(qEnvironmentVariable("ENDZONE_BIN_DIR") + u"/endzone-server"_s,
            {u"--source"_s, u"espn"_s, u"--feed"_s, feed.baseUrl().toString(), u"--database"_s,
                u"sqlite://"_s + dir.filePath(u"server.sqlite"_s), u"--redis"_s, redis.url().toString(), u"--listen"_s,
                u"127.0.0.1:%1"_s.arg(port), u"--watch"_s, u"--poll-fast"_s, u"1"_s});
        QVERIFY(server.waitForStarted(10000));
        const QUrl index(u"http://127.0.0.1:%1/api/"_s.arg(port));
        QTRY_COMPARE_WITH_TIMEOUT(Test::httpRequest(index).status, 200, 15000);

        auto store = GameStore::open(u"sqlite://"_s + dir.filePath(u"app.sqlite"_s));
        QVERIFY2(store, qPrintable(store.error()));
        ScoreboardModel model(store.value().get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const WeekKey week {2025, SeasonType::Reg, 1};
        model.setWeek(week);
        LiveController live(store.value().get());
        live.setFeedUrl(feed.baseUrl(), FeedSource::Espn);
        QVERIFY(live.start(u"sse:http://127.0.0.1:%1/api/livescore"_s.arg(port)));

        // The week arrives (the snapshot or the first publish), with live situations.
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 16, 20000);
        auto situations = [&model] {
            int count = 0;
            for (int row = 0; row < model.rowCount(); ++row) {
                const auto index = model.index(row);
                if (!index.data(ScoreboardModel::DownDistanceRole).toString().isEmpty()
                    && !index.data(ScoreboardModel::BallOnRole).toString().isEmpty())
                    ++count;
            }
            return count;
        };
        QTRY_VERIFY_WITH_TIMEOUT(situations() > 0, 20000);

        // From now on: only row-level changes, as the games play on.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 10, 30000);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QSet<int> roles;
        for (const auto &signal : std::as_const(changed)) {
            const auto top = signal.at(0).toModelIndex(), bottom = signal.at(1).toModelIndex();
            QCOMPARE(top, bottom); // one game, one row
            QVERIFY(!signal.at(2).value<QList<int>>().isEmpty()); // the roles that changed, named
            for (int role : signal.at(2).value<QList<int>>())
                roles.insert(role);
        }
        QVERIFY(roles.contains(ScoreboardModel::ClockRole));
        QVERIFY(roles.contains(ScoreboardModel::DownDistanceRole) || roles.contains(ScoreboardModel::BallOnRole));
        QVERIFY(situations() > 0);
        // What the card shows is what the server stored.
        const auto served = Test::httpRequest(QUrl(u"http://127.0.0.1:%1/api/season/2025/1"_s.arg(port)));
        QCOMPARE(served.status, 200);

        live.stop();
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(EspnLiveTest)
#include "espnlivetest.moc"
