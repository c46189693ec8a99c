#include "leaderlease.h"
#include "logging.h"
#include "redisclient.h"

#include <QRandomGenerator>

namespace Endzone {

LeaderLease::LeaderLease(RedisClient *redis, Options options, QObject *parent)
    : QObject(parent), m_redis(redis), m_options(std::move(options))
{
    // 128 random bits: a process can never mistake another's lease for its own.
    for (int i = 0; i < 4; ++i)
        m_token += QByteArray::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, '0');
    m_timer.setInterval(m_options.renewInterval);
    connect(&m_timer, &QTimer::timeout, this, &LeaderLease::tick);
}

LeaderLease::LeaderLease(RedisClient *redis, QObject *parent) : LeaderLease(redis, Options {}, parent)
{
}

LeaderLease::~LeaderLease()
{
    m_timer.stop();
}

void LeaderLease::start()
{
    if (!m_redis) {
        setLeader(true);
        return;
    }
    m_timer.start();
    tick();
}

void LeaderLease::stop()
{
    m_timer.stop();
    if (m_leader && m_redis)
        m_redis->deleteIfOwner(m_options.key, m_token); // fire and forget: the ttl covers a lost release
    setLeader(false);
}

QCoro::Task<Result<bool>> LeaderLease::takeOnce()
{
    if (!m_redis) {
        setLeader(true);
        co_return true;
    }
    QPointer<LeaderLease> self(this);
    auto taken = co_await m_redis->setIfAbsent(m_options.key, m_token, m_options.ttl);
    if (!self || !taken)
        co_return taken;
    if (taken.value())
        setLeader(true);
    co_return taken.value();
}

QCoro::Task<> LeaderLease::release()
{
    QPointer<LeaderLease> self(this);
    if (m_leader && m_redis)
        co_await m_redis->deleteIfOwner(m_options.key, m_token);
    if (self)
        setLeader(false);
}

void LeaderLease::tick()
{
    if (m_busy) // a slow Redis must not stack up renewals
        return;
    tickTask();
}

QCoro::Task<> LeaderLease::tickTask()
{
    m_busy = true;
    QPointer<LeaderLease> self(this);
    if (m_leader) {
        auto renewed = co_await m_redis->extendIfOwner(m_options.key, m_token, m_options.ttl);
        if (!self)
            co_return;
        m_busy = false;
        if (!m_timer.isActive())
            co_return;
        if (!renewed || !renewed.value()) {
            qCWarning(lcLive) << "lost the watcher lease:"
                              << (renewed ? QStringLiteral("taken over") : renewed.error());
            setLeader(false);
        }
        co_return;
    }
    auto taken = co_await m_redis->setIfAbsent(m_options.key, m_token, m_options.ttl);
    if (!self)
        co_return;
    m_busy = false;
    if (!m_timer.isActive())
        co_return;
    if (taken && taken.value())
        setLeader(true);
}

void LeaderLease::setLeader(bool leader)
{
    if (m_leader == leader)
        return;
    m_leader = leader;
    qCInfo(lcLive) << (leader ? "this process now leads the live watcher" : "this process no longer leads");
    Q_EMIT leadershipChanged(leader);
}

} // namespace Endzone
