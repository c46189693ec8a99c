// SyntheticGame's drives: who has the ball when, and the plays of each possession. The wording of the plays and
// the summary built from them are in syntheticgame.cpp.
#include "syntheticgame.h"

#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

constexpr double RedZoneMinutes = 1.5; // a touchdown drive spends its last minute and a half inside the 20
constexpr double MinutesPerPlay = 0.55; // game clock per snap, huddle included
constexpr double MinutesPerDrive = 3; // about eleven possessions a team in a real game
// A score this soon after a half's kickoff came on the receiving team's first drive.
constexpr double OpeningDriveMinutes = 4;

} // namespace

// Plays one drive forward on a field (spot from the offence's own goal line, down, distance), then gives its
// plays their game times phase by phase.
class SyntheticDriveBuilder
{
public:
    using Kind = SyntheticGame::Kind;

    SyntheticDriveBuilder(QRandomGenerator &random, SyntheticGame::SimDrive &drive) : m_random(random), m_drive(drive)
    {
        m_spot = drive.startSpot;
        m_distance = std::min(10, 100 - m_spot);
    }

    // Snaps until the spot reaches `target`; the play that gets there lands no further than `cap`.
    void advance(int target, int cap, double minutes)
    {
        const int wanted = std::clamp(int(std::lround(minutes / MinutesPerPlay)), 1, 14);
        const double mean = std::max(2.0, double(target - m_spot) / wanted);
        for (int guard = 0; m_spot < target && guard < 40; ++guard) {
            int gain = m_down < 3 && m_random.bounded(5) == 0
                ? 0
                : std::max(1, int(std::lround(mean * (0.4 + m_random.generateDouble() * 1.2))));
            if (m_down >= 3) // drives that go somewhere convert their third and fourth downs
                gain = std::max(gain, m_distance + m_random.bounded(3));
            if (m_spot + gain >= target)
                gain = std::min(gain, cap - m_spot);
            snap(gain == 0 ? Kind::Incomplete : m_random.bounded(20) < 11 ? Kind::Rush : Kind::Pass, gain);
        }
    }
    // Short gains until fourth down, staying out of the red zone.
    void stall()
    {
        while (m_down < 4) {
            const int gain = std::min(int(m_random.bounded(m_distance)), 79 - m_spot);
            snap(gain == 0 ? Kind::Incomplete : Kind::Rush, gain);
        }
    }
    void snap(Kind kind, int gain, int extra = 0)
    {
        SyntheticGame::SimPlay play;
        play.kind = kind;
        play.from = m_spot;
        play.gain = gain;
        play.extra = extra;
        play.down = m_down;
        play.distance = m_distance;
        m_drive.plays.append(play);
        // A kick is no down (the receiving team's first snap is 1st & 10), and after the others the ball changes
        // hands: the next drive says where.
        if (kind == Kind::Kickoff || kind == Kind::FieldGoal || kind == Kind::Punt || kind == Kind::Interception)
            return;
        m_spot += gain;
        if (gain >= m_distance) {
            m_down = 1;
            m_distance = std::min(10, 100 - m_spot);
        } else {
            ++m_down;
            m_distance -= gain;
        }
    }
    // Spreads the plays since the last call evenly over [from, to], the last one ending at `to`.
    void timePhase(double from, double to)
    {
        const qsizetype count = m_drive.plays.size() - m_timed;
        double previous = from;
        for (qsizetype i = 0; i < count; ++i) {
            auto &play = m_drive.plays[m_timed + i];
            play.snap = previous;
            play.end = from + (to - from) * double(i + 1) / double(count);
            previous = play.end;
        }
        m_timed = m_drive.plays.size();
    }
    void skipTiming() { m_timed = m_drive.plays.size(); }

    [[nodiscard]] int spot() const { return m_spot; }
    [[nodiscard]] int down() const { return m_down; }
    [[nodiscard]] int distance() const { return m_distance; }

private:
    QRandomGenerator &m_random;
    SyntheticGame::SimDrive &m_drive;
    int m_spot = 25;
    int m_down = 1;
    int m_distance = 10;
    qsizetype m_timed = 0;
};

