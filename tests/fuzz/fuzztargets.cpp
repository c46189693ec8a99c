#include "fuzztargets.h"
#include "espnjson.h"
#include "espnparser.h"
#include "jsonskim.h"
#include "livemessage.h"
#include "redisreply.h"
#include "routesegments.h"
#include "scorestripparser.h"
#include "scorestripwriter.h"
#include "sseparser.h"
#include "weekslug.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QUrl>

#include <hiredis/hiredis.h>

#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace Endzone::Fuzz {

void fuzzFailure(const char *what)
{
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
}

namespace {

void check(bool condition, const char *what)
{
    if (!condition)
        fuzzFailure(what);
}

// A deterministic generator per input, so a crash reproduces from the input file alone.
QRandomGenerator generatorFor(QByteArrayView input)
{
    return QRandomGenerator(quint32(qHash(input, 0x5eed)));
}

} // namespace

void scorestrip(QByteArrayView input)
{
    const auto plain = ScorestripParser::parse(input);
    if (plain) {
        // What parsed must write and parse again to the same week (the writer is what endzone-feed serves).
        const ParsedWeek &week = plain.value();
        const QByteArray written = ScorestripWriter::write(week);
        const auto again = ScorestripParser::parse(written, week.key);
        check(again.ok(), "a parsed week does not re-parse after ScorestripWriter::write");
        check(again.value().games.size() == week.games.size(), "write/parse round trip changed the game count");
    } else {
        check(!plain.error().isEmpty(), "a parse failure without a message");
    }
    // With a requested week, as FeedClient parses (the byte picks the week, in or out of range).
    const unsigned char pick = input.isEmpty() ? 0 : static_cast<unsigned char>(input.back());
    const SeasonType types[] = {SeasonType::Pre, SeasonType::Reg, SeasonType::Post};
    const WeekKey requested {1970 + pick % 60, types[pick % 3], int(pick % 24)};
    const auto withKey = ScorestripParser::parse(input, requested);
    if (!withKey)
        check(!withKey.error().isEmpty(), "a parse failure without a message");

    // kickoff(eid, t, d) on three '|'-separated pieces of the input.
    const QString text = QString::fromUtf8(input.first(qMin<qsizetype>(input.size(), 256)));
    const QStringList pieces = text.split(u'|');
    if (pieces.size() >= 3)
        (void)ScorestripParser::kickoff(pieces[0], pieces[1], pieces[2]);
}

void sse(QByteArrayView input)
{
    // Small limits so that short inputs reach the error paths too.
    const auto configure = [](SseParser &parser) {
        parser.setMaxLineLength(200);
        parser.setMaxEventSize(600);
    };
    SseParser whole;
    configure(whole);
    const QList<SseEvent> expected = whole.feed(input);

    const auto compare = [&](const SseParser &parser, const QList<SseEvent> &events, const char *how) {
        if (events != expected || parser.hasError() != whole.hasError() || parser.lastEventId() != whole.lastEventId()
            || parser.retryMs() != whole.retryMs()) {
            std::fprintf(stderr, "split %s: %lld vs %lld events, error %d vs %d\n", how, qlonglong(events.size()),
                qlonglong(expected.size()), parser.hasError(), whole.hasError());
            fuzzFailure("SseParser gives different results for the same bytes split differently");
        }
    };

    // Split at random points.
    QRandomGenerator random = generatorFor(input);
    SseParser split;
    configure(split);
    QList<SseEvent> events;
    for (qsizetype pos = 0; pos < input.size();) {
        const qsizetype length = qMin(input.size() - pos, qsizetype(random.bounded(1, 17)));
        events += split.feed(input.sliced(pos, length));
        pos += length;
    }
    compare(split, events, "randomly");

    // One byte at a time (where CR LF and the BOM are most often cut).
    if (input.size() <= 1024) {
        SseParser bytewise;
        configure(bytewise);
        QList<SseEvent> single;
        for (qsizetype pos = 0; pos < input.size(); ++pos)
            single += bytewise.feed(input.sliced(pos, 1));
        compare(bytewise, single, "bytewise");
    }

    // reset() starts a new connection: the same bytes again give the same events (ids carry over).
    whole.reset();
    const QList<SseEvent> replay = whole.feed(input);
    check(replay.size() == expected.size() || whole.hasError(), "reset() changed how a stream parses");
}

