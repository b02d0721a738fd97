#include "views/charts/progresschart.h"

#include "views/charts/chartcanvas.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace srm::charts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::charts::ProgressChart", text);
}

// "2025Q2" as the axis shows it when space is short: "Q2 25".
QString shortQuarter(const Quarter &q)
{
    return QStringLiteral("Q%1 ’%2").arg(q.q).arg(q.year % 100, 2, 10, QLatin1Char('0'));
}

struct Layout
{
    QRectF legend;
    std::vector<QRectF> panels; // catalogue order
};

Layout layoutOf(const QPaintDevice *device, const ChartStyle &style, const QRectF &rect, const ProgressReport &report,
                const ProgressChartOptions &options)
{
    Layout l;
    const qreal u = ChartStyle::unit(device);
    const QFontMetricsF small(style.smallFont, device);
    const qreal legendH = options.legend ? small.height() + 8 * u : 0;
    l.legend = QRectF(rect.left(), rect.top(), rect.width(), legendH);
    const int columns = std::max(1, options.columns);
    const int count = int(report.metrics.size());
    const int rows = (count + columns - 1) / columns;
    const qreal gap = 8 * u;
    const qreal w = (rect.width() - gap * (columns - 1)) / columns;
    const qreal h = rows > 0 ? (rect.height() - legendH - gap * (rows - 1)) / rows : 0;
    for (int i = 0; i < count; ++i)
        l.panels.emplace_back(rect.left() + (i % columns) * (w + gap), rect.top() + legendH + (i / columns) * (h + gap),
                              w, h);
    return l;
}

QColor verdictColor(const ChartStyle &s, const std::optional<Verdict> &v)
{
    if (v == Verdict::Improved)
        return s.good;
    if (v == Verdict::Worse)
        return s.bad;
    return s.series;
}

QColor projectionColor(const ChartStyle &s, const MetricProgress &m)
{
    if (m.pace.met)
        return s.good;
    if (m.pace.targetQuarter)
        return s.accent;
    if (m.pace.slopePerQuarter)
        return s.bad;
    return s.mutedText;
}

// A vertical interval bar with caps; dashed for a partial quarter.
void intervalBar(const Canvas &c, qreal x, qreal y0, qreal y1, const QColor &color, bool dashed)
{
    const QPen pen = c.pen(color, 1.2, dashed ? Qt::DashLine : Qt::SolidLine);
    c.vline(x, y0, y1, pen);
    const QPen cap = c.pen(color, 1.2);
    c.hline(y0, x - c.px(3), x + c.px(3), cap);
    c.hline(y1, x - c.px(3), x + c.px(3), cap);
}

