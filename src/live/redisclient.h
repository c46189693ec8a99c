#pragma once

#include "redisconnection.h"
#include "redisreply.h"
#include "result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <chrono>
#include <optional>

namespace Endzone {

class RedisPendingReply;

// Asynchronous Redis commands for coroutines, over one hiredis connection on the Qt event loop.
// Constructed from `redis://[:password@]host[:port][/db]`; connects at once and reconnects by itself.
// Every call is bounded by commandTimeout(): while the first connect is in progress a command waits for
// it, while Redis is down it fails at once ("Redis at host:port is unavailable: ..."), and a command
// without a reply in time fails with "Redis command timed out" (and the connection is recycled).
class RedisClient : public QObject
{
    Q_OBJECT
public:
    using State = RedisConnection::State;

    explicit RedisClient(QUrl url, QObject *parent = nullptr);
    ~RedisClient() override;

    [[nodiscard]] State state() const;
    [[nodiscard]] QString endpoint() const;
    [[nodiscard]] QString lastError() const;
    [[nodiscard]] std::chrono::milliseconds commandTimeout() const { return m_commandTimeout; }
    void setCommandTimeout(std::chrono::milliseconds timeout) { m_commandTimeout = timeout; }

    // Any command; an error reply becomes a failure.
    QCoro::Task<Result<RedisReply>> command(QList<QByteArray> args);

    QCoro::Task<Result<std::optional<QByteArray>>> get(QByteArray key);
    // ttl 0 keeps the key forever.
    QCoro::Task<Result<Done>> set(QByteArray key, QByteArray value, std::chrono::milliseconds ttl = {});
    // Returns how many subscribers received the message.
    QCoro::Task<Result<qint64>> publish(QByteArray channel, QByteArray payload);
    // XADD stream MAXLEN ~ maxLength * payload <payload>: returns the new entry's id. With a `fenceKey`, the entry
    // is added only while that key holds `fenceToken` (a leader lease), checked atomically in Redis, so a writer
    // that lost its lease cannot add anything; that refusal fails with NotLeaderError.
    QCoro::Task<Result<QByteArray>> appendToStream(
        QByteArray stream, QByteArray payload, int maxLength, QByteArray fenceKey = {}, QByteArray fenceToken = {});
    static constexpr auto NotLeaderError = "not the leader: the lease is held by another process";
    // SET NX PX: true when the key was free and is now ours (a leader lease).
    QCoro::Task<Result<bool>> setIfAbsent(QByteArray key, QByteArray value, std::chrono::milliseconds ttl);
    // Renews the TTL only while the key still holds `value`: true when renewed.
    QCoro::Task<Result<bool>> extendIfOwner(QByteArray key, QByteArray value, std::chrono::milliseconds ttl);
    // Deletes the key only while it still holds `value` (releasing a lease): true when deleted.
    QCoro::Task<Result<bool>> deleteIfOwner(QByteArray key, QByteArray value);
    // True when the key existed.
    QCoro::Task<Result<bool>> del(QByteArray key);

Q_SIGNALS:
    void stateChanged(Endzone::RedisClient::State state);

private:
    void handleReply(quint64 token, const redisReply *reply);

    RedisConnection *m_connection;
    QHash<quint64, QPointer<RedisPendingReply>> m_pending;
    quint64 m_nextToken = 0;
    std::chrono::milliseconds m_commandTimeout {2000};
};

} // namespace Endzone
