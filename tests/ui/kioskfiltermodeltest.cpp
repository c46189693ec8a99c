// KioskFilterModel's modes with a synthetic clock: live-only shows and pages live games only; with nothing
// live it shows today's finals and counts down to the next kickoff; rollover hours keep yesterday's games
// "today" past midnight; the highest-priority live favourite is pinned out of the paged rows.
#include "kioskfiltermodel.h"
#include "favouritescontroller.h"
#include "gamestore.h"
#include "scoreboardmodel.h"
#include "testgames.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class KioskFilterModelTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<GameStore> m_store;
    std::unique_ptr<FavouritesController> m_favourites;
    std::unique_ptr<ScoreboardModel> m_model;
    std::unique_ptr<KioskFilterModel> m_kiosk;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QDateTime m_now;

    // Sunday 2025-09-21, `hour` UTC (TZ is Europe/Berlin: local is UTC+2).
    static Game game(const QString &eid, const QString &home, const QString &visitor, int hour)
    {
        return Test::scheduledGame(eid, home, visitor, hour);
    }

    static Game final(Game g, int home, int visitor)
    {
        g = Test::liveGame(std::move(g), home, visitor);
        g.state = GameState::Final;
        g.clock.clear();
        return g;
    }

    void store(const QList<Game> &games)
    {
        auto result = m_store->upsertWeek(ParsedWeek {Test::testWeek, FeedDialect::Ajax, games});
        QVERIFY2(result.ok(), qPrintable(result.error()));
    }

    QStringList homes() const
    {
        QStringList teams;
        for (int row = 0; row < m_kiosk->rowCount(); ++row)
            teams.append(m_kiosk->index(row, 0).data(ScoreboardModel::HomeAbbrRole).toString());
        return teams;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        static int n = 0;
        auto store = GameStore::open(u"sqlite://"_s + m_dir.filePath(u"k%1.sqlite"_s.arg(++n)));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = std::move(store).value();
        m_favourites = std::make_unique<FavouritesController>();
        m_model = std::make_unique<ScoreboardModel>(m_store.get());
        m_model->setFavourites(m_favourites.get());
        m_model->setWeek(Test::testWeek);
        m_kiosk = std::make_unique<KioskFilterModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_kiosk.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_now = QDateTime(QDate(2025, 9, 21), QTime(16, 0), Qt::UTC);
        m_kiosk->setClock([this] { return m_now; });
        m_kiosk->setSourceModel(m_model.get());
    }

    void cleanup()
    {
        m_tester.reset();
        m_kiosk.reset();
        m_model.reset();
        m_favourites.reset();
        m_store.reset();
    }

    void liveOnlyShowsAndPagesLiveGamesOnly()
    {
        m_kiosk->setMode(u"live-only"_s);
        QVERIFY(m_kiosk->liveOnly());
        const auto kc = game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17);
        const auto ne = game(u"2025092102"_s, u"NE"_s, u"BUF"_s, 17);
        const auto dal = game(u"2025092103"_s, u"DAL"_s, u"NYG"_s, 20);
        store({Test::liveGame(kc, 7, 0), Test::liveGame(ne, 0, 3), dal});
        QVERIFY(m_kiosk->anyLive());
        QCOMPARE(homes(), (QStringList {u"KC"_s, u"NE"_s}));
        QVERIFY(m_kiosk->countdown().isEmpty()); // something is live: no countdown
        // KC ends: it leaves the board, which pages the one live game left.
        store({final(kc, 24, 10)});
        QCOMPARE(homes(), (QStringList {u"NE"_s}));
    }

    void nothingLiveShowsTheNextKickoffAndTodaysFinals()
    {
        m_kiosk->setMode(u"live-only"_s);
        const auto kc = game(u"2025092101"_s, u"KC"_s, u"DEN"_s, 17);
        const auto dal = game(u"2025092103"_s, u"DAL"_s, u"NYG"_s, 20);
        auto monday = game(u"2025092201"_s, u"NE"_s, u"BUF"_s, 19);
        monday.kickoff = monday.kickoff.addDays(1);
        m_now = QDateTime(QDate(2025, 9, 21), QTime(19, 58, 30), Qt::UTC);
        store({final(kc, 24, 10), dal, monday});
        QVERIFY(!m_kiosk->anyLive());
        QCOMPARE(homes(), (QStringList {u"KC"_s})); // today's final
        QCOMPARE(m_kiosk->nextKickoff(), dal.kickoff);
        QCOMPARE(m_kiosk->nextMatchup(), u"NYG @ DAL"_s);
        QCOMPARE(m_kiosk->countdown(), u"0:01:30"_s);
        QSignalSpy ticked(m_kiosk.get(), &KioskFilterModel::countdownChanged);
        m_now = m_now.addSecs(1);
        QVERIFY(ticked.wait(3000)); // the countdown follows the clock by itself, once a second
        QCOMPARE(m_kiosk->countdown(), u"0:01:29"_s);
        m_now = m_now.addSecs(59);
        m_kiosk->tick();
        QCOMPARE(m_kiosk->countdown(), u"0:00:30"_s);
        // Kickoff: the game is live, the countdown goes, the board shows it alone.
        store({Test::liveGame(dal, 0, 0, GameState::Quarter1, u"15:00"_s)});
        QVERIFY(!m_kiosk->nextKickoff().isValid());
        QVERIFY(m_kiosk->countdown().isEmpty());
        QCOMPARE(homes(), (QStringList {u"DAL"_s}));
    }

    void rolloverKeepsYesterdayUntilTheHourAcrossMidnight()
    {
        // Sunday's night game kicks off 22:20 local and ends after midnight; Monday's game is at 21:00 local.
        auto night = game(u"2025092104"_s, u"LAR"_s, u"SF"_s, 20);
        night.kickoff = QDateTime(QDate(2025, 9, 21), QTime(20, 20), Qt::UTC);
        auto monday = game(u"2025092201"_s, u"NE"_s, u"BUF"_s, 19);
        monday.kickoff = monday.kickoff.addDays(1);
        store({final(night, 27, 20), monday});
        m_kiosk->setRolloverHours(3);
        // 00:30 local on Monday: still Sunday on the board.
        m_now = QDateTime(QDate(2025, 9, 22), QTime(0, 30), QTimeZone("Europe/Berlin"));
        m_kiosk->tick();
        QCOMPARE(m_kiosk->today(), QDate(2025, 9, 21));
        QCOMPARE(homes(), (QStringList {u"LAR"_s}));
        // 02:59: still Sunday.
        m_now = QDateTime(QDate(2025, 9, 22), QTime(2, 59), QTimeZone("Europe/Berlin"));
        m_kiosk->tick();
        QCOMPARE(homes(), (QStringList {u"LAR"_s}));
        // 03:00: Monday, and Monday's game is today's.
        m_now = QDateTime(QDate(2025, 9, 22), QTime(3, 0), QTimeZone("Europe/Berlin"));
        m_kiosk->tick();
        QCOMPARE(m_kiosk->today(), QDate(2025, 9, 22));
        QCOMPARE(homes(), (QStringList {u"NE"_s}));
        // Without a rollover, midnight is the end of the day.
        m_kiosk->setRolloverHours(0);
        m_now = QDateTime(QDate(2025, 9, 22), QTime(0, 30), QTimeZone("Europe/Berlin"));
        m_kiosk->tick();
        QCOMPARE(m_kiosk->today(), QDate(2025, 9, 22));
        QCOMPARE(homes(), (QStringList {u"NE"_s}));
    }

    void liveOnlyFinalsRollOverToo()
    {
        m_kiosk->setMode(u"live-only"_s);
        m_kiosk->setRolloverHours(3);
        auto night = game(u"2025092104"_s, u"LAR"_s, u"SF"_s, 20);
        store({final(night, 27, 20)});
        m_now = QDateTime(QDate(2025, 9, 22), QTime(1, 0), QTimeZone("Europe/Berlin"));
        m_kiosk->tick();
        QCOMPARE(homes(), (QStringList {u"LAR"_s})); // last night's final, until 3 AM
        m_now = QDateTime(QDate(2025, 9, 22), QTime(3, 1), QTimeZone("Europe/Berlin"));
        m_kiosk->tick();
        QCOMPARE(m_kiosk->rowCount(), 0);
    }

    void theHighestPriorityLiveFavouriteIsPinned()
    {
        m_kiosk->setPinFavourite(true);
        m_favourites->setTeams({u"PHI"_s, u"DET"_s});
        const auto det = game(u"2025092101"_s, u"DET"_s, u"BAL"_s, 17);
        const auto phi = game(u"2025092102"_s, u"PHI"_s, u"LAR"_s, 20);
        const auto kc = game(u"2025092103"_s, u"KC"_s, u"NYG"_s, 17);
        store({Test::liveGame(det, 7, 0), phi, Test::liveGame(kc, 0, 0)});
        // PHI is the first favourite but not live: DET is pinned and leaves the paged rows.
        auto *pinned = m_kiosk->pinnedGames();
        QSignalSpy changed(pinned, &QAbstractItemModel::dataChanged);
        QVERIFY(m_kiosk->hasPinned());
        QCOMPARE(pinned->rowCount(), 1);
        QCOMPARE(pinned->index(0, 0).data(ScoreboardModel::HomeAbbrRole).toString(), u"DET"_s);
        QCOMPARE(pinned->index(0, 0).data(ScoreboardModel::HomeScoreRole).toInt(), 7);
        QVERIFY(!homes().contains(u"DET"_s));
        // A score in the pinned game updates the pinned card, row by row.
        store({Test::liveGame(det, 14, 0)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(pinned->rowCount(), 1);
        QCOMPARE(pinned->index(0, 0).data(ScoreboardModel::HomeScoreRole).toInt(), 14);
        // PHI kicks off: it outranks DET and takes the pin; DET pages with the others.
        store({Test::liveGame(phi, 0, 0, GameState::Quarter1, u"15:00"_s)});
        QCOMPARE(pinned->rowCount(), 1);
        QCOMPARE(pinned->index(0, 0).data(ScoreboardModel::HomeAbbrRole).toString(), u"PHI"_s);
        QVERIFY(homes().contains(u"DET"_s));
        QVERIFY(!homes().contains(u"PHI"_s));
        // No live favourite: nothing pinned.
        m_favourites->setTeams({});
        QVERIFY(!m_kiosk->hasPinned());
        QCOMPARE(pinned->rowCount(), 0);
        QVERIFY(homes().contains(u"PHI"_s));
    }
};

QTEST_GUILESS_MAIN(KioskFilterModelTest)
#include "kioskfiltermodeltest.moc"
