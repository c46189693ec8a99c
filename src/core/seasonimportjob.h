#pragma once

#include "feedclient.h"
#include "gamestore.h"

#include <QCoroTask>
#include <QObject>

namespace Endzone {

struct ImportSummary
{
    int weeks = 0; // weeks that were fetched and stored (empty ones included)
    int emptyWeeks = 0;
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    QList<std::pair<WeekKey, QString>> failures; // the weeks that failed, with why
    bool cancelled = false;

    [[nodiscard]] bool ok() const { return failures.isEmpty() && !cancelled; }
};

// One import of many weeks: fetches them concurrently through a FeedClient and stores each good week
// through a GameStore. Weeks that arrive together are written in one transaction. A week whose fetch or
// parse fails is reported and never touches stored rows; the others still land.
class SeasonImportJob : public QObject
{
    Q_OBJECT
public:
    SeasonImportJob(
        FeedClient *feed, GameStore *store, QList<WeekKey> weeks, int concurrency, QObject *parent = nullptr);

    QCoro::Task<ImportSummary> run();
    // Stops issuing requests and aborts the ones in flight; weeks already stored stay stored.
    void cancel();

Q_SIGNALS:
    void weekStored(const Endzone::WeekKey &key, const QList<Endzone::UpsertedGame> &games);
    void weekFailed(const Endzone::WeekKey &key, const QString &error);
    void progress(int done, int total);

private:
    void onWeekFetched(const WeekKey &key, const Result<ParsedWeek> &result);
    void flush();

    FeedClient *m_feed;
    GameStore *m_store;
    QList<WeekKey> m_weeks;
    int m_concurrency;
    QList<ParsedWeek> m_pending;
    ImportSummary m_summary;
    int m_done = 0;
    bool m_cancelled = false;
};

} // namespace Endzone
