#pragma once

#include <QByteArray>
#include <QList>

struct redisReply;
struct redisReader;
struct redisReplyObjectFunctions;

namespace Endzone {

// A Redis reply copied out of hiredis, so it can outlive the callback that delivered it.
struct RedisReply
{
    enum class Type { Nil, String, Status, Error, Integer, Array };

    Type type = Type::Nil;
    QByteArray string; // String, Status and Error
    qint64 integer = 0;
    QList<RedisReply> elements;

    [[nodiscard]] bool isError() const { return type == Type::Error; }
    [[nodiscard]] bool isNil() const { return type == Type::Nil; }
    static RedisReply fromHiredis(const redisReply *reply);

    // hiredis 0.14 allocates an array reply's element table from the count in its header before any element
    // arrives, so one "*1444444444\r\n" from a rogue server costs 11 GB (found by fuzzing). Replies with more
    // elements than this are a protocol error instead: the connection is dropped and re-established.
    static constexpr int MaxArrayElements = 1 << 20;
    // hiredis's own reply functions with that bound; install on every reader (redisReader::fn).
    [[nodiscard]] static redisReplyObjectFunctions *boundedReaderFunctions();
    // A standalone reader using them (the fuzz target's; the caller frees it with redisReaderFree).
    [[nodiscard]] static redisReader *createReader();
};

} // namespace Endzone
