#include "livemessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

QByteArray LiveMessage::weekBody(const QList<Game> &games)
{
    // In eid order (date, then the feed's sequence), so the store and the feed give byte-identical bodies.
    QList<const Game *> sorted;
    sorted.reserve(games.size());
    for (const Game &game : games)
        sorted.append(&game);
    std::sort(sorted.begin(), sorted.end(), [](const Game *a, const Game *b) { return a->eid < b->eid; });
    QJsonArray array;
    for (const Game *game : std::as_const(sorted))
        array.append(game->toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

LiveMessage LiveMessage::fromWeek(const WeekKey &key, const QList<Game> &games, const QList<Game> &changed)
{
    LiveMessage message;
    message.key = key;
    message.weekJson = weekBody(games);
    for (const Game &game : changed)
        message.changedGames.append(QJsonDocument(game.toJson()).toJson(QJsonDocument::Compact));
    return message;
}

QByteArray LiveMessage::encode() const
{
    if (!key)
        return weekJson;
    // Games go once, as the list; `changed` names them by id so the envelope stays about one week's size.
    QJsonArray changedIds;
    for (const QByteArray &game : changedGames)
        changedIds.append(QJsonDocument::fromJson(game).object().value(u"id"));
    const QJsonObject envelope {
        {u"endzone"_s, u"week"_s},
        {u"season"_s, key->season},
        {u"season_type"_s, seasonTypeCode(key->type)},
        {u"week"_s, key->week},
        {u"games"_s, QJsonDocument::fromJson(weekJson).array()},
        {u"changed"_s, changedIds},
    };
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

LiveMessage LiveMessage::decode(const QByteArray &payload)
{
    LiveMessage raw;
    raw.weekJson = payload;
    // Cheap test first: a bare list or a probe has no envelope marker (QJsonObject sorts keys, so it is not first).
    if (!payload.startsWith('{') || !payload.contains("\"endzone\":\"week\""))
        return raw;
    QJsonParseError error;
    const QJsonObject envelope = QJsonDocument::fromJson(payload, &error).object();
    const auto type = seasonTypeFromCode(envelope.value(u"season_type").toString());
    if (error.error != QJsonParseError::NoError || !type || !envelope.value(u"games").isArray())
        return raw;

    LiveMessage message;
    message.key = WeekKey {envelope.value(u"season").toInt(), *type, envelope.value(u"week").toInt()};
    const QJsonArray games = envelope.value(u"games").toArray();
    message.weekJson = QJsonDocument(games).toJson(QJsonDocument::Compact);
    QSet<QString> changed;
    for (const QJsonValue &id : envelope.value(u"changed").toArray())
        changed.insert(id.toString());
    for (const QJsonValue &game : games) {
        if (changed.contains(game.toObject().value(u"id").toString()))
            message.changedGames.append(QJsonDocument(game.toObject()).toJson(QJsonDocument::Compact));
    }
    return message;
}

QList<ParsedWeek> LiveMessage::weeksOf(const QByteArray &payload)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    QJsonArray games;
    if (document.isArray())
        games = document.array();
    else if (document.object().value(u"games").isArray())
        games = document.object().value(u"games").toArray();
    else if (document.isObject())
        games.append(document.object());
    QList<ParsedWeek> weeks;
    for (const auto &value : std::as_const(games)) {
        const auto game = Game::fromJson(value.toObject());
        if (!game)
            continue;
        const WeekKey key {game->season, game->seasonType, game->week};
        auto it = std::find_if(weeks.begin(), weeks.end(), [&key](const ParsedWeek &w) { return w.key == key; });
        if (it == weeks.end())
            it = weeks.insert(weeks.end(), ParsedWeek {key, FeedDialect::LiveUpdate, {}});
        it->games.append(*game);
    }
    return weeks;
}

} // namespace Endzone
