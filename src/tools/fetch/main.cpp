// endzone-fetch: imports seasons from a scorestrip feed into the store (the original fetch_season_data.py).
#include "config.h"
#include "feedclient.h"
#include "fetchreporter.h"
#include "gamestore.h"
#include "leaderlease.h"
#include "livepublisher.h"
#include "livewatcher.h"
#include "numericoptions.h"
#include "redisclient.h"
#include "seasonimportjob.h"
#include "seasonrange.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QElapsedTimer>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

// The feed's settings with this program's own --timeout-ms and --retries (an import and --publish alike).
static FeedClient::Options feedOptionsOf(NumericOptions &numbers, const Config &config)
{
    FeedClient::Options options = config.feedOptions();
    options.timeoutMs = int(numbers.integer(u"timeout-ms"_s, 100, 600'000));
    options.retries = int(numbers.integer(u"retries"_s, 0, 100));
    return options;
}

// --publish: one poll of the feed's current week, upserted and published on Redis, awaited before exit.
static int publishCurrentWeek(const QCommandLineParser &parser)
{
    const auto config = Config::resolve(parser);
    if (!config.error.isEmpty()) {
        qCritical("endzone-fetch: %s", qPrintable(config.error));
        return 2;
    }
    if (config.redis.isEmpty()) {
        qCritical("endzone-fetch: --publish needs a Redis server: --redis redis://host:port/db or ENDZONE_REDIS");
        return 2;
    }
    NumericOptions numbers(parser);
    const FeedClient::Options feedOptions = feedOptionsOf(numbers, config);
    if (!numbers.ok()) {
        qCritical("endzone-fetch: %s", qPrintable(numbers.error()));
        return 2;
    }
    auto store = GameStore::open(config.database);
    if (!store) {
        qCritical("endzone-fetch: %s", qPrintable(store.error()));
        return 1;
    }
    FeedClient feed(QUrl(config.feed), feedOptions);
    RedisClient redis {QUrl(config.redis)};
    // To the stream the servers read, as their watcher writes it; with `--stream none`, on the old channel instead.
    // Not both: every server reads both, so its clients would get the week twice.
    LivePublisher publisher(
        &redis, {config.stream.toUtf8(), config.streamMaxLength, parser.value(u"channel"_s).toUtf8()});
    // Only the leader writes the stream: take the watchers' lease for this one write (fencing it), or refuse
    // while a running watcher holds it, rather than race its messages.
    LeaderLease lease(&redis);
    if (!config.stream.isEmpty()) {
        const auto taken = QCoro::waitFor(lease.takeOnce());
        if (!taken) {
            qCritical("endzone-fetch: %s", qPrintable(taken.error()));
            return 1;
        }
        if (!taken.value()) {
            qCritical("endzone-fetch: a live watcher (endzone-server --watch) leads and writes the stream %s: "
                      "--publish leaves it to that watcher. Stop it first, or publish on the old channel with "
                      "--stream none.",
                qPrintable(config.stream));
            return 1;
        }
    }
    LiveWatcher watcher({.feed = &feed,
        .store = store.value().get(),
        .publisher = &publisher,
        .lease = config.stream.isEmpty() ? nullptr : &lease});
    const auto published = QCoro::waitFor(watcher.pollOnce(true));
    QCoro::waitFor(lease.release());
    if (!published) {
        qCritical("endzone-fetch: %s", qPrintable(published.error()));
        return 1;
    }
    const auto week = watcher.currentWeek();
    QTextStream(stdout) << "Published Season " << (week ? week->toString() : u"?"_s) << " on "
                        << publisher.destination() << " (" << published.value() << " games changed)" << Qt::endl;
    return 0;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"endzone-fetch"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ENDZONE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Fetches every week of the given seasons from the feed (ESPN by default, or the "
                                     "scorestrip), concurrently, and upserts the games into the store."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    Config::addOptions(parser);
    parser.addOptions({
        {u"type"_s, u"Season types to fetch, comma separated: PRE,REG,POST (default all)."_s, u"types"_s},
        {u"week"_s, u"Fetch only this week number."_s, u"n"_s},
        {u"concurrency"_s,
            u"Requests in flight at once (default 4 for ESPN, a public host; 32 for a scorestrip feed)."_s, u"n"_s},
        {u"details"_s,
            u"Also fetch each started or finished game's summary: drives, plays, scoring plays, win probability "
            "(ESPN only; one more request per game)."_s},
        {u"timeout-ms"_s, u"Per-request timeout (default 10000)."_s, u"ms"_s, u"10000"_s},
        {u"retries"_s, u"Retries after a timeout or 5xx (default 3)."_s, u"n"_s, u"3"_s},
        {u"quiet"_s, u"Print only the summary and failures."_s},
        {u"publish"_s,
            u"Instead of importing: fetch the feed's current week, store it and publish it once on the "
            "Redis live stream (--stream), as the original publisher script did on its channel."_s},
        {u"channel"_s,
            u"Old pub/sub channel for --publish with --stream none (default %1)."_s.arg(
                QLatin1StringView(LiveBus::DefaultChannel)),
            u"name"_s, QString::fromLatin1(LiveBus::DefaultChannel)},
    });
    parser.addPositionalArgument(u"seasons"_s, u"Seasons to fetch: 2015, or a range like 1970-2014."_s, u"SEASON..."_s);
    parser.process(app);
    if (parser.isSet(u"publish"_s)) {
        // --publish polls the feed's current week; nothing else of an import applies, and none is ignored silently.
        QStringList ignored;
        if (!parser.positionalArguments().isEmpty())
            ignored.append(u"seasons"_s);
        for (const auto &option : {u"type"_s, u"week"_s, u"details"_s, u"concurrency"_s}) {
            if (parser.isSet(option))
                ignored.append(u"--"_s + option);
        }
        if (!ignored.isEmpty()) {
            qCritical("endzone-fetch: --publish stores and publishes the feed's current week; it cannot be combined "
                      "with %s. Import first, then publish.",
                qPrintable(ignored.join(u", "_s)));
            return 2;
        }
        return publishCurrentWeek(parser);
    }

    const auto weeks
        = parseWeekSelection(parser.positionalArguments(), parser.value(u"type"_s), parser.value(u"week"_s));
    if (!weeks) {
        qCritical("endzone-fetch: %s", qPrintable(weeks.error()));
        return 2;
    }
    const auto config = Config::resolve(parser);
    if (!config.error.isEmpty()) {
        qCritical("endzone-fetch: %s", qPrintable(config.error));
        return 2;
    }
    if (parser.isSet(u"details"_s) && config.source != FeedSource::Espn) {
        qCritical("endzone-fetch: --details needs the ESPN source: the scorestrip feed has no plays");
        return 2;
    }
    NumericOptions numbers(parser);
    const FeedClient::Options feedOptions = feedOptionsOf(numbers, config);
    const int concurrency = parser.isSet(u"concurrency"_s) ? int(numbers.integer(u"concurrency"_s, 1, 256))
        : config.source == FeedSource::Espn                ? 4
                                                           : 32;
    if (!numbers.ok()) {
        qCritical("endzone-fetch: %s", qPrintable(numbers.error()));
        return 2;
    }
    auto store = GameStore::open(config.database);
    if (!store) {
        qCritical("endzone-fetch: %s", qPrintable(store.error()));
        return 1;
    }
    FeedClient feed(QUrl(config.feed), feedOptions);
    SeasonImportJob job(&feed, store.value().get(), weeks.value(), concurrency);
    job.setFetchDetails(parser.isSet(u"details"_s));
    FetchReporter reporter(&job, parser.isSet(u"quiet"_s));

    QElapsedTimer timer;
    timer.start();
    const ImportSummary summary = QCoro::waitFor(job.run());
    reporter.printSummary(summary, timer.elapsed());
    return summary.ok() ? 0 : 1;
}
