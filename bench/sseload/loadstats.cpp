#include "loadstats.h"

#include <algorithm>
#include <cstdio>

namespace {
template<typename T>
double percentile(std::vector<T> &values, double p)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return double(values[std::min(values.size() - 1, std::size_t(p / 100 * double(values.size())))]);
}

double seconds(std::int64_t ms)
{
    return ms < 0 ? -1 : double(ms) / 1000;
}
} // namespace

void printSummary(
    const LoadOptions &options, LoadStats stats, const DeliveryLog::Totals &totals, const DeliveryLog &log)
{
    // From the first cut to the moment the last cut client had a 200 again, and its first event again.
    const bool cut = stats.firstCutMs >= 0;
    const std::int64_t resumeHead = cut && stats.lastHeadBackMs >= 0 ? stats.lastHeadBackMs - stats.firstCutMs : -1;
    const std::int64_t resume = cut && stats.lastResumeMs >= 0 ? stats.lastResumeMs - stats.firstCutMs : -1;
    const std::uint64_t notResumed = stats.notResumed;
    const bool exact = totals.duplicates == 0 && totals.gaps == 0 && log.unordered() == 0 && stats.snapshots == 0
        && totals.clientsWithoutEvents == 0 && notResumed == 0;
    std::string failures;
    for (const auto &[why, count] : stats.failures)
        failures += (failures.empty() ? "\"" : ",\"") + why + "\":" + std::to_string(count);
    std::fprintf(stderr,
        "sseload %s: %d clients, %llu events (%llu ids), %llu duplicates, %llu gaps, %llu clients cut, %llu not "
        "resumed, "
        "resume %.2f s, %llu replayed, latency p50 %.0f ms p99 %.0f ms, end %s: %s\n",
        options.label.c_str(), options.clients, (unsigned long long)totals.events, (unsigned long long)totals.unionIds,
        (unsigned long long)totals.duplicates, (unsigned long long)totals.gaps, (unsigned long long)stats.clientsCut,
        (unsigned long long)notResumed, seconds(resume), (unsigned long long)stats.replayed,
        percentile(stats.latencyMs, 50), percentile(stats.latencyMs, 99), stats.end.c_str(),
        exact ? "exactly once" : "NOT EXACTLY ONCE");
    std::printf(
        "SSELOAD_RESULT {\"label\":\"%s\",\"n\":%d,\"connected\":%zu,\"connect_s\":%.2f,\"ready_s\":%.2f,"
        "\"events\":%llu,\"union_ids\":%llu,\"per_client\":{\"min\":%llu,\"median\":%llu,\"max\":%llu},"
        "\"duplicates\":%llu,\"gaps\":%llu,\"clients_with_gaps\":%llu,\"clients_without_events\":%llu,"
        "\"out_of_order\":%llu,\"unordered_ids\":%llu,\"snapshots\":%llu,"
        "\"disconnects\":%llu,\"cuts\":%llu,\"clients_cut\":%llu,\"clients_not_resumed\":%llu,\"reconnects\":%llu,"
        "\"failed_attempts\":%llu,\"failures\":{%s},\"waiting_for_head\":%llu,\"http_errors\":%llu,\"socket_errors\":%"
        "llu,"
        "\"resume_head_s\":%.3f,\"resume_s\":%.3f,\"client_resume_ms\":{\"p50\":%.0f,\"p99\":%.0f,\"max\":%.0f},"
        "\"reconnect_head_ms\":{\"p50\":%.0f,\"p99\":%.0f,\"max\":%.0f},\"first_cut_epoch_ms\":%lld,"
        "\"replayed\":%llu,\"published_before_reconnect\":%llu,\"latency_ms\":{\"samples\":%zu,\"p50\":%.0f,\"p90\":%."
        "0f,\"p99\":%.0f,\"max\":%.0f},"
        "\"bytes\":%llu,\"elapsed_s\":%.1f,\"end\":\"%s\",\"exactly_once\":%s}\n",
        options.label.c_str(), options.clients, stats.connected, seconds(stats.allConnectedMs),
        seconds(stats.allFirstEventMs), (unsigned long long)totals.events, (unsigned long long)totals.unionIds,
        (unsigned long long)totals.minPerClient, (unsigned long long)totals.medianPerClient,
        (unsigned long long)totals.maxPerClient, (unsigned long long)totals.duplicates, (unsigned long long)totals.gaps,
        (unsigned long long)totals.clientsWithGaps, (unsigned long long)totals.clientsWithoutEvents,
        (unsigned long long)log.outOfOrder(), (unsigned long long)log.unordered(), (unsigned long long)stats.snapshots,
        (unsigned long long)stats.disconnects, (unsigned long long)stats.cuts, (unsigned long long)stats.clientsCut,
        (unsigned long long)notResumed, (unsigned long long)stats.reconnects, (unsigned long long)stats.failedAttempts,
        failures.c_str(), (unsigned long long)stats.waitingForHead, (unsigned long long)stats.httpErrors,
        (unsigned long long)stats.socketErrors, seconds(resumeHead), seconds(resume), percentile(stats.resumeMs, 50),
        percentile(stats.resumeMs, 99), percentile(stats.resumeMs, 100), percentile(stats.reconnectHeadMs, 50),
        percentile(stats.reconnectHeadMs, 99), percentile(stats.reconnectHeadMs, 100), (long long)stats.firstCutEpochMs,
        (unsigned long long)stats.replayed, (unsigned long long)stats.publishedBeforeReconnect, stats.latencyMs.size(),
        percentile(stats.latencyMs, 50), percentile(stats.latencyMs, 90), percentile(stats.latencyMs, 99),
        percentile(stats.latencyMs, 100), (unsigned long long)stats.bytes, double(stats.elapsedMs) / 1000,
        stats.end.c_str(), exact ? "true" : "false");
    std::fflush(stdout);
}
