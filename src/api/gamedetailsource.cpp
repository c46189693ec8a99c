#include "gamedetailsource.h"
#include "feedclient.h"
#include "gamestore.h"
#include "logging.h"

#include <QJsonDocument>
#include <QPointer>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

GameDetailSource::GameDetailSource(GameStore *store, FeedClient *feed, QObject *parent)
    : QObject(parent), m_store(store), m_feed(feed)
{
}

GameReply GameDetailSource::failure(int status, QString message, const QString &detail)
{
    if (!detail.isEmpty())
        qCWarning(lcApi).noquote() << message << detail;
    return GameReply {status, {}, std::move(message)};
}

GameReply GameDetailSource::answer(const Game &game, const std::optional<GameDetail> &detail)
{
    QJsonObject object = game.toJson();
    object.insert(u"detail"_s, detail ? QJsonValue(detail->toJson()) : QJsonValue(QJsonValue::Null));
    return GameReply {200, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

bool GameDetailSource::wantsSummary(const std::optional<Game> &game, const std::optional<GameDetail> &detail) const
{
    return m_policy.wantsSummary(m_feed && m_feed->source() == FeedSource::Espn, game, detail);
}

QCoro::Task<GameReply> GameDetailSource::game(QString id)
{
    if (!m_store)
        co_return failure(503, u"no database configured"_s);
    auto stored = m_store->gameById(id);
    if (!stored)
        co_return failure(503, u"database unavailable"_s, stored.error());
    std::optional<Game> game = stored.value();
    std::optional<GameDetail> detail;
    if (game) {
        auto storedDetail = m_store->detail(game->eid);
        if (!storedDetail)
            co_return failure(503, u"database unavailable"_s, storedDetail.error());
        detail = storedDetail.value();
    }
    // Only an ESPN event id (9 digits) can be looked up at ESPN for a game the store does not have.
    if (!game && id.size() == 10)
        co_return failure(404, u"no game %1"_s.arg(id));
    if (wantsSummary(game, detail)) {
        QPointer self {this};
        const QString espnId = game ? game->espnId : id;
        const auto refreshed = co_await refresh(espnId, game);
        if (!self)
            co_return failure(503, u"server shutting down"_s);
        if (refreshed.game) {
            game = refreshed.game;
            if (auto again = m_store->detail(game->eid); again)
                detail = again.value();
        } else if (!game) {
            co_return refreshed.notFound ? failure(404, u"no game %1"_s.arg(id)) : failure(502, u"feed unavailable"_s);
        }
    }
    if (!game)
        co_return failure(404, u"no game %1"_s.arg(id));
    co_return answer(*game, detail);
}

QCoro::Task<GameDetailSource::Refreshed> GameDetailSource::refresh(QString espnId, std::optional<Game> stored)
{
    QPointer self {this};
    m_policy.noteFetch(espnId);
    const auto summary = co_await m_feed->fetchSummary(espnId);
    if (!self)
        co_return Refreshed {};
    if (!summary) {
        qCWarning(lcApi).noquote() << "summary of game" << espnId << "unavailable:" << summary.error();
        co_return Refreshed {std::nullopt, summary.error().contains(u"HTTP 404"_s)};
    }
    Game game = summary.value().game;
    if (!stored) {
        // A game the store lacks: store it as the summary describes it, so later visits find it.
        ParsedWeek week;
        week.key = {game.season, game.seasonType, game.week};
        week.games = {game};
        const auto upserted = m_store->upsertWeek(week);
        if (!upserted || upserted.value().isEmpty()) {
            qCWarning(lcApi).noquote() << "cannot store game" << espnId << (upserted ? QString() : upserted.error());
            co_return Refreshed {};
        }
        game = upserted.value().constFirst().game;
    } else {
        game = *stored;
    }
    if (const auto kept = m_store->storeDetail(game.eid, summary.value().detail); !kept)
        qCWarning(lcApi).noquote() << "cannot store the detail of game" << espnId << kept.error();
    co_return Refreshed {game};
}

} // namespace Endzone
