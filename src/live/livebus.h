#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Endzone {

// Publish/subscribe for live week updates. With Redis configured it is a Redis Stream shared by every process
// (RedisBus, which also still reads the old pub/sub channel); without, an in-process bus does the same job
// inside one process (InProcessBus). Payloads are the JSON documents the API serves (see LiveMessage).
// Every message carries an id `<ms>-<seq>`: a stream entry's id is the same in every process reading that
// stream, which is what lets an SSE client resume on any process.
class LiveBus : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    static constexpr auto DefaultChannel = "endzone:live";
    static constexpr auto DefaultStream = "endzone:live:stream";

    [[nodiscard]] virtual State state() const = 0;
    // Fire and forget: a publish while disconnected is dropped and logged (the store stays the truth;
    // subscribers converge on the next change or on resubscribe).
    virtual void publish(const QByteArray &payload) = 0;
    // True when ids are shared by every process and a reconnect loses nothing (a Redis Stream): listeners
    // then need no resync from the store after resubscribed().
    [[nodiscard]] virtual bool resumesExactly() const { return false; }

Q_SIGNALS:
    // Every message, with its id (ids are unique, in delivery order). `replayed` messages were published before
    // this bus started (a fresh process filling its replay window from the stream): no listener should treat
    // them as news, so they come only through this signal, never through messageReceived.
    void eventReceived(const QByteArray &id, const QByteArray &payload, bool replayed);
    // The payload of every live (not replayed) message, for listeners that need no ids.
    void messageReceived(const QByteArray &payload);
    void stateChanged(Endzone::LiveBus::State state);
    // Emitted after a (re)subscribe: messages may have been missed, so listeners should resync from the store.
    void resubscribed();
    // Messages were lost for good, even for a bus that resumesExactly() (the stream was trimmed past where it
    // had read while it was away): listeners must resync from the store.
    void messagesLost();

protected:
    void deliver(const QByteArray &id, const QByteArray &payload, bool replayed = false)
    {
        Q_EMIT eventReceived(id, payload, replayed);
        if (!replayed)
            Q_EMIT messageReceived(payload);
    }
};

} // namespace Endzone
