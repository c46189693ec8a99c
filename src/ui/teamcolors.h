#pragma once

#include <QColor>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>

namespace Endzone {

// Club colours, cities and display names by feed abbreviation, historic abbreviations included
// (STL, SD, OAK, JAC), so old seasons from the store render like current ones.
class TeamColors : public QObject
{
    Q_OBJECT
    QML_ELEMENT
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

    [[nodiscard]] static Info info(const QString &abbreviation);
    // The 32 current clubs, in alphabetical order of abbreviation.
    [[nodiscard]] static QList<Info> clubs();
    // "patriots" -> "Patriots", "49ers" stays.
    [[nodiscard]] static QString displayNickname(const QString &nickname);
    // The abbreviations whose city, nickname or abbreviation contain `text` (case-insensitive).
    [[nodiscard]] static QStringList search(const QString &text);

    Q_INVOKABLE [[nodiscard]] QColor primary(const QString &abbreviation) const { return info(abbreviation).primary; }
    Q_INVOKABLE [[nodiscard]] QColor secondary(const QString &abbreviation) const
    {
        return info(abbreviation).secondary;
    }
    Q_INVOKABLE [[nodiscard]] QString city(const QString &abbreviation) const { return info(abbreviation).city; }
    Q_INVOKABLE [[nodiscard]] QString nickname(const QString &abbreviation) const
    {
        return info(abbreviation).nickname;
    }
    Q_INVOKABLE [[nodiscard]] QStringList abbreviations() const;
};

} // namespace Endzone
