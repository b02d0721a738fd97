#include "importers/csvreader.h"

#include "importers/inputstream.h"
#include "importers/parser.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace srm::importers {

namespace {

constexpr std::size_t kChunk = 1u << 20;

// The first of `a`, `b`, `c` in [p, end), or end.
inline const char *findAny(const char *p, const char *end, char a, char b, char c)
{
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    const __m128i vc = _mm_set1_epi8(c);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                       _mm_cmpeq_epi8(v, vc));
        const int mask = _mm_movemask_epi8(m);
        if (mask != 0)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < end && *p != a && *p != b && *p != c)
        ++p;
    return p;
}

} // namespace

CsvReader::CsvReader(InputStream &in) : m_in(in)
{
    m_buf.resize(kChunk);
    m_fields.reserve(32);
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (m_begin > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_buf.size() - m_end < kChunk / 2)
        m_buf.resize(m_buf.size() * 2);
    const std::size_t n = m_in.read(m_buf.data() + m_end, m_buf.size() - m_end);
    if (n == 0) {
        m_eof = true;
        return false;
    }
    m_end += n;
    if (!m_started) {
        m_started = true;
        if (m_end >= 3 && std::memcmp(m_buf.data(), "\xEF\xBB\xBF", 3) == 0)
            m_begin = 3;
    }
    return true;
}

// Finds the record starting at m_begin: fills m_fields with raw spans (quoted fields still
// quoted) and m_recordEnd, or asks for more data.
CsvReader::Scan CsvReader::scan()
{
    m_fields.clear();
    const char *const base = m_buf.data();
    const char *p = base + m_begin;
    const char *const end = base + m_end;
    std::int64_t lines = 0;
    m_scanInQuotes = false;
    for (;;) {
        // At the start of a field.
        const char *fieldStart = p;
        bool quoted = false;
        if (p < end && *p == '"') {
            quoted = true;
            ++p;
            m_scanInQuotes = true;
            for (;;) {
                p = findAny(p, end, '"', '\n', '\r');
                if (p == end)
                    return Scan::NeedMore; // the quote is still open (at EOF: unterminated)
                if (*p == '\n') {
                    ++lines;
                    ++p;
                } else if (*p == '\r') {
                    if (p + 1 == end && !m_eof)
                        return Scan::NeedMore;
                    if (p + 1 == end || p[1] != '\n')
                        ++lines; // a lone CR; CRLF counts at its LF
                    ++p;
                } else {
                    if (p + 1 == end && !m_eof)
                        return Scan::NeedMore; // a doubled quote or the closing one?
                    if (p + 1 < end && p[1] == '"') {
                        p += 2;
                        continue;
                    }
                    ++p;
                    break;
                }
            }
            m_scanInQuotes = false;
        }
        // Unquoted text, or what follows a closing quote, up to the delimiter.
        p = findAny(p, end, ',', '\n', '\r');
        m_fields.push_back({std::size_t(fieldStart - base), std::size_t(p - base), quoted});
        if (p == end) {
            if (!m_eof)
                return Scan::NeedMore;
            m_recordEnd = m_end;
            m_recordLines = lines;
            return Scan::Complete;
        }
        if (*p == ',') {
            ++p;
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == end && !m_eof)
                return Scan::NeedMore;
            ++p;
            if (p < end && *p == '\n')
                ++p;
        } else {
            ++p;
        }
        m_recordEnd = std::size_t(p - base);
        m_recordLines = lines + 1;
        return Scan::Complete;
    }
}

void CsvReader::unquote(Span &s)
{
    char *const b = m_buf.data();
    std::size_t src = s.begin + 1;
    std::size_t dst = s.begin;
    while (src < s.end) {
        const char c = b[src];
        if (c == '"') {
            if (src + 1 < s.end && b[src + 1] == '"') {
                b[dst++] = '"';
                src += 2;
                continue;
            }
            // The closing quote: anything after it up to the delimiter is kept as it is.
            ++src;
            while (src < s.end)
                b[dst++] = b[src++];
            break;
        }
        b[dst++] = c;
        ++src;
    }
    s.end = dst;
}

bool CsvReader::next()
{
    for (;;) {
        if (m_begin >= m_end) {
            if (!fill())
                return false;
            continue;
        }
        if (scan() == Scan::NeedMore) {
            // At the end of the input a record is only incomplete inside quotes.
            if (m_eof)
                throw FileError({m_nextLine, {}, "unterminated quoted field (the file ends inside quotes)"});
            if (m_end - m_begin >= kMaxRecordBytes) {
                if (m_scanInQuotes)
                    throw FileError({m_nextLine, {}, "unterminated quoted field (no closing quote within 16 MB)"});
                throw FileError({m_nextLine, {}, "record longer than 16 MB"});
            }
            fill();
            continue;
        }
        m_recordLine = m_nextLine;
        m_nextLine += m_recordLines;
        m_begin = m_recordEnd;
        for (Span &s : m_fields)
            if (s.quoted)
                unquote(s);
        if (m_fields.size() == 1 && m_fields[0].end == m_fields[0].begin)
            continue; // a blank line
        return true;
    }
}

} // namespace srm::importers
