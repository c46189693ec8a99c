#include "redisbus.h"

#include "logging.h"
#include "redisclient.h"
#include "redissubscriber.h"

#include <QPointer>

namespace Endzone {

namespace {
LiveBus::State toBusState(RedisConnection::State state)
{
    switch (state) {
    case RedisConnection::State::Connected:
        return LiveBus::State::Connected;
    case RedisConnection::State::Connecting:
        return LiveBus::State::Connecting;
    case RedisConnection::State::Disconnected:
        break;
    }
    return LiveBus::State::Disconnected;
}
} // namespace

RedisBus::RedisBus(QUrl url, QByteArray channel, QObject *parent)
    : LiveBus(parent)
    , m_channel(std::move(channel))
    , m_client(new RedisClient(url, this))
    , m_subscriber(new RedisSubscriber(url, m_channel, this))
{
    connect(m_client, &RedisClient::stateChanged, this, &RedisBus::updateState);
    connect(m_subscriber, &RedisSubscriber::stateChanged, this, &RedisBus::updateState);
    connect(m_subscriber, &RedisSubscriber::messageReceived, this, &LiveBus::messageReceived);
    connect(m_subscriber, &RedisSubscriber::resubscribed, this, &LiveBus::resubscribed);
    m_state = std::min(toBusState(m_client->state()), toBusState(m_subscriber->state()));
}

RedisBus::~RedisBus() = default;

void RedisBus::publish(const QByteArray &payload)
{
    doPublish(payload);
}

QCoro::Task<> RedisBus::doPublish(QByteArray payload)
{
    QPointer<RedisBus> self(this);
    const auto result = co_await m_client->publish(m_channel, payload);
    if (!self) {
        co_return;
    }
    if (!result) {
        // The store stays the truth: subscribers catch up on the next change or when they resubscribe.
        qCWarning(lcLive).noquote() << "Dropped a live update of" << payload.size() << "bytes:" << result.error();
    }
}

void RedisBus::updateState()
{
    // Enumerators are ordered Disconnected < Connecting < Connected: the bus is as good as its worse half.
    const State state = std::min(toBusState(m_client->state()), toBusState(m_subscriber->state()));
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

} // namespace Endzone
