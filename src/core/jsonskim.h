#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>

#include <array>

namespace Endzone {

// Copies a JSON document without its insignificant whitespace and without the members whose key is one of
// `droppedKeys` (at any depth), in one pass over the bytes: no tree, no allocation per token. A dropped key
// written "parent/key" is dropped only from an object that is the value of a member named `parent`, or an item
// of an array that is (a play's `end` under `plays`, not a drive's): the same key elsewhere is kept. It exists
// because QJsonDocument is slow on what EspnParser never reads: ESPN's documents are pretty-printed (~45% of
// QJsonDocument::fromJson's time went on whitespace) and mostly made of subtrees we ignore (leaders, links,
// odds...). The 1.2 MB scoreboard took ~4-5 ms to parse against json.loads's ~2.6-3.3 ms; skimmed to 30 KB it
// parses in ~1 ms, the 0.7 MB summary (to 81 KB) in ~2.1-2.5 ms (bench/results/espn.md, section 1).
//
// The skim is a strict JSON (RFC 8259) validator of the whole document, dropped values included. On anything
// it does not accept it gives up and returns the document unchanged, so that QJsonDocument reports the error at
// its own offset: a syntax error, a top level that is not an object or array, a control character, malformed
// UTF-8 or an escape other than JSON's in a string, a number that could overflow or underflow a double (more
// than 40 digits, an exponent beyond +-200), nesting deeper than 512 (QJsonDocument refuses 1025). So whatever
// it skims, QJsonDocument accepts both before and after, and the members kept are the same bytes in the same
// order. Keys are compared as written: an escaped spelling of a dropped key is kept.
class JsonSkim
{
public:
    explicit JsonSkim(QByteArrayList droppedKeys);

    // The skimmed document, or `json` itself (shared, not copied) when it gives up.
    [[nodiscard]] QByteArray skim(const QByteArray &json) const;

    [[nodiscard]] const QByteArrayList &droppedKeys() const { return m_keys; }

    struct Rule
    {
        QByteArray key;
        QByteArray parent; // empty: at any depth
    };

private:
    QByteArrayList m_keys;
    QList<Rule> m_rules;
    // Bit n of m_filter[c]: some key starts with byte c and is n bytes long (63: 63 or more). Most keys in a
    // document are not dropped, and this tells so without comparing them with every dropped key.
    std::array<quint64, 256> m_filter {};
};

} // namespace Endzone
