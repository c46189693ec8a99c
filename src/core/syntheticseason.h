#pragma once

#include "game.h"
#include "gamedetail.h"
#include "scorestripparser.h"

#include <QDateTime>

namespace Endzone {

// A made-up but plausible season, generated deterministically from the year: 32 teams and the weeks
// SeasonCalendar gives the season (REG 1-17 and POST 18-22 to 2020, REG 1-18 and POST 19-23 from 2021), with
// kickoffs on the real days and hours. Given a moment, it says what each game looks like then (pregame, a
// quarter with clock, possession and score, halftime, final; while in play also down and distance, spot,
// timeouts, last play and win probability, see SyntheticGame), so a feed served from it progresses live. It
// is what endzone-feed serves with --synthetic and what `endzone --demo` shows.
class SyntheticSeason
{
public:
    explicit SyntheticSeason(int season);

    [[nodiscard]] int season() const { return m_season; }
    [[nodiscard]] QList<WeekKey> weeks() const;
    // The games of `key` as they stand at `now`; an empty week for weeks the season does not have.
    [[nodiscard]] ParsedWeek week(const WeekKey &key, const QDateTime &now) const;
    // The same week as ESPN describes it, i.e. what EspnParser reads back from EspnWriter's scoreboard: the
    // event id as eid (no gsis), ESPN's abbreviations and the directory's nicknames, venue and broadcast.
    [[nodiscard]] ParsedWeek espnWeek(const WeekKey &key, const QDateTime &now) const;
    // One game of espnWeek() by its ESPN event id, at `now`.
    [[nodiscard]] std::optional<Game> espnGame(QStringView espnId, const QDateTime &now) const;
    // The drives, plays, scoring plays and win probability of a game (from week() or espnWeek()) at `now`.
    [[nodiscard]] GameDetail detail(const Game &game, const QDateTime &now) const;
    // The week the feed's ss.xml shows at `now`: the one whose games are live, else the next to be played,
    // else the last one.
    [[nodiscard]] WeekKey currentWeek(const QDateTime &now) const;
    // The week with games on a US Eastern calendar day, if any (ESPN's `scoreboard?dates=YYYYMMDD`).
    [[nodiscard]] std::optional<WeekKey> weekOn(QDate easternDay) const;
    // The first regular-season Sunday's 1 PM kickoff: a good moment to start a demo clock from.
    [[nodiscard]] QDateTime firstSundayKickoff() const;

    // How long a game lasts on the wall clock in this model, kickoff to final (overtime adds more).
    static constexpr int GameMinutes = 195;

    // The clubs on bye in a week (ESPN's codes), none before 2021: then every club plays every week.
    [[nodiscard]] QStringList byes(const WeekKey &key) const;

private:
    [[nodiscard]] QList<int> byeTeams(const WeekKey &key) const; // indexes into the team table
    [[nodiscard]] QList<Game> schedule(const WeekKey &key) const;
    [[nodiscard]] static Game progress(Game game, const QDateTime &now);
    [[nodiscard]] Game espnGame(Game game, const QDateTime &now) const;

    int m_season;
    QDate m_firstThursday; // the regular season opener
};

} // namespace Endzone
