#include "scoreboardmodel.h"
#include "gamemerge.h"

#include "delayline.h"
#include "favouritescontroller.h"
#include "gameformat.h"
#include "gamestore.h"
#include "logging.h"
#include "teamdirectoryview.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

ScoreboardModel::ScoreboardModel(GameStore *store, QObject *parent) : QAbstractListModel(parent), m_store(store)
{
    setDelayLine(nullptr);
}

void ScoreboardModel::setDelayLine(DelayLine *line)
{
    DelayLine::connectShownChanges(
        m_store, m_delayLine, line, this, [this](const Game &game) { onGameUpserted(game); });
}

int ScoreboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ScoreboardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return value(m_rows.at(index.row()), role);
}

// Timeouts a team has left in the half, -1 when the source does not say (the card then draws no pips).
static int timeoutsLeft(const std::optional<int> &timeouts)
{
    return timeouts ? std::clamp(*timeouts, 0, 3) : -1;
}

QVariant ScoreboardModel::value(const Row &row, int role) const
{
    const auto &game = row.game;
    // The situation describes a game in progress: stale values a source leaves on a final game stay hidden,
    // and at halftime there is no down to play.
    const bool live = isLive(game.state);
    const bool inPlay = live && game.state != GameState::Halftime;
    switch (role) {
    case Qt::DisplayRole:
        // At a neutral site neither side is at home: "KC vs LAC".
        return game.neutralSite
            ? tr("%1 vs %2", "neutral site: visitor, home").arg(game.visitor.abbreviation, game.home.abbreviation)
            : tr("%1 @ %2", "visitor at home").arg(game.visitor.abbreviation, game.home.abbreviation);
    case EidRole:
        return game.eid;
    case HomeAbbrRole:
        return game.home.abbreviation;
    case HomeNicknameRole:
        return TeamDirectoryView::displayNickname(game.home.nickname);
    case HomeScoreRole:
        return game.home.score.value_or(-1);
    case HomeColorRole:
        return TeamDirectoryView::info(game.home.abbreviation).primary;
    case VisitorAbbrRole:
        return game.visitor.abbreviation;
    case VisitorNicknameRole:
        return TeamDirectoryView::displayNickname(game.visitor.nickname);
    case VisitorScoreRole:
        return game.visitor.score.value_or(-1);
    case VisitorColorRole:
        return TeamDirectoryView::info(game.visitor.abbreviation).primary;
    case StateRole:
        return gameStateCode(game.state);
    case StateTextRole:
        return GameFormat::stateText(game);
    case ClockRole:
        return game.clock;
    case IsLiveRole:
        return isLive(game.state);
    case IsFinalRole:
        return isFinal(game.state);
    case PossessionRole:
        return isLive(game.state) ? game.possession : QString();
    case RedZoneRole:
        return isLive(game.state) && game.redZone;
    case KickoffRole:
        return game.kickoff;
    case KickoffLocalRole:
        return GameFormat::kickoffText(game.kickoff);
    case FavouriteRole:
        return row.favouriteRank >= 0;
    case FavouriteRankRole:
        return row.favouriteRank;
    case DownDistanceRole:
        return inPlay ? game.downAndDistance() : QString();
    case BallOnRole:
        return inPlay ? game.ballOn : QString();
    case HomeTimeoutsRole:
        return timeoutsLeft(live ? game.homeTimeouts : std::nullopt);
    case VisitorTimeoutsRole:
        return timeoutsLeft(live ? game.visitorTimeouts : std::nullopt);
    case LastPlayRole:
        return live ? game.lastPlay.simplified() : QString();
    case HomeWinProbabilityRole:
        return live && game.homeWinProbability ? std::clamp(*game.homeWinProbability, 0.0, 1.0) : -1.0;
    case VenueRole:
        return game.venue;
    case VenueCityRole:
        return game.venueCity;
    case NeutralSiteRole:
        return game.neutralSite;
    case BroadcastRole:
        return game.broadcast;
    case ProgressRole:
        return game.progress();
    }
    return {};
}

QHash<int, QByteArray> ScoreboardModel::roleNames() const
{
    return {
        {Qt::DisplayRole, "display"},
        {EidRole, "eid"},
        {HomeAbbrRole, "homeAbbr"},
        {HomeNicknameRole, "homeNickname"},
        {HomeScoreRole, "homeScore"},
        {HomeColorRole, "homeColor"},
        {VisitorAbbrRole, "visitorAbbr"},
        {VisitorNicknameRole, "visitorNickname"},
        {VisitorScoreRole, "visitorScore"},
        {VisitorColorRole, "visitorColor"},
        {StateRole, "gameState"},
        {StateTextRole, "stateText"},
        {ClockRole, "clock"},
        {IsLiveRole, "isLive"},
        {IsFinalRole, "isFinal"},
        {PossessionRole, "possession"},
        {RedZoneRole, "redZone"},
        {KickoffRole, "kickoff"},
        {KickoffLocalRole, "kickoffLocal"},
        {FavouriteRole, "favourite"},
        {DownDistanceRole, "downDistance"},
        {BallOnRole, "ballOn"},
        {HomeTimeoutsRole, "homeTimeouts"},
        {VisitorTimeoutsRole, "visitorTimeouts"},
        {LastPlayRole, "lastPlay"},
        {HomeWinProbabilityRole, "homeWinProbability"},
        {VenueRole, "venue"},
        {VenueCityRole, "venueCity"},
        {NeutralSiteRole, "neutralSite"},
        {BroadcastRole, "broadcast"},
        {FavouriteRankRole, "favouriteRank"},
        {ProgressRole, "progress"},
    };
}

