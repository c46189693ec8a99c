#include "feedserver.h"
#include "espnfeed.h"
#include "logging.h"
#include "scorestripwriter.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

static QString weekId(const WeekKey &key)
{
    return u"%1-%2-%3"_s.arg(key.season).arg(seasonTypeCode(key.type)).arg(key.week);
}

FeedServer::FeedServer(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_http(std::make_unique<QHttpServer>())
{
    if (m_options.syntheticSeason) {
        m_synthetic.emplace(*m_options.syntheticSeason);
        if (!m_options.clockStart.isValid())
            m_options.clockStart = m_synthetic->firstSundayKickoff().addSecs(-120);
    }
    m_clock.start();
    if (m_options.format == Format::Espn) {
        m_espn = std::make_unique<EspnFeed>(m_options.directory, m_synthetic ? &*m_synthetic : nullptr);
        routeEspn();
    } else {
        routeScorestrip();
    }
}

void FeedServer::respond(QHttpServerResponse response, QHttpServerResponder &&responder, Fault fault)
{
    if (fault == Fault::Hang) {
        // Keep the responder (and so the connection) open without answering: the client must time out.
        m_hanging.push_back(std::make_shared<QHttpServerResponder>(std::move(responder)));
        return;
    }
    // Every route answers through a kept responder, so latency can be injected without blocking the loop.
    auto kept = std::make_shared<QHttpServerResponder>(std::move(responder));
    auto body = std::make_shared<QHttpServerResponse>(std::move(response));
    if (m_options.latencyMs <= 0) {
        body->write(std::move(*kept));
        return;
    }
    m_maxPending = std::max(m_maxPending, ++m_pending);
    QTimer::singleShot(m_options.latencyMs, this, [this, kept, body] {
        --m_pending;
        body->write(std::move(*kept));
    });
}

bool FeedServer::injectedFailure()
{
    if (m_options.failRate <= 0)
        return false;
    // A deterministic sequence, so a failing test reproduces: the seed picks the phase.
    m_failCounter = m_failCounter * 1103515245u + 12345u + m_options.seed;
    return double((m_failCounter >> 8) % 10000) / 10000.0 < m_options.failRate;
}

void FeedServer::routeScorestrip()
{
    m_http->route(u"/ajax/scorestrip"_s, [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        ++m_requests;
        const QUrlQuery query(request.url());
        const auto key = WeekKey {query.queryItemValue(u"season"_s).toInt(),
            seasonTypeFromCode(query.queryItemValue(u"seasonType"_s)).value_or(SeasonType::Reg),
            query.queryItemValue(u"week"_s).toInt()};
        const auto fault = m_faults.value(weekId(key), Fault::None);
        if (fault == Fault::Hang)
            return respond(QHttpServerResponse(QHttpServerResponse::StatusCode::Ok), std::move(responder), fault);
        respond(weekResponse(request), std::move(responder), Fault::None);
    });
    m_http->route(u"/liveupdate/scorestrip/ss.xml"_s,
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            ++m_requests;
            respond(liveResponse(request), std::move(responder), Fault::None);
        });
}

FeedServer::~FeedServer() = default;

namespace {

// QHttpServer writes a response's head and body in two writes. Without TCP_NODELAY the body waits for the
// client's delayed ACK of the head: ~40 ms on every request after the first on a kept-alive connection,
// which made a 100 ms-latency backfill 35% slower than the latency alone (bench finding E1).
class NoDelayTcpServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;
    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = QTcpServer::nextPendingConnection();
        if (socket)
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        return socket;
    }
};

} // namespace

Result<quint16> FeedServer::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new NoDelayTcpServer(m_http.get());
    if (!tcp->listen(address, port)) {
        const auto error = tcp->errorString();
        delete tcp;
        return Result<quint16>::failure(u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(error));
    }
    m_http->bind(tcp);
    m_port = tcp->serverPort();
    return m_port;
}

QUrl FeedServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QDateTime FeedServer::now() const
{
    if (!m_synthetic)
        return QDateTime::currentDateTimeUtc();
    return m_options.clockStart.addMSecs(qint64(double(m_clock.elapsed()) * m_options.speed));
}

void FeedServer::setFault(const WeekKey &key, Fault fault)
{
    m_faults.insert(weekId(key), fault);
}

