#include "gamestore.h"
#include "gamemerge.h"
#include "gamerows.h"
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
        return R::failure(u"cannot open %1: %2"_s.arg(redactedUrl(url), GameRows::sqlError(db.lastError())));
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
        return Result<Done>::failure(GameRows::sqlError(query.lastError()));
    const auto steps = Schema::migrations();
    for (int version = schemaVersion(); version < steps.size(); ++version) {
        if (!db.transaction())
            return Result<Done>::failure(GameRows::sqlError(db.lastError()));
        QStringList statements = steps.at(version);
        statements.append(version == 0 ? u"INSERT INTO schema_version (version) VALUES (1)"_s
                                       : u"UPDATE schema_version SET version = %1"_s.arg(version + 1));
        for (const auto &statement : std::as_const(statements)) {
            if (!query.exec(statement)) {
                const auto error = GameRows::sqlError(query.lastError());
                db.rollback();
                return Result<Done>::failure(u"migration %1: %2"_s.arg(version + 1).arg(error));
            }
        }
        if (!db.commit())
            return Result<Done>::failure(GameRows::sqlError(db.lastError()));
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
        return Result<Done>::failure(GameRows::sqlError(select.lastError()));
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
        return Result<Done>::failure(GameRows::sqlError(db.lastError()));
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
                const auto error = GameRows::sqlError(update->lastError());
                db.rollback();
                return Result<Done>::failure(error);
            }
        }
    }
    if (!db.commit())
        return Result<Done>::failure(GameRows::sqlError(db.lastError()));
    qCInfo(lcStore) << "linked" << teams.size() << "stored team seasons to their franchises";
    return Done {};
}

bool GameStore::ensureConnected() const
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
    return GameRows::sqlError(QSqlDatabase::database(m_connectionName, false).lastError());
}

QSqlQuery &GameStore::statement(const QString &sql) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        it = m_statements.emplace(sql, QSqlQuery(QSqlDatabase::database(m_connectionName, false))).first;
        it->second.setForwardOnly(true);
        if (!it->second.prepare(sql))
            qCWarning(lcStore).noquote() << "cannot prepare" << sql << GameRows::sqlError(it->second.lastError());
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
            return Result<QList<Game>>::failure(GameRows::sqlError(query.lastError()));
        QList<Game> games;
        while (query.next())
            games.append(GameRows::fromRow(query));
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
        result = ensureConnected() ? attempt() : Result<T>::failure(connectError());
    if (!result)
        return Result<T>::failure(u"database %1 is unavailable: %2"_s.arg(redactedUrl(m_url), result.error()));
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
    return Standings::table(season, games.value());
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
            return Result<QList<T>>::failure(GameRows::sqlError(query.lastError()));
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
