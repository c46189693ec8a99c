#pragma once

#include "feedclient.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

namespace Endzone {

// The settings every program shares, resolved in one order: command line > environment
// (ENDZONE_DATABASE, ENDZONE_SOURCE, ENDZONE_FEED, ENDZONE_REDIS) > config file > built-in defaults.
// The config file is an INI file: `--config FILE`, else ENDZONE_CONFIG, else
// `$XDG_CONFIG_HOME/endzone/endzone.conf`, with keys `database`, `source`, `feed`, `redis` and `live`.
struct Config
{
    QString database; // store URL
    FeedSource source = FeedSource::Espn; // the feed's format; ESPN has real games today
    QString feed; // feed base URL (default: the source's public host)
    QString redis; // redis://host:port/db, empty for the in-process bus
    QString live; // the desktop app's live source: "poll", "sse:URL" or a redis URL
    // Favourites whose games give no desktop notifications (the app's `--notify-muted`, ENDZONE_NOTIFY_MUTED,
    // key `notify-muted = DAL,NYG`); every other favourite is heard.
    QStringList notifyMuted;
    QString error; // set when a setting has a value that cannot be used; the program must not start
    QString file; // the config file these came from (it need not exist); the app's settings page writes it

    [[nodiscard]] FeedClient::Options feedOptions() const;

    // Adds --config, --database, --source, --feed and --redis to a parser.
    static void addOptions(QCommandLineParser &parser);
    // Resolves after `parser.process()`.
    [[nodiscard]] static Config resolve(const QCommandLineParser &parser);
    [[nodiscard]] static QString defaultConfigFile();
    // Before one config file, the desktop app kept its own (~/.config/Endzone/endzone.conf, keys feedUrl and
    // liveSource): copied once into `file` under today's keys, with a log line, when `file` does not exist.
    static void adoptOldSettings(const QString &file);
    // "DAL, nyg" -> {"DAL", "NYG"}; an unknown code sets `error` to a message that lists the valid ones.
    [[nodiscard]] static QStringList parseTeams(const QString &list, const QString &setting, QString *error);
};

} // namespace Endzone
