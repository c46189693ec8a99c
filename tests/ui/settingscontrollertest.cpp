// SettingsController writes the one config file under Config's keys: what the user picks on the settings page
// is what every program resolves (command line and environment still win), and it survives a restart.
#include "settingscontroller.h"
#include "config.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class SettingsControllerTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static Config resolve(const QString &file)
    {
        QCommandLineParser parser;
        Config::addOptions(parser);
        parser.addOption({u"live"_s, u"live source"_s, u"source"_s});
        parser.parse({u"endzone-fetch"_s, u"--config"_s, file});
        return Config::resolve(parser);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (const char *name :
            {"ENDZONE_CONFIG", "ENDZONE_DATABASE", "ENDZONE_SOURCE", "ENDZONE_FEED", "ENDZONE_LIVE"})
            qunsetenv(name);
    }

    void theAppsChoicesAreEveryProgramsSettings()
    {
        const QString file = m_dir.filePath(u"endzone.conf"_s);
        {
            SettingsController settings(file);
            QSignalSpy changed(&settings, &SettingsController::changed);
            settings.setFeedUrl(u"http://127.0.0.1:8082"_s);
            settings.setDatabase(u"sqlite:///tmp/chosen.sqlite"_s);
            settings.setLiveSource(u"sse:http://127.0.0.1:8000/api/livescore"_s);
            settings.setFavourites({u"PHI"_s, u"DET"_s});
            settings.setTheme(u"light"_s);
            QSignalSpy delayChanged(&settings, &SettingsController::delayChanged);
            settings.setDelay(45);
            settings.setDelay(45);
            QCOMPARE(delayChanged.size(), 1);
            QCOMPARE(changed.size(), 3);
            settings.setFeedUrl(u"http://127.0.0.1:8082"_s); // the same value again changes nothing
            QCOMPARE(changed.size(), 3);
        }
        // The file holds Config's keys, not the app's old ones.
        const QSettings raw(file, QSettings::IniFormat);
        QCOMPARE(raw.value(u"feed"_s).toString(), u"http://127.0.0.1:8082"_s);
        QCOMPARE(raw.value(u"live"_s).toString(), u"sse:http://127.0.0.1:8000/api/livescore"_s);
        QVERIFY(!raw.contains(u"feedUrl"_s));
        QVERIFY(!raw.contains(u"liveSource"_s));
        // Another program resolves them from the same file.
        const Config config = resolve(file);
        QCOMPARE(config.feed, u"http://127.0.0.1:8082"_s);
        QCOMPARE(config.database, u"sqlite:///tmp/chosen.sqlite"_s);
        QCOMPARE(config.live, u"sse:http://127.0.0.1:8000/api/livescore"_s);
        // Favourites keep the user's order of priority; the delay is the app's.
        QCOMPARE(config.favourites, (QStringList {u"PHI"_s, u"DET"_s}));
        QCOMPARE(config.delaySeconds, 45);
        // The environment still wins over the file.
        qputenv("ENDZONE_FEED", "http://env:1");
        QCOMPARE(resolve(file).feed, u"http://env:1"_s);
        qunsetenv("ENDZONE_FEED");
        // And a restart reads them back.
        const SettingsController again(file);
        QCOMPARE(again.feedUrl(), u"http://127.0.0.1:8082"_s);
        QCOMPARE(again.favourites(), (QStringList {u"PHI"_s, u"DET"_s}));
        QCOMPARE(again.delay(), 45);
        QCOMPARE(again.theme(), u"light"_s);
    }

    void delayIsClamped()
    {
        SettingsController settings(m_dir.filePath(u"delay.conf"_s));
        settings.setDelay(-5);
        QCOMPARE(settings.delay(), 0);
        settings.setDelay(100000);
        QCOMPARE(settings.delay(), 120);
    }

    void kioskAndDemoAreNotPersisted()
    {
        const QString file = m_dir.filePath(u"kiosk.conf"_s);
        const SettingsController kiosk(file, true, true);
        QVERIFY(kiosk.kiosk());
        QVERIFY(kiosk.demo());
        QCOMPARE(kiosk.theme(), u"dark"_s);
        QVERIFY(!QSettings(file, QSettings::IniFormat).contains(u"kiosk"_s));
    }

    void notificationsMutedPerTeam()
    {
        const QString file = m_dir.filePath(u"muted.conf"_s);
        SettingsController settings(file);
        QSignalSpy changed(&settings, &SettingsController::notifyMutedChanged);
        QVERIFY(settings.notificationsFor(u"DAL"_s)); // on by default
        settings.setNotificationsFor(u"NYG"_s, false);
        settings.setNotificationsFor(u"DAL"_s, false);
        settings.setNotificationsFor(u"DAL"_s, false); // already off: no change
        QCOMPARE(changed.size(), 2);
        QVERIFY(!settings.notificationsFor(u"DAL"_s));
        QCOMPARE(settings.notifyMuted(), QStringList({u"DAL"_s, u"NYG"_s}));
        // Every program resolves the same key.
        QCOMPARE(resolve(file).notifyMuted, QStringList({u"DAL"_s, u"NYG"_s}));
        settings.setNotificationsFor(u"NYG"_s, true);
        QCOMPARE(resolve(file).notifyMuted, QStringList({u"DAL"_s}));
        settings.setNotificationsFor(u"DAL"_s, true);
        QVERIFY(!QSettings(file, QSettings::IniFormat).contains(u"notify-muted"_s));
        QCOMPARE(changed.size(), 4);
    }
};

QTEST_GUILESS_MAIN(SettingsControllerTest)
#include "settingscontrollertest.moc"
