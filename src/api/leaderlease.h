#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>

namespace Endzone {

class RedisClient;

// Leader election across the processes sharing one Redis: a key taken with SET NX PX holding a random
// token, renewed only while it still holds our token (extendIfOwner) and deleted only if ours on stop.
// A leader that cannot renew (Redis down or slow, the key taken over) steps down at once; since the
// lease outlives a renew interval three times over, a second leader can only appear after the first has
// stopped renewing for a whole ttl. Without Redis the one process is the leader.
class LeaderLease : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QByteArray key = "endzone:watcher:leader";
        std::chrono::milliseconds ttl {15000};
        std::chrono::milliseconds renewInterval {5000};
    };

    // `redis` may be null; it must outlive the lease.
    LeaderLease(RedisClient *redis, Options options, QObject *parent = nullptr);
    explicit LeaderLease(RedisClient *redis = nullptr, QObject *parent = nullptr);
    ~LeaderLease() override;

    void start();
    // Steps down and releases the key if we hold it.
    void stop();
    // For a one-shot publisher (endzone-fetch --publish): one attempt to take the lease, with no renewals.
    // True when taken: this process leads, and its writes are fenced, until release().
    QCoro::Task<Result<bool>> takeOnce();
    // Gives a lease taken with takeOnce() back, awaited, so that a process about to exit does release it.
    QCoro::Task<> release();
    [[nodiscard]] bool isLeader() const { return m_leader; }
    [[nodiscard]] QByteArray token() const { return m_token; }
    [[nodiscard]] const Options &options() const { return m_options; }

Q_SIGNALS:
    void leadershipChanged(bool leader);

private:
    void tick();
    QCoro::Task<> tickTask();
    void setLeader(bool leader);

    RedisClient *m_redis;
    Options m_options;
    QByteArray m_token;
    QTimer m_timer;
    bool m_leader = false;
    bool m_busy = false;
};

} // namespace Endzone
