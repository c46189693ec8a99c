#pragma once

#include "game.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Endzone {

// One thing a fan is told about a game: what happened, in the words of a desktop notification.
struct Alert
{
    enum class Kind { Kickoff, Score, LeadChange, Final };
    Kind kind = Kind::Score;
    QString eid;
    QString summary; // "Cowboys +7"
    QString body; // "NYG 17, DAL 21 · 2nd quarter 8:11", then the scoring play on its own line when known

    friend bool operator==(const Alert &, const Alert &) = default;
};

// The rule, with no state and no I/O: a game's previous state and its new one give the alerts, in the order a
// fan reads them (kickoff, each score, a lead change, the final). Texts go through tr() (context "GameAlerts").
//
// - Kickoff: the game went from pregame to in play.
// - Score: each side whose score went up while the game was on (a correction downwards says nothing). The
//   scoring play's text (ESPN's lastPlay) is added when only one side scored and the play is new.
// - Lead change: a side now leads and the side that last led (`lastLeader`, kept across ties) was the other.
// - Final: the game became final. A game first seen before kickoff and next seen final gives only the final.
class GameAlerts
{
    Q_DECLARE_TR_FUNCTIONS(GameAlerts)
public:
    [[nodiscard]] static QList<Alert> between(const Game &before, const Game &after, const QString &lastLeader);
    // The abbreviation of the side strictly ahead, empty on a tie or before any score.
    [[nodiscard]] static QString leader(const Game &game);
    // "Cowboys": the club's nickname in the game's season, else the abbreviation.
    [[nodiscard]] static QString teamName(const TeamSide &side, int season);
    // "NYG 17, DAL 21 · 2nd quarter 8:11" (visitor first, as in "Giants at Cowboys").
    [[nodiscard]] static QString scoreLine(const Game &game);
    // "2nd quarter 8:11", "Halftime", "Overtime 3:12", "Final".
    [[nodiscard]] static QString periodText(const Game &game);
};

} // namespace Endzone

Q_DECLARE_METATYPE(Endzone::Alert)
