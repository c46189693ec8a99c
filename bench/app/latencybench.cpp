// endzone-bench-latency [--path redis|sse] [--changes N]: publishes N live score changes, one at a time,
// and times each from the publish call to the scoreboard model's dataChanged for that row. The change
// travels the app's real path: RedisBus publish → Redis → LiveController (redis://) → GameStore (SQLite)
// → DelayLine (the spoiler delay at 0 s, as the app has it by default) → ScoreboardModel; or InProcessBus → ApiServer's
// SSE broadcaster → SseStream → LiveController (sse:). Prints p50/p90/p99/max in milliseconds.
//
// With --espn-week FILE the week is an ESPN scoreboard read with EspnParser (bench/lib/espn.sh gives it the shared
// live 2022 Sunday) and each change is a live game's next play: clock, down and distance, spot and last play,
// and on every fourth a score, as ESPN's situation moves on a Sunday afternoon.
#include "apiserver.h"
#include "delayline.h"
#include "espnparser.h"
#include "gamestore.h"
#include "inprocessbus.h"
#include "livecontroller.h"
#include "livemessage.h"
#include "redisbus.h"
#include "redisserver.h"
#include "scoreboardmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

constexpr WeekKey week {2025, SeasonType::Reg, 3};

QList<Game> slate()
{
    QList<Game> games;
    const QStringList teams {u"KC"_s, u"BUF"_s, u"SF"_s, u"CIN"_s, u"DAL"_s, u"PHI"_s, u"GB"_s, u"DET"_s, u"NE"_s,
        u"NYJ"_s, u"MIA"_s, u"BAL"_s, u"PIT"_s, u"CLE"_s, u"DEN"_s, u"LV"_s, u"LAC"_s, u"SEA"_s, u"LA"_s, u"ARI"_s,
        u"NO"_s, u"TB"_s, u"ATL"_s, u"CAR"_s, u"MIN"_s, u"CHI"_s, u"HOU"_s, u"IND"_s, u"JAX"_s, u"TEN"_s, u"WAS"_s,
        u"NYG"_s};
    for (int i = 0; i < 16; ++i) {
        Game g;
        g.eid = u"202509210%1"_s.arg(i, 1, 16);
        g.gsis = QString::number(58000 + i);
        g.season = week.season;
        g.seasonType = week.type;
        g.week = week.week;
        g.day = u"Sun"_s;
        g.kickoff = QDateTime(QDate(2025, 9, 21), QTime(17, 0), Qt::UTC);
        g.home = {teams.at(2 * i), teams.at(2 * i), 0};
        g.visitor = {teams.at(2 * i + 1), teams.at(2 * i + 1), 0};
        g.state = GameState::Quarter2;
        g.clock = u"08:00"_s;
        g.possession = g.home.abbreviation;
        games.append(g);
    }
    return games;
}

