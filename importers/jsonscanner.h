// A streaming JSON scanner for files too big to hold: it reads an InputStream chunk by chunk,
// checks the whole text against the JSON grammar (RFC 8259) and hands the raw text of the
// values its handler selects by path (e.g. each element of `incidents`) to the handler, which
// parses that one element with simdjson. Memory is bounded by the largest selected value plus
// one chunk, whatever the size of the file. simdjson itself needs the whole document in memory,
// which is why the splitting is done here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace srm::importers {

class InputStream;

struct JsonPathItem
{
    bool isIndex = false;
    std::int64_t index = 0;
    std::string key; // raw (escapes are not decoded; the keys we look for have none)
};
using JsonPath = std::vector<JsonPathItem>;

// "incidents[3].service" for messages.
std::string toString(const JsonPath &path);

class JsonScanner
{
public:
    static constexpr std::size_t kMaxCapture = 64u << 20;
    static constexpr int kMaxDepth = 512;

    class Handler
    {
    public:
        virtual ~Handler() = default;
        // A value begins at `path` (only called for depth <= pathDepth); `first` is its first
        // byte ('{', '[', '"', a digit, '-', 't', 'f' or 'n'). Return true to capture it whole.
        virtual bool begin(const JsonPath &path, char first) = 0;
        // The whole text of a captured value, and the line it starts on.
        virtual void captured(const JsonPath &path, std::string_view text, std::int64_t line) = 0;
        // Return true to stop scanning early (detection reads only a prefix).
        virtual bool done() const { return false; }
    };

    // pathDepth: how deep paths are tracked (and begin() called).
    JsonScanner(InputStream &in, int pathDepth);

    // Scans the whole input. Throws FileError (with the line) on a grammar error or an empty
    // input; with `prefixOnly` the input may end anywhere (detection on the first bytes).
    void run(Handler &handler, bool prefixOnly = false);

private:
    enum class State : std::uint8_t {
        Value,        // a value must come
        ValueOrClose, // after '[': a value or ']'
        KeyOrClose,   // after '{': a key or '}'
        Key,          // after ',' in an object
        Colon,
        AfterValue, // ',' or the container's close (or the end at the top)
        End,        // after the top-level value: only white space
        String,
        StringEscape,
        StringUnicode,
        Number,
        Literal,
    };
    enum class NumberPart : std::uint8_t { Sign, Zero, Int, Dot, Frac, Exp, ExpSign, ExpDigits };

    [[noreturn]] void fail(const std::string &what) const;
    void beginValue(char c, std::size_t pos);
    void endValue(std::size_t pos); // pos: one past the value's last byte in the chunk
    void endNumber();
    void flushCapture(const char *chunk, std::size_t end);

    InputStream &m_in;
    Handler *m_handler = nullptr;
    int m_pathDepth;
    State m_state = State::Value;
    bool m_stringIsKey = false;
    bool m_collectKey = false;
    bool m_stop = false;
    int m_unicodeLeft = 0;
    NumberPart m_number = NumberPart::Sign;
    const char *m_literal = nullptr;
    std::size_t m_literalPos = 0;
    std::vector<char> m_stack; // '{' or '['
    JsonPath m_path;           // one item per open container up to m_pathDepth
    std::string m_key;
    std::int64_t m_line = 1;

    // Capture of the value that began at depth m_captureDepth.
    bool m_capturing = false;
    std::size_t m_captureDepth = 0;
    std::int64_t m_captureLine = 0;
    std::size_t m_captureFrom = 0; // offset in the current chunk
    std::string m_capture;
    const char *m_chunk = nullptr;
};

} // namespace srm::importers
