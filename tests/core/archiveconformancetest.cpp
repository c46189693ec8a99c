// Conformance: every season in ../shared/data/scorestrip/archive, imported through a FeedServer over HTTP,
// ends up in the store exactly as the documents say (game counts, teams, scores, states). Skipped, saying
// so, when ../shared is not beside the project.
#include "feedclient.h"
#include "feedserver.h"
#include "gamestore.h"
#include "seasonimportjob.h"
#include "storebackends.h"
#include "testdata.h"

#include <QCoroTask>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class ArchiveConformanceTest : public QObject
{
    Q_OBJECT
    Test::StoreBackends m_backends;

private Q_SLOTS:
    void initTestCase_data() { Test::StoreBackends::addRows(); }

    void initTestCase()
    {
        if (Test::sharedScorestripDir().isEmpty())
            QSKIP("../shared/data/scorestrip/archive is not beside the project: archive conformance skipped");
        QVERIFY2(m_backends.start(), qPrintable(m_backends.errorString()));
    }

    void everyArchivedSeason()
    {
        if (const auto reason = m_backends.skipReason(); !reason.isEmpty())
            QSKIP(qPrintable(reason));
        const QString archive = Test::sharedScorestripDir() + u"/archive"_s;
        auto store = GameStore::open(m_backends.newUrl(u"archive"_s));
        QVERIFY2(store, qPrintable(store.error()));

        // What the documents say, parsed on their own.
        static const QRegularExpression name(u"^(\\d{4})-(PRE|REG|POST)-(\\d+)\\.xml$"_s);
        QHash<QString, Game> expected;
        int files = 0;
        QSet<int> seasons;
        for (const auto &file : QDir(archive).entryList({u"*.xml"_s}, QDir::Files)) {
            const auto match = name.match(file);
            QVERIFY(match.hasMatch());
            QFile document(archive + u'/' + file);
            QVERIFY(document.open(QIODevice::ReadOnly));
            const WeekKey key {
                match.captured(1).toInt(), *seasonTypeFromCode(match.captured(2)), match.captured(3).toInt()};
            const auto week = ScorestripParser::parse(document.readAll(), key);
            QVERIFY2(week, qPrintable(file + u": "_s + week.error()));
            QCOMPARE(week.value().key, key);
            for (const auto &game : week.value().games)
                expected.insert(game.eid, game);
            seasons.insert(key.season);
            ++files;
        }
        QCOMPARE(files, 951);

        FeedServer server({.directory = archive});
        QVERIFY(server.listen());
        FeedClient feed(server.baseUrl());
        QList<WeekKey> weeks;
        for (int season : std::as_const(seasons))
            weeks += weeksOfSeason(season);
        SeasonImportJob job(&feed, store.value().get(), weeks, 8);
        const auto summary = QCoro::waitFor(job.run());
        QVERIFY(summary.failures.isEmpty());
        QCOMPARE(summary.weeks, weeks.size());
        QCOMPARE(summary.weeks - summary.emptyWeeks, files);

        QCOMPARE(store.value()->gameCount().value(), expected.size());
        int finals = 0, ties = 0;
        for (const auto &game : std::as_const(expected)) {
            const auto stored = store.value()->game(game.eid);
            QVERIFY(stored && stored.value());
            QCOMPARE(*stored.value(), game);
            finals += isFinal(game.state);
            ties += game.isTie();
        }
        QVERIFY(finals > 11000);
        QVERIFY(ties > 0);
    }
};

QTEST_GUILESS_MAIN(ArchiveConformanceTest)
#include "archiveconformancetest.moc"
