// ScoreTray: the tray follows the top favourite's game in play, by priority, and falls back to the app icon.
#include "scoretray.h"
#include "gamenotifier.h"
#include "testgames.h"

#include <QApplication>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class ScoreTrayTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheTopFavourite()
    {
        GameNotifier notifier;
        notifier.setFavourites({u"DET"_s, u"NYG"_s});
        ScoreTray tray(&notifier, nullptr);
        QCOMPARE(tray.icon().toolTip(), u"Endzone: no favourite is playing"_s);
        QVERIFY(!tray.icon().icon().isNull());

        const auto dalNyg = Test::scheduledGame(u"2025092100"_s, u"DAL"_s, u"NYG"_s, 17);
        notifier.onGame(Test::liveGame(dalNyg, 3, 7, GameState::Quarter4, u"02:00"_s));
        QCOMPARE(tray.icon().toolTip(), u"Endzone\nNYG 7, DAL 3 · 4th quarter 2:00"_s);
        QCOMPARE(ScoreTray::iconScore(*notifier.topFavouriteGame(), notifier.favourites()), u"7-3"_s);

        // The higher-priority favourite kicks off: the tray switches to it, the favourite's score first.
        const auto detGb = Test::scheduledGame(u"2025092101"_s, u"GB"_s, u"DET"_s, 17);
        notifier.onGame(Test::liveGame(detGb, 10, 0, GameState::Quarter1, u"01:00"_s));
        QCOMPARE(tray.icon().toolTip(), u"Endzone\nDET 0, GB 10 · 1st quarter 1:00"_s);
        QCOMPARE(ScoreTray::iconScore(*notifier.topFavouriteGame(), notifier.favourites()), u"0-10"_s);

        notifier.onGame(Test::liveGame(detGb, 10, 0, GameState::Final, {}));
        notifier.onGame(Test::liveGame(dalNyg, 3, 7, GameState::Final, {}));
        QCOMPARE(tray.icon().toolTip(), u"Endzone: no favourite is playing"_s);
    }
};

QTEST_MAIN(ScoreTrayTest)
#include "scoretraytest.moc"
