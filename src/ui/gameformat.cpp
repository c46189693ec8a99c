#include "gameformat.h"

#include "seasoncalendar.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace Endzone::GameFormat {

QString kickoffText(const QDateTime &kickoff)
{
    if (!kickoff.isValid())
        return {};
    const auto local = kickoff.toLocalTime();
    const QLocale locale;
    // Kickoffs are on the minute: drop seconds even where the locale's short format has them (C, POSIX).
    auto format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    return locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat) + u' '
        + locale.toString(local.time(), format);
}

QString stateText(const Game &game)
{
    switch (game.state) {
    case GameState::Pregame:
        return kickoffText(game.kickoff);
    case GameState::Quarter1:
    case GameState::Quarter2:
    case GameState::Quarter3:
    case GameState::Quarter4: {
        const int quarter = int(game.state) - int(GameState::Quarter1) + 1;
        const QString prefix = QCoreApplication::translate("GameFormat", "Q%1", "quarter").arg(quarter);
        return game.clock.isEmpty() ? prefix : QString(prefix + u' ' + game.clock);
    }
    case GameState::Halftime:
        return QCoreApplication::translate("GameFormat", "Half", "halftime");
    case GameState::Overtime:
        return game.clock.isEmpty()
            ? QCoreApplication::translate("GameFormat", "OT", "overtime")
            : QCoreApplication::translate("GameFormat", "OT %1", "overtime and clock").arg(game.clock);
    case GameState::Final:
        return QCoreApplication::translate("GameFormat", "Final");
    case GameState::FinalOvertime:
        return QCoreApplication::translate("GameFormat", "Final/OT");
    }
    return {};
}

QString seasonTypeName(SeasonType type)
{
    switch (type) {
    case SeasonType::Pre:
        return QCoreApplication::translate("GameFormat", "Preseason");
    case SeasonType::Reg:
        return QCoreApplication::translate("GameFormat", "Regular Season");
    case SeasonType::Post:
        return QCoreApplication::translate("GameFormat", "Postseason");
    }
    return {};
}

QString weekLabel(const WeekKey &key)
{
    return SeasonCalendar::label(key);
}

} // namespace Endzone::GameFormat
