#include "jsonskim.h"

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Endzone {

namespace {

constexpr int MaxDepth = 512; // QJsonDocument refuses a 1025th level
// With at most 40 digits and an exponent within +-200, a number's magnitude is 0 or within 1e-240..1e240:
// never the infinity or the flush to zero that QJsonDocument calls an illegal number.
constexpr int MaxDigits = 40;
constexpr int MaxExponent = 200;

// Bytes a string holds as they are: printable ASCII (and DEL) but the quote and the backslash.
constexpr std::array<bool, 256> plainTable = [] {
    std::array<bool, 256> table {};
    for (int c = 0x20; c < 0x80; ++c)
        table[c] = c != '"' && c != '\\';
    return table;
}();

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// One pass of recursive descent over [p, end). Every function reads one token or value at p, moves p past it
// and, when `write` is set, appends it to out without whitespace; false means "not JSON as we accept it".
class Skimmer
{
public:
    Skimmer(const char *begin, const char *end, char *out, const QList<JsonSkim::Rule> &rules,
        const std::array<quint64, 256> &filter)
        : m_p(begin), m_end(end), m_out(out), m_rules(rules), m_filter(filter)
    {
    }

    bool document()
    {
        space();
        if (m_p == m_end || (*m_p != '{' && *m_p != '['))
            return false; // QJsonDocument takes nothing else at the top (and skips a BOM we do not)
        if (!value(true, 0, {}))
            return false;
        space();
        return m_p == m_end;
    }
    [[nodiscard]] char *out() const { return m_out; }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

    // Pretty-printed documents indent every line, so runs of spaces are long: 16 bytes a step where we can.
    void space()
    {
        if (m_p == m_end || !isSpace(*m_p))
            return;
#ifdef __SSE2__
        for (; m_end - m_p >= 16; m_p += 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_p));
            const __m128i spaces = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))),
                _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t'))));
            if (const unsigned others = ~unsigned(_mm_movemask_epi8(spaces)) & 0xFFFFu) {
                m_p += __builtin_ctz(others);
                return;
            }
        }
#endif
        while (m_p != m_end && isSpace(*m_p))
            ++m_p;
    }

    // Past the bytes a string holds as they are (plainTable), 16 at a time where we can.
    void plain()
    {
#ifdef __SSE2__
        for (; m_end - m_p >= 16; m_p += 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_p));
            // Signed bytes: below 0x20 is a control character or (negative) a non-ASCII one.
            const __m128i special = _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)),
                _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
            if (const unsigned found = unsigned(_mm_movemask_epi8(special))) {
                m_p += __builtin_ctz(found);
                return;
            }
        }
