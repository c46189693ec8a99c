#include "weekcache.h"
#include "logging.h"
#include "redisclient.h"
#include "rediskeys.h"

#include <QCryptographicHash>

using namespace std::chrono_literals;

namespace Endzone {

WeekCache::WeekCache(RedisClient *redis, Options options, QObject *parent)
    : QObject(parent), m_redis(redis), m_options(options)
{
    m_clock.start();
}

WeekCache::WeekCache(RedisClient *redis, QObject *parent) : WeekCache(redis, Options {}, parent)
{
}

QByteArray WeekCache::keyFor(const WeekKey &key)
{
    return RedisKeys::week(key);
}

QByteArray WeekCache::etagFor(const QByteArray &body)
{
    return '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha1).toBase64(QByteArray::OmitTrailingEquals)
        + '"';
}

std::chrono::seconds WeekCache::ttlFor(const QList<Game> &games, const QDateTime &now) const
{
    if (games.isEmpty())
        return m_options.upcomingTtl;
    bool allFinal = true;
    for (const Game &game : games) {
        if (isLive(game.state))
            return m_options.liveTtl;
        if (!isFinal(game.state)) {
            allFinal = false;
            // Kicking off within a day, or overdue: the feed will change it soon.
            if (game.kickoff.isValid() && game.kickoff <= now.addDays(1))
                return m_options.liveTtl;
        }
    }
    return allFinal ? m_options.finalTtl : m_options.upcomingTtl;
}

std::chrono::milliseconds WeekCache::memoryTtl(std::chrono::milliseconds ttl) const
{
    // Without Redis the memory layer is the cache; with it, memory only fronts the shared copy briefly.
    return m_redis ? std::min(ttl, m_options.memoryTtl) : ttl;
}

std::optional<WeekCache::Entry> WeekCache::fromMemory(const QByteArray &key)
{
    const auto it = m_memory.constFind(key);
    if (it == m_memory.cend())
        return std::nullopt;
    if (it->expiresAt <= m_clock.elapsed()) {
        m_memory.erase(it);
        return std::nullopt;
    }
    return Entry {it->body, it->etag, Layer::Memory};
}

QCoro::Task<Result<std::optional<WeekCache::Entry>>> WeekCache::get(WeekKey key)
{
    const QByteArray cacheKey = keyFor(key);
    if (auto hit = fromMemory(cacheKey))
        co_return std::optional<Entry>(std::move(*hit));
    if (!m_redis)
        co_return std::optional<Entry>();
    QPointer<WeekCache> self(this);
    auto reply = co_await m_redis->get(cacheKey);
    if (!self)
        co_return Result<std::optional<Entry>>::failure(QStringLiteral("cache destroyed"));
    if (!reply)
        co_return Result<std::optional<Entry>>::failure(reply.error());
    if (!reply.value())
        co_return std::optional<Entry>();
    Entry entry {*reply.value(), etagFor(*reply.value()), Layer::Redis};
    // Redis does not tell us the remaining TTL in a GET; the memory cap is short enough to stay honest.
    if (m_options.memoryTtl > 0ms)
        putLocal(key, entry.body, m_options.memoryTtl);
    co_return std::optional<Entry>(std::move(entry));
}

QCoro::Task<Result<Done>> WeekCache::put(WeekKey key, QByteArray body, std::chrono::seconds ttl)
{
    putLocal(key, body, ttl);
    if (!m_redis)
        co_return Done {};
    QPointer<WeekCache> self(this);
    auto reply = co_await m_redis->set(keyFor(key), body, ttl);
    if (!reply)
        co_return Result<Done>::failure(reply.error());
    co_return Done {};
}

void WeekCache::putLocal(const WeekKey &key, const QByteArray &body, std::chrono::milliseconds ttl)
{
    const auto lifetime = memoryTtl(ttl);
    if (lifetime <= 0ms)
        return;
    if (m_memory.size() >= m_options.memoryEntries) {
        // Expired entries go first; if none, any (a bounded cache, not an LRU: weeks are few).
        const qint64 now = m_clock.elapsed();
        m_memory.removeIf([now](const auto &it) { return it.value().expiresAt <= now; });
        if (m_memory.size() >= m_options.memoryEntries)
            m_memory.erase(m_memory.begin());
    }
    m_memory.insert(keyFor(key), MemoryEntry {body, etagFor(body), m_clock.elapsed() + lifetime.count()});
}

void WeekCache::invalidateLocal(const WeekKey &key)
{
    m_memory.remove(keyFor(key));
}

void WeekCache::clearLocal()
{
    m_memory.clear();
}

} // namespace Endzone
