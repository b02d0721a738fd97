#include "views/charts/paretochart.h"

#include "views/charts/chartcanvas.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>

#include <algorithm>

namespace srm::charts {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("srm::charts::Pareto", text, disambiguation, n);
}

// A long tail of small groups would squeeze the vital few into a sliver (the 1M-page benchmark
// has 28,786 groups, 33 of them above the 80% mark): beyond kAllDrawn groups the chart draws the
// first max(kAllDrawn, 2 × vital few) and states what the rest hold.
constexpr std::size_t kAllDrawn = 200;

std::size_t drawnGroups(const AlertReport &report)
{
    const std::size_t n = report.groups.size();
    if (n <= kAllDrawn)
        return n;
    const std::size_t vital = report.groupsFor80Percent ? std::size_t(*report.groupsFor80Percent) : n;
    return std::min(n, std::max(kAllDrawn, 2 * vital));
}

struct Layout
{
    QRectF plot;
    std::size_t drawn = 0; // groups drawn, from the first
    qreal headerH = 0;
    double countMax = 1;
    std::vector<double> countTicks;
    qreal slot = 0;

    qreal barLeft(std::size_t i) const { return plot.left() + slot * qreal(i); }
};

Layout layout(const QRectF &rect, const AlertReport &report, const ChartStyle &style, const QPaintDevice *device)
{
    const qreal u = ChartStyle::unit(device);
    const QFontMetricsF small(style.smallFont, device);
    const QFontMetricsF font(style.font, device);
    Layout l;
    const std::int64_t top = report.groups.empty() ? 0 : report.groups.front().count;
    l.countMax = niceCeil(double(std::max<std::int64_t>(top, 1)));
    l.countTicks = niceTicks(0, l.countMax, 5, 1); // whole pages
    qreal leftW = 0;
    for (double t : l.countTicks)
        leftW = std::max(leftW, small.horizontalAdvance(formatCount(std::int64_t(t))));
    leftW = std::max(leftW, small.horizontalAdvance(tr("pages")) / 2) + 8 * u;
    const qreal rightW = small.horizontalAdvance(QStringLiteral("100%")) + 8 * u;
    l.headerH = font.height() + small.height() + 10 * u; // the summary line and the axis titles
    const qreal bottomH = 2 * small.height() + 8 * u;    // rank ticks and the axis title
    l.plot = QRectF(rect.left() + leftW, rect.top() + l.headerH, rect.width() - leftW - rightW,
                    rect.height() - l.headerH - bottomH);
    l.drawn = drawnGroups(report);
    l.slot = l.drawn == 0 ? l.plot.width() : l.plot.width() / qreal(l.drawn);
    return l;
}

} // namespace

