#include "teamseasonmodel.h"

#include "gameformat.h"
#include "teamdirectoryview.h"

#include <QVariantMap>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

TeamSeasonModel::TeamSeasonModel(GameStore *store, QObject *parent) : TeamGamesModel(store, parent)
{
    refreshSeasons();
}

void TeamSeasonModel::refreshSeasons()
{
    auto seasons = m_store->seasons();
    auto list = seasons ? seasons.value() : QList<int> {};
    std::sort(list.rbegin(), list.rend());
    if (list != m_seasons) {
        m_seasons = list;
        Q_EMIT seasonsChanged();
    }
    if (m_season == 0 && !m_seasons.isEmpty())
        setSeason(m_seasons.constFirst());
}

void TeamSeasonModel::setSeason(int season)
{
    if (season == m_season)
        return;
    m_season = season;
    Q_EMIT seasonChanged();
    reload();
}

Result<QList<Game>> TeamSeasonModel::load() const
{
    return m_store->teamSeason(m_season, m_team);
}

bool TeamSeasonModel::shownBefore(const Game &a, const Game &b) const
{
    return std::tie(a.kickoff, a.eid) < std::tie(b.kickoff, b.eid); // as the store's ORDER BY kickoff, eid
}

QVariantList TeamSeasonModel::points() const
{
    QVariantList series;
    for (const auto &game : m_games) {
        if (game.seasonType == SeasonType::Pre || !game.home.score || !game.visitor.score)
            continue;
        const bool home = isHome(game);
        series.append(QVariantMap {
            {u"week"_s, game.week},
            {u"label"_s, GameFormat::weekLabel({game.season, game.seasonType, game.week})},
            {u"scored"_s, home ? *game.home.score : *game.visitor.score},
            {u"allowed"_s, home ? *game.visitor.score : *game.home.score},
        });
    }
    return series;
}

TeamSearchModel::TeamSearchModel(GameStore *store, QObject *parent) : TeamGamesModel(store, parent)
{
}

void TeamSearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    m_matches = TeamDirectoryView::search(query);
    Q_EMIT queryChanged();
    setTeam(m_matches.value(0));
}

bool TeamSearchModel::shownBefore(const Game &a, const Game &b) const
{
    // Newest first, as the store's ORDER BY kickoff DESC, eid.
    return a.kickoff != b.kickoff ? a.kickoff > b.kickoff : a.eid < b.eid;
}

Result<QList<Game>> TeamSearchModel::load() const
{
    return m_store->teamGames(m_team);
}

} // namespace Endzone