void ScoreboardModel::setFavourites(FavouritesController *favourites)
{
    if (m_favourites)
        disconnect(m_favourites, nullptr, this, nullptr);
    m_favourites = favourites;
    if (favourites)
        connect(favourites, &FavouritesController::teamsChanged, this, &ScoreboardModel::rerank);
    rerank();
}

FavouritesController *ScoreboardModel::favourites() const
{
    return m_favourites;
}

int ScoreboardModel::favouriteRank(const Game &game) const
{
    return m_favourites ? m_favourites->rank(game) : -1;
}

void ScoreboardModel::rerank()
{
    // Every row through the same path as a live change: rows move to their new rank, roles update.
    for (int i = 0; i < m_rows.size(); ++i) {
        const auto &game = m_rows.at(i).game;
        if (const int rank = favouriteRank(game); rank != m_rows.at(i).favouriteRank) {
            updateRow(i, {game, rank});
            i = -1; // rows moved: start over; each row reaches its rank once, so this ends
        }
    }
}

bool ScoreboardModel::lessThan(const Row &a, const Row &b) const
{
    // Favourites first, the first favourite's game before the second's; then by kickoff.
    if (a.favouriteRank != b.favouriteRank)
        return b.favouriteRank < 0 || (a.favouriteRank >= 0 && a.favouriteRank < b.favouriteRank);
    if (a.game.kickoff != b.game.kickoff)
        return a.game.kickoff < b.game.kickoff;
    return a.game.eid < b.game.eid;
}

int ScoreboardModel::sortedPosition(const Row &row) const
{
    const auto it = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), row, [this](const Row &a, const Row &b) { return lessThan(a, b); });
    return int(it - m_rows.cbegin());
}

void ScoreboardModel::setWeek(const WeekKey &key)
{
    // Through the delay line, a game with pending changes loads as the user last saw it.
    auto games = m_delayLine ? m_delayLine->week(key) : m_store->week(key);
    if (!games)
        qCWarning(lcUi) << "cannot load" << key.toString() << games.error();
    beginResetModel();
    m_key = key;
    m_rows.clear();
    if (games) {
        for (const auto &game : games.value())
            m_rows.append({game, favouriteRank(game)});
    }
    std::sort(m_rows.begin(), m_rows.end(), [this](const Row &a, const Row &b) { return lessThan(a, b); });
    endResetModel();
    Q_EMIT weekChanged();
    Q_EMIT countChanged();
    updateLiveCount();
    loadByes();
    Q_EMIT weekRequested(key);
}

void ScoreboardModel::loadByes()
{
    const auto byes = m_store->byes(m_key);
    const QStringList teams = byes ? byes.value() : QStringList {};
    if (teams == m_byes)
        return;
    m_byes = teams;
    Q_EMIT byesChanged();
}

void ScoreboardModel::onGameUpserted(const Game &game)
{
    // A week's byes are stored with its games: the first games of the shown week bring them.
    if (m_byes.isEmpty() && game.season == m_key.season && game.seasonType == m_key.type && game.week == m_key.week)
        loadByes();
    // A rescheduled or re-keyed game is the same row: the store's own rule (GameMerge) says so.
    auto it = std::find_if(
        m_rows.cbegin(), m_rows.cend(), [&game](const Row &row) { return GameMerge::isSameGame(row.game, game); });
    const int row = it == m_rows.cend() ? -1 : int(it - m_rows.cbegin());
    const bool inWeek = game.season == m_key.season && game.seasonType == m_key.type && game.week == m_key.week;
    if (!inWeek) {
        if (row >= 0)
            removeRow(row); // rescheduled into another week
        return;
    }
    Row updated {game, favouriteRank(game)};
    if (row >= 0) {
        updateRow(row, std::move(updated));
        return;
    }
    const int position = sortedPosition(updated);
    beginInsertRows({}, position, position);
    m_rows.insert(position, std::move(updated));
    endInsertRows();
    Q_EMIT countChanged();
    updateLiveCount();
}

void ScoreboardModel::updateRow(int row, Row updated)
{
    QList<int> roles;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (value(m_rows.at(row), it.key()) != value(updated, it.key()))
            roles.append(it.key());
    }
    const bool sameSortKey = !lessThan(m_rows.at(row), updated) && !lessThan(updated, m_rows.at(row));
    m_rows[row] = std::move(updated);
    if (!sameSortKey) {
        // Where it belongs among the other rows, then the destination in beginMoveRows' terms.
        auto moving = m_rows.takeAt(row);
        const int position = sortedPosition(moving);
        m_rows.insert(row, std::move(moving));
        if (position != row) {
            beginMoveRows({}, row, row, {}, position > row ? position + 1 : position);
            m_rows.move(row, position);
            endMoveRows();
            row = position;
        }
    }
    if (roles.isEmpty())
        return;
    std::sort(roles.begin(), roles.end());
    const auto changed = index(row);
    Q_EMIT dataChanged(changed, changed, roles);
    if (roles.contains(IsLiveRole))
        updateLiveCount();
}

void ScoreboardModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    updateLiveCount();
}

void ScoreboardModel::updateLiveCount()
{
    const int live
        = int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return isLive(r.game.state); }));
    if (live != m_liveCount) {
        m_liveCount = live;
        Q_EMIT liveCountChanged();
    }
}

} // namespace Endzone
