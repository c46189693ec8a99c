#pragma once

#include "gamedetail.h"
#include "scorestripparser.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>

namespace Endzone {

// Writes Endzone's games as ESPN's public NFL JSON (../shared/data/espn/FORMAT.md): a `scoreboard` document for
// a week and a `summary?event=ID` document for a game. Only the paths a scoreboard client reads are written, in
// the 2025 shapes (score as a string, `broadcast`, `isTBDFlex`), so that EspnParser reads back the same games.
// Team ids and names come from TeamDirectory, ESPN's season type and week from SeasonCalendar.
// It is what FeedServer serves in ESPN format.
class EspnWriter
{
public:
    // `details`, by ESPN event id, give the competitors' line scores; a game without one has no `linescores`,
    // as ESPN's games not yet started.
    [[nodiscard]] static QJsonObject scoreboardObject(
        const ParsedWeek &week, const QHash<QString, GameDetail> &details = {});
    [[nodiscard]] static QByteArray scoreboard(const ParsedWeek &week, const QHash<QString, GameDetail> &details = {});
    [[nodiscard]] static QJsonObject summaryObject(const Game &game, const GameDetail &detail);
    [[nodiscard]] static QByteArray summary(const Game &game, const GameDetail &detail);

    // The game's ESPN event id: espnId, else the eid (a game only ESPN delivered has its event id there).
    [[nodiscard]] static QString eventId(const Game &game);
    // "2025-09-07T17:00Z", ESPN's minute-precision UTC.
    [[nodiscard]] static QString dateText(const QDateTime &when);
};

} // namespace Endzone
