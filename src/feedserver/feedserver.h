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

// A local scorestrip feed: serves `/ajax/scorestrip?season=&seasonType=&week=` and the current week at
// `/liveupdate/scorestrip/ss.xml`, from a folder of SEASON-TYPE-WEEK.xml files or from a SyntheticSeason
// that progresses live in accelerated time. Latency and failures can be injected for tests and benchmarks.
// It is what `endzone-feed` runs, what `endzone --demo` runs in-process, and what the tests import from.
class FeedServer : public QObject
{
    Q_OBJECT
public:
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

    // Test hooks: make the next requests for one week fail in a given way.
    enum class Fault { None, Http500, Malformed, Truncated, Hang };
    void setFault(const WeekKey &key, Fault fault);
    // Replaces the body served for one week (a test's own document).
    void setDocument(const WeekKey &key, QByteArray document);

private:
    QHttpServerResponse weekResponse(const QHttpServerRequest &request);
    QHttpServerResponse liveResponse(const QHttpServerRequest &request);
    std::optional<QByteArray> document(const WeekKey &key, FeedDialect dialect) const;
    WeekKey latestWeekOnDisk() const;

    Options m_options;
    std::unique_ptr<QHttpServer> m_http;
    std::optional<SyntheticSeason> m_synthetic;
    QElapsedTimer m_clock;
    QHash<QString, Fault> m_faults;
    QHash<QString, QByteArray> m_documents;
    std::vector<std::shared_ptr<QHttpServerResponder>> m_hanging; // answers never sent (Fault::Hang)
    quint16 m_port = 0;
    int m_requests = 0;
    int m_pending = 0;
    int m_maxPending = 0;
    quint32 m_failCounter = 0;
};

} // namespace Endzone
