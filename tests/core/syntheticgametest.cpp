// SyntheticGame's drives read like a real game over whole weeks of a synthetic season: possession alternates,
// the scored-upon team receives the kickoff, a kickoff is worded from the kicking and receiving sides and is no
// down, the scoring plays are exactly SyntheticSeason's, and the scorestrip's possession is the drives'.
#include "syntheticgame.h"
#include "syntheticseason.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

const QDateTime LongAfter = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

// Every game of the first six regular weeks and of the playoffs, final: about a hundred games.
QList<Game> finalGames(const SyntheticSeason &season)
{
    QList<Game> games;
    for (const auto &key : season.weeks()) {
        if ((key.type == SeasonType::Reg && key.week <= 6) || key.type == SeasonType::Post)
            games += season.week(key, LongAfter).games;
    }
    return games;
}

// Game minutes at a period's clock ("7:45" of the 2nd is 22.25).
double minuteOf(int period, const QString &clock)
{
    const auto parts = clock.split(u':');
    return period * 15 - parts.at(0).toInt() - parts.at(1).toInt() / 60.0;
}

// The second half and overtime open with a kickoff to either team.
bool opensHalf(const Drive &drive)
{
    return drive.startClock == u"15:00"_s && (drive.startPeriod == 3 || drive.startPeriod == 5);
}

QString summary(const QList<Drive> &drives)
{
    QStringList parts;
    for (const auto &drive : drives)
        parts.append(drive.team + u' ' + drive.result);
    return parts.join(u", "_s);
}

} // namespace

class SyntheticGameTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Who has the ball: one team then the other, the scored-upon team after a score; only a half may open
    // with the team that had the ball last.
    void possessionAlternates()
    {
        int games = 0, sameTeamTwice = 0;
        for (const auto &game : finalGames(SyntheticSeason(2025))) {
            const GameDetail detail = SyntheticGame(game).detail(u"1"_s, 1e9, u"post"_s);
            const QString context = game.eid + u": "_s + summary(detail.drives);
            const auto &drives = detail.drives;
            QVERIFY2(drives.size() >= 16 && drives.size() <= 40, qPrintable(context));
            for (qsizetype i = 0; i < drives.size(); ++i) {
                const auto &drive = drives.at(i);
                QVERIFY2(drive.team == game.home.abbreviation || drive.team == game.visitor.abbreviation,
                    qPrintable(context));
                QVERIFY2(!drive.result.isEmpty(), qPrintable(context));
                if (i > 0 && !opensHalf(drive))
                    QVERIFY2(drive.team != drives.at(i - 1).team, qPrintable(u"%1 (drive %2)"_s.arg(context).arg(i)));
                if (i > 0 && drives.at(i - 1).isScore && drives.at(i - 1).team == drive.team)
                    QVERIFY2(opensHalf(drive), qPrintable(context));
            }
            for (qsizetype i = 1; i < detail.scoringPlays.size(); ++i)
                sameTeamTwice += detail.scoringPlays.at(i).team == detail.scoringPlays.at(i - 1).team;
            ++games;
        }
        QCOMPARE(games, 106);
        QVERIFY(sameTeamTwice > 100); // the case that used to hand the scorer the ball again is common
    }

    // A kickoff opens each half and follows each score, by the other team: from its 35 to the receiving
    // team's goal line, returned to the receiving team's side; the first snap after it is 1st & 10.
    void kickoffs()
    {
        int kickoffs = 0, returns = 0;
        for (const auto &game : finalGames(SyntheticSeason(2025))) {
            const auto drives = SyntheticGame(game).detail(u"1"_s, 1e9, u"post"_s).drives;
            for (qsizetype i = 0; i < drives.size(); ++i) {
                const auto &drive = drives.at(i);
                const QString kicking
                    = drive.team == game.home.abbreviation ? game.visitor.abbreviation : game.home.abbreviation;
                const bool kicked = drive.plays.first().type == u"Kickoff"_s;
                const QString context = game.eid + u' ' + drive.plays.first().text;
                QVERIFY2(kicked == (i == 0 || opensHalf(drive) || drives.at(i - 1).isScore),
                    qPrintable(context + u' ' + summary(drives) + u" drive "_s + QString::number(i)));
                if (!kicked)
                    continue;
                ++kickoffs;
                const QString text = drive.plays.first().text;
                QVERIFY2(text.contains(u" kicks 65 yards from "_s + kicking + u" 35 to "_s), qPrintable(context));
                QVERIFY(drive.plays.first().downDistance.isEmpty());
                if (!text.endsWith(u" to end zone, Touchback."_s)) {
                    ++returns;
                    QVERIFY2(text.contains(u" to "_s + drive.team + u" 0, "_s), qPrintable(context));
                    QVERIFY2(text.endsWith(u" returns to "_s + drive.startText + u'.'), qPrintable(context));
                    QVERIFY2(drive.startText.startsWith(drive.team + u' '), qPrintable(context));
                }
                if (drive.plays.size() > 1)
                    QCOMPARE(drive.plays.at(1).downDistance, u"1st & 10 at "_s + drive.startText);
            }
        }
        QVERIFY(kickoffs > 1000);
        QVERIFY(returns > kickoffs / 2);
    }

    // The drives' scoring plays are SyntheticSeason's, minute for minute, and so is the final score.
    void scoresAreUnchanged()
    {
        for (const auto &game : finalGames(SyntheticSeason(2025))) {
            const auto scores = SyntheticGame::scoresOf(game);
            const GameDetail detail = SyntheticGame(game).detail(u"1"_s, 1e9, u"post"_s);
            QCOMPARE(detail.scoringPlays.size(), scores.size());
            int home = 0, away = 0;
            for (qsizetype i = 0; i < scores.size(); ++i) {
                const auto &play = detail.scoringPlays.at(i);
                const auto &score = scores.at(i);
                QCOMPARE(play.team, score.home ? game.home.abbreviation : game.visitor.abbreviation);
                QCOMPARE(minuteOf(play.period, play.clock), double(score.minute));
                (score.home ? home : away) += score.points;
                QCOMPARE(play.homeScore, home);
                QCOMPARE(play.awayScore, away);
            }
            QCOMPARE(home, game.home.score.value_or(-1));
            QCOMPARE(away, game.visitor.score.value_or(-1));
        }
    }

    // How each drive ends is its last play: a punt, an interception, a failed fourth down, a score.
    void drivesEndWithTheirLastPlay()
    {
        QHash<QString, int> results;
        for (const auto &game : finalGames(SyntheticSeason(2025))) {
            for (const auto &drive : SyntheticGame(game).detail(u"1"_s, 1e9, u"post"_s).drives) {
                ++results[drive.result];
                const auto &last = drive.plays.last();
                if (drive.result == u"PUNT"_s)
                    QCOMPARE(last.type, u"Punt"_s);
                else if (drive.result == u"INT"_s)
                    QCOMPARE(last.type, u"Pass Interception Return"_s);
                else if (drive.result == u"DOWNS"_s)
                    QVERIFY(last.downDistance.startsWith(u"4th & "_s));
                QCOMPARE(last.scoring, drive.isScore);
            }
        }
        // Most drives that do not score are punted away, as in a real game (about twelve punts a game).
        QVERIFY(results.value(u"PUNT"_s) > 10 * 106 && results.value(u"PUNT"_s) > 4 * results.value(u"INT"_s));
        // The scoring drives are SyntheticSeason's scores, every game ends once and ten go to overtime.
        QCOMPARE(results.value(u"TD"_s), 556);
        QCOMPARE(results.value(u"FG"_s), 299);
        QCOMPARE(results.value(u"END OF GAME"_s), 106);
        QCOMPARE(results.value(u"END OF REGULATION"_s), 10);
        QVERIFY(results.value(u"DOWNS"_s) > 0);
    }

    // The scorestrip's possession at every moment of a Sunday is the drives': the team of the drive under way,
    // or the other team once that drive is over.
    void scorestripPossessionIsTheDrives()
    {
        const SyntheticSeason season(2025);
        const WeekKey key {2025, SeasonType::Reg, 1};
        int situations = 0;
        for (int minute = 0; minute < 240; minute += 2) {
            const QDateTime now = season.firstSundayKickoff().addSecs(minute * 60);
            for (const auto &game : season.week(key, now).games) {
                if (!isLive(game.state) || game.state == GameState::Halftime)
                    continue;
                ++situations;
                const auto drives = season.detail(game, now).drives;
                QVERIFY(!drives.isEmpty());
                const Drive &last = drives.last();
                const QString other
                    = last.team == game.home.abbreviation ? game.visitor.abbreviation : game.home.abbreviation;
                QCOMPARE(game.possession, last.result.isEmpty() ? last.team : other);
            }
        }
        QVERIFY(situations > 500);
    }

    // One game pinned: the opener, deterministic from its eid.
    void opener()
    {
        const SyntheticSeason season(2025);
        const Game game = season.week({2025, SeasonType::Reg, 1}, LongAfter).games.first();
        const auto drives = SyntheticGame(game).detail(u"1"_s, 1e9, u"post"_s).drives;
        QCOMPARE(game.eid, u"2025090400"_s);
        QCOMPARE(summary(drives),
            u"ATL TD, ARI PUNT, ATL FG, ARI FG, ATL PUNT, ARI TD, ATL TD, ARI PUNT, ATL PUNT, ARI END OF HALF, "
            "ARI PUNT, ATL PUNT, ARI PUNT, ATL PUNT, ARI PUNT, ATL PUNT, ARI PUNT, ATL FG, ARI INT, ATL TD, ARI PUNT, "
            "ATL PUNT, ARI PUNT, ATL END OF GAME"_s);
        // ARI kicks off to ATL, who also scores next: ARI receives after it, and punts before ATL's field goal.
        QCOMPARE(drives.first().plays.first().text,
            u"(15:00) V.Hale kicks 65 yards from ARI 35 to ATL 0, B.Fields returns to ATL 15."_s);
        QCOMPARE(drives.first().plays.at(1).downDistance, u"1st & 10 at ATL 15"_s);
        QCOMPARE(drives.at(1).plays.first().text,
            u"(13:00) I.Hayes kicks 65 yards from ATL 35 to ARI 0, O.Gray returns to ARI 18."_s);
        QCOMPARE(drives.at(1).plays.last().text, u"(11:19) C.Ward punts 41 yards to ATL 21, fair catch."_s);
        QCOMPARE(drives.at(2).plays.first().downDistance, u"1st & 10 at ATL 21"_s);
    }
};

QTEST_GUILESS_MAIN(SyntheticGameTest)
#include "syntheticgametest.moc"
