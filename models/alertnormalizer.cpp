#include "alertnormalizer.h"

namespace srm::AlertNormalizer {

namespace {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
inline bool isWord(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

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

std::string replaceUuids(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (isHex(s[i]) && uuidAt(s, i)) {
            out += "<uuid>";
            i += 36;
        } else {
            out += s[i++];
        }
    }
    return out;
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

std::string replaceIpv4(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t n = isDigit(s[i]) ? ipv4At(s, i) : 0;
        if (n) {
            out += "<ip>";
            i += n;
        } else {
            out += s[i++];
        }
    }
    return out;
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

std::string replaceHex(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t n = isHex(s[i]) ? hexAt(s, i) : 0;
        if (n) {
            out += "<hex>";
            i += n;
        } else {
            out += s[i++];
        }
    }
    return out;
}

// \d+(\.\d+)? -> <n>, then white space runs -> one space, trimmed (one pass for both).
std::string replaceNumbersAndSpaces(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
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
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

} // namespace

std::string normalize(std::string_view title)
{
    return replaceNumbersAndSpaces(replaceHex(replaceIpv4(replaceUuids(title))));
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
