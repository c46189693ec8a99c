// FeedServer in ESPN format against a real loopback client: ../shared's ESPN files served byte for byte at
// ESPN's paths, the synthetic 2025 season live on a Sunday afternoon (situation, drives, plays), injected 429s,
// and EspnWriter's documents read back by EspnParser into the same games.
#include "espnparser.h"
#include "espnwriter.h"
#include "feedserver.h"
#include "seasoncalendar.h"
#include "syntheticseason.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <memory>
#include <numeric>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

const QString Api = u"/apis/site/v2/sports/football/nfl/"_s;

struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

Reply get(QNetworkAccessManager &network, const QUrl &url, const QByteArray &ifNoneMatch = {})
{
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    if (!ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", ifNoneMatch);
    const std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    return {
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply->rawHeaderPairs()};
}

QUrl url(const FeedServer &server, const QString &pathAndQuery)
{
    return QUrl(server.baseUrl().toString() + pathAndQuery);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString sharedEspnDir()
{
    const QDir dir(qEnvironmentVariable("ENDZONE_SHARED_DIR") + u"/data/espn"_s);
    return dir.exists(u"scoreboard-2025-post-1-final.json"_s) ? dir.absolutePath() : QString();
}

// The spot of `ballOn` ("DET 34", "50") from the possession team's own goal line.
int ownSpot(const Game &game)
{
    if (game.ballOn == u"50"_s)
        return 50;
    const auto parts = game.ballOn.split(u' ');
    return parts.at(0) == game.possession ? parts.at(1).toInt() : 100 - parts.at(1).toInt();
}

} // namespace

class EspnFeedTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sharedFilesAtEspnPaths()
    {
        const QString dir = sharedEspnDir();
        if (dir.isEmpty())
            QSKIP("../shared/data/espn is not here");
        FeedServer server({.directory = dir, .format = FeedServer::Format::Espn});
        QVERIFY(server.listen());
        QNetworkAccessManager network;

        // A week by ESPN's numbers is its file, byte for byte; post 1 is Endzone's 2025 wild-card week 19.
        const Reply wildCard = get(network, url(server, Api + u"scoreboard?dates=2025&seasontype=3&week=1"_s));
        QCOMPARE(wildCard.status, 200);
        QVERIFY(wildCard.header("Content-Type").startsWith("application/json"));
        QCOMPARE(wildCard.body, readFile(dir + u"/scoreboard-2025-post-1-final.json"_s));
        const auto parsed = EspnParser::parseScoreboard(wildCard.body);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed.value().key, (WeekKey {2025, SeasonType::Post, 19}));
        QCOMPARE(parsed.value().games.size(), 6);
        QCOMPARE(get(network, url(server, Api + u"scoreboard?dates=2022&seasontype=2&week=1"_s)).body,
            readFile(dir + u"/scoreboard-2022-reg-1-live.json"_s));
        QCOMPARE(get(network, url(server, Api + u"scoreboard?dates=2021&seasontype=2&week=3"_s)).body,
            readFile(dir + u"/scoreboard-2021-reg-3-pre.json"_s));
        // Without a year, the current (latest) season's.
        QCOMPARE(get(network, url(server, Api + u"scoreboard?seasontype=2&week=1"_s)).body,
            readFile(dir + u"/scoreboard-2025-reg-1-mixed-intl.json"_s));

        // No query: the latest week, with an ETag and a short max-age like ss.xml.
        const Reply current = get(network, url(server, Api + u"scoreboard"_s));
        QCOMPARE(current.status, 200);
        QCOMPARE(current.body, wildCard.body);
        QVERIFY(!current.header("ETag").isEmpty());
        QCOMPARE(current.header("Cache-Control"), "max-age=13"_ba);
        QCOMPARE(get(network, url(server, Api + u"scoreboard"_s), current.header("ETag")).status, 304);

        // A week without a file is ESPN's 200 with no events, and names the week asked for.
        const Reply missing = get(network, url(server, Api + u"scoreboard?dates=2025&seasontype=2&week=7"_s));
        QCOMPARE(missing.status, 200);
        QVERIFY(missing.json().value(u"events"_s).toArray().isEmpty());
        QCOMPARE(missing.json().value(u"week"_s).toObject().value(u"number"_s).toInt(), 7);
        const auto empty = EspnParser::parseScoreboard(missing.body);
        QVERIFY2(empty, qPrintable(empty.error()));
        QCOMPARE(empty.value().key, (WeekKey {2025, SeasonType::Reg, 7}));

        // A day: the games of that US Eastern date (Saturday 2 wild-card games, Sunday 3, Monday 1).
        for (const auto &[day, count] : {std::pair {u"20260110"_s, 2}, std::pair {u"20260111"_s, 3},
                 std::pair {u"20260112"_s, 1}, std::pair {u"20260114"_s, 0}}) {
            const Reply reply = get(network, url(server, Api + u"scoreboard?dates="_s + day));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().value(u"events"_s).toArray().size(), count);
        }
        QCOMPARE(get(network, url(server, Api + u"scoreboard?dates=2025x"_s)).status, 400);

        // Summaries by event id, with or without a suffix in the file name; an unknown event is a JSON 404.
        QCOMPARE(get(network, url(server, Api + u"summary?event=401547505"_s)).body,
            readFile(dir + u"/summary-401547505.json"_s));
        QCOMPARE(get(network, url(server, Api + u"summary?event=401772842"_s)).body,
            readFile(dir + u"/summary-401772842-pre.json"_s));
        const Reply unknown = get(network, url(server, Api + u"summary?event=1"_s));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.json().value(u"code"_s).toInt(), 404);

        // One format per server: no scorestrip here.
        QCOMPARE(get(network, url(server, u"/liveupdate/scorestrip/ss.xml"_s)).status, 404);
    }

    void filesAreReadOnce()
    {
        const QString dir = sharedEspnDir();
        if (dir.isEmpty())
            QSKIP("../shared/data/espn is not here");
        QTemporaryDir copy;
        QVERIFY(QFile::copy(
            dir + u"/scoreboard-2025-post-1-final.json"_s, copy.filePath(u"scoreboard-2025-post-1.json"_s)));
        FeedServer server({.directory = copy.path(), .format = FeedServer::Format::Espn});
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        const QString path = Api + u"scoreboard?dates=2025&seasontype=3&week=1"_s;
        const Reply first = get(network, url(server, path));
        QCOMPARE(first.status, 200);
        // Gone from disk, still served: the server kept what it read.
        QVERIFY(QFile::remove(copy.filePath(u"scoreboard-2025-post-1.json"_s)));
        QCOMPARE(get(network, url(server, path)).body, first.body);
    }

    void tooManyRequestsSaysWhenToRetry()
    {
        FeedServer server(
            {.syntheticSeason = 2025, .speed = 0, .format = FeedServer::Format::Espn, .retryAfterSeconds = 7});
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        server.setFault({2025, SeasonType::Reg, 2}, FeedServer::Fault::TooManyRequests);
        const Reply limited = get(network, url(server, Api + u"scoreboard?dates=2025&seasontype=2&week=2"_s));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), "7"_ba);
        QCOMPARE(get(network, url(server, Api + u"scoreboard?dates=2025&seasontype=2&week=3"_s)).status, 200);

        const auto game = SyntheticSeason(2025).espnWeek({2025, SeasonType::Reg, 3}, server.now()).games.first();
        QCOMPARE(get(network, url(server, Api + u"summary?event="_s + game.espnId)).status, 200);
        server.setEventFault(game.espnId, FeedServer::Fault::TooManyRequests);
        const Reply summary = get(network, url(server, Api + u"summary?event="_s + game.espnId));
        QCOMPARE(summary.status, 429);
        QCOMPARE(summary.header("Retry-After"), "7"_ba);
        server.setEventFault(game.espnId, FeedServer::Fault::Http500);
        QCOMPARE(get(network, url(server, Api + u"summary?event="_s + game.espnId)).status, 500);
    }

    void syntheticSundayAfternoon()
    {
        // 3:10 PM Eastern on the first Sunday: the 1 PM games are in the third quarter.
        const QDateTime moment = SyntheticSeason(2025).firstSundayKickoff().addSecs(130 * 60);
        FeedServer server(
            {.syntheticSeason = 2025, .clockStart = moment, .speed = 0, .format = FeedServer::Format::Espn});
        QVERIFY(server.listen());
        QNetworkAccessManager network;

        const Reply current = get(network, url(server, Api + u"scoreboard"_s));
        QCOMPARE(current.status, 200);
        const QJsonObject board = current.json();
        QCOMPARE(board.value(u"season"_s).toObject().value(u"year"_s).toInt(), 2025);
        QCOMPARE(board.value(u"season"_s).toObject().value(u"type"_s).toInt(), 2);
        QCOMPARE(board.value(u"week"_s).toObject().value(u"number"_s).toInt(), 1);
        const QJsonArray events = board.value(u"events"_s).toArray();
        QCOMPARE(events.size(), 16);
        QString liveEvent;
        int inProgress = 0;
        for (const auto &value : events) {
            const QJsonObject event = value.toObject();
            const QJsonObject competition = event.value(u"competitions"_s).toArray().first().toObject();
            QCOMPARE(event.value(u"uid"_s).toString(), u"s:20~l:28~e:"_s + event.value(u"id"_s).toString());
            QVERIFY(QDateTime::fromString(event.value(u"date"_s).toString(), u"yyyy-MM-dd'T'HH:mm'Z'"_s).isValid());
            const QString state
                = competition.value(u"status"_s).toObject().value(u"type"_s).toObject().value(u"state"_s).toString();
            if (state != u"in"_s)
                continue;
            ++inProgress;
            const QJsonObject situation = competition.value(u"situation"_s).toObject();
            QVERIFY2(!situation.isEmpty(), qPrintable(event.value(u"shortName"_s).toString()));
            QVERIFY(situation.value(u"down"_s).toInt() >= 1 && situation.value(u"down"_s).toInt() <= 4);
            QVERIFY(situation.value(u"distance"_s).toInt() >= 1);
            QVERIFY(!situation.value(u"possessionText"_s).toString().isEmpty());
            QVERIFY(situation.value(u"downDistanceText"_s)
                        .toString()
                        .endsWith(situation.value(u"possessionText"_s).toString()));
            QVERIFY(situation.value(u"lastPlay"_s).toObject().value(u"text"_s).toString().startsWith(u'('));
            const double home = situation.value(u"lastPlay"_s)
                                    .toObject()
                                    .value(u"probability"_s)
                                    .toObject()
                                    .value(u"homeWinPercentage"_s)
                                    .toDouble(-1);
            QVERIFY(home >= 0 && home <= 1);
            // The team with the ball is one of the two, by ESPN team id; scores are strings.
            QStringList ids;
            for (const auto &competitor : competition.value(u"competitors"_s).toArray()) {
                ids.append(competitor.toObject().value(u"id"_s).toString());
                QVERIFY(competitor.toObject().value(u"score"_s).isString());
                QVERIFY(!competitor.toObject().value(u"linescores"_s).toArray().isEmpty());
            }
            QVERIFY(ids.contains(situation.value(u"possession"_s).toString()));
            liveEvent = event.value(u"id"_s).toString();
        }
        QCOMPARE(inProgress, 9); // the nine 1 PM games

        // The summary of a game under way: drives of plays, the one in progress as `current`.
        const Reply summary = get(network, url(server, Api + u"summary?event="_s + liveEvent));
        QCOMPARE(summary.status, 200);
        const QJsonObject drives = summary.json().value(u"drives"_s).toObject();
        QVERIFY(drives.value(u"previous"_s).toArray().size() >= 3);
        QVERIFY(!drives.value(u"previous"_s).toArray().first().toObject().value(u"plays"_s).toArray().isEmpty());
        QVERIFY(!summary.json().value(u"winprobability"_s).toArray().isEmpty());
        const auto parsed = EspnParser::parseSummary(summary.body);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QVERIFY(parsed.value().detail.playCount() > 20);
        QCOMPARE(parsed.value().detail.state, u"in"_s);
        const auto &game = parsed.value().game;
        QVERIFY(game.down.has_value());
        int home = 0, away = 0;
        for (const auto &play : parsed.value().detail.scoringPlays) {
            home = play.homeScore;
            away = play.awayScore;
        }
        QCOMPARE(home, game.home.score.value_or(-1));
        QCOMPARE(away, game.visitor.score.value_or(-1));

        // 2025 has 18 regular weeks, then six wild-card games; ESPN's regular week 19 is empty.
        const auto weekSize = [&](const QString &query) {
            return get(network, url(server, Api + u"scoreboard?"_s + query)).json().value(u"events"_s).toArray().size();
        };
        QCOMPARE(weekSize(u"dates=2025&seasontype=2&week=18"_s), 16);
        QCOMPARE(weekSize(u"dates=2025&seasontype=3&week=1"_s), 6);
        QCOMPARE(weekSize(u"dates=2025&seasontype=2&week=19"_s), 0);
        QCOMPARE(weekSize(u"dates=20250907"_s), 14); // week 1 without its Thursday and Monday games
        QCOMPARE(get(network, url(server, Api + u"summary?event=123"_s)).status, 404);
    }

    // Every moment of a Sunday: the situation agrees with the scorestrip's possession and red-zone flag, and
    // the summary's drives with the score.
    void syntheticSituationIsConsistent()
    {
        const SyntheticSeason season(2025);
        const WeekKey key {2025, SeasonType::Reg, 1};
        const QDateTime start = season.firstSundayKickoff();
        int situations = 0;
        for (int minute = 0; minute < 240; minute += 3) {
            const QDateTime now = start.addSecs(minute * 60);
            for (const auto &game : season.week(key, now).games) {
                if (!isLive(game.state) || game.state == GameState::Halftime) {
                    QVERIFY(!game.hasSituation());
                    continue;
                }
                ++situations;
                QVERIFY(game.down && *game.down >= 1 && *game.down <= 4);
                QVERIFY(game.distance && *game.distance >= 1 && *game.distance <= 10);
                const int spot = ownSpot(game);
                QVERIFY2(game.redZone == (spot >= 80), qPrintable(game.eid + u' ' + game.ballOn));
                QVERIFY(*game.distance <= 100 - spot);
                QVERIFY(game.homeTimeouts && *game.homeTimeouts >= 0 && *game.homeTimeouts <= 3);
                QVERIFY(!game.lastPlay.isEmpty());
                const GameDetail detail = season.detail(game, now);
                QVERIFY(!detail.drives.isEmpty());
                int home = 0, away = 0;
                for (const auto &drive : detail.drives) {
                    for (const auto &play : drive.plays) {
                        home = play.homeScore;
                        away = play.awayScore;
                    }
                }
                QCOMPARE(home, *game.home.score);
                QCOMPARE(away, *game.visitor.score);
                QCOMPARE(detail.homeLinescore.size(), detail.visitorLinescore.size());
                QCOMPARE(std::accumulate(detail.homeLinescore.cbegin(), detail.homeLinescore.cend(), 0), home);
                QCOMPARE(detail.drives.last().plays.last().text, game.lastPlay);
            }
        }
        QVERIFY(situations > 100);
    }

    void writerParserRoundTrip_data()
    {
        QTest::addColumn<int>("season");
        QTest::addColumn<WeekKey>("key");
        QTest::addColumn<int>("minutes"); // after the first Sunday's 1 PM kickoff
        QTest::newRow("2025 week 1, before") << 2025 << WeekKey {2025, SeasonType::Reg, 1} << -600;
        for (int minutes : {20, 70, 100, 150, 190, 230, 600})
            QTest::addRow("2025 week 1, +%d min", minutes) << 2025 << WeekKey {2025, SeasonType::Reg, 1} << minutes;
        QTest::newRow("2025 preseason") << 2025 << WeekKey {2025, SeasonType::Pre, 2} << 0;
        QTest::newRow("2025 wild card") << 2025 << WeekKey {2025, SeasonType::Post, 19} << 200000;
        QTest::newRow("2025 pro bowl") << 2025 << WeekKey {2025, SeasonType::Post, 22} << 200000;
        QTest::newRow("2025 super bowl") << 2025 << WeekKey {2025, SeasonType::Post, 23} << 200000;
        QTest::newRow("2015 week 12") << 2015 << WeekKey {2015, SeasonType::Reg, 12} << 200000;
    }

    void writerParserRoundTrip()
    {
        QFETCH(int, season);
        QFETCH(WeekKey, key);
        QFETCH(int, minutes);
        const SyntheticSeason synthetic(season);
        const QDateTime now = synthetic.firstSundayKickoff().addSecs(qint64(minutes) * 60);
        ParsedWeek week = synthetic.espnWeek(key, now);
        QVERIFY(!week.games.isEmpty());
        if (key.week == 1)
            week.byes = {u"DET"_s, u"WSH"_s};
        QHash<QString, GameDetail> details;
        for (const auto &game : std::as_const(week.games))
            details.insert(game.espnId, synthetic.detail(game, now));

        const QByteArray document = EspnWriter::scoreboard(week, details);
        const auto parsed = EspnParser::parseScoreboard(document);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QVERIFY2(parsed.value().rejected.isEmpty(), qPrintable(parsed.value().rejected.join(u'\n')));
        QCOMPARE(parsed.value().key, key);
        QCOMPARE(parsed.value().byes, week.byes);
        QCOMPARE(parsed.value().games.size(), week.games.size());
        for (qsizetype i = 0; i < week.games.size(); ++i)
            QCOMPARE(parsed.value().games.at(i), week.games.at(i));

        for (const auto &game : std::as_const(week.games)) {
            const GameDetail &detail = details.value(game.espnId);
            const auto summary = EspnParser::parseSummary(EspnWriter::summary(game, detail));
            QVERIFY2(summary, qPrintable(summary.error()));
            QCOMPARE(summary.value().game, game);
            QCOMPARE(summary.value().detail, detail);
        }
    }
};

QTEST_GUILESS_MAIN(EspnFeedTest)
#include "espnfeedtest.moc"
