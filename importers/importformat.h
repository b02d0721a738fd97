// The import formats of docs/formats.md and their detection from content: JSON by its shape (an
// `incidents` array, a `data` array, a `data.resultType` matrix), YAML by its OpenSLO
// `apiVersion`, CSV by its header names. `--format` names a format by its id instead.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace srm::importers {

enum class Format {
    Deployments,
    Changes,
    Incidents,
    Pages,
    PagerDutyCsv,
    PagerDutyRest,
    PagerDutyAnalytics,
    OpenSlo,
    SloMeasurements,
    Prometheus,
    Debt,
    Ownership,
};

struct FormatInfo
{
    Format format;
    const char *id;    // --format value and the import log's format column
    const char *title; // for people
};

const std::vector<FormatInfo> &allFormats();
const char *formatId(Format f);
QString formatTitle(Format f);
std::optional<Format> formatFromId(std::string_view id); // case-insensitive
QString knownFormatIds();                                // "deployments, changes, ..."

// How many leading bytes detectFormat() wants to see (less is fine for a smaller file).
constexpr int kSniffBytes = 1 << 20;

struct ParseError;

// The format of a file whose first bytes are `head`, or nullopt when it is none of docs/formats.md's
// (then *why says what it looked like, with a line when it found a syntax error).
std::optional<Format> detectFormat(const QByteArray &head, ParseError *why = nullptr);

// The format of a CSV header (lower-case names), or nullopt.
std::optional<Format> detectCsvFormat(const std::vector<std::string> &header);

// The header of a file whose first bytes are `head` when it reads as CSV with at least two
// columns (names trimmed, as written), for column mapping; nullopt for JSON, OpenSLO YAML and
// anything else.
std::optional<std::vector<std::string>> csvHeader(const QByteArray &head);

} // namespace srm::importers
