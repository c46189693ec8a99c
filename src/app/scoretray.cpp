#include "scoretray.h"

#include "gamealerts.h"
#include "gamenotifier.h"
#include "teamdirectory.h"

#include <QFont>
#include <QPainter>
#include <QPixmap>
#include <QWindow>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

ScoreTray::ScoreTray(GameNotifier *notifier, QWindow *window, QObject *parent)
    : QObject(parent), m_notifier(notifier), m_window(window)
{
    // The installed icon when there is one (an SVG needs the image plugin), else the same badge with "EZ".
    m_appIcon = QIcon::fromTheme(u"io.github.endzone.Endzone"_s);
    if (m_appIcon.isNull())
        m_appIcon = badge(QColor(u"#1d2535"_s), u"EZ"_s, {});
    m_menu.addAction(tr("Show Endzone"), this, [this] {
        if (m_window) {
            m_window->show();
            m_window->raise();
            m_window->requestActivate();
        }
    });
    m_menu.addAction(tr("Quit"), qApp, &QCoreApplication::quit);
    m_icon.setContextMenu(&m_menu);
    connect(&m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger && m_window) {
            m_window->show();
            m_window->raise();
            m_window->requestActivate();
        }
    });
    connect(m_notifier, &GameNotifier::topFavouriteChanged, this, &ScoreTray::refresh);
    refresh();
    m_icon.show();
}

QString ScoreTray::toolTip(const std::optional<Game> &game)
{
    if (!game)
        return tr("Endzone: no favourite is playing");
    return tr("Endzone\n%1").arg(GameAlerts::scoreLine(*game));
}

QString ScoreTray::iconScore(const Game &game, const QStringList &favourites)
{
    const int home = game.home.score.value_or(0);
    const int visitor = game.visitor.score.value_or(0);
    // The favourite's side first; a game between two favourites reads as the higher-priority one sees it.
    const qsizetype homeRank = favourites.indexOf(game.home.abbreviation);
    const qsizetype visitorRank = favourites.indexOf(game.visitor.abbreviation);
    const bool homeFirst = homeRank >= 0 && (visitorRank < 0 || homeRank < visitorRank);
    return homeFirst ? u"%1-%2"_s.arg(home).arg(visitor) : u"%1-%2"_s.arg(visitor).arg(home);
}

QIcon ScoreTray::scoreIcon(const Game &game) const
{
    const auto favourites = m_notifier->favourites();
    const qsizetype homeRank = favourites.indexOf(game.home.abbreviation);
    const qsizetype visitorRank = favourites.indexOf(game.visitor.abbreviation);
    const TeamSide &side = homeRank >= 0 && (visitorRank < 0 || homeRank < visitorRank) ? game.home : game.visitor;
    const auto id = TeamDirectory::franchiseId(side.abbreviation, game.season, side.nickname);
    const auto franchise = id ? TeamDirectory::franchise(*id) : std::nullopt;

    return badge(
        QColor(franchise ? franchise->primaryColor : u"#1d2535"_s), side.abbreviation, iconScore(game, favourites));
}

// Drawn large and scaled down by the tray, so it stays sharp on a high-density panel.
QIcon ScoreTray::badge(const QColor &colour, const QString &top, const QString &bottom)
{
    QPixmap pixmap(128, 128);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(colour);
    painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(pixmap.rect(), 20, 20);
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(44);
    painter.setFont(font);
    painter.drawText(bottom.isEmpty() ? QRect(0, 0, 128, 128) : QRect(0, 4, 128, 60), Qt::AlignCenter, top);
    if (!bottom.isEmpty()) {
        font.setPixelSize(40);
        painter.setFont(font);
        painter.drawText(QRect(0, 62, 128, 60), Qt::AlignCenter, bottom);
    }
    painter.end();
    return QIcon(pixmap);
}

void ScoreTray::refresh()
{
    if (!m_notifier)
        return;
    const auto game = m_notifier->topFavouriteGame();
    m_icon.setToolTip(toolTip(game));
    m_icon.setIcon(game ? scoreIcon(*game) : m_appIcon);
}

} // namespace Endzone
