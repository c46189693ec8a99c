#include "seasoncalendar.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

Game game(WeekKey key, GameState state, const QDateTime &kickoff)
{
    Game g;
    g.eid = kickoff.toString(u"yyyyMMddhh"_s);
    g.season = key.season;
    g.seasonType = key.type;
    g.week = key.week;
    g.state = state;
    g.kickoff = kickoff;
    return g;
}

QDateTime utc(int y, int m, int d, int h = 18)
{
    return QDateTime(QDate(y, m, d), QTime(h, 0), Qt::UTC);
}

} // namespace

class SeasonCalendarTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void regularSeasonLength()
    {
        QCOMPARE(SeasonCalendar::regularSeasonWeeks(1970), 14);
        QCOMPARE(SeasonCalendar::regularSeasonWeeks(1977), 14);
        QCOMPARE(SeasonCalendar::regularSeasonWeeks(1978), 16);
        QCOMPARE(SeasonCalendar::regularSeasonWeeks(1987), 15); // strike: the feed renumbered after week 2
        QCOMPARE(SeasonCalendar::regularSeasonWeeks(1989), 16);
        QCOMPARE(SeasonCalendar::regularSeasonWeeks(1993), 18);
        QCOMPARE(SeasonCalendar::regularSeasonWeeks(2015), 17);
        QCOMPARE(SeasonCalendar::regularSeasonWeeks(2020), 17);
        for (int season = 2021; season <= 2030; ++season)
            QCOMPARE(SeasonCalendar::regularSeasonWeeks(season), 18);
        QCOMPARE(SeasonCalendar::weeks(2023, {SeasonType::Reg}).size(), 18);
        QCOMPARE(SeasonCalendar::weeks(2015, {SeasonType::Reg}).size(), 17);
        QCOMPARE(SeasonCalendar::firstPostseasonWeek(2015), 18);
        QCOMPARE(SeasonCalendar::firstPostseasonWeek(2023), 19);
        QCOMPARE(SeasonCalendar::wildCardGames(1975), 0);
        QCOMPARE(SeasonCalendar::wildCardGames(1985), 2);
        QCOMPARE(SeasonCalendar::wildCardGames(2015), 4);
        QCOMPARE(SeasonCalendar::wildCardGames(2020), 6);
    }

    void weeksInSeasonOrder()
    {
        const auto weeks = SeasonCalendar::weeks(2015);
        QCOMPARE(weeks.size(), 5 + 17 + 5);
        QCOMPARE(weeks.constFirst(), (WeekKey {2015, SeasonType::Pre, 0}));
        QCOMPARE(weeks.constLast(), (WeekKey {2015, SeasonType::Post, 22}));
        const auto modern = SeasonCalendar::weeks(2023);
        QCOMPARE(modern.size(), 4 + 18 + 5); // ESPN: the Hall of Fame game and three preseason weeks
        QCOMPARE(modern.constLast(), (WeekKey {2023, SeasonType::Post, 23}));
        QCOMPARE(weeksOfSeason(2023), modern); // the old name is the same rule
    }

    void postseasonRounds()
    {
        QCOMPARE(SeasonCalendar::roundOfWeek(1975, 15), GameType::Divisional);
        QCOMPARE(SeasonCalendar::roundOfWeek(1975, 17), GameType::SuperBowl);
        QVERIFY(!SeasonCalendar::weekOfRound(1975, GameType::WildCard));
        QCOMPARE(SeasonCalendar::weekOfRound(2008, GameType::SuperBowl), 21);
        QCOMPARE(SeasonCalendar::weekOfRound(2015, GameType::ProBowl), 21);
        QCOMPARE(SeasonCalendar::weekOfRound(2015, GameType::SuperBowl), 22);
        QCOMPARE(SeasonCalendar::weekOfRound(2023, GameType::WildCard), 19);
        QCOMPARE(SeasonCalendar::weekOfRound(2023, GameType::SuperBowl), 23);
        QVERIFY(!SeasonCalendar::roundOfWeek(2023, 18));
        QVERIFY(!SeasonCalendar::roundOfWeek(2015, 23));
        QVERIFY(!SeasonCalendar::weekOfRound(2015, GameType::Reg));
    }

    // Every postseason file of the archive is at the week, and of the round, the calendar gives it.
    void postseasonMatchesArchive()
    {
        const QString archive = qEnvironmentVariable("ENDZONE_SHARED_DIR") + u"/data/scorestrip/archive"_s;
        if (!QDir(archive).exists())
            QSKIP("the shared scorestrip archive is absent");
        static const QRegularExpression name(uR"re(^(\d{4})-(PRE|REG|POST)-(\d+)\.xml$)re"_s);
        static const QRegularExpression gameType(uR"re(\bgt="([A-Z]+)")re"_s);
        int postFiles = 0;
        for (const QString &file : QDir(archive).entryList({u"*.xml"_s}, QDir::Files)) {
            const auto match = name.match(file);
            QVERIFY2(match.hasMatch(), qPrintable(file));
            const WeekKey key {
                match.captured(1).toInt(), *seasonTypeFromCode(match.captured(2)), match.captured(3).toInt()};
            QVERIFY2(SeasonCalendar::isValid(key), qPrintable(file));
            QVERIFY2(SeasonCalendar::weeks(key.season).contains(key), qPrintable(file));
            if (key.type != SeasonType::Post)
                continue;
            ++postFiles;
            QFile document(archive + u'/' + file);
            QVERIFY(document.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(document.readAll());
            for (const auto &gt : gameType.globalMatch(text)) {
                const auto round = gameTypeFromCode(gt.captured(1));
                QVERIFY2(round && SeasonCalendar::roundOfWeek(key.season, key.week) == round, qPrintable(file));
                QCOMPARE(SeasonCalendar::weekOfRound(key.season, *round), key.week);
            }
        }
        QVERIFY(postFiles > 150);
    }

    void slugsRoundTrip()
    {
        for (int season = 1970; season <= 2025; ++season) {
            for (const WeekKey &key : SeasonCalendar::weeks(season)) {
                const QString slug = SeasonCalendar::slug(key);
                QVERIFY2(SeasonCalendar::isValid(key), qPrintable(key.toString()));
                QVERIFY2(SeasonCalendar::parseSlug(season, slug) == key, qPrintable(key.toString() + u' ' + slug));
                QVERIFY2(!SeasonCalendar::label(key).isEmpty(), qPrintable(key.toString()));
            }
        }
        QCOMPARE(SeasonCalendar::slug({2015, SeasonType::Post, 22}), u"sb"_s);
        QCOMPARE(SeasonCalendar::slug({2023, SeasonType::Post, 23}), u"sb"_s);
        QCOMPARE(SeasonCalendar::slug({2023, SeasonType::Reg, 18}), u"18"_s);
        QCOMPARE(SeasonCalendar::slug({2023, SeasonType::Pre, 3}), u"pre-3"_s);
    }

    void bareNumbersFollowTheSeason()
    {
        QCOMPARE(SeasonCalendar::parseSlug(2023, u"18"), (WeekKey {2023, SeasonType::Reg, 18}));
        QCOMPARE(SeasonCalendar::parseSlug(2015, u"18"), (WeekKey {2015, SeasonType::Post, 18}));
        QCOMPARE(SeasonCalendar::parseSlug(2015, u"wc"), (WeekKey {2015, SeasonType::Post, 18}));
        QCOMPARE(SeasonCalendar::parseSlug(2023, u"wc"), (WeekKey {2023, SeasonType::Post, 19}));
        QCOMPARE(SeasonCalendar::parseSlug(2023, u"23"), (WeekKey {2023, SeasonType::Post, 23}));
        QCOMPARE(SeasonCalendar::parseSlug(1985, u"17"), (WeekKey {1985, SeasonType::Post, 17}));
        QCOMPARE(SeasonCalendar::parseSlug(1985, u"wc"), (WeekKey {1985, SeasonType::Post, 17}));
        for (const auto &bad : {u"24"_s, u"pre-4"_s, u"0"_s, u"018"_s, u"WC"_s, u"pre-"_s, u""_s})
            QVERIFY2(!SeasonCalendar::parseSlug(2023, bad), qPrintable(bad));
        QVERIFY(!SeasonCalendar::parseSlug(1975, u"wc")); // no wild-card round before 1978
        QVERIFY(!SeasonCalendar::parseSlug(2015, u"23"));
    }

    void labels()
    {
        QCOMPARE(SeasonCalendar::label({2023, SeasonType::Pre, 0}), u"Hall of Fame Game"_s);
        QCOMPARE(SeasonCalendar::label({2023, SeasonType::Pre, 2}), u"Preseason Week 2"_s);
        QCOMPARE(SeasonCalendar::label({2023, SeasonType::Reg, 18}), u"Week 18"_s);
        QCOMPARE(SeasonCalendar::label({2023, SeasonType::Post, 19}), u"Wild Card"_s);
        QCOMPARE(SeasonCalendar::label({2015, SeasonType::Post, 20}), u"Conference Championships"_s);
        QCOMPARE(SeasonCalendar::label({2015, SeasonType::Post, 21}), u"Pro Bowl"_s);
        QCOMPARE(SeasonCalendar::label({2023, SeasonType::Post, 23}), u"Super Bowl"_s);
        QCOMPARE(SeasonCalendar::label({1975, SeasonType::Post, 17}), u"Super Bowl"_s);
    }

    void espnMapping()
    {
        QCOMPARE(SeasonCalendar::fromEspn(2023, 1, 1), (WeekKey {2023, SeasonType::Pre, 0}));
        QCOMPARE(SeasonCalendar::fromEspn(2023, 1, 4), (WeekKey {2023, SeasonType::Pre, 3}));
        QCOMPARE(SeasonCalendar::fromEspn(2023, 2, 18), (WeekKey {2023, SeasonType::Reg, 18}));
        QCOMPARE(SeasonCalendar::fromEspn(2023, 3, 1), (WeekKey {2023, SeasonType::Post, 19}));
        QCOMPARE(SeasonCalendar::fromEspn(2023, 3, 5), (WeekKey {2023, SeasonType::Post, 23}));
        QCOMPARE(SeasonCalendar::fromEspn(2015, 3, 1), (WeekKey {2015, SeasonType::Post, 18}));
        QCOMPARE(SeasonCalendar::fromEspn(2015, 3, 4), (WeekKey {2015, SeasonType::Post, 21}));
        QCOMPARE(SeasonCalendar::fromEspn(2008, 3, 5), (WeekKey {2008, SeasonType::Post, 21}));
        for (const auto &[year, type, week] : {std::tuple {2023, 1, 0}, {2023, 1, 5}, {2023, 2, 19}, {2015, 2, 18},
                 {2023, 3, 6}, {2023, 3, 0}, {2023, 4, 1}, {1975, 3, 1}})
            QVERIFY2(
                !SeasonCalendar::fromEspn(year, type, week), qPrintable(u"%1 %2 %3"_s.arg(year).arg(type).arg(week)));
        // Both ways for every week ESPN can name.
        for (int season = 1978; season <= 2025; ++season) {
            for (const WeekKey &key : SeasonCalendar::weeks(season)) {
                const int type = SeasonCalendar::espnSeasonType(key.type);
                QVERIFY(type >= 1 && type <= 3);
                QCOMPARE(SeasonCalendar::fromEspn(season, type, SeasonCalendar::espnWeek(key)), key);
            }
        }
        QCOMPARE(SeasonCalendar::espnWeek({2023, SeasonType::Pre, 0}), 1);
        QCOMPARE(SeasonCalendar::espnWeek({2015, SeasonType::Post, 22}), 5);
        QCOMPARE(SeasonCalendar::espnWeek({2015, SeasonType::Post, 23}), 0);
    }

    void nextAndPrevious()
    {
        QCOMPARE(SeasonCalendar::next({2023, SeasonType::Pre, 3}), (WeekKey {2023, SeasonType::Reg, 1}));
        QCOMPARE(SeasonCalendar::next({2023, SeasonType::Reg, 18}), (WeekKey {2023, SeasonType::Post, 19}));
        QCOMPARE(SeasonCalendar::next({2015, SeasonType::Reg, 17}), (WeekKey {2015, SeasonType::Post, 18}));
        QCOMPARE(SeasonCalendar::next({2023, SeasonType::Post, 23}), (WeekKey {2024, SeasonType::Pre, 0}));
        QCOMPARE(SeasonCalendar::previous({2024, SeasonType::Pre, 0}), (WeekKey {2023, SeasonType::Post, 23}));
        QCOMPARE(SeasonCalendar::previous({2023, SeasonType::Post, 19}), (WeekKey {2023, SeasonType::Reg, 18}));
        // A key the calendar does not have still moves to its neighbour.
        QCOMPARE(SeasonCalendar::next({2015, SeasonType::Reg, 18}), (WeekKey {2015, SeasonType::Post, 18}));
        for (int season = 1970; season <= 2025; ++season) {
            for (const WeekKey &key : SeasonCalendar::weeks(season))
                QCOMPARE(SeasonCalendar::previous(SeasonCalendar::next(key)), key);
        }
    }

    void currentWeek()
    {
        const WeekKey w12 {2023, SeasonType::Reg, 12}, w13 {2023, SeasonType::Reg, 13};
        const WeekKey w14 {2023, SeasonType::Reg, 14};
        QList<Game> games {game(w12, GameState::Final, utc(2023, 11, 26)),
            game(w12, GameState::Pregame, utc(2023, 11, 28, 1)), // Monday night
            game(w13, GameState::Pregame, utc(2023, 12, 3)), game(w14, GameState::Pregame, utc(2023, 12, 10))};
        QVERIFY(!SeasonCalendar::currentWeek({}, utc(2023, 11, 27)));
        // The next kickoff decides: Monday's game keeps week 12 current, even a little after its kickoff.
        QCOMPARE(SeasonCalendar::currentWeek(games, utc(2023, 11, 27)), w12);
        QCOMPARE(SeasonCalendar::currentWeek(games, utc(2023, 11, 28, 2)), w12);
        games[1].state = GameState::Final;
        QCOMPARE(SeasonCalendar::currentWeek(games, utc(2023, 11, 28, 5)), w13);
        // A live game wins over any kickoff.
        games[2].state = GameState::Quarter2;
        QCOMPARE(SeasonCalendar::currentWeek(games, utc(2023, 12, 9)), w13);
        // A store behind the clock: the first unplayed week after the last final.
        games[2].state = GameState::Pregame;
        QCOMPARE(SeasonCalendar::currentWeek(games, utc(2030, 1, 1)), w13);
        // Everything played: the last played week, and a game left unplayed before it does not hold it.
        for (auto &g : games)
            g.state = GameState::Final;
        games[1].state = GameState::Pregame;
        QCOMPARE(SeasonCalendar::currentWeek(games, utc(2030, 1, 1)), w14);
    }
};

QTEST_GUILESS_MAIN(SeasonCalendarTest)
#include "seasoncalendartest.moc"
