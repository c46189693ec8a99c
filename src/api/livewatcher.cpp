#include "livewatcher.h"
#include "feedclient.h"
#include "gamestore.h"
#include "leaderlease.h"
#include "livemessage.h"
#include "livepublisher.h"
#include "logging.h"
#include "weeksource.h"

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Endzone {

LiveWatcher::LiveWatcher(Services services, Options options, QObject *parent)
    : QObject(parent), m_services(services), m_options(std::move(options))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LiveWatcher::onTimer);
    if (m_services.lease) {
        // A new leader polls at once rather than waiting out a follower's interval.
        connect(m_services.lease, &LeaderLease::leadershipChanged, this, [this](bool leader) {
            if (leader && !m_busy && m_timer.isActive())
                m_timer.start(0);
        });
    }
}

LiveWatcher::LiveWatcher(Services services, QObject *parent) : LiveWatcher(services, Options {}, parent)
{
}

LiveWatcher::~LiveWatcher() = default;

void LiveWatcher::start()
{
    m_timer.start(0);
}

void LiveWatcher::stop()
{
    m_timer.stop();
}

bool LiveWatcher::isLeader() const
{
    return !m_services.lease || m_services.lease->isLeader();
}

void LiveWatcher::onTimer()
{
    if (!isLeader()) {
        m_timer.start(m_options.followerInterval);
        return;
    }
    runPoll();
}

QCoro::Task<> LiveWatcher::runPoll()
{
    QPointer<LiveWatcher> self(this);
    auto result = co_await pollOnce();
    if (!self)
        co_return;
    if (!result) {
        // The feed or the store failing is no reason to hurry: back off to the slow interval.
        qCWarning(lcLive) << "live poll failed:" << result.error();
        m_interval = m_options.slowInterval / 4;
    }
    m_timer.start(m_interval);
}

std::chrono::milliseconds LiveWatcher::intervalFor(const QList<Game> &games, int maxAgeSeconds) const
{
    std::chrono::milliseconds interval = m_options.slowInterval;
    const QDateTime now = m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
    const QDateTime soon = now.addMSecs(m_options.slowInterval.count());
    for (const Game &game : games) {
        const bool kickingOff = game.state == GameState::Pregame && game.kickoff.isValid() && game.kickoff <= soon;
        if (isLive(game.state) || kickingOff)
            interval = m_options.fastInterval;
    }
    // The feed says how long its answer stays fresh: polling sooner would only get the same document.
    if (maxAgeSeconds > 0)
        interval = std::max<std::chrono::milliseconds>(interval, std::chrono::seconds(maxAgeSeconds));
    return std::min(interval, m_options.maxInterval);
}

void LiveWatcher::storeFinalDetails(const QList<Game> &changed)
{
    if (!m_services.store || !m_services.feed || m_services.feed->source() != FeedSource::Espn)
        return;
    for (const Game &game : changed) {
        if (isFinal(game.state) && !game.espnId.isEmpty())
            storeDetail(game.eid, game.espnId);
    }
}

QCoro::Task<> LiveWatcher::storeDetail(QString eid, QString espnId)
{
    QPointer self {this};
    const auto summary = co_await m_services.feed->fetchSummary(espnId);
    if (!self)
        co_return;
    if (!summary) {
        qCWarning(lcLive).noquote() << "summary of final game" << eid << "unavailable:" << summary.error();
        co_return;
    }
    if (const auto stored = m_services.store->storeDetail(eid, summary.value().detail); !stored)
        qCWarning(lcLive).noquote() << "cannot store the detail of game" << eid << stored.error();
}

