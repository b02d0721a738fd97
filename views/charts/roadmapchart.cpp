#include "views/charts/roadmapchart.h"

#include "views/charts/chartcanvas.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPainterPath>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace srm::charts {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("srm::charts::Roadmap", text, disambiguation, n);
}

constexpr qreal kGutter = 10; // chart px left of each column's bars and text

struct Column
{
    QRectF head;
    QRectF body;
    QRectF foot; // the gaps under the column
    std::vector<QString> gapLines;
    double scale = 1; // weeks a column's width stands for
};

// Greedy word wrap of `text` into lines of at most `width`; the last allowed line is elided.
std::vector<QString> wrapLines(const QFontMetricsF &fm, const QString &text, qreal width, int maxLines)
{
    std::vector<QString> lines;
    if (text.isEmpty() || width <= 0 || maxLines <= 0)
        return lines;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    QString line;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString candidate = line.isEmpty() ? words[i] : line + u' ' + words[i];
        if (line.isEmpty() || fm.horizontalAdvance(candidate) <= width) {
            line = candidate;
            continue;
        }
        if (int(lines.size()) == maxLines - 1) {
            // No more room: what is left goes on this last line, elided.
            line = candidate;
            for (qsizetype j = i + 1; j < words.size(); ++j)
                line += u' ' + words[j];
            lines.push_back(fm.elidedText(line, Qt::ElideRight, width));
            return lines;
        }
        lines.push_back(line);
        line = words[i];
    }
    lines.push_back(fm.elidedText(line, Qt::ElideRight, width));
    return lines;
}

struct RoadmapLayout
{
    qreal legendH = 0;
    qreal rowH = 0;
    bool twoLines = true;
    std::vector<Column> columns;
    std::vector<RoadmapBar> bars;
    std::unordered_map<std::string, const PlannedItem *> planned;
};

