#pragma once

#include "gamestore.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace Endzone {

class DelayLine;

// The standings of one stored season (regular-season finals), in the league's order (wins, then point
// difference). Offline: reads the local store only. A season change is the one reset; when a final of the
// shown season lands (coalesced, so an import is one refresh) the table is recomputed and applied row by row:
// a club that moved is moved, the roles whose values changed are announced, a new club is inserted.
// Sorting by a column is StandingsTable's job, not a new query.
class StandingsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    Q_PROPERTY(int season READ season WRITE setSeason NOTIFY seasonChanged)
    Q_PROPERTY(QList<int> seasons READ seasons NOTIFY seasonsChanged)
public:
    enum Role {
        RankRole = Qt::UserRole + 1, // the league position, whatever the view's sort
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
    // Live finals reach the table through the spoiler delay, as they reach the scoreboard; null: at once.
    void setDelayLine(DelayLine *line);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int season() const { return m_season; }
    void setSeason(int season);
    [[nodiscard]] QList<int> seasons() const { return m_seasons; }

    // Reads the seasons and the shown season's table again, applying the difference row by row.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void seasonChanged();
    void seasonsChanged();

private:
    [[nodiscard]] static QVariant value(const Standing &standing, int role);
    void refreshSeasons();
    // Turns the shown rows into `table` with moves, inserts, removals and role-exact dataChanged.
    void apply(const QList<Standing> &table);

    GameStore *m_store;
    DelayLine *m_delayLine = nullptr;
    QTimer m_coalesce;
    QList<Standing> m_rows;
    QList<int> m_seasons;
    int m_season = 0;
};

// A sorted view of StandingsModel for the standings page: sortBy(role) sorts by a column, asking for the
// same column again flips the direction, role 0 is the league order. Live changes re-sort through the proxy.
class StandingsTable : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int sortColumnRole READ sortColumnRole NOTIFY sortChanged)
    Q_PROPERTY(bool ascending READ ascending NOTIFY sortChanged)
public:
    explicit StandingsTable(QObject *parent = nullptr);

    [[nodiscard]] int sortColumnRole() const { return m_role; }
    [[nodiscard]] bool ascending() const { return m_ascending; }
    Q_INVOKABLE void sortBy(int role);

Q_SIGNALS:
    void sortChanged();

private:
    int m_role = 0; // 0: the league order
    bool m_ascending = false;
};

} // namespace Endzone
