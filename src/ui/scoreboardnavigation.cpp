#include "scoreboardmodel.h"

#include "gamestore.h"
#include "seasoncalendar.h"

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
    // QML does not know the calendar: a week the phase lacks in that season opens its nearest one, so -1 is
    // the phase's first week (POST is 18 in 2015, 19 in 2023) and REG 18 of 2023 becomes REG 17 in 2015.
    const auto weeks = SeasonCalendar::weeks(season, {*type});
    if (weeks.isEmpty())
        return;
    const int first = weeks.constFirst().week, last = weeks.constLast().week;
    setWeek({season, *type, std::clamp(week, first, last)});
}

void ScoreboardModel::nextWeek()
{
    setWeek(SeasonCalendar::next(m_key));
}

void ScoreboardModel::previousWeek()
{
    setWeek(SeasonCalendar::previous(m_key));
}

void ScoreboardModel::showNow()
{
    if (m_currentWeek) {
        setWeek(*m_currentWeek);
        return;
    }
    // No live feed has told us: the calendar's rule over the latest stored season, as the API applies it.
    const auto seasons = m_store->seasons();
    if (!seasons || seasons.value().isEmpty())
        return;
    const auto season = *std::max_element(seasons.value().cbegin(), seasons.value().cend());
    const auto weeks = m_store->weeks(season);
    if (!weeks)
        return;
    QList<Game> games;
    for (const auto &key : weeks.value()) {
        if (const auto week = m_store->week(key))
            games += week.value();
    }
    if (const auto current = SeasonCalendar::currentWeek(games, QDateTime::currentDateTimeUtc()))
        setWeek(*current);
}

} // namespace Endzone
