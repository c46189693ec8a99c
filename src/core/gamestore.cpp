#include "gamestore.h"
#include "gamemerge.h"
#include "logging.h"
#include "schema.h"
#include "teamdirectory.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrlQuery>
#include <QUuid>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

QString sqlError(const QSqlError &error)
{
    const auto text = error.text().trimmed();
    return text.isEmpty() ? u"unknown database error"_s : text;
}

QString placeholders(int count)
{
    QStringList marks(count, u"?"_s);
    return marks.join(u", "_s);
}

QVariant scoreValue(const std::optional<int> &score)
{
    return score ? QVariant(*score) : QVariant(QMetaType::fromType<int>());
}

Game gameFromRow(const QSqlQuery &query)
{
    auto optionalInt = [&](int column) {
        return query.isNull(column) ? std::nullopt : std::optional<int>(query.value(column).toInt());
    };
    Game game;
    game.eid = query.value(0).toString();
    game.gsis = query.value(1).toString();
    game.season = query.value(2).toInt();
    game.seasonType = seasonTypeFromCode(query.value(3).toString()).value_or(SeasonType::Reg);
    game.week = query.value(4).toInt();
    game.gameType = gameTypeFromCode(query.value(5).toString()).value_or(GameType::Reg);
    game.day = query.value(6).toString();
    game.kickoff = QDateTime::fromSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
    game.state = gameStateFromCode(query.value(8).toString()).value_or(GameState::Pregame);
    game.clock = query.value(9).toString();
    game.home = {query.value(10).toString(), query.value(11).toString(), optionalInt(12)};
    game.visitor = {query.value(13).toString(), query.value(14).toString(), optionalInt(15)};
    game.possession = query.value(16).toString();
    game.redZone = query.value(17).toInt() != 0;
    game.espnId = query.value(18).toString();
    // 19, 20: the franchise ids, for matching only
    game.venue = query.value(21).toString();
    game.venueCity = query.value(22).toString();
    game.neutralSite = query.value(23).toInt() != 0;
    game.broadcast = query.value(24).toString();
    game.down = optionalInt(25);
    game.distance = optionalInt(26);
    game.ballOn = query.value(27).toString();
    game.homeTimeouts = optionalInt(28);
    game.visitorTimeouts = optionalInt(29);
    game.lastPlay = query.value(30).toString();
    if (!query.isNull(31))
        game.homeWinProbability = query.value(31).toDouble();
    return game;
}

// Text columns are NOT NULL: an empty QString must bind as '' rather than as NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

QVariantList gameValues(const Game &game)
{
    return {game.eid, text(game.gsis), game.season, seasonTypeCode(game.seasonType), game.week,
        gameTypeCode(game.gameType), text(game.day), game.kickoff.toSecsSinceEpoch(), gameStateCode(game.state),
        text(game.clock), text(game.home.abbreviation), text(game.home.nickname), scoreValue(game.home.score),
        text(game.visitor.abbreviation), text(game.visitor.nickname), scoreValue(game.visitor.score),
        text(game.possession), game.redZone ? 1 : 0, text(game.espnId), GameMerge::homeFranchise(game),
        GameMerge::visitorFranchise(game), text(game.venue), text(game.venueCity), game.neutralSite ? 1 : 0,
        text(game.broadcast), scoreValue(game.down), scoreValue(game.distance), text(game.ballOn),
        scoreValue(game.homeTimeouts), scoreValue(game.visitorTimeouts), text(game.lastPlay),
        game.homeWinProbability ? QVariant(*game.homeWinProbability) : QVariant(QMetaType::fromType<double>())};
}

using GameMerge::hasGsis;

} // namespace

GameStore::GameStore(QString connectionName, QObject *parent)
    : QObject(parent), m_connectionName(std::move(connectionName))
{
}

