#pragma once

#include <QTcpServer>

namespace Endzone {

// The listening socket of the API. QHttpServer 6.4 buffers a request head without limit until its parser
// gives up at 80 KiB, and then stops reading without closing the connection. This server sees every byte
// first (its readyRead handler is connected before QHttpServer's) and answers a head larger than
// maxHeaderBytes with 431 and a JSON error, then closes the connection. Request bodies count too: the
// API takes none, so a big one is refused the same way.
class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    static constexpr qsizetype DefaultMaxHeaderBytes = 16 * 1024;
    static constexpr qsizetype ParserLimit = 80 * 1024; // http_parser's own HTTP_MAX_HEADER_SIZE

    explicit LimitedTcpServer(qsizetype maxHeaderBytes = DefaultMaxHeaderBytes, QObject *parent = nullptr);

    [[nodiscard]] qsizetype maxHeaderBytes() const { return m_maxHeaderBytes; }
    [[nodiscard]] QTcpSocket *nextPendingConnection() override;

Q_SIGNALS:
    void requestRejected(const QString &peer);

private:
    qsizetype m_maxHeaderBytes;
};

} // namespace Endzone
