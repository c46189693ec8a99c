#pragma once

#include "sseevent.h"

#include <QByteArrayView>
#include <QList>

namespace Endzone {

// Incremental parser for the text/event-stream format (WHATWG HTML, "Server-sent events", 9.2.6).
// Pure and allocation-bounded so it can be fed arbitrary bytes (and fuzzed): a line longer than
// maxLineLength() or an event whose data outgrows maxEventSize() puts it in an error state instead of
// buffering without limit. Feed it chunks exactly as they arrive; line endings may be split anywhere.
class SseParser
{
public:
    static constexpr qsizetype DefaultMaxLineLength = 1024 * 1024;
    static constexpr qsizetype DefaultMaxEventSize = 4 * 1024 * 1024;

    // Returns the events completed by this chunk, in order. Returns nothing once in the error state.
    QList<SseEvent> feed(QByteArrayView chunk);

    // Starts a new connection: drops the partial line and partial event and clears the error, but keeps
    // lastEventId() and retryMs(), which the spec carries over to the reconnect.
    void reset();

    [[nodiscard]] QByteArray lastEventId() const { return m_lastEventId; }
    // The latest `retry:` value, if the stream sent one (also when no event was dispatched with it).
    [[nodiscard]] std::optional<int> retryMs() const { return m_retryMs; }
    [[nodiscard]] bool hasError() const { return !m_error.isEmpty(); }
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] qsizetype maxLineLength() const { return m_maxLineLength; }
    void setMaxLineLength(qsizetype bytes) { m_maxLineLength = bytes; }
    [[nodiscard]] qsizetype maxEventSize() const { return m_maxEventSize; }
    void setMaxEventSize(qsizetype bytes) { m_maxEventSize = bytes; }

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    void processField(QByteArrayView field, QByteArrayView value);
    void dispatch(QList<SseEvent> &out);

    QByteArray m_line; // the current, unterminated line
    QByteArray m_data;
    QByteArray m_eventType;
    QByteArray m_lastEventId;
    std::optional<int> m_retryMs;
    std::optional<int> m_blockRetryMs;
    QString m_error;
    qsizetype m_maxLineLength = DefaultMaxLineLength;
    qsizetype m_maxEventSize = DefaultMaxEventSize;
    bool m_afterCr = false; // the previous chunk ended in CR: a leading LF belongs to that line ending
    bool m_atStreamStart = true; // a UTF-8 BOM is only skipped at the very start
    bool m_hasData = false;
};

} // namespace Endzone
