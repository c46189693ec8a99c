#pragma once

#include "detailrefreshpolicy.h"
#include "drivemodel.h"
#include "feedclient.h"
#include "game.h"
#include "gamedetail.h"
#include "linescoremodel.h"
#include "playfiltermodel.h"
#include "playmodel.h"
#include "scoringplaymodel.h"
#include "winprobabilitymodel.h"

#include <QColor>
#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <deque>

namespace Endzone {

class DelayLine;
class GameStore;

// The game page's facade: opens one game at a time and keeps its models (line score, scoring summary, drives,
// play-by-play, win probability) up to date with the store. The ESPN summary is fetched when DetailRefreshPolicy
// says so, the rule /api/games/{id} follows too: when the page opens on a game without detail, while the game
// is live (each live update of the game asks; at most one fetch per 10 s, and an update inside that window is
// caught up when it ends), and once when it goes final. What is fetched goes to the store first, and the page
// shows what the store then holds. Fetches never block: they run as coroutines, and a stale one (the page was
// closed or another game opened) is discarded.
// Behind a spoiler delay (setDelayLine) the page shows the game as the board does: the header follows the delay
// line's released states, and a summary is shown `delay` after it arrived; until then the page says so.
class GameDetailController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    Q_PROPERTY(QString eid READ eid NOTIFY gameChanged)
    Q_PROPERTY(bool hasGame READ hasGame NOTIFY gameChanged)
    Q_PROPERTY(QString homeAbbr READ homeAbbr NOTIFY gameChanged)
    Q_PROPERTY(QString visitorAbbr READ visitorAbbr NOTIFY gameChanged)
    Q_PROPERTY(QString homeName READ homeName NOTIFY gameChanged)
    Q_PROPERTY(QString visitorName READ visitorName NOTIFY gameChanged)
    Q_PROPERTY(int homeScore READ homeScore NOTIFY gameChanged)
    Q_PROPERTY(int visitorScore READ visitorScore NOTIFY gameChanged)
    Q_PROPERTY(QColor homeColor READ homeColor NOTIFY gameChanged)
    Q_PROPERTY(QColor visitorColor READ visitorColor NOTIFY gameChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY gameChanged)
    Q_PROPERTY(bool isLive READ isLive NOTIFY gameChanged)
    Q_PROPERTY(bool isFinal READ isFinal NOTIFY gameChanged)
    Q_PROPERTY(QString venue READ venue NOTIFY gameChanged)
    Q_PROPERTY(QString broadcast READ broadcast NOTIFY gameChanged)
    Q_PROPERTY(QString kickoffText READ kickoffText NOTIFY gameChanged)
    Q_PROPERTY(bool espnGame READ espnGame NOTIFY gameChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY statusChanged)
    Q_PROPERTY(bool hasPlays READ hasPlays NOTIFY statusChanged)
    Q_PROPERTY(QString message READ message NOTIFY statusChanged)
    Q_PROPERTY(Endzone::LineScoreModel *lineScore READ lineScore CONSTANT)
    Q_PROPERTY(Endzone::ScoringPlayModel *scoringPlays READ scoringPlays CONSTANT)
    Q_PROPERTY(Endzone::DriveModel *drives READ drives CONSTANT)
    Q_PROPERTY(Endzone::PlayFilterModel *plays READ plays CONSTANT)
    Q_PROPERTY(Endzone::WinProbabilityModel *winProbability READ winProbability CONSTANT)
public:
    explicit GameDetailController(GameStore *store, QObject *parent = nullptr);
    ~GameDetailController() override;

    // Where summaries come from; a scorestrip feed (or none) fetches nothing.
    void setFeedUrl(const QUrl &url, FeedSource source);
    // The spoiler delay the board follows; null (the default) shows every change at once.
    void setDelayLine(DelayLine *line);
    // Shows the newest held summary whose delay has passed; a timer calls this, tests with a fake clock too.
    void releaseDueDetail();
    // Tests: the policy's clock.
    void setPolicyClock(DetailRefreshPolicy::Clock clock) { m_policy = DetailRefreshPolicy(std::move(clock)); }

