#include "limitedtcpserver.h"
#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

// Per-connection state, a child of its socket so it lives exactly as long.
class HeadGuard : public QObject
{
public:
    HeadGuard(QTcpSocket *socket, qsizetype limit, int headTimeoutMs, LimitedTcpServer *server)
        : QObject(socket), m_socket(socket), m_limit(limit), m_server(server)
    {
        // Connected before the caller (QHttpServer) connects its own handler, so it runs first.
        m_readyRead = connect(socket, &QIODevice::readyRead, this, &HeadGuard::onReadyRead);
        if (headTimeoutMs > 0) {
            // A connection that never completes a request (half-open, or a slow-loris head) is closed.
            m_headTimer.setSingleShot(true);
            m_headTimer.callOnTimeout(this, [this] {
                qCInfo(lcApi) << "closing a connection without a complete request head from"
                              << m_socket->peerAddress().toString();
                m_socket->abort();
                reapIfAbandoned();
            });
            m_headTimer.start(headTimeoutMs);
        }
    }
    ~HeadGuard() override
    {
        // Not the socket's destroyed() signal: QHttpServer may have disconnected every signal of the socket.
        if (m_server)
            m_server->connectionClosed();
    }

    void onReadyRead()
    {
        // Runs before QHttpServer parses this chunk. Qt 6.4's QAbstractHttpServer answers a request it cannot
        // parse with socket->disconnect(), which drops every signal connection of the socket (ours too) and
        // leaves it open and never deleted: an fd and a QTcpSocket leaked per malformed request (found by
        // endzone-hostilehttp). Look once the event loop is back, and close such a socket ourselves.
        QTimer::singleShot(0, this, &HeadGuard::reapIfAbandoned);
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
        bool hostTarget = false;
        for (qsizetype end = scan.indexOf("\r\n\r\n", 0); end >= 0; end = scan.indexOf("\r\n\r\n", end + 4)) {
            if (carried + (end + 4 - segmentStart) > m_limit)
                tooLarge = true;
            // A complete head with something in it (empty lines before a request line are allowed).
            if (carried > 0 || scan.sliced(segmentStart, end - segmentStart).count('\r') * 2 < end - segmentStart)
                m_headTimer.stop();
            hostTarget
                |= readRequestLine(scan.sliced(qMax(segmentStart, offset), end + 4 - qMax(segmentStart, offset)));
            m_requestLine.clear();
            m_requestLineDone = false;
            segmentStart = end + 4;
            carried = 0;
        }
        hostTarget |= readRequestLine(scan.sliced(qMax(segmentStart, offset)));
        m_pending = carried + (scan.size() - qMax(segmentStart, offset));
        m_tail = scan.right(3);
        if (hostTarget) {
            reject(404, "Not Found", u"no such resource: a path starting with //"_s);
            return;
        }
        if (!tooLarge && m_pending <= m_limit)
            return;
        reject(431, "Request Header Fields Too Large", u"request header fields too large"_s);
    }

private:
    void reapIfAbandoned()
    {
        if (m_readyRead || m_reaped)
            return; // QHttpServer still handles this socket
        m_reaped = true;
        qCInfo(lcApi) << "400: unparsable request from" << m_socket->peerAddress().toString();
        const QByteArray body = R"({"error":"malformed request","status":400})";
        m_socket->write("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        connect(m_socket, &QAbstractSocket::disconnected, m_socket, &QObject::deleteLater);
        m_socket->disconnectFromHost(); // after the reply is flushed
        if (m_socket->state() == QAbstractSocket::UnconnectedState) {
            m_socket->deleteLater();
            return;
        }
        // And if the peer never reads, do not wait for it for ever.
        QTimer::singleShot(10000, m_socket, [socket = m_socket] {
            socket->abort();
            socket->deleteLater();
        });
    }

    // Follows the request line of the current head through `bytes` (the head's next bytes). True once it
    // is complete (or long enough to tell) and its target starts with "//". Qt 6.4's request parser reads
    // such a target as an authority and a path ("//x/api/" as host "x", path "/api/"), and then replaces
    // the host with the Host header: the router would never see the "//", and "//x" would serve the page
    // at /. Only the raw bytes tell, so the answer is given here, like any unknown route's: a 404.
    bool readRequestLine(QByteArrayView bytes)
    {
        static constexpr qsizetype Enough = 64; // a method, a space and the target's first two bytes
        for (const char c : bytes) {
            if (m_requestLineDone)
                return false;
            if (m_requestLine.isEmpty() && (c == '\r' || c == '\n'))
                continue; // empty lines before a request line are allowed
            if (c != '\n' && c != '\r')
                m_requestLine += c;
            if (c == '\n' || c == '\r' || m_requestLine.size() >= Enough) {
                m_requestLineDone = true;
                const qsizetype space = m_requestLine.indexOf(' ');
                return space > 0 && m_requestLine.sliced(space + 1).startsWith("//");
            }
        }
        return false;
    }

    // Answers the request with a JSON error and closes the connection once the answer is sent.
    void reject(int status, const QByteArray &reason, const QString &message)
    {
        m_rejected = true;
        m_socket->readAll();
        const QByteArray body
            = QJsonDocument(QJsonObject {{u"error"_s, message}, {u"status"_s, status}}).toJson(QJsonDocument::Compact);
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
            + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: close\r\n\r\n" + body);
        if (status == 431)
            qCInfo(lcApi) << "431: request head over" << m_limit << "bytes from" << m_socket->peerAddress().toString();
        else
            qCInfo(lcApi).noquote() << status << message << "from" << m_socket->peerAddress().toString();
        Q_EMIT m_server->requestRejected(m_socket->peerAddress().toString());
        m_socket->disconnectFromHost(); // after the reply is flushed
    }

    QTcpSocket *m_socket;
    qsizetype m_limit;
    QPointer<LimitedTcpServer> m_server;
    QMetaObject::Connection m_readyRead;
    QTimer m_headTimer;
    QByteArray m_tail;
    QByteArray m_requestLine; // the start of the current head's request line
    bool m_requestLineDone = false;
    qsizetype m_pending = 0;
    bool m_rejected = false;
    bool m_reaped = false;
};

} // namespace

