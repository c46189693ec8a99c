#include "seasonimportjob.h"
#include "logging.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

SeasonImportJob::SeasonImportJob(
    FeedClient *feed, GameStore *store, QList<WeekKey> weeks, int concurrency, QObject *parent)
    : QObject(parent), m_feed(feed), m_store(store), m_weeks(std::move(weeks)), m_concurrency(concurrency)
{
}

QCoro::Task<ImportSummary> SeasonImportJob::run()
{
    QPointer self {this};
    const int total = m_weeks.size();
    Q_EMIT progress(0, total);
    // Built apart from the co_await: GCC 12 double-frees a capturing lambda inside a co_await expression.
    FeedClient::WeekCallback onWeek = [self](const WeekKey &key, const Result<ParsedWeek> &result) {
        if (self)
            self->onWeekFetched(key, result);
    };
    co_await m_feed->fetchWeeks(m_weeks, m_concurrency, std::move(onWeek));
    if (!self)
        co_return ImportSummary {};
    flush();
    if (m_fetchDetails && !m_cancelled && !m_detailQueue.isEmpty()) {
        std::vector<QCoro::Task<>> workers;
        const int count = std::max(1, std::min<int>(m_concurrency, m_detailQueue.size()));
        for (int i = 0; i < count; ++i)
            workers.push_back(detailWorker());
        for (auto &worker : workers)
            co_await worker;
        if (!self)
            co_return ImportSummary {};
    }
    m_summary.cancelled = m_cancelled;
    co_return m_summary;
}

QCoro::Task<> SeasonImportJob::detailWorker()
{
    QPointer self {this};
    while (self && !m_cancelled && !m_detailQueue.isEmpty()) {
        const auto [eid, espnId] = m_detailQueue.takeFirst();
        const auto summary = co_await m_feed->fetchSummary(espnId);
        if (!self)
            co_return;
        const auto stored = summary ? m_store->storeDetail(eid, summary.value().detail) : Result<Done>::failure({});
        if (summary && stored) {
            ++m_summary.details;
            Q_EMIT detailStored(eid, summary.value().detail.playCount());
            continue;
        }
        const auto error = summary ? stored.error() : summary.error();
        m_summary.detailFailures.append(u"game %1: %2"_s.arg(eid, error));
        qCWarning(lcFeed).noquote() << "summary of game" << eid << "failed:" << error;
        Q_EMIT detailFailed(eid, error);
    }
}

void SeasonImportJob::cancel()
{
    m_cancelled = true;
    m_feed->abortAll();
}

void SeasonImportJob::onWeekFetched(const WeekKey &key, const Result<ParsedWeek> &result)
{
    if (m_cancelled)
        return;
    if (!result) {
        ++m_done;
        m_summary.failures.append({key, result.error()});
        qCWarning(lcFeed).noquote() << result.error();
        Q_EMIT weekFailed(key, result.error());
        Q_EMIT progress(m_done, m_weeks.size());
        return;
    }
    m_summary.rejectedGames += int(result.value().rejected.size());
    m_pending.append(result.value());
    // Weeks that complete in the same event-loop pass share one transaction: one commit (one fsync on
    // PostgreSQL) for many weeks, while a slow feed still sees each week stored as soon as it arrives.
    if (m_pending.size() == 1)
        QTimer::singleShot(0, this, &SeasonImportJob::flush);
    else if (m_pending.size() >= 64)
        flush();
}

void SeasonImportJob::flush()
{
    if (m_pending.isEmpty())
        return;
    const auto weeks = std::exchange(m_pending, {});
    const auto stored = m_store->upsertWeeks(weeks);
    for (int i = 0; i < weeks.size(); ++i) {
        const auto &key = weeks.at(i).key;
        ++m_done;
        if (!stored) {
            m_summary.failures.append({key, stored.error()});
            Q_EMIT weekFailed(key, stored.error());
            continue;
        }
        const auto &games = stored.value().at(i);
        ++m_summary.weeks;
        if (games.isEmpty())
            ++m_summary.emptyWeeks;
        for (const auto &game : games) {
            if (m_fetchDetails && !game.game.espnId.isEmpty() && game.game.state != GameState::Pregame)
                m_detailQueue.append({game.game.eid, game.game.espnId});
            switch (game.change) {
            case UpsertChange::Inserted:
                ++m_summary.inserted;
                break;
            case UpsertChange::Updated:
                ++m_summary.updated;
                break;
            case UpsertChange::Unchanged:
                ++m_summary.unchanged;
                break;
            }
        }
        Q_EMIT weekStored(key, games);
    }
    Q_EMIT progress(m_done, m_weeks.size());
}

} // namespace Endzone
