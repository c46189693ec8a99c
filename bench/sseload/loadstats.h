#pragma once

#include "deliverylog.h"
#include "loadoptions.h"

#include <cstdint>
#include <ctime>
#include <map>
#include <string>
#include <vector>

// What a run counted besides the ids themselves (DeliveryLog): connections, cuts and resumes, replay, latency.
struct LoadStats
{
    std::size_t connected = 0; // clients that got a 200 at least once
    std::size_t withEvent = 0; // clients that got an event at least once
    std::int64_t allConnectedMs = -1; // since the start
    std::int64_t allFirstEventMs = -1;
    std::uint64_t reconnects = 0, disconnects = 0, cuts = 0, clientsCut = 0, resumed = 0, notResumed = 0;
    std::uint64_t failedAttempts = 0, httpErrors = 0, socketErrors = 0;
    std::map<std::string, std::uint64_t> failures; // attempts that got no 200, by "what:errno or status"
    std::uint64_t waitingForHead = 0; // at the end: connections open without a response head
    std::uint64_t replayed = 0, snapshots = 0, bytes = 0;
    // Events a reconnect brought that were published before it asked, whether or not another client had them.
    std::uint64_t publishedBeforeReconnect = 0;
    std::int64_t firstCutMs = -1, lastHeadBackMs = -1, lastResumeMs = -1; // monotonic
    std::vector<std::int64_t> resumeMs; // per resume: its own cut to its first event back
    std::vector<std::int64_t> reconnectHeadMs; // per resume: its request to the 200 that came back
    std::int64_t firstCutEpochMs = -1; // wall clock, to compare with the moment of the fault
    std::vector<double> latencyMs; // publish (stream id) to receipt, live events only
    std::int64_t elapsedMs = 0;
    std::string end = "running";
};

inline std::int64_t clockMs(clockid_t clock)
{
    timespec now {};
    clock_gettime(clock, &now);
    return std::int64_t(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}
inline std::int64_t monotonicMs()
{
    return clockMs(CLOCK_MONOTONIC);
}
inline std::int64_t realtimeMs()
{
    return clockMs(CLOCK_REALTIME);
}

// Prints the human summary on stderr and the SSELOAD_RESULT JSON line on stdout.
void printSummary(
    const LoadOptions &options, LoadStats stats, const DeliveryLog::Totals &totals, const DeliveryLog &log);
