#include "gamedetail.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

QJsonArray intArray(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QList<int> intList(const QJsonValue &value)
{
    QList<int> values;
    for (const auto &item : value.toArray())
        values.append(item.toInt());
    return values;
}

QJsonObject playJson(const Play &play)
{
    return {{u"id"_s, play.id}, {u"period"_s, play.period}, {u"clock"_s, play.clock}, {u"type"_s, play.type},
        {u"text"_s, play.text}, {u"down_distance"_s, play.downDistance}, {u"away_score"_s, play.awayScore},
        {u"home_score"_s, play.homeScore}, {u"scoring"_s, play.scoring}};
}

Play playFromJson(const QJsonObject &o)
{
    return {o.value(u"id").toString(), o.value(u"period").toInt(), o.value(u"clock").toString(),
        o.value(u"type").toString(), o.value(u"text").toString(), o.value(u"down_distance").toString(),
        o.value(u"away_score").toInt(), o.value(u"home_score").toInt(), o.value(u"scoring").toBool()};
}

QJsonObject driveJson(const Drive &drive)
{
    QJsonArray plays;
    for (const auto &play : drive.plays)
        plays.append(playJson(play));
    return {{u"id"_s, drive.id}, {u"team"_s, drive.team}, {u"description"_s, drive.description},
        {u"result"_s, drive.result}, {u"display_result"_s, drive.displayResult}, {u"is_score"_s, drive.isScore},
        {u"start_yard_line"_s, drive.startYardLine}, {u"end_yard_line"_s, drive.endYardLine},
        {u"start_text"_s, drive.startText}, {u"end_text"_s, drive.endText}, {u"start_period"_s, drive.startPeriod},
        {u"start_clock"_s, drive.startClock}, {u"end_period"_s, drive.endPeriod}, {u"end_clock"_s, drive.endClock},
        {u"yards"_s, drive.yards}, {u"offensive_plays"_s, drive.offensivePlays}, {u"time_elapsed"_s, drive.timeElapsed},
        {u"plays"_s, plays}};
}

Drive driveFromJson(const QJsonObject &o)
{
    Drive drive;
    drive.id = o.value(u"id").toString();
    drive.team = o.value(u"team").toString();
    drive.description = o.value(u"description").toString();
    drive.result = o.value(u"result").toString();
    drive.displayResult = o.value(u"display_result").toString();
    drive.isScore = o.value(u"is_score").toBool();
    drive.startYardLine = o.value(u"start_yard_line").toInt(-1);
    drive.endYardLine = o.value(u"end_yard_line").toInt(-1);
    drive.startText = o.value(u"start_text").toString();
    drive.endText = o.value(u"end_text").toString();
    drive.startPeriod = o.value(u"start_period").toInt();
    drive.startClock = o.value(u"start_clock").toString();
    drive.endPeriod = o.value(u"end_period").toInt();
    drive.endClock = o.value(u"end_clock").toString();
    drive.yards = o.value(u"yards").toInt();
    drive.offensivePlays = o.value(u"offensive_plays").toInt();
    drive.timeElapsed = o.value(u"time_elapsed").toString();
    for (const auto &play : o.value(u"plays").toArray())
        drive.plays.append(playFromJson(play.toObject()));
    return drive;
}

} // namespace

int GameDetail::playCount() const
{
    int count = 0;
    for (const auto &drive : drives)
        count += int(drive.plays.size());
    return count;
}

QJsonObject GameDetail::toJson() const
{
    QJsonArray driveArray, scoringArray, probabilityArray;
    for (const auto &drive : drives)
        driveArray.append(driveJson(drive));
    for (const auto &play : scoringPlays) {
        scoringArray.append(QJsonObject {{u"id"_s, play.id}, {u"team"_s, play.team}, {u"type"_s, play.type},
            {u"text"_s, play.text}, {u"period"_s, play.period}, {u"clock"_s, play.clock},
            {u"away_score"_s, play.awayScore}, {u"home_score"_s, play.homeScore}});
    }
    for (const auto &point : winProbability)
        probabilityArray.append(QJsonObject {{u"play_id"_s, point.playId}, {u"home"_s, point.homeWinPercentage}});
    return {{u"espn_id"_s, espnId}, {u"state"_s, state}, {u"home_linescore"_s, intArray(homeLinescore)},
        {u"visitor_linescore"_s, intArray(visitorLinescore)}, {u"drives"_s, driveArray},
        {u"scoring_plays"_s, scoringArray}, {u"win_probability"_s, probabilityArray}};
}

GameDetail GameDetail::fromJson(const QJsonObject &object)
{
    GameDetail detail;
    detail.espnId = object.value(u"espn_id").toString();
    detail.state = object.value(u"state").toString();
    detail.homeLinescore = intList(object.value(u"home_linescore"));
    detail.visitorLinescore = intList(object.value(u"visitor_linescore"));
    for (const auto &drive : object.value(u"drives").toArray())
        detail.drives.append(driveFromJson(drive.toObject()));
    for (const auto &item : object.value(u"scoring_plays").toArray()) {
        const auto o = item.toObject();
        detail.scoringPlays.append({o.value(u"id").toString(), o.value(u"team").toString(), o.value(u"type").toString(),
            o.value(u"text").toString(), o.value(u"period").toInt(), o.value(u"clock").toString(),
            o.value(u"away_score").toInt(), o.value(u"home_score").toInt()});
    }
    for (const auto &item : object.value(u"win_probability").toArray()) {
        const auto o = item.toObject();
        detail.winProbability.append({o.value(u"play_id").toString(), o.value(u"home").toDouble()});
    }
    return detail;
}

} // namespace Endzone
