#include "standingsmodel.h"

#include "delayline.h"
#include "logging.h"
#include "teamdirectoryview.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {
constexpr std::array valueRoles {StandingsModel::TeamRole, StandingsModel::NameRole, StandingsModel::ColorRole,
    StandingsModel::WinsRole, StandingsModel::LossesRole, StandingsModel::TiesRole, StandingsModel::PercentageRole,
    StandingsModel::PointsForRole, StandingsModel::PointsAgainstRole, StandingsModel::DifferenceRole};
}

StandingsModel::StandingsModel(GameStore *store, QObject *parent) : QAbstractListModel(parent), m_store(store)
{
    // A burst of finals (an import) becomes one refresh, not one per game.
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(250);
    connect(&m_coalesce, &QTimer::timeout, this, [this] {
        // The table is the store's finals: while the spoiler delay still holds a final of this season, the
        // refresh waits for that final's release (which comes back here).
        if (!m_delayLine || !m_delayLine->holdsFinal(m_season))
            reload();
    });
    setDelayLine(nullptr);
}

void StandingsModel::setDelayLine(DelayLine *line)
{
    DelayLine::connectShownChanges(m_store, m_delayLine, line, this, [this](const Game &game) {
        if ((game.season == m_season && isFinal(game.state)) || !m_seasons.contains(game.season))
            m_coalesce.start();
    });
}

int StandingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant StandingsModel::value(const Standing &s, int role)
{
    const int games = s.wins + s.losses + s.ties;
    switch (role) {
    case Qt::DisplayRole:
    case TeamRole:
        return s.team;
    case NameRole:
        return TeamDirectoryView::info(s.team).nickname;
    case ColorRole:
        return TeamDirectoryView::info(s.team).primary;
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
    auto standings = m_store->standings(m_season);
    if (!standings)
        qCWarning(lcUi) << "standings" << m_season << standings.error();
    beginResetModel(); // another season: a different table, not a live update
    m_rows = standings ? standings.value() : QList<Standing> {};
    endResetModel();
}

void StandingsModel::refreshSeasons()
{
    const auto seasons = m_store->seasons();
    if (!seasons) {
        qCWarning(lcUi) << "seasons" << seasons.error();
        return;
    }
    auto list = seasons.value();
    std::sort(list.rbegin(), list.rend());
    if (list == m_seasons)
        return;
    m_seasons = list;
    Q_EMIT seasonsChanged();
}

void StandingsModel::reload()
{
    refreshSeasons();
    if (m_season == 0) {
        if (!m_seasons.isEmpty())
            setSeason(m_seasons.constFirst());
        return;
    }
    const auto standings = m_store->standings(m_season);
    if (!standings) {
        qCWarning(lcUi) << "standings" << m_season << standings.error(); // keep what is shown
        return;
    }
    apply(standings.value());
}

void StandingsModel::apply(const QList<Standing> &table)
{
    // Clubs that left the table (a season re-imported without them) go first, so positions below line up.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const bool kept = std::any_of(
            table.cbegin(), table.cend(), [&](const Standing &s) { return s.team == m_rows.at(row).team; });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    int firstMoved = -1, lastMoved = -1;
    for (int target = 0; target < table.size(); ++target) {
        const Standing &wanted = table.at(target);
        int current = target;
        while (current < m_rows.size() && m_rows.at(current).team != wanted.team)
            ++current;
        if (current == m_rows.size()) {
            beginInsertRows({}, target, target);
            m_rows.insert(target, wanted);
            endInsertRows();
            continue;
        }
        if (current != target) {
            beginMoveRows({}, current, current, {}, target);
            m_rows.move(current, target);
            endMoveRows();
            firstMoved = firstMoved < 0 ? target : std::min(firstMoved, target);
            lastMoved = std::max(lastMoved, current);
        }
        QList<int> changed;
        for (const int role : valueRoles) {
            if (value(m_rows.at(target), role) != value(wanted, role))
                changed.append(role);
        }
        if (!changed.isEmpty()) {
            m_rows[target] = wanted;
            Q_EMIT dataChanged(index(target), index(target), changed);
        }
    }
    // A move shifts the ranks of every row between where a club was and where it went.
    if (firstMoved >= 0)
        Q_EMIT dataChanged(index(firstMoved), index(lastMoved), {RankRole});
}

StandingsTable::StandingsTable(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(StandingsModel::RankRole);
    sort(0, Qt::AscendingOrder);
}

void StandingsTable::sortBy(int role)
{
    if (role == m_role) {
        m_ascending = !m_ascending;
    } else {
        m_role = role;
        m_ascending = role == 0 || role == StandingsModel::TeamRole || role == StandingsModel::PointsAgainstRole
            || role == StandingsModel::LossesRole;
    }
    // Ties keep the league order: the proxy's sort is stable over the source rows.
    setSortRole(role == 0 ? int(StandingsModel::RankRole) : role);
    sort(0, m_ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    Q_EMIT sortChanged();
}

} // namespace Endzone
