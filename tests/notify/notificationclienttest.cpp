// NotificationClient against a fake org.freedesktop.Notifications on a private session bus (the test runs under
// dbus-run-session): the exact messages in order, markup escaping, one log line without a bus or a service,
// and a service that never answers does not hold up the event loop.
//
// The fake is registered on a second connection to the bus, not on QDBusConnection::sessionBus(): QtDBus
// short-circuits calls to a service its own connection owns (a direct, synchronous call), and the test would
// then not see what goes over the bus, nor could a hanging service be simulated.
#include "notificationclient.h"
#include "gamenotifier.h"
#include "testgames.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

const QString Service = QLatin1StringView(NotificationClient::Service);
const QString Path = QLatin1StringView(NotificationClient::Path);

struct LogLine
{
    QtMsgType type;
    QByteArray category;
    QString text;
};
QList<LogLine> g_log;
QtMessageHandler g_previous = nullptr;

void recordLog(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    g_log.append({type, QByteArray(context.category), text});
    g_previous(type, context, text);
}

QList<LogLine> logOf(const char *category)
{
    QList<LogLine> out;
    std::copy_if(g_log.cbegin(), g_log.cend(), std::back_inserter(out),
        [category](const LogLine &line) { return line.category == category; });
    return out;
}

} // namespace

// The notification server's side of the protocol, as small as the test needs. Notify's answer can be held back
// forever (`hang`), as a stuck notification daemon would.
class FakeNotifications : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Received
    {
        QString appName;
        uint replacesId;
        QString appIcon;
        QString summary;
        QString body;
        QVariantMap hints;
    };
    QList<Received> received;
    QStringList capabilities {u"body"_s};
    bool hang = false;
    bool fail = false; // answer Notify with an error, as a broken daemon does

public Q_SLOTS:
    Q_SCRIPTABLE uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
        const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        received.append({appName, replacesId, appIcon, summary, body, hints});
        if (hang)
            setDelayedReply(true); // and never send it
        else if (fail)
            sendErrorReply(QDBusError::Failed, u"the daemon is broken"_s);
        return uint(received.size());
    }
    Q_SCRIPTABLE QStringList GetCapabilities()
    {
        if (hang)
            setDelayedReply(true);
        return capabilities;
    }
    Q_SCRIPTABLE QString GetServerInformation(QString &vendor, QString &version, QString &specVersion)
    {
        vendor = u"Endzone tests"_s;
        version = u"1"_s;
        specVersion = u"1.2"_s;
        return u"fake-notifications"_s;
    }
};

class NotificationClientTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeNotifications> m_fake;

    // Puts the fake on the bus under the well-known name, on its own connection.
    void startFake()
    {
        m_fake = std::make_unique<FakeNotifications>();
        auto bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-notifications"_s);
        QVERIFY(bus.isConnected());
        QVERIFY(bus.registerObject(Path, m_fake.get(), QDBusConnection::ExportScriptableSlots));
        QVERIFY(bus.registerService(Service));
    }

    static NotificationClient::Options options(std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        NotificationClient::Options o;
        o.appName = u"Endzone"_s;
        o.timeout = timeout;
        return o;
    }

    static Game dalNyg() { return Test::scheduledGame(u"2025092100"_s, u"DAL"_s, u"NYG"_s, 17); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("ENDZONE_PRIVATE_SESSION_BUS"))
            QSKIP("needs the private session bus CTest starts (dbus-run-session); not the desktop's own bus");
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "dbus-run-session gave no session bus");
        g_previous = qInstallMessageHandler(recordLog);
    }

    void cleanupTestCase()
    {
        if (g_previous)
            qInstallMessageHandler(g_previous);
    }

    void init() { g_log.clear(); }

    void cleanup()
    {
        auto bus = QDBusConnection(u"fake-notifications"_s);
        if (bus.isConnected()) {
            bus.unregisterService(Service);
            bus.unregisterObject(Path);
            QDBusConnection::disconnectFromBus(u"fake-notifications"_s);
        }
        m_fake.reset();
    }

    void exactMessagesInOrder()
    {
        startFake();
        NotificationClient client(QDBusConnection::sessionBus(), options());
        GameNotifier notifier;
        notifier.setFavourites({u"NYG"_s});
        connect(&notifier, &GameNotifier::alerted, &client, &NotificationClient::sendAlert);

        const QString play = u"(2:00) J.Dart pass deep left to M.Nabers for 40 yards, TOUCHDOWN."_s;
        notifier.onGame(dalNyg());
        notifier.onGame(Test::liveGame(dalNyg(), 0, 0, GameState::Quarter1, u"15:00"_s));
        notifier.onGame(Test::liveGame(dalNyg(), 3, 0, GameState::Quarter1, u"06:30"_s));
        auto touchdown = Test::liveGame(dalNyg(), 3, 7, GameState::Quarter4, u"02:00"_s);
        touchdown.lastPlay = play;
        notifier.onGame(touchdown);
        notifier.onGame(Test::liveGame(dalNyg(), 3, 7, GameState::Final, {}));

        QTRY_COMPARE(client.delivered(), 5);
        const QList<std::pair<QString, QString>> expected {
            {u"Kickoff: Giants at Cowboys"_s, u"NYG 0, DAL 0 · 1st quarter 15:00"_s},
            {u"Cowboys +3"_s, u"NYG 0, DAL 3 · 1st quarter 6:30"_s},
            {u"Giants +7"_s, u"NYG 7, DAL 3 · 4th quarter 2:00\n"_s + play},
            {u"Lead change: Giants lead"_s, u"NYG 7, DAL 3 · 4th quarter 2:00"_s},
            {u"Final: Giants win"_s, u"NYG 7, DAL 3"_s},
        };
        QCOMPARE(m_fake->received.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const auto &got = m_fake->received.at(i);
            QCOMPARE(got.appName, u"Endzone"_s);
            QCOMPARE(got.replacesId, 0u);
            QCOMPARE(got.appIcon, u"io.github.endzone.Endzone"_s);
            QCOMPARE(got.summary, expected.at(i).first);
            QCOMPARE(got.body, expected.at(i).second);
            QCOMPARE(got.hints.value(u"desktop-entry"_s).toString(), u"io.github.endzone.Endzone"_s);
        }
        QCOMPARE(client.failed(), 0);
        QCOMPARE(client.skipped(), 0);
        QCOMPARE(logOf("endzone.notify").size(), 0);
    }

    void bodyEscapedForAMarkupService()
    {
        startFake();
        m_fake->capabilities = {u"body"_s, u"body-markup"_s};
        NotificationClient client(QDBusConnection::sessionBus(), options());
        client.send(u"Lions & Giants"_s, u"3rd & 4 at <NYG 34>"_s);
        QTRY_COMPARE(client.delivered(), 1);
        QCOMPARE(m_fake->received.constFirst().summary, u"Lions & Giants"_s); // the summary is never markup
        QCOMPARE(m_fake->received.constFirst().body, u"3rd &amp; 4 at &lt;NYG 34&gt;"_s);
    }

    void noServiceIsOneLogLineThenAServiceIsUsed()
    {
        NotificationClient client(QDBusConnection::sessionBus(), options());
        for (int i = 0; i < 3; ++i)
            client.send(u"Cowboys +%1"_s.arg(i), u"body"_s);
        QTRY_COMPARE(client.skipped(), 3);
        QVERIFY(client.serviceAbsent());
        client.send(u"Cowboys +7"_s, u"after the service was found absent"_s);
        QCOMPARE(client.skipped(), 4);
        const auto lines = logOf("endzone.notify");
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.constFirst().type, QtInfoMsg);
        QVERIFY2(lines.constFirst().text.contains(u"notifications are skipped"_s), qPrintable(lines.constFirst().text));
        QVERIFY(std::none_of(g_log.cbegin(), g_log.cend(),
            [](const LogLine &line) { return line.type == QtWarningMsg || line.type == QtCriticalMsg; }));
        QCOMPARE(client.failed(), 0);

        // A notification daemon that starts later is used from then on (once the bus has told the client).
        startFake();
        QTRY_VERIFY(!client.serviceAbsent());
        client.send(u"Giants +3"_s, u"now shown"_s);
        QTRY_COMPARE(client.delivered(), 1);
        QCOMPARE(m_fake->received.constFirst().summary, u"Giants +3"_s);
        QCOMPARE(logOf("endzone.notify").size(), 1);
    }

    void noSessionBusIsOneLogLine()
    {
        const auto none = QDBusConnection::connectToBus(u"unix:path=/nonexistent/endzone-test-bus"_s, u"none"_s);
        QVERIFY(!none.isConnected());
        {
            NotificationClient client(none, options());
            client.send(u"a"_s, u"b"_s);
            client.send(u"c"_s, u"d"_s);
            QCOMPARE(client.skipped(), 2);
        }
        QDBusConnection::disconnectFromBus(u"none"_s);
        QCOMPARE(logOf("endzone.notify").size(), 1);
        QVERIFY(logOf("endzone.notify").constFirst().text.contains(u"no D-Bus session bus"_s));
    }

    void aServiceThatNeverAnswersBlocksNothing()
    {
        startFake();
        m_fake->hang = true;
        NotificationClient client(QDBusConnection::sessionBus(), options(std::chrono::milliseconds(300)));
        GameNotifier notifier;
        notifier.setFavourites({u"DAL"_s});
        connect(&notifier, &GameNotifier::alerted, &client, &NotificationClient::sendAlert);
        int ticks = 0; // the event loop's heartbeat while the calls hang
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, this, [&ticks] { ++ticks; });
        heartbeat.start(10);

        notifier.onGame(Test::liveGame(dalNyg(), 0, 0));
        notifier.onGame(Test::liveGame(dalNyg(), 3, 0));
        notifier.onGame(Test::liveGame(dalNyg(), 10, 0));
        notifier.onGame(Test::liveGame(dalNyg(), 10, 3));
        // Every send returned before the service even received a call: nothing waited for an answer.
        QCOMPARE(m_fake->received.size(), 0);

        QTRY_COMPARE_WITH_TIMEOUT(client.failed(), 3, 20000);
        QCOMPARE(m_fake->received.size(), 3); // each reached the service, which never answered
        QVERIFY(ticks > 0);
        const auto lines = logOf("endzone.notify");
        QCOMPARE(lines.size(), 1); // one line for the outage, not one per notification
        QCOMPARE(lines.constFirst().type, QtWarningMsg);

        // The service recovers: the next notification goes through, with no new log line.
        m_fake->hang = false;
        notifier.onGame(Test::liveGame(dalNyg(), 17, 3));
        QTRY_COMPARE(client.delivered(), 1);
        QCOMPARE(m_fake->received.constLast().summary, u"Cowboys +7"_s);
        QCOMPARE(logOf("endzone.notify").size(), 1);
    }

    void aServiceThatFailsIsOneLogLineAndNoStop()
    {
        startFake();
        m_fake->fail = true;
        NotificationClient client(QDBusConnection::sessionBus(), options());
        client.send(u"Cowboys +3"_s, u"one"_s);
        client.send(u"Cowboys +7"_s, u"two"_s);
        QTRY_COMPARE(client.failed(), 2);
        QCOMPARE(m_fake->received.size(), 2);
        const auto lines = logOf("endzone.notify");
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.constFirst().text.contains(u"the daemon is broken"_s), qPrintable(lines.constFirst().text));
        m_fake->fail = false;
        client.send(u"Cowboys +6"_s, u"three"_s);
        QTRY_COMPARE(client.delivered(), 1);
        QCOMPARE(logOf("endzone.notify").size(), 1);
    }
};

QTEST_GUILESS_MAIN(NotificationClientTest)
#include "notificationclienttest.moc"
