#pragma once

#include "game.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>

namespace Endzone {

class GameStore;

// The spoiler delay: the one place where live changes wait on their way in. It sits between
// `GameStore::gameUpserted` and everything that shows a change (models, notifications) and re-emits each
// change as `gameReleased` exactly `delay` after it arrived, in arrival order. It holds only the pending
// changes, plus the last released state of the games it has shown, so that a model (re)loading a week
// through `week()` sees what the user may already see, not what is still pending. It listens to the store,
// not to a source, so a source that reconnects meanwhile changes nothing here: every stored change is
// released. With a delay of 0 a change passes through at once, in the same call.
class DelayLine : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxDelaySeconds = 120;
    using Clock = std::function<QDateTime()>;

    explicit DelayLine(GameStore *store, QObject *parent = nullptr);

    // Connects `receiver` to the game changes the user may see: the line's releases when there is a line, else
    // the store's upserts. `current` is the receiver's line so far: its connections and the store's are dropped
    // first, then it becomes `line`, so a receiver switches lines with this one call.
    static void connectShownChanges(GameStore *store, DelayLine *&current, DelayLine *line, QObject *receiver,
        std::function<void(const Game &)> onGame);

    // Seconds, clamped to 0..MaxDelaySeconds. Lowering the delay releases what is now due.
    void setDelay(int seconds);
    [[nodiscard]] int delay() const { return m_delaySeconds; }
    // Where "now" comes from (default: the system clock). Tests inject a fake clock and call releaseDue().
    void setClock(Clock clock);
    // Releases every change whose time has come; the line's timer calls this.
    void releaseDue();

    // The week as the user may see it: the store's rows, with a game that has pending changes shown in its
    // last released state.
    [[nodiscard]] Result<QList<Game>> week(const WeekKey &key);
    // One stored game as the user may see it: its last released state while changes to it are pending.
    [[nodiscard]] Game shown(const Game &stored) const;
    // Whether a change that makes (or keeps) a game of `season` final is still held: a table computed from the
    // store's finals (the standings) would show it too early.
    [[nodiscard]] bool holdsFinal(int season) const;
    // The line's "now": the injected clock in tests, else the system's. Whatever else follows the delay
    // (the game page's plays) reads the same clock.
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] int pendingCount() const { return int(m_pending.size()); }
    // How many games' released states the line keeps (bounded by the games shown, for the memory bench).
    [[nodiscard]] int releasedCount() const { return int(m_released.size()); }

Q_SIGNALS:
    // The same signature as GameStore::gameUpserted: a consumer connects to either.
    void gameReleased(const Endzone::Game &game);

private:
    struct Pending
    {
        QDateTime due;
        Game game;
    };
    void arrive(const Game &game);
    void release(const Game &game);
    void schedule();

    GameStore *m_store;
    Clock m_clock;
    int m_delaySeconds = 0;
    std::deque<Pending> m_pending;
    QHash<QString, int> m_pendingPerGame; // eid -> pending changes
    QHash<QString, Game> m_released; // eid -> the last state shown
    QTimer m_timer;
};

// Reads a delay given by a user: an integer number of seconds, clamped to 0..120. `error` is empty when the
// value was used as given, else says what was done.
struct DelaySetting
{
    int seconds = 0;
    QString error; // the value is not a number: refused
    QString warning; // the value was clamped
    [[nodiscard]] static DelaySetting parse(const QString &text);
};

} // namespace Endzone
