#include "gamedetailcontroller.h"
#include "delayline.h"
#include "gameformat.h"
#include "gamestore.h"
#include "logging.h"
#include "teamdirectoryview.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

GameDetailController::GameDetailController(GameStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_lineScore(new LineScoreModel(this))
    , m_scoringPlays(new ScoringPlayModel(this))
    , m_drives(new DriveModel(this))
    , m_playModel(new PlayModel(this))
    , m_plays(new PlayFilterModel(this))
    , m_winProbability(new WinProbabilityModel(this))
{
    m_plays->setSourceModel(m_playModel);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &GameDetailController::maybeFetch);
    m_heldTimer.setSingleShot(true);
    connect(&m_heldTimer, &QTimer::timeout, this, &GameDetailController::releaseDueDetail);
    setDelayLine(nullptr);
}

void GameDetailController::setDelayLine(DelayLine *line)
{
    DelayLine::connectShownChanges(
        m_store, m_delayLine, line, this, [this](const Game &game) { onGameUpserted(game); });
}

GameDetailController::~GameDetailController()
{
    // An aborted fetch resumes at once, inside this destructor: the new generation makes it return untouched.
    ++m_generation;
    if (m_feed)
        m_feed->abortAll();
}

void GameDetailController::setFeedUrl(const QUrl &url, FeedSource source)
{
    ++m_generation; // a fetch from the old feed is discarded
    m_fetching = false;
    m_refreshTimer.stop();
    if (m_feed) {
        m_feed->abortAll();
        m_feed->deleteLater();
    }
    // A page waits for its summary: one quick retry, then it says the fetch failed.
    FeedClient::Options options {8000, 1, 250};
    options.source = source;
    m_feed = url.isValid() ? new FeedClient(url, options, this) : nullptr;
}

void GameDetailController::open(const QString &eid)
{
    ++m_generation;
    m_fetching = false;
    m_error.clear();
    m_refreshTimer.stop();
    m_held.clear();
    m_heldTimer.stop();
    std::optional<Game> game;
    if (m_store) {
        if (auto stored = m_store->gameById(eid); stored) {
            game = stored.value();
            if (game && m_delayLine)
                game = m_delayLine->shown(*game);
        } else
            m_error = stored.error();
    }
    const bool sameGame = game && m_game && game->eid == m_game->eid;
    m_game = game;
    if (!sameGame)
        m_detail.reset();
    Q_EMIT gameChanged();
    loadDetail();
    maybeFetch();
    Q_EMIT statusChanged();
}

void GameDetailController::close()
{
    ++m_generation;
    m_fetching = false;
    m_refreshTimer.stop();
    m_held.clear();
    m_heldTimer.stop();
    m_game.reset();
    m_detail.reset();
    m_error.clear();
    applyDetail();
    Q_EMIT gameChanged();
    Q_EMIT statusChanged();
}

void GameDetailController::onGameUpserted(const Game &game)
{
    if (!m_game || game.eid != m_game->eid)
        return;
    m_game = game;
    Q_EMIT gameChanged();
    maybeFetch();
}

void GameDetailController::loadDetail()
{
    if (m_game && m_store) {
        const auto stored = m_store->detail(m_game->eid);
        if (stored && stored.value()) {
            present(*stored.value());
            return;
        }
        if (stored)
            m_detail.reset(); // none stored yet
        else
            qCWarning(lcUi).noquote() << "detail of game" << m_game->eid << "unavailable:" << stored.error();
    }
    applyDetail();
}

bool GameDetailController::detailWaitsForDelay() const
{
    if (!m_delayLine || m_delayLine->delay() == 0 || !m_game)
        return false;
    // A game the board already shows as final has nothing left to spoil; any other may have plays the board
    // does not show yet. (A summary stored before the page opened is taken as arriving now: its age is unknown.)
    return !Endzone::isFinal(m_game->state);
}

void GameDetailController::present(const GameDetail &detail)
{
    if (detail.isEmpty() || !detailWaitsForDelay()) {
        m_detail = detail;
        applyDetail();
        return;
    }
    const bool firstHeld = m_held.empty();
    m_held.push_back({m_delayLine->now().addSecs(m_delayLine->delay()), detail});
    if (firstHeld)
        releaseDueDetail();
    if (!m_detail)
        Q_EMIT statusChanged(); // the message says the plays follow the delay
}

void GameDetailController::releaseDueDetail()
{
    const auto now = m_delayLine ? m_delayLine->now() : QDateTime::currentDateTimeUtc();
    // Every summary waits the same delay, so the queue is in due order; the newest due one is what the page shows.
    std::optional<GameDetail> due;
    while (!m_held.empty() && m_held.front().due <= now) {
        due = std::move(m_held.front().detail);
        m_held.pop_front();
    }
    if (due) {
        m_detail = std::move(due);
        applyDetail();
        Q_EMIT statusChanged();
    }
    if (!m_held.empty())
        m_heldTimer.start(std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(m_held.front().due))));
}

