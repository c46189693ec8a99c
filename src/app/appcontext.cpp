#include "appcontext.h"

#include "apiserver.h"
#include "delayline.h"
#include "feedclient.h"
#include "feedserver.h"
#include "gamenotifier.h"
#include "gamestore.h"
#include "inprocessbus.h"
#include "listenaddress.h"
#include "livepublisher.h"
#include "logging.h"
#include "notificationclient.h"

#include <QPointer>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

AppContext::AppContext(Options options) : m_options(std::move(options))
{
}

AppContext::~AppContext()
{
    UiServices::current() = {};
    if (m_live)
        m_live->stop();
}

Result<std::unique_ptr<AppContext>> AppContext::create(Options options)
{
    std::unique_ptr<AppContext> context(new AppContext(std::move(options)));
    if (auto built = context->build(); !built)
        return Result<std::unique_ptr<AppContext>>::failure(built.error());
    return context;
}

Result<Done> AppContext::build()
{
    m_settings = new SettingsController(m_options.config.file, m_options.kiosk, m_options.demo, this);
    // The settings page writes the same file Config read, so `config` already holds what the user chose there,
    // under what the command line and environment override.
    auto config = m_options.config;
    m_liveSource = config.live;

    if (m_options.demo) {
        // The synthetic season through the real feed code path: an HTTP feed on loopback, in this process,
        // started mid-afternoon on the first Sunday so games are already under way.
        FeedServer::Options feedOptions;
        feedOptions.syntheticSeason = 2025;
        // In ESPN's shape, as the default source reads it: live situations, drives and plays.
        feedOptions.format = FeedServer::Format::Espn;
        feedOptions.speed = m_options.demoSpeed;
        feedOptions.clockStart = SyntheticSeason(2025).firstSundayKickoff().addSecs(25 * 60);
        m_demoFeed = std::make_unique<FeedServer>(feedOptions);
        auto port = m_demoFeed->listen();
        if (!port)
            return Result<Done>::failure(u"demo feed: "_s + port.error());
        config.feed = m_demoFeed->baseUrl().toString();
        config.source = FeedSource::Espn;
        if (m_options.config.database == GameStore::defaultUrl()) // keep demo games out of the user's store
            config.database = u"sqlite://"_s + m_demoDir.filePath(u"demo.sqlite"_s);
        if (m_liveSource.isEmpty() || m_liveSource == u"poll")
            m_liveSource = u"poll"_s;
    }
    m_feedUrl = QUrl(config.feed);
    m_feedSource = config.source;

    auto store = GameStore::open(config.database, nullptr);
    if (!store)
        return Result<Done>::failure(store.error());
    m_store = std::move(store).value();
    qCInfo(lcUi) << "store" << GameStore::redactedUrl(config.database) << "feed" << m_feedUrl.toString();

    // The spoiler delay: every change the models (and notifications) show passes through this one line.
    m_delayLine = new DelayLine(m_store.get(), this);
    m_delayLine->setDelay(config.delaySeconds);
    if (!config.warning.isEmpty())
        qCWarning(lcUi).noquote() << config.warning;
    connect(m_settings, &SettingsController::delayChanged, m_delayLine,
        [this] { m_delayLine->setDelay(m_settings->delay()); });

    // Config holds the settings file's favourites under what the command line and environment override.
    m_favourites = new FavouritesController(this);
    m_favourites->setTeams(config.favourites);
    m_scoreboard = new ScoreboardModel(m_store.get(), this);
    m_scoreboard->setDelayLine(m_delayLine);
    // Connected first: the rows have moved to their new ranks before the settings file and notifier hear of it.
    m_scoreboard->setFavourites(m_favourites);
    m_navigator = new ScoreboardNavigator(m_scoreboard, m_store.get(), this);
    connect(m_favourites, &FavouritesController::teamsChanged, m_settings,
        [this] { m_settings->setFavourites(m_favourites->teams()); });
    m_kioskGames = new KioskFilterModel(this);
    m_kioskGames->setSourceModel(m_scoreboard);
    m_kioskGames->setMode(config.kioskMode);
    m_kioskGames->setRolloverHours(config.rolloverHours);
    m_kioskGames->setPinFavourite(true);
    if (m_demoFeed) // "today" on the kiosk is the demo's synthetic day, not the real one
        m_kioskGames->setClock(
            [feed = QPointer(m_demoFeed.get())] { return feed ? feed->now() : QDateTime::currentDateTimeUtc(); });

    m_live = new LiveController(m_store.get(), this);
    m_live->setFeedUrl(m_feedUrl, m_feedSource);
    m_live->setPollInterval(
        std::chrono::milliseconds(m_options.demo ? std::min(m_options.pollMs, 1000) : m_options.pollMs));
    connect(m_live, &LiveController::currentWeekChanged, m_navigator, &ScoreboardNavigator::setCurrentWeek);
    connect(m_scoreboard, &ScoreboardModel::weekRequested, m_live, &LiveController::fetchWeek);

    buildNotifications(config);

    auto *importer = new ImportController(m_store.get(), this);
    importer->setFeedUrl(m_feedUrl, m_feedSource);

    auto &services = UiServices::current();
    services.scoreboard = m_scoreboard;
    services.navigator = m_navigator;
    services.favourites = m_favourites;
    services.kioskGames = m_kioskGames;
    // Every page that shows a score follows the spoiler delay, not only the scoreboard.
    auto *standings = new StandingsModel(m_store.get(), this);
    standings->setDelayLine(m_delayLine);
    services.standings = standings;
    auto *teamSeason = new TeamSeasonModel(m_store.get(), this);
    teamSeason->setDelayLine(m_delayLine);
    services.teamSeason = teamSeason;
    auto *teamSearch = new TeamSearchModel(m_store.get(), this);
    teamSearch->setDelayLine(m_delayLine);
    services.teamSearch = teamSearch;
    services.live = m_live;
    services.importer = importer;
    services.settings = m_settings;
    auto *gameDetail = new GameDetailController(m_store.get(), this);
    gameDetail->setFeedUrl(m_feedUrl, m_feedSource);
    gameDetail->setDelayLine(m_delayLine);
    services.gameDetail = gameDetail;

    if (!m_options.serve.isEmpty())
        return startApi();
    return Done {};
}

