// Replays through the fuzz targets' bodies: every committed seed (corpus/), every input a fuzzer crashed on
// (regressions/, one file per finding, named after what it found) and the test fixtures. A fuzz finding is
// fixed when its file passes here in the ordinary suite, in every build (the sanitizer build included).
#include "fuzztargets.h"
#include "redisreply.h"
#include "testdata.h"

#include <QDir>
#include <QDirIterator>
#include <QLoggingCategory>
#include <QTest>

#include <hiredis/hiredis.h>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

using Target = void (*)(QByteArrayView);

class FuzzRegressionsTest : public QObject
{
    Q_OBJECT

private:
    static void addInputs(const QString &directory)
    {
        QDirIterator it(directory, QDir::Files | QDir::Hidden);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(u"/.keep"))
                continue;
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            QTest::newRow(qPrintable(QDir(QStringLiteral(ENDZONE_FUZZ_DIR)).relativeFilePath(path))) << file.readAll();
        }
    }
    static void addTargetInputs(const QString &name)
    {
        QTest::addColumn<QByteArray>("input");
        addInputs(QStringLiteral(ENDZONE_FUZZ_DIR) + u"/corpus/"_s + name);
        addInputs(QStringLiteral(ENDZONE_FUZZ_DIR) + u"/regressions/"_s + name);
    }

private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(u"endzone.*=false"_s); }

    void scorestrip_data()
    {
        addTargetInputs(u"scorestrip"_s);
        addInputs(qEnvironmentVariable("ENDZONE_TEST_DATA"));
    }
    void scorestrip()
    {
        QFETCH(QByteArray, input);
        Fuzz::scorestrip(input);
    }

    void sse_data() { addTargetInputs(u"sse"_s); }
    void sse()
    {
        QFETCH(QByteArray, input);
        Fuzz::sse(input);
    }

    void weekSlug_data() { addTargetInputs(u"weekslug"_s); }
    void weekSlug()
    {
        QFETCH(QByteArray, input);
        Fuzz::weekSlug(input);
    }

    void espn_data()
    {
        addTargetInputs(u"espn"_s);
        addInputs(qEnvironmentVariable("ENDZONE_TEST_DATA") + u"/espn"_s);
    }
    void espn()
    {
        QFETCH(QByteArray, input);
        Fuzz::espn(input);
    }

    void redisReply_data() { addTargetInputs(u"redisreply"_s); }

    // fuzz_redisreply's first finding (regressions/redisreply/oom-array-count-1444444444): hiredis 0.14 callocs an
    // array's element table from its header, 11 GB here. The readers RedisConnection uses now refuse such a
    // reply as a protocol error (the connection is dropped and re-established) and allocate nothing.
    void hugeArrayCountIsRefused()
    {
        for (const QByteArray &resp : {QByteArray("*1444444444\r\n"), QByteArray("*3\r\n*1048577\r\n")}) {
            redisReader *reader = RedisReply::createReader();
            QCOMPARE(redisReaderFeed(reader, resp.constData(), size_t(resp.size())), REDIS_OK);
            void *reply = nullptr;
            QCOMPARE(redisReaderGetReply(reader, &reply), REDIS_ERR);
            QVERIFY(!reply);
            redisReaderFree(reader);
        }
        // An ordinary array still parses.
        redisReader *reader = RedisReply::createReader();
        const QByteArray ok = "*2\r\n:1\r\n:2\r\n";
        QCOMPARE(redisReaderFeed(reader, ok.constData(), size_t(ok.size())), REDIS_OK);
        void *reply = nullptr;
        QCOMPARE(redisReaderGetReply(reader, &reply), REDIS_OK);
        QVERIFY(reply);
        QCOMPARE(RedisReply::fromHiredis(static_cast<const ::redisReply *>(reply)).elements.size(), 2);
        freeReplyObject(reply);
        redisReaderFree(reader);
    }
    void redisReply()
    {
        QFETCH(QByteArray, input);
        Fuzz::redisReply(input);
    }
};

QTEST_GUILESS_MAIN(FuzzRegressionsTest)
#include "fuzzregressionstest.moc"
