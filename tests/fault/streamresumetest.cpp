// Two endzone-server processes on one Redis, one of them the watcher: an SSE client that read events from A and
// reconnects to B with its Last-Event-ID receives exactly the events it missed (same ids, same data), and after
// Redis was SIGKILLed and restarted, every client receives what was published once it is back, with no event
// lost or repeated. Hostile Last-Event-IDs against the same real server get a snapshot, never an error.
#include "apitestsupport.h"
#include "faultsupport.h"
#include "feedserver.h"
#include "gamestore.h"
#include "livemessage.h"
#include "redisserver.h"
#include "scorestripwriter.h"
#include "streamid.h"
#include "syntheticseason.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;

namespace {

// Every id once, each a stream id or a stream id's game event (`<id>/<k>`): what exactly-once means per client.
QString duplicateOrForeignId(const QList<SseEvent> &events)
{
    QSet<QByteArray> seen;
    for (const SseEvent &event : events) {
        const QByteArray entry = event.id.left(event.id.indexOf('/') < 0 ? event.id.size() : event.id.indexOf('/'));
        if (!StreamId::parse(entry))
            return u"not a stream id: "_s + QString::fromLatin1(event.id);
        if (seen.contains(event.id))
            return u"duplicate: "_s + QString::fromLatin1(event.id);
        seen.insert(event.id);
    }
    return {};
}

QList<SseEvent> after(const QList<SseEvent> &events, const QByteArray &id)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).id == id)
            return events.mid(i + 1);
    }
    return {};
}

} // namespace

class StreamResumeTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<FeedServer> m_feed;
    int m_points = 0;

    // Serves the current week with its first game's home score raised once more; returns that score.
    int bump()
    {
        const SyntheticSeason season(2015);
        const WeekKey key = season.currentWeek(m_feed->now());
        ParsedWeek week = season.week(key, m_feed->now());
        week.dialect = FeedDialect::LiveUpdate;
        m_points += 7;
        week.games[0].home.score = week.games[0].home.score.value_or(0) + m_points;
        m_feed->setDocument(key, ScorestripWriter::write(week));
        return *week.games[0].home.score;
    }
    static int firstHomeScore(const QByteArray &json)
    {
        return QJsonDocument::fromJson(json)
            .array()
            .first()
            .toObject()
            .value(u"home")
            .toObject()
            .value(u"score")
            .toInt();
    }
    static int latestScore(const SseTestClient &client)
    {
        const auto updates = client.eventsOfType(u"update"_s);
        return updates.isEmpty() ? -1 : firstHomeScore(updates.constLast().data);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void resumesExactlyOnAnotherProcess()
    {
        RedisServer redis;
        if (!redis.startOrSkip())
            return;
        FeedServer::Options feedOptions;
        feedOptions.syntheticSeason = 2015;
        feedOptions.clockStart = SyntheticSeason(2015).firstSundayKickoff().addSecs(3600); // games are live
        feedOptions.speed = 0;
        feedOptions.maxAgeSeconds = 1;
        m_feed = std::make_unique<FeedServer>(feedOptions);
        QVERIFY(m_feed->listen().ok());
        bump();

        QTemporaryDir dir;
        const QString storeUrl = u"sqlite://"_s + dir.filePath(u"endzone.sqlite"_s);
        const QStringList common {
            u"--database"_s, storeUrl, u"--feed"_s, m_feed->baseUrl().toString(), u"--redis"_s, redis.url().toString()};
        ServerProcess a; // the watcher
        QVERIFY2(a.start(common + QStringList {u"--watch"_s, u"--poll-fast"_s, u"1"_s, u"--poll-slow"_s, u"2"_s}),
            qPrintable(a.errorString()));
        ServerProcess b;
        QVERIFY2(b.start(common), qPrintable(b.errorString()));

        SseTestClient witnessA(a.port()), witnessB(b.port());
        auto mover = std::make_unique<SseTestClient>(a.port());
        for (auto *client : {&witnessA, &witnessB, mover.get()})
            QVERIFY(client->waitForHead());
        // The watcher's first poll, then one change: both reach every client.
        int score = bump();
        QTRY_COMPARE_WITH_TIMEOUT(latestScore(*mover), score, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(latestScore(witnessB), score, 10000);
        const QByteArray moverLast = mover->events().constLast().id;
        mover.reset(); // the client goes away (a restart, a dead worker) and comes back on B

        for (int i = 0; i < 2; ++i) {
            score = bump();
            QTRY_COMPARE_WITH_TIMEOUT(latestScore(witnessB), score, 20000);
        }
        const QList<SseEvent> missed = after(witnessB.events(), moverLast);
        QVERIFY(missed.size() >= 4); // two updates and their game events
        SseTestClient resumed(b.port(), {{"Last-Event-ID", moverLast}});
        QVERIFY(resumed.waitForEvents(missed.size()));
        QCOMPARE(resumed.events(), missed);
        QTRY_COMPARE_WITH_TIMEOUT(witnessA.events().size(), witnessB.events().size(), 10000);
        QCOMPARE(witnessA.events(), witnessB.events()); // one stream, one set of ids

        // Redis is SIGKILLed and comes back empty; a change made meanwhile reaches everyone once it is back.
        const QByteArray beforeOutage = witnessB.events().constLast().id;
        QVERIFY(redis.kill());
        score = bump();
        {
            auto store = GameStore::open(storeUrl);
            QVERIFY2(store.ok(), qPrintable(store.error()));
            const WeekKey key = SyntheticSeason(2015).currentWeek(m_feed->now());
            QTRY_COMPARE_WITH_TIMEOUT(store.value()->week(key).value().first().home.score.value_or(-1), score, 20000);
        }
        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(latestScore(witnessA), score, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(latestScore(witnessB), score, 10000);
        score = bump(); // and live again after that
        QTRY_COMPARE_WITH_TIMEOUT(latestScore(witnessB), score, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(witnessA.events().size(), witnessB.events().size(), 10000);
        QCOMPARE(witnessA.events(), witnessB.events());
        for (const SseTestClient *client : {&witnessA, &witnessB, &resumed})
            QVERIFY2(
                duplicateOrForeignId(client->events()).isEmpty(), qPrintable(duplicateOrForeignId(client->events())));
        // A client that left before the outage resumes on A with exactly what came after.
        const QList<SseEvent> sinceOutage = after(witnessB.events(), beforeOutage);
        QVERIFY(sinceOutage.size() >= 4);
        SseTestClient late(a.port(), {{"Last-Event-ID", beforeOutage}});
        QVERIFY(late.waitForEvents(sinceOutage.size()));
        QCOMPARE(late.events(), sinceOutage);

        // Final scores as the store has them.
        auto store = GameStore::open(storeUrl);
        QVERIFY(store.ok());
        const WeekKey key = SyntheticSeason(2015).currentWeek(m_feed->now());
        const auto truth = store.value()->week(key);
        QVERIFY(truth.ok());
        QCOMPARE(witnessB.eventsOfType(u"update"_s).constLast().data, LiveMessage::weekBody(truth.value()));

        // Hostile Last-Event-IDs, against the same real server: a snapshot (the latest week), never an error.
        const QByteArray latest = witnessB.events().constLast().id;
        const QByteArrayList hostile {"garbage", "1-0", "0-0", "99999999999999999999-0", "18446744073709551616-1",
            latest + "/99", latest + "0", "-1--1", QByteArray(8000, '7') + "-7", "%00", "1-1/../2", "\"quoted\"",
            "9999999999999-0/1", "another-deployment-1700000000000-0"};
        for (const QByteArray &id : hostile) {
            SseTestClient client(b.port(), {{"Last-Event-ID", id}});
            QVERIFY2(client.waitForEvents(1), id.left(40).constData());
            QCOMPARE(client.status(), 200);
            QCOMPARE(client.events().constFirst().event, u"update"_s);
            QCOMPARE(client.events().constFirst().id, latest);
            QCOMPARE(client.events().constFirst().data, LiveMessage::weekBody(truth.value()));
        }
        QVERIFY(a.isRunning() && b.isRunning());
        QVERIFY(a.terminate());
        QVERIFY(b.terminate());
    }
};

QTEST_GUILESS_MAIN(StreamResumeTest)
#include "streamresumetest.moc"
