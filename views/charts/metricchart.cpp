#include "views/charts/metricchart.h"

#include "views/charts/chartcanvas.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace srm::charts {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("srm::charts::MetricChart", text, disambiguation, n);
}

QColor statusColor(const ChartStyle &s, Status status)
{
    switch (status) {
    case Status::Met: return s.good;
    case Status::Gap: return s.bad;
    case Status::NotMeasured: return s.notMeasured;
    }
    return s.text;
}

// What a metric that is not measured needs, so that the tile tells the user what to import or set
// rather than only "no data" (docs/metrics.md#not-measured).
QString notMeasuredHint(const MetricDef *def)
{
    if (!def)
        return tr("not measured: no data in this window");
    switch (def->key) {
    case MetricId::DeploymentFrequency:
    case MetricId::ChangeFailureRate:
    case MetricId::DeploymentReworkRate: return tr("not measured: import production deployments");
    case MetricId::LeadTimeForChanges: return tr("not measured: import deployments with their changes' commit times");
    case MetricId::FailedDeploymentRecoveryTime:
        return tr("not measured: no failed production deployment in this window");
    case MetricId::TimeToDetect: return tr("not measured: import incidents with detected_at");
    case MetricId::CustomerDetectedRatio: return tr("not measured: import incidents with detection_source");
    case MetricId::SloCompliance: return tr("not measured: import SLO data (OpenSLO, Prometheus)");
    case MetricId::TimeToRestore: return tr("not measured: import incidents with resolved_at");
    case MetricId::TimeToAcknowledge:
    case MetricId::PagesPerWeek:
    case MetricId::OffHoursPageRatio:
    case MetricId::AlertNoiseRatio:
    case MetricId::RepeatPageRatio: return tr("not measured: import pages (PagerDuty or pages CSV)");
    case MetricId::PostmortemCompletionRatio: return tr("not measured: import severity 1–2 incidents");
    case MetricId::ToilRatio:
        return tr("not measured: set the team size (Edit › Workspace Settings) and add debt with toil hours");
    }
    return tr("not measured: no data in this window");
}

// Points of the weekly series in device coordinates.
std::vector<SeriesPoint> seriesPoints(const MetricResult &m, const LinearScale &x, const LinearScale &y)
{
    std::vector<SeriesPoint> pts;
    pts.reserve(m.weekly.size());
    for (const WeeklyPoint &w : m.weekly) {
        const qreal px = x.map(double(w.start + (w.end - w.start) / 2));
        pts.push_back({px, w.value ? std::optional<qreal>(y.map(*w.value)) : std::nullopt});
    }
    return pts;
}

void drawPoints(const Canvas &c, const std::vector<SeriesPoint> &pts, const QRectF &plot, const QColor &color)
{
    // Every point when they are well apart; otherwise only the latest.
    const bool all = !pts.empty() && qreal(pts.size()) * c.px(9) <= plot.width();
    for (std::size_t i = 0; i < pts.size(); ++i)
        if (pts[i].y && all)
            c.dot(QPointF(pts[i].x, *pts[i].y), 1.8, color);
    for (auto it = pts.rbegin(); it != pts.rend(); ++it)
        if (it->y) {
            c.dot(QPointF(it->x, *it->y), 2.6, color);
            break;
        }
}

} // namespace

SmallMultiplesScale SmallMultiplesScale::forReport(const MetricsReport &report)
{
    SmallMultiplesScale s;
    s.from = report.window.from();
    s.to = report.window.to();
    std::array<double, 5> lo{}, hi{};
    for (const MetricResult &m : report.metrics) {
        const std::size_t u = std::size_t(m.def->unit);
        auto take = [&](double v) {
            lo[u] = std::min(lo[u], v);
            hi[u] = std::max(hi[u], v);
        };
        take(m.target);
        if (m.value)
            take(*m.value);
        if (m.ci) {
            take(m.ci->lo);
            take(m.ci->hi);
        }
        for (const WeeklyPoint &w : m.weekly)
            if (w.value)
                take(*w.value);
    }
    for (std::size_t u = 0; u < 5; ++u) {
        s.hi[u] = niceCeil(hi[u]);
        s.lo[u] = lo[u] < 0 ? -niceCeil(-lo[u]) : 0;
    }
    return s;
}

