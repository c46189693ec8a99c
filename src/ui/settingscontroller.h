#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSettings>
#include <QStringList>

namespace Endzone {

// What the user chose, persisted in the one config file that every program reads (Config::file, an INI file),
// under the same keys the command line and environment override: `feed`, `source`, `database`, `live`,
// `favourites` (in priority order), `delay` and `theme`. A feed chosen here is the one endzone-fetch uses. `kiosk` and
// `demo` describe this run and are not persisted.
class SettingsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    Q_PROPERTY(QString feedUrl READ feedUrl WRITE setFeedUrl NOTIFY changed)
    Q_PROPERTY(QString database READ database WRITE setDatabase NOTIFY changed)
    Q_PROPERTY(QString liveSource READ liveSource WRITE setLiveSource NOTIFY changed)
    Q_PROPERTY(QStringList favourites READ favourites WRITE setFavourites NOTIFY favouritesChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    // The spoiler delay in seconds, 0-120 (a value outside is clamped).
    Q_PROPERTY(int delay READ delay WRITE setDelay NOTIFY delayChanged)
    // Every club's code today, for choosing favourites.
    Q_PROPERTY(QStringList teams READ teams CONSTANT)
    // Favourites whose games give no desktop notifications (key `notify-muted`).
    Q_PROPERTY(QStringList notifyMuted READ notifyMuted WRITE setNotifyMuted NOTIFY notifyMutedChanged)
    Q_PROPERTY(bool kiosk READ kiosk CONSTANT)
    Q_PROPERTY(bool demo READ demo CONSTANT)
public:
    explicit SettingsController(
        const QString &configFile, bool kiosk = false, bool demo = false, QObject *parent = nullptr);

    [[nodiscard]] QString feedUrl() const;
    void setFeedUrl(const QString &url);
    [[nodiscard]] QString database() const;
    void setDatabase(const QString &url);
    [[nodiscard]] QString liveSource() const;
    void setLiveSource(const QString &source);
    [[nodiscard]] QStringList favourites() const;
    void setFavourites(const QStringList &teams);
    [[nodiscard]] int delay() const;
    void setDelay(int seconds);
    // "dark" or "light".
    [[nodiscard]] QString theme() const;
    void setTheme(const QString &theme);
    [[nodiscard]] static QStringList teams();
    [[nodiscard]] QStringList notifyMuted() const;
    void setNotifyMuted(const QStringList &teams);
    // The settings page's per-team switch.
    Q_INVOKABLE void setNotificationsFor(const QString &team, bool on);
    Q_INVOKABLE [[nodiscard]] bool notificationsFor(const QString &team) const { return !notifyMuted().contains(team); }
    [[nodiscard]] bool kiosk() const { return m_kiosk; }
    [[nodiscard]] bool demo() const { return m_demo; }

Q_SIGNALS:
    void changed();
    void favouritesChanged();
    void themeChanged();
    void delayChanged();
    void notifyMutedChanged();

private:
    void write(const QString &key, const QVariant &value);

    QSettings m_settings;
    bool m_kiosk;
    bool m_demo;
};

} // namespace Endzone
