#include "apiserver.h"
#include "gamedetailsource.h"
#include "gamestore.h"
#include "limitedtcpserver.h"
#include "livebus.h"
#include "livemessage.h"
#include "logging.h"
#include "routesegments.h"
#include "seasoncalendar.h"
#include "ssebroadcaster.h"
#include "weekslug.h"
#include "weeksource.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

// QHttpServer's router answers what it does not know with an empty 404 and knows nothing of 405; the
// abstract server hands every parsed request to us instead.
class HttpFrontend : public QAbstractHttpServer
{
public:
    using Handler = std::function<void(const QHttpServerRequest &, QHttpServerResponder &&)>;
    explicit HttpFrontend(Handler handler) : m_handler(std::move(handler)) { }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_handler(request, makeResponder(request, socket));
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    Handler m_handler;
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

} // namespace

ApiServer::ApiServer(Services services, Options options, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_options(std::move(options))
    , m_cache(new WeekCache(services.redis, m_options.cache, this))
    , m_weeks(new WeekSource(m_cache, services.store, services.feed, this))
    , m_games(new GameDetailSource(services.store, services.feed, this))
    , m_broadcaster(new SseBroadcaster(services.bus, m_options.sse, this))
{
    m_weeks->setClock(m_options.clock);
    // Every change a live message carries is the new body of that week, in every process.
    connect(m_broadcaster, &SseBroadcaster::weekUpdated, this, [this](const WeekKey &key, const QByteArray &body) {
        m_cache->putLocal(key, body, m_options.cache.liveTtl);
        setCurrentWeek(key);
        m_liveKey = key;
    });
    // A stream-backed bus catches up by itself from its last id, with the ids every process shares; a resync
    // from the store would only add events with ids no other process knows.
    if (services.bus && !services.bus->resumesExactly())
        connect(services.bus, &LiveBus::resubscribed, this, &ApiServer::resyncFromStore);
    else if (services.bus)
        connect(services.bus, &LiveBus::messagesLost, this, &ApiServer::resyncFromStore);
}

ApiServer::~ApiServer()
{
    m_broadcaster->closeAll();
}

Result<quint16> ApiServer::listen()
{
    auto http
        = std::make_unique<HttpFrontend>([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
              dispatch(request, std::move(responder));
          });
    auto *tcp = new LimitedTcpServer(m_options.maxHeaderBytes);
    tcp->setMaxConnections(m_options.maxConnections);
    tcp->setHeadTimeoutMs(m_options.headTimeoutMs);
    if (!tcp->listen(m_options.address, m_options.port)) {
        const QString error = tcp->errorString();
        delete tcp;
        return Result<quint16>::failure(
            u"cannot listen on %1:%2: %3"_s.arg(m_options.address.toString()).arg(m_options.port).arg(error));
    }
    tcp->setMaxPendingConnections(4096);
    http->bind(tcp); // takes ownership
    m_tcp = tcp;
    m_http = std::move(http);
    m_port = tcp->serverPort();
    qCInfo(lcApi) << "listening on" << baseUrl().toString();
    return m_port;
}

QUrl ApiServer::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_options.address.toString());
    url.setPort(m_port);
    return url;
}

void ApiServer::setCurrentWeek(const WeekKey &key)
{
    if (WeekSlug::isValid(key))
        m_current = key;
}

void ApiServer::loadCurrentWeekFromStore()
{
    if (!m_services.store || !m_services.store->ensureConnected())
        return;
    const auto seasons = m_services.store->seasons();
    if (!seasons || seasons.value().isEmpty())
        return;
    const int season = *std::max_element(seasons.value().cbegin(), seasons.value().cend());
    const auto weeks = m_services.store->weeks(season);
    if (!weeks)
        return;
    QList<Game> games;
    for (const WeekKey &key : weeks.value()) {
        if (const auto week = m_services.store->week(key))
            games += week.value();
    }
    const QDateTime now = m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
    const auto current = SeasonCalendar::currentWeek(games, now);
    if (!current)
        return;
    setCurrentWeek(*current);
    QList<Game> week;
    std::copy_if(games.cbegin(), games.cend(), std::back_inserter(week), [&current](const Game &game) {
        return game.season == current->season && game.seasonType == current->type && game.week == current->week;
    });
    seedLiveWeek(*current, week);
}

void ApiServer::seedLiveWeek(const WeekKey &key, const QList<Game> &games)
{
    m_broadcaster->seedLatestWeek(LiveMessage::weekBody(games));
    if (!m_liveKey) // a live message that came first is newer, and the broadcaster kept its body
        m_liveKey = key;
}

