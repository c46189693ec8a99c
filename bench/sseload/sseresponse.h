#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// One HTTP/1.1 response carrying Server-Sent Events, parsed as its bytes arrive: the status line and headers,
// chunked transfer encoding if the server uses it (endzone-server does not; nginx would without
// `chunked_transfer_encoding off`), then the event stream (`id:`, `event:`, `data:`, `retry:`, comments).
// Only what the load tool counts is kept: each event's id, type and data size.
class SseResponse
{
public:
    struct Event
    {
        std::string id; // the last id seen on this response, as EventSource keeps it
        std::string type;
        std::size_t dataBytes = 0;
    };

    // Parses `size` more bytes; complete events are appended to `events`. False on a malformed response.
    bool feed(const char *bytes, std::size_t size, std::vector<Event> &events);

    [[nodiscard]] bool headDone() const { return m_headDone; }
    [[nodiscard]] int status() const { return m_status; }
    // The chunked body ended (a zero-size chunk): the server closed the stream.
    [[nodiscard]] bool finished() const { return m_finished; }

private:
    bool parseHead(std::vector<Event> &events);
    bool dechunk(const char *bytes, std::size_t size, std::vector<Event> &events);
    void parseStream(const char *bytes, std::size_t size, std::vector<Event> &events);
    void parseLine(std::string_view line, std::vector<Event> &events);

    std::string m_head;
    bool m_headDone = false;
    int m_status = 0;
    bool m_chunked = false;
    bool m_finished = false;
    // Chunked decoding: the size line being read, or the bytes left in the current chunk (+2 for its CRLF).
    std::string m_sizeLine;
    std::size_t m_chunkLeft = 0;
    bool m_inChunk = false;
    // SSE: the line being read and the event being built.
    std::string m_line;
    std::string m_lastId;
    std::string m_type;
    std::size_t m_dataBytes = 0;
    bool m_hasData = false;
};
