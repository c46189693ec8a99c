// FeedClient against a real loopback FeedServer: URLs, empty weeks, retries, timeouts, aborts, concurrency,
// and that awaiting a fetch never blocks the event loop.
#include "feedclient.h"
#include "feedserver.h"

#include <QCoroTask>
#include <QElapsedTimer>
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

    void espnUrls()
    {
        FeedClient::Options options;
        options.source = FeedSource::Espn;
        FeedClient espn(QUrl(QString::fromLatin1(FeedClient::EspnBaseUrl)), options);
        QCOMPARE(espn.weekUrl({2025, SeasonType::Reg, 18}).toString(),
            u"https://site.api.espn.com/apis/site/v2/sports/football/nfl/scoreboard?dates=2025&seasontype=2&week=18"_s);
        // The wild card after 18 regular weeks is ESPN's postseason week 1; the Hall of Fame game its preseason 1.
        QCOMPARE(espn.weekUrl({2025, SeasonType::Post, 19}).toString(),
            u"https://site.api.espn.com/apis/site/v2/sports/football/nfl/scoreboard?dates=2025&seasontype=3&week=1"_s);
        QCOMPARE(espn.weekUrl({2025, SeasonType::Pre, 0}).toString(),
            u"https://site.api.espn.com/apis/site/v2/sports/football/nfl/scoreboard?dates=2025&seasontype=1&week=1"_s);
        QCOMPARE(espn.liveUrl().toString(), u"https://site.api.espn.com/apis/site/v2/sports/football/nfl/scoreboard"_s);
        QCOMPARE(espn.summaryUrl(u"401547505"_s).toString(),
            u"https://site.api.espn.com/apis/site/v2/sports/football/nfl/summary?event=401547505"_s);
        // The full API path is accepted as a base too.
        FeedClient full(QUrl(u"http://127.0.0.1:9/apis/site/v2/sports/football/nfl/"_s), options);
        QCOMPARE(full.liveUrl().toString(), u"http://127.0.0.1:9/apis/site/v2/sports/football/nfl/scoreboard"_s);
        // The scorestrip has no summaries: a clear error, no request.
        FeedClient scorestrip(QUrl(u"http://127.0.0.1:9"_s));
        const auto summary = QCoro::waitFor(scorestrip.fetchSummary(u"401547505"_s));
        QVERIFY(!summary);
        QVERIFY(summary.error().contains(u"need the ESPN source"_s));
    }

    void tooManyRequestsHonoursRetryAfter()
    {
        FeedServer::Options serverOptions = synthetic2015();
        serverOptions.format = FeedServer::Format::Espn;
        serverOptions.retryAfterSeconds = 1;
        FeedServer server(serverOptions);
        QVERIFY(server.listen());
        const WeekKey key {2015, SeasonType::Reg, 3};
        server.setFault(key, FeedServer::Fault::TooManyRequests);
        // The host says "come back in a second": the client waits that long, not its 10 ms backoff.
        QTimer::singleShot(300, &server, [&server, key] { server.setFault(key, FeedServer::Fault::None); });
        FeedClient::Options options {.timeoutMs = 5000, .retries = 2, .backoffMs = 10};
        options.source = FeedSource::Espn;
        FeedClient feed(server.baseUrl(), options);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto result = QCoro::waitFor(feed.fetchWeek(key));
        QVERIFY2(result, qPrintable(result.error()));
        QCOMPARE(result.value().games.size(), 16);
        QCOMPARE(server.requestCount(), 2);
        QVERIFY2(elapsed.elapsed() >= 950, qPrintable(QString::number(elapsed.elapsed())));
        // Still 429 after every retry: named as such.
        server.setFault(key, FeedServer::Fault::TooManyRequests);
        FeedClient::Options once {.timeoutMs = 5000, .retries = 0};
        once.source = FeedSource::Espn;
        FeedClient impatient(server.baseUrl(), once);
        const auto refused = QCoro::waitFor(impatient.fetchWeek(key));
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"HTTP 429"_s), qPrintable(refused.error()));
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
