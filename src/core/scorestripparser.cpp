#include "scorestripparser.h"

#include <QTimeZone>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

// Parses one document; collects the first error with its position and stops there.
class DocumentReader
{
public:
    DocumentReader(QByteArrayView document, std::optional<WeekKey> requested)
        : m_xml(document.toByteArray()), m_requested(requested)
    {
    }

    Result<ParsedWeek> read()
    {
        if (!m_xml.readNextStartElement())
            return failure(m_xml.hasError() ? m_xml.errorString() : u"the document is empty"_s);
        if (m_xml.name() != "ss"_L1)
            return failure(u"the root element is <%1>, expected <ss>"_s.arg(m_xml.name()));
        if (!m_xml.readNextStartElement() || m_xml.name() != "gms"_L1)
            return failure(m_xml.hasError() ? m_xml.errorString() : u"<ss> has no <gms> element"_s);
        if (!readWeek())
            return failure(m_error);
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != "g"_L1)
                return failure(u"unexpected element <%1> inside <gms>"_s.arg(m_xml.name()));
            auto game = readGame();
            if (!game)
                return failure(m_error);
            m_week.games.append(std::move(*game));
            m_xml.skipCurrentElement();
        }
        // Past </gms>: the rest must be well formed too, or a truncated document would pass as a full week.
        while (!m_xml.atEnd())
            m_xml.readNext();
        if (m_xml.hasError())
            return failure(m_xml.errorString());
        if (m_week.games.isEmpty() && m_requested)
            m_week.key = *m_requested;
        return m_week;
    }

private:
    Result<ParsedWeek> failure(const QString &what)
    {
        return Result<ParsedWeek>::failure(
            u"malformed scorestrip document at line %1, column %2: %3"_s.arg(m_xml.lineNumber())
                .arg(m_xml.columnNumber())
                .arg(what));
    }

    bool fail(QString message)
    {
        m_error = std::move(message);
        return false;
    }

    std::optional<int> number(QStringView value, QLatin1StringView name, int min, int max)
    {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < min || n > max) {
            m_error = u"attribute %1=\"%2\" is not a number in %3-%4"_s.arg(name, value).arg(min).arg(max);
            return std::nullopt;
        }
        return n;
    }

    bool readWeek()
    {
        const auto attributes = m_xml.attributes();
        for (auto name : {"w"_L1, "y"_L1, "t"_L1}) {
            if (!attributes.hasAttribute(name))
                return fail(u"<gms> lacks the attribute %1"_s.arg(name));
        }
        const auto week = number(attributes.value("w"_L1), "w"_L1, 0, 30);
        const auto season = number(attributes.value("y"_L1), "y"_L1, 1920, 2200);
        if (!week || !season)
            return false;
        const auto phase = attributes.value("t"_L1);
        m_week.dialect = attributes.hasAttribute("bph"_L1) ? FeedDialect::LiveUpdate : FeedDialect::Ajax;
        m_week.key = {*season, SeasonType::Reg, *week};
        // FORMAT.md §2: ajax says "P" for both preseason and postseason; ss.xml says "POST" for the postseason.
        if (phase == "POST"_L1)
            m_week.key.type = SeasonType::Post;
        else if (phase == "P"_L1)
            m_week.key.type = m_requested ? m_requested->type : (*week >= 15 ? SeasonType::Post : SeasonType::Pre);
        return true;
    }

    QStringView required(const QXmlStreamAttributes &attributes, QLatin1StringView name)
    {
        if (!attributes.hasAttribute(name)) {
            m_error = u"game lacks the attribute %1"_s.arg(name);
            return {};
        }
        return attributes.value(name);
    }

    std::optional<Game> readGame()
    {
        const auto attributes = m_xml.attributes();
        static constexpr QLatin1StringView requiredNames[]
            = {"eid"_L1, "d"_L1, "t"_L1, "q"_L1, "h"_L1, "hnn"_L1, "hs"_L1, "v"_L1, "vnn"_L1, "vs"_L1, "gt"_L1};
        for (auto name : requiredNames) {
            if (!attributes.hasAttribute(name)) {
                m_error = u"game lacks the attribute %1"_s.arg(name);
                return std::nullopt;
            }
        }
        Game game;
        game.eid = attributes.value("eid"_L1).toString();
        if (game.eid.size() != 10
            || !std::all_of(game.eid.cbegin(), game.eid.cend(), [](QChar c) { return c.isDigit(); })) {
            m_error = u"eid \"%1\" is not YYYYMMDDNN"_s.arg(game.eid);
            return std::nullopt;
        }
        game.gsis = attributes.value("gsis"_L1).toString();
        game.season = m_week.key.season;
        game.seasonType = m_week.key.type;
        game.week = m_week.key.week;
        game.day = attributes.value("d"_L1).toString();
        game.kickoff = ScorestripParser::kickoff(game.eid, attributes.value("t"_L1), game.day);
        if (!game.kickoff.isValid()) {
            m_error = u"game %1 has no valid kickoff (date %2, time \"%3\")"_s.arg(
                game.eid, game.eid.left(8), attributes.value("t"_L1));
            return std::nullopt;
        }
        const auto state = gameStateFromCode(attributes.value("q"_L1));
        if (!state) {
            m_error = u"game %1 has an unknown state q=\"%2\""_s.arg(game.eid, attributes.value("q"_L1));
            return std::nullopt;
        }
        game.state = *state;
        const auto gameType = gameTypeFromCode(attributes.value("gt"_L1));
        if (!gameType) {
            m_error = u"game %1 has an unknown game type gt=\"%2\""_s.arg(game.eid, attributes.value("gt"_L1));
            return std::nullopt;
        }
        game.gameType = *gameType;
        if (*gameType != GameType::Pre && *gameType != GameType::Reg)
            game.seasonType = m_week.key.type = SeasonType::Post;
        else if (*gameType == GameType::Pre)
            game.seasonType = m_week.key.type = SeasonType::Pre;
        if (!readSide(attributes, "h"_L1, "hnn"_L1, "hs"_L1, game.home)
            || !readSide(attributes, "v"_L1, "vnn"_L1, "vs"_L1, game.visitor))
            return std::nullopt;
        // ss.xml reports 0-0 before kickoff where ajax leaves the scores empty: both mean "no score yet".
        if (game.state == GameState::Pregame && game.home.score == 0 && game.visitor.score == 0)
            game.home.score = game.visitor.score = std::nullopt;
        if (isLive(game.state)) {
            game.clock = attributes.value("k"_L1).toString();
            game.possession = attributes.value("p"_L1).toString();
            game.redZone = attributes.value("rz"_L1) == "1"_L1;
        }
        return game;
    }

    bool readSide(const QXmlStreamAttributes &attributes, QLatin1StringView abbr, QLatin1StringView nick,
        QLatin1StringView score, TeamSide &side)
    {
        side.abbreviation = attributes.value(abbr).toString();
        side.nickname = attributes.value(nick).toString();
        if (side.abbreviation.isEmpty() || side.abbreviation.size() > 4)
            return fail(u"team attribute %1=\"%2\" is not a team abbreviation"_s.arg(abbr, side.abbreviation));
        const auto value = attributes.value(score);
        if (value.isEmpty())
            return true;
        const auto n = number(value, score, 0, 999);
        if (!n)
            return false;
        side.score = *n;
        return true;
    }

    QXmlStreamReader m_xml;
    std::optional<WeekKey> m_requested;
    ParsedWeek m_week;
    QString m_error;
};

} // namespace

