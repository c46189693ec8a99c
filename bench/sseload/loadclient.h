#pragma once

#include "eventkey.h"
#include "sseresponse.h"

#include <cstdint>
#include <optional>
#include <string>

// One simulated EventSource: its current connection and what it needs to come back like a browser would,
// with the id of the last event it got.
struct LoadClient
{
    int fd = -1;
    bool requestSent = false;
    SseResponse response;
    std::string lastId;
    int connections = 0;
    bool firstHeadSeen = false;
    bool firstEventSeen = false;
    // Set while its connection is lost: when it was cut, and whether a 200 came back since.
    std::int64_t cutAtMs = -1;
    bool headBack = false;
    bool everCut = false;
    // On a reconnect: the newest id any client had at that moment; what it gets up to there is replay.
    std::optional<EventKey> replayBound;
    // ... and the wall-clock time it asked: an event published before it (its stream id's ms) can only be a replay.
    std::int64_t reconnectAtMs = -1;
    std::int64_t askedAtMs = -1; // monotonic, when the request went out
};
