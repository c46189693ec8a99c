#include "loadoptions.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace {
constexpr const char *Usage
    = "usage: endzone-sseload [--host 127.0.0.1] [--port 8000] [--path /api/livescore] [-n clients]\n"
      "         [--connect-rate per-second] [--time-limit-s 120] [--drain-s 10] [--backoff-ms 100]\n"
      "         [--jitter-ms 300] [--label text]\n"
      "Runs until SIGINT/SIGTERM (then drains) or the time limit; prints SSELOAD_RESULT {json} on stdout.\n";

// A whole number option and its bounds. Read strictly: atoi() would turn "10k" into 10 and "ten" into 0.
struct NumberOption
{
    const char *name;
    int LoadOptions::*field;
    int min, max;
};
constexpr NumberOption NumberOptions[] = {
    {"--port", &LoadOptions::port, 1, 65535},
    {"-n", &LoadOptions::clients, 1, 100000},
    {"--connect-rate", &LoadOptions::connectRate, 1, 1000000},
    {"--time-limit-s", &LoadOptions::timeLimitS, 1, 3600},
    {"--drain-s", &LoadOptions::drainS, 0, 3600},
    {"--backoff-ms", &LoadOptions::backoffMs, 0, 60000},
    {"--jitter-ms", &LoadOptions::jitterMs, 0, 60000},
};

bool parseNumber(const NumberOption &option, std::string_view text, LoadOptions &options)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty() || value < option.min
        || value > option.max) {
        std::fprintf(stderr, "endzone-sseload: %s wants a whole number from %d to %d, got \"%.*s\"\n", option.name,
            option.min, option.max, int(text.size()), text.data());
        return false;
    }
    options.*option.field = value;
    return true;
}
} // namespace

std::optional<LoadOptions> LoadOptions::parse(int argc, const char *const *argv)
{
    LoadOptions options;
    for (int i = 1; i < argc; ++i) {
        const char *name = argv[i];
        if (i + 1 >= argc) {
            std::fputs(Usage, stderr);
            return std::nullopt;
        }
        const char *value = argv[++i];
        if (!std::strcmp(name, "--host")) {
            options.host = value;
            continue;
        }
        if (!std::strcmp(name, "--path")) {
            options.path = value;
            continue;
        }
        if (!std::strcmp(name, "--label")) {
            options.label = value;
            continue;
        }
        const NumberOption *number = nullptr;
        for (const NumberOption &option : NumberOptions) {
            if (!std::strcmp(name, option.name))
                number = &option;
        }
        if (!number) {
            std::fputs(Usage, stderr);
            return std::nullopt;
        }
        if (!parseNumber(*number, value, options))
            return std::nullopt;
    }
    return options;
}
