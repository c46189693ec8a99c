#pragma once

#include "eventkey.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

// Every event every client received, by id, and what that says about exactly-once delivery. Ids are
// interned once (10,000 clients share each one); their order is EventKey's. What a client should have is the
// union of all ids any client received, from its own first event to the newest: a missing one is a gap, one
// received twice a duplicate.
class DeliveryLog
{
public:
    explicit DeliveryLog(std::size_t clients) : m_received(clients) { }

    struct Totals
    {
        std::uint64_t events = 0;
        std::uint64_t unionIds = 0;
        std::uint64_t duplicates = 0;
        std::uint64_t gaps = 0;
        std::uint64_t clientsWithGaps = 0;
        std::uint64_t clientsWithoutEvents = 0;
        std::uint64_t minPerClient = 0, medianPerClient = 0, maxPerClient = 0;
    };

    // Records one event; returns its key (nullopt for an id outside the order, counted as unordered).
    std::optional<EventKey> record(std::size_t client, const std::string &id);
    [[nodiscard]] const std::optional<EventKey> &newest() const { return m_newest; }
    // The client's newest event is the newest any client has: it is caught up.
    [[nodiscard]] bool caughtUp(std::size_t client) const;
    [[nodiscard]] std::uint64_t unordered() const { return m_unordered; }
    [[nodiscard]] std::uint64_t outOfOrder() const { return m_outOfOrder; }
    [[nodiscard]] Totals totals() const;

private:
    std::unordered_map<std::string, std::uint32_t> m_index;
    std::vector<EventKey> m_keys; // by interned index
    std::vector<std::vector<std::uint32_t>> m_received; // per client, in arrival order
    std::optional<EventKey> m_newest;
    std::uint64_t m_unordered = 0;
    std::uint64_t m_outOfOrder = 0;
};
