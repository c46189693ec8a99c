#pragma once

#include <QByteArray>
#include <QString>

namespace Endzone::Test {

// tests/data/<name>, read whole.
[[nodiscard]] QByteArray fixture(const QString &name);
// ../shared/data/scorestrip, or empty when it is not beside the project (tests that need it QSKIP).
[[nodiscard]] QString sharedScorestripDir();

} // namespace Endzone::Test