namespace {

void checkSlug(int season, QStringView slug)
{
    const auto key = WeekSlug::parse(season, slug);
    if (!key)
        return;
    check(WeekSlug::isValid(*key), "WeekSlug::parse returned an invalid week");
    check(key->season == season, "WeekSlug::parse changed the season");
    const QString canonical = WeekSlug::toSlug(*key);
    check(WeekSlug::parse(season, canonical) == key, "toSlug does not parse back to the same week");
    check(canonical.size() <= 6, "a canonical slug longer than pre-NN");
}

void checkYear(QStringView text)
{
    const auto year = WeekSlug::parseYear(text);
    if (!year)
        return;
    check(*year >= WeekSlug::MinYear && *year <= WeekSlug::MaxYear, "parseYear out of range");
    check(QString::number(*year) == text, "parseYear accepted something that is not its canonical form");
}

void checkGameId(QStringView text)
{
    if (!WeekSlug::isGameId(text))
        return;
    check(text.size() == 9 || text.size() == 10, "isGameId accepted something that is not 9 or 10 characters");
    for (const QChar c : text)
        check(c >= u'0' && c <= u'9', "isGameId accepted a character that is not an ASCII digit");
}

// The route table of ApiServer::route, on a path that arrives percent-encoded.
void checkRoute(QByteArrayView input)
{
    const QUrl url = QUrl::fromEncoded(QByteArray("http://127.0.0.1") + input.toByteArray());
    const QStringList parts = routeSegments(url);
    if (parts.size() == 4 && parts[0] == "api"_L1 && parts[1] == "season"_L1) {
        checkYear(parts[2]);
        if (const auto year = WeekSlug::parseYear(parts[2]))
            checkSlug(*year, parts[3]);
    }
    if (parts.size() == 3 && parts[0] == "api"_L1 && parts[1] == "games"_L1)
        checkGameId(parts[2]);
}

} // namespace

void weekSlug(QByteArrayView input)
{
    const QString utf8 = QString::fromUtf8(input);
    QString utf16(input.size() / 2, Qt::Uninitialized);
    memcpy(utf16.data(), input.data(), size_t(utf16.size()) * 2);

    for (const QString &text : {utf8, utf16}) {
        checkYear(text);
        // Every season the first bytes can name, in range or not, and the slug after a '/'.
        const qsizetype slash = text.indexOf(u'/');
        const QStringView slug = slash >= 0 ? QStringView(text).sliced(slash + 1) : QStringView(text);
        int season = 2015;
        if (input.size() >= 2)
            season = 1900 + (static_cast<unsigned char>(input[0]) | (static_cast<unsigned char>(input[1]) << 8)) % 260;
        checkSlug(season, slug);
        checkSlug(2015, text);
        checkGameId(text);
        if (slash >= 0) {
            checkYear(QStringView(text).first(slash));
            if (const auto year = WeekSlug::parseYear(QStringView(text).first(slash)))
                checkSlug(*year, slug);
        }
    }
    checkRoute(input);
}

namespace {

void compareReply(const RedisReply &ours, const ::redisReply *theirs, int depth)
{
    check(depth < 64, "reply nested deeper than hiredis allows");
    switch (theirs->type) {
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR:
        check(ours.string == QByteArrayView(theirs->str, qsizetype(theirs->len)), "string reply copied wrongly");
        check(ours.type
                == (theirs->type == REDIS_REPLY_STRING       ? RedisReply::Type::String
                        : theirs->type == REDIS_REPLY_STATUS ? RedisReply::Type::Status
                                                             : RedisReply::Type::Error),
            "reply type mapped wrongly");
        break;
    case REDIS_REPLY_INTEGER:
        check(ours.type == RedisReply::Type::Integer && ours.integer == theirs->integer, "integer copied wrongly");
        break;
    case REDIS_REPLY_ARRAY:
        check(ours.type == RedisReply::Type::Array && ours.elements.size() == qsizetype(theirs->elements),
            "array copied wrongly");
        for (size_t i = 0; i < theirs->elements; ++i)
            compareReply(ours.elements.at(qsizetype(i)), theirs->element[i], depth + 1);
        break;
    default:
        check(ours.isNil(), "nil reply mapped wrongly");
    }
}

} // namespace