RoadmapLayout roadmapLayout(const QRectF &rect, const Plan &plan, const ChartStyle &style, const QPaintDevice *device,
                            const RoadmapOptions &options)
{
    const qreal u = ChartStyle::unit(device);
    const QFontMetricsF small(style.smallFont, device);
    const QFontMetricsF title(style.titleFont, device);
    RoadmapLayout l;
    l.legendH = small.height() + 10 * u;
    const bool unscheduled = !plan.unscheduled.empty();
    const std::size_t n = plan.quarters.size() + (unscheduled ? 1 : 0);
    if (n == 0)
        return l;
    const qreal gap = 14 * u;
    const qreal colW = (rect.width() - gap * qreal(n - 1)) / qreal(n);
    const qreal headH = title.height() + 8 * u + small.height() + 8 * u;
    std::size_t most = 0;
    double largest = 0;
    for (const PlanQuarter &q : plan.quarters) {
        most = std::max(most, q.items.size());
        largest = std::max(largest, q.usedWeeks);
    }
    most = std::max(most, plan.unscheduled.size());
    for (const PlannedItem &p : plan.unscheduled)
        largest = std::max(largest, p.costWeeks);
    const qreal bodyTop = rect.top() + l.legendH + headH + 6 * u;
    // The gaps under each column take the lines the longest list needs (up to maxGapLines).
    std::vector<std::vector<QString>> gapLines(n);
    std::size_t footLines = 0;
    if (options.showGaps && plan.gapsEvaluated)
        for (std::size_t c = 0; c < n; ++c) {
            gapLines[c] = wrapLines(small, roadmapGapText(plan, c), colW - kGutter * u, options.maxGapLines);
            footLines = std::max(footLines, gapLines[c].size());
        }
    const qreal footH = footLines ? qreal(footLines) * small.height() + 10 * u : 0;
    const qreal available = rect.bottom() - bodyTop - footH;
    // Rows of two lines (id and title, then the bar) while they fit, else one line each.
    const qreal twoLineMin = small.height() + 16 * u;
    const qreal twoLineMax = small.height() + 36 * u;
    l.rowH = most ? std::min(twoLineMax, available / qreal(most)) : twoLineMax;
    l.twoLines = l.rowH >= twoLineMin - 0.5;

    // Without capacity, every column uses the largest quarter (or item) as its width.
    const double capacity = plan.capacityWeeks && *plan.capacityWeeks > 0 ? *plan.capacityWeeks
                                                                          : std::max(largest, 1.0);
    for (std::size_t c = 0; c < n; ++c) {
        const qreal x = rect.left() + qreal(c) * (colW + gap);
        Column col;
        col.head = QRectF(x, rect.top() + l.legendH, colW, headH);
        col.body = QRectF(x, bodyTop, colW, available);
        col.foot = QRectF(x, bodyTop + available, colW, footH);
        col.gapLines = std::move(gapLines[c]);
        col.scale = capacity;
        l.columns.push_back(col);
    }
    const qreal barH = l.twoLines ? std::clamp(l.rowH - small.height() - 14 * u, 8 * u, 14 * u)
                                  : std::max(l.rowH * 0.7, qreal(1));
    auto place = [&](const PlannedItem &p, std::size_t c, std::size_t row, double before) {
        const Column &col = l.columns[c];
        const qreal top = col.body.top() + l.rowH * qreal(row);
        RoadmapBar b;
        b.id = p.id;
        b.column = int(c);
        b.row = QRectF(col.body.left(), top, col.body.width(), l.rowH);
        // Bars start after a gutter that the arrows between items of one column run in.
        const qreal left = col.body.left() + kGutter * u, width = col.body.width() - kGutter * u;
        const qreal x0 = left + width * std::min(1.0, before / col.scale);
        const qreal x1 = left + width * std::min(1.0, (before + p.costWeeks) / col.scale);
        const qreal barTop = l.twoLines ? top + small.height() + 5 * u : top + (l.rowH - barH) / 2;
        b.bar = QRectF(x0, barTop, std::max(x1 - x0, 2 * u), barH);
        l.bars.push_back(b);
        l.planned[p.id] = &p;
    };
    for (std::size_t c = 0; c < plan.quarters.size(); ++c) {
        double before = 0;
        for (std::size_t r = 0; r < plan.quarters[c].items.size(); ++r) {
            place(plan.quarters[c].items[r], c, r, before);
            before += plan.quarters[c].items[r].costWeeks;
        }
    }
    if (unscheduled)
        for (std::size_t r = 0; r < plan.unscheduled.size(); ++r)
            place(plan.unscheduled[r], n - 1, r, 0);
    return l;
}

void drawPin(const Canvas &c, const QPointF &centre, const QColor &color)
{
    const qreal r = c.px(3.5);
    QPainterPath d;
    d.moveTo(centre + QPointF(0, -r));
    d.lineTo(centre + QPointF(r, 0));
    d.lineTo(centre + QPointF(0, r));
    d.lineTo(centre + QPointF(-r, 0));
    d.closeSubpath();
    c.p.fillPath(d, color);
}

void arrowHead(const Canvas &c, const QPointF &tip, qreal direction, const QColor &color)
{
    const qreal a = c.px(5);
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(tip + QPointF(-a * direction, -a * 0.6));
    head.lineTo(tip + QPointF(-a * direction, a * 0.6));
    head.closeSubpath();
    c.p.fillPath(head, color);
}

