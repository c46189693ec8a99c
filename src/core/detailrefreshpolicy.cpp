#include "detailrefreshpolicy.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

DetailRefreshPolicy::DetailRefreshPolicy(Clock clock) : m_clock(std::move(clock))
{
}

std::chrono::milliseconds DetailRefreshPolicy::now() const
{
    if (m_clock)
        return m_clock();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
}

bool DetailRefreshPolicy::wantsSummary(
    bool espnFeed, const std::optional<Game> &game, const std::optional<GameDetail> &detail) const
{
    if (!espnFeed)
        return false;
    if (game && game->espnId.isEmpty())
        return false; // a scorestrip-only game: ESPN has no id to ask for
    if (!game || !detail)
        return true;
    if (isFinal(game->state))
        return detail->state != "post"_L1; // once more when it has gone final
    if (isLive(game->state))
        return msUntilRefresh(game->espnId) == 0;
    return false;
}

void DetailRefreshPolicy::noteFetch(const QString &espnId)
{
    m_lastFetch.insert(espnId, now());
}

qint64 DetailRefreshPolicy::msUntilRefresh(const QString &espnId) const
{
    const auto last = m_lastFetch.constFind(espnId);
    if (last == m_lastFetch.cend())
        return 0;
    const auto elapsed = (now() - *last).count();
    return std::max<qint64>(0, LiveRefreshMs - elapsed);
}

} // namespace Endzone
