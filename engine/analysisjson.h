// JSON of the analysis engine's results: the documents of docs/metrics.md (`metrics --json`) and
// docs/slos-and-alerts.md (`alerts --json`) field for field (times ISO-8601 UTC with Z, absent
// figures as null), and the same shapes for the parts other consumers embed (HTML export, tests).
// Pure formatting: every figure comes from analysis.h. The documents are written as text by
// JsonWriter (the command line prints that text); the QJsonObject forms are that text read back, so
// both agree.
#pragma once

#include "engine/analysis.h"
#include "engine/breakdown.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace srm {

class JsonWriter;

// An interval as JSON: [lo, hi], or null.
void writeInterval(JsonWriter &w, const std::optional<Interval> &ci);
// "scope": {"services", "teams"} when `scope` is not empty (docs/scope.md#json); nothing else.
void writeScope(JsonWriter &w, const Scope &scope);

QJsonObject toJson(const AnalysisWindow &window); // {"from", "to", "days"}
QJsonObject toJson(const MetricResult &metric);
QJsonObject toJson(const SloResult &slo);
QJsonObject toJson(const ThemeSummary &theme);
QJsonObject toJson(const AlertGroup &group);
QJsonObject toJson(const DurationStats &stats); // {"unit", "p50", "p90", "n", "values"}

// {"as_of", "dora", "window", "metrics", "slos", "themes"}
QJsonObject toJson(const MetricsReport &report);
// {"as_of", "window", "total_pages", "groups", "groups_total", "groups_for_80_percent"};
// `top` limits the listed groups, never the totals.
QJsonObject toJson(const AlertReport &report, std::optional<qsizetype> top = std::nullopt);

// The same two documents as compact JSON text (what QJsonDocument::toJson(Compact) gives for
// the objects above), without building the objects.
QByteArray toJsonText(const MetricsReport &report);
QByteArray toJsonText(const AlertReport &report, std::optional<qsizetype> top = std::nullopt);
// `metrics --by`: the document above with "breakdown" and "rollup" (docs/scope.md#breakdown).
QByteArray toJsonText(const MetricsReport &report, const Breakdown &breakdown);

} // namespace srm
