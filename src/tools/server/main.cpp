// endzone-server: the JSON + SSE API, the web scoreboard and (with --watch) the live watcher.
#include "apiserver.h"
#include "config.h"
#include "feedclient.h"
#include "gamestore.h"
#include "inprocessbus.h"
#include "leaderlease.h"
#include "listenaddress.h"
#include "livepublisher.h"
#include "livewatcher.h"
#include "logging.h"
#include "numericoptions.h"
#include "redisbus.h"
#include "redisclient.h"
#include "redisstreamreader.h"
#include "weeksource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

static int signalPipe[2];

// SIGTERM/SIGINT end the event loop through a pipe, so the lease is released and clients are closed.
static void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = [](int) {
        [[maybe_unused]] auto n = ::write(signalPipe[0], "x", 1);
    };
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

// Thousands of SSE clients need thousands of descriptors: take what the hard limit allows.
static void raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// A process behind a proxy takes clients that come from another process with their Last-Event-ID: it can
// resume them only once it holds the stream's recent entries. So it listens after reading them back, or
// after a few seconds without Redis (clients then get snapshots, as they would from any fresh server).
static void waitForReplayWindow(RedisStreamReader *reader)
{
    QEventLoop loop;
    QObject::connect(reader, &RedisStreamReader::backfilled, &loop, &QEventLoop::quit);
    QTimer::singleShot(std::chrono::seconds(5), &loop, &QEventLoop::quit);
    loop.exec();
}