void paintPanel(QPainter &painter, const Canvas &c, const QRectF &rect, const MetricProgress &m,
                const ProgressReport &report, const ProgressScale &scale, bool selected)
{
    const ChartStyle &style = c.s;
    const Unit unit = m.def->unit;
    const int n = report.count();

    // The card: green for a success, the series colour when selected.
    const QRectF card = rect.adjusted(c.px(0.5), c.px(0.5), -c.px(0.5), -c.px(0.5));
    painter.setBrush(style.background);
    painter.setPen(c.pen(m.success ? style.good : selected ? style.series : style.grid, m.success || selected ? 2 : 1));
    painter.drawRoundedRect(card, c.px(4), c.px(4));
    painter.setBrush(Qt::NoBrush);
    const QRectF inner = card.adjusted(c.px(7), c.px(5), -c.px(7), -c.px(4));
    qreal y = inner.top();

    // Line 1: the name.
    const qreal titleH = c.lineHeight(style.titleFont);
    const QString name = QCoreApplication::translate("srm::MetricCatalogue", m.def->name);
    QFont nameFont = style.titleFont;
    if (c.textWidth(nameFont, name) > inner.width()) {
        // Smaller, never cut: the name is the panel's only label.
        nameFont = style.smallFont;
        nameFont.setBold(true);
        const qreal w = c.textWidth(nameFont, name);
        if (w > inner.width() && nameFont.pointSizeF() > 0)
            nameFont.setPointSizeF(std::max(4.0, nameFont.pointSizeF() * inner.width() / w * 0.98));
    }
    c.text(QRectF(inner.left(), y, inner.width(), titleH), Qt::AlignLeft | Qt::AlignVCenter, name, nameFont,
           m.success ? style.good : style.text);
    y += titleH;

    // Line 2: the latest complete quarter's verdict, and where the pace leads; shorter words
    // when the panel is narrow, and the verdict left out before anything is cut.
    const qreal smallH = c.lineHeight(style.smallFont);
    QFont projectionFont = style.smallFont;
    projectionFont.setBold(true);
    QString projection = projectionText(m);
    if (c.textWidth(projectionFont, projection) > inner.width() * 0.55)
        projection = m.pace.met      ? tr("met")
            : m.pace.targetQuarter   ? tr("by %1").arg(formatQuarter(*m.pace.targetQuarter))
            : m.pace.slopePerQuarter ? tr("off pace")
                                     : tr("no pace yet");
    const qreal projectionW = c.textWidth(projectionFont, projection);
    c.text(QRectF(inner.right() - projectionW, y, projectionW + c.px(1), smallH), Qt::AlignRight | Qt::AlignVCenter,
           projection, projectionFont, projectionColor(style, m));
    if (const std::optional<int> latest = report.latestComplete()) {
        const QuarterFigure &f = m.quarters[std::size_t(*latest)];
        const QString quarter = formatQuarter(report.quarters[std::size_t(*latest)].quarter);
        QString verdict;
        QColor color = style.mutedText;
        if (f.value && f.verdict && *f.verdict != Verdict::InsufficientData) {
            verdict = verdictText(*f.verdict);
            color = *f.verdict == Verdict::Improved ? style.good
                : *f.verdict == Verdict::Worse      ? style.bad
                                                    : style.mutedText;
        }
        if (m.success) {
            verdict = f.verdict == Verdict::Improved ? tr("improved · success") : tr("target met · success");
            color = style.good;
        }
        const qreal room = inner.width() - projectionW - c.px(6);
        QString head;
        for (const QString &candidate : {verdict.isEmpty() ? quarter : tr("%1: %2").arg(quarter, verdict), verdict,
                                         m.success ? tr("success") : QString()})
            if (!candidate.isEmpty() && c.textWidth(style.smallFont, candidate) <= room) {
                head = candidate;
                break;
            }
        if (!head.isEmpty())
            c.text(QRectF(inner.left(), y, room, smallH), Qt::AlignLeft | Qt::AlignVCenter, head, style.smallFont,
                   color);
    }
    y += smallH + c.px(3);

    // The plot: the shared scale from zero and the shared quarter axis.
    const double lo = scale.low(unit), hi = scale.high(unit);
    const QString hiLabel = formatTick(hi, unit), loLabel = formatTick(lo, unit);
    const qreal labelW = std::max(c.textWidth(style.smallFont, hiLabel), c.textWidth(style.smallFont, loLabel))
        + c.px(4);
    const QRectF plot(inner.left() + labelW, y + smallH / 2, inner.width() - labelW,
                      inner.bottom() - smallH - c.px(2) - y - smallH / 2);
    if (plot.height() < c.px(10) || plot.width() < c.px(30))
        return;
    const LinearScale ys{lo, hi, plot.bottom(), plot.top()};
    const int quarterSlots = std::max(scale.quarterSlots, n);
    const qreal slot = plot.width() / qreal(quarterSlots);
    auto xAt = [&](int i) { return plot.left() + slot * (qreal(i) + 0.5); };

    c.text(QRectF(inner.left(), plot.top() - smallH / 2, labelW - c.px(4), smallH), Qt::AlignRight | Qt::AlignVCenter,
           hiLabel, style.smallFont, style.mutedText);
    c.text(QRectF(inner.left(), ys.map(lo) - smallH / 2, labelW - c.px(4), smallH), Qt::AlignRight | Qt::AlignVCenter,
           loLabel, style.smallFont, style.mutedText);

    // Backgrounds: the partial quarter hatched, the quarters ahead (projection only) faint.
    QColor faint = style.grid;
    faint.setAlphaF(0.35);
    if (quarterSlots > n)
        painter.fillRect(QRectF(plot.left() + slot * n, plot.top(), slot * (quarterSlots - n), plot.height()), faint);
    if (report.quarters.back().partial) {
        QColor hatch = style.grid;
        painter.fillRect(QRectF(plot.left() + slot * (n - 1), plot.top(), slot, plot.height()),
                         QBrush(hatch, Qt::BDiagPattern));
    }

    // Axis lines: the top, zero and the target.
    c.hline(plot.top(), plot.left(), plot.right(), c.pen(style.grid));
    c.hline(ys.map(0), plot.left(), plot.right(), c.pen(style.axis));
    c.hline(ys.map(m.target), plot.left(), plot.right(), c.pen(style.target, 1, Qt::DashLine));

    // Quarter labels: the first, the last with data, and the end of the projection.
    {
        const QRectF labels(plot.left(), plot.bottom() + c.px(2), plot.width(), smallH);
        const QString first = shortQuarter(report.quarters.front().quarter);
        c.text(labels, Qt::AlignLeft | Qt::AlignTop, first, style.smallFont, style.mutedText);
        const QString last = shortQuarter(report.quarters.back().quarter)
            + (report.quarters.back().partial ? QStringLiteral("*") : QString());
        const qreal lastW = c.textWidth(style.smallFont, last);
        const qreal lastX = quarterSlots > n ? std::min(xAt(n - 1) - lastW / 2, plot.right() - lastW)
                                             : plot.right() - lastW;
        if (lastX > plot.left() + c.textWidth(style.smallFont, first) + c.px(4))
            c.text(QRectF(lastX, labels.top(), lastW + c.px(1), smallH), Qt::AlignLeft | Qt::AlignTop, last,
                   style.smallFont, style.mutedText);
        if (quarterSlots > n) {
            const QString end = shortQuarter(report.quarterAt(quarterSlots - 1));
            const qreal endW = c.textWidth(style.smallFont, end);
            if (plot.right() - endW > lastX + lastW + c.px(4))
                c.text(labels, Qt::AlignRight | Qt::AlignTop, end, style.smallFont, style.mutedText);
        }
    }

    painter.save();
    painter.setClipRect(plot.adjusted(-c.px(4), -c.px(4), c.px(4), c.px(4)));

    // The pace: the Theil–Sen line over the quarters it was fitted to, on to the quarter it
    // reaches the target in.
    if (m.pace.slopePerQuarter && !m.pace.indexes.empty()) {
        const int from = m.pace.indexes.front();
        const int to = m.pace.targetIndex ? *m.pace.targetIndex : m.pace.indexes.back();
        const QPointF a(xAt(from), ys.map(m.pace.projection(from)));
        const QPointF b(xAt(to), ys.map(m.pace.projection(to)));
        painter.setPen(c.pen(projectionColor(style, m), 1.4, Qt::DotLine));
        painter.drawLine(a, b);
        if (m.pace.targetIndex) {
            // A diamond where the line meets the target.
            QPainterPath d;
            const qreal r = c.px(3.5);
            d.moveTo(b.x(), b.y() - r);
            d.lineTo(b.x() + r, b.y());
            d.lineTo(b.x(), b.y() + r);
            d.lineTo(b.x() - r, b.y());
            d.closeSubpath();
            painter.setPen(Qt::NoPen);
            painter.setBrush(style.accent);
            painter.drawPath(d);
            painter.setBrush(Qt::NoBrush);
        }
    }

    // Each quarter: the interval bar, then the value.
    for (int i = 0; i < n; ++i) {
        const QuarterFigure &f = m.quarters[std::size_t(i)];
        if (!f.value)
            continue;
        const bool partial = report.quarters[std::size_t(i)].partial;
        const qreal x = xAt(i);
        QColor barColor = style.seriesMuted;
        if (f.ci)
            intervalBar(c, x, ys.map(f.ci->lo), ys.map(f.ci->hi), barColor, partial);
        const QColor color = verdictColor(style, f.verdict);
        if (partial)
            c.dot(QPointF(x, ys.map(*f.value)), 2.8, style.background, color);
        else
            c.dot(QPointF(x, ys.map(*f.value)), 2.8, color);
    }
    painter.restore();
}

} // namespace

