#include "inprocessbus.h"

#include <QMetaObject>

namespace Endzone {

void InProcessBus::publish(const QByteArray &payload)
{
    QMetaObject::invokeMethod(
        this, [this, payload] { Q_EMIT messageReceived(payload); }, Qt::QueuedConnection);
}

} // namespace Endzone
