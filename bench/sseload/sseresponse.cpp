#include "sseresponse.h"

#include <cstdlib>
#include <cstring>
#include <strings.h>

bool SseResponse::feed(const char *bytes, std::size_t size, std::vector<Event> &events)
{
    if (!m_headDone) {
        m_head.append(bytes, size);
        if (m_head.size() > 64 * 1024)
            return false;
        return parseHead(events);
    }
    if (m_chunked)
        return dechunk(bytes, size, events);
    parseStream(bytes, size, events);
    return true;
}

bool SseResponse::parseHead(std::vector<Event> &events)
{
    const std::size_t end = m_head.find("\r\n\r\n");
    if (end == std::string::npos)
        return true;
    if (m_head.compare(0, 5, "HTTP/") != 0)
        return false;
    const std::size_t space = m_head.find(' ');
    if (space == std::string::npos || space > end)
        return false;
    m_status = std::atoi(m_head.c_str() + space + 1);
    // Header names are case-insensitive; a value is compared as nginx and Qt send it.
    for (std::size_t line = m_head.find("\r\n") + 2; line < end;) {
        const std::size_t next = m_head.find("\r\n", line);
        const std::string header = m_head.substr(line, next - line);
        if (strncasecmp(header.c_str(), "transfer-encoding:", 18) == 0 && header.find("chunked") != std::string::npos)
            m_chunked = true;
        line = next + 2;
    }
    m_headDone = true;
    const std::string rest = m_head.substr(end + 4);
    m_head.clear();
    m_head.shrink_to_fit();
    return rest.empty() || feed(rest.data(), rest.size(), events);
}

bool SseResponse::dechunk(const char *bytes, std::size_t size, std::vector<Event> &events)
{
    while (size > 0 && !m_finished) {
        if (m_inChunk) {
            // Payload first, then its CRLF (the last two of m_chunkLeft), which is not stream data.
            const std::size_t take = std::min(size, m_chunkLeft);
            const std::size_t payload = m_chunkLeft > 2 ? std::min(take, m_chunkLeft - 2) : 0;
            parseStream(bytes, payload, events);
            bytes += take;
            size -= take;
            m_chunkLeft -= take;
            m_inChunk = m_chunkLeft > 0;
            continue;
        }
        const char c = *bytes++;
        --size;
        if (c != '\n') {
            m_sizeLine += c;
            if (m_sizeLine.size() > 256)
                return false;
            continue;
        }
        char *end = nullptr;
        const unsigned long chunk = std::strtoul(m_sizeLine.c_str(), &end, 16); // extensions after ';' ignored
        if (end == m_sizeLine.c_str())
            return false;
        m_sizeLine.clear();
        if (chunk == 0)
            m_finished = true;
        m_chunkLeft = chunk + 2;
        m_inChunk = true;
    }
    return true;
}

void SseResponse::parseStream(const char *bytes, std::size_t size, std::vector<Event> &events)
{
    // Whole lines are parsed in place; only a line cut by the end of a read is copied (10,000 clients and
    // megabytes a second: a byte-by-byte copy would make the load tool the bottleneck).
    const char *end = bytes + size;
    while (bytes < end) {
        const char *newline = static_cast<const char *>(std::memchr(bytes, '\n', std::size_t(end - bytes)));
        if (!newline) {
            m_line.append(bytes, end);
            return;
        }
        std::string_view line(bytes, std::size_t(newline - bytes));
        if (!m_line.empty()) {
            m_line.append(line);
            line = m_line;
        }
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        parseLine(line, events);
        m_line.clear();
        bytes = newline + 1;
    }
}

void SseResponse::parseLine(std::string_view line, std::vector<Event> &events)
{
    if (line.empty()) {
        // A blank line dispatches the event, if it had data (the EventSource rule); id persists, type does not.
        if (m_hasData)
            events.push_back({m_lastId, m_type.empty() ? "message" : m_type, m_dataBytes});
        m_type.clear();
        m_dataBytes = 0;
        m_hasData = false;
        return;
    }
    if (line.front() == ':')
        return; // a comment: the heartbeat
    const std::size_t colon = line.find(':');
    const std::string_view field = line.substr(0, colon);
    std::size_t start = colon == std::string_view::npos ? line.size() : colon + 1;
    if (start < line.size() && line[start] == ' ')
        ++start;
    const std::string_view value = line.substr(start);
    if (field == "id") {
        m_lastId = value;
    } else if (field == "event") {
        m_type = value;
    } else if (field == "data") {
        m_dataBytes += value.size() + (m_hasData ? 1 : 0);
        m_hasData = true;
    }
}
