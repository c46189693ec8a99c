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
        // 1 -> 2: the ESPN source. Old rows keep every value and get empty new columns (the franchise ids are
        // filled in by GameStore after this step, from the team directory). The live situation is nullable:
        // absent is not zero. A game's detail (drives, plays, scoring plays, win probability) is kept as the
        // compact JSON the game page shows, never ESPN's ~1 MB summary. Byes belong to a week, not a game.
        {
            u"ALTER TABLE games ADD COLUMN espn_id TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE games ADD COLUMN home_team INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE games ADD COLUMN visitor_team INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE games ADD COLUMN venue TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE games ADD COLUMN venue_city TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE games ADD COLUMN neutral_site INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE games ADD COLUMN broadcast TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE games ADD COLUMN down INTEGER"_s,
            u"ALTER TABLE games ADD COLUMN distance INTEGER"_s,
            u"ALTER TABLE games ADD COLUMN ball_on TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE games ADD COLUMN home_timeouts INTEGER"_s,
            u"ALTER TABLE games ADD COLUMN visitor_timeouts INTEGER"_s,
            u"ALTER TABLE games ADD COLUMN last_play TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE games ADD COLUMN home_win_probability DOUBLE PRECISION"_s,
            u"CREATE INDEX games_espn ON games (espn_id)"_s,
            u"CREATE INDEX games_franchises ON games (season, season_type, home_team, visitor_team)"_s,
            u"CREATE TABLE game_details (eid TEXT PRIMARY KEY, espn_id TEXT NOT NULL, state TEXT NOT NULL, "
            "detail TEXT NOT NULL, updated_at BIGINT NOT NULL)"_s,
            u"CREATE TABLE week_byes (season INTEGER NOT NULL, season_type TEXT NOT NULL, week INTEGER NOT NULL, "
            "teams TEXT NOT NULL, PRIMARY KEY (season, season_type, week))"_s,
        },
    };
}

QStringList gameColumns()
{
    return {u"eid"_s, u"gsis"_s, u"season"_s, u"season_type"_s, u"week"_s, u"game_type"_s, u"day"_s, u"kickoff"_s,
        u"state"_s, u"clock"_s, u"home_abbr"_s, u"home_nickname"_s, u"home_score"_s, u"visitor_abbr"_s,
        u"visitor_nickname"_s, u"visitor_score"_s, u"possession"_s, u"red_zone"_s, u"espn_id"_s, u"home_team"_s,
        u"visitor_team"_s, u"venue"_s, u"venue_city"_s, u"neutral_site"_s, u"broadcast"_s, u"down"_s, u"distance"_s,
        u"ball_on"_s, u"home_timeouts"_s, u"visitor_timeouts"_s, u"last_play"_s, u"home_win_probability"_s};
}

} // namespace Endzone::Schema
