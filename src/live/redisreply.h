#pragma once

#include <QByteArray>
#include <QList>

struct redisReply;

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
};

} // namespace Endzone