void GameDetailController::applyDetail()
{
    const GameDetail detail = m_detail.value_or(GameDetail {});
    const bool hadPlays = hasPlays();
    m_lineScore->setLineScore(detail.visitorLinescore, detail.homeLinescore);
    m_scoringPlays->setScoringPlays(detail.scoringPlays);
    m_drives->setDrives(detail.drives, homeAbbr());
    m_playModel->setDrives(detail.drives);
    m_winProbability->setDetail(detail);
    if (hadPlays != hasPlays())
        Q_EMIT statusChanged();
}

void GameDetailController::maybeFetch()
{
    if (!m_game || m_fetching)
        return;
    const bool espnFeed = m_feed && m_feed->source() == FeedSource::Espn;
    if (m_policy.wantsSummary(espnFeed, m_game, m_detail)) {
        m_fetching = true;
        m_policy.noteFetch(m_game->espnId);
        ++m_fetchCount;
        Q_EMIT statusChanged();
        fetchSummary(m_game->espnId, m_generation);
    } else if (espnFeed && isLive() && espnGame() && !m_refreshTimer.isActive()) {
        m_refreshTimer.start(int(std::max<qint64>(1, m_policy.msUntilRefresh(m_game->espnId))));
    }
}

QCoro::Task<> GameDetailController::fetchSummary(QString espnId, quint64 generation)
{
    QPointer self {this};
    QPointer feed {m_feed};
    const auto summary = co_await feed->fetchSummary(espnId);
    if (!self || generation != m_generation || !m_game)
        co_return;
    m_fetching = false;
    const QString eid = m_game->eid;
    if (!summary) {
        m_error = summary.error();
        qCWarning(lcUi).noquote() << "summary of game" << espnId << "unavailable:" << m_error;
    } else {
        m_error.clear();
        if (const auto kept = m_store->storeDetail(eid, summary.value().detail); !kept) {
            m_error = kept.error();
            present(summary.value().detail); // shown even when the store cannot keep it
        } else {
            loadDetail();
        }
    }
    Q_EMIT statusChanged();
    Q_EMIT summaryFetched(eid, m_error);
    maybeFetch(); // the game may have moved on (gone final) while the summary was on its way
}

QString GameDetailController::homeName() const
{
    return m_game ? TeamDirectoryView::displayNickname(m_game->home.nickname) : QString();
}

QString GameDetailController::visitorName() const
{
    return m_game ? TeamDirectoryView::displayNickname(m_game->visitor.nickname) : QString();
}

QColor GameDetailController::homeColor() const
{
    return m_game ? TeamDirectoryView::info(m_game->home.abbreviation, m_game->season).primary : QColor();
}

QColor GameDetailController::visitorColor() const
{
    return m_game ? TeamDirectoryView::info(m_game->visitor.abbreviation, m_game->season).primary : QColor();
}

QString GameDetailController::stateText() const
{
    return m_game ? GameFormat::stateText(*m_game) : QString();
}

QString GameDetailController::venue() const
{
    if (!m_game || m_game->venue.isEmpty())
        return {};
    return m_game->venueCity.isEmpty() ? m_game->venue : tr("%1, %2").arg(m_game->venue, m_game->venueCity);
}

QString GameDetailController::kickoffText() const
{
    if (!m_game || !m_game->kickoff.isValid())
        return {};
    const auto local = m_game->kickoff.toLocalTime();
    const QLocale locale;
    auto format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    return locale.toString(local.date(), QLocale::LongFormat) + u", "_s + locale.toString(local.time(), format);
}

QString GameDetailController::message() const
{
    if (!m_game)
        return m_error.isEmpty() ? QString() : tr("This game is not in the store: %1").arg(m_error);
    if (hasPlays())
        return m_error.isEmpty() ? QString() : tr("Could not refresh the plays: %1").arg(m_error);
    if (!m_held.empty())
        return tr("The plays follow your spoiler delay: they appear %n second(s) after they arrive.", nullptr,
            m_delayLine->delay());
    if (!espnGame())
        return tr("Drives and plays need the ESPN source; this game came from the scorestrip feed.");
    if (m_fetching)
        return tr("Fetching the plays…");
    if (!m_error.isEmpty())
        return tr("Could not fetch the plays: %1").arg(m_error);
    if (!m_feed || m_feed->source() != FeedSource::Espn)
        return tr("Drives and plays need the ESPN source.");
    if (m_game->state == GameState::Pregame)
        return tr("No plays yet: the game has not kicked off.");
    return tr("The summary of this game has no plays yet.");
}

} // namespace Endzone
