#pragma once

#include "game.h"

#include <QList>
#include <QString>

namespace Endzone {

// One club's line in a season's table.
struct Standing
{
    QString team; // the franchise's code in that season
    int wins = 0;
    int losses = 0;
    int ties = 0;
    int pointsFor = 0;
    int pointsAgainst = 0;

    friend bool operator==(const Standing &, const Standing &) = default;
};

namespace Standings {

// The regular-season table from a season's final games: one line per franchise under its code that season,
// whichever source (and code) a game came with; ordered by win percentage (a tie counts half a win), then
// point difference. Games without both scores are skipped.
[[nodiscard]] QList<Standing> table(int season, const QList<Game> &games);

} // namespace Standings
} // namespace Endzone
