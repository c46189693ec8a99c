#include "livecontroller.h"

#include "gamestore.h"
#include "livemessage.h"
#include "logging.h"
#include "redisbus.h"
#include "redisclient.h"
#include "rediskeys.h"
#include "ssestream.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {
constexpr int offlineAfterFailures = 3; // a blip is "reconnecting"; this many in a row is "offline"
constexpr std::chrono::milliseconds maxBackoff {60000};
} // namespace

LiveController::LiveController(GameStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &LiveController::poll);
}

LiveController::~LiveController()
{
    stop();
}

void LiveController::setFeedUrl(const QUrl &url, FeedSource source)
{
    delete m_feed;
    // Live polls must fail fast: the poll loop has its own backoff, so only one quick retry here.
    FeedClient::Options options {5000, 1, 250};
    options.source = source;
    m_feed = url.isValid() ? new FeedClient(url, options, this) : nullptr;
}

bool LiveController::start(const QString &source)
{
    stop();
    m_source = source.isEmpty() ? u"poll"_s : source;
    Q_EMIT sourceChanged();
    setState(State::Connecting);
    if (m_source == u"poll") {
        if (!m_feed) {
            qCWarning(lcUi) << "live: poll needs a feed URL";
            setState(State::Offline);
            return false;
        }
        poll();
        return true;
    }
    if (m_source.startsWith(u"sse:")) {
        m_sse = new SseStream(QUrl(m_source.mid(4)), nullptr, this);
        m_sse->setMaxReconnectDelay(std::chrono::seconds(30));
        connect(m_sse, &SseStream::eventReceived, this, [this](const SseEvent &event) { applyPayload(event.data); });
        connect(m_sse, &SseStream::stateChanged, this, [this](SseStream::State state) {
            switch (state) {
            case SseStream::State::Open:
                setState(State::Live);
                markUpdated();
                break;
            case SseStream::State::Connecting:
            case SseStream::State::Reconnecting:
                // Each attempt of a reconnect is still "reconnecting", not a first "connecting".
                setState(m_state == State::Connecting ? State::Connecting : State::Reconnecting);
                break;
            case SseStream::State::Closed:
                setState(State::Offline);
                break;
            }
        });
        connect(m_sse, &SseStream::errorOccurred, this, [this](const QString &message) {
            qCInfo(lcLive) << "live stream:" << message;
            setState(State::Reconnecting);
        });
        m_sse->start();
        return true;
    }
    if (m_source.startsWith(u"redis://")) {
        m_bus = new RedisBus(QUrl(m_source), LiveBus::DefaultChannel, this);
        connect(m_bus, &LiveBus::messageReceived, this, &LiveController::applyPayload);
        connect(m_bus, &LiveBus::stateChanged, this, [this](LiveBus::State state) {
            if (state == LiveBus::State::Connected)
                setState(State::Live);
            else
                setState(m_state == State::Connecting ? State::Connecting : State::Reconnecting);
        });
        // Messages may have been missed while away: resync the current week from the feed or the cache.
        connect(m_bus, &LiveBus::resubscribed, this, [this] {
            markUpdated();
            resync();
        });
        if (m_bus->state() == LiveBus::State::Connected)
            setState(State::Live);
        return true;
    }
    qCWarning(lcUi) << "unknown live source" << m_source << "(expected poll, sse:URL or redis://host:port)";
    setState(State::Offline);
    return false;
}

void LiveController::stop()
{
    ++m_generation;
    m_pollTimer.stop();
    delete m_sse;
    m_sse = nullptr;
    delete m_bus;
    m_bus = nullptr;
    m_polling = false;
    m_resyncing = false;
    m_resyncAgain = false;
    m_failures = 0;
    setState(State::Offline);
}

QString LiveController::stateText() const
{
    const QString since = m_lastUpdate.isValid()
        ? tr(" · last update %1").arg(QLocale().toString(m_lastUpdate.toLocalTime().time(), QLocale::ShortFormat))
        : QString();
    switch (m_state) {
    case State::Live:
        return tr("Live");
    case State::Connecting:
        return tr("Connecting…");
    case State::Reconnecting:
        return tr("Reconnecting…") + since;
    case State::Offline:
        return tr("Offline") + since;
    }
    return {};
}

void LiveController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void LiveController::markUpdated()
{
    m_lastUpdate = QDateTime::currentDateTimeUtc();
    Q_EMIT stateChanged();
}

