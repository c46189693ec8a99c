#include "kioskfiltermodel.h"

#include "scoreboardmodel.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

KioskFilterModel::KioskFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent), m_today(QDate::currentDate()), m_pinned(this)
{
    m_midnight.setInterval(std::chrono::minutes(1));
    connect(&m_midnight, &QTimer::timeout, this, &KioskFilterModel::tick);
    m_midnight.start();
    m_second.setInterval(std::chrono::seconds(1));
    connect(&m_second, &QTimer::timeout, this, &KioskFilterModel::updateCountdown);
}

void KioskFilterModel::setSourceModel(QAbstractItemModel *source)
{
    if (sourceModel())
        sourceModel()->disconnect(this);
    QSortFilterProxyModel::setSourceModel(source);
    m_pinned.setSourceModel(source);
    if (!source)
        return;
    // Whether anything is live or today can change with any row; the filter then changes as a whole.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(source, signal, this, &KioskFilterModel::refocus);
    connect(source, &QAbstractItemModel::rowsMoved, this, &KioskFilterModel::refocus);
    connect(source, &QAbstractItemModel::modelReset, this, &KioskFilterModel::refocus);
    connect(source, &QAbstractItemModel::dataChanged, this, &KioskFilterModel::refocus);
    refocus();
}

QDateTime KioskFilterModel::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QDate KioskFilterModel::boardDay(const QDateTime &when) const
{
    return when.toLocalTime().addSecs(-3600 * m_rolloverHours).date();
}

void KioskFilterModel::tick()
{
    if (!m_fixedToday && boardDay(now()) != m_today) {
        m_today = boardDay(now());
        invalidateRowsFilter();
        refocus();
    }
    updateNextKickoff();
}

void KioskFilterModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    m_fixedToday = false;
    m_today = boardDay(now());
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

void KioskFilterModel::setRolloverHours(int hours)
{
    m_rolloverHours = std::clamp(hours, 0, 12);
    if (!m_fixedToday)
        m_today = boardDay(now());
    invalidateRowsFilter();
    refocus();
}

void KioskFilterModel::setMode(const QString &mode)
{
    const bool liveOnly = mode == u"live-only";
    if (liveOnly == m_liveOnly)
        return;
    m_liveOnly = liveOnly;
    invalidateRowsFilter();
    refocus();
    Q_EMIT modeChanged();
}

void KioskFilterModel::setPinFavourite(bool pin)
{
    m_pin = pin;
    refocus();
}

bool KioskFilterModel::isLiveRow(int sourceRow) const
{
    return sourceModel()->index(sourceRow, 0).data(ScoreboardModel::IsLiveRole).toBool();
}

bool KioskFilterModel::isToday(int sourceRow) const
{
    return boardDay(sourceModel()->index(sourceRow, 0).data(ScoreboardModel::KickoffRole).toDateTime()) == m_today;
}

void KioskFilterModel::refocus()
{
    bool focused = false, anyLive = false;
    for (int row = 0; sourceModel() && row < sourceModel()->rowCount(); ++row) {
        anyLive = anyLive || isLiveRow(row);
        focused = focused || anyLive || isToday(row);
    }
    const bool changed = focused != m_focused || anyLive != m_anyLive;
    m_focused = focused;
    m_anyLive = anyLive;
    if (changed)
        invalidateRowsFilter();
    updatePinned();
    updateNextKickoff();
    if (changed)
        Q_EMIT focusedChanged();
}

void KioskFilterModel::updatePinned()
{
    // The source sorts favourites by priority: the first live row with a rank is the one to pin.
    QString eid;
    for (int row = 0; m_pin && sourceModel() && row < sourceModel()->rowCount() && eid.isEmpty(); ++row) {
        const auto index = sourceModel()->index(row, 0);
        if (isLiveRow(row) && index.data(ScoreboardModel::FavouriteRankRole).toInt() >= 0)
            eid = index.data(ScoreboardModel::EidRole).toString();
    }
    if (eid == m_pinned.eid())
        return;
    m_pinned.setEid(eid);
    invalidateRowsFilter();
    Q_EMIT pinnedChanged();
}

void KioskFilterModel::updateNextKickoff()
{
    // Only live-only mode with nothing live counts down to the next game.
    QDateTime next;
    QString matchup;
    for (int row = 0; m_liveOnly && !m_anyLive && sourceModel() && row < sourceModel()->rowCount(); ++row) {
        const auto index = sourceModel()->index(row, 0);
        const auto kickoff = index.data(ScoreboardModel::KickoffRole).toDateTime();
        if (index.data(ScoreboardModel::IsFinalRole).toBool() || !kickoff.isValid() || kickoff < now())
            continue;
        if (!next.isValid() || kickoff < next) {
            next = kickoff;
            matchup = index.data(Qt::DisplayRole).toString();
        }
    }
    if (next != m_nextKickoff || matchup != m_nextMatchup) {
        m_nextKickoff = next;
        m_nextMatchup = matchup;
        Q_EMIT nextKickoffChanged();
    }
    if (next.isValid() && !m_second.isActive())
        m_second.start();
    else if (!next.isValid())
        m_second.stop();
    updateCountdown();
}

void KioskFilterModel::updateCountdown()
{
    QString text;
    if (m_nextKickoff.isValid()) {
        const qint64 left = std::max<qint64>(0, now().secsTo(m_nextKickoff));
        const qint64 days = left / 86400;
        const QString clock = u"%1:%2:%3"_s.arg((left % 86400) / 3600)
                                  .arg((left % 3600) / 60, 2, 10, QLatin1Char('0'))
                                  .arg(left % 60, 2, 10, QLatin1Char('0'));
        text = days > 0 ? QString(QString::number(days) + u"d "_s + clock) : clock;
    }
    if (text != m_countdown) {
        m_countdown = text;
        Q_EMIT countdownChanged();
    }
}

bool KioskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (hasPinned() && sourceModel()->index(sourceRow, 0).data(ScoreboardModel::EidRole).toString() == pinnedEid())
        return false; // shown on its own, large
    if (m_liveOnly) {
        if (m_anyLive)
            return isLiveRow(sourceRow);
        // Nothing live: today's finals (the next kickoff is counted down above them).
        return isToday(sourceRow) && sourceModel()->index(sourceRow, 0).data(ScoreboardModel::IsFinalRole).toBool();
    }
    return !m_focused || isLiveRow(sourceRow) || isToday(sourceRow);
}

} // namespace Endzone
