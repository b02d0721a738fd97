// The JSON formats of docs/formats.md: PagerDuty REST v2 `GET /incidents` (one page, an array of pages,
// or a bare array of incident objects), PagerDuty Analytics raw incidents, and Prometheus
// `query_range` matrices. JsonScanner splits the file into its elements (each incident, each
// sample) and checks the grammar of the rest; simdjson parses one element at a time.
#include "importers/fieldparsers.h"
#include "importers/inputstream.h"
#include "importers/jsonscanner.h"
#include "importers/parser.h"
#include "importers/recordcheck.h"

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <map>

namespace srm::importers {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// A number's text in plain decimal notation. simdjson keeps no text of a number, so a
// fractional one (1791000000.5, 1.791e9) is written back as the shortest plain decimal that
// reads as the same double: that is the number as written whenever it has at most 15
// significant digits (every µs timestamp in seconds or ms), and never an exponent, which the
// timestamp and number readers would not take ("1.791e+09" was the float-timestamp bug).
std::string numberText(element v)
{
    std::int64_t i;
    std::uint64_t u;
    double d;
    switch (v.type()) {
    case element_type::INT64: return v.get(i) == simdjson::SUCCESS ? std::to_string(i) : std::string();
    case element_type::UINT64: return v.get(u) == simdjson::SUCCESS ? std::to_string(u) : std::string();
    case element_type::DOUBLE: {
        if (v.get(d) != simdjson::SUCCESS)
            return {};
        char buf[400]; // the longest fixed form of a double is 309 digits, a point and a sign
        const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
        return r.ec == std::errc() ? std::string(buf, r.ptr) : formatNumber(d);
    }
    default: return {};
    }
}

// The raw text of the first value of a JSON array's text ("[1791000000.0, \"3\"]" gives
// "1791000000.0"): the number exactly as written, before any conversion to double.
std::string_view firstNumberToken(std::string_view arrayText)
{
    std::size_t i = arrayText.find('[');
    if (i == std::string_view::npos)
        return {};
    ++i;
    while (i < arrayText.size() && std::string_view(" \t\n\r").find(arrayText[i]) != std::string_view::npos)
        ++i;
    const std::size_t from = i;
    while (i < arrayText.size()
           && ((arrayText[i] >= '0' && arrayText[i] <= '9') || arrayText[i] == '.' || arrayText[i] == 'e'
               || arrayText[i] == 'E' || arrayText[i] == '+' || arrayText[i] == '-'))
        ++i;
    return arrayText.substr(from, i - from);
}

// One element's fields, with the first problem kept as the element's error.
class Fields
{
public:
    Fields(element object, std::int64_t line, const ParseOptions &o) : m_object(object), m_line(line), m_o(o) { }

    bool ok() const { return !m_error; }
    const ParseError &error() const { return *m_error; }
    void fail(const std::string &column, std::string reason)
    {
        if (!m_error)
            m_error = ParseError{m_line, column, std::move(reason)};
    }

    std::optional<element> field(element parent, std::string_view key) const
    {
        element v;
        if (parent.type() != element_type::OBJECT || parent[key].get(v) != simdjson::SUCCESS
            || v.type() == element_type::NULL_VALUE)
            return std::nullopt;
        return v;
    }

    // A string (or a number's text); absent and null are empty.
    std::string text(const std::string &column, std::optional<element> v)
    {
        if (!v)
            return {};
        std::string_view s;
        if (v->get(s) == simdjson::SUCCESS)
            return std::string(trim(s));
        const std::string n = numberText(*v);
        if (n.empty())
            fail(column, "expected a string");
        return n;
    }
    std::string text(std::string_view key) { return text(std::string(key), field(m_object, key)); }

    std::optional<Micros> time(const std::string &column, std::optional<element> v, bool required)
    {
        const std::string s = text(column, v);
        if (s.empty()) {
            if (required)
                fail(column, "required value is missing");
            return std::nullopt;
        }
        const auto t = parseJsonTimestamp(s, m_o.zone);
        if (!t)
            fail(column, "not a timestamp: '" + s + "'");
        return t;
    }
    std::optional<Micros> time(std::string_view key, bool required = false)
    {
        return time(std::string(key), field(m_object, key), required);
    }

