#include "redisreply.h"

#include <hiredis/hiredis.h>

namespace Endzone {

namespace {

redisReplyObjectFunctions makeBoundedFunctions()
{
    // hiredis keeps its default functions private: copy them from a reader of its own.
    redisReader *probe = redisReaderCreate();
    redisReplyObjectFunctions functions = *probe->fn;
    redisReaderFree(probe);
    static const auto defaultCreateArray = functions.createArray;
    functions.createArray = [](const redisReadTask *task, int elements) -> void * {
        if (elements > RedisReply::MaxArrayElements)
            return nullptr; // hiredis turns this into a reader error, which drops the connection
        return defaultCreateArray(task, elements);
    };
    return functions;
}

} // namespace

redisReplyObjectFunctions *RedisReply::boundedReaderFunctions()
{
    static redisReplyObjectFunctions functions = makeBoundedFunctions();
    return &functions;
}

redisReader *RedisReply::createReader()
{
    return redisReaderCreateWithFunctions(boundedReaderFunctions());
}

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
