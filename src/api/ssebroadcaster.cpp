#include "ssebroadcaster.h"

#include "livebus.h"
#include "logging.h"
#include <algorithm>
#include <vector>

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QRandomGenerator>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

SseBroadcaster::SseBroadcaster(LiveBus *bus, QObject *parent) : SseBroadcaster(bus, Options {}, parent)
{
}

SseBroadcaster::SseBroadcaster(LiveBus *bus, Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_epoch(QByteArray::number(QRandomGenerator::system()->generate(), 36))
    , m_sender(m_options.sendThreads)
{
    if (bus)
        connect(bus, &LiveBus::messageReceived, this, &SseBroadcaster::onMessage);
    m_heartbeat.setInterval(m_options.heartbeat);
    connect(&m_heartbeat, &QTimer::timeout, this, &SseBroadcaster::sendHeartbeat);
    m_heartbeat.start();
}

SseBroadcaster::~SseBroadcaster()
{
    closeAll();
}

QByteArray SseBroadcaster::eventId(quint64 sequence) const
{
    return m_epoch + '-' + QByteArray::number(sequence);
}

QByteArray SseBroadcaster::frame(const char *event, quint64 sequence, const QByteArray &data) const
{
    QByteArray out;
    out.reserve(data.size() + 64);
    out += "id: " + eventId(sequence) + "\nevent: " + event + "\ndata: ";
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
    return frame("update", m_sequence, m_latestWeek);
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
    const qsizetype dash = lastEventId.lastIndexOf('-');
    bool ok = false;
    const quint64 seen = lastEventId.mid(dash + 1).toULongLong(&ok);
    const bool ours = dash > 0 && ok && lastEventId.left(dash) == m_epoch && seen <= m_sequence;
    const bool inRing = ours && (m_ring.empty() ? seen == m_sequence : seen + 1 >= m_ring.front().sequence);
    if (!inRing)
        return snapshotFrame();
    QByteArray out;
    for (const StoredEvent &event : m_ring) {
        if (event.sequence > seen)
            out += event.frame;
    }
    return out;
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

void SseBroadcaster::onMessage(const QByteArray &payload)
{
    broadcast(LiveMessage::decode(payload));
}

void SseBroadcaster::broadcast(const LiveMessage &message)
{
    QByteArray batch;
    auto append = [&](const char *event, const QByteArray &data) {
        const QByteArray framed = frame(event, ++m_sequence, data);
        m_ring.push_back({m_sequence, framed});
        batch += framed;
    };
    append("update", message.weekJson);
    for (const QByteArray &game : message.changedGames)
        append("game", game);
    while (m_ring.size() > std::size_t(qMax(1, m_options.replayEvents)))
        m_ring.pop_front();
    m_latestWeek = message.weekJson;

    QElapsedTimer sending;
    sending.start();
    sendToAll(batch);
    qCDebug(lcApi) << "event" << m_sequence << "of" << batch.size() << "bytes sent to" << m_clients.size()
                   << "clients in" << sending.nsecsElapsed() / 1000 << "us";
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
