#include "feedclient.h"
#include "logging.h"
#include "scorestripparser.h"
#include "seasoncalendar.h"

#include <QCoroNetworkReply>
#include <QCoroTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Endzone {

static constexpr auto EspnPath = "/apis/site/v2/sports/football/nfl"_L1;

QString feedSourceName(FeedSource source)
{
    return source == FeedSource::Espn ? u"espn"_s : u"scorestrip"_s;
}

std::optional<FeedSource> feedSourceFromName(QStringView name)
{
    for (auto source : {FeedSource::Espn, FeedSource::Scorestrip}) {
        if (name.compare(feedSourceName(source), Qt::CaseInsensitive) == 0)
            return source;
    }
    return std::nullopt;
}

QString FeedClient::defaultBaseUrl(FeedSource source)
{
    return QString::fromLatin1(source == FeedSource::Espn ? EspnBaseUrl : DefaultBaseUrl);
}

struct FeedClient::HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray etag;
    QByteArray lastModified;
    QByteArray cacheControl;
};

FeedClient::FeedClient(QUrl baseUrl, QObject *parent) : FeedClient(std::move(baseUrl), Options {}, parent)
{
}

FeedClient::FeedClient(QUrl baseUrl, Options options, QObject *parent)
    : QObject(parent), m_baseUrl(std::move(baseUrl)), m_options(options)
{
    // Accept the original system's FEED_URL form (".../ajax/scorestrip") as well as a bare root.
    auto path = m_baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    for (auto suffix : {"/ajax/scorestrip"_L1, EspnPath}) {
        if (path.endsWith(suffix))
            path.chop(suffix.size());
    }
    m_baseUrl.setPath(path);
    ensureCapacity(1);
}

void FeedClient::ensureCapacity(int concurrency)
{
    const int wanted = std::max(1, (concurrency + ConnectionsPerManager - 1) / ConnectionsPerManager);
    while (int(m_networks.size()) < wanted) {
        auto *network = new QNetworkAccessManager(this);
        network->setAutoDeleteReplies(false);
        m_networks.push_back(network);
    }
}

QNetworkAccessManager *FeedClient::leastBusyManager()
{
    return *std::min_element(
        m_networks.cbegin(), m_networks.cend(), [this](auto *a, auto *b) { return m_busy.value(a) < m_busy.value(b); });
}

FeedClient::~FeedClient()
{
    abortAll();
}

QUrl FeedClient::weekUrl(const WeekKey &key) const
{
    QUrl url = m_baseUrl;
    if (m_options.source == FeedSource::Espn) {
        url.setPath(m_baseUrl.path() + EspnPath + "/scoreboard"_L1);
        QUrlQuery query;
        query.addQueryItem(u"dates"_s, QString::number(key.season));
        query.addQueryItem(u"seasontype"_s, QString::number(SeasonCalendar::espnSeasonType(key.type)));
        query.addQueryItem(u"week"_s, QString::number(SeasonCalendar::espnWeek(key)));
        url.setQuery(query);
        return url;
    }
    url.setPath(m_baseUrl.path() + "/ajax/scorestrip"_L1);
    QUrlQuery query;
    query.addQueryItem(u"season"_s, QString::number(key.season));
    query.addQueryItem(u"seasonType"_s, seasonTypeCode(key.type));
    query.addQueryItem(u"week"_s, QString::number(key.week));
    url.setQuery(query);
    return url;
}

QUrl FeedClient::liveUrl() const
{
    QUrl url = m_baseUrl;
    if (m_options.source == FeedSource::Espn)
        url.setPath(m_baseUrl.path() + EspnPath + "/scoreboard"_L1);
    else
        url.setPath(m_baseUrl.path() + "/liveupdate/scorestrip/ss.xml"_L1);
    return url;
}

QUrl FeedClient::summaryUrl(const QString &eventId) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + EspnPath + "/summary"_L1);
    url.setQuery(QUrlQuery {{u"event"_s, eventId}});
    return url;
}

qsizetype FeedClient::maxDocumentSize() const
{
    return m_options.source == FeedSource::Espn ? EspnParser::MaxDocumentSize : ScorestripParser::MaxDocumentSize;
}

Result<ParsedWeek> FeedClient::parseWeek(QByteArrayView body, std::optional<WeekKey> requested) const
{
    if (m_options.source == FeedSource::Espn)
        return EspnParser::parseScoreboard(body, requested);
    return ScorestripParser::parse(body, requested);
}

