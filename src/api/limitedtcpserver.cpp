#include "limitedtcpserver.h"
#include "logging.h"

#include <QTcpSocket>

namespace Endzone {

namespace {

// Per-connection state, a child of its socket so it lives exactly as long.
class HeadGuard : public QObject
{
public:
    HeadGuard(QTcpSocket *socket, qsizetype limit, LimitedTcpServer *server)
        : QObject(socket), m_socket(socket), m_limit(limit), m_server(server)
    {
    }

    void onReadyRead()
    {
        if (m_rejected) {
            m_socket->readAll(); // keep QHttpServer from parsing what follows a rejected head
            return;
        }
        // Measure every head in this chunk ("\r\n\r\n" ends one, and may be split across reads), and
        // what has come since the last one.
        const QByteArray chunk = m_socket->peek(m_socket->bytesAvailable());
        const QByteArray scan = m_tail + chunk;
        const qsizetype offset = m_tail.size();
        qsizetype segmentStart = offset; // where the current head began, in `scan`
        qsizetype carried = m_pending; // bytes of the current head that came in earlier chunks
        bool tooLarge = false;
        for (qsizetype end = scan.indexOf("\r\n\r\n", 0); end >= 0; end = scan.indexOf("\r\n\r\n", end + 4)) {
            if (carried + (end + 4 - segmentStart) > m_limit)
                tooLarge = true;
            segmentStart = end + 4;
            carried = 0;
        }
        m_pending = carried + (scan.size() - qMax(segmentStart, offset));
        m_tail = scan.right(3);
        if (!tooLarge && m_pending <= m_limit)
            return;
        reject();
    }

private:
    void reject()
    {
        m_rejected = true;
        m_socket->readAll();
        const QByteArray body = R"({"error":"request header fields too large","status":431})";
        m_socket->write("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/json\r\n"
                        "Content-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        qCInfo(lcApi) << "431: request head over" << m_limit << "bytes from" << m_socket->peerAddress().toString();
        Q_EMIT m_server->requestRejected(m_socket->peerAddress().toString());
        m_socket->disconnectFromHost(); // after the reply is flushed
    }

    QTcpSocket *m_socket;
    qsizetype m_limit;
    LimitedTcpServer *m_server;
    QByteArray m_tail;
    qsizetype m_pending = 0;
    bool m_rejected = false;
};

} // namespace

LimitedTcpServer::LimitedTcpServer(qsizetype maxHeaderBytes, QObject *parent)
    : QTcpServer(parent), m_maxHeaderBytes(qBound<qsizetype>(256, maxHeaderBytes, ParserLimit - 1024))
{
}

QTcpSocket *LimitedTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket) {
        auto *guard = new HeadGuard(socket, m_maxHeaderBytes, this);
        // Connected before the caller (QHttpServer) connects its own handler, so it runs first.
        connect(socket, &QIODevice::readyRead, guard, &HeadGuard::onReadyRead);
    }
    return socket;
}

} // namespace Endzone
