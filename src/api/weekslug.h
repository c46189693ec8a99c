#pragma once

#include "game.h"

#include <QString>
#include <QStringView>
#include <optional>

namespace Endzone {

// The URL forms of a season and a week, as the original API named them: `12`, `pre-3`, the postseason by name
// (`wc`, `div`, `con`, `pro`, `sb`) or by the feed's number (18-22 to 2020, 19-23 from 2021). Which weeks a
// season has is SeasonCalendar's rule; this adds the URL's bounds on the year. Pure functions with no state,
// so they can be fuzzed; anything they do not accept is std::nullopt, never a guess.
class WeekSlug
{
public:
    static constexpr int MinYear = 1920; // the league's first season
    static constexpr int MaxYear = 2100;

    // Exactly four ASCII digits within [MinYear, MaxYear].
    [[nodiscard]] static std::optional<int> parseYear(QStringView text);
    [[nodiscard]] static std::optional<WeekKey> parse(int season, QStringView slug);
    // The canonical slug: `12`, `pre-3`, `wc`...; parse(season, toSlug(key)) == key for every valid key.
    [[nodiscard]] static QString toSlug(const WeekKey &key);
    [[nodiscard]] static bool isValid(const WeekKey &key);
    // A game id in a URL: exactly ten ASCII digits (an eid, YYYYMMDDNN) or nine (an ESPN event id). Not a regular
    // expression: "^\d{10}$" also matched "2015113000\n", since $ matches before a final newline (fuzz_weekslug).
    [[nodiscard]] static bool isGameId(QStringView text);
};

} // namespace Endzone