QString metricTileValueText(const MetricResult &metric)
{
    return metric.value ? formatValue(metric.value, metric.def->unit) : tr("not measured");
}

QString metricTileStatusText(const MetricResult &metric)
{
    return statusText(metric.status);
}

void paintMetricTile(QPainter &painter, const QRectF &rect, const MetricResult &m, const SmallMultiplesScale &scale,
                     const ChartStyle &style, const MetricTileOptions &options)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    Canvas c(painter, style);
    const Unit unit = m.def->unit;
    const bool measured = m.value.has_value();

    // The card.
    const QRectF card = rect.adjusted(c.px(0.5), c.px(0.5), -c.px(0.5), -c.px(0.5));
    painter.setBrush(style.background);
    painter.setPen(c.pen(options.highlighted ? style.series : style.grid, options.highlighted ? 2 : 1));
    painter.drawRoundedRect(card, c.px(4), c.px(4));
    painter.setBrush(Qt::NoBrush);

    const QRectF inner = card.adjusted(c.px(9), c.px(6), -c.px(9), -c.px(6));
    qreal y = inner.top();

    // Line 1: name and status.
    const qreal titleH = c.lineHeight(style.titleFont);
    const QString status = metricTileStatusText(m);
    const qreal statusW = c.textWidth(style.titleFont, status);
    // A name too long for a narrow tile is set smaller before it is elided.
    const QString name = !options.title.isEmpty() ? options.title
                                                  : QCoreApplication::translate("srm::MetricCatalogue", m.def->name);
    const qreal nameW = inner.width() - statusW - c.px(8);
    QFont nameFont = style.titleFont;
    if (c.textWidth(nameFont, name) > nameW) {
        nameFont = style.smallFont;
        nameFont.setBold(true);
    }
    c.text(QRectF(inner.left(), y, nameW, titleH), Qt::AlignLeft | Qt::AlignVCenter, name, nameFont, style.text);
    c.text(QRectF(inner.right() - statusW, y, statusW, titleH), Qt::AlignRight | Qt::AlignVCenter, status,
           style.titleFont, statusColor(style, m.status));
    y += titleH + c.px(1);

    // Line 2: the value, then its target (in the target line's colour) and DORA score.
    const qreal valueH = c.lineHeight(style.valueFont);
    const QString value = measured ? formatValue(m.value, unit) : tr("no data");
    const qreal valueW = c.textWidth(style.valueFont, value);
    c.text(QRectF(inner.left(), y, valueW + c.px(1), valueH), Qt::AlignLeft | Qt::AlignVCenter, value, style.valueFont,
           measured ? style.text : style.notMeasured);
    const QString tierLabel = options.doraScore ? tr("DORA %1").arg(formatScore(options.doraScore)) : QString();
    const qreal tierW = tierLabel.isEmpty() ? 0 : c.textWidth(style.smallFont, tierLabel);
    const qreal afterValue = inner.left() + valueW + c.px(8);
    const QRectF targetRect(afterValue, y, std::max<qreal>(0, inner.right() - afterValue - tierW - c.px(6)), valueH);
    c.text(targetRect, Qt::AlignLeft | Qt::AlignVCenter, tr("target %1").arg(formatValue(m.target, unit)),
           style.smallFont, style.target);
    if (!tierLabel.isEmpty())
        c.text(QRectF(inner.right() - tierW, y, tierW, valueH), Qt::AlignRight | Qt::AlignVCenter, tierLabel,
               style.smallFont, style.mutedText);
    y += valueH + c.px(4);

    // The plot: shared scale from zero, shared time axis.
    const qreal smallH = c.lineHeight(style.smallFont);
    const double lo = scale.low(unit), hi = scale.high(unit);
    const QString hiLabel = formatTick(hi, unit), loLabel = formatTick(lo, unit);
    const qreal labelW = std::max(c.textWidth(style.smallFont, hiLabel), c.textWidth(style.smallFont, loLabel))
        + c.px(4);
    const qreal dateH = options.showDates ? smallH : 0;
    const QRectF plot(inner.left() + labelW, y + smallH / 2, inner.width() - labelW,
                      inner.bottom() - dateH - y - smallH / 2 - c.px(2));
    if (plot.height() < c.px(8) || plot.width() < c.px(20)) {
        painter.restore();
        return;
    }
    const LinearScale ys{lo, hi, plot.bottom(), plot.top()};
    // The weekly series leaves room at the right for the window's interval whisker.
    const qreal whiskerRoom = measured && m.ci ? c.px(9) : 0;
    const LinearScale xs{double(scale.from), double(scale.to), plot.left(), plot.right() - whiskerRoom};

    c.text(QRectF(inner.left(), plot.top() - smallH / 2, labelW - c.px(4), smallH), Qt::AlignRight | Qt::AlignVCenter,
           hiLabel, style.smallFont, style.mutedText);
    c.text(QRectF(inner.left(), ys.map(lo) - smallH / 2, labelW - c.px(4), smallH), Qt::AlignRight | Qt::AlignVCenter,
           loLabel, style.smallFont, style.mutedText);
    if (options.showDates) {
        const QRectF dates(plot.left(), plot.bottom() + c.px(2), plot.width(), smallH);
        // With the year when the window crosses one ("20 Nov 2026", "17 Feb 2027").
        const bool crossesYear = QDateTime::fromMSecsSinceEpoch(scale.from / 1000, QTimeZone::utc()).date().year()
            != QDateTime::fromMSecsSinceEpoch((scale.to - 1) / 1000, QTimeZone::utc()).date().year();
        const QString first = crossesYear ? formatShortDate(scale.from) + QStringLiteral(" ")
                + QString::number(QDateTime::fromMSecsSinceEpoch(scale.from / 1000, QTimeZone::utc()).date().year())
                                          : formatShortDate(scale.from);
        const QString last = crossesYear ? formatShortDate(scale.to - 1) + QStringLiteral(" ")
                + QString::number(QDateTime::fromMSecsSinceEpoch((scale.to - 1) / 1000, QTimeZone::utc()).date().year())
                                         : formatShortDate(scale.to - 1);
        c.text(dates, Qt::AlignLeft | Qt::AlignTop, first, style.smallFont, style.mutedText);
        c.text(dates, Qt::AlignRight | Qt::AlignTop, last, style.smallFont, style.mutedText);
        // The verdict against the period before, between the dates when it fits.
        if (measured) {
            const QString verdict = m.verdict == Verdict::Improved ? tr("improved")
                : m.verdict == Verdict::Worse                      ? tr("worse")
                : m.verdict == Verdict::NoClearChange              ? tr("no clear change")
                                                                   : QString();
            const qreal room = dates.width()
                - 2 * std::max(c.textWidth(style.smallFont, first), c.textWidth(style.smallFont, last)) - c.px(12);
            if (!verdict.isEmpty() && c.textWidth(style.smallFont, verdict) <= room)
                c.text(dates, Qt::AlignHCenter | Qt::AlignTop, verdict, style.smallFont,
                       m.verdict == Verdict::Improved    ? style.good
                           : m.verdict == Verdict::Worse ? style.bad
                                                         : style.mutedText);
        }
    }

    if (!measured) {
        painter.setPen(c.pen(style.notMeasured, 1, Qt::DashLine));
        painter.drawRect(plot);
        // Wrapped (not elided): what to import or set is the point of the text.
        painter.setFont(style.smallFont);
        painter.setPen(style.notMeasured);
        painter.drawText(plot.adjusted(c.px(4), 0, -c.px(4), 0), Qt::AlignCenter | Qt::TextWordWrap,
                         notMeasuredHint(m.def));
        painter.restore();
        return;
    }

    c.hline(plot.top(), plot.left(), plot.right(), c.pen(style.grid));
    c.hline(ys.map(0), plot.left(), plot.right(), c.pen(style.axis));
    c.hline(ys.map(m.target), plot.left(), plot.right(), c.pen(style.target, 1, Qt::DashLine));

    const std::vector<SeriesPoint> pts = seriesPoints(m, xs, ys);
    drawSeries(c, pts, c.pen(style.series, 1.5));
    drawPoints(c, pts, plot, style.series);
    // The window's value and its 95% interval, at the right edge.
    if (m.ci) {
        const qreal x = plot.right() - c.px(2.5);
        const QPen whisker = c.pen(style.accent, 1.2);
        c.vline(x, ys.map(m.ci->lo), ys.map(m.ci->hi), whisker);
        c.hline(ys.map(m.ci->lo), x - c.px(2.5), x + c.px(1.5), whisker);
        c.hline(ys.map(m.ci->hi), x - c.px(2.5), x + c.px(1.5), whisker);
        c.dot(QPointF(x, ys.map(*m.value)), 1.8, style.accent);
    }
    painter.restore();
}

