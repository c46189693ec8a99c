#pragma once

#include "game.h"
#include "result.h"

#include <QStringList>

namespace Endzone {

// The weeks an `endzone-fetch` command line asks for: seasons ("2015", "1970-2014", several of them),
// season types ("PRE,REG") and an optional week number.
[[nodiscard]] Result<QList<WeekKey>> parseWeekSelection(
    const QStringList &seasons, const QString &types, const QString &week);

} // namespace Endzone
