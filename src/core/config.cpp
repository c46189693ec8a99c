#include "config.h"
#include "feedclient.h"
#include "gamestore.h"

#include "logging.h"
#include "teamdirectory.h"

#include <QDate>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

void Config::addOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {u"config"_s, u"Read settings from this INI file (default: %1)."_s.arg(defaultConfigFile()), u"file"_s});
    parser.addOption({u"database"_s,
        u"Store URL: sqlite:///path/file.sqlite or postgresql://user:pass@host:port/db (env ENDZONE_DATABASE)."_s,
        u"url"_s});
    parser.addOption({u"source"_s,
        u"Feed format: espn (ESPN's public JSON, live games today) or scorestrip (NFL.com's XML: the 1970-2014 "
        "archive, endzone-feed) (env ENDZONE_SOURCE; default espn)."_s,
        u"espn|scorestrip"_s});
    parser.addOption({u"feed"_s,
        u"Feed base URL (env ENDZONE_FEED; default %1 for espn, %2 for scorestrip)."_s.arg(
            QLatin1StringView(FeedClient::EspnBaseUrl), QLatin1StringView(FeedClient::DefaultBaseUrl)),
        u"url"_s});
    parser.addOption(
        {u"redis"_s, u"Redis URL redis://host:port/db (env ENDZONE_REDIS; default: in-process bus)."_s, u"url"_s});
}

QString Config::defaultConfigFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/endzone/endzone.conf"_s;
}

Config Config::resolve(const QCommandLineParser &parser)
{
    QString file = parser.isSet(u"config"_s) ? parser.value(u"config"_s) : qEnvironmentVariable("ENDZONE_CONFIG");
    if (file.isEmpty())
        file = defaultConfigFile();
    if (file == defaultConfigFile())
        adoptOldSettings(file);
    const QSettings settings(file, QSettings::IniFormat);
    auto pick = [&](const QString &option, const char *env, const QString &key, const QString &fallback) {
        if (parser.optionNames().contains(option)) // names found on the command line; isSet() warns on unknown ones
            return parser.value(option);
        if (const auto value = qEnvironmentVariable(env); !value.isEmpty())
            return value;
        return settings.value(key, fallback).toString();
    };
    Config config;
    config.file = file;
    config.database = pick(u"database"_s, "ENDZONE_DATABASE", u"database"_s, GameStore::defaultUrl());
    if (config.database == GameStore::defaultUrl())
        GameStore::adoptOldDefaultStore();
    const auto source = pick(u"source"_s, "ENDZONE_SOURCE", u"source"_s, feedSourceName(FeedSource::Espn));
    if (const auto parsed = feedSourceFromName(source))
        config.source = *parsed;
    else
        config.error = u"unknown source \"%1\": use espn or scorestrip"_s.arg(source);
    config.feed = pick(u"feed"_s, "ENDZONE_FEED", u"feed"_s, FeedClient::defaultBaseUrl(config.source));
    config.redis = pick(u"redis"_s, "ENDZONE_REDIS", u"redis"_s, {});
    config.live = pick(u"live"_s, "ENDZONE_LIVE", u"live"_s, {});
    // QSettings reads "DAL,NYG" as a list: join it back so that every level is one comma-separated string.
    QString muted = settings.value(u"notify-muted"_s).toStringList().join(u',');
    if (parser.optionNames().contains(u"notify-muted"_s))
        muted = parser.value(u"notify-muted"_s);
    else if (qEnvironmentVariableIsSet("ENDZONE_NOTIFY_MUTED"))
        muted = qEnvironmentVariable("ENDZONE_NOTIFY_MUTED");
    QString mutedError;
    config.notifyMuted = parseTeams(muted, u"notify-muted"_s, &mutedError);
    if (config.error.isEmpty())
        config.error = mutedError;
    return config;
}

void Config::adoptOldSettings(const QString &file)
{
    const QString old
        = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/Endzone/endzone.conf"_s;
    if (QFileInfo::exists(file) || !QFileInfo::exists(old))
        return;
    const QSettings from(old, QSettings::IniFormat);
    QSettings to(file, QSettings::IniFormat);
    const std::pair<const char16_t *, const char16_t *> keys[] = {{u"feedUrl", u"feed"}, {u"liveSource", u"live"},
        {u"database", u"database"}, {u"favourites", u"favourites"}, {u"theme", u"theme"}};
    for (const auto &[oldKey, key] : keys) {
        const auto value = from.value(QString::fromUtf16(oldKey));
        if (value.isValid() && !value.toString().isEmpty())
            to.setValue(QString::fromUtf16(key), value);
    }
    to.sync();
    qCInfo(lcStore).noquote() << "copied the app's settings from" << old << "to" << file
                              << "(one config file for every program)";
}

QStringList Config::parseTeams(const QString &list, const QString &setting, QString *error)
{
    QStringList teams;
    QStringList unknown;
    for (const auto &part : list.split(u',', Qt::SkipEmptyParts)) {
        const QString code = part.trimmed().toUpper();
        if (code.isEmpty() || teams.contains(code))
            continue;
        if (TeamDirectory::franchiseId(code, QDate::currentDate().year()))
            teams.append(code);
        else
            unknown.append(part.trimmed());
    }
    if (!unknown.isEmpty() && error) {
        QStringList valid;
        for (const auto &franchise : TeamDirectory::franchises())
            valid.append(franchise.abbreviation);
        *error = u"%1: not a team: %2 (valid codes: %3)"_s.arg(setting, unknown.join(u", "_s), valid.join(u' '));
    }
    return teams;
}

FeedClient::Options Config::feedOptions() const
{
    FeedClient::Options options;
    options.source = source;
    return options;
}

} // namespace Endzone
