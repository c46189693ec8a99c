#include "redisbus.h"

#include "livepublisher.h"
#include "logging.h"
#include "redisclient.h"
#include "redisstreamreader.h"
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

RedisBus::RedisBus(QUrl url, Options options, QObject *parent)
    : LiveBus(parent)
    , m_options(std::move(options))
    , m_client(new RedisClient(url, this))
    , m_publisher(new LivePublisher(m_client, {m_options.stream, m_options.maxLength, m_options.channel}, this))
{
    connect(m_client, &RedisClient::stateChanged, this, &RedisBus::updateState);
    if (!m_options.stream.isEmpty()) {
        m_reader = new RedisStreamReader(url, {m_options.stream, m_options.backfill}, this);
        connect(m_reader, &RedisStreamReader::stateChanged, this, &RedisBus::updateState);
        connect(m_reader, &RedisStreamReader::entryReceived, this,
            [this](const QByteArray &id, const QByteArray &payload, bool backfilled) {
                deliver(id, payload, backfilled);
            });
        connect(m_reader, &RedisStreamReader::gapDetected, this, [this] {
            Q_EMIT messagesLost();
            Q_EMIT resubscribed();
        });
    }
    if (!m_options.channel.isEmpty()) {
        m_subscriber = new RedisSubscriber(url, m_options.channel, this);
        connect(m_subscriber, &RedisSubscriber::stateChanged, this, &RedisBus::updateState);
        connect(m_subscriber, &RedisSubscriber::messageReceived, this, &RedisBus::onChannelMessage);
        connect(m_subscriber, &RedisSubscriber::resubscribed, this, &LiveBus::resubscribed);
    }
    updateState();
}

RedisBus::RedisBus(QUrl url, QByteArray channel, QObject *parent) : RedisBus(std::move(url), Options {channel}, parent)
{
}

RedisBus::~RedisBus() = default;

void RedisBus::onChannelMessage(const QByteArray &payload)
{
    // Unique and after the stream entry read last; meaningful to this process only (pub/sub has no ids).
    const QByteArray base = m_reader && !m_reader->lastId().isEmpty() ? m_reader->lastId() : QByteArray("0-0");
    deliver(base + '.' + QByteArray::number(++m_channelMessages), payload);
}

void RedisBus::publish(const QByteArray &payload)
{
    doPublish(payload);
}

QCoro::Task<> RedisBus::doPublish(QByteArray payload)
{
    QPointer<RedisBus> self(this);
    const auto published = co_await m_publisher->publish(payload);
    if (!self)
        co_return;
    if (!published) {
        // The store stays the truth: subscribers catch up on the next change or when they resubscribe.
        qCWarning(lcLive).noquote() << "Dropped a live update of" << payload.size() << "bytes:" << published.error();
    }
}

void RedisBus::updateState()
{
    // Enumerators are ordered Disconnected < Connecting < Connected: the bus is as good as its worst part.
    State state = toBusState(m_client->state());
    if (m_reader)
        state = std::min(state, toBusState(m_reader->state()));
    if (m_subscriber)
        state = std::min(state, toBusState(m_subscriber->state()));
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

} // namespace Endzone
