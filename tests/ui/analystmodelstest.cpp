#include "gamestore.h"
#include "standingsmodel.h"
#include "teamseasonmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
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

    void standingsAreSortedInAView()
    {
        StandingsModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        StandingsTable table;
        QAbstractItemModelTester tableTester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        table.setSourceModel(&model);
        model.reload();
        QCOMPARE(model.season(), 2025);
        QCOMPARE(model.seasons(), (QList<int> {2025, 2024}));
        QVERIFY(model.rowCount() >= 5);
        QCOMPARE(table.rowCount(), model.rowCount());
        // The league order until a column is chosen.
        QCOMPARE(table.index(0, 0).data(StandingsModel::TeamRole), model.index(0).data(StandingsModel::TeamRole));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        table.sortBy(StandingsModel::PointsForRole);
        QVERIFY(!table.ascending()); // most points first
        QCOMPARE(table.index(0, 0).data(StandingsModel::TeamRole).toString(), u"KC"_s); // 45 points
        table.sortBy(StandingsModel::PointsForRole); // flips
        QVERIFY(table.ascending());
        QCOMPARE(table.index(0, 0).data(StandingsModel::TeamRole).toString(), u"DEN"_s);
        table.sortBy(StandingsModel::TiesRole);
        QCOMPARE(table.index(0, 0).data(StandingsModel::TiesRole).toInt(), 1);
        table.sortBy(0);
        QCOMPARE(table.index(0, 0).data(StandingsModel::RankRole).toInt(), 1);
        QCOMPARE(resets.count(), 0); // sorting never asked the model, let alone reset it
    }

    void standingsFollowALiveFinalRowByRow()
    {
        StandingsModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        const auto teamsOf = [&model] {
            QStringList teams;
            for (int row = 0; row < model.rowCount(); ++row)
                teams.append(model.index(row).data(StandingsModel::TeamRole).toString());
            return teams;
        };
        const QStringList before = teamsOf();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        // MIA (0-0-1) routs BUF (1-0): MIA goes to the top, BUF drops.
        const Game rout = final(2025, 3, u"MIA"_s, 40, u"BUF"_s, 0);
        QVERIFY(m_store->upsertWeeks({{{2025, SeasonType::Reg, 3}, FeedDialect::Ajax, {rout}}}).ok());
        QTRY_VERIFY(!changes.isEmpty());

        QCOMPARE(resets.count(), 0);
        QVERIFY(moves.count() >= 1);
        QStringList expected;
        const auto table = m_store->standings(2025);
        QVERIFY(table.ok());
        for (const auto &standing : table.value())
            expected.append(standing.team);
        QCOMPARE(teamsOf(), expected);
        QVERIFY(teamsOf() != before);
        QCOMPARE(teamsOf().constFirst(), u"MIA"_s);

        // Each club's row announces exactly what changed for it.
        const auto rolesFor = [&](const QString &team) {
            QSet<int> roles;
            for (const auto &args : changes) {
                const auto first = args.at(0).value<QModelIndex>(), last = args.at(1).value<QModelIndex>();
                const int row = int(teamsOf().indexOf(team));
                const auto list = args.at(2).value<QList<int>>();
                if (first.row() == row && last.row() == row && !list.contains(StandingsModel::RankRole))
                    roles.unite(QSet<int>(list.cbegin(), list.cend()));
            }
            return roles;
        };
        QCOMPARE(rolesFor(u"MIA"_s),
            (QSet<int> {StandingsModel::WinsRole, StandingsModel::PercentageRole, StandingsModel::PointsForRole,
                StandingsModel::DifferenceRole}));
        QCOMPARE(rolesFor(u"BUF"_s),
            (QSet<int> {StandingsModel::LossesRole, StandingsModel::PercentageRole, StandingsModel::PointsAgainstRole,
                StandingsModel::DifferenceRole}));
        QVERIFY(rolesFor(u"KC"_s).isEmpty());
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

    void teamSeasonInsertsAndUpdatesLiveGames()
    {
        TeamSeasonModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTeam(u"KC"_s);
        model.setSeason(2025);
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        // Week 4 kicks off: a new row, after weeks 1 and 2.
        Game live = final(2025, 4, u"KC"_s, 0, u"LV"_s, 0);
        live.state = GameState::Quarter1;
        live.clock = u"15:00"_s;
        QVERIFY(m_store->upsertWeeks({{{2025, SeasonType::Reg, 4}, FeedDialect::Ajax, {live}}}).ok());
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(inserts.constFirst().at(1).toInt(), 2);
        QCOMPARE(model.index(2).data(TeamGamesModel::OpponentRole).toString(), u"LV"_s);

        // KC scores: one row, one role.
        live.home.score = 7;
        QVERIFY(m_store->upsertWeeks({{{2025, SeasonType::Reg, 4}, FeedDialect::Ajax, {live}}}).ok());
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.constFirst().at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(changes.constFirst().at(2).value<QList<int>>(), QList<int> {TeamGamesModel::TeamScoreRole});

        // Another season's game of the team is not this list's; another team's game is nobody's.
        QVERIFY(m_store
                    ->upsertWeeks({{{2024, SeasonType::Reg, 2}, FeedDialect::Ajax,
                        {final(2024, 2, u"KC"_s, 3, u"CIN"_s, 6), final(2024, 2, u"NYJ"_s, 9, u"NE"_s, 3)}}})
                    .ok());
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.record(), u"1-1"_s);
    }

    void aTeamIsItsFranchiseInEverySeason()
    {
        // The 2010 Rams were STL: their games are the Rams' (LAR) games, seen from the Rams' side.
        QVERIFY(m_store
                    ->upsertWeeks(
                        {{{2010, SeasonType::Reg, 1}, FeedDialect::Ajax, {final(2010, 1, u"STL"_s, 17, u"ARI"_s, 13)}}})
                    .ok());
        TeamSearchModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery(u"LAR"_s);
        QCOMPARE(model.team(), u"LAR"_s);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(TeamGamesModel::IsHomeRole).toBool(), true);
        QCOMPARE(model.index(0).data(TeamGamesModel::TeamScoreRole).toInt(), 17);
        QCOMPARE(model.index(0).data(TeamGamesModel::OpponentRole).toString(), u"ARI"_s);
        QCOMPARE(model.index(0).data(TeamGamesModel::ResultRole).toString(), u"W"_s);
        QCOMPARE(model.record(), u"1-0"_s);
    }
};

QTEST_GUILESS_MAIN(AnalystModelsTest)
#include "analystmodelstest.moc"
