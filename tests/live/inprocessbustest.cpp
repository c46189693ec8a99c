#include "inprocessbus.h"

#include <QSignalSpy>
#include <QTest>

using namespace Endzone;

class InProcessBusTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deliversQueuedAndInOrder()
    {
        InProcessBus bus;
        QCOMPARE(bus.state(), LiveBus::State::Connected);
        QSignalSpy messages(&bus, &LiveBus::messageReceived);
        bus.publish("one");
        bus.publish("two");
        QCOMPARE(messages.size(), 0); // never synchronously re-entrant
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 1000);
        QCOMPARE(messages.at(0).at(0).toByteArray(), QByteArray("one"));
        QCOMPARE(messages.at(1).at(0).toByteArray(), QByteArray("two"));
    }

    void publishFromAReceiverIsNotReentrant()
    {
        InProcessBus bus;
        int depth = 0;
        int maxDepth = 0;
        QList<QByteArray> seen;
        connect(&bus, &LiveBus::messageReceived, &bus, [&](const QByteArray &payload) {
            ++depth;
            maxDepth = std::max(maxDepth, depth);
            seen.append(payload);
            if (payload == "first") {
                bus.publish("second");
            }
            --depth;
        });
        bus.publish("first");
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 2, 1000);
        QCOMPARE(maxDepth, 1);
        QCOMPARE(seen, (QList<QByteArray> {"first", "second"}));
    }

    void destroyedBeforeDeliveryIsSafe()
    {
        auto bus = std::make_unique<InProcessBus>();
        bus->publish("never delivered");
        bus.reset();
        QTest::qWait(10); // the queued delivery must be dropped with the bus, not crash
    }
};

QTEST_GUILESS_MAIN(InProcessBusTest)
#include "inprocessbustest.moc"
