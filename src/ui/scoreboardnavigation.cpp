#include "scoreboardmodel.h"

#include "config.h"
#include "gamestore.h"
#include "logging.h"
#include "seasoncalendar.h"
#include "teamdirectory.h"

// ScoreboardModel's navigation (which week is shown) and favourites (which rows are pinned first). The
// live side of the model, row by row, is in scoreboardmodel.cpp.

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
