// endzone-bench-espn-season --out DIR [--summaries] SEASON...: writes synthetic seasons as the ESPN files
// `endzone-feed --format espn --dir DIR` serves: scoreboard-YEAR-pre|reg|post-WEEK.json per week (ESPN's week
// numbering) and, with --summaries, summary-EVENTID.json per game. Every game is taken after the season is over,
// so all are final and a backfill with --details fetches every summary. SyntheticSeason gives the games and
// their detail, EspnWriter the documents: the same bytes `endzone-feed --format espn --synthetic` would serve.
// Prints "seasons weeks games scoreboard-bytes summaries summary-bytes" on one line.
#include "espnwriter.h"
#include "seasoncalendar.h"
#include "syntheticseason.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        fprintf(stderr, "endzone-bench-espn-season: cannot write %s: %s\n", qPrintable(path),
            qPrintable(file.errorString()));
        return false;
    }
    return true;
}

QString typeCode(SeasonType type)
{
    return type == SeasonType::Pre ? u"pre"_s : type == SeasonType::Reg ? u"reg"_s : u"post"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Writes synthetic seasons as ESPN scoreboard (and summary) files."_s);
    parser.addHelpOption();
    parser.addOptions({{u"out"_s, u"Folder to write into (created if missing)"_s, u"dir"_s},
        {u"summaries"_s, u"Also write every game's summary"_s}});
    parser.addPositionalArgument(u"seasons"_s, u"Seasons: 2015, or a range like 2015-2025"_s, u"SEASON..."_s);
    parser.process(app);
    const QString out = parser.value(u"out"_s);
    if (out.isEmpty() || !QDir().mkpath(out))
        parser.showHelp(2);

    QList<int> seasons;
    for (const auto &argument : parser.positionalArguments()) {
        const auto parts = argument.split(u'-');
        const int from = parts.first().toInt(), to = parts.last().toInt();
        if (parts.size() > 2 || from < 1970 || to < from || to > 2100)
            parser.showHelp(2);
        for (int season = from; season <= to; ++season)
            seasons.append(season);
    }
    if (seasons.isEmpty())
        parser.showHelp(2);

    const QDir dir(out);
    qint64 weeks = 0, games = 0, scoreboardBytes = 0, summaries = 0, summaryBytes = 0;
    for (const int season : std::as_const(seasons)) {
        const SyntheticSeason synthetic(season);
        // Long after the season's last game (the Super Bowl is in February): everything is final.
        const QDateTime after(QDate(season + 1, 6, 1), QTime(12, 0), Qt::UTC);
        for (const auto &key : synthetic.weeks()) {
            const ParsedWeek week = synthetic.espnWeek(key, after);
            if (week.games.isEmpty())
                continue; // ESPN answers a week without games with an empty scoreboard; endzone-feed does too
            QHash<QString, GameDetail> details;
            for (const auto &game : week.games)
                details.insert(game.espnId, synthetic.detail(game, after));
            const QByteArray scoreboard = EspnWriter::scoreboard(week, details);
            const QString name = u"scoreboard-%1-%2-%3.json"_s.arg(key.season)
                                     .arg(typeCode(key.type))
                                     .arg(SeasonCalendar::espnWeek(key));
            if (!write(dir.filePath(name), scoreboard))
                return 1;
            ++weeks;
            games += week.games.size();
            scoreboardBytes += scoreboard.size();
            if (!parser.isSet(u"summaries"_s))
                continue;
            for (const auto &game : week.games) {
                const QByteArray summary = EspnWriter::summary(game, details.value(game.espnId));
                if (!write(dir.filePath(u"summary-%1.json"_s.arg(EspnWriter::eventId(game))), summary))
                    return 1;
                ++summaries;
                summaryBytes += summary.size();
            }
        }
    }
    printf("seasons %lld weeks %lld games %lld scoreboard-bytes %lld summaries %lld summary-bytes %lld\n",
        qlonglong(seasons.size()), qlonglong(weeks), qlonglong(games), qlonglong(scoreboardBytes), qlonglong(summaries),
        qlonglong(summaryBytes));
    return 0;
}
