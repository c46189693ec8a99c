#include "espnwriter.h"
#include "espnwriter_p.h"
#include "seasoncalendar.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

// The summary half of EspnWriter: header, drives with plays, scoring plays and the win-probability series.
namespace Endzone {

using namespace EspnWriterDetail;

namespace {

// ESPN's play type ids for the texts Endzone keeps (FORMAT.md §7); an unknown text goes without an id.
QJsonObject playType(const QString &text)
{
    static const QHash<QString, std::pair<const char *, const char *>> types {{u"Rush"_s, {"5", "RUSH"}},
        {u"Pass Reception"_s, {"24", "REC"}}, {u"Pass Incompletion"_s, {"3", nullptr}}, {u"Sack"_s, {"7", nullptr}},
        {u"Kickoff"_s, {"53", "K"}}, {u"Punt"_s, {"52", "PUNT"}}, {u"Field Goal Good"_s, {"59", "FG"}},
        {u"Field Goal Missed"_s, {"60", "FGM"}}, {u"Passing Touchdown"_s, {"67", "TD"}},
        {u"Rushing Touchdown"_s, {"68", "TD"}}, {u"Pass Interception Return"_s, {"26", "INTR"}},
        {u"Interception Return Touchdown"_s, {"36", "TD"}}, {u"Safety"_s, {"20", "SF"}}, {u"Penalty"_s, {"8", "PEN"}},
        {u"Timeout"_s, {"21", "TO"}}, {u"End Period"_s, {"2", "EP"}}, {u"End of Half"_s, {"65", "EH"}},
        {u"End of Game"_s, {"66", "EG"}}, {u"Two-minute warning"_s, {"75", "2Min"}}};
    QJsonObject type {{u"text"_s, text}};
    if (const auto it = types.constFind(text); it != types.cend()) {
        type.insert(u"id"_s, QLatin1StringView(it->first));
        if (it->second)
            type.insert(u"abbreviation"_s, QLatin1StringView(it->second));
    }
    return type;
}

QJsonObject scoringTypeObject(const QString &displayName)
{
    const QString abbreviation = displayName == u"Touchdown"_s ? u"TD"_s
        : displayName == u"Field Goal"_s                       ? u"FG"_s
        : displayName == u"Safety"_s                           ? u"SF"_s
                                                               : displayName.left(2).toUpper();
    return {{u"name"_s, displayName.toLower().replace(u' ', u'-')}, {u"displayName"_s, displayName},
        {u"abbreviation"_s, abbreviation}};
}

QJsonObject teamRef(const Sides &sides, const QString &abbreviation)
{
    const EspnTeam *team = sides.team(abbreviation);
    if (!team)
        return {{u"abbreviation"_s, abbreviation}};
    return {{u"id"_s, team->id}, {u"abbreviation"_s, team->abbreviation}, {u"displayName"_s, team->displayName},
        {u"shortDisplayName"_s, team->name}};
}

QJsonObject periodClock(int period, const QString &clock)
{
    return {{u"period"_s, QJsonObject {{u"type"_s, u"quarter"_s}, {u"number"_s, period}}},
        {u"clock"_s, QJsonObject {{u"displayValue"_s, clock}}}};
}

// "2nd & 15 at DAL 20" as the play's `start`, with the yard line from the home goal line.
QJsonObject playStart(const Sides &sides, const QString &downDistance, const EspnTeam *offence)
{
    static const QRegularExpression pattern(u"^(1st|2nd|3rd|4th) & (Goal|\\d+) at (.+)$"_s);
    QJsonObject start;
    if (offence)
        start.insert(u"team"_s, QJsonObject {{u"id"_s, offence->id}});
    const auto match = pattern.match(downDistance);
    if (!match.hasMatch())
        return start;
    const QString spot = match.captured(3);
    const auto line = sides.yardLine(spot);
    const bool homeBall = offence == &sides.home;
    start.insert(u"down"_s, match.captured(1).left(1).toInt());
    if (line) {
        start.insert(u"yardLine"_s, *line);
        start.insert(u"yardsToEndzone"_s, homeBall ? 100 - *line : *line);
    }
    const int toGoal = line ? (homeBall ? 100 - *line : *line) : 0;
    start.insert(u"distance"_s, match.captured(2) == u"Goal"_s ? toGoal : match.captured(2).toInt());
    start.insert(u"downDistanceText"_s, downDistance);
    start.insert(u"shortDownDistanceText"_s, downDistance.left(downDistance.indexOf(u" at "_s)));
    start.insert(u"possessionText"_s, spot);
    return start;
}

QJsonObject driveObject(const Sides &sides, const Drive &drive, const QHash<QString, ScoringPlay> &scoring)
{
    const EspnTeam *offence = sides.team(drive.team);
    QJsonObject start = periodClock(drive.startPeriod, drive.startClock);
    QJsonObject end = periodClock(drive.endPeriod, drive.endClock);
    if (drive.startYardLine >= 0)
        start.insert(u"yardLine"_s, drive.startYardLine);
    if (drive.endYardLine >= 0)
        end.insert(u"yardLine"_s, drive.endYardLine);
    start.insert(u"text"_s, drive.startText);
    end.insert(u"text"_s, drive.endText);
    QJsonArray plays;
    int sequence = 0;
    for (const auto &play : drive.plays) {
        sequence += 100;
        QJsonObject object {{u"id"_s, play.id}, {u"sequenceNumber"_s, QString::number(sequence)},
            {u"type"_s, playType(play.type)}, {u"text"_s, play.text}, {u"awayScore"_s, play.awayScore},
            {u"homeScore"_s, play.homeScore}, {u"period"_s, QJsonObject {{u"number"_s, play.period}}},
            {u"clock"_s, QJsonObject {{u"displayValue"_s, play.clock}}}, {u"scoringPlay"_s, play.scoring},
            {u"priority"_s, false}, {u"start"_s, playStart(sides, play.downDistance, offence)}};
        if (const auto it = scoring.constFind(play.id); it != scoring.cend())
            object.insert(u"scoringType"_s, scoringTypeObject(it->type));
        plays.append(object);
    }
    QJsonObject object {{u"id"_s, drive.id}, {u"description"_s, drive.description},
        {u"team"_s, teamRef(sides, drive.team)}, {u"start"_s, start}, {u"end"_s, end},
        {u"timeElapsed"_s, QJsonObject {{u"displayValue"_s, drive.timeElapsed}}}, {u"yards"_s, drive.yards},
        {u"isScore"_s, drive.isScore}, {u"offensivePlays"_s, drive.offensivePlays}, {u"plays"_s, plays}};
    if (!drive.result.isEmpty()) {
        object.insert(u"result"_s, drive.result);
        object.insert(u"shortDisplayResult"_s, drive.result);
        object.insert(u"displayResult"_s, drive.displayResult);
    }
    return object;
}

} // namespace

QJsonObject EspnWriter::summaryObject(const Game &game, const GameDetail &detail)
{
    const Sides sides(game);
    const QString id = eventId(game);
    const QString state = game.state == GameState::Pregame ? u"pre"_s : isFinal(game.state) ? u"post"_s : u"in"_s;
    QJsonObject status = statusObject(game, isLive(game.state));
    status.insert(u"isTBDFlex"_s, false);
    QJsonArray broadcasts;
    for (const auto &name : game.broadcast.split(u'/', Qt::SkipEmptyParts))
        broadcasts.append(QJsonObject {{u"type"_s, QJsonObject {{u"shortName"_s, u"TV"_s}}},
            {u"market"_s, QJsonObject {{u"type"_s, u"National"_s}}},
            {u"media"_s, QJsonObject {{u"shortName"_s, name}}}});
    QJsonObject competition {{u"id"_s, id}, {u"uid"_s, u"s:20~l:28~e:%1~c:%1"_s.arg(id)},
        {u"date"_s, dateText(game.kickoff)}, {u"neutralSite"_s, game.neutralSite}, {u"conferenceCompetition"_s, false},
        {u"boxscoreAvailable"_s, state != u"pre"_s},
        {u"competitors"_s,
            QJsonArray {competitorObject(game, sides.home, true, &detail.homeLinescore, true),
                competitorObject(game, sides.away, false, &detail.visitorLinescore, true)}},
        {u"status"_s, status}, {u"broadcasts"_s, broadcasts}};
    if (isLive(game.state) && game.state != GameState::Halftime && (!game.possession.isEmpty() || game.hasSituation()))
        competition.insert(u"situation"_s, situationObject(sides));
    const WeekKey key {game.season, game.seasonType, game.week};
    QJsonObject summary {{u"header"_s,
                             QJsonObject {{u"id"_s, id}, {u"uid"_s, QString(u"s:20~l:28~e:"_s + id)},
                                 {u"season"_s,
                                     QJsonObject {{u"year"_s, game.season}, {u"current"_s, false},
                                         {u"type"_s, SeasonCalendar::espnSeasonType(game.seasonType)}}},
                                 {u"timeValid"_s, true}, {u"week"_s, SeasonCalendar::espnWeek(key)},
                                 {u"competitions"_s, QJsonArray {competition}},
                                 {u"league"_s,
                                     QJsonObject {{u"id"_s, u"28"_s}, {u"uid"_s, u"s:20~l:28"_s},
                                         {u"name"_s, u"National Football League"_s}, {u"abbreviation"_s, u"NFL"_s},
                                         {u"slug"_s, u"nfl"_s}}}}},
        {u"meta"_s, QJsonObject {{u"gameState"_s, state}}},
        {u"format"_s,
            QJsonObject {{u"regulation"_s,
                             QJsonObject {{u"periods"_s, 4}, {u"displayName"_s, u"Quarter"_s},
                                 {u"slug"_s, u"quarter"_s}, {u"clock"_s, 900.0}}},
                {u"overtime"_s,
                    QJsonObject {{u"periods"_s, 1}, {u"displayName"_s, u"sudden-death"_s},
                        {u"slug"_s, u"sudden-death"_s}, {u"clock"_s, 600.0}}}}},
        {u"gameInfo"_s, QJsonObject {{u"venue"_s, venueObject(game)}}}, {u"odds"_s, QJsonArray()},
        {u"broadcasts"_s, QJsonArray()}, {u"pickcenter"_s, QJsonArray()}};
    if (state != u"pre"_s || !detail.drives.isEmpty()) {
        QHash<QString, ScoringPlay> scoringById;
        for (const auto &play : detail.scoringPlays)
            scoringById.insert(play.id, play);
        // A drive in progress is ESPN's `drives.current`; `previous` holds the finished ones.
        QJsonArray previous;
        QJsonObject drives;
        for (qsizetype i = 0; i < detail.drives.size(); ++i) {
            const auto &drive = detail.drives.at(i);
            const auto object = driveObject(sides, drive, scoringById);
            if (i == detail.drives.size() - 1 && state == u"in"_s && drive.result.isEmpty())
                drives.insert(u"current"_s, object);
            else
                previous.append(object);
        }
        drives.insert(u"previous"_s, previous);
        summary.insert(u"drives"_s, drives);
        // The play types behind each scoring play, as ESPN's `scoringPlays[].type` names them.
        QHash<QString, QString> playTypes;
        for (const auto &drive : detail.drives) {
            for (const auto &play : drive.plays)
                playTypes.insert(play.id, play.type);
        }
        QJsonArray scoringPlays;
        for (const auto &play : detail.scoringPlays) {
            const auto clock = clockOf(play.clock.size() < 5 ? u"0"_s + play.clock : play.clock);
            scoringPlays.append(
                QJsonObject {{u"id"_s, play.id}, {u"type"_s, playType(playTypes.value(play.id, play.type))},
                    {u"text"_s, play.text}, {u"awayScore"_s, play.awayScore}, {u"homeScore"_s, play.homeScore},
                    {u"period"_s, QJsonObject {{u"number"_s, play.period}}},
                    {u"clock"_s, QJsonObject {{u"value"_s, double(clock.second)}, {u"displayValue"_s, play.clock}}},
                    {u"team"_s, teamRef(sides, play.team)}, {u"scoringType"_s, scoringTypeObject(play.type)}});
        }
        summary.insert(u"scoringPlays"_s, scoringPlays);
    }
    QJsonArray winProbability;
    for (const auto &point : detail.winProbability) {
        winProbability.append(QJsonObject {
            {u"homeWinPercentage"_s, point.homeWinPercentage}, {u"tiePercentage"_s, 0.0}, {u"playId"_s, point.playId}});
    }
    summary.insert(u"winprobability"_s, winProbability);
    return summary;
}

QByteArray EspnWriter::summary(const Game &game, const GameDetail &detail)
{
    return QJsonDocument(summaryObject(game, detail)).toJson(QJsonDocument::Compact);
}

} // namespace Endzone
