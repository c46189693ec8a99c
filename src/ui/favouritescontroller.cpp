#include "favouritescontroller.h"

#include "config.h"
#include "game.h"
#include "logging.h"
#include "teamdirectory.h"

#include <QDate>

namespace Endzone {

// Codes from no particular season (the settings page's, the command line's) are read as this year's.
static int seasonOrThisYear(int season)
{
    return season ? season : QDate::currentDate().year();
}

FavouritesController::FavouritesController(QObject *parent) : QObject(parent)
{
}

void FavouritesController::setTeams(const QStringList &teams)
{
    const auto parsed = Config::parseFavourites(teams.join(u','));
    if (!parsed) {
        qCWarning(lcUi).noquote() << parsed.error();
        Q_EMIT rejected(parsed.error());
        return;
    }
    if (parsed.value() == m_teams)
        return;
    m_teams = parsed.value();
    m_ids.clear();
    const int season = seasonOrThisYear(0);
    for (const auto &team : std::as_const(m_teams))
        m_ids.append(*TeamDirectory::franchiseId(team, season));
    Q_EMIT teamsChanged();
}

int FavouritesController::rank(const QString &team, int season) const
{
    if (m_ids.isEmpty())
        return -1;
    const auto id = TeamDirectory::franchiseId(team, season);
    return id ? int(m_ids.indexOf(*id)) : -1;
}

int FavouritesController::rank(const Game &game) const
{
    const int home = rank(game.home.abbreviation, game.season);
    const int visitor = rank(game.visitor.abbreviation, game.season);
    if (home < 0 || visitor < 0)
        return std::max(home, visitor);
    return std::min(home, visitor);
}

bool FavouritesController::isFavourite(const QString &team, int season) const
{
    return rank(team, seasonOrThisYear(season)) >= 0;
}

QString FavouritesController::favouriteTeamOf(const QString &homeAbbr, const QString &visitorAbbr, int season) const
{
    season = seasonOrThisYear(season);
    const int home = rank(homeAbbr, season), visitor = rank(visitorAbbr, season);
    if (home < 0 && visitor < 0)
        return {};
    return (visitor < 0 || (home >= 0 && home < visitor)) ? homeAbbr : visitorAbbr;
}

void FavouritesController::toggle(const QString &team, int season)
{
    const auto id = TeamDirectory::franchiseId(team, seasonOrThisYear(season));
    if (!id)
        return;
    const auto today = TeamDirectory::franchise(*id)->abbreviation;
    auto teams = m_teams;
    if (teams.contains(today))
        teams.removeAll(today);
    else
        teams.append(today);
    setTeams(teams);
}

void FavouritesController::toggleGame(const QString &homeAbbr, const QString &visitorAbbr, int season)
{
    const auto favourite = favouriteTeamOf(homeAbbr, visitorAbbr, season);
    toggle(favourite.isEmpty() ? homeAbbr : favourite, season);
}

void FavouritesController::move(int from, int to)
{
    if (from < 0 || from >= m_teams.size() || to < 0 || to >= m_teams.size() || from == to)
        return;
    auto teams = m_teams;
    teams.move(from, to);
    setTeams(teams);
}

} // namespace Endzone
