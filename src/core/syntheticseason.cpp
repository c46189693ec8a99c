#include "syntheticseason.h"
#include "seasoncalendar.h"
#include "syntheticgame.h"
#include "teamdirectory.h"

#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

struct Team
{
    const char *abbreviation;
    const char *nickname;
    const char *stadium; // for ESPN's venue
    const char *city;
    const char *state;
};

constexpr Team teams[] = {
    {"ARI", "cardinals", "State Farm Stadium", "Glendale", "AZ"},
    {"ATL", "falcons", "Mercedes-Benz Stadium", "Atlanta", "GA"},
    {"BAL", "ravens", "M&T Bank Stadium", "Baltimore", "MD"},
    {"BUF", "bills", "Highmark Stadium", "Orchard Park", "NY"},
    {"CAR", "panthers", "Bank of America Stadium", "Charlotte", "NC"},
    {"CHI", "bears", "Soldier Field", "Chicago", "IL"},
    {"CIN", "bengals", "Paycor Stadium", "Cincinnati", "OH"},
    {"CLE", "browns", "Huntington Bank Field", "Cleveland", "OH"},
    {"DAL", "cowboys", "AT&T Stadium", "Arlington", "TX"},
    {"DEN", "broncos", "Empower Field at Mile High", "Denver", "CO"},
    {"DET", "lions", "Ford Field", "Detroit", "MI"},
    {"GB", "packers", "Lambeau Field", "Green Bay", "WI"},
    {"HOU", "texans", "NRG Stadium", "Houston", "TX"},
    {"IND", "colts", "Lucas Oil Stadium", "Indianapolis", "IN"},
    {"JAX", "jaguars", "EverBank Stadium", "Jacksonville", "FL"},
    {"KC", "chiefs", "GEHA Field at Arrowhead Stadium", "Kansas City", "MO"},
    {"LV", "raiders", "Allegiant Stadium", "Las Vegas", "NV"},
    {"LAC", "chargers", "SoFi Stadium", "Inglewood", "CA"},
    {"LA", "rams", "SoFi Stadium", "Inglewood", "CA"},
    {"MIA", "dolphins", "Hard Rock Stadium", "Miami Gardens", "FL"},
    {"MIN", "vikings", "U.S. Bank Stadium", "Minneapolis", "MN"},
    {"NE", "patriots", "Gillette Stadium", "Foxborough", "MA"},
    {"NO", "saints", "Caesars Superdome", "New Orleans", "LA"},
    {"NYG", "giants", "MetLife Stadium", "East Rutherford", "NJ"},
    {"NYJ", "jets", "MetLife Stadium", "East Rutherford", "NJ"},
    {"PHI", "eagles", "Lincoln Financial Field", "Philadelphia", "PA"},
    {"PIT", "steelers", "Acrisure Stadium", "Pittsburgh", "PA"},
    {"SF", "49ers", "Levi's Stadium", "Santa Clara", "CA"},
    {"SEA", "seahawks", "Lumen Field", "Seattle", "WA"},
    {"TB", "buccaneers", "Raymond James Stadium", "Tampa", "FL"},
    {"TEN", "titans", "Nissan Stadium", "Nashville", "TN"},
    {"WAS", "commanders", "Northwest Stadium", "Landover", "MD"},
};
constexpr int teamCount = 32;

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
    return SeasonCalendar::weeks(m_season);
}

QDateTime SyntheticSeason::firstSundayKickoff() const
{
    return QDateTime(m_firstThursday.addDays(3), QTime(13, 0), QTimeZone("America/New_York")).toUTC();
}

QList<int> SyntheticSeason::byeTeams(const WeekKey &key) const
{
    // From 2021 the regular season has 18 weeks and 17 games a club: each club has one bye, four clubs a week
    // in weeks 5-12. (Before, the synthetic season plays every club every week, as it always has.)
    if (key.season != m_season || key.type != SeasonType::Reg || SeasonCalendar::regularSeasonWeeks(m_season) < 18
        || key.week < 5 || key.week > 12)
        return {};
    const int first = (key.week - 5) * 4;
    return {first, first + 1, first + 2, first + 3};
}

