#include "seasoncalendar.h"

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

// Seasons the scorestrip numbered differently from the era's rule. The postseason always follows the
// regular season directly, so these also move the playoff weeks (checked against every archive file):
// - 1982: the strike left 9 weeks, numbered 1-9 (the archive has 1, 3, 5-9; week 9 is 1983-01-02). The
//   archive has no 1982 postseason at 15-22, the weeks its script asked for: we put it at 10-13 by the rule.
// - 1987: week 3 was cancelled and the rest renumbered, so REG is 1-15 and the wild card week 16.
// - 1993: two byes gave 18 weeks; the archive lacks REG 18 (its script asked 1-17) but has POST 19-22.
struct Exception
{
    int season;
    int regularWeeks;
};
constexpr Exception exceptions[] = {{1982, 9}, {1987, 15}, {1993, 18}};

// Scorestrip PRE 0 is ESPN's week 1 (the Hall of Fame game); from 2021 the preseason has three weeks.
int lastPreseasonWeek(int season)
{
    return season >= 2021 ? 3 : 4;
}

// The playoff rounds in week order. The Pro Bowl followed the Super Bowl until the 2008 season (the archive's
// 2007 and 2008 Super Bowls are week 21) and precedes it since 2009 (week 21, Super Bowl 22). Before 1978
// there was no wild-card round: 1970-1977 are DIV 15, CON 16, SB 17.
QList<GameType> rounds(int season)
{
    if (season < 1978)
        return {GameType::Divisional, GameType::Conference, GameType::SuperBowl, GameType::ProBowl};
    if (season < 2009)
        return {GameType::WildCard, GameType::Divisional, GameType::Conference, GameType::SuperBowl, GameType::ProBowl};
    return {GameType::WildCard, GameType::Divisional, GameType::Conference, GameType::ProBowl, GameType::SuperBowl};
}

// ESPN numbers postseason weeks by round, whatever the year.
constexpr std::array<GameType, 5> espnRounds {
    GameType::WildCard, GameType::Divisional, GameType::Conference, GameType::ProBowl, GameType::SuperBowl};

// The round's game-type code ("WC", "DIV", "CON", "PRO", "SB") in lower case.
QString roundSlug(GameType round)
{
    return round == GameType::Pre || round == GameType::Reg ? QString() : gameTypeCode(round).toLower();
}

// 1 or 2 ASCII digits without sign or leading zero (except "0" itself): "07" is not a week, nor is "١٢".
std::optional<int> smallNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 2 || (text.size() == 2 && text.front() == u'0'))
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

// Season order inside a season: PRE, REG, POST, then by week.
bool before(const WeekKey &a, const WeekKey &b)
{
    return std::pair(int(a.type), a.week) < std::pair(int(b.type), b.week);
}

WeekKey weekOf(const Game &game)
{
    return {game.season, game.seasonType, game.week};
}

} // namespace

int SeasonCalendar::regularSeasonWeeks(int season)
{
    for (const auto &exception : exceptions) {
        if (exception.season == season)
            return exception.regularWeeks;
    }
    if (season < 1978)
        return 14;
    if (season < 1990)
        return 16;
    return season < 2021 ? 17 : 18;
}

int SeasonCalendar::firstPostseasonWeek(int season)
{
    return regularSeasonWeeks(season) + 1;
}

int SeasonCalendar::wildCardGames(int season)
{
    if (season < 1978)
        return 0;
    if (season == 1982)
        return 8; // the strike season's 16-team tournament
    if (season < 1990)
        return 2;
    return season < 2020 ? 4 : 6;
}

QList<WeekKey> SeasonCalendar::weeks(int season, QList<SeasonType> types)
{
    QList<WeekKey> list;
    for (auto type : types) {
        const auto [first, last] = type == SeasonType::Pre ? std::pair {0, lastPreseasonWeek(season)}
            : type == SeasonType::Reg
            ? std::pair {1, regularSeasonWeeks(season)}
            : std::pair {firstPostseasonWeek(season), firstPostseasonWeek(season) + int(rounds(season).size()) - 1};
        for (int week = first; week <= last; ++week)
            list.append({season, type, week});
    }
    return list;
}

bool SeasonCalendar::isValid(const WeekKey &key)
{
    if (key.season <= 0)
        return false;
    switch (key.type) {
    case SeasonType::Pre:
        return key.week >= 0 && key.week <= lastPreseasonWeek(key.season);
    case SeasonType::Reg:
        return key.week >= 1 && key.week <= regularSeasonWeeks(key.season);
    case SeasonType::Post:
        return roundOfWeek(key.season, key.week).has_value();
    }
    return false;
}

WeekKey SeasonCalendar::next(const WeekKey &key)
{
    for (const auto &week : weeks(key.season)) {
        if (before(key, week))
            return week;
    }
    return weeks(key.season + 1).constFirst();
}

WeekKey SeasonCalendar::previous(const WeekKey &key)
{
    const auto all = weeks(key.season);
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if (before(*it, key))
            return *it;
    }
    return weeks(key.season - 1).constLast();
}

std::optional<GameType> SeasonCalendar::roundOfWeek(int season, int week)
{
    const auto list = rounds(season);
    const int index = week - firstPostseasonWeek(season);
    if (season <= 0 || index < 0 || index >= list.size())
        return std::nullopt;
    return list.at(index);
}