GameStore::~GameStore()
{
    m_statements.clear();
    {
        auto db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString GameStore::defaultPath()
{
    // The same file for every program, whatever its application and organisation names: an archive imported
    // by endzone-fetch is what endzone and endzone-server show.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/endzone"_s;
    return QDir(dir).absoluteFilePath(u"endzone.sqlite"_s);
}

QString GameStore::defaultUrl()
{
    return u"sqlite://"_s + defaultPath();
}

void GameStore::adoptOldDefaultStore()
{
    // Before one location, each program kept its own default store under its own names.
    const auto path = defaultPath();
    if (QFileInfo::exists(path))
        return;
    const auto data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    for (const auto &old : {u"/Endzone/endzone/endzone.sqlite"_s, u"/endzone-server/endzone.sqlite"_s}) {
        const QString oldPath = data + old;
        if (!QFileInfo::exists(oldPath))
            continue;
        QDir().mkpath(QFileInfo(path).absolutePath());
        bool moved = QFile::rename(oldPath, path);
        for (const auto &suffix : {u"-wal"_s, u"-shm"_s}) {
            if (moved && QFileInfo::exists(oldPath + suffix))
                moved = QFile::rename(oldPath + suffix, path + suffix);
        }
        if (moved)
            qCInfo(lcStore).noquote() << "moved the store" << oldPath << "to" << path
                                      << "(one store for every program)";
        else
            qCWarning(lcStore).noquote() << "could not move the old store" << oldPath << "to" << path;
        return;
    }
}

QString GameStore::redactedUrl(const QString &url)
{
    QUrl parsed(url);
    if (!parsed.password().isEmpty())
        parsed.setPassword(u"***"_s);
    return parsed.toString();
}

Result<std::unique_ptr<GameStore>> GameStore::open(const QString &url, QObject *parent)
{
    using R = Result<std::unique_ptr<GameStore>>;
    const QUrl parsed(url);
    const auto scheme = parsed.scheme();
    const QString connectionName = u"endzone-store-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<GameStore> store(new GameStore(connectionName, parent));
    store->m_url = url;
    if (scheme == "sqlite"_L1) {
        const auto path = parsed.path();
        if (path.isEmpty() || path == "/"_L1)
            return R::failure(u"database URL %1 names no file: use sqlite:///path/to/file.sqlite"_s.arg(url));
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return R::failure(u"cannot create the folder of %1"_s.arg(path));
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    } else if (scheme == "postgresql"_L1 || scheme == "postgres"_L1) {
        auto db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
        db.setHostName(parsed.host().isEmpty() ? u"localhost"_s : parsed.host());
        db.setPort(parsed.port(5432));
        db.setUserName(parsed.userName());
        db.setPassword(parsed.password());
        db.setDatabaseName(parsed.path().mid(1));
        db.setConnectOptions(u"connect_timeout=5"_s);
    } else {
        return R::failure(
            u"unsupported database URL \"%1\": use postgresql://user:pass@host:port/db or sqlite:///path/file.sqlite"_s
                .arg(redactedUrl(url)));
    }
    auto db = QSqlDatabase::database(connectionName, false);
    if (!db.isValid())
        return R::failure(u"the Qt SQL driver for %1 is not installed"_s.arg(scheme));
    if (!db.open())
        return R::failure(u"cannot open %1: %2"_s.arg(redactedUrl(url), sqlError(db.lastError())));
    if (!store->isPostgres()) {
        QSqlQuery pragma(db);
        pragma.exec(u"PRAGMA journal_mode=WAL"_s);
        pragma.exec(u"PRAGMA synchronous=NORMAL"_s);
    }
    if (auto migrated = store->migrate(); !migrated)
        return R::failure(u"cannot migrate %1: %2"_s.arg(redactedUrl(url), migrated.error()));
    qCInfo(lcStore).noquote() << "opened" << redactedUrl(url) << "schema version" << store->schemaVersion();
    return store;
}

bool GameStore::isPostgres() const
{
    return QSqlDatabase::database(m_connectionName, false).driverName() == "QPSQL"_L1;
}

int GameStore::schemaVersion() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT version FROM schema_version"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

Result<Done> GameStore::migrate()
{
    auto db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s))
        return Result<Done>::failure(sqlError(query.lastError()));
    const auto steps = Schema::migrations();
    for (int version = schemaVersion(); version < steps.size(); ++version) {
        if (!db.transaction())
            return Result<Done>::failure(sqlError(db.lastError()));
        QStringList statements = steps.at(version);
        statements.append(version == 0 ? u"INSERT INTO schema_version (version) VALUES (1)"_s
                                       : u"UPDATE schema_version SET version = %1"_s.arg(version + 1));
        for (const auto &statement : std::as_const(statements)) {
            if (!query.exec(statement)) {
                const auto error = sqlError(query.lastError());
                db.rollback();
                return Result<Done>::failure(u"migration %1: %2"_s.arg(version + 1).arg(error));
            }
        }
        if (!db.commit())
            return Result<Done>::failure(sqlError(db.lastError()));
        qCInfo(lcStore) << "migrated the schema to version" << version + 1;
        if (version + 1 == 2) {
            if (auto filled = fillFranchises(); !filled)
                return filled;
        }
    }
    return Done {};
}