void paintSparkline(QPainter &painter, const QRectF &rect, const MetricResult &m, const SmallMultiplesScale &scale,
                    const ChartStyle &style)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    Canvas c(painter, style);
    const QRectF plot = rect.adjusted(c.px(2), c.px(3), -c.px(4), -c.px(3));
    const Unit unit = m.def->unit;
    const LinearScale ys{scale.low(unit), scale.high(unit), plot.bottom(), plot.top()};
    const LinearScale xs{double(scale.from), double(scale.to), plot.left(), plot.right()};
    if (!m.value) {
        c.hline(plot.bottom(), plot.left(), plot.right(), c.pen(style.notMeasured, 1, Qt::DotLine));
        painter.restore();
        return;
    }
    c.hline(ys.map(0), plot.left(), plot.right(), c.pen(style.grid));
    c.hline(ys.map(m.target), plot.left(), plot.right(), c.pen(style.target, 1, Qt::DashLine));
    const std::vector<SeriesPoint> pts = seriesPoints(m, xs, ys);
    drawSeries(c, pts, c.pen(style.series, 1.2));
    for (auto it = pts.rbegin(); it != pts.rend(); ++it)
        if (it->y) {
            c.dot(QPointF(it->x, *it->y), 1.8, style.series);
            break;
        }
    painter.restore();
}

