#pragma once

#include "game.h"
#include "gamedetail.h"
#include "result.h"
#include "scorestripparser.h"
#include "standings.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUrl>
#include <map>
#include <memory>

namespace Endzone {

// What an upsert did to one game.
enum class UpsertChange { Inserted, Updated, Unchanged };

struct UpsertedGame
{
    Game game;
    UpsertChange change = UpsertChange::Unchanged;
};

// Owns the persisted games, in PostgreSQL (QPSQL) or SQLite (QSQLITE), chosen by a URL:
// `postgresql://user:pass@host:port/db` or `sqlite:///path/file.sqlite`. Writes are transactional and use
// prepared statements; a whole batch of weeks commits or nothing does. Emits `gameUpserted` for every
// game whose stored row changed, so models can update row by row.
class GameStore : public QObject
{
    Q_OBJECT
public:
    ~GameStore() override;

    // Opens (and migrates) the database named by `url`. Each GameStore has its own connection.
    [[nodiscard]] static Result<std::unique_ptr<GameStore>> open(const QString &url, QObject *parent = nullptr);
    // The embedded default: SQLite in the user's data directory, `$XDG_DATA_HOME/endzone/endzone.sqlite`, the
    // same for every program.
    [[nodiscard]] static QString defaultUrl();
    [[nodiscard]] static QString defaultPath();
    // Moves a default store left by an older version under a program-specific path to the shared one, once
    // (when the shared one does not exist yet), with a log line.
    static void adoptOldDefaultStore();
    // `url` with any password replaced by "***", for logs and error messages.
    [[nodiscard]] static QString redactedUrl(const QString &url);

    [[nodiscard]] bool isPostgres() const;
    [[nodiscard]] int schemaVersion() const;
    // Checks the connection and reopens it if the server went away and came back.
    [[nodiscard]] bool ensureConnected() const;

    [[nodiscard]] Result<QList<UpsertedGame>> upsertWeek(const ParsedWeek &week);
    // Several weeks in one transaction; results in the order given.
    [[nodiscard]] Result<QList<QList<UpsertedGame>>> upsertWeeks(const QList<ParsedWeek> &weeks);

    [[nodiscard]] Result<QList<Game>> week(const WeekKey &key) const;
    [[nodiscard]] Result<std::optional<Game>> game(const QString &eid) const;
    // By either id a URL may carry: the scorestrip eid (10 digits) or the ESPN event id.
    [[nodiscard]] Result<std::optional<Game>> gameById(const QString &id) const;
    // The teams on bye in a week, as the source listed them (ESPN only).
    [[nodiscard]] Result<QStringList> byes(const WeekKey &key) const;

    // A game's detail for the game page, keyed to the game's row. A detail with no drives and no scoring
    // plays never replaces one that has them (a failed or early summary must not erase what was shown).
    [[nodiscard]] Result<Done> storeDetail(const QString &eid, const GameDetail &detail);
    [[nodiscard]] Result<std::optional<GameDetail>> detail(const QString &eid) const;
    [[nodiscard]] Result<QList<Game>> teamSeason(int season, const QString &team) const;
    // Every game of `team` across all stored seasons, newest first.
    [[nodiscard]] Result<QList<Game>> teamGames(const QString &team) const;
    [[nodiscard]] Result<QList<Standing>> standings(int season) const; // sorted by wins, then point difference
    [[nodiscard]] Result<QList<int>> seasons() const;
    [[nodiscard]] Result<QList<WeekKey>> weeks(int season) const;
    [[nodiscard]] Result<int> gameCount() const;

Q_SIGNALS:
    void gameUpserted(const Endzone::Game &game);

private:
    explicit GameStore(QString connectionName, QObject *parent);
    Result<Done> migrate();
    // After migration 2: the franchise ids of rows stored before it, from the team directory.
    Result<Done> fillFranchises();
    Result<QList<UpsertedGame>> writeWeek(const ParsedWeek &week);
    Result<QList<Game>> selectGames(const QString &where, const QVariantList &bindings) const;
    template<typename T, typename Row>
    Result<QList<T>> selectList(const QString &sql, const QVariantList &bindings, Row row) const;
    // Runs a read; when it fails, reconnects once and runs it again (a restarted server drops our connection),
    // so every reader recovers by itself. A failure then says the database is unavailable.
    template<typename T, typename Attempt>
    Result<T> read(Attempt attempt) const;
    // Runs a write the same way: reconnect once on failure; a failure then names the store.
    template<typename T, typename Attempt>
    Result<T> write(Attempt attempt);
    // Why ensureConnected() last failed to reconnect.
    [[nodiscard]] QString connectError() const;

    // After a write that inserted `inserted` rows: ANALYZE on PostgreSQL once the table has grown enough.
    void refreshStatistics(qint64 inserted);

    // Prepared statements by SQL text, reused for every week (cleared when the connection is reopened).
    QSqlQuery &statement(const QString &sql) const;
    mutable std::map<QString, QSqlQuery> m_statements;
    QString m_connectionName;
    QString m_url;
    qint64 m_rowsAtAnalyze = 0; // rows this store had inserted when it last refreshed the statistics
    qint64 m_insertedSinceAnalyze = 0;
};

} // namespace Endzone
