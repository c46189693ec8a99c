#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace Endzone::Test {

// A throwaway PostgreSQL server for one test: initdb into a temporary folder, listening on 127.0.0.1 on a
// free port, run as the `postgres` user when the test runs as root (PostgreSQL refuses to run as root).
// stop() and start() let a test take the database away and bring it back on the same port.
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer();

    // Empty when the server binaries are missing; then tests QSKIP with this reason.
    [[nodiscard]] static QString unavailableReason();
    [[nodiscard]] bool start();
    void stop();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    // A fresh database on this server, returned as a store URL.
    [[nodiscard]] QString createDatabase(const QString &name);
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    bool run(const QStringList &command);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    quint16 m_port = 0;
    QString m_error;
    bool m_running = false;
};

// A free TCP port on 127.0.0.1 (bound and released: good enough for a test's own server).
[[nodiscard]] quint16 freePort();

} // namespace Endzone::Test
