#include "weekslug.h"

#include "seasoncalendar.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

std::optional<int> WeekSlug::parseYear(QStringView text)
{
    if (text.size() != 4)
        return std::nullopt;
    int year = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        year = year * 10 + (c.unicode() - u'0');
    }
    if (year < MinYear || year > MaxYear)
        return std::nullopt;
    return year;
}

bool WeekSlug::isGameId(QStringView text)
{
    // Ten digits is a scorestrip eid (YYYYMMDDNN), nine an ESPN event id ("401547505") for a game only ESPN had.
    return (text.size() == 9 || text.size() == 10)
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool WeekSlug::isValid(const WeekKey &key)
{
    return key.season >= MinYear && key.season <= MaxYear && SeasonCalendar::isValid(key);
}

std::optional<WeekKey> WeekSlug::parse(int season, QStringView slug)
{
    if (season < MinYear || season > MaxYear)
        return std::nullopt;
    return SeasonCalendar::parseSlug(season, slug);
}

QString WeekSlug::toSlug(const WeekKey &key)
{
    return SeasonCalendar::slug(key);
}

} // namespace Endzone
