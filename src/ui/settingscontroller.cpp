#include "settingscontroller.h"

#include "delayline.h"
#include "teamdirectory.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

SettingsController::SettingsController(const QString &configFile, bool kiosk, bool demo, QObject *parent)
    : QObject(parent), m_settings(configFile, QSettings::IniFormat), m_kiosk(kiosk), m_demo(demo)
{
}

void SettingsController::write(const QString &key, const QVariant &value)
{
    if (m_settings.value(key) == value)
        return;
    m_settings.setValue(key, value);
    m_settings.sync();
    Q_EMIT changed();
}

QString SettingsController::feedUrl() const
{
    return m_settings.value(u"feed"_s).toString();
}

void SettingsController::setFeedUrl(const QString &url)
{
    write(u"feed"_s, url);
}

QString SettingsController::database() const
{
    return m_settings.value(u"database"_s).toString();
}

void SettingsController::setDatabase(const QString &url)
{
    write(u"database"_s, url);
}

QString SettingsController::liveSource() const
{
    return m_settings.value(u"live"_s).toString();
}

void SettingsController::setLiveSource(const QString &source)
{
    write(u"live"_s, source);
}

QStringList SettingsController::favourites() const
{
    // Written as a list; a user may also have written "DET,PHI" or "DET" by hand.
    const auto value = m_settings.value(u"favourites"_s);
    return value.typeId() == QMetaType::QStringList ? value.toStringList()
                                                    : value.toString().split(u',', Qt::SkipEmptyParts);
}

void SettingsController::setFavourites(const QStringList &teams)
{
    // The order is the priority: kept as given.
    if (teams == favourites())
        return;
    m_settings.setValue(u"favourites"_s, teams);
    m_settings.sync();
    Q_EMIT favouritesChanged();
}

int SettingsController::delay() const
{
    return std::clamp(m_settings.value(u"delay"_s, 0).toInt(), 0, DelayLine::MaxDelaySeconds);
}

void SettingsController::setDelay(int seconds)
{
    seconds = std::clamp(seconds, 0, DelayLine::MaxDelaySeconds);
    if (seconds == delay() && m_settings.contains(u"delay"_s))
        return;
    m_settings.setValue(u"delay"_s, seconds);
    m_settings.sync();
    Q_EMIT delayChanged();
}

QStringList SettingsController::teams()
{
    QStringList codes;
    for (const auto &club : TeamDirectory::franchises())
        codes.append(club.abbreviation);
    return codes;
}

QString SettingsController::theme() const
{
    return m_settings.value(u"theme"_s, u"dark"_s).toString();
}

void SettingsController::setTheme(const QString &theme)
{
    if (theme == this->theme())
        return;
    m_settings.setValue(u"theme"_s, theme);
    m_settings.sync();
    Q_EMIT themeChanged();
}

QStringList SettingsController::notifyMuted() const
{
    return m_settings.value(u"notify-muted"_s).toStringList();
}

void SettingsController::setNotifyMuted(const QStringList &teams)
{
    auto sorted = teams;
    sorted.removeDuplicates();
    sorted.sort();
    if (sorted == notifyMuted())
        return;
    if (sorted.isEmpty())
        m_settings.remove(u"notify-muted"_s);
    else
        m_settings.setValue(u"notify-muted"_s, sorted);
    m_settings.sync();
    Q_EMIT notifyMutedChanged();
}

void SettingsController::setNotificationsFor(const QString &team, bool on)
{
    auto muted = notifyMuted();
    if (on)
        muted.removeAll(team);
    else
        muted.append(team);
    setNotifyMuted(muted);
}

} // namespace Endzone
