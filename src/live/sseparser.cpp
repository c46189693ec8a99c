#include "sseparser.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

namespace {
constexpr QByteArrayView Bom("\xEF\xBB\xBF");
}

QList<SseEvent> SseParser::feed(QByteArrayView chunk)
{
    QList<SseEvent> events;
    if (hasError()) {
        return events;
    }
    qsizetype pos = 0;
    if (m_atStreamStart) {
        // The BOM may itself arrive split, so hold back a prefix of it until it is decided.
        m_line.append(chunk.data(), chunk.size());
        if (m_line.size() < Bom.size() && Bom.startsWith(m_line)) {
            return events;
        }
        m_atStreamStart = false;
        const QByteArray pending = std::exchange(m_line, {});
        const QByteArrayView rest = pending.startsWith(Bom) ? QByteArrayView(pending).sliced(Bom.size()) : pending;
        return feed(rest);
    }
    while (pos < chunk.size()) {
        if (m_afterCr) {
            m_afterCr = false;
            if (chunk[pos] == '\n') {
                ++pos;
                continue;
            }
        }
        qsizetype end = pos;
        while (end < chunk.size() && chunk[end] != '\n' && chunk[end] != '\r') {
            ++end;
        }
        const QByteArrayView piece = chunk.sliced(pos, end - pos);
        if (m_line.size() + piece.size() > m_maxLineLength) {
            m_error = u"Event stream line longer than %1 bytes"_s.arg(m_maxLineLength);
            m_line.clear();
            m_data.clear();
            return events;
        }
        if (end == chunk.size()) {
            m_line.append(piece.data(), piece.size());
            break;
        }
        m_afterCr = chunk[end] == '\r';
        if (m_line.isEmpty()) {
            processLine(piece, events);
        } else {
            m_line.append(piece.data(), piece.size());
            processLine(std::exchange(m_line, {}), events);
        }
        if (hasError()) {
            return events;
        }
        pos = end + 1;
    }
    return events;
}

void SseParser::reset()
{
    m_line.clear();
    m_data.clear();
    m_eventType.clear();
    m_blockRetryMs.reset();
    m_error.clear();
    m_afterCr = false;
    m_atStreamStart = true;
    m_hasData = false;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':') {
        return; // a comment, typically a heartbeat
    }
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        processField(line, {});
        return;
    }
    QByteArrayView value = line.sliced(colon + 1);
    if (value.startsWith(' ')) {
        value = value.sliced(1);
    }
    processField(line.first(colon), value);
}

void SseParser::processField(QByteArrayView field, QByteArrayView value)
{
    if (field == "data") {
        if (m_data.size() + value.size() + 1 > m_maxEventSize) {
            m_error = u"Event stream event larger than %1 bytes"_s.arg(m_maxEventSize);
            m_data.clear();
            return;
        }
        m_data.append(value.data(), value.size());
        m_data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_eventType = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0')) {
            m_lastEventId = value.toByteArray();
        }
    } else if (field == "retry") {
        if (value.isEmpty()) {
            return;
        }
        qint64 ms = 0;
        for (const char c : value) {
            if (c < '0' || c > '9') {
                return; // the spec ignores the field unless it is all ASCII digits
            }
            ms = std::min<qint64>(ms * 10 + (c - '0'), std::numeric_limits<int>::max());
        }
        m_retryMs = int(ms);
        m_blockRetryMs = int(ms);
    }
    // Any other field name is ignored, as the spec requires.
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    const std::optional<int> retry = std::exchange(m_blockRetryMs, std::nullopt);
    if (!m_hasData) {
        m_eventType.clear();
        return;
    }
    SseEvent event;
    m_data.chop(1); // the LF appended after the last data line
    event.data = std::exchange(m_data, {});
    if (!m_eventType.isEmpty()) {
        event.event = QString::fromUtf8(m_eventType);
    }
    event.id = m_lastEventId;
    event.retryMs = retry;
    m_eventType.clear();
    m_hasData = false;
    out.append(std::move(event));
}

} // namespace Endzone
