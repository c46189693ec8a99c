#pragma once

#include "game.h"
#include "gamedetail.h"
#include "result.h"
#include "scorestripparser.h"

#include <QByteArrayView>

namespace Endzone {

// One parsed ESPN summary: the game as its header describes it, and the detail the game page shows.
struct ParsedSummary
{
    Game game; // season, week, teams, state and scores from `header`; no situation
    GameDetail detail;
};

// Parses ESPN's public NFL JSON (site.api.espn.com/apis/site/v2/sports/football/nfl/) with QJsonDocument,
// in one parse per document, into the same Game rows the scorestrip gives. ESPN's JSON is unofficial and its
// shape changes by year (../shared/data/espn/FORMAT.md): a missing field is absent, never a crash or a zero
// score; a wrong type or an absurd value rejects that one game, named by event id and path, in
// ParsedWeek::rejected, and the rest of the week is kept.
class EspnParser
{
public:
    // A scoreboard is ~1.2 MB for a week of 16 games with season-to-date leaders; refuse anything far larger.
    static constexpr qsizetype MaxDocumentSize = 8 * 1024 * 1024;

    // A `scoreboard` document. `requested` settles the week when the document has no events.
    [[nodiscard]] static Result<ParsedWeek> parseScoreboard(
        QByteArrayView document, std::optional<WeekKey> requested = {});
    // A `summary?event=ID` document.
    [[nodiscard]] static Result<ParsedSummary> parseSummary(QByteArrayView document);
};

} // namespace Endzone
