#include "gamestore.h"
#include "standingsmodel.h"
#include "teamseasonmodel.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

// The offline views: standings, a team's season with its points series, and search across seasons.
class AnalystModelsTest : public QObject
{
    Q_OBJECT

    static Game final(int season, int week, const QString &home, int hs, const QString &visitor, int vs)
    {
        Game g;
        g.eid = u"%1%2%3"_s.arg(season)
                    .arg(week, 2, 10, QLatin1Char('0'))
                    .arg(home.size() + visitor.size(), 4, 10, QLatin1Char('0'))
            + home;
        g.season = season;
        g.week = week;
        g.kickoff = QDateTime(QDate(season, 9, 7).addDays(7 * week), QTime(17, 0), Qt::UTC);
        g.state = GameState::Final;
        g.home = {home, u"x"_s, hs};
        g.visitor = {visitor, u"y"_s, vs};
        return g;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<GameStore> m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto store = GameStore::open(u"sqlite://"_s + m_dir.filePath(u"a.sqlite"_s));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = std::move(store).value();
        const QList<ParsedWeek> weeks {
            {{2024, SeasonType::Reg, 1}, FeedDialect::Ajax, {final(2024, 1, u"KC"_s, 27, u"BAL"_s, 20)}},
            {{2025, SeasonType::Reg, 1}, FeedDialect::Ajax,
                {final(2025, 1, u"KC"_s, 10, u"BUF"_s, 31), final(2025, 1, u"NE"_s, 14, u"MIA"_s, 14)}},
            {{2025, SeasonType::Reg, 2}, FeedDialect::Ajax, {final(2025, 2, u"DEN"_s, 3, u"KC"_s, 35)}},
        };
        QVERIFY(m_store->upsertWeeks(weeks).ok());
    }

    void standingsAreSortable()
    {
        StandingsModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QCOMPARE(model.season(), 2025);
        QCOMPARE(model.seasons(), (QList<int> {2025, 2024}));
        QVERIFY(model.rowCount() >= 5);
        model.sortBy(StandingsModel::PointsForRole);
        QCOMPARE(model.index(0).data(StandingsModel::TeamRole).toString(), u"KC"_s); // 45 points
        model.sortBy(StandingsModel::PointsForRole); // flips
        QCOMPARE(model.index(0).data(StandingsModel::TeamRole).toString(), u"DEN"_s);
        model.sortBy(StandingsModel::TiesRole);
        QVERIFY(model.index(0).data(StandingsModel::TiesRole).toInt() == 1);
    }

    void teamSeasonHasResultsAndAPointsSeries()
    {
        TeamSeasonModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTeam(u"KC"_s);
        model.setSeason(2025);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.record(), u"1-1"_s);
        QCOMPARE(model.index(0).data(TeamGamesModel::ResultRole).toString(), u"L"_s);
        QCOMPARE(model.index(1).data(TeamGamesModel::OpponentRole).toString(), u"DEN"_s);
        const auto points = model.points();
        QCOMPARE(points.size(), 2);
        QCOMPARE(points.at(1).toMap().value(u"scored"_s).toInt(), 35);
        QCOMPARE(points.at(1).toMap().value(u"allowed"_s).toInt(), 3);
    }

    void searchFindsATeamAcrossSeasons()
    {
        TeamSearchModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery(u"kansas"_s);
        QCOMPARE(model.team(), u"KC"_s);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(TeamGamesModel::SeasonRole).toInt(), 2025); // newest first
        QCOMPARE(model.index(2).data(TeamGamesModel::SeasonRole).toInt(), 2024);
        model.setQuery(u"ne"_s);
        QCOMPARE(model.team(), u"NE"_s); // an exact abbreviation wins
    }
};

QTEST_GUILESS_MAIN(AnalystModelsTest)
#include "analystmodelstest.moc"
