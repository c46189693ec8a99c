// endzone-sseload's parts (bench/sseload): the SSE response parser, the event order, the exactly-once
// accounting and the command line. The load tool's figures in bench/results are only as true as these.
#include "deliverylog.h"
#include "eventkey.h"
#include "loadoptions.h"
#include "sseresponse.h"

#include <QTest>

#include <string>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

using Event = SseResponse::Event;

const std::string PlainHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
const std::string ChunkedHead
    = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n";

// Every line form EventSource knows: a heartbeat comment, retry, an event without data (never dispatched),
// an id that persists into later events, multi-line data, CRLF endings, "data" without a colon, and a last
// event still waiting for its blank line.
const std::string Body = ": heartbeat\n"
                         "\n"
                         "retry: 3000\n"
                         "id: 1-0\n"
                         "event: update\n"
                         "data: {\"a\":1}\n"
                         "\n"
                         "data:line1\r\n"
                         "data: line2\r\n"
                         "\r\n"
                         "id: 1-0/1\n"
                         "event: game\n"
                         "\n"
                         "data: x\n"
                         "\n"
                         "event: game\n"
                         "data\n"
                         "\n"
                         "id: 2-0\n"
                         "data: pending\n";

const std::vector<Event> BodyEvents = {
    {"1-0", "update", 7},
    {"1-0", "message", 11},
    {"1-0/1", "message", 1},
    {"1-0/1", "game", 0},
};

// The body as chunks of uneven sizes, one with an extension, then the last chunk.
std::string chunked(const std::string &body)
{
    std::string out;
    std::size_t at = 0;
    const std::size_t sizes[] = {7, 1, 30};
    for (const std::size_t size : sizes) {
        char line[32];
        std::snprintf(line, sizeof line, at == 8 ? "%zx;ext=1\r\n" : "%zx\r\n", size);
        out += line + body.substr(at, size) + "\r\n";
        at += size;
    }
    char line[32];
    std::snprintf(line, sizeof line, "%zX\r\n", body.size() - at);
    out += line + body.substr(at) + "\r\n0\r\n\r\n";
    return out;
}

QString describe(const std::vector<Event> &events)
{
    QStringList out;
    for (const Event &e : events)
        out.append(u"{%1 %2 %3}"_s.arg(QString::fromStdString(e.id), QString::fromStdString(e.type)).arg(e.dataBytes));
    return out.join(u' ');
}

struct Parsed
{
    bool ok = true;
    std::vector<Event> events;
    SseResponse response;
};

// Feeds `bytes` cut at `cuts` (ascending offsets), as reads from a socket would deliver it.
Parsed parse(const std::string &bytes, const std::vector<std::size_t> &cuts)
{
    Parsed parsed;
    std::size_t at = 0;
    for (std::size_t cut : cuts) {
        parsed.ok = parsed.ok && parsed.response.feed(bytes.data() + at, cut - at, parsed.events);
        at = cut;
    }
    parsed.ok = parsed.ok && parsed.response.feed(bytes.data() + at, bytes.size() - at, parsed.events);
    return parsed;
}

const std::string A = "1700000000000-0", B = "1700000000000-0/1", C = "1700000000000-0/2", D = "1700000000001-0";

} // namespace

class SseLoadToolTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void responseAtEveryCut_data()
    {
        QTest::addColumn<bool>("isChunked");
        QTest::newRow("plain") << false;
        QTest::newRow("chunked") << true;
    }

    // Whole, cut in two at every offset, and byte by byte: the same events every time.
    void responseAtEveryCut()
    {
        QFETCH(bool, isChunked);
        const std::string bytes = isChunked ? ChunkedHead + chunked(Body) : PlainHead + Body;
        const QString expected = describe(BodyEvents);
        for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
            const Parsed parsed = parse(bytes, {cut});
            QVERIFY2(parsed.ok, qPrintable(u"cut at %1"_s.arg(cut)));
            QCOMPARE(parsed.response.status(), 200);
            QCOMPARE(describe(parsed.events), expected);
            QCOMPARE(parsed.response.finished(), isChunked);
        }
        std::vector<std::size_t> everyByte;
        for (std::size_t i = 1; i < bytes.size(); ++i)
            everyByte.push_back(i);
        const Parsed byByte = parse(bytes, everyByte);
        QVERIFY(byByte.ok);
        QCOMPARE(describe(byByte.events), expected);
    }

    void statusAndHead()
    {
        const Parsed unavailable = parse("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\n\r\n", {10});
        QVERIFY(unavailable.ok);
        QVERIFY(unavailable.response.headDone());
        QCOMPARE(unavailable.response.status(), 503);
        const Parsed partial = parse("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n", {});
        QVERIFY(partial.ok);
        QVERIFY(!partial.response.headDone());
    }

    void malformedResponses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n");
        QTest::newRow("no status") << QByteArray("HTTP/1.1\r\n\r\n");
        QTest::newRow("endless head") << QByteArray("HTTP/1.1 200 OK\r\nX: ") + QByteArray(64 * 1024, 'x');
        QTest::newRow("chunk size not hex") << QByteArray::fromStdString(ChunkedHead + "zz\r\ndata: 1\r\n");
        QTest::newRow("endless chunk size") << QByteArray::fromStdString(ChunkedHead + std::string(300, '1'));
    }

    void malformedResponses()
    {
        QFETCH(QByteArray, bytes);
        const Parsed parsed = parse(bytes.toStdString(), {});
        QVERIFY(!parsed.ok);
        QVERIFY(parsed.events.empty());
    }

    void eventKeyOrder()
    {
        const std::vector<std::string> ordered = {"0-0", "1-0", "1-0/1", "1-0/2", "1-0/10", "1-1", "2-0", "10-0"};
        for (std::size_t i = 0; i + 1 < ordered.size(); ++i) {
            const auto a = EventKey::parse(ordered[i]), b = EventKey::parse(ordered[i + 1]);
            QVERIFY2(a && b, ordered[i].c_str());
            QVERIFY2(*a < *b, qPrintable(QString::fromStdString(ordered[i] + " < " + ordered[i + 1])));
        }
        const auto key = EventKey::parse("1700000000000-3/7");
        QVERIFY(key);
        QCOMPARE(key->ms, 1700000000000u);
        QCOMPARE(key->seq, 3u);
        QCOMPARE(key->game, 7u);
    }

    void eventKeyRefusesWhatIsNotAStreamId_data()
    {
        QTest::addColumn<QByteArray>("id");
        for (const char *id : {"", "~5", "1", "1-", "-1", "1-2/0", "1-2/", "1-2x", "1-2/3/4", "1--2", " 1-2",
                 "99999999999999999999-0", "1-2/-3"})
            QTest::newRow(id) << QByteArray(id);
    }

    void eventKeyRefusesWhatIsNotAStreamId()
    {
        QFETCH(QByteArray, id);
        QVERIFY(!EventKey::parse(id.toStdString()));
    }

    // Four clients: one saw everything, one missed an event, one got an event twice, one got nothing.
    void deliveryTotals()
    {
        DeliveryLog log(4);
        for (const auto &id : {A, B, C, D})
            QVERIFY(log.record(0, id));
        QVERIFY(!log.record(0, "~local-1")); // a process-local id: outside the order
        for (const auto &id : {B, D})
            QVERIFY(log.record(1, id));
        for (const auto &id : {A, B, B, C, D})
            QVERIFY(log.record(2, id));

        QCOMPARE(log.unordered(), 1u);
        QCOMPARE(log.outOfOrder(), 1u);
        QVERIFY(log.newest());
        QVERIFY(*log.newest() == *EventKey::parse(D));
        QVERIFY(log.caughtUp(0));
        QVERIFY(log.caughtUp(1));
        QVERIFY(log.caughtUp(2));
        QVERIFY(!log.caughtUp(3));

        const DeliveryLog::Totals totals = log.totals();
        QCOMPARE(totals.events, 11u);
        QCOMPARE(totals.unionIds, 4u);
        QCOMPARE(totals.duplicates, 1u);
        QCOMPARE(totals.gaps, 1u); // client 1 lacks C, which came after its first event
        QCOMPARE(totals.clientsWithGaps, 1u);
        QCOMPARE(totals.clientsWithoutEvents, 1u);
        QCOMPARE(totals.minPerClient, 0u);
        QCOMPARE(totals.medianPerClient, 4u);
        QCOMPARE(totals.maxPerClient, 5u);
    }

    // A client that joined late is owed only what came after its first event; a replay from before it is
    // out of order, not a gap.
    void lateJoinerIsOwedOnlyWhatFollows()
    {
        DeliveryLog log(2);
        for (const auto &id : {A, B, C, D})
            QVERIFY(log.record(0, id));
        for (const auto &id : {C, D, A})
            QVERIFY(log.record(1, id));
        const DeliveryLog::Totals totals = log.totals();
        QCOMPARE(totals.gaps, 0u);
        QCOMPARE(totals.duplicates, 0u);
        QCOMPARE(log.outOfOrder(), 1u);
        QVERIFY(!log.caughtUp(1));
    }

    void options()
    {
        const char *argv[] = {"endzone-sseload", "--host", "127.0.0.2", "--port", "8081", "-n", "10000",
            "--connect-rate", "500", "--time-limit-s", "60", "--drain-s", "0", "--backoff-ms", "0", "--jitter-ms", "50",
            "--path", "/api/livescore?snapshot=1", "--label", "fleet"};
        const auto options = LoadOptions::parse(int(std::size(argv)), argv);
        QVERIFY(options);
        QCOMPARE(options->host, "127.0.0.2");
        QCOMPARE(options->port, 8081);
        QCOMPARE(options->clients, 10000);
        QCOMPARE(options->connectRate, 500);
        QCOMPARE(options->timeLimitS, 60);
        QCOMPARE(options->drainS, 0);
        QCOMPARE(options->backoffMs, 0);
        QCOMPARE(options->jitterMs, 50);
        QCOMPARE(options->path, "/api/livescore?snapshot=1");
        QCOMPARE(options->label, "fleet");

        const char *none[] = {"endzone-sseload"};
        const auto defaults = LoadOptions::parse(1, none);
        QVERIFY(defaults);
        QCOMPARE(defaults->clients, LoadOptions().clients);
        QCOMPARE(defaults->port, LoadOptions().port);
    }

    // A number is read whole or refused: "10k" is not 10, "ten" is not 0.
    void badOptionsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("-n 10k") << QByteArray("-n") << QByteArray("10k");
        QTest::newRow("-n ten") << QByteArray("-n") << QByteArray("ten");
        QTest::newRow("-n empty") << QByteArray("-n") << QByteArray("");
        QTest::newRow("-n 0") << QByteArray("-n") << QByteArray("0");
        QTest::newRow("-n 100001") << QByteArray("-n") << QByteArray("100001");
        QTest::newRow("port 70000") << QByteArray("--port") << QByteArray("70000");
        QTest::newRow("port +80") << QByteArray("--port") << QByteArray("+80");
        QTest::newRow("drain -1") << QByteArray("--drain-s") << QByteArray("-1");
        QTest::newRow("rate 0") << QByteArray("--connect-rate") << QByteArray("0");
        QTest::newRow("time 2.5") << QByteArray("--time-limit-s") << QByteArray("2.5");
        QTest::newRow("huge") << QByteArray("--backoff-ms") << QByteArray("99999999999999999999");
        QTest::newRow("unknown option") << QByteArray("--clients") << QByteArray("10");
    }

    void badOptionsAreRefused()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        const char *argv[] = {"endzone-sseload", name.constData(), value.constData()};
        QVERIFY(!LoadOptions::parse(3, argv));
    }

    void missingValueIsRefused()
    {
        const char *argv[] = {"endzone-sseload", "--port", "8081", "-n"};
        QVERIFY(!LoadOptions::parse(4, argv));
    }
};

QTEST_APPLESS_MAIN(SseLoadToolTest)
#include "sseloadtooltest.moc"
