#include "routesegments.h"

#include <QUrl>

namespace Endzone {

QStringList routeSegments(const QUrl &url)
{
    QStringList segments = url.path(QUrl::FullyEncoded).split(u'/', Qt::SkipEmptyParts);
    for (QString &segment : segments)
        segment = QUrl::fromPercentEncoding(segment.toUtf8());
    return segments;
}

} // namespace Endzone
