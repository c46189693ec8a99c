#include "deliverylog.h"

#include <algorithm>

std::optional<EventKey> DeliveryLog::record(std::size_t client, const std::string &id)
{
    const std::optional<EventKey> key = EventKey::parse(id);
    if (!key) {
        ++m_unordered;
        return std::nullopt;
    }
    auto [it, added] = m_index.try_emplace(id, std::uint32_t(m_keys.size()));
    if (added)
        m_keys.push_back(*key);
    std::vector<std::uint32_t> &got = m_received[client];
    if (!got.empty() && m_keys[got.back()] >= *key)
        ++m_outOfOrder; // a duplicate, or a replay from before what it had
    got.push_back(it->second);
    if (!m_newest || *key > *m_newest)
        m_newest = key;
    return key;
}

bool DeliveryLog::caughtUp(std::size_t client) const
{
    const auto &got = m_received[client];
    return !got.empty() && m_newest && m_keys[got.back()] == *m_newest;
}

DeliveryLog::Totals DeliveryLog::totals() const
{
    Totals totals;
    // Rank every id in stream order: the union sequence.
    std::vector<std::uint32_t> order(m_keys.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [this](auto a, auto b) { return m_keys[a] < m_keys[b]; });
    std::vector<std::uint32_t> rank(m_keys.size());
    for (std::uint32_t r = 0; r < order.size(); ++r)
        rank[order[r]] = r;
    totals.unionIds = order.size();

    std::vector<std::uint64_t> perClient;
    perClient.reserve(m_received.size());
    std::vector<std::uint32_t> ranks;
    for (const auto &got : m_received) {
        totals.events += got.size();
        perClient.push_back(got.size());
        if (got.empty()) {
            ++totals.clientsWithoutEvents;
            continue;
        }
        ranks.clear();
        for (const std::uint32_t index : got)
            ranks.push_back(rank[index]);
        std::sort(ranks.begin(), ranks.end());
        const std::size_t unique = std::unique(ranks.begin(), ranks.end()) - ranks.begin();
        totals.duplicates += got.size() - unique;
        // Everything from its first event to the newest any client saw.
        const std::uint64_t expected = order.size() - rank[got.front()];
        const std::uint64_t have
            = ranks.begin() + unique - std::lower_bound(ranks.begin(), ranks.begin() + unique, rank[got.front()]);
        if (expected > have) {
            totals.gaps += expected - have;
            ++totals.clientsWithGaps;
        }
    }
    if (!perClient.empty()) {
        std::sort(perClient.begin(), perClient.end());
        totals.minPerClient = perClient.front();
        totals.medianPerClient = perClient[perClient.size() / 2];
        totals.maxPerClient = perClient.back();
    }
    return totals;
}
