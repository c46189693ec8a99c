#include "inprocessbus.h"

#include <QDateTime>
#include <QMetaObject>

namespace Endzone {

void InProcessBus::publish(const QByteArray &payload)
{
    // Increasing even if the clock steps back, as XADD's ids are.
    const auto now = quint64(QDateTime::currentMSecsSinceEpoch());
    m_last = now > m_last.ms ? StreamId {now, 0} : StreamId {m_last.ms, m_last.seq + 1};
    QMetaObject::invokeMethod(
        this, [this, id = m_last.toByteArray(), payload] { deliver(id, payload); }, Qt::QueuedConnection);
}

} // namespace Endzone
