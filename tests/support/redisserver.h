#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace Endzone::Test {

// A real, throwaway redis-server on 127.0.0.1 for tests: a free port, no persistence, its working
// directory in a temporary folder. kill() is a SIGKILL (a crash, not a clean shutdown) and restart()
// comes back on the same port, so clients can prove that they reconnect by themselves.
class RedisServer
{
public:
    // Extra redis-server arguments, e.g. {u"--requirepass"_s, u"secret"_s}.
    explicit RedisServer(QStringList extraArguments = {});
    ~RedisServer();
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    [[nodiscard]] static QString executable();
    [[nodiscard]] static bool isAvailable();

    // Starts the server and waits (bounded) until it answers PING. False, with errorString(), if not.
    bool start();
    // start() for a test function (initTestCase() for one server shared by a test class): skips the test where
    // redis-server is not installed, fails it where the server does not start. On false the caller returns.
    [[nodiscard]] bool startOrSkip();
    bool kill();
    bool restart();
    void stop();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    // redis://127.0.0.1:<port>/<database>
    [[nodiscard]] QUrl url(int database = 0) const;
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    bool launch();
    bool waitUntilAnswering();

    QStringList m_extraArguments;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace Endzone::Test
