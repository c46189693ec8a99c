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
    int rejectedGames = 0; // games a document carried but the parser refused (named in the log)
    int details = 0; // game summaries fetched and stored (--details)
    QStringList detailFailures; // "game 401547505: why"
    bool cancelled = false;

    [[nodiscard]] bool ok() const { return failures.isEmpty() && detailFailures.isEmpty() && !cancelled; }
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

    // Also fetch and store each started or finished game's summary (drives, plays, win probability): one more
    // request per game, so only when asked (`endzone-fetch --details`). ESPN only.
    void setFetchDetails(bool fetch) { m_fetchDetails = fetch; }

    QCoro::Task<ImportSummary> run();
    // Stops issuing requests and aborts the ones in flight; weeks already stored stay stored.
    void cancel();

Q_SIGNALS:
    void weekStored(const Endzone::WeekKey &key, const QList<Endzone::UpsertedGame> &games);
    void weekFailed(const Endzone::WeekKey &key, const QString &error);
    void progress(int done, int total);
    void detailStored(const QString &eid, int plays);
    void detailFailed(const QString &eid, const QString &error);

private:
    void onWeekFetched(const WeekKey &key, const Result<ParsedWeek> &result);
    void flush();
    QCoro::Task<> detailWorker();

    FeedClient *m_feed;
    GameStore *m_store;
    QList<WeekKey> m_weeks;
    int m_concurrency;
    QList<ParsedWeek> m_pending;
    ImportSummary m_summary;
    int m_done = 0;
    bool m_cancelled = false;
    bool m_fetchDetails = false;
    // Games whose summary is still to fetch, as (row key, ESPN event id): ids only, so memory stays flat
    // however many games a backfill has.
    QList<std::pair<QString, QString>> m_detailQueue;
};

} // namespace Endzone