void ApiServer::resyncFromStore()
{
    // Messages may have been missed while resubscribing: forget what memory holds.
    m_cache->clearLocal();
    // The watcher writes the store before it publishes, so the store now holds at least every change we
    // missed (a Redis restart, or our reconnect lagging behind the publisher's); later ones reach us live.
    if (!m_current || !m_services.store || !m_services.store->ensureConnected())
        return;
    const WeekKey key = *m_current;
    const auto games = m_services.store->week(key);
    if (!games || games.value().isEmpty())
        return;
    const QByteArray body = LiveMessage::weekBody(games.value());
    if (m_liveKey == key && body == m_broadcaster->latestWeek())
        return; // nothing was missed (the first subscribe after a seeded start, or a quiet outage)
    // `game` events for what differs from what the clients last got, as a watcher's message would carry.
    QHash<QString, QJsonObject> before;
    if (m_liveKey == key) {
        const QJsonArray previous = QJsonDocument::fromJson(m_broadcaster->latestWeek()).array();
        for (const QJsonValue &game : previous)
            before.insert(game.toObject().value(u"id"_s).toString(), game.toObject());
    }
    QList<Game> changed;
    for (const Game &game : games.value()) {
        const auto it = before.constFind(game.eid);
        if (it == before.cend() || *it != game.toJson())
            changed.append(game);
    }
    qCInfo(lcApi).noquote() << "resubscribed: sending" << key.toString() << "from the store to"
                            << m_broadcaster->clientCount() << "SSE clients," << changed.size() << "games changed";
    m_broadcaster->broadcast(LiveMessage::fromWeek(key, games.value(), changed));
}

SseBroadcaster::Headers ApiServer::corsHeaders() const
{
    if (m_options.corsOrigin.isEmpty())
        return {};
    return {{"Access-Control-Allow-Origin", m_options.corsOrigin}, {"Access-Control-Expose-Headers", "ETag, X-Cache"},
        {"Vary", "Origin"}};
}

void ApiServer::reply(const Request &request, QHttpServerResponder &&responder, int status, const QByteArray &body,
    const QByteArray &contentType, const SseBroadcaster::Headers &headers)
{
    QHttpServerResponse response(contentType, body, QHttpServerResponse::StatusCode(status));
    for (const auto &[name, value] : headers)
        response.setHeader(name, value);
    for (const auto &[name, value] : corsHeaders())
        response.setHeader(name, value);
    response.write(std::move(responder));
    if (status >= 500)
        qCWarning(lcApi).noquote() << methodName(request.method) << request.path << status << body;
    else
        qCDebug(lcApi).noquote() << methodName(request.method) << request.path << status << body.size() << "bytes"
                                 << request.timer.nsecsElapsed() / 1000 << "us";
}

void ApiServer::replyError(const Request &request, QHttpServerResponder &&responder, int status, const QString &message,
    const SseBroadcaster::Headers &headers)
{
    const QJsonObject error {{u"error"_s, message}, {u"status"_s, status}};
    SseBroadcaster::Headers all = headers;
    if (status == 503)
        all.append(std::pair<QByteArray, QByteArray>("Retry-After", "5"));
    reply(request, std::move(responder), status, QJsonDocument(error).toJson(QJsonDocument::Compact),
        "application/json", all);
}

void ApiServer::dispatch(const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder)
{
    Request request;
    request.timer.start();
    request.method = httpRequest.method();
    request.path = httpRequest.url().path();
    request.segments = routeSegments(httpRequest.url());
    request.accept = httpRequest.value("Accept");
    request.ifNoneMatch = httpRequest.value("If-None-Match");
    request.lastEventId = httpRequest.value("Last-Event-ID");
    request.snapshot = httpRequest.query().queryItemValue(u"snapshot"_s) == "1"_L1;

    QTcpSocket *socket = responder.socket();
    if (auto pipeline = m_pipelines.find(socket); pipeline != m_pipelines.end() && pipeline->busy) {
        if (pipeline->waiting.size() >= MaxPipelined) {
            qCInfo(lcApi) << "closing a connection with more than" << MaxPipelined << "requests pipelined";
            socket->abort();
            return;
        }
        pipeline->waiting.push_back(
            [this, request, responder = std::make_shared<QHttpServerResponder>(std::move(responder))]() mutable {
                route(request, std::move(*responder));
            });
        return;
    }
    route(request, std::move(responder));
}

