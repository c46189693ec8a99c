#pragma once

#include "result.h"
#include "scorestripparser.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Endzone {

// What the feed's current-week document (ss.xml) returned, with what HTTP caching said about it.
struct LiveFetch
{
    bool notModified = false; // a 304 for the ETag we sent
    ParsedWeek week; // empty when notModified
    QByteArray etag;
    QByteArray lastModified;
    int maxAgeSeconds = -1; // Cache-Control max-age, -1 when absent
};

// Talks to a scorestrip feed (NFL.com's, or endzone-feed) over HTTP. Every request has a transfer timeout;
// timeouts, connection errors and 5xx are retried with exponential backoff; a 404 or an empty document is
// a week with no games, not a failure.
class FeedClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int timeoutMs = 10000;
        int retries = 3; // extra attempts after the first
        int backoffMs = 250; // doubled after each failed attempt
    };

    static constexpr auto DefaultBaseUrl = "http://www.nfl.com";

    // `baseUrl` is the feed's root (`http://host:port`); a URL ending in `/ajax/scorestrip` is accepted too.
    explicit FeedClient(QUrl baseUrl, QObject *parent = nullptr);
    FeedClient(QUrl baseUrl, Options options, QObject *parent = nullptr);
    ~FeedClient() override;

    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QUrl weekUrl(const WeekKey &key) const;
    [[nodiscard]] QUrl liveUrl() const;

    QCoro::Task<Result<ParsedWeek>> fetchWeek(WeekKey key);
    // The current week (ss.xml). Sends If-None-Match when `etag` is set.
    QCoro::Task<Result<LiveFetch>> fetchLive(QByteArray etag = {});

    // Fetches many weeks with at most `concurrency` requests in flight, calling `onWeek` as each completes
    // (in completion order, not request order). Resolves when every week is done.
    using WeekCallback = std::function<void(const WeekKey &, const Result<ParsedWeek> &)>;
    QCoro::Task<> fetchWeeks(QList<WeekKey> weeks, int concurrency, WeekCallback onWeek);

    // Aborts every request in flight; their coroutines resume with an "aborted" error.
    void abortAll();

private:
    struct HttpResult;
    QCoro::Task<Result<HttpResult>> get(QUrl url, QByteArray etag);
    QCoro::Task<> fetchWorker(std::shared_ptr<QList<WeekKey>> queue, std::shared_ptr<WeekCallback> onWeek);

    // Qt 6.4 gives a QNetworkAccessManager at most 6 connections per host, so to really have `concurrency`
    // requests in flight the client spreads them over several managers (each with its own pool).
    static constexpr int ConnectionsPerManager = 6;
    void ensureCapacity(int concurrency);
    QNetworkAccessManager *leastBusyManager();
    // Bounds one attempt: a total deadline (3x the idle timeout) and ScorestripParser::MaxDocumentSize; sets
    // `overrun` to the reason when it aborts the reply.
    void armLimits(QNetworkReply *reply, std::shared_ptr<QString> overrun) const;

    QUrl m_baseUrl;
    Options m_options;
    std::vector<QNetworkAccessManager *> m_networks;
    QHash<QNetworkAccessManager *, int> m_busy;
    QList<QPointer<QNetworkReply>> m_inFlight;
    quint64 m_generation = 0; // bumped by abortAll(), so aborted requests are not retried
};

} // namespace Endzone
