#pragma once

#include "gamestore.h"
#include "postgresserver.h"

#include <QTemporaryDir>
#include <memory>

namespace Endzone::Test {

// The two databases the store's tests run against, as data rows "sqlite" and "postgresql": SQLite files in
// a temporary folder and one throwaway PostgreSQL server for the whole test (skipped, with the reason, where
// its binaries are missing). A test class holds one and calls addRows() from initTestCase_data(), start()
// from initTestCase() and skipReason() from init(); newUrl() and open() give a fresh database of the row's
// backend each time.
class StoreBackends
{
public:
    static void addRows();

    // Starts PostgreSQL where it is installed. False, with errorString(), when it is installed but fails.
    [[nodiscard]] bool start();
    [[nodiscard]] QString errorString() const;
    // Why the current row cannot run (PostgreSQL missing), or empty.
    [[nodiscard]] QString skipReason() const;

    [[nodiscard]] static bool isPostgres(); // the current row's backend
    // A fresh, empty database of the current row's backend: `prefix1`, `prefix2`...
    [[nodiscard]] QString newUrl(const QString &prefix);
    // newUrl() opened as a GameStore; null (with a warning saying why) when it does not open.
    [[nodiscard]] std::unique_ptr<GameStore> open(const QString &prefix);
    // For tests that take the server away and bring it back; null where PostgreSQL is not installed.
    [[nodiscard]] PostgresServer *postgres() const { return m_postgres.get(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_postgres;
    int m_databases = 0;
};

} // namespace Endzone::Test
