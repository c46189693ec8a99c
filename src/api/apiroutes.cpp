// The route handlers of ApiServer; routing, replies and errors are in apiserver.cpp.
#include "apiserver.h"
#include "gamedetailsource.h"
#include "gamestore.h"
#include "livebus.h"
#include "logging.h"
#include "teamdirectory.h"
#include "weekslug.h"
#include "weeksource.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

// If-None-Match holds one or more ETags, or "*".
bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    if (ifNoneMatch.isEmpty())
        return false;
    for (const QByteArray &candidate : ifNoneMatch.split(',')) {
        const QByteArray tag = candidate.trimmed();
        if (tag == "*" || tag == etag || tag == "W/" + etag)
            return true;
    }
    return false;
}

QJsonObject weekJson(const WeekKey &key)
{
    const QString slug = WeekSlug::toSlug(key);
    return {{u"season"_s, key.season}, {u"season_type"_s, seasonTypeCode(key.type)}, {u"week"_s, key.week},
        {u"slug"_s, slug}, {u"url"_s, u"/api/season/%1/%2"_s.arg(key.season).arg(slug)}};
}

} // namespace

std::optional<QString> ApiServer::storeUnavailable() const
{
    if (!m_services.store)
        return u"no database configured"_s;
    if (!m_services.store->ensureConnected())
        return u"database unavailable"_s;
    return std::nullopt;
}

void ApiServer::serveIndex(const Request &request, QHttpServerResponder &&responder)
{
    QJsonObject index {
        {u"name"_s, u"endzone"_s},
        {u"version"_s, QStringLiteral(ENDZONE_VERSION)},
        {u"endpoints"_s,
            QJsonObject {{u"index"_s, u"/api/"_s}, {u"week"_s, u"/api/season/{season_year}/{week_slug}"_s},
                {u"standings"_s, u"/api/season/{season_year}/standings"_s},
                {u"byes"_s, u"/api/season/{season_year}/{week_slug}/byes"_s}, {u"teams"_s, u"/api/teams"_s},
                {u"game"_s, u"/api/games/{eid or espn_id}"_s}, {u"livescore"_s, u"/api/livescore"_s}}},
        {u"live"_s,
            QJsonObject {{u"clients"_s, m_broadcaster->clientCount()},
                {u"bus"_s,
                    !m_services.bus                                            ? u"none"_s
                        : m_services.bus->state() == LiveBus::State::Connected ? u"connected"_s
                                                                               : u"disconnected"_s}}},
    };
    index.insert(u"current"_s, m_current ? QJsonValue(weekJson(*m_current)) : QJsonValue());
    reply(request, std::move(responder), 200, QJsonDocument(index).toJson(QJsonDocument::Compact), "application/json",
        {{"Cache-Control", "no-cache"}});
}

void ApiServer::serveLivescore(const Request &request, QHttpServerResponder &&responder)
{
    // As the original: only an exact event-stream Accept gets the stream, anything else the index.
    if (request.accept != "text/event-stream")
        return reply(request, std::move(responder), 302, {}, "text/plain", {{"Location", "/api/"}});
    m_broadcaster->addClient(std::move(responder), request.lastEventId, request.snapshot, corsHeaders());
}

void ApiServer::serveTeams(const Request &request, QHttpServerResponder &&responder)
{
    QJsonArray array;
    for (const Franchise &club : TeamDirectory::franchises()) {
        array.append(QJsonObject {{u"id"_s, club.id}, {u"abbreviation"_s, club.abbreviation},
            {u"location"_s, club.location}, {u"name"_s, club.name},
            {u"display_name"_s, TeamDirectory::displayName(club.id, QDate::currentDate().year() + 1)},
            {u"primary_color"_s, club.primaryColor}, {u"secondary_color"_s, club.secondaryColor},
            {u"abbreviations"_s, QJsonArray::fromStringList(TeamDirectory::abbreviations(club.id))}});
    }
    // The table changes with a release, not with the games: let browsers keep it for an hour.
    reply(request, std::move(responder), 200, QJsonDocument(array).toJson(QJsonDocument::Compact), "application/json",
        {{"Cache-Control", "public, max-age=3600"}});
}

void ApiServer::serveByes(const Request &request, QHttpServerResponder &&responder, const WeekKey &key)
{
    if (const auto down = storeUnavailable())
        return replyError(request, std::move(responder), 503, *down);
    const auto byes = m_services.store->byes(key);
    if (!byes) {
        qCWarning(lcApi).noquote() << "byes" << key.toString() << byes.error();
        return replyError(request, std::move(responder), 503, u"database unavailable"_s);
    }
    reply(request, std::move(responder), 200,
        QJsonDocument(QJsonArray::fromStringList(byes.value())).toJson(QJsonDocument::Compact), "application/json");
}

