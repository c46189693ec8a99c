#include "teamcolors.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

struct Club
{
    const char16_t *abbreviation;
    const char16_t *city;
    const char16_t *nickname;
    QRgb primary;
    QRgb secondary;
};

// Primary colours are the clubs' own; a few very dark ones (navy on a dark card) keep their hue but are
// readable as a badge background with white text, which is all the UI asks of them.
constexpr Club clubTable[] = {
    {u"ARI", u"Arizona", u"Cardinals", 0x97233F, 0xFFB612},
    {u"ATL", u"Atlanta", u"Falcons", 0xA71930, 0x000000},
    {u"BAL", u"Baltimore", u"Ravens", 0x241773, 0x9E7C0C},
    {u"BUF", u"Buffalo", u"Bills", 0x00338D, 0xC60C30},
    {u"CAR", u"Carolina", u"Panthers", 0x0085CA, 0x101820},
    {u"CHI", u"Chicago", u"Bears", 0x0B162A, 0xC83803},
    {u"CIN", u"Cincinnati", u"Bengals", 0xFB4F14, 0x000000},
    {u"CLE", u"Cleveland", u"Browns", 0x311D00, 0xFF3C00},
    {u"DAL", u"Dallas", u"Cowboys", 0x003594, 0x869397},
    {u"DEN", u"Denver", u"Broncos", 0xFB4F14, 0x002244},
    {u"DET", u"Detroit", u"Lions", 0x0076B6, 0xB0B7BC},
    {u"GB", u"Green Bay", u"Packers", 0x203731, 0xFFB612},
    {u"HOU", u"Houston", u"Texans", 0x03202F, 0xA71930},
    {u"IND", u"Indianapolis", u"Colts", 0x002C5F, 0xA2AAAD},
    {u"JAX", u"Jacksonville", u"Jaguars", 0x006778, 0xD7A22A},
    {u"KC", u"Kansas City", u"Chiefs", 0xE31837, 0xFFB81C},
    {u"LA", u"Los Angeles", u"Rams", 0x003594, 0xFFA300},
    {u"LAC", u"Los Angeles", u"Chargers", 0x0080C6, 0xFFC20E},
    {u"LV", u"Las Vegas", u"Raiders", 0x000000, 0xA5ACAF},
    {u"MIA", u"Miami", u"Dolphins", 0x008E97, 0xFC4C02},
    {u"MIN", u"Minnesota", u"Vikings", 0x4F2683, 0xFFC62F},
    {u"NE", u"New England", u"Patriots", 0x002244, 0xC60C30},
    {u"NO", u"New Orleans", u"Saints", 0xD3BC8D, 0x101820},
    {u"NYG", u"New York", u"Giants", 0x0B2265, 0xA71930},
    {u"NYJ", u"New York", u"Jets", 0x125740, 0xFFFFFF},
    {u"PHI", u"Philadelphia", u"Eagles", 0x004C54, 0xA5ACAF},
    {u"PIT", u"Pittsburgh", u"Steelers", 0x101820, 0xFFB612},
    {u"SEA", u"Seattle", u"Seahawks", 0x002244, 0x69BE28},
    {u"SF", u"San Francisco", u"49ers", 0xAA0000, 0xB3995D},
    {u"TB", u"Tampa Bay", u"Buccaneers", 0xD50A0A, 0x34302B},
    {u"TEN", u"Tennessee", u"Titans", 0x0C2340, 0x4B92DB},
    {u"WAS", u"Washington", u"Commanders", 0x5A1414, 0xFFB612},
};

// Abbreviations the feed used in earlier seasons, mapped to today's club.
constexpr std::pair<const char16_t *, const char16_t *> aliases[] = {
    {u"STL", u"LA"},
    {u"LAR", u"LA"},
    {u"SD", u"LAC"},
    {u"OAK", u"LV"},
    {u"JAC", u"JAX"},
    {u"WSH", u"WAS"},
};

TeamColors::Info toInfo(const Club &club)
{
    return {QString::fromUtf16(club.abbreviation), QString::fromUtf16(club.city), QString::fromUtf16(club.nickname),
        QColor::fromRgb(club.primary), QColor::fromRgb(club.secondary)};
}

const QHash<QString, TeamColors::Info> &table()
{
    static const auto clubs = [] {
        QHash<QString, TeamColors::Info> hash;
        for (const auto &club : clubTable)
            hash.insert(QString::fromUtf16(club.abbreviation), toInfo(club));
        for (const auto &[old, current] : aliases) {
            auto info = hash.value(QString::fromUtf16(current));
            info.abbreviation = QString::fromUtf16(old);
            hash.insert(info.abbreviation, info);
        }
        return hash;
    }();
    return clubs;
}

} // namespace

TeamColors::Info TeamColors::info(const QString &abbreviation)
{
    if (auto it = table().constFind(abbreviation.toUpper()); it != table().cend())
        return *it;
    return {abbreviation, QString(), abbreviation, QColor(0x55, 0x5B, 0x66), QColor(0xAA, 0xAA, 0xAA)};
}

QList<TeamColors::Info> TeamColors::clubs()
{
    QList<Info> list;
    for (const auto &club : clubTable)
        list.append(toInfo(club));
    return list;
}

QString TeamColors::displayNickname(const QString &nickname)
{
    if (nickname.isEmpty())
        return nickname;
    return nickname.at(0).toUpper() + nickname.mid(1);
}

QStringList TeamColors::search(const QString &text)
{
    const auto needle = text.trimmed();
    QStringList found;
    if (needle.isEmpty())
        return found;
    for (const auto &club : clubs()) {
        if (club.abbreviation.compare(needle, Qt::CaseInsensitive) == 0)
            return {club.abbreviation}; // an exact abbreviation wins outright
    }
    for (const auto &club : clubs()) {
        if (club.city.contains(needle, Qt::CaseInsensitive) || club.nickname.contains(needle, Qt::CaseInsensitive)
            || club.abbreviation.startsWith(needle, Qt::CaseInsensitive))
            found.append(club.abbreviation);
    }
    return found;
}

QStringList TeamColors::abbreviations() const
{
    QStringList list;
    for (const auto &club : clubTable)
        list.append(QString::fromUtf16(club.abbreviation));
    return list;
}

} // namespace Endzone
