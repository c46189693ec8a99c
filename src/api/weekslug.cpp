#include "weekslug.h"

#include <QUrl>

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {

constexpr int FirstPostWeek = 18;
constexpr std::array<QStringView, 5> PostNames {u"wc", u"div", u"con", u"pro", u"sb"}; // weeks 18..22

// 1 or 2 ASCII digits without sign or leading zero (except "0" itself): "07" is not a week.
std::optional<int> smallNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 2)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    if (text.size() == 2 && text.front() == u'0')
        return std::nullopt;
    return text.toInt();
}

} // namespace

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

QStringList routeSegments(const QUrl &url)
{
    QStringList segments = url.path(QUrl::FullyEncoded).split(u'/', Qt::SkipEmptyParts);
    for (QString &segment : segments)
        segment = QUrl::fromPercentEncoding(segment.toUtf8());
    return segments;
}

bool WeekSlug::isGameId(QStringView text)
{
    return text.size() == 10 && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool WeekSlug::isValid(const WeekKey &key)
{
    if (key.season < MinYear || key.season > MaxYear)
        return false;
    switch (key.type) {
    case SeasonType::Pre:
        return key.week >= 0 && key.week <= 4;
    case SeasonType::Reg:
        return key.week >= 1 && key.week <= 17;
    case SeasonType::Post:
        return key.week >= FirstPostWeek && key.week <= 22;
    }
    return false;
}

std::optional<WeekKey> WeekSlug::parse(int season, QStringView slug)
{
    if (season < MinYear || season > MaxYear)
        return std::nullopt;
    std::optional<WeekKey> key;
    if (slug.startsWith(u"pre-")) {
        if (const auto week = smallNumber(slug.mid(4)))
            key = WeekKey {season, SeasonType::Pre, *week};
    } else if (const auto week = smallNumber(slug)) {
        key = WeekKey {season, *week >= FirstPostWeek ? SeasonType::Post : SeasonType::Reg, *week};
    } else {
        for (std::size_t i = 0; i < PostNames.size(); ++i) {
            if (slug == PostNames[i])
                key = WeekKey {season, SeasonType::Post, FirstPostWeek + int(i)};
        }
    }
    if (key && !isValid(*key))
        return std::nullopt;
    return key;
}

QString WeekSlug::toSlug(const WeekKey &key)
{
    switch (key.type) {
    case SeasonType::Pre:
        return u"pre-"_s + QString::number(key.week);
    case SeasonType::Reg:
        return QString::number(key.week);
    case SeasonType::Post:
        if (key.week >= FirstPostWeek && key.week < FirstPostWeek + int(PostNames.size()))
            return PostNames[std::size_t(key.week - FirstPostWeek)].toString();
        return QString::number(key.week);
    }
    return QString::number(key.week);
}

} // namespace Endzone
