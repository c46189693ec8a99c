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

// One game, as the scorestrip feed describes it. A plain value type: cheap to copy, compared field by field.
struct Game
{
    QString eid; // YYYYMMDDNN, the US-Eastern date of the game plus a sequence number
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

// The weeks the feed has for one season: PRE 0-4, REG 1-17, POST 18-22 (POST 15-22 before 1990).
[[nodiscard]] QList<WeekKey> weeksOfSeason(
    int season, QList<SeasonType> types = {SeasonType::Pre, SeasonType::Reg, SeasonType::Post});

} // namespace Endzone

Q_DECLARE_METATYPE(Endzone::Game)
