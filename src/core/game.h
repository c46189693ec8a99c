#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace Endzone {

// The three phases of a season, as the feed's `seasonType` query parameter names them.
enum class SeasonType { Pre, Reg, Post };

// The `gt` attribute: what kind of game this is.
enum class GameType { Pre, Reg, WildCard, Divisional, Conference, ProBowl, SuperBowl };

// The `q` attribute. A tie has no code of its own: it is a final with equal scores.
enum class GameState { Pregame, Quarter1, Quarter2, Quarter3, Quarter4, Halftime, Overtime, Final, FinalOvertime };

[[nodiscard]] QString seasonTypeCode(SeasonType type); // "PRE", "REG", "POST"
[[nodiscard]] std::optional<SeasonType> seasonTypeFromCode(QStringView code);
[[nodiscard]] QString gameTypeCode(GameType type); // "PRE", "REG", "WC", ...
[[nodiscard]] std::optional<GameType> gameTypeFromCode(QStringView code);
[[nodiscard]] QString gameStateCode(GameState state); // the feed's q code: "P", "1".."5", "H", "F", "FO"
[[nodiscard]] std::optional<GameState> gameStateFromCode(QStringView code);
[[nodiscard]] bool isLive(GameState state);
[[nodiscard]] bool isFinal(GameState state);

// One side of a game.
struct TeamSide
{
    QString abbreviation; // "NE"
    QString nickname; // "patriots", lower case as the feed has it
    std::optional<int> score; // none before kickoff

    friend bool operator==(const TeamSide &, const TeamSide &) = default;
};

// One game, from either source: the scorestrip feed or ESPN's JSON. A plain value type: cheap to copy, compared
// field by field. Fields a source does not carry stay empty or unset, and are left out of the JSON.
struct Game
{
    // The game's key in the store and the API. The scorestrip's YYYYMMDDNN (US-Eastern date plus a sequence
    // number) when the scorestrip delivered the game; for a game only ESPN delivered, its event id.
    QString eid;
    QString gsis; // stable numeric key: survives a reschedule, unlike eid
    int season = 0;
    SeasonType seasonType = SeasonType::Reg;
    int week = 0;
    GameType gameType = GameType::Reg;
    QString day; // "Sun"
    QDateTime kickoff; // UTC instant
    GameState state = GameState::Pregame;
    QString clock; // "08:11" while live, else empty
    TeamSide home;
    TeamSide visitor;
    QString possession; // abbreviation of the team with the ball while live
    bool redZone = false;

    // ESPN's identity and setting: absent for a game only the scorestrip delivered.
    QString espnId; // "401547505": summary?event= takes it
    QString venue; // "Corinthians Arena"
    QString venueCity; // "Sao Paulo, Brazil"
    bool neutralSite = false;
    QString broadcast; // "NBC/Peacock"

    // The live situation (ESPN's `competitions[0].situation`), only while the game is in progress.
    std::optional<int> down; // 1-4
    std::optional<int> distance; // yards to go
    QString ballOn; // "DET 34", or "50" at midfield
    std::optional<int> homeTimeouts;
    std::optional<int> visitorTimeouts;
    QString lastPlay; // "(7:45) D.Swift up the middle to DET 34 for 1 yard (M.Williams)."
    std::optional<double> homeWinProbability; // 0..1

    [[nodiscard]] bool hasSituation() const { return down.has_value() || !ballOn.isEmpty() || !lastPlay.isEmpty(); }
    // "3rd & 4", "1st & Goal" when the distance reaches the goal line; empty without a down.
    [[nodiscard]] QString downAndDistance() const;

    // Share of regulation played, 0..1, for the card's progress bar: four quarters of 15 minutes read off the
    // clock ("08:11" left), halftime at one half, overtime and a final full. An unreadable clock counts as the
    // quarter's start.
    [[nodiscard]] double progress() const;

    [[nodiscard]] bool isTie() const
    {
        return isFinal(state) && home.score && visitor.score && *home.score == *visitor.score;
    }
    // The kickoff as US Eastern wall time with its offset, the form the original system printed.
    [[nodiscard]] QString kickoffEastern() const;
    // The JSON shape of the original API (`to_game_data`), with kickoff in ISO 8601 with offset.
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Game> fromJson(const QJsonObject &object);

    friend bool operator==(const Game &, const Game &) = default;
};

// A (season, type, week) triple: the unit the feed serves and the store upserts.
struct WeekKey
{
    int season = 0;
    SeasonType type = SeasonType::Reg;
    int week = 0;

    [[nodiscard]] QString toString() const; // "2015/REG. Week 12", as the original's log
    friend bool operator==(const WeekKey &, const WeekKey &) = default;
};

// The weeks of one season: kept for existing callers, SeasonCalendar::weeks is the rule.
[[nodiscard]] QList<WeekKey> weeksOfSeason(
    int season, QList<SeasonType> types = {SeasonType::Pre, SeasonType::Reg, SeasonType::Post});

} // namespace Endzone

Q_DECLARE_METATYPE(Endzone::Game)