    std::optional<std::int64_t> count(std::string_view key)
    {
        const std::string s = text(key);
        if (s.empty())
            return std::nullopt;
        const auto n = parseInteger(s);
        if (!n) {
            fail(std::string(key), "not a whole number: '" + s + "'");
        } else if (*n < 0) {
            fail(std::string(key), "negative count: " + s);
        } else if (const auto why = numberProblem(key, double(*n))) {
            // Refused before anything computes with it: docs/hostile-input.md#limits
            fail(std::string(key), *why);
            return std::nullopt;
        }
        return n;
    }

    std::optional<double> seconds(std::string_view key)
    {
        const std::string s = text(key);
        if (s.empty())
            return std::nullopt;
        const auto n = parseNumber(s);
        if (!n) {
            fail(std::string(key), "not a number: '" + s + "'");
        } else if (*n < 0) {
            fail(std::string(key), "negative count: " + s);
        } else if (const auto why = numberProblem(key, *n)) {
            // Refused before anything computes with it: docs/hostile-input.md#limits
            fail(std::string(key), *why);
            return std::nullopt;
        }
        return n;
    }

    std::optional<bool> boolean(std::string_view key)
    {
        const auto v = field(m_object, key);
        if (!v)
            return std::nullopt;
        bool b;
        if (v->get(b) == simdjson::SUCCESS)
            return b;
        const std::string s = text(std::string(key), v);
        const auto r = parseBool(s);
        if (!r)
            fail(std::string(key), "not true or false: '" + s + "'");
        return r;
    }

    void notBefore(const std::string &column, const std::optional<Micros> &t, const char *startName, Micros start)
    {
        if (ok() && t && *t < start)
            fail(column, column + " " + formatIsoUtf8(*t) + " is before " + startName + " " + formatIsoUtf8(start));
    }

