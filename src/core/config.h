#pragma once

#include "feedclient.h"
#include "result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace Endzone {

// The settings every program shares, resolved in one order: command line > environment
// (ENDZONE_DATABASE, ENDZONE_SOURCE, ENDZONE_FEED, ENDZONE_REDIS) > config file > built-in defaults.
// The config file is an INI file: `--config FILE`, else ENDZONE_CONFIG, else
// `$XDG_CONFIG_HOME/endzone/endzone.conf`, with keys `database`, `source`, `feed`, `redis`, `stream`,
// `stream-maxlen`, `replay-events` and `live`.
struct Config
{
    QString database; // store URL
    FeedSource source = FeedSource::Espn; // the feed's format; ESPN has real games today
    QString feed; // feed base URL (default: the source's public host)
    QString redis; // redis://host:port/db, empty for the in-process bus
    QString stream
        = QStringLiteral("endzone:live:stream"); // the Redis Stream of live events ("" or "none": pub/sub only)
    int streamMaxLength = 10000; // XADD MAXLEN ~ for that stream
    int replayEvents = 1024; // SSE events each server keeps to resume a client exactly
    QString live; // the desktop app's live source: "poll", "sse:URL" or a redis URL
    // Favourites whose games give no desktop notifications (the app's `--notify-muted`, ENDZONE_NOTIFY_MUTED,
    // key `notify-muted = DAL,NYG`); every other favourite is heard.
    QStringList notifyMuted;
    QString error; // set when a setting has a value that cannot be used; the program must not start
    QString file; // the config file these came from (it need not exist); the app's settings page writes it
    // The desktop app's and kiosk's settings (keys `favourites`, `delay`, `kiosk`, `rollover`); other programs
    // ignore them.
    QStringList favourites; // today's team codes, highest priority first: "DET,PHI"
    int delaySeconds = 0; // the spoiler delay, 0-120 s
    QString kioskMode = QStringLiteral("all"); // "all" or "live-only"
    int rolloverHours = 0; // yesterday's games stay "today" until this hour (0-12), local time
    QString appError; // one of those four cannot be used: the desktop app must not start (other programs ignore it)
    QString warning; // a setting was clamped: log it, carry on

    [[nodiscard]] FeedClient::Options feedOptions() const;

    // Adds --config, --database, --source, --feed, --redis, --stream, --stream-maxlen and --replay-events.
    static void addOptions(QCommandLineParser &parser);
    // Adds the app's --favourites, --delay and --rollover (the kiosk mode comes with --kiosk, in main.cpp).
    static void addAppOptions(QCommandLineParser &parser);
    // Resolves after `parser.process()`.
    [[nodiscard]] static Config resolve(const QCommandLineParser &parser);
    [[nodiscard]] static QString defaultConfigFile();
    // Before one config file, the desktop app kept its own (~/.config/Endzone/endzone.conf, keys feedUrl and
    // liveSource): copied once into `file` under today's keys, with a log line, when `file` does not exist.
    static void adoptOldSettings(const QString &file);
    // "DET, phi" -> {"DET", "PHI"} in today's codes (an old code such as "OAK" names its franchise today, LV),
    // in the order given, without repeats; an unknown code is refused with the list of valid ones, naming
    // `what` ("favourite", "notify-muted team").
    [[nodiscard]] static Result<QStringList> parseTeams(const QString &text, const QString &what);
    [[nodiscard]] static Result<QStringList> parseFavourites(const QString &text);
    // "all" or "live-only"; anything else is refused.
    [[nodiscard]] static Result<QString> parseKioskMode(const QString &text);
};

} // namespace Endzone