void ApiServer::serveStandings(const Request &request, QHttpServerResponder &&responder, int season)
{
    if (const auto down = storeUnavailable())
        return replyError(request, std::move(responder), 503, *down);
    const auto standings = m_services.store->standings(season);
    if (!standings) {
        qCWarning(lcApi).noquote() << "standings" << season << standings.error();
        return replyError(request, std::move(responder), 503, u"database unavailable"_s);
    }
    QJsonArray array;
    for (const Standing &row : standings.value()) {
        array.append(QJsonObject {{u"team"_s, row.team}, {u"wins"_s, row.wins}, {u"losses"_s, row.losses},
            {u"ties"_s, row.ties}, {u"points_for"_s, row.pointsFor}, {u"points_against"_s, row.pointsAgainst}});
    }
    reply(request, std::move(responder), 200, QJsonDocument(array).toJson(QJsonDocument::Compact), "application/json");
}

void ApiServer::serveGame(Request request, QHttpServerResponder &&responder, const QString &id)
{
    if (!WeekSlug::isGameId(id))
        return replyError(request, std::move(responder), 400,
            u"invalid game id '%1': expected 10 digits (YYYYMMDDNN) or a 9-digit ESPN event id"_s.arg(id.left(16)));
    if (const auto down = storeUnavailable())
        return replyError(request, std::move(responder), 503, *down);
    holdPipeline(responder.socket());
    serveGameTask(std::make_shared<Request>(std::move(request)),
        std::make_shared<QHttpServerResponder>(std::move(responder)), id);
}

QCoro::Task<> ApiServer::serveGameTask(
    std::shared_ptr<Request> request, std::shared_ptr<QHttpServerResponder> responder, QString id)
{
    QPointer<ApiServer> self(this);
    QPointer<QTcpSocket> socket(responder->socket());
    const GameReply game = co_await m_games->game(id);
    if (!self || !socket)
        co_return;
    if (socket->state() == QAbstractSocket::ConnectedState) {
        if (game.status != 200)
            replyError(*request, std::move(*responder), game.status, game.error);
        else
            reply(*request, std::move(*responder), 200, game.body, "application/json", {{"Cache-Control", "no-cache"}});
    }
    responseSent(socket);
}

void ApiServer::serveStatic(const Request &request, QHttpServerResponder &&responder, const QString &file)
{
    static const QHash<QString, QByteArray> types {{u"html"_s, "text/html; charset=utf-8"},
        {u"js"_s, "text/javascript; charset=utf-8"}, {u"css"_s, "text/css; charset=utf-8"},
        {u"svg"_s, "image/svg+xml"}};
    const QString extension = file.section(u'.', -1);
    QFile resource(u":/endzone/web/"_s + file);
    if (file.contains(u"..") || !types.contains(extension) || !resource.open(QIODevice::ReadOnly))
        return replyError(request, std::move(responder), 404, u"no such file: %1"_s.arg(file.left(64)));
    reply(request, std::move(responder), 200, resource.readAll(), types.value(extension),
        {{"Cache-Control", "no-cache"}, {"X-Content-Type-Options", "nosniff"}});
}

void ApiServer::holdPipeline(QTcpSocket *socket)
{
    // Until this answer is out, later requests on the connection wait behind it (see m_pipelines).
    if (!m_pipelines.contains(socket))
        connect(socket, &QObject::destroyed, this, [this, socket] { m_pipelines.remove(socket); });
    m_pipelines[socket].busy = true;
}

void ApiServer::serveWeek(Request request, QHttpServerResponder &&responder, const WeekKey &key)
{
    holdPipeline(responder.socket());
    // The coroutine owns the responder: the QHttpServer handler that gave it to us returns right away.
    serveWeekTask(std::make_shared<Request>(std::move(request)),
        std::make_shared<QHttpServerResponder>(std::move(responder)), key);
}

QCoro::Task<> ApiServer::serveWeekTask(
    std::shared_ptr<Request> request, std::shared_ptr<QHttpServerResponder> responder, WeekKey key)
{
    QPointer<ApiServer> self(this);
    QPointer<QTcpSocket> socket(responder->socket());
    const WeekReply week = co_await m_weeks->week(key);
    // The client may have gone (its socket deleted) or the server shut down while we waited.
    if (!self || !socket)
        co_return;
    if (socket->state() == QAbstractSocket::ConnectedState)
        replyWeek(*request, std::move(*responder), week);
    responseSent(socket);
}

void ApiServer::replyWeek(const Request &request, QHttpServerResponder &&responder, const WeekReply &week)
{
    if (week.status != 200)
        return replyError(request, std::move(responder), week.status, week.error);
    const SseBroadcaster::Headers headers {
        {"ETag", week.etag}, {"Cache-Control", "no-cache"}, {"X-Cache", week.origin}};
    if (etagMatches(request.ifNoneMatch, week.etag))
        return reply(request, std::move(responder), 304, {}, "application/json", headers);
    reply(request, std::move(responder), 200, week.body, "application/json", headers);
}

} // namespace Endzone
