#pragma once

#include "game.h"
#include "result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <functional>
#include <optional>

namespace Endzone {

class FeedClient;
class GameStore;
class LeaderLease;
class LivePublisher;
class WeekSource;

// Follows the feed's current week (ss.xml) and publishes what changed: upserts through the GameStore,
// refreshes the week in the cache, then publishes one LiveMessage (the week plus its changed games) through
// the LivePublisher. Polls adaptively: every fastInterval while a game is live or about to kick off, every
// slowInterval otherwise, never sooner than the feed's Cache-Control max-age, with If-None-Match so an
// unchanged document costs a 304. With a LeaderLease only the leader polls; the others keep relaying. Its
// writes to the stream are fenced by the lease in Redis itself: a watcher that still believes it leads after
// its lease went to another (a pause longer than the ttl) has its message refused, not added.
class LiveWatcher : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        std::chrono::milliseconds fastInterval {5000};
        std::chrono::milliseconds slowInterval {60000};
        std::chrono::milliseconds maxInterval {300000}; // cap on what max-age may ask for
        std::chrono::milliseconds followerInterval {2000}; // how often a follower checks for leadership
        std::function<QDateTime()> clock; // "now" for kickoff-based intervals; empty: the wall clock
    };
    // Any but `feed` may be null. Publishing is awaited: pollOnce() resolves after the publisher's sink took
    // the message, which a one-shot publisher needs before it exits. Writes are fenced by `lease` if given.
    struct Services
    {
        FeedClient *feed = nullptr;
        GameStore *store = nullptr;
        LivePublisher *publisher = nullptr;
        WeekSource *weeks = nullptr;
        LeaderLease *lease = nullptr;
    };

    LiveWatcher(Services services, Options options, QObject *parent = nullptr);
    explicit LiveWatcher(Services services, QObject *parent = nullptr);
    ~LiveWatcher() override;

    void start();
    void stop();

    // One poll: fetch, upsert, cache, publish. Resolves to the number of changed games published (0 for a
    // 304 or an unchanged week). With `publishAlways` the week is published even when nothing changed, as
    // the original publisher script did.
    QCoro::Task<Result<int>> pollOnce(bool publishAlways = false);

    [[nodiscard]] std::optional<WeekKey> currentWeek() const { return m_current; }
    [[nodiscard]] int pollCount() const { return m_polls; }
    [[nodiscard]] std::chrono::milliseconds nextInterval() const { return m_interval; }

Q_SIGNALS:
    void polled(int changedGames);
    void pollFailed(const QString &error);
    void currentWeekChanged(const Endzone::WeekKey &key);

private:
    void onTimer();
    QCoro::Task<> runPoll();
    // Games that just went final get their ESPN summary stored once, so the game page has the whole game
    // without asking the feed again. One request per final game, in the background.
    void storeFinalDetails(const QList<Game> &changed);
    QCoro::Task<> storeDetail(QString eid, QString espnId);
    [[nodiscard]] std::chrono::milliseconds intervalFor(const QList<Game> &games, int maxAgeSeconds) const;
    [[nodiscard]] bool isLeader() const;

    Services m_services;
    Options m_options;
    QTimer m_timer;
    QByteArray m_etag;
    QList<Game> m_games; // the last week seen, to diff against when there is no store
    QList<Game> m_unpublished; // changes stored but not yet published (Redis was down): sent with the next
    std::optional<WeekKey> m_current;
    std::chrono::milliseconds m_interval {0};
    int m_polls = 0;
    bool m_busy = false;
};

} // namespace Endzone
