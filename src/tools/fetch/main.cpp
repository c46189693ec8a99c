// endzone-fetch: imports seasons from a scorestrip feed into the store (the original fetch_season_data.py).
#include "config.h"
#include "feedclient.h"
#include "fetchreporter.h"
#include "gamestore.h"
#include "seasonimportjob.h"
#include "seasonrange.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QElapsedTimer>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"endzone"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ENDZONE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Fetches every week of the given seasons from the scorestrip feed, concurrently, "
                                     "and upserts the games into the store."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    Config::addOptions(parser);
    parser.addOptions({
        {u"type"_s, u"Season types to fetch, comma separated: PRE,REG,POST (default all)."_s, u"types"_s},
        {u"week"_s, u"Fetch only this week number."_s, u"n"_s},
        {u"concurrency"_s, u"Requests in flight at once (default 8)."_s, u"n"_s, u"8"_s},
        {u"timeout-ms"_s, u"Per-request timeout (default 10000)."_s, u"ms"_s, u"10000"_s},
        {u"retries"_s, u"Retries after a timeout or 5xx (default 3)."_s, u"n"_s, u"3"_s},
        {u"quiet"_s, u"Print only the summary and failures."_s},
    });
    parser.addPositionalArgument(u"seasons"_s, u"Seasons to fetch: 2015, or a range like 1970-2014."_s, u"SEASON..."_s);
    parser.process(app);

    const auto weeks
        = parseWeekSelection(parser.positionalArguments(), parser.value(u"type"_s), parser.value(u"week"_s));
    if (!weeks) {
        qCritical("endzone-fetch: %s", qPrintable(weeks.error()));
        return 2;
    }
    const auto config = Config::resolve(parser);
    auto store = GameStore::open(config.database);
    if (!store) {
        qCritical("endzone-fetch: %s", qPrintable(store.error()));
        return 1;
    }
    FeedClient::Options feedOptions;
    feedOptions.timeoutMs = parser.value(u"timeout-ms"_s).toInt();
    feedOptions.retries = parser.value(u"retries"_s).toInt();
    FeedClient feed(QUrl(config.feed), feedOptions);
    SeasonImportJob job(&feed, store.value().get(), weeks.value(), std::max(1, parser.value(u"concurrency"_s).toInt()));
    FetchReporter reporter(&job, parser.isSet(u"quiet"_s));

    QElapsedTimer timer;
    timer.start();
    const ImportSummary summary = QCoro::waitFor(job.run());
    reporter.printSummary(summary, timer.elapsed());
    return summary.ok() ? 0 : 1;
}
