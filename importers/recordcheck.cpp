#include "importers/recordcheck.h"

#include "importers/fieldparsers.h"
#include "store/texthygiene.h"
#include "store/timeutil.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace srm::importers {

namespace {

using namespace limits;

std::string number(double v)
{
    return formatNumber(v);
}

// A value quoted in a message: control characters as escapes, at most 60 characters.
std::string shown(const std::string &v)
{
    QString text = QString::fromUtf8(v.data(), qsizetype(std::min<std::size_t>(v.size(), 240)));
    if (text.size() > 60)
        text = text.left(60) + QStringLiteral("...");
    return hygiene::escapeControls(text).toStdString();
}

enum class Text { Id, Label, Title, Long, LongLines };

std::size_t maxBytes(Text kind)
{
    switch (kind) {
    case Text::Id: return kMaxIdBytes;
    case Text::Label: return kMaxLabelBytes;
    case Text::Title: return kMaxTitleBytes;
    case Text::Long:
    case Text::LongLines: return kMaxLongTextBytes;
    }
    return kMaxIdBytes;
}

// The text fields of each record, with their kind and column: visit(record, f) calls
// f(field, kind, column) for each; `R` is the record or a const one.
template <typename R, typename F>
void visit(R &d, Format, F f)
{
    if constexpr (std::is_same_v<std::remove_const_t<R>, Deployment>) {
        f(d.deploymentId, Text::Id, "deployment_id");
        f(d.service, Text::Label, "service");
        f(d.environment, Text::Label, "environment");
        f(d.commitSha, Text::Id, "commit_sha");
        f(d.fixesDeploymentId, Text::Id, "fixes_deployment_id");
        f(d.team, Text::Label, "team");
    } else if constexpr (std::is_same_v<std::remove_const_t<R>, Change>) {
        f(d.commitSha, Text::Id, "commit_sha");
        f(d.deploymentId, Text::Id, "deployment_id");
    } else if constexpr (std::is_same_v<std::remove_const_t<R>, Incident>) {
        f(d.incidentId, Text::Id, "incident_id");
        f(d.service, Text::Label, "service");
        f(d.title, Text::Title, "title");
        f(d.severity, Text::Label, "severity");
        f(d.causedByDeploymentId, Text::Id, "caused_by_deployment_id");
        f(d.postmortemUrl, Text::Long, "postmortem_url");
    } else if constexpr (std::is_same_v<std::remove_const_t<R>, Slo>) {
        f(d.name, Text::Id, "metadata.name");
        f(d.measurementSlo, Text::Id, "metadata.name");
        f(d.displayName, Text::Title, "metadata.displayName");
        f(d.service, Text::Label, "spec.service");
        f(d.description, Text::LongLines, "spec.description");
    } else if constexpr (std::is_same_v<std::remove_const_t<R>, SloMeasurement>) {
        f(d.slo, Text::Id, "slo");
    } else if constexpr (std::is_same_v<std::remove_const_t<R>, Ownership>) {
        f(d.service, Text::Label, "service");
        f(d.team, Text::Label, "team");
    } else if constexpr (std::is_same_v<std::remove_const_t<R>, DebtItem>) {
        f(d.id, Text::Id, "id");
        f(d.title, Text::Title, "title");
        for (auto &dep : d.dependsOn)
            f(dep, Text::Id, "depends_on");
        f(d.notes, Text::LongLines, "notes");
    }
}

// Pages come in five formats that name their columns differently.
template <typename R, typename F>
void visitPage(R &p, Format format, F f)
{
    const bool pdCsv = format == Format::PagerDutyCsv;
    const bool analytics = format == Format::PagerDutyAnalytics;
    f(p.sourceId, Text::Id, "id");
    f(p.service, Text::Label,
      pdCsv || analytics                    ? "service_name"
          : format == Format::PagerDutyRest ? "service.summary"
                                            : "service");
    f(p.title, Text::Title, analytics ? "description" : "title");
    f(p.urgency, Text::Label, "urgency");
    f(p.incidentKey, Text::Id, "incident_key");
}

// The first problem of one record.
class Problem
{
public:
    explicit Problem(std::int64_t line) : m_line(line) { }

    void fail(const char *column, std::string reason)
    {
        if (!m_error)
            m_error = ParseError{m_line, column, std::move(reason)};
    }

    void text(const std::string &v, Text kind, const char *column)
    {
        if (m_error)
            return;
        if (v.size() > maxBytes(kind))
            return fail(column,
                        "the value is " + std::to_string(v.size()) + " bytes long; at most "
                            + std::to_string(maxBytes(kind)) + " are accepted");
        if (kind == Text::Id)
            if (const auto why = hygiene::identifierProblem(v))
                fail(column, "not a usable identifier: '" + shown(v) + "' " + *why);
    }

