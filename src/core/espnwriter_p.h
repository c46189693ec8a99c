#pragma once

#include "gamedetail.h"
#include "scorestripparser.h"

#include <QJsonArray>
#include <QJsonObject>

// EspnWriter's internals shared by its scoreboard half (espnwriter.cpp) and summary half (espnsummarywriter.cpp).
namespace Endzone::EspnWriterDetail {

// A team as ESPN names it: by TeamDirectory when it knows the club, else (the Pro Bowl's AFC and NFC) by itself.
struct EspnTeam
{
    QString id;
    QString abbreviation;
    QString location;
    QString name;
    QString displayName;
    QString color;
    QString alternateColor;
};

EspnTeam espnTeam(const TeamSide &side, int season);
QJsonObject teamObject(const EspnTeam &team);

// Both sides of a game with ESPN's names, and how to read a spot ("DET 34") from the home goal line.
struct Sides
{
    const Game &game;
    EspnTeam home;
    EspnTeam away;

    Sides(const Game &g) : game(g), home(espnTeam(g.home, g.season)), away(espnTeam(g.visitor, g.season)) { }

    [[nodiscard]] std::optional<bool> isHome(QStringView abbreviation) const
    {
        if (abbreviation == game.home.abbreviation || abbreviation == home.abbreviation)
            return true;
        if (abbreviation == game.visitor.abbreviation || abbreviation == away.abbreviation)
            return false;
        return std::nullopt;
    }
    [[nodiscard]] const EspnTeam *team(QStringView abbreviation) const
    {
        const auto side = isHome(abbreviation);
        return side ? (*side ? &home : &away) : nullptr;
    }
    // ESPN's yardLine counts from the home goal line whoever has the ball (FORMAT.md §5).
    [[nodiscard]] std::optional<int> yardLine(QStringView spot) const
    {
        if (spot == u"50")
            return 50;
        const auto space = spot.lastIndexOf(u' ');
        bool ok = false;
        const int yards = space > 0 ? spot.sliced(space + 1).toInt(&ok) : 0;
        const auto side = space > 0 ? isHome(spot.first(space)) : std::nullopt;
        if (!ok || !side || yards < 0 || yards > 50)
            return std::nullopt;
        return *side ? yards : 100 - yards;
    }
    // The spot with ESPN's abbreviation.
    [[nodiscard]] QString spotText(const QString &spot) const
    {
        const auto space = spot.lastIndexOf(u' ');
        const auto *owner = space > 0 ? team(QStringView(spot).first(space)) : nullptr;
        return owner ? owner->abbreviation + spot.mid(space) : spot;
    }
};

// The scorestrip's "07:45" as ESPN's "7:45" and 465 seconds.
std::pair<QString, int> clockOf(const QString &clock);
// `status`; `withClock` adds clock, displayClock and period.
QJsonObject statusObject(const Game &game, bool withClock);
QJsonObject venueObject(const Game &game);
QJsonObject situationObject(const Sides &sides);
// One competitor; `summaryShape` writes a summary header's (no score before kickoff, display-only line score).
QJsonObject competitorObject(
    const Game &game, const EspnTeam &team, bool home, const QList<int> *linescore, bool summaryShape);

} // namespace Endzone::EspnWriterDetail
