#include "syntheticgame.h"

#include <QRandomGenerator>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

// The scoring plays SyntheticSeason has always drawn from the eid: the scorestrip's scores depend on them.
QList<SyntheticGame::Score> SyntheticGame::scoresOf(const Game &scheduled)
{
    QRandomGenerator random(scheduled.eid.toULongLong() ^ 0x5eed);
    QList<SyntheticGame::Score> plays;
    for (bool home : {true, false}) {
        const int drives = 2 + random.bounded(5);
        for (int i = 0; i < drives; ++i)
            plays.append({1 + random.bounded(59), home, random.bounded(3) == 0 ? 3 : 7});
    }
    std::sort(plays.begin(), plays.end(), [](const auto &a, const auto &b) { return a.minute < b.minute; });
    int home = 0, visitor = 0;
    for (const auto &play : plays)
        (play.home ? home : visitor) += play.points;
    if (home == visitor && random.bounded(10) != 0) // most ties are settled in overtime
        plays.append({60 + 1 + random.bounded(9), random.bounded(2) == 0, 3});
    return plays;
}

namespace {

// The period a moment belongs to when something starts then (15:00 of the 3rd at 30), and when something
// ends then (0:00 of the 2nd at 30).
int periodAtStart(double t)
{
    return t >= 60 ? 5 : std::min(4, int(t / 15) + 1);
}
int periodAtEnd(double t)
{
    return t > 60 ? 5 : std::clamp(int(std::ceil(t / 15)), 1, 4);
}
// The period of a moment of a drive: a drive that ends at halftime is all in the 2nd quarter, even a play at
// 30:00 when two scores came in the half's last minute.
int periodIn(double t, double driveEnd)
{
    return std::min(periodAtStart(t), periodAtEnd(driveEnd));
}
QString clockText(int period, double t)
{
    const double periodEnd = period == 5 ? 75 : period * 15;
    const int left = std::max(0, int((periodEnd - t) * 60));
    return u"%1:%2"_s.arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0'));
}

QString ordinal(int down)
{
    static constexpr QLatin1StringView ordinals[] = {"1st"_L1, "2nd"_L1, "3rd"_L1, "4th"_L1};
    return QString(ordinals[std::clamp(down, 1, 4) - 1]);
}

QString yardsText(int yards)
{
    return yards == 0 ? u"no gain"_s : yards == 1 ? u"1 yard"_s : QString::number(yards) + u" yards"_s;
}

// A plausible name per club and role (0 QB, 1 RB, 2-3 WR, 4 K, 5 P), stable across runs.
QString player(const QString &team, int role)
{
    static constexpr QLatin1StringView surnames[] = {"Carter"_L1, "Hale"_L1, "Reed"_L1, "Moss"_L1, "Banks"_L1,
        "Price"_L1, "Ward"_L1, "Fields"_L1, "Stone"_L1, "Cole"_L1, "Lane"_L1, "Brooks"_L1, "Hayes"_L1, "Rhodes"_L1,
        "Pierce"_L1, "Knox"_L1, "Tate"_L1, "Dunn"_L1, "Wells"_L1, "Gray"_L1, "Boyd"_L1, "Lowe"_L1, "Mack"_L1};
    uint hash = 7;
    for (QChar c : team)
        hash = hash * 31 + c.unicode();
    const uint initial = (hash + uint(role) * 7) % 26;
    return QChar(u'A' + initial) + u"."_s + surnames[(hash * 3 + uint(role) * 5) % std::size(surnames)];
}

} // namespace

