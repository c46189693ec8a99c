#include "postgresserver.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>
#include <QUuid>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Endzone::Test {

static const QString binDir = u"/usr/lib/postgresql/15/bin"_s;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString PostgresServer::unavailableReason()
{
    if (!QFile::exists(binDir + u"/initdb"_s))
        return u"PostgreSQL 15 server binaries are not installed (%1)"_s.arg(binDir);
    return {};
}

PostgresServer::PostgresServer()
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/endzone-pg-XXXXXX"_s);
    m_dataDir = m_dir->filePath(u"data"_s);
    m_port = freePort();
    if (geteuid() == 0) {
        // The folder must belong to the postgres user, and so must every parent it has to traverse.
        QFile::setPermissions(
            m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeOther | QFile::ReadOther);
        run({u"chown"_s, u"postgres:postgres"_s, m_dir->path()});
    }
    if (!run({binDir + u"/initdb"_s, u"-D"_s, m_dataDir, u"-A"_s, u"trust"_s, u"-U"_s, u"postgres"_s, u"-E"_s,
            u"UTF8"_s, u"--locale=C"_s}))
        return;
    QFile conf(m_dataDir + u"/postgresql.conf"_s);
    if (conf.open(QIODevice::WriteOnly | QIODevice::Append)) {
        conf.write(u"listen_addresses = '127.0.0.1'\nport = %1\nunix_socket_directories = '%2'\nfsync = off\n"
                   "max_connections = 100\n"_s.arg(m_port)
                       .arg(m_dir->path())
                       .toUtf8());
    }
    static_cast<void>(start()); // isRunning() tells the test
}

PostgresServer::~PostgresServer()
{
    stop();
}

bool PostgresServer::run(const QStringList &command)
{
    QStringList argv = command;
    if (geteuid() == 0 && command.first() != u"chown"_s)
        argv = QStringList {u"runuser"_s, u"-u"_s, u"postgres"_s, u"--"_s} + command;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(argv.takeFirst(), argv);
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        m_error = u"%1 failed: %2"_s.arg(command.join(u' '), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool PostgresServer::start()
{
    m_running = run({binDir + u"/pg_ctl"_s, u"-D"_s, m_dataDir, u"-l"_s, m_dir->filePath(u"log"_s), u"-w"_s, u"-t"_s,
        u"60"_s, u"-o"_s, u"-p %1 -k %2"_s.arg(m_port).arg(m_dir->path()), u"start"_s});
    if (!m_running) {
        QFile log(m_dir->filePath(u"log"_s));
        if (log.open(QIODevice::ReadOnly))
            m_error += QString::fromLocal8Bit(log.readAll());
    }
    return m_running;
}

void PostgresServer::stop()
{
    if (m_running)
        run({binDir + u"/pg_ctl"_s, u"-D"_s, m_dataDir, u"-m"_s, u"fast"_s, u"-w"_s, u"stop"_s});
    m_running = false;
}

bool PostgresServer::isRunning() const
{
    return m_running;
}

QString PostgresServer::createDatabase(const QString &name)
{
    const QString connection = u"pg-admin-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        auto db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(m_port);
        db.setUserName(u"postgres"_s);
        db.setDatabaseName(u"postgres"_s);
        if (!db.open()) {
            m_error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            query.exec(u"DROP DATABASE IF EXISTS %1"_s.arg(name));
            if (!query.exec(u"CREATE DATABASE %1"_s.arg(name)))
                m_error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return u"postgresql://postgres@127.0.0.1:%1/%2"_s.arg(m_port).arg(name);
}

} // namespace Endzone::Test