    void time(const char *column, Micros t)
    {
        if (!isSaneTime(t))
            fail(column,
                 "time " + formatIsoUtf8(t)
                     + " is outside the accepted range (from 1970-01-01 until "
                       "2200-01-01 UTC)");
    }
    void time(const char *column, const std::optional<Micros> &t)
    {
        if (t)
            time(column, *t);
    }

    void amount(const char *column, double v)
    {
        if (const auto why = numberProblem(column, v))
            fail(column, *why);
    }
    void amount(const char *column, const std::optional<double> &v)
    {
        if (v)
            amount(column, *v);
    }

    const std::optional<ParseError> &error() const { return m_error; }

private:
    std::int64_t m_line;
    std::optional<ParseError> m_error;
};

template <typename R, typename Visit>
bool dirty(const R &r, Format format, Visit visitor)
{
    bool any = false;
    visitor(r, format, [&](const std::string &v, Text kind, const char *) {
        any = any || (kind != Text::Id && hygiene::needsCleaning(v, kind == Text::LongLines));
    });
    return any;
}

template <typename R, typename Visit>
void clean(R &r, Format format, Visit visitor)
{
    visitor(r, format, [&](std::string &v, Text kind, const char *) {
        if (kind != Text::Id)
            hygiene::cleanText(v, kind == Text::LongLines);
    });
}

template <typename R, typename Visit>
void checkText(Problem &problem, const R &r, Format format, Visit visitor)
{
    visitor(r, format, [&](const std::string &v, Text kind, const char *column) { problem.text(v, kind, column); });
}

const auto kVisit = [](auto &r, Format f, auto fn) { visit(r, f, fn); };
const auto kVisitPage = [](auto &r, Format f, auto fn) { visitPage(r, f, fn); };

} // namespace

std::optional<std::string> numberProblem(std::string_view column, double value)
{
    // Every limit below is at least this: most values (escalations, incident numbers) pass
    // without comparing the column's name (1.6% of an import's instructions before, callgrind).
    constexpr double kSmallestLimit = std::min({kMaxDurationSeconds, kMaxHoursPerWeek, kMaxCostWeeks, kMaxEventCount,
                                                double(kMaxIncidentNumber), double(kMaxCount)});
    if (value <= kSmallestLimit && value >= -kSmallestLimit)
        return std::nullopt;
    auto range = [&](double max, const char *what) -> std::optional<std::string> {
        if (std::isfinite(value) && value <= max)
            return std::nullopt;
        return std::string(column) + " " + number(value) + " is beyond the largest accepted value, " + number(max) + " "
            + what;
    };
    if (column.starts_with("seconds_to"))
        return range(kMaxDurationSeconds, "(ten years)");
    if (column == "toil_hours_per_week")
        return range(kMaxHoursPerWeek, "hours per week");
    if (column == "cost_weeks")
        return range(kMaxCostWeeks, "weeks");
    if (column == "good" || column == "bad" || column == "total" || column.find("values") != std::string_view::npos)
        return range(kMaxEventCount, "events");
    if (column == "incident_number")
        return range(double(kMaxIncidentNumber), "");
    return range(double(kMaxCount), "");
}

// --- the records -------------------------------------------------------------------------------

void CheckingSink::deployment(const Deployment &d)
{
    Problem p(m_line);
    p.time("finished_at", d.finishedAt);
    p.time("started_at", d.startedAt);
    if (dirty(d, m_format, kVisit)) {
        Deployment copy = d;
        clean(copy, m_format, kVisit);
        checkText(p, copy, m_format, kVisit);
        return p.error() ? m_inner.badRow(*p.error()) : m_inner.deployment(copy);
    }
    checkText(p, d, m_format, kVisit);
    return p.error() ? m_inner.badRow(*p.error()) : m_inner.deployment(d);
}

void CheckingSink::change(const Change &c)
{
    Problem p(m_line);
    p.time("committed_at", c.committedAt);
    p.time("authored_at", c.authoredAt);
    p.time("pr_merged_at", c.prMergedAt);
    checkText(p, c, m_format, kVisit); // ids only: nothing to clean
    return p.error() ? m_inner.badRow(*p.error()) : m_inner.change(c);
}

void CheckingSink::incident(const Incident &i)
{
    Problem p(m_line);
    p.time("started_at", i.startedAt);
    p.time("detected_at", i.detectedAt);
    p.time("acknowledged_at", i.acknowledgedAt);
    p.time("mitigated_at", i.mitigatedAt);
    p.time("resolved_at", i.resolvedAt);
    if (dirty(i, m_format, kVisit)) {
        Incident copy = i;
        clean(copy, m_format, kVisit);
        checkText(p, copy, m_format, kVisit);
        return p.error() ? m_inner.badRow(*p.error()) : m_inner.incident(copy);
    }
    checkText(p, i, m_format, kVisit);
    return p.error() ? m_inner.badRow(*p.error()) : m_inner.incident(i);
}