    element object() const { return m_object; }

private:
    element m_object;
    std::int64_t m_line;
    const ParseOptions &m_o;
    std::optional<ParseError> m_error;
};

std::optional<Micros> plusSeconds(Micros t, const std::optional<double> &seconds)
{
    if (!seconds)
        return std::nullopt;
    return t + Micros(std::llround(*seconds * double(kMicrosPerSecond)));
}

// A PagerDuty REST v2 incident object.
void readRestIncident(element incident, std::int64_t line, const ParseOptions &o, ImportSink &sink)
{
    sink.recordAt(line);
    Fields f(incident, line, o);
    if (incident.type() != element_type::OBJECT) {
        sink.badRow({line, {}, "expected an incident object"});
        return;
    }
    Page p;
    p.sourceId = f.text("id");
    if (p.sourceId.empty())
        f.fail("id", "required value is missing");
    const auto created = f.time("created_at", true);
    p.createdAt = created.value_or(0);
    for (const char *key : {"title", "summary", "description"}) {
        p.title = f.text(key);
        if (!p.title.empty())
            break;
    }
    if (p.title.empty())
        f.fail("title", "required value is missing (title, summary or description)");
    p.incidentNumber = f.count("incident_number");
    p.service = f.text("service.summary",
                       f.field(incident, "service") ? f.field(*f.field(incident, "service"), "summary") : std::nullopt);
    p.urgency = f.text("urgency");
    const std::string status = f.text("status");
    if (const auto acks = f.field(incident, "acknowledgements")) {
        simdjson::dom::array list;
        if (acks->get(list) != simdjson::SUCCESS) {
            f.fail("acknowledgements", "expected an array");
        } else {
            for (element ack : list) {
                const auto at = f.time("acknowledgements[].at", f.field(ack, "at"), false);
                if (at && (!p.acknowledgedAt || *at < *p.acknowledgedAt))
                    p.acknowledgedAt = at;
            }
        }
    }
    p.resolvedAt = f.time("resolved_at");
    const char *resolvedColumn = "resolved_at";
    if (!p.resolvedAt && equalsIgnoreCase(status, "resolved")) {
        p.resolvedAt = f.time("last_status_change_at");
        resolvedColumn = "last_status_change_at";
    }
    p.incidentKey = f.text("incident_key");
    if (created) {
        f.notBefore("acknowledgements[].at", p.acknowledgedAt, "created_at", *created);
        f.notBefore(resolvedColumn, p.resolvedAt, "created_at", *created);
    }
    if (f.ok())
        sink.page(p);
    else
        sink.badRow(f.error());
}

// A PagerDuty Analytics raw incident.
void readAnalyticsIncident(element incident, std::int64_t line, const ParseOptions &o, ImportSink &sink)
{
    sink.recordAt(line);
    Fields f(incident, line, o);
    if (incident.type() != element_type::OBJECT) {
        sink.badRow({line, {}, "expected an incident object"});
        return;
    }
    Page p;
    p.sourceId = f.text("id");
    if (p.sourceId.empty())
        f.fail("id", "required value is missing");
    const auto created = f.time("created_at", true);
    p.createdAt = created.value_or(0);
    p.title = f.text("description");
    p.incidentNumber = f.count("incident_number");
    p.service = f.text("service_name");
    p.urgency = f.text("urgency");
    const auto ackSeconds = f.seconds("seconds_to_first_ack");
    const auto resolveSeconds = f.seconds("seconds_to_resolve");
    const auto resolvedAt = f.time("resolved_at");
    p.acknowledgedAt = plusSeconds(p.createdAt, ackSeconds);
    p.resolvedAt = resolveSeconds ? plusSeconds(p.createdAt, resolveSeconds) : resolvedAt;
    p.autoResolved = f.boolean("auto_resolved");
    p.escalationCount = f.count("escalation_count");
    if (created && !resolveSeconds)
        f.notBefore("resolved_at", p.resolvedAt, "created_at", *created);
    if (f.ok())
        sink.page(p);
    else
        sink.badRow(f.error());
}

bool isKey(const JsonPathItem &item, std::string_view key)
{
    return !item.isIndex && item.key == key;
}

std::string parseError(simdjson::error_code e)
{
    return std::string("invalid JSON: ") + simdjson::error_message(e);
}

// Splits `{"<arrayKey>": [...]}` (and, for the REST form, a top-level array) into elements.
class ElementHandler : public JsonScanner::Handler
{
public:
    using Read = std::function<void(element, std::int64_t)>;

    ElementHandler(const char *arrayKey, bool topArray, Read read)
        : m_arrayKey(arrayKey), m_topArray(topArray), m_read(std::move(read))
    {
    }

    bool begin(const JsonPath &path, char first) override
    {
        if (path.empty()) {
            m_top = first;
            if (first != '{' && !(m_topArray && first == '['))
                throw FileError({0, {}, std::string("expected a JSON object with an '") + m_arrayKey + "' array"});
            return false;
        }
        if (m_top == '[')
            return path.size() == 1;
        if (path.size() == 1 && isKey(path[0], m_arrayKey)) {
            if (first != '[')
                throw FileError({0, m_arrayKey, std::string("'") + m_arrayKey + "' is not an array"});
            m_sawArray = true;
        }
        return path.size() == 2 && isKey(path[0], m_arrayKey);
    }

    void captured(const JsonPath &, std::string_view text, std::int64_t line) override
    {
        element e;
        const auto error = m_parser.parse(text.data(), text.size()).get(e);
        if (error)
            throw FileError({line, {}, parseError(error)});
        m_read(e, line);
    }

    void finish() const
    {
        if (m_top == '{' && !m_sawArray)
            throw FileError({1, m_arrayKey, std::string("no '") + m_arrayKey + "' array in the JSON object"});
    }

private:
    const char *m_arrayKey;
    bool m_topArray;
    Read m_read;
    char m_top = 0;
    bool m_sawArray = false;
    simdjson::dom::parser m_parser;
};

} // namespace

