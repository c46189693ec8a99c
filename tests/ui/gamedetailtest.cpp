// The game page's models and GameDetailController: row-by-row updates with exact signals, an empty summary, a
// scorestrip-only game, and the summary fetched from an in-process ESPN FeedServer when a page opens, again
// while the game is live (bounded by the policy's clock) and never more than the policy allows.
#include "delayline.h"
#include "feedserver.h"
#include "gamedetailcontroller.h"
#include "gamestore.h"
#include "standingsmodel.h"
#include "syntheticseason.h"
#include "testgames.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace std::chrono_literals;

namespace {

Play play(const QString &id, const QString &text, int period = 1, const QString &clock = u"10:00"_s)
{
    Play p;
    p.id = id;
    p.text = text;
    p.period = period;
    p.clock = clock;
    p.type = u"Rush"_s;
    return p;
}

Drive drive(const QString &id, const QString &team, QList<Play> plays, const QString &result = {})
{
    Drive d;
    d.id = id;
    d.team = team;
    d.plays = std::move(plays);
    d.result = result;
    d.displayResult = result == u"TD" ? u"Touchdown"_s : result == u"PUNT" ? u"Punt"_s : QString();
    d.startYardLine = 25;
    d.endYardLine = result == u"TD" ? 100 : 40;
    return d;
}

// First quarter: a punted drive of DAL, then LAR's drive in progress with two plays.
GameDetail early()
{
    GameDetail d;
    d.espnId = u"401547505"_s;
    d.state = u"in"_s;
    d.visitorLinescore = {0};
    d.homeLinescore = {0};
    d.drives = {drive(u"d1"_s, u"DAL"_s, {play(u"p1"_s, u"run"_s), play(u"p2"_s, u"punt"_s)}, u"PUNT"_s),
        drive(u"d2"_s, u"LAR"_s, {play(u"p3"_s, u"pass"_s), play(u"p4"_s, u"run"_s)})};
    d.winProbability = {{u"p1"_s, 0.6}, {u"p2"_s, 0.62}, {u"p3"_s, 0.58}, {u"p4"_s, 0.55}};
    return d;
}

// Later: LAR's drive ended in a touchdown (one more play), DAL has the ball again.
GameDetail later()
{
    auto d = early();
    d.visitorLinescore = {7};
    d.drives[1].plays.append(play(u"p5"_s, u"touchdown"_s));
    d.drives[1].plays.last().scoring = true;
    d.drives[1].result = u"TD"_s;
    d.drives[1].displayResult = u"Touchdown"_s;
    d.drives[1].endYardLine = 0;
    d.drives.append(drive(u"d3"_s, u"DAL"_s, {play(u"p6"_s, u"kickoff"_s)}));
    d.scoringPlays = {{u"p5"_s, u"LAR"_s, u"Touchdown"_s, u"touchdown"_s, 1, u"05:00"_s, 7, 0}};
    d.winProbability.append({{u"p5"_s, 0.45}, {u"p6"_s, 0.46}});
    return d;
}

struct Spies
{
    explicit Spies(QAbstractItemModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , moved(model, &QAbstractItemModel::rowsMoved)
    {
    }
    QSignalSpy inserted, removed, changed, reset, moved;
    void clear()
    {
        inserted.clear();
        removed.clear();
        changed.clear();
        reset.clear();
        moved.clear();
    }
};

// (first, last) of an insert, (row, roles) of a dataChanged.
std::pair<int, int> range(const QList<QVariant> &signal)
{
    return {signal.at(1).toInt(), signal.at(2).toInt()};
}
std::pair<int, QList<int>> change(const QList<QVariant> &signal)
{
    const auto top = signal.at(0).toModelIndex();
    const auto bottom = signal.at(1).toModelIndex();
    Q_ASSERT(top == bottom);
    return {top.row(), signal.at(2).value<QList<int>>()};
}

} // namespace

class GameDetailTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<GameStore> openStore(const QTemporaryDir &dir)
    {
        auto store = GameStore::open(u"sqlite://"_s + dir.filePath(u"store.sqlite"_s));
        if (!store)
            qFatal("%s", qPrintable(store.error()));
        return std::move(store).value();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void drivesUpdateRowByRow()
    {
        DriveModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Spies spies(&model);
        model.setDrives(early().drives, u"DAL"_s);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(range(spies.inserted.first()), std::make_pair(0, 1));
        QCOMPARE(model.index(1).data(DriveModel::ResultKindRole).toString(), u"live"_s);
        QCOMPARE(model.index(0).data(DriveModel::ResultKindRole).toString(), u"punt"_s);
        QCOMPARE(model.index(0).data(DriveModel::IsHomeRole).toBool(), true);
        spies.clear();

        model.setDrives(later().drives, u"DAL"_s);
        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(spies.removed.size(), 0);
        QCOMPARE(spies.moved.size(), 0);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(range(spies.inserted.first()), std::make_pair(2, 2));
        QCOMPARE(spies.changed.size(), 1);
        const auto [row, roles] = change(spies.changed.first());
        QCOMPARE(row, 1);
        QCOMPARE(QSet<int>(roles.cbegin(), roles.cend()),
            (QSet<int> {DriveModel::ResultRole, DriveModel::ResultKindRole, DriveModel::EndYardLineRole,
                DriveModel::PlayCountRole}));
        QCOMPARE(model.index(1).data(DriveModel::ResultKindRole).toString(), u"touchdown"_s);
        QCOMPARE(model.index(1).data(DriveModel::PlayCountRole).toInt(), 3);

        // The same detail again: not one signal.
        spies.clear();
        model.setDrives(later().drives, u"DAL"_s);
        QCOMPARE(spies.inserted.size() + spies.changed.size() + spies.removed.size() + spies.reset.size(), 0);
    }

