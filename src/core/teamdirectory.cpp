#include "teamdirectory.h"

#include <climits>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

// Today's club: ESPN's id and abbreviation, and colours. The colours are the clubs' own (the values the app's
// badges used before this table existed); a few very dark ones stay readable as a badge behind white text.
struct Club
{
    int id;
    const char16_t *espn;
    const char16_t *primary;
    const char16_t *secondary;
};

constexpr Club clubTable[] = {
    {22, u"ARI", u"#97233F", u"#FFB612"},
    {1, u"ATL", u"#A71930", u"#000000"},
    {33, u"BAL", u"#241773", u"#9E7C0C"},
    {2, u"BUF", u"#00338D", u"#C60C30"},
    {29, u"CAR", u"#0085CA", u"#101820"},
    {3, u"CHI", u"#0B162A", u"#C83803"},
    {4, u"CIN", u"#FB4F14", u"#000000"},
    {5, u"CLE", u"#311D00", u"#FF3C00"},
    {6, u"DAL", u"#003594", u"#869397"},
    {7, u"DEN", u"#FB4F14", u"#002244"},
    {8, u"DET", u"#0076B6", u"#B0B7BC"},
    {9, u"GB", u"#203731", u"#FFB612"},
    {34, u"HOU", u"#03202F", u"#A71930"},
    {11, u"IND", u"#002C5F", u"#A2AAAD"},
    {30, u"JAX", u"#006778", u"#D7A22A"},
    {12, u"KC", u"#E31837", u"#FFB81C"},
    {24, u"LAC", u"#0080C6", u"#FFC20E"},
    {14, u"LAR", u"#003594", u"#FFA300"},
    {13, u"LV", u"#000000", u"#A5ACAF"},
    {15, u"MIA", u"#008E97", u"#FC4C02"},
    {16, u"MIN", u"#4F2683", u"#FFC62F"},
    {17, u"NE", u"#002244", u"#C60C30"},
    {18, u"NO", u"#D3BC8D", u"#101820"},
    {19, u"NYG", u"#0B2265", u"#A71930"},
    {20, u"NYJ", u"#125740", u"#FFFFFF"},
    {21, u"PHI", u"#004C54", u"#A5ACAF"},
    {23, u"PIT", u"#101820", u"#FFB612"},
    {26, u"SEA", u"#002244", u"#69BE28"},
    {25, u"SF", u"#AA0000", u"#B3995D"},
    {27, u"TB", u"#D50A0A", u"#34302B"},
    {10, u"TEN", u"#0C2340", u"#4B92DB"},
    {28, u"WSH", u"#5A1414", u"#FFB612"},
};

// One row per stretch of seasons in which a club kept its code, city and nickname. The codes up to 2014 are
// the scorestrip archive's, verified file by file (seasoncalendar and teamdirectory tests read the archive);
// later ones follow ESPN as the header explains. A club's first row also covers the seasons before it, its
// last row those after it, so `abbreviation()` answers for any season.
struct Era
{
    int id;
    int first;
    int last;
    const char16_t *code;
    const char16_t *location;
    const char16_t *nickname; // lower case, as the scorestrip's hnn/vnn
};

constexpr int Open = 9999;

constexpr Era eraTable[] = {
    {1, 0, Open, u"ATL", u"Atlanta", u"falcons"},
    {2, 0, Open, u"BUF", u"Buffalo", u"bills"},
    {3, 0, Open, u"CHI", u"Chicago", u"bears"},
    {4, 0, Open, u"CIN", u"Cincinnati", u"bengals"},
    {5, 0, Open, u"CLE", u"Cleveland", u"browns"}, // no games 1996-1998: the club was suspended, not moved
    {6, 0, Open, u"DAL", u"Dallas", u"cowboys"},
    {7, 0, Open, u"DEN", u"Denver", u"broncos"},
    {8, 0, Open, u"DET", u"Detroit", u"lions"},
    {9, 0, Open, u"GB", u"Green Bay", u"packers"},
    {10, 0, 1996, u"HOU", u"Houston", u"oilers"},
    {10, 1997, 1998, u"TEN", u"Tennessee", u"oilers"},
    {10, 1999, Open, u"TEN", u"Tennessee", u"titans"},
    {11, 0, 1983, u"BAL", u"Baltimore", u"colts"},
    {11, 1984, Open, u"IND", u"Indianapolis", u"colts"},
    {12, 0, Open, u"KC", u"Kansas City", u"chiefs"},
    {13, 0, 1981, u"OAK", u"Oakland", u"raiders"},
    {13, 1982, 1994, u"RAI", u"Los Angeles", u"raiders"},
    {13, 1995, 2019, u"OAK", u"Oakland", u"raiders"},
    {13, 2020, Open, u"LV", u"Las Vegas", u"raiders"},
    {14, 0, 1981, u"LA", u"Los Angeles", u"rams"},
    {14, 1982, 1994, u"RAM", u"Los Angeles", u"rams"},
    {14, 1995, 2015, u"STL", u"St. Louis", u"rams"},
    {14, 2016, Open, u"LAR", u"Los Angeles", u"rams"},
    {15, 0, Open, u"MIA", u"Miami", u"dolphins"},
    {16, 0, Open, u"MIN", u"Minnesota", u"vikings"},
    {17, 0, 1970, u"BOS", u"Boston", u"patriots"},
    {17, 1971, Open, u"NE", u"New England", u"patriots"},
    {18, 0, Open, u"NO", u"New Orleans", u"saints"},
    {19, 0, Open, u"NYG", u"New York", u"giants"},
    {20, 0, Open, u"NYJ", u"New York", u"jets"},
    {21, 0, Open, u"PHI", u"Philadelphia", u"eagles"},
    {22, 0, 1987, u"STL", u"St. Louis", u"cardinals"},
    {22, 1988, 1993, u"PHO", u"Phoenix", u"cardinals"},
    {22, 1994, Open, u"ARI", u"Arizona", u"cardinals"},
    {23, 0, Open, u"PIT", u"Pittsburgh", u"steelers"},
    {24, 0, 2016, u"SD", u"San Diego", u"chargers"},
    {24, 2017, Open, u"LAC", u"Los Angeles", u"chargers"},
    {25, 0, Open, u"SF", u"San Francisco", u"49ers"},
    {26, 0, Open, u"SEA", u"Seattle", u"seahawks"},
    {27, 0, Open, u"TB", u"Tampa Bay", u"buccaneers"},
    {28, 0, 2019, u"WAS", u"Washington", u"redskins"},
    {28, 2020, 2021, u"WSH", u"Washington", u"football team"},
    {28, 2022, Open, u"WSH", u"Washington", u"commanders"},
    {29, 0, Open, u"CAR", u"Carolina", u"panthers"},
    {30, 0, 2014, u"JAC", u"Jacksonville", u"jaguars"},
    {30, 2015, Open, u"JAX", u"Jacksonville", u"jaguars"},
    {33, 0, Open, u"BAL", u"Baltimore", u"ravens"},
    {34, 0, Open, u"HOU", u"Houston", u"texans"},
};