void paintSmallMultiples(QPainter &painter, const QRectF &rect, const MetricsReport &report, const ChartStyle &style,
                         int columns)
{
    columns = std::max(1, columns);
    Canvas c(painter, style);
    const SmallMultiplesScale scale = SmallMultiplesScale::forReport(report);
    const qreal headH = c.lineHeight(style.titleFont) + c.px(8);
    const qreal gap = c.px(8);
    int rows = 0;
    for (const ThemeSummary &t : report.themes)
        rows += (t.metrics + columns - 1) / columns;
    const qreal tileW = (rect.width() - gap * (columns - 1)) / columns;
    const qreal available = rect.height() - headH * qreal(report.themes.size()) - gap * std::max(0, rows - 1);
    const qreal tileH = std::min(rows > 0 ? available / rows : available, tileW * 0.75);
    qreal y = rect.top();
    for (const ThemeSummary &t : report.themes) {
        const QString head = MetricCatalogue::themeName(t.theme);
        const qreal headW = c.textWidth(style.titleFont, head);
        c.text(QRectF(rect.left(), y, headW + c.px(1), headH), Qt::AlignLeft | Qt::AlignVCenter, head, style.titleFont,
               style.text);
        c.text(QRectF(rect.left() + headW + c.px(10), y, rect.width() - headW - c.px(10), headH),
               Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1 met · %2 with a gap · %3 not measured").arg(t.met).arg(t.gaps).arg(t.notMeasured),
               style.smallFont, style.mutedText);
        y += headH;
        int col = 0;
        for (const MetricResult &m : report.metrics) {
            if (m.def->theme != t.theme)
                continue;
            if (col == columns) {
                col = 0;
                y += tileH + gap;
            }
            MetricTileOptions options;
            if (dora::isDoraMetric(m.key()))
                options.doraScore = report.dora.at(m.key()).score;
            paintMetricTile(painter, QRectF(rect.left() + col * (tileW + gap), y, tileW, tileH), m, scale, style,
                            options);
            ++col;
        }
        y += tileH + gap;
    }
}

