#include "fetchreporter.h"

#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

FetchReporter::FetchReporter(SeasonImportJob *job, bool quiet, QObject *parent)
    : QObject(parent), m_out(stdout), m_err(stderr), m_quiet(quiet), m_progressBar(!quiet && isatty(fileno(stderr)))
{
    connect(job, &SeasonImportJob::weekStored, this, &FetchReporter::onWeekStored);
    connect(job, &SeasonImportJob::progress, this, &FetchReporter::onProgress);
    connect(job, &SeasonImportJob::weekFailed, this, [this](const WeekKey &key, const QString &error) {
        clearProgress();
        m_err << "Season " << key.toString() << " failed: " << error << Qt::endl;
    });
    connect(job, &SeasonImportJob::detailStored, this, [this](const QString &eid, int plays) {
        if (m_quiet)
            return;
        clearProgress();
        m_out << "Game ID " << eid << ": summary stored, " << plays << " plays" << Qt::endl;
    });
}

static QString changeText(UpsertChange change)
{
    switch (change) {
    case UpsertChange::Inserted:
        return u"inserted in database"_s;
    case UpsertChange::Updated:
        return u"updated in database"_s;
    case UpsertChange::Unchanged:
        return u"unchanged in database"_s;
    }
    return {};
}

void FetchReporter::onWeekStored(const WeekKey &key, const QList<UpsertedGame> &games)
{
    if (m_quiet)
        return;
    clearProgress();
    for (const auto &[game, change] : games) {
        m_out << "Season " << key.toString() << ". Game ID " << game.eid << ", " << game.visitor.abbreviation << " @ "
              << game.home.abbreviation << ", scheduled at " << game.kickoffEastern() << ' ' << changeText(change)
              << '\n';
    }
    m_out << "All games for Season " << key.toString() << " processed!" << Qt::endl;
}

void FetchReporter::onProgress(int done, int total)
{
    if (!m_progressBar || total == 0)
        return;
    constexpr int width = 40;
    const int filled = width * done / total;
    m_err << '\r' << '[' << QString(filled, u'#') << QString(width - filled, u'.') << "] " << done << '/' << total
          << " weeks" << Qt::flush;
    m_barShown = true;
}

void FetchReporter::clearProgress()
{
    if (m_barShown) {
        m_err << '\r' << QString(70, u' ') << '\r' << Qt::flush;
        m_barShown = false;
    }
}

void FetchReporter::printSummary(const ImportSummary &summary, qint64 elapsedMs)
{
    clearProgress();
    m_err << u"Stored %1 weeks (%2 empty) in %3 s: %4 games inserted, %5 updated, %6 unchanged; %7 weeks failed."_s
                 .arg(summary.weeks)
                 .arg(summary.emptyWeeks)
                 .arg(elapsedMs / 1000.0, 0, 'f', 2)
                 .arg(summary.inserted)
                 .arg(summary.updated)
                 .arg(summary.unchanged)
                 .arg(summary.failures.size())
          << Qt::endl;
    if (summary.rejectedGames > 0)
        m_err << summary.rejectedGames << " games were refused by the parser (see the warnings above)." << Qt::endl;
    if (summary.details > 0 || !summary.detailFailures.isEmpty())
        m_err << u"Stored %1 game summaries; %2 failed."_s.arg(summary.details).arg(summary.detailFailures.size())
              << Qt::endl;
    for (const auto &failure : summary.detailFailures)
        m_err << "FAILED: " << failure << Qt::endl;
    if (summary.cancelled)
        m_err << "Cancelled before every week was fetched." << Qt::endl;
    for (const auto &[key, error] : summary.failures)
        m_err << "FAILED: Season " << key.toString() << ": " << error << Qt::endl;
}

} // namespace Endzone
