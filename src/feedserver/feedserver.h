#pragma once

#include "result.h"
#include "syntheticseason.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <memory>
#include <optional>
#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;
class QHttpServerResponder;

namespace Endzone {

// A local feed in one of two formats. Scorestrip: `/ajax/scorestrip?season=&seasonType=&week=` and the current
// week at `/liveupdate/scorestrip/ss.xml`, from a folder of SEASON-TYPE-WEEK.xml files. ESPN: ESPN's
// `/apis/site/v2/sports/football/nfl/scoreboard` (no query: the current week; `?dates=YYYY&seasontype=N&week=N`;
// `?dates=YYYYMMDD`) and `.../summary?event=ID`, from a folder of ESPN files (see EspnFeed). Either format can
// also come from a SyntheticSeason that progresses live in accelerated time. Latency and failures (500s,
// broken documents, hangs, 429 with Retry-After) can be injected for tests and benchmarks.
// It is what `endzone-feed` runs, what `endzone --demo` runs in-process, and what the tests import from.
class EspnFeed;

class FeedServer : public QObject
{
    Q_OBJECT
public:
    enum class Format { Scorestrip, Espn };

    struct Options
    {
        QString directory; // serve these files, if set
        std::optional<int> syntheticSeason; // else generate this season
        QDateTime clockStart; // synthetic time at startup (default: the first Sunday's 1 PM kickoff)
        double speed = 1.0; // synthetic seconds per real second
        int latencyMs = 0; // added to every response
        double failRate = 0.0; // fraction of requests answered 500
        int maxAgeSeconds = 13; // Cache-Control max-age of ss.xml, as NFL.com sent it; watchers never poll sooner
        quint32 seed = 1;
        Format format = Format::Scorestrip; // one format per server
        int retryAfterSeconds = 1; // the Retry-After of a Fault::TooManyRequests answer
    };

    explicit FeedServer(Options options, QObject *parent = nullptr);
    ~FeedServer() override;

    // Listens on `address`:`port` (0 picks a free port); returns the port.
    [[nodiscard]] Result<quint16> listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl baseUrl() const;
    // The synthetic clock's current time (real time when serving files).
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] int requestCount() const { return m_requests; }
    // The most delayed responses that were waiting at once: how far a client's requests overlapped.
    [[nodiscard]] int maxConcurrentRequests() const { return m_maxPending; }

    // Test hooks: make the next requests for one week fail in a given way. In ESPN format a week's faults apply
    // to its scoreboard, by week or by day, and to the summaries of its games.
    enum class Fault { None, Http500, Malformed, Truncated, Hang, TooManyRequests };
    void setFault(const WeekKey &key, Fault fault);
    // ESPN format: a fault for one event's summary only.
    void setEventFault(const QString &eventId, Fault fault);
    // Replaces the body served for one week (a test's own document, in the server's format).
    void setDocument(const WeekKey &key, QByteArray document);

private:
    void routeScorestrip();
    void routeEspn();
    // Answers now or after the injected latency, or never (Fault::Hang).
    void respond(QHttpServerResponse response, QHttpServerResponder &&responder, Fault fault);
    [[nodiscard]] bool injectedFailure();
    [[nodiscard]] QHttpServerResponse faultResponse(Fault fault, const QByteArray &body, const QByteArray &type) const;
    QHttpServerResponse weekResponse(const QHttpServerRequest &request);
    QHttpServerResponse liveResponse(const QHttpServerRequest &request);
    std::optional<QByteArray> document(const WeekKey &key, FeedDialect dialect) const;
    WeekKey latestWeekOnDisk() const;

    Options m_options;
    std::unique_ptr<QHttpServer> m_http;
    std::optional<SyntheticSeason> m_synthetic;
    std::unique_ptr<EspnFeed> m_espn;
    QElapsedTimer m_clock;
    QHash<QString, Fault> m_faults;
    QHash<QString, Fault> m_eventFaults;
    QHash<QString, QByteArray> m_documents;
    std::vector<std::shared_ptr<QHttpServerResponder>> m_hanging; // answers never sent (Fault::Hang)
    quint16 m_port = 0;
    int m_requests = 0;
    int m_pending = 0;
    int m_maxPending = 0;
    quint32 m_failCounter = 0;
};

} // namespace Endzone