Result<Done> GameStore::fillFranchises()
{
    auto db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery select(db);
    select.setForwardOnly(true);
    select.prepare(u"SELECT DISTINCT season, home_abbr, home_nickname FROM games UNION "
                   "SELECT DISTINCT season, visitor_abbr, visitor_nickname FROM games"_s);
    if (!select.exec())
        return Result<Done>::failure(sqlError(select.lastError()));
    struct Team
    {
        int season;
        QString abbreviation, nickname;
    };
    QList<Team> teams;
    while (select.next())
        teams.append({select.value(0).toInt(), select.value(1).toString(), select.value(2).toString()});
    select.finish();
    if (teams.isEmpty())
        return Done {};
    if (!db.transaction())
        return Result<Done>::failure(sqlError(db.lastError()));
    QSqlQuery home(db), visitor(db);
    home.prepare(u"UPDATE games SET home_team = ? WHERE season = ? AND home_abbr = ? AND home_nickname = ?"_s);
    visitor.prepare(
        u"UPDATE games SET visitor_team = ? WHERE season = ? AND visitor_abbr = ? AND visitor_nickname = ?"_s);
    for (const auto &team : std::as_const(teams)) {
        const int id = TeamDirectory::franchiseId(team.abbreviation, team.season, team.nickname).value_or(0);
        for (QSqlQuery *update : {&home, &visitor}) {
            update->bindValue(0, id);
            update->bindValue(1, team.season);
            update->bindValue(2, team.abbreviation);
            update->bindValue(3, team.nickname);
            if (!update->exec()) {
                const auto error = sqlError(update->lastError());
                db.rollback();
                return Result<Done>::failure(error);
            }
        }
    }
    if (!db.commit())
        return Result<Done>::failure(sqlError(db.lastError()));
    qCInfo(lcStore) << "linked" << teams.size() << "stored team seasons to their franchises";
    return Done {};
}

bool GameStore::ensureConnected()
{
    auto db = QSqlDatabase::database(m_connectionName, false);
    if (db.isOpen()) {
        QSqlQuery ping(db);
        if (ping.exec(u"SELECT 1"_s))
            return true;
    }
    qCWarning(lcStore).noquote() << "reconnecting to" << redactedUrl(m_url);
    m_statements.clear();
    db.close();
    return db.open();
}

QString GameStore::connectError() const
{
    // Why the last reconnect failed. What the failed attempt said can be stale: on a connection that is already
    // closed, QSqlDatabase::transaction() fails without setting an error, leaving the previous one in place.
    return sqlError(QSqlDatabase::database(m_connectionName, false).lastError());
}

QSqlQuery &GameStore::statement(const QString &sql) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        it = m_statements.emplace(sql, QSqlQuery(QSqlDatabase::database(m_connectionName, false))).first;
        it->second.setForwardOnly(true);
        if (!it->second.prepare(sql))
            qCWarning(lcStore).noquote() << "cannot prepare" << sql << sqlError(it->second.lastError());
    }
    return it->second;
}

