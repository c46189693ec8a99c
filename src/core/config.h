#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

namespace Endzone {

// The settings every program shares, resolved in one order: command line > environment
// (ENDZONE_DATABASE, ENDZONE_FEED, ENDZONE_REDIS) > config file > built-in defaults.
// The config file is an INI file: `--config FILE`, else ENDZONE_CONFIG, else
// `$XDG_CONFIG_HOME/endzone/endzone.conf`, with keys `database`, `feed`, `redis` and `live`.
struct Config
{
    QString database; // store URL
    QString feed; // feed base URL
    QString redis; // redis://host:port/db, empty for the in-process bus
    QString live; // the desktop app's live source: "poll", "sse:URL" or a redis URL

    // Adds --config, --database, --feed and --redis to a parser.
    static void addOptions(QCommandLineParser &parser);
    // Resolves after `parser.process()`.
    [[nodiscard]] static Config resolve(const QCommandLineParser &parser);
    [[nodiscard]] static QString defaultConfigFile();
};

} // namespace Endzone
