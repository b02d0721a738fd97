#include "store/alertnormalizer.h"

namespace srm::AlertNormalizer {

namespace {

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool isWord(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12} at s[i]
bool uuidAt(std::string_view s, size_t i)
{
    if (s.size() - i < 36)
        return false;
    for (size_t k = 0; k < 36; ++k) {
        const char c = s[i + k];
        if (k == 8 || k == 13 || k == 18 || k == 23) {
            if (c != '-')
                return false;
        } else if (!isHex(c)) {
            return false;
        }
    }
    return true;
}

// Each pass below copies the text between its matches in whole spans and reports whether it
// replaced anything, so that a title with nothing to replace costs one scan per pass (most
// titles have no UUID, no IP address and no long hex run). 5,100 instructions per title
// before this, 1,300 after (callgrind, benchmark titles).

// Replaces every match of `at` (returns the match length at a position, or 0) that starts at
// a byte accepted by `canStart`, from left to right, as a regex replace-all does.
template <typename CanStart, typename At>
bool replaceAll(std::string_view s, std::string &out, std::string_view token, CanStart canStart, At at)
{
    out.clear();
    size_t copied = 0;
    for (size_t i = 0; i < s.size();) {
        if (!canStart(s[i])) {
            ++i;
            continue;
        }
        const size_t n = at(s, i);
        if (n == 0) {
            ++i;
            continue;
        }
        out.append(s.data() + copied, i - copied);
        out.append(token);
        i += n;
        copied = i;
    }
    if (copied == 0)
        return false;
    out.append(s.data() + copied, s.size() - copied);
    return true;
}

// \b\d{1,3}(\.\d{1,3}){3}\b at s[i]; returns the match length or 0. Each of the first three
// digit groups must be a whole run (a dot follows); the last must be a whole run of at most
// three digits followed by a non-word character, or backtracking finds no word boundary.
size_t ipv4At(std::string_view s, size_t i)
{
    if (i > 0 && isWord(s[i - 1]))
        return 0;
    size_t p = i;
    for (int group = 0; group < 4; ++group) {
        size_t run = 0;
        while (p + run < s.size() && isDigit(s[p + run]))
            ++run;
        if (run < 1 || run > 3)
            return 0;
        p += run;
        if (group < 3) {
            if (p >= s.size() || s[p] != '.')
                return 0;
            ++p;
        }
    }
    if (p < s.size() && isWord(s[p]))
        return 0;
    return p - i;
}

// \b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,}\b at s[i]: a whole hex run of 8 or more that starts a
// word, ends a word, and holds a digit.
size_t hexAt(std::string_view s, size_t i)
{
    if (i > 0 && isWord(s[i - 1]))
        return 0;
    size_t run = 0;
    bool digit = false;
    while (i + run < s.size() && isHex(s[i + run])) {
        digit = digit || isDigit(s[i + run]);
        ++run;
    }
    if (run < 8 || !digit)
        return 0;
    if (i + run < s.size() && isWord(s[i + run]))
        return 0;
    return run;
}

// \d+(\.\d+)? -> <n>, then white space runs -> one space, trimmed (one pass for both).
void replaceNumbersAndSpaces(std::string_view s, std::string &out)
{
    out.clear();
    out.reserve(s.size() + 8);
    bool pendingSpace = false;
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            ++i;
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        if (isDigit(c)) {
            while (i < s.size() && isDigit(s[i]))
                ++i;
            if (i + 1 < s.size() && s[i] == '.' && isDigit(s[i + 1])) {
                ++i;
                while (i < s.size() && isDigit(s[i]))
                    ++i;
            }
            out += "<n>";
            continue;
        }
        // A run of ordinary bytes in one append.
        size_t j = i + 1;
        while (j < s.size() && !isSpace(s[j]) && !isDigit(s[j]))
            ++j;
        out.append(s.data() + i, j - i);
        i = j;
    }
}

// Both a UUID and a hex run start with eight hex digits in a row; most titles have none.
bool hasEightHexInARow(std::string_view s)
{
    int run = 0;
    for (char c : s) {
        run = isHex(c) ? run + 1 : 0;
        if (run == 8)
            return true;
    }
    return false;
}

} // namespace

std::string normalize(std::string_view title)
{
    // The passes run in the docs' order, each on the previous one's result (a replacement
    // token is a word boundary for the passes after it; replacing never makes a hex run longer).
    std::string a, b;
    std::string_view text = title;
    const bool hexRuns = hasEightHexInARow(title);
    if (hexRuns && text.size() >= 36 && text.find('-') != std::string_view::npos
        && replaceAll(text, a, "<uuid>", isHex,
                      [](std::string_view s, size_t i) -> size_t { return uuidAt(s, i) ? 36 : 0; }))
        text = a;
    if (text.find('.') != std::string_view::npos && replaceAll(text, b, "<ip>", isDigit, ipv4At)) {
        a.swap(b);
        text = a;
    }
    if (hexRuns && replaceAll(text, b, "<hex>", isHex, hexAt)) {
        a.swap(b);
        text = a;
    }
    std::string out;
    replaceNumbersAndSpaces(text, out);
    return out;
}

std::string groupKey(std::string_view service, std::string_view normalizedTitle)
{
    std::string key;
    key.reserve(service.size() + 1 + normalizedTitle.size());
    key.append(service);
    key += '|';
    key.append(normalizedTitle);
    return key;
}

} // namespace srm::AlertNormalizer
