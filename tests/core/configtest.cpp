// Config: command line > environment > config file > defaults, for every setting and every program; ESPN is
// the default source; a bad value is an error, not a guess; the app's old settings file is adopted once.
#include "config.h"
#include "gamestore.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

class ConfigTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static Config resolve(const QStringList &arguments)
    {
        QCommandLineParser parser;
        Config::addOptions(parser);
        Config::addAppOptions(parser);
        parser.addOption({u"live"_s, u"live source"_s, u"source"_s});
        if (!parser.parse(QStringList {u"endzone-test"_s} + arguments))
            qWarning() << parser.errorText();
        return Config::resolve(parser);
    }

    QString writeConfig(const QString &name, const QList<std::pair<QString, QString>> &values)
    {
        const QString file = m_dir.filePath(name);
        QSettings settings(file, QSettings::IniFormat);
        for (const auto &[key, value] : values)
            settings.setValue(key, value);
        settings.sync();
        return file;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        for (const char *name : {"ENDZONE_CONFIG", "ENDZONE_DATABASE", "ENDZONE_SOURCE", "ENDZONE_FEED",
                 "ENDZONE_REDIS", "ENDZONE_LIVE", "ENDZONE_FAVOURITES", "ENDZONE_DELAY", "ENDZONE_KIOSK",
                 "ENDZONE_ROLLOVER", "ENDZONE_STREAM", "ENDZONE_STREAM_MAXLEN", "ENDZONE_REPLAY_EVENTS"})
            qunsetenv(name);
    }

    void defaults()
    {
        const Config config = resolve({u"--config"_s, m_dir.filePath(u"absent.conf"_s)});
        QVERIFY(config.error.isEmpty());
        QCOMPARE(config.source, FeedSource::Espn);
        QCOMPARE(config.feed, u"https://site.api.espn.com"_s);
        QCOMPARE(config.database, GameStore::defaultUrl());
        QVERIFY(config.database.endsWith(u"/endzone/endzone.sqlite"_s));
        QVERIFY(config.redis.isEmpty());
        QCOMPARE(config.file, m_dir.filePath(u"absent.conf"_s));
        QCOMPARE(config.feedOptions().source, FeedSource::Espn);
    }

    void favouritesDelayKioskAndRollover()
    {
        const QString absent = m_dir.filePath(u"absent.conf"_s);
        Config config = resolve({u"--config"_s, absent});
        QVERIFY(config.favourites.isEmpty());
        QCOMPARE(config.delaySeconds, 0);
        QCOMPARE(config.kioskMode, u"all"_s);
        QCOMPARE(config.rolloverHours, 0);
        // The file as a user writes it: a comma list, kept in order of priority.
        const QString file = m_dir.filePath(u"fans.conf"_s);
        QFile raw(file); // QSettings would quote a comma; write it bare, as a user does
        QVERIFY(raw.open(QIODevice::WriteOnly | QIODevice::Truncate));
        raw.write("[General]\nfavourites = DET,PHI\ndelay = 30\nkiosk = live-only\nrollover = 3\n");
        raw.close();
        config = resolve({u"--config"_s, file});
        QVERIFY2(config.appError.isEmpty(), qPrintable(config.appError));
        QCOMPARE(config.favourites, (QStringList {u"DET"_s, u"PHI"_s}));
        QCOMPARE(config.delaySeconds, 30);
        QCOMPARE(config.kioskMode, u"live-only"_s);
        QCOMPARE(config.rolloverHours, 3);
        // The environment over the file, the command line over both.
        qputenv("ENDZONE_FAVOURITES", "PHI");
        qputenv("ENDZONE_DELAY", "10");
        config = resolve({u"--config"_s, file});
        QCOMPARE(config.favourites, QStringList {u"PHI"_s});
        QCOMPARE(config.delaySeconds, 10);
        config = resolve(
            {u"--config"_s, file, u"--favourites"_s, u"kc,oak"_s, u"--delay"_s, u"45"_s, u"--rollover"_s, u"5"_s});
        QCOMPARE(config.favourites, (QStringList {u"KC"_s, u"LV"_s})); // an old code names its club today
        QCOMPARE(config.delaySeconds, 45);
        QCOMPARE(config.rolloverHours, 5);
    }

    void badFavouritesDelayAndRolloverAreClear()
    {
        const QString absent = m_dir.filePath(u"absent.conf"_s);
        Config config = resolve({u"--config"_s, absent, u"--favourites"_s, u"DET,Lions"_s});
        QVERIFY(config.appError.contains(u"\"Lions\" is not a team"_s));
        QVERIFY(config.appError.contains(u"ARI"_s) && config.appError.contains(u"WSH"_s)); // lists the valid codes
        // A delay out of range is clamped with a warning; one that is not a number is refused.
        config = resolve({u"--config"_s, absent, u"--delay"_s, u"-20"_s});
        QVERIFY(config.appError.isEmpty());
        QCOMPARE(config.delaySeconds, 0);
        QVERIFY(config.warning.contains(u"0-120"_s));
        config = resolve({u"--config"_s, absent, u"--delay"_s, u"3600"_s});
        QCOMPARE(config.delaySeconds, 120);
        QVERIFY(!config.warning.isEmpty());
        config = resolve({u"--config"_s, absent, u"--delay"_s, u"1m"_s});
        QVERIFY(config.appError.contains(u"1m"_s));
        for (const QString &bad : {u"13"_s, u"3h"_s, u"-1"_s}) {
            config = resolve({u"--config"_s, absent, u"--rollover"_s, bad});
            QVERIFY2(config.appError.contains(u"rollover wants a whole number from 0 to 12, got \"%1\""_s.arg(bad)),
                qPrintable(config.appError));
        }
        qputenv("ENDZONE_KIOSK", "everything");
        config = resolve({u"--config"_s, absent});
        QVERIFY(config.appError.contains(u"live-only"_s));
        // Only the app refuses to start: the other programs' settings are unaffected.
        QVERIFY(config.error.isEmpty());
    }

    void scorestripDefaultsToItsOwnHost()
    {
        const Config config
            = resolve({u"--config"_s, m_dir.filePath(u"absent.conf"_s), u"--source"_s, u"scorestrip"_s});
        QCOMPARE(config.source, FeedSource::Scorestrip);
        QCOMPARE(config.feed, u"http://www.nfl.com"_s);
    }

    void commandLineBeatsEnvironmentBeatsFileBeatsDefault()
    {
        const QString file = writeConfig(u"all.conf"_s,
            {{u"database"_s, u"sqlite:///file.sqlite"_s}, {u"source"_s, u"scorestrip"_s},
                {u"feed"_s, u"http://file:1"_s}, {u"redis"_s, u"redis://file:2/0"_s}, {u"live"_s, u"poll"_s}});
        // The file alone.
        Config config = resolve({u"--config"_s, file});
        QCOMPARE(config.database, u"sqlite:///file.sqlite"_s);
        QCOMPARE(config.source, FeedSource::Scorestrip);
        QCOMPARE(config.feed, u"http://file:1"_s);
        QCOMPARE(config.redis, u"redis://file:2/0"_s);
        QCOMPARE(config.live, u"poll"_s);
        // The environment over the file.
        qputenv("ENDZONE_DATABASE", "sqlite:///env.sqlite");
        qputenv("ENDZONE_SOURCE", "espn");
        qputenv("ENDZONE_FEED", "http://env:1");
        qputenv("ENDZONE_REDIS", "redis://env:2/0");
        qputenv("ENDZONE_LIVE", "sse:http://env:3/api/livescore");
        config = resolve({u"--config"_s, file});
        QCOMPARE(config.database, u"sqlite:///env.sqlite"_s);
        QCOMPARE(config.source, FeedSource::Espn);
        QCOMPARE(config.feed, u"http://env:1"_s);
        QCOMPARE(config.redis, u"redis://env:2/0"_s);
        QCOMPARE(config.live, u"sse:http://env:3/api/livescore"_s);
        // The command line over both.
        config
            = resolve({u"--config"_s, file, u"--database"_s, u"sqlite:///cli.sqlite"_s, u"--source"_s, u"scorestrip"_s,
                u"--feed"_s, u"http://cli:1"_s, u"--redis"_s, u"redis://cli:2/0"_s, u"--live"_s, u"redis://cli:4/0"_s});
        QCOMPARE(config.database, u"sqlite:///cli.sqlite"_s);
        QCOMPARE(config.source, FeedSource::Scorestrip);
        QCOMPARE(config.feed, u"http://cli:1"_s);
        QCOMPARE(config.redis, u"redis://cli:2/0"_s);
        QCOMPARE(config.live, u"redis://cli:4/0"_s);
    }

    // The live stream's settings (issue 12), in the same order; `none` turns the stream off; counts must be positive.
    void liveStreamSettings()
    {
        const QString absent = m_dir.filePath(u"absent.conf"_s);
        Config config = resolve({u"--config"_s, absent});
        QCOMPARE(config.stream, u"endzone:live:stream"_s);
        QCOMPARE(config.streamMaxLength, 10000);
        QCOMPARE(config.replayEvents, 1024);
        const QString file = writeConfig(u"stream.conf"_s,
            {{u"stream"_s, u"file:stream"_s}, {u"stream-maxlen"_s, u"500"_s}, {u"replay-events"_s, u"64"_s}});
        config = resolve({u"--config"_s, file});
        QCOMPARE(config.stream, u"file:stream"_s);
        QCOMPARE(config.streamMaxLength, 500);
        QCOMPARE(config.replayEvents, 64);
        qputenv("ENDZONE_STREAM", "none");
        qputenv("ENDZONE_REPLAY_EVENTS", "32");
        config = resolve({u"--config"_s, file, u"--stream-maxlen"_s, u"7"_s});
        QVERIFY(config.error.isEmpty());
        QVERIFY(config.stream.isEmpty());
        QCOMPARE(config.replayEvents, 32);
        QCOMPARE(config.streamMaxLength, 7);
        for (const QString &bad : {u"0"_s, u"-5"_s, u"many"_s, u""_s, u"64k"_s, u"1000001"_s}) {
            config = resolve({u"--config"_s, absent, u"--replay-events"_s, bad});
            QVERIFY2(
                config.error.contains(u"replay-events wants a whole number from 1 to 1000000, got \"%1\""_s.arg(bad)),
                qPrintable(config.error));
            QCOMPARE(config.replayEvents, 1024); // unchanged: the program refuses to start anyway
        }
    }

    void configFileFromTheEnvironment()
    {
        const QString file = writeConfig(u"env.conf"_s, {{u"feed"_s, u"http://from-env-file:1"_s}});
        qputenv("ENDZONE_CONFIG", file.toUtf8());
        const Config config = resolve({});
        QCOMPARE(config.file, file);
        QCOMPARE(config.feed, u"http://from-env-file:1"_s);
    }

    void unknownSourceIsAnError()
    {
        Config config = resolve({u"--config"_s, m_dir.filePath(u"absent.conf"_s), u"--source"_s, u"nfl"_s});
        QVERIFY(config.error.contains(u"unknown source \"nfl\""_s));
        QVERIFY(config.error.contains(u"espn or scorestrip"_s));
        qputenv("ENDZONE_SOURCE", "ESPN"); // names are not case-sensitive
        config = resolve({u"--config"_s, m_dir.filePath(u"absent.conf"_s)});
        QVERIFY(config.error.isEmpty());
        QCOMPARE(config.source, FeedSource::Espn);
    }

    void adoptsTheAppsOldSettingsOnce()
    {
        const QString old
            = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/Endzone/endzone.conf"_s;
        QFile::remove(Config::defaultConfigFile());
        {
            QSettings settings(old, QSettings::IniFormat);
            settings.setValue(u"feedUrl"_s, u"http://old-app-feed:1"_s);
            settings.setValue(u"liveSource"_s, u"sse:http://old:2/api/livescore"_s);
            settings.setValue(u"theme"_s, u"light"_s);
        }
        Config config = resolve({});
        QCOMPARE(config.file, Config::defaultConfigFile());
        QCOMPARE(config.feed, u"http://old-app-feed:1"_s);
        QCOMPARE(config.live, u"sse:http://old:2/api/livescore"_s);
        QCOMPARE(QSettings(config.file, QSettings::IniFormat).value(u"theme"_s).toString(), u"light"_s);
        // Once: a later change of the new file is not overwritten by the old one.
        QSettings(config.file, QSettings::IniFormat).setValue(u"feed"_s, u"http://new:1"_s);
        config = resolve({});
        QCOMPARE(config.feed, u"http://new:1"_s);
        QFile::remove(old);
        QFile::remove(config.file);
    }

    void notifyMutedTeams()
    {
        // A file with the key as a user writes it (a bare comma list); the environment and --notify-muted win.
        const QString file = m_dir.filePath(u"muted.conf"_s);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("notify-muted = DAL,nyg\n");
        }
        QCommandLineParser parser;
        Config::addOptions(parser);
        Config::addAppOptions(parser);
        QVERIFY(parser.parse({u"endzone"_s, u"--config"_s, file}));
        Config config = Config::resolve(parser);
        QVERIFY2(config.appError.isEmpty(), qPrintable(config.appError));
        QCOMPARE(config.notifyMuted, QStringList({u"DAL"_s, u"NYG"_s}));
        qputenv("ENDZONE_NOTIFY_MUTED", "DET");
        QCOMPARE(Config::resolve(parser).notifyMuted, QStringList({u"DET"_s}));
        QVERIFY(parser.parse({u"endzone"_s, u"--config"_s, file, u"--notify-muted"_s, u"PHI, GB"_s}));
        QCOMPARE(Config::resolve(parser).notifyMuted, QStringList({u"PHI"_s, u"GB"_s}));
        qunsetenv("ENDZONE_NOTIFY_MUTED");
        // Not a team: refused, with the valid codes in the message.
        QVERIFY(parser.parse({u"endzone"_s, u"--config"_s, file, u"--notify-muted"_s, u"DAL,XYZ"_s}));
        config = Config::resolve(parser);
        QVERIFY2(config.appError.startsWith(u"notify-muted team \"XYZ\" is not a team: use ARI, ATL"_s),
            qPrintable(config.appError));
        QVERIFY(config.appError.endsWith(u", WSH"_s));
        QVERIFY(config.error.isEmpty()); // endzone-server and endzone-fetch reading the same file still start
    }
};

QTEST_GUILESS_MAIN(ConfigTest)
#include "configtest.moc"