// Home win probability from the score, the time left and who has the ball where: a normal model of the final
// margin whose spread shrinks with the time left, as simple public models do.
double SyntheticGame::winProbability(int home, int away, double t, bool homeBall, int spot)
{
    const double remaining = t >= 60 ? std::max(0.0, 75 - t) / 3 : std::max(0.0, 60 - t);
    const double field = (homeBall ? 1 : -1) * (spot - 30) / 20.0;
    const double lead = home - away + field + 1.5 * remaining / 60;
    const double sigma = 13.5 * std::sqrt(std::max(remaining, 0.2) / 60);
    const double p = 0.5 * std::erfc(-lead / (sigma * std::sqrt(2.0)));
    return std::round(std::clamp(p, 0.001, 0.999) * 10000) / 10000;
}

namespace {

QString displayResult(const QString &result)
{
    static const QHash<QString, QString> names {{u"TD"_s, u"Touchdown"_s}, {u"FG"_s, u"Field Goal"_s},
        {u"PUNT"_s, u"Punt"_s}, {u"INT"_s, u"Interception"_s}, {u"DOWNS"_s, u"Downs"_s},
        {u"END OF HALF"_s, u"End of Half"_s}, {u"END OF REGULATION"_s, u"End of Regulation"_s},
        {u"END OF GAME"_s, u"End of Game"_s}};
    return names.value(result, result);
}

} // namespace

SyntheticGame::SyntheticGame(const Game &scheduled)
    : m_home(scheduled.home.abbreviation)
    , m_visitor(scheduled.visitor.abbreviation)
    , m_seed(scheduled.eid.toULongLong())
    , m_scores(scoresOf(scheduled))
{
    QRandomGenerator random(m_seed ^ 0x7173);
    // Timeouts: up to three per team and half, two in overtime, each called at a random moment.
    const double end = overtime() ? 75 : 60;
    for (int side = 0; side < 2; ++side) {
        for (const auto &[from, to, most] :
            {std::tuple {0.0, 30.0, 3}, std::tuple {30.0, 60.0, 3}, std::tuple {60.0, end, 2}}) {
            const int used = int(random.bounded(most + 1));
            for (int i = 0; i < used && to > from; ++i)
                m_timeouts[side].append(from + random.generateDouble() * (to - from));
        }
    }
    buildDrives();
}

QString SyntheticGame::spotText(bool home, int spot) const
{
    if (spot == 50)
        return u"50"_s;
    return spot < 50 ? abbreviation(home) + u' ' + QString::number(spot)
                     : abbreviation(!home) + u' ' + QString::number(100 - spot);
}

int SyntheticGame::timeoutsLeft(bool home, double played) const
{
    const double from = played < 30 ? 0 : played < 60 ? 30 : 60;
    const double to = played < 30 ? 30 : played < 60 ? 60 : 1e9;
    const auto &times = m_timeouts[home ? 0 : 1];
    const auto used
        = std::count_if(times.cbegin(), times.cend(), [&](double t) { return t >= from && t < to && t <= played; });
    return (from >= 60 ? 2 : 3) - int(used);
}

