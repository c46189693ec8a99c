#include "feedserver.h"
#include "logging.h"
#include "scorestripwriter.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QRegularExpression>
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

    // Both routes answer through a kept responder, so latency can be injected without blocking the loop.
    auto respondLater = [this](QHttpServerResponse response, QHttpServerResponder &&responder) {
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
    };
    m_http->route(u"/ajax/scorestrip"_s,
        [this, respondLater](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            ++m_requests;
            const QUrlQuery query(request.url());
            const auto key = WeekKey {query.queryItemValue(u"season"_s).toInt(),
                seasonTypeFromCode(query.queryItemValue(u"seasonType"_s)).value_or(SeasonType::Reg),
                query.queryItemValue(u"week"_s).toInt()};
            const auto fault = m_faults.value(weekId(key), Fault::None);
            if (fault == Fault::Hang) {
                // Keep the responder (and so the connection) open without answering: the client must time out.
                m_hanging.push_back(std::make_shared<QHttpServerResponder>(std::move(responder)));
                return;
            }
            respondLater(weekResponse(request), std::move(responder));
        });
    m_http->route(u"/liveupdate/scorestrip/ss.xml"_s,
        [this, respondLater](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            ++m_requests;
            respondLater(liveResponse(request), std::move(responder));
        });
}

FeedServer::~FeedServer() = default;

Result<quint16> FeedServer::listen(const QHostAddress &address, quint16 port)
{
    m_port = m_http->listen(address, port);
    if (m_port == 0)
        return Result<quint16>::failure(u"cannot listen on %1:%2"_s.arg(address.toString()).arg(port));
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
    if (m_options.failRate > 0) {
        // A deterministic sequence, so a failing test reproduces: the seed picks the phase.
        m_failCounter = m_failCounter * 1103515245u + 12345u + m_options.seed;
        if (double((m_failCounter >> 8) % 10000) / 10000.0 < m_options.failRate)
            return QHttpServerResponse(
                "text/plain"_ba, "injected failure\n"_ba, QHttpServerResponse::StatusCode::InternalServerError);
    }
    auto body = document(key, FeedDialect::Ajax);
    switch (m_faults.value(weekId(key), Fault::None)) {
    case Fault::Http500:
        return QHttpServerResponse(
            "text/plain"_ba, "injected failure\n"_ba, QHttpServerResponse::StatusCode::InternalServerError);
    case Fault::Malformed:
        return xmlResponse("<?xml version=\"1.0\"?><ss><gms w=\"1\" y=\"x\" t=\"R\"><g eid=\"broken\"/></gms></ss>"_ba);
    case Fault::Truncated:
        if (body)
            return xmlResponse(body->left(body->size() / 2));
        break;
    case Fault::None:
    case Fault::Hang:
        break;
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

} // namespace Endzone