Result<QList<Game>> GameStore::selectGames(const QString &where, const QVariantList &bindings) const
{
    auto attempt = [&]() -> Result<QList<Game>> {
        auto &query = statement(u"SELECT "_s + Schema::gameColumns().join(u", "_s) + u" FROM games WHERE "_s + where);
        for (int i = 0; i < bindings.size(); ++i)
            query.bindValue(i, bindings.at(i));
        if (!query.exec())
            return Result<QList<Game>>::failure(sqlError(query.lastError()));
        QList<Game> games;
        while (query.next())
            games.append(gameFromRow(query));
        query.finish();
        return games;
    };
    return read<QList<Game>>(attempt);
}

template<typename T, typename Attempt>
Result<T> GameStore::read(Attempt attempt) const
{
    auto result = attempt();
    // A restarted server drops our connection: reconnect once and retry, so readers recover by themselves.
    if (!result)
        result = const_cast<GameStore *>(this)->ensureConnected() ? attempt() : Result<T>::failure(connectError());
    if (!result)
        return Result<T>::failure(u"database %1 is unavailable: %2"_s.arg(redactedUrl(m_url), result.error()));
    return result;
}

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
            return R::failure(sqlError(byes.lastError()));
    }
    if (week.games.isEmpty())
        return QList<UpsertedGame> {};
    // One read of what is stored for these games: by eid; by ESPN id; by gsis plus matchup to catch a
    // rescheduled game; and by season, type and franchises to find the same game delivered by the other source.
    // The matchup is in the gsis query because old feeds reuse placeholder keys ("0", "8224") for hundreds of
    // different games, which would otherwise all be read back for every week.
    QStringList eids, checks;
    QVariantList checkBindings;
    for (const auto &game : week.games) {
        if (eids.contains(game.eid))
            return R::failure(u"game %1 appears twice in the week"_s.arg(game.eid));
        eids.append(game.eid);
        if (hasGsis(game)) {
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
    QString where = u"eid IN ("_s + placeholders(eids.size()) + u')';
    QVariantList bindings(eids.cbegin(), eids.cend());
    if (!checks.isEmpty()) {
        where += u" OR "_s + checks.join(u" OR "_s);
        bindings += checkBindings;
    }
    auto &select = statement(u"SELECT "_s + Schema::gameColumns().join(u", "_s) + u" FROM games WHERE "_s + where);
    for (int i = 0; i < bindings.size(); ++i)
        select.bindValue(i, bindings.at(i));
    if (!select.exec())
        return R::failure(sqlError(select.lastError()));
    QHash<QString, Game> byEid;
    QHash<QString, QString> eidByEspnId;
    QMultiHash<QString, Game> byGsis;
    while (select.next()) {
        const auto stored = gameFromRow(select);
        if (hasGsis(stored))
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
            const bool linked = GameMerge::isFromEspn(game) ? !stored.espnId.isEmpty() : hasGsis(stored);
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
        else if (const auto moved = hasGsis(game) ? rescheduledFrom(game) : std::nullopt)
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
        auto &remove = statement(u"DELETE FROM games WHERE eid IN ("_s + placeholders(movedAway.size()) + u')');
        for (int i = 0; i < movedAway.size(); ++i)
            remove.bindValue(i, movedAway.at(i));
        if (!remove.exec())
            return R::failure(sqlError(remove.lastError()));
    }
    if (changed.isEmpty())
        return results;

    // One multi-row upsert per week: a single round trip whatever the number of games.
    const auto columns = Schema::gameColumns();
    const QString row = u'(' + placeholders(columns.size() + 1) + u')';
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
        for (const auto &value : gameValues(game))
            upsert.bindValue(index++, value);
        upsert.bindValue(index++, now);
    }
    if (!upsert.exec())
        return R::failure(sqlError(upsert.lastError()));
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
            return R::failure(sqlError(db.lastError()));
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
            const auto error = sqlError(db.lastError());
            db.rollback();
            return R::failure(error);
        }
        return all;
    };
    auto result = write<QList<QList<UpsertedGame>>>(attempt);
    if (!result)
        return result;
    for (const auto &week : result.value()) {
        for (const auto &upserted : week) {
            if (upserted.change != UpsertChange::Unchanged)
                Q_EMIT gameUpserted(upserted.game);
        }
    }
    return result;
}

