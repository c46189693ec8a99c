#pragma once

#include "detailrowsmodel.h"
#include "gamedetail.h"

#include <QtQml/qqmlregistration.h>

namespace Endzone {

// The play-by-play of the open game, flat and in order, each play carrying its drive (`driveLabel` is the
// section a ListView groups by). PlayFilterModel searches it.
class PlayModel : public DetailRowsModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by GameDetailController")
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        PeriodRole,
        ClockRole,
        TypeRole,
        TextRole,
        DownDistanceRole,
        VisitorScoreRole,
        HomeScoreRole,
        ScoringRole,
        DriveIdRole,
        DriveTeamRole,
        DriveLabelRole,
    };
    Q_ENUM(Role)

    using DetailRowsModel::DetailRowsModel;
    void setDrives(const QList<Drive> &drives);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        Play play;
        QString key; // the play id, or drive id and position when ESPN gives none
        QString driveId;
        QString driveTeam;
        QString driveLabel; // "Drive 3 · DAL · Touchdown"
    };
    QList<Row> m_rows;
};

} // namespace Endzone
