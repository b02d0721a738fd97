#include "importers/jsonscanner.h"

#include "importers/inputstream.h"
#include "importers/parser.h"

#include <cstring>

namespace srm::importers {

namespace {

constexpr std::size_t kChunk = 1u << 20;

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

} // namespace

std::string toString(const JsonPath &path)
{
    std::string out;
    for (const JsonPathItem &item : path) {
        if (item.isIndex) {
            out += '[';
            out += std::to_string(item.index);
            out += ']';
        } else {
            if (!out.empty())
                out += '.';
            out += item.key;
        }
    }
    return out;
}

JsonScanner::JsonScanner(InputStream &in, int pathDepth) : m_in(in), m_pathDepth(pathDepth) { }

void JsonScanner::fail(const std::string &what) const
{
    throw FileError({m_line, {}, "invalid JSON: " + what});
}

void JsonScanner::beginValue(char c, std::size_t pos)
{
    const std::size_t d = m_stack.size();
    const std::size_t pathDepth = std::size_t(m_pathDepth);
    if (d > 0 && m_stack.back() == '[' && d - 1 < pathDepth)
        ++m_path[d - 1].index;
    if (!m_capturing && d <= pathDepth) {
        if (m_handler->begin(m_path, c)) {
            m_capturing = true;
            m_captureDepth = d;
            m_captureLine = m_line;
            m_captureFrom = pos;
            m_capture.clear();
        }
        if (m_handler->done())
            m_stop = true;
    }
    switch (c) {
    case '{':
    case '[':
        if (d >= std::size_t(kMaxDepth))
            fail("nested more than " + std::to_string(kMaxDepth) + " levels deep");
        m_stack.push_back(c);
        if (d < pathDepth)
            m_path.push_back({c == '[', -1, {}});
        m_state = c == '{' ? State::KeyOrClose : State::ValueOrClose;
        return;
    case '"':
        m_stringIsKey = false;
        m_collectKey = false;
        m_state = State::String;
        return;
    case '-':
        m_number = NumberPart::Sign;
        m_state = State::Number;
        return;
    case '0':
        m_number = NumberPart::Zero;
        m_state = State::Number;
        return;
    case 't': m_literal = "true"; break;
    case 'f': m_literal = "false"; break;
    case 'n': m_literal = "null"; break;
    default:
        if (c >= '1' && c <= '9') {
            m_number = NumberPart::Int;
            m_state = State::Number;
            return;
        }
        fail(std::string("unexpected character '") + (c >= 0x20 && c < 0x7f ? std::string(1, c) : std::string("?"))
             + "' where a value should be");
    }
    m_literalPos = 1;
    m_state = State::Literal;
}

void JsonScanner::endValue(std::size_t pos)
{
    if (m_capturing && m_stack.size() == m_captureDepth) {
        if (m_chunk)
            m_capture.append(m_chunk + m_captureFrom, pos - m_captureFrom);
        m_capturing = false;
        m_handler->captured(m_path, m_capture, m_captureLine);
        m_capture.clear();
        if (m_capture.capacity() > kChunk * 4)
            m_capture.shrink_to_fit();
        if (m_handler->done())
            m_stop = true;
    }
    m_state = m_stack.empty() ? State::End : State::AfterValue;
}

void JsonScanner::flushCapture(const char *chunk, std::size_t end)
{
    if (!m_capturing)
        return;
    m_capture.append(chunk + m_captureFrom, end - m_captureFrom);
    m_captureFrom = 0;
    if (m_capture.size() > kMaxCapture)
        throw FileError({m_captureLine, {}, "a JSON value longer than 64 MB starts here; split the file"});
}

void JsonScanner::run(Handler &handler, bool prefixOnly)
{
    m_handler = &handler;
    std::vector<char> buffer(kChunk);
    bool started = false;
    while (!m_stop) {
        const std::size_t n = m_in.read(buffer.data(), buffer.size());
        if (n == 0)
            break;
        const char *const b = buffer.data();
        m_chunk = b;
        m_captureFrom = 0;
        std::size_t i = 0;
        if (!started && m_line == 1 && n >= 3 && std::memcmp(b, "\xEF\xBB\xBF", 3) == 0
            && m_in.done() == std::int64_t(n))
            i = 3; // a UTF-8 byte-order mark (PowerShell writes one)
        while (i < n && !m_stop) {
            const char c = b[i];
            switch (m_state) {
            case State::String: {
                std::size_t j = i;
                while (j < n) {
                    const unsigned char ch = static_cast<unsigned char>(b[j]);
                    if (ch == '"' || ch == '\\' || ch < 0x20)
                        break;
                    ++j;
                }
                if (m_collectKey)
                    m_key.append(b + i, j - i);
                i = j;
                if (i == n)
                    break;
                const char ch = b[i++];
                if (ch == '"') {
                    if (m_stringIsKey) {
                        const std::size_t d = m_stack.size();
                        if (d - 1 < std::size_t(m_pathDepth))
                            m_path[d - 1].key = m_key;
                        m_state = State::Colon;
                    } else {
                        endValue(i);
                    }
                } else if (ch == '\\') {
                    if (m_collectKey)
                        m_key += '\\';
                    m_state = State::StringEscape;
                } else {
                    fail("a control character inside a string");
                }
                break;
            }
            case State::StringEscape:
                if (c == 'u') {
                    m_unicodeLeft = 4;
                    m_state = State::StringUnicode;
                } else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r'
                           || c == 't') {
                    m_state = State::String;
                } else {
                    fail("an invalid escape in a string");
                }
                if (m_collectKey)
                    m_key += c;
                ++i;
                break;
            case State::StringUnicode:
                if (!isHex(c))
                    fail("an invalid \\u escape in a string");
                if (m_collectKey)
                    m_key += c;
                if (--m_unicodeLeft == 0)
                    m_state = State::String;
                ++i;
                break;
            case State::Number: {
                bool more = true;
                switch (m_number) {
                case NumberPart::Sign:
                    if (c == '0')
                        m_number = NumberPart::Zero;
                    else if (c >= '1' && c <= '9')
                        m_number = NumberPart::Int;
                    else
                        fail("a '-' without digits");
                    break;
                case NumberPart::Zero:
                    if (c == '.')
                        m_number = NumberPart::Dot;
                    else if (c == 'e' || c == 'E')
                        m_number = NumberPart::Exp;
                    else if (isDigit(c))
                        fail("a number with a leading zero");
                    else
                        more = false;
                    break;
                case NumberPart::Int:
                    if (c == '.')
                        m_number = NumberPart::Dot;
                    else if (c == 'e' || c == 'E')
                        m_number = NumberPart::Exp;
                    else if (!isDigit(c))
                        more = false;
                    break;
                case NumberPart::Dot:
                    if (!isDigit(c))
                        fail("a number without digits after its '.'");
                    m_number = NumberPart::Frac;
                    break;
                case NumberPart::Frac:
                    if (c == 'e' || c == 'E')
                        m_number = NumberPart::Exp;
                    else if (!isDigit(c))
                        more = false;
                    break;
                case NumberPart::Exp:
                    if (c == '+' || c == '-')
                        m_number = NumberPart::ExpSign;
                    else if (isDigit(c))
                        m_number = NumberPart::ExpDigits;
                    else
                        fail("a number with an empty exponent");
                    break;
                case NumberPart::ExpSign:
                    if (!isDigit(c))
                        fail("a number with an empty exponent");
                    m_number = NumberPart::ExpDigits;
                    break;
                case NumberPart::ExpDigits:
                    if (!isDigit(c))
                        more = false;
                    break;
                }
                if (more)
                    ++i;
                else
                    endValue(i); // `c` belongs to what follows
                break;
            }
            case State::Literal:
                if (c != m_literal[m_literalPos])
                    fail(std::string("not '") + m_literal + "'");
                ++i;
                if (m_literal[++m_literalPos] == '\0')
                    endValue(i);
                break;
            default:
                // The structural states: white space first.
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    if (c == '\n')
                        ++m_line;
                    ++i;
                    break;
                }
                switch (m_state) {
                case State::Value:
                    started = true;
                    beginValue(c, i);
                    ++i;
                    break;
                case State::ValueOrClose:
                    if (c == ']') {
                        m_stack.pop_back();
                        if (m_path.size() > m_stack.size())
                            m_path.pop_back();
                        endValue(++i);
                    } else {
                        beginValue(c, i);
                        ++i;
                    }
                    break;
                case State::KeyOrClose:
                case State::Key:
                    if (c == '}' && m_state == State::KeyOrClose) {
                        m_stack.pop_back();
                        if (m_path.size() > m_stack.size())
                            m_path.pop_back();
                        endValue(++i);
                    } else if (c == '"') {
                        m_stringIsKey = true;
                        m_collectKey = m_stack.size() - 1 < std::size_t(m_pathDepth);
                        m_key.clear();
                        m_state = State::String;
                        ++i;
                    } else {
                        fail(m_state == State::Key ? "expected a key after ','" : "expected a key or '}'");
                    }
                    break;
                case State::Colon:
                    if (c != ':')
                        fail("expected ':' after a key");
                    m_state = State::Value;
                    ++i;
                    break;
                case State::AfterValue:
                    if (c == ',') {
                        m_state = m_stack.back() == '{' ? State::Key : State::Value;
                        ++i;
                    } else if ((c == '}' && m_stack.back() == '{') || (c == ']' && m_stack.back() == '[')) {
                        m_stack.pop_back();
                        if (m_path.size() > m_stack.size())
                            m_path.pop_back();
                        endValue(++i);
                    } else {
                        fail(m_stack.back() == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
                    }
                    break;
                case State::End: fail("more data after the end of the JSON value");
                default: break;
                }
                break;
            }
        }
        if (!m_stop)
            flushCapture(b, n);
    }
    m_chunk = nullptr;
    if (m_stop || prefixOnly)
        return;
    if (m_state == State::Number
        && (m_number == NumberPart::Zero || m_number == NumberPart::Int || m_number == NumberPart::Frac
            || m_number == NumberPart::ExpDigits))
        endValue(0);
    if (m_state == State::End)
        return;
    if (!started)
        throw FileError({m_line, {}, m_in.done() == 0 ? "empty file" : "no JSON value in the file"});
    fail("the file ends inside a value (truncated?)");
}

} // namespace srm::importers