void FeedClient::abortAll()
{
    ++m_generation;
    const auto inFlight = std::exchange(m_inFlight, {});
    for (const auto &reply : inFlight) {
        if (reply)
            reply->abort();
    }
}

static bool isRetryable(QNetworkReply::NetworkError error, int status)
{
    if (status >= 500 || status == 429)
        return true;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what a transfer timeout reports
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

// Retry-After in seconds or as an HTTP date; -1 when absent or unreadable.
static int retryAfterMilliseconds(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : int(std::min<qint64>(seconds, 24 * 3600) * 1000);
    const auto when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, 24 * 3600 * 1000));
}

// The one place that turns an HTTP exchange into a result: status, body and caching headers, or an error
// a person can read. 404 is an answer ("no such week"), not an error.
void FeedClient::armLimits(QNetworkReply *reply, std::shared_ptr<QString> overrun) const
{
    const int deadlineMs = m_options.timeoutMs * 3;
    const qsizetype maxSize = maxDocumentSize();
    // A timer owned by the reply dies with it. (A QTimer::singleShot would live out its whole deadline after the
    // reply is gone: one per request of the last 3 x timeout, which a backfill's memory grew with.)
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, [reply, overrun, deadlineMs] {
        if (!reply->isFinished()) {
            *overrun = u"no complete answer within %1 ms"_s.arg(deadlineMs);
            reply->abort();
        }
    });
    deadline->start(deadlineMs);
    QObject::connect(
        reply, &QNetworkReply::downloadProgress, reply, [reply, overrun, maxSize](qint64 received, qint64) {
            if (received > maxSize && overrun->isEmpty()) {
                *overrun = u"answer larger than %1 bytes"_s.arg(maxSize);
                reply->abort();
            }
        });
}

