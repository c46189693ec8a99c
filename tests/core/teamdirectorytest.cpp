#include "teamdirectory.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class TeamDirectoryTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyFranchiseById()
    {
        const QList<std::pair<int, QString>> expected {{1, u"ATL"_s}, {2, u"BUF"_s}, {3, u"CHI"_s}, {4, u"CIN"_s},
            {5, u"CLE"_s}, {6, u"DAL"_s}, {7, u"DEN"_s}, {8, u"DET"_s}, {9, u"GB"_s}, {10, u"TEN"_s}, {11, u"IND"_s},
            {12, u"KC"_s}, {13, u"LV"_s}, {14, u"LAR"_s}, {15, u"MIA"_s}, {16, u"MIN"_s}, {17, u"NE"_s}, {18, u"NO"_s},
            {19, u"NYG"_s}, {20, u"NYJ"_s}, {21, u"PHI"_s}, {22, u"ARI"_s}, {23, u"PIT"_s}, {24, u"LAC"_s},
            {25, u"SF"_s}, {26, u"SEA"_s}, {27, u"TB"_s}, {28, u"WSH"_s}, {29, u"CAR"_s}, {30, u"JAX"_s},
            {33, u"BAL"_s}, {34, u"HOU"_s}};
        QCOMPARE(TeamDirectory::franchises().size(), 32);
        for (const auto &[id, abbreviation] : expected) {
            const auto club = TeamDirectory::franchise(id);
            QVERIFY2(club, qPrintable(abbreviation));
            QCOMPARE(club->id, id);
            QCOMPARE(club->abbreviation, abbreviation);
            QCOMPARE(TeamDirectory::franchiseId(abbreviation, 2025), id);
            QCOMPARE(TeamDirectory::abbreviation(id, 2025), abbreviation);
            QVERIFY(QRegularExpression(u"^#[0-9A-F]{6}$"_s).match(club->primaryColor).hasMatch());
            QVERIFY(QRegularExpression(u"^#[0-9A-F]{6}$"_s).match(club->secondaryColor).hasMatch());
            QVERIFY(!club->location.isEmpty() && !club->name.isEmpty());
        }
        QVERIFY(!TeamDirectory::franchise(31));
        QVERIFY(!TeamDirectory::franchise(32));
        // Ordered by today's abbreviation, as the app's team picker lists them.
        QStringList order;
        for (const auto &club : TeamDirectory::franchises())
            order.append(club.abbreviation);
        auto sorted = order;
        sorted.sort();
        QCOMPARE(order, sorted);
        QCOMPARE(TeamDirectory::franchise(28)->name, u"Commanders"_s);
        QCOMPARE(TeamDirectory::franchise(28)->primaryColor, u"#5A1414"_s);
    }

    // Each group is one franchise, whatever the era.
    void eraCodesAreOneFranchise_data()
    {
        QTest::addColumn<int>("id");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("Washington") << 28 << QStringList {u"WAS"_s, u"WSH"_s};
        QTest::newRow("Rams") << 14 << QStringList {u"LA"_s, u"RAM"_s, u"STL"_s, u"LAR"_s};
        QTest::newRow("Raiders") << 13 << QStringList {u"OAK"_s, u"RAI"_s, u"LV"_s};
        QTest::newRow("Chargers") << 24 << QStringList {u"SD"_s, u"LAC"_s};
        QTest::newRow("Jaguars") << 30 << QStringList {u"JAC"_s, u"JAX"_s};
        QTest::newRow("Cardinals") << 22 << QStringList {u"STL"_s, u"PHO"_s, u"ARI"_s};
        QTest::newRow("Titans") << 10 << QStringList {u"HOU"_s, u"TEN"_s};
        QTest::newRow("Colts") << 11 << QStringList {u"BAL"_s, u"IND"_s};
        QTest::newRow("Patriots") << 17 << QStringList {u"BOS"_s, u"NE"_s};
    }
    void eraCodesAreOneFranchise()
    {
        QFETCH(int, id);
        QFETCH(QStringList, codes);
        QCOMPARE(TeamDirectory::abbreviations(id), codes);
    }

    void codesBySeason_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("season");
        QTest::addColumn<QString>("nickname");
        QTest::addColumn<int>("id");
        QTest::newRow("STL 1985 Cardinals") << u"STL"_s << 1985 << QString() << 22;
        QTest::newRow("STL 2010 Rams") << u"STL"_s << 2010 << QString() << 14;
        QTest::newRow("PHO 1990") << u"PHO"_s << 1990 << QString() << 22;
        QTest::newRow("LA 1975") << u"LA"_s << 1975 << QString() << 14;
        QTest::newRow("LA 2016 sample") << u"LA"_s << 2016 << u"rams"_s << 14;
        QTest::newRow("RAM 1990") << u"RAM"_s << 1990 << QString() << 14;
        QTest::newRow("RAI 1990") << u"RAI"_s << 1990 << QString() << 13;
        QTest::newRow("OAK 1980") << u"OAK"_s << 1980 << QString() << 13;
        QTest::newRow("OAK 2016 sample") << u"OAK"_s << 2016 << QString() << 13;
        QTest::newRow("SD 2016 sample") << u"SD"_s << 2016 << QString() << 24;
        QTest::newRow("HOU 1990 Oilers") << u"HOU"_s << 1990 << u"oilers"_s << 10;
        QTest::newRow("HOU 2010 Texans") << u"HOU"_s << 2010 << QString() << 34;
        QTest::newRow("TEN 1997 oilers") << u"TEN"_s << 1997 << u"oilers"_s << 10;
        QTest::newRow("BAL 1975 Colts") << u"BAL"_s << 1975 << QString() << 11;
        QTest::newRow("BAL 2000 Ravens") << u"BAL"_s << 2000 << QString() << 33;
        QTest::newRow("BOS 1970") << u"BOS"_s << 1970 << QString() << 17;
        QTest::newRow("WAS 2023 (old code)") << u"WAS"_s << 2023 << QString() << 28;
        QTest::newRow("WSH 2015 (ESPN code)") << u"WSH"_s << 2015 << QString() << 28;
        QTest::newRow("JAC 2016") << u"JAC"_s << 2016 << QString() << 30;
        QTest::newRow("lower case") << u"wsh"_s << 2023 << u"Commanders"_s << 28;
    }
    void codesBySeason()
    {
        QFETCH(QString, code);
        QFETCH(int, season);
        QFETCH(QString, nickname);
        QFETCH(int, id);
        QCOMPARE(TeamDirectory::franchiseId(code, season, nickname), id);
    }

    void unknownCodes()
    {
        QVERIFY(!TeamDirectory::franchiseId(u"TBD", 2015));
        QVERIFY(!TeamDirectory::franchiseId(u"", 2015));
        QVERIFY(!TeamDirectory::franchiseId(u"XYZ", 1985));
        QVERIFY(TeamDirectory::abbreviation(31, 2015).isEmpty());
        QVERIFY(TeamDirectory::displayName(99, 2015).isEmpty());
    }

    void abbreviationsByEra()
    {
        QCOMPARE(TeamDirectory::abbreviation(28, 2014), u"WAS"_s);
        QCOMPARE(TeamDirectory::abbreviation(28, 2019), u"WAS"_s);
        QCOMPARE(TeamDirectory::abbreviation(28, 2020), u"WSH"_s);
        QCOMPARE(TeamDirectory::abbreviation(14, 2015), u"STL"_s);
        QCOMPARE(TeamDirectory::abbreviation(14, 2016), u"LAR"_s);
        QCOMPARE(TeamDirectory::abbreviation(24, 2016), u"SD"_s);
        QCOMPARE(TeamDirectory::abbreviation(24, 2017), u"LAC"_s);
        QCOMPARE(TeamDirectory::abbreviation(13, 2019), u"OAK"_s);
        QCOMPARE(TeamDirectory::abbreviation(13, 2020), u"LV"_s);
        QCOMPARE(TeamDirectory::abbreviation(30, 2014), u"JAC"_s);
        QCOMPARE(TeamDirectory::abbreviation(30, 2015), u"JAX"_s);
        QCOMPARE(TeamDirectory::abbreviation(22, 1985), u"STL"_s);
        QCOMPARE(TeamDirectory::abbreviation(10, 1996), u"HOU"_s);
        QCOMPARE(TeamDirectory::abbreviation(11, 1983), u"BAL"_s);
    }

    void namesBySeason()
    {
        QCOMPARE(TeamDirectory::displayName(28, 2015), u"Washington Redskins"_s);
        QCOMPARE(TeamDirectory::displayName(28, 2021), u"Washington Football Team"_s);
        QCOMPARE(TeamDirectory::displayName(28, 2023), u"Washington Commanders"_s);
        QCOMPARE(TeamDirectory::nickname(28, 2020), u"football team"_s);
        QCOMPARE(TeamDirectory::displayName(22, 1985), u"St. Louis Cardinals"_s);
        QCOMPARE(TeamDirectory::location(14, 2010), u"St. Louis"_s);
        QCOMPARE(TeamDirectory::displayName(10, 1997), u"Tennessee Oilers"_s);
        QCOMPARE(TeamDirectory::displayName(10, 1999), u"Tennessee Titans"_s);
        QCOMPARE(TeamDirectory::displayName(25, 2015), u"San Francisco 49ers"_s);
    }

    // Every (code, nickname, season) in the scorestrip archive maps to a franchise whose abbreviation and
    // nickname for that season are exactly the archive's, so stored archive rows never change.
    void archiveConformance()
    {
        const QString archive = qEnvironmentVariable("ENDZONE_SHARED_DIR") + u"/data/scorestrip/archive"_s;
        if (!QDir(archive).exists())
            QSKIP("the shared scorestrip archive is absent");
        static const QRegularExpression side(u"\\b([hv])=\"([A-Z]+)\" \\1nn=\"([^\"]*)\""_s);
        QSet<QString> seen; // "code|nickname|season"
        const auto files = QDir(archive).entryList({u"*.xml"_s}, QDir::Files);
        QVERIFY(files.size() > 900);
        for (const QString &file : files) {
            QFile document(archive + u'/' + file);
            QVERIFY(document.open(QIODevice::ReadOnly));
            const int season = file.left(4).toInt();
            const QString text = QString::fromUtf8(document.readAll());
            for (const auto &match : side.globalMatch(text))
                seen.insert(match.captured(2) + u'|' + match.captured(3) + u'|' + QString::number(season));
        }
        QVERIFY(seen.size() > 1000);
        QSet<int> ids;
        for (const QString &what : std::as_const(seen)) {
            const auto parts = what.split(u'|');
            const QString code = parts.at(0), nickname = parts.at(1);
            const int season = parts.at(2).toInt();
            const auto id = TeamDirectory::franchiseId(code, season, nickname);
            QVERIFY2(id, qPrintable(what));
            QCOMPARE(TeamDirectory::franchiseId(code, season), id); // the code alone is enough within a season
            QVERIFY2(TeamDirectory::abbreviation(*id, season) == code, qPrintable(what));
            QVERIFY2(TeamDirectory::nickname(*id, season) == nickname, qPrintable(what));
            ids.insert(*id);
        }
        QCOMPARE(ids.size(), 32);
    }
};

QTEST_GUILESS_MAIN(TeamDirectoryTest)
#include "teamdirectorytest.moc"
