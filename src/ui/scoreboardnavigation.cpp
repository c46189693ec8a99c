#include "scoreboardmodel.h"

#include "gameformat.h"
#include "gamestore.h"

// ScoreboardModel's navigation (which week is shown) and favourites (which rows are pinned first). The
// live side of the model, row by row, is in scoreboardmodel.cpp.

namespace Endzone {

QStringList ScoreboardModel::favourites() const
{
    auto list = QStringList(m_favourites.cbegin(), m_favourites.cend());
    list.sort();
    return list;
}

void ScoreboardModel::setFavourites(const QStringList &teams)
{
    const QSet<QString> wanted(teams.cbegin(), teams.cend());
    if (wanted == m_favourites)
        return;
    m_favourites = wanted;
    // Re-evaluate every row through the same path as a live change: pinned rows move, roles update.
    for (int i = 0; i < m_rows.size(); ++i) {
        const auto &game = m_rows.at(i).game;
        if (isFavouriteGame(game) != m_rows.at(i).favourite) {
            updateRow(i, {game, isFavouriteGame(game)});
            i = -1; // rows moved: start over; at most one move per game, so this ends
        }
    }
    Q_EMIT favouritesChanged();
}

void ScoreboardModel::toggleFavourite(const QString &team)
{
    auto teams = favourites();
    if (teams.contains(team))
        teams.removeAll(team);
    else
        teams.append(team);
    setFavourites(teams);
}

void ScoreboardModel::showWeek(int season, const QString &seasonType, int week)
{
    const auto type = seasonTypeFromCode(seasonType);
    if (!type)
        return;
    setWeek({season, *type, week});
}

void ScoreboardModel::nextWeek()
{
    setWeek(GameFormat::nextWeek(m_key));
}

void ScoreboardModel::previousWeek()
{
    setWeek(GameFormat::previousWeek(m_key));
}

void ScoreboardModel::showNow()
{
    if (m_currentWeek) {
        setWeek(*m_currentWeek);
        return;
    }
    // No live feed has told us: the first stored week of the latest season that is not over yet.
    const auto seasons = m_store->seasons();
    if (!seasons || seasons.value().isEmpty())
        return;
    const auto season = *std::max_element(seasons.value().cbegin(), seasons.value().cend());
    const auto weeks = m_store->weeks(season);
    if (!weeks || weeks.value().isEmpty())
        return;
    for (const auto &key : weeks.value()) {
        const auto games = m_store->week(key);
        if (games && std::any_of(games.value().cbegin(), games.value().cend(), [](const Game &g) {
                return !isFinal(g.state);
            })) {
            setWeek(key);
            return;
        }
    }
    setWeek(weeks.value().constLast());
}

} // namespace Endzone