void redisReply(QByteArrayView input)
{
    // Fed whole, then in two pieces (hiredis's reader is incremental like the socket it reads).
    const qsizetype cut = input.isEmpty() ? 0 : qsizetype(generatorFor(input).bounded(quint32(input.size())));
    const QList<QByteArrayView> plans[] = {{input}, {input.first(cut), input.sliced(cut)}};
    for (const QList<QByteArrayView> &chunks : plans) {
        redisReader *reader = RedisReply::createReader(); // with the bound RedisConnection installs
        bool failed = false;
        for (const QByteArrayView chunk : chunks) {
            if (failed)
                break;
            if (redisReaderFeed(reader, chunk.data(), size_t(chunk.size())) != REDIS_OK)
                break;
            for (int i = 0; i < 1000; ++i) {
                void *raw = nullptr;
                if (redisReaderGetReply(reader, &raw) != REDIS_OK) {
                    failed = true; // a protocol error: the connection would be dropped
                    break;
                }
                if (!raw)
                    break;
                const auto *reply = static_cast<const ::redisReply *>(raw);
                const RedisReply ours = RedisReply::fromHiredis(reply);
                compareReply(ours, reply, 0);
                // RedisSubscriber::handleReply: ["message", channel, payload] -> LiveMessage.
                if (ours.type == RedisReply::Type::Array && ours.elements.size() >= 3
                    && ours.elements.at(0).string == "message") {
                    const LiveMessage message = LiveMessage::decode(ours.elements.at(2).string);
                    (void)message.encode();
                }
                freeReplyObject(raw);
            }
        }
        redisReaderFree(reader);
    }
    // The payload path on its own, for inputs that are not RESP at all.
    (void)LiveMessage::decode(input.toByteArray()).encode();
}

namespace {

// What EspnParser promises about every game it keeps, whatever the input.
void checkEspnGame(const Game &game)
{
    check(!game.eid.isEmpty() && game.eid == game.espnId, "an ESPN game without its event id as eid");
    check(std::all_of(game.eid.cbegin(), game.eid.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }),
        "an ESPN event id that is not digits");
    for (const TeamSide *side : {&game.home, &game.visitor}) {
        check(!side->abbreviation.isEmpty(), "an ESPN team without an abbreviation");
        check(!side->score || (*side->score >= 0 && *side->score <= 999), "an ESPN score outside 0-999");
        check(game.state != GameState::Pregame || !side->score, "a score before kickoff");
    }
    check(game.clock.isEmpty()
            || (isLive(game.state) && game.clock.size() == 5 && game.clock.at(2) == u':' && game.clock <= u"15:00"),
        "an ESPN clock that is not MM:SS up to 15:00 in a live game");
    check(!game.down || (*game.down >= 1 && *game.down <= 4), "a down outside 1-4");
    check(!game.homeWinProbability || (*game.homeWinProbability >= 0 && *game.homeWinProbability <= 1),
        "a win probability outside 0..1");
    check(game.kickoff.isValid() == !game.day.isEmpty(), "a kickoff without its day, or a day without a kickoff");
}

bool sameWeek(const Result<ParsedWeek> &a, const Result<ParsedWeek> &b)
{
    if (a.ok() != b.ok() || a.error() != b.error())
        return false;
    return !a
        || (a.value().key == b.value().key && a.value().games == b.value().games && a.value().byes == b.value().byes
            && a.value().rejected == b.value().rejected);
}

// QJsonDocument's tree with `keys` removed at every depth: what a JsonSkim'd document must parse to.
QJsonValue without(const QJsonValue &value, const QByteArrayList &keys, const QString &parent = {})
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(without(item, keys, parent));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end(); ++it) {
            const QByteArray key = it.key().toUtf8();
            if (!keys.contains(key) && !keys.contains(parent.toUtf8() + '/' + key))
                object.insert(it.key(), without(it.value(), keys, it.key()));
        }
        return object;
    }
    return value;
}

