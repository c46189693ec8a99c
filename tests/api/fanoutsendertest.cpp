#include "fanoutsender.h"

#include <QTest>
#include <array>
#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Endzone;

namespace {

// Connected AF_UNIX stream pairs: the sender writes to `ours`, the test reads from `theirs`.
struct SocketPairs
{
    explicit SocketPairs(int count)
    {
        for (int i = 0; i < count; ++i) {
            std::array<int, 2> fds {};
            if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds.data()) != 0)
                break;
            ours.push_back(fds[0]);
            theirs.push_back(fds[1]);
        }
    }
    ~SocketPairs()
    {
        for (const int fd : ours)
            ::close(fd);
        for (const int fd : theirs) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    std::vector<int> ours;
    std::vector<int> theirs;
};

// Everything readable on `fd` right now.
QByteArray drain(int fd)
{
    QByteArray all;
    std::array<char, 65536> buffer {};
    for (;;) {
        const auto got = ::recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (got <= 0)
            return all;
        all.append(buffer.data(), got);
    }
}

} // namespace

class FanOutSenderTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sendsTheBytesToEveryDescriptorOnce_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("clients");
        QTest::newRow("inline") << 1 << 300;
        QTest::newRow("two threads, few clients (inline)") << 2 << 10;
        QTest::newRow("two threads") << 2 << 400;
        QTest::newRow("four threads") << 4 << 400;
    }
    void sendsTheBytesToEveryDescriptorOnce()
    {
        QFETCH(int, threads);
        QFETCH(int, clients);
        SocketPairs pairs(clients);
        QCOMPARE(int(pairs.ours.size()), clients);
        FanOutSender sender(threads);
        QCOMPARE(sender.threadCount(), threads);

        // Several events in a row: every worker must take each job exactly once.
        std::vector<qint64> sent(pairs.ours.size(), -2);
        for (int event = 0; event < 20; ++event) {
            const QByteArray bytes = "id: " + QByteArray::number(event) + "\ndata: " + QByteArray(200, 'x') + "\n\n";
            std::fill(sent.begin(), sent.end(), -2);
            sender.send(pairs.ours, sent, bytes);
            for (std::size_t i = 0; i < sent.size(); ++i)
                QCOMPARE(sent[i], bytes.size());
            for (std::size_t i = 0; i < pairs.theirs.size(); ++i)
                QCOMPARE(drain(pairs.theirs[i]), bytes);
        }
    }

    void reportsWhatTheKernelDidNotTake()
    {
        SocketPairs pairs(400);
        QCOMPARE(pairs.ours.size(), std::size_t(400));
        // Client 7 stops reading: a few big writes fill its buffer, then nothing more fits.
        // Client 9 went away: an error, and no SIGPIPE for this process.
        ::close(pairs.theirs[9]);
        pairs.theirs[9] = -1;
        FanOutSender sender(2);
        const QByteArray bytes(64 * 1024, 'y');
        std::vector<qint64> sent(pairs.ours.size());
        qint64 queuedAtSeven = 0;
        for (int event = 0; event < 64; ++event) {
            sender.send(pairs.ours, sent, bytes);
            QCOMPARE(sent[9], -1);
            queuedAtSeven += qMax<qint64>(0, sent[7]);
            for (std::size_t i = 0; i < pairs.theirs.size(); ++i) {
                if (i == 7 || i == 9)
                    continue;
                // The others read as they go: each event goes out whole.
                QCOMPARE(sent[i], bytes.size());
                QCOMPARE(drain(pairs.theirs[i]), bytes);
            }
            if (sent[7] < bytes.size())
                break;
        }
        QVERIFY2(sent[7] < bytes.size(), "a reader that never reads must fill up");
        QCOMPARE(drain(pairs.theirs[7]).size(), queuedAtSeven);
    }

    void nothingToSendIsFine()
    {
        FanOutSender sender(2);
        sender.send({}, {}, "data");
    }
};

QTEST_GUILESS_MAIN(FanOutSenderTest)
#include "fanoutsendertest.moc"
