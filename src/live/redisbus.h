#pragma once

#include "livebus.h"

#include <QCoroTask>
#include <QUrl>

namespace Endzone {

class LivePublisher;
class RedisClient;
class RedisStreamReader;
class RedisSubscriber;

// The live bus shared by every process on one Redis. Messages travel in a Redis Stream (`stream`): publish()
// appends with XADD MAXLEN ~ maxLength, and a RedisStreamReader follows the stream from its last id, so a
// process cut off from Redis catches up with no gap and every process gives a message the same id (the entry's
// id). The old pub/sub `channel` is still read, for publishers of the old format (to be dropped in the next
// release); its messages get a local id `<last stream id>.<n>` that only this process knows. The bus is
// Connected only while all its connections are; each recovers by itself.
class RedisBus : public LiveBus
{
    Q_OBJECT
public:
    struct Options
    {
        QByteArray channel = DefaultChannel; // empty: no pub/sub
        QByteArray stream = DefaultStream; // empty: pub/sub only, as before streams
        int maxLength = 10000; // XADD MAXLEN ~
        int backfill = 0; // entries read back from the stream on start (replayed messages)
    };

    RedisBus(QUrl url, Options options, QObject *parent = nullptr);
    explicit RedisBus(QUrl url, QByteArray channel = DefaultChannel, QObject *parent = nullptr);
    ~RedisBus() override;

    [[nodiscard]] State state() const override { return m_state; }
    void publish(const QByteArray &payload) override;
    [[nodiscard]] bool resumesExactly() const override { return m_reader != nullptr; }

    [[nodiscard]] QByteArray channel() const { return m_options.channel; }
    [[nodiscard]] const Options &options() const { return m_options; }
    [[nodiscard]] RedisClient *client() const { return m_client; }
    [[nodiscard]] RedisSubscriber *subscriber() const { return m_subscriber; }
    [[nodiscard]] RedisStreamReader *reader() const { return m_reader; }

private:
    QCoro::Task<> doPublish(QByteArray payload);
    void onChannelMessage(const QByteArray &payload);
    void updateState();

    Options m_options;
    RedisClient *m_client;
    LivePublisher *m_publisher; // appends to the stream, or publishes on the channel with no stream
    RedisSubscriber *m_subscriber = nullptr;
    RedisStreamReader *m_reader = nullptr;
    quint64 m_channelMessages = 0;
    State m_state = State::Connecting;
};

} // namespace Endzone
