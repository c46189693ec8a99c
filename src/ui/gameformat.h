#pragma once

#include "game.h"

#include <QString>

namespace Endzone {

// How a fan reads a game and a week: the words on the cards and in the week navigation. (Which week comes
// next is SeasonCalendar's.)
namespace GameFormat {

// "Sun 19:00" (local time) before kickoff, "Q2 08:11", "Half", "OT 04:12", "Final", "Final/OT".
[[nodiscard]] QString stateText(const Game &game);
// The kickoff in the user's local time zone and locale: "Sun 19:00" (or "Sun 7:00 PM").
[[nodiscard]] QString kickoffText(const QDateTime &kickoff);
// "Preseason Week 2", "Week 7", "Wild Card", "Divisional", "Conference Championships", "Super Bowl": the
// calendar's names (SeasonCalendar::label), so the wild card is week 18 in 2015 and 19 in 2023.
[[nodiscard]] QString weekLabel(const WeekKey &key);
// "Preseason", "Regular Season", "Postseason".
[[nodiscard]] QString seasonTypeName(SeasonType type);

} // namespace GameFormat
} // namespace Endzone
