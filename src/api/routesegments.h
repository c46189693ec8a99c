#pragma once

#include <QStringList>

class QUrl;

namespace Endzone {

// The segments of a request path as the API routes them: split at '/' before percent-decoding, so an
// encoded slash (%2F) stays inside its segment ("/api%2Flivescore" is one segment, not /api/livescore).
[[nodiscard]] QStringList routeSegments(const QUrl &url);

} // namespace Endzone