LimitedTcpServer::LimitedTcpServer(qsizetype maxHeaderBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxHeaderBytes(qBound<qsizetype>(256, maxHeaderBytes, ParserLimit - 1024))
    , m_trimTimer(new QTimer(this))
{
    setListenBacklogSize(ListenBacklog);
    // A burst of connections (10,000 SSE clients, a reconnect storm, a flood) spreads small allocations over
    // hundreds of MiB of heap. When they go, glibc keeps every page of it: 10,000 clients come and gone left
    // RSS at 164 MiB with 2 MiB in use, and each later burst touched more of the free pages (264 MiB after
    // three). So a second after the count has fallen well below its high-water mark, hand the free pages
    // back (malloc_trim: madvise on every free page).
    m_trimTimer->setSingleShot(true);
    m_trimTimer->setInterval(1000);
    m_trimTimer->callOnTimeout(this, [this] {
        m_highWater = m_connections;
#ifdef __GLIBC__
        malloc_trim(0);
#endif
    });
}

void LimitedTcpServer::connectionClosed()
{
    --m_connections;
    // Not restarted by later closes, so steady churn cannot postpone it for ever: at most once a second, and
    // only after another TrimAfterClosed closes.
    if (m_highWater - m_connections >= TrimAfterClosed && !m_trimTimer->isActive())
        m_trimTimer->start();
}

QTcpSocket *LimitedTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket) {
        new HeadGuard(socket, m_maxHeaderBytes, m_headTimeoutMs, this);
    }
    return socket;
}

void LimitedTcpServer::incomingConnection(qintptr handle)
{
    if (m_maxConnections > 0 && m_connections >= m_maxConnections) {
        static const QByteArray body = R"({"error":"too many connections","status":503})";
        static const QByteArray reply = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                        "Content-Length: "
            + QByteArray::number(body.size()) + "\r\nRetry-After: 5\r\nConnection: close\r\n\r\n" + body;
        (void)::send(int(handle), reply.constData(), size_t(reply.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::close(int(handle));
        if (m_refused++ % 1000 == 0)
            qCWarning(lcApi) << "connection limit" << m_maxConnections << "reached: refused" << m_refused << "so far";
        return;
    }
    m_highWater = qMax(m_highWater, ++m_connections);
    QTcpServer::incomingConnection(handle);
}

} // namespace Endzone
