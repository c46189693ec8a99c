#include "sseparser.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {
SseEvent ev(QByteArray data, QByteArray id = {}, QString type = u"message"_s, std::optional<int> retry = {})
{
    SseEvent e;
    e.event = std::move(type);
    e.data = std::move(data);
    e.id = std::move(id);
    e.retryMs = retry;
    return e;
}

QList<SseEvent> feedInPieces(const QByteArray &input, const QList<qsizetype> &cuts)
{
    SseParser parser;
    QList<SseEvent> events;
    qsizetype from = 0;
    for (const qsizetype cut : cuts) {
        events += parser.feed(QByteArrayView(input).sliced(from, cut - from));
        from = cut;
    }
    events += parser.feed(QByteArrayView(input).sliced(from));
    return events;
}
} // namespace

namespace QTest {
template<>
char *toString(const SseEvent &e)
{
    return qstrdup(QByteArray("SseEvent(" + e.event.toUtf8() + ", data=" + e.data.toPercentEncoding(" {}:\"")
        + ", id=" + e.id + ", retry=" + (e.retryMs ? QByteArray::number(*e.retryMs) : QByteArray("none")) + ")")
                       .constData());
}
} // namespace QTest

class SseParserTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<SseEvent>>("expected");
        QTest::addColumn<QByteArray>("lastEventId");

        // The examples of the WHATWG spec, section 9.2.5.
        QTest::newRow("spec: stock ticker")
            << QByteArray("data: YHOO\ndata: +2\ndata: 10\n\n") << QList<SseEvent> {ev("YHOO\n+2\n10")} << QByteArray();
        QTest::newRow("spec: ids and an unterminated event")
            << QByteArray(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n")
            << QList<SseEvent> {ev("first event", "1"), ev("second event", "")} << QByteArray();
        QTest::newRow("spec: empty data")
            << QByteArray("data\n\ndata\ndata\n\ndata:") << QList<SseEvent> {ev(""), ev("\n")} << QByteArray();
        QTest::newRow("spec: one space stripped")
            << QByteArray("data:test\n\ndata: test\n\n") << QList<SseEvent> {ev("test"), ev("test")} << QByteArray();
        QTest::newRow("spec: event types")
            << QByteArray("event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent: add\ndata: 113411\n\n")
            << QList<SseEvent> {ev("73857293", {}, u"add"_s), ev("2153", {}, u"remove"_s), ev("113411", {}, u"add"_s)}
            << QByteArray();

        QTest::newRow("CRLF") << QByteArray("event: update\r\nid: 7\r\ndata: {\"a\":1}\r\n\r\ndata: b\r\n\r\n")
                              << QList<SseEvent> {ev("{\"a\":1}", "7", u"update"_s), ev("b", "7")} << QByteArray("7");
        QTest::newRow("CR only") << QByteArray("data: a\rdata: b\r\rdata: c\r\r")
                                 << QList<SseEvent> {ev("a\nb"), ev("c")} << QByteArray();
        QTest::newRow("mixed endings") << QByteArray("data: a\r\ndata: b\n\rdata: c\r\n\n")
                                       << QList<SseEvent> {ev("a\nb"), ev("c")} << QByteArray();
        QTest::newRow("comments and heartbeats") << QByteArray(":\n: keep-alive\n:ping\r\ndata: x\n:between\n\n:\n\n")
                                                 << QList<SseEvent> {ev("x")} << QByteArray();
        QTest::newRow("id persists across events")
            << QByteArray("id: 41\ndata: a\n\ndata: b\n\nid: 42\n\ndata: c\n\n")
            << QList<SseEvent> {ev("a", "41"), ev("b", "41"), ev("c", "42")} << QByteArray("42");
        QTest::newRow("id with NUL ignored")
            << QByteArray("id: 5\ndata: a\n\nid: 6").append('\0').append("x\ndata: b\n\n")
            << QList<SseEvent> {ev("a", "5"), ev("b", "5")} << QByteArray("5");
        QTest::newRow("retry") << QByteArray("retry: 1500\ndata: a\n\ndata: b\n\nretry: 15a\nretry:\ndata: c\n\n")
                               << QList<SseEvent> {ev("a", {}, u"message"_s, 1500), ev("b"), ev("c")} << QByteArray();
        QTest::newRow("unknown fields and no colon") << QByteArray("foo: bar\nDATA: no\ndata\n\nevent\ndata: x\n\n")
                                                     << QList<SseEvent> {ev(""), ev("x")} << QByteArray();
        QTest::newRow("event type reset after dispatch")
            << QByteArray("event: game\ndata: 1\n\ndata: 2\n\nevent: skipped\n\ndata: 3\n\n")
            << QList<SseEvent> {ev("1", {}, u"game"_s), ev("2"), ev("3")} << QByteArray();
        QTest::newRow("BOM skipped once") << QByteArray("\xEF\xBB\xBF"
                                                        "data: a\n\n")
                                          << QList<SseEvent> {ev("a")} << QByteArray();
        QTest::newRow("colon in value") << QByteArray("data: {\"t\":\"12:30\"}\n\n")
                                        << QList<SseEvent> {ev("{\"t\":\"12:30\"}")} << QByteArray();
        QTest::newRow("UTF-8 event name") << QByteArray("event: caf\xC3\xA9\ndata: \xE2\x9C\x93\n\n")
                                          << QList<SseEvent> {ev("\xE2\x9C\x93", {}, u"café"_s)} << QByteArray();
        QTest::newRow("nothing complete") << QByteArray("data: a\ndata: b") << QList<SseEvent> {} << QByteArray();
    }

    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<SseEvent>, expected);
        QFETCH(QByteArray, lastEventId);

        SseParser whole;
        QCOMPARE(whole.feed(input), expected);
        QCOMPARE(whole.lastEventId(), lastEventId);
        QVERIFY(!whole.hasError());

        SseParser byteByByte;
        QList<SseEvent> events;
        for (const char c : input) {
            events += byteByByte.feed(QByteArrayView(&c, 1));
        }
        QCOMPARE(events, expected);

        // Every single split point, CR|LF pairs and the BOM included.
        for (qsizetype cut = 0; cut <= input.size(); ++cut) {
            const QList<SseEvent> split = feedInPieces(input, {cut});
            if (split != expected) {
                QFAIL(qPrintable(u"differs when split at byte %1"_s.arg(cut)));
            }
        }
        // And every pair of split points.
        for (qsizetype first = 0; first <= input.size(); ++first) {
            for (qsizetype second = first; second <= input.size(); ++second) {
                if (feedInPieces(input, {first, second}) != expected) {
                    QFAIL(qPrintable(u"differs when split at bytes %1 and %2"_s.arg(first).arg(second)));
                }
            }
        }
    }

    void bomOnlyAtStart()
    {
        SseParser parser;
        QCOMPARE(parser.feed("data: a\n\n").size(), 1);
        const auto events = parser.feed("\xEF\xBB\xBF"
                                        "data: b\n\n");
        QCOMPARE(events.size(), 0); // the field name is "\uFEFFdata", unknown
    }

    void retryWithoutEvent()
    {
        SseParser parser;
        QVERIFY(parser.feed("retry: 250\n\n").isEmpty());
        QCOMPARE(parser.retryMs(), std::optional<int>(250));
        QVERIFY(parser.feed("retry: 99999999999999999999\n\n").isEmpty());
        QCOMPARE(parser.retryMs(), std::optional<int>(std::numeric_limits<int>::max()));
    }

    void resetKeepsLastEventId()
    {
        SseParser parser;
        QCOMPARE(parser.feed("id: 9\nretry: 300\ndata: a\n\ndata: partial\nevent: x\ndata: and").size(), 1);
        parser.reset();
        QCOMPARE(parser.lastEventId(), QByteArray("9"));
        QCOMPARE(parser.retryMs(), std::optional<int>(300));
        QCOMPARE(parser.feed("data: b\n\n"), (QList<SseEvent> {ev("b", "9")}));
    }

    void oversizedLineIsAnError()
    {
        SseParser parser;
        parser.setMaxLineLength(1024);
        QCOMPARE(parser.feed("data: ok\n\n").size(), 1);
        const QByteArray chunk(300, 'x');
        QVERIFY(parser.feed("data: ").isEmpty());
        for (int i = 0; i < 3; ++i) {
            QVERIFY(parser.feed(chunk).isEmpty());
            QVERIFY(!parser.hasError());
        }
        QVERIFY(parser.feed(chunk).isEmpty());
        QVERIFY(parser.hasError());
        QVERIFY2(parser.errorString().contains("longer than 1024 bytes"_L1), qPrintable(parser.errorString()));
        QVERIFY(parser.feed("\n\ndata: more\n\n").isEmpty()); // stays failed until reset()
        parser.reset();
        QVERIFY(!parser.hasError());
        QCOMPARE(parser.feed("data: again\n\n"), (QList<SseEvent> {ev("again")}));
    }

    void defaultLineLimitIsOneMebibyte()
    {
        SseParser parser;
        QCOMPARE(parser.maxLineLength(), 1024 * 1024);
        const QByteArray justFits = "data: " + QByteArray(1024 * 1024 - 6, 'y');
        const auto events = parser.feed(QByteArray(justFits + "\n\n"));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.constFirst().data.size(), 1024 * 1024 - 6);
        QVERIFY(parser.feed(QByteArray("data: " + QByteArray(1024 * 1024, 'z'))).isEmpty());
        QVERIFY(parser.hasError());
    }

    void oversizedEventIsAnError()
    {
        SseParser parser;
        parser.setMaxEventSize(100);
        const QByteArray line = "data: " + QByteArray(30, 'd') + '\n';
        QVERIFY(parser.feed(QByteArray(line + line + line)).isEmpty());
        QVERIFY(!parser.hasError());
        QVERIFY(parser.feed(line).isEmpty());
        QVERIFY(parser.hasError());
        QVERIFY(parser.errorString().contains("larger than 100 bytes"_L1));
    }
};

QTEST_GUILESS_MAIN(SseParserTest)
#include "sseparsertest.moc"
