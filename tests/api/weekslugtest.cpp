#include "weekslug.h"

#include "routesegments.h"

#include "seasoncalendar.h"

#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class WeekSlugTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void routeSegmentsSplitBeforeDecoding()
    {
        const auto segments = [](const char *path) {
            return routeSegments(QUrl::fromEncoded(path));
        };
        QCOMPARE(segments("/api/season/2015/12"), (QStringList {u"api"_s, u"season"_s, u"2015"_s, u"12"_s}));
        QCOMPARE(segments("/api///livescore/"), (QStringList {u"api"_s, u"livescore"_s}));
        QCOMPARE(segments("/%61pi/pre%2D3"), (QStringList {u"api"_s, u"pre-3"_s})); // unreserved bytes decode
        QCOMPARE(segments("/api%2Flivescore"), QStringList {u"api/livescore"_s}); // an encoded slash does not split
        QCOMPARE(segments("/static/..%2F..%2Fetc"), (QStringList {u"static"_s, u"../../etc"_s}));
        QCOMPARE(segments("/"), QStringList {});
    }

    void parsesSlugs_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("week");
        QTest::newRow("reg 1") << u"1"_s << int(SeasonType::Reg) << 1;
        QTest::newRow("reg 12") << u"12"_s << int(SeasonType::Reg) << 12;
        QTest::newRow("reg 17") << u"17"_s << int(SeasonType::Reg) << 17;
        QTest::newRow("pre-0") << u"pre-0"_s << int(SeasonType::Pre) << 0;
        QTest::newRow("pre-3") << u"pre-3"_s << int(SeasonType::Pre) << 3;
        QTest::newRow("18") << u"18"_s << int(SeasonType::Post) << 18;
        QTest::newRow("22") << u"22"_s << int(SeasonType::Post) << 22;
        QTest::newRow("wc") << u"wc"_s << int(SeasonType::Post) << 18;
        QTest::newRow("div") << u"div"_s << int(SeasonType::Post) << 19;
        QTest::newRow("con") << u"con"_s << int(SeasonType::Post) << 20;
        QTest::newRow("pro") << u"pro"_s << int(SeasonType::Post) << 21;
        QTest::newRow("sb") << u"sb"_s << int(SeasonType::Post) << 22;
    }
    void parsesSlugs()
    {
        QFETCH(QString, slug);
        QFETCH(int, type);
        QFETCH(int, week);
        const auto key = WeekSlug::parse(2015, slug);
        QVERIFY(key);
        QCOMPARE(key->season, 2015);
        QCOMPARE(int(key->type), type);
        QCOMPARE(key->week, week);
    }

    void rejectsBadSlugs_data()
    {
        QTest::addColumn<QString>("slug");
        for (const auto &bad : {u""_s, u"0"_s, u"23"_s, u"99"_s, u"100"_s, u"-1"_s, u"+1"_s, u"01"_s, u"1a"_s, u" 1"_s,
                 u"pre-"_s, u"pre-5"_s, u"pre-01"_s, u"pre--1"_s, u"PRE-1"_s, u"WC"_s, u"sbx"_s, u"standings"_s,
                 u"١٢"_s /* Arabic-Indic digits */})
            QTest::newRow(qPrintable(bad.isEmpty() ? u"(empty)"_s : bad)) << bad;
    }
    void rejectsBadSlugs()
    {
        QFETCH(QString, slug);
        QVERIFY(!WeekSlug::parse(2015, slug));
    }

    void parsesYears()
    {
        QCOMPARE(WeekSlug::parseYear(u"2015"), 2015);
        QCOMPARE(WeekSlug::parseYear(u"1920"), 1920);
        QCOMPARE(WeekSlug::parseYear(u"2100"), 2100);
        for (const auto &bad : {u"1919"_s, u"2101"_s, u"15"_s, u"20150"_s, u"abcd"_s, u"-201"_s, u""_s, u"２０１５"_s})
            QVERIFY2(!WeekSlug::parseYear(bad), qPrintable(bad));
        QVERIFY(!WeekSlug::parse(1919, u"1"));
        QVERIFY(!WeekSlug::parse(2101, u"1"));
    }

    // toSlug and parse are inverse over every week of a season.
    void roundTrips()
    {
        for (const WeekKey &key : SeasonCalendar::weeks(2015)) {
            const QString slug = WeekSlug::toSlug(key);
            const auto parsed = WeekSlug::parse(2015, slug);
            QVERIFY2(parsed, qPrintable(slug));
            QVERIFY2(*parsed == key, qPrintable(slug));
        }
        QCOMPARE(WeekSlug::toSlug({2015, SeasonType::Post, 22}), u"sb"_s);
        QCOMPARE(WeekSlug::toSlug({2015, SeasonType::Pre, 3}), u"pre-3"_s);
        for (int season = 2021; season <= 2030; ++season) {
            for (const WeekKey &key : SeasonCalendar::weeks(season))
                QCOMPARE(WeekSlug::parse(season, WeekSlug::toSlug(key)), key);
        }
    }

    // From 2021 the regular season has 18 weeks: `18` is a regular week and the postseason is 19-23.
    void eighteenWeekSeasons()
    {
        QCOMPARE(WeekSlug::parse(2023, u"18"), (WeekKey {2023, SeasonType::Reg, 18}));
        QCOMPARE(WeekSlug::parse(2015, u"18"), (WeekKey {2015, SeasonType::Post, 18}));
        QCOMPARE(WeekSlug::parse(2023, u"wc"), (WeekKey {2023, SeasonType::Post, 19}));
        QCOMPARE(WeekSlug::parse(2023, u"pro"), (WeekKey {2023, SeasonType::Post, 22}));
        QCOMPARE(WeekSlug::parse(2023, u"sb"), (WeekKey {2023, SeasonType::Post, 23}));
        QCOMPARE(WeekSlug::parse(2023, u"23"), (WeekKey {2023, SeasonType::Post, 23}));
        QCOMPARE(WeekSlug::toSlug({2023, SeasonType::Reg, 18}), u"18"_s);
        QCOMPARE(WeekSlug::toSlug({2023, SeasonType::Post, 19}), u"wc"_s);
        QVERIFY(!WeekSlug::parse(2023, u"24"));
        QVERIFY(!WeekSlug::parse(2023, u"pre-4")); // ESPN's preseason: the Hall of Fame game and three weeks
        QVERIFY(WeekSlug::isValid({2023, SeasonType::Reg, 18}));
        QVERIFY(!WeekSlug::isValid({2015, SeasonType::Reg, 18}));
        QVERIFY(!WeekSlug::isValid({2101, SeasonType::Reg, 1}));
    }

    void gameIds()
    {
        QVERIFY(WeekSlug::isGameId(u"2015113000")); // scorestrip eid
        QVERIFY(WeekSlug::isGameId(u"401547505")); // ESPN event id
        for (const auto &bad : {u""_s, u"40154750"_s, u"20151130001"_s, u"2015113000\n"_s, u"40154750a"_s,
                 u"-40154750"_s, u"４０１５４７５０５"_s})
            QVERIFY2(!WeekSlug::isGameId(bad), qPrintable(bad));
    }
};

QTEST_GUILESS_MAIN(WeekSlugTest)
#include "weekslugtest.moc"
