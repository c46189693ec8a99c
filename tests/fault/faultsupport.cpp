#include "faultsupport.h"
#include "postgresserver.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace Endzone::Test {

RawExchange rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs)
{
    RawExchange result;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs)) {
        result.closed = true; // refused: the limit of connections, or a server that is gone
        return result;
    }
    socket.write(bytes);
    QByteArray received;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(qMin<qint64>(100, deadline.remainingTime()));
        if (socket.waitForReadyRead(qMin<qint64>(100, deadline.remainingTime())))
            received += socket.readAll();
        if (received.contains("\r\n\r\n") || socket.state() == QAbstractSocket::UnconnectedState)
            break;
        if (socket.error() == QAbstractSocket::RemoteHostClosedError)
            break;
    }
    received += socket.readAll();
    const qsizetype end = received.indexOf("\r\n\r\n");
    result.head = end >= 0 ? received.left(end) : received.left(512);
    if (received.startsWith("HTTP/1.")) {
        const QList<QByteArray> words = received.left(received.indexOf('\r')).split(' ');
        if (words.size() >= 2)
            result.status = words.at(1).toInt();
    }
    result.closed = socket.state() == QAbstractSocket::UnconnectedState
        || socket.error() == QAbstractSocket::RemoteHostClosedError;
    result.timedOut = result.status == 0 && !result.closed;
    socket.abort();
    return result;
}

QSqlDatabase addStoreConnection(const QString &storeUrl, const QString &name, bool readOnly)
{
    const QUrl url(storeUrl);
    QSqlDatabase db;
    if (url.scheme() == "sqlite"_L1) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(url.path());
        if (readOnly)
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    } else {
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    }
    return db;
}

HeadProxy::HeadProxy(quint16 upstream) : m_upstream(upstream)
{
    listen(QHostAddress::LocalHost, 0);
}

QUrl HeadProxy::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(serverPort());
    return url;
}

void HeadProxy::incomingConnection(qintptr handle)
{
    auto *client = new QTcpSocket(this);
    client->setSocketDescriptor(handle);
    auto head = std::make_shared<QByteArray>();
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    connect(client, &QTcpSocket::readyRead, client, [this, client, head] {
        if (client->property("routed").toBool())
            return;
        *head += client->readAll();
        if (!head->contains("\r\n\r\n"))
            return;
        client->setProperty("routed", true);
        onHead(client, *head);
    });
}

StoreFingerprint storeFingerprint(const QString &storeUrl)
{
    StoreFingerprint fingerprint;
    const QString name = u"fingerprint-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = addStoreConnection(storeUrl, name, true);
        if (!db.open()) {
            fingerprint.error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(u"SELECT * FROM games ORDER BY eid"_s)) {
                fingerprint.error = query.lastError().text();
            } else {
                QCryptographicHash hash(QCryptographicHash::Sha256);
                fingerprint.rows = 0;
                while (query.next()) {
                    ++fingerprint.rows;
                    for (int i = 0; i < query.record().count(); ++i) {
                        hash.addData(query.value(i).toString().toUtf8());
                        hash.addData(QByteArrayView("\x1f", 1));
                    }
                    hash.addData(QByteArrayView("\x1e", 1));
                }
                fingerprint.digest = hash.result().toHex();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return fingerprint;
}

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
}

bool ServerProcess::start(
    const QStringList &arguments, const QString &listen, const QStringList &environment, bool waitUntilServing)
{
    const QString binary = qEnvironmentVariable("ENDZONE_BIN_DIR") + u"/endzone-server"_s;
    if (!QFile::exists(binary)) {
        m_error = u"no %1"_s.arg(binary);
        return false;
    }
    QStringList all = arguments;
    if (listen.isEmpty()) {
        m_port = freePort();
        all << u"--listen"_s << u"127.0.0.1:%1"_s.arg(m_port);
    } else {
        m_port = quint16(listen.section(u':', -1).toUInt());
    }
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"ENDZONE_CONFIG"_s, m_dir.filePath(u"none.conf"_s));
    env.insert(u"QT_LOGGING_RULES"_s, u"endzone.*.debug=false"_s);
    for (const QString &assignment : environment)
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(u"server.log"_s));
    m_process->start(binary, all);
    if (!m_process->waitForStarted(10000)) {
        m_error = m_process->errorString();
        return false;
    }
    if (!waitUntilServing)
        return true;
    // Bounded: poll GET /api/ until it answers (a server under ASan starts slowly).
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            m_error = u"endzone-server exited: "_s + QString::fromUtf8(output());
            return false;
        }
        const RawExchange probe = rawExchange(m_port, "GET /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 2000);
        if (probe.status == 200)
            return true;
        QThread::msleep(50);
    }
    m_error = u"endzone-server did not answer: "_s + QString::fromUtf8(output());
    return false;
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray ServerProcess::output() const
{
    QFile file(m_dir.filePath(u"server.log"_s));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool ServerProcess::terminate()
{
    if (!isRunning())
        return false;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(30000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return false;
    }
    return m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void forwardOnce(QTcpSocket *client, QByteArray head, quint16 upstreamPort)
{
    head.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n");
    auto *upstream = new QTcpSocket(client);
    QObject::connect(upstream, &QTcpSocket::connected, upstream, [upstream, head] { upstream->write(head); });
    auto patched = std::make_shared<bool>(false);
    QObject::connect(upstream, &QTcpSocket::readyRead, client, [upstream, client, patched] {
        QByteArray data = upstream->readAll();
        if (!*patched && data.contains("\r\n")) {
            data.replace(data.indexOf("\r\n"), 2, "\r\nConnection: close\r\n");
            *patched = true;
        }
        client->write(data);
    });
    QObject::connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    upstream->connectToHost(QHostAddress::LocalHost, upstreamPort);
}

qint64 residentKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace Endzone::Test
