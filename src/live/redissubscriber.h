#pragma once

#include "redisconnection.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

namespace Endzone {

// Listens to one Redis pub/sub channel on a dedicated connection (a subscribed connection can run no
// other commands). Reconnects with backoff and subscribes again by itself; state() is Connected only
// while the subscription is confirmed.
class RedisSubscriber : public QObject
{
    Q_OBJECT
public:
    using State = RedisConnection::State;

    RedisSubscriber(QUrl url, QByteArray channel, QObject *parent = nullptr);
    ~RedisSubscriber() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QByteArray channel() const { return m_channel; }
    [[nodiscard]] QString endpoint() const;
    [[nodiscard]] QString lastError() const;

Q_SIGNALS:
    void messageReceived(const QByteArray &payload);
    void stateChanged(Endzone::RedisSubscriber::State state);
    // After every confirmed SUBSCRIBE, the first included: messages published while we were not
    // subscribed are lost, so listeners should resync from the source of truth.
    void resubscribed();

private:
    void subscribe();
    void handleReply(quint64 token, const redisReply *reply);
    void setState(State state);

    RedisConnection *m_connection;
    QByteArray m_channel;
    quint64 m_subscribedGeneration = 0;
    State m_state = State::Disconnected;
};

} // namespace Endzone
