// Text hygiene for user text (docs/hostile-input.md#text): what importers store, what the
// terminal, the HTML mail, the PDF and the window show. Text enters through the importers
// (UTF-8, checked and cleaned by importers/recordcheck.h with these functions) and leaves
// through one of the escapes below, chosen by where it goes:
//   terminal  escapeControls(): control characters as visible escapes, one message per line
//   HTML      withoutControls(): control characters removed (XML forbids most of them)
//   display   isolate(): bidi controls in the text cannot reorder what surrounds it
// QtCore only, so every layer can use it.
#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <string>
#include <string_view>

namespace srm::hygiene {

// C0 controls (U+0000–U+001F), DEL and the C1 controls (U+0080–U+009F).
constexpr bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

// The explicit bidi formatting characters: embeddings, overrides and isolates (LRE, RLE,
// PDF, LRO, RLO, LRI, RLI, FSI, PDI) and the marks (LRM, RLM, ALM).
constexpr bool isBidiControl(char32_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
}

// For a terminal or a one-line message: every control character as an escape ("\n", "\t",
// "\r", "\x1b", "\u0085"), so that user text can neither move the cursor, change colours nor
// start a line that looks like another message. With `keepNewlines` line feeds (and tabs)
// pass, for multi-line text we wrote ourselves.
QString escapeControls(QStringView text, bool keepNewlines = false);

// Control characters removed (tab, line feed and carriage return kept), and the
// non-characters U+FFFE and U+FFFF, which XML forbids too.
QString withoutControls(QStringView text);

// `text` as a first-strong isolate (FSI … PDI): embeddings and overrides inside it end at its
// PDI, and isolates it opens without closing them are closed, so it cannot reverse the
// fields around it. Text without bidi controls and without right-to-left letters is returned
// as it is.
QString isolate(const QString &text);

// --- UTF-8 for the importers -------------------------------------------------------------------

// True when cleanText() would change `s`.
bool needsCleaning(std::string_view s, bool keepLineBreaks = false);

// Replaces each invalid UTF-8 sequence by U+FFFD and each control character by a space (with
// `keepLineBreaks`, tab, LF and CR stay: notes). Returns true when it changed `s`.
bool cleanText(std::string &s, bool keepLineBreaks = false);

// The length of the UTF-8 sequence at s[i] (1 to 4) and its code point, or 0 when the bytes
// there are not valid UTF-8 (overlong forms, surrogates and values above U+10FFFF are not).
std::size_t utf8At(std::string_view s, std::size_t i, char32_t *codePoint = nullptr);

// Why `s` cannot be an identifier (an id, a key, a name records refer to): invalid UTF-8, a
// control character, or a bidi control. nullopt when it can.
std::optional<std::string> identifierProblem(std::string_view s);

} // namespace srm::hygiene
