// endzone-bench-espn-parse --scoreboard FILE --summary FILE [--iterations N] [--store-iterations N]: times
// EspnParser on ESPN documents held in memory, alone and followed by the GameStore write a backfill does
// (upsertWeek for a scoreboard, storeDetail for a summary) into a fresh SQLite file in a temporary folder.
// Prints one `RESULT` line per measurement, with p50/p90/p99/min/max in milliseconds, for bench/lib/espn.sh, and
// a `-cpu` line beside it: the same runs timed by the thread's CPU clock, which other processes on a loaded
// machine move far less than the wall clock (jsonload.py reports json.loads both ways too).
//
// The upsert is timed twice: with every game changed since the last write (each iteration bumps the scores the
// document gave, so all rows are rewritten, as a live week's poll) and with nothing changed (a re-import).
#include "espnparser.h"
#include "gamestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

// Nearest rank, as bench/app/latencybench.cpp and bench/espn/jsonload.py compute it.
double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto rank = std::min<qsizetype>(values.size() - 1, qsizetype(std::ceil(p * double(values.size())) - 1));
    return values.at(std::max<qsizetype>(0, rank));
}

// Milliseconds per run, by the wall clock and by this thread's CPU clock.
struct Samples
{
    QList<double> wall;
    QList<double> cpu;
};

void reportLine(const QByteArray &what, const QString &file, const QList<double> &ms, const QString &extra)
{
    printf("RESULT %s file=%s n=%lld p50=%.3f p90=%.3f p99=%.3f min=%.3f max=%.3f%s%s\n", what.constData(),
        qPrintable(QFileInfo(file).fileName()), qlonglong(ms.size()), percentile(ms, 0.5), percentile(ms, 0.9),
        percentile(ms, 0.99), *std::min_element(ms.cbegin(), ms.cend()), *std::max_element(ms.cbegin(), ms.cend()),
        extra.isEmpty() ? "" : " ", qPrintable(extra));
}

void report(const char *what, const QString &file, const Samples &samples, const QString &extra = {})
{
    reportLine(what, file, samples.wall, extra);
    reportLine(QByteArray(what) + "-cpu", file, samples.cpu, extra);
    fflush(stdout);
}

qint64 threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// QJsonDocument::fromJson alone, as EspnParser calls it (no copy of the bytes): the DOM json.loads also builds,
// so what EspnParser adds on top of it shows.
void benchDom(const QString &path, const QByteArray &bytes, int n);

// Runs `body` `warmUp` times untimed, then `n` times timed.
template<typename Body>
Samples timed(int warmUp, int n, Body body)
{
    for (int i = 0; i < warmUp; ++i)
        body(-1 - i);
    Samples samples;
    samples.wall.reserve(n);
    samples.cpu.reserve(n);
    QElapsedTimer clock;
    for (int i = 0; i < n; ++i) {
        const qint64 cpu = threadCpuNs();
        clock.start();
        body(i);
        samples.wall.append(double(clock.nsecsElapsed()) / 1e6);
        samples.cpu.append(double(threadCpuNs() - cpu) / 1e6);
    }
    return samples;
}

[[noreturn]] void fail(const QString &message)
{
    fprintf(stderr, "endzone-bench-espn-parse: %s\n", qPrintable(message));
    std::exit(1);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    return file.readAll();
}

// A week whose every game differs from the previous iteration's: scores set from the iteration number.
ParsedWeek changed(ParsedWeek week, int iteration)
{
    for (auto &game : week.games) {
        game.home.score = game.home.score.value_or(0) + 1000 + iteration;
        game.visitor.score = game.visitor.score.value_or(0) + 1000 + iteration;
    }
    return week;
}

void benchDom(const QString &path, const QByteArray &bytes, int n)
{
    qsizetype sink = 0;
    report("qjsondocument", path, timed(5, n, [&](int) {
        QJsonParseError error;
        sink += QJsonDocument::fromJson(QByteArray::fromRawData(bytes.constData(), bytes.size()), &error)
                    .object()
                    .size();
    }));
    if (sink == 0)
        fail(u"%1: not a JSON object"_s.arg(path));
}

