// JsonSkim on hand-made documents (what it keeps, what it drops, where it gives up), against QJsonDocument on
// every ESPN document we have, and EspnParser with and without it: the skim must never change a parse.
#include "jsonskim.h"
#include "espnjson.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;

namespace {

// The reference the skim is compared with: the same keys removed (a "parent/key" only from
// the members of `parent`'s value, and of the items of an array there) from QJsonDocument's tree.
QJsonValue without(const QJsonValue &value, const QByteArrayList &keys, const QString &parent = {})
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(without(item, keys, parent));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end(); ++it) {
            const QByteArray key = it.key().toUtf8();
            if (!keys.contains(key) && !keys.contains(parent.toUtf8() + '/' + key))
                object.insert(it.key(), without(it.value(), keys, it.key()));
        }
        return object;
    }
    return value;
}

QJsonDocument parsed(const QByteArray &json)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(json, &error);
    return error.error == QJsonParseError::NoError ? document : QJsonDocument();
}

// Every ESPN document: our fixtures, and the real responses when ../shared is beside the project.
QStringList espnFiles()
{
    const QStringList dirs {QString(qEnvironmentVariable("ENDZONE_TEST_DATA") + u"/espn"_s),
        QString(qEnvironmentVariable("ENDZONE_SHARED_DIR") + u"/data/espn"_s)};
    QStringList files;
    for (const QString &dir : dirs) {
        for (const QString &name : QDir(dir).entryList({u"*.json"_s, u"*.html"_s}, QDir::Files, QDir::Name))
            files.append(dir + u'/' + name);
    }
    return files;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void compareGames(const QList<Game> &skimmed, const QList<Game> &plain)
{
    QCOMPARE(skimmed.size(), plain.size());
    for (qsizetype i = 0; i < plain.size(); ++i)
        QVERIFY2(skimmed.at(i) == plain.at(i), qPrintable(u"game "_s + plain.at(i).eid));
}

} // namespace

class JsonSkimTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(u"endzone.feed.info=false\nendzone.feed.warning=false"_s); }

    void skims_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArrayList>("keys");
        QTest::addColumn<QByteArray>("expected");
        const QByteArrayList drop {"drop"};

        QTest::newRow("whitespace everywhere")
            << QByteArray(" \r\n\t{ \"a\" :\t[ 1 ,\n2 , { } , [ ] ] ,\r\n\"b\" : null }\n ") << drop
            << QByteArray("{\"a\":[1,2,{},[]],\"b\":null}");
        QTest::newRow("an array at the top")
            << QByteArray("[ {\"drop\": 1, \"a\": 2} , 3 ]") << drop << QByteArray("[{\"a\":2},3]");
        QTest::newRow("empty object") << QByteArray("{ }") << drop << QByteArray("{}");
        QTest::newRow("only member dropped") << QByteArray("{\"drop\": {\"a\": [1, 2]}}") << drop << QByteArray("{}");
        QTest::newRow("first member dropped")
            << QByteArray("{\"drop\": 1, \"a\": 2, \"b\": 3}") << drop << QByteArray("{\"a\":2,\"b\":3}");
        QTest::newRow("last member dropped")
            << QByteArray("{\"a\": 2, \"b\": 3, \"drop\": \"x\"}") << drop << QByteArray("{\"a\":2,\"b\":3}");
        QTest::newRow("middle member dropped")
            << QByteArray("{\"a\": 2, \"drop\": [], \"b\": 3}") << drop << QByteArray("{\"a\":2,\"b\":3}");
        QTest::newRow("dropped in a row")
            << QByteArray("{\"drop\": 1, \"other\": 2, \"drop\": 3, \"a\": 4, \"other\": 5}")
            << QByteArrayList {"drop", "other"} << QByteArray("{\"a\":4}");
        QTest::newRow("every kind of value")
            << QByteArray("{\"s\": \"x\", \"n\": -1.5e+10, \"a\": [1, [2]], \"o\": {\"p\": {}}, \"t\": true, \"f\": "
                          "false, \"z\": null, \"k\": 0}")
            << QByteArrayList {"s", "n", "a", "o", "t", "f", "z"} << QByteArray("{\"k\":0}");
        QTest::newRow("several depths") << QByteArray("{\"drop\": 1, \"a\": {\"drop\": [1, {\"drop\": 2}], \"b\": "
                                                      "[{\"drop\": {}, \"c\": true}, {\"d\": {\"drop\": null}}]}}")
                                        << drop << QByteArray("{\"a\":{\"b\":[{\"c\":true},{\"d\":{}}]}}");
        QTest::newRow("a key as a value or an array item is kept")
            << QByteArray("{\"a\": \"drop\", \"b\": [\"drop\", {\"c\": \"drop\"}]}") << drop
            << QByteArray("{\"a\":\"drop\",\"b\":[\"drop\",{\"c\":\"drop\"}]}");
        QTest::newRow("brackets and quotes in strings")
            << QByteArray("{\"drop\": \"}]{[\\\"\\\\\", \"a\": \"x]}, {\\\"drop\\\": [\", \"b\\\"]}\": 1}") << drop
            << QByteArray("{\"a\":\"x]}, {\\\"drop\\\": [\",\"b\\\"]}\":1}");
        QTest::newRow("backslash before the closing quote")
            << QByteArray("{\"drop\": \"\\\\\", \"a\": \"\\\\\\\"\", \"b\": \"\\\\\\\\\"}") << drop
            << QByteArray("{\"a\":\"\\\\\\\"\",\"b\":\"\\\\\\\\\"}");
        QTest::newRow("whitespace inside strings is kept")
            << QByteArray("{ \"a b\" : \" x \\t y \" }") << drop << QByteArray("{\"a b\":\" x \\t y \"}");
        QTest::newRow("escapes and unicode escapes")
            << QByteArray("{\"drop\": \"\\u0022\\uD83D\\uDE00\\ud800\", \"a\": \"\\b\\f\\n\\r\\t\\/\\u00e9\\u0000\"}")
            << drop << QByteArray("{\"a\":\"\\b\\f\\n\\r\\t\\/\\u00e9\\u0000\"}");
        QTest::newRow("UTF-8") << QByteArray(
            "{\"drop\": \"S\xC3\xA3o \xE2\x80\x9C\xF0\x9F\x8F\x88\", \"a\": \"\xC3\xA9\x7F\"}")
                               << drop << QByteArray("{\"a\":\"\xC3\xA9\x7F\"}");
        QTest::newRow("numbers") << QByteArray("[0, -0, 1.25, -12e3, 4E+2, 5e-7, 0.5E-0]") << drop
                                 << QByteArray("[0,-0,1.25,-12e3,4E+2,5e-7,0.5E-0]");
        QTest::newRow("key prefixes are not the key") << QByteArray("{\"dro\": 1, \"drops\": 2, \"Drop\": 3}") << drop
                                                      << QByteArray("{\"dro\":1,\"drops\":2,\"Drop\":3}");
        QTest::newRow("scoped: only in its parent's value")
            << QByteArray("{\"plays\": [{\"end\": 1, \"a\": 2}, {\"end\": {}}], \"drive\": {\"end\": 3}, \"end\": 4}")
            << QByteArrayList {"plays/end"} << QByteArray("{\"plays\":[{\"a\":2},{}],\"drive\":{\"end\":3},\"end\":4}");
        QTest::newRow("scoped: an object value, arrays in arrays, not grandchildren")
            << QByteArray("{\"plays\": {\"end\": 1, \"x\": {\"end\": 2}}, \"p\": {\"plays\": [[{\"end\": 5}]]}}")
            << QByteArrayList {"plays/end"} << QByteArray("{\"plays\":{\"x\":{\"end\":2}},\"p\":{\"plays\":[[{}]]}}");
        QTest::newRow("scoped beside unscoped")
            << QByteArray("{\"a\": {\"b\": 1, \"c\": 2}, \"b\": 3, \"d\": {\"c\": 4, \"b\": 5}}")
            << QByteArrayList {"a/b", "c"} << QByteArray("{\"a\":{},\"b\":3,\"d\":{\"b\":5}}");
        QTest::newRow("no keys: minified")
            << QByteArray("{\n  \"drop\": [\n    1\n  ]\n}\n") << QByteArrayList() << QByteArray("{\"drop\":[1]}");
    }
    void skims()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArrayList, keys);
        QFETCH(QByteArray, expected);
        const QByteArray skimmed = JsonSkim(keys).skim(input);
        QCOMPARE(skimmed, expected);
        QVERIFY(!parsed(input).isNull());
        QCOMPARE(parsed(skimmed), parsed(expected));
        const QJsonDocument reference = parsed(input);
        if (reference.isObject())
            QCOMPARE(parsed(skimmed).object(), without(reference.object(), keys).toObject());
    }

    // Anything odd comes back as it was, the same bytes (not a copy), so QJsonDocument reports it as before.
    void givesUp_data()
    {
        QTest::addColumn<QByteArray>("input");
        const auto row = [](const char *name, const QByteArray &input) {
            QTest::newRow(name) << input;
        };
        row("empty", QByteArray());
        row("only whitespace", " \n ");
        row("a string at the top", "\"drop\"");
        row("a number at the top", "1");
        row("byte order mark", "\xEF\xBB\xBF{}");
        row("garbage after", "{\"a\": 1} x");
        row("two documents", "{}{}");
        row("unclosed object", "{\"a\": [1, 2]");
        row("unclosed array in a dropped value", "{\"drop\": [1, 2, \"a\": 1}");
        row("unbalanced close", "{\"a\": 1}}");
        row("mismatched brackets", "{\"drop\": [1}, \"a\": 1}");
        row("unterminated string", "{\"a\": \"x");
        row("escaped closing quote", "{\"drop\": \"x\\\"}");
        row("backslash at the end", "{\"a\": \"x\\");
        row("raw newline in a string", "{\"drop\": \"a\nb\", \"a\": 1}");
        row("raw tab in a key", "{\"a\tb\": 1}");
        row("NUL in a string", QByteArray("{\"drop\": \"a\0b\"}", 15));
        row("unknown escape", "{\"drop\": \"\\x\", \"a\": 1}");
        row("short unicode escape", "{\"drop\": \"\\u12\", \"a\": 1}");
        row("bad unicode escape", "{\"drop\": \"\\u12G4\"}");
        row("lone continuation byte", "{\"drop\": \"\x80\"}");
        row("overlong UTF-8", "{\"drop\": \"\xC0\x80\"}");
        row("UTF-8 surrogate", "{\"drop\": \"\xED\xA0\x80\"}");
        row("UTF-8 past U+10FFFF", "{\"drop\": \"\xF4\x90\x80\x80\"}");
        row("truncated UTF-8", "{\"drop\": \"\xE2\x80\"}");
        row("trailing comma in a dropped array", "{\"drop\": [1, 2,], \"a\": 1}");
        row("trailing comma in an object", "{\"a\": 1,}");
        row("missing comma in a dropped array", "{\"drop\": [1 2], \"a\": 1}");
        row("tokens the whitespace kept apart", "[1 2]");
        row("split literal", "[tru e]");
        row("bad literal in a dropped value", "{\"drop\": nul, \"a\": 1}");
        row("missing colon", "{\"a\" 1}");
        row("key not a string", "{1: 2}");
        row("missing value", "{\"drop\": , \"a\": 1}");
        row("leading zero", "{\"drop\": 01}");
        row("bare minus", "{\"drop\": -}");
        row("empty fraction", "{\"drop\": 1.}");
        row("empty exponent", "{\"drop\": 1e}");
        row("exponent that underflows", "{\"drop\": 1e-400, \"a\": 1}");
        row("exponent that overflows", "{\"drop\": 1e999}");
        row("exponent past the limit", "{\"drop\": 1e201}");
        row("too many digits", "{\"drop\": " + QByteArray(41, '9') + "}");
        row("nesting past the limit", "{\"drop\": " + QByteArray(600, '[') + QByteArray(600, ']') + ", \"a\": 1}");
    }
    void givesUp()
    {
        QFETCH(QByteArray, input);
        const QByteArray skimmed = JsonSkim({"drop"}).skim(input);
        QCOMPARE(skimmed, input);
        QCOMPARE(skimmed.constData(), input.constData());
    }

    void limits()
    {
        // Right at the limits it still skims.
        const QByteArray digits = "{\"drop\": -0." + QByteArray(39, '9') + "e-200, \"a\": 1}";
        QCOMPARE(JsonSkim({"drop"}).skim(digits), QByteArray("{\"a\":1}"));
        const QByteArray deep = "{\"drop\": " + QByteArray(511, '[') + QByteArray(511, ']') + "}";
        QCOMPARE(JsonSkim({"drop"}).skim(deep), QByteArray("{}"));
    }

    // Keys are compared as written: an escaped spelling of a dropped key is kept (it costs time, never a value).
    void escapedKeyKept()
    {
        QCOMPARE(JsonSkim({"drop"}).skim("{ \"\\u0064rop\": 1 }"), QByteArray("{\"\\u0064rop\":1}"));
    }

    // Every ESPN document: the skim does not give up on it, and QJsonDocument reads the same tree from the
    // skimmed bytes as from the original with the keys removed.
    void espnDocuments()
    {
        const QByteArrayList keys {"leaders", "links", "odds", "logos", "boxscore", "plays", "team/id", "start/team"};
        if (espnFiles().isEmpty())
            QSKIP("ENDZONE_TEST_DATA is not set: run through ctest");
        int skimmed = 0;
        for (const QString &path : espnFiles()) {
            const QByteArray original = readFile(path);
            const QByteArray out = JsonSkim(keys).skim(original);
            const QJsonDocument reference = parsed(original);
            if (reference.isNull()) {
                QCOMPARE(out, original);
                continue;
            }
            QVERIFY2(out.size() < original.size(), qPrintable(path + u": the skim gave up"_s));
            const QJsonValue expected
                = without(reference.isObject() ? QJsonValue(reference.object()) : QJsonValue(reference.array()), keys);
            const QJsonDocument got = parsed(out);
            QVERIFY2(
                (got.isObject() ? QJsonValue(got.object()) : QJsonValue(got.array())) == expected, qPrintable(path));
            ++skimmed;
        }
        QVERIFY(skimmed >= 5);
    }

    // EspnParser gives the same result, field by field, with the skim as without, on every document as a
    // scoreboard (also for a requested week) and as a summary.
    void parserUnchanged_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : espnFiles())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
        if (espnFiles().isEmpty())
            QTest::newRow("no documents") << QString();
    }
    void parserUnchanged()
    {
        QFETCH(QString, path);
        if (path.isEmpty())
            QSKIP("ENDZONE_TEST_DATA is not set: run through ctest");
        const QByteArray document = readFile(path);
        QVERIFY(!document.isEmpty());
        using EspnJson::Skim;
        for (const std::optional<WeekKey> &requested :
            {std::optional<WeekKey>(), std::optional<WeekKey>({2024, SeasonType::Reg, 5})}) {
            const auto skimmed = EspnJson::parseScoreboard(document, requested, Skim::On);
            const auto plain = EspnJson::parseScoreboard(document, requested, Skim::Off);
            QCOMPARE(skimmed.ok(), plain.ok());
            QCOMPARE(skimmed.error(), plain.error());
            if (plain) {
                QCOMPARE(skimmed.value().key, plain.value().key);
                QCOMPARE(skimmed.value().byes, plain.value().byes);
                QCOMPARE(skimmed.value().rejected, plain.value().rejected);
                compareGames(skimmed.value().games, plain.value().games);
            }
        }
        const auto skimmed = EspnJson::parseSummary(document, Skim::On);
        const auto plain = EspnJson::parseSummary(document, Skim::Off);
        QCOMPARE(skimmed.ok(), plain.ok());
        QCOMPARE(skimmed.error(), plain.error());
        if (plain) {
            QVERIFY(skimmed.value().game == plain.value().game);
            QVERIFY(skimmed.value().detail == plain.value().detail);
            QCOMPARE(skimmed.value().detail.drives.size(), plain.value().detail.drives.size());
        }
        // What EspnParser itself does is the skimmed parse.
        QCOMPARE(EspnParser::parseSummary(document).error(), plain.error());
    }

    void sharedDocumentsPresent()
    {
        if (!QDir(qEnvironmentVariable("ENDZONE_SHARED_DIR") + u"/data/espn"_s).exists())
            QSKIP("../shared/data/espn is not beside the project: real ESPN responses not compared");
        QVERIFY(espnFiles().size() >= 10);
    }
};

QTEST_GUILESS_MAIN(JsonSkimTest)
#include "jsonskimtest.moc"
