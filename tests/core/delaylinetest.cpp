// DelayLine: the spoiler delay. With a fake clock: a change stored at t is released at t + delay, never before,
// in arrival order; nothing is lost while the source reconnects; a week read through the line shows what was
// released, not what is pending; the delay is clamped to 0-120 s and bad text refused.
#include "delayline.h"
#include "gamestore.h"
#include "testgames.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class DelayLineTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<GameStore> m_store;
    QDateTime m_now;

    static Game game(const QString &eid, const QString &home, const QString &visitor)
    {
        return Test::scheduledGame(eid, home, visitor, 17);
    }

    void store(const QList<Game> &games)
    {
        auto result = m_store->upsertWeek(ParsedWeek {Test::testWeek, FeedDialect::Ajax, games});
        QVERIFY2(result.ok(), qPrintable(result.error()));
    }

    std::unique_ptr<DelayLine> line(int delay)
    {
        auto line = std::make_unique<DelayLine>(m_store.get());
        line->setClock([this] { return m_now; });
        line->setDelay(delay);
        return line;
    }

    static QList<int> homeScores(const QSignalSpy &spy)
    {
        QList<int> scores;
        for (const auto &args : spy)
            scores.append(args.at(0).value<Game>().home.score.value_or(-1));
        return scores;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        static int n = 0;
        auto store = GameStore::open(u"sqlite://"_s + m_dir.filePath(u"d%1.sqlite"_s.arg(++n)));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = std::move(store).value();
        m_now = QDateTime(QDate(2025, 9, 21), QTime(17, 30), Qt::UTC);
    }

    void cleanup() { m_store.reset(); }

    void aChangeAppearsExactlyDelayLaterInOrder()
    {
        const auto a = game(u"2025092101"_s, u"KC"_s, u"DEN"_s);
        store({a});
        auto delayed = line(45);
        QSignalSpy released(delayed.get(), &DelayLine::gameReleased);
        const QDateTime t0 = m_now;
        store({Test::liveGame(a, 7, 0)}); // t0
        m_now = t0.addSecs(10);
        store({Test::liveGame(a, 14, 0)}); // t0 + 10
        m_now = t0.addSecs(20);
        store({Test::liveGame(a, 14, 3)}); // t0 + 20
        QCOMPARE(delayed->pendingCount(), 3);

        m_now = t0.addMSecs(45 * 1000 - 1); // one millisecond early: nothing
        delayed->releaseDue();
        QCOMPARE(released.size(), 0);
        m_now = t0.addSecs(45);
        delayed->releaseDue();
        QCOMPARE(homeScores(released), (QList<int> {7}));
        m_now = t0.addSecs(54);
        delayed->releaseDue();
        QCOMPARE(released.size(), 1);
        m_now = t0.addSecs(70); // both remaining changes are due: released in the order they arrived
        delayed->releaseDue();
        QCOMPARE(homeScores(released), (QList<int> {7, 14, 14}));
        QCOMPARE(released.last().at(0).value<Game>().visitor.score, 3);
        QCOMPARE(delayed->pendingCount(), 0);
    }

    void zeroDelayPassesThroughAtOnce()
    {
        const auto a = game(u"2025092101"_s, u"KC"_s, u"DEN"_s);
        auto delayed = line(0);
        QSignalSpy released(delayed.get(), &DelayLine::gameReleased);
        store({a});
        QCOMPARE(released.size(), 1);
        QCOMPARE(delayed->pendingCount(), 0);
    }

    void theTimerReleasesWithoutHelp()
    {
        // The real clock and a one-second delay: the line's own timer releases the change.
        auto delayed = std::make_unique<DelayLine>(m_store.get());
        delayed->setDelay(1);
        QSignalSpy released(delayed.get(), &DelayLine::gameReleased);
        store({game(u"2025092101"_s, u"KC"_s, u"DEN"_s)});
        QCOMPARE(released.size(), 0);
        QVERIFY(released.wait(5000));
        QCOMPARE(released.size(), 1);
    }

    void aReconnectingSourceLosesNothing()
    {
        // A source that goes away and comes back re-delivers the week: the store emits only what changed, and
        // the line keeps what it already holds, so every change is released once, in order.
        const auto a = game(u"2025092101"_s, u"KC"_s, u"DEN"_s);
        const auto b = game(u"2025092102"_s, u"NE"_s, u"BUF"_s);
        store({a, b});
        auto delayed = line(30);
        QSignalSpy released(delayed.get(), &DelayLine::gameReleased);
        const QDateTime t0 = m_now;
        store({Test::liveGame(a, 3, 0), b});
        m_now = t0.addSecs(5); // reconnected: the whole week again, one more change
        store({Test::liveGame(a, 3, 0), Test::liveGame(b, 0, 7)});
        QCOMPARE(delayed->pendingCount(), 2);
        m_now = t0.addSecs(35);
        delayed->releaseDue();
        QCOMPARE(released.size(), 2);
        QCOMPARE(released.at(0).at(0).value<Game>().eid, a.eid);
        QCOMPARE(released.at(1).at(0).value<Game>().eid, b.eid);
    }

    void aWeekReadThroughTheLineShowsTheReleasedState()
    {
        const auto a = game(u"2025092101"_s, u"KC"_s, u"DEN"_s);
        const auto b = game(u"2025092102"_s, u"NE"_s, u"BUF"_s);
        store({Test::liveGame(a, 7, 0), b});
        auto delayed = line(45);
        auto before = delayed->week(Test::testWeek); // what is on screen now
        QVERIFY(before.ok());
        store({Test::liveGame(a, 14, 0), Test::liveGame(b, 0, 3)}); // pending for 45 s
        auto during = delayed->week(Test::testWeek);
        QVERIFY(during.ok());
        QCOMPARE(during.value().size(), 2);
        for (const auto &g : during.value()) {
            if (g.eid == a.eid)
                QCOMPARE(g.home.score, 7); // not the pending 14
            else
                QVERIFY(!g.visitor.score.has_value()); // not yet started, as shown
        }
        m_now = m_now.addSecs(45);
        delayed->releaseDue();
        auto after = delayed->week(Test::testWeek);
        for (const auto &g : after.value())
            QCOMPARE(g.eid == a.eid ? g.home.score : g.visitor.score, g.eid == a.eid ? 14 : 3);
        QCOMPARE(delayed->releasedCount(), 2); // one state per game shown, however many changes passed
    }

    // One game as shown: its released state while a change to it waits; which seasons hold a final back.
    void aGameReadThroughTheLineAndHeldFinals()
    {
        const auto a = game(u"2025092101"_s, u"KC"_s, u"DEN"_s);
        store({Test::liveGame(a, 7, 0)});
        auto delayed = line(45);
        QVERIFY(delayed->week(Test::testWeek).ok()); // the board shows 7-0
        QCOMPARE(delayed->shown(m_store->gameById(a.eid).value().value()).home.score, 7);
        QVERIFY(!delayed->holdsFinal(a.season));

        store({Test::liveGame(a, 7, 3, GameState::Final, {})});
        const Game stored = m_store->gameById(a.eid).value().value();
        QCOMPARE(stored.visitor.score, 3);
        QCOMPARE(delayed->shown(stored).visitor.score, 0); // still 7-0 on screen
        QVERIFY(delayed->holdsFinal(a.season));
        QVERIFY(!delayed->holdsFinal(a.season + 1));

        m_now = m_now.addSecs(45);
        delayed->releaseDue();
        QCOMPARE(delayed->shown(stored), stored);
        QVERIFY(!delayed->holdsFinal(a.season));
    }

    void loweringTheDelayReleasesWhatIsDue()
    {
        const auto a = game(u"2025092101"_s, u"KC"_s, u"DEN"_s);
        store({a});
        auto delayed = line(60);
        QSignalSpy released(delayed.get(), &DelayLine::gameReleased);
        store({Test::liveGame(a, 7, 0)});
        m_now = m_now.addSecs(20);
        delayed->setDelay(30);
        QCOMPARE(released.size(), 0);
        delayed->setDelay(10);
        QCOMPARE(released.size(), 1);
    }

    void theDelayIsClamped()
    {
        auto delayed = line(-5);
        QCOMPARE(delayed->delay(), 0);
        delayed->setDelay(100000);
        QCOMPARE(delayed->delay(), 120);

        QCOMPARE(DelaySetting::parse(u"45"_s).seconds, 45);
        QVERIFY(DelaySetting::parse(u"45"_s).warning.isEmpty());
        const auto negative = DelaySetting::parse(u"-3"_s);
        QCOMPARE(negative.seconds, 0);
        QVERIFY(negative.warning.contains(u"0-120"_s));
        const auto huge = DelaySetting::parse(u"99999999999"_s);
        QCOMPARE(huge.seconds, 120);
        QVERIFY(!huge.warning.isEmpty());
        const auto text = DelaySetting::parse(u"soon"_s);
        QVERIFY(text.error.contains(u"soon"_s));
    }
};

QTEST_GUILESS_MAIN(DelayLineTest)
#include "delaylinetest.moc"
