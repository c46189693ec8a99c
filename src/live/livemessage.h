#pragma once

#include "game.h"
#include "scorestripparser.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace Endzone {

// The one live protocol: what travels on the LiveBus and on the SSE stream, encoded and decoded here only.
// What travels on the LiveBus. The watcher publishes a week envelope:
//   {"endzone":"week","season":2015,"season_type":"REG","week":12,"games":[...],"changed":["2015113000"]}
// and every process turns it into one `event: update` (the week's JSON list, as GET /api/season serves it)
// plus one `event: game` per changed game. Any other payload (the original publisher's bare JSON list, a
// load generator's probe) is relayed verbatim as one `event: update`, as the original did.
struct LiveMessage
{
    std::optional<WeekKey> key; // set for envelopes
    QByteArray weekJson; // the update event's data: compact JSON list, or the raw payload
    QList<QByteArray> changedGames; // compact Game::toJson of each changed game

    [[nodiscard]] static LiveMessage fromWeek(const WeekKey &key, const QList<Game> &games, const QList<Game> &changed);
    // Never fails: what is not an envelope is a raw message.
    [[nodiscard]] static LiveMessage decode(const QByteArray &payload);
    [[nodiscard]] QByteArray encode() const;

    // The weeks of games a payload carries, for a store: the LiveBus week envelope, the API's SSE `update`
    // data (a JSON list of games) or an SSE `game` event (one game object), grouped by week. Anything
    // unreadable yields nothing.
    [[nodiscard]] static QList<ParsedWeek> weeksOf(const QByteArray &payload);

    // The body GET /api/season/... serves for these games: compact JSON, byte-identical in every process.
    [[nodiscard]] static QByteArray weekBody(const QList<Game> &games);
};

} // namespace Endzone