// Possessions alternate, as the rules make them: each half and overtime opens with a kickoff, after a score the
// other team receives, and otherwise the ball goes over on a punt or a turnover. The scoring plays are fixed (the
// scorestrip's scores are theirs), so between two of them the number of drives is odd or even as the scorers
// require: a team that scores twice in a row has the other team's drive in between.
QList<SyntheticGame::Piece> SyntheticGame::pieces() const
{
    QRandomGenerator random(m_seed ^ 0xa17e5);
    QList<Piece> list;
    // Lays drives over [from, to] that alternate from `first`'s, the first after a kickoff; with a score at `to`
    // the last one is the scorer's.
    const auto fill = [&](double from, double to, bool first, const Score *score, const QString &endResult) {
        const double minutes = to - from;
        int count = std::max(1, int(std::lround(minutes / (MinutesPerDrive * (0.7 + random.generateDouble() * 0.6)))));
        if (score && (count % 2 == 1) != (score->home == first))
            count += count == 1 || random.bounded(2) == 0 ? 1 : -1;
        QList<double> weights;
        double total = 0;
        for (int i = 0; i < count; ++i) // a scoring drive takes longer than most
            total += weights.emplace_back((score && i + 1 == count ? 1 : 0.5) + random.generateDouble());
        double start = from;
        for (int i = 0; i < count; ++i) {
            const bool last = i + 1 == count;
            const double end = last ? to : start + minutes * weights.at(i) / total;
            const QString result = !last ? QString() : !score ? endResult : score->points == 7 ? u"TD"_s : u"FG"_s;
            list.append({start, end, (i % 2 == 0) == first, last && score ? score->points : 0, result, i == 0});
            start = end;
        }
    };
    struct Half
    {
        double start;
        double end;
        QString result; // of a drive the clock ends
    };
    QList<Half> halves {{0, 30, u"END OF HALF"_s}, {30, 60, overtime() ? u"END OF REGULATION"_s : u"END OF GAME"_s}};
    if (overtime())
        halves.append({60, 75, u"END OF GAME"_s});
    bool openingReceiver = true;
    for (qsizetype h = 0; h < halves.size(); ++h) {
        const Half &half = halves.at(h);
        QList<const Score *> scores;
        for (const auto &score : m_scores) {
            if (score.minute > half.start && score.minute <= half.end)
                scores.append(&score);
        }
        // The coin toss: the team that kicked off to open the game receives the second half, unless the half's
        // first score comes so soon that it must have been the receiver's opening drive.
        bool receiver = h == 1 ? !openingReceiver : random.bounded(2) == 0;
        if (!scores.isEmpty() && scores.first()->minute - half.start <= OpeningDriveMinutes)
            receiver = scores.first()->home;
        if (h == 0)
            openingReceiver = receiver;
        double from = half.start;
        bool next = receiver;
        for (const Score *score : std::as_const(scores)) {
            fill(from, score->minute, next, score, {});
            from = score->minute;
            next = !score->home;
        }
        // The clock runs to the end of the half, and of overtime even after an overtime score, as the synthetic
        // game clock does.
        if (from < half.end)
            fill(from, half.end, next, nullptr, half.result);
    }
    return list;
}

