#include "teamgamesmodel.h"

#include "delayline.h"
#include "gameformat.h"
#include "gamemerge.h"
#include "logging.h"
#include "teamdirectory.h"
#include "teamdirectoryview.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {
constexpr std::array valueRoles {TeamGamesModel::EidRole, TeamGamesModel::SeasonRole, TeamGamesModel::WeekRole,
    TeamGamesModel::WeekLabelRole, TeamGamesModel::OpponentRole, TeamGamesModel::OpponentColorRole,
    TeamGamesModel::IsHomeRole, TeamGamesModel::TeamScoreRole, TeamGamesModel::OpponentScoreRole,
    TeamGamesModel::ResultRole, TeamGamesModel::StateTextRole, TeamGamesModel::KickoffRole};
}

TeamGamesModel::TeamGamesModel(GameStore *store, QObject *parent) : QAbstractListModel(parent), m_store(store)
{
    setDelayLine(nullptr);
}

void TeamGamesModel::setDelayLine(DelayLine *line)
{
    DelayLine::connectShownChanges(
        m_store, m_delayLine, line, this, [this](const Game &game) { onGameUpserted(game); });
}

bool TeamGamesModel::isHome(const Game &game) const
{
    if (const auto id = TeamDirectory::franchiseId(m_team, game.season))
        return GameMerge::homeFranchise(game) == *id;
    return game.home.abbreviation == m_team;
}

bool TeamGamesModel::involvesTeam(const Game &game) const
{
    if (m_team.isEmpty())
        return false;
    if (const auto id = TeamDirectory::franchiseId(m_team, game.season))
        return GameMerge::homeFranchise(game) == *id || GameMerge::visitorFranchise(game) == *id;
    return game.home.abbreviation == m_team || game.visitor.abbreviation == m_team;
}

void TeamGamesModel::onGameUpserted(const Game &game)
{
    if (!involvesTeam(game))
        return;
    const auto found = std::find_if(
        m_games.cbegin(), m_games.cend(), [&](const Game &shown) { return GameMerge::isSameGame(shown, game); });
    if (found == m_games.cend()) {
        if (!belongs(game))
            return;
        const auto at = std::find_if(
            m_games.cbegin(), m_games.cend(), [&](const Game &shown) { return shownBefore(game, shown); });
        const int row = int(at - m_games.cbegin());
        beginInsertRows({}, row, row);
        m_games.insert(row, game);
        endInsertRows();
        Q_EMIT gamesChanged();
        return;
    }
    int row = int(found - m_games.cbegin());
    QList<int> changed;
    for (const int role : valueRoles) {
        if (value(m_games.at(row), role) != value(game, role))
            changed.append(role);
    }
    if (changed.isEmpty())
        return;
    m_games[row] = game;
    // A rescheduled game moves to where its new kickoff sorts.
    int target = 0;
    for (int other = 0; other < m_games.size(); ++other) {
        if (other != row && shownBefore(m_games.at(other), game))
            ++target;
    }
    if (target != row) {
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_games.move(row, target);
        endMoveRows();
        row = target;
    }
    Q_EMIT dataChanged(index(row), index(row), changed);
    Q_EMIT gamesChanged();
}

int TeamGamesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_games.size());
}

QVariant TeamGamesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return value(m_games.at(index.row()), role == Qt::DisplayRole ? int(EidRole) : role);
}

QVariant TeamGamesModel::value(const Game &game, int role) const
{
    const bool home = isHome(game);
    const auto &own = home ? game.home : game.visitor;
    const auto &other = home ? game.visitor : game.home;
    switch (role) {
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
        return TeamDirectoryView::info(other.abbreviation).primary;
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
    if (m_delayLine) // a game with changes still held shows its released state
        std::transform(m_games.begin(), m_games.end(), m_games.begin(),
            [this](const Game &game) { return m_delayLine->shown(game); });
    endResetModel();
    Q_EMIT gamesChanged();
}

QString TeamGamesModel::record() const
{
    int w = 0, l = 0, t = 0;
    for (const auto &game : m_games) {
        if (!isFinal(game.state) || !game.home.score || !game.visitor.score)
            continue;
        const bool home = isHome(game);
        const int own = home ? *game.home.score : *game.visitor.score;
        const int other = home ? *game.visitor.score : *game.home.score;
        (own > other ? w : own < other ? l : t)++;
    }
    QString text = QString::number(w) + u'-' + QString::number(l);
    return t > 0 ? QString(text + u'-' + QString::number(t)) : text;
}

} // namespace Endzone
