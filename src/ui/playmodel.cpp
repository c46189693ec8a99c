#include "playmodel.h"
#include "drivemodel.h"
#include "linescoremodel.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

void PlayModel::setDrives(const QList<Drive> &drives)
{
    QList<Row> next;
    QHash<QString, int> seen;
    for (qsizetype d = 0; d < drives.size(); ++d) {
        const auto &drive = drives.at(d);
        const QString label = tr("Drive %1 · %2 · %3").arg(d + 1).arg(drive.team, DriveModel::resultText(drive));
        for (qsizetype p = 0; p < drive.plays.size(); ++p) {
            const auto &play = drive.plays.at(p);
            QString key = play.id.isEmpty() ? drive.id + u'#' + QString::number(p) : play.id;
            if (const int repeat = seen[key]++; repeat > 0) // ESPN has been seen to repeat a play id
                key += u'~' + QString::number(repeat);
            next.append({play, key, drive.id, drive.team, label});
        }
    }
    syncRows(
        m_rows, next, [](const Row &row) { return row.key; },
        [](const Row &a, const Row &b) {
            QList<int> roles;
            const auto &x = a.play;
            const auto &y = b.play;
            if (x.period != y.period)
                roles << PeriodRole;
            if (x.clock != y.clock)
                roles << ClockRole;
            if (x.type != y.type)
                roles << TypeRole;
            if (x.text != y.text)
                roles << TextRole;
            if (x.downDistance != y.downDistance)
                roles << DownDistanceRole;
            if (x.awayScore != y.awayScore)
                roles << VisitorScoreRole;
            if (x.homeScore != y.homeScore)
                roles << HomeScoreRole;
            if (x.scoring != y.scoring)
                roles << ScoringRole;
            if (a.driveId != b.driveId)
                roles << DriveIdRole;
            if (a.driveTeam != b.driveTeam)
                roles << DriveTeamRole;
            if (a.driveLabel != b.driveLabel)
                roles << DriveLabelRole;
            return roles;
        });
}

int PlayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PlayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows.at(index.row());
    const auto &play = row.play;
    switch (role) {
    case IdRole:
        return row.key;
    case PeriodRole:
        return play.period > 0 ? LineScoreModel::periodLabel(play.period) : QString();
    case ClockRole:
        return play.clock;
    case TypeRole:
        return play.type;
    case TextRole:
        return play.text;
    case DownDistanceRole:
        return play.downDistance;
    case VisitorScoreRole:
        return play.awayScore;
    case HomeScoreRole:
        return play.homeScore;
    case ScoringRole:
        return play.scoring;
    case DriveIdRole:
        return row.driveId;
    case DriveTeamRole:
        return row.driveTeam;
    case DriveLabelRole:
        return row.driveLabel;
    default:
        return {};
    }
}

QHash<int, QByteArray> PlayModel::roleNames() const
{
    return {{IdRole, "playId"}, {PeriodRole, "period"}, {ClockRole, "clock"}, {TypeRole, "playType"},
        {TextRole, "text"}, {DownDistanceRole, "downDistance"}, {VisitorScoreRole, "visitorScore"},
        {HomeScoreRole, "homeScore"}, {ScoringRole, "scoring"}, {DriveIdRole, "driveId"}, {DriveTeamRole, "driveTeam"},
        {DriveLabelRole, "driveLabel"}};
}

} // namespace Endzone
