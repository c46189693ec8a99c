#include "playfiltermodel.h"
#include "playmodel.h"

namespace Endzone {

PlayFilterModel::PlayFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &PlayFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &PlayFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &PlayFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &PlayFilterModel::countChanged);
}

void PlayFilterModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    m_words = search.simplified().split(u' ', Qt::SkipEmptyParts);
    invalidateRowsFilter();
    Q_EMIT searchChanged();
    Q_EMIT countChanged();
}

bool PlayFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const auto index = sourceModel()->index(sourceRow, 0, sourceParent);
    QString haystack;
    for (int role : {PlayModel::TextRole, PlayModel::TypeRole, PlayModel::DownDistanceRole, PlayModel::DriveTeamRole})
        haystack += index.data(role).toString() + u' ';
    return std::all_of(m_words.cbegin(), m_words.cend(),
        [&haystack](const QString &word) { return haystack.contains(word, Qt::CaseInsensitive); });
}

} // namespace Endzone
