#pragma once

#include "detailrefreshpolicy.h"
#include "game.h"
#include "gamedetail.h"

#include <QByteArray>
#include <QCoroTask>
#include <QObject>

namespace Endzone {

class FeedClient;
class GameStore;

// What GET /api/games/{id} answers: the game with its detail, or an HTTP error with a message.
struct GameReply
{
    int status = 200;
    QByteArray body;
    QString error;
};

// Resolves one game for /api/games/{id}, by scorestrip eid or ESPN event id: the store first; the ESPN
// summary when DetailRefreshPolicy says so (the store lacks the game or its detail, a live game's detail is
// older than a few seconds, or a game has gone final). What is fetched is
// stored, so the summary is asked for once per game and state, not once per visitor. A failed fetch serves
// what the store has.
class GameDetailSource : public QObject
{
    Q_OBJECT
public:
    // `feed` may be null or a scorestrip feed: then only the store answers. Both must outlive the source.
    GameDetailSource(GameStore *store, FeedClient *feed, QObject *parent = nullptr);

    QCoro::Task<GameReply> game(QString id);

    // How old a live game's detail may be before a visit fetches it again (the shared policy's rule).
    static constexpr int LiveRefreshMs = DetailRefreshPolicy::LiveRefreshMs;

private:
    [[nodiscard]] bool wantsSummary(const std::optional<Game> &game, const std::optional<GameDetail> &detail) const;
    // Fetches and stores the summary: the game as stored, or why not (the feed has no such game, or failed).
    struct Refreshed
    {
        std::optional<Game> game;
        bool notFound = false;
    };
    QCoro::Task<Refreshed> refresh(QString espnId, std::optional<Game> stored);
    [[nodiscard]] static GameReply answer(const Game &game, const std::optional<GameDetail> &detail);
    [[nodiscard]] static GameReply failure(int status, QString message, const QString &detail = {});

    GameStore *m_store;
    FeedClient *m_feed;
    DetailRefreshPolicy m_policy; // when a summary is asked for: the rule the app's game page follows too
};

} // namespace Endzone
