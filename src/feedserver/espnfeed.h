#pragma once

#include "syntheticseason.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QUrlQuery>
#include <optional>
#include <tuple>

namespace Endzone {

// FeedServer's ESPN documents: what `scoreboard` and `summary?event=` answer, from a folder of ESPN files
// (`scoreboard-YEAR-pre|reg|post-WEEK[-anything].json`, WEEK in ESPN's numbering, and
// `summary-EVENTID[-anything].json`, as ../shared/data/espn has them) or from a synthetic season written by
// EspnWriter. A file is read on first use and kept: a scoreboard is up to 1.2 MB.
class EspnFeed
{
public:
    // ESPN's own week key: year, season type 1-3 and its week number (PRE 1 is the Hall of Fame game).
    using EspnWeek = std::tuple<int, int, int>;

    struct Answer
    {
        int status = 200;
        QByteArray body;
        std::optional<WeekKey> week; // the week answered, in Endzone's numbering, when it has one
    };

    EspnFeed(const QString &directory, const SyntheticSeason *synthetic);

    // Which ESPN week a scoreboard query asks for (none for `dates=YYYYMMDD`), or an error message.
    struct Request
    {
        std::optional<EspnWeek> week;
        std::optional<QDate> day;
        QString error;
    };
    [[nodiscard]] Request request(const QUrlQuery &query, const QDateTime &now) const;
    [[nodiscard]] Answer scoreboard(const Request &request, const QDateTime &now);
    [[nodiscard]] Answer summary(const QString &eventId, const QDateTime &now);

    [[nodiscard]] static std::optional<WeekKey> toWeekKey(const EspnWeek &week);
    [[nodiscard]] static QByteArray emptyScoreboard(const std::optional<EspnWeek> &week);
    [[nodiscard]] static QByteArray error(int code, const QString &message);

private:
    [[nodiscard]] std::optional<QByteArray> file(const QString &path);
    [[nodiscard]] Answer weekDocument(const EspnWeek &week, const QDateTime &now);
    [[nodiscard]] Answer dayDocument(QDate day, const QDateTime &now);
    [[nodiscard]] EspnWeek currentWeek(const QDateTime &now) const;

    QString m_directory;
    const SyntheticSeason *m_synthetic = nullptr;
    QMap<EspnWeek, QString> m_weekFiles;
    QHash<QString, QString> m_summaryFiles; // event id -> path
    QHash<QString, QByteArray> m_cache; // path -> bytes, read once
};

} // namespace Endzone
