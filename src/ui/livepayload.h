#pragma once

#include "scorestripparser.h"

#include <QByteArray>

namespace Endzone {

// Turns what arrives on a live channel into weeks for the store. Accepts the LiveBus week envelope
// (`{"endzone":"week",...,"games":[...]}`), the API's SSE `update` data (a JSON list of games), an SSE
// `game` event (one game object). Games are grouped by their week; anything unreadable yields nothing.
namespace LivePayload {
[[nodiscard]] QList<ParsedWeek> parse(const QByteArray &payload);
}

} // namespace Endzone
