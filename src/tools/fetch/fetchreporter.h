#pragma once

#include "seasonimportjob.h"

#include <QObject>
#include <QTextStream>

namespace Endzone {

// What endzone-fetch prints: a line per stored game in the original script's form, a line per week,
// a progress bar when stderr is a terminal, and the closing summary.
class FetchReporter : public QObject
{
    Q_OBJECT
public:
    FetchReporter(SeasonImportJob *job, bool quiet, QObject *parent = nullptr);

    void printSummary(const ImportSummary &summary, qint64 elapsedMs);

private:
    void onWeekStored(const WeekKey &key, const QList<UpsertedGame> &games);
    void onProgress(int done, int total);
    void clearProgress();

    QTextStream m_out;
    QTextStream m_err;
    bool m_quiet;
    bool m_progressBar;
    bool m_barShown = false;
};

} // namespace Endzone
