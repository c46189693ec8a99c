#include "scoreboardmodel.h"

#include "config.h"
#include "gamestore.h"
#include "logging.h"
#include "teamdirectory.h"

// ScoreboardModel's favourites (which rows are pinned first). The live side of the model, row by row, is in
// scoreboardmodel.cpp; which week it shows is ScoreboardNavigator's.

namespace Endzone {

QStringList ScoreboardModel::favourites() const
{
    return m_favourites;
}

void ScoreboardModel::setFavourites(const QStringList &teams)
{
    const auto parsed = Config::parseFavourites(teams.join(u','));
    if (!parsed) {
        qCWarning(lcUi).noquote() << parsed.error();
        Q_EMIT favouritesRejected(parsed.error());
        return;
    }
    if (parsed.value() == m_favourites)
        return;
    m_favourites = parsed.value();
    m_favouriteIds.clear();
    const int season = QDate::currentDate().year();
    for (const auto &team : std::as_const(m_favourites))
        m_favouriteIds.append(*TeamDirectory::franchiseId(team, season));
    // Re-evaluate every row through the same path as a live change: rows move to their new rank, roles update.
    for (int i = 0; i < m_rows.size(); ++i) {
        const auto &game = m_rows.at(i).game;
        if (const int rank = favouriteRank(game); rank != m_rows.at(i).favouriteRank) {
            updateRow(i, {game, rank});
            i = -1; // rows moved: start over; each row reaches its rank once, so this ends
        }
    }
    Q_EMIT favouritesChanged();
}

bool ScoreboardModel::isFavourite(const QString &team) const
{
    return favouriteRank(team, m_key.season ? m_key.season : QDate::currentDate().year()) >= 0;
}

QString ScoreboardModel::favouriteTeamOf(const QString &homeAbbr, const QString &visitorAbbr) const
{
    const int season = m_key.season ? m_key.season : QDate::currentDate().year();
    const int home = favouriteRank(homeAbbr, season), visitor = favouriteRank(visitorAbbr, season);
    if (home < 0 && visitor < 0)
        return {};
    return (visitor < 0 || (home >= 0 && home < visitor)) ? homeAbbr : visitorAbbr;
}

void ScoreboardModel::toggleGameFavourite(const QString &homeAbbr, const QString &visitorAbbr)
{
    const auto favourite = favouriteTeamOf(homeAbbr, visitorAbbr);
    toggleFavourite(favourite.isEmpty() ? homeAbbr : favourite);
}

void ScoreboardModel::moveFavourite(int from, int to)
{
    if (from < 0 || from >= m_favourites.size() || to < 0 || to >= m_favourites.size() || from == to)
        return;
    auto teams = m_favourites;
    teams.move(from, to);
    setFavourites(teams);
}

void ScoreboardModel::toggleFavourite(const QString &team)
{
    auto teams = m_favourites;
    const int season = m_key.season ? m_key.season : QDate::currentDate().year();
    const auto id = TeamDirectory::franchiseId(team, season);
    if (!id)
        return;
    const auto today = TeamDirectory::franchise(*id)->abbreviation;
    if (teams.contains(today))
        teams.removeAll(today);
    else
        teams.append(today);
    setFavourites(teams);
}

} // namespace Endzone
