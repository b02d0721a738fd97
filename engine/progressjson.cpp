#include "engine/progressjson.h"

#include "engine/analysisjson.h"
#include "engine/jsonwriter.h"

namespace srm {

namespace {

void write(JsonWriter &w, const MetricProgress &m, const ProgressReport &report)
{
    w.beginObject();
    w.member("id", m.id());
    w.key("pace");
    w.beginObject();
    w.member("slope_per_quarter", m.pace.slopePerQuarter);
    w.key("target_quarter");
    if (m.pace.met)
        w.value("met");
    else if (m.pace.targetQuarter)
        w.value(formatQuarter(*m.pace.targetQuarter));
    else
        w.null();
    w.endObject();
    w.member("target", m.target);
    w.member("unit", MetricCatalogue::unitId(m.def->unit));
    w.key("values");
    w.beginArray();
    for (std::size_t i = 0; i < m.quarters.size(); ++i) {
        const QuarterFigure &f = m.quarters[i];
        w.beginObject();
        w.key("ci");
        writeInterval(w, f.ci);
        w.member("n", std::int64_t(f.n));
        w.member("partial", report.quarters[i].partial);
        w.member("quarter", formatQuarter(report.quarters[i].quarter));
        w.member("value", f.value);
        w.key("verdict");
        if (f.verdict)
            w.value(intervals::verdictId(*f.verdict));
        else
            w.null();
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

} // namespace

QByteArray toJsonText(const ProgressReport &report)
{
    JsonWriter w;
    w.beginObject();
    w.member("as_of", formatIso(report.asOf));
    w.key("metrics");
    w.beginArray();
    for (const MetricProgress &m : report.metrics)
        write(w, m, report);
    w.endArray();
    w.key("quarters");
    w.beginArray();
    for (const ProgressQuarter &q : report.quarters)
        w.value(formatQuarter(q.quarter));
    w.endArray();
    writeScope(w, report.scope);
    w.key("slos");
    w.beginArray();
    for (const SloProgress &s : report.slos) {
        w.beginObject();
        w.member("name", s.name);
        w.key("quarters");
        w.beginArray();
        for (std::size_t i = 0; i < s.quarters.size(); ++i) {
            const SloQuarter &q = s.quarters[i];
            w.beginObject();
            w.member("attainment", q.attainment);
            w.member("error_budget_remaining", q.errorBudgetRemaining);
            w.member("met", q.met);
            w.member("quarter", formatQuarter(report.quarters[i].quarter));
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("successes");
    w.beginArray();
    for (MetricId id : report.successes)
        w.value(MetricCatalogue::idText(id));
    w.endArray();
    w.endObject();
    return w.take();
}

} // namespace srm
