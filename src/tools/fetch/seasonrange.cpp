#include "seasonrange.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

Result<QList<WeekKey>> parseWeekSelection(const QStringList &seasons, const QString &types, const QString &week)
{
    using R = Result<QList<WeekKey>>;
    if (seasons.isEmpty())
        return R::failure(u"name at least one season, e.g. 2015 or 1970-2014"_s);
    QList<SeasonType> seasonTypes;
    for (const auto &code : types.split(u',', Qt::SkipEmptyParts)) {
        const auto type = seasonTypeFromCode(code.trimmed());
        if (!type)
            return R::failure(u"unknown season type \"%1\": use PRE, REG or POST"_s.arg(code));
        seasonTypes.append(*type);
    }
    if (seasonTypes.isEmpty())
        seasonTypes = {SeasonType::Pre, SeasonType::Reg, SeasonType::Post};
    std::optional<int> onlyWeek;
    if (!week.isEmpty()) {
        bool ok = false;
        onlyWeek = week.toInt(&ok);
        if (!ok || *onlyWeek < 0 || *onlyWeek > 22)
            return R::failure(u"week \"%1\" is not a number from 0 to 22"_s.arg(week));
    }
    QList<WeekKey> weeks;
    for (const auto &argument : seasons) {
        const auto bounds = argument.split(u'-');
        bool firstOk = false, lastOk = bounds.size() == 1;
        const int first = bounds.first().toInt(&firstOk);
        const int last = bounds.size() == 2 ? bounds.last().toInt(&lastOk) : first;
        if (bounds.size() > 2 || !firstOk || !lastOk || first < 1920 || last > 2100 || last < first)
            return R::failure(u"\"%1\" is not a season or a range of seasons like 1970-2014"_s.arg(argument));
        for (int season = first; season <= last; ++season) {
            for (const auto &key : weeksOfSeason(season, seasonTypes)) {
                if (!onlyWeek || key.week == *onlyWeek)
                    weeks.append(key);
            }
        }
    }
    if (weeks.isEmpty())
        return R::failure(u"week %1 is in none of the season types asked for"_s.arg(week));
    return weeks;
}

} // namespace Endzone
