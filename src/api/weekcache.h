#pragma once

#include "game.h"
#include "result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <chrono>
#include <optional>

namespace Endzone {

class RedisClient;

// Week bodies by `scores:week:YEAR:TYPE:WEEK` (the original's key), in two layers: process memory in
// front of Redis (shared by every process), or memory alone without Redis. The memory layer is what lets
// a warm week be served without a round trip; it is kept coherent by the live channel (every process
// stores the body each change carries) and bounded by memoryTtl while Redis is the shared truth.
// Lifetimes follow the games: short while a week is live or kicks off today, long once it is final.
class WeekCache : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        std::chrono::seconds liveTtl {10}; // live games, or kickoff within the next day
        std::chrono::seconds upcomingTtl {600}; // future weeks and empty weeks
        std::chrono::seconds finalTtl {86400}; // every game final
        std::chrono::milliseconds memoryTtl {2000}; // cap of the memory layer in front of Redis; 0 disables it
        int memoryEntries = 512;
    };
    enum class Layer { Memory, Redis };
    struct Entry
    {
        QByteArray body;
        QByteArray etag;
        Layer layer = Layer::Memory;
    };

    // `redis` may be null (memory only); it must outlive the cache.
    WeekCache(RedisClient *redis, Options options, QObject *parent = nullptr);
    explicit WeekCache(RedisClient *redis = nullptr, QObject *parent = nullptr);

    [[nodiscard]] static QByteArray keyFor(const WeekKey &key); // scores:week:2015:REG:12
    // A strong ETag for a body: a digest of the bytes, so every process computes the same one.
    [[nodiscard]] static QByteArray etagFor(const QByteArray &body);
    [[nodiscard]] std::chrono::seconds ttlFor(const QList<Game> &games, const QDateTime &now) const;
    [[nodiscard]] bool hasRedis() const { return m_redis != nullptr; }
    [[nodiscard]] const Options &options() const { return m_options; }

    // A hit from memory resolves without suspending. A Redis failure (down, timed out) is a failure.
    QCoro::Task<Result<std::optional<Entry>>> get(WeekKey key);
    // Stores in memory and, when configured, in Redis with the ttl.
    QCoro::Task<Result<Done>> put(WeekKey key, QByteArray body, std::chrono::seconds ttl);
    // Memory only: what a live message tells every process.
    void putLocal(const WeekKey &key, const QByteArray &body, std::chrono::milliseconds ttl);
    void invalidateLocal(const WeekKey &key);
    void clearLocal();

private:
    struct MemoryEntry
    {
        QByteArray body;
        QByteArray etag;
        qint64 expiresAt = 0; // on m_clock, in ms
    };
    std::optional<Entry> fromMemory(const QByteArray &key);
    [[nodiscard]] std::chrono::milliseconds memoryTtl(std::chrono::milliseconds ttl) const;

    RedisClient *m_redis;
    Options m_options;
    QHash<QByteArray, MemoryEntry> m_memory;
    QElapsedTimer m_clock;
};

} // namespace Endzone