// The next play of a live game: what an ESPN poll of a game in progress changes from one play to the next.
void nextPlay(Game &g, int play)
{
    g.clock = QTime(0, 0).addSecs(900 - (play * 7) % 900).toString(u"mm:ss"_s);
    g.down = play % 4 + 1;
    g.distance = 10 - play % 7;
    g.ballOn = u"%1 %2"_s.arg(play % 2 ? g.home.abbreviation : g.visitor.abbreviation).arg(20 + play % 30);
    g.lastPlay = u"(%1) Play %2 for %3 yards."_s.arg(g.clock).arg(play).arg(play % 11);
    if (play % 4 == 3) {
        auto &side = play % 8 == 3 ? g.home : g.visitor;
        side.score = side.score.value_or(0) + (play % 3 ? 7 : 3);
    }
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto rank = std::min<qsizetype>(values.size() - 1, qsizetype(std::ceil(p * double(values.size())) - 1));
    return values.at(std::max<qsizetype>(0, rank));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"path"_s, u"redis or sse"_s, u"path"_s, u"redis"_s},
        {u"changes"_s, u"How many changes to time"_s, u"n"_s, u"500"_s},
        {u"espn-week"_s, u"Take the week from this ESPN scoreboard (EspnParser); change its live games"_s, u"file"_s}});
    parser.process(app);
    const QString path = parser.value(u"path"_s);
    const int changes = parser.value(u"changes"_s).toInt();

    WeekKey key = week;
    QList<Game> games = slate();
    QList<qsizetype> changing; // the rows the changes go to, in turn
    QString weekName = u"scorestrip-like"_s;
    if (parser.isSet(u"espn-week"_s)) {
        QFile file(parser.value(u"espn-week"_s));
        if (!file.open(QIODevice::ReadOnly)) {
            fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()), qPrintable(file.errorString()));
            return 1;
        }
        const auto parsed = EspnParser::parseScoreboard(file.readAll());
        if (!parsed || parsed.value().games.isEmpty()) {
            fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()), parsed ? "no games" : qPrintable(parsed.error()));
            return 1;
        }
        key = parsed.value().key;
        games = parsed.value().games;
        for (qsizetype i = 0; i < games.size(); ++i) {
            if (isLive(games.at(i).state))
                changing.append(i);
        }
        weekName = u"espn-%1-%2-%3"_s.arg(key.season).arg(seasonTypeCode(key.type)).arg(key.week);
    }
    if (changing.isEmpty()) {
        for (qsizetype i = 0; i < games.size(); ++i)
            changing.append(i);
    }

    QTemporaryDir dir;
    auto opened = GameStore::open(u"sqlite://"_s + dir.filePath(u"bench.sqlite"_s));
    if (!opened) {
        fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    auto store = std::move(opened).value();
    // The app's path: every change reaches the models through the spoiler delay line, here at its default 0 s.
    DelayLine delayLine(store.get());
    ScoreboardModel model(store.get());
    model.setDelayLine(&delayLine);
    model.setWeek(key);
    LiveController live(store.get());

    Test::RedisServer redis;
    InProcessBus localBus;
    std::unique_ptr<LiveBus> publisher;
    std::unique_ptr<ApiServer> api;
    if (path == u"redis") {
        if (!redis.start()) {
            fprintf(stderr, "redis: %s\n", qPrintable(redis.errorString()));
            return 1;
        }
        publisher = std::make_unique<RedisBus>(redis.url());
        live.start(redis.url().toString());
    } else {
        ApiServer::Options options;
        options.port = 0;
        api = std::make_unique<ApiServer>(ApiServer::Services {nullptr, nullptr, &localBus, nullptr}, options);
        if (!api->listen())
            return 1;
        live.start(u"sse:"_s + api->baseUrl().resolved(QUrl(u"/api/livescore"_s)).toString());
    }
    auto publish = [&](const QByteArray &payload) {
        if (publisher)
            publisher->publish(payload);
        else
            localBus.publish(payload);
    };
    const bool up = QTest::qWaitFor(
        [&] {
            return live.state() == LiveController::State::Live
                && (!publisher || publisher->state() == LiveBus::State::Connected)
                && (!api || api->broadcaster()->clientCount() == 1);
        },
        15000);
    if (!up) {
        fprintf(stderr, "the live source did not connect\n");
        return 1;
    }

    publish(LiveMessage::fromWeek(key, games, games).encode());
    if (!QTest::qWaitFor([&] { return model.rowCount() == games.size(); }, 10000))
        return 1;

    // Event driven, no polling: each change is published when the previous one has reached the model
    // (plus a 2 ms gap), so the figure is the path's own latency, not a wait loop's sleep granularity.
    QElapsedTimer clock;
    qint64 sentAt = 0;
    QString expected;
    QList<double> latencies;
    int sent = 0;
    const int warmUp = 20;
    QEventLoop loop;
    QTimer stall;
    stall.setSingleShot(true);
    stall.setInterval(5000);
    QObject::connect(&stall, &QTimer::timeout, &loop, [&] {
        fprintf(stderr, "change %d never reached the model\n", sent);
        loop.exit(1);
    });
    auto publishNext = [&] {
        auto &g = games[changing.at(sent % changing.size())];
        if (parser.isSet(u"espn-week"_s))
            nextPlay(g, sent / int(changing.size()));
        else
            g.home.score = g.home.score.value_or(0) + 1;
        const auto payload = LiveMessage::fromWeek(key, games, {g}).encode();
        expected = g.eid;
        ++sent;
        stall.start();
        sentAt = clock.nsecsElapsed();
        publish(payload);
    };
    QObject::connect(&model, &QAbstractItemModel::dataChanged, &model, [&](const QModelIndex &index) {
        if (expected.isEmpty() || index.data(ScoreboardModel::EidRole).toString() != expected)
            return;
        const double ms = double(clock.nsecsElapsed() - sentAt) / 1e6;
        expected.clear();
        stall.stop();
        if (sent > warmUp)
            latencies.append(ms);
        if (latencies.size() >= changes)
            loop.exit(0);
        else
            QTimer::singleShot(2, &model, publishNext); // changes a few ms apart, as a busy Sunday's are
    });
    clock.start();
    QTimer::singleShot(0, &model, publishNext);
    if (loop.exec() != 0)
        return 1;
    if (parser.isSet(u"espn-week"_s))
        printf(
            "week %s games %lld live %lld ", qPrintable(weekName), qlonglong(games.size()), qlonglong(changing.size()));
    printf("path %s changes %lld p50 %.2f p90 %.2f p99 %.2f max %.2f ms\n", qPrintable(path),
        qlonglong(latencies.size()), percentile(latencies, 0.5), percentile(latencies, 0.9),
        percentile(latencies, 0.99), *std::max_element(latencies.cbegin(), latencies.cend()));
    return 0;
}
