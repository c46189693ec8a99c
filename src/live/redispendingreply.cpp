#include "redispendingreply.h"

#include <QMetaObject>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

RedisPendingReply::RedisPendingReply(std::chrono::milliseconds timeout, QString timeoutMessage)
    : m_timeoutMessage(std::move(timeoutMessage))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!isFinished()) {
            m_timedOut = true;
            finish(Result<RedisReply>::failure(m_timeoutMessage));
        }
    });
    m_timer.start(timeout);
}

void RedisPendingReply::finish(Result<RedisReply> result)
{
    if (isFinished()) {
        return;
    }
    m_timer.stop();
    m_result.emplace(std::move(result));
    QMetaObject::invokeMethod(this, &RedisPendingReply::done, Qt::QueuedConnection);
}

Result<RedisReply> RedisPendingReply::takeResult()
{
    if (!m_result) {
        return Result<RedisReply>::failure(u"Redis command did not finish"_s);
    }
    return std::move(*m_result);
}

} // namespace Endzone
