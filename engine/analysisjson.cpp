#include "engine/analysisjson.h"

#include "engine/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace srm {

namespace {

QJsonValue orNull(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

// Keys of each object in ascending byte order (JsonWriter::key).

} // namespace

void writeInterval(JsonWriter &w, const std::optional<Interval> &ci)
{
    if (!ci) {
        w.null();
        return;
    }
    w.beginArray();
    w.value(ci->lo);
    w.value(ci->hi);
    w.endArray();
}

namespace {

void write(JsonWriter &w, const AnalysisWindow &window)
{
    w.beginObject();
    w.member("days", window.days);
    w.member("from", formatIso(window.from()));
    w.member("to", formatIso(window.to()));
    w.endObject();
}

void write(JsonWriter &w, const MetricResult &m)
{
    w.beginObject();
    w.member("better", MetricCatalogue::betterId(m.def->better));
    w.key("ci");
    writeInterval(w, m.ci);
    w.member("gap", m.gap);
    w.member("id", m.id());
    w.member("n", std::int64_t(m.n));
    w.member("p90", m.p90);
    w.key("previous");
    if (m.previous) {
        w.beginObject();
        w.key("ci");
        writeInterval(w, m.previous->ci);
        w.member("n", std::int64_t(m.previous->n));
        w.member("value", m.previous->value);
        w.endObject();
    } else {
        w.null();
    }
    if (m.reworkRules) {
        w.key("rework_rules");
        w.beginObject();
        w.member("after_failure", m.reworkRules->afterFailure);
        w.member("during_incident", m.reworkRules->duringIncident);
        w.member("fix", m.reworkRules->fix);
        w.endObject();
    }
    w.member("status", MetricCatalogue::statusId(m.status));
    w.member("target", m.target);
    w.member("theme", MetricCatalogue::themeId(m.def->theme));
    w.key("tier");
    if (m.tier)
        w.value(MetricCatalogue::tierId(*m.tier));
    else
        w.null();
    w.member("unit", MetricCatalogue::unitId(m.def->unit));
    w.member("value", m.value);
    w.member("verdict", intervals::verdictId(m.verdict));
    w.key("weekly");
    w.beginArray();
    for (const WeeklyPoint &p : m.weekly) {
        w.beginObject();
        w.member("n", std::int64_t(p.n));
        w.member("value", p.value);
        w.member("week", p.week);
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

void write(JsonWriter &w, const SloResult &s)
{
    w.beginObject();
    w.member("attainment", s.attainment);
    w.member("burn_rate_24h", s.burnRate24h);
    w.member("error_budget_remaining", s.errorBudgetRemaining);
    w.member("met", s.met);
    w.member("name", s.name);
    w.member("objective", s.objective);
    w.member("service", s.service);
    w.member("window_days", s.windowDays());
    w.endObject();
}

void write(JsonWriter &w, const ThemeSummary &t)
{
    w.beginObject();
    w.member("gaps", t.gaps);
    w.member("id", MetricCatalogue::themeId(t.theme));
    w.member("met", t.met);
    w.member("metrics", t.metrics);
    w.member("not_measured", t.notMeasured);
    w.endObject();
}

void write(JsonWriter &w, const AlertGroup &g)
{
    w.beginObject();
    w.member("ack_p50_minutes", g.ackP50Minutes);
    w.member("count", std::int64_t(g.count));
    w.member("cumulative_share", g.cumulativeShare);
    w.member("key", g.key);
    w.member("noise_ratio", g.noiseRatio);
    w.member("off_hours_ratio", g.offHoursRatio);
    w.member("service", g.service);
    w.member("share", g.share);
    w.member("title", g.title);
    w.endObject();
}

// docs/metrics.md#dora-quick-check: scores and levels of the five metrics (null when not
// measured; levels null for the two ratios, which have none), the three means and the benchmark.
void write(JsonWriter &w, const dora::QuickCheck &q)
{
    // Keys in byte order: the metric ids sorted, then the names of the means.
    std::vector<std::pair<std::string, const dora::MetricScore *>> byId;
    for (const dora::MetricScore &m : q.metrics)
        byId.emplace_back(MetricCatalogue::def(m.metric).id, &m);
    std::sort(byId.begin(), byId.end());
    auto industry = [&](const dora::Industry &i) {
        w.beginObject();
        w.member("mean", i.mean);
        w.member("sd", i.sd);
        w.endObject();
    };
    w.beginObject();
    w.member("benchmark", dora::kBenchmarkId);
    w.key("industry");
    w.beginObject();
    for (const auto &[id, m] : byId) {
        w.key(id);
        industry(dora::industry(m->metric));
    }
    w.key("overall");
    industry(dora::industryOverall());
    w.key("stability");
    industry(dora::industryStability());
    w.key("throughput");
    industry(dora::industryThroughput());
    w.endObject();
    w.key("levels");
    w.beginObject();
    for (const auto &[id, m] : byId)
        w.member(id, m->level);
    w.endObject();
    w.member("overall", q.overall);
    w.key("scores");
    w.beginObject();
    for (const auto &[id, m] : byId)
        w.member(id, m->score);
    w.endObject();
    w.member("stability", q.stability);
    w.member("throughput", q.throughput);
    w.endObject();
}

} // namespace

// docs/scope.md#json: {"services": [...], "teams": [...]}, only for a scoped document.
void writeScope(JsonWriter &w, const Scope &scope)
{
    if (scope.isEmpty())
        return;
    w.key("scope");
    w.beginObject();
    w.key("services");
    w.beginArray();
    for (const std::string &s : scope.services)
        w.value(std::string_view(s));
    w.endArray();
    w.key("teams");
    w.beginArray();
    for (const std::string &t : scope.teams)
        w.value(std::string_view(t));
    w.endArray();
    w.endObject();
}

namespace {

void writeBreakdown(JsonWriter &w, const Breakdown &b)
{
    w.key("breakdown");
    w.beginArray();
    for (const BreakdownEntry &e : b.entries) {
        w.beginObject();
        w.key("metrics");
        w.beginArray();
        for (const MetricResult &m : e.metrics.metrics) {
            w.beginObject();
            w.member("id", m.id());
            w.member("n", std::int64_t(m.n));
            w.member("status", MetricCatalogue::statusId(m.status));
            w.member("value", m.value);
            w.endObject();
        }
        w.endArray();
        w.member(b.by == BreakdownBy::Service ? "service" : "team", e.name);
        w.endObject();
    }
    w.endArray();
}

void writeRollup(JsonWriter &w, const Breakdown &b)
{
    w.key("rollup");
    w.beginArray();
    for (const MetricRollup &r : b.rollup) {
        w.beginObject();
        w.member("gap", r.gap);
        w.member("id", MetricCatalogue::idText(r.metric));
        w.member("met", r.met);
        w.member("not_measured", r.notMeasured);
        w.endObject();
    }
    w.endArray();
}

void write(JsonWriter &w, const MetricsReport &r, const Breakdown *breakdown = nullptr)
{
    w.beginObject();
    w.member("as_of", formatIso(r.window.asOf));
    if (breakdown)
        writeBreakdown(w, *breakdown);
    w.key("dora");
    write(w, r.dora);
    w.key("metrics");
    w.beginArray();
    for (const MetricResult &m : r.metrics)
        write(w, m);
    w.endArray();
    if (breakdown)
        writeRollup(w, *breakdown);
    writeScope(w, r.scope);
    w.key("slos");
    w.beginArray();
    for (const SloResult &s : r.slos)
        write(w, s);
    w.endArray();
    w.key("themes");
    w.beginArray();
    for (const ThemeSummary &t : r.themes)
        write(w, t);
    w.endArray();
    w.key("window");
    write(w, r.window);
    w.endObject();
}

void write(JsonWriter &w, const AlertReport &r, std::optional<qsizetype> top)
{
    const qsizetype listed = top ? std::min<qsizetype>(*top, qsizetype(r.groups.size())) : qsizetype(r.groups.size());
    w.beginObject();
    w.member("as_of", formatIso(r.window.asOf));
    w.key("groups");
    w.beginArray();
    for (qsizetype i = 0; i < listed; ++i)
        write(w, r.groups[size_t(i)]);
    w.endArray();
    w.member("groups_for_80_percent", r.groupsFor80Percent);
    w.member("groups_total", r.groupsTotal());
    writeScope(w, r.scope);
    w.member("total_pages", std::int64_t(r.totalPages));
    w.key("window");
    write(w, r.window);
    w.endObject();
}

template <typename... Args>
QJsonObject object(const Args &...args)
{
    JsonWriter w;
    write(w, args...);
    return QJsonDocument::fromJson(w.text()).object();
}

} // namespace

QJsonObject toJson(const AnalysisWindow &window)
{
    return object(window);
}

QJsonObject toJson(const MetricResult &metric)
{
    return object(metric);
}

QJsonObject toJson(const SloResult &slo)
{
    return object(slo);
}

QJsonObject toJson(const ThemeSummary &theme)
{
    return object(theme);
}

QJsonObject toJson(const AlertGroup &group)
{
    return object(group);
}

QJsonObject toJson(const DurationStats &s)
{
    QJsonArray values;
    for (double v : s.values)
        values.append(v);
    return {{QStringLiteral("unit"), MetricCatalogue::unitId(s.unit)},
            {QStringLiteral("p50"), orNull(s.p50)},
            {QStringLiteral("p90"), orNull(s.p90)},
            {QStringLiteral("n"), qint64(s.n())},
            {QStringLiteral("values"), values}};
}

QJsonObject toJson(const MetricsReport &report)
{
    return object(report);
}

QJsonObject toJson(const AlertReport &report, std::optional<qsizetype> top)
{
    return object(report, top);
}

QByteArray toJsonText(const MetricsReport &report)
{
    JsonWriter w;
    write(w, report);
    return w.take();
}

QByteArray toJsonText(const MetricsReport &report, const Breakdown &breakdown)
{
    JsonWriter w;
    write(w, report, &breakdown);
    return w.take();
}

QByteArray toJsonText(const AlertReport &report, std::optional<qsizetype> top)
{
    JsonWriter w;
    write(w, report, top);
    return w.take();
}

} // namespace srm
