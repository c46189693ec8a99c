#include "game.h"

#include "seasoncalendar.h"

#include <QJsonValue>
#include <QStringView>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

QString seasonTypeCode(SeasonType type)
{
    switch (type) {
    case SeasonType::Pre:
        return u"PRE"_s;
    case SeasonType::Reg:
        return u"REG"_s;
    case SeasonType::Post:
        return u"POST"_s;
    }
    return {};
}

std::optional<SeasonType> seasonTypeFromCode(QStringView code)
{
    for (auto type : {SeasonType::Pre, SeasonType::Reg, SeasonType::Post}) {
        if (code.compare(seasonTypeCode(type), Qt::CaseInsensitive) == 0)
            return type;
    }
    return std::nullopt;
}

static constexpr GameType allGameTypes[] = {GameType::Pre, GameType::Reg, GameType::WildCard, GameType::Divisional,
    GameType::Conference, GameType::ProBowl, GameType::SuperBowl};

QString gameTypeCode(GameType type)
{
    switch (type) {
    case GameType::Pre:
        return u"PRE"_s;
    case GameType::Reg:
        return u"REG"_s;
    case GameType::WildCard:
        return u"WC"_s;
    case GameType::Divisional:
        return u"DIV"_s;
    case GameType::Conference:
        return u"CON"_s;
    case GameType::ProBowl:
        return u"PRO"_s;
    case GameType::SuperBowl:
        return u"SB"_s;
    }
    return {};
}

std::optional<GameType> gameTypeFromCode(QStringView code)
{
    for (auto type : allGameTypes) {
        if (code == gameTypeCode(type))
            return type;
    }
    return std::nullopt;
}

static constexpr GameState allGameStates[]
    = {GameState::Pregame, GameState::Quarter1, GameState::Quarter2, GameState::Quarter3, GameState::Quarter4,
        GameState::Halftime, GameState::Overtime, GameState::Final, GameState::FinalOvertime};

QString gameStateCode(GameState state)
{
    switch (state) {
    case GameState::Pregame:
        return u"P"_s;
    case GameState::Quarter1:
        return u"1"_s;
    case GameState::Quarter2:
        return u"2"_s;
    case GameState::Quarter3:
        return u"3"_s;
    case GameState::Quarter4:
        return u"4"_s;
    case GameState::Halftime:
        return u"H"_s;
    case GameState::Overtime:
        return u"5"_s;
    case GameState::Final:
        return u"F"_s;
    case GameState::FinalOvertime:
        return u"FO"_s;
    }
    return {};
}

std::optional<GameState> gameStateFromCode(QStringView code)
{
    for (auto state : allGameStates) {
        if (code == gameStateCode(state))
            return state;
    }
    return std::nullopt;
}

bool isLive(GameState state)
{
    return state != GameState::Pregame && !isFinal(state);
}

bool isFinal(GameState state)
{
    return state == GameState::Final || state == GameState::FinalOvertime;
}

double Game::progress() const
{
    constexpr int quarterSeconds = 15 * 60;
    switch (state) {
    case GameState::Pregame:
        return 0;
    case GameState::Halftime:
        return 0.5;
    case GameState::Overtime:
    case GameState::Final:
    case GameState::FinalOvertime:
        return 1;
    case GameState::Quarter1:
    case GameState::Quarter2:
    case GameState::Quarter3:
    case GameState::Quarter4:
        break;
    }
    const int quartersPlayed = int(state) - int(GameState::Quarter1);
    int left = quarterSeconds;
    const auto parts = QStringView(clock).split(u':');
    if (parts.size() == 2) {
        bool minutesOk = false, secondsOk = false;
        const int minutes = parts.at(0).toInt(&minutesOk), seconds = parts.at(1).toInt(&secondsOk);
        if (minutesOk && secondsOk && minutes >= 0 && seconds >= 0 && seconds < 60)
            left = std::min(minutes * 60 + seconds, quarterSeconds);
    }
    return double(quartersPlayed * quarterSeconds + quarterSeconds - left) / (4 * quarterSeconds);
}

QString Game::kickoffEastern() const
{
    static const QTimeZone eastern("America/New_York");
    return kickoff.toTimeZone(eastern).toString(Qt::ISODate);
}

static QJsonValue scoreJson(const std::optional<int> &score)
{
    return score ? QJsonValue(*score) : QJsonValue(QJsonValue::Null);
}

static QJsonObject sideJson(const TeamSide &side)
{
    return {{u"abbr"_s, side.abbreviation}, {u"nickname"_s, side.nickname}, {u"score"_s, scoreJson(side.score)}};
}

QString Game::downAndDistance() const
{
    if (!down || *down < 1 || *down > 4)
        return {};
    static constexpr const char *ordinals[] = {"1st", "2nd", "3rd", "4th"};
    QString text = QLatin1StringView(ordinals[*down - 1]);
    if (!distance)
        return text;
    // "& Goal" when the line to gain is the goal line: the ball is at the opponent's N and N yards are to go.
    const auto spot = ballOn.split(u' ');
    const bool goal = spot.size() == 2 && spot.at(0) != possession && spot.at(1).toInt() == *distance;
    return text + u" & "_s + (goal ? u"Goal"_s : QString::number(*distance));
}