void LiveController::applyPayload(const QByteArray &payload)
{
    const auto weeks = LiveMessage::weeksOf(payload);
    if (weeks.isEmpty()) {
        qCDebug(lcLive) << "ignoring a live message that carries no games";
        return;
    }
    if (auto stored = m_store->upsertWeeks(weeks); !stored)
        qCWarning(lcUi) << "live update not stored:" << stored.error();
    m_channelWeek = weeks.constLast().key;
    markUpdated();
}

void LiveController::poll()
{
    if (!m_feed || m_polling)
        return;
    m_polling = true;
    doPoll(m_generation);
}

QCoro::Task<> LiveController::doPoll(quint64 generation)
{
    QPointer self {this};
    auto result = co_await m_feed->fetchLive(m_etag);
    if (!self || generation != m_generation)
        co_return;
    m_polling = false;
    if (!result) {
        pollFailed(result.error());
        co_return;
    }
    const auto &live = result.value();
    if (!live.notModified) {
        m_etag = live.etag;
        storeLiveWeek(live.week);
    }
    m_failures = 0;
    setState(State::Live);
    markUpdated();
    m_pollTimer.start(m_interval);
}

void LiveController::storeLiveWeek(const ParsedWeek &week)
{
    if (auto stored = m_store->upsertWeek(week); !stored)
        qCWarning(lcUi) << "live week not stored:" << stored.error();
    if (!week.games.isEmpty() && m_currentWeek != week.key) {
        m_currentWeek = week.key;
        Q_EMIT currentWeekChanged(week.key);
    }
}

void LiveController::resync()
{
    if (m_resyncing) {
        m_resyncAgain = true; // the fetch under way may predate what the latest gap lost
        return;
    }
    m_resyncing = true;
    doResync(m_generation);
}

QCoro::Task<> LiveController::doResync(quint64 generation)
{
    // One fetch, never a poll loop: the channel is the live source, and the feed failing here says nothing
    // about the channel's state (an app may not reach the feed at all).
    QPointer self {this};
    bool done = false;
    if (m_feed) {
        auto result = co_await m_feed->fetchLive({});
        if (!self || generation != m_generation)
            co_return;
        if (!result) {
            qCInfo(lcLive) << "live: cannot resync the current week from the feed:" << result.error();
        } else {
            if (!result.value().notModified)
                storeLiveWeek(result.value().week);
            done = true;
        }
    }
    if (!done) {
        co_await resyncFromCache(generation);
        if (!self || generation != m_generation)
            co_return;
    }
    m_resyncing = false;
    if (std::exchange(m_resyncAgain, false))
        resync();
}

QCoro::Task<> LiveController::resyncFromCache(quint64 generation)
{
    const std::optional<WeekKey> week = m_currentWeek ? m_currentWeek : m_channelWeek;
    // Read on the bus's own command connection.
    auto *bus = qobject_cast<RedisBus *>(m_bus);
    if (!bus || !week)
        co_return;
    QPointer self {this};
    auto cached = co_await bus->client()->get(RedisKeys::week(*week));
    if (!self || generation != m_generation)
        co_return;
    if (!cached) {
        qCInfo(lcLive) << "live: cannot resync" << week->toString() << "from the Redis cache:" << cached.error();
        co_return;
    }
    if (!cached.value()) {
        qCInfo(lcLive) << "live: no cached" << week->toString() << "in Redis to resync from";
        co_return;
    }
    applyPayload(*cached.value());
}

void LiveController::pollFailed(const QString &error)
{
    ++m_failures;
    const auto delay = std::min<std::chrono::milliseconds>(m_interval * (1 << std::min(m_failures, 6)), maxBackoff);
    qCInfo(lcLive) << "live poll failed:" << error << "- retrying in" << delay.count() << "ms";
    setState(m_failures >= offlineAfterFailures ? State::Offline : State::Reconnecting);
    m_pollTimer.start(delay);
}

void LiveController::fetchWeek(const WeekKey &key)
{
    if (m_feed)
        doFetchWeek(key);
}

QCoro::Task<> LiveController::doFetchWeek(WeekKey key)
{
    QPointer self {this};
    auto result = co_await m_feed->fetchWeek(key);
    if (!self)
        co_return;
    if (!result) {
        qCInfo(lcUi) << "cannot fetch" << key.toString() << result.error();
        co_return;
    }
    if (auto stored = m_store->upsertWeek(result.value()); !stored)
        qCWarning(lcUi) << "week not stored:" << stored.error();
}

} // namespace Endzone
