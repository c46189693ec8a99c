#include "redisstreamreader.h"
#include "redisclient.h"
#include "redisserver.h"
#include "streamid.h"

#include <QCoroTask>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using Endzone::Test::RedisServer;

// RedisStreamReader against a real redis-server: stream order, the replay window a fresh reader reads back,
// foreign entries skipped without stopping it, and no gap or duplicate after its connection or Redis went away.
class RedisStreamReaderTest : public QObject
{
    Q_OBJECT

    static constexpr auto Stream = "endzone:test:stream";

    static QByteArray append(RedisClient &client, const QByteArray &payload)
    {
        const auto id = QCoro::waitFor(client.appendToStream(Stream, payload, 1000));
        if (!id)
            qWarning() << "XADD failed:" << id.error();
        return id ? id.value() : QByteArray();
    }
    static QByteArrayList payloads(const QSignalSpy &spy)
    {
        QByteArrayList out;
        for (const auto &call : spy)
            out.append(call.at(1).toByteArray());
        return out;
    }
    static QByteArrayList ids(const QSignalSpy &spy)
    {
        QByteArrayList out;
        for (const auto &call : spy)
            out.append(call.at(0).toByteArray());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!RedisServer::isAvailable())
            QSKIP("redis-server is not installed");
    }

    void backfillsThenFollowsAndSkipsForeignEntries()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisClient client(redis.url());
        const QByteArrayList before {append(client, "one"), append(client, "two"), append(client, "three")};
        QVERIFY(!before.contains(QByteArray()));

        RedisStreamReader reader(redis.url(), {Stream, 2});
        QSignalSpy entries(&reader, &RedisStreamReader::entryReceived);
        QTRY_COMPARE_WITH_TIMEOUT(entries.size(), 2, 5000);
        // The newest two, oldest first, marked as read back.
        QCOMPARE(payloads(entries), (QByteArrayList {"two", "three"}));
        QCOMPARE(ids(entries), before.mid(1));
        QVERIFY(entries.at(0).at(2).toBool() && entries.at(1).at(2).toBool());

        // A foreign publisher's entry has no payload field: skipped with a log line, and reading goes on.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"skipped stream entry .* without a payload field"_s));
        const QList<QByteArray> foreign {"XADD", Stream, "*", "foo", "bar"};
        QVERIFY(QCoro::waitFor(client.command(foreign)).ok());
        const QByteArray four = append(client, "four");
        QTRY_COMPARE_WITH_TIMEOUT(entries.size(), 3, 5000);
        QCOMPARE(entries.at(2).at(0).toByteArray(), four);
        QCOMPARE(entries.at(2).at(1).toByteArray(), QByteArray("four"));
        QVERIFY(!entries.at(2).at(2).toBool());
        QCOMPARE(reader.skippedEntries(), 1u);
        QCOMPARE(reader.lastId(), four);
    }

    void emptyStreamIsFollowedFromItsStart()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisStreamReader reader(redis.url(), {Stream, 0});
        QSignalSpy entries(&reader, &RedisStreamReader::entryReceived);
        QTRY_COMPARE_WITH_TIMEOUT(reader.lastId(), QByteArray("0-0"), 5000);
        RedisClient client(redis.url());
        const QByteArray first = append(client, "first");
        QTRY_COMPARE_WITH_TIMEOUT(entries.size(), 1, 5000);
        QCOMPARE(entries.at(0).at(0).toByteArray(), first);
    }

    void catchesUpWithoutGapAfterItsConnectionDropped()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisClient client(redis.url());
        append(client, "old"); // before the reader: not delivered (no backfill)
        RedisStreamReader reader(redis.url(), {Stream, 0});
        QSignalSpy entries(&reader, &RedisStreamReader::entryReceived);
        QTRY_COMPARE_WITH_TIMEOUT(reader.state(), RedisStreamReader::State::Connected, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!reader.lastId().isEmpty(), 5000);
        QByteArrayList expected {append(client, "a")};
        QTRY_COMPARE_WITH_TIMEOUT(entries.size(), 1, 5000);

        // Cut every connection but the writer's: entries added while the reader is away arrive once it is back.
        QSignalSpy states(&reader, &RedisStreamReader::stateChanged);
        const QList<QByteArray> kill {"CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"};
        QVERIFY(QCoro::waitFor(client.command(kill)).ok());
        for (const QByteArray payload : {"b", "c", "d"})
            expected.append(append(client, payload));
        QTRY_COMPARE_WITH_TIMEOUT(entries.size(), 4, 10000);
        QCOMPARE(ids(entries), expected);
        QCOMPARE(payloads(entries), (QByteArrayList {"a", "b", "c", "d"}));
        QTRY_COMPARE_WITH_TIMEOUT(reader.state(), RedisStreamReader::State::Connected, 5000);
        QVERIFY(!states.isEmpty()); // it did lose its connection
    }

    // Away for longer than the stream keeps: what was trimmed unread is reported as a gap (and only then).
    void reportsEntriesTrimmedWhileAway()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisClient client(redis.url());
        RedisStreamReader reader(redis.url(), {Stream, 0});
        QSignalSpy entries(&reader, &RedisStreamReader::entryReceived);
        QSignalSpy gaps(&reader, &RedisStreamReader::gapDetected);
        QTRY_COMPARE_WITH_TIMEOUT(reader.lastId(), QByteArray("0-0"), 5000);
        append(client, "read");
        QTRY_COMPARE_WITH_TIMEOUT(entries.size(), 1, 5000);

        // Away briefly, nothing trimmed: no gap.
        const QList<QByteArray> kill {"CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"};
        QVERIFY(QCoro::waitFor(client.command(kill)).ok());
        append(client, "while away");
        QTRY_COMPARE_WITH_TIMEOUT(entries.size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(reader.state(), RedisStreamReader::State::Connected, 5000);
        QVERIFY(gaps.isEmpty());

        // Away while exact trimming keeps only the last 2 of 5 new entries: a gap, and the 2 survivors.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"was trimmed past .*: resyncing"_s));
        QVERIFY(QCoro::waitFor(client.command(kill)).ok());
        for (int i = 0; i < 5; ++i) {
            const QList<QByteArray> add {"XADD", Stream, "MAXLEN", "2", "*", "payload", QByteArray::number(i)};
            QVERIFY(QCoro::waitFor(client.command(add)).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(gaps.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(entries.size(), 4, 5000);
        QCOMPARE(payloads(entries).mid(2), (QByteArrayList {"3", "4"}));
        QCOMPARE(gaps.size(), 1);
    }

    void followsAgainAfterRedisRestart()
    {
        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisStreamReader reader(redis.url(), {Stream, 0});
        QSignalSpy entries(&reader, &RedisStreamReader::entryReceived);
        QTRY_COMPARE_WITH_TIMEOUT(reader.lastId(), QByteArray("0-0"), 5000);
        {
            RedisClient client(redis.url());
            append(client, "before");
            QTRY_COMPARE_WITH_TIMEOUT(entries.size(), 1, 5000);
        }
        QVERIFY(redis.kill());
        QTRY_COMPARE_WITH_TIMEOUT(reader.state(), RedisStreamReader::State::Disconnected, 5000);
        QVERIFY2(redis.restart(), qPrintable(redis.errorString()));
        // The test server keeps no data: the stream starts again, with ids later than any read before.
        RedisClient client(redis.url());
        const QByteArray after = append(client, "after");
        QVERIFY(StreamId::parse(after) > StreamId::parse(entries.at(0).at(0).toByteArray()));
        QTRY_COMPARE_WITH_TIMEOUT(entries.size(), 2, 10000);
        QCOMPARE(entries.at(1).at(0).toByteArray(), after);
        QCOMPARE(entries.at(1).at(1).toByteArray(), QByteArray("after"));
    }

    void streamIdParsingIsStrict()
    {
        QVERIFY((StreamId::parse("1700000000000-3") == StreamId {1700000000000, 3}));
        QVERIFY((StreamId::parse("18446744073709551615-0") == StreamId {18446744073709551615ull, 0}));
        for (const QByteArray bad : {"", "-", "1-", "-1", "1", "a-1", "1-a", "1-1-1", "18446744073709551616-0", " 1-1",
                 "1-1 ", "+1-1", "1-1/2", "1-1.3"}) {
            QVERIFY2(!StreamId::parse(bad), bad.constData());
        }
        QVERIFY((StreamId {1, 9} < StreamId {2, 0}));
        QCOMPARE(StreamId::parse("12-34")->toByteArray(), QByteArray("12-34"));
    }
};

QTEST_GUILESS_MAIN(RedisStreamReaderTest)
#include "redisstreamreadertest.moc"
