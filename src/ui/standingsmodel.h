#pragma once

#include "gamestore.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace Endzone {

// The standings of one stored season (regular-season finals), sortable by any column. Offline: reads the
// local store only. Reloads (coalesced) when a final result of the shown season lands in the store.
class StandingsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    Q_PROPERTY(int season READ season WRITE setSeason NOTIFY seasonChanged)
    Q_PROPERTY(QList<int> seasons READ seasons NOTIFY seasonsChanged)
    Q_PROPERTY(int sortRole READ sortRole NOTIFY sortChanged)
    Q_PROPERTY(bool ascending READ ascending NOTIFY sortChanged)
public:
    enum Role {
        RankRole = Qt::UserRole + 1,
        TeamRole,
        NameRole,
        ColorRole,
        WinsRole,
        LossesRole,
        TiesRole,
        PercentageRole,
        PointsForRole,
        PointsAgainstRole,
        DifferenceRole,
    };
    Q_ENUM(Role)

    explicit StandingsModel(GameStore *store, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int season() const { return m_season; }
    void setSeason(int season);
    [[nodiscard]] QList<int> seasons() const { return m_seasons; }
    [[nodiscard]] int sortRole() const { return m_sortRole; }
    [[nodiscard]] bool ascending() const { return m_ascending; }

    // Sorts by `role`; asking for the current column again flips the direction.
    Q_INVOKABLE void sortBy(int role);
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void seasonChanged();
    void seasonsChanged();
    void sortChanged();

private:
    [[nodiscard]] QVariant value(const Standing &standing, int role) const;
    void applySort();

    GameStore *m_store;
    QList<Standing> m_rows;
    QList<int> m_seasons;
    int m_season = 0;
    int m_sortRole = 0; // 0: the store's order (wins, then point difference)
    bool m_ascending = false;
};

} // namespace Endzone
