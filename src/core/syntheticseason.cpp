#include "syntheticseason.h"

#include <QRandomGenerator>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

struct Team
{
    const char *abbreviation;
    const char *nickname;
};

constexpr Team teams[] = {
    {"ARI", "cardinals"},
    {"ATL", "falcons"},
    {"BAL", "ravens"},
    {"BUF", "bills"},
    {"CAR", "panthers"},
    {"CHI", "bears"},
    {"CIN", "bengals"},
    {"CLE", "browns"},
    {"DAL", "cowboys"},
    {"DEN", "broncos"},
    {"DET", "lions"},
    {"GB", "packers"},
    {"HOU", "texans"},
    {"IND", "colts"},
    {"JAX", "jaguars"},
    {"KC", "chiefs"},
    {"LV", "raiders"},
    {"LAC", "chargers"},
    {"LA", "rams"},
    {"MIA", "dolphins"},
    {"MIN", "vikings"},
    {"NE", "patriots"},
    {"NO", "saints"},
    {"NYG", "giants"},
    {"NYJ", "jets"},
    {"PHI", "eagles"},
    {"PIT", "steelers"},
    {"SF", "49ers"},
    {"SEA", "seahawks"},
    {"TB", "buccaneers"},
    {"TEN", "titans"},
    {"WAS", "commanders"},
};
constexpr int teamCount = 32;

// A scoring play: game-clock minute (0-60, more in overtime), home or visitor, points.
struct Score
{
    int minute;
    bool home;
    int points;
};

QList<Score> scoringPlays(const Game &game)
{
    QRandomGenerator random(game.eid.toULongLong() ^ 0x5eed);
    QList<Score> plays;
    for (bool home : {true, false}) {
        const int drives = 2 + random.bounded(5);
        for (int i = 0; i < drives; ++i)
            plays.append({1 + random.bounded(59), home, random.bounded(3) == 0 ? 3 : 7});
    }
    std::sort(plays.begin(), plays.end(), [](const Score &a, const Score &b) { return a.minute < b.minute; });
    int home = 0, visitor = 0;
    for (const auto &play : plays)
        (play.home ? home : visitor) += play.points;
    if (home == visitor && random.bounded(10) != 0) // most ties are settled in overtime
        plays.append({60 + 1 + random.bounded(9), random.bounded(2) == 0, 3});
    return plays;
}

// Wall minutes after kickoff at which each quarter starts, halftime included: Q1 Q2 H Q3 Q4 end.
constexpr int quarterStart[] = {0, 45, 90, 110, 155, 195};

} // namespace

SyntheticSeason::SyntheticSeason(int season) : m_season(season)
{
    // The opener is the Thursday after Labor Day (the first Monday of September).
    QDate labourDay(season, 9, 1);
    while (labourDay.dayOfWeek() != Qt::Monday)
        labourDay = labourDay.addDays(1);
    m_firstThursday = labourDay.addDays(3);
}

QList<WeekKey> SyntheticSeason::weeks() const
{
    return weeksOfSeason(m_season);
}

QDateTime SyntheticSeason::firstSundayKickoff() const
{
    return QDateTime(m_firstThursday.addDays(3), QTime(13, 0), QTimeZone("America/New_York")).toUTC();
}

QList<Game> SyntheticSeason::schedule(const WeekKey &key) const
{
    static const QTimeZone eastern("America/New_York");
    struct Slot
    {
        int dayOffset; // from the week's Thursday
        int hour;
        int minute;
    };
    QList<std::pair<int, int>> pairs; // indexes of home, visitor
    QList<Slot> slots;
    GameType type = key.type == SeasonType::Pre ? GameType::Pre : GameType::Reg;
    QDate thursday;
    if (key.type == SeasonType::Reg && key.week >= 1 && key.week <= 17) {
        thursday = m_firstThursday.addDays(7 * (key.week - 1));
        // Circle method: team 0 stays, the others rotate, so every week pairs all 32 teams.
        QList<int> circle;
        for (int i = 1; i < teamCount; ++i)
            circle.append((i + key.week - 1) % (teamCount - 1) + 1);
        circle.prepend(0);
        for (int i = 0; i < teamCount / 2; ++i) {
            const int a = circle.at(i), b = circle.at(teamCount - 1 - i);
            pairs.append((key.week + i) % 2 ? std::pair {a, b} : std::pair {b, a});
        }
        slots = {{0, 20, 20}};
        for (int i = 0; i < 9; ++i)
            slots.append({3, 13, 0});
        slots += {{3, 16, 5}, {3, 16, 5}, {3, 16, 25}, {3, 16, 25}, {3, 20, 20}, {4, 20, 15}};
    } else if (key.type == SeasonType::Pre && key.week >= 0 && key.week <= 4) {
        thursday = m_firstThursday.addDays(-7 * (5 - key.week));
        const int count = key.week == 0 ? 1 : teamCount / 2;
        for (int i = 0; i < count; ++i) {
            pairs.append({(i * 2 + key.week) % teamCount, (i * 2 + 1 + key.week * 3) % teamCount});
            slots.append({i % 3, 19, i % 2 ? 30 : 0});
        }
        if (pairs.first().first == pairs.first().second)
            pairs.first().second = (pairs.first().second + 1) % teamCount;
    } else if (key.type == SeasonType::Post && key.week >= 18 && key.week <= 22) {
        const QDate lastThursday = m_firstThursday.addDays(7 * 16);
        thursday = lastThursday.addDays(7 * (key.week - 17) + (key.week == 22 ? 7 : 0));
        const QList<int> counts {4, 4, 2, 1, 1};
        const QList<GameType> types {
            GameType::WildCard, GameType::Divisional, GameType::Conference, GameType::ProBowl, GameType::SuperBowl};
        type = types.at(key.week - 18);
        for (int i = 0; i < counts.at(key.week - 18); ++i) {
            pairs.append({(i * 5 + key.week) % teamCount, (i * 5 + key.week + 16) % teamCount});
            slots.append({i < 2 ? 2 : 3, i % 2 ? 20 : 16, i % 2 ? 15 : 30});
        }
    } else {
        return {};
    }
    QList<Game> games;
    QHash<QDate, int> sequence;
    for (int i = 0; i < pairs.size(); ++i) {
        const auto slot = slots.at(i);
        const QDate date = thursday.addDays(slot.dayOffset);
        Game game;
        game.eid = date.toString(u"yyyyMMdd"_s) + u"%1"_s.arg(sequence[date]++, 2, 10, QLatin1Char('0'));
        game.gsis = QString::number(90000 + (m_season % 100) * 1000 + int(key.type) * 300 + key.week * 16 + i);
        game.season = m_season;
        game.seasonType = key.type;
        game.week = key.week;
        game.gameType = type;
        game.day = QLocale::c().dayName(date.dayOfWeek(), QLocale::ShortFormat);
        game.kickoff = QDateTime(date, QTime(slot.hour, slot.minute), eastern).toUTC();
        const auto &home = type == GameType::ProBowl ? Team {"AFC", "afc"} : teams[pairs.at(i).first];
        const auto &visitor = type == GameType::ProBowl ? Team {"NFC", "nfc"} : teams[pairs.at(i).second];
        game.home = {QString::fromLatin1(home.abbreviation), QString::fromLatin1(home.nickname), std::nullopt};
        game.visitor = {QString::fromLatin1(visitor.abbreviation), QString::fromLatin1(visitor.nickname), std::nullopt};
        games.append(game);
    }
    return games;
}

