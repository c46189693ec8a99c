#pragma once

#include "detailrowsmodel.h"

#include <QtQml/qqmlregistration.h>

namespace Endzone {

// The line score of the open game: one row per period ("1" … "4", "OT", "OT2"), the points of each side.
class LineScoreModel : public DetailRowsModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by GameDetailController")
public:
    enum Role { PeriodRole = Qt::UserRole + 1, VisitorPointsRole, HomePointsRole };
    Q_ENUM(Role)
    struct Row
    {
        int period = 0;
        int visitor = -1; // -1: the source has no points for this side and period
        int home = -1;
        friend bool operator==(const Row &, const Row &) = default;
    };

    using DetailRowsModel::DetailRowsModel;
    void setLineScore(const QList<int> &visitor, const QList<int> &home);
    [[nodiscard]] static QString periodLabel(int period);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    QList<Row> m_rows;
};

} // namespace Endzone
