#include "views/charts/incidentcharts.h"

#include "views/charts/chartcanvas.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace srm::charts {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("srm::charts::Incidents", text, disambiguation, n);
}

double toMinutes(const DurationStats &s, double v)
{
    return s.unit == Unit::Hours ? v * 60 : v;
}

// Histogram bin of a duration in minutes: quarter decades from the axis' low end.
int binCount(const DurationAxis &axis)
{
    return std::max(1,
                    int(std::ceil(std::log10(axis.hiMinutes / axis.loMinutes) * DurationAxis::kBinsPerDecade - 1e-9)));
}

int binOf(const DurationAxis &axis, double minutes)
{
    if (!(minutes > axis.loMinutes))
        return 0;
    const int bins = binCount(axis);
    const int b = int(std::floor(std::log10(minutes / axis.loMinutes) * DurationAxis::kBinsPerDecade));
    return std::clamp(b, 0, std::max(0, bins - 1));
}

std::vector<std::int64_t> histogram(const DurationAxis &axis, const DurationStats &s)
{
    const int bins = binCount(axis);
    std::vector<std::int64_t> counts(std::size_t(bins), 0);
    if (!std::is_sorted(s.values.begin(), s.values.end())) {
        for (double v : s.values)
            ++counts[std::size_t(binOf(axis, toMinutes(s, v)))];
        return counts;
    }
    // The values are sorted and binOf() never decreases along them, so each bin is a run that a
    // binary search finds: a log10 per value was most of the incidents view's paint with
    // 100,000 incidents (perf, 40 ms a chart), and the same counts come out.
    auto begin = s.values.begin();
    for (int b = 0; b < bins && begin != s.values.end(); ++b) {
        const auto end = std::partition_point(begin, s.values.end(),
                                              [&](double v) { return binOf(axis, toMinutes(s, v)) <= b; });
        counts[std::size_t(b)] = end - begin;
        begin = end;
    }
    return counts;
}

constexpr double kShortest = 1.0 / 60; // one second: the axis never goes below

// Durations people read at a glance (minutes): the ticks and the ends of a log time axis.
constexpr double kNaturalTicks[] = {1.0 / 60, 5.0 / 60, 15.0 / 60, 30.0 / 60, 1,         2,         5,         10,
                                    15,       30,       60,        120,       240,       480,       720,       1440,
                                    2 * 1440, 4 * 1440, 7 * 1440,  14 * 1440, 30 * 1440, 90 * 1440, 365 * 1440};

} // namespace

DurationAxis DurationAxis::forStats(std::initializer_list<const DurationStats *> stats)
{
    double lo = 0, hi = 0;
    for (const DurationStats *s : stats)
        for (double v : s->values) {
            const double m = toMinutes(*s, v);
            if (m > 0) {
                lo = lo > 0 ? std::min(lo, m) : m;
                hi = std::max(hi, m);
            }
        }
    DurationAxis a;
    if (hi > 0) {
        // From the natural duration at or below the shortest to the one at or above the longest.
        a.loMinutes = kShortest;
        for (double t : kNaturalTicks)
            if (t <= lo)
                a.loMinutes = t;
        a.hiMinutes = kNaturalTicks[std::size(kNaturalTicks) - 1];
        for (auto it = std::rbegin(kNaturalTicks); it != std::rend(kNaturalTicks); ++it)
            if (*it >= hi)
                a.hiMinutes = *it;
        if (a.hiMinutes <= a.loMinutes)
            a.hiMinutes = a.loMinutes * 10;
    }
    std::int64_t most = 1;
    for (const DurationStats *s : stats)
        for (std::int64_t c : histogram(a, *s))
            most = std::max(most, c);
    a.countMax = most;
    return a;
}