ProgressScale ProgressScale::forReport(const ProgressReport &report)
{
    ProgressScale s;
    s.quarterSlots = report.count();
    std::array<double, 5> lo{}, hi{};
    for (const MetricProgress &m : report.metrics) {
        const std::size_t u = std::size_t(m.def->unit);
        auto take = [&](double v) {
            lo[u] = std::min(lo[u], v);
            hi[u] = std::max(hi[u], v);
        };
        take(m.target);
        for (const QuarterFigure &f : m.quarters) {
            if (f.value)
                take(*f.value);
            if (f.ci) {
                take(f.ci->lo);
                take(f.ci->hi);
            }
        }
        if (m.pace.targetIndex)
            s.quarterSlots = std::max(s.quarterSlots, *m.pace.targetIndex + 1);
    }
    for (std::size_t u = 0; u < 5; ++u) {
        s.hi[u] = niceCeil(hi[u]);
        if (u == std::size_t(Unit::Ratio))
            s.hi[u] = std::min(s.hi[u], std::max(1.0, hi[u]));
        s.lo[u] = lo[u] < 0 ? -niceCeil(-lo[u]) : 0;
    }
    return s;
}

QString projectionText(const MetricProgress &m)
{
    if (m.pace.met)
        return tr("met");
    if (m.pace.targetQuarter)
        return tr("on pace for %1").arg(formatQuarter(*m.pace.targetQuarter));
    if (m.pace.slopePerQuarter)
        return tr("not at this pace");
    return tr("too few quarters");
}

