// FavouritesController: the one list of favourite teams in priority order. Exact lists and exact signal counts for
// setting, toggling (a team, a game's star) and reordering, ranks that hold across a franchise's old codes, and the
// ScoreboardModel following a change of order row by row (moves and dataChanged, never a reset).
#include "favouritescontroller.h"
#include "gamestore.h"
#include "scoreboardmodel.h"
#include "testgames.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class FavouritesControllerTest : public QObject
{
    Q_OBJECT

    // A game of `season` between two codes of that season.
    static Game gameIn(int season, const QString &home, const QString &visitor)
    {
        auto g = Test::scheduledGame(u"2015092001"_s, home, visitor, 17);
        g.season = season;
        return g;
    }

    static QList<int> roles(const QList<QVariant> &dataChanged) { return dataChanged.at(2).value<QList<int>>(); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void setTeamsStoresTodaysCodesInOrder()
    {
        FavouritesController favourites;
        QSignalSpy changed(&favourites, &FavouritesController::teamsChanged);
        QSignalSpy rejected(&favourites, &FavouritesController::rejected);
        QVERIFY(favourites.teams().isEmpty());

        favourites.setTeams({u"phi"_s, u"DET"_s});
        QCOMPARE(favourites.teams(), (QStringList {u"PHI"_s, u"DET"_s}));
        QCOMPARE(changed.size(), 1);

        // The same list again (in another spelling) is no change.
        favourites.setTeams({u"PHI"_s, u"det"_s});
        QCOMPARE(changed.size(), 1);

        // An old code names its club today; a club named twice keeps its first place.
        favourites.setTeams({u"OAK"_s, u"DET"_s, u"LV"_s, u"det"_s});
        QCOMPARE(favourites.teams(), (QStringList {u"LV"_s, u"DET"_s}));
        QCOMPARE(changed.size(), 2);

        favourites.setTeams({});
        QVERIFY(favourites.teams().isEmpty());
        QCOMPARE(changed.size(), 3);
        QCOMPARE(rejected.size(), 0);
    }

    void anUnknownTeamRefusesTheWholeList()
    {
        FavouritesController favourites;
        favourites.setTeams({u"DET"_s});
        QSignalSpy changed(&favourites, &FavouritesController::teamsChanged);
        QSignalSpy rejected(&favourites, &FavouritesController::rejected);

        favourites.setTeams({u"PHI"_s, u"Lions"_s});
        QCOMPARE(rejected.size(), 1);
        QVERIFY(rejected.first().at(0).toString().startsWith(u"favourite \"Lions\" is not a team: use ARI, ATL, "_s));
        QVERIFY(rejected.first().at(0).toString().endsWith(u", TEN, WSH"_s));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(favourites.teams(), QStringList {u"DET"_s});
    }

    void toggleAddsAtTheLowestPriorityOrRemoves()
    {
        FavouritesController favourites;
        favourites.setTeams({u"DET"_s});
        QSignalSpy changed(&favourites, &FavouritesController::teamsChanged);
        QSignalSpy rejected(&favourites, &FavouritesController::rejected);

        favourites.toggle(u"kc"_s);
        QCOMPARE(favourites.teams(), (QStringList {u"DET"_s, u"KC"_s}));
        QCOMPARE(changed.size(), 1);
        favourites.toggle(u"DET"_s);
        QCOMPARE(favourites.teams(), QStringList {u"KC"_s});
        QCOMPARE(changed.size(), 2);
        // A code of an old season toggles the club it named then: "STL" in 1985 is the Cardinals (ARI).
        favourites.toggle(u"STL"_s, 1985);
        QCOMPARE(favourites.teams(), (QStringList {u"KC"_s, u"ARI"_s}));
        QCOMPARE(changed.size(), 3);
        favourites.toggle(u"OAK"_s, 2015);
        QCOMPARE(favourites.teams(), (QStringList {u"KC"_s, u"ARI"_s, u"LV"_s}));
        QCOMPARE(changed.size(), 4);
        favourites.toggle(u"LV"_s);
        QCOMPARE(favourites.teams(), (QStringList {u"KC"_s, u"ARI"_s}));
        QCOMPARE(changed.size(), 5);
        // Not a team: nothing changes, nothing is said.
        favourites.toggle(u"XYZ"_s);
        QCOMPARE(favourites.teams(), (QStringList {u"KC"_s, u"ARI"_s}));
        QCOMPARE(changed.size(), 5);
        QCOMPARE(rejected.size(), 0);
    }

    // The star on a card: the game's highest-priority favourite goes; a game without one makes its home team one.
    void toggleGameTogglesTheGamesFavourite()
    {
        FavouritesController favourites;
        favourites.setTeams({u"DET"_s, u"PHI"_s, u"KC"_s});
        QSignalSpy changed(&favourites, &FavouritesController::teamsChanged);

        QCOMPARE(favourites.favouriteTeamOf(u"PHI"_s, u"DET"_s), u"DET"_s);
        favourites.toggleGame(u"PHI"_s, u"DET"_s); // both favourites: DET ranks higher and goes
        QCOMPARE(favourites.teams(), (QStringList {u"PHI"_s, u"KC"_s}));
        QCOMPARE(changed.size(), 1);
        favourites.toggleGame(u"NYG"_s, u"KC"_s); // only the visitor is one
        QCOMPARE(favourites.teams(), QStringList {u"PHI"_s});
        QCOMPARE(changed.size(), 2);
        QCOMPARE(favourites.favouriteTeamOf(u"BUF"_s, u"MIA"_s), QString());
        favourites.toggleGame(u"BUF"_s, u"MIA"_s); // neither: the home team, at the lowest priority
        QCOMPARE(favourites.teams(), (QStringList {u"PHI"_s, u"BUF"_s}));
        QCOMPARE(changed.size(), 3);
        // A 2015 card: San Diego at Oakland makes the Raiders (LV today) a favourite.
        favourites.toggleGame(u"OAK"_s, u"SD"_s, 2015);
        QCOMPARE(favourites.teams(), (QStringList {u"PHI"_s, u"BUF"_s, u"LV"_s}));
        QCOMPARE(changed.size(), 4);
        QCOMPARE(favourites.favouriteTeamOf(u"OAK"_s, u"SD"_s, 2015), u"OAK"_s);
        QVERIFY(favourites.isFavourite(u"OAK"_s, 2015));
        QVERIFY(!favourites.isFavourite(u"SD"_s, 2015));
    }

    void moveReordersAndIgnoresOutOfRange()
    {
        FavouritesController favourites;
        favourites.setTeams({u"DET"_s, u"PHI"_s, u"KC"_s});
        QSignalSpy changed(&favourites, &FavouritesController::teamsChanged);

        favourites.move(2, 0);
        QCOMPARE(favourites.teams(), (QStringList {u"KC"_s, u"DET"_s, u"PHI"_s}));
        QCOMPARE(changed.size(), 1);
        favourites.move(0, 1);
        QCOMPARE(favourites.teams(), (QStringList {u"DET"_s, u"KC"_s, u"PHI"_s}));
        QCOMPARE(changed.size(), 2);

        // The first one up, the last one down, a row that is not there, no move at all: nothing happens.
        const QList<std::pair<int, int>> noMoves {{0, -1}, {2, 3}, {-1, 0}, {3, 0}, {1, 1}};
        for (const auto &[from, to] : noMoves) {
            favourites.move(from, to);
            QCOMPARE(favourites.teams(), (QStringList {u"DET"_s, u"KC"_s, u"PHI"_s}));
        }
        QCOMPARE(changed.size(), 2);
    }

    // A franchise ranks the same under each code it had; a code reused by two clubs ranks by its season.
    void rankHoldsAcrossSeasons()
    {
        FavouritesController favourites;
        QCOMPARE(favourites.rank(u"DET"_s, 2025), -1);
        favourites.setTeams({u"LV"_s, u"LAR"_s, u"ARI"_s, u"TEN"_s});
        QCOMPARE(favourites.rank(u"LV"_s, 2025), 0);
        QCOMPARE(favourites.rank(u"OAK"_s, 2015), 0);
        QCOMPARE(favourites.rank(u"RAI"_s, 1990), 0);
        QCOMPARE(favourites.rank(u"STL"_s, 2010), 1); // the Rams
        QCOMPARE(favourites.rank(u"STL"_s, 1985), 2); // the Cardinals
        QCOMPARE(favourites.rank(u"HOU"_s, 1990), 3); // the Oilers
        QCOMPARE(favourites.rank(u"HOU"_s, 2025), -1); // the Texans
        QCOMPARE(favourites.rank(u"XYZ"_s, 2025), -1);

        // A game ranks as its higher-priority favourite.
        QCOMPARE(favourites.rank(gameIn(2015, u"OAK"_s, u"SD"_s)), 0);
        QCOMPARE(favourites.rank(gameIn(2010, u"SEA"_s, u"STL"_s)), 1);
        QCOMPARE(favourites.rank(gameIn(1985, u"STL"_s, u"RAI"_s)), 0);
        QCOMPARE(favourites.rank(gameIn(1990, u"HOU"_s, u"PIT"_s)), 3);
        QCOMPARE(favourites.rank(gameIn(2025, u"HOU"_s, u"PIT"_s)), -1);
    }

    // The scoreboard follows the controller: a new order moves rows, one dataChanged per row that changed rank.
    void theScoreboardMovesRowsToTheirNewRank()
    {
        QTemporaryDir dir;
        auto store = GameStore::open(u"sqlite://"_s + dir.filePath(u"f.sqlite"_s));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        FavouritesController favourites;
        ScoreboardModel model(store.value().get());
        model.setFavourites(&favourites);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWeek(Test::testWeek);
        // By kickoff: KC 17:00, PHI 18:00, DET 20:00.
        auto stored = store.value()->upsertWeek(ParsedWeek {Test::testWeek, FeedDialect::Ajax,
            {Test::scheduledGame(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17),
                Test::scheduledGame(u"2025092102"_s, u"DET"_s, u"BUF"_s, 20),
                Test::scheduledGame(u"2025092103"_s, u"PHI"_s, u"NYG"_s, 18)}});
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        const auto homes = [&model] {
            QStringList teams;
            for (int row = 0; row < model.rowCount(); ++row)
                teams.append(model.index(row).data(ScoreboardModel::HomeAbbrRole).toString());
            return teams;
        };
        QCOMPARE(homes(), (QStringList {u"KC"_s, u"PHI"_s, u"DET"_s}));

        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const QList<int> markedAndRanked {ScoreboardModel::FavouriteRole, ScoreboardModel::FavouriteRankRole};
        const QList<int> ranked {ScoreboardModel::FavouriteRankRole};

        // DET then PHI: PHI's row moves up first, then DET's above it.
        favourites.setTeams({u"DET"_s, u"PHI"_s});
        QCOMPARE(homes(), (QStringList {u"DET"_s, u"PHI"_s, u"KC"_s}));
        QCOMPARE(moved.size(), 2);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(roles(changed.at(0)), markedAndRanked);
        QCOMPARE(roles(changed.at(1)), markedAndRanked);
        QCOMPARE(model.index(0).data(ScoreboardModel::FavouriteRankRole).toInt(), 0);
        QCOMPARE(model.index(1).data(ScoreboardModel::FavouriteRankRole).toInt(), 1);

        // Up on the settings page: DET's row moves below PHI's, both change rank; no row changes its mark.
        moved.clear();
        changed.clear();
        favourites.move(1, 0);
        QCOMPARE(homes(), (QStringList {u"PHI"_s, u"DET"_s, u"KC"_s}));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.first().at(1).toInt(), 0); // DET's row, from the top
        QCOMPARE(moved.first().at(4).toInt(), 2); // to below PHI (beginMoveRows' destination)
        QCOMPARE(changed.size(), 2);
        QCOMPARE(roles(changed.at(0)), ranked);
        QCOMPARE(roles(changed.at(1)), ranked);
        QCOMPARE(model.index(0).data(ScoreboardModel::FavouriteRankRole).toInt(), 0);
        QCOMPARE(model.index(1).data(ScoreboardModel::FavouriteRankRole).toInt(), 1);

        // A favourite without a game this week: the rows stay as they are, silently.
        moved.clear();
        changed.clear();
        favourites.toggle(u"BAL"_s);
        QCOMPARE(favourites.teams(), (QStringList {u"PHI"_s, u"DET"_s, u"BAL"_s}));
        QCOMPARE(moved.size(), 0);
        QCOMPARE(changed.size(), 0);

        // No favourites: back to kickoff order.
        favourites.setTeams({});
        QCOMPARE(homes(), (QStringList {u"KC"_s, u"PHI"_s, u"DET"_s}));
        QCOMPARE(moved.size(), 2);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(roles(changed.at(0)), markedAndRanked);
        QCOMPARE(roles(changed.at(1)), markedAndRanked);

        QCOMPARE(reset.size(), 0);
        QCOMPARE(layout.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(FavouritesControllerTest)
#include "favouritescontrollertest.moc"