void CheckingSink::page(const Page &page)
{
    Problem p(m_line);
    const bool pdCsv = m_format == Format::PagerDutyCsv;
    const bool analytics = m_format == Format::PagerDutyAnalytics;
    p.time(pdCsv ? "created_on" : "created_at", page.createdAt);
    p.time(pdCsv || analytics                      ? "seconds_to_first_ack"
               : m_format == Format::PagerDutyRest ? "acknowledgements[].at"
                                                   : "acknowledged_at",
           page.acknowledgedAt);
    p.time(pdCsv ? "resolved_on" : "resolved_at", page.resolvedAt);
    if (page.incidentNumber && *page.incidentNumber > kMaxIncidentNumber)
        p.amount("incident_number", double(*page.incidentNumber));
    if (page.escalationCount)
        p.amount("escalation_count", double(*page.escalationCount));
    if (dirty(page, m_format, kVisitPage)) {
        Page copy = page;
        clean(copy, m_format, kVisitPage);
        checkText(p, copy, m_format, kVisitPage);
        return p.error() ? m_inner.badRow(*p.error()) : m_inner.page(copy);
    }
    checkText(p, page, m_format, kVisitPage);
    return p.error() ? m_inner.badRow(*p.error()) : m_inner.page(page);
}

void CheckingSink::slo(const Slo &s)
{
    Problem p(m_line);
    if (!(s.objective > 0 && s.objective <= 1))
        p.fail("objectives[].target", "the objective " + number(s.objective) + " is not above 0 and at most 1");
    if (s.timeSliceTarget && !(*s.timeSliceTarget > 0 && *s.timeSliceTarget <= 1))
        p.fail("objectives[].timeSliceTarget", "not above 0 and at most 1");
    if (s.windowSeconds <= 0 || s.windowSeconds > kMaxSloWindowSeconds)
        p.fail("spec.timeWindow",
               "a window of " + std::to_string(s.windowSeconds)
                   + " seconds; windows from 1 second to 3 years are accepted");
    if (s.timeSliceWindowSeconds && (*s.timeSliceWindowSeconds <= 0 || *s.timeSliceWindowSeconds > s.windowSeconds))
        p.fail("objectives[].timeSliceWindow", "a time slice must be at least 1 second and at most the SLO's window");
    if (dirty(s, m_format, kVisit)) {
        Slo copy = s;
        clean(copy, m_format, kVisit);
        checkText(p, copy, m_format, kVisit);
        return p.error() ? m_inner.badRow(*p.error()) : m_inner.slo(copy);
    }
    checkText(p, s, m_format, kVisit);
    return p.error() ? m_inner.badRow(*p.error()) : m_inner.slo(s);
}

void CheckingSink::measurement(const SloMeasurement &m)
{
    Problem p(m_line);
    p.time("timestamp", m.timestamp);
    const bool prometheus = m_format == Format::Prometheus;
    p.amount(prometheus ? "values (sum per timestamp)" : "good", m.good);
    p.amount(prometheus ? "values (sum per timestamp)" : "bad", m.bad);
    p.amount(prometheus ? "values (sum per timestamp)" : "total", m.total);
    checkText(p, m, m_format, kVisit);
    return p.error() ? m_inner.badRow(*p.error()) : m_inner.measurement(m);
}

void CheckingSink::debtItem(const DebtItem &item)
{
    Problem p(m_line);
    p.amount("toil_hours_per_week", item.toilHoursPerWeek);
    p.amount("cost_weeks", item.costWeeks);
    if (dirty(item, m_format, kVisit)) {
        DebtItem copy = item;
        clean(copy, m_format, kVisit);
        checkText(p, copy, m_format, kVisit);
        return p.error() ? m_inner.badRow(*p.error()) : m_inner.debtItem(copy);
    }
    checkText(p, item, m_format, kVisit);
    return p.error() ? m_inner.badRow(*p.error()) : m_inner.debtItem(item);
}

void CheckingSink::ownership(const Ownership &o)
{
    Problem p(m_line);
    if (dirty(o, m_format, kVisit)) {
        Ownership copy = o;
        clean(copy, m_format, kVisit);
        checkText(p, copy, m_format, kVisit);
        return p.error() ? m_inner.badRow(*p.error()) : m_inner.ownership(copy);
    }
    checkText(p, o, m_format, kVisit);
    return p.error() ? m_inner.badRow(*p.error()) : m_inner.ownership(o);
}

} // namespace srm::importers
