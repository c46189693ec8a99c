#include "notificationclient.h"

#include "logging.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

QDBusMessage methodCall(const QString &method)
{
    return QDBusMessage::createMethodCall(QLatin1StringView(NotificationClient::Service),
        QLatin1StringView(NotificationClient::Path), QLatin1StringView(NotificationClient::Service), method);
}

} // namespace

NotificationClient::NotificationClient(const QDBusConnection &bus, QObject *parent)
    : NotificationClient(bus, Options {}, parent)
{
}

NotificationClient::NotificationClient(const QDBusConnection &bus, Options options, QObject *parent)
    : QObject(parent), m_bus(bus), m_options(std::move(options))
{
    if (m_bus.isConnected()) {
        // A service that starts, stops or is replaced: ask again on the next send, and report a new absence.
        m_watcher = new QDBusServiceWatcher(
            QLatin1StringView(Service), m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
        connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &owner) {
                if (m_state == State::Querying)
                    return; // the answer in flight decides
                m_state = State::Unknown;
                if (!owner.isEmpty())
                    m_reportedAbsence = false;
            });
    }
}

NotificationClient::~NotificationClient() = default;

void NotificationClient::sendAlert(const Endzone::Alert &alert)
{
    send(alert.summary, alert.body);
}

void NotificationClient::send(const QString &summary, const QString &body)
{
    if (!m_bus.isConnected()) {
        ++m_skipped;
        if (!m_reportedAbsence) {
            m_reportedAbsence = true;
            qCInfo(lcNotify).noquote() << u"no D-Bus session bus ("_s + m_bus.lastError().message()
                    + u"): desktop notifications are skipped"_s;
        }
        return;
    }
    switch (m_state) {
    case State::Absent:
        ++m_skipped;
        return;
    case State::Ready:
        dispatch({summary, body});
        return;
    case State::Unknown:
    case State::Querying:
        if (m_queue.size() >= m_options.maxQueued) {
            m_queue.removeFirst();
            ++m_skipped;
        }
        m_queue.append({summary, body});
        if (m_state == State::Unknown)
            queryCapabilities();
        return;
    }
}

bool NotificationClient::isAbsent(const QDBusError &error)
{
    // No owner and no activatable service, or activation failed: nobody shows notifications on this desktop.
    return error.type() == QDBusError::ServiceUnknown || error.name() == "org.freedesktop.DBus.Error.NameHasNoOwner"_L1
        || error.name().startsWith("org.freedesktop.DBus.Error.Spawn"_L1);
}

void NotificationClient::queryCapabilities()
{
    m_state = State::Querying;
    const auto call = m_bus.asyncCall(methodCall(u"GetCapabilities"_s), int(m_options.timeout.count()));
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *watcher) {
        watcher->deleteLater();
        const QDBusPendingReply<QStringList> reply = *watcher;
        onCapabilities(reply.isValid() ? reply.value() : QStringList(), reply.error());
    });
}

void NotificationClient::onCapabilities(const QStringList &capabilities, const QDBusError &error)
{
    if (error.isValid() && isAbsent(error)) {
        m_state = State::Absent;
        skipAll(error.message());
        return;
    }
    if (error.isValid() && !m_reportedFailure) {
        // Hanging or failing: still try the notifications themselves, each bounded by the timeout.
        m_reportedFailure = true;
        qCWarning(lcNotify).noquote() << u"the notification service did not answer GetCapabilities ("_s + error.name()
                + u"): sending without markup"_s;
    }
    m_markup = capabilities.contains(u"body-markup"_s);
    m_state = State::Ready;
    const auto queued = std::exchange(m_queue, {});
    for (const auto &notification : queued)
        dispatch(notification);
}

void NotificationClient::skipAll(const QString &why)
{
    m_skipped += int(m_queue.size());
    m_queue.clear();
    if (m_reportedAbsence)
        return;
    m_reportedAbsence = true;
    qCInfo(lcNotify).noquote() << u"no desktop notification service ("_s + QLatin1StringView(Service) + u": "_s + why
            + u"): notifications are skipped"_s;
}

void NotificationClient::dispatch(const Pending &notification)
{
    auto message = methodCall(u"Notify"_s);
    const QVariantMap hints {{u"desktop-entry"_s, m_options.desktopEntry}, {u"category"_s, u"x-endzone.game"_s}};
    // A service that reads markup in the body would take "3rd & 4" for an entity.
    const QString body = m_markup ? notification.body.toHtmlEscaped() : notification.body;
    message << m_options.appName << uint(0) << m_options.appIcon << notification.summary << body << QStringList()
            << hints << int(-1);
    const auto call = m_bus.asyncCall(message, int(m_options.timeout.count()));
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *watcher) {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isValid()) {
            ++m_delivered;
            m_reportedFailure = false;
            Q_EMIT finished(true);
            return;
        }
        const auto error = reply.error();
        if (isAbsent(error)) {
            ++m_skipped;
            m_state = State::Absent;
            skipAll(error.message());
        } else {
            ++m_failed;
            if (!m_reportedFailure) {
                m_reportedFailure = true;
                qCWarning(lcNotify).noquote() << u"the notification service failed ("_s + error.name() + u": "_s
                        + error.message() + u"); later notifications are still sent"_s;
            }
        }
        Q_EMIT finished(false);
    });
}

} // namespace Endzone
