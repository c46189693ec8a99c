#pragma once

#include "gamestore.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace Endzone {

class DelayLine;

// Games seen from one team's side: opponent, home/away, own and opponent score, W/L/T. The shared base
// of TeamSeasonModel (one season) and TeamSearchModel (every stored season). The team is a franchise, so
// the Rams' list holds their STL, LA and LAR games. A team or season change is the one reset; then it follows
// `GameStore::gameUpserted` row by row: a changed game announces exactly the roles whose value changed, a new
// game of the list is inserted where it sorts.
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
    // Live changes arrive through the spoiler delay, as on the scoreboard; null: at once.
    void setDelayLine(DelayLine *line);

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
    // Whether a game of the team arriving live belongs to this list (e.g. the shown season).
    [[nodiscard]] virtual bool belongs(const Game &game) const = 0;
    // The display order load() gives: whether `a` is shown above `b`.
    [[nodiscard]] virtual bool shownBefore(const Game &a, const Game &b) const = 0;
    [[nodiscard]] bool involvesTeam(const Game &game) const;
    // Whether the team is the home side of `game` (by franchise in that season, whatever code the game carries).
    [[nodiscard]] bool isHome(const Game &game) const;

    GameStore *m_store;
    DelayLine *m_delayLine = nullptr;
    QString m_team;
    QList<Game> m_games;

private:
    [[nodiscard]] QVariant value(const Game &game, int role) const;
    void onGameUpserted(const Game &game);
};

} // namespace Endzone