QString paceText(const MetricProgress &m)
{
    if (!m.pace.slopePerQuarter)
        return QStringLiteral("–");
    const double slope = *m.pace.slopePerQuarter;
    QString v = formatValue(std::abs(slope), m.def->unit);
    if (m.def->unit == Unit::Ratio)
        v = tr("%1 pt").arg(formatNumber(std::abs(slope) * 100));
    const QString sign = slope > 0 ? QStringLiteral("+") : slope < 0 ? QStringLiteral("−") : QString();
    return tr("%1%2 a quarter").arg(sign, v);
}

QString quarterFigureText(const QuarterFigure &f, Unit unit)
{
    if (!f.value)
        return tr("no data");
    if (!f.ci)
        return formatValue(f.value, unit);
    return tr("%1 (%2)").arg(formatValue(f.value, unit), formatRange(f.ci, unit));
}

void paintProgress(QPainter &painter, const QRectF &rect, const ProgressReport &report, const ChartStyle &style,
                   const ProgressChartOptions &options)
{
    if (report.quarters.empty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    Canvas c(painter, style);
    const Layout l = layoutOf(painter.device(), style, rect, report, options);
    const ProgressScale scale = ProgressScale::forReport(report);

    if (options.legend) {
        // The key: glyph, then words, one after another.
        qreal x = l.legend.left();
        const qreal cy = l.legend.top() + c.lineHeight(style.smallFont) / 2 + c.px(1);
        auto words = [&](const QString &t, const QColor &color) {
            const qreal w = c.textWidth(style.smallFont, t);
            c.text(QRectF(x, l.legend.top(), w + c.px(1), c.lineHeight(style.smallFont) + c.px(2)),
                   Qt::AlignLeft | Qt::AlignVCenter, t, style.smallFont, color);
            x += w + c.px(12);
        };
        c.dot(QPointF(x + c.px(3), cy), 2.8, style.series);
        x += c.px(9);
        words(tr("quarter's value"), style.mutedText);
        c.dot(QPointF(x + c.px(3), cy), 2.8, style.good);
        x += c.px(9);
        words(tr("improved"), style.good);
        c.dot(QPointF(x + c.px(3), cy), 2.8, style.bad);
        x += c.px(9);
        words(tr("worse than the quarter before (95% ranges apart)"), style.bad);
        intervalBar(c, x + c.px(3), cy - c.px(5), cy + c.px(5), style.seriesMuted, false);
        x += c.px(10);
        words(tr("95% range"), style.mutedText);
        c.dot(QPointF(x + c.px(3), cy), 2.8, style.background, style.series);
        x += c.px(9);
        words(tr("partial quarter"), style.mutedText);
        c.hline(cy, x, x + c.px(14), c.pen(style.target, 1, Qt::DashLine));
        x += c.px(18);
        words(tr("target"), style.target);
        c.hline(cy, x, x + c.px(14), c.pen(style.accent, 1.4, Qt::DotLine));
        x += c.px(18);
        words(tr("pace to the target"), style.accent);
    }
    for (std::size_t i = 0; i < report.metrics.size(); ++i)
        paintPanel(painter, c, l.panels[i], report.metrics[i], report, scale,
                   report.metrics[i].id() == options.selected);
    painter.restore();
}

QString progressMetricAt(const QRectF &rect, const ProgressReport &report, const ChartStyle &style,
                         const QPaintDevice *device, const QPointF &pos, const ProgressChartOptions &options)
{
    if (report.quarters.empty())
        return {};
    const Layout l = layoutOf(device, style, rect, report, options);
    for (std::size_t i = 0; i < l.panels.size(); ++i)
        if (l.panels[i].contains(pos))
            return report.metrics[i].id();
    return {};
}

} // namespace srm::charts
