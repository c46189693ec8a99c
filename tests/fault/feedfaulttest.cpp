// Feed faults during a full-season import, end to end: FeedServer answers 30% of requests with 500
// (failRate) and serves malformed, truncated and never-answered weeks; a FaultProxy in front of it resets
// connections and streams a body that never ends for two more weeks. The import must store every week it
// could fetch, name exactly the failed ones, leave what was stored before for those weeks untouched, and a
// re-run without faults must complete them. Pass/fail never depends on timing; every wait is bounded.
#include "faultsupport.h"
#include "feedclient.h"
#include "feedserver.h"
#include "gamestore.h"
#include "seasonimportjob.h"
#include "syntheticseason.h"

#include <QCoroTask>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

// A TCP proxy in front of the feed that decides per request (by its week= parameter) to pass it through,
// reset the connection, or answer 200 with a body that never ends. One request per connection.
class FaultProxy : public Test::HeadProxy
{
public:
    enum class Mode { Pass, Reset, EndlessBody };
    using HeadProxy::HeadProxy;
    void setMode(int week, Mode mode) { m_modes.insert(week, mode); }
    void clear() { m_modes.clear(); }
    int faultsInjected() const { return m_injected; }

protected:
    void onHead(QTcpSocket *client, const QByteArray &head) override
    {
        static const QRegularExpression weekPattern(u"[?&]week=(\\d+)"_s);
        const auto match = weekPattern.match(QString::fromLatin1(head.left(head.indexOf("\r\n"))));
        const Mode mode = match.hasMatch() ? m_modes.value(match.captured(1).toInt(), Mode::Pass) : Mode::Pass;
        route(client, head, mode);
    }

private:
    void route(QTcpSocket *client, QByteArray head, Mode mode)
    {
        if (mode == Mode::Reset) {
            ++m_injected;
            client->abort(); // RST: the peer sees "connection reset"
            return;
        }
        if (mode == Mode::EndlessBody) {
            ++m_injected;
            client->write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n");
            // Well-formed chunks, a new one every 50 ms, and never the last one: an idle timeout never fires.
            const auto chunk = [](const QByteArray &data) -> QByteArray {
                return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
            };
            auto *drip = new QTimer(client);
            connect(drip, &QTimer::timeout, client,
                [client, chunk] { client->write(chunk("<g eid=\"2015091000\" q=\"P\"/>")); });
            client->write(chunk("<?xml version=\"1.0\"?><ss><gms w=\"1\" y=\"2015\" t=\"R\">"));
            drip->start(50);
            return;
        }
        // Pass: one request per connection (Connection: close both ways), so later requests are routed too.
        Test::forwardOnce(client, head, upstreamPort());
    }

    QHash<int, Mode> m_modes;
    int m_injected = 0;
};

FeedClient::Options fastClient()
{
    FeedClient::Options options;
    options.timeoutMs = 1500; // the hanging and endless weeks cost this much per attempt
    options.retries = 4;
    options.backoffMs = 20;
    return options;
}

ImportSummary runImport(FeedClient *feed, GameStore *store, const QList<WeekKey> &weeks)
{
    SeasonImportJob job(feed, store, weeks, 6);
    return QCoro::waitFor(job.run());
}

} // namespace

class FeedFaultTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void seasonImportSurvivesFeedFaults()
    {
        const SyntheticSeason season(2015);
        QList<WeekKey> weeks;
        for (const WeekKey &key : season.weeks()) {
            if (key.type == SeasonType::Reg)
                weeks.append(key);
        }
        QCOMPARE(weeks.size(), 17);

        QTemporaryDir dir;
        auto opened = GameStore::open(u"sqlite:///"_s + dir.filePath(u"feedfault.sqlite"_s));
        QVERIFY2(opened, qPrintable(opened.error()));
        GameStore *store = opened.value().get();

        // 1. An earlier import, early in week 1: stored rows the failed weeks must keep exactly.
        FeedServer::Options earlyOptions;
        earlyOptions.syntheticSeason = 2015;
        earlyOptions.clockStart = season.firstSundayKickoff().addSecs(3600);
        earlyOptions.speed = 0;
        FeedServer early(earlyOptions);
        QVERIFY(early.listen());
        FeedClient earlyClient(early.baseUrl(), fastClient());
        const ImportSummary first = runImport(&earlyClient, store, weeks);
        QVERIFY2(first.ok(), qPrintable(first.failures.isEmpty() ? QString() : first.failures.first().second));
        QHash<int, QList<Game>> before;
        for (const WeekKey &key : weeks)
            before.insert(key.week, store->week(key).value());

        // 2. The season is over (every game final), and the feed is faulty.
        FeedServer::Options lateOptions = earlyOptions;
        lateOptions.clockStart = season.firstSundayKickoff().addDays(140);
        lateOptions.failRate = 0.3;
        lateOptions.seed = 7;
        FeedServer late(lateOptions);
        QVERIFY(late.listen());
        const QHash<int, QString> faulted {{3, u"malformed"_s}, {4, u"truncated"_s}, {5, u"never answered"_s},
            {6, u"connection reset"_s}, {7, u"body that never ends"_s}};
        late.setFault({2015, SeasonType::Reg, 3}, FeedServer::Fault::Malformed);
        late.setFault({2015, SeasonType::Reg, 4}, FeedServer::Fault::Truncated);
        late.setFault({2015, SeasonType::Reg, 5}, FeedServer::Fault::Hang);
        FaultProxy proxy(late.port());
        QVERIFY(proxy.isListening());
        proxy.setMode(6, FaultProxy::Mode::Reset);
        proxy.setMode(7, FaultProxy::Mode::EndlessBody);
        FeedClient faultyClient(proxy.url(), fastClient());

        const ImportSummary faulty = runImport(&faultyClient, store, weeks);
        QSet<int> failed;
        QStringList reasons;
        for (const auto &[key, why] : faulty.failures) {
            failed.insert(key.week);
            reasons.append(u"%1: %2"_s.arg(key.toString(), why));
        }
        qInfo().noquote() << "failed weeks:" << reasons.join(u"; "_s);
        qInfo() << "feed requests" << late.requestCount() << "proxy faults" << proxy.faultsInjected();
        // Every faulted week is named as failed, with a reason; any other failure can only be four 500s in a row.
        for (auto it = faulted.cbegin(); it != faulted.cend(); ++it)
            QVERIFY2(
                failed.contains(it.key()), qPrintable(u"week %1 (%2) not reported"_s.arg(it.key()).arg(it.value())));
        for (const auto &[key, why] : faulty.failures) {
            QVERIFY(!why.isEmpty());
            if (!faulted.contains(key.week))
                QVERIFY2(why.contains(u"500"_s), qPrintable(why));
        }
        QCOMPARE(faulty.weeks + faulty.failures.size(), weeks.size());
        // Every week that was fetched is stored, final; every failed week is exactly as before.
        for (const WeekKey &key : weeks) {
            const QList<Game> now = store->week(key).value();
            if (failed.contains(key.week)) {
                QCOMPARE(now, before.value(key.week));
            } else {
                QCOMPARE(now.size(), season.week(key, late.now()).games.size());
                for (const Game &game : now)
                    QVERIFY2(isFinal(game.state), qPrintable(game.eid));
            }
        }

        // 3. A re-run without faults completes the failed weeks and changes nothing else.
        proxy.clear();
        FeedServer::Options healthyOptions = lateOptions;
        healthyOptions.failRate = 0;
        FeedServer healthy(healthyOptions);
        QVERIFY(healthy.listen());
        QHash<int, QList<Game>> afterFaulty;
        for (const WeekKey &key : weeks)
            afterFaulty.insert(key.week, store->week(key).value());
        FeedClient healthyClient(healthy.baseUrl(), fastClient());
        QList<WeekKey> rerun;
        for (const WeekKey &key : weeks) {
            if (failed.contains(key.week))
                rerun.append(key);
        }
        const ImportSummary second = runImport(&healthyClient, store, weeks);
        QVERIFY(second.ok());
        QCOMPARE(second.inserted, 0);
        int games = 0;
        for (const WeekKey &key : weeks) {
            const QList<Game> now = store->week(key).value();
            games += now.size();
            QCOMPARE(now.size(), season.week(key, healthy.now()).games.size());
            for (const Game &game : now)
                QVERIFY(isFinal(game.state));
            if (!failed.contains(key.week))
                QCOMPARE(now, afterFaulty.value(key.week)); // earlier rows unchanged
        }
        QCOMPARE(store->gameCount().value(), games); // nothing lost, nothing duplicated
        qInfo() << "re-run completed" << rerun.size() << "weeks; games stored" << games;
    }
};

QTEST_GUILESS_MAIN(FeedFaultTest)
#include "feedfaulttest.moc"