std::optional<int> SeasonCalendar::weekOfRound(int season, GameType round)
{
    const auto index = rounds(season).indexOf(round);
    if (index < 0)
        return std::nullopt;
    return firstPostseasonWeek(season) + int(index);
}

int SeasonCalendar::espnSeasonType(SeasonType type)
{
    switch (type) {
    case SeasonType::Pre:
        return 1;
    case SeasonType::Reg:
        return 2;
    case SeasonType::Post:
        return 3;
    }
    return 0;
}

int SeasonCalendar::espnWeek(const WeekKey &key)
{
    if (!isValid(key))
        return 0;
    switch (key.type) {
    case SeasonType::Pre:
        return key.week + 1;
    case SeasonType::Reg:
        return key.week;
    case SeasonType::Post: {
        const auto round = *roundOfWeek(key.season, key.week);
        return int(std::find(espnRounds.cbegin(), espnRounds.cend(), round) - espnRounds.cbegin()) + 1;
    }
    }
    return 0;
}

std::optional<WeekKey> SeasonCalendar::fromEspn(int year, int seasonType, int week)
{
    std::optional<WeekKey> key;
    if (seasonType == 1) {
        key = WeekKey {year, SeasonType::Pre, week - 1};
    } else if (seasonType == 2) {
        key = WeekKey {year, SeasonType::Reg, week};
    } else if (seasonType == 3 && week >= 1 && week <= int(espnRounds.size())) {
        if (const auto ours = weekOfRound(year, espnRounds[std::size_t(week - 1)]))
            key = WeekKey {year, SeasonType::Post, *ours};
    }
    if (key && !isValid(*key))
        return std::nullopt;
    return key;
}

QString SeasonCalendar::slug(const WeekKey &key)
{
    switch (key.type) {
    case SeasonType::Pre:
        return u"pre-"_s + QString::number(key.week);
    case SeasonType::Reg:
        return QString::number(key.week);
    case SeasonType::Post:
        if (const auto round = roundOfWeek(key.season, key.week))
            return roundSlug(*round);
        return QString::number(key.week);
    }
    return QString::number(key.week);
}

std::optional<WeekKey> SeasonCalendar::parseSlug(int season, QStringView slug)
{
    std::optional<WeekKey> key;
    if (slug.startsWith(u"pre-")) {
        if (const auto week = smallNumber(slug.mid(4)))
            key = WeekKey {season, SeasonType::Pre, *week};
    } else if (const auto week = smallNumber(slug)) {
        // A bare number is the feed's: REG while the regular season lasts, then the postseason's numbering.
        const auto type = *week <= regularSeasonWeeks(season) ? SeasonType::Reg : SeasonType::Post;
        key = WeekKey {season, type, *week};
    } else {
        for (const auto round : espnRounds) {
            if (slug == roundSlug(round)) {
                if (const auto week = weekOfRound(season, round))
                    key = WeekKey {season, SeasonType::Post, *week};
            }
        }
    }
    if (key && !isValid(*key))
        return std::nullopt;
    return key;
}

QString SeasonCalendar::label(const WeekKey &key)
{
    switch (key.type) {
    case SeasonType::Pre:
        return key.week == 0 ? u"Hall of Fame Game"_s : QString(u"Preseason Week "_s + QString::number(key.week));
    case SeasonType::Reg:
        return u"Week "_s + QString::number(key.week);
    case SeasonType::Post:
        switch (roundOfWeek(key.season, key.week).value_or(GameType::Reg)) {
        case GameType::WildCard:
            return u"Wild Card"_s;
        case GameType::Divisional:
            return u"Divisional"_s;
        case GameType::Conference:
            return u"Conference Championships"_s;
        case GameType::ProBowl:
            return u"Pro Bowl"_s;
        case GameType::SuperBowl:
            return u"Super Bowl"_s;
        case GameType::Pre:
        case GameType::Reg:
            break;
        }
        return u"Postseason Week "_s + QString::number(key.week);
    }
    return {};
}

std::optional<WeekKey> SeasonCalendar::currentWeek(const QList<Game> &games, const QDateTime &now)
{
    // A game not started hours after its kickoff is late (weather, a feed that lags), not skipped.
    static constexpr qint64 LateKickoffSecs = 6 * 3600;
    const Game *live = nullptr;
    const Game *upcoming = nullptr;
    const Game *lastFinal = nullptr;
    for (const auto &game : games) {
        if (isLive(game.state)) {
            if (!live || game.kickoff > live->kickoff)
                live = &game;
        } else if (isFinal(game.state)) {
            if (!lastFinal || game.kickoff > lastFinal->kickoff)
                lastFinal = &game;
        } else if (game.kickoff.isValid() && game.kickoff.secsTo(now) <= LateKickoffSecs) {
            if (!upcoming || game.kickoff < upcoming->kickoff)
                upcoming = &game;
        }
    }
    if (live)
        return weekOf(*live);
    if (upcoming)
        return weekOf(*upcoming);
    // Nothing ahead of the clock: the store is behind it (a replayed or stopped feed). The first unplayed
    // game after the last final is where the season stands; an unplayed game before it was cancelled.
    const Game *stale = nullptr;
    for (const auto &game : games) {
        if (game.state != GameState::Pregame || (lastFinal && game.kickoff <= lastFinal->kickoff))
            continue;
        if (!stale || game.kickoff < stale->kickoff)
            stale = &game;
    }
    if (stale)
        return weekOf(*stale);
    if (lastFinal)
        return weekOf(*lastFinal);
    return std::nullopt;
}

} // namespace Endzone