QCoro::Task<Result<int>> LiveWatcher::pollOnce(bool publishAlways)
{
    using R = Result<int>;
    if (m_busy)
        co_return R::failure(u"a poll is already running"_s);
    m_busy = true;
    QPointer<LiveWatcher> self(this);
    auto fetched = co_await m_services.feed->fetchLive(m_etag);
    if (!self)
        co_return R::failure(u"watcher destroyed"_s);
    m_busy = false;
    ++m_polls;
    if (!fetched) {
        Q_EMIT pollFailed(fetched.error());
        co_return R::failure(fetched.error());
    }
    const LiveFetch &live = fetched.value();
    if (live.notModified && (!publishAlways || !m_current)) {
        m_interval = intervalFor(m_games, live.maxAgeSeconds);
        Q_EMIT polled(0);
        co_return 0;
    }
    ParsedWeek week = live.notModified ? ParsedWeek {*m_current, FeedDialect::LiveUpdate, m_games} : live.week;
    m_etag = live.etag;

    // What changed: the store knows (and is shared by every process); without one, our last poll does.
    QList<Game> changed;
    if (m_services.store) {
        if (!m_services.store->ensureConnected()) {
            Q_EMIT pollFailed(u"database unavailable"_s);
            m_etag.clear(); // so the next poll gets the document again instead of a 304
            co_return R::failure(u"database unavailable"_s);
        }
        const auto upserted = m_services.store->upsertWeek(week);
        if (!upserted) {
            m_etag.clear();
            Q_EMIT pollFailed(upserted.error());
            co_return R::failure(upserted.error());
        }
        // The games as stored: a game the other source delivered first keeps its row's key and what only that
        // source knew, so publish those, not the document's.
        week.games.clear();
        for (const UpsertedGame &game : upserted.value()) {
            week.games.append(game.game);
            if (game.change != UpsertChange::Unchanged)
                changed.append(game.game);
        }
    } else {
        for (const Game &game : week.games) {
            const auto before = std::find_if(
                m_games.cbegin(), m_games.cend(), [&game](const Game &old) { return old.eid == game.eid; });
            if (before == m_games.cend() || !(*before == game))
                changed.append(game);
        }
    }
    // Changes that were stored but never published would otherwise be lost: the store now calls them unchanged.
    for (const Game &pending : std::as_const(m_unpublished)) {
        const bool known = std::any_of(
            changed.cbegin(), changed.cend(), [&pending](const Game &game) { return game.eid == pending.eid; });
        const auto current = std::find_if(
            week.games.cbegin(), week.games.cend(), [&pending](const Game &game) { return game.eid == pending.eid; });
        if (!known && current != week.games.cend())
            changed.append(*current);
    }
    m_unpublished.clear();
    storeFinalDetails(changed);
    m_games = week.games;
    m_interval = intervalFor(week.games, live.maxAgeSeconds);
    if (!m_current || !(*m_current == week.key)) {
        m_current = week.key;
        Q_EMIT currentWeekChanged(week.key);
    }

    if (!changed.isEmpty() || publishAlways) {
        // Cache first, then publish: a client that reacts to the event by fetching gets the new week.
        if (m_services.weeks) {
            co_await m_services.weeks->storeInCache(week.key, week.games);
            if (!self)
                co_return R::failure(u"watcher destroyed"_s);
        }
        if (!m_services.publisher)
            co_return R::failure(u"no live publisher"_s);
        const QByteArray payload = LiveMessage::fromWeek(week.key, week.games, changed).encode();
        LivePublisher::Fence fence;
        if (m_services.lease)
            fence = {m_services.lease->options().key, m_services.lease->token()};
        auto published = co_await m_services.publisher->publish(payload, fence);
        if (!self)
            co_return R::failure(u"watcher destroyed"_s);
        if (!published) {
            m_unpublished = changed;
            m_etag.clear(); // the next poll must see the document even if the feed did not change
            Q_EMIT pollFailed(published.error());
            co_return R::failure(u"could not publish: "_s + published.error());
        }
        qCInfo(lcLive).noquote() << "published" << week.key.toString() << "with" << changed.size() << "changed games";
    }
    Q_EMIT polled(int(changed.size()));
    co_return int(changed.size());
}

} // namespace Endzone