void benchScoreboard(GameStore &store, const QString &path, int n, int storeN)
{
    const QByteArray bytes = readAll(path);
    const auto first = EspnParser::parseScoreboard(bytes);
    if (!first)
        fail(u"%1: %2"_s.arg(path, first.error()));
    const auto games = first.value().games.size();
    const QString shape
        = u"bytes=%1 games=%2 rejected=%3"_s.arg(bytes.size()).arg(games).arg(first.value().rejected.size());
    benchDom(path, bytes, n);
    qsizetype sink = 0;
    report("parse-scoreboard", path,
        timed(5, n, [&](int) { sink += EspnParser::parseScoreboard(bytes).value().games.size(); }), shape);

    // First write of the week: every game inserted (one sample, so it is reported, not ranked).
    QElapsedTimer clock;
    clock.start();
    const auto inserted = store.upsertWeek(EspnParser::parseScoreboard(bytes).value());
    const double insertMs = double(clock.nsecsElapsed()) / 1e6;
    if (!inserted)
        fail(inserted.error());
    printf("RESULT insert-scoreboard file=%s n=1 ms=%.3f games=%lld\n", qPrintable(QFileInfo(path).fileName()),
        insertMs, qlonglong(inserted.value().size()));

    int updated = 0, unchanged = 0;
    // Timed before the report's text is built: argument evaluation order is unspecified.
    const auto changedMs = timed(3, storeN, [&](int i) {
        const auto result = store.upsertWeek(changed(EspnParser::parseScoreboard(bytes).value(), i));
        if (!result)
            fail(result.error());
        if (i >= 0)
            updated += int(std::count_if(result.value().cbegin(), result.value().cend(),
                [](const UpsertedGame &g) { return g.change == UpsertChange::Updated; }));
    });
    report("parse-upsert-changed", path, changedMs,
        u"games=%1 updated-per-iteration=%2"_s.arg(games).arg(double(updated) / storeN));
    // Back to the document's own scores once, then nothing changes.
    if (!store.upsertWeek(first.value()))
        fail(u"upsert failed"_s);
    const auto unchangedMs = timed(3, storeN, [&](int i) {
        const auto result = store.upsertWeek(EspnParser::parseScoreboard(bytes).value());
        if (!result)
            fail(result.error());
        if (i >= 0)
            unchanged += int(std::count_if(result.value().cbegin(), result.value().cend(),
                [](const UpsertedGame &g) { return g.change == UpsertChange::Unchanged; }));
    });
    report("parse-upsert-unchanged", path, unchangedMs,
        u"games=%1 unchanged-per-iteration=%2"_s.arg(games).arg(double(unchanged) / storeN));
    if (sink == 0)
        fail(u"no games parsed"_s);
}

void benchSummary(GameStore &store, const QString &path, int n, int storeN)
{
    const QByteArray bytes = readAll(path);
    const auto first = EspnParser::parseSummary(bytes);
    if (!first)
        fail(u"%1: %2"_s.arg(path, first.error()));
    const auto &detail = first.value().detail;
    const QString shape = u"bytes=%1 drives=%2 plays=%3 scoring-plays=%4 win-probability-points=%5"_s.arg(bytes.size())
                              .arg(detail.drives.size())
                              .arg(detail.playCount())
                              .arg(detail.scoringPlays.size())
                              .arg(detail.winProbability.size());
    benchDom(path, bytes, n);
    qsizetype sink = 0;
    report("parse-summary", path,
        timed(5, n, [&](int) { sink += EspnParser::parseSummary(bytes).value().detail.playCount(); }), shape);

    // The detail belongs to a stored game: store the summary's game as its week first.
    const Game &game = first.value().game;
    const WeekKey key {game.season, game.seasonType, game.week};
    if (const auto stored = store.upsertWeek(ParsedWeek {key, FeedDialect::Ajax, {game}, {}, {}}); !stored)
        fail(stored.error());
    report("parse-storedetail", path,
        timed(3, storeN,
            [&](int) {
                auto parsed = EspnParser::parseSummary(bytes).value();
                const auto result = store.storeDetail(parsed.game.eid, parsed.detail);
                if (!result)
                    fail(result.error());
            }),
        shape);
    if (sink == 0)
        fail(u"no plays parsed"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times EspnParser alone and with the GameStore write, on SQLite."_s);
    parser.addHelpOption();
    parser.addOptions({{u"scoreboard"_s, u"An ESPN scoreboard document"_s, u"file"_s},
        {u"summary"_s, u"An ESPN summary document"_s, u"file"_s},
        {u"iterations"_s, u"Timed parses per document (after 5 untimed)"_s, u"n"_s, u"300"_s},
        {u"store-iterations"_s, u"Timed parse-and-store runs per variant (after 3 untimed)"_s, u"n"_s, u"200"_s},
        {u"database"_s, u"Store URL (default: SQLite in a temporary folder)"_s, u"url"_s}});
    parser.process(app);
    const int n = std::max(1, parser.value(u"iterations"_s).toInt());
    const int storeN = std::max(1, parser.value(u"store-iterations"_s).toInt());

    QTemporaryDir dir;
    const QString url
        = parser.isSet(u"database"_s) ? parser.value(u"database"_s) : u"sqlite://"_s + dir.filePath(u"espn.sqlite"_s);
    auto opened = GameStore::open(url);
    if (!opened)
        fail(opened.error());
    auto store = std::move(opened).value();

    if (parser.isSet(u"scoreboard"_s))
        benchScoreboard(*store, parser.value(u"scoreboard"_s), n, storeN);
    if (parser.isSet(u"summary"_s))
        benchSummary(*store, parser.value(u"summary"_s), n, storeN);
    return 0;
}
