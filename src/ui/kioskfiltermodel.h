#pragma once

#include <QDate>
#include <QQmlEngine>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <functional>

namespace Endzone {

// What the kiosk board shows: only the live games and today's games when there are any, else the whole
// week. Sits on a ScoreboardModel and forwards its row-level changes; re-checks the date every minute so
// a board left running for days rolls over at midnight (by its clock: the demo's runs fast).
class KioskFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool focused READ focused NOTIFY focusedChanged)
public:
    explicit KioskFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    // True when only live and today's games are shown.
    [[nodiscard]] bool focused() const { return m_focused; }
    // Where "now" comes from (default: the system clock), e.g. the demo feed's synthetic clock.
    void setClock(std::function<QDateTime()> clock);
    // Tests move "today" around.
    void setToday(QDate today);

Q_SIGNALS:
    void focusedChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    [[nodiscard]] bool isFocusGame(int sourceRow) const;
    void refocus();
    [[nodiscard]] QDate currentDate() const;

    QTimer m_midnight;
    std::function<QDateTime()> m_clock;
    QDate m_today;
    bool m_fixedToday = false;
    bool m_focused = false;
};

} // namespace Endzone
