#pragma once

#include "redisreply.h"
#include "result.h"

#include <QObject>
#include <QTimer>
#include <chrono>
#include <optional>

namespace Endzone {

// The await point of one Redis command: finished by the reply, by a lost connection, or by its own
// timer, so whoever awaits done() always resumes. It belongs to the awaiting coroutine's frame, not to
// the client, so it outlives a client destroyed mid-await.
class RedisPendingReply : public QObject
{
    Q_OBJECT
public:
    RedisPendingReply(std::chrono::milliseconds timeout, QString timeoutMessage);

    // The first call wins; done() follows from the event loop, never from inside hiredis.
    void finish(Result<RedisReply> result);
    [[nodiscard]] bool isFinished() const { return m_result.has_value(); }
    [[nodiscard]] bool timedOut() const { return m_timedOut; }
    [[nodiscard]] Result<RedisReply> takeResult();

Q_SIGNALS:
    void done();

private:
    QTimer m_timer;
    QString m_timeoutMessage;
    std::optional<Result<RedisReply>> m_result;
    bool m_timedOut = false;
};

} // namespace Endzone
