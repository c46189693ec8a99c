#include "listenaddress.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

// The one `HOST:PORT` rule of --listen (endzone-server, endzone-feed) and --serve (endzone).
class ListenAddressTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << u"127.0.0.1:8000"_s << u"127.0.0.1"_s << 8000;
        QTest::newRow("any port") << u"127.0.0.1:0"_s << u"127.0.0.1"_s << 0;
        QTest::newRow("loopback by default") << u":8080"_s << u"127.0.0.1"_s << 8080;
        QTest::newRow("ipv6") << u"[::1]:8000"_s << u"::1"_s << 8000;
        QTest::newRow("every interface") << u"0.0.0.0:80"_s << u"0.0.0.0"_s << 80;
    }
    void accepts()
    {
        QFETCH(QString, text);
        QFETCH(QString, address);
        QFETCH(int, port);
        const auto parsed = ListenAddress::parse(text, u"--listen");
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed.value().address, QHostAddress(address));
        QCOMPARE(int(parsed.value().port), port);
        QCOMPARE(ListenAddress::parse(parsed.value().toString(), u"--listen").value().port, parsed.value().port);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no port") << u"127.0.0.1"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("port too big") << u"127.0.0.1:70000"_s;
        QTest::newRow("negative port") << u"127.0.0.1:-1"_s;
        QTest::newRow("not a port") << u"127.0.0.1:http"_s;
        QTest::newRow("host name") << u"localhost:8000"_s; // an address, so what is bound is never a surprise
        QTest::newRow("bare ipv6") << u"::1:8000"_s;
        QTest::newRow("garbage") << u"[::1:8000"_s;
    }
    void refuses()
    {
        QFETCH(QString, text);
        const auto parsed = ListenAddress::parse(text, u"--serve");
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().startsWith(u"--serve expects HOST:PORT"), qPrintable(parsed.error()));
        QVERIFY2(parsed.error().contains(text), qPrintable(parsed.error()));
    }
};

QTEST_GUILESS_MAIN(ListenAddressTest)
#include "listenaddresstest.moc"
