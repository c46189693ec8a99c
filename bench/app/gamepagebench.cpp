// The game page of a finished game with about 180 plays: from a click on its card to the first frame swapped
// with the page populated (line score, drive chart, plays). The real window (AppContext + Main.qml), offscreen,
// on a throwaway SQLite store holding the game and its detail, as a store does after the game went final (so
// opening fetches nothing). The game is the shared 2023 LAR at DAL summary (178 plays) when ../shared is there,
// else a finished game of the synthetic season. Prints one line per run and a summary on stdout.
#include "appcontext.h"
#include "espnparser.h"
#include "gamestore.h"
#include "syntheticseason.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

Q_IMPORT_QML_PLUGIN(EndzonePlugin)
Q_IMPORT_QML_PLUGIN(Endzone_ViewsPlugin)

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

QQuickItem *findItem(QQuickItem *root, const QString &name, const QString &eid = {})
{
    if (root->objectName() == name && root->isVisible() && (eid.isEmpty() || root->property("eid").toString() == eid))
        return root;
    for (auto *child : root->childItems()) {
        if (auto *found = findItem(child, name, eid))
            return found;
    }
    return nullptr;
}

// The finished game and its detail: the shared summary, or the synthetic season's first final game.
std::optional<ParsedSummary> finishedGame(const QString &sharedDir, QString *origin)
{
    QFile file(sharedDir + u"/data/espn/summary-401547505.json"_s);
    if (file.open(QIODevice::ReadOnly)) {
        auto parsed = EspnParser::parseSummary(file.readAll());
        if (parsed) {
            *origin = u"shared 2023 LAR at DAL summary"_s;
            return parsed.value();
        }
    }
    const SyntheticSeason season(2025);
    const WeekKey week {2025, SeasonType::Reg, 1};
    const auto later = season.firstSundayKickoff().addDays(3);
    const auto games = season.espnWeek(week, later).games;
    for (const auto &game : games) {
        if (isFinal(game.state)) {
            *origin = u"synthetic 2025 game %1"_s.arg(game.espnId);
            return ParsedSummary {game, season.detail(game, later)};
        }
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Click on a finished game's card to its game page's first populated frame."_s);
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"Timed openings (after 3 warm-up ones)."_s, u"N"_s, u"20"_s);
    const QCommandLineOption sharedOption(u"shared"_s, u"The shared folder."_s, u"DIR"_s, u"../shared"_s);
    parser.addOptions({runsOption, sharedOption});
    parser.process(app);
    const int runs = std::clamp(parser.value(runsOption).toInt(), 1, 500);
    QStandardPaths::setTestModeEnabled(true);
    QQuickStyle::setStyle(u"Basic"_s);

    QString origin;
    auto summary = finishedGame(parser.value(sharedOption), &origin);
    if (!summary) {
        qCritical("no finished game to open");
        return 1;
    }
    summary->detail.state = u"post"_s;
    QTemporaryDir dir;
    AppContext::Options options;
    options.config.database = u"sqlite://"_s + dir.filePath(u"bench.sqlite"_s);
    options.config.feed = u"http://127.0.0.1:9"_s; // nothing listens: the store holds everything
    options.config.source = FeedSource::Espn;
    auto context = AppContext::create(options);
    if (!context) {
        qCritical("%s", qPrintable(context.error()));
        return 1;
    }
    auto *store = context.value()->store();
    const Game &game = summary->game;
    const WeekKey week {game.season, game.seasonType, game.week};
    const auto stored = store->upsertWeek(ParsedWeek {week, FeedDialect::Ajax, {game}});
    if (!stored || stored.value().isEmpty()
        || !store->storeDetail(stored.value().constFirst().game.eid, summary->detail)) {
        qCritical("cannot store the game");
        return 1;
    }
    const QString eid = stored.value().constFirst().game.eid;

    QQmlApplicationEngine engine;
    engine.load(QUrl(u"qrc:/Endzone/Views/Main.qml"_s));
    auto *window
        = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        qCritical("Main.qml did not load");
        return 1;
    }
    window->setVisibility(QWindow::Windowed);
    window->resize(1920, 1080);
    context.value()->scoreboard()->setWeek(week);
    auto *detail = UiServices::current().gameDetail.data();

    QList<double> times;
    for (int run = -3; run < runs; ++run) {
        QQuickItem *card = nullptr;
        if (!QTest::qWaitFor([&] { return (card = findItem(window->contentItem(), u"gameCard"_s, eid)); }, 10000)) {
            qCritical("the game's card never showed");
            return 1;
        }
        QTest::qWait(100); // the board settled
        bool populated = false;
        double elapsedMs = -1;
        QElapsedTimer clock;
        const auto connection = QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
            auto *page = findItem(window->contentItem(), u"gamePage"_s);
            auto *list = page ? findItem(page, u"playList"_s) : nullptr;
            if (!populated && page && list && list->property("count").toInt() > 0 && detail->drives()->rowCount() > 0) {
                populated = true;
                elapsedMs = clock.nsecsElapsed() / 1e6;
            }
        });
        const QPointF centre(card->width() / 2, card->height() * 0.75);
        clock.start();
        QTest::mouseClick(window, Qt::LeftButton, {}, card->mapToScene(centre).toPoint());
        if (!QTest::qWaitFor([&] { return populated; }, 10000)) {
            qCritical("the game page never showed populated");
            return 1;
        }
        QObject::disconnect(connection);
        if (run >= 0) {
            times.append(elapsedMs);
            std::printf("run %d: %.1f ms\n", run + 1, elapsedMs);
        }
        QMetaObject::invokeMethod(window, "closeGame");
        QTest::qWait(50);
    }
    std::sort(times.begin(), times.end());
    const auto at = [&times](double q) {
        return times.at(std::min<qsizetype>(times.size() - 1, qsizetype(q * times.size())));
    };
    std::printf("gamepage: %s, %d plays, %d drives; %d runs: median %.1f ms, p90 %.1f ms, min %.1f, max %.1f "
                "(target <= 150 ms)\n",
        qPrintable(origin),
        int(detail->playModel()->rowCount() ? detail->playModel()->rowCount() : summary->detail.playCount()),
        int(summary->detail.drives.size()), runs, at(0.5), at(0.9), times.constFirst(), times.constLast());
    return 0;
}
