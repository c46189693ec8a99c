#include "redisstreamreader.h"

#include "logging.h"
#include "redisreply.h"
#include "streamid.h"

#include <QMetaObject>

#include <hiredis/hiredis.h>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

RedisStreamReader::RedisStreamReader(QUrl url, Options options, QObject *parent)
    : QObject(parent), m_connection(new RedisConnection(std::move(url), this)), m_options(std::move(options))
{
    m_connection->setReplyHandler([this](quint64 token, const redisReply *reply) { handleReply(token, reply); });
    connect(m_connection, &RedisConnection::connected, this, &RedisStreamReader::start);
    connect(m_connection, &RedisConnection::stateChanged, this, [this] {
        // Connected is ours to announce, once the first read is on its way.
        if (m_connection->state() != State::Connected)
            setState(m_connection->state());
    });
    m_connection->open();
    m_state = m_connection->state();
}

RedisStreamReader::~RedisStreamReader()
{
    m_connection->setReplyHandler(nullptr);
}

void RedisStreamReader::send(const QList<QByteArray> &args)
{
    if (!m_connection->send(args, ++m_token))
        m_connection->drop(u"cannot send %1"_s.arg(QString::fromLatin1(args.constFirst())));
}

void RedisStreamReader::start()
{
    // connected() is queued: act once per connection, and only if that connection is still up.
    if (m_connection->state() != State::Connected || m_startedGeneration == m_connection->generation())
        return;
    m_startedGeneration = m_connection->generation();
    setState(State::Connected);
    if (!m_lastId.isEmpty()) {
        qCInfo(lcLive).noquote() << "reading stream" << m_options.stream << "again from" << m_lastId;
        m_checkingGap = true;
        send({"XINFO", "STREAM", m_options.stream});
        return;
    }
    // The newest entry tells where to follow from even when nothing is to be replayed.
    m_backfilling = true;
    send({"XREVRANGE", m_options.stream, "+", "-", "COUNT", QByteArray::number(qMax(1, m_options.backfill))});
}

void RedisStreamReader::readNext()
{
    send({"XREAD", "COUNT", QByteArray::number(qMax(1, m_options.batch)), "BLOCK",
        QByteArray::number(qint64(m_options.block.count())), "STREAMS", m_options.stream, m_lastId});
}

void RedisStreamReader::handleReply(quint64 token, const redisReply *reply)
{
    if (token != m_token || !reply)
        return; // a null reply means the connection is gone; its state change follows
    const RedisReply r = RedisReply::fromHiredis(reply);
    if (m_checkingGap) {
        handleInfo(r); // an error here (no such key: Redis restarted empty) means nothing was trimmed
        return;
    }
    if (r.isError()) {
        // WRONGTYPE (the key is not a stream), a misconfigured ACL...: nothing to do but retry after a backoff.
        qCWarning(lcLive).noquote() << "cannot read stream" << m_options.stream << ":" << QString::fromUtf8(r.string);
        m_connection->drop(QString::fromUtf8(r.string));
        return;
    }
    if (m_backfilling)
        handleBackfill(r);
    else
        handleRead(r);
}

void RedisStreamReader::handleBackfill(const RedisReply &reply)
{
    m_backfilling = false;
    m_lastId = "0-0"; // an empty stream: follow from its first entry
    if (reply.type == RedisReply::Type::Array && !reply.elements.isEmpty()) {
        // Newest first; with no backfill asked for, the one entry only says where to follow from.
        const int count = m_options.backfill > 0 ? int(reply.elements.size()) : 0;
        for (int i = count - 1; i >= 0; --i)
            deliver(reply.elements.at(i), true);
        if (const RedisReply &newest = reply.elements.constFirst(); !newest.elements.isEmpty())
            m_lastId = newest.elements.constFirst().string;
    }
    QMetaObject::invokeMethod(this, &RedisStreamReader::backfilled, Qt::QueuedConnection); // after the entries
    readNext();
}

void RedisStreamReader::handleInfo(const RedisReply &reply)
{
    // Trimming does not move max-deleted-entry-id (only XDEL does), so: entries were trimmed past what we read
    // when the oldest entry left is newer than our last one and the stream has lost entries at all
    // (entries-added > length). A stream that started again empty after a Redis restart has lost none.
    m_checkingGap = false;
    std::optional<StreamId> first;
    qint64 length = -1;
    qint64 added = -1;
    for (qsizetype i = 0; reply.type == RedisReply::Type::Array && i + 1 < reply.elements.size(); i += 2) {
        const QByteArray &field = reply.elements.at(i).string;
        const RedisReply &value = reply.elements.at(i + 1);
        if (field == "length")
            length = value.integer;
        else if (field == "entries-added")
            added = value.integer;
        else if (field == "first-entry" && !value.elements.isEmpty())
            first = StreamId::parse(value.elements.constFirst().string);
    }
    const auto last = StreamId::parse(m_lastId);
    if (last && first && *first > *last && length >= 0 && added > length) {
        qCWarning(lcLive).noquote() << "stream" << m_options.stream << "was trimmed past" << m_lastId
                                    << "while this reader was away (oldest entry now" << first->toByteArray()
                                    << "): resyncing";
        QMetaObject::invokeMethod(this, &RedisStreamReader::gapDetected, Qt::QueuedConnection);
    }
    readNext();
}

void RedisStreamReader::handleRead(const RedisReply &reply)
{
    // Nil: BLOCK timed out with nothing new. Else [[stream, [[id, [field, value, ...]], ...]]].
    if (reply.type == RedisReply::Type::Array) {
        for (const RedisReply &stream : reply.elements) {
            if (stream.elements.size() < 2)
                continue;
            for (const RedisReply &entry : stream.elements.at(1).elements)
                deliver(entry, false);
        }
    }
    readNext();
}

void RedisStreamReader::deliver(const RedisReply &entry, bool backfilled)
{
    if (entry.type != RedisReply::Type::Array || entry.elements.size() < 2 || entry.elements.at(0).string.isEmpty())
        return;
    const QByteArray id = entry.elements.at(0).string;
    m_lastId = id;
    const QList<RedisReply> &fields = entry.elements.at(1).elements;
    QByteArray payload;
    bool found = false;
    for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
        if (fields.at(i).string == "payload") {
            payload = fields.at(i + 1).string;
            found = true;
            break;
        }
    }
    if (!found || payload.isEmpty()) {
        ++m_skipped;
        qCWarning(lcLive).noquote() << "skipped stream entry" << id << "of" << m_options.stream
                                    << "without a payload field (a foreign publisher?)";
        return;
    }
    // Queued, like every signal of ours, so a receiver never runs inside hiredis.
    QMetaObject::invokeMethod(
        this, [this, id, payload, backfilled] { Q_EMIT entryReceived(id, payload, backfilled); }, Qt::QueuedConnection);
}

void RedisStreamReader::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    QMetaObject::invokeMethod(
        this, [this, state] { Q_EMIT stateChanged(state); }, Qt::QueuedConnection);
}

} // namespace Endzone