Game SyntheticSeason::progress(Game game, const QDateTime &now)
{
    const qint64 seconds = game.kickoff.secsTo(now);
    if (seconds < 0)
        return game;
    const auto plays = scoringPlays(game);
    const bool overtime = plays.last().minute > 60;
    const int wallMinutes = int(seconds / 60);
    const int endMinutes = quarterStart[5] + (overtime ? 30 : 0);
    // Game-clock time played so far, from the wall time since kickoff (halftime and breaks stop the clock).
    double played = 0;
    GameState state = GameState::Final;
    if (wallMinutes >= endMinutes) {
        played = 1e9;
        state = overtime ? GameState::FinalOvertime : GameState::Final;
    } else if (wallMinutes >= quarterStart[5]) {
        state = GameState::Overtime;
        played = 60 + (seconds / 60.0 - quarterStart[5]) * 15.0 / 30.0;
    } else if (wallMinutes >= quarterStart[2] && wallMinutes < quarterStart[3]) {
        state = GameState::Halftime;
        played = 30;
    } else {
        static constexpr GameState quarters[]
            = {GameState::Quarter1, GameState::Quarter2, GameState::Halftime, GameState::Quarter3, GameState::Quarter4};
        for (int q = 0; q < 5; ++q) {
            if (wallMinutes >= quarterStart[q] && wallMinutes < quarterStart[q + 1]) {
                state = quarters[q];
                const int quarterIndex = q < 2 ? q : q - 1;
                const double fraction = (seconds / 60.0 - quarterStart[q]) / (quarterStart[q + 1] - quarterStart[q]);
                played = quarterIndex * 15 + fraction * 15;
            }
        }
    }
    int home = 0, visitor = 0;
    const Score *next = nullptr;
    for (const auto &play : plays) {
        if (play.minute <= played) {
            (play.home ? home : visitor) += play.points;
        } else if (!next) {
            next = &play;
        }
    }
    game.state = state;
    game.home.score = home;
    game.visitor.score = visitor;
    if (isLive(state) && state != GameState::Halftime) {
        const double periodEnd = state == GameState::Overtime ? 75 : (int(played / 15) + 1) * 15;
        const int left = std::max(0, int((periodEnd - played) * 60));
        game.clock = u"%1:%2"_s.arg(left / 60, 2, 10, QLatin1Char('0')).arg(left % 60, 2, 10, QLatin1Char('0'));
        const bool homeBall = next ? next->home : int(played / 4) % 2 == 0;
        game.possession = homeBall ? game.home.abbreviation : game.visitor.abbreviation;
        game.redZone = next && next->minute - played < 1.5 && next->points == 7;
    }
    return game;
}

ParsedWeek SyntheticSeason::week(const WeekKey &key, const QDateTime &now) const
{
    ParsedWeek week {key, FeedDialect::Ajax, {}};
    for (auto game : schedule(key))
        week.games.append(progress(std::move(game), now));
    return week;
}

WeekKey SyntheticSeason::currentWeek(const QDateTime &now) const
{
    const auto all = weeks();
    for (const auto &key : all) {
        const auto games = schedule(key);
        if (games.isEmpty())
            continue;
        const auto last = std::max_element(
            games.cbegin(), games.cend(), [](const Game &a, const Game &b) { return a.kickoff < b.kickoff; });
        // A week stays current until a day after its last kickoff, like NFL.com's Wednesday switch-over.
        if (now < last->kickoff.addSecs(24 * 3600))
            return key;
    }
    return all.last();
}

} // namespace Endzone
