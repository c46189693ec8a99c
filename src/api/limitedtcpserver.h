#pragma once

#include <QTcpServer>

class QTimer;

namespace Endzone {

// The listening socket of the API. QHttpServer 6.4 buffers a request head without limit until its parser
// gives up at 80 KiB, and then stops reading without closing the connection. This server sees every byte
// first (its readyRead handler is connected before QHttpServer's) and answers a head larger than
// maxHeaderBytes with 431 and a JSON error, then closes the connection. Request bodies count too: the
// API takes none, so a big one is refused the same way.
// It also bounds what idle and half-open connections can hold: at most maxConnections sockets at once (the
// next one gets a best-effort 503 and is closed before any QTcpSocket exists, so a flood costs no memory),
// and a connection that has not completed its first request head within headTimeoutMs is closed.
class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    static constexpr qsizetype DefaultMaxHeaderBytes = 16 * 1024;
    static constexpr qsizetype ParserLimit = 80 * 1024; // http_parser's own HTTP_MAX_HEADER_SIZE
    static constexpr int DefaultMaxConnections = 16384; // room for the 10,000-client SSE benchmark
    static constexpr int DefaultHeadTimeoutMs = 30000;
    // The kernel's queue of connections not yet accepted (capped by net.core.somaxconn). Qt's default of 50
    // drops the SYNs of a burst, e.g. every EventSource reconnecting at once after a restart, and each
    // dropped one retries only after 1, 3, 7, 15, 31 s: 3,000 connects at once still had 447 without an
    // answer after 60 s. Accepting is cheap, so let the kernel hold a burst until the event loop takes it.
    static constexpr int ListenBacklog = 4096;

    explicit LimitedTcpServer(qsizetype maxHeaderBytes = DefaultMaxHeaderBytes, QObject *parent = nullptr);

    [[nodiscard]] qsizetype maxHeaderBytes() const { return m_maxHeaderBytes; }
    // 0 or less: no limit.
    void setMaxConnections(int connections) { m_maxConnections = connections; }
    [[nodiscard]] int maxConnections() const { return m_maxConnections; }
    // 0 or less: no timeout.
    void setHeadTimeoutMs(int ms) { m_headTimeoutMs = ms; }
    [[nodiscard]] int connectionCount() const { return m_connections; }
    [[nodiscard]] quint64 refusedConnections() const { return m_refused; }
    [[nodiscard]] QTcpSocket *nextPendingConnection() override;
    // Called by each connection's guard when its socket goes.
    void connectionClosed();
    // After this many connections closed since the last high-water mark, free memory goes back to the system.
    static constexpr int TrimAfterClosed = 1000;

protected:
    void incomingConnection(qintptr handle) override;

Q_SIGNALS:
    void requestRejected(const QString &peer);

private:
    qsizetype m_maxHeaderBytes;
    int m_maxConnections = DefaultMaxConnections;
    int m_headTimeoutMs = DefaultHeadTimeoutMs;
    int m_connections = 0; // accepted and not yet destroyed
    quint64 m_refused = 0;
    int m_highWater = 0; // most connections at once since memory was last given back
    QTimer *m_trimTimer;
};

} // namespace Endzone
