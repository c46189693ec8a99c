// endzone-feed: a local scorestrip or ESPN feed server for tests, demos and offline use.
#include "feedserver.h"
#include "listenaddress.h"
#include "logging.h"
#include "numericoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"endzone-feed"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ENDZONE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serves scorestrip XML like NFL.com did (/ajax/scorestrip?season=&seasonType=&week= and "
        "/liveupdate/scorestrip/ss.xml, from SEASON-TYPE-WEEK.xml files) or ESPN's JSON "
        "(/apis/site/v2/sports/football/nfl/scoreboard and /summary?event=ID, from "
        "scoreboard-YEAR-pre|reg|post-WEEK.json "
        "and summary-ID.json files), from a folder or a synthetic live season."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"dir"_s, u"Serve the files in this folder (SEASON-TYPE-WEEK.xml, or ESPN's JSON with --format espn)."_s,
            u"folder"_s},
        {u"format"_s, u"What to serve: scorestrip (default) or espn."_s, u"format"_s, u"scorestrip"_s},
        {u"synthetic"_s, u"Generate and serve this season, progressing live."_s, u"season"_s},
        {u"speed"_s, u"Synthetic seconds per real second (default 1)."_s, u"factor"_s, u"1"_s},
        {u"start"_s, u"Synthetic clock start, ISO 8601 (default: just before the first Sunday's kickoffs)."_s,
            u"time"_s},
        {u"listen"_s, u"Address and port to listen on (default 127.0.0.1:8081)."_s, u"host:port"_s,
            u"127.0.0.1:8081"_s},
        {u"latency-ms"_s, u"Delay every response by this many milliseconds."_s, u"ms"_s, u"0"_s},
        {u"max-age"_s,
            u"Cache-Control max-age of the current week, which watchers wait out (default 13, as NFL.com)."_s,
            u"seconds"_s, u"13"_s},
        {u"fail-rate"_s, u"Answer this fraction of week requests with HTTP 500."_s, u"fraction"_s, u"0"_s},
        {u"seed"_s, u"Seed for the failure sequence."_s, u"n"_s, u"1"_s},
    });
    parser.process(app);

    FeedServer::Options options;
    const QString format = parser.value(u"format"_s).toLower();
    if (format != u"scorestrip"_s && format != u"espn"_s) {
        qCritical("endzone-feed: --format wants scorestrip or espn, got %s", qPrintable(parser.value(u"format"_s)));
        return 2;
    }
    options.format = format == u"espn"_s ? FeedServer::Format::Espn : FeedServer::Format::Scorestrip;
    options.directory = parser.value(u"dir"_s);
    if (parser.isSet(u"synthetic"_s))
        options.syntheticSeason = parser.value(u"synthetic"_s).toInt();
    if (options.directory.isEmpty() && !options.syntheticSeason) {
        qCritical("endzone-feed: give --dir FOLDER or --synthetic SEASON");
        return 2;
    }
    if (!options.directory.isEmpty() && !QDir(options.directory).exists()) {
        qCritical("endzone-feed: no such folder: %s", qPrintable(options.directory));
        return 2;
    }
    NumericOptions numbers(parser);
    options.speed = numbers.real(u"speed"_s, 0, 1e6);
    options.latencyMs = int(numbers.integer(u"latency-ms"_s, 0, 600'000));
    options.maxAgeSeconds = int(numbers.integer(u"max-age"_s, 0, 86'400));
    options.failRate = numbers.real(u"fail-rate"_s, 0, 1);
    options.seed = uint(numbers.integer(u"seed"_s, 0, 0xFFFFFFFFLL));
    if (!numbers.ok()) {
        qCritical("endzone-feed: %s", qPrintable(numbers.error()));
        return 2;
    }
    options.clockStart = QDateTime::fromString(parser.value(u"start"_s), Qt::ISODate);
    if (parser.isSet(u"start"_s) && !options.clockStart.isValid()) {
        qCritical("endzone-feed: --start wants an ISO 8601 time, got \"%s\"", qPrintable(parser.value(u"start"_s)));
        return 2;
    }

    const auto listen = ListenAddress::parse(parser.value(u"listen"_s), u"--listen");
    if (!listen) {
        qCritical("endzone-feed: %s", qPrintable(listen.error()));
        return 2;
    }
    const QHostAddress address = listen.value().address;
    FeedServer server(options);
    const auto bound = server.listen(address, listen.value().port);
    if (!bound) {
        qCritical("endzone-feed: %s", qPrintable(bound.error()));
        return 1;
    }
    qCInfo(lcFeed).noquote() << "serving" << format
                             << (options.syntheticSeason ? u"synthetic season %1"_s.arg(*options.syntheticSeason)
                                                         : options.directory)
                             << "at" << u"http://%1:%2"_s.arg(address.toString()).arg(bound.value());
    return app.exec();
}
