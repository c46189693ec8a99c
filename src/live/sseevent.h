#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <optional>

namespace Endzone {

// One dispatched Server-Sent Event. `id` is the stream's last event id at dispatch time (it persists
// across events, as EventSource's lastEventId does); `retryMs` is set when the event's block carried `retry:`.
struct SseEvent
{
    QString event = QStringLiteral("message");
    QByteArray data;
    QByteArray id;
    std::optional<int> retryMs;

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

} // namespace Endzone

Q_DECLARE_METATYPE(Endzone::SseEvent)
