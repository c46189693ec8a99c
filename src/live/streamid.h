#pragma once

#include <QByteArray>
#include <compare>
#include <optional>

namespace Endzone {

// A Redis Stream entry id, `<milliseconds>-<sequence>`: what every process uses as the SSE event id, so an id
// read from one process means the same entry on any other. Parsing is strict (digits only, both parts within
// 64 bits) because the text also arrives from clients as Last-Event-ID.
struct StreamId
{
    quint64 ms = 0;
    quint64 seq = 0;

    [[nodiscard]] static std::optional<StreamId> parse(const QByteArray &text);
    [[nodiscard]] QByteArray toByteArray() const;
    auto operator<=>(const StreamId &) const = default;
};

} // namespace Endzone