// From a blocker's row to its dependant's: across the gap between columns when the dependant is
// in a later column; within one column, a bracket through the column's left gutter.
void drawDependency(const Canvas &c, const RoadmapBar &from, const RoadmapBar &to, const QPen &pen)
{
    QPainterPath path;
    const qreal fy = from.bar.center().y(), ty = to.bar.center().y();
    const qreal gutter = c.px(kGutter);
    qreal direction = 1;
    QPointF tip;
    if (from.column == to.column) {
        const QPointF start(from.row.left() + gutter - c.px(2), fy);
        tip = QPointF(to.row.left() + gutter - c.px(2), ty);
        const qreal out = from.row.left() + c.px(1);
        path.moveTo(start);
        path.cubicTo(QPointF(out, fy), QPointF(out, ty), tip);
    } else if (from.column < to.column) {
        const QPointF start(from.bar.right(), fy);
        tip = QPointF(to.row.left() + gutter - c.px(2), ty);
        const qreal dx = std::max((tip.x() - start.x()) * 0.5, c.px(18));
        path.moveTo(start);
        path.cubicTo(start + QPointF(dx, 0), tip - QPointF(dx, 0), tip);
    } else {
        // A pin placed before its blocker: the arrow runs backwards, into the dependant's right end.
        const QPointF start(from.row.left() + gutter - c.px(2), fy);
        tip = QPointF(to.bar.right() + c.px(2), ty);
        const qreal dx = std::max((start.x() - tip.x()) * 0.5, c.px(18));
        path.moveTo(start);
        path.cubicTo(start - QPointF(dx, 0), tip + QPointF(dx, 0), tip);
        direction = -1;
    }
    c.p.setPen(pen);
    c.p.setBrush(Qt::NoBrush);
    c.p.drawPath(path);
    arrowHead(c, tip, direction, pen.color());
}

} // namespace

