#include "schema.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone::Schema {

QList<QStringList> migrations()
{
    return {
        // 0 -> 1: the games table. eid is the key; gsis is kept to recognise a rescheduled game, but it is
        // "0" for every pre-2000s game, so it cannot be a key. Kickoff is seconds since the epoch (UTC),
        // one representation both databases index and compare the same way.
        {
            u"CREATE TABLE games ("
            "eid TEXT PRIMARY KEY, gsis TEXT NOT NULL, season INTEGER NOT NULL, season_type TEXT NOT NULL, "
            "week INTEGER NOT NULL, game_type TEXT NOT NULL, day TEXT NOT NULL, kickoff BIGINT NOT NULL, "
            "state TEXT NOT NULL, clock TEXT NOT NULL, "
            "home_abbr TEXT NOT NULL, home_nickname TEXT NOT NULL, home_score INTEGER, "
            "visitor_abbr TEXT NOT NULL, visitor_nickname TEXT NOT NULL, visitor_score INTEGER, "
            "possession TEXT NOT NULL, red_zone INTEGER NOT NULL, updated_at BIGINT NOT NULL)"_s,
            u"CREATE INDEX games_week ON games (season, season_type, week)"_s,
            u"CREATE INDEX games_gsis ON games (gsis)"_s,
            u"CREATE INDEX games_home ON games (home_abbr, season)"_s,
            u"CREATE INDEX games_visitor ON games (visitor_abbr, season)"_s,
        },
    };
}

QStringList gameColumns()
{
    return {u"eid"_s, u"gsis"_s, u"season"_s, u"season_type"_s, u"week"_s, u"game_type"_s, u"day"_s, u"kickoff"_s,
        u"state"_s, u"clock"_s, u"home_abbr"_s, u"home_nickname"_s, u"home_score"_s, u"visitor_abbr"_s,
        u"visitor_nickname"_s, u"visitor_score"_s, u"possession"_s, u"red_zone"_s};
}

} // namespace Endzone::Schema
