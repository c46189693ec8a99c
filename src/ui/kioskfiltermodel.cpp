#include "kioskfiltermodel.h"

#include "scoreboardmodel.h"

#include <QDateTime>

namespace Endzone {

KioskFilterModel::KioskFilterModel(QObject *parent) : QSortFilterProxyModel(parent), m_today(QDate::currentDate())
{
    m_midnight.setInterval(std::chrono::minutes(1));
    connect(&m_midnight, &QTimer::timeout, this, [this] {
        if (!m_fixedToday && currentDate() != m_today) {
            m_today = currentDate();
            invalidateRowsFilter();
            refocus();
        }
    });
    m_midnight.start();
}

void KioskFilterModel::setSourceModel(QAbstractItemModel *source)
{
    if (sourceModel())
        sourceModel()->disconnect(this);
    QSortFilterProxyModel::setSourceModel(source);
    if (!source)
        return;
    // Whether anything is live or today can change with any row; the filter then changes as a whole.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(source, signal, this, &KioskFilterModel::refocus);
    connect(source, &QAbstractItemModel::modelReset, this, &KioskFilterModel::refocus);
    connect(source, &QAbstractItemModel::dataChanged, this, &KioskFilterModel::refocus);
    refocus();
}

QDate KioskFilterModel::currentDate() const
{
    return m_clock ? m_clock().toLocalTime().date() : QDate::currentDate();
}

void KioskFilterModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    m_fixedToday = false;
    m_today = currentDate();
    invalidateRowsFilter();
    refocus();
}

void KioskFilterModel::setToday(QDate today)
{
    m_fixedToday = true;
    m_today = today;
    invalidateRowsFilter();
    refocus();
}

bool KioskFilterModel::isFocusGame(int sourceRow) const
{
    const auto index = sourceModel()->index(sourceRow, 0);
    if (index.data(ScoreboardModel::IsLiveRole).toBool())
        return true;
    return index.data(ScoreboardModel::KickoffRole).toDateTime().toLocalTime().date() == m_today;
}

void KioskFilterModel::refocus()
{
    bool focused = false;
    for (int row = 0; sourceModel() && row < sourceModel()->rowCount() && !focused; ++row)
        focused = isFocusGame(row);
    if (focused != m_focused) {
        m_focused = focused;
        invalidateRowsFilter();
        Q_EMIT focusedChanged();
    }
}

bool KioskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !m_focused || isFocusGame(sourceRow);
}

} // namespace Endzone
