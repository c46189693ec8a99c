// WeekSource: how GET /api/season/{year}/{slug} finds a week: the cache when warm, else the store, else the
// feed (then stored and cached); a plainly stale stored week is fetched again; failures are 502/503 with a
// message that names the part, never a host. Real SQLite, a real loopback feed, the cache's memory layer.
#include "weeksource.h"
#include "feedclient.h"
#include "feedserver.h"
#include "gamestore.h"
#include "livemessage.h"
#include "syntheticseason.h"
#include "weekcache.h"

#include <QCoroTask>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class WeekSourceTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_stores = 0;
    static constexpr WeekKey key {2015, SeasonType::Reg, 1};

    std::unique_ptr<GameStore> newStore()
    {
        auto store = GameStore::open(u"sqlite://"_s + m_dir.filePath(u"w%1.sqlite"_s.arg(++m_stores)));
        return store ? std::move(store).value() : nullptr;
    }

    static FeedServer::Options feedAt(const QDateTime &now)
    {
        FeedServer::Options options;
        options.syntheticSeason = 2015;
        options.clockStart = now;
        options.speed = 0;
        return options;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void feedThenStoreThenCache()
    {
        const QDateTime over(QDate(2016, 3, 1), QTime(12, 0), Qt::UTC); // the season is over: every game final
        FeedServer feedServer(feedAt(over));
        QVERIFY(feedServer.listen());
        FeedClient feed(feedServer.baseUrl());
        auto store = newStore();
        QVERIFY(store);
        WeekCache cache;
        WeekSource source(&cache, store.get(), &feed);
        source.setClock([over] { return over; });

        const WeekReply first = QCoro::waitFor(source.week(key));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.origin, QByteArray("feed"));
        QCOMPARE(store->week(key).value().size(), 16); // stored on the way
        QCOMPARE(first.body, LiveMessage::weekBody(store->week(key).value()));
        QCOMPARE(first.etag, WeekCache::etagFor(first.body));

        const WeekReply warm = QCoro::waitFor(source.week(key));
        QCOMPARE(warm.origin, QByteArray("memory"));
        QCOMPARE(warm.body, first.body);
        QCOMPARE(warm.etag, first.etag);
        QCOMPARE(feedServer.requestCount(), 1);

        // Another process (a cold cache) on the same store: the store answers, the feed is not asked.
        WeekCache coldCache;
        WeekSource cold(&coldCache, store.get(), &feed);
        cold.setClock([over] { return over; });
        const WeekReply fromStore = QCoro::waitFor(cold.week(key));
        QCOMPARE(fromStore.origin, QByteArray("store"));
        QCOMPARE(fromStore.body, first.body);
        QCOMPARE(feedServer.requestCount(), 1);
    }

    void aStaleStoredWeekIsFetchedAgain()
    {
        // Stored while the week was under way; asked about months later, it is plainly stale.
        const QDateTime during = SyntheticSeason(2015).firstSundayKickoff().addSecs(3600);
        auto store = newStore();
        QVERIFY(store);
        QVERIFY(store->upsertWeek(SyntheticSeason(2015).week(key, during)));
        const QDateTime later(QDate(2016, 3, 1), QTime(12, 0), Qt::UTC);
        FeedServer feedServer(feedAt(later));
        QVERIFY(feedServer.listen());
        FeedClient feed(feedServer.baseUrl());
        WeekCache cache;
        WeekSource source(&cache, store.get(), &feed);
        source.setClock([later] { return later; });
        const WeekReply reply = QCoro::waitFor(source.week(key));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.origin, QByteArray("feed"));
        const auto stored = store->week(key); // kept: a range-for over a temporary's value() would dangle
        QVERIFY(stored);
        QCOMPARE(stored.value().size(), 16);
        for (const Game &game : stored.value())
            QVERIFY(isFinal(game.state));
    }

    void failuresNameThePartNotTheHost()
    {
        auto store = newStore();
        QVERIFY(store);
        WeekCache cache;
        FeedClient::Options options {.timeoutMs = 2000, .retries = 0};
        FeedClient unreachable(QUrl(u"http://127.0.0.1:9"_s), options);
        WeekSource source(&cache, store.get(), &unreachable);
        const WeekReply down = QCoro::waitFor(source.week(key));
        QCOMPARE(down.status, 502);
        QCOMPARE(down.error, u"feed unavailable"_s);
        QVERIFY(down.body.isEmpty());
        // No feed at all and nothing stored: an empty week, not an error.
        WeekCache otherCache;
        WeekSource storeOnly(&otherCache, store.get(), nullptr);
        const WeekReply empty = QCoro::waitFor(storeOnly.week(key));
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.body, QByteArray("[]"));
    }
};

QTEST_GUILESS_MAIN(WeekSourceTest)
#include "weeksourcetest.moc"
