#pragma once

#include "sseparser.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpSocket>
#include <QUrl>
#include <utility>

namespace Endzone {
class RedisClient;
}

namespace Endzone::Test {

// One HTTP exchange as a test sees it: no redirects followed, header names in lower case.
struct HttpResult
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    QString error;
};

using HeaderPairs = QList<std::pair<QByteArray, QByteArray>>;

// Runs one request through QNetworkAccessManager (bounded by a transfer timeout) and waits for it.
[[nodiscard]] HttpResult httpRequest(const QUrl &url, const HeaderPairs &headers = {}, const QByteArray &verb = "GET");

// PUBLISH on a real Redis, waited for (bounded by the client's command timeout): how many subscribers
// received the message, or -1 when the command failed.
[[nodiscard]] qint64 publish(RedisClient &client, const QByteArray &channel, const QByteArray &payload);

// An SSE client on a raw QTcpSocket, so a test controls every byte: it sends the request, parses the
// response head and then the stream with SseParser. With `reading` false it never reads, as a stalled
// client would, and with a tiny read buffer its kernel buffers fill up quickly.
class SseTestClient : public QObject
{
    Q_OBJECT
public:
    explicit SseTestClient(quint16 port, HeaderPairs headers = {}, QByteArray path = "/api/livescore",
        bool reading = true, QObject *parent = nullptr);

    [[nodiscard]] QTcpSocket *socket() { return &m_socket; }
    [[nodiscard]] int status() const { return m_status; }
    [[nodiscard]] QByteArray header(const QByteArray &name) const { return m_headers.value(name.toLower()); }
    [[nodiscard]] const QList<SseEvent> &events() const { return m_events; }
    [[nodiscard]] const QByteArray &rawBody() const { return m_body; }
    [[nodiscard]] QList<SseEvent> eventsOfType(const QString &type) const;

    // Waits (bounded) until the head arrived, or until `count` events in all have arrived.
    bool waitForHead(int timeoutMs = 10000);
    bool waitForEvents(qsizetype count, int timeoutMs = 10000);
    bool waitForDisconnect(int timeoutMs = 10000);
    // For a client made with `reading` false: takes up to `maxBytes` from what arrived, as a slow reader
    // would, and parses it like the rest. Returns how many bytes it took.
    qint64 readSome(qint64 maxBytes);

Q_SIGNALS:
    void headReceived();
    void eventsArrived();

private:
    void onReadyRead();
    void consume(QByteArray data);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QHash<QByteArray, QByteArray> m_headers;
    QByteArray m_body;
    SseParser m_parser;
    QList<SseEvent> m_events;
    int m_status = 0;
    bool m_headDone = false;
};

} // namespace Endzone::Test
