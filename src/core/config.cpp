#include "config.h"
#include "delayline.h"
#include "feedclient.h"
#include "gamestore.h"

#include "logging.h"
#include "numericoptions.h"
#include "teamdirectory.h"

#include <QDate>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {
// Far beyond any sane deployment, still bounded: ten million stream entries of a few kB are tens of GB in
// Redis, a million replay events as much in each server's memory.
constexpr int MaxStreamLength = 10'000'000;
constexpr int MaxReplayEvents = 1'000'000;
} // namespace

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
    parser.addOption({u"stream"_s,
        u"Redis Stream of live events, or none for the old pub/sub channel only (env ENDZONE_STREAM; default "
        "endzone:live:stream)."_s,
        u"key"_s});
    parser.addOption({u"stream-maxlen"_s,
        u"Entries the live stream keeps, about (XADD MAXLEN ~) (env ENDZONE_STREAM_MAXLEN; default 10000)."_s,
        u"count"_s});
    parser.addOption({u"replay-events"_s,
        u"SSE events a server keeps to resume a reconnecting client exactly; an older client gets a snapshot (env "
        "ENDZONE_REPLAY_EVENTS; default 1024)."_s,
        u"count"_s});
}

void Config::addAppOptions(QCommandLineParser &parser)
{
    parser.addOption({u"favourites"_s,
        u"Favourite teams, highest priority first: their games sort first and the kiosk pins the first one "
        "that is live (env ENDZONE_FAVOURITES; e.g. DET,PHI)."_s,
        u"teams"_s});
    parser.addOption({u"delay"_s,
        u"Spoiler delay: show every change this many seconds after it arrived, 0-120 (env ENDZONE_DELAY; "
        "default 0)."_s,
        u"seconds"_s});
    parser.addOption({u"notify-muted"_s,
        u"Favourites whose games give no desktop notifications, e.g. DAL,NYG (env ENDZONE_NOTIFY_MUTED)."_s,
        u"teams"_s});
    parser.addOption({u"rollover"_s,
        u"Kiosk: yesterday's games stay \"today\" until this hour, local time, 0-12 (env ENDZONE_ROLLOVER; "
        "default 0)."_s,
        u"hours"_s});
}

QString Config::defaultConfigFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/endzone/endzone.conf"_s;
}

// The app's settings; an error in one leaves the others resolved and names the bad one.
template<typename Pick>
static void resolveAppSettings(Config &config, Pick &pick)
{
    auto fail = [&config](const QString &message) {
        if (config.appError.isEmpty())
            config.appError = message;
    };
    // QSettings reads "DET,PHI" as a list; a list written by the settings page reads back the same.
    const auto favourites = Config::parseFavourites(pick(u"favourites"_s, "ENDZONE_FAVOURITES", u"favourites"_s, {}));
    if (favourites)
        config.favourites = favourites.value();
    else
        fail(favourites.error());
    const auto muted = Config::parseTeams(
        pick(u"notify-muted"_s, "ENDZONE_NOTIFY_MUTED", u"notify-muted"_s, {}), u"notify-muted team"_s);
    if (muted)
        config.notifyMuted = muted.value();
    else
        fail(muted.error());
    const auto delay = DelaySetting::parse(pick(u"delay"_s, "ENDZONE_DELAY", u"delay"_s, u"0"_s));
    if (!delay.error.isEmpty())
        fail(delay.error);
    config.delaySeconds = delay.seconds;
    config.warning = delay.warning;
    const auto mode = Config::parseKioskMode(pick(u"kiosk-mode"_s, "ENDZONE_KIOSK", u"kiosk"_s, u"all"_s));
    if (mode)
        config.kioskMode = mode.value();
    else
        fail(mode.error());
    const auto rollover = NumericOptions::parseInteger(
        u"rollover"_s, pick(u"rollover"_s, "ENDZONE_ROLLOVER", u"rollover"_s, u"0"_s), 0, 12);
    if (rollover)
        config.rolloverHours = int(rollover.value());
    else
        fail(rollover.error());
}

Result<QStringList> Config::parseTeams(const QString &text, const QString &what)
{
    QStringList teams;
    const int season = QDate::currentDate().year();
    for (const auto &part : text.split(u',', Qt::SkipEmptyParts)) {
        const auto code = part.trimmed();
        if (code.isEmpty())
            continue;
        const auto id = TeamDirectory::franchiseId(code, season);
        if (!id) {
            QStringList valid;
            for (const auto &club : TeamDirectory::franchises())
                valid.append(club.abbreviation);
            return Result<QStringList>::failure(
                u"%1 \"%2\" is not a team: use %3"_s.arg(what, code, valid.join(u", "_s)));
        }
        const auto today = TeamDirectory::franchise(*id)->abbreviation;
        if (!teams.contains(today))
            teams.append(today);
    }
    return teams;
}

Result<QStringList> Config::parseFavourites(const QString &text)
{
    return parseTeams(text, u"favourite"_s);
}

Result<QString> Config::parseKioskMode(const QString &text)
{
    const auto mode = text.trimmed().toLower();
    if (mode == u"all" || mode == u"live-only")
        return mode;
    return Result<QString>::failure(u"kiosk mode \"%1\" is unknown: use all or live-only"_s.arg(text));
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
        // An INI value with commas ("DET,PHI") reads back as a list.
        const auto value = settings.value(key, fallback);
        return value.typeId() == QMetaType::QStringList ? value.toStringList().join(u',') : value.toString();
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
    config.stream = pick(u"stream"_s, "ENDZONE_STREAM", u"stream"_s, config.stream);
    if (config.stream == u"none")
        config.stream.clear();
    // Read by the same strict rule as every program's numeric options, wherever the value came from.
    auto pickCount = [&](const QString &option, const char *env, int max, int &out) {
        const auto value
            = NumericOptions::parseInteger(option, pick(option, env, option, QString::number(out)), 1, max);
        if (value)
            out = int(value.value());
        else
            config.error = value.error();
    };
    pickCount(u"stream-maxlen"_s, "ENDZONE_STREAM_MAXLEN", MaxStreamLength, config.streamMaxLength);
    pickCount(u"replay-events"_s, "ENDZONE_REPLAY_EVENTS", MaxReplayEvents, config.replayEvents);
    config.live = pick(u"live"_s, "ENDZONE_LIVE", u"live"_s, {});
    resolveAppSettings(config, pick);
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

FeedClient::Options Config::feedOptions() const
{
    FeedClient::Options options;
    options.source = source;
    return options;
}

} // namespace Endzone
