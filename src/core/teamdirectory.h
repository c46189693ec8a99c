#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace Endzone {

// The one table of NFL clubs: each franchise by its ESPN team id (FORMAT.md §8: 1 ATL ... 34 HOU), the
// abbreviations it had in each era in both sources, its names by season, and its colours. Every other place
// (store, parsers, models, the web page) asks this table; nothing else keeps a list of teams.
//
// Franchises, not cities: the St. Louis Cardinals (STL 1970-1987, PHO 1988-1993) are ARI, the Houston Oilers
// are TEN, the Baltimore Colts IND, the Boston Patriots NE, the Los Angeles Raiders (RAI) LV, and so on.
struct Franchise
{
    int id = 0; // ESPN team id
    QString abbreviation; // today's ESPN abbreviation: "WSH", "LAR", "LV"
    QString location; // today's: "Washington"
    QString name; // today's: "Commanders"
    QString primaryColor; // "#5A1414": the club's own colours, for the app and the web page
    QString secondaryColor;
};

class TeamDirectory
{
public:
    // The 32 franchises, ordered by today's abbreviation.
    [[nodiscard]] static const QList<Franchise> &franchises();
    [[nodiscard]] static std::optional<Franchise> franchise(int id);

    // A scorestrip code in a season ("STL" 1985 -> 22 Cardinals, "STL" 2010 -> 14 Rams, "WAS", "JAC", "SD");
    // `nickname` ("oilers", lower case as the feed has it) settles codes reused by two clubs in one era. Also
    // accepts ESPN abbreviations ("WSH", "LAR", "JAX", "LV", "LAC") and today's codes in any season.
    [[nodiscard]] static std::optional<int> franchiseId(
        QStringView abbreviation, int season, QStringView nickname = {});

    // The abbreviation Endzone stores and shows for a franchise in a season: the code that season's games have
    // in the scorestrip archive up to 2014 ("WAS", "STL", "SD", "OAK", "JAC"), ESPN's after that ("WSH"
    // from 2020, "LAR" from 2016, "LAC" from 2017, "LV" from 2020, "JAX" from 2015). A game delivered by both
    // sources therefore gets one abbreviation, whichever came first.
    [[nodiscard]] static QString abbreviation(int id, int season);
    // The nickname in that season, lower case as the scorestrip has it: Washington is "redskins" to 2019,
    // "football team" in 2020-2021, "commanders" from 2022.
    [[nodiscard]] static QString nickname(int id, int season);
    // The club's city or region in that season: "St. Louis" for the Rams in 2010.
    [[nodiscard]] static QString location(int id, int season);
    // "Washington Redskins" (2015), "Washington Commanders" (2023).
    [[nodiscard]] static QString displayName(int id, int season);

    // Every code a franchise has had in either source: for searching and for reading old rows.
    [[nodiscard]] static QStringList abbreviations(int id);
};

} // namespace Endzone
