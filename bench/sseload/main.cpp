// endzone-sseload: N Server-Sent Events clients on one epoll loop that come back after a lost connection with
// Last-Event-ID, as EventSource does, and report exactly-once delivery across the loss (duplicates, gaps), how
// long the cut clients took to resume, the events replayed to them, and publish -> receipt latency (the Redis
// Stream id's milliseconds are the publish time). Bounded: N, a connect rate, a total time limit. SIGINT or
// SIGTERM ends the run: it waits up to --drain-s for every client to hold the newest event, then prints one
// JSON line (SSELOAD_RESULT {...}) on stdout.
#include "deliverylog.h"
#include "loadclient.h"
#include "loadoptions.h"
#include "loadstats.h"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <queue>
#include <random>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace {

volatile std::sig_atomic_t g_stop = 0;

class LoadRun
{
public:
    explicit LoadRun(const LoadOptions &options)
        : m_options(options), m_clients(options.clients), m_log(options.clients)
    {
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        const std::int64_t start = monotonicMs();
        m_start = start;
        for (std::size_t i = 0; i < m_clients.size(); ++i)
            schedule(i, start + std::int64_t(i * 1000 / std::max(1, options.connectRate)));
    }

    void run()
    {
        std::vector<epoll_event> ready(1024);
        std::vector<SseResponse::Event> events;
        std::int64_t drainUntil = -1;
        for (;;) {
            const std::int64_t now = monotonicMs();
            if (now - m_start >= m_options.timeLimitS * 1000) {
                m_stats.end = "time-limit";
                break;
            }
            if (g_stop && drainUntil < 0)
                drainUntil = now + m_options.drainS * 1000;
            if (drainUntil >= 0 && (allCaughtUp() || now >= drainUntil)) {
                m_stats.end = allCaughtUp() ? "drained" : "drain-timeout";
                break;
            }
            while (!m_due.empty() && m_due.top().first <= now) {
                const std::size_t client = m_due.top().second;
                m_due.pop();
                open(client, now);
            }
            const int n = epoll_wait(m_epoll, ready.data(), int(ready.size()), 20);
            for (int i = 0; i < n; ++i)
                onReady(ready[i].data.u64, ready[i].events, events);
        }
        m_stats.elapsedMs = monotonicMs() - m_start;
        for (const LoadClient &client : m_clients) {
            m_stats.notResumed += client.cutAtMs >= 0 ? 1 : 0;
            m_stats.waitingForHead += client.fd >= 0 && !client.response.headDone() ? 1 : 0;
        }
    }

    void report() const { printSummary(m_options, m_stats, m_log.totals(), m_log); }

private:
    using Due = std::pair<std::int64_t, std::size_t>;

    void schedule(std::size_t client, std::int64_t at) { m_due.push({at, client}); }

    bool allCaughtUp() const
    {
        for (std::size_t i = 0; i < m_clients.size(); ++i) {
            if (!m_log.caughtUp(i))
                return false;
        }
        return true;
    }

    void open(std::size_t index, std::int64_t now)
    {
        LoadClient &client = m_clients[index];
        client.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (client.fd < 0) {
            ++m_stats.socketErrors;
            schedule(index, now + m_options.backoffMs);
            return;
        }
        const int one = 1;
        setsockopt(client.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_options.port);
        inet_pton(AF_INET, m_options.host.c_str(), &address.sin_addr);
        if (connect(client.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0 && errno != EINPROGRESS) {
            lost(index, now, "connect");
            return;
        }
        client.requestSent = false;
        client.response = SseResponse();
        if (client.connections++ > 0) {
            ++m_stats.reconnects;
            client.replayBound = m_log.newest();
            client.reconnectAtMs = realtimeMs();
        }
        epoll_event event {};
        event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
        event.data.u64 = index;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, client.fd, &event);
    }

