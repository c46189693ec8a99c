#include "redisserver.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace Endzone::Test {

namespace {
quint16 freePort()
{
    // Ask the kernel for a free port; redis-server binds it right after (SO_REUSEADDR on its side).
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    return probe.serverPort();
}
} // namespace

RedisServer::RedisServer(QStringList extraArguments) : m_extraArguments(std::move(extraArguments))
{
}

RedisServer::~RedisServer()
{
    stop();
}

QString RedisServer::executable()
{
    if (QFileInfo::exists(u"/usr/bin/redis-server"_s)) {
        return u"/usr/bin/redis-server"_s;
    }
    return QStandardPaths::findExecutable(u"redis-server"_s);
}

bool RedisServer::isAvailable()
{
    return !executable().isEmpty();
}

bool RedisServer::start()
{
    if (isRunning()) {
        return true;
    }
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary directory"_s;
        return false;
    }
    m_port = freePort();
    if (m_port == 0) {
        m_error = u"no free port"_s;
        return false;
    }
    return launch();
}

bool RedisServer::startOrSkip()
{
    if (!isAvailable()) {
        QTest::qSkip("redis-server is not installed", __FILE__, __LINE__);
        return false;
    }
    if (!start()) {
        QTest::qFail(qPrintable(m_error), __FILE__, __LINE__);
        return false;
    }
    return true;
}

bool RedisServer::launch()
{
    if (!isAvailable()) {
        m_error = u"redis-server not found"_s;
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setStandardOutputFile(m_dir.filePath(u"redis.log"_s));
    m_process->setWorkingDirectory(m_dir.path());
    QStringList arguments {u"--port"_s, QString::number(m_port), u"--bind"_s, u"127.0.0.1"_s, u"--save"_s, QString(),
        u"--appendonly"_s, u"no"_s, u"--dir"_s, m_dir.path(), u"--daemonize"_s, u"no"_s, u"--loglevel"_s, u"warning"_s};
    arguments += m_extraArguments;
    m_process->start(executable(), arguments);
    if (!m_process->waitForStarted(5000)) {
        m_error = u"cannot start redis-server: %1"_s.arg(m_process->errorString());
        return false;
    }
    return waitUntilAnswering();
}

bool RedisServer::waitUntilAnswering()
{
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            m_error = u"redis-server exited with code %1 (see %2)"_s.arg(
                QString::number(m_process->exitCode()), m_dir.filePath(u"redis.log"_s));
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(500)) {
            socket.write("PING\r\n");
            // "+PONG", or "-NOAUTH ..." when a password is required: either way it is serving.
            if (socket.waitForBytesWritten(500) && socket.waitForReadyRead(1000)) {
                const QByteArray answer = socket.readAll();
                if (answer.startsWith('+') || answer.startsWith('-')) {
                    return true;
                }
            }
        }
        QThread::msleep(20);
    }
    m_error = u"redis-server on port %1 did not answer PING within 10 s"_s.arg(m_port);
    return false;
}

bool RedisServer::kill()
{
    if (!isRunning()) {
        return false;
    }
    m_process->kill(); // SIGKILL
    return m_process->waitForFinished(5000);
}

bool RedisServer::restart()
{
    if (isRunning() && !kill()) {
        return false;
    }
    return launch();
}

void RedisServer::stop()
{
    if (isRunning()) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
}

bool RedisServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl RedisServer::url(int database) const
{
    QUrl url;
    url.setScheme(u"redis"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    url.setPath(u"/"_s + QString::number(database));
    return url;
}

} // namespace Endzone::Test