void paintDurationDistribution(QPainter &painter, const QRectF &rect, const QString &title, const DurationStats &stats,
                               const DurationAxis &axis, const ChartStyle &style)
{
    painter.save();
    Canvas c(painter, style);
    const qreal smallH = c.lineHeight(style.smallFont);
    const qreal titleH = c.lineHeight(style.titleFont);

    // Heading: the name, then n, p50 and p90 in the colours of their marks.
    const qreal titleW = c.textWidth(style.titleFont, title);
    c.text(QRectF(rect.left(), rect.top(), titleW + c.px(1), titleH), Qt::AlignLeft | Qt::AlignVCenter, title,
           style.titleFont, style.text);
    qreal x = rect.left() + titleW + c.px(14);
    auto figure = [&](const QString &text, const QColor &color) {
        const qreal w = c.textWidth(style.font, text);
        c.text(QRectF(x, rect.top(), w + c.px(1), titleH), Qt::AlignLeft | Qt::AlignVCenter, text, style.font, color);
        x += w + c.px(14);
    };
    auto minutes = [&](const std::optional<double> &v) {
        return v ? formatDuration(toMinutes(stats, *v)) : QStringLiteral("–");
    };
    figure(tr("n %1").arg(formatCount(stats.n())), style.mutedText);
    figure(tr("p50 %1").arg(minutes(stats.p50)), style.accent);
    figure(tr("p90 %1").arg(minutes(stats.p90)), style.bad);

    const QString countLabel = formatCount(axis.countMax);
    const qreal leftW = c.textWidth(style.smallFont, countLabel) + c.px(6);
    const QRectF plot(rect.left() + leftW, rect.top() + titleH + c.px(6), rect.width() - leftW - c.px(20),
                      rect.height() - titleH - c.px(6) - smallH - c.px(6));
    if (plot.height() < c.px(12) || plot.width() < c.px(60)) {
        painter.restore();
        return;
    }
    const LogScale xs{axis.loMinutes, axis.hiMinutes, plot.left(), plot.right()};
    const LinearScale ys{0, double(axis.countMax), plot.bottom(), plot.top()};

    // Natural durations as ticks (grid lines), labelled where the tick engine finds room.
    std::vector<double> ticks, positions, widths;
    for (double t : kNaturalTicks) {
        if (t < axis.loMinutes * 0.999 || t > axis.hiMinutes * 1.001)
            continue;
        ticks.push_back(t);
        positions.push_back(xs.map(t));
        widths.push_back(c.textWidth(style.smallFont, formatDurationTick(t)) + c.px(6));
        c.vline(positions.back(), plot.top(), plot.bottom(), c.pen(style.grid));
    }
    for (std::size_t i : spacedLabels(positions, widths, 0))
        c.text(QRectF(positions[i] - widths[i] / 2, plot.bottom() + c.px(3), widths[i], smallH), Qt::AlignCenter,
               formatDurationTick(ticks[i]), style.smallFont, style.mutedText);
    c.text(QRectF(plot.left() + c.px(4), plot.top(), plot.width() / 3, smallH), Qt::AlignLeft | Qt::AlignTop,
           tr("incidents per bin"), style.smallFont, style.mutedText);
    c.text(QRectF(rect.left(), plot.top() - smallH / 2, leftW - c.px(6), smallH), Qt::AlignRight | Qt::AlignVCenter,
           countLabel, style.smallFont, style.mutedText);
    c.text(QRectF(rect.left(), plot.bottom() - smallH / 2, leftW - c.px(6), smallH), Qt::AlignRight | Qt::AlignVCenter,
           QStringLiteral("0"), style.smallFont, style.mutedText);

    if (stats.values.empty()) {
        c.text(plot, Qt::AlignCenter, tr("not measured: no incident in this window has this milestone"), style.font,
               style.notMeasured);
    } else {
        // Bars, one per quarter decade.
        const std::vector<std::int64_t> counts = histogram(axis, stats);
        painter.setPen(Qt::NoPen);
        painter.setBrush(style.seriesMuted);
        for (std::size_t b = 0; b < counts.size(); ++b) {
            if (!counts[b])
                continue;
            const double b0 = axis.loMinutes * std::pow(10.0, double(b) / DurationAxis::kBinsPerDecade);
            const double b1 = axis.loMinutes * std::pow(10.0, double(b + 1) / DurationAxis::kBinsPerDecade);
            const qreal x0 = xs.map(b0) + c.px(0.5), x1 = xs.map(std::min(b1, axis.hiMinutes)) - c.px(0.5);
            const qreal top = ys.map(double(counts[b]));
            painter.drawRect(QRectF(x0, top, std::max(x1 - x0, c.px(1)), plot.bottom() - top));
        }
        // A rug of the values themselves while they are few enough to tell apart.
        if (stats.values.size() <= 400) {
            painter.setPen(c.pen(style.series));
            for (double v : stats.values) {
                const qreal vx = xs.map(std::max(axis.loMinutes, toMinutes(stats, v)));
                painter.drawLine(QPointF(vx, plot.bottom() - c.px(5)), QPointF(vx, plot.bottom()));
            }
        }
        painter.setRenderHint(QPainter::Antialiasing);
        auto mark = [&](const std::optional<double> &v, const QColor &color, const QString &label) {
            if (!v)
                return;
            const qreal mx = xs.map(std::max(axis.loMinutes, toMinutes(stats, *v)));
            c.vline(mx, plot.top(), plot.bottom(), c.pen(color, 1.5));
            c.text(QRectF(mx + c.px(3), plot.top(), c.px(40), smallH), Qt::AlignLeft | Qt::AlignTop, label,
                   style.smallFont, color);
        };
        mark(stats.p50, style.accent, tr("p50"));
        mark(stats.p90, style.bad, tr("p90"));
    }
    c.hline(plot.bottom(), plot.left(), plot.right(), c.pen(style.axis));
    painter.restore();
}

