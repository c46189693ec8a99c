#include "scoreboardmodel.h"
#include "delayline.h"
#include "favouritescontroller.h"
#include "gamestore.h"
#include "kioskfiltermodel.h"
#include "scoreboardnavigator.h"
#include "testgames.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

// ScoreboardModel follows GameStore row by row: the rules a live scoreboard lives by.
class ScoreboardModelTest : public QObject
{
    Q_OBJECT

    static constexpr WeekKey week = Test::testWeek;

    static Game game(const QString &eid, const QString &home, const QString &visitor, int hour)
    {
        return Test::scheduledGame(eid, home, visitor, hour);
    }

    static Game live(Game g, int home, int visitor) { return Test::liveGame(std::move(g), home, visitor); }

    void store(const QList<Game> &games)
    {
        auto result = m_store->upsertWeek(ParsedWeek {week, FeedDialect::Ajax, games});
        QVERIFY2(result.ok(), qPrintable(result.error()));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<GameStore> m_store;
    std::unique_ptr<FavouritesController> m_favourites;
    std::unique_ptr<ScoreboardModel> m_model;
    std::unique_ptr<ScoreboardNavigator> m_navigator;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        static int n = 0;
        auto store = GameStore::open(u"sqlite://"_s + m_dir.filePath(u"t%1.sqlite"_s.arg(++n)));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = std::move(store).value();
        m_favourites = std::make_unique<FavouritesController>();
        m_model = std::make_unique<ScoreboardModel>(m_store.get());
        m_model->setFavourites(m_favourites.get());
        // Attached before the model sees any data (NeoChat's rule).
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setWeek(week);
        m_navigator = std::make_unique<ScoreboardNavigator>(m_model.get(), m_store.get());
    }

    void cleanup()
    {
        m_navigator.reset();
        m_tester.reset();
        m_model.reset();
        m_favourites.reset();
        m_store.reset();
    }