void parsePagerDutyRest(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    ElementHandler handler("incidents", true, [&](element e, std::int64_t line) {
        // An element of a top-level array is a page of `GET /incidents` or a bare incident.
        simdjson::dom::array incidents;
        element list;
        if (e.type() == element_type::OBJECT && e["incidents"].get(list) == simdjson::SUCCESS) {
            if (list.get(incidents) != simdjson::SUCCESS) {
                sink.badRow({line, "incidents", "expected an array"});
                return;
            }
            for (element incident : incidents)
                readRestIncident(incident, line, o, sink);
            return;
        }
        readRestIncident(e, line, o, sink);
    });
    JsonScanner scanner(in, 2);
    scanner.run(handler);
    handler.finish();
}

void parsePagerDutyAnalytics(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    ElementHandler handler("data", false,
                           [&](element e, std::int64_t line) { readAnalyticsIncident(e, line, o, sink); });
    JsonScanner scanner(in, 2);
    scanner.run(handler);
    handler.finish();
}

namespace {

// `{"status": "success", "data": {"resultType": "matrix", "result": [{"metric": {...},
// "values": [[ts, "v"], ...]}, ...]}}`, or the `result` array alone (a bare array, as scripts
// save it): each sample is captured on its own. An error response (`"status": "error"`) ends
// the file with Prometheus's own errorType and error; each entry of `warnings` (and of
// Prometheus 3's `infos`) becomes a note. docs/formats.md#prometheus
class PrometheusHandler : public JsonScanner::Handler
{
public:
    PrometheusHandler(const ParseOptions &o, ImportSink &sink) : m_o(o), m_sink(sink) { }

    bool begin(const JsonPath &path, char first) override
    {
        if (path.empty()) {
            if (first != '{' && first != '[')
                throw FileError(
                    {0, {}, "expected a Prometheus query_range response (a JSON object) or its result array"});
            m_top = first;
            return false;
        }
        if (m_top == '[') {
            // [ {"metric": ..., "values": [[ts, "v"], ...]}, ... ]
            if (path.size() == 1 && first != '{')
                throw FileError({0, toString(path), "expected a series object with 'metric' and 'values'"});
            if (path.size() == 2 && isKey(path[1], "value"))
                m_instant = true;
            return path.size() == 3 && isKey(path[1], "values");
        }
        if (path.size() == 1)
            return isKey(path[0], "status") || isKey(path[0], "error") || isKey(path[0], "errorType")
                || isKey(path[0], "warnings") || isKey(path[0], "infos");
        if (!isKey(path[0], "data"))
            return false;
        if (path.size() == 2)
            return isKey(path[1], "resultType");
        return path.size() == 5 && isKey(path[1], "result") && isKey(path[3], "values");
    }

    void captured(const JsonPath &path, std::string_view text, std::int64_t line) override
    {
        element e;
        const auto error = m_parser.parse(text.data(), text.size()).get(e);
        if (error)
            throw FileError({line, {}, parseError(error)});
        std::string_view s;
        if (m_top == '{' && path.size() == 1) {
            if (isKey(path[0], "status") && e.get(s) == simdjson::SUCCESS && s != "success")
                m_status = std::string(s);
            if (isKey(path[0], "error") && e.get(s) == simdjson::SUCCESS)
                m_error = std::string(s);
            if (isKey(path[0], "errorType") && e.get(s) == simdjson::SUCCESS)
                m_errorType = std::string(s);
            if (isKey(path[0], "warnings") || isKey(path[0], "infos"))
                messages(e, isKey(path[0], "warnings") ? "warning" : "info");
            return;
        }
        if (m_top == '{' && path.size() == 2) {
            m_resultType = e.get(s) == simdjson::SUCCESS ? std::string(s) : std::string("?");
            return;
        }
        sample(e, text, line, toString(path));
    }

