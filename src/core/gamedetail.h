#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace Endzone {

// One play of a drive, with only what the game page shows.
struct Play
{
    QString id; // ESPN play id: win-probability points and scoring plays refer to it
    int period = 0;
    QString clock; // "14:29"
    QString type; // "Rush", "Pass Reception", "Field Goal Good"
    QString text;
    QString downDistance; // "2nd & 15 at DAL 20" before the snap; empty for kickoffs and period ends
    int awayScore = 0; // after the play
    int homeScore = 0;
    bool scoring = false;

    friend bool operator==(const Play &, const Play &) = default;
};

// One drive: where it started and ended on the field, and how it ended.
struct Drive
{
    QString id;
    QString team; // abbreviation of the team with the ball
    QString description; // "10 plays, 75 yards, 5:16"
    QString result; // "TD", "FG", "PUNT", "INT", "DOWNS", "END OF HALF" ...
    QString displayResult; // "Touchdown"
    bool isScore = false; // also true when the defence scored
    // Yard lines from the home team's goal line (0..100), as ESPN gives them; -1 when absent.
    int startYardLine = -1;
    int endYardLine = -1;
    QString startText; // "DAL 25"
    QString endText;
    int startPeriod = 0;
    QString startClock;
    int endPeriod = 0;
    QString endClock;
    int yards = 0;
    int offensivePlays = 0;
    QString timeElapsed; // "5:16"
    QList<Play> plays;

    friend bool operator==(const Drive &, const Drive &) = default;
};

struct ScoringPlay
{
    QString id;
    QString team; // abbreviation of the team that scored
    QString type; // "Touchdown", "Field Goal", "Safety"
    QString text; // "Jake Ferguson 18 Yd pass from Dak Prescott (Brandon Aubrey Kick)"
    int period = 0;
    QString clock;
    int awayScore = 0;
    int homeScore = 0;

    friend bool operator==(const ScoringPlay &, const ScoringPlay &) = default;
};

struct WinProbabilityPoint
{
    QString playId;
    double homeWinPercentage = 0; // 0..1

    friend bool operator==(const WinProbabilityPoint &, const WinProbabilityPoint &) = default;
};

// What the game page shows of ESPN's `summary?event=ID`: drives with their plays, scoring plays, the
// win-probability series and the line score. A summary is about 1 MB; this keeps a small part of it, and the
// store keeps only this, never the raw document.
struct GameDetail
{
    QString espnId;
    QString state; // ESPN's "pre", "in" or "post" when the summary was taken
    QList<int> homeLinescore; // points per period
    QList<int> visitorLinescore;
    QList<Drive> drives; // in order; a drive in progress is the last one
    QList<ScoringPlay> scoringPlays;
    QList<WinProbabilityPoint> winProbability;

    [[nodiscard]] int playCount() const;
    [[nodiscard]] bool isEmpty() const { return drives.isEmpty() && scoringPlays.isEmpty(); }
    // Compact JSON, as the store keeps it and /api/games/{id} serves it.
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static GameDetail fromJson(const QJsonObject &object);

    friend bool operator==(const GameDetail &, const GameDetail &) = default;
};

} // namespace Endzone

Q_DECLARE_METATYPE(Endzone::GameDetail)