bool equalsIgnoringCase(const char16_t *text, QStringView other)
{
    return QStringView(text).compare(other, Qt::CaseInsensitive) == 0;
}

const Era *eraOf(int id, int season)
{
    for (const auto &era : eraTable) {
        if (era.id == id && season >= era.first && season <= era.last)
            return &era;
    }
    return nullptr;
}

// "football team" -> "Football Team", "49ers" stays.
QString titleCase(QStringView nickname)
{
    QString text = nickname.toString();
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == 0 || text.at(i - 1) == u' ')
            text[i] = text.at(i).toUpper();
    }
    return text;
}

// How many seasons lie between `season` and an era: 0 inside it.
int distance(const Era &era, int season)
{
    if (season < era.first)
        return era.first - season;
    return season > era.last ? season - era.last : 0;
}

} // namespace

const QList<Franchise> &TeamDirectory::franchises()
{
    static const QList<Franchise> list = [] {
        QList<Franchise> clubs;
        for (const auto &club : clubTable) {
            const Era *today = eraOf(club.id, Open);
            clubs.append({club.id, QString::fromUtf16(club.espn), QString::fromUtf16(today->location),
                titleCase(QStringView(today->nickname)), QString::fromUtf16(club.primary),
                QString::fromUtf16(club.secondary)});
        }
        return clubs;
    }();
    return list;
}

std::optional<Franchise> TeamDirectory::franchise(int id)
{
    for (const auto &club : franchises()) {
        if (club.id == id)
            return club;
    }
    return std::nullopt;
}

std::optional<int> TeamDirectory::franchiseId(QStringView abbreviation, int season, QStringView nickname)
{
    const auto nicknameFits = [nickname](const Era &era) {
        return nickname.isEmpty() || equalsIgnoringCase(era.nickname, nickname);
    };
    // The code in its own season settles nearly everything; the nickname splits STL, BAL and HOU.
    for (const auto &era : eraTable) {
        if (season >= era.first && season <= era.last && equalsIgnoringCase(era.code, abbreviation)
            && nicknameFits(era))
            return era.id;
    }
    // ESPN's and today's codes are valid in any season ("LAR" for a 1990 game, "HOU" is the Texans).
    for (const auto &club : clubTable) {
        if (equalsIgnoringCase(club.espn, abbreviation) && nicknameFits(*eraOf(club.id, Open)))
            return club.id;
    }
    // An old code out of its era ("LA" in 2016, "SD" in 2016's preseason feed): the era nearest in time,
    // with a fitting nickname when there is one.
    for (bool useNickname : {true, false}) {
        const Era *best = nullptr;
        int bestDistance = INT_MAX;
        for (const auto &era : eraTable) {
            if (!equalsIgnoringCase(era.code, abbreviation) || (useNickname && !nicknameFits(era)))
                continue;
            if (const int d = distance(era, season); d < bestDistance) {
                best = &era;
                bestDistance = d;
            }
        }
        if (best)
            return best->id;
    }
    return std::nullopt;
}

QString TeamDirectory::abbreviation(int id, int season)
{
    const Era *era = eraOf(id, season);
    return era ? QString::fromUtf16(era->code) : QString();
}

QString TeamDirectory::nickname(int id, int season)
{
    const Era *era = eraOf(id, season);
    return era ? QString::fromUtf16(era->nickname) : QString();
}

QString TeamDirectory::location(int id, int season)
{
    const Era *era = eraOf(id, season);
    return era ? QString::fromUtf16(era->location) : QString();
}

QString TeamDirectory::displayName(int id, int season)
{
    const Era *era = eraOf(id, season);
    if (!era)
        return {};
    return QString::fromUtf16(era->location) + u' ' + titleCase(QStringView(era->nickname));
}

QStringList TeamDirectory::abbreviations(int id)
{
    QStringList codes;
    for (const auto &era : eraTable) {
        if (era.id == id && !codes.contains(QString::fromUtf16(era.code)))
            codes.append(QString::fromUtf16(era.code));
    }
    for (const auto &club : clubTable) {
        if (club.id == id && !codes.contains(QString::fromUtf16(club.espn)))
            codes.append(QString::fromUtf16(club.espn));
    }
    return codes;
}

} // namespace Endzone
