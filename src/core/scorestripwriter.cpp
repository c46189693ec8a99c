#include "scorestripwriter.h"

#include <QTimeZone>
#include <QXmlStreamWriter>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

static QString phaseCode(const ParsedWeek &week)
{
    if (week.dialect == FeedDialect::LiveUpdate)
        return week.key.type == SeasonType::Pre ? u"P"_s : week.key.type == SeasonType::Post ? u"POST"_s : u"R"_s;
    return week.key.type == SeasonType::Reg ? u"R"_s : u"P"_s;
}

// The inverse of ScorestripParser::kickoff: US Eastern wall time on a 12-hour clock without AM/PM.
static QString wallTime(const QDateTime &kickoff)
{
    static const QTimeZone eastern("America/New_York");
    const QTime time = kickoff.toTimeZone(eastern).time();
    const int hour = time.hour() % 12 == 0 ? 12 : time.hour() % 12;
    return u"%1:%2"_s.arg(hour).arg(time.minute(), 2, 10, QLatin1Char('0'));
}

QByteArray ScorestripWriter::write(const ParsedWeek &week)
{
    const bool live = week.dialect == FeedDialect::LiveUpdate;
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(live);
    xml.writeStartDocument();
    xml.writeStartElement(u"ss"_s);
    xml.writeStartElement(u"gms"_s);
    if (!live)
        xml.writeAttribute(u"gd"_s, u"0"_s);
    xml.writeAttribute(u"w"_s, QString::number(week.key.week));
    xml.writeAttribute(u"y"_s, QString::number(week.key.season));
    xml.writeAttribute(u"t"_s, phaseCode(week));
    if (live) {
        const bool anyStarted = std::any_of(
            week.games.cbegin(), week.games.cend(), [](const Game &g) { return g.state != GameState::Pregame; });
        xml.writeAttribute(u"gd"_s, anyStarted ? u"1"_s : u"0"_s);
        xml.writeAttribute(u"bph"_s, u"0"_s);
    }
    for (const auto &game : week.games) {
        const bool inPlay = isLive(game.state);
        auto score = [&](const std::optional<int> &s) {
            return s ? QString::number(*s) : (live ? u"0"_s : QString());
        };
        xml.writeEmptyElement(u"g"_s);
        xml.writeAttribute(u"eid"_s, game.eid);
        xml.writeAttribute(u"gsis"_s, game.gsis);
        xml.writeAttribute(u"d"_s, game.day);
        xml.writeAttribute(u"t"_s, wallTime(game.kickoff));
        xml.writeAttribute(u"q"_s, gameStateCode(game.state));
        if (!live || inPlay)
            xml.writeAttribute(u"k"_s, game.clock);
        xml.writeAttribute(u"h"_s, game.home.abbreviation);
        xml.writeAttribute(u"hnn"_s, game.home.nickname);
        xml.writeAttribute(u"hs"_s, score(game.home.score));
        xml.writeAttribute(u"v"_s, game.visitor.abbreviation);
        xml.writeAttribute(u"vnn"_s, game.visitor.nickname);
        xml.writeAttribute(u"vs"_s, score(game.visitor.score));
        if (!live || inPlay)
            xml.writeAttribute(u"p"_s, game.possession);
        xml.writeAttribute(
            u"rz"_s, live ? (game.redZone ? u"1"_s : u"0"_s) : (inPlay ? (game.redZone ? u"1"_s : u"0"_s) : QString()));
        xml.writeAttribute(u"ga"_s, QString());
        xml.writeAttribute(u"gt"_s, gameTypeCode(game.gameType));
    }
    xml.writeEndDocument();
    return out;
}

} // namespace Endzone