int main(int argc, char *argv[])
{
    // The GLib event dispatcher finds a socket notifier by a linear search: with 10,000 SSE clients each
    // write's notifier toggle costs O(N). Qt's own UNIX dispatcher does not (bench/: p99 965 -> 164 ms).
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    app.setApplicationName(u"endzone-server"_s);
    app.setApplicationVersion(QStringLiteral(ENDZONE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Endzone live API: JSON weeks, SSE live scores and the web scoreboard."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    Config::addOptions(parser);
    parser.addOptions({
        {u"listen"_s, u"Address and port to listen on (default 127.0.0.1:8000)."_s, u"host:port"_s,
            u"127.0.0.1:8000"_s},
        {u"watch"_s, u"Poll the feed's current week and publish changes (one leader per Redis)."_s},
        {u"channel"_s, u"Live channel name (default %1)."_s.arg(QLatin1StringView(LiveBus::DefaultChannel)), u"name"_s,
            QString::fromLatin1(LiveBus::DefaultChannel)},
        {u"cors-origin"_s, u"Send Access-Control-Allow-Origin with this value (default: no CORS)."_s, u"origin"_s},
        {u"max-header-bytes"_s, u"Largest request head accepted; larger gets 431 (default 16384)."_s, u"bytes"_s,
            u"16384"_s},
        {u"max-connections"_s, u"Open connections at most, SSE clients included; more get 503 (default 16384)."_s,
            u"count"_s, u"16384"_s},
        {u"header-timeout"_s, u"Seconds a connection has to send its first request head (default 30)."_s, u"seconds"_s,
            u"30"_s},
        {u"sse-queue-bytes"_s, u"Unsent bytes after which an SSE client is dropped (default 1048576)."_s, u"bytes"_s,
            u"1048576"_s},
        {u"sse-threads"_s, u"Threads that write each SSE event to the clients (default 0: one per core)."_s, u"count"_s,
            u"0"_s},
        {u"poll-fast"_s, u"Seconds between polls while games are live (default 5)."_s, u"seconds"_s, u"5"_s},
        {u"poll-slow"_s, u"Seconds between polls otherwise (default 60)."_s, u"seconds"_s, u"60"_s},
    });
    parser.process(app);
    const Config config = Config::resolve(parser);
    if (!config.error.isEmpty()) {
        qCCritical(lcApi).noquote() << config.error;
        return 2;
    }

    const auto listen = ListenAddress::parse(parser.value(u"listen"_s), u"--listen");
    if (!listen) {
        qCCritical(lcApi).noquote() << listen.error();
        return 2;
    }
    ApiServer::Options options;
    options.address = listen.value().address;
    options.port = listen.value().port;
    options.corsOrigin = parser.value(u"cors-origin"_s).toUtf8();
    NumericOptions numbers(parser);
    options.maxHeaderBytes = numbers.integer(u"max-header-bytes"_s, 1024, 1 << 24);
    options.maxConnections = int(numbers.integer(u"max-connections"_s, 1, 1'000'000));
    options.headTimeoutMs = int(numbers.integer(u"header-timeout"_s, 1, 3600)) * 1000;
    options.sse.maxQueuedBytes = numbers.integer(u"sse-queue-bytes"_s, 4096, qint64(1) << 32);
    options.sse.sendThreads = int(numbers.integer(u"sse-threads"_s, 0, 64));
    // Read here, before anything binds or connects, though only the watcher uses them.
    const std::chrono::seconds pollFast(numbers.integer(u"poll-fast"_s, 1, 3600));
    const std::chrono::seconds pollSlow(numbers.integer(u"poll-slow"_s, 1, 86400));
    if (!numbers.ok()) {
        qCritical("endzone-server: %s", qPrintable(numbers.error()));
        return 2;
    }
    options.sse.replayEvents = config.replayEvents;

    auto store = GameStore::open(config.database);
    if (!store) {
        qCCritical(lcApi).noquote() << "cannot open the store:" << store.error();
        return 1;
    }
    FeedClient feed(QUrl(config.feed), config.feedOptions());
    const QByteArray channel = parser.value(u"channel"_s).toUtf8();
    std::unique_ptr<RedisClient> redis;
    std::unique_ptr<LiveBus> bus;
    if (config.redis.isEmpty()) {
        bus = std::make_unique<InProcessBus>();
    } else {
        redis = std::make_unique<RedisClient>(QUrl(config.redis));
        // The stream carries the live events; the channel is still read for publishers of the old format. A fresh
        // process reads the stream's recent entries back, so it can resume clients that come from another one.
        RedisBus::Options busOptions;
        busOptions.channel = channel;
        busOptions.stream = config.stream.toUtf8();
        busOptions.maxLength = config.streamMaxLength;
        busOptions.backfill = config.replayEvents;
        bus = std::make_unique<RedisBus>(QUrl(config.redis), busOptions);
    }

    ApiServer api({store.value().get(), &feed, bus.get(), redis.get()}, options);
    if (auto *redisBus = qobject_cast<RedisBus *>(bus.get()); redisBus && redisBus->reader())
        waitForReplayWindow(redisBus->reader());
    if (const auto port = api.listen(); !port) {
        qCCritical(lcApi).noquote() << port.error();
        return 1;
    }
    api.loadCurrentWeekFromStore();

    std::unique_ptr<LeaderLease> lease;
    std::unique_ptr<LivePublisher> publisher;
    std::unique_ptr<LiveWatcher> watcher;
    if (parser.isSet(u"watch"_s)) {
        lease = std::make_unique<LeaderLease>(redis.get());
        // With Redis, to the stream the bus reads (or the channel with `--stream none`); else to the bus itself.
        publisher = redis ? std::make_unique<LivePublisher>(
                        redis.get(), LivePublisher::Options {config.stream.toUtf8(), config.streamMaxLength, channel})
                          : std::make_unique<LivePublisher>(bus.get());
        LiveWatcher::Options watch;
        watch.fastInterval = pollFast;
        watch.slowInterval = pollSlow;
        watcher = std::make_unique<LiveWatcher>(
            LiveWatcher::Services {&feed, store.value().get(), publisher.get(), api.weekSource(), lease.get()}, watch);
        QObject::connect(watcher.get(), &LiveWatcher::currentWeekChanged, &api, &ApiServer::setCurrentWeek);
        lease->start();
        watcher->start();
    }

    raiseFileLimit();
    installSignalHandlers(app);
    const int code = app.exec();
    if (lease)
        lease->stop();
    return code;
}
