// Config: command line > environment > config file > defaults, for every setting and every program; ESPN is
// the default source; a bad value is an error, not a guess; the app's old settings file is adopted once.
#include "config.h"
#include "gamestore.h"

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
        for (const char *name :
            {"ENDZONE_CONFIG", "ENDZONE_DATABASE", "ENDZONE_SOURCE", "ENDZONE_FEED", "ENDZONE_REDIS", "ENDZONE_LIVE"})
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
        parser.addOption({u"notify-muted"_s, u"muted teams"_s, u"teams"_s});
        QVERIFY(parser.parse({u"endzone"_s, u"--config"_s, file}));
        Config config = Config::resolve(parser);
        QVERIFY2(config.error.isEmpty(), qPrintable(config.error));
        QCOMPARE(config.notifyMuted, QStringList({u"DAL"_s, u"NYG"_s}));
        qputenv("ENDZONE_NOTIFY_MUTED", "DET");
        QCOMPARE(Config::resolve(parser).notifyMuted, QStringList({u"DET"_s}));
        QVERIFY(parser.parse({u"endzone"_s, u"--config"_s, file, u"--notify-muted"_s, u"PHI, GB"_s}));
        QCOMPARE(Config::resolve(parser).notifyMuted, QStringList({u"PHI"_s, u"GB"_s}));
        qunsetenv("ENDZONE_NOTIFY_MUTED");
        // Not a team: refused, with the valid codes in the message.
        QVERIFY(parser.parse({u"endzone"_s, u"--config"_s, file, u"--notify-muted"_s, u"DAL,XYZ"_s}));
        config = Config::resolve(parser);
        QVERIFY2(config.error.startsWith(u"notify-muted: not a team: XYZ (valid codes: ARI ATL"_s),
            qPrintable(config.error));
        QVERIFY(config.error.contains(u" WSH)"_s));
    }
};

QTEST_GUILESS_MAIN(ConfigTest)
#include "configtest.moc"
