#include "redissubscriber.h"

#include "logging.h"
#include "redisreply.h"

#include <QMetaObject>

#include <hiredis/hiredis.h>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {
constexpr quint64 SubscribeToken = 1;
}

RedisSubscriber::RedisSubscriber(QUrl url, QByteArray channel, QObject *parent)
    : QObject(parent), m_connection(new RedisConnection(std::move(url), this)), m_channel(std::move(channel))
{
    m_connection->setReplyHandler([this](quint64 token, const redisReply *reply) { handleReply(token, reply); });
    connect(m_connection, &RedisConnection::connected, this, &RedisSubscriber::subscribe);
    connect(m_connection, &RedisConnection::stateChanged, this, [this](State state) {
        // Connected is ours to announce, once the subscription is confirmed.
        if (m_connection->state() != State::Connected) {
            setState(m_connection->state());
        } else if (state == State::Connected && m_state == State::Disconnected) {
            setState(State::Connecting);
        }
    });
    m_connection->open();
    m_state = m_connection->state();
}

RedisSubscriber::~RedisSubscriber()
{
    m_connection->setReplyHandler(nullptr);
}

QString RedisSubscriber::endpoint() const
{
    return m_connection->endpoint();
}

QString RedisSubscriber::lastError() const
{
    return m_connection->lastError();
}

void RedisSubscriber::subscribe()
{
    // connected() is queued: act once per connection, and only if that connection is still up.
    if (m_connection->state() != State::Connected || m_subscribedGeneration == m_connection->generation()) {
        return;
    }
    m_subscribedGeneration = m_connection->generation();
    if (!m_connection->send({"SUBSCRIBE", m_channel}, SubscribeToken)) {
        m_connection->drop(u"cannot send SUBSCRIBE"_s);
    }
}

void RedisSubscriber::handleReply(quint64 token, const redisReply *reply)
{
    if (token != SubscribeToken || !reply) {
        return; // a null reply means the connection is gone; its state change follows
    }
    const RedisReply r = RedisReply::fromHiredis(reply);
    if (r.type != RedisReply::Type::Array || r.elements.size() < 3) {
        m_connection->drop(u"unexpected reply to SUBSCRIBE: %1"_s.arg(QString::fromUtf8(r.string)));
        return;
    }
    const QByteArray kind = r.elements.at(0).string;
    if (kind == "message") {
        // Queued, like every signal of ours, so a receiver never runs inside hiredis.
        QMetaObject::invokeMethod(
            this, [this, payload = r.elements.at(2).string] { Q_EMIT messageReceived(payload); }, Qt::QueuedConnection);
    } else if (kind == "subscribe") {
        qCDebug(lcLive).noquote() << "Subscribed to" << m_channel << "on Redis at" << endpoint();
        setState(State::Connected);
        QMetaObject::invokeMethod(this, &RedisSubscriber::resubscribed, Qt::QueuedConnection);
    }
}

void RedisSubscriber::setState(State state)
{
    if (m_state == state) {
        return;
    }
    m_state = state;
    QMetaObject::invokeMethod(
        this, [this, state] { Q_EMIT stateChanged(state); }, Qt::QueuedConnection);
}

} // namespace Endzone
