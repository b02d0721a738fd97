#include "store/texthygiene.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace srm::hygiene {

namespace {

constexpr char16_t kFsi = 0x2068;
constexpr char16_t kPdi = 0x2069;

// One UTF-8 sequence at s[i]: its code point and length, or length 0 when invalid (overlong
// forms, surrogates and values above U+10FFFF are invalid, as in RFC 3629).
struct Decoded
{
    char32_t c = 0;
    std::size_t length = 0;
};

Decoded decode(std::string_view s, std::size_t i)
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c0 = b(i);
    if (c0 < 0x80)
        return {c0, 1};
    std::size_t n = 0;
    char32_t c = 0, min = 0;
    if ((c0 & 0xe0) == 0xc0) {
        n = 2, c = c0 & 0x1f, min = 0x80;
    } else if ((c0 & 0xf0) == 0xe0) {
        n = 3, c = c0 & 0x0f, min = 0x800;
    } else if ((c0 & 0xf8) == 0xf0) {
        n = 4, c = c0 & 0x07, min = 0x10000;
    } else {
        return {};
    }
    if (i + n > s.size())
        return {};
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xc0) != 0x80)
            return {};
        c = (c << 6) | (b(i + k) & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return {};
    return {c, n};
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xc0 | (c >> 6));
        out += char(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += char(0xe0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3f));
        out += char(0x80 | (c & 0x3f));
    } else {
        out += char(0xf0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3f));
        out += char(0x80 | ((c >> 6) & 0x3f));
        out += char(0x80 | (c & 0x3f));
    }
}

// The code point at text[i] (a surrogate pair counts once; a lone surrogate is U+FFFD).
char32_t codePointAt(QStringView text, qsizetype &i)
{
    const char16_t u = text[i].unicode();
    if (QChar::isHighSurrogate(u) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
        const char32_t c = QChar::surrogateToUcs4(u, text[i + 1].unicode());
        i += 2;
        return c;
    }
    ++i;
    return QChar::isSurrogate(u) ? 0xfffd : u;
}

bool isRightToLeft(char32_t c)
{
    const QChar::Direction d = QChar::direction(c);
    return d == QChar::DirR || d == QChar::DirAL;
}

} // namespace

QString escapeControls(QStringView text, bool keepNewlines)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype start = i;
        const char32_t c = codePointAt(text, i);
        if (!isControl(c) || (keepNewlines && (c == u'\n' || c == u'\t'))) {
            out += text.mid(start, i - start);
            continue;
        }
        switch (c) {
        case u'\n': out += QStringLiteral("\\n"); break;
        case u'\r': out += QStringLiteral("\\r"); break;
        case u'\t': out += QStringLiteral("\\t"); break;
        default:
            out += c < 0x80 ? QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'))
                            : QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

QString withoutControls(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((isControl(u) && u != u'\n' && u != u'\t' && u != u'\r') || u == 0xfffe || u == 0xffff)
            continue;
        out += c;
    }
    return out;
}

QString isolate(const QString &text)
{
    bool needed = false;
    for (qsizetype i = 0; i < text.size() && !needed;) {
        const char32_t c = codePointAt(text, i);
        needed = isBidiControl(c) || isRightToLeft(c);
    }
    if (!needed)
        return text;
    // Isolates inside must pair up, or the closing PDI would end one of them instead of ours.
    QString out;
    out.reserve(text.size() + 4);
    out += QChar(kFsi);
    int open = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x2066 && u <= 0x2068) {
            ++open;
        } else if (u == kPdi) {
            if (open == 0)
                continue; // closes nothing of this text: dropped
            --open;
        }
        out += c;
    }
    for (; open > 0; --open)
        out += QChar(kPdi);
    out += QChar(kPdi);
    return out;
}

std::size_t utf8At(std::string_view s, std::size_t i, char32_t *codePoint)
{
    const Decoded d = decode(s, i);
    if (codePoint)
        *codePoint = d.c;
    return d.length;
}

namespace {

// The index of the first byte cleanText() would change, or s.size().
std::size_t firstUnclean(std::string_view s, bool keepLineBreaks)
{
    // Eight bytes at a time while all are printable ASCII (0x20 to 0x7e), as nearly every byte
    // of an import is (each page's id, service and title: one byte at a time, 2.6% of a
    // million-page import's CPU, perf). A word with any other byte is left to the loop below.
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        // A byte under 0x20 (exact when no byte has its high bit set, tested first), or 0x7f.
        const std::uint64_t below = (w - kOnes * 0x20) & ~w & kHighs;
        const std::uint64_t del = w ^ (kOnes * 0x7f);
        if (((w & kHighs) | below | ((del - kOnes) & ~del & kHighs)) != 0)
            break;
    }
    for (; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7f)
            continue;
        if (c >= 0x80) {
            const Decoded d = decode(s, i);
            if (d.length > 0 && !isControl(d.c)) {
                i += d.length - 1;
                continue;
            }
        } else if (keepLineBreaks && (c == '\n' || c == '\t' || c == '\r')) {
            continue;
        }
        break;
    }
    return i;
}

} // namespace

bool needsCleaning(std::string_view s, bool keepLineBreaks)
{
    return firstUnclean(s, keepLineBreaks) < s.size();
}

bool cleanText(std::string &s, bool keepLineBreaks)
{
    // Fast path: printable ASCII (or clean UTF-8) needs no copy.
    std::size_t i = firstUnclean(s, keepLineBreaks);
    if (i == s.size())
        return false;
    std::string out(s, 0, i);
    out.reserve(s.size());
    while (i < s.size()) {
        const Decoded d = decode(s, i);
        if (d.length == 0) {
            appendUtf8(out, 0xfffd);
            ++i;
            continue;
        }
        if (isControl(d.c) && !(keepLineBreaks && (d.c == '\n' || d.c == '\t' || d.c == '\r')))
            out += ' ';
        else
            out.append(s, i, d.length);
        i += d.length;
    }
    s = std::move(out);
    return true;
}

std::optional<std::string> identifierProblem(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7f) {
            ++i;
            continue;
        }
        const Decoded d = decode(s, i);
        if (d.length == 0)
            return "not valid UTF-8 (byte " + std::to_string(i + 1) + ")";
        if (isControl(d.c)) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", unsigned(d.c));
            return std::string("holds the control character ") + code;
        }
        if (isBidiControl(d.c)) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", unsigned(d.c));
            return std::string("holds the bidi control character ") + code;
        }
        i += d.length;
    }
    return std::nullopt;
}

} // namespace srm::hygiene
