#include "weeksource.h"
#include "feedclient.h"
#include "gamestore.h"
#include "livemessage.h"
#include "logging.h"
#include "weekcache.h"

#include <QPointer>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {
constexpr int StaleAfterKickoffSecs = 5 * 3600; // a game is over well within this
}

WeekSource::WeekSource(WeekCache *cache, GameStore *store, FeedClient *feed, QObject *parent)
    : QObject(parent), m_cache(cache), m_store(store), m_feed(feed)
{
}

WeekReply WeekSource::failure(int status, QString message, const QString &detail)
{
    if (!detail.isEmpty())
        qCWarning(lcApi).noquote() << status << message + u": "_s + detail;
    WeekReply reply;
    reply.status = status;
    reply.error = std::move(message);
    return reply;
}

bool WeekSource::isStale(const QList<Game> &games) const
{
    const QDateTime now = this->now();
    for (const Game &game : games) {
        if (!isFinal(game.state) && game.kickoff.isValid() && game.kickoff.secsTo(now) > StaleAfterKickoffSecs)
            return true;
    }
    return false;
}

QCoro::Task<WeekReply> WeekSource::week(WeekKey key)
{
    QPointer<WeekSource> self(this);
    auto cached = co_await m_cache->get(key);
    if (!self)
        co_return failure(503, u"server shutting down"_s);
    if (!cached)
        co_return failure(503, u"cache unavailable"_s, cached.error());
    if (const auto &entry = cached.value()) {
        const bool memory = entry->layer == WeekCache::Layer::Memory;
        co_return WeekReply {200, entry->body, entry->etag, memory ? "memory" : "redis", {}};
    }

    if (m_store) {
        if (!m_store->ensureConnected())
            co_return failure(503, u"database unavailable"_s);
        const auto stored = m_store->week(key);
        if (!stored)
            co_return failure(503, u"database unavailable"_s, stored.error());
        if (!stored.value().isEmpty() && !isStale(stored.value())) {
            const QByteArray body = LiveMessage::weekBody(stored.value());
            auto put = co_await m_cache->put(key, body, m_cache->ttlFor(stored.value(), now()));
            if (!self)
                co_return failure(503, u"server shutting down"_s);
            if (!put)
                qCWarning(lcApi) << "could not cache" << key.toString() << put.error();
            co_return WeekReply {200, body, WeekCache::etagFor(body), "store", {}};
        }
    }
    co_return co_await fromFeed(key);
}

QCoro::Task<WeekReply> WeekSource::fromFeed(WeekKey key)
{
    if (!m_feed)
        co_return WeekReply {200, "[]", WeekCache::etagFor("[]"), "store", {}};
    QPointer<WeekSource> self(this);
    auto fetched = co_await m_feed->fetchWeek(key);
    if (!self)
        co_return failure(503, u"server shutting down"_s);
    if (!fetched)
        co_return failure(502, u"feed unavailable"_s, fetched.error());
    QList<Game> games = fetched.value().games;
    if (m_store && !games.isEmpty()) {
        const auto upserted = m_store->upsertWeek(fetched.value());
        if (!upserted)
            co_return failure(503, u"database unavailable"_s, upserted.error());
        games.clear(); // as stored: one row per game, whichever source delivered it first
        for (const auto &game : upserted.value())
            games.append(game.game);
    }
    const QByteArray body = LiveMessage::weekBody(games);
    auto put = co_await m_cache->put(key, body, m_cache->ttlFor(games, now()));
    if (!self)
        co_return failure(503, u"server shutting down"_s);
    if (!put)
        qCWarning(lcApi) << "could not cache" << key.toString() << put.error();
    co_return WeekReply {200, body, WeekCache::etagFor(body), "feed", {}};
}

QCoro::Task<> WeekSource::storeInCache(WeekKey key, QList<Game> games)
{
    QPointer<WeekSource> self(this);
    auto put = co_await m_cache->put(key, LiveMessage::weekBody(games), m_cache->ttlFor(games, now()));
    if (self && !put)
        qCWarning(lcApi) << "could not cache" << key.toString() << put.error();
}

} // namespace Endzone
