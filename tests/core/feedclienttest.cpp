// FeedClient against a real loopback FeedServer: URLs, empty weeks, retries, timeouts, aborts, concurrency,
// and that awaiting a fetch never blocks the event loop.
#include "feedclient.h"
#include "feedserver.h"

#include <QCoroTask>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {
// Counts event-loop turns while alive (QCoro's EventLoopChecker idea): a blocked loop counts nothing.
class EventLoopChecker : public QTimer
{
public:
    EventLoopChecker()
    {
        connect(this, &QTimer::timeout, this, [this] { ++m_ticks; });
        start(5);
    }
    [[nodiscard]] int ticks() const { return m_ticks; }

private:
    int m_ticks = 0;
};

FeedServer::Options synthetic2015(int latencyMs = 0)
{
    FeedServer::Options options;
    options.syntheticSeason = 2015;
    options.clockStart = QDateTime(QDate(2016, 3, 1), QTime(12, 0), Qt::UTC);
    options.latencyMs = latencyMs;
    return options;
}
} // namespace

class FeedClientTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void urls()
    {
        const WeekKey key {2015, SeasonType::Post, 22};
        FeedClient bare(QUrl(u"http://feed.example:8081"_s));
        QCOMPARE(bare.weekUrl(key).toString(),
            u"http://feed.example:8081/ajax/scorestrip?season=2015&seasonType=POST&week=22"_s);
        QCOMPARE(bare.liveUrl().toString(), u"http://feed.example:8081/liveupdate/scorestrip/ss.xml"_s);
        // The original system's FEED_URL form names the ajax path itself.
        FeedClient original(QUrl(u"http://127.0.0.1:18081/ajax/scorestrip"_s));
        QCOMPARE(original.weekUrl(key).toString(),
            u"http://127.0.0.1:18081/ajax/scorestrip?season=2015&seasonType=POST&week=22"_s);
    }

    void weekAndNotFound()
    {
        FeedServer server(synthetic2015());
        QVERIFY(server.listen());
        FeedClient feed(server.baseUrl());
        const auto week = QCoro::waitFor(feed.fetchWeek({2015, SeasonType::Reg, 12}));
        QVERIFY2(week, qPrintable(week.error()));
        QCOMPARE(week.value().games.size(), 16);
        // Week 9 of the preseason does not exist: a 404 is an empty week, not an error.
        const auto missing = QCoro::waitFor(feed.fetchWeek({2015, SeasonType::Pre, 9}));
        QVERIFY(missing);
        QVERIFY(missing.value().games.isEmpty());
        QCOMPARE(missing.value().key, (WeekKey {2015, SeasonType::Pre, 9}));
    }

    void retriesServerErrorsThenGivesUp()
    {
        FeedServer server(synthetic2015());
        QVERIFY(server.listen());
        const WeekKey key {2015, SeasonType::Reg, 3};
        server.setFault(key, FeedServer::Fault::Http500);
        FeedClient feed(server.baseUrl(), {.timeoutMs = 2000, .retries = 2, .backoffMs = 10});
        const auto result = QCoro::waitFor(feed.fetchWeek(key));
        QVERIFY(!result);
        QVERIFY2(result.error().contains(u"HTTP 500"_s), qPrintable(result.error()));
        QCOMPARE(server.requestCount(), 3); // the first attempt and two retries
    }

    void malformedIsNotRetried()
    {
        FeedServer server(synthetic2015());
        QVERIFY(server.listen());
        const WeekKey key {2015, SeasonType::Reg, 3};
        server.setFault(key, FeedServer::Fault::Malformed);
        FeedClient feed(server.baseUrl(), {.timeoutMs = 2000, .retries = 2, .backoffMs = 10});
        const auto result = QCoro::waitFor(feed.fetchWeek(key));
        QVERIFY(!result);
        QVERIFY2(result.error().startsWith(u"2015/REG. Week 3: malformed scorestrip document"_s),
            qPrintable(result.error()));
        QCOMPARE(server.requestCount(), 1);
    }

    void timeoutIsBoundedAndDoesNotBlock()
    {
        FeedServer server(synthetic2015());
        QVERIFY(server.listen());
        const WeekKey key {2015, SeasonType::Reg, 4};
        server.setFault(key, FeedServer::Fault::Hang);
        FeedClient feed(server.baseUrl(), {.timeoutMs = 300, .retries = 1, .backoffMs = 10});
        EventLoopChecker loop;
        const auto result = QCoro::waitFor(feed.fetchWeek(key));
        QVERIFY(!result);
        QVERIFY2(result.error().contains(u"no answer within 300 ms"_s), qPrintable(result.error()));
        QCOMPARE(server.requestCount(), 2);
        // Two 300 ms waits with a 5 ms timer running: the loop kept turning the whole time.
        QVERIFY2(loop.ticks() > 10, qPrintable(QString::number(loop.ticks())));
    }

    void abortAllEndsEveryRequest()
    {
        FeedServer server(synthetic2015());
        QVERIFY(server.listen());
        for (int week = 1; week <= 17; ++week)
            server.setFault({2015, SeasonType::Reg, week}, FeedServer::Fault::Hang);
        FeedClient feed(server.baseUrl(), {.timeoutMs = 60000, .retries = 3, .backoffMs = 10});
        int done = 0, failed = 0;
        QTimer::singleShot(200, &feed, &FeedClient::abortAll);
        QCoro::waitFor(feed.fetchWeeks(
            weeksOfSeason(2015, {SeasonType::Reg}), 32, [&](const WeekKey &, const Result<ParsedWeek> &result) {
                ++done;
                failed += !result;
            }));
        // Every request in flight ended as "aborted"; none was retried, and the queue stopped.
        QCOMPARE(done, 17);
        QCOMPARE(failed, 17);
        QCOMPARE(server.requestCount(), 17);
    }

    void concurrencyBeyondSixConnections()
    {
        // Qt 6.4 allows six connections per host and manager; 24 in flight means several managers.
        FeedServer server(synthetic2015(1000)); // long enough that every request is issued before any answer
        QVERIFY(server.listen());
        FeedClient feed(server.baseUrl());
        int done = 0;
        QCoro::waitFor(feed.fetchWeeks(
            weeksOfSeason(2015), 24, [&](const WeekKey &, const Result<ParsedWeek> &result) { done += result.ok(); }));
        QCOMPARE(done, 27);
        QCOMPARE(server.maxConcurrentRequests(), 24);
    }
};

QTEST_GUILESS_MAIN(FeedClientTest)
#include "feedclienttest.moc"
