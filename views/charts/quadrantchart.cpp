#include "views/charts/quadrantchart.h"

#include "store/texthygiene.h"
#include "views/charts/chartcanvas.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace srm::charts {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("srm::charts::Quadrant", text, disambiguation, n);
}

struct QuadrantLayout
{
    QRectF plot;
    SqrtScale xs; // toil hours per week
    SqrtScale ys; // cost weeks (upwards)
    double toilMax = 1, costMax = 1;
};

QuadrantLayout quadrantLayout(const QRectF &rect, const std::vector<DebtItem> &items, const WorkspaceSettings &settings,
                              const ChartStyle &style, const QPaintDevice *device)
{
    const qreal u = ChartStyle::unit(device);
    const QFontMetricsF small(style.smallFont, device);
    QuadrantLayout l;
    // Whatever the register holds (1e308 hours written into the file once sent the ticks to
    // infinity): finite values only, and the tick engine's bounded square-root ticks.
    double toil = finiteOr(settings.quadrantToilHours) * 2, cost = finiteOr(settings.quadrantCostWeeks) * 2;
    for (const DebtItem &i : items)
        if (i.status != DebtStatus::Done) {
            toil = std::max(toil, finiteOr(i.toilHoursPerWeek));
            cost = std::max(cost, finiteOr(i.costWeeks));
        }
    l.toilMax = niceCeil(finiteOr(toil * 1.08));
    l.costMax = niceCeil(finiteOr(cost * 1.08));
    const qreal leftW = small.horizontalAdvance(QStringLiteral("100 wk")) + small.height() + 10 * u;
    const qreal bottomH = 3 * small.height() + 12 * u; // ticks, axis title, note
    l.plot = QRectF(rect.left() + leftW, rect.top() + 4 * u, rect.width() - leftW - 8 * u,
                    rect.height() - bottomH - 4 * u);
    l.xs = SqrtScale{l.toilMax, l.plot.left(), l.plot.right()};
    l.ys = SqrtScale{l.costMax, l.plot.bottom(), l.plot.top()};
    return l;
}

qreal radiusOf(const DebtItem &i)
{
    return 3.0 + 1.3 * std::sqrt(double(std::clamp(i.riskLikelihood, 1, 5) * std::clamp(i.riskImpact, 1, 5)));
}

} // namespace

