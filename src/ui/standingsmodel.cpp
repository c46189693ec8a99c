#include "standingsmodel.h"

#include "logging.h"
#include "teamcolors.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

StandingsModel::StandingsModel(GameStore *store, QObject *parent) : QAbstractListModel(parent), m_store(store)
{
    // A burst of finals (an import) becomes one refresh, not one per game.
    auto *coalesce = new QTimer(this);
    coalesce->setSingleShot(true);
    coalesce->setInterval(250);
    connect(coalesce, &QTimer::timeout, this, &StandingsModel::reload);
    connect(m_store, &GameStore::gameUpserted, this, [this, coalesce](const Game &game) {
        if ((game.season == m_season && isFinal(game.state)) || !m_seasons.contains(game.season))
            coalesce->start();
    });
}

int StandingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant StandingsModel::value(const Standing &s, int role) const
{
    const int games = s.wins + s.losses + s.ties;
    switch (role) {
    case Qt::DisplayRole:
    case TeamRole:
        return s.team;
    case NameRole:
        return TeamColors::info(s.team).nickname;
    case ColorRole:
        return TeamColors::info(s.team).primary;
    case WinsRole:
        return s.wins;
    case LossesRole:
        return s.losses;
    case TiesRole:
        return s.ties;
    case PercentageRole:
        return games == 0 ? 0.0 : (s.wins + 0.5 * s.ties) / games;
    case PointsForRole:
        return s.pointsFor;
    case PointsAgainstRole:
        return s.pointsAgainst;
    case DifferenceRole:
        return s.pointsFor - s.pointsAgainst;
    }
    return {};
}

QVariant StandingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == RankRole)
        return index.row() + 1;
    return value(m_rows.at(index.row()), role);
}

QHash<int, QByteArray> StandingsModel::roleNames() const
{
    return {{RankRole, "rank"}, {TeamRole, "team"}, {NameRole, "name"}, {ColorRole, "teamColor"}, {WinsRole, "wins"},
        {LossesRole, "losses"}, {TiesRole, "ties"}, {PercentageRole, "percentage"}, {PointsForRole, "pointsFor"},
        {PointsAgainstRole, "pointsAgainst"}, {DifferenceRole, "difference"}};
}

void StandingsModel::setSeason(int season)
{
    if (season == m_season)
        return;
    m_season = season;
    Q_EMIT seasonChanged();
    reload();
}

void StandingsModel::reload()
{
    if (const auto seasons = m_store->seasons(); seasons && seasons.value() != m_seasons) {
        m_seasons = seasons.value();
        std::sort(m_seasons.rbegin(), m_seasons.rend());
        Q_EMIT seasonsChanged();
        if (m_season == 0 && !m_seasons.isEmpty()) {
            m_season = m_seasons.constFirst();
            Q_EMIT seasonChanged();
        }
    }
    auto standings = m_store->standings(m_season);
    if (!standings)
        qCWarning(lcUi) << "standings" << m_season << standings.error();
    beginResetModel(); // a different season or a recomputed table: not a live row update
    m_rows = standings ? standings.value() : QList<Standing> {};
    if (m_sortRole != 0)
        std::stable_sort(m_rows.begin(), m_rows.end(), [this](const Standing &a, const Standing &b) {
            const auto x = value(a, m_sortRole), y = value(b, m_sortRole);
            const bool less = QVariant::compare(x, y) == QPartialOrdering::Less;
            const bool greater = QVariant::compare(x, y) == QPartialOrdering::Greater;
            return m_ascending ? less : greater;
        });
    endResetModel();
}

void StandingsModel::sortBy(int role)
{
    if (role == m_sortRole) {
        m_ascending = !m_ascending;
    } else {
        m_sortRole = role;
        m_ascending = role == TeamRole || role == PointsAgainstRole || role == LossesRole;
    }
    Q_EMIT sortChanged();
    applySort();
}

void StandingsModel::applySort()
{
    reload();
}

} // namespace Endzone