SyntheticGame::Words SyntheticGame::describe(const SimDrive &drive, const SimPlay &play) const
{
    // Words are made only for the plays asked about: a live week asks for one per game.
    Words words;
    const auto kind = play.kind;
    const bool offence = kind == Kind::Kickoff ? !drive.home : drive.home;
    const QString clock = u"("_s + clockText(periodIn(play.snap, drive.end), play.snap) + u") "_s;
    const int to = play.from + play.gain;
    const bool touchdown = to >= 100 && kind != Kind::Kickoff;
    const QString passer = player(abbreviation(offence), 0), runner = player(abbreviation(offence), 1);
    const QString receiver = player(abbreviation(offence), 2 + int(play.from % 2));
    const QString kicker = player(abbreviation(offence), 4);
    if (kind != Kind::Kickoff) {
        words.downDistance = ordinal(play.down) + u" & "_s
            + (play.from + play.distance >= 100 ? u"Goal"_s : QString::number(play.distance)) + u" at "_s
            + spotText(drive.home, play.from);
    }
    switch (kind) {
    case Kind::Rush:
        words.type = touchdown ? u"Rushing Touchdown"_s : u"Rush"_s;
        words.text = runner + (play.gain > 8 ? u" left end"_s : u" up the middle"_s)
            + (touchdown ? QString(u" for "_s + yardsText(play.gain) + u", TOUCHDOWN."_s)
                         : QString(u" to "_s + spotText(drive.home, to) + u" for "_s + yardsText(play.gain) + u'.'));
        words.scoringText = runner + u" %1 Yd Run (%2 Kick)"_s.arg(play.gain).arg(kicker);
        break;
    case Kind::Pass:
        words.type = touchdown ? u"Passing Touchdown"_s : u"Pass Reception"_s;
        words.text = passer + (play.gain > 15 ? u" pass deep right to "_s : u" pass short left to "_s) + receiver
            + (touchdown ? QString(u" for "_s + yardsText(play.gain) + u", TOUCHDOWN."_s)
                         : QString(u" to "_s + spotText(drive.home, to) + u" for "_s + yardsText(play.gain) + u'.'));
        words.scoringText = receiver + u" %1 Yd pass from %2 (%3 Kick)"_s.arg(play.gain).arg(passer, kicker);
        break;
    case Kind::Incomplete:
        words.type = u"Pass Incompletion"_s;
        words.text = passer + u" pass incomplete short right to "_s + receiver + u'.';
        break;
    case Kind::Kickoff:
        words.type = u"Kickoff"_s;
        words.text = kicker + u" kicks 65 yards from "_s + spotText(offence, 35)
            + (drive.startSpot == 25
                    ? u" to end zone, Touchback."_s
                    : QString(u" to "_s + spotText(offence, 100) + u", "_s + player(abbreviation(drive.home), 3)
                        + u" returns to "_s + spotText(drive.home, drive.startSpot) + u'.'));
        break;
    case Kind::FieldGoal:
        words.type = u"Field Goal Good"_s;
        words.text = kicker + u" %1 yard field goal is GOOD."_s.arg(100 - play.from + 17);
        words.scoringText = kicker + u" %1 Yd Field Goal"_s.arg(100 - play.from + 17);
        break;
    case Kind::Punt:
        words.type = u"Punt"_s;
        words.text = player(abbreviation(offence), 5) + u" punts %1 yards to "_s.arg(play.extra)
            + spotText(drive.home, play.from + play.extra) + u", fair catch."_s;
        break;
    case Kind::Interception:
        words.type = u"Pass Interception Return"_s;
        words.text = passer + u" pass deep left intended for "_s + receiver + u" INTERCEPTED, returned to "_s
            + spotText(!drive.home, drive.nextStart) + u'.';
        break;
    }
    words.text = clock + words.text;
    if (play.scoring)
        words.scoringType = touchdown ? u"Touchdown"_s : u"Field Goal"_s;
    else
        words.scoringText.clear();
    return words;
}

void SyntheticGame::situate(Game &game, double played) const
{
    const SimPlay *last = nullptr;
    const SimDrive *lastDrive = nullptr;
    for (const auto &drive : m_drives) {
        for (const auto &play : drive.plays) {
            if (play.end <= played) {
                last = &play;
                lastDrive = &drive;
            }
        }
    }
    if (!last)
        return;
    // The scorestrip's possession and red-zone flag come from the same drives as the spot, so they cannot
    // disagree: the team to snap next has the ball, inside the opponent's 20 it is in the red zone.
    game.possession = abbreviation(last->nextHome);
    game.redZone = last->nextSpot >= 80;
    game.down = last->nextDown;
    game.distance = last->nextDistance;
    game.ballOn = spotText(last->nextHome, last->nextSpot);
    game.homeTimeouts = timeoutsLeft(true, played);
    game.visitorTimeouts = timeoutsLeft(false, played);
    game.lastPlay = describe(*lastDrive, *last).text;
    game.homeWinProbability = last->homeWin;
}