void paintPareto(QPainter &painter, const QRectF &rect, const AlertReport &report, const ChartStyle &style,
                 const ParetoOptions &options)
{
    painter.save();
    Canvas c(painter, style);
    const Layout l = layout(rect, report, style, painter.device());
    const QRectF &plot = l.plot;
    const qreal smallH = c.lineHeight(style.smallFont);
    const qreal lineH = c.lineHeight(style.font);
    const std::size_t total = report.groups.size();
    const std::size_t n = l.drawn;

    // Summary line.
    QString summary;
    if (total == 0)
        summary = tr("No pages in this window");
    else if (report.groupsFor80Percent)
        summary = tr("%1 pages in %2 alert groups; the top %3 groups cause 80% of the pages")
                      .arg(formatCount(report.totalPages), formatCount(report.groupsTotal()))
                      .arg(*report.groupsFor80Percent);
    else
        summary
            = tr("%1 pages in %2 alert groups").arg(formatCount(report.totalPages), formatCount(report.groupsTotal()));
    c.text(QRectF(rect.left(), rect.top(), rect.width(), lineH), Qt::AlignLeft | Qt::AlignVCenter, summary,
           style.titleFont, style.text);
    if (plot.height() < c.px(30) || plot.width() < c.px(40)) {
        painter.restore();
        return;
    }
    // No page: no axes of zeros, but what the chart will show and what it needs.
    if (total == 0) {
        painter.setPen(c.pen(style.notMeasured, 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(plot);
        painter.setFont(style.font);
        painter.setPen(style.notMeasured);
        painter.drawText(plot.adjusted(c.px(12), 0, -c.px(12), 0), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Alert groups ranked by pages, with the share of all pages they cause, appear here once "
                            "the window holds pages: import PagerDuty incidents or a pages CSV (File › Import…)."));
        painter.restore();
        return;
    }

    // Axes: pages on the left, cumulative share on the right, ranks below.
    const LinearScale ys{0, l.countMax, plot.bottom(), plot.top()};
    const LinearScale shareY{0, 1, plot.bottom(), plot.top()};
    const qreal titleY = plot.top() - smallH - c.px(8);
    c.text(QRectF(rect.left(), titleY, plot.width() / 2, smallH), Qt::AlignLeft | Qt::AlignVCenter, tr("pages"),
           style.smallFont, style.series);
    c.text(QRectF(plot.right() - plot.width() / 2, titleY, plot.width() / 2 + (rect.right() - plot.right()), smallH),
           Qt::AlignRight | Qt::AlignVCenter, tr("cumulative share of pages"), style.smallFont, style.accent);
    for (double t : l.countTicks) {
        const qreal y = ys.map(t);
        if (t > 0)
            c.hline(y, plot.left(), plot.right(), c.pen(style.grid));
        c.text(QRectF(rect.left(), y - smallH / 2, plot.left() - rect.left() - c.px(6), smallH),
               Qt::AlignRight | Qt::AlignVCenter, formatCount(std::int64_t(t)), style.smallFont, style.mutedText);
    }
    for (int pct = 0; pct <= 100; pct += 20) {
        const qreal y = shareY.map(pct / 100.0);
        c.text(QRectF(plot.right() + c.px(6), y - smallH / 2, rect.right() - plot.right() - c.px(6), smallH),
               Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1%").arg(pct), style.smallFont, style.mutedText);
    }

    // Bars; the vital few (up to the 80% mark) darker.
    const std::size_t vital = report.groupsFor80Percent ? std::size_t(*report.groupsFor80Percent) : n;
    const qreal gap = l.slot >= c.px(4) ? std::min(l.slot * 0.2, c.px(3)) : 0;
    // Runs of bars of one colour go to the painter as one drawRects call (tens of thousands of
    // groups in a large workspace).
    painter.setPen(Qt::NoPen);
    std::vector<QRectF> bars;
    const QColor *runColor = nullptr;
    auto flushBars = [&] {
        if (!bars.empty()) {
            painter.setBrush(*runColor);
            painter.drawRects(bars.data(), int(bars.size()));
            bars.clear();
        }
    };
    for (std::size_t i = 0; i < n; ++i) {
        const qreal top = ys.map(double(report.groups[i].count));
        const qreal w = std::max(l.slot - gap, qreal(1));
        const QColor *color = int(i) == options.selected ? &style.accent
            : i < vital                                  ? &style.series
                                                         : &style.seriesMuted;
        if (color != runColor) {
            flushBars();
            runColor = color;
        }
        bars.emplace_back(l.barLeft(i) + gap / 2, top, w, plot.bottom() - top);
    }
    flushBars();
    c.hline(plot.bottom(), plot.left(), plot.right(), c.pen(style.axis));

    // Rank ticks from the tick engine: the first and the last rank drawn, nice ranks between
    // whose labels do not touch.
    if (n > 0) {
        const qreal tickW = c.textWidth(style.smallFont, QString::number(n)) + c.px(10);
        auto tick = [&](std::size_t rank) {
            const qreal x = l.barLeft(rank - 1) + l.slot / 2;
            c.vline(x, plot.bottom(), plot.bottom() + c.px(3), c.pen(style.axis));
            c.text(QRectF(x - tickW / 2, plot.bottom() + c.px(3), tickW, smallH), Qt::AlignCenter,
                   QString::number(rank), style.smallFont, style.mutedText);
        };
        const auto width = [&](double r) {
            return c.textWidth(style.smallFont, QString::number(qint64(r))) + c.px(10);
        };
        for (double r : fittedTicks(1, double(n), qreal(n - 1) * l.slot, width, 0, 12, true, 1))
            tick(std::size_t(std::llround(r)));
        c.text(QRectF(plot.left(), plot.bottom() + smallH + c.px(5), plot.width(), smallH), Qt::AlignCenter,
               n < total ? tr("alert groups, ranked by pages (the first %1 of %2)")
                               .arg(formatCount(std::int64_t(n)), formatCount(std::int64_t(total)))
                         : tr("alert groups, ranked by pages"),
               style.smallFont, style.mutedText);
    }

    painter.setRenderHint(QPainter::Antialiasing);
    // The 80% mark, and where the cumulative share reaches it.
    const qreal y80 = shareY.map(0.8);
    c.hline(y80, plot.left(), plot.right(), c.pen(style.accent, 1, Qt::DashLine));
    if (report.groupsFor80Percent && n > 0) {
        const qreal x = l.barLeft(vital);
        c.vline(x, y80, plot.bottom(), c.pen(style.accent, 1, Qt::DashLine));
        const QString label = tr("80% of pages: top %1").arg(vital);
        const qreal w = c.textWidth(style.smallFont, label) + c.px(4);
        // Under the mark, right of the line: the cumulative curve is above it there.
        const qreal lx = x + w + c.px(4) <= plot.right() ? x + c.px(4) : x - w - c.px(4);
        c.text(QRectF(lx, y80 + c.px(2), w, smallH), Qt::AlignLeft | Qt::AlignVCenter, label, style.smallFont,
               style.accent);
    }

    // Cumulative share line.
    std::vector<SeriesPoint> pts;
    pts.reserve(n + 1);
    pts.push_back({plot.left(), shareY.map(0)});
    for (std::size_t i = 0; i < n; ++i)
        pts.push_back({l.barLeft(i) + l.slot, shareY.map(report.groups[i].cumulativeShare)});
    drawSeries(c, pts, c.pen(style.accent, 1.5));
    if (l.slot >= c.px(6))
        for (std::size_t i = 1; i < pts.size(); ++i)
            c.dot(QPointF(pts[i].x, *pts[i].y), 1.6, style.accent);

    // What the groups not drawn hold, under the end of the line.
    if (n > 0 && n < total) {
        const double rest = 1.0 - report.groups[n - 1].cumulativeShare;
        const QString note = tr("%1 more groups not drawn: %2 of the pages, at most %3 each")
                                 .arg(formatCount(std::int64_t(total - n)), formatPercent(rest),
                                      formatCount(report.groups[n].count));
        const qreal w = std::min(plot.width(), c.textWidth(style.smallFont, note) + c.px(4));
        const qreal y = shareY.map(report.groups[n - 1].cumulativeShare) + c.px(4);
        c.text(QRectF(plot.right() - w, y, w, smallH), Qt::AlignRight | Qt::AlignVCenter, note, style.smallFont,
               style.accent);
    }

    // The largest groups named by rank in the free space right of the 80% mark, under the line.
    if (options.directLabels && n > 0 && report.groupsFor80Percent) {
        const std::size_t shown = std::min<std::size_t>(n, 6);
        const qreal left = l.barLeft(vital) + c.px(14);
        const qreal top = y80 + smallH * 1.6;
        const double tallest = vital < n ? double(report.groups[vital].count) : 0;
        const qreal bottom = ys.map(tallest) - c.px(6);
        const qreal width = plot.right() - left - c.px(6);
        if (width >= c.px(220) && bottom - top >= smallH * qreal(shown + 1)) {
            c.text(QRectF(left, top, width, smallH), Qt::AlignLeft | Qt::AlignVCenter, tr("largest groups"),
                   style.smallFont, style.mutedText);
            const qreal rankW = c.textWidth(style.smallFont, QStringLiteral("00")) + c.px(6);
            const qreal countW = c.textWidth(style.smallFont, formatCount(report.groups[0].count)) + c.px(10);
            for (std::size_t i = 0; i < shown; ++i) {
                const AlertGroup &g = report.groups[i];
                const QRectF line(left, top + smallH * qreal(i + 1), width, smallH);
                const QColor color = int(i) == options.selected ? style.accent : style.text;
                c.text(QRectF(line.left(), line.top(), rankW - c.px(6), smallH), Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(i + 1), style.smallFont, style.mutedText);
                c.text(QRectF(line.left() + rankW, line.top(), countW - c.px(10), smallH),
                       Qt::AlignRight | Qt::AlignVCenter, formatCount(g.count), style.smallFont, color);
                c.text(QRectF(line.left() + rankW + countW, line.top(), width - rankW - countW, smallH),
                       Qt::AlignLeft | Qt::AlignVCenter, g.service + QStringLiteral(" · ") + g.title, style.smallFont,
                       color);
            }
        }
    }
    painter.restore();
}

int paretoGroupAt(const QRectF &rect, const AlertReport &report, const ChartStyle &style, const QPaintDevice *device,
                  const QPointF &pos)
{
    const Layout l = layout(rect, report, style, device);
    if (l.drawn == 0 || !l.plot.adjusted(0, -l.headerH, 0, 0).contains(pos) || pos.x() >= l.plot.right())
        return -1;
    const int i = int((pos.x() - l.plot.left()) / l.slot);
    return i >= 0 && i < int(l.drawn) ? i : -1;
}

} // namespace srm::charts
