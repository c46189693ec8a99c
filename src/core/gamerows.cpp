#include "gamerows.h"

#include "gamemerge.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone::GameRows {

namespace {

QVariant scoreValue(const std::optional<int> &score)
{
    return score ? QVariant(*score) : QVariant(QMetaType::fromType<int>());
}

} // namespace

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

QString sqlError(const QSqlError &error)
{
    const auto text = error.text().trimmed();
    return text.isEmpty() ? u"unknown database error"_s : text;
}

QString placeholders(int count)
{
    QStringList marks(count, u"?"_s);
    return marks.join(u", "_s);
}

Game fromRow(const QSqlQuery &query)
{
    auto optionalInt = [&](int column) {
        return query.isNull(column) ? std::nullopt : std::optional<int>(query.value(column).toInt());
    };
    Game game;
    game.eid = query.value(0).toString();
    game.gsis = query.value(1).toString();
    game.season = query.value(2).toInt();
    game.seasonType = seasonTypeFromCode(query.value(3).toString()).value_or(SeasonType::Reg);
    game.week = query.value(4).toInt();
    game.gameType = gameTypeFromCode(query.value(5).toString()).value_or(GameType::Reg);
    game.day = query.value(6).toString();
    game.kickoff = QDateTime::fromSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
    game.state = gameStateFromCode(query.value(8).toString()).value_or(GameState::Pregame);
    game.clock = query.value(9).toString();
    game.home = {query.value(10).toString(), query.value(11).toString(), optionalInt(12)};
    game.visitor = {query.value(13).toString(), query.value(14).toString(), optionalInt(15)};
    game.possession = query.value(16).toString();
    game.redZone = query.value(17).toInt() != 0;
    game.espnId = query.value(18).toString();
    // 19, 20: the franchise ids, for matching only
    game.venue = query.value(21).toString();
    game.venueCity = query.value(22).toString();
    game.neutralSite = query.value(23).toInt() != 0;
    game.broadcast = query.value(24).toString();
    game.down = optionalInt(25);
    game.distance = optionalInt(26);
    game.ballOn = query.value(27).toString();
    game.homeTimeouts = optionalInt(28);
    game.visitorTimeouts = optionalInt(29);
    game.lastPlay = query.value(30).toString();
    if (!query.isNull(31))
        game.homeWinProbability = query.value(31).toDouble();
    return game;
}

QVariantList values(const Game &game)
{
    return {game.eid, text(game.gsis), game.season, seasonTypeCode(game.seasonType), game.week,
        gameTypeCode(game.gameType), text(game.day), game.kickoff.toSecsSinceEpoch(), gameStateCode(game.state),
        text(game.clock), text(game.home.abbreviation), text(game.home.nickname), scoreValue(game.home.score),
        text(game.visitor.abbreviation), text(game.visitor.nickname), scoreValue(game.visitor.score),
        text(game.possession), game.redZone ? 1 : 0, text(game.espnId), GameMerge::homeFranchise(game),
        GameMerge::visitorFranchise(game), text(game.venue), text(game.venueCity), game.neutralSite ? 1 : 0,
        text(game.broadcast), scoreValue(game.down), scoreValue(game.distance), text(game.ballOn),
        scoreValue(game.homeTimeouts), scoreValue(game.visitorTimeouts), text(game.lastPlay),
        game.homeWinProbability ? QVariant(*game.homeWinProbability) : QVariant(QMetaType::fromType<double>())};
}

} // namespace Endzone::GameRows
