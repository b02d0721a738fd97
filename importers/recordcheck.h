// Input limits and text hygiene for imported records (docs/hostile-input.md#limits), applied
// to every parser's output in one place: parse() wraps the caller's sink in a CheckingSink, so
// no format can skip them. A record with a value outside its field's sane range (a time
// before 1970 or from 2200 on, a count or amount beyond what any real team has, a text longer
// than its field allows, an id with control characters or invalid UTF-8) becomes a bad row
// that names the column; titles and other free text are cleaned instead (invalid UTF-8 to
// U+FFFD, control characters to spaces). The limits keep every later step (storage, the
// engine, the charts, the PDF) linear in memory and time.
// Number columns are also checked where they are parsed (numberProblem(), called by the
// parsers' field helpers), so that a value like 1e300 seconds is refused before anything
// adds it to a time.
#pragma once

#include "importers/importformat.h"
#include "importers/parser.h"

#include <optional>
#include <string>
#include <string_view>

namespace srm::importers {

namespace limits {
constexpr std::size_t kMaxIdBytes = 256;                       // ids, keys, names records refer to
constexpr std::size_t kMaxLabelBytes = 256;                    // service, team, environment, urgency, severity
constexpr std::size_t kMaxTitleBytes = 4096;                   // titles and display names
constexpr std::size_t kMaxLongTextBytes = 65536;               // notes, descriptions, URLs
constexpr double kMaxDurationSeconds = 10 * 365.25 * 86400;    // ten years
constexpr double kMaxHoursPerWeek = 10000;                     // an item's toil (250 people full time)
constexpr double kMaxCostWeeks = 10000;                        // an item's cost in engineer-weeks
constexpr double kMaxEventCount = 1e15;                        // one SLO measurement's good, bad or total
constexpr std::int64_t kMaxCount = 1000000000;                 // escalations and other small counts
constexpr std::int64_t kMaxIncidentNumber = 9007199254740991;  // 2^53 - 1: exact in JSON
constexpr std::int64_t kMaxSloWindowSeconds = 3 * 366 * 86400; // three years
} // namespace limits

// Why `value` is outside the sane range of the number column `column` (named as in the
// format: "seconds_to_first_ack", "toil_hours_per_week", "good"...), or nullopt.
std::optional<std::string> numberProblem(std::string_view column, double value);

// Checks and cleans each record before it reaches `inner`; an out-of-range record goes to
// `inner` as a bad row at the line of the record (ImportSink::recordAt).
class CheckingSink : public ImportSink
{
public:
    CheckingSink(Format format, ImportSink &inner) : m_format(format), m_inner(inner) { }

    void recordAt(std::int64_t line) override
    {
        m_line = line;
        m_inner.recordAt(line);
    }
    void deployment(const Deployment &d) override;
    void change(const Change &c) override;
    void incident(const Incident &i) override;
    void page(const Page &p) override;
    void slo(const Slo &s) override;
    void measurement(const SloMeasurement &m) override;
    void debtItem(const DebtItem &item) override;
    void ownership(const Ownership &o) override;
    void badRow(const ParseError &error) override { m_inner.badRow(error); }
    void note(const std::string &text) override { m_inner.note(text); }

private:
    class Check;
    Format m_format;
    ImportSink &m_inner;
    std::int64_t m_line = 0;
};

} // namespace srm::importers
