#include "standings.h"

#include "teamdirectory.h"

#include <map>

namespace Endzone::Standings {

QList<Standing> table(int season, const QList<Game> &games)
{
    std::map<QString, Standing> lines;
    for (const auto &game : games) {
        if (!game.home.score || !game.visitor.score)
            continue;
        // One line per franchise, under its code that season, whichever source (and code) a game came with.
        auto record = [&](const TeamSide &team, const TeamSide &opponent) {
            const auto id = TeamDirectory::franchiseId(team.abbreviation, season, team.nickname);
            const QString key = id ? TeamDirectory::abbreviation(*id, season) : team.abbreviation;
            auto &standing = lines[key];
            standing.team = key;
            standing.pointsFor += *team.score;
            standing.pointsAgainst += *opponent.score;
            if (*team.score > *opponent.score)
                ++standing.wins;
            else if (*team.score < *opponent.score)
                ++standing.losses;
            else
                ++standing.ties;
        };
        record(game.home, game.visitor);
        record(game.visitor, game.home);
    }
    QList<Standing> standings;
    for (auto &[team, standing] : lines)
        standings.append(standing);
    std::stable_sort(standings.begin(), standings.end(), [](const Standing &a, const Standing &b) {
        // Win percentage with a tie as half a win, then point difference.
        const double pa = a.wins + a.ties / 2.0, pb = b.wins + b.ties / 2.0;
        const int ga = a.wins + a.losses + a.ties, gb = b.wins + b.losses + b.ties;
        const double ra = ga ? pa / ga : 0, rb = gb ? pb / gb : 0;
        if (ra != rb)
            return ra > rb;
        return a.pointsFor - a.pointsAgainst > b.pointsFor - b.pointsAgainst;
    });
    return standings;
}

} // namespace Endzone::Standings
