#include "gamealerts.h"

#include "teamdirectory.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

int scoreOf(const TeamSide &side)
{
    return side.score.value_or(0);
}

// "08:11" -> "8:11": how a fan reads a game clock.
QString readableClock(const QString &clock)
{
    return clock.size() == 5 && clock.startsWith(u'0') ? clock.mid(1) : clock;
}

} // namespace

QString GameAlerts::leader(const Game &game)
{
    const int home = scoreOf(game.home);
    const int visitor = scoreOf(game.visitor);
    if (home == visitor)
        return {};
    return home > visitor ? game.home.abbreviation : game.visitor.abbreviation;
}

QString GameAlerts::teamName(const TeamSide &side, int season)
{
    const auto id = TeamDirectory::franchiseId(side.abbreviation, season, side.nickname);
    QString name = id ? TeamDirectory::nickname(*id, season) : side.nickname;
    if (name.isEmpty())
        return side.abbreviation;
    // The directory keeps nicknames in lower case, as the scorestrip has them: "football team" -> "Football Team".
    bool wordStart = true;
    for (auto &c : name) {
        if (wordStart)
            c = c.toUpper();
        wordStart = c.isSpace();
    }
    return name;
}

QString GameAlerts::periodText(const Game &game)
{
    QString period;
    switch (game.state) {
    case GameState::Pregame:
        return tr("Before kickoff");
    case GameState::Quarter1:
        period = tr("1st quarter");
        break;
    case GameState::Quarter2:
        period = tr("2nd quarter");
        break;
    case GameState::Quarter3:
        period = tr("3rd quarter");
        break;
    case GameState::Quarter4:
        period = tr("4th quarter");
        break;
    case GameState::Halftime:
        return tr("Halftime");
    case GameState::Overtime:
        period = tr("Overtime");
        break;
    case GameState::Final:
        return tr("Final");
    case GameState::FinalOvertime:
        return tr("Final after overtime");
    }
    if (game.clock.isEmpty())
        return period;
    return tr("%1 %2", "period and game clock").arg(period, readableClock(game.clock));
}

QString GameAlerts::scoreLine(const Game &game)
{
    const QString score = tr("%1 %2, %3 %4", "visitor, its score, home, its score")
                              .arg(game.visitor.abbreviation)
                              .arg(scoreOf(game.visitor))
                              .arg(game.home.abbreviation)
                              .arg(scoreOf(game.home));
    if (isFinal(game.state))
        return score;
    return tr("%1 · %2", "score line and period").arg(score, periodText(game));
}

QList<Alert> GameAlerts::between(const Game &before, const Game &after, const QString &lastLeader)
{
    QList<Alert> alerts;
    const bool wasOn = isLive(before.state);
    const bool wasFinal = isFinal(before.state);
    const bool nowOn = isLive(after.state);
    const bool nowFinal = isFinal(after.state);
    if (wasFinal)
        return alerts; // a correction after the final is not news
    auto add = [&](Alert::Kind kind, const QString &summary, const QString &body) {
        alerts.append({kind, after.eid, summary, body});
    };
    const QString homeName = teamName(after.home, after.season);
    const QString visitorName = teamName(after.visitor, after.season);

    if (before.state == GameState::Pregame && nowOn)
        add(Alert::Kind::Kickoff, tr("Kickoff: %1 at %2").arg(visitorName, homeName), scoreLine(after));

    // Scores and lead changes while the game is on, or on the update that ends it; a game that went from
    // before kickoff straight to final (the app was closed) reports only the final.
    if (wasOn || nowOn) {
        const int visitorPoints = scoreOf(after.visitor) - scoreOf(before.visitor);
        const int homePoints = scoreOf(after.home) - scoreOf(before.home);
        const bool oneScorer = (visitorPoints > 0) != (homePoints > 0);
        const bool newPlay = !after.lastPlay.isEmpty() && after.lastPlay != before.lastPlay;
        const QString play = oneScorer && newPlay ? u"\n"_s + after.lastPlay : QString();
        if (visitorPoints > 0)
            add(Alert::Kind::Score,
                tr("%1 +%2", "team name and the points it just scored").arg(visitorName).arg(visitorPoints),
                scoreLine(after) + play);
        if (homePoints > 0)
            add(Alert::Kind::Score,
                tr("%1 +%2", "team name and the points it just scored").arg(homeName).arg(homePoints),
                scoreLine(after) + play);
        const QString now = leader(after);
        if (!now.isEmpty() && !lastLeader.isEmpty() && now != lastLeader) {
            const QString name = now == after.home.abbreviation ? homeName : visitorName;
            add(Alert::Kind::LeadChange, tr("Lead change: %1 lead").arg(name), scoreLine(after));
        }
    }

    if (nowFinal) {
        const QString winner = leader(after);
        const bool overtime = after.state == GameState::FinalOvertime;
        QString summary;
        if (winner.isEmpty())
            summary = overtime ? tr("Final after overtime: tie") : tr("Final: tie");
        else {
            const QString name = winner == after.home.abbreviation ? homeName : visitorName;
            summary = overtime ? tr("Final after overtime: %1 win").arg(name) : tr("Final: %1 win").arg(name);
        }
        add(Alert::Kind::Final, summary, scoreLine(after));
    }
    return alerts;
}

} // namespace Endzone
