#include "views/report/progresstext.h"

#include "views/charts/progresschart.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>

#include <algorithm>

namespace srm::report {

using namespace srm::charts;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::report::Progress", text);
}

QString joinWords(const QStringList &items)
{
    if (items.size() <= 1)
        return items.join(QString());
    return items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + tr(" and ") + items.back();
}

QString name(const MetricProgress &m)
{
    return QCoreApplication::translate("srm::MetricCatalogue", m.def->name);
}

// The quarters in which a metric's verdict is `v`.
QStringList quartersWith(const MetricProgress &m, const ProgressReport &r, Verdict v)
{
    QStringList out;
    for (std::size_t i = 0; i < m.quarters.size(); ++i)
        if (m.quarters[i].verdict == v && m.quarters[i].value)
            out << formatQuarter(r.quarters[i].quarter);
    return out;
}

// "46.1% (2025Q2) → 31.2% (2026Q3)": the first and the last quarter with a value.
QString firstToLast(const MetricProgress &m, const ProgressReport &r)
{
    std::optional<std::size_t> first, last;
    for (std::size_t i = 0; i < m.quarters.size(); ++i)
        if (m.quarters[i].value) {
            if (!first)
                first = i;
            last = i;
        }
    if (!first || *first == *last)
        return QString();
    auto at = [&](std::size_t i) {
        return tr("%1 (%2%3)")
            .arg(formatValue(m.quarters[i].value, m.def->unit), formatQuarter(r.quarters[i].quarter),
                 r.quarters[i].partial ? tr(", so far") : QString());
    };
    return tr("%1 → %2").arg(at(*first), at(*last));
}

// The done debt items linked to the metric: "done: OPS-8 Deduplicate redis-cart memory alerts".
QString doneWork(const MetricProgress &m, const ReportData &d)
{
    QStringList items;
    for (const DebtItem &item : d.debtItems) {
        if (item.status != DebtStatus::Done)
            continue;
        if (std::find(item.linkedMetrics.begin(), item.linkedMetrics.end(), m.key()) != item.linkedMetrics.end())
            items << tr("%1 %2").arg(QString::fromStdString(item.id), QString::fromStdString(item.title));
    }
    return items.isEmpty() ? QString() : tr("done: %1").arg(items.join(QStringLiteral("; ")));
}

} // namespace

ProgressSummary summarizeProgress(const ReportData &d)
{
    ProgressSummary s;
    const ProgressReport &r = d.progress;
    if (r.quarters.empty())
        return s;
    s.span = tr("%1 to %2").arg(formatQuarter(r.quarters.front().quarter), formatQuarter(r.quarters.back().quarter));
    const std::optional<int> latest = r.latestComplete();
    if (latest)
        s.latest = formatQuarter(r.quarters[std::size_t(*latest)].quarter);
    if (r.quarters.back().partial)
        s.partial = tr("%1 so far (to %2)").arg(formatQuarter(r.quarters.back().quarter), formatDate(r.asOf - 1));
    s.lead
        = tr("Every metric quarter by quarter, %1%2. A quarter counts as better or worse than the one before only when "
             "their 95% ranges do not overlap; a difference inside them is what chance alone moves, so it is called no "
             "clear change. The pace is the median trend (Theil–Sen) of the complete quarters; projected forward, it "
             "says in which quarter each gap closes if nothing changes.")
              .arg(s.span, s.partial.isEmpty() ? QString() : tr(", the last one partial: %1").arg(s.partial));

    int improved = 0, worse = 0, steady = 0, unknown = 0;
    for (const MetricProgress &m : r.metrics) {
        const QStringList up = quartersWith(m, r, Verdict::Improved);
        const QStringList down = quartersWith(m, r, Verdict::Worse);
        const QString span = firstToLast(m, r);
        const QString work = doneWork(m, d);
        auto line = [&](const QString &verb, const QStringList &quarters) {
            QString t = tr("%1: %2 in %3").arg(name(m), verb, joinWords(quarters));
            if (!span.isEmpty())
                t += tr(", %1").arg(span);
            if (!work.isEmpty())
                t += tr(" (%1)").arg(work);
            return ProgressLine{&m, t};
        };
        if (!up.isEmpty())
            s.improved.push_back(line(tr("improved"), up));
        if (!down.isEmpty())
            s.worse.push_back(line(tr("worse"), down));
        int withValue = 0;
        double lo = 0, hi = 0;
        for (const QuarterFigure &f : m.quarters)
            if (f.value) {
                lo = withValue == 0 ? *f.value : std::min(lo, *f.value);
                hi = withValue == 0 ? *f.value : std::max(hi, *f.value);
                ++withValue;
            }
        if (up.isEmpty() && down.isEmpty() && withValue >= 2 && m.key() != MetricId::ToilRatio)
            s.wobbled.push_back(
                {&m, tr("%1 (%2 to %3)").arg(name(m), formatValue(lo, m.def->unit), formatValue(hi, m.def->unit))});

        if (latest) {
            const QuarterFigure &f = m.quarters[std::size_t(*latest)];
            if (f.verdict && f.value) {
                switch (*f.verdict) {
                case Verdict::Improved: ++improved; break;
                case Verdict::Worse: ++worse; break;
                case Verdict::NoClearChange: ++steady; break;
                case Verdict::InsufficientData: ++unknown; break;
                }
            } else if (m.key() != MetricId::ToilRatio) {
                ++unknown;
            }
        }
        if (m.success)
            s.successes << name(m);
        if (m.pace.met) {
            s.met << name(m);
        } else if (m.pace.targetQuarter) {
            s.closing.push_back(
                {&m,
                 tr("%1: on pace for %2 (%3 now, target %4; %5)")
                     .arg(name(m), formatQuarter(*m.pace.targetQuarter),
                          formatValue(latest ? m.quarters[std::size_t(*latest)].value : std::nullopt, m.def->unit),
                          formatValue(m.target, m.def->unit), paceText(m))});
        } else if (latest && m.quarters[std::size_t(*latest)].value) {
            const QString why = m.pace.slopePerQuarter ? tr("not at this pace (%1)").arg(paceText(m))
                                                       : tr("too few quarters for a pace");
            s.notClosing.push_back({&m,
                                    tr("%1: %2 now, target %3: %4")
                                        .arg(name(m), formatValue(m.quarters[std::size_t(*latest)].value, m.def->unit),
                                             formatValue(m.target, m.def->unit), why)});
        }
    }
    std::stable_sort(s.closing.begin(), s.closing.end(), [](const ProgressLine &a, const ProgressLine &b) {
        return *a.metric->pace.targetIndex < *b.metric->pace.targetIndex;
    });
    if (latest) {
        const QString before = *latest > 0 ? formatQuarter(r.quarters[std::size_t(*latest - 1)].quarter)
                                           : formatQuarter(r.quarters.front().quarter.plus(-1));
        s.latestCounts = tr("%1 against %2: %3 improved, %4 worse, %5 no clear change, %6 not enough data")
                             .arg(s.latest, before)
                             .arg(improved)
                             .arg(worse)
                             .arg(steady)
                             .arg(unknown);
        s.successText = s.successes.isEmpty()
            ? tr("No success in %1: no metric improved for real or newly met its target.").arg(s.latest)
            : tr("Successes of %1: %2.").arg(s.latest, joinWords(s.successes));
    }
    return s;
}

} // namespace srm::report
