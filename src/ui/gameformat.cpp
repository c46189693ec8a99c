#include "gameformat.h"

#include "seasoncalendar.h"

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
        const QString prefix = u"Q"_s + QString::number(quarter);
        return game.clock.isEmpty() ? prefix : QString(prefix + u' ' + game.clock);
    }
    case GameState::Halftime:
        return u"Half"_s;
    case GameState::Overtime:
        return game.clock.isEmpty() ? u"OT"_s : QString(u"OT "_s + game.clock);
    case GameState::Final:
        return u"Final"_s;
    case GameState::FinalOvertime:
        return u"Final/OT"_s;
    }
    return {};
}

QString seasonTypeName(SeasonType type)
{
    switch (type) {
    case SeasonType::Pre:
        return u"Preseason"_s;
    case SeasonType::Reg:
        return u"Regular Season"_s;
    case SeasonType::Post:
        return u"Postseason"_s;
    }
    return {};
}

QString weekLabel(const WeekKey &key)
{
    return SeasonCalendar::label(key);
}

} // namespace Endzone::GameFormat
