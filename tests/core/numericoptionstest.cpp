// NumericOptions: what a program accepts for a numeric option, and the message for what it refuses.
#include "numericoptions.h"

#include <QCommandLineParser>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class NumericOptionsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void integers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1: refused
        QTest::newRow("in range") << u"12"_s << qint64(12);
        QTest::newRow("lower bound") << u"0"_s << qint64(0);
        QTest::newRow("upper bound") << u"100"_s << qint64(100);
        QTest::newRow("spaces around") << u" 7 "_s << qint64(7);
        QTest::newRow("above") << u"101"_s << qint64(-1);
        QTest::newRow("below") << u"-1"_s << qint64(-1);
        QTest::newRow("trailing letters") << u"12abc"_s << qint64(-1);
        QTest::newRow("a unit") << u"16k"_s << qint64(-1);
        QTest::newRow("a fraction") << u"1.5"_s << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("a word") << u"ten"_s << qint64(-1);
        QTest::newRow("past 64 bits") << u"99999999999999999999"_s << qint64(-1);
    }
    void integers()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto value = NumericOptions::parseInteger(u"--retries"_s, text, 0, 100);
        QCOMPARE(value.ok(), expected >= 0);
        if (value)
            QCOMPARE(value.value(), expected);
        else
            QCOMPARE(value.error(), u"--retries wants a whole number from 0 to 100, got \"%1\""_s.arg(text));
    }

    void reals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("expected"); // -1: refused
        QTest::newRow("fraction") << u"0.3"_s << 0.3;
        QTest::newRow("whole") << u"1"_s << 1.0;
        QTest::newRow("zero") << u"0"_s << 0.0;
        QTest::newRow("above") << u"1.01"_s << -1.0;
        QTest::newRow("negative") << u"-0.5"_s << -1.0;
        QTest::newRow("percent") << u"30%"_s << -1.0;
        QTest::newRow("not a number") << u"nan"_s << -1.0;
        QTest::newRow("infinite") << u"inf"_s << -1.0;
        QTest::newRow("empty") << QString() << -1.0;
    }
    void reals()
    {
        QFETCH(QString, text);
        QFETCH(double, expected);
        const auto value = NumericOptions::parseReal(u"--fail-rate"_s, text, 0, 1);
        QCOMPARE(value.ok(), expected >= 0);
        if (value)
            QCOMPARE(value.value(), expected);
        else
            QCOMPARE(value.error(), u"--fail-rate wants a number from 0 to 1, got \"%1\""_s.arg(text));
    }

    // A program reads all its numbers, then checks once: the first bad one is the message; defaults are read too.
    void collectsTheFirstError()
    {
        QCommandLineParser parser;
        parser.addOptions({{u"retries"_s, u"r"_s, u"n"_s, u"3"_s}, {u"concurrency"_s, u"c"_s, u"n"_s},
            {u"fail-rate"_s, u"f"_s, u"x"_s, u"0"_s}});
        QVERIFY(parser.parse({u"prog"_s, u"--concurrency"_s, u"8"_s}));
        NumericOptions good(parser);
        QCOMPARE(good.integer(u"retries"_s, 0, 100), 3);
        QCOMPARE(good.integer(u"concurrency"_s, 1, 256), 8);
        QCOMPARE(good.real(u"fail-rate"_s, 0, 1), 0.0);
        QVERIFY(good.ok());
        QCOMPARE(good.error(), QString());

        QVERIFY(parser.parse({u"prog"_s, u"--concurrency"_s, u"0"_s, u"--fail-rate"_s, u"2"_s}));
        NumericOptions bad(parser);
        QCOMPARE(bad.integer(u"retries"_s, 0, 100), 3);
        QCOMPARE(bad.integer(u"concurrency"_s, 1, 256), 1); // the minimum, never to be used
        QCOMPARE(bad.real(u"fail-rate"_s, 0, 1), 0.0);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error(), u"--concurrency wants a whole number from 1 to 256, got \"0\""_s);
    }
};

QTEST_GUILESS_MAIN(NumericOptionsTest)
#include "numericoptionstest.moc"
