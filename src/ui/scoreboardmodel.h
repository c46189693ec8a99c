#pragma once

#include "game.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QSet>

namespace Endzone {

class DelayLine;
class FavouritesController;
class GameStore;

// One week of games, as cards: favourites first in the user's order of priority (FavouritesController's rank), then
// by kickoff. A view of the GameStore: it loads a week with one reset and then follows `GameStore::gameUpserted` row by
// row (an insert at the sorted position, one dataChanged listing exactly the roles whose value changed, a move when the
// sort key changed, nothing at all when nothing visible changed).
class ScoreboardModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    Q_PROPERTY(int liveCount READ liveCount NOTIFY liveCountChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The clubs on bye in the shown week (ESPN's week.teamsOnBye); empty for the scorestrip.
    Q_PROPERTY(QStringList byes READ byes NOTIFY byesChanged)
public:
    enum Role {
        EidRole = Qt::UserRole + 1,
        HomeAbbrRole,
        HomeNicknameRole,
        HomeScoreRole, // -1 before kickoff
        HomeColorRole,
        VisitorAbbrRole,
        VisitorNicknameRole,
        VisitorScoreRole,
        VisitorColorRole,
        StateRole, // the feed's code: "P", "1".."5", "H", "F", "FO"
        StateTextRole,
        ClockRole,
        IsLiveRole,
        IsFinalRole,
        PossessionRole,
        RedZoneRole,
        KickoffRole,
        KickoffLocalRole,
        FavouriteRole,
        // The live situation from the ESPN source: absent (empty, -1) for a scorestrip game and whenever the
        // game is not in play, so a final card drops it without the card having to know why.
        DownDistanceRole, // "3rd & 4", "1st & Goal"
        BallOnRole, // "DET 34", "50"
        HomeTimeoutsRole, // 0-3, -1 when unknown
        VisitorTimeoutsRole,
        LastPlayRole,
        HomeWinProbabilityRole, // 0..1, -1 when unknown
        // Where and on what channel: kept before, during and after the game.
        VenueRole,
        VenueCityRole,
        NeutralSiteRole,
        BroadcastRole,
        FavouriteRankRole, // 0 for the first favourite's games, 1 for the second's, ...; -1 for no favourite
        ProgressRole, // share of regulation played, 0..1 (Game::progress)
    };
    Q_ENUM(Role)

    explicit ScoreboardModel(GameStore *store, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] WeekKey weekKey() const { return m_key; }
    [[nodiscard]] int season() const { return m_key.season; }
    [[nodiscard]] int week() const { return m_key.week; }
    [[nodiscard]] int liveCount() const { return m_liveCount; }
    // Whose ranks order the rows; on its every change the rows move to their new rank, one by one. Without one, no
    // game is a favourite.
    void setFavourites(FavouritesController *favourites);
    [[nodiscard]] FavouritesController *favourites() const;
    // Where changes come from: the store directly (the default), or the spoiler delay line in front of it.
    void setDelayLine(DelayLine *line);
    [[nodiscard]] Game game(int row) const { return m_rows.at(row).game; }

    // Switches to another week (ScoreboardNavigator decides which): the one reset this model ever does.
    void setWeek(const WeekKey &key);
    [[nodiscard]] QStringList byes() const { return m_byes; }

Q_SIGNALS:
    void weekChanged();
    void byesChanged();
    void liveCountChanged();
    void countChanged();
    // The shown week changed; the application may fetch it from the feed (the rows then arrive as inserts).
    void weekRequested(const Endzone::WeekKey &key);

private:
    void loadByes();
    struct Row
    {
        Game game;
        int favouriteRank = -1;
    };
    [[nodiscard]] QVariant value(const Row &row, int role) const;
    [[nodiscard]] bool lessThan(const Row &a, const Row &b) const;
    [[nodiscard]] int sortedPosition(const Row &row) const;
    [[nodiscard]] int favouriteRank(const Game &game) const;
    void rerank();
    void onGameUpserted(const Endzone::Game &game);
    void updateRow(int row, Row updated);
    void removeRow(int row);
    void updateLiveCount();

    GameStore *m_store;
    QStringList m_byes;
    WeekKey m_key;
    QList<Row> m_rows;
    DelayLine *m_delayLine = nullptr;
    QPointer<FavouritesController> m_favourites;
    int m_liveCount = 0;
};

} // namespace Endzone
