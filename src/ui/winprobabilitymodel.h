#pragma once

#include "detailrowsmodel.h"
#include "gamedetail.h"

#include <QPointF>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace Endzone {

// The home side's chance to win after each play of the open game, placed on the game clock. `points` is the
// same series as a curve for a Shape: x from 0 (kickoff) to 1 (end of regulation, or of the overtime played),
// y the home side's chance (0..1).
class WinProbabilityModel : public DetailRowsModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by GameDetailController")
    Q_PROPERTY(QVariantList points READ points NOTIFY pointsChanged)
    Q_PROPERTY(int count READ count NOTIFY pointsChanged)
public:
    enum Role { PlayIdRole = Qt::UserRole + 1, HomeWinPercentageRole, SecondsRole };
    Q_ENUM(Role)

    using DetailRowsModel::DetailRowsModel;
    // `detail`'s plays give each point its time: seconds since kickoff of the play it follows.
    void setDetail(const GameDetail &detail);
    [[nodiscard]] QVariantList points() const;
    [[nodiscard]] int count() const { return int(m_rows.size()); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void pointsChanged();

private:
    struct Row
    {
        QString playId;
        double home = 0;
        int seconds = 0;
    };
    QList<Row> m_rows;
};

} // namespace Endzone
