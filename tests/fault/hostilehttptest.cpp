// Hostile HTTP input against a real endzone-server process: a generated set of well over 1,000 malformed,
// oversized and malicious requests. Each must be answered with a 4xx or have its connection closed (never a
// 2xx, 3xx or 5xx, never left hanging; a live-stream request with a hostile Last-Event-ID is the one valid
// request here and must get the stream, 200, never an error), the server must stay up and answer a normal request
// afterwards, and the store must be unchanged (row count and a checksum of every row).
#include "faultsupport.h"
#include "gamestore.h"
#include "scorestripparser.h"
#include "testdata.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace Endzone::Test;

namespace {

struct HostileRequest
{
    QByteArray family;
    QByteArray bytes;
};

QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

// The generated set. Deterministic, so a failure names a request that reproduces.
QList<HostileRequest> hostileRequests()
{
    QList<HostileRequest> out;
    const auto add = [&](const char *family, const QByteArray &bytes) {
        out.append({family, bytes});
    };

    // SQL metacharacters in every parameter the routes take (year, slug, eid, the standings year, a static
    // file), raw where the request line allows it and percent-encoded everywhere.
    const QList<QByteArray> sql {QByteArray("2015\0", 5), "'", "''", "\"", "`", ";", "--", "/*", "*/", "\\",
        "' OR '1'='1", "' OR 1=1--", "1; DROP TABLE games;--", "2015; DELETE FROM games",
        "2015' UNION SELECT * FROM games--", "12) OR (1=1", "%", "_", "*", "1' AND sleep(5)--",
        "'; UPDATE games SET home_score=99;--", "0x27", "$1", "?", ":name", "@@version", "char(39)", "' || '", "E'\\''",
        "$$;DROP TABLE games;$$", "pg_sleep(10)", "2015 OR 1=1", "12 OR 1=1", "2015113000' OR '1'='1"};
    const QList<QByteArray> templates {"/api/season/{}/12", "/api/season/2015/{}", "/api/games/{}",
        "/api/season/{}/standings", "/static/{}", "/api/{}", "/api/season/{}/{}"};
    for (const QByteArray &payload : sql) {
        const QByteArray encoded = payload.toPercentEncoding();
        const QByteArray spaced = QByteArray(payload).replace(' ', "%20").replace('\0', "%00");
        for (const QByteArray &pattern : templates) {
            add("sql", get(QByteArray(pattern).replace("{}", encoded)));
            if (!spaced.contains('#') && !spaced.contains('?'))
                add("sql-raw", get(QByteArray(pattern).replace("{}", spaced)));
        }
        add("sql-query", get("/api/season/" + encoded + "/" + encoded + "?season=" + encoded));
    }

    // Absurd years and slugs.
    const QList<QByteArray> years {"0", "-1", "1919", "2101", "9999", "10000", "99999999999999999999", "2015.0",
        "+2015", "0x7DF", "%202015", "2015%20", "20 15", "２０１５", "%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%95", "1e3",
        "-2015", "0002015", "NaN", "inf", "2147483648", "-2147483649", "18446744073709551616", "%00", "%0a2015",
        "2015%0d%0aX-Injected:%201"};
    const QList<QByteArray> slugs {"0", "18x", "23", "99", "-1", "pre-5", "pre--1", "pre-99", "pre-", "pre-01", "07",
        "017", "999999999999", "WC", "Wc", "wc2", "sbx", "super-bowl", "reg-12", "post-18", "12.0", "1e1", "%31%32%20",
        "%00", "%FF", "12%00", "standing", "STANDINGS", "..", ".", "%2e%2e", "12/..", "pre-%3", "\xc0\xaf", "%C0%AF",
        "-", "+12", " 12", "12 "};
    for (const QByteArray &year : years) {
        add("year", get("/api/season/" + year + "/12"));
        add("year", get("/api/season/" + year + "/standings"));
        add("year", get("/api/season/" + year + "/wc"));
    }
    for (const QByteArray &slug : slugs) {
        add("slug", get("/api/season/2015/" + QByteArray(slug).replace(' ', "%20")));
        add("slug", get("/api/season/1970/" + slug.toPercentEncoding()));
    }
    for (const QByteArray eid : {"", "1", "201511300", "20151130000", "abcdefghij", "2015113000x", "-015113000",
             "2015113000%00", "%32015113000", "2015113000/", "9999999999", "0000000000"}) {
        add("eid", get("/api/games/" + QByteArray(eid)));
    }

    // Path traversal, raw and encoded, through every prefix.
    const QList<QByteArray> traversals {"../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd",
        "%2e%2e/%2e%2e/etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "....//....//etc/passwd", "..\\..\\etc\\passwd",
        "..%5c..%5cetc%5cpasswd", "%252e%252e%252fetc%252fpasswd", "..%c0%af..%c0%afetc/passwd",
        "..%ef%bc%8f..%ef%bc%8fetc/passwd", "/etc/passwd", "%2fetc%2fpasswd", "..;/..;/etc/passwd",
        "index.html/../../../etc/passwd", "app.js%00.html", "..", ".", "%2e", "~root/.ssh/id_rsa", ".git/config",
        "../src/api/apiserver.cpp", "qrc:/endzone/web/index.html", ":/endzone/web/index.html", "index.html%00",
        "index.htm", "app.js.map", "..%00/etc/passwd"};
    for (const QByteArray &t : traversals) {
        for (const QByteArray prefix :
            {"/static/", "/", "/api/", "/api/games/", "/api/season/2015/", "/static/../static/", "//", "/static//"}) {
            const QByteArray target = prefix + t;
            // An absolute URL or a path that normalises to a real page is not hostile: skip those few.
            if (target == "/static/..") // normalises to "/static": no route, fine either way
                continue;
            add("traversal", get(target));
        }
    }

    // A target starting with "//": Qt 6.4's parser reads it as an authority and a path, and would route
    // "//x/api/season/2008/13" as "/api/season/2008/13" (and "//x" as the page at /). Every one is a 404.
    for (const QByteArray target : {"//", "//x", "///", "//x/", "//x/api/", "//127.0.0.1/api/season/2008/13",
             "//evil.example/api/games/2008113000", "//x/static/app.js", "//user:pass@x:80/api/", "//x?snapshot=1",
             "//%2e%2e/api/", "//[::1]/api/"}) {
        add("double-slash", get(target));
        add("double-slash", "HEAD " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }
    add("double-slash", "\r\n" + get("//x/api/")); // after an empty line
    add("double-slash", "GET //x/api/ HTTP/1.1\n\n"); // bare line feeds
    add("double-slash", get("//x/api/livescore", "Accept: text/event-stream\r\n"));

    // An encoded slash is part of its segment, so these name no route: exactly a 404 too, never an alias.
    for (const QByteArray target : {"/api%2Flivescore", "/%2Fapi%2Flivescore", "/api/season%2F2008/13",
             "/api%2fseason%2f2008%2f13", "/api/games%2F2008113000", "/static%2Fapp.js", "/%2F"}) {
        add("encoded-slash", get(target, "Accept: text/event-stream\r\n"));
    }

    // Invalid UTF-8 and control bytes, raw and encoded, in the path and in headers.
    const QList<QByteArray> utf8 {"\xff", "\xfe\xff", "\xc0\x80", "\xc3\x28", "\xa0\xa1", "\xe2\x28\xa1",
        "\xe2\x82\x28", "\xf0\x28\x8c\xbc", "\xf8\xa1\xa1\xa1\xa1", "\xed\xa0\x80", "\xef\xbf\xbe", "\x7f", "\x01",
        "\x1b[31m"};
    for (const QByteArray &bytes : utf8) {
        add("utf8-raw", get("/api/season/2015/" + bytes));
        add("utf8-raw", get("/api/games/" + bytes));
        add("utf8-raw", get("/static/" + bytes));
        add("utf8-enc", get("/api/season/" + bytes.toPercentEncoding() + "/12"));
        add("utf8-enc", get("/api/season/2015/" + bytes.toPercentEncoding()));
        add("utf8-enc", get("/api/games/" + bytes.toPercentEncoding()));
        add("utf8-header", get("/api/season/2015/x" + bytes.toPercentEncoding(), "X-Bad: " + bytes + "\r\n"));
        add("utf8-header",
            get("/api/games/" + bytes.toPercentEncoding(),
                "If-None-Match: \"" + bytes + "\"\r\nAccept: " + bytes + "\r\n"));
    }

    // Wrong methods on every route (and unknown ones).
    const QList<QByteArray> routes {"/", "/api/", "/api/season/2008/13", "/api/season/2008/standings",
        "/api/games/2008113000", "/api/livescore", "/static/app.js", "/nope"};
    for (const QByteArray method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "BREW",
             "get", "G ET", "GETT", "MKCOL"}) {
        for (const QByteArray &route : routes)
            add("method", method + " " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
    }
    for (const QByteArray &route : routes) {
        const QByteArray body = "{\"sql\":\"DROP TABLE games\"}";
        add("method-body",
            "POST " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        add("method-body",
            "PUT " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n");
    }

    // Bad request lines and framing.
    const QList<QByteArray> lines {"\r\n\r\n", "GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET /nope\r\n\r\n",
        "GET /nope HTTP/1.1 extra\r\n\r\n", "GET  /nope HTTP/1.1\r\n\r\n", "GET /nope HTTP/9.9\r\n\r\n",
        "GET /nope HTTP/1.1\n\n", "GET /nope HTTP\r\n\r\n", "GET /nope FTP/1.0\r\n\r\n", "/nope HTTP/1.1\r\n\r\n",
        "GET nope HTTP/1.1\r\n\r\n", "GET * HTTP/1.1\r\n\r\n", "GET http://evil.example/%2e%2e HTTP/1.1\r\n\r\n",
        "GET /nope HTTP/1.1\r\nHost\r\n\r\n", "GET /nope HTTP/1.1\r\n: empty\r\n\r\n",
        "GET /nope HTTP/1.1\r\nBad Header: x\r\n\r\n", "GET /nope HTTP/1.1\r\n folded: x\r\n\r\n",
        "GET /nope HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "GET /nope HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        "GET /nope HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "GET /nope HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
        "GET /nope HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
        QByteArray("GET /nope\0 HTTP/1.1\r\n\r\n", sizeof("GET /nope\0 HTTP/1.1\r\n\r\n") - 1),
        QByteArray("\0\0\0\0\r\n\r\n", sizeof("\0\0\0\0\r\n\r\n") - 1),
        "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        "GET /nope HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", "GET /%%%%%% HTTP/1.1\r\n\r\n",
        "GET /api/%zz HTTP/1.1\r\n\r\n", "GET /api/season/%2 HTTP/1.1\r\n\r\n", "GET /api/games/\t HTTP/1.1\r\n\r\n",
        "GET /nope#frag#frag HTTP/1.1\r\nX: \x01\r\n\r\n", "GET /api/season/2015/13\r HTTP/1.1\r\n\r\n"};
    for (const QByteArray &line : lines)
        add("request-line", line);
    for (int i = 0; i < 40; ++i) {
        // Random bytes ending in a blank line (seeded: the same every run).
        QByteArray junk;
        quint32 state = 0x9e3779b9u * quint32(i + 1);
        for (int j = 0; j < 32 + i * 7; ++j) {
            state = state * 1664525u + 1013904223u;
            junk += char(state >> 24);
        }
        add("junk", junk + "\r\n\r\n");
    }

    // Hostile Last-Event-IDs on the live stream: wrong format, future, huge, another deployment's, injection
    // attempts. Each is a valid request for the stream: answered 200 text/event-stream (the client then gets a
    // snapshot, see endzone-streamresume), never an error, never a crash. A header the parser refuses is a 4xx.
    const QList<QByteArray> eventIds {"garbage", "-", "--", "0-0", "1-0", "-1-0", "1--1", "1-0/0", "1-0/-1", "1-0~1",
        "99999999999999999999-0", "18446744073709551616-0", "18446744073709551615-18446744073709551615",
        "1700000000000-0/999999999", "another-deployment-3", "abc123-7", "%00", "1-0%0d%0aevent:%20x",
        QByteArray(1000, '9') + "-0", QByteArray(8000, '1'), QByteArray(15000, '-'), "1-0\x01",
        QByteArray("\xff\xfe") + "1-0", "\xc0\xaf-0", "1 - 0", "'; DROP TABLE games;--", "${jndi:ldap://x}", "1-0, 2-0",
        "\"1-0\""};
    for (const QByteArray &id : eventIds) {
        add("last-event-id", get("/api/livescore", "Accept: text/event-stream\r\nLast-Event-ID: " + id + "\r\n"));
        add("last-event-id",
            get("/api/livescore?snapshot=1", "Accept: text/event-stream\r\nLast-Event-ID: " + id + "\r\n"));
    }

    // Oversized: a long target, huge header values, many headers, a big body.
    // All over the default 16 KiB limit (what is under it is served: endzone-securedefaults).
    for (const int size : {16500, 17000, 32768, 65536, 81920, 200000, 1 << 20}) {
        add("huge-target", get("/api/season/2015/" + QByteArray(size, 'a')));
        add("huge-header", get("/api/", "X-Big: " + QByteArray(size, 'b') + "\r\n"));
        add("huge-cookie", get("/api/", "Cookie: " + QByteArray(size, 'c') + "\r\n"));
        add("huge-accept", get("/api/livescore", "Accept: text/event-stream" + QByteArray(size, ',') + "\r\n"));
        QByteArray many;
        for (int i = 0; i < size / 8; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        add("many-headers", get("/api/", many));
        add("huge-body",
            "POST /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n"
                + QByteArray(size, 'd'));
    }
    return out;
}

} // namespace

class HostileHttpTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hostileRequests()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString url = u"sqlite:///"_s + dir.filePath(u"hostile.sqlite"_s);
        {
            auto store = GameStore::open(url);
            QVERIFY2(store, qPrintable(store.error()));
            for (const QString &name : QDir(qEnvironmentVariable("ENDZONE_TEST_DATA")).entryList({u"*.xml"_s})) {
                const auto week = ScorestripParser::parse(fixture(name));
                QVERIFY2(week, qPrintable(week.error()));
                QVERIFY(store.value()->upsertWeek(week.value()));
            }
        }
        const StoreFingerprint before = storeFingerprint(url);
        QVERIFY2(before.rows > 0, qPrintable(before.error));

        ServerProcess server;
        // No feed (a closed port): nothing a request says may leave the machine either. A request that never
        // completes a head (e.g. only empty lines) is closed after 2 s.
        QVERIFY2(
            server.start({u"--database"_s, url, u"--feed"_s, u"http://127.0.0.1:9"_s, u"--header-timeout"_s, u"2"_s}),
            qPrintable(server.errorString()));

        const QList<HostileRequest> requests = ::hostileRequests();
        QVERIFY2(requests.size() >= 1000, qPrintable(QString::number(requests.size())));
        QMap<int, int> statuses;
        int closed = 0;
        QStringList failures;
        for (const HostileRequest &request : requests) {
            const RawExchange exchange = rawExchange(server.port(), request.bytes);
            // A "//" or an encoded-slash target is an unknown route: exactly a 404, never the page or an API route.
            const bool expected404 = request.family == "double-slash" || request.family == "encoded-slash";
            const bool stream = request.family == "last-event-id" && exchange.status == 200
                && exchange.head.toLower().contains("content-type: text/event-stream");
            if (stream) {
                ++statuses[exchange.status];
            } else if (exchange.status >= 400 && exchange.status < 500 && (!expected404 || exchange.status == 404)) {
                ++statuses[exchange.status];
            } else if (exchange.status == 0 && exchange.closed && !expected404) {
                ++closed;
            } else {
                failures.append(u"[%1] %2 -> %3%4"_s.arg(QString::fromLatin1(request.family),
                    QString::fromLatin1(request.bytes.left(120).toPercentEncoding(" /:?=&")),
                    exchange.timedOut ? u"no answer, connection left open"_s : QString::number(exchange.status),
                    exchange.head.isEmpty()
                        ? QString()
                        : u" ("_s + QString::fromLatin1(exchange.head.left(exchange.head.indexOf('\r'))) + u')'));
            }
            QVERIFY2(server.isRunning(),
                qPrintable(u"server died on: "_s + QString::fromLatin1(request.bytes.left(200)) + u"\n"_s
                    + QString::fromUtf8(server.output().right(4000))));
        }
        QStringList summary;
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
            summary.append(u"%1 x%2"_s.arg(it.key()).arg(it.value()));
        qInfo().noquote() << requests.size() << "hostile requests:" << summary.join(u", "_s) << "closed x" << closed
                          << "other x" << failures.size();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 40).join(u'\n')));

        // Still up and serving the real thing.
        const RawExchange normal = rawExchange(server.port(), get("/api/season/2008/13"));
        QCOMPARE(normal.status, 200);
        QVERIFY(server.isRunning());
        QVERIFY2(!server.output().contains("Sanitizer"), server.output().right(4000).constData());
        QVERIFY(server.terminate());

        const StoreFingerprint after = storeFingerprint(url);
        QCOMPARE(after.rows, before.rows);
        QCOMPARE(after.digest, before.digest);
    }
};

QTEST_GUILESS_MAIN(HostileHttpTest)
#include "hostilehttptest.moc"
