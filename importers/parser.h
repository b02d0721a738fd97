// The import parsers (docs/formats.md): one per format, each a pure function from bytes to records.
// A parser reads an InputStream (chunk by chunk, so memory stays bounded whatever the file
// size), turns every record into an srm record and hands it to an ImportSink together with the
// located errors of bad rows and notes about what it skipped on purpose. A file it cannot read
// at all (broken JSON or YAML, an empty file, an unterminated quote, a missing required column)
// ends the parse with a FileError. Writing to a workspace is the ImportRunner's job.
#pragma once

#include "importers/importformat.h"
#include "store/error.h"
#include "store/records.h"
#include "store/timeutil.h"

#include <QtGlobal>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace srm::importers {

class InputStream;

// A bad row, or a whole file's problem: the physical line where the record starts (1-based;
// 0 when unknown), the column (CSV header name, or a JSON/YAML field path) and the reason.
struct ParseError
{
    std::int64_t line = 0;
    std::string column;
    std::string reason;

    // "LINE: column 'x': reason" (the caller puts the file name in front).
    std::string text() const;
};

// The whole file cannot be imported.
class FileError : public Error
{
public:
    explicit FileError(ParseError e) : Error(QString::fromStdString(e.reason)), error(std::move(e)) { }
    ParseError error;
};

// Thrown out of a parse when the caller asked to stop.
class Cancelled : public Error
{
public:
    Cancelled() : Error(QStringLiteral("cancelled")) { }
};

// Where a parser's output goes: records (RecordSink), bad rows and notes.
class ImportSink : public RecordSink
{
public:
    // A record that was not produced because of `error`.
    virtual void badRow(const ParseError &error) = 0;
    // Something skipped on purpose (another OpenSLO kind, a NaN sample).
    virtual void note(const std::string &text) = 0;
    // The line where the next record starts: parsers say it before each record, so that the
    // checks made after parsing (importers/recordcheck.h) report bad rows where they are.
    virtual void recordAt(std::int64_t line) { Q_UNUSED(line); }
};

enum class Series { Good, Bad, Total };
std::optional<Series> seriesFromName(std::string_view name);

// Column mapping for the CSV formats (--map FIELD=COLUMN, the window's mapping step, saved
// profiles): each FIELD of the format is read from the file's COLUMN (header matched
// case-insensitively). Mapped fields win; a column taken by a mapping is not also read by name
// as another field; the other fields are matched by name. docs/formats.md#column-mapping
using ColumnMap = std::vector<std::pair<std::string, std::string>>;

struct ParseOptions
{
    ZoneOffsets zone = ZoneOffsets(); // naive timestamps are read in this zone
    std::string sloName;              // Prometheus: the SLO the samples belong to (--slo)
    std::optional<Series> series;     // Prometheus: which column the samples are (--series)
    ColumnMap columnMap;              // CSV formats: FIELD -> the file's column
};

// A field of a CSV format: its name (the column it is read from by default) and whether it is
// required; `oneOf` fields are required as a group (one of title/summary/description of the
// PagerDuty export, good or bad of the SLO measurements).
struct FieldInfo
{
    std::string name;
    bool required = false;
    bool oneOf = false;
};
bool isCsvFormat(Format f);
std::vector<FieldInfo> formatFields(Format f); // empty for the JSON and YAML formats
// A field's own (lower-case) name for `field` written in any case; empty when `f` has none.
std::string fieldName(Format f, std::string_view field);

// A mapping that cannot apply to `f` whatever the file: a format without columns, an unknown
// FIELD, a FIELD mapped twice. nullopt when it is fine.
std::optional<ParseError> checkColumnMap(Format f, const ColumnMap &map);

// Where each field of `f` is read from in a file with `header` (names as written) under `map`.
struct ColumnResolution
{
    std::vector<int> index;          // per field of formatFields(f): its header position, or -1
    std::vector<std::string> names;  // per field: the header's spelling when mapped, else the field name
    std::optional<ParseError> error; // checkColumnMap's, a mapped COLUMN missing from the header, a
                                     // required field still missing (line 1: the header)
};
ColumnResolution resolveColumns(Format f, const std::vector<std::string> &header, const ColumnMap &map);

// Parses the whole input as `format`, every record checked against the input limits and
// cleaned (importers/recordcheck.h) before it reaches `sink`. Throws FileError, Cancelled
// (from the InputStream).
void parse(Format format, InputStream &in, const ParseOptions &options, ImportSink &sink);

// The parsers, one per family.
void parseCsv(Format format, InputStream &in, const ParseOptions &options, ImportSink &sink);
void parsePagerDutyRest(InputStream &in, const ParseOptions &options, ImportSink &sink);
void parsePagerDutyAnalytics(InputStream &in, const ParseOptions &options, ImportSink &sink);
void parsePrometheus(InputStream &in, const ParseOptions &options, ImportSink &sink);
void parseOpenSlo(InputStream &in, const ParseOptions &options, ImportSink &sink);

} // namespace srm::importers
