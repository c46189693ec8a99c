#include "drivemodel.h"
#include "linescoremodel.h"
#include "teamdirectoryview.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

QString DriveModel::resultKind(const Drive &drive)
{
    const QString result = drive.result.toUpper();
    if (result.isEmpty())
        return u"live"_s;
    if (result == u"TD" || result.contains(u"TOUCHDOWN"))
        return u"touchdown"_s;
    if (result == u"FG" || result == u"FG GOOD" || (result.contains(u"FIELD GOAL") && !result.contains(u"MISS")))
        return u"fieldgoal"_s;
    if (result.contains(u"PUNT"))
        return u"punt"_s;
    if (result.startsWith(u"END") || result.contains(u"HALF") || result.contains(u"GAME"))
        return u"end"_s;
    if (result.contains(u"INT") || result.contains(u"FUMBLE") || result.contains(u"DOWNS") || result.contains(u"MISS")
        || result.contains(u"BLOCK") || result.contains(u"SAFETY"))
        return u"turnover"_s;
    return u"other"_s;
}

QString DriveModel::resultText(const Drive &drive)
{
    if (drive.result.isEmpty())
        return tr("In progress");
    return drive.displayResult.isEmpty() ? drive.result : drive.displayResult;
}

void DriveModel::setDrives(const QList<Drive> &drives, const QString &homeTeam)
{
    QList<Row> next;
    next.reserve(drives.size());
    QHash<QString, int> seen;
    for (qsizetype i = 0; i < drives.size(); ++i) {
        QString key = drives.at(i).id.isEmpty() ? u"#"_s + QString::number(i) : drives.at(i).id;
        if (const int repeat = seen[key]++; repeat > 0)
            key += u'~' + QString::number(repeat);
        next.append({drives.at(i), int(i + 1), drives.at(i).team == homeTeam, key});
    }
    syncRows(
        m_rows, next, [](const Row &row) { return row.key; },
        [](const Row &a, const Row &b) {
            QList<int> roles;
            const auto &x = a.drive;
            const auto &y = b.drive;
            if (a.number != b.number)
                roles << NumberRole;
            if (x.team != y.team || a.home != b.home)
                roles << TeamRole << TeamColorRole << IsHomeRole;
            if (x.description != y.description)
                roles << DescriptionRole;
            if (x.result != y.result || x.displayResult != y.displayResult)
                roles << ResultRole << ResultKindRole;
            if (x.isScore != y.isScore)
                roles << IsScoreRole;
            if (x.startYardLine != y.startYardLine)
                roles << StartYardLineRole;
            if (x.endYardLine != y.endYardLine)
                roles << EndYardLineRole;
            if (x.startText != y.startText)
                roles << StartTextRole;
            if (x.endText != y.endText)
                roles << EndTextRole;
            if (x.startPeriod != y.startPeriod)
                roles << PeriodRole;
            if (x.startClock != y.startClock)
                roles << ClockRole;
            if (x.plays.size() != y.plays.size())
                roles << PlayCountRole;
            return roles;
        });
}

int DriveModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DriveModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows.at(index.row());
    const auto &drive = row.drive;
    switch (role) {
    case IdRole:
        return drive.id;
    case NumberRole:
        return row.number;
    case TeamRole:
        return drive.team;
    case TeamColorRole:
        return TeamDirectoryView::info(drive.team).primary;
    case IsHomeRole:
        return row.home;
    case DescriptionRole:
        return drive.description;
    case ResultRole:
        return resultText(drive);
    case ResultKindRole:
        return resultKind(drive);
    case IsScoreRole:
        return drive.isScore;
    case StartYardLineRole:
        return drive.startYardLine;
    case EndYardLineRole:
        return drive.endYardLine;
    case StartTextRole:
        return drive.startText;
    case EndTextRole:
        return drive.endText;
    case PeriodRole:
        return LineScoreModel::periodLabel(drive.startPeriod);
    case ClockRole:
        return drive.startClock;
    case PlayCountRole:
        return int(drive.plays.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> DriveModel::roleNames() const
{
    return {{IdRole, "driveId"}, {NumberRole, "number"}, {TeamRole, "team"}, {TeamColorRole, "teamColor"},
        {IsHomeRole, "isHome"}, {DescriptionRole, "description"}, {ResultRole, "result"},
        {ResultKindRole, "resultKind"}, {IsScoreRole, "isScore"}, {StartYardLineRole, "startYardLine"},
        {EndYardLineRole, "endYardLine"}, {StartTextRole, "startText"}, {EndTextRole, "endText"},
        {PeriodRole, "period"}, {ClockRole, "clock"}, {PlayCountRole, "playCount"}};
}

} // namespace Endzone