Result<ParsedWeek> ScorestripParser::parse(QByteArrayView document, std::optional<WeekKey> requested)
{
    if (document.size() > MaxDocumentSize)
        return Result<ParsedWeek>::failure(
            u"malformed scorestrip document: %1 bytes is larger than the %2-byte limit"_s.arg(document.size())
                .arg(MaxDocumentSize));
    if (document.trimmed().isEmpty())
        return Result<ParsedWeek>::failure(u"malformed scorestrip document: the document is empty"_s);
    // QXmlStreamReader expands no external entities, and internal DTD entities are refused here so that
    // an entity-expansion bomb is an error rather than a memory blow-up.
    if (document.indexOf("<!DOCTYPE") >= 0 || document.indexOf("<!ENTITY") >= 0)
        return Result<ParsedWeek>::failure(
            u"malformed scorestrip document: DTDs and entity declarations are not allowed"_s);
    return DocumentReader(document, requested).read();
}

QDateTime ScorestripParser::kickoff(QStringView eid, QStringView time, QStringView day)
{
    static const QTimeZone eastern("America/New_York");
    const QDate date = QDate::fromString(eid.left(8).toString(), u"yyyyMMdd"_s);
    const auto separator = time.indexOf(u':');
    if (!date.isValid() || separator < 1)
        return {};
    bool hourOk = false, minuteOk = false;
    int hour = time.left(separator).toInt(&hourOk);
    const int minute = time.mid(separator + 1).toInt(&minuteOk);
    if (!hourOk || !minuteOk || hour < 1 || hour > 12 || minute < 0 || minute > 59 || time.size() - separator != 3)
        return {};
    // FORMAT.md §5. A Sunday 9-11 o'clock game is a London morning game only when it opens the day
    // (eid sequence 00): the 2013 OAK-SD game at "11:35", sequence 10, really kicked off at 11:35 PM.
    const bool londonMorning = day == u"Sun" && hour >= 9 && hour <= 11 && eid.endsWith(u"00");
    if (hour != 12 && !londonMorning)
        hour += 12;
    return QDateTime(date, QTime(hour, minute), eastern).toUTC();
}

} // namespace Endzone
