#pragma once

#include "livebus.h"

#include <QCoroTask>
#include <QUrl>

namespace Endzone {

class RedisClient;
class RedisSubscriber;

// The live bus shared by every process on one Redis: publishes with a RedisClient and listens with a
// RedisSubscriber on the same channel. It is Connected only while both are; each recovers by itself.
class RedisBus : public LiveBus
{
    Q_OBJECT
public:
    explicit RedisBus(QUrl url, QByteArray channel = DefaultChannel, QObject *parent = nullptr);
    ~RedisBus() override;

    [[nodiscard]] State state() const override { return m_state; }
    void publish(const QByteArray &payload) override;

    [[nodiscard]] QByteArray channel() const { return m_channel; }
    [[nodiscard]] RedisClient *client() const { return m_client; }
    [[nodiscard]] RedisSubscriber *subscriber() const { return m_subscriber; }

private:
    QCoro::Task<> doPublish(QByteArray payload);
    void updateState();

    QByteArray m_channel;
    RedisClient *m_client;
    RedisSubscriber *m_subscriber;
    State m_state = State::Connecting;
};

} // namespace Endzone
