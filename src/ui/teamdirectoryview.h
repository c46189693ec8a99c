#pragma once

#include <QColor>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>

namespace Endzone {

// The app's view of core's TeamDirectory, and QML's `TeamDirectory` singleton: club colours, cities and names by
// abbreviation, historic abbreviations included (STL, SD, OAK, JAC, WAS), so old seasons from the store render like
// current ones. Where the caller has the season it passes it and gets the name the club had then ("Washington
// Redskins" in 2015); 0 means today.
class TeamDirectoryView : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(TeamDirectory)
    QML_SINGLETON
public:
    struct Info
    {
        QString abbreviation;
        QString city;
        QString nickname; // display case: "Patriots"
        QColor primary;
        QColor secondary;
    };

    using QObject::QObject;

    [[nodiscard]] static Info info(const QString &abbreviation, int season = 0);
    // The 32 current clubs, in alphabetical order of abbreviation.
    [[nodiscard]] static QList<Info> clubs();
    // "patriots" -> "Patriots", "football team" -> "Football Team", "49ers" stays.
    [[nodiscard]] static QString displayNickname(const QString &nickname);
    // Today's abbreviations of the clubs whose city, nickname or any abbreviation, today's or historic,
    // contains `text` (case-insensitive): "oilers" finds TEN.
    [[nodiscard]] static QStringList search(const QString &text);

    Q_INVOKABLE [[nodiscard]] QColor primary(const QString &abbreviation) const { return info(abbreviation).primary; }
    Q_INVOKABLE [[nodiscard]] QColor secondary(const QString &abbreviation) const
    {
        return info(abbreviation).secondary;
    }
    Q_INVOKABLE [[nodiscard]] QString city(const QString &abbreviation, int season = 0) const
    {
        return info(abbreviation, season).city;
    }
    Q_INVOKABLE [[nodiscard]] QString nickname(const QString &abbreviation, int season = 0) const
    {
        return info(abbreviation, season).nickname;
    }
    // "Washington Commanders"; the abbreviation itself for a code no club had.
    Q_INVOKABLE [[nodiscard]] QString displayName(const QString &abbreviation, int season = 0) const;
    Q_INVOKABLE [[nodiscard]] QStringList abbreviations() const;
};

} // namespace Endzone
