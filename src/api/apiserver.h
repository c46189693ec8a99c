#pragma once

#include "game.h"
#include "result.h"
#include "ssebroadcaster.h"
#include "weekcache.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QAbstractHttpServer;
class QHttpServerResponder;
class QTcpSocket;

namespace Endzone {

class FeedClient;
class GameStore;
class LimitedTcpServer;
class LiveBus;
class RedisClient;
class WeekSource;
class GameDetailSource;
struct GameReply;
struct WeekReply;

// The HTTP API of endzone-server on QHttpServer: the original's routes (/api/, /api/season/{year}/{slug},
// /api/livescore) plus standings, single games and the web scoreboard at /. Routing is ours (one table in
// dispatch()), so every unknown route, bad year or slug and wrong method gets a JSON error with the right
// status; Redis or the database being down is a 503 that clears by itself once they are back. Week bodies
// come from WeekSource (cache, store, feed) with a strong ETag; /api/livescore hands the connection to
// the SseBroadcaster. Binds 127.0.0.1 unless told otherwise: it is meant to sit behind nginx.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 8000; // 0 picks a free port
        QByteArray corsOrigin; // Access-Control-Allow-Origin; empty: no CORS headers
        qsizetype maxHeaderBytes = 16 * 1024;
        int maxConnections = 16384; // open sockets at once, SSE clients included; more are refused (<= 0: no limit)
        int headTimeoutMs = 30000; // a connection must complete its first request head in this time
        SseBroadcaster::Options sse;
        WeekCache::Options cache;
        std::function<QDateTime()> clock; // "now" for staleness and cache lifetimes; empty: the wall clock
    };
    // Everything the server uses and does not own. Any may be null: no store means 503 for what needs
    // it, no feed means weeks come from the store alone, no redis means a memory cache.
    struct Services
    {
        GameStore *store = nullptr;
        FeedClient *feed = nullptr;
        LiveBus *bus = nullptr;
        RedisClient *redis = nullptr;
    };

    ApiServer(Services services, Options options, QObject *parent = nullptr);
    ~ApiServer() override;

    [[nodiscard]] Result<quint16> listen();
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl baseUrl() const;

    [[nodiscard]] SseBroadcaster *broadcaster() const { return m_broadcaster; }
    [[nodiscard]] WeekSource *weekSource() const { return m_weeks; }
    [[nodiscard]] WeekCache *cache() const { return m_cache; }
    [[nodiscard]] std::optional<WeekKey> currentWeek() const { return m_current; }
    // The week /api/ names as current and the page shows: set by the watcher and by live messages.
    void setCurrentWeek(const WeekKey &key);
    // Guesses the current week from the store (the first week of the latest season with games not final).
    void loadCurrentWeekFromStore();

private:
    // What a handler needs of a request, copied out: QHttpServer reuses its request object per connection.
    struct Request
    {
        QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
        QString path; // decoded, for logs and messages
        QStringList segments; // routeSegments(): what routing matches
        QByteArray accept;
        QByteArray ifNoneMatch;
        QByteArray lastEventId;
        bool snapshot = false;
        QElapsedTimer timer;
    };
    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void route(const Request &request, QHttpServerResponder &&responder);
    // Called when the answer a connection waited for went out: runs the requests queued behind it.
    void responseSent(QTcpSocket *socket);
    void reply(const Request &request, QHttpServerResponder &&responder, int status, const QByteArray &body,
        const QByteArray &contentType, const SseBroadcaster::Headers &headers = {});
    void replyError(const Request &request, QHttpServerResponder &&responder, int status, const QString &message,
        const SseBroadcaster::Headers &headers = {});
    void serveIndex(const Request &request, QHttpServerResponder &&responder);
    void serveLivescore(const Request &request, QHttpServerResponder &&responder);
    void serveStandings(const Request &request, QHttpServerResponder &&responder, int season);
    // The clubs on bye in a stored week, as a JSON list of codes (ESPN weeks; empty for the scorestrip).
    void serveByes(const Request &request, QHttpServerResponder &&responder, const WeekKey &key);
    // The clubs from TeamDirectory, for the web page's colours and names: one source of truth.
    void serveTeams(const Request &request, QHttpServerResponder &&responder);
    // Fire and forget around serveGameTask: the game may need ESPN's summary first.
    void serveGame(Request request, QHttpServerResponder &&responder, const QString &id);
    QCoro::Task<> serveGameTask(
        std::shared_ptr<Request> request, std::shared_ptr<QHttpServerResponder> responder, QString id);
    // Marks the connection busy until responseSent(): later pipelined requests wait behind this answer.
    void holdPipeline(QTcpSocket *socket);
    void serveStatic(const Request &request, QHttpServerResponder &&responder, const QString &file);
    // Fire and forget around serveWeekTask: the request outlives the handler that received it.
    void serveWeek(Request request, QHttpServerResponder &&responder, const WeekKey &key);
    QCoro::Task<> serveWeekTask(
        std::shared_ptr<Request> request, std::shared_ptr<QHttpServerResponder> responder, WeekKey key);
    void replyWeek(const Request &request, QHttpServerResponder &&responder, const WeekReply &week);
    // After a resubscribe to the live channel: what was published while we were not subscribed is lost
    // (pub/sub keeps nothing), so the SSE clients get the current week from the store when it differs.
    void resyncFromStore();
    void seedLiveWeek(const WeekKey &key, const QList<Game> &games);
    [[nodiscard]] SseBroadcaster::Headers corsHeaders() const;
    [[nodiscard]] std::optional<QString> storeUnavailable() const;

    Services m_services;
    Options m_options;
    // HTTP/1.1 lets a client send requests before the answers arrive (pipelining), and the answers must
    // keep their order. A connection whose answer waits on Redis, the store or the feed is busy: requests
    // that arrive on it meanwhile are queued, and run when the answer went out.
    struct Pipeline
    {
        bool busy = false;
        std::deque<std::function<void()>> waiting;
    };
    // An entry lives as long as its socket. Declared before m_http, whose sockets report here as they go.
    QHash<QTcpSocket *, Pipeline> m_pipelines;
    static constexpr std::size_t MaxPipelined = 32; // more queued on one connection: it is closed
    std::unique_ptr<QAbstractHttpServer> m_http;
    LimitedTcpServer *m_tcp = nullptr;
    WeekCache *m_cache;
    WeekSource *m_weeks;
    GameDetailSource *m_games;
    SseBroadcaster *m_broadcaster;
    std::optional<WeekKey> m_current;
    // Which week the broadcaster's latestWeek() (what the SSE clients last got) is: what a resync compares with.
    std::optional<WeekKey> m_liveKey;
    quint16 m_port = 0;
};

} // namespace Endzone
