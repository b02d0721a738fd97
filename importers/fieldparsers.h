// Conversions of one imported value (docs/formats.md#vocabularies), shared by every format: the value vocabularies
// with their synonyms (case-insensitive), booleans, counts, decimal numbers and durations.
// Each returns nullopt for text it does not accept; the caller names the column in the error.
#pragma once

#include "store/records.h"
#include "store/timeutil.h"

#include <optional>
#include <string>
#include <string_view>

namespace srm::importers {

// ASCII white space trimmed from both ends.
std::string_view trim(std::string_view s);
// Equal but for ASCII letter case: the store's one comparison (store/records.h).
inline bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return equalsAsciiIgnoreCase(a, b);
}
std::string toLower(std::string_view s);

std::optional<DeployResult> parseDeployResult(std::string_view s);
std::optional<DetectionSource> parseDetectionSource(std::string_view s);
std::optional<bool> parseBool(std::string_view s);          // true/false, yes/no, 1/0
std::optional<std::string> parseFowler(std::string_view s); // canonical spelling
std::optional<Theme> parseTheme(std::string_view s);        // a catalogue theme id, any case
std::optional<DebtStatus> parseStatus(std::string_view s);  // open | done, any case
std::optional<BudgetingMethod> parseBudgetingMethod(std::string_view s);

// A decimal number (no NaN or infinity). "1e3", "-2.5", "+4" are numbers.
std::optional<double> parseNumber(std::string_view s);
// A whole number; "3.0" is 3. Negative values are returned as they are (callers report them).
std::optional<std::int64_t> parseInteger(std::string_view s);

// A timestamp written in a JSON file: what parseTimestamp() accepts, and also an epoch number
// in any JSON spelling (1791000000, 1791000000.0, 1.791e9, 1791e6), read exactly from its
// digits (the exponent moves the decimal point; no floating point on the way).
// docs/formats.md#timestamps
std::optional<Micros> parseJsonTimestamp(std::string_view text, const ZoneOffsets &zone);

// Shortest text that reads back as the same double ("0.1", "24", "1e-05"), as in the debt CSV.
std::string formatNumber(double v);

// The accepted spellings, for error messages.
extern const char *const kDeployResultWords;
extern const char *const kDetectionSourceWords;
extern const char *const kBoolWords;
extern const char *const kFowlerWords;
// Read from the one table of each (store/metriccatalogue.h, store/records.h).
const char *themeWords();      // "change, detection, incident, improvement"
const char *debtStatusWords(); // "open, done"

} // namespace srm::importers
