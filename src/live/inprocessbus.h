#pragma once

#include "livebus.h"

namespace Endzone {

// The embedded default when no Redis is configured: publishing delivers to this process's own listeners.
// Delivery is queued, never re-entrant, so a publisher can hold locks or be mid-update while publishing.
class InProcessBus : public LiveBus
{
    Q_OBJECT
public:
    using LiveBus::LiveBus;

    [[nodiscard]] State state() const override { return State::Connected; }
    void publish(const QByteArray &payload) override;
};

} // namespace Endzone
