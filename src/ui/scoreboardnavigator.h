#pragma once

#include "game.h"

#include <QObject>
#include <QQmlEngine>
#include <optional>

namespace Endzone {

class GameStore;
class ScoreboardModel;

// Which week the scoreboard shows, and the way to any other: previous and next through the calendar, a season
// type's first week, and "Now" (the week the live feed says is current, else the calendar's rule over the store).
// It tells the ScoreboardModel which week to load; the model's rows are not its business.
class ScoreboardNavigator : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    Q_PROPERTY(int season READ season NOTIFY weekChanged)
    Q_PROPERTY(QString seasonType READ seasonTypeCode NOTIFY weekChanged)
    Q_PROPERTY(int week READ week NOTIFY weekChanged)
    Q_PROPERTY(QString weekLabel READ weekLabel NOTIFY weekChanged)
    Q_PROPERTY(QString seasonTypeName READ seasonTypeName NOTIFY weekChanged)
    Q_PROPERTY(bool showingCurrentWeek READ showingCurrentWeek NOTIFY weekChanged)
public:
    ScoreboardNavigator(ScoreboardModel *model, GameStore *store, QObject *parent = nullptr);

    [[nodiscard]] WeekKey shownWeek() const;
    [[nodiscard]] int season() const { return shownWeek().season; }
    [[nodiscard]] QString seasonTypeCode() const;
    [[nodiscard]] int week() const { return shownWeek().week; }
    [[nodiscard]] QString weekLabel() const;
    [[nodiscard]] QString seasonTypeName() const;
    [[nodiscard]] bool showingCurrentWeek() const { return m_currentWeek && *m_currentWeek == shownWeek(); }

    // The week the live feed says is current; "Now" goes there, and someone watching it follows it.
    void setCurrentWeek(const WeekKey &key);

    Q_INVOKABLE void showWeek(int season, const QString &seasonType, int week);
    Q_INVOKABLE void nextWeek();
    Q_INVOKABLE void previousWeek();
    Q_INVOKABLE void showNow();

Q_SIGNALS:
    void weekChanged();

private:
    ScoreboardModel *m_model;
    GameStore *m_store;
    std::optional<WeekKey> m_currentWeek;
};

} // namespace Endzone
