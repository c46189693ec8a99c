#pragma once

#include "game.h"
#include "result.h"

#include <QByteArrayView>
#include <QList>

namespace Endzone {

// Which of the feed's two documents this was parsed from (FORMAT.md §1).
enum class FeedDialect { Ajax, LiveUpdate };

// One parsed scorestrip document: the week it describes and its games.
struct ParsedWeek
{
    WeekKey key;
    FeedDialect dialect = FeedDialect::Ajax;
    QList<Game> games;
    QStringList byes; // abbreviations of the teams on bye (ESPN's week.teamsOnBye); empty from the scorestrip
    // Games of the document that were refused (a wrong type, an absurd value), each "event ID: path: why".
    // The rest of the week is still good; these are reported and never stored.
    QStringList rejected;
};

// Parses both dialects of the scorestrip XML with QXmlStreamReader, in one pass over the document.
// Either the whole week parses or the result is an error naming the problem and its line and column:
// never a partial week.
class ScorestripParser
{
public:
    // Documents larger than this are refused before parsing: a real week is a few kilobytes.
    static constexpr qsizetype MaxDocumentSize = 4 * 1024 * 1024;

    // `requested` is the week that was asked for; it settles what the document cannot say by itself
    // (an empty week, or the ajax dialect's `t="P"` that means both preseason and postseason).
    [[nodiscard]] static Result<ParsedWeek> parse(QByteArrayView document, std::optional<WeekKey> requested = {});

    // Kickoff from the eid's date, the `t` wall time without AM/PM and the `d` day (FORMAT.md §5):
    // 12:xx is noon, Sunday 9-11 is morning (London), everything else is PM, in America/New_York.
    [[nodiscard]] static QDateTime kickoff(QStringView eid, QStringView time, QStringView day);
};

} // namespace Endzone