    void playsUpdateRowByRowAndSearch()
    {
        PlayModel model;
        PlayFilterModel filter;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        Spies spies(&model);
        model.setDrives(early().drives);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(2).data(PlayModel::DriveLabelRole).toString(), u"Drive 2 · LAR · In progress"_s);
        spies.clear();

        model.setDrives(later().drives);
        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(spies.removed.size(), 0);
        // The new play of drive 2 and the first of drive 3 are next to each other: one insert of two rows.
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(range(spies.inserted.first()), std::make_pair(4, 5));
        // Drive 2 ended: its two earlier plays change section label, each in its own row.
        QCOMPARE(spies.changed.size(), 2);
        QCOMPARE(change(spies.changed.at(0)), std::make_pair(2, QList<int> {PlayModel::DriveLabelRole}));
        QCOMPARE(change(spies.changed.at(1)), std::make_pair(3, QList<int> {PlayModel::DriveLabelRole}));
        QCOMPARE(model.index(4).data(PlayModel::DriveLabelRole).toString(), u"Drive 2 · LAR · Touchdown"_s);

        filter.setSearch(u"TOUCH"_s);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(PlayModel::IdRole).toString(), u"p5"_s);
        filter.setSearch(u"lar run"_s); // every word, any field: the run of LAR's drive
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(PlayModel::IdRole).toString(), u"p4"_s);
        filter.setSearch(QString());
        QCOMPARE(filter.rowCount(), 6);
    }

    // A repeated play id (ESPN has sent them) still gives one row per play, and updates stay row by row.
    void repeatedIdsKeepOneRowEach()
    {
        PlayModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto drives = early().drives;
        drives[0].plays[1].id = drives[0].plays[0].id;
        model.setDrives(drives);
        QCOMPARE(model.rowCount(), 4);
        Spies spies(&model);
        model.setDrives(drives);
        QCOMPARE(spies.inserted.size() + spies.removed.size() + spies.changed.size() + spies.reset.size(), 0);
        drives[0].plays.removeLast();
        model.setDrives(drives);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(spies.reset.size(), 0);
    }

    void lineScoreScoringAndWinProbability()
    {
        LineScoreModel lines;
        ScoringPlayModel scoring;
        WinProbabilityModel win;
        QAbstractItemModelTester t1(&lines, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&scoring, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&win, QAbstractItemModelTester::FailureReportingMode::QtTest);
        lines.setLineScore(early().visitorLinescore, early().homeLinescore);
        scoring.setScoringPlays(early().scoringPlays);
        win.setDetail(early());
        Spies lineSpies(&lines), scoringSpies(&scoring), winSpies(&win);
        QSignalSpy points(&win, &WinProbabilityModel::pointsChanged);

        lines.setLineScore(later().visitorLinescore, later().homeLinescore);
        QCOMPARE(lineSpies.changed.size(), 1);
        QCOMPARE(change(lineSpies.changed.first()), std::make_pair(0, QList<int> {LineScoreModel::VisitorPointsRole}));
        QCOMPARE(lineSpies.inserted.size() + lineSpies.reset.size(), 0);
        // A second quarter starts: one row inserted.
        lines.setLineScore({7, 3}, {0, 0});
        QCOMPARE(lineSpies.inserted.size(), 1);
        QCOMPARE(range(lineSpies.inserted.first()), std::make_pair(1, 1));
        QCOMPARE(lines.index(1).data(LineScoreModel::PeriodRole).toString(), u"2"_s);

        scoring.setScoringPlays(later().scoringPlays);
        QCOMPARE(scoringSpies.inserted.size(), 1);
        QCOMPARE(scoringSpies.changed.size() + scoringSpies.reset.size(), 0);
        QCOMPARE(scoring.index(0).data(ScoringPlayModel::VisitorScoreRole).toInt(), 7);

        win.setDetail(later());
        QCOMPARE(winSpies.inserted.size(), 1);
        QCOMPARE(range(winSpies.inserted.first()), std::make_pair(4, 5));
        QCOMPARE(winSpies.changed.size() + winSpies.reset.size() + winSpies.removed.size(), 0);
        QCOMPARE(points.size(), 1);
        const auto curve = win.points();
        QCOMPARE(curve.size(), 6);
        QCOMPARE(curve.at(5).toPointF().y(), 0.46);
        for (int i = 1; i < curve.size(); ++i) // on the clock: never backwards
            QVERIFY(curve.at(i).toPointF().x() >= curve.at(i - 1).toPointF().x());
    }

    void emptySummaryExplains()
    {
        QTemporaryDir dir;
        auto store = openStore(dir);
        auto game = Test::espnGame(Test::liveGame(Test::scheduledGame(u"2025092101"_s, u"DAL"_s, u"LAR"_s, 13), 0, 0),
            u"401772501"_s, u"AT&T Stadium"_s, u"Arlington, TX"_s, u"FOX"_s);
        QVERIFY(store->upsertWeek(ParsedWeek {Test::testWeek, FeedDialect::Ajax, {game}}).ok());
        GameDetail empty;
        empty.state = u"in"_s;
        QVERIFY(store->storeDetail(game.eid, empty).ok());

        GameDetailController controller(store.get());
        QAbstractItemModelTester tester(controller.plays(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        controller.open(game.eid);
        QVERIFY(controller.hasGame());
        QCOMPARE(controller.plays()->rowCount(), 0);
        QCOMPARE(controller.drives()->rowCount(), 0);
        QCOMPARE(controller.winProbability()->points().size(), 0);
        QVERIFY(!controller.hasPlays());
        QVERIFY2(controller.message().contains(u"ESPN source"_s), qPrintable(controller.message()));
        QCOMPARE(controller.venue(), u"AT&T Stadium, Arlington, TX"_s);
        QCOMPARE(controller.broadcast(), u"FOX"_s);
        QVERIFY(!controller.kickoffText().isEmpty());
        controller.close();
        QVERIFY(!controller.hasGame());
    }

    void scorestripGameFetchesNothing()
    {
        QTemporaryDir dir;
        auto store = openStore(dir);
        const auto game = Test::liveGame(Test::scheduledGame(u"2025092102"_s, u"MIA"_s, u"NE"_s, 17), 3, 0);
        QVERIFY(store->upsertWeek(ParsedWeek {Test::testWeek, FeedDialect::Ajax, {game}}).ok());

        FeedServer::Options options;
        options.format = FeedServer::Format::Espn;
        options.syntheticSeason = 2025;
        FeedServer feed(options);
        QVERIFY(feed.listen());
        GameDetailController controller(store.get());
        controller.setFeedUrl(feed.baseUrl(), FeedSource::Espn);
        controller.open(game.eid);
        QVERIFY(controller.hasGame());
        QCOMPARE(controller.homeScore(), 3);
        QVERIFY(!controller.espnGame());
        QVERIFY(!controller.loading());
        QCOMPARE(controller.fetchCount(), 0);
        QTest::qWait(200);
        QCOMPARE(feed.requestCount(), 0);
        QVERIFY2(controller.message().contains(u"need the ESPN source"_s), qPrintable(controller.message()));
        QCOMPARE(controller.lineScore()->rowCount(), 0);
    }

    // Behind a 45 s spoiler delay (fake clock) the page shows the game as the board does: the header in its
    // released state, and plays only 45 s after they arrived; a final game the board shows as final has
    // nothing left to spoil. The standings take a final only when the delay releases it.
    void pageAndStandingsFollowTheSpoilerDelay()
    {
        QTemporaryDir dir;
        auto store = openStore(dir);
        QDateTime now(QDate(2025, 9, 21), QTime(18, 0), Qt::UTC);
        DelayLine line(store.get());
        line.setClock([&now] { return now; });
        line.setDelay(45);
        auto game = Test::espnGame(Test::scheduledGame(u"2025092107"_s, u"LAR"_s, u"DAL"_s, 17), u"401547505"_s,
            u"SoFi Stadium"_s, u"Inglewood, CA"_s, u"FOX"_s);
        QVERIFY(store->upsertWeek(ParsedWeek {Test::testWeek, FeedDialect::Ajax, {Test::liveGame(game, 0, 0)}}).ok());
        now = now.addSecs(45);
        line.releaseDue(); // the board shows 0-0
        QVERIFY(store->storeDetail(game.eid, early()).ok());
        StandingsModel standings(store.get());
        standings.setDelayLine(&line);
        standings.setSeason(game.season);
        const int standingsRows = standings.rowCount();

        GameDetailController controller(store.get());
        controller.setDelayLine(&line);
        QSignalSpy status(&controller, &GameDetailController::statusChanged);
        controller.open(game.eid);
        QCOMPARE(controller.homeScore(), 0);
        QVERIFY(!controller.hasPlays()); // a stored summary of a live game may be ahead of the board
        QVERIFY2(controller.message().contains(u"spoiler delay"_s), qPrintable(controller.message()));

        // A touchdown arrives 10 s later: the header keeps 0-0 until it is released.
        now = now.addSecs(10);
        QVERIFY(store->upsertWeek(ParsedWeek {Test::testWeek, FeedDialect::Ajax, {Test::liveGame(game, 7, 0)}}).ok());
        QCOMPARE(controller.homeScore(), 0);

        now = now.addSecs(34); // 44 s after the summary arrived: still held
        controller.releaseDueDetail();
        QVERIFY(!controller.hasPlays());
        now = now.addSecs(1); // 45 s: the summary appears, the touchdown still waits
        status.clear();
        controller.releaseDueDetail();
        QVERIFY(controller.hasPlays());
        QCOMPARE(controller.playModel()->rowCount(), early().playCount());
        QVERIFY(!status.isEmpty());
        QCOMPARE(controller.homeScore(), 0);
        now = now.addSecs(10); // 45 s after the touchdown arrived
        line.releaseDue();
        QCOMPARE(controller.homeScore(), 7);

        // The final: the standings ignore it while it is held, and take it when it is released.
        QVERIFY(store
                    ->upsertWeek(ParsedWeek {
                        Test::testWeek, FeedDialect::Ajax, {Test::liveGame(game, 7, 3, GameState::Final, {})}})
                    .ok());
        QVERIFY(line.holdsFinal(game.season));
        QTest::qWait(400); // longer than the standings' coalescing
        QCOMPARE(standings.rowCount(), standingsRows);
        QCOMPARE(controller.visitorScore(), 0);
        now = now.addSecs(45);
        line.releaseDue();
        QCOMPARE(controller.visitorScore(), 3);
        QTRY_COMPARE(standings.rowCount(), standingsRows + 2);

        // Opened again now that the board shows it final: the stored summary shows at once.
        QVERIFY(store->storeDetail(game.eid, later()).ok());
        controller.close();
        controller.open(game.eid);
        QVERIFY(controller.isFinal());
        QCOMPARE(controller.playModel()->rowCount(), later().playCount());
    }

    // Opening the page of a live ESPN game without detail fetches its summary from the feed; a live update of
    // that game inside the policy's 10 s fetches nothing, one after it fetches again and the page grows row by
    // row; a summary with no plays (a game not started) leaves an empty page that says why.
    void openingFetchesSummaryAndLiveRefreshes()
    {
        QTemporaryDir dir;
        auto store = openStore(dir);
        const SyntheticSeason season(2025);
        FeedServer::Options options;
        options.format = FeedServer::Format::Espn;
        options.syntheticSeason = 2025;
        options.clockStart = season.firstSundayKickoff().addSecs(40 * 60);
        options.speed = 300; // five synthetic minutes a second: plays happen between two fetches
        FeedServer feed(options);
        QVERIFY(feed.listen());
        const WeekKey week {2025, SeasonType::Reg, 1};
        const auto parsed = season.espnWeek(week, feed.now());
        QVERIFY(store->upsertWeek(parsed).ok());
        std::optional<Game> live, pregame;
        for (const auto &g : parsed.games) {
            if (!live && isLive(g.state))
                live = g;
            if (!pregame && g.state == GameState::Pregame)
                pregame = g;
        }
        QVERIFY(live);
        QVERIFY(pregame);
        QVERIFY(!store->detail(live->eid).value());

        std::chrono::milliseconds now = 0ms;
        GameDetailController controller(store.get());
        controller.setPolicyClock([&now] { return now; });
        controller.setFeedUrl(feed.baseUrl(), FeedSource::Espn);
        QAbstractItemModelTester playTester(
            controller.playModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester driveTester(
            controller.drives(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy fetched(&controller, &GameDetailController::summaryFetched);

        const int before = feed.requestCount();
        controller.open(live->eid);
        QVERIFY(controller.loading()); // never waits on the GUI thread: the fetch is under way
        QCOMPARE(controller.fetchCount(), 1);
        QVERIFY(fetched.wait(10000));
        QCOMPARE(fetched.first().at(1).toString(), QString());
        QCOMPARE(feed.requestCount(), before + 1);
        QVERIFY(!controller.loading());
        QVERIFY(controller.hasPlays());
        QVERIFY(controller.drives()->rowCount() > 0);
        QVERIFY(controller.lineScore()->rowCount() > 0);
        QVERIFY(controller.winProbability()->count() > 1);
        const auto stored = store->detail(live->eid).value();
        QVERIFY(stored && !stored->drives.isEmpty()); // what was fetched went to the store first
        QCOMPARE(controller.playModel()->rowCount(), stored->playCount());

        // A live update 5 s later: inside the window, nothing is fetched.
        Spies plays(controller.playModel());
        Spies drives(controller.drives());
        now += 5s;
        QTest::qWait(1500); // the synthetic game moves on
        auto update1 = season.espnGame(live->espnId, feed.now());
        QVERIFY(update1);
        update1->lastPlay += u" (update 1)"_s; // a change even if the game stands still (halftime)
        QVERIFY(store->upsertWeek(ParsedWeek {week, FeedDialect::Ajax, {*update1}}).ok());
        QCOMPARE(controller.fetchCount(), 1);

        // That update is caught up when the window ends, without another update: fetched again, and the page
        // grows row by row.
        now += 5s;
        QVERIFY(fetched.wait(10000)); // the catch-up timer fires about 5 s after the update
        QCOMPARE(controller.fetchCount(), 2);
        QCOMPARE(plays.reset.size(), 0);
        QCOMPARE(drives.reset.size(), 0);
        QCOMPARE(plays.removed.size(), 0);
        QVERIFY(plays.inserted.size() >= 1);
        QCOMPARE(controller.playModel()->rowCount(), store->detail(live->eid).value()->playCount());
        QVERIFY(controller.playModel()->rowCount() > stored->playCount());

        // A live update after the window fetches at once.
        now += 10s;
        QTest::qWait(500);
        auto update2 = season.espnGame(live->espnId, feed.now());
        QVERIFY(update2);
        update2->lastPlay += u" (update 2)"_s;
        QVERIFY(store->upsertWeek(ParsedWeek {week, FeedDialect::Ajax, {*update2}}).ok());
        QCOMPARE(controller.fetchCount(), 3);
        QVERIFY(controller.loading());
        QVERIFY(fetched.wait(10000));
        QCOMPARE(plays.reset.size(), 0);
        QCOMPARE(plays.removed.size(), 0);

        // A game not started: its summary has no plays; the page is empty and says why.
        controller.open(pregame->eid);
        QVERIFY(fetched.wait(10000));
        QVERIFY(controller.hasGame());
        QVERIFY(!controller.hasPlays());
        QCOMPARE(controller.drives()->rowCount(), 0);
        QVERIFY2(controller.message().contains(u"not kicked off"_s), qPrintable(controller.message()));
    }
};

QTEST_MAIN(GameDetailTest)
#include "gamedetailtest.moc"
