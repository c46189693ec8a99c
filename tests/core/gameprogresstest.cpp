// How far a game has run, as the card's progress bar shows it: read off the state and the clock in every state,
// including halftime, overtime and clocks a feed sends garbled.
#include "game.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class GameProgressTest : public QObject
{
    Q_OBJECT

    static double shareOf(GameState state, const QString &clock)
    {
        Game game;
        game.state = state;
        game.clock = clock;
        return game.progress();
    }

private Q_SLOTS:
    void progress_data()
    {
        QTest::addColumn<GameState>("state");
        QTest::addColumn<QString>("clock");
        QTest::addColumn<double>("expected");
        QTest::newRow("pregame") << GameState::Pregame << QString() << 0.0;
        QTest::newRow("kickoff") << GameState::Quarter1 << u"15:00"_s << 0.0;
        QTest::newRow("mid first") << GameState::Quarter1 << u"07:30"_s << 0.125;
        QTest::newRow("end of first") << GameState::Quarter1 << u"00:00"_s << 0.25;
        QTest::newRow("second 08:11") << GameState::Quarter2 << u"08:11"_s << (900.0 + 900 - 491) / 3600;
        QTest::newRow("halftime") << GameState::Halftime << QString() << 0.5;
        QTest::newRow("third, no leading zero") << GameState::Quarter3 << u"7:30"_s << 0.625;
        QTest::newRow("fourth, two minutes") << GameState::Quarter4 << u"02:00"_s << (3600.0 - 120) / 3600;
        QTest::newRow("overtime") << GameState::Overtime << u"10:00"_s << 1.0;
        QTest::newRow("final") << GameState::Final << QString() << 1.0;
        QTest::newRow("final after overtime") << GameState::FinalOvertime << QString() << 1.0;
        // A clock the feed garbled or left out: the quarter's start, never outside the bar.
        QTest::newRow("empty clock") << GameState::Quarter2 << QString() << 0.25;
        QTest::newRow("no colon") << GameState::Quarter2 << u"0811"_s << 0.25;
        QTest::newRow("letters") << GameState::Quarter3 << u"ab:cd"_s << 0.5;
        QTest::newRow("three parts") << GameState::Quarter3 << u"1:02:03"_s << 0.5;
        QTest::newRow("negative") << GameState::Quarter4 << u"-1:00"_s << 0.75;
        QTest::newRow("seconds past 59") << GameState::Quarter4 << u"01:75"_s << 0.75;
        QTest::newRow("more than a quarter left") << GameState::Quarter2 << u"20:00"_s << 0.25;
    }
    void progress()
    {
        QFETCH(GameState, state);
        QFETCH(QString, clock);
        QFETCH(double, expected);
        const double share = shareOf(state, clock);
        QVERIFY2(qAbs(share - expected) < 1e-9, qPrintable(u"%1 instead of %2"_s.arg(share).arg(expected)));
        QVERIFY(share >= 0 && share <= 1);
    }
};

QTEST_GUILESS_MAIN(GameProgressTest)
#include "gameprogresstest.moc"
