#include "importcontroller.h"

#include "logging.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

ImportController::ImportController(GameStore *store, QObject *parent) : QObject(parent), m_store(store)
{
}

void ImportController::setFeedUrl(const QUrl &url, FeedSource source)
{
    cancel();
    delete m_feed;
    FeedClient::Options options;
    options.source = source;
    m_feed = new FeedClient(url, options, this);
}

bool ImportController::start(int season, bool preseason, bool regular, bool postseason)
{
    if (m_job || !m_feed)
        return false;
    QList<SeasonType> types;
    if (preseason)
        types.append(SeasonType::Pre);
    if (regular)
        types.append(SeasonType::Reg);
    if (postseason)
        types.append(SeasonType::Post);
    if (types.isEmpty())
        return false;
    auto *job = new SeasonImportJob(m_feed, m_store, weeksOfSeason(season, types), 4, this);
    m_job = job;
    m_done = 0;
    m_total = int(weeksOfSeason(season, types).size());
    m_status = tr("Importing %1…").arg(season);
    connect(job, &SeasonImportJob::progress, this, [this](int done, int total) {
        m_done = done;
        m_total = total;
        Q_EMIT progressChanged();
    });
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    run(job);
    return true;
}

QCoro::Task<> ImportController::run(SeasonImportJob *job)
{
    QPointer self {this};
    const auto summary = co_await job->run();
    if (!self)
        co_return;
    job->deleteLater();
    m_job = nullptr;
    if (summary.cancelled)
        m_status = tr("Cancelled after %1 weeks").arg(summary.weeks);
    else
        m_status = tr("%1 weeks: %2 new games, %3 updated, %4 failed")
                       .arg(summary.weeks)
                       .arg(summary.inserted)
                       .arg(summary.updated)
                       .arg(summary.failures.size());
    qCInfo(lcUi) << "import:" << m_status;
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    Q_EMIT finished(summary.ok(), m_status);
}

void ImportController::cancel()
{
    if (m_job)
        m_job->cancel();
}

} // namespace Endzone
