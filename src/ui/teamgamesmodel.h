#pragma once

#include "gamestore.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace Endzone {

// Games seen from one team's side: opponent, home/away, own and opponent score, W/L/T. The shared base
// of TeamSeasonModel (one season) and TeamSearchModel (every stored season).
class TeamGamesModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("base class")
    Q_PROPERTY(QString team READ team WRITE setTeam NOTIFY teamChanged)
    Q_PROPERTY(QString record READ record NOTIFY gamesChanged)
public:
    enum Role {
        EidRole = Qt::UserRole + 1,
        SeasonRole,
        WeekRole,
        WeekLabelRole,
        OpponentRole,
        OpponentColorRole,
        IsHomeRole,
        TeamScoreRole, // -1 before kickoff
        OpponentScoreRole,
        ResultRole, // "W", "L", "T" or "" when not final
        StateTextRole,
        KickoffRole,
    };
    Q_ENUM(Role)

    explicit TeamGamesModel(GameStore *store, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString team() const { return m_team; }
    void setTeam(const QString &team);
    // "11-5-1" over the final games shown.
    [[nodiscard]] QString record() const;

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void teamChanged();
    void gamesChanged();

protected:
    // The games to show for the current team, in display order.
    [[nodiscard]] virtual Result<QList<Game>> load() const = 0;
    [[nodiscard]] bool involvesTeam(const Game &game) const;

    GameStore *m_store;
    QString m_team;
    QList<Game> m_games;
};

} // namespace Endzone