void AppContext::buildNotifications(const Config &config)
{
    // The favourites, their muted teams and the tray's top favourite follow FavouritesController and the settings page.
    m_notifier = new GameNotifier(this);
    m_notifier->setFavourites(m_favourites->teams());
    m_notifier->setMuted(config.notifyMuted);
    connect(m_favourites, &FavouritesController::teamsChanged, m_notifier,
        [this] { m_notifier->setFavourites(m_favourites->teams()); });
    connect(m_settings, &SettingsController::notifyMutedChanged, m_notifier,
        [this] { m_notifier->setMuted(m_settings->notifyMuted()); });
    // Alerts are drawn from what the delay line releases: a notification never spoils what the board still holds.
    connect(m_delayLine, &DelayLine::gameReleased, m_notifier, &GameNotifier::onGame);
    if (!m_options.notifications)
        return;
    auto *desktop = new NotificationClient(QDBusConnection::sessionBus(), this);
    connect(m_notifier, &GameNotifier::alerted, desktop, &NotificationClient::sendAlert);
}

Result<Done> AppContext::startApi()
{
    const auto listen = ListenAddress::parse(m_options.serve, u"--serve");
    if (!listen)
        return Result<Done>::failure(listen.error());
    // The app's own store changes reach the API's SSE clients through an in-process bus, in the same
    // envelope LiveWatcher publishes, so `endzone --serve` and `endzone-server` stream identically.
    // Redis, even when configured, is left alone: the fleet's stream is the watchers' to write, and an app whose live
    // source reads that stream would otherwise publish every change back into it.
    m_bus = new InProcessBus(this);
    m_publisher = new LivePublisher(m_bus, this);
    FeedClient::Options feedOptions;
    feedOptions.source = m_feedSource;
    auto *feed = new FeedClient(m_feedUrl, feedOptions, this);
    ApiServer::Options options;
    options.address = listen.value().address;
    options.port = listen.value().port;
    m_api = new ApiServer({m_store.get(), feed, m_bus, nullptr}, options, this);
    auto listening = m_api->listen();
    if (!listening)
        return Result<Done>::failure(u"--serve: "_s + listening.error());
    m_api->loadCurrentWeekFromStore();
    connect(m_live, &LiveController::currentWeekChanged, m_api, &ApiServer::setCurrentWeek);
    auto *batch = new QTimer(this);
    batch->setSingleShot(true);
    batch->setInterval(0);
    connect(batch, &QTimer::timeout, this, &AppContext::publishChanges);
    connect(m_store.get(), &GameStore::gameUpserted, this, [this, batch](const Game &game) {
        m_changed.append(game);
        batch->start();
    });
    qCInfo(lcUi) << "serving the API at" << m_api->baseUrl().toString();
    return Done {};
}

void AppContext::publishChanges()
{
    auto readWeek = [store = m_store.get()](const WeekKey &key) {
        return store->week(key);
    };
    QCoro::connect(
        m_publisher->publishChanges(std::exchange(m_changed, {}), readWeek), this, [](const Result<int> &published) {
            if (!published)
                qCWarning(lcUi).noquote() << "the embedded API missed a live update:" << published.error();
        });
}

void AppContext::start()
{
    if (!m_liveSource.isEmpty() || m_feedUrl.isValid())
        m_live->start(m_liveSource.isEmpty() ? u"poll"_s : m_liveSource);
    m_navigator->showNow();
    if (m_scoreboard->season() == 0) // an empty store and no feed yet: start at the demo season
        m_scoreboard->setWeek({2025, SeasonType::Reg, 1});
}

} // namespace Endzone