// Optional fields go into the JSON only when present: a scorestrip game keeps the original API's shape.
static void putOptional(QJsonObject &object, QLatin1StringView key, const std::optional<int> &value)
{
    if (value)
        object.insert(key, *value);
}

static void putText(QJsonObject &object, QLatin1StringView key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

static std::optional<int> optionalInt(const QJsonObject &object, QLatin1StringView key)
{
    const auto value = object.value(key);
    return value.isDouble() ? std::optional<int>(value.toInt()) : std::nullopt;
}

QJsonObject Game::toJson() const
{
    QJsonObject object {
        {u"id"_s, eid},
        {u"gsis"_s, gsis},
        {u"season"_s, season},
        {u"season_type"_s, seasonTypeCode(seasonType)},
        {u"week"_s, week},
        {u"game_type"_s, gameTypeCode(gameType)},
        {u"day"_s, day},
        {u"scheduled_at"_s, kickoffEastern()},
        {u"state"_s, gameStateCode(state)},
        {u"clock"_s, clock},
        {u"home"_s, sideJson(home)},
        {u"visitor"_s, sideJson(visitor)},
        {u"possession"_s, possession},
        {u"red_zone"_s, redZone},
    };
    putText(object, "espn_id"_L1, espnId);
    putText(object, "venue"_L1, venue);
    putText(object, "venue_city"_L1, venueCity);
    if (neutralSite)
        object.insert("neutral_site"_L1, true);
    putText(object, "broadcast"_L1, broadcast);
    putOptional(object, "down"_L1, down);
    putOptional(object, "distance"_L1, distance);
    putText(object, "down_distance"_L1, downAndDistance());
    putText(object, "ball_on"_L1, ballOn);
    putOptional(object, "home_timeouts"_L1, homeTimeouts);
    putOptional(object, "visitor_timeouts"_L1, visitorTimeouts);
    putText(object, "last_play"_L1, lastPlay);
    if (homeWinProbability)
        object.insert("home_win_probability"_L1, *homeWinProbability);
    return object;
}

static TeamSide sideFromJson(const QJsonObject &object)
{
    TeamSide side {object.value(u"abbr").toString(), object.value(u"nickname").toString(), std::nullopt};
    if (object.value(u"score").isDouble())
        side.score = object.value(u"score").toInt();
    return side;
}

std::optional<Game> Game::fromJson(const QJsonObject &object)
{
    Game game;
    game.eid = object.value(u"id").toString();
    game.gsis = object.value(u"gsis").toString();
    game.season = object.value(u"season").toInt();
    game.week = object.value(u"week").toInt();
    game.day = object.value(u"day").toString();
    game.kickoff = QDateTime::fromString(object.value(u"scheduled_at").toString(), Qt::ISODate).toUTC();
    game.clock = object.value(u"clock").toString();
    game.home = sideFromJson(object.value(u"home").toObject());
    game.visitor = sideFromJson(object.value(u"visitor").toObject());
    game.possession = object.value(u"possession").toString();
    game.redZone = object.value(u"red_zone").toBool();
    game.espnId = object.value(u"espn_id").toString();
    game.venue = object.value(u"venue").toString();
    game.venueCity = object.value(u"venue_city").toString();
    game.neutralSite = object.value(u"neutral_site").toBool();
    game.broadcast = object.value(u"broadcast").toString();
    game.down = optionalInt(object, "down"_L1);
    game.distance = optionalInt(object, "distance"_L1);
    game.ballOn = object.value(u"ball_on").toString();
    game.homeTimeouts = optionalInt(object, "home_timeouts"_L1);
    game.visitorTimeouts = optionalInt(object, "visitor_timeouts"_L1);
    game.lastPlay = object.value(u"last_play").toString();
    if (object.value(u"home_win_probability").isDouble())
        game.homeWinProbability = object.value(u"home_win_probability").toDouble();
    const auto seasonType = seasonTypeFromCode(object.value(u"season_type").toString());
    const auto gameType = gameTypeFromCode(object.value(u"game_type").toString());
    const auto state = gameStateFromCode(object.value(u"state").toString());
    if (game.eid.isEmpty() || !seasonType || !gameType || !state || !game.kickoff.isValid())
        return std::nullopt;
    game.seasonType = *seasonType;
    game.gameType = *gameType;
    game.state = *state;
    return game;
}

QString WeekKey::toString() const
{
    return QString::number(season) + u'/' + seasonTypeCode(type) + u". Week "_s + QString::number(week);
}

QList<WeekKey> weeksOfSeason(int season, QList<SeasonType> types)
{
    return SeasonCalendar::weeks(season, std::move(types));
}

} // namespace Endzone