    void finish()
    {
        if (!m_status.empty())
            throw FileError({0,
                             {},
                             "prometheus error " + (m_errorType.empty() ? "(no errorType)" : m_errorType) + ": "
                                 + (m_error.empty() ? "status '" + m_status + "'" : m_error)});
        if (m_top == '[') {
            if (m_instant)
                throw FileError({1, "value",
                                 "an instant query's result ('value'); only a range query's 'values' "
                                 "can be imported"});
        } else {
            if (m_resultType.empty())
                throw FileError({1, "data.resultType", "not a Prometheus query_range response (no data.resultType)"});
            if (m_resultType != "matrix")
                throw FileError(
                    {1, "data.resultType",
                     "data.resultType is '" + m_resultType + "'; only a range query's 'matrix' can be imported"});
        }
        requireSeries();
        for (const std::string &note : m_notes)
            m_sink.note(note);
        if (m_skipped > 0)
            m_sink.note("skipped " + std::to_string(m_skipped) + " NaN or infinite sample"
                        + (m_skipped == 1 ? "" : "s"));
        for (const auto &[ts, value] : m_sums) {
            SloMeasurement m;
            m.slo = m_o.sloName;
            m.timestamp = ts;
            switch (*m_o.series) {
            case Series::Good: m.good = value; break;
            case Series::Bad: m.bad = value; break;
            case Series::Total: m.total = value; break;
            }
            m_sink.measurement(m);
        }
    }

private:
    // Checked at the first sample (and at the end), after the status: an error response is
    // reported as Prometheus's error even without --slo.
    void requireSeries() const
    {
        if (m_o.sloName.empty() || !m_o.series)
            throw FileError({0, {}, "a Prometheus query_range file needs --slo NAME --series good|bad|total"});
    }

    // Warnings wait for the end of the file, so that they are not reported for a file that
    // turns out to be an error response.
    void messages(element e, const char *kind)
    {
        simdjson::dom::array list;
        if (e.get(list) != simdjson::SUCCESS)
            return;
        for (element item : list) {
            std::string_view text;
            if (item.get(text) == simdjson::SUCCESS)
                m_notes.push_back(std::string("prometheus ") + kind + ": " + std::string(text));
        }
    }

    void sample(element e, std::string_view text, std::int64_t line, const std::string &where)
    {
        if (m_status.empty())
            requireSeries();
        simdjson::dom::array pair;
        if (e.get(pair) != simdjson::SUCCESS || pair.size() != 2) {
            m_sink.badRow({line, where, "expected a [timestamp, \"value\"] pair"});
            return;
        }
        const element tsElement = pair.at(0).value_unsafe();
        const element valueElement = pair.at(1).value_unsafe();
        // A number's own digits (1791000000.0, 1.791e9 ...), not the double simdjson made of it.
        std::string tsText = tsElement.is_number() ? std::string(firstNumberToken(text)) : std::string();
        std::string_view sv;
        if (tsText.empty() && tsElement.get(sv) == simdjson::SUCCESS)
            tsText = std::string(sv);
        const auto ts = parseJsonTimestamp(tsText, m_o.zone);
        if (!ts) {
            m_sink.badRow({line, where, "not a timestamp: '" + tsText + "'"});
            return;
        }
        std::string valueText = numberText(valueElement);
        if (valueText.empty() && valueElement.get(sv) == simdjson::SUCCESS)
            valueText = std::string(trim(sv));
        const std::string lower = toLower(valueText);
        if (lower == "nan" || lower == "inf" || lower == "+inf" || lower == "-inf") {
            ++m_skipped;
            return;
        }
        const auto v = parseNumber(valueText);
        if (!v) {
            m_sink.badRow({line, where, "not a number: '" + valueText + "'"});
            return;
        }
        if (*v < 0) {
            m_sink.badRow({line, where, "negative count: " + valueText});
            return;
        }
        m_sums[*ts] += *v;
    }

    const ParseOptions &m_o;
    ImportSink &m_sink;
    simdjson::dom::parser m_parser;
    char m_top = 0;
    bool m_instant = false;
    std::string m_status;
    std::string m_error;
    std::string m_errorType;
    std::string m_resultType;
    std::vector<std::string> m_notes;
    std::int64_t m_skipped = 0;
    // Several series are summed per timestamp, so the sums wait for the end of the file: one
    // entry per distinct timestamp (Prometheus returns at most 11,000 points per series).
    std::map<Micros, double> m_sums;
};

} // namespace

void parsePrometheus(InputStream &in, const ParseOptions &o, ImportSink &sink)
{
    PrometheusHandler handler(o, sink);
    JsonScanner scanner(in, 5);
    scanner.run(handler);
    handler.finish();
}

} // namespace srm::importers
