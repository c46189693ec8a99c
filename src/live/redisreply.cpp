#include "redisreply.h"

#include <hiredis/hiredis.h>

namespace Endzone {

RedisReply RedisReply::fromHiredis(const redisReply *reply)
{
    RedisReply result;
    if (!reply) {
        return result;
    }
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        result.type = Type::String;
        result.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_STATUS:
        result.type = Type::Status;
        result.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        result.type = Type::Error;
        result.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        result.type = Type::Integer;
        result.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        result.type = Type::Array;
        result.elements.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i) {
            result.elements.append(fromHiredis(reply->element[i]));
        }
        break;
    default:
        break; // REDIS_REPLY_NIL
    }
    return result;
}

} // namespace Endzone
