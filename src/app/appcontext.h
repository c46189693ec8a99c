#pragma once

#include "config.h"
#include "game.h"
#include "result.h"
#include "uiservices.h"

#include <QHostAddress>
#include <QObject>
#include <QTemporaryDir>
#include <memory>

namespace Endzone {

class ApiServer;
class DelayLine;
class FeedServer;
class GameNotifier;
class GameStore;
class LiveBus;
class LivePublisher;

// The composition root: builds the store, the feed (or the in-process demo feed), the live source, the
// models and controllers, the optional embedded API, and injects them into QML through UiServices.
// Nothing else creates long-lived services.
class AppContext : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        Config config;
        bool kiosk = false;
        bool demo = false;
        QString serve; // "ADDR:PORT" for the embedded API, empty for none
        int pollMs = 5000;
        double demoSpeed = 60.0;
        bool notifications = false; // desktop notifications for favourites (on in the app, off in tests)
    };

    [[nodiscard]] static Result<std::unique_ptr<AppContext>> create(Options options);
    ~AppContext() override;

    // Starts the live source and shows the current week.
    void start();

    [[nodiscard]] GameStore *store() const { return m_store.get(); }
    [[nodiscard]] ScoreboardModel *scoreboard() const { return m_scoreboard; }
    [[nodiscard]] ScoreboardNavigator *navigator() const { return m_navigator; }
    [[nodiscard]] FavouritesController *favourites() const { return m_favourites; }
    [[nodiscard]] LiveController *live() const { return m_live; }
    [[nodiscard]] FeedServer *demoFeed() const { return m_demoFeed.get(); }
    [[nodiscard]] QUrl feedUrl() const { return m_feedUrl; }
    [[nodiscard]] ApiServer *api() const { return m_api; }
    // The spoiler delay in front of the models: connect to its gameReleased to see changes when the user does.
    [[nodiscard]] DelayLine *delayLine() const { return m_delayLine; }
    [[nodiscard]] KioskFilterModel *kioskGames() const { return m_kioskGames; }
    [[nodiscard]] GameNotifier *notifier() const { return m_notifier; }

private:
    explicit AppContext(Options options);
    Result<Done> build();
    Result<Done> startApi();
    void publishChanges();
    void buildNotifications(const Config &config);

    Options m_options;
    QTemporaryDir m_demoDir;
    std::unique_ptr<FeedServer> m_demoFeed;
    std::unique_ptr<GameStore> m_store;
    QUrl m_feedUrl;
    FeedSource m_feedSource = FeedSource::Espn;
    QString m_liveSource;
    SettingsController *m_settings = nullptr;
    DelayLine *m_delayLine = nullptr;
    ScoreboardModel *m_scoreboard = nullptr;
    ScoreboardNavigator *m_navigator = nullptr;
    FavouritesController *m_favourites = nullptr;
    KioskFilterModel *m_kioskGames = nullptr;
    LiveController *m_live = nullptr;
    LiveBus *m_bus = nullptr;
    LivePublisher *m_publisher = nullptr; // the embedded API's changes, onto m_bus
    ApiServer *m_api = nullptr;
    GameNotifier *m_notifier = nullptr;
    QList<Game> m_changed; // waiting to be published on the embedded API's bus
};

} // namespace Endzone