void paintIncidentDurations(QPainter &painter, const QRectF &rect, const IncidentReport &report,
                            const ChartStyle &style)
{
    Canvas c(painter, style);
    const DurationAxis axis = DurationAxis::forStats(
        {&report.timeToDetect, &report.timeToAcknowledge, &report.timeToRestore});
    const qreal gap = c.px(10);
    const qreal h = (rect.height() - 2 * gap) / 3;
    const std::pair<QString, const DurationStats *> panels[] = {
        {tr("Incident start → detection"), &report.timeToDetect},
        {tr("Incident start → first acknowledgement"), &report.timeToAcknowledge},
        {tr("Incident start → resolution"), &report.timeToRestore},
    };
    qreal y = rect.top();
    for (const auto &[title, stats] : panels) {
        paintDurationDistribution(painter, QRectF(rect.left(), y, rect.width(), h), title, *stats, axis, style);
        y += h + gap;
    }
}

namespace {

struct PhaseLayout
{
    qreal legendH = 0;
    QRectF plot;
    qreal labelW = 0;
    qreal rowH = 0;
    std::vector<std::size_t> rows; // indexes into report.incidents, longest first
    std::size_t matching = 0;      // incidents that match the filter
    double hoursMax = 1;
};

Micros incidentLength(const IncidentTimeline &t)
{
    Micros end = t.startedAt;
    for (const IncidentTimeline::Span &s : t.phases())
        end = std::max(end, s.end);
    return end - t.startedAt;
}

PhaseLayout phaseLayout(const QRectF &rect, const IncidentReport &report, const ChartStyle &style,
                        const QPaintDevice *device, const PhaseOptions &options)
{
    const qreal u = ChartStyle::unit(device);
    const QFontMetricsF small(style.smallFont, device);
    PhaseLayout l;
    l.legendH = small.height() + 8 * u;
    const qreal axisH = 2 * small.height() + 8 * u;
    const qreal available = rect.height() - l.legendH - axisH;
    // Every row keeps room for its label: as many as fit at 1.1 lines, at most maxRows.
    const std::size_t fit = available > 0 ? std::size_t(available / (small.height() * 1.1)) : 0;
    PhaseOptions capped = options;
    capped.maxRows = int(std::min<std::size_t>(std::size_t(std::max(options.maxRows, 0)), fit));
    l.rows = phaseRows(report, capped, &l.matching);
    const std::size_t shown = l.rows.size();
    l.rowH = shown ? std::min(available / qreal(shown), small.height() * 2.2) : 0;
    qreal widest = 0;
    if (l.rowH >= small.height() * 0.85)
        for (std::size_t i : l.rows)
            widest = std::max(widest, small.horizontalAdvance(report.incidents[i].incidentId));
    l.labelW = std::min(widest + 8 * u, rect.width() * 0.25);
    l.plot = QRectF(rect.left() + l.labelW, rect.top() + l.legendH, rect.width() - l.labelW - 12 * u,
                    l.rowH * qreal(shown));
    double longest = 0;
    for (std::size_t i : l.rows) {
        const IncidentTimeline &t = report.incidents[i];
        for (const IncidentTimeline::Span &s : t.phases())
            longest = std::max(longest, double(s.end - t.startedAt) / double(kMicrosPerHour));
    }
    // Round steps, the axis ending at the first step past the longest incident.
    const double step = niceCeil(std::max(longest, 1e-9) / 5);
    l.hoursMax = std::max(step, std::ceil(longest / step - 1e-9) * step);
    return l;
}

} // namespace

