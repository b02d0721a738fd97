#include "views/charts/breakdownchart.h"

#include "views/charts/chartcanvas.h"
#include "views/charts/ticks.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace srm::charts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::charts::BreakdownChart", text);
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

QString metricName(MetricId id)
{
    return QCoreApplication::translate("srm::MetricCatalogue", MetricCatalogue::def(id).name);
}

constexpr qreal kTileAspect = 0.55; // tile height ÷ width

} // namespace

SmallMultiplesScale breakdownScale(const Breakdown &b, MetricId id)
{
    MetricsReport merged;
    if (!b.entries.empty())
        merged.window = b.entries.front().metrics.window;
    for (const BreakdownEntry &e : b.entries)
        merged.metrics.push_back(e.metrics.at(id));
    SmallMultiplesScale s = SmallMultiplesScale::forReport(merged);
    if (b.entries.empty()) {
        s.from = 0;
        s.to = 1;
    }
    return s;
}

QString breakdownEntryName(const Breakdown &b, std::size_t entry)
{
    const QString &name = b.entries[entry].name;
    if (!name.isEmpty())
        return name;
    return b.by == BreakdownBy::Service ? tr("(no service)") : tr("(no team)");
}

qreal breakdownMultiplesHeight(const Breakdown &b, qreal width, const ChartStyle &style, qreal unit, int columns)
{
    columns = std::max(1, columns);
    const int rows = std::max<int>(1, int((b.entries.size() + std::size_t(columns) - 1) / std::size_t(columns)));
    const qreal heading = QFontMetricsF(style.titleFont).height() * unit / std::max<qreal>(unit, 1) + 8 * unit;
    return heading + rows * (width / columns * kTileAspect);
}

void paintBreakdownMultiples(QPainter &painter, const QRectF &rect, const Breakdown &b, MetricId id,
                             const ChartStyle &style, int columns)
{
    painter.save();
    Canvas c(painter, style);
    columns = std::max(1, columns);
    const qreal headH = c.lineHeight(style.titleFont);
    const QString heading = tr("By %1: %2").arg(breakdownName(b.by), rollupWords(b.rollupOf(id), b.by));
    c.text(QRectF(rect.left(), rect.top(), rect.width(), headH), Qt::AlignLeft | Qt::AlignVCenter, heading,
           style.titleFont, style.text);
    const qreal top = rect.top() + headH + c.px(8);
    if (b.entries.empty()) {
        c.text(QRectF(rect.left(), top, rect.width(), rect.bottom() - top), Qt::AlignCenter,
               b.by == BreakdownBy::Service ? tr("No service has records in the window.")
                                            : tr("No team has records in the window."),
               style.font, style.notMeasured);
        painter.restore();
        return;
    }
    const SmallMultiplesScale scale = breakdownScale(b, id);
    const std::vector<std::size_t> order = b.byGap(id);
    const int rows = int((order.size() + std::size_t(columns) - 1) / std::size_t(columns));
    const qreal w = rect.width() / columns;
    const qreal h = std::min(w * kTileAspect, (rect.bottom() - top) / std::max(1, rows));
    for (std::size_t k = 0; k < order.size(); ++k) {
        const int row = int(k) / columns, col = int(k) % columns;
        MetricTileOptions options;
        options.title = breakdownEntryName(b, order[k]);
        paintMetricTile(painter, QRectF(rect.left() + col * w, top + row * h, w, h), b.entries[order[k]].metrics.at(id),
                        scale, style, options);
    }
    painter.restore();
}