void ApiServer::responseSent(QTcpSocket *socket)
{
    // Each queued request may make the connection busy again (a week not in memory), or answer at once.
    for (auto pipeline = m_pipelines.find(socket); pipeline != m_pipelines.end(); pipeline = m_pipelines.find(socket)) {
        pipeline->busy = false;
        if (pipeline->waiting.empty())
            return;
        auto next = std::move(pipeline->waiting.front());
        pipeline->waiting.pop_front();
        next();
        if (pipeline = m_pipelines.find(socket); pipeline != m_pipelines.end() && pipeline->busy)
            return; // its answer calls responseSent again
    }
}

void ApiServer::route(const Request &request, QHttpServerResponder &&responder)
{
    const QStringList &parts = request.segments;
    // Route first, method second: a known path with a wrong method is a 405, an unknown one a 404.
    std::function<void()> handler;
    if (parts.isEmpty()) {
        handler = [&] {
            serveStatic(request, std::move(responder), u"index.html"_s);
        };
    } else if (parts.size() == 2 && parts[0] == "static"_L1) {
        handler = [&] {
            serveStatic(request, std::move(responder), parts[1]);
        };
    } else if (parts[0] == "api"_L1) {
        if (parts.size() == 1) {
            handler = [&] {
                serveIndex(request, std::move(responder));
            };
        } else if (parts.size() == 2 && parts[1] == "livescore"_L1) {
            handler = [&] {
                serveLivescore(request, std::move(responder));
            };
        } else if (parts.size() == 2 && parts[1] == "teams"_L1) {
            handler = [&] {
                serveTeams(request, std::move(responder));
            };
        } else if (parts.size() == 3 && parts[1] == "games"_L1) {
            handler = [&] {
                serveGame(request, std::move(responder), parts[2]);
            };
        } else if (parts.size() == 5 && parts[1] == "season"_L1 && parts[4] == "byes"_L1) {
            handler = [&] {
                const auto year = WeekSlug::parseYear(parts[2]);
                const auto key = year ? WeekSlug::parse(*year, parts[3]) : std::nullopt;
                if (!key)
                    return replyError(request, std::move(responder), 404,
                        u"unknown week '%1' in '%2'"_s.arg(parts[3].left(16), parts[2].left(16)));
                serveByes(request, std::move(responder), *key);
            };
        } else if (parts.size() == 4 && parts[1] == "season"_L1) {
            handler = [&] {
                const auto year = WeekSlug::parseYear(parts[2]);
                if (!year)
                    return replyError(request, std::move(responder), 400,
                        u"invalid season year '%1': expected %2-%3"_s.arg(parts[2].left(16))
                            .arg(WeekSlug::MinYear)
                            .arg(WeekSlug::MaxYear));
                if (parts[3] == "standings"_L1)
                    return serveStandings(request, std::move(responder), *year);
                const auto key = WeekSlug::parse(*year, parts[3]);
                if (!key)
                    return replyError(request, std::move(responder), 404,
                        u"unknown week '%1' in %2: use 1-%3, pre-0..pre-%4, wc, div, con, pro, sb or %5-%6"_s
                            .arg(parts[3].left(16))
                            .arg(*year)
                            .arg(SeasonCalendar::regularSeasonWeeks(*year))
                            .arg(SeasonCalendar::weeks(*year, {SeasonType::Pre}).constLast().week)
                            .arg(SeasonCalendar::firstPostseasonWeek(*year))
                            .arg(SeasonCalendar::weeks(*year, {SeasonType::Post}).constLast().week));
                serveWeek(request, std::move(responder), *key);
            };
        }
    }
    if (!handler)
        return replyError(request, std::move(responder), 404, u"no such resource: %1"_s.arg(request.path.left(128)));
    if (request.method == QHttpServerRequest::Method::Options && !m_options.corsOrigin.isEmpty())
        return reply(request, std::move(responder), 204, {}, "text/plain",
            {{"Access-Control-Allow-Methods", "GET"}, {"Access-Control-Allow-Headers", "If-None-Match, Last-Event-ID"},
                {"Access-Control-Max-Age", "600"}});
    if (request.method != QHttpServerRequest::Method::Get)
        return replyError(request, std::move(responder), 405,
            u"method %1 not allowed: use GET"_s.arg(QString::fromLatin1(methodName(request.method))),
            {{"Allow", "GET"}});
    handler();
}

} // namespace Endzone
