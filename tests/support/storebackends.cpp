#include "storebackends.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace Endzone::Test {

void StoreBackends::addRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

bool StoreBackends::start()
{
    if (!PostgresServer::unavailableReason().isEmpty())
        return true; // the postgresql rows skip
    m_postgres = std::make_unique<PostgresServer>();
    return m_postgres->isRunning();
}

QString StoreBackends::errorString() const
{
    return m_postgres ? m_postgres->errorString() : QString();
}

bool StoreBackends::isPostgres()
{
    QFETCH_GLOBAL(QString, backend);
    return backend == u"postgresql"_s;
}

QString StoreBackends::skipReason() const
{
    if (!isPostgres())
        return {};
    if (!m_postgres)
        return PostgresServer::unavailableReason();
    return m_postgres->isRunning() ? QString() : u"PostgreSQL is not running: "_s + m_postgres->errorString();
}

QString StoreBackends::newUrl(const QString &prefix)
{
    const QString name = prefix + QString::number(++m_databases);
    if (isPostgres())
        return m_postgres && m_postgres->isRunning() ? m_postgres->createDatabase(name) : QString();
    return u"sqlite://"_s + m_dir.filePath(name + u".sqlite"_s);
}

std::unique_ptr<GameStore> StoreBackends::open(const QString &prefix)
{
    const QString url = newUrl(prefix);
    if (url.isEmpty()) {
        qWarning("no database for this row: %s", qPrintable(skipReason()));
        return nullptr;
    }
    auto store = GameStore::open(url);
    if (!store) {
        qWarning("%s", qPrintable(store.error()));
        return nullptr;
    }
    return std::move(store).value();
}

} // namespace Endzone::Test
