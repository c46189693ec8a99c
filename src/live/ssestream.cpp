#include "ssestream.h"

#include "logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Endzone {

SseStream::SseStream(QUrl url, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_url(std::move(url)), m_network(network ? network : new QNetworkAccessManager(this))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SseStream::connectNow);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(45s);
    connect(&m_idleTimer, &QTimer::timeout, this, &SseStream::onIdle);
}

SseStream::~SseStream()
{
    dropReply();
}

void SseStream::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimer.setInterval(timeout);
}

std::chrono::milliseconds SseStream::idleTimeout() const
{
    return m_idleTimer.intervalAsDuration();
}

void SseStream::start()
{
    if (m_state != State::Closed) {
        return;
    }
    m_failures = 0;
    connectNow();
}

void SseStream::stop()
{
    m_reconnectTimer.stop();
    m_idleTimer.stop();
    dropReply();
    setState(State::Closed);
}

void SseStream::connectNow()
{
    dropReply();
    if (!m_network) {
        fail(u"No network access manager"_s);
        return;
    }
    m_parser.reset();
    m_validated = false;
    m_rejection.clear();
    setState(m_state == State::Closed ? State::Connecting : State::Reconnecting);

    QNetworkRequest request(m_url);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (!m_parser.lastEventId().isEmpty()) {
        request.setRawHeader("Last-Event-ID", m_parser.lastEventId());
    }
    qCDebug(lcLive).noquote() << "SSE connecting to" << m_url.toDisplayString(QUrl::RemoveUserInfo) << "last event id"
                              << m_parser.lastEventId();
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &SseStream::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &SseStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &SseStream::onFinished);
    // The watchdog also bounds the connect and the wait for response headers.
    m_idleTimer.start();
}

void SseStream::onMetaDataChanged()
{
    if (!m_reply || m_validated || !m_rejection.isEmpty()) {
        return;
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        return; // no headers yet
    }
    if (status == 204) {
        // The spec's way for a server to tell clients to stop reconnecting.
        qCInfo(lcLive).noquote() << "SSE server at" << m_url.toDisplayString(QUrl::RemoveUserInfo)
                                 << "answered 204, closing";
        m_error = u"Server closed the event stream (204 No Content)"_s;
        stop();
        return;
    }
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (status != 200 || !type.trimmed().toLower().startsWith("text/event-stream")) {
        // EventSource would give up here; a scoreboard keeps retrying (with backoff), since a proxy answers
        // 502 while the server restarts. The (small) error body is read to its end first: aborting a reply
        // that Qt has already failed makes it report the error twice.
        m_rejection = u"Unexpected response from %1: HTTP %2, Content-Type \"%3\""_s.arg(
            m_url.toDisplayString(QUrl::RemoveUserInfo), QString::number(status), QString::fromLatin1(type));
        return;
    }
    m_validated = true;
    m_failures = 0;
    m_error.clear();
    m_idleTimer.start();
    setState(State::Open);
}

void SseStream::onReadyRead()
{
    QNetworkReply *reply = m_reply;
    if (!reply) {
        return;
    }
    if (!m_validated) {
        onMetaDataChanged();
        if (m_reply != reply) {
            return;
        }
        if (!m_validated) {
            reply->readAll(); // a rejected response's body: discarded, and no proof of a live stream
            return;
        }
    }
    m_idleTimer.start(); // any bytes, heartbeat comments included, prove the connection alive
    const QByteArray chunk = reply->readAll();
    const QList<SseEvent> events = m_parser.feed(chunk);
    if (const auto retry = m_parser.retryMs()) {
        m_baseDelay = std::chrono::milliseconds(*retry);
    }
    for (const SseEvent &event : events) {
        Q_EMIT eventReceived(event);
        if (m_reply != reply) {
            return; // a receiver stopped or restarted the stream
        }
    }
    if (m_parser.hasError()) {
        fail(m_parser.errorString());
    }
}

void SseStream::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply) {
        return;
    }
    if (m_rejection.isEmpty() && !m_validated) {
        onMetaDataChanged();
    }
    if (!m_rejection.isEmpty()) {
        fail(m_rejection);
        return;
    }
    if (reply->bytesAvailable() > 0) {
        onReadyRead();
        if (m_reply != reply) {
            return;
        }
    }
    if (reply->error() != QNetworkReply::NoError && reply->error() != QNetworkReply::OperationCanceledError) {
        fail(u"Event stream from %1 failed: %2"_s.arg(
            m_url.toDisplayString(QUrl::RemoveUserInfo), reply->errorString()));
    } else {
        fail(u"Event stream from %1 ended"_s.arg(m_url.toDisplayString(QUrl::RemoveUserInfo)));
    }
}

void SseStream::onIdle()
{
    if (!m_reply) {
        return;
    }
    fail(u"No data from %1 for %2 ms, reconnecting"_s.arg(
        m_url.toDisplayString(QUrl::RemoveUserInfo), QString::number(m_idleTimer.interval())));
}

void SseStream::fail(const QString &message)
{
    dropReply();
    m_idleTimer.stop();
    m_error = message;
    qCInfo(lcLive).noquote() << message;
    Q_EMIT errorOccurred(message);
    if (m_state == State::Closed) {
        return; // stopped from a slot connected to errorOccurred
    }
    scheduleReconnect();
}

void SseStream::scheduleReconnect()
{
    // The first retry waits the server's (or the default) delay; each further failure without reaching an
    // open stream doubles it, up to the cap.
    auto delay = m_baseDelay;
    for (int i = 0; i < m_failures && delay < m_maxDelay; ++i) {
        delay *= 2;
    }
    delay = std::min(delay, std::max(m_maxDelay, m_baseDelay));
    ++m_failures;
    setState(State::Reconnecting);
    m_reconnectTimer.start(delay);
}

void SseStream::dropReply()
{
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void SseStream::setState(State state)
{
    if (m_state == state) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Endzone
