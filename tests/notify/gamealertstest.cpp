// GameAlerts: a game's previous and new state give exactly the alerts a fan reads, word for word.
#include "gamealerts.h"
#include "testgames.h"

#include <QTest>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

using Kind = Alert::Kind;

// Giants at Cowboys, week 3 of 2025.
Game scheduled()
{
    return Test::scheduledGame(u"2025092100"_s, u"DAL"_s, u"NYG"_s, 17);
}

Game live(int home, int visitor, GameState state = GameState::Quarter2, const QString &clock = u"08:11"_s,
    const QString &lastPlay = {})
{
    auto g = Test::liveGame(scheduled(), home, visitor, state, clock);
    g.lastPlay = lastPlay;
    return g;
}

Game final(int home, int visitor, GameState state = GameState::Final)
{
    auto g = Test::liveGame(scheduled(), home, visitor, state, {});
    g.possession.clear();
    return g;
}

} // namespace

class GameAlertsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kickoff()
    {
        const auto alerts = GameAlerts::between(scheduled(), live(0, 0, GameState::Quarter1, u"15:00"_s), {});
        QCOMPARE(alerts,
            QList<Alert>({{Kind::Kickoff, u"2025092100"_s, u"Kickoff: Giants at Cowboys"_s,
                u"NYG 0, DAL 0 · 1st quarter 15:00"_s}}));
    }

    void kickoffWithAnEarlyScore()
    {
        const auto alerts
            = GameAlerts::between(scheduled(), live(0, 7, GameState::Quarter1, u"11:02"_s, u"Nabers 40 yd pass"_s), {});
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts[0].kind, Kind::Kickoff);
        QCOMPARE(alerts[1],
            (Alert {Kind::Score, u"2025092100"_s, u"Giants +7"_s,
                u"NYG 7, DAL 0 · 1st quarter 11:02\nNabers 40 yd pass"_s}));
    }

    void scoreCarriesTheScoringPlay()
    {
        const QString play = u"(8:11) D.Prescott pass short right to C.Lamb for 12 yards, TOUCHDOWN."_s;
        const auto alerts = GameAlerts::between(live(14, 17, GameState::Quarter2, u"09:40"_s, u"old play"_s),
            live(21, 17, GameState::Quarter2, u"08:11"_s, play), u"NYG"_s);
        QCOMPARE(alerts,
            QList<Alert>(
                {{Kind::Score, u"2025092100"_s, u"Cowboys +7"_s, u"NYG 17, DAL 21 · 2nd quarter 8:11\n"_s + play},
                    {Kind::LeadChange, u"2025092100"_s, u"Lead change: Cowboys lead"_s,
                        u"NYG 17, DAL 21 · 2nd quarter 8:11"_s}}));
    }

    void scoreWithoutPlayTextAsTheScorestripHasIt()
    {
        const auto alerts = GameAlerts::between(live(0, 0), live(3, 0), {});
        QCOMPARE(alerts,
            QList<Alert>({{Kind::Score, u"2025092100"_s, u"Cowboys +3"_s, u"NYG 0, DAL 3 · 2nd quarter 8:11"_s}}));
    }

    void aStalePlayIsNotTheScoringPlay()
    {
        const auto alerts = GameAlerts::between(live(0, 0, GameState::Quarter2, u"08:11"_s, u"punt"_s),
            live(2, 0, GameState::Quarter2, u"07:50"_s, u"punt"_s), {});
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].body, u"NYG 0, DAL 2 · 2nd quarter 7:50"_s);
    }

    void bothSidesScoredBetweenTwoUpdates()
    {
        // Whose play the text is cannot be told: neither alert carries it.
        const auto alerts = GameAlerts::between(
            live(7, 7), live(10, 14, GameState::Quarter3, u"01:00"_s, u"touchdown pass"_s), u"DAL"_s);
        QCOMPARE(alerts,
            QList<Alert>({{Kind::Score, u"2025092100"_s, u"Giants +7"_s, u"NYG 14, DAL 10 · 3rd quarter 1:00"_s},
                {Kind::Score, u"2025092100"_s, u"Cowboys +3"_s, u"NYG 14, DAL 10 · 3rd quarter 1:00"_s},
                {Kind::LeadChange, u"2025092100"_s, u"Lead change: Giants lead"_s,
                    u"NYG 14, DAL 10 · 3rd quarter 1:00"_s}}));
    }

    void leadChangeCountsAcrossATie()
    {
        // DAL led 10-7, NYG tied it (no lead change), then went ahead: the lead changed from DAL.
        auto tied = GameAlerts::between(live(10, 7), live(10, 10), u"DAL"_s);
        QCOMPARE(tied.size(), 1);
        QCOMPARE(tied[0].kind, Kind::Score);
        const auto ahead = GameAlerts::between(live(10, 10), live(10, 17), u"DAL"_s);
        QCOMPARE(ahead.size(), 2);
        QCOMPARE(ahead[1].summary, u"Lead change: Giants lead"_s);
        // Extending a lead is no lead change, nor is the first score.
        QCOMPARE(GameAlerts::between(live(10, 17), live(10, 24), u"NYG"_s).size(), 1);
        QCOMPARE(GameAlerts::between(live(0, 0), live(0, 3), {}).size(), 1);
    }

    void finalWinnerTieAndOvertime()
    {
        QCOMPARE(GameAlerts::between(live(24, 17, GameState::Quarter4, u"00:10"_s), final(24, 17), u"DAL"_s),
            QList<Alert>({{Kind::Final, u"2025092100"_s, u"Final: Cowboys win"_s, u"NYG 17, DAL 24"_s}}));
        QCOMPARE(GameAlerts::between(live(20, 20, GameState::Overtime), final(20, 20, GameState::FinalOvertime), {})
                     .constFirst()
                     .summary,
            u"Final after overtime: tie"_s);
        // The winning score in overtime: the score, then the final.
        const auto walkOff = GameAlerts::between(
            live(20, 20, GameState::Overtime, u"03:12"_s), final(20, 23, GameState::FinalOvertime), u"DAL"_s);
        QCOMPARE(walkOff.size(), 3);
        QCOMPARE(walkOff[0].summary, u"Giants +3"_s);
        QCOMPARE(walkOff[0].body, u"NYG 23, DAL 20"_s);
        QCOMPARE(walkOff[1].summary, u"Lead change: Giants lead"_s);
        QCOMPARE(walkOff[2].summary, u"Final after overtime: Giants win"_s);
    }

    void halftimeAndQuietUpdates()
    {
        QCOMPARE(GameAlerts::between(live(7, 3), live(7, 3, GameState::Halftime, {}), {}), QList<Alert>());
        QCOMPARE(GameAlerts::between(live(7, 3), live(7, 3, GameState::Quarter2, u"02:00"_s), {}), QList<Alert>());
        QCOMPARE(GameAlerts::between(scheduled(), scheduled(), {}), QList<Alert>());
        QCOMPARE(GameAlerts::periodText(live(7, 3, GameState::Halftime, {})), u"Halftime"_s);
        QCOMPARE(GameAlerts::periodText(live(7, 3, GameState::Overtime, u"10:00"_s)), u"Overtime 10:00"_s);
    }

    void correctionsSayNothing()
    {
        // A score taken back while live, and any change after the final.
        QCOMPARE(GameAlerts::between(live(14, 7), live(7, 7), u"DAL"_s), QList<Alert>());
        QCOMPARE(GameAlerts::between(final(24, 17), final(24, 20), u"DAL"_s), QList<Alert>());
    }

    void missedGameGivesOnlyTheFinal()
    {
        const auto alerts = GameAlerts::between(scheduled(), final(10, 13), {});
        QCOMPARE(alerts, QList<Alert>({{Kind::Final, u"2025092100"_s, u"Final: Giants win"_s, u"NYG 13, DAL 10"_s}}));
    }

    void namesByTheSeason()
    {
        // The directory's nickname for the season, capitalised; an unknown code keeps its abbreviation.
        QCOMPARE(GameAlerts::teamName({u"WAS"_s, u"redskins"_s, {}}, 2015), u"Redskins"_s);
        QCOMPARE(GameAlerts::teamName({u"WSH"_s, u"football team"_s, {}}, 2021), u"Football Team"_s);
        QCOMPARE(GameAlerts::teamName({u"XYZ"_s, {}, {}}, 2025), u"XYZ"_s);
    }

    void germanCatalogue()
    {
        // The catalogue the build compiles from resources/translations/endzone_de.ts (the .ts workflow end to end).
        QTranslator german;
        QVERIFY(german.load(u"endzone_de"_s, qEnvironmentVariable("ENDZONE_QM_DIR")));
        QCoreApplication::installTranslator(&german);
        const auto alerts = GameAlerts::between(live(21, 17, GameState::Quarter4, u"02:00"_s), final(21, 24), u"DAL"_s);
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(alerts.size(), 3);
        QCOMPARE(alerts[1].summary, u"Führungswechsel: Giants führen"_s);
        QCOMPARE(alerts[1].body, u"NYG 24, DAL 21"_s);
        QCOMPARE(alerts[2].summary, u"Endstand: Giants gewinnen"_s);
        QCOMPARE(GameAlerts::periodText(live(0, 0, GameState::Quarter2, u"08:11"_s)), u"2nd quarter 8:11"_s);
    }
};

QTEST_GUILESS_MAIN(GameAlertsTest)
#include "gamealertstest.moc"