void paintDebtQuadrant(QPainter &painter, const QRectF &rect, const std::vector<DebtItem> &items,
                       const WorkspaceSettings &settings, const ChartStyle &style, const QuadrantOptions &options)
{
    painter.save();
    Canvas c(painter, style);
    const QuadrantLayout l = quadrantLayout(rect, items, settings, style, painter.device());
    const QRectF &plot = l.plot;
    const qreal smallH = c.lineHeight(style.smallFont);
    const qreal titleH = c.lineHeight(style.titleFont);
    if (plot.width() < c.px(60) || plot.height() < c.px(60)) {
        painter.restore();
        return;
    }
    const qreal xThr = l.xs.map(finiteOr(settings.quadrantToilHours));
    const qreal yThr = l.ys.map(finiteOr(settings.quadrantCostWeeks));

    // The four cells, named in their outer corners.
    struct Cell
    {
        ToilCostQuadrant q;
        QRectF r;
        int align;
    };
    const Cell cells[] = {
        {ToilCostQuadrant::Defer, QRectF(QPointF(plot.left(), plot.top()), QPointF(xThr, yThr)),
         Qt::AlignLeft | Qt::AlignTop},
        {ToilCostQuadrant::AlligatorVSwamp, QRectF(QPointF(xThr, plot.top()), QPointF(plot.right(), yThr)),
         Qt::AlignRight | Qt::AlignTop},
        {ToilCostQuadrant::NoBrainer, QRectF(QPointF(plot.left(), yThr), QPointF(xThr, plot.bottom())),
         Qt::AlignLeft | Qt::AlignBottom},
        {ToilCostQuadrant::LowHangingFruit, QRectF(QPointF(xThr, yThr), QPointF(plot.right(), plot.bottom())),
         Qt::AlignRight | Qt::AlignBottom},
    };
    for (const Cell &cell : cells) {
        painter.fillRect(cell.r, style.quadrantFill[int(cell.q)]);
        const QRectF inner = cell.r.adjusted(c.px(6), c.px(4), -c.px(6), -c.px(4));
        const QString caption = quadrantCaption(cell.q);
        const qsizetype open = caption.indexOf(u'(');
        const QString note = open >= 0 ? caption.mid(open) : QString();
        const bool top = cell.align & Qt::AlignTop;
        const int h = cell.align & (Qt::AlignLeft | Qt::AlignRight);
        const QRectF nameRect = top ? QRectF(inner.left(), inner.top(), inner.width(), titleH)
                                    : QRectF(inner.left(), inner.bottom() - titleH - smallH, inner.width(), titleH);
        c.text(nameRect, h | Qt::AlignVCenter, quadrantName(cell.q), style.titleFont, style.text);
        c.text(nameRect.translated(0, titleH), h | Qt::AlignVCenter, note, style.smallFont, style.mutedText);
    }
    c.vline(xThr, plot.top(), plot.bottom(), c.pen(style.axis, 1, Qt::DashLine));
    c.hline(yThr, plot.left(), plot.right(), c.pen(style.axis, 1, Qt::DashLine));
    c.hline(plot.bottom(), plot.left(), plot.right(), c.pen(style.axis));
    c.vline(plot.left(), plot.top(), plot.bottom(), c.pen(style.axis));

    // Ticks (square-root scale): round values and the thresholds, which are emphasised.
    qreal lastX = -1e9;
    for (double t : sqrtTicks(l.toilMax)) {
        const qreal x = l.xs.map(t);
        const QString label = SettingsSchema::formatNumber(t);
        const qreal w = c.textWidth(style.smallFont, label) + c.px(6);
        if (x - lastX < w || std::abs(x - xThr) < w)
            continue;
        c.vline(x, plot.bottom(), plot.bottom() + c.px(3), c.pen(style.axis));
        c.text(QRectF(x - w / 2, plot.bottom() + c.px(3), w, smallH), Qt::AlignCenter, label, style.smallFont,
               style.mutedText);
        lastX = x;
    }
    {
        const QString label = SettingsSchema::formatNumber(finiteOr(settings.quadrantToilHours));
        const qreal w = c.textWidth(style.titleFont, label) + c.px(6);
        c.text(QRectF(xThr - w / 2, plot.bottom() + c.px(3), w, smallH), Qt::AlignCenter, label, style.titleFont,
               style.text);
    }
    // Left-aligned: the note on the sizes takes the right end of this line (see below).
    c.text(QRectF(plot.left(), plot.bottom() + smallH + c.px(6), plot.width(), smallH),
           Qt::AlignLeft | Qt::AlignVCenter, tr("toil pile (hours per week; square-root scale) →"), style.smallFont,
           style.mutedText);
    qreal lastY = 1e9;
    const qreal labelRight = plot.left() - c.px(5);
    for (double t : sqrtTicks(l.costMax)) {
        const qreal y = l.ys.map(t);
        if (lastY - y < smallH || std::abs(y - yThr) < smallH)
            continue;
        c.hline(y, plot.left() - c.px(3), plot.left(), c.pen(style.axis));
        c.text(QRectF(rect.left(), y - smallH / 2, labelRight - rect.left(), smallH), Qt::AlignRight | Qt::AlignVCenter,
               SettingsSchema::formatNumber(t), style.smallFont, style.mutedText);
        lastY = y;
    }
    c.text(QRectF(rect.left(), yThr - smallH / 2, labelRight - rect.left(), smallH), Qt::AlignRight | Qt::AlignVCenter,
           SettingsSchema::formatNumber(finiteOr(settings.quadrantCostWeeks)), style.titleFont, style.text);
    // The y axis title, turned to read upwards.
    painter.save();
    painter.translate(rect.left() + smallH / 2, plot.center().y());
    painter.rotate(-90);
    c.text(QRectF(-plot.height() / 2, -smallH / 2, plot.height(), smallH), Qt::AlignCenter,
           tr("cost (weeks; square-root scale) →"), style.smallFont, style.mutedText);
    painter.restore();

    // Points, largest first so that small ones stay visible; items at the same spot share a label.
    painter.setRenderHint(QPainter::Antialiasing);
    std::vector<std::size_t> order;
    int done = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].status == DebtStatus::Done)
            ++done;
        else
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return radiusOf(items[a]) > radiusOf(items[b]); });
    std::map<std::pair<qint64, qint64>, QStringList> spots;
    std::map<std::pair<qint64, qint64>, qreal> spotRadius;
    std::vector<QRectF> taken;
    for (std::size_t i : order) {
        const DebtItem &item = items[i];
        const QPointF pt(l.xs.map(finiteOr(item.toilHoursPerWeek)), l.ys.map(finiteOr(item.costWeeks)));
        const qreal r = radiusOf(item);
        const bool selected = QString::fromStdString(item.id) == options.selected;
        QColor fill = selected ? style.accent : style.series;
        fill.setAlphaF(selected ? 0.9 : 0.55);
        c.dot(pt, r, fill, selected ? style.accent : style.series);
        const auto key = std::make_pair(qint64(std::lround(pt.x())), qint64(std::lround(pt.y())));
        spots[key] << QString::fromStdString(item.id);
        spotRadius[key] = std::max(spotRadius[key], c.px(r));
        taken.push_back(QRectF(pt.x() - c.px(r), pt.y() - c.px(r), 2 * c.px(r), 2 * c.px(r)));
    }
    // Labels: right of the point, else left, above or below; when all four collide, further out
    // in eight directions with a leader line back to the point; an id that finds no room at all
    // is named in the note below the chart, so that no bubble goes unnamed (print included).
    QStringList unplaced;
    for (const auto &[key, ids] : spots) {
        const QPointF pt(qreal(key.first), qreal(key.second));
        const qreal r = spotRadius[key];
        QStringList shown;
        for (const QString &id : ids)
            shown << hygiene::isolate(id); // docs/hostile-input.md#text
        const QString label = shown.join(QStringLiteral(", "));
        const qreal w = c.textWidth(style.smallFont, label) + c.px(2);
        const QRectF candidates[] = {
            QRectF(pt.x() + r + c.px(2), pt.y() - smallH / 2, w, smallH),
            QRectF(pt.x() - r - c.px(2) - w, pt.y() - smallH / 2, w, smallH),
            QRectF(pt.x() - w / 2, pt.y() - r - smallH, w, smallH),
            QRectF(pt.x() - w / 2, pt.y() + r, w, smallH),
        };
        const auto fits = [&](const QRectF &cand) {
            return plot.contains(cand)
                && std::none_of(taken.begin(), taken.end(), [&](const QRectF &t) { return t.intersects(cand); });
        };
        const bool selected = ids.contains(options.selected);
        bool placed = false;
        for (const QRectF &cand : candidates) {
            if (!fits(cand))
                continue;
            c.text(cand, Qt::AlignLeft | Qt::AlignVCenter, label, selected ? style.titleFont : style.smallFont,
                   style.text);
            taken.push_back(cand);
            placed = true;
            break;
        }
        for (int ring = 1; ring <= 4 && !placed; ++ring) {
            const qreal reach = r + c.px(6) + qreal(ring) * smallH * 1.2;
            for (int dir = 0; dir < 8 && !placed; ++dir) {
                const qreal angle = qreal(dir) * std::numbers::pi / 4 + std::numbers::pi / 8;
                const QPointF anchor(pt.x() + std::cos(angle) * reach, pt.y() - std::sin(angle) * reach);
                const bool right = std::cos(angle) >= 0;
                const QRectF cand(right ? anchor.x() : anchor.x() - w, anchor.y() - smallH / 2, w, smallH);
                if (!fits(cand))
                    continue;
                const QPointF from(pt.x() + std::cos(angle) * r, pt.y() - std::sin(angle) * r);
                painter.setPen(c.pen(style.mutedText, 0.75));
                painter.drawLine(from, anchor);
                c.text(cand, Qt::AlignLeft | Qt::AlignVCenter, label, selected ? style.titleFont : style.smallFont,
                       style.text);
                taken.push_back(cand);
                placed = true;
            }
        }
        if (!placed)
            unplaced << label;
    }
    // How to read the sizes, and what is not shown.
    QString note = tr("point size: risk (likelihood × impact)");
    if (done > 0)
        note += done == 1 ? tr("; 1 done item not shown") : tr("; %1 done items not shown").arg(done);
    if (!unplaced.isEmpty())
        note = tr("no room to label: %1 · ").arg(unplaced.join(QStringLiteral("; "))) + note;
    c.text(QRectF(plot.left(), plot.bottom() + 2 * smallH + c.px(8), plot.width(), smallH),
           Qt::AlignRight | Qt::AlignVCenter, note, style.smallFont, style.mutedText);
    painter.restore();
}

QString debtQuadrantAt(const QRectF &rect, const std::vector<DebtItem> &items, const WorkspaceSettings &settings,
                       const ChartStyle &style, const QPaintDevice *device, const QPointF &pos)
{
    const QuadrantLayout l = quadrantLayout(rect, items, settings, style, device);
    const qreal u = ChartStyle::unit(device);
    QString best;
    qreal bestDistance = 1e18;
    for (const DebtItem &item : items) {
        if (item.status == DebtStatus::Done)
            continue;
        const QPointF pt(l.xs.map(finiteOr(item.toilHoursPerWeek)), l.ys.map(finiteOr(item.costWeeks)));
        const qreal d = std::hypot(pt.x() - pos.x(), pt.y() - pos.y());
        if (d <= (radiusOf(item) + 2) * u && d < bestDistance) {
            bestDistance = d;
            best = QString::fromStdString(item.id);
        }
    }
    return best;
}

} // namespace srm::charts
