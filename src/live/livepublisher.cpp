#include "livepublisher.h"

#include "logging.h"
#include "redisclient.h"

#include <QPointer>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

LivePublisher::LivePublisher(RedisClient *redis, Options options, QObject *parent)
    : QObject(parent), m_redis(redis), m_options(std::move(options))
{
}

LivePublisher::LivePublisher(LiveBus *bus, QObject *parent) : QObject(parent), m_bus(bus)
{
}

QString LivePublisher::destination() const
{
    if (!m_redis)
        return u"the in-process bus"_s;
    if (!m_options.stream.isEmpty())
        return u"stream "_s + QString::fromUtf8(m_options.stream);
    return u"channel "_s + QString::fromUtf8(m_options.channel);
}

QCoro::Task<Result<QByteArray>> LivePublisher::publish(QByteArray payload, Fence fence)
{
    using R = Result<QByteArray>;
    if (m_redis && !m_options.stream.isEmpty()) {
        co_return co_await m_redis->appendToStream(
            m_options.stream, payload, m_options.streamMaxLength, fence.key, fence.token);
    }
    if (m_redis) {
        const auto received = co_await m_redis->publish(m_options.channel, payload);
        if (!received)
            co_return R::failure(received.error());
        co_return QByteArray();
    }
    if (!m_bus)
        co_return R::failure(u"no live bus to publish on"_s);
    m_bus->publish(payload);
    co_return QByteArray();
}

QCoro::Task<Result<int>> LivePublisher::publishChanges(QList<Game> changed, WeekReader readWeek)
{
    const QList<LiveMessage> messages = messagesFor(changed, readWeek);
    QPointer self {this};
    int sent = 0;
    for (const LiveMessage &message : messages) {
        const auto published = co_await publish(message.encode());
        if (!self)
            co_return Result<int>::failure(u"publisher destroyed"_s);
        if (!published)
            co_return Result<int>::failure(published.error());
        ++sent;
    }
    co_return sent;
}

QList<LiveMessage> LivePublisher::messagesFor(const QList<Game> &changed, const WeekReader &readWeek)
{
    struct WeekChanges
    {
        WeekKey key;
        QList<Game> games;
    };
    QList<WeekChanges> weeks;
    for (const Game &game : changed) {
        const WeekKey key {game.season, game.seasonType, game.week};
        auto week = std::find_if(weeks.begin(), weeks.end(), [&key](const WeekChanges &w) { return w.key == key; });
        if (week == weeks.end())
            week = weeks.insert(weeks.end(), WeekChanges {key, {}});
        auto same = std::find_if(
            week->games.begin(), week->games.end(), [&game](const Game &other) { return other.eid == game.eid; });
        if (same != week->games.end())
            *same = game;
        else
            week->games.append(game);
    }
    QList<LiveMessage> messages;
    for (const WeekChanges &week : std::as_const(weeks)) {
        const auto games = readWeek(week.key);
        if (!games) {
            qCWarning(lcLive).noquote() << "not publishing" << week.key.toString() << games.error();
            continue;
        }
        messages.append(LiveMessage::fromWeek(week.key, games.value(), week.games));
    }
    return messages;
}

} // namespace Endzone
