#pragma once

#include "feedclient.h"
#include "game.h"

#include <QDateTime>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

namespace Endzone {

class GameStore;
class LiveBus;
class SseStream;

// Follows live games from one source and writes every change into the GameStore, so the list models
// update row by row: `poll` (the feed's ss.xml through FeedClient, with ETag), `sse:URL` (the API's
// stream, resuming with Last-Event-ID) or `redis://host:port` (the live channel). Shows the connection
// state and the time of the last update, and retries with exponential backoff by itself.
class LiveController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY stateChanged)
    Q_PROPERTY(QString source READ source NOTIFY sourceChanged)
    Q_PROPERTY(QDateTime lastUpdate READ lastUpdate NOTIFY stateChanged)
public:
    enum class State { Offline, Connecting, Live, Reconnecting };
    Q_ENUM(State)

    explicit LiveController(GameStore *store, QObject *parent = nullptr);
    ~LiveController() override;

    // The feed used by `poll` and to fetch the weeks the user navigates to.
    void setFeedUrl(const QUrl &url, FeedSource source = FeedSource::Scorestrip);
    void setPollInterval(std::chrono::milliseconds interval) { m_interval = interval; }
    // "poll", "sse:URL", "redis://..."; anything else is refused with a warning.
    bool start(const QString &source);
    void stop();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] QString source() const { return m_source; }
    [[nodiscard]] QDateTime lastUpdate() const { return m_lastUpdate; }

    // Writes a payload from a live channel into the store; public for tests and benchmarks.
    void applyPayload(const QByteArray &payload);
    // Fetches one week from the feed into the store (navigation to a week that is not stored yet).
    void fetchWeek(const Endzone::WeekKey &key);

Q_SIGNALS:
    void stateChanged();
    void sourceChanged();
    // The feed's current week (from ss.xml): where "Now" goes.
    void currentWeekChanged(const Endzone::WeekKey &key);

private:
    void poll();
    QCoro::Task<> doPoll(quint64 generation);
    // Redis source: after each (re)subscribe, catch up on what the channel lost: one fetch of the feed's
    // current week, or, when there is no feed or it fails, the week's body in the Redis week cache (which
    // the watcher writes before it publishes).
    void resync();
    QCoro::Task<> doResync(quint64 generation);
    QCoro::Task<> resyncFromCache(quint64 generation);
    void storeLiveWeek(const ParsedWeek &week);
    QCoro::Task<> doFetchWeek(WeekKey key);
    void pollFailed(const QString &error);
    void setState(State state);
    void markUpdated();

    GameStore *m_store;
    FeedClient *m_feed = nullptr;
    SseStream *m_sse = nullptr;
    LiveBus *m_bus = nullptr;
    QTimer m_pollTimer;
    std::chrono::milliseconds m_interval {5000};
    QByteArray m_etag;
    QString m_source;
    QDateTime m_lastUpdate;
    std::optional<WeekKey> m_currentWeek;
    std::optional<WeekKey> m_channelWeek; // the week the live channel last carried
    State m_state = State::Offline;
    int m_failures = 0;
    quint64 m_generation = 0;
    bool m_polling = false;
    bool m_resyncing = false;
    bool m_resyncAgain = false; // resubscribed again while a resync was in flight
};

} // namespace Endzone