#endif
        while (m_p != m_end && plainTable[uchar(*m_p)])
            ++m_p;
    }

    bool at(char c) const
    {
        return m_p != m_end && *m_p == c;
    }
    void put(char c, bool write)
    {
        if (write)
            *m_out++ = c;
    }
    void copy(const char *from, bool write)
    {
        if (write) {
            std::memcpy(m_out, from, size_t(m_p - from));
            m_out += m_p - from;
        }
    }

    // The name of the member whose value holds what is being read (an array passes its own to its items).
    using Parent = QByteArrayView;

    bool dropped(QByteArrayView key, Parent parent) const
    {
        if (!key.isEmpty() && !(m_filter[uchar(key.front())] >> std::min<qsizetype>(key.size(), 63) & 1))
            return false;
        for (const JsonSkim::Rule &rule : m_rules) {
            if (rule.key == key && (rule.parent.isEmpty() || rule.parent == parent))
                return true;
        }
        return false;
    }

    bool value(bool write, int depth, Parent parent)
    {
        if (m_p == m_end)
            return false;
        const char *from = m_p;
        switch (*m_p) {
        case '{':
            return object(write, depth + 1, parent);
        case '[':
            return array(write, depth + 1, parent);
        case '"':
            if (!string())
                return false;
            break;
        case 't':
            if (!literal("true"))
                return false;
            break;
        case 'f':
            if (!literal("false"))
                return false;
            break;
        case 'n':
            if (!literal("null"))
                return false;
            break;
        default:
            if (!number())
                return false;
        }
        copy(from, write);
        return true;
    }

    bool object(bool write, int depth, Parent parent)
    {
        if (depth > MaxDepth)
            return false;
        ++m_p;
        put('{', write);
        space();
        bool first = true; // no member written yet: the next one written takes no comma
        if (!at('}')) {
            while (true) {
                const char *key = m_p;
                if (!at('"') || !string())
                    return false;
                const char *keyEnd = m_p;
                space();
                if (!at(':'))
                    return false;
                ++m_p;
                space();
                const QByteArrayView name(key + 1, keyEnd - key - 2); // as written, escapes and all
                const bool keep = write && !dropped(name, parent);
                if (keep) {
                    if (!first)
                        *m_out++ = ',';
                    std::memcpy(m_out, key, size_t(keyEnd - key));
                    m_out += keyEnd - key;
                    *m_out++ = ':';
                    first = false;
                }
                if (!value(keep, depth, name))
                    return false;
                space();
                if (!at(','))
                    break;
                ++m_p;
                space();
            }
            if (!at('}'))
                return false;
        }
        ++m_p;
        put('}', write);
        return true;
    }

    bool array(bool write, int depth, Parent parent)
    {
        if (depth > MaxDepth)
            return false;
        ++m_p;
        put('[', write);
        space();
        if (!at(']')) {
            while (true) {
                if (!value(write, depth, parent))
                    return false;
                space();
                if (!at(','))
                    break;
                ++m_p;
                put(',', write);
                space();
            }
            if (!at(']'))
                return false;
        }
        ++m_p;
        put(']', write);
        return true;
    }

    bool string()
    {
        ++m_p;
        while (true) {
            plain();
            if (m_p == m_end)
                return false;
            const uchar c = uchar(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c == '\\' ? !escape() : (c < 0x80 || !utf8())) // c < 0x80 here is a control character
                return false;
        }
    }

    bool escape()
    {
        if (m_end - m_p < 2)
            return false;
        switch (m_p[1]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            m_p += 2;
            return true;
        case 'u':
            if (m_end - m_p < 6 || !isHexDigit(m_p[2]) || !isHexDigit(m_p[3]) || !isHexDigit(m_p[4])
                || !isHexDigit(m_p[5]))
                return false;
            m_p += 6; // a lone surrogate too: QJsonDocument takes it
            return true;
        default:
            return false; // QJsonDocument would take "\x" as "x"; we leave such documents to it
        }
    }

    // A well-formed UTF-8 sequence (Unicode's table 3-7): no overlong form, surrogate or code point past
    // U+10FFFF, which QJsonDocument refuses too.
    bool utf8()
    {
        const uchar lead = uchar(*m_p);
        int trail = 0;
        uchar low = 0x80, high = 0xBF; // the range of the first trailing byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            trail = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            trail = 2;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            trail = 3;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (m_end - m_p <= trail || uchar(m_p[1]) < low || uchar(m_p[1]) > high)
            return false;
        for (int i = 2; i <= trail; ++i) {
            if ((uchar(m_p[i]) & 0xC0) != 0x80)
                return false;
        }
        m_p += trail + 1;
        return true;
    }

    template<qsizetype N>
    bool literal(const char (&word)[N])
    {
        constexpr qsizetype size = N - 1;
        if (m_end - m_p < size || std::memcmp(m_p, word, size) != 0)
            return false;
        m_p += size;
        return true;
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, within MaxDigits and MaxExponent.
    bool number()
    {
        if (at('-'))
            ++m_p;
        const char *digits = m_p;
        if (at('0'))
            ++m_p;
        else if (m_p != m_end && *m_p >= '1' && *m_p <= '9')
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        else
            return false;
        qsizetype count = m_p - digits;
        if (at('.')) {
            const char *fraction = ++m_p;
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
            if (m_p == fraction)
                return false;
            count += m_p - fraction;
        }
        if (count > MaxDigits)
            return false;
        if (at('e') || at('E')) {
            ++m_p;
            if (at('+') || at('-'))
                ++m_p;
            const char *exponent = m_p;
            int value = 0;
            while (m_p != m_end && isDigit(*m_p) && m_p - exponent < 4)
                value = value * 10 + (*m_p++ - '0');
            if (m_p == exponent || value > MaxExponent || (m_p != m_end && isDigit(*m_p)))
                return false;
        }
        return true;
    }

    const char *m_p;
    const char *const m_end;
    char *m_out;
    const QList<JsonSkim::Rule> &m_rules;
    const std::array<quint64, 256> &m_filter;
};

} // namespace

JsonSkim::JsonSkim(QByteArrayList droppedKeys) : m_keys(std::move(droppedKeys))
{
    for (const QByteArray &entry : std::as_const(m_keys)) {
        const qsizetype slash = entry.indexOf('/');
        Rule rule {slash < 0 ? entry : entry.mid(slash + 1), slash < 0 ? QByteArray() : entry.left(slash)};
        if (!rule.key.isEmpty())
            m_filter[uchar(rule.key.front())] |= quint64(1) << std::min<qsizetype>(rule.key.size(), 63);
        m_rules.append(std::move(rule));
    }
}

QByteArray JsonSkim::skim(const QByteArray &json) const
{
    // Never longer than the input: every byte written stands for one read (a comma for a comma).
    QByteArray out(json.size(), Qt::Uninitialized);
    Skimmer skimmer(json.constData(), json.constData() + json.size(), out.data(), m_rules, m_filter);
    if (!skimmer.document())
        return json;
    out.truncate(skimmer.out() - out.constData());
    return out;
}

} // namespace Endzone
