#pragma once

#include "espnparser.h"
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

// The two formats a feed can speak: ESPN's public JSON (the default: it has real games today) and NFL.com's
// scorestrip XML (the 1970-2014 archive, and whoever serves that format, e.g. endzone-feed).
enum class FeedSource { Espn, Scorestrip };
[[nodiscard]] QString feedSourceName(FeedSource source); // "espn", "scorestrip"
[[nodiscard]] std::optional<FeedSource> feedSourceFromName(QStringView name);

// What the feed's current-week document (ss.xml, or ESPN's bare `scoreboard`) returned, with what HTTP caching said
// about it.
struct LiveFetch
{
    bool notModified = false; // a 304 for the ETag we sent
    ParsedWeek week; // empty when notModified
    QByteArray etag;
    QByteArray lastModified;
    int maxAgeSeconds = -1; // Cache-Control max-age, -1 when absent
};

// Talks to a feed over HTTP, in either format: ESPN's JSON (site.api.espn.com, or endzone-feed --format espn)
// or the scorestrip XML (NFL.com's, or endzone-feed). Both become the same ParsedWeek, so everything downstream
// is one pipeline. Every request has a transfer timeout; timeouts, connection errors, 429 and 5xx are retried
// with exponential backoff that honours Retry-After; a 404 or an empty document is a week with no games.
class FeedClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int timeoutMs = 10000;
        int retries = 3; // extra attempts after the first
        int backoffMs = 250; // doubled after each failed attempt
        FeedSource source = FeedSource::Scorestrip;
        int maxRetryAfterMs = 60000; // a longer Retry-After is cut to this
    };

    static constexpr auto DefaultBaseUrl = "http://www.nfl.com";
    static constexpr auto EspnBaseUrl = "https://site.api.espn.com";
    [[nodiscard]] static QString defaultBaseUrl(FeedSource source);

    // `baseUrl` is the feed's root (`http://host:port`); a URL ending in `/ajax/scorestrip` (scorestrip) or
    // `/apis/site/v2/sports/football/nfl` (ESPN) is accepted too.
    explicit FeedClient(QUrl baseUrl, QObject *parent = nullptr);
    FeedClient(QUrl baseUrl, Options options, QObject *parent = nullptr);
    ~FeedClient() override;

    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    [[nodiscard]] FeedSource source() const { return m_options.source; }
    [[nodiscard]] QUrl weekUrl(const WeekKey &key) const;
    [[nodiscard]] QUrl liveUrl() const;
    [[nodiscard]] QUrl summaryUrl(const QString &eventId) const; // ESPN only

    QCoro::Task<Result<ParsedWeek>> fetchWeek(WeekKey key);
    // The current week (ss.xml). Sends If-None-Match when `etag` is set.
    QCoro::Task<Result<LiveFetch>> fetchLive(QByteArray etag = {});
    // One game's summary (drives, plays, scoring plays, win probability). ESPN only: the scorestrip has none.
    QCoro::Task<Result<ParsedSummary>> fetchSummary(QString eventId);

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
    [[nodiscard]] Result<ParsedWeek> parseWeek(QByteArrayView body, std::optional<WeekKey> requested) const;
    [[nodiscard]] qsizetype maxDocumentSize() const;
    // Bounds one attempt: a total deadline (3x the idle timeout) and the format's largest document; sets
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
