#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Endzone {

// Publish/subscribe for live week updates. With Redis configured it is a Redis channel shared by every
// process (RedisBus); without, an in-process bus does the same job inside one process (InProcessBus).
// Payloads are the JSON documents the API serves (see LiveMessage in the api layer).
class LiveBus : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    static constexpr auto DefaultChannel = "endzone:live";

    [[nodiscard]] virtual State state() const = 0;
    // Fire and forget: a publish while disconnected is dropped and logged (the store stays the truth;
    // subscribers converge on the next change or on resubscribe).
    virtual void publish(const QByteArray &payload) = 0;

Q_SIGNALS:
    void messageReceived(const QByteArray &payload);
    void stateChanged(Endzone::LiveBus::State state);
    // Emitted after a (re)subscribe: messages may have been missed, so listeners should resync from the store.
    void resubscribed();
};

} // namespace Endzone
