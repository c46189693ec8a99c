#pragma once

#include "redisconnection.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>
#include <chrono>

namespace Endzone {

struct RedisReply;

// Reads one Redis Stream on a dedicated connection (XREAD BLOCK keeps it busy) from the last id it saw, so a
// reconnect after an outage, ours or Redis's, continues exactly where it stopped: no gap, no duplicate. On the
// first connect it reads back the newest `backfill` entries (the replay window of a fresh process) and then
// follows the stream. Entries carry the payload in a `payload` field; an entry of any other shape (a foreign
// publisher) is skipped with a log line and the reader goes on. A reconnect checks the stream (XINFO STREAM,
// Redis 7) and reports a gap when entries it had not read yet were trimmed meanwhile.
class RedisStreamReader : public QObject
{
    Q_OBJECT
public:
    using State = RedisConnection::State;

    struct Options
    {
        QByteArray stream;
        int backfill = 0; // entries read back on the first connect
        std::chrono::milliseconds block {5000}; // XREAD BLOCK: how long one read waits for new entries
        int batch = 512; // entries per XREAD at most
    };

    RedisStreamReader(QUrl url, Options options, QObject *parent = nullptr);
    ~RedisStreamReader() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const QByteArray &stream() const { return m_options.stream; }
    // The id of the newest entry read (delivered or skipped); empty before the first connect.
    [[nodiscard]] QByteArray lastId() const { return m_lastId; }
    [[nodiscard]] quint64 skippedEntries() const { return m_skipped; }

Q_SIGNALS:
    // Queued, in stream order. `backfilled` entries were already in the stream when this reader started.
    void entryReceived(const QByteArray &id, const QByteArray &payload, bool backfilled);
    void stateChanged(Endzone::RedisStreamReader::State state);
    // After the first connect's read-back was delivered: the replay window is complete from here on.
    void backfilled();
    // After a reconnect: entries newer than lastId() were trimmed (MAXLEN) before this reader could read them,
    // so some are lost for good and listeners must resync from the source of truth.
    void gapDetected();

private:
    void start();
    void readNext();
    void send(const QList<QByteArray> &args);
    void handleReply(quint64 token, const redisReply *reply);
    void handleBackfill(const RedisReply &reply);
    void handleInfo(const RedisReply &reply);
    void handleRead(const RedisReply &reply);
    void deliver(const RedisReply &entry, bool backfilled);
    void setState(State state);

    RedisConnection *m_connection;
    Options m_options;
    QByteArray m_lastId;
    quint64 m_startedGeneration = 0;
    quint64 m_token = 0; // of the one command in flight; replies to older ones are ignored
    quint64 m_skipped = 0;
    bool m_backfilling = false;
    bool m_checkingGap = false;
    State m_state = State::Disconnected;
};

} // namespace Endzone
