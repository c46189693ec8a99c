#pragma once

#include "game.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace Endzone {

// The one home of the NFL calendar: which weeks a season has, how each is numbered and named, and how
// ESPN's numbering maps to Endzone's. Endzone numbers weeks as the scorestrip did, so the archive keeps its
// rows: PRE 0-4 (0 is the Hall of Fame game), REG 1..N, and the postseason after the regular season
// (18-22 in 1990-2020). N is 14 to 1977, 16 to 1989 (the strike seasons 1982 and 1987 were shorter), 17 to
// 2020 (18 in 1993) and 18 from 2021, so from 2021 the postseason is 19-23. The wild-card round has 6 games from 2020.
// Playoff rounds are named by slug in every year: `wc`, `div`, `con`, `pro`, `sb`.
class SeasonCalendar
{
public:
    [[nodiscard]] static int regularSeasonWeeks(int season);
    [[nodiscard]] static int firstPostseasonWeek(int season);
    [[nodiscard]] static int wildCardGames(int season); // 6 from 2020, 4 from 1990, 2 from 1978 (8 in 1982)

    // Every week a source may have for a season, in season order (PRE, REG, POST).
    [[nodiscard]] static QList<WeekKey> weeks(
        int season, QList<SeasonType> types = {SeasonType::Pre, SeasonType::Reg, SeasonType::Post});
    [[nodiscard]] static bool isValid(const WeekKey &key);
    // The next / previous week in the calendar, across seasons.
    [[nodiscard]] static WeekKey next(const WeekKey &key);
    [[nodiscard]] static WeekKey previous(const WeekKey &key);

    // A postseason week's round, and a round's week (by the default numbering).
    [[nodiscard]] static std::optional<GameType> roundOfWeek(int season, int week);
    [[nodiscard]] static std::optional<int> weekOfRound(int season, GameType round);

    // ESPN: seasontype 1/2/3 and its week numbers (PRE 1 is the Hall of Fame game, POST 1-5 the rounds).
    [[nodiscard]] static int espnSeasonType(SeasonType type);
    [[nodiscard]] static int espnWeek(const WeekKey &key);
    [[nodiscard]] static std::optional<WeekKey> fromEspn(int year, int seasonType, int week);

    // URL slugs: `12`, `pre-3`, `wc`/`div`/`con`/`pro`/`sb`. `18` is REG in 2021+, the wild-card week before.
    [[nodiscard]] static QString slug(const WeekKey &key);
    [[nodiscard]] static std::optional<WeekKey> parseSlug(int season, QStringView slug);
    // "Hall of Fame Game", "Preseason Week 2", "Week 7", "Wild Card", "Divisional", "Conference Championships",
    // "Pro Bowl", "Super Bowl".
    [[nodiscard]] static QString label(const WeekKey &key);

    // The week a scoreboard should open on at `now`, given the games of the weeks around it: the week with a
    // live game, else the one whose next kickoff is nearest, else the last played. The one rule for the app,
    // the API and the watcher.
    [[nodiscard]] static std::optional<WeekKey> currentWeek(const QList<Game> &games, const QDateTime &now);
};

} // namespace Endzone
