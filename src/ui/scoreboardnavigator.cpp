#include "scoreboardnavigator.h"

#include "gameformat.h"
#include "gamestore.h"
#include "scoreboardmodel.h"
#include "seasoncalendar.h"

namespace Endzone {

ScoreboardNavigator::ScoreboardNavigator(ScoreboardModel *model, GameStore *store, QObject *parent)
    : QObject(parent), m_model(model), m_store(store)
{
    connect(m_model, &ScoreboardModel::weekChanged, this, &ScoreboardNavigator::weekChanged);
}

WeekKey ScoreboardNavigator::shownWeek() const
{
    return m_model->weekKey();
}

QString ScoreboardNavigator::seasonTypeCode() const
{
    return Endzone::seasonTypeCode(shownWeek().type);
}

QString ScoreboardNavigator::weekLabel() const
{
    return GameFormat::weekLabel(shownWeek());
}

QString ScoreboardNavigator::seasonTypeName() const
{
    return GameFormat::seasonTypeName(shownWeek().type);
}

void ScoreboardNavigator::setCurrentWeek(const WeekKey &key)
{
    if (m_currentWeek == key)
        return;
    const auto shown = shownWeek();
    const bool follow = !m_currentWeek || (shown == *m_currentWeek) || shown.season == 0;
    m_currentWeek = key;
    if (follow && shown != key)
        m_model->setWeek(key); // someone watching the current week keeps watching it when the feed moves on
    else
        Q_EMIT weekChanged();
}

void ScoreboardNavigator::showWeek(int season, const QString &seasonType, int week)
{
    const auto type = seasonTypeFromCode(seasonType);
    if (!type)
        return;
    // QML does not know the calendar: a week the phase lacks in that season opens its nearest one, so -1 is
    // the phase's first week (POST is 18 in 2015, 19 in 2023) and REG 18 of 2023 becomes REG 17 in 2015.
    const auto weeks = SeasonCalendar::weeks(season, {*type});
    if (weeks.isEmpty())
        return;
    const int first = weeks.constFirst().week, last = weeks.constLast().week;
    m_model->setWeek({season, *type, std::clamp(week, first, last)});
}

void ScoreboardNavigator::nextWeek()
{
    m_model->setWeek(SeasonCalendar::next(shownWeek()));
}

void ScoreboardNavigator::previousWeek()
{
    m_model->setWeek(SeasonCalendar::previous(shownWeek()));
}

void ScoreboardNavigator::showNow()
{
    if (m_currentWeek) {
        m_model->setWeek(*m_currentWeek);
        return;
    }
    // No live feed has told us: the calendar's rule over the latest stored season, as the API applies it.
    const auto seasons = m_store->seasons();
    if (!seasons || seasons.value().isEmpty())
        return;
    const auto season = *std::max_element(seasons.value().cbegin(), seasons.value().cend());
    const auto weeks = m_store->weeks(season);
    if (!weeks)
        return;
    QList<Game> games;
    for (const auto &key : weeks.value()) {
        if (const auto week = m_store->week(key))
            games += week.value();
    }
    if (const auto current = SeasonCalendar::currentWeek(games, QDateTime::currentDateTimeUtc()))
        m_model->setWeek(*current);
}

} // namespace Endzone
