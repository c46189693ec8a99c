#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

namespace Endzone {

struct Game;

// Which teams are the user's favourites and in what order of priority: the one home for that list. It keeps today's
// codes and their franchises, so a club ranks the same under any of its old abbreviations in an old season ("OAK"
// in 2015 is LV). The scoreboard sorts by rank(), the settings page reorders with move(), a card's star calls
// toggleGame(); whoever persists or notifies follows teamsChanged().
class FavouritesController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    // Today's codes, highest priority first.
    Q_PROPERTY(QStringList teams READ teams WRITE setTeams NOTIFY teamsChanged)
public:
    explicit FavouritesController(QObject *parent = nullptr);

    [[nodiscard]] QStringList teams() const { return m_teams; }
    // Any case and old codes are accepted and stored as today's codes; an unknown team refuses the whole list
    // (rejected() says why, with the valid codes) and leaves it as it was.
    void setTeams(const QStringList &teams);

    // 0 for the first favourite, 1 for the second, ...; -1 for a team that is none. `team` is a code of `season`.
    [[nodiscard]] int rank(const QString &team, int season) const;
    // A game ranks as its higher-priority favourite.
    [[nodiscard]] int rank(const Game &game) const;

    // The Q_INVOKABLEs take codes as a view shows them; `season` is the season they belong to (the shown week's),
    // 0 for this year.
    Q_INVOKABLE [[nodiscard]] bool isFavourite(const QString &team, int season = 0) const;
    // The game's favourite team with the highest priority, or "".
    Q_INVOKABLE [[nodiscard]] QString favouriteTeamOf(
        const QString &homeAbbr, const QString &visitorAbbr, int season = 0) const;
    // A favourite stops being one; another team becomes one, at the lowest priority.
    Q_INVOKABLE void toggle(const QString &team, int season = 0);
    // A card's star (or F on it): the game's highest-priority favourite stops being one; a game without a favourite
    // makes its home team one.
    Q_INVOKABLE void toggleGame(const QString &homeAbbr, const QString &visitorAbbr, int season = 0);
    // Moves the favourite at `from` to `to` (the settings page's up and down); out of range does nothing.
    Q_INVOKABLE void move(int from, int to);

Q_SIGNALS:
    void teamsChanged();
    void rejected(const QString &message);

private:
    QStringList m_teams; // today's codes, highest priority first
    QList<int> m_ids; // their franchises, in the same order
};

} // namespace Endzone