    Q_INVOKABLE void open(const QString &eid);
    Q_INVOKABLE void close();

    [[nodiscard]] QString eid() const { return m_game ? m_game->eid : QString(); }
    [[nodiscard]] bool hasGame() const { return m_game.has_value(); }
    [[nodiscard]] QString homeAbbr() const { return m_game ? m_game->home.abbreviation : QString(); }
    [[nodiscard]] QString visitorAbbr() const { return m_game ? m_game->visitor.abbreviation : QString(); }
    [[nodiscard]] QString homeName() const;
    [[nodiscard]] QString visitorName() const;
    [[nodiscard]] int homeScore() const { return m_game ? m_game->home.score.value_or(-1) : -1; }
    [[nodiscard]] int visitorScore() const { return m_game ? m_game->visitor.score.value_or(-1) : -1; }
    [[nodiscard]] QColor homeColor() const;
    [[nodiscard]] QColor visitorColor() const;
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] bool isLive() const { return m_game && Endzone::isLive(m_game->state); }
    [[nodiscard]] bool isFinal() const { return m_game && Endzone::isFinal(m_game->state); }
    [[nodiscard]] QString venue() const;
    [[nodiscard]] QString broadcast() const { return m_game ? m_game->broadcast : QString(); }
    [[nodiscard]] QString kickoffText() const;
    [[nodiscard]] bool espnGame() const { return m_game && !m_game->espnId.isEmpty(); }
    [[nodiscard]] bool loading() const { return m_fetching; }
    [[nodiscard]] bool hasPlays() const { return m_playModel->rowCount() > 0; }
    // One line saying why there is nothing (more) to show, or why the last fetch failed; empty otherwise.
    [[nodiscard]] QString message() const;

    [[nodiscard]] LineScoreModel *lineScore() const { return m_lineScore; }
    [[nodiscard]] ScoringPlayModel *scoringPlays() const { return m_scoringPlays; }
    [[nodiscard]] DriveModel *drives() const { return m_drives; }
    [[nodiscard]] PlayModel *playModel() const { return m_playModel; }
    [[nodiscard]] PlayFilterModel *plays() const { return m_plays; }
    [[nodiscard]] WinProbabilityModel *winProbability() const { return m_winProbability; }
    [[nodiscard]] int fetchCount() const { return m_fetchCount; }

Q_SIGNALS:
    void gameChanged();
    void statusChanged();
    // A summary fetch ended (stored, or failed with `error`).
    void summaryFetched(const QString &eid, const QString &error);

private:
    void onGameUpserted(const Endzone::Game &game);
    void loadDetail();
    // Shows a detail now, or queues it until the spoiler delay has passed since it arrived.
    void present(const GameDetail &detail);
    [[nodiscard]] bool detailWaitsForDelay() const;
    void applyDetail();
    void maybeFetch();
    QCoro::Task<> fetchSummary(QString espnId, quint64 generation);

    struct HeldDetail
    {
        QDateTime due;
        GameDetail detail;
    };

    GameStore *m_store;
    DelayLine *m_delayLine = nullptr;
    std::deque<HeldDetail> m_held; // summaries of the open game waiting out the spoiler delay, oldest first
    QTimer m_heldTimer;
    FeedClient *m_feed = nullptr;
    DetailRefreshPolicy m_policy;
    std::optional<Game> m_game;
    std::optional<GameDetail> m_detail;
    bool m_fetching = false;
    QString m_error;
    quint64 m_generation = 0; // bumped by open() and close(): a fetch of an older page is discarded
    int m_fetchCount = 0;
    QTimer m_refreshTimer; // a live update inside the policy's window is caught up when the window ends
    LineScoreModel *m_lineScore;
    ScoringPlayModel *m_scoringPlays;
    DriveModel *m_drives;
    PlayModel *m_playModel;
    PlayFilterModel *m_plays;
    WinProbabilityModel *m_winProbability;
};

} // namespace Endzone
