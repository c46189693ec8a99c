#pragma once

#include "gamealerts.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <optional>

namespace Endzone {

// Follows a stream of game updates (GameStore::gameUpserted today, the spoiler delay line's output when there is
// one) and tells what a fan of the favourite teams wants to hear: GameAlerts' rule applied to each favourite's
// game, minus the teams the user muted. It also knows the top favourite's game in play, for the tray.
//
// Only favourites' games that have not ended are remembered, so memory stays bounded by the week. The first
// sighting of a game is its baseline and says nothing: an app started mid-game does not replay the game.
class GameNotifier : public QObject
{
    Q_OBJECT
public:
    explicit GameNotifier(QObject *parent = nullptr);

    // In priority order: the first one with a game in play is the "top favourite".
    void setFavourites(const QStringList &teams);
    [[nodiscard]] QStringList favourites() const { return m_favourites; }
    // Favourites whose games give no alerts (they still show in the tray).
    void setMuted(const QStringList &teams);
    [[nodiscard]] QStringList muted() const { return m_muted; }

    // The highest-priority favourite's game in play, if any.
    [[nodiscard]] std::optional<Game> topFavouriteGame() const;

public Q_SLOTS:
    void onGame(const Endzone::Game &game);

Q_SIGNALS:
    void alerted(const Endzone::Alert &alert);
    void topFavouriteChanged();

private:
    struct Seen
    {
        Game game;
        QString leader; // the side that last led, kept across ties
    };
    [[nodiscard]] bool involves(const Game &game, const QStringList &teams) const;

    QStringList m_favourites;
    QStringList m_muted;
    QHash<QString, Seen> m_seen; // by eid
};

} // namespace Endzone
