// GameNotifier: a stream of game updates gives alerts for favourites only, never for muted teams, never for a
// game's first sighting, and knows the top favourite's game in play.
#include "gamenotifier.h"
#include "testgames.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

Game dalNyg()
{
    return Test::scheduledGame(u"2025092100"_s, u"DAL"_s, u"NYG"_s, 17);
}

Game detGb()
{
    return Test::scheduledGame(u"2025092101"_s, u"DET"_s, u"GB"_s, 17);
}

QStringList summaries(const QSignalSpy &spy)
{
    QStringList out;
    for (const auto &args : spy)
        out.append(args.at(0).value<Alert>().summary);
    return out;
}

} // namespace

class GameNotifierTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void favouritesOnlyAndNotOnFirstSighting()
    {
        GameNotifier notifier;
        notifier.setFavourites({u"DAL"_s});
        QSignalSpy spy(&notifier, &GameNotifier::alerted);
        // Seen first in play (the app started mid-game): a baseline, no alert.
        notifier.onGame(Test::liveGame(dalNyg(), 7, 0));
        notifier.onGame(Test::scheduledGame(u"2025092101"_s, u"DET"_s, u"GB"_s, 17));
        QCOMPARE(spy.count(), 0);
        notifier.onGame(Test::liveGame(dalNyg(), 7, 3));
        notifier.onGame(Test::liveGame(detGb(), 7, 0)); // not a favourite
        QCOMPARE(summaries(spy), QStringList({u"Giants +3"_s}));
    }

    void aWholeGameInOrder()
    {
        GameNotifier notifier;
        notifier.setFavourites({u"NYG"_s});
        QSignalSpy spy(&notifier, &GameNotifier::alerted);
        notifier.onGame(dalNyg());
        notifier.onGame(Test::liveGame(dalNyg(), 0, 0, GameState::Quarter1, u"15:00"_s));
        notifier.onGame(Test::liveGame(dalNyg(), 7, 0, GameState::Quarter1, u"09:00"_s));
        notifier.onGame(Test::liveGame(dalNyg(), 7, 7, GameState::Quarter2, u"09:00"_s)); // tie: no lead change yet
        notifier.onGame(Test::liveGame(dalNyg(), 7, 10, GameState::Quarter3, u"04:00"_s));
        auto end = Test::liveGame(dalNyg(), 7, 10, GameState::Final, {});
        notifier.onGame(end);
        notifier.onGame(end); // the same final again: forgotten, so silent
        QCOMPARE(summaries(spy),
            QStringList({u"Kickoff: Giants at Cowboys"_s, u"Cowboys +7"_s, u"Giants +7"_s, u"Giants +3"_s,
                u"Lead change: Giants lead"_s, u"Final: Giants win"_s}));
    }

    void mutedPerTeam()
    {
        GameNotifier notifier;
        notifier.setFavourites({u"DAL"_s, u"DET"_s});
        notifier.setMuted({u"DAL"_s});
        QSignalSpy spy(&notifier, &GameNotifier::alerted);
        notifier.onGame(Test::liveGame(dalNyg(), 0, 0));
        notifier.onGame(Test::liveGame(detGb(), 0, 0));
        notifier.onGame(Test::liveGame(dalNyg(), 3, 0));
        notifier.onGame(Test::liveGame(detGb(), 3, 0));
        QCOMPARE(summaries(spy), QStringList({u"Lions +3"_s}));
        // Unmuted: the next score is heard; the muted stretch still counted as the baseline.
        notifier.setMuted({});
        notifier.onGame(Test::liveGame(dalNyg(), 10, 0));
        QCOMPARE(summaries(spy), QStringList({u"Lions +3"_s, u"Cowboys +7"_s}));
        // A game between a muted favourite and an audible one is heard.
        GameNotifier both;
        both.setFavourites({u"DAL"_s, u"NYG"_s});
        both.setMuted({u"DAL"_s});
        QSignalSpy bothSpy(&both, &GameNotifier::alerted);
        both.onGame(Test::liveGame(dalNyg(), 0, 0));
        both.onGame(Test::liveGame(dalNyg(), 3, 0));
        QCOMPARE(summaries(bothSpy), QStringList({u"Cowboys +3"_s}));
    }

    void topFavouriteByPriority()
    {
        GameNotifier notifier;
        notifier.setFavourites({u"DET"_s, u"DAL"_s});
        QSignalSpy spy(&notifier, &GameNotifier::topFavouriteChanged);
        QVERIFY(!notifier.topFavouriteGame());
        notifier.onGame(Test::liveGame(dalNyg(), 7, 3));
        notifier.onGame(detGb()); // before kickoff: not in play
        QCOMPARE(notifier.topFavouriteGame()->eid, u"2025092100"_s);
        notifier.onGame(Test::liveGame(detGb(), 0, 0, GameState::Quarter1));
        QCOMPARE(notifier.topFavouriteGame()->eid, u"2025092101"_s);
        notifier.onGame(Test::liveGame(detGb(), 0, 0, GameState::Final));
        QCOMPARE(notifier.topFavouriteGame()->eid, u"2025092100"_s);
        QVERIFY(spy.count() >= 4);
        // A team no longer a favourite: its game is forgotten.
        notifier.setFavourites({u"DET"_s});
        QVERIFY(!notifier.topFavouriteGame());
    }
};

QTEST_GUILESS_MAIN(GameNotifierTest)
#include "gamenotifiertest.moc"