std::vector<std::size_t> phaseRows(const IncidentReport &report, const PhaseOptions &options, std::size_t *matching)
{
    const auto matches = [&](const IncidentTimeline &t) {
        const QString &f = options.filter;
        return f.isEmpty() || t.incidentId.contains(f, Qt::CaseInsensitive)
            || t.service.contains(f, Qt::CaseInsensitive) || t.title.contains(f, Qt::CaseInsensitive)
            || t.severity.contains(f, Qt::CaseInsensitive);
    };
    std::vector<std::pair<Micros, std::size_t>> candidates;
    for (std::size_t i = 0; i < report.incidents.size(); ++i)
        if (matches(report.incidents[i]))
            candidates.emplace_back(incidentLength(report.incidents[i]), i);
    if (matching)
        *matching = candidates.size();
    // Longest first; of equal lengths the later incident (higher index: incidents are by start).
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second > b.second;
    });
    const std::size_t keep = std::min(candidates.size(), std::size_t(std::max(options.maxRows, 0)));
    std::vector<std::size_t> rows;
    rows.reserve(keep);
    for (std::size_t i = 0; i < keep; ++i)
        rows.push_back(candidates[i].second);
    return rows;
}

void paintIncidentPhases(QPainter &painter, const QRectF &rect, const IncidentReport &report, const ChartStyle &style,
                         const PhaseOptions &options)
{
    painter.save();
    Canvas c(painter, style);
    const PhaseLayout l = phaseLayout(rect, report, style, painter.device(), options);
    const qreal smallH = c.lineHeight(style.smallFont);

    // Legend: the four phases in order, then how many incidents are shown.
    const QString names[] = {tr("detect"), tr("acknowledge"), tr("mitigate"), tr("resolve")};
    qreal x = rect.left() + l.labelW;
    const qreal arrowW = c.textWidth(style.smallFont, QStringLiteral(" → "));
    for (int p = 0; p < 4; ++p) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(style.phases[p]);
        painter.drawRect(QRectF(x, rect.top() + smallH / 2 - c.px(4), c.px(10), c.px(8)));
        const qreal w = c.textWidth(style.smallFont, names[p]);
        c.text(QRectF(x + c.px(13), rect.top(), w + c.px(1), smallH), Qt::AlignLeft | Qt::AlignVCenter, names[p],
               style.smallFont, style.text);
        x += c.px(13) + w;
        if (p < 3)
            c.text(QRectF(x, rect.top(), arrowW, smallH), Qt::AlignCenter, QStringLiteral(" → "), style.smallFont,
                   style.mutedText);
        x += arrowW + c.px(2);
    }
    const std::size_t total = report.incidents.size();
    const QString of = options.filter.isEmpty() ? tr("%1 incidents").arg(total)
                                                : tr("%1 matching incidents").arg(l.matching);
    const QString note = l.rows.size() < l.matching
        ? tr("longest %1 of %2; %3 not shown").arg(l.rows.size()).arg(of).arg(l.matching - l.rows.size())
        : tr("%1, longest at the top").arg(of);
    c.text(QRectF(x + c.px(10), rect.top(), rect.right() - x - c.px(10), smallH), Qt::AlignRight | Qt::AlignVCenter,
           note, style.smallFont, style.mutedText);

    if (l.rows.empty()) {
        c.text(rect.adjusted(0, l.legendH, 0, 0), Qt::AlignCenter,
               total == 0 ? tr("No incidents in this window") : tr("No incident matches the filter"), style.font,
               style.notMeasured);
        painter.restore();
        return;
    }

    const LinearScale xs{0, l.hoursMax, l.plot.left(), l.plot.right()};
    // Ticks are nice numbers of hours; one that is not a whole number of days reads in hours
    // ("30 h", not "1.25 d").
    const auto tickLabel = [](double hours) {
        return hours >= 24 && std::fmod(hours, 24) != 0 ? tr("%1 h").arg(QLocale::c().toString(hours, 'g', 4))
                                                        : formatDurationTick(hours * 60);
    };
    const auto tickWidth = [&](double t) { return c.textWidth(style.smallFont, tickLabel(t)) + c.px(6); };
    for (double t : fittedTicks(0, l.hoursMax, l.plot.width(), tickWidth, c.px(4), 6)) {
        const qreal tx = xs.map(t);
        c.vline(tx, l.plot.top(), l.plot.bottom(), c.pen(style.grid));
        const QString label = tickLabel(t);
        const qreal w = c.textWidth(style.smallFont, label) + c.px(6);
        c.text(QRectF(tx - w / 2, l.plot.bottom() + c.px(3), w, smallH), Qt::AlignCenter,
               t == 0 ? QStringLiteral("0") : label, style.smallFont, style.mutedText);
    }
    c.text(QRectF(l.plot.left(), l.plot.bottom() + smallH + c.px(5), l.plot.width(), smallH), Qt::AlignCenter,
           tr("time since the incident started"), style.smallFont, style.mutedText);

    const bool labels = l.rowH >= smallH * 0.85;
    const qreal barH = std::max(l.rowH * 0.66, qreal(1));
    for (std::size_t r = 0; r < l.rows.size(); ++r) {
        const IncidentTimeline &t = report.incidents[l.rows[r]];
        const qreal top = l.plot.top() + l.rowH * qreal(r);
        if (t.incidentId == options.selectedIncident) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(style.selection);
            painter.drawRect(QRectF(rect.left(), top, rect.width(), l.rowH));
        }
        if (labels)
            c.text(QRectF(rect.left(), top, l.labelW - c.px(6), l.rowH), Qt::AlignRight | Qt::AlignVCenter,
                   t.incidentId, style.smallFont, style.mutedText);
        painter.setPen(Qt::NoPen);
        qreal end = l.plot.left();
        for (const IncidentTimeline::Span &s : t.phases()) {
            const qreal x0 = xs.map(double(s.start - t.startedAt) / double(kMicrosPerHour));
            const qreal x1 = xs.map(double(s.end - t.startedAt) / double(kMicrosPerHour));
            painter.setBrush(style.phases[int(s.phase)]);
            painter.drawRect(QRectF(x0, top + (l.rowH - barH) / 2, std::max(x1 - x0, c.px(1)), barH));
            end = std::max(end, x1);
        }
        // An incident still open has no end: say so where its bar stops.
        if (!t.resolvedAt && labels)
            c.text(QRectF(end + c.px(4), top, l.plot.right() - end - c.px(4), l.rowH), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("not resolved"), style.smallFont, style.bad);
    }
    c.vline(l.plot.left(), l.plot.top(), l.plot.bottom(), c.pen(style.axis));
    painter.restore();
}

QString incidentPhasesAt(const QRectF &rect, const IncidentReport &report, const ChartStyle &style,
                         const QPaintDevice *device, const QPointF &pos, const PhaseOptions &options)
{
    const PhaseLayout l = phaseLayout(rect, report, style, device, options);
    if (l.rowH <= 0 || pos.y() < l.plot.top() || pos.y() >= l.plot.bottom() || pos.x() < rect.left()
        || pos.x() > rect.right())
        return {};
    const std::size_t r = std::size_t((pos.y() - l.plot.top()) / l.rowH);
    return r < l.rows.size() ? report.incidents[l.rows[r]].incidentId : QString();
}

} // namespace srm::charts
