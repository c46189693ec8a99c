// One product: the real executables under one HOME with default settings share one store. A season that
// endzone-fetch imports is what `endzone --serve` and endzone-server serve from the store, never "feed
// unavailable" for want of finding it.
#include "apitestsupport.h"
#include "feedserver.h"
#include "postgresserver.h"
#include "syntheticseason.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class OneStoreTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    QString m_bin = qEnvironmentVariable("ENDZONE_BIN_DIR");

    // A fresh user: only HOME, no XDG overrides, no Endzone settings in the environment.
    QProcessEnvironment userEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto &name : {u"XDG_DATA_HOME"_s, u"XDG_CONFIG_HOME"_s, u"ENDZONE_DATABASE"_s, u"ENDZONE_CONFIG"_s,
                 u"ENDZONE_FEED"_s, u"ENDZONE_SOURCE"_s, u"ENDZONE_REDIS"_s, u"ENDZONE_LIVE"_s})
            env.remove(name);
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return env;
    }

    // Serves /api/season/2014/1 from `program` started with `arguments` (the feed it names is unreachable, so
    // only the store can answer) and returns the games.
    QJsonArray servedWeek(const QString &program, QStringList arguments)
    {
        const quint16 port = Test::freePort();
        QProcess server;
        server.setProcessEnvironment(userEnvironment());
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start(m_bin + u'/' + program, arguments << u"127.0.0.1:%1"_s.arg(port));
        if (!server.waitForStarted(10000))
            return {};
        const QUrl week(u"http://127.0.0.1:%1/api/season/2014/1"_s.arg(port));
        Test::HttpResult result;
        for (int i = 0; i < 200 && result.status == 0; ++i) {
            result = Test::httpRequest(week);
            if (result.status == 0)
                QTest::qWait(100);
        }
        server.terminate();
        server.waitForFinished(10000);
        if (result.status != 200)
            qWarning() << program << result.status << result.body;
        return QJsonDocument::fromJson(result.body).array();
    }

private Q_SLOTS:
    void fetchedSeasonIsServedByEveryProgram()
    {
        QVERIFY(m_home.isValid());
        FeedServer::Options options;
        options.syntheticSeason = 2014;
        options.clockStart = QDateTime(QDate(2015, 3, 1), QTime(12, 0), Qt::UTC); // the season is over
        options.speed = 0;
        FeedServer feed(options);
        QVERIFY(feed.listen());

        QProcess fetch;
        fetch.setProcessEnvironment(userEnvironment());
        fetch.start(m_bin + u"/endzone-fetch"_s,
            {u"2014"_s, u"--type"_s, u"REG"_s, u"--source"_s, u"scorestrip"_s, u"--feed"_s, feed.baseUrl().toString(),
                u"--quiet"_s});
        // The feed runs in this thread: keep the event loop turning while the import runs.
        QTRY_VERIFY_WITH_TIMEOUT(fetch.state() == QProcess::NotRunning, 120000);
        QVERIFY2(fetch.exitCode() == 0, fetch.readAllStandardError().constData());
        const QString store = m_home.filePath(u".local/share/endzone/endzone.sqlite"_s);
        QVERIFY2(QFile::exists(store), qPrintable(store));

        const QStringList unreachable {u"--source"_s, u"scorestrip"_s, u"--feed"_s, u"http://127.0.0.1:9"_s};
        const QJsonArray fromApp = servedWeek(u"endzone"_s, QStringList(unreachable) << u"--serve"_s);
        const QJsonArray fromServer = servedWeek(u"endzone-server"_s, QStringList(unreachable) << u"--listen"_s);
        const auto expected = SyntheticSeason(2014).week({2014, SeasonType::Reg, 1}, options.clockStart).games;
        QVERIFY(!expected.isEmpty());
        QCOMPARE(fromApp.size(), expected.size());
        QCOMPARE(fromServer, fromApp);
        QCOMPARE(fromApp.first().toObject().value(u"season"_s).toInt(), 2014);
        QCOMPARE(fromApp.first().toObject().value(u"state"_s).toString(), u"F"_s);
    }
};

QTEST_GUILESS_MAIN(OneStoreTest)
#include "onestoretest.moc"
