#pragma once

#include "pinnedgamemodel.h"

#include <QDate>
#include <QQmlEngine>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <functional>

namespace Endzone {

// What the kiosk board shows. Sits on a ScoreboardModel (favourites first, by priority) and forwards its
// row-level changes; re-checks the date every minute so a board left running for days rolls over (by its
// clock: the demo's runs fast).
// - mode "all": the live games and today's games when there are any, else the whole week;
// - mode "live-only": the live games only; when nothing is live, today's finals, and `nextKickoff` with a
//   ticking `countdown` for the game that starts next.
// "Today" ends at the rollover hour, not at midnight: with a rollover of 3, Sunday's late game and its final
// stay on the board until 3 AM on Monday.
// With pinning on, the highest-priority favourite that is live leaves the paged rows and is published as
// `pinnedGames`, a model of that one game, so the board can keep it large while the others page around it.
class KioskFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool focused READ focused NOTIFY focusedChanged)
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(bool liveOnly READ liveOnly NOTIFY modeChanged)
    Q_PROPERTY(bool anyLive READ anyLive NOTIFY focusedChanged)
    Q_PROPERTY(Endzone::PinnedGameModel *pinnedGames READ pinnedGames CONSTANT)
    Q_PROPERTY(bool hasPinned READ hasPinned NOTIFY pinnedChanged)
    Q_PROPERTY(QDateTime nextKickoff READ nextKickoff NOTIFY nextKickoffChanged)
    Q_PROPERTY(QString nextMatchup READ nextMatchup NOTIFY nextKickoffChanged)
    Q_PROPERTY(QString countdown READ countdown NOTIFY countdownChanged)
public:
    explicit KioskFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    // True when only live and today's games are shown (mode "all").
    [[nodiscard]] bool focused() const { return m_focused; }
    [[nodiscard]] QString mode() const { return m_liveOnly ? QStringLiteral("live-only") : QStringLiteral("all"); }
    void setMode(const QString &mode);
    [[nodiscard]] bool liveOnly() const { return m_liveOnly; }
    [[nodiscard]] bool anyLive() const { return m_anyLive; }
    // Hours after midnight during which yesterday is still "today" (0-12).
    void setRolloverHours(int hours);
    [[nodiscard]] int rolloverHours() const { return m_rolloverHours; }
    void setPinFavourite(bool pin);
    [[nodiscard]] PinnedGameModel *pinnedGames() { return &m_pinned; }
    [[nodiscard]] bool hasPinned() const { return !m_pinned.eid().isEmpty(); }
    [[nodiscard]] QString pinnedEid() const { return m_pinned.eid(); }
    [[nodiscard]] QDateTime nextKickoff() const { return m_nextKickoff; }
    [[nodiscard]] QString nextMatchup() const { return m_nextMatchup; }
    // "1:05:09" until the next kickoff; empty when none is shown.
    [[nodiscard]] QString countdown() const { return m_countdown; }
    // Where "now" comes from (default: the system clock), e.g. the demo feed's synthetic clock.
    void setClock(std::function<QDateTime()> clock);
    // Tests move "today" around.
    void setToday(QDate today);
    [[nodiscard]] QDate today() const { return m_today; }
    // The board's day of a moment: its local date, rolled back by the rollover hours.
    [[nodiscard]] QDate boardDay(const QDateTime &when) const;
    // Re-reads the clock (the minute timer does this; tests call it after moving a synthetic clock).
    void tick();

Q_SIGNALS:
    void focusedChanged();
    void modeChanged();
    void pinnedChanged();
    void nextKickoffChanged();
    void countdownChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    [[nodiscard]] bool isToday(int sourceRow) const;
    [[nodiscard]] bool isLiveRow(int sourceRow) const;
    void refocus();
    void updatePinned();
    void updateNextKickoff();
    void updateCountdown();
    [[nodiscard]] QDateTime now() const;

    QTimer m_midnight;
    QTimer m_second; // ticks the countdown, only while one is shown
    std::function<QDateTime()> m_clock;
    QDate m_today;
    bool m_fixedToday = false;
    bool m_focused = false;
    bool m_liveOnly = false;
    bool m_anyLive = false;
    bool m_pin = false;
    int m_rolloverHours = 0;
    PinnedGameModel m_pinned;
    QDateTime m_nextKickoff;
    QString m_nextMatchup;
    QString m_countdown;
};

} // namespace Endzone
