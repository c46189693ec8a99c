#include "importcontroller.h"
#include "feedserver.h"
#include "gamestore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

// Importing from the UI against a real loopback feed (FeedServer's synthetic 2015 season, played out):
// progress to completion, a second start refused while one runs, and a cancel that keeps stored weeks.
class ImportControllerTest : public QObject
{
    Q_OBJECT

    static FeedServer::Options playedOut2015(int latencyMs = 0)
    {
        // After the season: every game final, so the counts are the schedule's.
        return {.syntheticSeason = 2015,
            .clockStart = QDateTime(QDate(2016, 3, 1), QTime(12, 0), Qt::UTC),
            .latencyMs = latencyMs};
    }

    static int storedGames(GameStore *store)
    {
        const auto count = store->gameCount();
        return count ? count.value() : -1;
    }

    std::unique_ptr<GameStore> openStore()
    {
        static int n = 0;
        auto store = GameStore::open(u"sqlite://"_s + m_dir.filePath(u"import%1.sqlite"_s.arg(++n)));
        if (!store)
            qWarning().noquote() << store.error();
        return store ? std::move(store).value() : nullptr;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importsARegularSeasonWithProgress()
    {
        FeedServer server(playedOut2015());
        QVERIFY(server.listen());
        auto store = openStore();
        QVERIFY(store);
        ImportController importer(store.get());
        importer.setFeedUrl(server.baseUrl());
        QSignalSpy running(&importer, &ImportController::runningChanged);
        QSignalSpy finished(&importer, &ImportController::finished);
        QList<int> progress;
        connect(&importer, &ImportController::progressChanged, this, [&] { progress.append(importer.done()); });
        QSignalSpy upserted(store.get(), &GameStore::gameUpserted);

        QVERIFY(importer.start(2015, false, true, false));
        QVERIFY(importer.running());
        QCOMPARE(importer.total(), 17);
        QVERIFY(importer.status().contains(u"2015"_s));
        QVERIFY(!importer.start(2015, true, true, true)); // one import at a time
        QVERIFY(finished.wait(60000));

        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY(!importer.running());
        QCOMPARE(running.size(), 2); // on, then off
        QCOMPARE(importer.done(), 17);
        QCOMPARE(importer.total(), 17);
        QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
        QCOMPARE(progress.constLast(), 17);
        const int games = storedGames(store.get());
        QVERIFY(games >= 256); // 16 games a week at the least
        QCOMPARE(upserted.size(), games); // the models hear about every game, row by row
        QCOMPARE(store->weeks(2015).value().size(), 17);
        QCOMPARE(importer.status(), u"17 weeks: %1 new games, 0 updated, 0 failed"_s.arg(games));

        // Again: idempotent, nothing new and nothing re-announced.
        upserted.clear();
        QVERIFY(importer.start(2015, false, true, false));
        QVERIFY(finished.wait(60000));
        QCOMPARE(importer.status(), u"17 weeks: 0 new games, 0 updated, 0 failed"_s);
        QCOMPARE(storedGames(store.get()), games);
        QCOMPARE(upserted.size(), 0);
    }

    void refusesNothingToImport()
    {
        auto store = openStore();
        QVERIFY(store);
        ImportController importer(store.get());
        QVERIFY(!importer.start(2015, false, true, false)); // no feed yet
        importer.setFeedUrl(QUrl(u"http://127.0.0.1:9"_s));
        QVERIFY(!importer.start(2015, false, false, false)); // no part of the season chosen
        QVERIFY(!importer.running());
    }

    void cancelMidWayKeepsStoredWeeks()
    {
        // Slow responses, so the import is surely still running when some weeks are stored.
        FeedServer server(playedOut2015(150));
        QVERIFY(server.listen());
        auto store = openStore();
        QVERIFY(store);
        ImportController importer(store.get());
        importer.setFeedUrl(server.baseUrl());
        QSignalSpy finished(&importer, &ImportController::finished);

        QVERIFY(importer.start(2015, true, true, true));
        const int total = importer.total();
        QVERIFY(total > 20);
        QTRY_VERIFY_WITH_TIMEOUT(importer.done() >= 4, 30000);
        importer.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000); // aborted replies may finish it at once

        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!importer.running());
        QVERIFY2(importer.status().startsWith(u"Cancelled after "_s), qPrintable(importer.status()));
        const auto storedWeeks = store->weeks(2015).value().size();
        QVERIFY2(storedWeeks >= 4 && storedWeeks < total, qPrintable(QString::number(storedWeeks)));
        const int games = storedGames(store.get());
        QVERIFY(games > 0);
        QTest::qWait(500); // nothing lands after the cancel
        QCOMPARE(storedGames(store.get()), games);
        QCOMPARE(store->weeks(2015).value().size(), storedWeeks);

        // A new import picks up where the cancelled one left off and completes.
        QVERIFY(importer.start(2015, true, true, true));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QCOMPARE(finished.constLast().at(0).toBool(), true);
        QCOMPARE(importer.done(), total);
        QVERIFY(storedGames(store.get()) > games);
    }
};

QTEST_GUILESS_MAIN(ImportControllerTest)
#include "importcontrollertest.moc"