    void onReady(std::size_t index, std::uint32_t flags, std::vector<SseResponse::Event> &events)
    {
        LoadClient &client = m_clients[index];
        const std::int64_t now = monotonicMs();
        if (!client.requestSent && (flags & EPOLLOUT)) {
            if (!sendRequest(client))
                return lost(index, now, "connect");
            epoll_event event {};
            event.events = EPOLLIN | EPOLLRDHUP;
            event.data.u64 = index;
            epoll_ctl(m_epoll, EPOLL_CTL_MOD, client.fd, &event);
        }
        if (!(flags & (EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP)))
            return;
        char buffer[16384];
        for (int reads = 0; reads < 8; ++reads) { // a fair share per wake-up; the rest on the next one
            const ssize_t got = recv(client.fd, buffer, sizeof buffer, 0);
            if (got == 0)
                return lost(index, now, "eof", 0);
            if (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                return lost(index, now, "recv");
            if (got < 0)
                return;
            m_stats.bytes += std::uint64_t(got);
            events.clear();
            const bool wasHead = client.response.headDone();
            if (!client.response.feed(buffer, std::size_t(got), events))
                return lost(index, now, "malformed", 0);
            if (!wasHead && client.response.headDone() && !onHead(index, now))
                return lost(index, now, "http", client.response.status());
            for (const auto &event : events)
                onEvent(index, event, now);
            if (client.response.finished())
                return lost(index, now, "end", 0);
        }
    }

    bool sendRequest(LoadClient &client)
    {
        int error = 0;
        socklen_t length = sizeof error;
        if (getsockopt(client.fd, SOL_SOCKET, SO_ERROR, &error, &length) < 0 || error != 0) {
            errno = error;
            return false;
        }
        std::string request = "GET " + m_options.path + " HTTP/1.1\r\nHost: " + m_options.host + ':'
            + std::to_string(m_options.port) + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n";
        if (!client.lastId.empty())
            request += "Last-Event-ID: " + client.lastId + "\r\n";
        request += "\r\n";
        client.requestSent = true;
        client.askedAtMs = monotonicMs();
        return send(client.fd, request.data(), request.size(), MSG_NOSIGNAL) == ssize_t(request.size());
    }

    bool onHead(std::size_t index, std::int64_t now)
    {
        LoadClient &client = m_clients[index];
        if (client.response.status() != 200) {
            ++m_stats.httpErrors; // a 502 while nginx had no upstream: try again
            return false;
        }
        if (!client.firstHeadSeen) {
            client.firstHeadSeen = true;
            if (++m_stats.connected == m_clients.size())
                m_stats.allConnectedMs = now - m_start;
        }
        if (client.cutAtMs >= 0 && !client.headBack) {
            client.headBack = true;
            m_stats.reconnectHeadMs.push_back(now - client.askedAtMs);
            m_stats.lastHeadBackMs = std::max(m_stats.lastHeadBackMs, now);
        }
        return true;
    }

    void onEvent(std::size_t index, const SseResponse::Event &event, std::int64_t now)
    {
        LoadClient &client = m_clients[index];
        client.lastId = event.id;
        const std::optional<EventKey> key = m_log.record(index, event.id);
        if (event.type == "update" && event.id.find('/') != std::string::npos)
            ++m_stats.snapshots; // a snapshot carries the newest id, which may be a game's
        if (!client.firstEventSeen) {
            client.firstEventSeen = true;
            if (++m_stats.withEvent == m_clients.size()) {
                m_stats.allFirstEventMs = now - m_start;
                std::fprintf(stderr, "sseload: ready: %zu clients have an event after %.1f s\n", m_clients.size(),
                    double(m_stats.allFirstEventMs) / 1000);
            }
        }
        if (client.cutAtMs >= 0) {
            m_stats.resumeMs.push_back(now - client.cutAtMs);
            m_stats.lastResumeMs = std::max(m_stats.lastResumeMs, now);
            ++m_stats.resumed;
            client.cutAtMs = -1;
        }
        if (!key)
            return;
        const bool seenBefore = client.replayBound && *key <= *client.replayBound;
        const bool publishedBefore = client.reconnectAtMs >= 0 && std::int64_t(key->ms) < client.reconnectAtMs;
        m_stats.replayed += seenBefore ? 1 : 0;
        m_stats.publishedBeforeReconnect += publishedBefore ? 1 : 0;
        if (!seenBefore && !publishedBefore)
            m_stats.latencyMs.push_back(double(realtimeMs() - std::int64_t(key->ms)));
    }

    // The connection ended or never came up (`why`, with errno unless given `code`): close it and come back
    // after a jittered backoff.
    void lost(std::size_t index, std::int64_t now, const char *why, int code = -1)
    {
        if (code < 0)
            code = errno;
        LoadClient &client = m_clients[index];
        if (client.fd >= 0) {
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, client.fd, nullptr);
            close(client.fd);
            client.fd = -1;
        }
        const bool wasStreaming = client.response.headDone() && client.response.status() == 200;
        if (wasStreaming) {
            ++m_stats.disconnects;
            if (client.cutAtMs < 0) {
                client.cutAtMs = now;
                client.headBack = false;
                ++m_stats.cuts;
                if (!std::exchange(client.everCut, true))
                    ++m_stats.clientsCut;
                if (m_stats.firstCutMs < 0) {
                    m_stats.firstCutMs = now;
                    m_stats.firstCutEpochMs = realtimeMs();
                }
            }
        } else {
            ++m_stats.failedAttempts;
            ++m_stats.failures[std::string(why) + ':' + std::to_string(code)];
        }
        client.response = SseResponse();
        std::uniform_int_distribution<int> jitter(0, std::max(0, m_options.jitterMs));
        schedule(index, now + m_options.backoffMs + jitter(m_random));
    }

    const LoadOptions &m_options;
    std::vector<LoadClient> m_clients;
    DeliveryLog m_log;
    LoadStats m_stats;
    std::priority_queue<Due, std::vector<Due>, std::greater<>> m_due;
    std::mt19937 m_random {12};
    int m_epoll = -1;
    std::int64_t m_start = 0;
};

} // namespace

int main(int argc, char **argv)
{
    const std::optional<LoadOptions> options = LoadOptions::parse(argc, argv);
    if (!options)
        return 2;
    // One descriptor per client: take the whole hard limit.
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        if (limit.rlim_cur < rlim_t(options->clients) + 16) {
            std::fprintf(stderr, "sseload: %d clients need more descriptors than the limit %llu\n", options->clients,
                (unsigned long long)limit.rlim_cur);
            return 2;
        }
    }
    struct sigaction action
    {
    };
    action.sa_handler = [](int) {
        g_stop = 1;
    };
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);

    LoadRun run(*options);
    run.run();
    run.report();
    return 0;
}
