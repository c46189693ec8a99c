#pragma once

#include <optional>
#include <string>

// endzone-sseload's command line. Every bound has a default so a run always ends.
struct LoadOptions
{
    std::string host = "127.0.0.1";
    int port = 8000;
    std::string path = "/api/livescore";
    int clients = 100;
    int connectRate = 2000; // new connections a second, for the first connection of each client
    int timeLimitS = 120; // the whole run, drain included
    int drainS = 10; // after SIGINT/SIGTERM: time for every client to reach the newest event
    int backoffMs = 100; // before a reconnect, plus up to jitterMs
    int jitterMs = 300;
    std::string label;

    // nullopt, after a message on stderr, for an unknown option or a number that is not a whole number in range.
    static std::optional<LoadOptions> parse(int argc, const char *const *argv);
};
