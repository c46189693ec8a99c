// The import pipeline end to end: endzone-feed's FeedServer over real HTTP → FeedClient → SeasonImportJob →
// GameStore on SQLite and on a throwaway PostgreSQL.
#include "seasonimportjob.h"
#include "feedclient.h"
#include "feedserver.h"
#include "gamestore.h"
#include "storebackends.h"
#include "syntheticseason.h"

#include <QCoroTask>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class SeasonImportJobTest : public QObject
{
    Q_OBJECT
    Test::StoreBackends m_backends;

    std::unique_ptr<GameStore> openStore() { return m_backends.open(u"import"_s); }

    static ImportSummary import(FeedClient &feed, GameStore &store, QList<WeekKey> weeks, int concurrency = 8)
    {
        SeasonImportJob job(&feed, &store, std::move(weeks), concurrency);
        return QCoro::waitFor(job.run());
    }

private Q_SLOTS:
    void initTestCase_data() { Test::StoreBackends::addRows(); }

    void initTestCase() { QVERIFY2(m_backends.start(), qPrintable(m_backends.errorString())); }

    void init()
    {
        if (const auto reason = m_backends.skipReason(); !reason.isEmpty())
            QSKIP(qPrintable(reason));
    }

    void wholeSeasonThenIdempotentReimport()
    {
        FeedServer server({.syntheticSeason = 2015, .clockStart = QDateTime(QDate(2016, 3, 1), QTime(12, 0), Qt::UTC)});
        QVERIFY(server.listen());
        FeedClient feed(server.baseUrl());
        auto store = openStore();
        QVERIFY(store);
        const auto weeks = weeksOfSeason(2015);
        const auto first = import(feed, *store, weeks);
        QVERIFY(first.ok());
        QCOMPARE(first.weeks, 27);
        QCOMPARE(first.emptyWeeks, 0);
        // 1 + 4*16 preseason, 17*16 regular, 4+4+2+1+1 postseason.
        QCOMPARE(first.inserted, 65 + 272 + 12);
        QCOMPARE(store->gameCount().value(), 349);
        QCOMPARE(server.requestCount(), 27);
        // Every stored week equals what the feed serves.
        const SyntheticSeason season(2015);
        for (const auto &key : weeks) {
            auto expected = season.week(key, server.now()).games;
            std::sort(expected.begin(), expected.end(),
                [](const Game &a, const Game &b) { return std::pair(a.kickoff, a.eid) < std::pair(b.kickoff, b.eid); });
            QCOMPARE(store->week(key).value(), expected);
        }

        const auto second = import(feed, *store, weeks);
        QVERIFY(second.ok());
        QCOMPARE(second.inserted, 0);
        QCOMPARE(second.updated, 0);
        QCOMPARE(second.unchanged, 349);
        QCOMPARE(store->gameCount().value(), 349);
    }

    void failedWeeksLeaveStoredRowsAlone()
    {
        FeedServer server({.syntheticSeason = 2015, .clockStart = QDateTime(QDate(2016, 3, 1), QTime(12, 0), Qt::UTC)});
        QVERIFY(server.listen());
        FeedClient feed(server.baseUrl(), {.timeoutMs = 1000, .retries = 1, .backoffMs = 10});
        auto store = openStore();
        QVERIFY(store);
        const QList<WeekKey> weeks {{2015, SeasonType::Reg, 1}, {2015, SeasonType::Reg, 2}, {2015, SeasonType::Reg, 3},
            {2015, SeasonType::Reg, 4}, {2015, SeasonType::Reg, 5}};
        QVERIFY(import(feed, *store, weeks).ok());
        const auto before = store->week(weeks[1]).value();
        QCOMPARE(before.size(), 16);

        // Now the feed breaks in every way it can, each on its own week.
        server.setFault(weeks[1], FeedServer::Fault::Malformed);
        server.setFault(weeks[2], FeedServer::Fault::Http500);
        server.setFault(weeks[3], FeedServer::Fault::Truncated);
        server.setFault(weeks[4], FeedServer::Fault::Hang);
        server.setDocument(weeks[0], "<html>Service Unavailable</html>");
        SeasonImportJob job(&feed, store.get(), weeks, 8);
        QSignalSpy failed(&job, &SeasonImportJob::weekFailed);
        const auto summary = QCoro::waitFor(job.run());
        QVERIFY(!summary.ok());
        QCOMPARE(summary.failures.size(), 5);
        QCOMPARE(failed.count(), 5);
        QStringList errors;
        for (const auto &[key, error] : summary.failures)
            errors.append(error);
        const auto all = errors.join(u'\n');
        QVERIFY2(all.contains(u"root element is <html>"_s), qPrintable(all));
        QVERIFY2(all.contains(u"HTTP 500"_s), qPrintable(all));
        QVERIFY2(all.contains(u"no answer within 1000 ms"_s), qPrintable(all));
        QVERIFY2(all.contains(u"not a number"_s), qPrintable(all));
        QVERIFY2(all.contains(u"Premature end of document"_s) || all.contains(u"line 1"_s), qPrintable(all));
        // Nothing that was stored changed.
        QCOMPARE(store->week(weeks[1]).value(), before);
        QCOMPARE(store->gameCount().value(), 80);

        // The feed heals; a re-run completes every week.
        for (const auto &key : weeks)
            server.setFault(key, FeedServer::Fault::None);
        server.setDocument(weeks[0], {});
        QVERIFY(import(feed, *store, weeks).ok());
    }

    void concurrencyIsBounded()
    {
        // With latency injected, requests overlap up to the limit, and no more.
        FeedServer server({.syntheticSeason = 2015,
            .clockStart = QDateTime(QDate(2016, 3, 1), QTime(12, 0), Qt::UTC),
            .latencyMs = 500});
        QVERIFY(server.listen());
        FeedClient feed(server.baseUrl());
        auto store = openStore();
        QVERIFY(store);
        SeasonImportJob job(&feed, store.get(), weeksOfSeason(2015, {SeasonType::Reg}), 4);
        QSignalSpy progress(&job, &SeasonImportJob::progress);
        const auto summary = QCoro::waitFor(job.run());
        QVERIFY(summary.ok());
        QCOMPARE(summary.weeks, 17);
        QCOMPARE(progress.last().at(0).toInt(), 17);
        QCOMPARE(server.maxConcurrentRequests(), 4);
    }

    void notFoundIsAnEmptyWeek()
    {
        FeedServer server({.syntheticSeason = 2015});
        QVERIFY(server.listen());
        FeedClient feed(server.baseUrl());
        auto store = openStore();
        QVERIFY(store);
        const auto summary = import(feed, *store, {{2015, SeasonType::Pre, 9}});
        QVERIFY(summary.ok());
        QCOMPARE(summary.emptyWeeks, 1);
    }
};

QTEST_GUILESS_MAIN(SeasonImportJobTest)
#include "seasonimportjobtest.moc"
