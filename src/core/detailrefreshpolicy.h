#pragma once

#include "game.h"
#include "gamedetail.h"

#include <QHash>
#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace Endzone {

// The one rule for when a game's ESPN summary is fetched, shared by /api/games/{id} (GameDetailSource) and
// the app's game page (GameDetailController): when the store lacks the game or its detail; while the game is
// live, at most once per LiveRefreshMs; once more when it has gone final (the stored detail was taken before
// the end); never for a scorestrip-only game or from a scorestrip feed. It remembers when each summary was last
// asked for; the clock is injectable so tests need not wait.
class DetailRefreshPolicy
{
public:
    using Clock = std::function<std::chrono::milliseconds()>;
    explicit DetailRefreshPolicy(Clock clock = {});

    // How old a live game's detail may be before it is fetched again.
    static constexpr int LiveRefreshMs = 10000;

    // `espnFeed`: whether a summary can be asked for at all. `game` is the stored game (none when the store
    // lacks it); `detail` its stored detail.
    [[nodiscard]] bool wantsSummary(
        bool espnFeed, const std::optional<Game> &game, const std::optional<GameDetail> &detail) const;
    // Records that the summary of `espnId` is being fetched now.
    void noteFetch(const QString &espnId);
    // Milliseconds until a live game's summary may be fetched again: 0 when it may be now.
    [[nodiscard]] qint64 msUntilRefresh(const QString &espnId) const;

private:
    [[nodiscard]] std::chrono::milliseconds now() const;

    Clock m_clock;
    QHash<QString, std::chrono::milliseconds> m_lastFetch; // by ESPN id
};

} // namespace Endzone
