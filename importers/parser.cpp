#include "importers/parser.h"

#include "importers/fieldparsers.h"
#include "importers/recordcheck.h"

namespace srm::importers {

std::string ParseError::text() const
{
    std::string out;
    if (line > 0)
        out += std::to_string(line) + ": ";
    if (!column.empty())
        out += "column '" + column + "': ";
    out += reason;
    return out;
}

std::optional<Series> seriesFromName(std::string_view name)
{
    name = trim(name);
    if (equalsIgnoreCase(name, "good"))
        return Series::Good;
    if (equalsIgnoreCase(name, "bad"))
        return Series::Bad;
    if (equalsIgnoreCase(name, "total"))
        return Series::Total;
    return std::nullopt;
}

void parse(Format format, InputStream &in, const ParseOptions &options, ImportSink &sink)
{
    CheckingSink checked(format, sink);
    switch (format) {
    case Format::PagerDutyRest: return parsePagerDutyRest(in, options, checked);
    case Format::PagerDutyAnalytics: return parsePagerDutyAnalytics(in, options, checked);
    case Format::Prometheus: return parsePrometheus(in, options, checked);
    case Format::OpenSlo: return parseOpenSlo(in, options, checked);
    default: return parseCsv(format, in, options, checked);
    }
}

} // namespace srm::importers
