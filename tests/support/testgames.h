#pragma once

#include "game.h"

#include <QDateTime>
#include <QString>

namespace Endzone::Test {

// The week that tests building games by hand play in: the 2025 regular season's week 3 (Sunday 2025-09-21).
inline constexpr WeekKey testWeek {2025, SeasonType::Reg, 3};

// A game of testWeek before kickoff (no scores): `hour`:00 UTC on 2025-09-21, the teams by abbreviation with a
// made-up nickname ("KC" -> "kcs"), the gsis the eid's last five digits.
[[nodiscard]] inline Game scheduledGame(const QString &eid, const QString &home, const QString &visitor, int hour)
{
    Game g;
    g.eid = eid;
    g.gsis = eid.right(5);
    g.season = testWeek.season;
    g.seasonType = testWeek.type;
    g.week = testWeek.week;
    g.day = QStringLiteral("Sun");
    g.kickoff = QDateTime(QDate(2025, 9, 21), QTime(hour, 0), Qt::UTC);
    g.home = {home, home.toLower() + QStringLiteral("s"), std::nullopt};
    g.visitor = {visitor, visitor.toLower() + QStringLiteral("s"), std::nullopt};
    return g;
}

// `g` in play: the given score, quarter and clock, the home team with the ball.
[[nodiscard]] inline Game liveGame(Game g, int homeScore, int visitorScore, GameState state = GameState::Quarter2,
    const QString &clock = QStringLiteral("08:11"))
{
    g.state = state;
    g.clock = clock;
    g.home.score = homeScore;
    g.visitor.score = visitorScore;
    g.possession = g.home.abbreviation;
    return g;
}

// `g` as the ESPN source delivers it: its event id, where it is played and who shows it.
[[nodiscard]] inline Game espnGame(Game g, const QString &espnId, const QString &venue, const QString &venueCity,
    const QString &broadcast, bool neutralSite = false)
{
    g.espnId = espnId;
    g.venue = venue;
    g.venueCity = venueCity;
    g.broadcast = broadcast;
    g.neutralSite = neutralSite;
    return g;
}

// `g` with ESPN's live situation: `down` and `distance` at `ballOn` ("DET 34"), the timeouts each side has left,
// the last play's text and the home side's chance to win (0..1).
[[nodiscard]] inline Game withSituation(Game g, int down, int distance, const QString &ballOn, int homeTimeouts = 3,
    int visitorTimeouts = 3, const QString &lastPlay = {}, std::optional<double> homeWinProbability = std::nullopt)
{
    g.down = down;
    g.distance = distance;
    g.ballOn = ballOn;
    g.homeTimeouts = homeTimeouts;
    g.visitorTimeouts = visitorTimeouts;
    g.lastPlay = lastPlay;
    g.homeWinProbability = homeWinProbability;
    return g;
}

} // namespace Endzone::Test
