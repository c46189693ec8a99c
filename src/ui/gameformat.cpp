#include "gameformat.h"

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
    switch (key.type) {
    case SeasonType::Pre:
        return key.week == 0 ? u"Hall of Fame Week"_s : QString(u"Preseason Week "_s + QString::number(key.week));
    case SeasonType::Reg:
        return u"Week "_s + QString::number(key.week);
    case SeasonType::Post:
        switch (key.week) {
        case 18:
            return u"Wild Card"_s;
        case 19:
            return u"Divisional"_s;
        case 20:
            return u"Conference Championships"_s;
        case 21:
            return u"Pro Bowl"_s;
        case 22:
            return u"Super Bowl"_s;
        }
        return u"Postseason Week "_s + QString::number(key.week);
    }
    return {};
}

WeekKey nextWeek(const WeekKey &key)
{
    const auto weeks = weeksOfSeason(key.season);
    const auto at = weeks.indexOf(key);
    if (at >= 0 && at + 1 < weeks.size())
        return weeks.at(at + 1);
    return weeksOfSeason(key.season + 1).constFirst();
}

WeekKey previousWeek(const WeekKey &key)
{
    const auto weeks = weeksOfSeason(key.season);
    const auto at = weeks.indexOf(key);
    if (at > 0)
        return weeks.at(at - 1);
    return weeksOfSeason(key.season - 1).constLast();
}

} // namespace Endzone::GameFormat
