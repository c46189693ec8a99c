#pragma once

#include "game.h"

#include <QCoreApplication>
#include <QIcon>
#include <QMenu>
#include <QPointer>
#include <QSystemTrayIcon>
#include <optional>

class QWindow;

namespace Endzone {

class GameNotifier;

// The tray icon: the top favourite's live score, drawn on the icon ("DAL" over "21-17") and in the tooltip, or
// the app's icon while no favourite plays. Clicking it shows the window. Only built where a tray exists.
class ScoreTray : public QObject
{
    Q_OBJECT
public:
    ScoreTray(GameNotifier *notifier, QWindow *window, QObject *parent = nullptr);

    // "Endzone\nNYG 7, DAL 3 · 4th quarter 2:00", or "Endzone: no favourite is playing".
    [[nodiscard]] static QString toolTip(const std::optional<Game> &game);
    // The favourite's side first: "21-17".
    [[nodiscard]] static QString iconScore(const Game &game, const QStringList &favourites);

    [[nodiscard]] const QSystemTrayIcon &icon() const { return m_icon; }

private:
    void refresh();
    [[nodiscard]] QIcon scoreIcon(const Game &game) const;
    [[nodiscard]] static QIcon badge(const QColor &colour, const QString &top, const QString &bottom);

    QPointer<GameNotifier> m_notifier;
    QPointer<QWindow> m_window;
    QMenu m_menu;
    QSystemTrayIcon m_icon;
    QIcon m_appIcon;
};

} // namespace Endzone