GameDetail SyntheticGame::detail(const QString &espnId, double played, const QString &state) const
{
    GameDetail detail;
    detail.espnId = espnId;
    detail.state = state;
    if (state == u"pre"_s || m_drives.isEmpty())
        return detail;
    const double t = state == u"post"_s ? 1e9 : played;
    const int periods = state == u"post"_s ? (overtime() ? 5 : 4) : periodAtEnd(std::max(t, 0.001));
    detail.homeLinescore.fill(0, periods);
    detail.visitorLinescore.fill(0, periods);
    for (const auto &score : m_scores) {
        if (score.minute <= t && periodAtEnd(score.minute) <= periods)
            (score.home ? detail.homeLinescore : detail.visitorLinescore)[periodAtEnd(score.minute) - 1]
                += score.points;
    }
    detail.winProbability.append(
        {espnId + u"1"_s, winProbability(0, 0, 0, m_drives.first().home, m_drives.first().startSpot)});
    for (qsizetype d = 0; d < m_drives.size(); ++d) {
        const auto &sim = m_drives.at(d);
        Drive drive;
        drive.id = espnId + QString::number(d + 1);
        drive.team = abbreviation(sim.home);
        for (qsizetype p = 0; p < sim.plays.size() && sim.plays.at(p).end <= t; ++p) {
            const auto &simPlay = sim.plays.at(p);
            const Words words = describe(sim, simPlay);
            Play play;
            play.id = drive.id + u"%1"_s.arg(p, 3, 10, QLatin1Char('0'));
            play.period = periodIn(simPlay.snap, sim.end);
            play.clock = clockText(play.period, simPlay.snap);
            play.type = words.type;
            play.text = words.text;
            play.downDistance = words.downDistance;
            play.homeScore = simPlay.homeScore;
            play.awayScore = simPlay.awayScore;
            play.scoring = simPlay.scoring;
            if (simPlay.kind != Kind::Kickoff)
                ++drive.offensivePlays;
            if (simPlay.scoring) {
                const int period = periodAtEnd(simPlay.end);
                detail.scoringPlays.append({play.id, drive.team, words.scoringType, words.scoringText, period,
                    clockText(period, simPlay.end), simPlay.awayScore, simPlay.homeScore});
            }
            detail.winProbability.append({play.id, simPlay.homeWin});
            drive.plays.append(play);
        }
        if (drive.plays.isEmpty())
            break;
        const bool complete = sim.end <= t;
        const auto &lastPlay = sim.plays.at(drive.plays.size() - 1);
        const int endSpot = complete ? sim.endSpot : (lastPlay.nextHome == sim.home ? lastPlay.nextSpot : sim.endSpot);
        const double end = complete ? sim.end : lastPlay.end;
        const auto homeLine = [&sim](int spot) {
            return sim.home ? spot : 100 - spot;
        };
        drive.startYardLine = homeLine(sim.startSpot);
        drive.endYardLine = homeLine(endSpot);
        drive.startText = spotText(sim.home, sim.startSpot);
        drive.endText = endSpot >= 100 ? abbreviation(!sim.home) + u" 0"_s : spotText(sim.home, endSpot);
        drive.startPeriod = periodIn(sim.start, sim.end);
        drive.startClock = clockText(drive.startPeriod, sim.start);
        drive.endPeriod = periodAtEnd(end);
        drive.endClock = clockText(drive.endPeriod, end);
        drive.yards = endSpot - sim.startSpot;
        const int seconds = int(std::lround((end - sim.start) * 60));
        drive.timeElapsed = u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
        drive.description
            = u"%1 plays, %2 yards, %3"_s.arg(drive.offensivePlays).arg(drive.yards).arg(drive.timeElapsed);
        if (complete) {
            drive.result = sim.result;
            drive.displayResult = displayResult(sim.result);
            drive.isScore = sim.points > 0;
        }
        detail.drives.append(drive);
        if (!complete)
            break;
    }
    return detail;
}

} // namespace Endzone
