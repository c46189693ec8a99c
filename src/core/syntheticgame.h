#pragma once

#include "game.h"
#include "gamedetail.h"

#include <QList>
#include <QString>

namespace Endzone {

// The play-by-play of one synthetic game, deterministic from its eid. The scoring plays are the ones
// SyntheticSeason has always drawn for the score; around them it lays drives of plays that alternate as in a real
// game: each half (and overtime) opens with a kickoff, the scored-upon team receives after every score, and a
// team that scores twice in a row has the other team's punt or turnover between. So at any moment of game time
// the game has a possession, a down and distance, a spot, a red-zone flag, timeouts, a last play and a win
// probability that agree with each other and with the score. Game time is in minutes from kickoff: 0-60, then
// 60-75 in overtime (15-minute periods, as the synthetic clock counts them).
class SyntheticGame
{
public:
    struct Score
    {
        int minute;
        bool home;
        int points;
    };

    explicit SyntheticGame(const Game &scheduled);
    // Only the scoring plays, in game-time order (an overtime field goal last): cheap, no drives.
    [[nodiscard]] static QList<Score> scoresOf(const Game &scheduled);

    [[nodiscard]] const QList<Score> &scores() const { return m_scores; }
    [[nodiscard]] bool overtime() const { return m_scores.last().minute > 60; }
    // Sets possession, redZone, down, distance, ballOn, timeouts, lastPlay and homeWinProbability of `game` for
    // the moment `played` minutes into the game.
    void situate(Game &game, double played) const;
    // What ESPN's summary would show at `played` minutes: the drives and plays so far, the scoring plays, the
    // line score and the win-probability series. `state` is "pre", "in" or "post".
    [[nodiscard]] GameDetail detail(const QString &espnId, double played, const QString &state) const;

private:
    friend class SyntheticDriveBuilder;
    enum class Kind { Rush, Pass, Incomplete, Kickoff, FieldGoal, Punt, Interception };
    struct SimPlay
    {
        Kind kind = Kind::Rush; // what was snapped or kicked
        int from = 25; // spot at the snap, from the offence's own goal line
        int gain = 0;
        int extra = 0; // a punt's length
        int down = 1; // before the snap
        int distance = 10;
        double snap = 0; // game time at the snap
        double end = 0; // and when the play is over
        int homeScore = 0;
        int awayScore = 0;
        bool scoring = false;
        // The next snap's situation for the team with the ball then, and the win probability after the play.
        bool nextHome = true;
        int nextDown = 1;
        int nextDistance = 10;
        int nextSpot = 25; // yards from that team's own goal line
        double homeWin = 0.5;
    };
    struct SimDrive
    {
        bool home = true;
        double start = 0;
        double end = 0;
        int startSpot = 25;
        int endSpot = 25;
        int points = 0;
        int nextStart = 25; // where the next drive starts, from its team's goal line
        QString result; // "TD", "FG", "PUNT", "INT", "END OF HALF", ...
        QList<SimPlay> plays;
    };
    // One possession's time before its plays are laid: who has the ball, how it ends.
    struct Piece
    {
        double start;
        double end;
        bool home;
        int points;
        QString result; // "TD", "FG", an end of half or game, or empty for a punt or turnover
        bool kickoff; // the drive opens with the other team's kickoff: a half starts or the other team scored
    };

    struct Words
    {
        QString type; // "Rush", "Field Goal Good"
        QString text; // "(7:45) A.Reed up the middle to DET 34 for 1 yard."
        QString downDistance; // before the snap; empty for kicks
        QString scoringType; // "Touchdown", "Field Goal"
        QString scoringText;
    };

    [[nodiscard]] static double winProbability(int home, int away, double t, bool homeBall, int spot);
    [[nodiscard]] QList<Piece> pieces() const;
    [[nodiscard]] Words describe(const SimDrive &drive, const SimPlay &play) const;
    void buildDrives();
    [[nodiscard]] QString abbreviation(bool home) const { return home ? m_home : m_visitor; }
    [[nodiscard]] QString spotText(bool home, int spot) const;
    [[nodiscard]] int timeoutsLeft(bool home, double played) const;

    QString m_home;
    QString m_visitor;
    quint64 m_seed = 0;
    QList<Score> m_scores;
    QList<SimDrive> m_drives;
    QList<double> m_timeouts[2]; // [home, visitor]: game times of the timeouts called
};

} // namespace Endzone