void SyntheticGame::buildDrives()
{
    const auto list = pieces();
    QRandomGenerator random(m_seed ^ 0xd21e5);
    // Where each drive starts is drawn first: an interception before it has to be returned there, a punt moves it.
    // A quick touchdown comes after a turnover deep in the other half; a kickoff is returned to the receiving
    // team's own side of the field.
    QList<int> starts;
    for (const auto &piece : list) {
        const bool shortTouchdown = !piece.kickoff && piece.points == 7 && piece.end - piece.start < RedZoneMinutes;
        starts.append(shortTouchdown ? 80 + int(random.bounded(13)) : 15 + int(random.bounded(21)));
    }
    int home = 0, away = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto &piece = list.at(i);
        SimDrive drive;
        drive.home = piece.home;
        drive.start = piece.start;
        drive.end = piece.end;
        drive.startSpot = starts.at(i);
        drive.points = piece.points;
        drive.result = piece.result;
        SyntheticDriveBuilder field(random, drive);
        if (piece.kickoff) {
            field.snap(Kind::Kickoff, 0);
            drive.plays.last().snap = drive.plays.last().end = piece.start;
            field.skipTiming();
        }
        const double minutes = piece.end - piece.start;
        if (piece.points == 7) {
            const double redZone = piece.end - RedZoneMinutes;
            if (piece.start < redZone && drive.startSpot < 80) {
                field.advance(80, 80 + int(random.bounded(16)), redZone - piece.start);
                field.timePhase(piece.start, redZone);
            }
            field.advance(100, 100, std::min(minutes, RedZoneMinutes));
            field.timePhase(std::max(piece.start, redZone), piece.end);
        } else if (piece.points == 3) {
            field.advance(60 + int(random.bounded(18)), 79, minutes * 0.8);
            field.stall();
            field.snap(Kind::FieldGoal, 0);
            field.timePhase(piece.start, piece.end);
        } else if (!piece.result.isEmpty()) { // the half or the game runs out
            field.advance(std::min(std::max(35 + int(random.bounded(36)), drive.startSpot + 5), 79), 79, minutes);
            field.timePhase(piece.start, piece.end);
        } else {
            // A few yards a snap for the time the drive has, then the ball goes over: intercepted where a quick
            // touchdown needs it and now and then otherwise, mostly punted, lost on downs when too close to punt.
            const int snaps = std::max(1, int(std::lround(minutes * 0.8 / MinutesPerPlay)));
            field.advance(std::min(drive.startSpot + 3 + int(random.bounded(4 * snaps + 1)), 55), 79, minutes * 0.8);
            if (starts.value(i + 1) >= 80 || random.bounded(8) == 0) {
                drive.result = u"INT"_s;
                field.snap(Kind::Interception, 0);
            } else {
                field.stall();
                if (field.spot() <= 62) {
                    const int length = std::min(38 + int(random.bounded(15)), 95 - field.spot());
                    drive.result = u"PUNT"_s;
                    field.snap(Kind::Punt, 0, length);
                    starts[i + 1] = 100 - (field.spot() + length);
                } else {
                    drive.result = u"DOWNS"_s;
                    const int gain = int(random.bounded(field.distance()));
                    field.snap(gain == 0 ? Kind::Incomplete : Kind::Rush, gain);
                    starts[i + 1] = 100 - field.spot();
                }
            }
            field.timePhase(piece.start, piece.end);
        }
        drive.endSpot = piece.points == 7 ? 100 : field.spot();
        drive.nextStart = starts.value(i + 1, 25);
        for (auto &play : drive.plays) {
            const bool touchdown = play.from + play.gain >= 100 && play.kind != Kind::Kickoff;
            if (touchdown || play.kind == Kind::FieldGoal) {
                play.scoring = true;
                (drive.home ? home : away) += touchdown ? 7 : 3;
            }
            play.homeScore = home;
            play.awayScore = away;
        }
        m_drives.append(drive);
    }
    // What each play leaves for the next snap: the same drive's down and spot, or the next drive's start.
    for (qsizetype d = 0; d < m_drives.size(); ++d) {
        auto &drive = m_drives[d];
        int down = 1, distance = std::min(10, 100 - drive.startSpot), spot = drive.startSpot;
        for (qsizetype p = 0; p < drive.plays.size(); ++p) {
            auto &play = drive.plays[p];
            if (play.kind != Kind::Kickoff) {
                spot = play.from + play.gain;
                if (play.gain >= play.distance) {
                    down = 1;
                    distance = std::min(10, 100 - spot);
                } else {
                    down = play.down + 1;
                    distance = play.distance - play.gain;
                }
            }
            const bool last = p == drive.plays.size() - 1;
            const bool handOver = last && d + 1 < m_drives.size();
            play.nextHome = handOver ? m_drives.at(d + 1).home : drive.home;
            play.nextDown = handOver ? 1 : std::min(down, 4);
            play.nextSpot = handOver ? m_drives.at(d + 1).startSpot : std::clamp(spot, 1, 99);
            play.nextDistance = handOver ? std::min(10, 100 - play.nextSpot) : std::max(1, distance);
            play.homeWin = winProbability(play.homeScore, play.awayScore, play.end, play.nextHome, play.nextSpot);
        }
    }
}

} // namespace Endzone