void paintMetricDetail(QPainter &painter, const QRectF &rect, const MetricResult &m, const ChartStyle &style)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    Canvas c(painter, style);
    const Unit unit = m.def->unit;
    const qreal smallH = c.lineHeight(style.smallFont);
    const qreal lineH = c.lineHeight(style.font);

    // Legend line: the window's figures, each in the colour of its line.
    qreal x = rect.left();
    auto legend = [&](const QString &text, const QColor &color) {
        const qreal w = c.textWidth(style.font, text);
        c.text(QRectF(x, rect.top(), w + c.px(1), lineH), Qt::AlignLeft | Qt::AlignVCenter, text, style.font, color);
        x += w + c.px(16);
    };
    const QString valueWord = m.def->hasP90 ? tr("p50") : tr("window");
    legend(tr("%1 %2").arg(valueWord, formatValue(m.value, unit)), style.text);
    if (m.def->hasP90)
        legend(tr("p90 %1").arg(formatValue(m.p90, unit)), style.mutedText);
    if (m.ci)
        legend(tr("95% range %1").arg(formatRange(m.ci, unit)), style.accent);
    legend(tr("n %1").arg(formatCount(m.n)), style.mutedText);
    legend(tr("target %1").arg(formatValue(m.target, unit)), style.target);
    legend(tr("status %1").arg(statusText(m.status)),
           m.status == Status::Met       ? style.good
               : m.status == Status::Gap ? style.bad
                                         : style.notMeasured);

    // Scale from zero to the largest of the weekly values, p50, p90 and target.
    double hi = m.target, lo = 0;
    const std::optional<double> ciLo = m.ci ? std::optional<double>(m.ci->lo) : std::nullopt;
    const std::optional<double> ciHi = m.ci ? std::optional<double>(m.ci->hi) : std::nullopt;
    for (const std::optional<double> &v : {m.value, m.p90, ciLo, ciHi})
        if (v) {
            hi = std::max(hi, *v);
            lo = std::min(lo, *v);
        }
    std::int64_t nMax = 0;
    for (const WeeklyPoint &w : m.weekly) {
        if (w.value) {
            hi = std::max(hi, *w.value);
            lo = std::min(lo, *w.value);
        }
        nMax = std::max(nMax, w.n);
    }
    // Round steps, the top at the first step above the largest value (finite whatever the
    // workspace holds: the tick engine's bounds).
    hi = finiteOr(hi);
    lo = finiteOr(lo);
    const double step = niceCeil(hi / 4 - lo / 4);
    hi = finiteOr(std::max(step, std::ceil(hi / step - 1e-9) * step));
    lo = lo < 0 ? finiteOr(-std::ceil(-lo / step - 1e-9) * step) : 0;
    const std::vector<double> ticks = niceTicks(lo, hi, int(std::clamp(std::round(hi / step - lo / step), 1.0, 8.0)));
    qreal labelW = std::max(c.textWidth(style.smallFont, tr("n/wk")), c.textWidth(style.smallFont, formatCount(nMax)));
    for (double t : ticks)
        labelW = std::max(labelW, c.textWidth(style.smallFont, formatTick(t, unit)));
    labelW += c.px(6);
    const qreal rightW = c.textWidth(style.smallFont, tr("target")) + c.px(8);

    const qreal top = rect.top() + lineH + c.px(10);
    const qreal nBandH = std::max(c.px(24), rect.height() * 0.16);
    const qreal weekLabelsH = smallH + c.px(4);
    const QRectF plot(rect.left() + labelW, top + smallH / 2, rect.width() - labelW - rightW,
                      rect.bottom() - top - smallH / 2 - nBandH - weekLabelsH - c.px(14));
    const QRectF nBand(plot.left(), plot.bottom() + weekLabelsH + c.px(10), plot.width(), nBandH);
    if (plot.height() < c.px(20) || plot.width() < c.px(40)) {
        painter.restore();
        return;
    }
    const LinearScale ys{lo, hi, plot.bottom(), plot.top()};
    // Every tick a grid line; labels where the tick engine finds them room (a short dialog).
    std::vector<double> positions, extents;
    for (double t : ticks) {
        positions.push_back(-ys.map(t)); // upwards: increasing
        extents.push_back(smallH);
    }
    for (double t : ticks)
        c.hline(ys.map(t), plot.left(), plot.right(), c.pen(t == 0 ? style.axis : style.grid));
    for (std::size_t i : spacedLabels(positions, extents, c.px(2))) {
        const qreal ty = ys.map(ticks[i]);
        c.text(QRectF(rect.left(), ty - smallH / 2, labelW - c.px(6), smallH), Qt::AlignRight | Qt::AlignVCenter,
               formatTick(ticks[i], unit), style.smallFont, style.mutedText);
    }

    const std::size_t weeks = m.weekly.size();
    const qreal slot = weeks ? plot.width() / qreal(weeks) : plot.width();
    auto centre = [&](std::size_t i) { return plot.left() + slot * (qreal(i) + 0.5); };

    // Reference lines, labelled at the right.
    auto reference = [&](double v, const QColor &color, Qt::PenStyle pen, const QString &label) {
        const qreal ry = ys.map(v);
        c.hline(ry, plot.left(), plot.right(), c.pen(color, 1, pen));
        c.text(QRectF(plot.right() + c.px(4), ry - smallH / 2, rightW, smallH), Qt::AlignLeft | Qt::AlignVCenter, label,
               style.smallFont, color);
    };
    // The window's 95% interval as a band behind everything else.
    if (m.ci) {
        QColor band = style.accent;
        band.setAlphaF(0.13);
        const qreal top = ys.map(m.ci->hi), bottom = ys.map(m.ci->lo);
        painter.fillRect(QRectF(plot.left(), top, plot.width(), std::max(bottom - top, c.px(1))), band);
    }
    reference(m.target, style.target, Qt::DashLine, tr("target"));
    if (m.value)
        reference(*m.value, style.mutedText, Qt::SolidLine, valueWord);
    if (m.p90)
        reference(*m.p90, style.mutedText, Qt::DotLine, tr("p90"));

    if (!m.value) {
        painter.setFont(style.font);
        painter.setPen(style.notMeasured);
        painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, notMeasuredHint(m.def));
    }

    std::vector<SeriesPoint> pts;
    for (std::size_t i = 0; i < weeks; ++i)
        pts.push_back({centre(i), m.weekly[i].value ? std::optional<qreal>(ys.map(*m.weekly[i].value)) : std::nullopt});
    drawSeries(c, pts, c.pen(style.series, 2));
    const bool labelPoints = slot >= c.textWidth(style.smallFont, QStringLiteral("00.0 min")) + c.px(4);
    for (std::size_t i = 0; i < weeks; ++i) {
        if (!pts[i].y)
            continue;
        c.dot(QPointF(pts[i].x, *pts[i].y), 2.6, style.series);
        if (labelPoints)
            c.text(QRectF(pts[i].x - slot / 2, *pts[i].y - smallH - c.px(3), slot, smallH), Qt::AlignCenter,
                   formatValue(m.weekly[i].value, unit), style.smallFont, style.text);
    }

    // Week labels: every k-th so that they do not touch. When the weeks cross a year, the first
    // label and the first of each new year carry their year ("2027-W01"), so no week is ambiguous.
    const bool crossesYear = weeks > 0 && m.weekly.front().week.left(4) != m.weekly.back().week.left(4);
    const qreal weekLabelW
        = c.textWidth(style.smallFont, crossesYear ? QStringLiteral("0000-W00") : QStringLiteral("W00")) + c.px(8);
    const std::size_t every = std::max<std::size_t>(1, std::size_t(std::ceil(weekLabelW / std::max<qreal>(1, slot))));
    QString shownYear;
    for (std::size_t i = 0; i < weeks; i += every) {
        const QString &week = m.weekly[i].week;
        const bool withYear = crossesYear && week.left(4) != shownYear;
        shownYear = week.left(4);
        const QString name = withYear ? week : week.mid(week.indexOf(u'W'));
        c.text(QRectF(centre(i) - slot * every / 2, plot.bottom() + c.px(3), slot * every, smallH), Qt::AlignCenter,
               name, style.smallFont, style.mutedText);
    }

    // n per week, on its own scale from zero, labelled.
    c.text(QRectF(rect.left(), nBand.top() - c.px(1), labelW - c.px(6), smallH), Qt::AlignRight | Qt::AlignTop,
           formatCount(nMax), style.smallFont, style.mutedText);
    c.text(QRectF(rect.left(), nBand.bottom() - smallH, labelW - c.px(6), smallH), Qt::AlignRight | Qt::AlignBottom,
           tr("n/wk"), style.smallFont, style.mutedText);
    c.hline(nBand.bottom(), nBand.left(), nBand.right(), c.pen(style.axis));
    painter.setPen(Qt::NoPen);
    painter.setBrush(style.seriesMuted);
    for (std::size_t i = 0; i < weeks && nMax > 0; ++i) {
        const qreal h = nBand.height() * qreal(m.weekly[i].n) / qreal(nMax);
        const qreal w = std::max(c.px(1), slot * 0.6);
        painter.drawRect(QRectF(centre(i) - w / 2, nBand.bottom() - h, w, h));
    }
    painter.restore();
}

} // namespace srm::charts
