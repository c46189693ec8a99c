// The API on the ESPN source, end to end: real ESPN documents (../shared/data/espn) served at ESPN's paths by
// a FeedServer, read by FeedClient, stored in SQLite and served by ApiServer. A week comes out with the right
// teams, kickoffs and scores; a game by its ESPN id comes with its drives and plays, fetched from the summary
// once and then served from the store.
#include "apiserver.h"
#include "apitestsupport.h"
#include "feedclient.h"
#include "feedserver.h"
#include "gamestore.h"
#include "inprocessbus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;

class EspnApiTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<FeedServer> m_feedServer;
    std::unique_ptr<FeedClient> m_feed;
    std::unique_ptr<GameStore> m_store;
    std::unique_ptr<InProcessBus> m_bus;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;

    QJsonDocument get(const QString &path, int expectedStatus = 200)
    {
        const auto result = httpRequest(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
        if (result.status != expectedStatus)
            qWarning() << path << result.status << result.body.left(300);
        return result.status == expectedStatus ? QJsonDocument::fromJson(result.body) : QJsonDocument();
    }

    static QJsonObject gameOf(const QJsonArray &games, const QString &espnId)
    {
        for (const auto &game : games) {
            if (game.toObject().value(u"espn_id"_s).toString() == espnId)
                return game.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString shared = qEnvironmentVariable("ENDZONE_SHARED_DIR") + u"/data/espn"_s;
        if (!QFileInfo::exists(shared + u"/scoreboard-2025-reg-1-mixed-intl.json"_s))
            QSKIP(qPrintable(u"the shared ESPN files are not beside the project (%1)"_s.arg(shared)));
        FeedServer::Options options;
        options.format = FeedServer::Format::Espn;
        options.directory = shared;
        m_feedServer = std::make_unique<FeedServer>(options);
        QVERIFY(m_feedServer->listen());
        FeedClient::Options feedOptions;
        feedOptions.source = FeedSource::Espn;
        m_feed = std::make_unique<FeedClient>(m_feedServer->baseUrl(), feedOptions);
        auto store = GameStore::open(u"sqlite://"_s + m_dir.filePath(u"espn.sqlite"_s));
        QVERIFY2(store, qPrintable(store.error()));
        m_store = std::move(store).value();
        m_bus = std::make_unique<InProcessBus>();
        ApiServer::Options apiOptions;
        apiOptions.port = 0;
        m_api = std::make_unique<ApiServer>(
            ApiServer::Services {m_store.get(), m_feed.get(), m_bus.get(), nullptr}, apiOptions);
        const auto port = m_api->listen();
        QVERIFY2(port, qPrintable(port.error()));
        m_port = port.value();
    }

    void weekOneOf2025()
    {
        const QJsonArray games = get(u"/api/season/2025/1"_s).array();
        QCOMPARE(games.size(), 16);
        // The opener, final: DAL 20 @ PHI 24 on Thursday night (00:20 UTC on Friday is 20:20 EDT on Thursday).
        const QJsonObject opener = gameOf(games, u"401772510"_s);
        QCOMPARE(opener.value(u"id"_s).toString(), u"401772510"_s);
        QCOMPARE(opener.value(u"home"_s).toObject().value(u"abbr"_s).toString(), u"PHI"_s);
        QCOMPARE(opener.value(u"home"_s).toObject().value(u"score"_s).toInt(), 24);
        QCOMPARE(opener.value(u"visitor"_s).toObject().value(u"abbr"_s).toString(), u"DAL"_s);
        QCOMPARE(opener.value(u"visitor"_s).toObject().value(u"score"_s).toInt(), 20);
        QCOMPARE(opener.value(u"state"_s).toString(), u"F"_s);
        QCOMPARE(opener.value(u"scheduled_at"_s).toString(), u"2025-09-04T20:20:00-04:00"_s);
        QCOMPARE(opener.value(u"day"_s).toString(), u"Thu"_s);
        QCOMPARE(opener.value(u"season_type"_s).toString(), u"REG"_s);
        QCOMPARE(opener.value(u"week"_s).toInt(), 1);
        // Sao Paulo: KC at LAC on a neutral site, Friday 20:00 EDT, not started: no score, not zero.
        const QJsonObject brazil = gameOf(games, u"401772714"_s);
        QCOMPARE(brazil.value(u"home"_s).toObject().value(u"abbr"_s).toString(), u"LAC"_s);
        QCOMPARE(brazil.value(u"visitor"_s).toObject().value(u"abbr"_s).toString(), u"KC"_s);
        QVERIFY(brazil.value(u"home"_s).toObject().value(u"score"_s).isNull());
        QCOMPARE(brazil.value(u"state"_s).toString(), u"P"_s);
        QCOMPARE(brazil.value(u"scheduled_at"_s).toString(), u"2025-09-05T20:00:00-04:00"_s);
        QCOMPARE(brazil.value(u"neutral_site"_s).toBool(), true);
        QCOMPARE(brazil.value(u"venue"_s).toString(), u"Corinthians Arena"_s);
        QCOMPARE(brazil.value(u"broadcast"_s).toString(), u"YouTube"_s);
        // Washington under ESPN's code for this era; Monday night in Chicago.
        QCOMPARE(gameOf(games, u"401772827"_s).value(u"home"_s).toObject().value(u"abbr"_s).toString(), u"WSH"_s);
        QCOMPARE(gameOf(games, u"401772810"_s).value(u"scheduled_at"_s).toString(), u"2025-09-08T20:15:00-04:00"_s);
        // Stored: the second ask is answered without the feed.
        QCOMPARE(m_store->week({2025, SeasonType::Reg, 1}).value().size(), 16);
    }

    void wildCardRoundBySlug()
    {
        const QJsonArray games = get(u"/api/season/2025/wc"_s).array();
        QCOMPARE(games.size(), 6);
        for (const auto &game : games) {
            QCOMPARE(game.toObject().value(u"season_type"_s).toString(), u"POST"_s);
            QCOMPARE(game.toObject().value(u"game_type"_s).toString(), u"WC"_s);
            QCOMPARE(game.toObject().value(u"season"_s).toInt(), 2025);
            QCOMPARE(game.toObject().value(u"week"_s).toInt(), 19); // after 18 regular weeks
            QCOMPARE(game.toObject().value(u"state"_s).toString(), u"F"_s);
        }
        // 18 is a regular-season week in 2025 (none in these files), the Super Bowl week 23; 2014 had no week 23.
        QCOMPARE(get(u"/api/season/2025/18"_s).array(), QJsonArray());
        QCOMPARE(httpRequest(QUrl(u"http://127.0.0.1:%1/api/season/2025/23"_s.arg(m_port))).status, 200);
        QCOMPARE(httpRequest(QUrl(u"http://127.0.0.1:%1/api/season/2014/23"_s.arg(m_port))).status, 404);
    }

    void gameByEspnIdComesWithItsDrives()
    {
        // LAR 20 @ DAL 43 (2023): not in the store, so the server asks ESPN's summary, stores it and serves it.
        const int before = m_feedServer->requestCount();
        const QJsonObject game = get(u"/api/games/401547505"_s).object();
        QCOMPARE(m_feedServer->requestCount(), before + 1);
        QCOMPARE(game.value(u"espn_id"_s).toString(), u"401547505"_s);
        QCOMPARE(game.value(u"home"_s).toObject().value(u"abbr"_s).toString(), u"DAL"_s);
        QCOMPARE(game.value(u"home"_s).toObject().value(u"score"_s).toInt(), 43);
        QCOMPARE(game.value(u"visitor"_s).toObject().value(u"abbr"_s).toString(), u"LAR"_s);
        QCOMPARE(game.value(u"visitor"_s).toObject().value(u"score"_s).toInt(), 20);
        const QJsonObject detail = game.value(u"detail"_s).toObject();
        QCOMPARE(detail.value(u"drives"_s).toArray().size(), 22);
        QCOMPARE(detail.value(u"scoring_plays"_s).toArray().size(), 12);
        QCOMPARE(detail.value(u"win_probability"_s).toArray().size(), 179);
        const QJsonObject lastScore = detail.value(u"scoring_plays"_s).toArray().last().toObject();
        QCOMPARE(lastScore.value(u"home_score"_s).toInt(), 43);
        QCOMPARE(lastScore.value(u"away_score"_s).toInt(), 20);
        int plays = 0;
        for (const auto &drive : detail.value(u"drives"_s).toArray())
            plays += int(drive.toObject().value(u"plays"_s).toArray().size());
        QCOMPARE(plays, 178);
        // Kept small: what the page shows, not ESPN's 0.7 MB.
        QVERIFY(QJsonDocument(game).toJson(QJsonDocument::Compact).size() < 150 * 1024);

        // A final game's detail is served from the store from now on, by either id.
        const QJsonObject again = get(u"/api/games/401547505"_s).object();
        QCOMPARE(m_feedServer->requestCount(), before + 1);
        QCOMPARE(again, game);
        QVERIFY(m_store->gameById(u"401547505"_s).value());
    }

    void byesOfAWeek()
    {
        Game game = m_store->week({2025, SeasonType::Reg, 1}).value().constFirst();
        game.eid = game.espnId = u"401999999"_s;
        game.week = 5;
        ParsedWeek week {{2025, SeasonType::Reg, 5}, FeedDialect::Ajax, {game}};
        week.byes = {u"NE"_s, u"PHI"_s};
        QVERIFY(m_store->upsertWeek(week));
        QCOMPARE(get(u"/api/season/2025/5/byes"_s).array(), (QJsonArray {u"NE"_s, u"PHI"_s}));
        QCOMPARE(get(u"/api/season/2025/1/byes"_s).array(), QJsonArray());
        QCOMPARE(httpRequest(QUrl(u"http://127.0.0.1:%1/api/season/2025/99/byes"_s.arg(m_port))).status, 404);
    }

    void unknownGamesAndBadIds()
    {
        // An ESPN id the feed does not know is a 404, as the feed says.
        const auto missing = httpRequest(QUrl(u"http://127.0.0.1:%1/api/games/401000000"_s.arg(m_port)));
        QCOMPARE(missing.status, 404);
        QVERIFY(QJsonDocument::fromJson(missing.body).object().contains(u"error"_s));
        // A scorestrip eid the store lacks is a 404 without asking ESPN.
        const int before = m_feedServer->requestCount();
        QCOMPARE(httpRequest(QUrl(u"http://127.0.0.1:%1/api/games/2014090400"_s.arg(m_port))).status, 404);
        QCOMPARE(m_feedServer->requestCount(), before);
        QCOMPARE(httpRequest(QUrl(u"http://127.0.0.1:%1/api/games/40154750"_s.arg(m_port))).status, 400);
        QCOMPARE(httpRequest(QUrl(u"http://127.0.0.1:%1/api/games/40154750x"_s.arg(m_port))).status, 400);
    }
};

QTEST_GUILESS_MAIN(EspnApiTest)
#include "espnapitest.moc"
