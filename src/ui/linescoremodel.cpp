#include "linescoremodel.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

QString LineScoreModel::periodLabel(int period)
{
    if (period <= 4)
        return QString::number(period);
    return period == 5 ? u"OT"_s : u"OT%1"_s.arg(period - 4);
}

void LineScoreModel::setLineScore(const QList<int> &visitor, const QList<int> &home)
{
    QList<Row> next;
    const auto periods = std::max(visitor.size(), home.size());
    for (qsizetype i = 0; i < periods; ++i)
        next.append({int(i + 1), i < visitor.size() ? visitor.at(i) : -1, i < home.size() ? home.at(i) : -1});
    syncRows(
        m_rows, next, [](const Row &row) { return QString::number(row.period); },
        [](const Row &a, const Row &b) {
            QList<int> roles;
            if (a.visitor != b.visitor)
                roles.append(VisitorPointsRole);
            if (a.home != b.home)
                roles.append(HomePointsRole);
            return roles;
        });
}

int LineScoreModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LineScoreModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows.at(index.row());
    switch (role) {
    case PeriodRole:
        return periodLabel(row.period);
    case VisitorPointsRole:
        return row.visitor;
    case HomePointsRole:
        return row.home;
    default:
        return {};
    }
}

QHash<int, QByteArray> LineScoreModel::roleNames() const
{
    return {{PeriodRole, "period"}, {VisitorPointsRole, "visitorPoints"}, {HomePointsRole, "homePoints"}};
}

} // namespace Endzone