void paintBreakdownBars(QPainter &painter, const QRectF &rect, const Breakdown &b, MetricId id, const ChartStyle &style,
                        const BreakdownBarsOptions &options)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    Canvas c(painter, style);
    const MetricDef &def = MetricCatalogue::def(id);
    const QRectF card = rect.adjusted(c.px(0.5), c.px(0.5), -c.px(0.5), -c.px(0.5));
    painter.setBrush(style.background);
    painter.setPen(c.pen(options.highlighted ? style.series : style.grid, options.highlighted ? 2 : 1));
    painter.drawRoundedRect(card, c.px(4), c.px(4));
    painter.setBrush(Qt::NoBrush);
    const QRectF inner = card.adjusted(c.px(9), c.px(6), -c.px(9), -c.px(6));
    qreal y = inner.top();

    // Line 1: the metric; line 2: the roll-up in words.
    const qreal titleH = c.lineHeight(style.titleFont);
    QFont nameFont = style.titleFont;
    if (c.textWidth(nameFont, metricName(id)) > inner.width()) {
        nameFont = style.smallFont;
        nameFont.setBold(true);
    }
    c.text(QRectF(inner.left(), y, inner.width(), titleH), Qt::AlignLeft | Qt::AlignVCenter,
           c.elide(nameFont, metricName(id), inner.width()), nameFont, style.text);
    y += titleH;
    const qreal smallH = c.lineHeight(style.smallFont);
    const QString rollup = rollupWords(b.rollupOf(id), b.by);
    const qreal rollupW = std::min(c.textWidth(style.smallFont, rollup) + c.px(1), inner.width());
    c.text(QRectF(inner.left(), y, rollupW, smallH), Qt::AlignLeft | Qt::AlignVCenter,
           c.elide(style.smallFont, rollup, rollupW), style.smallFont, style.mutedText);
    if (!b.entries.empty()) {
        // The target (every entry has the same one) in its line's colour, after the roll-up.
        const QString targetText = tr("target %1").arg(formatValue(b.entries.front().metrics.at(id).target, def.unit));
        const qreal left = inner.left() + rollupW + c.px(10);
        if (left + c.textWidth(style.smallFont, targetText) <= inner.right())
            c.text(QRectF(left, y, inner.right() - left, smallH), Qt::AlignRight | Qt::AlignVCenter, targetText,
                   style.smallFont, style.target);
    }
    y += smallH + c.px(4);

    if (b.entries.empty()) {
        c.text(QRectF(inner.left(), y, inner.width(), inner.bottom() - y), Qt::AlignCenter,
               b.by == BreakdownBy::Service ? tr("no service has records") : tr("no team has records"), style.font,
               style.notMeasured);
        painter.restore();
        return;
    }

    // The common scale: from zero (or the lowest value) to a nice number above every value and
    // the target.
    double lo = 0, hi = def.unit == Unit::Ratio ? 0.01 : 1e-9;
    for (const BreakdownEntry &e : b.entries) {
        const MetricResult &m = e.metrics.at(id);
        hi = std::max(hi, m.target);
        if (m.value) {
            hi = std::max(hi, *m.value);
            lo = std::min(lo, *m.value);
        }
    }
    hi = niceCeil(hi);
    lo = lo < 0 ? -niceCeil(-lo) : 0;

    std::vector<std::size_t> order = b.byGap(id);
    std::size_t shown = order.size();
    const qreal axisH = smallH + c.px(2);
    const qreal rowsH = inner.bottom() - y - axisH;
    const std::size_t fit = std::size_t(std::max<qreal>(1, std::floor(rowsH / std::max<qreal>(smallH, c.px(12)))));
    if (options.maxRows > 0)
        shown = std::min<std::size_t>(shown, std::size_t(options.maxRows));
    shown = std::min(shown, fit);
    const bool more = shown < order.size();
    if (more && shown > 1)
        --shown; // room for "+ k more"
    const qreal rowH = std::min(rowsH / std::max<std::size_t>(1, shown + (more ? 1 : 0)), smallH * 2.0);

    // Columns: names, bars, value and status.
    qreal nameW = 0, valueW = 0;
    for (std::size_t k = 0; k < shown; ++k) {
        const MetricResult &m = b.entries[order[k]].metrics.at(id);
        nameW = std::max(nameW, c.textWidth(style.smallFont, breakdownEntryName(b, order[k])));
        valueW = std::max(valueW,
                          c.textWidth(style.smallFont,
                                      m.value
                                          ? formatValue(m.value, def.unit) + QStringLiteral(" ") + statusText(m.status)
                                          : statusText(m.status)));
    }
    nameW = std::min(nameW + c.px(6), inner.width() * 0.34);
    valueW = std::min(valueW + c.px(6), inner.width() * 0.34);
    const qreal barL = inner.left() + nameW, barR = inner.right() - valueW;
    const LinearScale x{lo, hi, barL, barR};
    for (std::size_t k = 0; k < shown; ++k) {
        const MetricResult &m = b.entries[order[k]].metrics.at(id);
        const qreal ry = y + k * rowH;
        c.text(QRectF(inner.left(), ry, nameW - c.px(4), rowH), Qt::AlignLeft | Qt::AlignVCenter,
               c.elide(style.smallFont, breakdownEntryName(b, order[k]), nameW - c.px(4)), style.smallFont, style.text);
        if (m.value) {
            const qreal x0 = x.map(std::min(0.0, *m.value)), x1 = x.map(std::max(0.0, *m.value));
            const QRectF bar(x0, ry + rowH * 0.2, std::max<qreal>(x1 - x0, c.px(1)), rowH * 0.6);
            painter.fillRect(bar, statusColor(style, m.status));
        }
        const QString words = m.value ? formatValue(m.value, def.unit) + QStringLiteral(" ") + statusText(m.status)
                                      : statusText(m.status);
        c.text(QRectF(barR + c.px(4), ry, valueW - c.px(4), rowH), Qt::AlignLeft | Qt::AlignVCenter,
               c.elide(style.smallFont, words, valueW - c.px(4)), style.smallFont, statusColor(style, m.status));
    }
    const qreal barsBottom = y + shown * rowH;
    if (more)
        c.text(QRectF(inner.left(), barsBottom, inner.width(), rowH), Qt::AlignLeft | Qt::AlignVCenter,
               tr("+ %1 more").arg(order.size() - shown), style.smallFont, style.mutedText);
    // The target (every entry has the same one) and the axis.
    const double target = b.entries.front().metrics.at(id).target;
    c.vline(x.map(target), y, barsBottom, c.pen(style.target, 1.5, Qt::DashLine));
    c.vline(x.map(0), y, barsBottom, c.pen(style.axis, 1));
    const qreal axisY = std::min(inner.bottom() - smallH, barsBottom + (more ? rowH : 0) + c.px(2));
    c.text(QRectF(barL - c.px(40), axisY, c.px(80), smallH), Qt::AlignHCenter | Qt::AlignVCenter,
           formatTick(lo, def.unit), style.smallFont, style.mutedText);
    c.hline(barsBottom, barL, barR, c.pen(style.grid, 1));
    c.text(QRectF(barR - c.px(60), axisY, c.px(60), smallH), Qt::AlignRight | Qt::AlignVCenter,
           formatTick(hi, def.unit), style.smallFont, style.mutedText);
    painter.restore();
}

} // namespace srm::charts
