#pragma once

#include "fanoutsender.h"
#include "livemessage.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <deque>
#include <utility>
#include <vector>

class QHttpServerResponder;
class QTcpSocket;

namespace Endzone {

class LiveBus;

// Fans live messages out to every Server-Sent Events client of this process. One per process: it listens
// to the LiveBus once (one Redis subscription however many clients), frames each event once and writes
// the same shared QByteArray to every socket. Event ids come from the bus: a message with id X (a Redis
// Stream entry id, the same in every process) becomes `update` event X and `game` events X/1, X/2, ...; so a
// Last-Event-ID from any process names the same event here. The last replayEvents events are kept (also the
// stream's recent entries a fresh process reads back), and a reconnecting client gets exactly the events
// after its Last-Event-ID, or a full `update` snapshot when the id is not in that window: too old, malformed,
// from the future or from another deployment. Never an error. A client whose unsent bytes would pass
// maxQueuedBytes is dropped, so a reader that stalls never delays the others or grows memory. A single
// timer sends comment heartbeats to everyone: no per-client timers.
class SseBroadcaster : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int replayEvents = 1024;
        qint64 maxQueuedBytes = 1024 * 1024;
        std::chrono::milliseconds heartbeat {15000};
        int retryMs = 3000;
        int sendBufferBytes = 0; // SO_SNDBUF for client sockets; 0 keeps the system's
        int sendThreads = 0; // threads that write a fan-out (FanOutSender); 0: one per core
    };
    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    // A Last-Event-ID longer than this is not one of ours: it gets the snapshot without being looked up.
    static constexpr qsizetype MaxEventIdBytes = 96;

    explicit SseBroadcaster(LiveBus *bus, QObject *parent = nullptr);
    SseBroadcaster(LiveBus *bus, Options options, QObject *parent = nullptr);
    ~SseBroadcaster() override;

    // Takes over the connection of an accepted /api/livescore request: writes the response head, the
    // retry hint, then the replay (Last-Event-ID) or the snapshot (`snapshot` asked for one), and keeps it.
    void addClient(QHttpServerResponder &&responder, const QByteArray &lastEventId, bool snapshot,
        const Headers &extraHeaders = {});
    // Frames and sends one message (what the bus delivers) under `id`; without one (a resync from the store)
    // the events get an id only this process knows. Public for tests and benchmarks.
    void broadcast(const LiveMessage &message, const QByteArray &id = {});
    // Seeds the snapshot new clients get before any live message arrived (a follower process, or a
    // restart): the week as the store has it. A later broadcast replaces it.
    void seedLatestWeek(const QByteArray &weekJson);
    // The week the clients last got (the latest `update`, or the seed): what a new client's snapshot carries.
    [[nodiscard]] const QByteArray &latestWeek() const { return m_latestWeek; }
    void closeAll();

    [[nodiscard]] int clientCount() const { return int(m_clients.size()); }
    [[nodiscard]] QByteArray lastEventId() const { return m_lastId; }
    [[nodiscard]] quint64 droppedClients() const { return m_dropped; }
    [[nodiscard]] const Options &options() const { return m_options; }

Q_SIGNALS:
    void clientCountChanged(int count);
    // A client was cut off because its queue was full.
    void clientDropped();
    // After a message went out to every client; `lastEventId` is the id of its last event.
    void broadcasted(const QByteArray &lastEventId);
    // An envelope carried a new state of this week: `body` is what GET /api/season serves for it.
    void weekUpdated(const Endzone::WeekKey &key, const QByteArray &body);

private:
    struct StoredEvent
    {
        QByteArray id;
        QByteArray frame;
    };

    void onEvent(const QByteArray &id, const QByteArray &payload, bool replayed);
    // Frames the message's events into the ring; returns them as one batch.
    QByteArray record(const LiveMessage &message, const QByteArray &id);
    void sendHeartbeat();
    // False when the client was dropped because its queue is full.
    bool send(QTcpSocket *socket, const QByteArray &bytes);
    // Writes `bytes` to every client (dropping those whose queue is full): straight to the kernel for
    // clients with nothing queued, behind the queue for the others.
    void sendToAll(const QByteArray &bytes);
    void sendToIdle(const std::vector<QTcpSocket *> &sockets, const QByteArray &bytes);
    void drop(QTcpSocket *socket);
    void removeClient(QTcpSocket *socket);
    [[nodiscard]] static QByteArray frame(const char *event, const QByteArray &id, const QByteArray &data);
    [[nodiscard]] QByteArray replayFor(const QByteArray &lastEventId, bool snapshot) const;
    [[nodiscard]] QByteArray snapshotFrame() const;

    Options m_options;
    QSet<QTcpSocket *> m_clients;
    std::deque<StoredEvent> m_ring;
    QByteArray m_latestWeek; // the data of the latest `update`, for snapshots
    QByteArray m_lastId; // of the newest event
    quint64 m_localMessages = 0; // messages without an id from the bus
    quint64 m_dropped = 0;
    QTimer m_heartbeat;
    FanOutSender m_sender;
    std::vector<int> m_descriptors; // scratch for sendToIdle, kept to avoid an allocation per event
    std::vector<qint64> m_sent;
};

} // namespace Endzone
