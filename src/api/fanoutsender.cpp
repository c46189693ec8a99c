#include "fanoutsender.h"

#include <QThread>
#include <algorithm>
#include <sys/socket.h>

namespace Endzone {

namespace {
// Descriptors a thread takes from the shared counter at a time: small enough to balance the threads,
// large enough that the counter is not contended.
constexpr std::size_t chunkSize = 64;
} // namespace

FanOutSender::FanOutSender(int threads)
{
    const int total = threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
    m_workers.reserve(std::size_t(total - 1));
    for (int i = 1; i < total; ++i)
        m_workers.emplace_back([this](const std::stop_token &stop) { workerLoop(stop); });
}

FanOutSender::~FanOutSender()
{
    for (std::jthread &worker : m_workers)
        worker.request_stop(); // wakes m_wake through the stop token
    m_workers.clear(); // joins
}

void FanOutSender::sendChunks(Job &job)
{
    const std::size_t count = job.descriptors.size();
    for (;;) {
        const std::size_t begin = job.next.fetch_add(chunkSize, std::memory_order_relaxed);
        if (begin >= count)
            return;
        const std::size_t end = std::min(count, begin + chunkSize);
        for (std::size_t i = begin; i < end; ++i) {
            const auto sent = ::send(
                job.descriptors[i], job.bytes.data(), std::size_t(job.bytes.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
            job.sent[i] = sent < 0 ? -1 : qint64(sent);
        }
    }
}

void FanOutSender::send(std::span<const int> descriptors, std::span<qint64> sent, QByteArrayView bytes)
{
    Q_ASSERT(sent.size() == descriptors.size());
    Job job {descriptors, sent, bytes};
    const std::size_t helpers = std::min(m_workers.size(), descriptors.size() / minimumPerThread);
    if (helpers == 0) {
        sendChunks(job);
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_job = &job;
        ++m_generation;
        m_busyWorkers = int(m_workers.size());
    }
    m_wake.notify_all();
    sendChunks(job);
    // A worker that wakes after the list ran out finds nothing left and reports done at once.
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_busyWorkers == 0; });
    m_job = nullptr;
}

void FanOutSender::workerLoop(const std::stop_token &stop)
{
    quint64 seen = 0;
    for (;;) {
        Job *job = nullptr;
        {
            std::unique_lock lock(m_mutex);
            if (!m_wake.wait(lock, stop, [&] { return m_generation != seen; }))
                return; // stop requested
            seen = m_generation;
            job = m_job;
        }
        sendChunks(*job);
        {
            std::lock_guard lock(m_mutex);
            --m_busyWorkers;
        }
        m_done.notify_one();
    }
}

} // namespace Endzone