std::optional<QJsonValue> parsedJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

// JsonSkim on its own: where it does not give up (and return the very same bytes), the input was JSON and the
// output is too, and parses to the input's tree without the dropped keys. Keys the dictionary knows, so that
// the fuzzer meets them.
void checkSkim(const QByteArray &bytes)
{
    for (const QByteArrayList &keys : {QByteArrayList(), QByteArrayList {"team", "competitors", "id", "linescores"},
             QByteArrayList {"plays/end", "team/id", "type"}}) {
        const QByteArray skimmed = JsonSkim(keys).skim(bytes);
        if (skimmed.constData() == bytes.constData())
            continue; // gave up: QJsonDocument sees the original
        check(skimmed.size() <= bytes.size(), "a skimmed document longer than the original");
        const auto before = parsedJson(bytes), after = parsedJson(skimmed);
        check(before.has_value(), "JsonSkim skimmed a document QJsonDocument refuses");
        check(after.has_value(), "JsonSkim's output is not JSON");
        check(before && after && without(*before, keys) == *after, "JsonSkim changed more than the dropped keys");
    }
}

} // namespace

void espn(QByteArrayView input)
{
    checkSkim(input.toByteArray());
    const auto week = EspnParser::parseScoreboard(input);
    // EspnParser skims before it parses (JsonSkim): without the skim, every result must be the same.
    check(sameWeek(week, EspnJson::parseScoreboard(input, std::nullopt, EspnJson::Skim::Off)),
        "the skim changed a scoreboard's parse");
    if (week) {
        const ParsedWeek &parsed = week.value();
        for (const Game &game : parsed.games) {
            checkEspnGame(game);
            check(game.season == parsed.key.season && game.week == parsed.key.week, "a game outside its week");
        }
        for (const QString &message : parsed.rejected)
            check(!message.isEmpty(), "a rejected event without a message");
        // Every event is either kept or rejected, never silently dropped.
        const QJsonArray events = QJsonDocument::fromJson(input.toByteArray()).object().value("events"_L1).toArray();
        check(parsed.games.size() + parsed.rejected.size() == events.size(), "an event neither kept nor rejected");
    } else {
        check(!week.error().isEmpty(), "a parse failure without a message");
    }
    // With a requested week, as FeedClient asks (the last byte picks it).
    const unsigned char pick = input.isEmpty() ? 0 : static_cast<unsigned char>(input.back());
    const SeasonType types[] = {SeasonType::Pre, SeasonType::Reg, SeasonType::Post};
    const auto asked = EspnParser::parseScoreboard(input, WeekKey {2000 + pick % 30, types[pick % 3], pick % 23});
    check(asked.ok() || !asked.error().isEmpty(), "a parse failure without a message");
    if (asked && week)
        check(asked.value().games.size() == week.value().games.size(), "a requested week changed the games kept");

    const auto summary = EspnParser::parseSummary(input);
    const auto plainSummary = EspnJson::parseSummary(input, EspnJson::Skim::Off);
    check(summary.ok() == plainSummary.ok() && summary.error() == plainSummary.error()
            && (!summary
                || (summary.value().game == plainSummary.value().game
                    && summary.value().detail == plainSummary.value().detail)),
        "the skim changed a summary's parse");
    if (summary) {
        checkEspnGame(summary.value().game);
        const GameDetail &detail = summary.value().detail;
        check(detail.espnId == summary.value().game.espnId, "a detail for another event");
        for (const WinProbabilityPoint &point : detail.winProbability)
            check(point.homeWinPercentage >= 0 && point.homeWinPercentage <= 1, "a win probability outside 0..1");
        // The stored form reads back to the same detail.
        check(GameDetail::fromJson(detail.toJson()) == detail, "GameDetail does not survive toJson/fromJson");
    } else {
        check(!summary.error().isEmpty(), "a parse failure without a message");
    }
}

} // namespace Endzone::Fuzz
