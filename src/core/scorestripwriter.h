#pragma once

#include "scorestripparser.h"

#include <QByteArray>

namespace Endzone {

// Writes a week as a scorestrip document in either dialect, byte-compatible with what the feed served:
// the ajax form on one line with every attribute, the liveupdate form indented with `bph`.
class ScorestripWriter
{
public:
    [[nodiscard]] static QByteArray write(const ParsedWeek &week);
};

} // namespace Endzone
