#include "teamdirectoryview.h"

#include "teamdirectory.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

// Without a season, a code is read as today's or, for a retired one, as in its last era: STL is the Rams.
constexpr int Today = 9999;

TeamDirectoryView::Info infoOf(const Franchise &club, const QString &abbreviation, int season)
{
    const bool today = season <= 0;
    return {abbreviation, today ? club.location : TeamDirectory::location(club.id, season),
        today ? club.name : TeamDirectoryView::displayNickname(TeamDirectory::nickname(club.id, season)),
        QColor(club.primaryColor), QColor(club.secondaryColor)};
}

} // namespace

TeamDirectoryView::Info TeamDirectoryView::info(const QString &abbreviation, int season)
{
    const auto id = TeamDirectory::franchiseId(abbreviation, season > 0 ? season : Today);
    if (const auto club = id ? TeamDirectory::franchise(*id) : std::nullopt)
        return infoOf(*club, abbreviation.toUpper(), season);
    return {abbreviation, QString(), abbreviation, QColor(0x55, 0x5B, 0x66), QColor(0xAA, 0xAA, 0xAA)};
}

QList<TeamDirectoryView::Info> TeamDirectoryView::clubs()
{
    QList<Info> list;
    for (const auto &club : TeamDirectory::franchises())
        list.append(infoOf(club, club.abbreviation, 0));
    return list;
}

QString TeamDirectoryView::displayNickname(const QString &nickname)
{
    QString text = nickname;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == 0 || text.at(i - 1) == u' ')
            text[i] = text.at(i).toUpper();
    }
    return text;
}

QStringList TeamDirectoryView::search(const QString &text)
{
    const auto needle = text.trimmed();
    QStringList found;
    if (needle.isEmpty())
        return found;
    for (const auto &club : TeamDirectory::franchises()) {
        if (club.abbreviation.compare(needle, Qt::CaseInsensitive) == 0)
            return {club.abbreviation}; // an exact abbreviation wins outright
    }
    for (const auto &club : TeamDirectory::franchises()) {
        const auto codes = TeamDirectory::abbreviations(club.id);
        const bool codeMatches = std::any_of(codes.cbegin(), codes.cend(),
            [&needle](const QString &code) { return code.startsWith(needle, Qt::CaseInsensitive); });
        // The nicknames and cities of every era: a fan may still search "redskins" or "houston oilers".
        bool nameMatches
            = club.location.contains(needle, Qt::CaseInsensitive) || club.name.contains(needle, Qt::CaseInsensitive);
        for (int season = 1970; !nameMatches && season <= 2030; ++season) {
            nameMatches = TeamDirectory::nickname(club.id, season).contains(needle, Qt::CaseInsensitive)
                || TeamDirectory::location(club.id, season).contains(needle, Qt::CaseInsensitive);
        }
        if (codeMatches || nameMatches)
            found.append(club.abbreviation);
    }
    return found;
}

QString TeamDirectoryView::displayName(const QString &abbreviation, int season) const
{
    const auto id = TeamDirectory::franchiseId(abbreviation, season > 0 ? season : Today);
    if (!id)
        return abbreviation;
    return season > 0 ? TeamDirectory::displayName(*id, season) : TeamDirectory::displayName(*id, Today);
}

QStringList TeamDirectoryView::abbreviations() const
{
    QStringList list;
    for (const auto &club : TeamDirectory::franchises())
        list.append(club.abbreviation);
    return list;
}

} // namespace Endzone
