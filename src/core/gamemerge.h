#pragma once

#include "game.h"

namespace Endzone {

// How one game delivered twice becomes one row: by the scorestrip and by ESPN, or by the same source again.
// The store asks these rules; they hold no state.
namespace GameMerge {

// Which source delivered a game: only ESPN's carry an event id.
[[nodiscard]] bool isFromEspn(const Game &game);

// Whether the gsis can identify a game: old feeds use placeholders ("0", and "8224" for thousands of games).
[[nodiscard]] bool hasGsis(const Game &game);
// The scorestrip's rule for a rescheduled game: it keeps its gsis, season and matchup while its eid and week
// change. The matchup matters because of the placeholder keys.
[[nodiscard]] bool isRescheduled(const Game &stored, const Game &incoming);
// Whether two rows describe one game: the same key, the same ESPN event, or a reschedule. The store decides
// with this (after its SQL narrowed the candidates), and so do the models that follow it.
[[nodiscard]] bool isSameGame(const Game &a, const Game &b);

// The ESPN team ids (franchises) of both sides, from the abbreviation and nickname in that season; 0 where the
// team directory does not know the club (e.g. a Pro Bowl side). Old and new codes of one club (WAS/WSH,
// STL/LA/LAR, SD/LAC, OAK/LV, JAC/JAX) give the same id.
[[nodiscard]] int homeFranchise(const Game &game);
[[nodiscard]] int visitorFranchise(const Game &game);

// `incoming` written over the `stored` row that is the same game. The row keeps its key (the scorestrip eid
// wins over an ESPN event id), and nothing that one source knows is erased by a source that does not carry
// it: the gsis, the ESPN id, venue, broadcast. A final score is never replaced by a not-final one from the
// other source (a stale pre-game document must not wipe a result).
[[nodiscard]] Game merge(const Game &stored, const Game &incoming);

} // namespace GameMerge
} // namespace Endzone
