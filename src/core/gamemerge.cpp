#include "gamemerge.h"
#include "teamdirectory.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone::GameMerge {

bool isFromEspn(const Game &game)
{
    return !game.espnId.isEmpty();
}

bool hasGsis(const Game &game)
{
    return !game.gsis.isEmpty() && game.gsis != "0"_L1;
}

bool isRescheduled(const Game &stored, const Game &incoming)
{
    return hasGsis(incoming) && stored.gsis == incoming.gsis && stored.season == incoming.season
        && stored.home.abbreviation == incoming.home.abbreviation
        && stored.visitor.abbreviation == incoming.visitor.abbreviation;
}

bool isSameGame(const Game &a, const Game &b)
{
    return a.eid == b.eid || (!a.espnId.isEmpty() && a.espnId == b.espnId) || isRescheduled(a, b);
}

int homeFranchise(const Game &game)
{
    return TeamDirectory::franchiseId(game.home.abbreviation, game.season, game.home.nickname).value_or(0);
}

int visitorFranchise(const Game &game)
{
    return TeamDirectory::franchiseId(game.visitor.abbreviation, game.season, game.visitor.nickname).value_or(0);
}

namespace {

void keepIfEmpty(QString &incoming, const QString &stored)
{
    if (incoming.isEmpty())
        incoming = stored;
}

// Is `key` the scorestrip's YYYYMMDDNN rather than an ESPN event id?
bool isScorestripKey(const QString &key)
{
    return key.size() == 10;
}

} // namespace

Game merge(const Game &stored, const Game &incoming)
{
    Game merged = incoming;
    // The scorestrip eid is the row's key when the game has one: archive links and old clients use it.
    merged.eid = isScorestripKey(incoming.eid) || !isScorestripKey(stored.eid) ? incoming.eid : stored.eid;
    keepIfEmpty(merged.gsis, stored.gsis);
    keepIfEmpty(merged.espnId, stored.espnId);
    if (merged.venue.isEmpty()) {
        merged.venue = stored.venue;
        merged.venueCity = stored.venueCity;
        merged.neutralSite = stored.neutralSite;
    }
    keepIfEmpty(merged.broadcast, stored.broadcast);
    keepIfEmpty(merged.day, stored.day);
    if (isFinal(stored.state) && !isFinal(incoming.state) && isFromEspn(incoming) != isFromEspn(stored)) {
        // The other source has not caught up: keep the result, and no live situation on a final.
        merged.state = stored.state;
        merged.clock = stored.clock;
        merged.home.score = stored.home.score;
        merged.visitor.score = stored.visitor.score;
        merged.possession.clear();
        merged.redZone = false;
        merged.down.reset();
        merged.distance.reset();
        merged.ballOn.clear();
        merged.homeTimeouts.reset();
        merged.visitorTimeouts.reset();
        merged.lastPlay.clear();
        merged.homeWinProbability = stored.homeWinProbability;
    }
    return merged;
}

} // namespace Endzone::GameMerge