Result<QList<Game>> GameStore::week(const WeekKey &key) const
{
    return selectGames(u"season = ? AND season_type = ? AND week = ? ORDER BY kickoff, eid"_s,
        {key.season, seasonTypeCode(key.type), key.week});
}

Result<std::optional<Game>> GameStore::game(const QString &eid) const
{
    auto games = selectGames(u"eid = ?"_s, {eid});
    if (!games)
        return Result<std::optional<Game>>::failure(games.error());
    return games.value().isEmpty() ? std::nullopt : std::optional<Game>(games.value().first());
}

Result<std::optional<Game>> GameStore::gameById(const QString &id) const
{
    auto games = selectGames(u"eid = ? OR espn_id = ? ORDER BY eid"_s, {id, id});
    if (!games)
        return Result<std::optional<Game>>::failure(games.error());
    return games.value().isEmpty() ? std::nullopt : std::optional<Game>(games.value().first());
}

Result<QStringList> GameStore::byes(const WeekKey &key) const
{
    auto rows = selectList<QString>(u"SELECT teams FROM week_byes WHERE season = ? AND season_type = ? AND week = ?"_s,
        {key.season, seasonTypeCode(key.type), key.week}, [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!rows)
        return Result<QStringList>::failure(rows.error());
    return rows.value().isEmpty() ? QStringList {} : rows.value().first().split(u',', Qt::SkipEmptyParts);
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
        upsert.bindValue(1, text(detail.espnId));
        upsert.bindValue(2, text(detail.state));
        upsert.bindValue(3, QString::fromUtf8(QJsonDocument(detail.toJson()).toJson(QJsonDocument::Compact)));
        upsert.bindValue(4, QDateTime::currentSecsSinceEpoch());
        if (!upsert.exec())
            return Result<Done>::failure(sqlError(upsert.lastError()));
        return Done {};
    };
    return write<Done>(attempt);
}

