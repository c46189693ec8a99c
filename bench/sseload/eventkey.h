#pragma once

#include <charconv>
#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

// An Endzone SSE event id in stream order (src/live/streamid.h, src/api/ssebroadcaster.h): `<ms>-<seq>` is a
// Redis Stream entry and its `update` event; `<ms>-<seq>/<k>` is that entry's k-th `game` event, after it. Any
// other id (a process's local `~` id, or garbage) has no place in the order: nullopt.
struct EventKey
{
    std::uint64_t ms = 0;
    std::uint64_t seq = 0;
    std::uint64_t game = 0; // 0 for the update event

    auto operator<=>(const EventKey &) const = default;

    static std::optional<EventKey> parse(std::string_view id)
    {
        EventKey key;
        const char *p = id.data(), *end = id.data() + id.size();
        auto number = [&](std::uint64_t &out) {
            const auto [next, error] = std::from_chars(p, end, out);
            if (error != std::errc() || next == p)
                return false;
            p = next;
            return true;
        };
        if (!number(key.ms) || p == end || *p++ != '-' || !number(key.seq))
            return std::nullopt;
        if (p != end && (*p++ != '/' || !number(key.game) || key.game == 0))
            return std::nullopt;
        return p == end ? std::optional(key) : std::nullopt;
    }
};