QStringList SyntheticSeason::byes(const WeekKey &key) const
{
    QStringList codes;
    for (int team : byeTeams(key)) {
        const auto code = QString::fromLatin1(teams[team].abbreviation);
        const auto id = TeamDirectory::franchiseId(code, m_season, QString::fromLatin1(teams[team].nickname));
        codes.append(id ? TeamDirectory::abbreviation(*id, m_season) : code);
    }
    return codes;
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
    if (key.season != m_season || !SeasonCalendar::isValid(key))
        return {};
    if (key.type == SeasonType::Reg) {
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
        if (const auto bye = byeTeams(key); !bye.isEmpty()) {
            // The clubs on bye leave; the clubs they would have met play each other instead.
            QList<std::pair<int, int>> kept;
            QList<int> orphans;
            for (const auto &[home, visitor] : std::as_const(pairs)) {
                const bool homeOff = bye.contains(home), visitorOff = bye.contains(visitor);
                if (!homeOff && !visitorOff)
                    kept.append({home, visitor});
                else if (!homeOff)
                    orphans.append(home);
                else if (!visitorOff)
                    orphans.append(visitor);
            }
            for (int i = 0; i + 1 < orphans.size(); i += 2)
                kept.append({orphans.at(i), orphans.at(i + 1)});
            pairs = kept;
        }
        slots = {{0, 20, 20}};
        for (int i = 0; i < 9; ++i)
            slots.append({3, 13, 0});
        slots += {{3, 16, 5}, {3, 16, 5}, {3, 16, 25}, {3, 16, 25}, {3, 20, 20}, {4, 20, 15}};
    } else if (key.type == SeasonType::Pre) {
        thursday = m_firstThursday.addDays(-7 * (5 - key.week));
        const int count = key.week == 0 ? 1 : teamCount / 2;
        for (int i = 0; i < count; ++i) {
            pairs.append({(i * 2 + key.week) % teamCount, (i * 2 + 1 + key.week * 3) % teamCount});
            slots.append({i % 3, 19, i % 2 ? 30 : 0});
        }
        if (pairs.first().first == pairs.first().second)
            pairs.first().second = (pairs.first().second + 1) % teamCount;
    } else if (key.type == SeasonType::Post) {
        const int regularWeeks = SeasonCalendar::regularSeasonWeeks(m_season);
        const QDate lastThursday = m_firstThursday.addDays(7 * (regularWeeks - 1));
        type = SeasonCalendar::roundOfWeek(m_season, key.week).value_or(GameType::WildCard);
        // The Super Bowl comes two weeks after the conference games.
        thursday = lastThursday.addDays(7 * (key.week - regularWeeks) + (type == GameType::SuperBowl ? 7 : 0));
        const int count = type == GameType::WildCard ? std::max(4, SeasonCalendar::wildCardGames(m_season))
            : type == GameType::Divisional           ? 4
            : type == GameType::Conference           ? 2
                                                     : 1;
        for (int i = 0; i < count; ++i) {
            pairs.append({(i * 5 + key.week) % teamCount, (i * 5 + key.week + 16) % teamCount});
            // Six wild-card games (from 2020): two on Saturday, three on Sunday, one on Monday night.
            slots.append(i < 4 ? Slot {i < 2 ? 2 : 3, i % 2 ? 20 : 16, i % 2 ? 15 : 30}
                    : i == 4   ? Slot {3, 13, 0}
                               : Slot {4, 20, 15});
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

namespace {

struct GameTime
{
    GameState state = GameState::Pregame;
    double played = 0; // game-clock minutes: 0-60, 60-75 in overtime, 1e9 once final
};

// Game-clock time played so far, from the wall time since kickoff (halftime and breaks stop the clock).
GameTime gameTime(const Game &game, const QDateTime &now, bool overtime)
{
    const qint64 seconds = game.kickoff.secsTo(now);
    if (seconds < 0)
        return {};
    const int wallMinutes = int(seconds / 60);
    const int endMinutes = quarterStart[5] + (overtime ? 30 : 0);
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
    return {state, played};
}

QString espnState(GameState state)
{
    return state == GameState::Pregame ? u"pre"_s : isFinal(state) ? u"post"_s : u"in"_s;
}

} // namespace

Game SyntheticSeason::progress(Game game, const QDateTime &now)
{
    if (game.kickoff.secsTo(now) < 0)
        return game;
    const auto plays = SyntheticGame::scoresOf(game);
    const auto [state, played] = gameTime(game, now, plays.last().minute > 60);
    int home = 0, visitor = 0;
    for (const auto &play : plays) {
        if (play.minute <= played)
            (play.home ? home : visitor) += play.points;
    }
    game.state = state;
    game.home.score = home;
    game.visitor.score = visitor;
    if (isLive(state) && state != GameState::Halftime) {
        const double periodEnd = state == GameState::Overtime ? 75 : (int(played / 15) + 1) * 15;
        const int left = std::max(0, int((periodEnd - played) * 60));
        game.clock = u"%1:%2"_s.arg(left / 60, 2, 10, QLatin1Char('0')).arg(left % 60, 2, 10, QLatin1Char('0'));
        // Possession and the red zone too: the drives say who has the ball where.
        SyntheticGame(game).situate(game, played);
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

namespace {

// A 9-digit ESPN-style event id from the gsis key, unique within a season.
QString espnIdOf(const Game &scheduled)
{
    return u"4%1"_s.arg(scheduled.gsis.toInt(), 8, 10, QLatin1Char('0'));
}

// Who shows the game, by slot, as the US rights looked in the 2020s.
QString broadcastOf(const Game &game, int index)
{
    static const QTimeZone eastern("America/New_York");
    const QDateTime local = game.kickoff.toTimeZone(eastern);
    const int day = local.date().dayOfWeek(), hour = local.time().hour();
    if (game.gameType == GameType::Pre)
        return u"NFL Network"_s;
    if (game.gameType == GameType::SuperBowl)
        return u"FOX"_s;
    if (game.gameType == GameType::ProBowl)
        return u"ESPN/ABC"_s;
    if (day == Qt::Thursday)
        return u"Prime Video"_s;
    if (day == Qt::Monday)
        return u"ESPN"_s;
    if (hour >= 19)
        return u"NBC/Peacock"_s;
    if (hour >= 16)
        return local.time().minute() < 15 ? u"CBS"_s : u"FOX"_s;
    return index % 2 ? u"FOX"_s : u"CBS"_s;
}

// Today's ESPN abbreviation and the season's nickname for a synthetic side ("LA" -> "LAR", "WAS" -> "WSH").
void toEspnSide(TeamSide &side, int season)
{
    const auto id = TeamDirectory::franchiseId(side.abbreviation, season, side.nickname);
    if (!id)
        return; // the Pro Bowl's AFC and NFC keep their own
    side.abbreviation = TeamDirectory::abbreviation(*id, season);
    side.nickname = TeamDirectory::nickname(*id, season);
}

} // namespace

Game SyntheticSeason::espnGame(Game game, const QDateTime &now) const
{
    const int index = int(game.gsis.toInt() % 16);
    const Team *venue = nullptr;
    if (game.gameType == GameType::ProBowl || game.gameType == GameType::SuperBowl) {
        game.neutralSite = true; // a stadium chosen years ahead, here by the season
        venue = &teams[(m_season * 7) % teamCount];
    } else {
        venue = std::find_if(std::cbegin(teams), std::cend(teams),
            [&game](const Team &t) { return game.home.abbreviation == QLatin1StringView(t.abbreviation); });
    }
    if (venue != std::cend(teams)) {
        game.venue = QString::fromUtf8(venue->stadium);
        game.venueCity = QString::fromUtf8(venue->city) + u", "_s + QString::fromUtf8(venue->state);
    }
    // ESPN's names before the game is played, so that possession, spot and play texts use them too.
    toEspnSide(game.home, m_season);
    toEspnSide(game.visitor, m_season);
    game = progress(std::move(game), now);
    game.broadcast = broadcastOf(game, index);
    // ESPN's own identity for the game: its event id is the key, and it has no gsis.
    game.espnId = espnIdOf(game);
    game.eid = game.espnId;
    game.gsis.clear();
    return game;
}

ParsedWeek SyntheticSeason::espnWeek(const WeekKey &key, const QDateTime &now) const
{
    ParsedWeek week {key, FeedDialect::Ajax, {}};
    week.byes = byes(key);
    for (auto game : schedule(key))
        week.games.append(espnGame(std::move(game), now));
    return week;
}

std::optional<Game> SyntheticSeason::espnGame(QStringView espnId, const QDateTime &now) const
{
    for (const auto &key : weeks()) {
        for (auto game : schedule(key)) {
            if (espnIdOf(game) == espnId)
                return espnGame(std::move(game), now);
        }
    }
    return std::nullopt;
}

GameDetail SyntheticSeason::detail(const Game &game, const QDateTime &now) const
{
    const auto games = schedule({game.season, game.seasonType, game.week});
    const auto scheduled = std::find_if(games.cbegin(), games.cend(),
        [&game](const Game &g) { return g.eid == game.eid || (!game.espnId.isEmpty() && espnIdOf(g) == game.espnId); });
    if (scheduled == games.cend())
        return {};
    Game base = *scheduled;
    if (!game.espnId.isEmpty() && game.eid == game.espnId) { // ESPN's flavour: ESPN's abbreviations
        toEspnSide(base.home, m_season);
        toEspnSide(base.visitor, m_season);
    }
    const SyntheticGame sim(base);
    const auto time = gameTime(*scheduled, now, sim.overtime());
    return sim.detail(espnIdOf(*scheduled), time.played, espnState(time.state));
}

std::optional<WeekKey> SyntheticSeason::weekOn(QDate easternDay) const
{
    static const QTimeZone eastern("America/New_York");
    for (const auto &key : weeks()) {
        const auto games = schedule(key);
        if (std::any_of(games.cbegin(), games.cend(),
                [&](const Game &game) { return game.kickoff.toTimeZone(eastern).date() == easternDay; }))
            return key;
    }
    return std::nullopt;
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
