#pragma once

#include "detailrowsmodel.h"
#include "gamedetail.h"

#include <QtQml/qqmlregistration.h>

namespace Endzone {

// The drives of the open game, for the drive chart and the play-by-play headers: where each started and ended
// on the field (yards from the home team's goal line, as ESPN counts), who had the ball and how it ended. The
// drive in progress has no result yet.
class DriveModel : public DetailRowsModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by GameDetailController")
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NumberRole,
        TeamRole,
        TeamColorRole,
        IsHomeRole,
        DescriptionRole,
        ResultRole,
        ResultKindRole,
        IsScoreRole,
        StartYardLineRole,
        EndYardLineRole,
        StartTextRole,
        EndTextRole,
        PeriodRole,
        ClockRole,
        PlayCountRole,
    };
    Q_ENUM(Role)

    using DetailRowsModel::DetailRowsModel;
    void setDrives(const QList<Drive> &drives, const QString &homeTeam);

    // What kind of end a drive had, for its colour: "touchdown", "fieldgoal", "punt", "turnover", "end" (of a
    // half or the game), "other", or "live" for the drive in progress.
    [[nodiscard]] static QString resultKind(const Drive &drive);
    // "Touchdown", or the raw result when ESPN gives no display text; "In progress" for a live drive.
    [[nodiscard]] static QString resultText(const Drive &drive);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        Drive drive;
        int number = 0;
        bool home = false;
        QString key; // the drive id, numbered when repeated
    };
    QList<Row> m_rows;
};

} // namespace Endzone
