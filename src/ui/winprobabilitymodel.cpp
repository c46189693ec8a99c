#include "winprobabilitymodel.h"

namespace Endzone {

namespace {
// Seconds since kickoff at a period's clock ("14:29"): 15-minute quarters, 10-minute overtime periods.
int secondsAt(int period, const QString &clock)
{
    if (period <= 0)
        return -1;
    const auto parts = clock.split(u':');
    const int left = parts.size() == 2 ? parts.at(0).toInt() * 60 + parts.at(1).toInt() : 0;
    const int length = period <= 4 ? 900 : 600;
    const int start = period <= 4 ? (period - 1) * 900 : 3600 + (period - 5) * 600;
    return start + std::clamp(length - left, 0, length);
}
} // namespace

void WinProbabilityModel::setDetail(const GameDetail &detail)
{
    QHash<QString, int> seconds;
    for (const auto &drive : detail.drives) {
        for (const auto &play : drive.plays)
            seconds.insert(play.id, secondsAt(play.period, play.clock));
    }
    QList<Row> next;
    next.reserve(detail.winProbability.size());
    int last = 0;
    for (const auto &point : detail.winProbability) {
        // A point whose play is unknown sits where the previous one did: the curve never runs backwards.
        last = std::max(last, seconds.value(point.playId, last));
        next.append({point.playId, point.homeWinPercentage, last});
    }
    const qsizetype before = m_rows.size();
    bool changed = false;
    QHash<QString, int> seen; // ESPN repeats no play id, but a key must be unique
    for (auto &row : next) {
        const int n = seen[row.playId]++;
        if (n > 0)
            row.playId += u'#' + QString::number(n);
    }
    syncRows(
        m_rows, next, [](const Row &row) { return row.playId; },
        [&changed](const Row &a, const Row &b) {
            QList<int> roles;
            if (a.home != b.home)
                roles << HomeWinPercentageRole;
            if (a.seconds != b.seconds)
                roles << SecondsRole;
            changed = changed || !roles.isEmpty();
            return roles;
        });
    if (changed || before != m_rows.size() || next.size() != before)
        Q_EMIT pointsChanged();
}

QVariantList WinProbabilityModel::points() const
{
    QVariantList result;
    if (m_rows.isEmpty())
        return result;
    const double span = std::max(3600, m_rows.constLast().seconds);
    result.reserve(m_rows.size());
    for (const auto &row : m_rows)
        result.append(QPointF(row.seconds / span, row.home));
    return result;
}

int WinProbabilityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant WinProbabilityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows.at(index.row());
    switch (role) {
    case PlayIdRole:
        return row.playId;
    case HomeWinPercentageRole:
        return row.home;
    case SecondsRole:
        return row.seconds;
    default:
        return {};
    }
}

QHash<int, QByteArray> WinProbabilityModel::roleNames() const
{
    return {{PlayIdRole, "playId"}, {HomeWinPercentageRole, "homeWinPercentage"}, {SecondsRole, "seconds"}};
}

} // namespace Endzone