void paintRoadmap(QPainter &painter, const QRectF &rect, const Plan &plan, const std::vector<DebtItem> &items,
                  const ChartStyle &style, const RoadmapOptions &options)
{
    painter.save();
    Canvas c(painter, style);
    const RoadmapLayout l = roadmapLayout(rect, plan, style, painter.device(), options);
    const qreal smallH = c.lineHeight(style.smallFont);
    const qreal titleH = c.lineHeight(style.titleFont);

    // Legend: the critical path and the pin mark.
    const std::vector<std::string> &path = plan.criticalPath.ids;
    const std::set<std::string> critical(path.begin(), path.end());
    qreal x = rect.left();
    if (!path.empty()) {
        QStringList ids;
        for (const std::string &id : path)
            ids << QString::fromStdString(id);
        c.hline(rect.top() + smallH / 2, x, x + c.px(18), c.pen(style.critical, 3));
        x += c.px(24);
        const QString text = tr("critical path (%1): %2")
                                 .arg(formatWeeks(plan.criticalPath.totalCostWeeks), ids.join(QStringLiteral(" → ")));
        const qreal w = std::min(c.textWidth(style.smallFont, text) + c.px(2), rect.width() * 0.6);
        c.text(QRectF(x, rect.top(), w, smallH), Qt::AlignLeft | Qt::AlignVCenter, text, style.smallFont, style.text);
        x += w + c.px(18);
    }
    drawPin(c, QPointF(x + c.px(4), rect.top() + smallH / 2), style.text);
    x += c.px(12);
    c.text(QRectF(x, rect.top(), c.px(60), smallH), Qt::AlignLeft | Qt::AlignVCenter, tr("pinned"), style.smallFont,
           style.text);
    x += c.textWidth(style.smallFont, tr("pinned")) + c.px(18);
    c.text(QRectF(x, rect.top(), rect.right() - x, smallH), Qt::AlignRight | Qt::AlignVCenter,
           tr("bar width: cost in weeks of the quarter's capacity; arrows: blocker → dependant"), style.smallFont,
           style.mutedText);

    if (l.columns.empty()) {
        c.text(rect, Qt::AlignCenter, tr("Nothing to plan"), style.font, style.notMeasured);
        painter.restore();
        return;
    }

    // Column heads: quarter, capacity used and free.
    for (std::size_t i = 0; i < l.columns.size(); ++i) {
        const Column &col = l.columns[i];
        const bool isQuarter = i < plan.quarters.size();
        const QString name = isQuarter ? formatQuarter(plan.quarters[i].quarter) : tr("Unscheduled");
        c.text(QRectF(col.head.left(), col.head.top(), col.head.width(), titleH), Qt::AlignLeft | Qt::AlignVCenter,
               name, style.titleFont, isQuarter ? style.text : style.bad);
        const QRectF track(col.head.left(), col.head.top() + titleH + c.px(3), col.head.width(), c.px(6));
        const QRectF line(col.head.left(), track.bottom() + c.px(2), col.head.width(), smallH);
        if (isQuarter) {
            const PlanQuarter &q = plan.quarters[i];
            painter.fillRect(track, style.grid);
            const double used = q.usedWeeks / col.scale;
            const bool over = q.capacityWeeks && q.usedWeeks > *q.capacityWeeks + kCapacityTolerance;
            painter.fillRect(QRectF(track.left(), track.top(), track.width() * std::min(1.0, used), track.height()),
                             over ? style.bad : style.series);
            QString text;
            if (q.capacityWeeks)
                text = tr("%1 of %2 weeks used · %3 free")
                           .arg(QLocale::c().toString(q.usedWeeks, 'f', 1),
                                QLocale::c().toString(*q.capacityWeeks, 'f', 1),
                                QLocale::c().toString(q.freeWeeks().value_or(0), 'f', 1));
            else
                text = tr("%1 weeks; no capacity set").arg(QLocale::c().toString(q.usedWeeks, 'f', 1));
            c.text(line, Qt::AlignLeft | Qt::AlignVCenter, text, style.smallFont, over ? style.bad : style.mutedText);
            if (q.items.empty())
                c.text(QRectF(col.body.left(), col.body.top(), col.body.width(), smallH * 2),
                       Qt::AlignLeft | Qt::AlignVCenter, tr("nothing planned"), style.smallFont, style.notMeasured);
        } else {
            const int count = int(plan.unscheduled.size());
            c.text(line, Qt::AlignLeft | Qt::AlignVCenter,
                   count == 1 ? tr("1 item does not fit or is blocked")
                              : tr("%1 items do not fit or are blocked").arg(count),
                   style.smallFont, style.mutedText);
        }
        c.hline(col.head.bottom() + c.px(2), col.head.left(), col.head.right(), c.pen(style.axis));

        // The gaps the column addresses (or, unscheduled, those nothing addresses).
        if (!col.gapLines.empty()) {
            c.hline(col.foot.top() + c.px(4), col.foot.left(), col.foot.right(), c.pen(style.grid));
            qreal y = col.foot.top() + c.px(7);
            for (const QString &line : col.gapLines) {
                c.text(QRectF(col.foot.left() + c.px(kGutter), y, col.foot.width() - c.px(kGutter), smallH),
                       Qt::AlignLeft | Qt::AlignVCenter, line, style.smallFont, isQuarter ? style.text : style.bad);
                y += smallH;
            }
        }
    }

    std::unordered_map<std::string, const RoadmapBar *> barOf;
    for (const RoadmapBar &b : l.bars)
        barOf[b.id] = &b;

    // Selection first, then the arrows (light, under the text), then bars and text.
    for (const RoadmapBar &b : l.bars)
        if (QString::fromStdString(b.id) == options.selected) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(style.selection);
            painter.drawRect(b.row);
        }

    // Dependency arrows, blocker → dependant; those on the critical path last, on top.
    painter.setRenderHint(QPainter::Antialiasing);
    QColor arrow = style.mutedText;
    arrow.setAlphaF(0.55);
    for (int pass = 0; pass < 2; ++pass)
        for (const DebtItem &item : items) {
            auto to = barOf.find(item.id);
            if (to == barOf.end())
                continue;
            for (const std::string &dep : item.dependsOn) {
                auto from = barOf.find(dep);
                if (from == barOf.end())
                    continue;
                const bool onPath = std::adjacent_find(path.begin(), path.end(),
                                                       [&](const std::string &a, const std::string &b) {
                                                           return a == dep && b == item.id;
                                                       })
                    != path.end();
                if (onPath != (pass == 1))
                    continue;
                drawDependency(c, *from->second, *to->second, c.pen(onPath ? style.critical : arrow, onPath ? 2 : 1));
            }
        }
    painter.setRenderHint(QPainter::Antialiasing, false);

    QFont idFont = style.smallFont;
    idFont.setBold(true);
    for (const RoadmapBar &b : l.bars) {
        const PlannedItem &p = *l.planned.at(b.id);
        const QString id = QString::fromStdString(b.id);
        const bool isCritical = critical.count(b.id) > 0;
        const bool unscheduled = b.column >= int(plan.quarters.size());
        const QColor barColor = isCritical ? style.critical : style.series;
        if (unscheduled) {
            painter.setPen(c.pen(barColor, 1, Qt::DashLine));
            QColor fill = barColor;
            fill.setAlphaF(0.18);
            painter.setBrush(fill);
        } else {
            painter.setPen(Qt::NoPen);
            painter.setBrush(barColor);
        }
        painter.drawRect(b.bar);
        painter.setBrush(Qt::NoBrush);
        if (p.costWeeks > l.columns[std::size_t(b.column)].scale + kCapacityTolerance) {
            // Larger than a quarter: the bar runs out of the column.
            painter.setRenderHint(QPainter::Antialiasing);
            arrowHead(c, QPointF(b.bar.right() + c.px(1), b.bar.center().y()), 1, barColor);
            painter.setRenderHint(QPainter::Antialiasing, false);
        }

        // Two lines: id and title over the bar; compact rows: the id after the bar.
        const qreal textLeft = b.row.left() + c.px(kGutter);
        const QRectF textLine = l.twoLines
            ? QRectF(textLeft, b.row.top() + c.px(2), b.row.right() - textLeft, smallH)
            : QRectF(b.bar.right() + c.px(4), b.row.top(), b.row.right() - b.bar.right() - c.px(4), b.row.height());
        qreal tx = textLine.left();
        if (p.pinned) {
            drawPin(c, QPointF(tx + c.px(4), textLine.center().y()), style.text);
            tx += c.px(11);
        }
        const qreal idW = c.textWidth(idFont, id) + c.px(5);
        c.text(QRectF(tx, textLine.top(), idW, textLine.height()), Qt::AlignLeft | Qt::AlignVCenter, id, idFont,
               isCritical ? style.critical : style.text);
        if (l.twoLines)
            c.text(QRectF(tx + idW, textLine.top(), textLine.right() - tx - idW, textLine.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, QString::fromStdString(p.title), style.smallFont, style.mutedText);
    }
    painter.restore();
}

std::vector<RoadmapBar> roadmapBars(const QRectF &rect, const Plan &plan, const ChartStyle &style,
                                    const QPaintDevice *device, const RoadmapOptions &options)
{
    return roadmapLayout(rect, plan, style, device, options).bars;
}

QString roadmapGapText(const Plan &plan, std::size_t column)
{
    QStringList names;
    if (column < plan.quarters.size()) {
        for (const PlanGap *g : plan.gapsAddressedIn(plan.quarters[column].quarter))
            names << metricPhrase(g->metric);
        return names.isEmpty() ? QString() : tr("Addresses: %1").arg(names.join(QStringLiteral(", ")));
    }
    for (MetricId m : plan.unaddressedGaps)
        names << metricPhrase(m);
    return names.isEmpty() ? QString() : tr("Unaddressed gaps: %1").arg(names.join(QStringLiteral(", ")));
}

QString roadmapItemAt(const QRectF &rect, const Plan &plan, const ChartStyle &style, const QPaintDevice *device,
                      const QPointF &pos, const RoadmapOptions &options)
{
    for (const RoadmapBar &b : roadmapBars(rect, plan, style, device, options))
        if (b.row.contains(pos))
            return QString::fromStdString(b.id);
    return {};
}

} // namespace srm::charts
