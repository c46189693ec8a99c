#include "redisclient.h"

#include "logging.h"
#include "redispendingreply.h"

#include <QCoroSignal>

#include <hiredis/hiredis.h>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {
// Renews a lease only for its holder, atomically.
constexpr auto ExtendIfOwnerScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
                                     "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
constexpr auto DeleteIfOwnerScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
                                     "return redis.call('DEL', KEYS[1]) else return 0 end";
// Appends to a stream only for the holder of a lease: the check and the XADD are one atomic step, so a
// deposed leader (a long GC pause, a partition) can never write after its lease went to another process.
constexpr auto FencedAppendScript = "if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end "
                                    "return redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'payload', "
                                    "ARGV[3])";

QByteArray milliseconds(std::chrono::milliseconds ms)
{
    return QByteArray::number(qint64(std::max<qint64>(ms.count(), 1)));
}

template<typename T>
Result<T> unexpected(const RedisReply &reply)
{
    return Result<T>::failure(u"Unexpected Redis reply of type %1"_s.arg(int(reply.type)));
}
} // namespace

RedisClient::RedisClient(QUrl url, QObject *parent)
    : QObject(parent), m_connection(new RedisConnection(std::move(url), this))
{
    m_connection->setReplyHandler([this](quint64 token, const redisReply *reply) { handleReply(token, reply); });
    connect(m_connection, &RedisConnection::stateChanged, this, &RedisClient::stateChanged);
    m_connection->open();
}

RedisClient::~RedisClient()
{
    m_connection->setReplyHandler(nullptr);
    for (const QPointer<RedisPendingReply> &pending : std::as_const(m_pending)) {
        if (pending) {
            pending->finish(Result<RedisReply>::failure(u"Redis client destroyed"_s));
        }
    }
}

RedisClient::State RedisClient::state() const
{
    return m_connection->state();
}

QString RedisClient::endpoint() const
{
    return m_connection->endpoint();
}

QString RedisClient::lastError() const
{
    return m_connection->lastError();
}

void RedisClient::handleReply(quint64 token, const redisReply *reply)
{
    const QPointer<RedisPendingReply> pending = m_pending.take(token);
    if (!pending) {
        return; // timed out earlier
    }
    if (!reply) {
        pending->finish(
            Result<RedisReply>::failure(u"Redis at %1 closed the connection before replying"_s.arg(endpoint())));
        return;
    }
    pending->finish(RedisReply::fromHiredis(reply));
}

QCoro::Task<Result<RedisReply>> RedisClient::command(QList<QByteArray> args)
{
    QPointer<RedisClient> self(this);
    const auto timeout = m_commandTimeout;
    if (m_connection->state() == State::Connecting) {
        // The first connect (or a reconnect) is under way: wait for it, within the command's time budget.
        RedisPendingReply gate(timeout, QString());
        connect(m_connection, &RedisConnection::stateChanged, &gate, [&gate](State state) {
            if (state != State::Connecting) {
                gate.finish(RedisReply {});
            }
        });
        co_await qCoro(&gate, &RedisPendingReply::done);
        if (!self) {
            co_return Result<RedisReply>::failure(u"Redis client destroyed"_s);
        }
    }
    if (m_connection->state() != State::Connected) {
        co_return Result<RedisReply>::failure(m_connection->unavailableMessage());
    }

    const quint64 token = ++m_nextToken;
    auto pending = std::make_unique<RedisPendingReply>(timeout, u"Redis command timed out"_s);
    m_pending.insert(token, pending.get());
    if (!m_connection->send(args, token)) {
        m_pending.remove(token);
        co_return Result<RedisReply>::failure(m_connection->unavailableMessage());
    }
    co_await qCoro(pending.get(), &RedisPendingReply::done);
    if (!self) {
        co_return Result<RedisReply>::failure(u"Redis client destroyed"_s);
    }
    m_pending.remove(token);
    if (pending->timedOut()) {
        // A Redis that cannot answer a small command in time is wedged (or the link is): reconnect, so the
        // next commands fail fast instead of each waiting out the timeout.
        qCWarning(lcLive).noquote() << "Redis at" << endpoint() << "did not answer" << args.constFirst() << "within"
                                    << timeout.count() << "ms";
        m_connection->drop(u"command timed out"_s);
    }
    auto result = pending->takeResult();
    if (result && result.value().isError()) {
        co_return Result<RedisReply>::failure(
            u"Redis at %1 replied: %2"_s.arg(endpoint(), QString::fromUtf8(result.value().string)));
    }
    co_return result;
}

