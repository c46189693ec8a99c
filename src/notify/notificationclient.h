#pragma once

#include "gamealerts.h"

#include <QDBusConnection>
#include <QObject>
#include <QStringList>
#include <chrono>

class QDBusError;
class QDBusServiceWatcher;

namespace Endzone {

// Shows desktop notifications through the freedesktop notification service (org.freedesktop.Notifications) on
// D-Bus, with QtDBus. Every call is asynchronous and bounded by a timeout, so a service that hangs or fails
// never blocks the caller (the GUI thread): send() returns at once and the outcome arrives later.
//
// No QDBusInterface: its constructor introspects the service with a blocking call. Method calls are built as
// QDBusMessage and sent with asyncCall().
//
// The first send asks the service for its capabilities (markup in the body or not); sends made meanwhile wait
// in a short queue. Without a session bus or a service, notifications are skipped with one log line per outage,
// never an error dialog. A service appearing later (QDBusServiceWatcher) is used from then on.
class NotificationClient : public QObject
{
    Q_OBJECT
public:
    static constexpr auto Service = "org.freedesktop.Notifications";
    static constexpr auto Path = "/org/freedesktop/Notifications";

    struct Options
    {
        QString appName = QStringLiteral("Endzone"); // the name notification centres group by
        QString appIcon = QStringLiteral("io.github.endzone.Endzone");
        QString desktopEntry = QStringLiteral("io.github.endzone.Endzone");
        std::chrono::milliseconds timeout {5000}; // each call's bound
        int maxQueued = 32; // sends kept while the capabilities are asked for
    };

    explicit NotificationClient(const QDBusConnection &bus, QObject *parent = nullptr);
    NotificationClient(const QDBusConnection &bus, Options options, QObject *parent = nullptr);
    ~NotificationClient() override;

    void send(const QString &summary, const QString &body);

    [[nodiscard]] int delivered() const { return m_delivered; } // the service answered with an id
    [[nodiscard]] int failed() const { return m_failed; } // an error or no answer within the timeout
    [[nodiscard]] int skipped() const { return m_skipped; } // not sent: no bus or no service
    // Known to have no service (sends are skipped) until the bus says one appeared.
    [[nodiscard]] bool serviceAbsent() const { return !m_bus.isConnected() || m_state == State::Absent; }

public Q_SLOTS:
    void sendAlert(const Endzone::Alert &alert);

Q_SIGNALS:
    // Once per send that left the queue: delivered or not.
    void finished(bool delivered);

private:
    enum class State { Unknown, Querying, Ready, Absent };
    struct Pending
    {
        QString summary;
        QString body;
    };
    void queryCapabilities();
    void onCapabilities(const QStringList &capabilities, const QDBusError &error);
    void dispatch(const Pending &notification);
    void skipAll(const QString &why);
    [[nodiscard]] static bool isAbsent(const QDBusError &error);

    QDBusConnection m_bus;
    Options m_options;
    QDBusServiceWatcher *m_watcher = nullptr;
    State m_state = State::Unknown;
    bool m_markup = false;
    bool m_reportedAbsence = false;
    bool m_reportedFailure = false;
    QList<Pending> m_queue;
    int m_delivered = 0;
    int m_failed = 0;
    int m_skipped = 0;
};

} // namespace Endzone
