#include "ssebroadcaster.h"

#include "livebus.h"
#include "logging.h"
#include <algorithm>
#include <vector>

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

SseBroadcaster::SseBroadcaster(LiveBus *bus, QObject *parent) : SseBroadcaster(bus, Options {}, parent)
{
}

SseBroadcaster::SseBroadcaster(LiveBus *bus, Options options, QObject *parent)
    : QObject(parent), m_options(options), m_sender(m_options.sendThreads)
{
    if (bus)
        connect(bus, &LiveBus::eventReceived, this, &SseBroadcaster::onEvent);
    m_heartbeat.setInterval(m_options.heartbeat);
    connect(&m_heartbeat, &QTimer::timeout, this, &SseBroadcaster::sendHeartbeat);
    m_heartbeat.start();
}

SseBroadcaster::~SseBroadcaster()
{
    closeAll();
}

QByteArray SseBroadcaster::frame(const char *event, const QByteArray &id, const QByteArray &data)
{
    QByteArray out;
    out.reserve(data.size() + 64);
    out += "id: " + id + "\nevent: " + event + "\ndata: ";
    // A payload's own line breaks would end the field early: each line becomes a data: line.
    if (data.contains('\n') || data.contains('\r')) {
        QByteArray normalized = data;
        normalized.replace("\r\n", "\n").replace('\r', '\n');
        out += normalized.replace("\n", "\ndata: ");
    } else {
        out += data;
    }
    out += "\n\n";
    return out;
}

QByteArray SseBroadcaster::snapshotFrame() const
{
    if (m_latestWeek.isEmpty())
        return {};
    // Everything up to the newest id is reflected in the latest week, so the snapshot carries that id.
    return frame("update", m_lastId, m_latestWeek);
}

void SseBroadcaster::seedLatestWeek(const QByteArray &weekJson)
{
    if (m_latestWeek.isEmpty())
        m_latestWeek = weekJson;
}

QByteArray SseBroadcaster::replayFor(const QByteArray &lastEventId, bool snapshot) const
{
    if (lastEventId.isEmpty())
        return snapshot ? snapshotFrame() : QByteArray();
    if (lastEventId == m_lastId)
        return {}; // up to date
    // Only an id we hold resumes: anything else (older than the window, malformed, hostile, from the future or
    // from another deployment) cannot say what the client has, so it gets the whole week. Ids are at most a
    // few dozen bytes; the bound keeps a hostile header from costing a scan of long compares.
    if (lastEventId.size() <= MaxEventIdBytes) {
        for (auto it = m_ring.rbegin(); it != m_ring.rend(); ++it) {
            if (it->id != lastEventId)
                continue;
            QByteArray out;
            for (auto next = it.base(); next != m_ring.end(); ++next)
                out += next->frame;
            return out;
        }
    }
    return snapshotFrame();
}

void SseBroadcaster::addClient(
    QHttpServerResponder &&responder, const QByteArray &lastEventId, bool snapshot, const Headers &extraHeaders)
{
    QTcpSocket *socket = responder.socket();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    responder.writeHeader("Content-Type", "text/event-stream");
    responder.writeHeader("Cache-Control", "no-cache");
    responder.writeHeader("X-Accel-Buffering", "no"); // nginx: do not buffer this response
    for (const auto &[name, value] : extraHeaders)
        responder.writeHeader(name, value);
    // writeBody ends the head; from here on the socket carries the stream until either side closes it.
    responder.writeBody("retry: " + QByteArray::number(m_options.retryMs) + "\n\n");

    if (m_options.sendBufferBytes > 0)
        socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, m_options.sendBufferBytes);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_clients.insert(socket);
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { removeClient(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { removeClient(socket); });
    if (const QByteArray replay = replayFor(lastEventId, snapshot); !replay.isEmpty())
        send(socket, replay);
    socket->flush();
    qCDebug(lcApi) << "SSE client" << socket->peerAddress().toString() << "joined; last event id" << lastEventId
                   << "clients" << m_clients.size();
    Q_EMIT clientCountChanged(clientCount());
}

bool SseBroadcaster::send(QTcpSocket *socket, const QByteArray &bytes)
{
    if (socket->bytesToWrite() + bytes.size() > m_options.maxQueuedBytes) {
        drop(socket);
        return false;
    }
    socket->write(bytes);
    return true;
}

void SseBroadcaster::sendToAll(const QByteArray &bytes)
{
    // Collect first: dropping a client while iterating would invalidate the iteration.
    QList<QTcpSocket *> slow;
    std::vector<QTcpSocket *> idle; // nothing queued: the bytes can go straight to the kernel
    idle.reserve(m_clients.size());
    for (QTcpSocket *socket : std::as_const(m_clients)) {
        if (socket->bytesToWrite() + bytes.size() > m_options.maxQueuedBytes)
            slow.append(socket);
        else if (socket->bytesToWrite() > 0)
            socket->write(bytes); // behind earlier bytes: keep the order
        else
            idle.push_back(socket);
    }
    sendToIdle(idle, bytes);
    for (QTcpSocket *socket : std::as_const(slow))
        drop(socket);
}

