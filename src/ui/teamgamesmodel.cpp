#include "teamgamesmodel.h"

#include "gameformat.h"
#include "logging.h"
#include "teamcolors.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

TeamGamesModel::TeamGamesModel(GameStore *store, QObject *parent) : QAbstractListModel(parent), m_store(store)
{
    connect(m_store, &GameStore::gameUpserted, this, [this](const Game &game) {
        if (!involvesTeam(game))
            return;
        for (int row = 0; row < m_games.size(); ++row) {
            if (m_games.at(row).eid == game.eid) {
                m_games[row] = game;
                Q_EMIT dataChanged(index(row), index(row));
                Q_EMIT gamesChanged();
                return;
            }
        }
    });
}

bool TeamGamesModel::involvesTeam(const Game &game) const
{
    return !m_team.isEmpty() && (game.home.abbreviation == m_team || game.visitor.abbreviation == m_team);
}

int TeamGamesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_games.size());
}

QVariant TeamGamesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &game = m_games.at(index.row());
    const bool home = game.home.abbreviation == m_team;
    const auto &own = home ? game.home : game.visitor;
    const auto &other = home ? game.visitor : game.home;
    switch (role) {
    case Qt::DisplayRole:
    case EidRole:
        return game.eid;
    case SeasonRole:
        return game.season;
    case WeekRole:
        return game.week;
    case WeekLabelRole:
        return GameFormat::weekLabel({game.season, game.seasonType, game.week});
    case OpponentRole:
        return other.abbreviation;
    case OpponentColorRole:
        return TeamColors::info(other.abbreviation).primary;
    case IsHomeRole:
        return home;
    case TeamScoreRole:
        return own.score.value_or(-1);
    case OpponentScoreRole:
        return other.score.value_or(-1);
    case ResultRole:
        if (!isFinal(game.state) || !own.score || !other.score)
            return QString();
        return *own.score > *other.score ? u"W"_s : *own.score < *other.score ? u"L"_s : u"T"_s;
    case StateTextRole:
        return GameFormat::stateText(game);
    case KickoffRole:
        return game.kickoff;
    }
    return {};
}

QHash<int, QByteArray> TeamGamesModel::roleNames() const
{
    return {{EidRole, "eid"}, {SeasonRole, "season"}, {WeekRole, "week"}, {WeekLabelRole, "weekLabel"},
        {OpponentRole, "opponent"}, {OpponentColorRole, "opponentColor"}, {IsHomeRole, "isHome"},
        {TeamScoreRole, "teamScore"}, {OpponentScoreRole, "opponentScore"}, {ResultRole, "result"},
        {StateTextRole, "stateText"}, {KickoffRole, "kickoff"}};
}

void TeamGamesModel::setTeam(const QString &team)
{
    if (team == m_team)
        return;
    m_team = team;
    Q_EMIT teamChanged();
    reload();
}

void TeamGamesModel::reload()
{
    auto games = m_team.isEmpty() ? Result<QList<Game>>(QList<Game> {}) : load();
    if (!games)
        qCWarning(lcUi) << "team games" << m_team << games.error();
    beginResetModel(); // another team or season: a different list, not a live update
    m_games = games ? games.value() : QList<Game> {};
    endResetModel();
    Q_EMIT gamesChanged();
}

QString TeamGamesModel::record() const
{
    int w = 0, l = 0, t = 0;
    for (const auto &game : m_games) {
        if (!isFinal(game.state) || !game.home.score || !game.visitor.score)
            continue;
        const bool home = game.home.abbreviation == m_team;
        const int own = home ? *game.home.score : *game.visitor.score;
        const int other = home ? *game.visitor.score : *game.home.score;
        (own > other ? w : own < other ? l : t)++;
    }
    QString text = QString::number(w) + u'-' + QString::number(l);
    return t > 0 ? QString(text + u'-' + QString::number(t)) : text;
}

} // namespace Endzone
