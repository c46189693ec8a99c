#pragma once

#include "livebus.h"
#include "livemessage.h"
#include "result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QObject>
#include <functional>

namespace Endzone {

class RedisClient;

// The one way live messages leave a process, for the watcher, `endzone-fetch --publish`, RedisBus and the app's
// embedded API alike. It sends to what the process has: with Redis, the live stream (XADD, fenced by a leader
// lease when one is given) or, with no stream configured, the old pub/sub channel; without Redis, a LiveBus in
// this process. Every send is awaited, so a one-shot publisher knows Redis took the message before it exits.
class LivePublisher : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QByteArray stream = LiveBus::DefaultStream; // empty: PUBLISH on `channel` instead, the old way
        int streamMaxLength = 10000; // XADD MAXLEN ~
        QByteArray channel = LiveBus::DefaultChannel;
    };
    // A leader lease's key and token: the entry is added only while the key still holds the token.
    struct Fence
    {
        QByteArray key;
        QByteArray token;
    };
    // A week's games as the store holds them now.
    using WeekReader = std::function<Result<QList<Game>>(const WeekKey &)>;

    LivePublisher(RedisClient *redis, Options options, QObject *parent = nullptr);
    explicit LivePublisher(LiveBus *bus, QObject *parent = nullptr);

    // Sends one payload. Resolves to the stream entry's id, or to an empty id where the sink shares none
    // (the channel, an in-process bus).
    QCoro::Task<Result<QByteArray>> publish(QByteArray payload, Fence fence = {});
    // Sends one message per week of the changed games (see messagesFor), in order. Resolves to the number sent;
    // stops at the first failure.
    QCoro::Task<Result<int>> publishChanges(QList<Game> changed, WeekReader readWeek);

    // One envelope per week the changed games belong to, weeks in the order they first appear, each with the
    // week's games from `readWeek` and its changed games once each (the latest version of a game changed twice).
    // A week `readWeek` cannot read is left out with a warning: the store stays the truth, and the next change
    // or a resync brings it.
    [[nodiscard]] static QList<LiveMessage> messagesFor(const QList<Game> &changed, const WeekReader &readWeek);

    [[nodiscard]] const Options &options() const { return m_options; }
    // What publish() writes to, for logs and messages: "stream KEY", "channel NAME" or "the in-process bus".
    [[nodiscard]] QString destination() const;

private:
    RedisClient *m_redis = nullptr;
    LiveBus *m_bus = nullptr;
    Options m_options;
};

} // namespace Endzone
