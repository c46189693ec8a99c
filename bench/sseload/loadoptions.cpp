#include "loadoptions.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <string_view>

namespace {
constexpr const char *Usage
    = "usage: endzone-sseload [--host 127.0.0.1] [--port 8000] [--path /api/livescore] [-n clients]\n"
      "         [--connect-rate per-second] [--time-limit-s 120] [--drain-s 10] [--backoff-ms 100]\n"
      "         [--jitter-ms 300] [--label text]\n"
      "Runs until SIGINT/SIGTERM (then drains) or the time limit; prints SSELOAD_RESULT {json} on stdout.\n";

// The options that take text, stored as given.
struct TextOption
{
    const char *name;
    std::string LoadOptions::*field;
};
constexpr TextOption TextOptions[] = {
    {"--host", &LoadOptions::host},
    {"--path", &LoadOptions::path},
    {"--label", &LoadOptions::label},
};

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

// The entry of `table` named `name`, or null.
template<typename Option, std::size_t N>
const Option *find(const Option (&table)[N], const char *name)
{
    const auto it = std::find_if(
        std::begin(table), std::end(table), [name](const Option &option) { return !std::strcmp(option.name, name); });
    return it == std::end(table) ? nullptr : it;
}

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
        if (const TextOption *text = find(TextOptions, name)) {
            options.*text->field = value;
        } else if (const NumberOption *number = find(NumberOptions, name)) {
            if (!parseNumber(*number, value, options))
                return std::nullopt;
        } else {
            std::fputs(Usage, stderr);
            return std::nullopt;
        }
    }
    return options;
}
