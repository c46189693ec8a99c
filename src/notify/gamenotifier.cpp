#include "gamenotifier.h"

namespace Endzone {

GameNotifier::GameNotifier(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Endzone::Alert>();
}

void GameNotifier::setFavourites(const QStringList &teams)
{
    if (teams == m_favourites)
        return;
    m_favourites = teams;
    // Games of former favourites are forgotten; a new favourite's game starts from its next update.
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (involves(it->game, m_favourites))
            ++it;
        else
            it = m_seen.erase(it);
    }
    Q_EMIT topFavouriteChanged();
}

void GameNotifier::setMuted(const QStringList &teams)
{
    m_muted = teams;
}

bool GameNotifier::involves(const Game &game, const QStringList &teams) const
{
    return teams.contains(game.home.abbreviation) || teams.contains(game.visitor.abbreviation);
}

void GameNotifier::onGame(const Endzone::Game &game)
{
    if (!involves(game, m_favourites))
        return;
    // Copied: a receiver of alerted() may change the favourites, and with them m_seen.
    const auto found = m_seen.constFind(game.eid);
    const std::optional<Seen> before = found != m_seen.cend() ? std::optional<Seen>(*found) : std::nullopt;
    const QString leader = GameAlerts::leader(game);
    if (isFinal(game.state))
        m_seen.remove(game.eid);
    else
        m_seen.insert(game.eid, {game, leader.isEmpty() && before ? before->leader : leader});

    // Notify while at least one favourite in the game is not muted.
    QStringList audible = m_favourites;
    for (const auto &team : std::as_const(m_muted))
        audible.removeAll(team);
    if (before && involves(game, audible)) {
        const auto alerts = GameAlerts::between(before->game, game, before->leader);
        for (const auto &alert : alerts)
            Q_EMIT alerted(alert);
    }
    Q_EMIT topFavouriteChanged();
}

std::optional<Game> GameNotifier::topFavouriteGame() const
{
    for (const auto &team : m_favourites) {
        for (const auto &seen : m_seen) {
            if (isLive(seen.game.state)
                && (seen.game.home.abbreviation == team || seen.game.visitor.abbreviation == team))
                return seen.game;
        }
    }
    return std::nullopt;
}

} // namespace Endzone
