#pragma once

#include "livebus.h"
#include "streamid.h"

namespace Endzone {

// The embedded default when no Redis is configured: publishing delivers to this process's own listeners.
// Delivery is queued, never re-entrant, so a publisher can hold locks or be mid-update while publishing.
// Ids are made here the way Redis makes stream ids (wall-clock milliseconds, then a sequence).
class InProcessBus : public LiveBus
{
    Q_OBJECT
public:
    using LiveBus::LiveBus;

    [[nodiscard]] State state() const override { return State::Connected; }
    void publish(const QByteArray &payload) override;

private:
    StreamId m_last;
};

} // namespace Endzone
