#include "delayline.h"

#include "gamestore.h"
#include "logging.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

DelayLine::DelayLine(GameStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DelayLine::releaseDue);
    connect(m_store, &GameStore::gameUpserted, this, &DelayLine::arrive);
}

void DelayLine::connectShownChanges(
    GameStore *store, DelayLine *&current, DelayLine *line, QObject *receiver, std::function<void(const Game &)> onGame)
{
    if (current)
        disconnect(current, &DelayLine::gameReleased, receiver, nullptr);
    current = line;
    if (store)
        disconnect(store, &GameStore::gameUpserted, receiver, nullptr);
    if (line) {
        disconnect(line, &DelayLine::gameReleased, receiver, nullptr);
        connect(line, &DelayLine::gameReleased, receiver, std::move(onGame));
    } else if (store) {
        connect(store, &GameStore::gameUpserted, receiver, std::move(onGame));
    }
}

QDateTime DelayLine::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void DelayLine::setClock(Clock clock)
{
    m_clock = std::move(clock);
    schedule();
}

void DelayLine::setDelay(int seconds)
{
    seconds = std::clamp(seconds, 0, MaxDelaySeconds);
    if (seconds == m_delaySeconds)
        return;
    // Pending changes keep their arrival time: each is now due at arrival + the new delay.
    const qint64 shift = qint64(seconds - m_delaySeconds) * 1000;
    for (auto &pending : m_pending)
        pending.due = pending.due.addMSecs(shift);
    m_delaySeconds = seconds;
    releaseDue();
}

void DelayLine::arrive(const Game &game)
{
    if (m_delaySeconds == 0 && m_pending.empty()) {
        release(game);
        return;
    }
    m_pending.push_back({now().addSecs(m_delaySeconds), game});
    ++m_pendingPerGame[game.eid];
    schedule();
}

void DelayLine::release(const Game &game)
{
    m_released.insert(game.eid, game);
    Q_EMIT gameReleased(game);
}

void DelayLine::releaseDue()
{
    const auto current = now();
    // In arrival order: the queue is sorted by due time because every change waits the same delay.
    while (!m_pending.empty() && m_pending.front().due <= current) {
        const Game game = std::move(m_pending.front().game);
        m_pending.pop_front();
        if (auto it = m_pendingPerGame.find(game.eid); it != m_pendingPerGame.end() && --it.value() <= 0)
            m_pendingPerGame.erase(it);
        release(game);
    }
    schedule();
}

void DelayLine::schedule()
{
    if (m_pending.empty()) {
        m_timer.stop();
        return;
    }
    const auto wait = std::max<qint64>(0, now().msecsTo(m_pending.front().due));
    m_timer.start(std::chrono::milliseconds(wait));
}

Result<QList<Game>> DelayLine::week(const WeekKey &key)
{
    auto games = m_store->week(key);
    if (!games)
        return games;
    QList<Game> rows = games.value();
    for (auto &game : rows) {
        if (!m_pendingPerGame.contains(game.eid))
            m_released.insert(game.eid, game); // nothing pending: the store holds what is shown
        else
            game = shown(game);
    }
    return rows;
}

Game DelayLine::shown(const Game &stored) const
{
    if (!m_pendingPerGame.contains(stored.eid))
        return stored;
    // Without a released state (a game the board never showed) the stored row is all there is.
    return m_released.value(stored.eid, stored);
}

bool DelayLine::holdsFinal(int season) const
{
    return std::any_of(m_pending.cbegin(), m_pending.cend(),
        [season](const Pending &pending) { return pending.game.season == season && isFinal(pending.game.state); });
}

DelaySetting DelaySetting::parse(const QString &text)
{
    DelaySetting setting;
    bool ok = false;
    const auto value = text.trimmed().toLongLong(&ok);
    if (!ok) {
        setting.error = u"delay \"%1\" is not a number of seconds (0-%2)"_s.arg(text).arg(DelayLine::MaxDelaySeconds);
        return setting;
    }
    setting.seconds = int(std::clamp<qint64>(value, 0, DelayLine::MaxDelaySeconds));
    if (setting.seconds != value)
        setting.warning = u"delay %1 s is outside 0-%2 s: using %3 s"_s.arg(text.trimmed())
                              .arg(DelayLine::MaxDelaySeconds)
                              .arg(setting.seconds);
    return setting;
}

} // namespace Endzone
