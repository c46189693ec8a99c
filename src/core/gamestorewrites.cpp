#include "gamemerge.h"
#include "gamerows.h"
#include "gamestore.h"
#include "logging.h"
#include "schema.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

// GameStore's writes: the upsert of a week (matching what is stored across eids, ESPN ids, reschedules and
// sources, then one multi-row statement for what changed), batches of weeks in one transaction, and details.
namespace Endzone {

Result<QList<UpsertedGame>> GameStore::writeWeek(const ParsedWeek &week)
{
    using R = Result<QList<UpsertedGame>>;
    if (!week.byes.isEmpty()) {
        auto &byes = statement(u"INSERT INTO week_byes (season, season_type, week, teams) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT (season, season_type, week) DO UPDATE SET teams = excluded.teams"_s);
        byes.bindValue(0, week.key.season);
        byes.bindValue(1, seasonTypeCode(week.key.type));
        byes.bindValue(2, week.key.week);
        byes.bindValue(3, week.byes.join(u','));
        if (!byes.exec())
            return R::failure(GameRows::sqlError(byes.lastError()));
    }
    if (week.games.isEmpty())
        return QList<UpsertedGame> {};
    // One read of what is stored for these games: by eid; by ESPN id; by gsis plus matchup to catch a
    // rescheduled game; and by season, type and franchises to find the same game delivered by the other source.
    // The matchup is in the gsis check because old feeds reuse placeholder keys ("0", "8224") for hundreds of
    // different games, which would otherwise all be read back for every week.
    QStringList eids, checks;
    QVariantList checkBindings;
    QList<int> seasons;
    for (const auto &game : week.games) {
        if (eids.contains(game.eid))
            return R::failure(u"game %1 appears twice in the week"_s.arg(game.eid));
        eids.append(game.eid);
        if (!seasons.contains(game.season))
            seasons.append(game.season);
        if (GameMerge::hasGsis(game)) {
            checks.append(u"(gsis = ? AND season = ? AND home_abbr = ? AND visitor_abbr = ?)"_s);
            checkBindings += {game.gsis, game.season, game.home.abbreviation, game.visitor.abbreviation};
        }
        if (!game.espnId.isEmpty()) {
            checks.append(u"espn_id = ?"_s);
            checkBindings.append(game.espnId);
        }
        const int home = GameMerge::homeFranchise(game), visitor = GameMerge::visitorFranchise(game);
        if (home && visitor) {
            checks.append(u"(season = ? AND season_type = ? AND home_team = ? AND visitor_team = ?)"_s);
            checkBindings += {game.season, seasonTypeCode(game.seasonType), home, visitor};
        }
    }
    const QString selectFrom = u"SELECT "_s + Schema::gameColumns().join(u", "_s) + u" FROM games WHERE "_s;
    QString sql = selectFrom + u"eid IN ("_s + GameRows::placeholders(eids.size()) + u')';
    QVariantList bindings(eids.cbegin(), eids.cend());
    if (!checks.isEmpty()) {
        // SQLite answers the ORed checks with one index each. PostgreSQL plans a scan of the table once the ORs
        // are many (always, while an import outgrows its statistics), testing every row against all ~60 checks:
        // 10 ms a week by the archive's end. Every check is of the week's seasons, so that test comes first there,
        // and a row of another season costs one comparison (the 1970-2014 import: 5.2 s -> 4.1 s).
        sql += u" UNION ALL "_s + selectFrom;
        if (isPostgres()) {
            sql += u"season IN ("_s + GameRows::placeholders(seasons.size()) + u") AND "_s;
            for (const int season : std::as_const(seasons))
                bindings.append(season);
        }
        sql += u'(' + checks.join(u" OR "_s) + u')';
        bindings += checkBindings;
    }
    auto &select = statement(sql);
    for (int i = 0; i < bindings.size(); ++i)
        select.bindValue(i, bindings.at(i));
    if (!select.exec())
        return R::failure(GameRows::sqlError(select.lastError()));
    QHash<QString, Game> byEid;
    QHash<QString, QString> eidByEspnId;
    QMultiHash<QString, Game> byGsis;
    while (select.next()) {
        const auto stored = GameRows::fromRow(select);
        if (byEid.contains(stored.eid))
            continue; // read by its eid and again by a check
        if (GameMerge::hasGsis(stored))
            byGsis.insert(stored.gsis, stored);
        if (!stored.espnId.isEmpty())
            eidByEspnId.insert(stored.espnId, stored.eid);
        byEid.insert(stored.eid, stored);
    }
    select.finish();

    // A rescheduled game keeps its gsis and its matchup while its eid and week change. The matchup matters:
    // old feeds reuse placeholder keys ("0", "8224") for hundreds of different games.
    auto rescheduledFrom = [&](const Game &game) -> std::optional<Game> {
        for (auto it = byGsis.constFind(game.gsis); it != byGsis.cend() && it.key() == game.gsis; ++it) {
            if (GameMerge::isRescheduled(*it, game))
                return *it;
        }
        return std::nullopt;
    };
    // The same game from the other source: same season, type and franchises (a pair of clubs meets at most
    // once with the same home team in a season's part), and not yet linked to a game of the incoming source.
    auto fromOtherSource = [&](const Game &game) -> std::optional<Game> {
        const int home = GameMerge::homeFranchise(game), visitor = GameMerge::visitorFranchise(game);
        if (!home || !visitor)
            return std::nullopt;
        for (const auto &stored : std::as_const(byEid)) {
            const bool linked = GameMerge::isFromEspn(game) ? !stored.espnId.isEmpty() : GameMerge::hasGsis(stored);
            if (!linked && stored.season == game.season && stored.seasonType == game.seasonType
                && GameMerge::homeFranchise(stored) == home && GameMerge::visitorFranchise(stored) == visitor)
                return stored;
        }
        return std::nullopt;
    };

    QList<UpsertedGame> results;
    QList<Game> changed;
    QStringList movedAway; // old eids of rescheduled or re-keyed games
    for (const auto &game : week.games) {
        std::optional<Game> stored;
        if (auto it = byEid.constFind(game.eid); it != byEid.cend())
            stored = *it;
        else if (auto espn = eidByEspnId.constFind(game.espnId); !game.espnId.isEmpty() && espn != eidByEspnId.cend())
            stored = byEid.value(*espn);
        else if (const auto moved = GameMerge::hasGsis(game) ? rescheduledFrom(game) : std::nullopt)
            stored = moved;
        else
            stored = fromOtherSource(game);
        if (!stored) {
            results.append({game, UpsertChange::Inserted});
            changed.append(game);
            continue;
        }
        const Game merged = GameMerge::merge(*stored, game);
        if (merged.eid != stored->eid)
            movedAway.append(stored->eid);
        const bool same = merged == *stored;
        results.append({merged, same ? UpsertChange::Unchanged : UpsertChange::Updated});
        if (!same)
            changed.append(merged);
    }
    if (!movedAway.isEmpty()) {
        auto &remove
            = statement(u"DELETE FROM games WHERE eid IN ("_s + GameRows::placeholders(movedAway.size()) + u')');
        for (int i = 0; i < movedAway.size(); ++i)
            remove.bindValue(i, movedAway.at(i));
        if (!remove.exec())
            return R::failure(GameRows::sqlError(remove.lastError()));
    }
    if (changed.isEmpty())
        return results;

    // One multi-row upsert per week: a single round trip whatever the number of games.
    const auto columns = Schema::gameColumns();
    const QString row = u'(' + GameRows::placeholders(columns.size() + 1) + u')';
    QStringList rows(changed.size(), row);
    QStringList assignments;
    for (const auto &column : columns.mid(1))
        assignments.append(column + u" = excluded."_s + column);
    assignments.append(u"updated_at = excluded.updated_at"_s);
    auto &upsert = statement(u"INSERT INTO games ("_s + columns.join(u", "_s) + u", updated_at) VALUES "_s
        + rows.join(u", "_s) + u" ON CONFLICT (eid) DO UPDATE SET "_s + assignments.join(u", "_s));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    int index = 0;
    for (const Game &game : std::as_const(changed)) {
        for (const auto &value : GameRows::values(game))
            upsert.bindValue(index++, value);
        upsert.bindValue(index++, now);
    }
    if (!upsert.exec())
        return R::failure(GameRows::sqlError(upsert.lastError()));
    return results;
}

template<typename T, typename Attempt>
Result<T> GameStore::write(Attempt attempt)
{
    auto result = attempt();
    // As read(): a restarted server drops our connection, so reconnect once and try again.
    if (!result)
        result = ensureConnected() ? attempt() : Result<T>::failure(connectError());
    if (!result)
        return Result<T>::failure(u"cannot store in %1: %2"_s.arg(redactedUrl(m_url), result.error()));
    return result;
}

Result<QList<UpsertedGame>> GameStore::upsertWeek(const ParsedWeek &week)
{
    auto all = upsertWeeks({week});
    if (!all)
        return Result<QList<UpsertedGame>>::failure(all.error());
    return all.value().value(0);
}

Result<QList<QList<UpsertedGame>>> GameStore::upsertWeeks(const QList<ParsedWeek> &weeks)
{
    using R = Result<QList<QList<UpsertedGame>>>;
    auto attempt = [&]() -> R {
        auto db = QSqlDatabase::database(m_connectionName, false);
        if (!db.transaction())
            return R::failure(GameRows::sqlError(db.lastError()));
        QList<QList<UpsertedGame>> all;
        for (const auto &week : weeks) {
            auto written = writeWeek(week);
            if (!written) {
                db.rollback();
                return R::failure(u"%1: %2"_s.arg(week.key.toString(), written.error()));
            }
            all.append(std::move(written).value());
        }
        if (!db.commit()) {
            const auto error = GameRows::sqlError(db.lastError());
            db.rollback();
            return R::failure(error);
        }
        return all;
    };
    auto result = write<QList<QList<UpsertedGame>>>(attempt);
    if (!result)
        return result;
    qint64 inserted = 0;
    for (const auto &week : result.value()) {
        for (const auto &upserted : week) {
            inserted += upserted.change == UpsertChange::Inserted;
            if (upserted.change != UpsertChange::Unchanged)
                Q_EMIT gameUpserted(upserted.game);
        }
    }
    refreshStatistics(inserted);
    return result;
}

void GameStore::refreshStatistics(qint64 inserted)
{
    // PostgreSQL plans from statistics that autovacuum refreshes about once a minute, while an import grows the
    // table from nothing in seconds: planned for an empty table, each week's read scanned every row (the 1970-2014
    // archive took 7.4 s where it had taken 1.6). So the store refreshes them itself whenever the rows it inserted
    // have doubled since it last did (1,000 at least): 4 times in the archive's import, for the columns that
    // writeWeek() and the week reads select by.
    if (!isPostgres())
        return;
    m_insertedSinceAnalyze += inserted;
    if (m_insertedSinceAnalyze < std::max<qint64>(1000, m_rowsAtAnalyze))
        return;
    m_rowsAtAnalyze += m_insertedSinceAnalyze;
    m_insertedSinceAnalyze = 0;
    // A constant, as every statement here: tests/fault/check-sql-prepared.sh accepts exec() of a literal or of
    // `statement` (ANALYZE cannot be a server-side prepared statement).
    static const QString statement = u"ANALYZE games (eid, espn_id, gsis, season, season_type, week, home_team, "
                                     "visitor_team, home_abbr, visitor_abbr)"_s;
    QSqlQuery analyze(QSqlDatabase::database(m_connectionName, false));
    if (!analyze.exec(statement))
        qCWarning(lcStore).noquote() << "could not refresh the table statistics:" << analyze.lastError().text();
}

Result<Done> GameStore::storeDetail(const QString &eid, const GameDetail &detail)
{
    if (detail.isEmpty()) {
        auto stored = this->detail(eid);
        if (!stored)
            return Result<Done>::failure(stored.error());
        if (stored.value() && !stored.value()->isEmpty())
            return Done {}; // keep what we have
    }
    auto attempt = [&]() -> Result<Done> {
        auto &upsert
            = statement(u"INSERT INTO game_details (eid, espn_id, state, detail, updated_at) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (eid) DO UPDATE SET espn_id = excluded.espn_id, "
                        "state = excluded.state, detail = excluded.detail, updated_at = excluded.updated_at"_s);
        upsert.bindValue(0, eid);
        upsert.bindValue(1, GameRows::text(detail.espnId));
        upsert.bindValue(2, GameRows::text(detail.state));
        upsert.bindValue(3, QString::fromUtf8(QJsonDocument(detail.toJson()).toJson(QJsonDocument::Compact)));
        upsert.bindValue(4, QDateTime::currentSecsSinceEpoch());
        if (!upsert.exec())
            return Result<Done>::failure(GameRows::sqlError(upsert.lastError()));
        return Done {};
    };
    return write<Done>(attempt);
}

} // namespace Endzone
