#include "livepayload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Endzone::LivePayload {

QList<ParsedWeek> parse(const QByteArray &payload)
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

} // namespace Endzone::LivePayload
