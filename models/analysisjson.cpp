#include "analysisjson.h"

#include <QJsonArray>

namespace srm {

namespace {

QJsonValue orNull(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue orNull(const std::optional<bool> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue orNull(const std::optional<int> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject toJson(const AnalysisWindow &w)
{
    return {{QStringLiteral("from"), formatIso(w.from())},
            {QStringLiteral("to"), formatIso(w.to())},
            {QStringLiteral("days"), w.days}};
}

QJsonObject toJson(const MetricResult &m)
{
    QJsonArray weekly;
    for (const WeeklyPoint &w : m.weekly)
        weekly.append(QJsonObject{{QStringLiteral("week"), w.week},
                                  {QStringLiteral("value"), orNull(w.value)},
                                  {QStringLiteral("n"), qint64(w.n)}});
    return {{QStringLiteral("id"), m.id()},
            {QStringLiteral("theme"), MetricCatalogue::themeId(m.def->theme)},
            {QStringLiteral("value"), orNull(m.value)},
            {QStringLiteral("p90"), orNull(m.p90)},
            {QStringLiteral("unit"), MetricCatalogue::unitId(m.def->unit)},
            {QStringLiteral("n"), qint64(m.n)},
            {QStringLiteral("target"), m.target},
            {QStringLiteral("better"), MetricCatalogue::betterId(m.def->better)},
            {QStringLiteral("gap"), orNull(m.gap)},
            {QStringLiteral("status"), MetricCatalogue::statusId(m.status)},
            {QStringLiteral("tier"), m.tier ? QJsonValue(MetricCatalogue::tierId(*m.tier)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("weekly"), weekly}};
}

QJsonObject toJson(const SloResult &s)
{
    return {{QStringLiteral("name"), s.name},
            {QStringLiteral("service"), s.service},
            {QStringLiteral("objective"), s.objective},
            {QStringLiteral("attainment"), orNull(s.attainment)},
            {QStringLiteral("error_budget_remaining"), orNull(s.errorBudgetRemaining)},
            {QStringLiteral("burn_rate_24h"), orNull(s.burnRate24h)},
            {QStringLiteral("met"), orNull(s.met)},
            {QStringLiteral("window_days"), s.windowDays()}};
}

QJsonObject toJson(const ThemeSummary &t)
{
    return {{QStringLiteral("id"), MetricCatalogue::themeId(t.theme)},
            {QStringLiteral("metrics"), t.metrics},
            {QStringLiteral("met"), t.met},
            {QStringLiteral("gaps"), t.gaps},
            {QStringLiteral("not_measured"), t.notMeasured}};
}

QJsonObject toJson(const AlertGroup &g)
{
    return {{QStringLiteral("key"), g.key},
            {QStringLiteral("service"), g.service},
            {QStringLiteral("title"), g.title},
            {QStringLiteral("count"), qint64(g.count)},
            {QStringLiteral("share"), g.share},
            {QStringLiteral("cumulative_share"), g.cumulativeShare},
            {QStringLiteral("off_hours_ratio"), g.offHoursRatio},
            {QStringLiteral("noise_ratio"), g.noiseRatio},
            {QStringLiteral("ack_p50_minutes"), orNull(g.ackP50Minutes)}};
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

QJsonObject toJson(const MetricsReport &r)
{
    QJsonArray metrics, slos, themes;
    for (const MetricResult &m : r.metrics)
        metrics.append(toJson(m));
    for (const SloResult &s : r.slos)
        slos.append(toJson(s));
    for (const ThemeSummary &t : r.themes)
        themes.append(toJson(t));
    return {{QStringLiteral("as_of"), formatIso(r.window.asOf)},
            {QStringLiteral("window"), toJson(r.window)},
            {QStringLiteral("metrics"), metrics},
            {QStringLiteral("slos"), slos},
            {QStringLiteral("themes"), themes}};
}

QJsonObject toJson(const AlertReport &r, std::optional<qsizetype> top)
{
    QJsonArray groups;
    const qsizetype listed = top ? std::min<qsizetype>(*top, qsizetype(r.groups.size())) : qsizetype(r.groups.size());
    for (qsizetype i = 0; i < listed; ++i)
        groups.append(toJson(r.groups[size_t(i)]));
    return {{QStringLiteral("as_of"), formatIso(r.window.asOf)},
            {QStringLiteral("window"), toJson(r.window)},
            {QStringLiteral("total_pages"), qint64(r.totalPages)},
            {QStringLiteral("groups"), groups},
            {QStringLiteral("groups_total"), qint64(r.groupsTotal())},
            {QStringLiteral("groups_for_80_percent"), orNull(r.groupsFor80Percent)}};
}

} // namespace srm
