#pragma once

#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <chrono>
#include <functional>

struct redisAsyncContext;
struct redisReply;
class RedisQtAdapter;

namespace Endzone {

// One hiredis async connection driven by the Qt event loop, shared by RedisClient and RedisSubscriber.
// It owns the hiredis context and its RedisQtAdapter, authenticates and selects the database from the
// URL (`redis://[:password@]host[:port][/db]`), and reconnects after a failed connect or a lost
// connection with exponential backoff (100 ms doubling to 5 s). Signals are always emitted from the
// event loop, never from inside a hiredis callback, so receivers may do anything, deleting us included.
class RedisConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    // Called from inside hiredis for each reply to send(); `reply` is null when the connection went away
    // first. Must not delete the connection.
    using ReplyHandler = std::function<void(quint64 token, const redisReply *reply)>;

    explicit RedisConnection(QUrl url, QObject *parent = nullptr);
    ~RedisConnection() override;

    void setReplyHandler(ReplyHandler handler) { m_handler = std::move(handler); }
    // Starts connecting (and keeps reconnecting) unless already doing so.
    void open();

    [[nodiscard]] State state() const { return m_state; }
    // Counts established connections, so owners can tell a fresh connection from a stale signal.
    [[nodiscard]] quint64 generation() const { return m_generation; }
    // host:port, never the password.
    [[nodiscard]] QString endpoint() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }
    // "Redis at host:port is unavailable: <why>", for commands issued while not connected.
    [[nodiscard]] QString unavailableMessage() const;

    // Queues a command; the reply goes to the handler with `token`. False unless Connected.
    bool send(const QList<QByteArray> &args, quint64 token);
    // Closes the current connection (failing what is outstanding) and reconnects after the backoff.
    void drop(const QString &reason);

    void setConnectTimeout(std::chrono::milliseconds timeout) { m_connectTimer.setInterval(timeout); }

Q_SIGNALS:
    void stateChanged(Endzone::RedisConnection::State state);
    // Authenticated and on the right database: commands may be sent.
    void connected();

private:
    static void onConnectCallback(const redisAsyncContext *ac, int status);
    static void onDisconnectCallback(const redisAsyncContext *ac, int status);
    static void onReplyCallback(redisAsyncContext *ac, void *reply, void *privdata);

    void connectNow();
    void connectTo(const QString &address);
    void handleConnected();
    void handleConnectFailed(const QString &error);
    void handleDisconnected(const QString &error);
    void handleHandshakeReply(quint64 token, const redisReply *reply);
    void closeContext();
    void detachAdapter(redisAsyncContext *ac);
    void failOutstanding();
    void scheduleReconnect(const QString &error);
    void setState(State state);

    QUrl m_url;
    QString m_host;
    int m_port = 6379;
    int m_database = 0;
    QByteArray m_user;
    QByteArray m_password;
    bool m_valid = false;
    bool m_open = false;

    redisAsyncContext *m_ctx = nullptr;
    RedisQtAdapter *m_adapter = nullptr;
    ReplyHandler m_handler;
    QSet<quint64> m_outstanding;
    QTimer m_reconnectTimer;
    QTimer m_connectTimer;
    std::chrono::milliseconds m_backoff;
    int m_lookupId = -1;
    quint64 m_generation = 0;
    State m_state = State::Disconnected;
    QString m_lastError;
    bool m_failureLogged = false;
};

} // namespace Endzone
