#pragma once

#include <QStringList>

namespace Endzone::Schema {

// Versioned migrations, oldest first: migration N brings the schema from version N to N + 1.
// Each is a list of statements in the SQL both SQLite and PostgreSQL accept.
[[nodiscard]] QList<QStringList> migrations();

// The game columns in the order every SELECT and INSERT uses.
[[nodiscard]] QStringList gameColumns();

} // namespace Endzone::Schema