    void newGamesAreInsertedAtTheirSortedPosition()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        store({game(u"2025092102"_s, u"NE"_s, u"BUF"_s, 20), game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17)});
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0).data(ScoreboardModel::HomeAbbrRole).toString(), u"KC"_s); // earlier kickoff first
        store({game(u"2025092103"_s, u"DAL"_s, u"NYG"_s, 18)});
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(inserted.last().at(1).toInt(), 1);
    }

    void placeholderGsisNeverMergesTwoGames()
    {
        // Old feeds give several games of a week the same placeholder gsis: each stays its own row.
        auto a = game(u"2002092201"_s, u"KC"_s, u"DEN"_s, 17);
        auto b = game(u"2002092202"_s, u"NE"_s, u"BUF"_s, 20);
        a.gsis = b.gsis = u"55555"_s;
        store({a});
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setWeek(week); // rows come from the store's own reading of the week
        inserted.clear();
        store({b});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0).data(ScoreboardModel::HomeAbbrRole).toString(), u"KC"_s);
        QCOMPARE(m_model->index(1).data(ScoreboardModel::HomeAbbrRole).toString(), u"NE"_s);
    }

    void aScoreChangeIsOneDataChangedOfThatRow()
    {
        const auto a = game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17);
        const auto b = game(u"2025092102"_s, u"NE"_s, u"BUF"_s, 20);
        store({live(a, 7, 3), live(b, 0, 0)});

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);

        store({live(a, 7, 3), live(b, 7, 0)}); // the whole week arrives; only NE scored
        QCOMPARE(changed.size(), 1);
        const auto from = changed.first().at(0).value<QModelIndex>();
        QCOMPARE(from.row(), 1);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int> {ScoreboardModel::HomeScoreRole});
        QCOMPARE(from.data(ScoreboardModel::HomeScoreRole).toInt(), 7);
        QCOMPARE(inserted.size() + removed.size() + moved.size() + reset.size() + layout.size(), 0);
    }

    void aClockTickListsTheStateRoles()
    {
        auto a = live(game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), 7, 3);
        store({a});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        a.clock = u"07:40"_s;
        a.redZone = true;
        store({a});
        QCOMPARE(changed.size(), 1);
        const auto roles = changed.first().at(2).value<QList<int>>();
        QCOMPARE(roles,
            (QList<int> {ScoreboardModel::StateTextRole, ScoreboardModel::ClockRole, ScoreboardModel::RedZoneRole,
                ScoreboardModel::ProgressRole}));
        QCOMPARE(m_model->index(0).data(ScoreboardModel::StateTextRole).toString(), u"Q2 07:40"_s);
        // The progress bar's share comes with the clock: 1 quarter and 7:20 of the second played.
        QCOMPARE(m_model->index(0).data(ScoreboardModel::ProgressRole).toDouble(), (900.0 + 440) / 3600);
    }

    // A scorestrip game carries no situation: every new role says "absent", never a zero.
    void aScorestripGameHasNoSituation()
    {
        store({live(game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), 7, 3)});
        const auto index = m_model->index(0);
        QCOMPARE(index.data(ScoreboardModel::DownDistanceRole).toString(), QString());
        QCOMPARE(index.data(ScoreboardModel::BallOnRole).toString(), QString());
        QCOMPARE(index.data(ScoreboardModel::HomeTimeoutsRole).toInt(), -1);
        QCOMPARE(index.data(ScoreboardModel::VisitorTimeoutsRole).toInt(), -1);
        QCOMPARE(index.data(ScoreboardModel::LastPlayRole).toString(), QString());
        QCOMPARE(index.data(ScoreboardModel::HomeWinProbabilityRole).toDouble(), -1.0);
        QCOMPARE(index.data(ScoreboardModel::VenueRole).toString(), QString());
        QCOMPARE(index.data(ScoreboardModel::BroadcastRole).toString(), QString());
        QCOMPARE(index.data(ScoreboardModel::NeutralSiteRole).toBool(), false);
        QCOMPARE(index.data(ScoreboardModel::PossessionRole).toString(), u"KC"_s);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), u"DEN @ KC"_s);
        const auto names = m_model->roleNames();
        for (const auto *name : {"downDistance", "ballOn", "homeTimeouts", "visitorTimeouts", "lastPlay",
                 "homeWinProbability", "venue", "venueCity", "neutralSite", "broadcast"})
            QVERIFY2(names.values().contains(QByteArray(name)), name);
    }

    void theSituationOfAnEspnGame()
    {
        auto g = Test::espnGame(live(game(u"2025092101"_s, u"KC"_s, u"LAC"_s, 17), 7, 3), u"401772510"_s,
            u"Corinthians Arena"_s, u"Sao Paulo, Brazil"_s, u"YouTube"_s, true);
        g = Test::withSituation(g, 1, 4, u"LAC 4"_s, 2, 3, u"  (2:10) I.Pacheco\nrun for 6 yards  "_s, 0.73);
        store({g});
        const auto index = m_model->index(0);
        QCOMPARE(index.data(ScoreboardModel::DownDistanceRole).toString(), u"1st & Goal"_s);
        QCOMPARE(index.data(ScoreboardModel::BallOnRole).toString(), u"LAC 4"_s);
        QCOMPARE(index.data(ScoreboardModel::HomeTimeoutsRole).toInt(), 2);
        QCOMPARE(index.data(ScoreboardModel::VisitorTimeoutsRole).toInt(), 3);
        QCOMPARE(index.data(ScoreboardModel::LastPlayRole).toString(), u"(2:10) I.Pacheco run for 6 yards"_s);
        QCOMPARE(index.data(ScoreboardModel::HomeWinProbabilityRole).toDouble(), 0.73);
        QCOMPARE(index.data(ScoreboardModel::VenueRole).toString(), u"Corinthians Arena"_s);
        QCOMPARE(index.data(ScoreboardModel::VenueCityRole).toString(), u"Sao Paulo, Brazil"_s);
        QCOMPARE(index.data(ScoreboardModel::BroadcastRole).toString(), u"YouTube"_s);
        QVERIFY(index.data(ScoreboardModel::NeutralSiteRole).toBool());
        QCOMPARE(index.data(Qt::DisplayRole).toString(), u"LAC vs KC"_s); // neither side is at home
    }

    // The next snap: one dataChanged on that row naming the down and distance alone, then the ball moving too.
    void aNewDownListsOnlyTheSituationRolesThatChanged()
    {
        const auto a = live(game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), 7, 3);
        auto b = Test::withSituation(live(game(u"2025092102"_s, u"NE"_s, u"BUF"_s, 20), 0, 0), 3, 4, u"BUF 34"_s, 3, 2,
            u"(7:45) R.Stevenson up the middle to BUF 34 for 1 yard."_s, 0.55);
        store({a, b});

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);

        b.down = 1;
        b.distance = 10;
        store({a, b}); // the whole week arrives; only NE's down changed
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int> {ScoreboardModel::DownDistanceRole});
        QCOMPARE(m_model->index(1).data(ScoreboardModel::DownDistanceRole).toString(), u"1st & 10"_s);

        b.down = 2;
        b.distance = 3;
        b.ballOn = u"BUF 27"_s;
        store({a, b});
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.last().at(2).value<QList<int>>(),
            (QList<int> {ScoreboardModel::DownDistanceRole, ScoreboardModel::BallOnRole}));
        QCOMPARE(m_model->index(1).data(ScoreboardModel::BallOnRole).toString(), u"BUF 27"_s);
        QCOMPARE(inserted.size() + removed.size() + moved.size() + reset.size() + layout.size(), 0);
    }

    // The final whistle: the situation goes away in the same single dataChanged; where and on what channel stay.
    void aFinalClearsTheSituation()
    {
        auto g = Test::espnGame(
            Test::liveGame(game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), 27, 24, GameState::Quarter4, u"00:14"_s),
            u"401772511"_s, u"GEHA Field at Arrowhead Stadium"_s, u"Kansas City, MO"_s, u"CBS"_s);
        g = Test::withSituation(g, 2, 7, u"DEN 22"_s, 0, 1, u"(0:14) P.Mahomes pass short right to T.Kelce."_s, 0.91);
        g.redZone = true;
        store({g});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

        g.state = GameState::Final;
        g.clock.clear(); // the situation fields stay as a source may leave them: the model hides them
        store({g});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.first().at(2).value<QList<int>>(),
            (QList<int> {ScoreboardModel::StateRole, ScoreboardModel::StateTextRole, ScoreboardModel::ClockRole,
                ScoreboardModel::IsLiveRole, ScoreboardModel::IsFinalRole, ScoreboardModel::PossessionRole,
                ScoreboardModel::RedZoneRole, ScoreboardModel::DownDistanceRole, ScoreboardModel::BallOnRole,
                ScoreboardModel::HomeTimeoutsRole, ScoreboardModel::VisitorTimeoutsRole, ScoreboardModel::LastPlayRole,
                ScoreboardModel::HomeWinProbabilityRole, ScoreboardModel::ProgressRole}));
        const auto index = m_model->index(0);
        QCOMPARE(index.data(ScoreboardModel::ProgressRole).toDouble(), 1.0); // the bar runs full at the whistle
        QCOMPARE(index.data(ScoreboardModel::DownDistanceRole).toString(), QString());
        QCOMPARE(index.data(ScoreboardModel::BallOnRole).toString(), QString());
        QCOMPARE(index.data(ScoreboardModel::HomeTimeoutsRole).toInt(), -1);
        QCOMPARE(index.data(ScoreboardModel::VisitorTimeoutsRole).toInt(), -1);
        QCOMPARE(index.data(ScoreboardModel::LastPlayRole).toString(), QString());
        QCOMPARE(index.data(ScoreboardModel::HomeWinProbabilityRole).toDouble(), -1.0);
        QCOMPARE(index.data(ScoreboardModel::PossessionRole).toString(), QString());
        QVERIFY(!index.data(ScoreboardModel::RedZoneRole).toBool());
        QCOMPARE(index.data(ScoreboardModel::VenueRole).toString(), u"GEHA Field at Arrowhead Stadium"_s);
        QCOMPARE(index.data(ScoreboardModel::BroadcastRole).toString(), u"CBS"_s);
    }

    // Halftime has no down to play; the timeouts and the last play still stand.
    void halftimeHasNoDown()
    {
        auto g = Test::withSituation(live(game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), 10, 7), 1, 10, u"KC 25"_s, 1, 2,
            u"End of 2nd half"_s, 0.6);
        store({g});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        g.state = GameState::Halftime;
        g.clock.clear();
        store({g});
        QCOMPARE(changed.size(), 1);
        const auto roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(ScoreboardModel::DownDistanceRole));
        QVERIFY(roles.contains(ScoreboardModel::BallOnRole));
        QVERIFY(!roles.contains(ScoreboardModel::HomeTimeoutsRole));
        QVERIFY(!roles.contains(ScoreboardModel::LastPlayRole));
        QCOMPARE(m_model->index(0).data(ScoreboardModel::DownDistanceRole).toString(), QString());
        QCOMPARE(m_model->index(0).data(ScoreboardModel::HomeTimeoutsRole).toInt(), 1);
    }

    void byesComeWithTheWeek()
    {
        QSignalSpy byesChanged(m_model.get(), &ScoreboardModel::byesChanged);
        QVERIFY(m_model->byes().isEmpty());
        ParsedWeek espnWeek {week, FeedDialect::Ajax, {game(u"2025092100"_s, u"KC"_s, u"BUF"_s, 17)}};
        espnWeek.byes = {u"NE"_s, u"PHI"_s};
        QVERIFY(m_store->upsertWeek(espnWeek));
        QCOMPARE(m_model->byes(), (QStringList {u"NE"_s, u"PHI"_s}));
        QCOMPARE(byesChanged.size(), 1);
        // Another week has none (a scorestrip week never has any), and showing it clears the line.
        m_model->setWeek({week.season, week.type, week.week + 1});
        QVERIFY(m_model->byes().isEmpty());
        QCOMPARE(byesChanged.size(), 2);
        m_model->setWeek(week);
        QCOMPARE(m_model->byes(), (QStringList {u"NE"_s, u"PHI"_s}));
    }

    void nothingChangedEmitsNothing()
    {
        const auto a = live(game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), 7, 3);
        store({a});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        Q_EMIT m_store->gameUpserted(a); // even if the store reports it again
        QCOMPARE(changed.size(), 0);
    }

    void favouritesArePinnedFirst()
    {
        store({game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), game(u"2025092102"_s, u"NE"_s, u"BUF"_s, 20),
            game(u"2025092103"_s, u"DAL"_s, u"NYG"_s, 18)});
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_favourites->toggle(u"BUF"_s, week.season);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_model->index(0).data(ScoreboardModel::VisitorAbbrRole).toString(), u"BUF"_s);
        QVERIFY(m_model->index(0).data(ScoreboardModel::FavouriteRole).toBool());
        QCOMPARE(m_model->index(1).data(ScoreboardModel::HomeAbbrRole).toString(), u"KC"_s);
        // A live change to the pinned game keeps it first and is still a single dataChanged.
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        store({live(game(u"2025092102"_s, u"NE"_s, u"BUF"_s, 20), 0, 3)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
        m_favourites->setTeams({});
        QCOMPARE(m_model->index(2).data(ScoreboardModel::HomeAbbrRole).toString(), u"NE"_s);
    }

    void favouritesSortByPriority()
    {
        store({game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), game(u"2025092102"_s, u"DET"_s, u"BUF"_s, 20),
            game(u"2025092103"_s, u"PHI"_s, u"NYG"_s, 18)});
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_favourites->setTeams({u"det"_s, u"PHI"_s}); // any case; stored in today's codes
        QCOMPARE(m_favourites->teams(), (QStringList {u"DET"_s, u"PHI"_s}));
        QCOMPARE(m_model->index(0).data(ScoreboardModel::HomeAbbrRole).toString(), u"DET"_s); // 20:00, but first
        QCOMPARE(m_model->index(0).data(ScoreboardModel::FavouriteRankRole).toInt(), 0);
        QCOMPARE(m_model->index(1).data(ScoreboardModel::HomeAbbrRole).toString(), u"PHI"_s);
        QCOMPARE(m_model->index(1).data(ScoreboardModel::FavouriteRankRole).toInt(), 1);
        QCOMPARE(m_model->index(2).data(ScoreboardModel::FavouriteRankRole).toInt(), -1);
        QVERIFY(!m_model->index(2).data(ScoreboardModel::FavouriteRole).toBool());
        // Up in the settings page: PHI becomes the first favourite, its game moves up, row by row.
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        m_favourites->move(1, 0);
        QCOMPARE(m_favourites->teams(), (QStringList {u"PHI"_s, u"DET"_s}));
        QCOMPARE(m_model->index(0).data(ScoreboardModel::HomeAbbrRole).toString(), u"PHI"_s);
        QCOMPARE(m_model->index(1).data(ScoreboardModel::HomeAbbrRole).toString(), u"DET"_s);
        QVERIFY(moved.size() >= 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_favourites->favouriteTeamOf(u"PHI"_s, u"NYG"_s, week.season), u"PHI"_s);
        QCOMPARE(m_favourites->favouriteTeamOf(u"KC"_s, u"DEN"_s, week.season), QString());
        // F on a card: toggling appends at the lowest priority.
        m_favourites->toggle(u"KC"_s, week.season);
        QCOMPARE(m_favourites->teams(), (QStringList {u"PHI"_s, u"DET"_s, u"KC"_s}));
        QCOMPARE(m_model->index(2).data(ScoreboardModel::HomeAbbrRole).toString(), u"KC"_s);
    }

    // The star on a card: the game's highest-priority favourite goes; a game without one makes its home team one.
    void theStarTogglesTheGamesFavourite()
    {
        m_favourites->setTeams({u"DET"_s, u"PHI"_s});
        m_favourites->toggleGame(u"PHI"_s, u"DET"_s, week.season); // both favourites: DET ranks higher
        QCOMPARE(m_favourites->teams(), QStringList {u"PHI"_s});
        m_favourites->toggleGame(u"NYG"_s, u"PHI"_s, week.season); // only the visitor is one
        QVERIFY(m_favourites->teams().isEmpty());
        m_favourites->toggleGame(u"KC"_s, u"DEN"_s, week.season); // neither: the home team
        QCOMPARE(m_favourites->teams(), QStringList {u"KC"_s});
        m_favourites->toggleGame(u"KC"_s, u"DEN"_s, week.season); // and off again
        QVERIFY(m_favourites->teams().isEmpty());
    }

    void anUnknownFavouriteIsRefusedWithTheValidCodes()
    {
        m_favourites->setTeams({u"DET"_s});
        QSignalSpy rejected(m_favourites.get(), &FavouritesController::rejected);
        m_favourites->setTeams({u"DET"_s, u"XYZ"_s});
        QCOMPARE(rejected.size(), 1);
        const auto message = rejected.first().at(0).toString();
        QVERIFY2(message.contains(u"XYZ"_s) && message.contains(u"PHI"_s) && message.contains(u"WSH"_s),
            qPrintable(message));
        QCOMPARE(m_favourites->teams(), QStringList {u"DET"_s}); // nothing lost
    }

    void aDelayedChangeReachesTheModelWhenReleased()
    {
        const auto a = game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17);
        store({live(a, 7, 0)});
        QDateTime now(QDate(2025, 9, 21), QTime(17, 30), Qt::UTC);
        DelayLine line(m_store.get());
        line.setClock([&now] { return now; });
        line.setDelay(45);
        m_model->setDelayLine(&line);
        m_model->setWeek(week);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        store({live(a, 14, 0)});
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_model->index(0).data(ScoreboardModel::HomeScoreRole).toInt(), 7);
        // Navigating away and back while the change is pending must not spoil it.
        m_navigator->nextWeek();
        m_navigator->previousWeek();
        QCOMPARE(m_model->index(0).data(ScoreboardModel::HomeScoreRole).toInt(), 7);
        now = now.addSecs(44);
        line.releaseDue();
        QCOMPARE(changed.size(), 0);
        now = now.addSecs(1);
        line.releaseDue();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_model->index(0).data(ScoreboardModel::HomeScoreRole).toInt(), 14);
        m_model->setDelayLine(nullptr);
    }

    void aRescheduleMovesTheRow()
    {
        store({game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), game(u"2025092102"_s, u"NE"_s, u"BUF"_s, 20)});
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        auto later = game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 23);
        store({later});
        QCOMPARE(moved.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_model->index(1).data(ScoreboardModel::HomeAbbrRole).toString(), u"KC"_s);
    }

    void gamesOfOtherWeeksAreIgnored()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        auto other = game(u"2025092801"_s, u"KC"_s, u"DEN"_s, 17);
        other.week = 4;
        auto result = m_store->upsertWeek(ParsedWeek {{2025, SeasonType::Reg, 4}, FeedDialect::Ajax, {other}});
        QVERIFY(result.ok());
        QCOMPARE(inserted.size(), 0);
    }

    void switchingWeekIsTheOnlyReset()
    {
        store({game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17)});
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_navigator->nextWeek();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_model->week(), 4);
        QCOMPARE(m_model->rowCount(), 0);
        m_navigator->previousWeek();
        QCOMPARE(m_model->rowCount(), 1);
    }

    // The feed's current week: a user watching it follows it to the next; "Now" brings one who left back.
    void nowFollowsTheFeedsCurrentWeek()
    {
        const WeekKey next {week.season, week.type, week.week + 1};
        m_navigator->setCurrentWeek(week);
        QVERIFY(m_navigator->showingCurrentWeek());
        m_navigator->setCurrentWeek(next);
        QVERIFY(m_model->weekKey() == next);
        QVERIFY(m_navigator->showingCurrentWeek());
        m_navigator->previousWeek();
        QVERIFY(m_model->weekKey() == week);
        QVERIFY(!m_navigator->showingCurrentWeek());
        m_navigator->showNow();
        QVERIFY(m_model->weekKey() == next);
        QCOMPARE(m_navigator->seasonTypeCode(), u"REG"_s);
    }

    // The demo's kiosk takes "today" from the synthetic feed's clock, not from the machine's date.
    void kioskTodayComesFromItsClock()
    {
        KioskFilterModel kiosk;
        QAbstractItemModelTester tester(&kiosk, QAbstractItemModelTester::FailureReportingMode::QtTest);
        kiosk.setSourceModel(m_model.get());
        Game monday = game(u"2025092202"_s, u"NE"_s, u"BUF"_s, 20);
        monday.kickoff = monday.kickoff.addDays(1);
        store({game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), monday});
        kiosk.setClock([] { return QDateTime(QDate(2025, 9, 22), QTime(15, 0), Qt::UTC); });
        QVERIFY(kiosk.focused());
        QCOMPARE(kiosk.rowCount(), 1);
        QCOMPARE(kiosk.index(0, 0).data(ScoreboardModel::HomeAbbrRole).toString(), u"NE"_s);
        kiosk.setClock([] { return QDateTime(QDate(2025, 9, 24), QTime(15, 0), Qt::UTC); });
        QVERIFY(!kiosk.focused());
        QCOMPARE(kiosk.rowCount(), 2);
    }

    void kioskShowsLiveAndTodayWhenThereAreAny()
    {
        KioskFilterModel kiosk;
        QAbstractItemModelTester tester(&kiosk, QAbstractItemModelTester::FailureReportingMode::QtTest);
        kiosk.setToday(QDate(2025, 9, 22));
        kiosk.setSourceModel(m_model.get());
        store({game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17), game(u"2025092102"_s, u"NE"_s, u"BUF"_s, 20)});
        QVERIFY(!kiosk.focused());
        QCOMPARE(kiosk.rowCount(), 2); // nothing live, nothing today: the whole week
        store({live(game(u"2025092102"_s, u"NE"_s, u"BUF"_s, 20), 0, 3)});
        QVERIFY(kiosk.focused());
        QCOMPARE(kiosk.rowCount(), 1);
        QCOMPARE(kiosk.index(0, 0).data(ScoreboardModel::HomeAbbrRole).toString(), u"NE"_s);
    }
};

QTEST_GUILESS_MAIN(ScoreboardModelTest)
#include "scoreboardmodeltest.moc"
