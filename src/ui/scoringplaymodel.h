#pragma once

#include "detailrowsmodel.h"
#include "gamedetail.h"

#include <QtQml/qqmlregistration.h>

namespace Endzone {

// The scoring summary of the open game: one row per scoring play, in order.
class ScoringPlayModel : public DetailRowsModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by GameDetailController")
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TeamRole,
        TypeRole,
        TextRole,
        PeriodRole,
        ClockRole,
        VisitorScoreRole,
        HomeScoreRole,
        TeamColorRole,
    };
    Q_ENUM(Role)

    using DetailRowsModel::DetailRowsModel;
    void setScoringPlays(const QList<ScoringPlay> &plays);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    QList<ScoringPlay> m_rows;
};

} // namespace Endzone
