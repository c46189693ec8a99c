#pragma once

#include "sseevent.h"
#include "sseparser.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

namespace Endzone {

// A Server-Sent Events client (what a browser's EventSource does) over QNetworkAccessManager: reads the
// stream incrementally, reconnects by itself after errors or end of stream (honouring `retry:` and
// sending Last-Event-ID so the server can replay what was missed), and treats a silent connection as
// dead after idleTimeout() (servers send comment heartbeats well within it).
class SseStream : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Connecting, Open, Reconnecting };
    Q_ENUM(State)

    // Uses `network` if given (it must outlive the stream), else a private QNetworkAccessManager.
    explicit SseStream(QUrl url, QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~SseStream() override;

    void start();
    void stop();

    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QByteArray lastEventId() const { return m_parser.lastEventId(); }
    [[nodiscard]] QString errorString() const { return m_error; }

    // The delay before reconnecting until the server sends `retry:` (default 3 s, as browsers use).
    void setReconnectDelay(std::chrono::milliseconds delay) { m_baseDelay = delay; }
    [[nodiscard]] std::chrono::milliseconds reconnectDelay() const { return m_baseDelay; }
    // Consecutive failed attempts double the delay, up to this cap (default 60 s).
    void setMaxReconnectDelay(std::chrono::milliseconds delay) { m_maxDelay = delay; }
    void setIdleTimeout(std::chrono::milliseconds timeout);
    [[nodiscard]] std::chrono::milliseconds idleTimeout() const;

Q_SIGNALS:
    void eventReceived(const Endzone::SseEvent &event);
    void stateChanged(Endzone::SseStream::State state);
    // A connection attempt or an open stream failed; the stream reconnects by itself unless stopped.
    void errorOccurred(const QString &message);

private:
    void connectNow();
    void onMetaDataChanged();
    void onReadyRead();
    void onFinished();
    void onIdle();
    void fail(const QString &message);
    void scheduleReconnect();
    void dropReply();
    void setState(State state);

    QUrl m_url;
    QPointer<QNetworkAccessManager> m_network;
    QPointer<QNetworkReply> m_reply;
    SseParser m_parser;
    QTimer m_reconnectTimer;
    QTimer m_idleTimer;
    QString m_error;
    QString m_rejection; // why the current response is not an event stream; reported when it finishes
    std::chrono::milliseconds m_baseDelay {3000};
    std::chrono::milliseconds m_maxDelay {60000};
    int m_failures = 0;
    State m_state = State::Closed;
    bool m_validated = false; // the current response passed the status and content-type checks
};

} // namespace Endzone
