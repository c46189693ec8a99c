#pragma once

#include <QByteArrayView>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace Endzone {

// Writes the same bytes to many connected sockets at once, spread over the machine's cores.
//
// On loopback and on a busy LAN most of an SSE fan-out's cost is the kernel's send path (TCP, and on
// loopback the receiver's side too), which runs on the sending thread: one thread can feed ~100,000
// sockets a second. send() lets a few worker threads take chunks of the descriptor list alongside the
// calling thread and returns when every descriptor was tried, so the caller keeps ownership of its
// sockets: nothing is closed while a worker still holds its descriptor, because the owning thread is
// inside send() the whole time. Work is handed out in small chunks from one counter, so a worker that the
// scheduler delays (the clients may run on the same cores) simply takes fewer.
class FanOutSender
{
public:
    // `threads` counts the caller: 1 sends inline, 0 uses one per core (QThread::idealThreadCount()).
    explicit FanOutSender(int threads = 0);
    ~FanOutSender();
    FanOutSender(const FanOutSender &) = delete;
    FanOutSender &operator=(const FanOutSender &) = delete;

    // Sends `bytes` to each descriptor without blocking (MSG_DONTWAIT, no SIGPIPE). `sent[i]` becomes the
    // number of bytes the kernel took for `descriptors[i]`: all of them, fewer (its buffer is full), or -1
    // (EAGAIN or an error: nothing was sent). Fewer than `minimumPerThread` descriptors per thread are
    // sent inline: waking a worker costs more than it saves.
    void send(std::span<const int> descriptors, std::span<qint64> sent, QByteArrayView bytes);

    [[nodiscard]] int threadCount() const { return int(m_workers.size()) + 1; }

    static constexpr std::size_t minimumPerThread = 256;

private:
    struct Job
    {
        std::span<const int> descriptors;
        std::span<qint64> sent;
        QByteArrayView bytes;
        std::atomic<std::size_t> next {0};
    };

    void workerLoop(const std::stop_token &stop);
    static void sendChunks(Job &job);

    std::vector<std::jthread> m_workers;
    std::mutex m_mutex;
    std::condition_variable_any m_wake; // workers wait here for a job (or for stop)
    std::condition_variable m_done; // the caller waits here for the workers to finish a job
    Job *m_job = nullptr;
    quint64 m_generation = 0; // bumped per job, so a worker takes each job once
    int m_busyWorkers = 0;
};

} // namespace Endzone