void FeedServer::setEventFault(const QString &eventId, Fault fault)
{
    m_eventFaults.insert(eventId, fault);
}

void FeedServer::setDocument(const WeekKey &key, QByteArray document)
{
    m_documents.insert(weekId(key), std::move(document));
}

std::optional<QByteArray> FeedServer::document(const WeekKey &key, FeedDialect dialect) const
{
    if (auto it = m_documents.constFind(weekId(key)); it != m_documents.cend())
        return *it;
    if (m_synthetic) {
        auto week = m_synthetic->week(key, now());
        if (week.games.isEmpty())
            return std::nullopt;
        week.dialect = dialect;
        return ScorestripWriter::write(week);
    }
    if (m_options.directory.isEmpty())
        return std::nullopt;
    QFile file(QDir(m_options.directory).filePath(weekId(key) + u".xml"_s));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

static QHttpServerResponse xmlResponse(
    QByteArray body, QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok)
{
    QHttpServerResponse response("text/xml"_ba, std::move(body), status);
    return response;
}

QHttpServerResponse FeedServer::faultResponse(Fault fault, const QByteArray &body, const QByteArray &type) const
{
    const bool json = m_options.format == Format::Espn;
    switch (fault) {
    case Fault::Http500:
        return QHttpServerResponse(
            "text/plain"_ba, "injected failure\n"_ba, QHttpServerResponse::StatusCode::InternalServerError);
    case Fault::Malformed:
        // Well-formed, but not the shape a parser expects.
        return json
            ? QHttpServerResponse("application/json"_ba, R"({"season":{"year":"x"},"events":"none"})"_ba)
            : xmlResponse("<?xml version=\"1.0\"?><ss><gms w=\"1\" y=\"x\" t=\"R\"><g eid=\"broken\"/></gms></ss>"_ba);
    case Fault::Truncated:
        return QHttpServerResponse(type, body.left(body.size() / 2));
    case Fault::TooManyRequests: {
        // As a rate-limiting CDN answers: the client must wait Retry-After seconds before asking again.
        QHttpServerResponse response(json ? "application/json"_ba : "text/plain"_ba,
            json ? R"({"code":429,"message":"Too Many Requests"})"_ba : "too many requests\n"_ba,
            QHttpServerResponse::StatusCode::TooManyRequests);
        response.addHeader("Retry-After"_ba, QByteArray::number(m_options.retryAfterSeconds));
        return response;
    }
    case Fault::None:
    case Fault::Hang:
        break;
    }
    return QHttpServerResponse(QHttpServerResponse::StatusCode::InternalServerError);
}

QHttpServerResponse FeedServer::weekResponse(const QHttpServerRequest &request)
{
    const QUrlQuery query(request.url());
    bool seasonOk = false, weekOk = false;
    const int season = query.queryItemValue(u"season"_s).toInt(&seasonOk);
    const int week = query.queryItemValue(u"week"_s).toInt(&weekOk);
    const auto type = seasonTypeFromCode(query.queryItemValue(u"seasonType"_s));
    if (!seasonOk || !weekOk || !type)
        return QHttpServerResponse(
            "text/plain"_ba, "bad season, seasonType or week\n"_ba, QHttpServerResponse::StatusCode::BadRequest);
    const WeekKey key {season, *type, week};
    if (injectedFailure())
        return faultResponse(Fault::Http500, {}, {});
    auto body = document(key, FeedDialect::Ajax);
    if (const auto fault = m_faults.value(weekId(key), Fault::None); fault != Fault::None && fault != Fault::Hang) {
        if (fault != Fault::Truncated || body)
            return faultResponse(fault, body.value_or(QByteArray()), "text/xml"_ba);
    }
    if (!body)
        return QHttpServerResponse("text/plain"_ba, "no such week\n"_ba, QHttpServerResponse::StatusCode::NotFound);
    return xmlResponse(std::move(*body));
}

WeekKey FeedServer::latestWeekOnDisk() const
{
    static const QRegularExpression name(u"^(\\d{4})-(PRE|REG|POST)-(\\d+)\\.xml$"_s);
    WeekKey latest {0, SeasonType::Pre, 0};
    auto rank = [](const WeekKey &k) {
        return k.season * 100 + int(k.type) * 30 + k.week;
    };
    const auto files = QDir(m_options.directory).entryList({u"*.xml"_s}, QDir::Files);
    for (const auto &file : files) {
        const auto match = name.match(file);
        if (!match.hasMatch())
            continue;
        const WeekKey key {
            match.captured(1).toInt(), *seasonTypeFromCode(match.captured(2)), match.captured(3).toInt()};
        if (rank(key) > rank(latest))
            latest = key;
    }
    return latest;
}

QHttpServerResponse FeedServer::liveResponse(const QHttpServerRequest &request)
{
    const WeekKey key = m_synthetic ? m_synthetic->currentWeek(now()) : latestWeekOnDisk();
    auto body = document(key, FeedDialect::LiveUpdate);
    if (!body)
        return QHttpServerResponse("text/plain"_ba, "no current week\n"_ba, QHttpServerResponse::StatusCode::NotFound);
    // ss.xml came with a short max-age and an ETag (FORMAT.md §1); watchers rely on both.
    const QByteArray etag = '"' + QByteArray::number(qHash(*body), 16) + '"';
    if (request.value("If-None-Match") == etag) {
        QHttpServerResponse notModified(QHttpServerResponse::StatusCode::NotModified);
        notModified.addHeader("ETag"_ba, etag);
        return notModified;
    }
    QHttpServerResponse response("application/xml"_ba, std::move(*body));
    response.addHeader("ETag"_ba, etag);
    response.addHeader("Cache-Control"_ba, "max-age=" + QByteArray::number(m_options.maxAgeSeconds));
    return response;
}

void FeedServer::routeEspn()
{
    static const QByteArray json = "application/json;charset=UTF-8"_ba;
    m_http->route(u"/apis/site/v2/sports/football/nfl/scoreboard"_s,
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            ++m_requests;
            const QUrlQuery query(request.url());
            const auto asked = m_espn->request(query, now());
            auto answer = m_espn->scoreboard(asked, now());
            qCDebug(lcFeed).noquote() << "ESPN scoreboard" << query.toString() << "->" << answer.status
                                      << (answer.week ? answer.week->toString() : QString());
            const QString week = answer.week ? weekId(*answer.week) : QString();
            const Fault fault = m_faults.value(week, Fault::None);
            if (injectedFailure())
                return respond(faultResponse(Fault::Http500, {}, {}), std::move(responder), Fault::None);
            if (const auto it = m_documents.constFind(week); it != m_documents.cend() && answer.status == 200)
                answer.body = *it;
            if (fault != Fault::None && fault != Fault::Hang)
                return respond(faultResponse(fault, answer.body, json), std::move(responder), Fault::None);
            // The current week (no query) comes like ss.xml did: short max-age and an ETag.
            const QByteArray etag = '"' + QByteArray::number(qHash(answer.body), 16) + '"';
            if (query.isEmpty() && answer.status == 200 && request.value("If-None-Match") == etag) {
                QHttpServerResponse notModified(QHttpServerResponse::StatusCode::NotModified);
                notModified.addHeader("ETag"_ba, etag);
                return respond(std::move(notModified), std::move(responder), fault);
            }
            QHttpServerResponse response(json, answer.body, QHttpServerResponse::StatusCode(answer.status));
            if (query.isEmpty() && answer.status == 200) {
                response.addHeader("ETag"_ba, etag);
                response.addHeader("Cache-Control"_ba, "max-age=" + QByteArray::number(m_options.maxAgeSeconds));
            }
            respond(std::move(response), std::move(responder), fault);
        });
    m_http->route(u"/apis/site/v2/sports/football/nfl/summary"_s,
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            ++m_requests;
            const QString event = QUrlQuery(request.url()).queryItemValue(u"event"_s);
            const auto answer = m_espn->summary(event, now());
            qCDebug(lcFeed).noquote() << "ESPN summary" << event << "->" << answer.status;
            Fault fault = m_eventFaults.value(event, Fault::None);
            if (fault == Fault::None && answer.week)
                fault = m_faults.value(weekId(*answer.week), Fault::None);
            if (injectedFailure())
                return respond(faultResponse(Fault::Http500, {}, {}), std::move(responder), Fault::None);
            if (fault != Fault::None && fault != Fault::Hang)
                return respond(faultResponse(fault, answer.body, json), std::move(responder), Fault::None);
            respond(QHttpServerResponse(json, answer.body, QHttpServerResponse::StatusCode(answer.status)),
                std::move(responder), fault);
        });
}

} // namespace Endzone
