// The endzone-fetch command line, run as a process against endzone-feed processes.
#include "gamestore.h"
#include "postgresserver.h"
#include "redisserver.h"
#include "redissubscriber.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class EndzoneFetchTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_bin = qEnvironmentVariable("ENDZONE_BIN_DIR");

    // Starts endzone-feed with `arguments` on a free port; returns its base URL.
    QString startFeed(QProcess &feed, QStringList arguments)
    {
        const auto port = Test::freePort();
        feed.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        feed.start(m_bin + u"/endzone-feed"_s, arguments << u"--listen"_s << u"127.0.0.1:%1"_s.arg(port));
        if (!feed.waitForStarted())
            return {};
        // Ready once it accepts a connection.
        for (int i = 0; i < 100; ++i) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, port);
            if (probe.waitForConnected(100))
                return u"http://127.0.0.1:%1"_s.arg(port);
            QTest::qWait(50);
        }
        return {};
    }

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run fetch(QStringList arguments)
    {
        QProcess process;
        process.start(m_bin + u"/endzone-fetch"_s, arguments);
        process.waitForFinished(300000);
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void season2007Standings()
    {
        const auto shared = Test::sharedScorestripDir();
        if (shared.isEmpty())
            QSKIP("../shared/data/scorestrip is not beside the project");
        QProcess feed;
        const auto url = startFeed(feed, {u"--dir"_s, shared + u"/archive"_s});
        QVERIFY(!url.isEmpty());
        const QString database = u"sqlite://"_s + m_dir.filePath(u"2007.sqlite"_s);
        const auto run = fetch({u"2007"_s, u"--feed"_s, url, u"--database"_s, database});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(
            run.out.contains(
                u"Season 2007/REG. Week 17. Game ID 2007122900, NE @ NYG, scheduled at 2007-12-29T20:15:00-05:00 inserted in database"_s),
            qPrintable(run.out.left(2000)));
        QVERIFY(run.out.contains(u"All games for Season 2007/REG. Week 17 processed!"_s));
        feed.kill();
        feed.waitForFinished();

        auto store = GameStore::open(database);
        QVERIFY(store);
        const auto standings = store.value()->standings(2007);
        QVERIFY(standings);
        QCOMPARE(standings.value().first(), (Standing {u"NE"_s, 16, 0, 0, 589, 274}));
    }

    void failedWeeksAreNamedAndRerunIsIdempotent()
    {
        QProcess feed;
        const auto url
            = startFeed(feed, {u"--synthetic"_s, u"2015"_s, u"--fail-rate"_s, u"0.3"_s, u"--seed"_s, u"7"_s});
        QVERIFY(!url.isEmpty());
        const QString database = u"sqlite://"_s + m_dir.filePath(u"2015.sqlite"_s);
        // No retries: some weeks fail, and each is named.
        const auto first
            = fetch({u"2015"_s, u"--feed"_s, url, u"--database"_s, database, u"--retries"_s, u"0"_s, u"--quiet"_s});
        QCOMPARE(first.exitCode, 1);
        const int failedWeeks = first.err.count(u"FAILED: Season 2015/"_s);
        QVERIFY2(failedWeeks > 0, qPrintable(first.err));
        QVERIFY(first.err.contains(u"HTTP 500"_s));
        QVERIFY(first.out.isEmpty());
        // With retries the rest arrives; nothing already stored is rewritten.
        const auto second
            = fetch({u"2015"_s, u"--feed"_s, url, u"--database"_s, database, u"--retries"_s, u"10"_s, u"--quiet"_s});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(u"0 updated"_s), qPrintable(second.err));
        const auto third = fetch({u"2015"_s, u"--feed"_s, url, u"--database"_s, database, u"--retries"_s, u"10"_s,
            u"--week"_s, u"12"_s, u"--type"_s, u"REG"_s});
        QCOMPARE(third.exitCode, 0);
        QCOMPARE(third.out.count(u"unchanged in database"_s), 16);
        QVERIFY(third.err.contains(u"0 games inserted, 0 updated, 16 unchanged"_s));
    }

    void publishCurrentWeekOnRedis()
    {
        Test::RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisSubscriber subscriber(redis.url(), "endzone:live");
        QSignalSpy subscribed(&subscriber, &RedisSubscriber::resubscribed);
        QVERIFY(subscribed.wait(5000));
        QSignalSpy received(&subscriber, &RedisSubscriber::messageReceived);
        QProcess feed;
        const auto url = startFeed(feed, {u"--synthetic"_s, u"2015"_s});
        QVERIFY(!url.isEmpty());
        const QString database = u"sqlite://"_s + m_dir.filePath(u"publish.sqlite"_s);
        const auto run = fetch(
            {u"--publish"_s, u"--feed"_s, url, u"--database"_s, database, u"--redis"_s, redis.url().toString()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Published Season 2015/REG. Week 1 on endzone:live (16 games changed)"_s),
            qPrintable(run.out));
        QVERIFY(received.count() > 0 || received.wait(5000));
        const auto message = QJsonDocument::fromJson(received.at(0).at(0).toByteArray()).object();
        QCOMPARE(message.value(u"games"_s).toArray().size(), 16);
        // The week went through the store too.
        auto store = GameStore::open(database);
        QVERIFY(store);
        QCOMPARE(store.value()->gameCount().value(), 16);
        // Without Redis there is nobody to publish to: a clear error, not a silent success.
        const auto noRedis = fetch({u"--publish"_s, u"--feed"_s, url, u"--database"_s, database});
        QCOMPARE(noRedis.exitCode, 2);
        QVERIFY(noRedis.err.contains(u"--publish needs a Redis server"_s));
    }

    void badArguments()
    {
        const auto run = fetch({u"19x0"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"is not a season"_s), qPrintable(run.err));
        QCOMPARE(fetch({u"2015"_s, u"--type"_s, u"XYZ"_s}).exitCode, 2);
        const auto noStore = fetch({u"2015"_s, u"--database"_s, u"mysql://x/y"_s});
        QCOMPARE(noStore.exitCode, 1);
        QVERIFY(noStore.err.contains(u"unsupported database URL"_s));
    }
};

QTEST_GUILESS_MAIN(EndzoneFetchTest)
#include "endzonefetchtest.moc"
