#pragma once

#include "game.h"
#include "scorestripparser.h"

#include <QDateTime>

namespace Endzone {

// A made-up but plausible season, generated deterministically from the year: 32 teams, PRE 0-4,
// REG 1-17 and POST 18-22, with kickoffs on the real days and hours. Given a moment, it says what each game
// looks like then (pregame, a quarter with clock, possession and score, halftime, final), so a feed served
// from it progresses live. It is what endzone-feed serves with --synthetic and what `endzone --demo` shows.
class SyntheticSeason
{
public:
    explicit SyntheticSeason(int season);

    [[nodiscard]] int season() const { return m_season; }
    [[nodiscard]] QList<WeekKey> weeks() const;
    // The games of `key` as they stand at `now`; an empty week for weeks the season does not have.
    [[nodiscard]] ParsedWeek week(const WeekKey &key, const QDateTime &now) const;
    // The week the feed's ss.xml shows at `now`: the one whose games are live, else the next to be played,
    // else the last one.
    [[nodiscard]] WeekKey currentWeek(const QDateTime &now) const;
    // The first regular-season Sunday's 1 PM kickoff: a good moment to start a demo clock from.
    [[nodiscard]] QDateTime firstSundayKickoff() const;

    // How long a game lasts on the wall clock in this model, kickoff to final (overtime adds more).
    static constexpr int GameMinutes = 195;

private:
    [[nodiscard]] QList<Game> schedule(const WeekKey &key) const;
    [[nodiscard]] static Game progress(Game game, const QDateTime &now);

    int m_season;
    QDate m_firstThursday; // the regular season opener
};

} // namespace Endzone
