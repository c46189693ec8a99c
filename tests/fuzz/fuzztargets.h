#pragma once

#include <QByteArrayView>
#include <QString>

// The bodies of the libFuzzer targets, shared by the fuzzers (fuzzmain.cpp, built with ENDZONE_FUZZ=ON and
// clang) and by the regression test (fuzzregressionstest.cpp, built in every configuration), so that every
// input a fuzzer once crashed on is replayed by the ordinary suite. Each function checks invariants and calls
// fuzzFailure() (which aborts) when one does not hold; memory errors are left to the sanitizers.
namespace Endzone::Fuzz {

// ScorestripParser::parse with and without a requested week, then write -> parse round trip of what parsed,
// and ScorestripParser::kickoff on pieces of the input.
void scorestrip(QByteArrayView input);
// SseParser::feed: the whole input at once must give exactly what the same input split at points drawn from
// its first bytes gives (events, error state, last event id, retry).
void sse(QByteArrayView input);
// WeekSlug::parseYear and WeekSlug::parse on the input as UTF-8 and as UTF-16, and the API's route split:
// whatever parses must print back (toSlug) to a slug that parses to the same week.
void weekSlug(QByteArrayView input);
// Raw RESP bytes through hiredis's redisReader into RedisReply::fromHiredis (compared field by field with
// the hiredis tree), then what RedisSubscriber does with a pub/sub message: LiveMessage::decode.
void redisReply(QByteArrayView input);

// EspnParser::parseScoreboard (with and without a requested week) and parseSummary on the same bytes: every game
// kept keeps the parser's promises (event id, scores 0-999, clock, down, probability), every event is either
// kept or rejected with a message, and a summary's detail survives GameDetail's toJson/fromJson.
void espn(QByteArrayView input);

[[noreturn]] void fuzzFailure(const char *what);

} // namespace Endzone::Fuzz