Result<std::optional<GameDetail>> GameStore::detail(const QString &eid) const
{
    auto rows = selectList<QString>(u"SELECT detail FROM game_details WHERE eid = ?"_s, {eid},
        [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!rows)
        return Result<std::optional<GameDetail>>::failure(rows.error());
    if (rows.value().isEmpty())
        return std::optional<GameDetail> {};
    return std::optional<GameDetail>(
        GameDetail::fromJson(QJsonDocument::fromJson(rows.value().first().toUtf8()).object()));
}

// Teams are franchises: "LAR" finds the Rams' 2010 games stored as "STL", "WSH" Washington's as "WAS". A code
// the team directory does not know is matched as it is.
Result<QList<Game>> GameStore::teamSeason(int season, const QString &team) const
{
    if (const auto id = TeamDirectory::franchiseId(team, season)) {
        return selectGames(
            u"season = ? AND (home_team = ? OR visitor_team = ?) ORDER BY kickoff, eid"_s, {season, *id, *id});
    }
    return selectGames(
        u"season = ? AND (home_abbr = ? OR visitor_abbr = ?) ORDER BY kickoff, eid"_s, {season, team, team});
}

Result<QList<Game>> GameStore::teamGames(const QString &team) const
{
    // Today's code names today's club: "STL" is the Rams' old code, not the 1970s Cardinals'.
    if (const auto id = TeamDirectory::franchiseId(team, QDate::currentDate().year()))
        return selectGames(u"home_team = ? OR visitor_team = ? ORDER BY kickoff DESC, eid"_s, {*id, *id});
    return selectGames(u"home_abbr = ? OR visitor_abbr = ? ORDER BY kickoff DESC, eid"_s, {team, team});
}

Result<QList<Standing>> GameStore::standings(int season) const
{
    auto games = selectGames(u"season = ? AND season_type = 'REG' AND state IN ('F', 'FO') ORDER BY eid"_s, {season});
    if (!games)
        return Result<QList<Standing>>::failure(games.error());
    std::map<QString, Standing> table;
    for (const auto &game : games.value()) {
        if (!game.home.score || !game.visitor.score)
            continue;
        // One line per franchise, under its code that season, whichever source (and code) a game came with.
        auto record = [&](const TeamSide &team, const TeamSide &opponent) {
            const auto id = TeamDirectory::franchiseId(team.abbreviation, season, team.nickname);
            const QString key = id ? TeamDirectory::abbreviation(*id, season) : team.abbreviation;
            auto &standing = table[key];
            standing.team = key;
            standing.pointsFor += *team.score;
            standing.pointsAgainst += *opponent.score;
            if (*team.score > *opponent.score)
                ++standing.wins;
            else if (*team.score < *opponent.score)
                ++standing.losses;
            else
                ++standing.ties;
        };
        record(game.home, game.visitor);
        record(game.visitor, game.home);
    }
    QList<Standing> standings;
    for (auto &[team, standing] : table)
        standings.append(standing);
    std::stable_sort(standings.begin(), standings.end(), [](const Standing &a, const Standing &b) {
        // Win percentage with a tie as half a win, then point difference.
        const double pa = a.wins + a.ties / 2.0, pb = b.wins + b.ties / 2.0;
        const int ga = a.wins + a.losses + a.ties, gb = b.wins + b.losses + b.ties;
        const double ra = ga ? pa / ga : 0, rb = gb ? pb / gb : 0;
        if (ra != rb)
            return ra > rb;
        return a.pointsFor - a.pointsAgainst > b.pointsFor - b.pointsAgainst;
    });
    return standings;
}

template<typename T, typename Row>
Result<QList<T>> GameStore::selectList(const QString &sql, const QVariantList &bindings, Row row) const
{
    return read<QList<T>>([&]() -> Result<QList<T>> {
        // Prepared on the connection as it is now: after a reconnect, the old one's statements are gone.
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        query.prepare(sql);
        for (int i = 0; i < bindings.size(); ++i)
            query.bindValue(i, bindings.at(i));
        if (!query.exec())
            return Result<QList<T>>::failure(sqlError(query.lastError()));
        QList<T> values;
        while (query.next())
            values.append(row(query));
        return values;
    });
}

Result<QList<int>> GameStore::seasons() const
{
    return selectList<int>(u"SELECT DISTINCT season FROM games ORDER BY season"_s, {},
        [](const QSqlQuery &q) { return q.value(0).toInt(); });
}

Result<QList<WeekKey>> GameStore::weeks(int season) const
{
    auto weeks = selectList<WeekKey>(u"SELECT DISTINCT season_type, week FROM games WHERE season = ? ORDER BY week"_s,
        {season}, [season](const QSqlQuery &q) {
            return WeekKey {
                season, seasonTypeFromCode(q.value(0).toString()).value_or(SeasonType::Reg), q.value(1).toInt()};
        });
    if (weeks) { // in season order: PRE 0-4, REG 1-17, POST
        std::sort(weeks.value().begin(), weeks.value().end(), [](const WeekKey &a, const WeekKey &b) {
            return std::pair(int(a.type), a.week) < std::pair(int(b.type), b.week);
        });
    }
    return weeks;
}

Result<int> GameStore::gameCount() const
{
    auto counts
        = selectList<int>(u"SELECT COUNT(*) FROM games"_s, {}, [](const QSqlQuery &q) { return q.value(0).toInt(); });
    if (!counts)
        return Result<int>::failure(counts.error());
    return counts.value().value(0);
}

} // namespace Endzone
