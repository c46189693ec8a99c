#pragma once

#include <QQmlEngine>
#include <QSortFilterProxyModel>

namespace Endzone {

// The kiosk's pinned game as a model of one row (none when nothing is pinned), with the scoreboard's roles: the
// board draws it with the same GameCard delegate as every other game, and its live changes arrive row by row.
class PinnedGameModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by KioskFilterModel")
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    // The game to show by its eid; empty shows none.
    void setEid(const QString &eid);
    [[nodiscard]] QString eid() const { return m_eid; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_eid;
};

} // namespace Endzone
