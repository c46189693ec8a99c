#pragma once

#include "game.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

// How a Game becomes a row of the `games` table and back (the columns of Schema::gameColumns(), in order),
// shared by GameStore's reads and writes. Internal to the store.
namespace Endzone::GameRows {

[[nodiscard]] QString sqlError(const QSqlError &error);
// "?, ?, ?" for `count` bound values.
[[nodiscard]] QString placeholders(int count);
// Text columns are NOT NULL: an empty QString binds as '' rather than as NULL.
[[nodiscard]] QVariant text(const QString &value);
[[nodiscard]] Game fromRow(const QSqlQuery &query);
[[nodiscard]] QVariantList values(const Game &game);

} // namespace Endzone::GameRows
