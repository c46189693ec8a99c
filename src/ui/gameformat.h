#pragma once

#include "game.h"

#include <QString>

namespace Endzone {

// How a fan reads a game and a week: the words on the cards and in the week navigation.
namespace GameFormat {

// "Sun 19:00" (local time) before kickoff, "Q2 08:11", "Half", "OT 04:12", "Final", "Final/OT".
[[nodiscard]] QString stateText(const Game &game);
// The kickoff in the user's local time zone and locale: "Sun 19:00" (or "Sun 7:00 PM").
[[nodiscard]] QString kickoffText(const QDateTime &kickoff);
// "Preseason Week 2", "Week 7", "Wild Card", "Divisional", "Conference Championships", "Super Bowl".
[[nodiscard]] QString weekLabel(const WeekKey &key);
// "Preseason", "Regular Season", "Postseason".
[[nodiscard]] QString seasonTypeName(SeasonType type);
// The week after/before `key` in the feed's calendar (PRE 0-4, REG 1-17, POST 18-22), across seasons.
[[nodiscard]] WeekKey nextWeek(const WeekKey &key);
[[nodiscard]] WeekKey previousWeek(const WeekKey &key);

} // namespace GameFormat
} // namespace Endzone
