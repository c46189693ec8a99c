#include "apitestsupport.h"
#include "redisclient.h"

#include <QCoroNetworkReply>
#include <QCoroTask>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

namespace Endzone::Test {

namespace {

QCoro::Task<qint64> publishTask(RedisClient *client, QByteArray channel, QByteArray payload)
{
    auto result = co_await client->publish(channel, payload);
    co_return result ? result.value() : -1;
}

} // namespace

qint64 publish(RedisClient &client, const QByteArray &channel, const QByteArray &payload)
{
    return QCoro::waitFor(publishTask(&client, channel, payload));
}

HttpResult httpRequest(const QUrl &url, const HeaderPairs &headers, const QByteArray &verb)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(15000);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, verb));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(20000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    result.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.error = reply->errorString();
    return result;
}

SseTestClient::SseTestClient(quint16 port, HeaderPairs headers, QByteArray path, bool reading, QObject *parent)
    : QObject(parent)
{
    if (reading) {
        connect(&m_socket, &QTcpSocket::readyRead, this, &SseTestClient::onReadyRead);
    } else {
        // Take nothing out of the kernel: its receive buffer, then the server's send buffer, fill up.
        m_socket.setReadBufferSize(1024);
        m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    }
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    m_socket.write(request + "\r\n");
}

QList<SseEvent> SseTestClient::eventsOfType(const QString &type) const
{
    QList<SseEvent> out;
    for (const SseEvent &event : m_events) {
        if (event.event == type)
            out.append(event);
    }
    return out;
}

void SseTestClient::onReadyRead()
{
    consume(m_socket.readAll());
}

qint64 SseTestClient::readSome(qint64 maxBytes)
{
    const QByteArray data = m_socket.read(maxBytes);
    consume(data);
    return data.size();
}

void SseTestClient::consume(QByteArray data)
{
    if (!m_headDone) {
        m_buffer += data;
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_status = lines.value(0).split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                m_headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        data = m_buffer.mid(end + 4);
        m_buffer.clear();
        m_headDone = true;
        Q_EMIT headReceived();
    }
    if (data.isEmpty())
        return;
    m_body += data;
    const QList<SseEvent> events = m_parser.feed(data);
    if (!events.isEmpty()) {
        m_events += events;
        Q_EMIT eventsArrived();
    }
}

bool SseTestClient::waitForHead(int timeoutMs)
{
    if (m_headDone)
        return true;
    QSignalSpy spy(this, &SseTestClient::headReceived);
    return spy.wait(timeoutMs) || m_headDone;
}

bool SseTestClient::waitForEvents(qsizetype count, int timeoutMs)
{
    QSignalSpy spy(this, &SseTestClient::eventsArrived);
    QDeadlineTimer deadline(timeoutMs);
    while (m_events.size() < count && !deadline.hasExpired())
        spy.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    return m_events.size() >= count;
}

bool SseTestClient::waitForDisconnect(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    QSignalSpy spy(&m_socket, &QTcpSocket::disconnected);
    return spy.wait(timeoutMs) || m_socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace Endzone::Test
