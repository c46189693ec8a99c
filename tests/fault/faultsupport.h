#pragma once

#include <QByteArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class QTcpSocket;

namespace Endzone::Test {

// What a raw HTTP exchange ended in: a status line, the connection closed with no answer, or neither in time.
struct RawExchange
{
    int status = 0; // 0: no status line arrived
    bool closed = false; // the server closed the connection
    bool timedOut = false;
    QByteArray head;
};

// Sends `bytes` on a fresh loopback connection and reads until a complete response head arrived, the server
// closed the connection, or `timeoutMs` passed (then the test fails: a server must not leave a request hanging).
[[nodiscard]] RawExchange rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 10000);

// Row count and a SHA-256 over every column of every row of `games` (ordered by eid), read with its own
// connection: "the store is unchanged" means this is equal before and after.
struct StoreFingerprint
{
    int rows = -1;
    QByteArray digest;
    QString error;
    friend bool operator==(const StoreFingerprint &a, const StoreFingerprint &b)
    {
        return a.rows == b.rows && a.digest == b.digest;
    }
};
[[nodiscard]] StoreFingerprint storeFingerprint(const QString &storeUrl);

// An endzone-server child process (ENDZONE_BIN_DIR) with its output in a file, killed when destroyed.
class ServerProcess
{
public:
    ~ServerProcess();
    // Starts it with `arguments` (plus --listen 127.0.0.1:<free port> unless given) and waits until GET /api/
    // answers, bounded. With `waitUntilServing` false it returns once the process started.
    // `environment` is added to the test's own (e.g. QT_LOGGING_RULES to turn debug logs on).
    bool start(const QStringList &arguments, const QString &listen = {}, const QStringList &environment = {},
        bool waitUntilServing = true);
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QByteArray output() const; // stdout and stderr so far
    [[nodiscard]] qint64 pid() const { return m_process ? m_process->processId() : 0; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] int exitCode() const { return m_process ? m_process->exitCode() : -1; }
    // Waits (bounded) for it to exit by itself.
    bool waitForExit(int timeoutMs = 30000) { return m_process && m_process->waitForFinished(timeoutMs); }
    // Stops it with SIGTERM; true if it exited cleanly (status 0).
    bool terminate();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};

// A proxy on 127.0.0.1 in front of an HTTP server, for fault injection: reads each connection's request head
// and hands it to onHead(), which answers it itself, drops it, holds it, or relays it with forwardOnce().
class HeadProxy : public QTcpServer
{
public:
    explicit HeadProxy(quint16 upstream);
    [[nodiscard]] quint16 upstreamPort() const { return m_upstream; }
    [[nodiscard]] QUrl url() const; // http://127.0.0.1:<its port>

protected:
    void incomingConnection(qintptr handle) override;
    // Called once per connection, with the complete request head.
    virtual void onHead(QTcpSocket *client, const QByteArray &head) = 0;

private:
    quint16 m_upstream;
};

// A named Qt SQL connection of the test's own to the store at `storeUrl` (sqlite:// or postgresql://), set up
// but not opened; remove it with QSqlDatabase::removeDatabase(name) when done.
[[nodiscard]] QSqlDatabase addStoreConnection(const QString &storeUrl, const QString &name, bool readOnly = false);

// Relays one HTTP exchange from `client` (whose request head is `head`) to 127.0.0.1:`upstreamPort`, with
// `Connection: close` added to the request and the response: the client never sends a second request on
// that connection, so a fault-injecting proxy sees (and can route) every request. The upstream socket is a
// child of `client`.
void forwardOnce(QTcpSocket *client, QByteArray head, quint16 upstreamPort);

// Resident set size of a process, in KiB (from /proc/<pid>/status), or -1.
[[nodiscard]] qint64 residentKiB(qint64 pid);

} // namespace Endzone::Test