QCoro::Task<Result<std::optional<QByteArray>>> RedisClient::get(QByteArray key)
{
    // The arguments live in a variable: GCC 12 rejects string literals in a braced list inside co_await.
    QList<QByteArray> args {"GET", key};
    const auto reply = co_await command(std::move(args));
    using R = Result<std::optional<QByteArray>>;
    if (!reply) {
        co_return R::failure(reply.error());
    }
    if (reply.value().isNil()) {
        co_return R(std::nullopt);
    }
    if (reply.value().type != RedisReply::Type::String) {
        co_return unexpected<std::optional<QByteArray>>(reply.value());
    }
    co_return R(reply.value().string);
}

QCoro::Task<Result<Done>> RedisClient::set(QByteArray key, QByteArray value, std::chrono::milliseconds ttl)
{
    QList<QByteArray> args {"SET", key, value};
    if (ttl.count() > 0) {
        args << "PX" << milliseconds(ttl);
    }
    const auto reply = co_await command(std::move(args));
    if (!reply) {
        co_return Result<Done>::failure(reply.error());
    }
    co_return Done {};
}

QCoro::Task<Result<qint64>> RedisClient::publish(QByteArray channel, QByteArray payload)
{
    QList<QByteArray> args {"PUBLISH", channel, payload};
    const auto reply = co_await command(std::move(args));
    if (!reply) {
        co_return Result<qint64>::failure(reply.error());
    }
    if (reply.value().type != RedisReply::Type::Integer) {
        co_return unexpected<qint64>(reply.value());
    }
    co_return reply.value().integer;
}

QCoro::Task<Result<bool>> RedisClient::setIfAbsent(QByteArray key, QByteArray value, std::chrono::milliseconds ttl)
{
    QList<QByteArray> args {"SET", key, value, "NX", "PX", milliseconds(ttl)};
    const auto reply = co_await command(std::move(args));
    if (!reply) {
        co_return Result<bool>::failure(reply.error());
    }
    // "OK" when set, nil when the key already exists.
    co_return reply.value().type == RedisReply::Type::Status;
}

QCoro::Task<Result<bool>> RedisClient::extendIfOwner(QByteArray key, QByteArray value, std::chrono::milliseconds ttl)
{
    QList<QByteArray> args {"EVAL", ExtendIfOwnerScript, "1", key, value, milliseconds(ttl)};
    const auto reply = co_await command(std::move(args));
    if (!reply) {
        co_return Result<bool>::failure(reply.error());
    }
    if (reply.value().type != RedisReply::Type::Integer) {
        co_return unexpected<bool>(reply.value());
    }
    co_return reply.value().integer == 1;
}

QCoro::Task<Result<QByteArray>> RedisClient::appendToStream(
    QByteArray stream, QByteArray payload, int maxLength, QByteArray fenceKey, QByteArray fenceToken)
{
    const QByteArray max = QByteArray::number(qMax(1, maxLength));
    QList<QByteArray> args = fenceKey.isEmpty()
        ? QList<QByteArray> {"XADD", stream, "MAXLEN", "~", max, "*", "payload", payload}
        : QList<QByteArray> {"EVAL", FencedAppendScript, "2", stream, fenceKey, fenceToken, max, payload};
    const auto reply = co_await command(std::move(args));
    if (!reply)
        co_return Result<QByteArray>::failure(reply.error());
    if (reply.value().type == RedisReply::Type::Integer)
        co_return Result<QByteArray>::failure(QString::fromLatin1(NotLeaderError));
    if (reply.value().type != RedisReply::Type::String && reply.value().type != RedisReply::Type::Status)
        co_return unexpected<QByteArray>(reply.value());
    co_return reply.value().string;
}

QCoro::Task<Result<bool>> RedisClient::deleteIfOwner(QByteArray key, QByteArray value)
{
    QList<QByteArray> args {"EVAL", DeleteIfOwnerScript, "1", key, value};
    const auto reply = co_await command(std::move(args));
    if (!reply) {
        co_return Result<bool>::failure(reply.error());
    }
    if (reply.value().type != RedisReply::Type::Integer) {
        co_return unexpected<bool>(reply.value());
    }
    co_return reply.value().integer == 1;
}

QCoro::Task<Result<bool>> RedisClient::del(QByteArray key)
{
    QList<QByteArray> args {"DEL", key};
    const auto reply = co_await command(std::move(args));
    if (!reply) {
        co_return Result<bool>::failure(reply.error());
    }
    if (reply.value().type != RedisReply::Type::Integer) {
        co_return unexpected<bool>(reply.value());
    }
    co_return reply.value().integer > 0;
}

} // namespace Endzone
