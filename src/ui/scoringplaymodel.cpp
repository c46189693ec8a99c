#include "scoringplaymodel.h"
#include "linescoremodel.h"
#include "teamdirectoryview.h"

namespace Endzone {

void ScoringPlayModel::setScoringPlays(const QList<ScoringPlay> &plays)
{
    // A key per row even if ids repeat or are missing: the id, numbered by its occurrence.
    QList<ScoringPlay> next = plays;
    QHash<QString, int> seen;
    for (auto &play : next) {
        if (const int repeat = seen[play.id]++; repeat > 0 || play.id.isEmpty())
            play.id += u'~' + QString::number(repeat);
    }
    syncRows(
        m_rows, next, [](const ScoringPlay &play) { return play.id; },
        [](const ScoringPlay &a, const ScoringPlay &b) {
            QList<int> roles;
            if (a.team != b.team)
                roles << TeamRole << TeamColorRole;
            if (a.type != b.type)
                roles << TypeRole;
            if (a.text != b.text)
                roles << TextRole;
            if (a.period != b.period)
                roles << PeriodRole;
            if (a.clock != b.clock)
                roles << ClockRole;
            if (a.awayScore != b.awayScore)
                roles << VisitorScoreRole;
            if (a.homeScore != b.homeScore)
                roles << HomeScoreRole;
            return roles;
        });
}

int ScoringPlayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ScoringPlayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &play = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return play.id;
    case TeamRole:
        return play.team;
    case TypeRole:
        return play.type;
    case TextRole:
        return play.text;
    case PeriodRole:
        return LineScoreModel::periodLabel(play.period);
    case ClockRole:
        return play.clock;
    case VisitorScoreRole:
        return play.awayScore;
    case HomeScoreRole:
        return play.homeScore;
    case TeamColorRole:
        return TeamDirectoryView::info(play.team).primary;
    default:
        return {};
    }
}

QHash<int, QByteArray> ScoringPlayModel::roleNames() const
{
    return {{IdRole, "playId"}, {TeamRole, "team"}, {TypeRole, "scoringType"}, {TextRole, "text"},
        {PeriodRole, "period"}, {ClockRole, "clock"}, {VisitorScoreRole, "visitorScore"}, {HomeScoreRole, "homeScore"},
        {TeamColorRole, "teamColor"}};
}

} // namespace Endzone