QCoro::Task<Result<FeedClient::HttpResult>> FeedClient::get(QUrl url, QByteArray etag)
{
    QPointer self {this};
    const quint64 generation = m_generation;
    int backoffMs = m_options.backoffMs;
    int retryAfterMs = -1; // what the server asked for with its last 429 or 5xx
    QString lastError;
    for (int attempt = 0; attempt <= m_options.retries; ++attempt) {
        if (attempt > 0) {
            // A public host that says when to come back is obeyed (within reason); otherwise exponential backoff.
            const int waitMs = retryAfterMs >= 0 ? std::min(retryAfterMs, m_options.maxRetryAfterMs) : backoffMs;
            qCInfo(lcFeed).noquote() << "retrying" << url.toString() << "in" << waitMs << "ms after:" << lastError;
            co_await QCoro::sleepFor(std::chrono::milliseconds(waitMs));
            if (!self || generation != m_generation)
                co_return Result<HttpResult>::failure(u"%1: aborted"_s.arg(url.toString()));
            backoffMs *= 2;
            retryAfterMs = -1;
        }
        QNetworkRequest request(url);
        request.setTransferTimeout(m_options.timeoutMs);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Endzone/" ENDZONE_VERSION));
        if (!etag.isEmpty())
            request.setRawHeader("If-None-Match", etag);
        QNetworkAccessManager *network = leastBusyManager();
        ++m_busy[network];
        // deleteLater: the reply is still inside its own finished() emission when the coroutine resumes.
        std::unique_ptr<QNetworkReply, decltype([](QNetworkReply *r) { r->deleteLater(); })> reply(
            network->get(request));
        m_inFlight.append(reply.get());
        // setTransferTimeout() only notices silence: a feed that trickles bytes for ever, or sends a body of
        // gigabytes, would hold this await and grow memory without end (found by endzone-feedfault). So each
        // attempt also has a total deadline, and a body larger than any scorestrip document is refused.
        auto overrun = std::make_shared<QString>();
        armLimits(reply.get(), overrun);
        const auto started = std::chrono::steady_clock::now();
        co_await reply.get();
        if (!self)
            co_return Result<HttpResult>::failure(u"feed client went away"_s);
        --m_busy[network];
        m_inFlight.removeAll(reply.get());
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const auto error = reply->error();
        qCDebug(lcFeed).noquote()
            << "GET" << url.toString() << status
            << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()
            << "ms";
        if (generation != m_generation)
            co_return Result<HttpResult>::failure(u"%1: aborted"_s.arg(url.toString()));
        // A 200 whose body was cut short (reset, deadline, size limit) is a failure, not an empty week.
        const bool complete = overrun->isEmpty() && (error == QNetworkReply::NoError || status == 404);
        if (complete && (status == 200 || status == 304 || status == 404)) {
            HttpResult result {status, reply->readAll(), reply->rawHeader("ETag"), reply->rawHeader("Last-Modified"),
                reply->rawHeader("Cache-Control")};
            co_return result;
        }
        if (!overrun->isEmpty())
            lastError = *overrun;
        else if (error == QNetworkReply::OperationCanceledError)
            lastError = u"no answer within %1 ms"_s.arg(m_options.timeoutMs);
        else if (status != 0)
            lastError = u"HTTP %1 %2"_s.arg(status).arg(
                reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        else
            lastError = reply->errorString();
        if (status == 429 || status >= 500)
            retryAfterMs = retryAfterMilliseconds(reply->rawHeader("Retry-After"));
        if (!isRetryable(error, status))
            break;
    }
    co_return Result<HttpResult>::failure(u"%1: %2"_s.arg(url.toString(), lastError));
}

static int maxAge(const QByteArray &cacheControl)
{
    static const QRegularExpression pattern(u"max-age\\s*=\\s*(\\d+)"_s);
    const auto match = pattern.match(QString::fromLatin1(cacheControl));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QCoro::Task<Result<ParsedWeek>> FeedClient::fetchWeek(WeekKey key)
{
    const auto http = co_await get(weekUrl(key), {});
    if (!http)
        co_return Result<ParsedWeek>::failure(http.error());
    const auto &response = http.value();
    if (response.status == 404 || response.body.trimmed().isEmpty())
        co_return ParsedWeek {key, FeedDialect::Ajax, {}};
    auto week = parseWeek(response.body, key);
    if (!week)
        co_return Result<ParsedWeek>::failure(u"%1: %2"_s.arg(key.toString(), week.error()));
    co_return week;
}

QCoro::Task<Result<LiveFetch>> FeedClient::fetchLive(QByteArray etag)
{
    const auto http = co_await get(liveUrl(), etag);
    if (!http)
        co_return Result<LiveFetch>::failure(http.error());
    const auto &response = http.value();
    LiveFetch live;
    live.etag = response.etag.isEmpty() ? etag : response.etag;
    live.lastModified = response.lastModified;
    live.maxAgeSeconds = maxAge(response.cacheControl);
    if (response.status == 304) {
        live.notModified = true;
        co_return live;
    }
    if (response.status == 404)
        co_return Result<LiveFetch>::failure(u"%1: HTTP 404, the feed has no current week"_s.arg(liveUrl().toString()));
    auto week = parseWeek(response.body, std::nullopt);
    if (!week)
        co_return Result<LiveFetch>::failure(u"%1: %2"_s.arg(liveUrl().toString(), week.error()));
    live.week = std::move(week).value();
    co_return live;
}

QCoro::Task<Result<ParsedSummary>> FeedClient::fetchSummary(QString eventId)
{
    using R = Result<ParsedSummary>;
    if (m_options.source != FeedSource::Espn)
        co_return R::failure(u"game %1: the scorestrip feed has no plays; they need the ESPN source"_s.arg(eventId));
    const auto url = summaryUrl(eventId);
    const auto http = co_await get(url, {});
    if (!http)
        co_return R::failure(http.error());
    if (http.value().status == 404)
        co_return R::failure(u"%1: HTTP 404, no such game"_s.arg(url.toString()));
    auto summary = EspnParser::parseSummary(http.value().body);
    if (!summary)
        co_return R::failure(u"%1: %2"_s.arg(url.toString(), summary.error()));
    co_return summary;
}

QCoro::Task<> FeedClient::fetchWorker(std::shared_ptr<QList<WeekKey>> queue, std::shared_ptr<WeekCallback> onWeek)
{
    QPointer self {this};
    const quint64 generation = m_generation;
    while (self && generation == m_generation && !queue->isEmpty()) {
        const WeekKey key = queue->takeFirst();
        const auto result = co_await fetchWeek(key);
        (*onWeek)(key, result);
    }
}

QCoro::Task<> FeedClient::fetchWeeks(QList<WeekKey> weeks, int concurrency, WeekCallback onWeek)
{
    // A fixed pool of workers drains one shared queue, so at most `concurrency` requests are in flight.
    ensureCapacity(concurrency);
    auto queue = std::make_shared<QList<WeekKey>>(std::move(weeks));
    auto callback = std::make_shared<WeekCallback>(std::move(onWeek));
    std::vector<QCoro::Task<>> workers;
    const int count = std::max(1, std::min<int>(concurrency, queue->size()));
    workers.reserve(count);
    for (int i = 0; i < count; ++i)
        workers.push_back(fetchWorker(queue, callback));
    for (auto &worker : workers)
        co_await worker;
}

} // namespace Endzone
