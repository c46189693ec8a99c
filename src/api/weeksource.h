#pragma once

#include "game.h"

#include <QByteArray>
#include <QCoroTask>
#include <QDateTime>
#include <QObject>
#include <functional>

namespace Endzone {

class FeedClient;
class GameStore;
class WeekCache;

// What GET /api/season/{year}/{slug} answers: a body with its ETag, or an HTTP error with a message.
struct WeekReply
{
    int status = 200;
    QByteArray body;
    QByteArray etag;
    QByteArray origin; // memory, redis, store or feed: the X-Cache header
    QString error;
};

// Resolves a week the way the original did, extended with the store: the cache when warm, else the store,
// else the feed (then stored and cached). A week in the store is refetched when it is plainly stale (a game
// not final hours after its kickoff). Redis or the database being down is a 503; the feed failing a 502. Error
// replies say which part failed, never where it runs: the details are logged.
class WeekSource : public QObject
{
    Q_OBJECT
public:
    // `store` and `feed` may be null (no database, or no feed); all must outlive the source.
    WeekSource(WeekCache *cache, GameStore *store, FeedClient *feed, QObject *parent = nullptr);

    QCoro::Task<WeekReply> week(WeekKey key);
    // Caches what a change made current: used by the watcher before it publishes.
    QCoro::Task<> storeInCache(WeekKey key, QList<Game> games);

    [[nodiscard]] WeekCache *cache() const { return m_cache; }
    // "Now" for staleness and cache lifetimes: the wall clock unless a test or a replay says otherwise.
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock) { m_clock = std::move(clock); }

private:
    QCoro::Task<WeekReply> fromFeed(WeekKey key);
    // `message` is what the client sees; `detail` (hosts, ports, driver errors) only goes to the log.
    [[nodiscard]] static WeekReply failure(int status, QString message, const QString &detail = {});
    [[nodiscard]] bool isStale(const QList<Game> &games) const;
    [[nodiscard]] QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    WeekCache *m_cache;
    GameStore *m_store;
    FeedClient *m_feed;
    Clock m_clock;
};

} // namespace Endzone