void SseBroadcaster::sendToIdle(const std::vector<QTcpSocket *> &sockets, const QByteArray &bytes)
{
    // Nothing is queued for these clients, so the bytes go straight to the kernel: no copy into each
    // socket's buffer and no write-notifier round trip. The sockets stay ours and on this thread:
    // FanOutSender only borrows their descriptors until it returns.
    m_descriptors.resize(sockets.size());
    m_sent.resize(sockets.size());
    std::transform(sockets.begin(), sockets.end(), m_descriptors.begin(),
        [](QTcpSocket *socket) { return int(socket->socketDescriptor()); });
    m_sender.send(m_descriptors, m_sent, bytes);
    for (std::size_t i = 0; i < sockets.size(); ++i) {
        // EAGAIN or an error sent nothing: QTcpSocket queues the rest and reports errors its own way.
        if (const qint64 sent = m_sent[i]; sent < bytes.size())
            sockets[i]->write(sent <= 0 ? bytes : bytes.mid(sent));
    }
}

void SseBroadcaster::drop(QTcpSocket *socket)
{
    qCInfo(lcApi) << "dropping SSE client" << socket->peerAddress().toString() << "with" << socket->bytesToWrite()
                  << "bytes unsent";
    ++m_dropped;
    removeClient(socket);
    socket->abort();
    socket->deleteLater(); // as QHttpServer does on disconnect; deleteLater twice is safe
    Q_EMIT clientDropped();
}

void SseBroadcaster::removeClient(QTcpSocket *socket)
{
    if (!m_clients.remove(socket))
        return;
    disconnect(socket, nullptr, this, nullptr);
    Q_EMIT clientCountChanged(clientCount());
}

void SseBroadcaster::onEvent(const QByteArray &id, const QByteArray &payload, bool replayed)
{
    if (!replayed) {
        broadcast(LiveMessage::decode(payload), id);
        return;
    }
    // Published before this process started: kept for replay, sent to nobody (a client that has them resumes
    // from them; one that does not gets the snapshot, which includes them).
    const LiveMessage message = LiveMessage::decode(payload);
    record(message, id);
    if (message.key)
        Q_EMIT weekUpdated(*message.key, message.weekJson);
}

QByteArray SseBroadcaster::record(const LiveMessage &message, const QByteArray &id)
{
    QByteArray base = id;
    if (base.isEmpty()) {
        // After the stream id read last, and distinct from every id the bus gives (those never contain '~').
        // The id's entry part only (before a game's '/' or an earlier local '~'), so local ids never grow.
        qsizetype end = 0;
        while (end < m_lastId.size() && m_lastId.at(end) != '/' && m_lastId.at(end) != '~')
            ++end;
        base = (end == 0 ? QByteArray("0-0") : m_lastId.left(end)) + '~' + QByteArray::number(++m_localMessages);
    }
    QByteArray batch;
    auto append = [&](const char *event, const QByteArray &eventId, const QByteArray &data) {
        QByteArray framed = frame(event, eventId, data);
        batch += framed;
        m_ring.push_back({eventId, std::move(framed)});
        m_lastId = eventId;
    };
    append("update", base, message.weekJson);
    for (qsizetype i = 0; i < message.changedGames.size(); ++i)
        append("game", base + '/' + QByteArray::number(i + 1), message.changedGames.at(i));
    while (m_ring.size() > std::size_t(qMax(1, m_options.replayEvents)))
        m_ring.pop_front();
    m_latestWeek = message.weekJson;
    return batch;
}

void SseBroadcaster::broadcast(const LiveMessage &message, const QByteArray &id)
{
    const QByteArray batch = record(message, id);
    QElapsedTimer sending;
    sending.start();
    sendToAll(batch);
    qCDebug(lcApi) << "event" << m_lastId << "of" << batch.size() << "bytes sent to" << m_clients.size() << "clients in"
                   << sending.nsecsElapsed() / 1000 << "us";
    if (message.key)
        Q_EMIT weekUpdated(*message.key, message.weekJson);
    Q_EMIT broadcasted(lastEventId());
}

void SseBroadcaster::sendHeartbeat()
{
    static const QByteArray heartbeat = QByteArrayLiteral(": heartbeat\n\n");
    sendToAll(heartbeat);
}

void SseBroadcaster::closeAll()
{
    const auto clients = m_clients;
    for (QTcpSocket *socket : clients) {
        removeClient(socket);
        socket->disconnectFromHost();
    }
}

} // namespace Endzone
