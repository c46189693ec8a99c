#include "loadoptions.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {
constexpr const char *Usage
    = "usage: endzone-sseload [--host 127.0.0.1] [--port 8000] [--path /api/livescore] [-n clients]\n"
      "         [--connect-rate per-second] [--time-limit-s 120] [--drain-s 10] [--backoff-ms 100]\n"
      "         [--jitter-ms 300] [--label text]\n"
      "Runs until SIGINT/SIGTERM (then drains) or the time limit; prints SSELOAD_RESULT {json} on stdout.\n";
}

std::optional<LoadOptions> LoadOptions::parse(int argc, char **argv)
{
    LoadOptions options;
    for (int i = 1; i < argc; ++i) {
        const char *name = argv[i];
        if (i + 1 >= argc) {
            std::fputs(Usage, stderr);
            return std::nullopt;
        }
        const char *value = argv[++i];
        const int number = std::atoi(value);
        if (!std::strcmp(name, "--host"))
            options.host = value;
        else if (!std::strcmp(name, "--port"))
            options.port = number;
        else if (!std::strcmp(name, "--path"))
            options.path = value;
        else if (!std::strcmp(name, "-n"))
            options.clients = number;
        else if (!std::strcmp(name, "--connect-rate"))
            options.connectRate = number;
        else if (!std::strcmp(name, "--time-limit-s"))
            options.timeLimitS = number;
        else if (!std::strcmp(name, "--drain-s"))
            options.drainS = number;
        else if (!std::strcmp(name, "--backoff-ms"))
            options.backoffMs = number;
        else if (!std::strcmp(name, "--jitter-ms"))
            options.jitterMs = number;
        else if (!std::strcmp(name, "--label"))
            options.label = value;
        else {
            std::fputs(Usage, stderr);
            return std::nullopt;
        }
    }
    if (options.clients <= 0 || options.clients > 100000 || options.port <= 0 || options.port > 65535
        || options.timeLimitS <= 0 || options.timeLimitS > 3600) {
        std::fputs("endzone-sseload: -n must be 1-100000, --port 1-65535, --time-limit-s 1-3600\n", stderr);
        return std::nullopt;
    }
    return options;
}
