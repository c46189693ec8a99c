#pragma once

#include "game.h"

#include <QByteArray>

namespace Endzone::RedisKeys {

// Where a week's JSON body is cached in Redis: `scores:week:YEAR:TYPE:WEEK`, the original's key
// (scores:week:2015:REG:12). The API writes it (WeekCache); a desktop app on the live channel reads it to
// catch up on what the channel lost.
[[nodiscard]] inline QByteArray week(const WeekKey &key)
{
    return "scores:week:" + QByteArray::number(key.season) + ':' + seasonTypeCode(key.type).toLatin1() + ':'
        + QByteArray::number(key.week);
}

} // namespace Endzone::RedisKeys
