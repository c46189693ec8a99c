#pragma once

#include "teamgamesmodel.h"

#include <QVariantList>

namespace Endzone {

// One team's season from the store: schedule and results, plus the points-per-week series the chart
// draws (`points` as [{week, label, scored, allowed}], regular season and postseason).
class TeamSeasonModel : public TeamGamesModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    Q_PROPERTY(int season READ season WRITE setSeason NOTIFY seasonChanged)
    Q_PROPERTY(QList<int> seasons READ seasons NOTIFY seasonsChanged)
    Q_PROPERTY(QVariantList points READ points NOTIFY gamesChanged)
public:
    explicit TeamSeasonModel(GameStore *store, QObject *parent = nullptr);

    [[nodiscard]] int season() const { return m_season; }
    void setSeason(int season);
    [[nodiscard]] QList<int> seasons() const { return m_seasons; }
    [[nodiscard]] QVariantList points() const;

    Q_INVOKABLE void refreshSeasons();

Q_SIGNALS:
    void seasonChanged();
    void seasonsChanged();

protected:
    [[nodiscard]] Result<QList<Game>> load() const override;
    [[nodiscard]] bool belongs(const Game &game) const override { return game.season == m_season; }
    [[nodiscard]] bool shownBefore(const Game &a, const Game &b) const override;

private:
    int m_season = 0;
    QList<int> m_seasons;
};

// A team across every stored season, newest first: the search page. `query` is free text ("pats",
// "green bay", "KC"); `matches` lists the clubs it could mean and the first one is shown.
class TeamSearchModel : public TeamGamesModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QStringList matches READ matches NOTIFY queryChanged)
public:
    explicit TeamSearchModel(GameStore *store, QObject *parent = nullptr);

    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString &query);
    [[nodiscard]] QStringList matches() const { return m_matches; }

Q_SIGNALS:
    void queryChanged();

protected:
    [[nodiscard]] Result<QList<Game>> load() const override;
    [[nodiscard]] bool belongs(const Game &) const override { return true; }
    [[nodiscard]] bool shownBefore(const Game &a, const Game &b) const override;

private:
    QString m_query;
    QStringList m_matches;
};

} // namespace Endzone
