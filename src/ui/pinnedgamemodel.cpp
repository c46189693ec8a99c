#include "pinnedgamemodel.h"

#include "scoreboardmodel.h"

namespace Endzone {

void PinnedGameModel::setEid(const QString &eid)
{
    if (eid == m_eid)
        return;
    m_eid = eid;
    invalidateRowsFilter();
}

bool PinnedGameModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !m_eid.isEmpty()
        && sourceModel()->index(sourceRow, 0, sourceParent).data(ScoreboardModel::EidRole).toString() == m_eid;
}

} // namespace Endzone
