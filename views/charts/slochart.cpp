#include "views/charts/slochart.h"

#include "store/texthygiene.h"
#include "views/charts/chartcanvas.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace srm::charts {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("srm::charts::Slo", text, disambiguation, n);
}

struct Columns
{
    qreal name, attainment, bar, burn, rate; // left edges
    qreal right;
};

constexpr double kLowestBudget = -1e6; // −100,000,000%

struct SloLayout
{
    qreal headerH = 0;
    qreal axisH = 0;
    qreal rowH = 0;
    QRectF rows;
    Columns col{};
    double budgetLo = 0; // shared budget scale [budgetLo, 1]
    double daysMax = 28; // shared time axis: days before as-of
    Micros asOf = 0;
};

SloLayout sloLayout(const QRectF &rect, const std::vector<SloResult> &slos, const ChartStyle &style,
                    const QPaintDevice *device)
{
    const qreal u = ChartStyle::unit(device);
    const QFontMetricsF small(style.smallFont, device);
    const QFontMetricsF font(style.font, device);
    SloLayout l;
    l.headerH = small.height() + 8 * u;
    l.axisH = small.height() + 6 * u;
    const qreal available = rect.height() - l.headerH - l.axisH;
    l.rowH = slos.empty() ? 0 : std::min(available / qreal(slos.size()), font.height() * 6);
    l.rows = QRectF(rect.left(), rect.top() + l.headerH, rect.width(), l.rowH * qreal(slos.size()));
    const qreal w = rect.width();
    l.col.name = rect.left();
    l.col.attainment = rect.left() + w * 0.24;
    l.col.bar = rect.left() + w * 0.39;
    l.col.burn = rect.left() + w * 0.62;
    l.col.rate = rect.left() + w * 0.89;
    l.col.right = rect.right();
    double lo = 0;
    for (const SloResult &s : slos) {
        if (s.errorBudgetRemaining)
            lo = std::min(lo, finiteOr(*s.errorBudgetRemaining));
        for (const SloBudgetPoint &p : s.budget)
            lo = std::min(lo, finiteOr(p.remaining));
        l.daysMax = std::max(l.daysMax, s.windowDays());
        l.asOf = std::max(l.asOf, s.windowTo);
    }
    // Whole halves of the budget below zero, so -280% is drawn on an axis to -300%; no further
    // than kLowestBudget (a budget overspent a million times is drawn at the axis end).
    lo = std::max(lo, kLowestBudget);
    l.budgetLo = lo < 0 ? -std::ceil(-lo * 2 - 1e-9) / 2 : 0;
    return l;
}

} // namespace

void paintSloChart(QPainter &painter, const QRectF &rect, const std::vector<SloResult> &slos, const ChartStyle &style,
                   const SloChartOptions &options)
{
    painter.save();
    Canvas c(painter, style);
    const SloLayout l = sloLayout(rect, slos, style, painter.device());
    const qreal smallH = c.lineHeight(style.smallFont);
    const qreal pad = c.px(10);

    if (slos.empty()) {
        c.text(rect, Qt::AlignCenter, tr("No SLOs defined: import OpenSLO definitions and their measurements"),
               style.font, style.notMeasured);
        painter.restore();
        return;
    }

    // Column headings.
    const Columns &k = l.col;
    auto heading = [&](qreal x0, qreal x1, const QString &text, int align = Qt::AlignLeft) {
        c.text(QRectF(x0, rect.top(), x1 - x0 - pad, smallH), align | Qt::AlignVCenter, text, style.smallFont,
               style.mutedText);
    };
    heading(k.name, k.attainment, tr("SLO"));
    heading(k.attainment, k.bar, tr("attainment vs objective"));
    heading(k.bar, k.burn, tr("error budget remaining"));
    heading(k.burn, k.rate, tr("budget over its window (dotted: 0)"));
    heading(k.rate, k.right + pad, tr("burn rate 24 h"), Qt::AlignRight);
    c.hline(rect.top() + l.headerH - c.px(3), rect.left(), rect.right(), c.pen(style.grid));

    const LinearScale bx{l.budgetLo, 1, k.bar, k.burn - pad};
    const LinearScale tx{-l.daysMax, 0, k.burn, k.rate - pad};

    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < slos.size(); ++i) {
        const SloResult &s = slos[i];
        const QRectF row(rect.left(), l.rows.top() + l.rowH * qreal(i), rect.width(), l.rowH);
        if (s.name == options.selected) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(style.selection);
            painter.drawRect(row);
        }
        const qreal mid = row.center().y();
        const qreal lineH = c.lineHeight(style.font);
        const QRectF line1(0, mid - lineH, 0, lineH);
        const QRectF line2(0, mid, 0, smallH);
        auto at = [](const QRectF &line, qreal x0, qreal x1) { return QRectF(x0, line.top(), x1 - x0, line.height()); };

        const QString days = SettingsSchema::formatNumber(s.windowDays());
        c.text(at(line1, k.name, k.attainment - pad), Qt::AlignLeft | Qt::AlignVCenter,
               s.displayName.isEmpty() ? s.name : s.displayName, style.titleFont, style.text);
        c.text(at(line2, k.name, k.attainment - pad), Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1 · %2-day window · %3")
                   .arg(s.service.isEmpty() ? tr("no service") : hygiene::isolate(s.service), days,
                        s.method == BudgetingMethod::Timeslices ? tr("timeslices") : tr("occurrences")),
               style.smallFont, style.mutedText);

        if (!s.attainment) {
            c.text(at(line1, k.attainment, k.right), Qt::AlignLeft | Qt::AlignVCenter, tr("no data"), style.titleFont,
                   style.notMeasured);
            c.text(at(line2, k.attainment, k.right), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("objective %1 · no measurements in its %2-day window; not counted in SLO compliance")
                       .arg(formatPercent(s.objective, 2), days),
                   style.smallFont, style.notMeasured);
            continue;
        }
        const bool met = s.met.value_or(false);
        const QColor statusColor = met ? style.good : style.bad;
        c.text(at(line1, k.attainment, k.bar - pad), Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1 %2").arg(formatPercent(s.attainment, 3), met ? tr("met") : tr("missed")), style.titleFont,
               statusColor);
        c.text(at(line2, k.attainment, k.bar - pad), Qt::AlignLeft | Qt::AlignVCenter,
               tr("objective %1").arg(formatPercent(s.objective, 2)), style.smallFont, style.mutedText);

        // Budget bar from zero.
        const qreal barH = std::min(c.px(12), l.rowH * 0.4);
        if (s.errorBudgetRemaining) {
            const double b = finiteOr(*s.errorBudgetRemaining);
            const qreal x0 = bx.map(0), x1 = bx.map(std::clamp(b, l.budgetLo, 1.0));
            painter.setPen(Qt::NoPen);
            painter.setBrush(style.grid);
            painter.drawRect(QRectF(bx.map(0), mid - barH / 2, bx.map(1) - bx.map(0), barH));
            painter.setBrush(b < 0 ? style.bad : style.series);
            painter.drawRect(QRectF(std::min(x0, x1), mid - barH / 2, std::abs(x1 - x0), barH));
            // The figure under the bar's far end.
            const QString label = formatPercent(b, 0);
            const qreal lw = c.textWidth(style.smallFont, label) + c.px(4);
            const qreal lx = b < 0 ? x1 : std::max(bx.r0, x1 - lw);
            c.text(QRectF(lx, mid + barH / 2, lw, smallH), (b < 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignTop,
                   label, style.smallFont, b < 0 ? style.bad : style.text);
        } else {
            c.text(QRectF(k.bar, mid - smallH / 2, k.burn - k.bar - pad, smallH), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("no budget (objective 100%)"), style.smallFont, style.mutedText);
        }

        // Burn-down line on the shared scale.
        const LinearScale by{l.budgetLo, 1, row.bottom() - c.px(4), row.top() + c.px(4)};
        c.hline(by.map(0), tx.map(-s.windowDays()), tx.r1, c.pen(style.axis, 1, Qt::DotLine));
        c.hline(by.map(1), tx.map(-s.windowDays()), tx.r1, c.pen(style.grid));
        std::vector<SeriesPoint> pts;
        pts.reserve(s.budget.size());
        for (const SloBudgetPoint &p : s.budget)
            pts.push_back({tx.map(-double(l.asOf - p.at) / double(kMicrosPerDay)),
                           by.map(std::clamp(finiteOr(p.remaining), l.budgetLo, 1.0))});
        drawSeries(c, pts, c.pen(s.errorBudgetRemaining.value_or(0) < 0 ? style.bad : style.series, 1.5));

        // Burn rate.
        QString rate = s.burnRate24h ? tr("%1×").arg(formatNumber(*s.burnRate24h)) : QStringLiteral("–");
        c.text(QRectF(k.rate, mid - lineH / 2, k.right - k.rate, lineH), Qt::AlignRight | Qt::AlignVCenter, rate,
               style.titleFont, s.burnRate24h && *s.burnRate24h > 1 ? style.bad : style.text);
        if (i + 1 < slos.size())
            c.hline(row.bottom(), rect.left(), rect.right(), c.pen(style.grid));
    }

    // Axes under the rows: the budget scale and the days before as-of.
    const qreal axisY = l.rows.bottom() + c.px(3);
    auto tick = [&](qreal x, const QString &label, int align) {
        const qreal w = c.textWidth(style.smallFont, label) + c.px(4);
        const qreal left = align == Qt::AlignLeft ? x : align == Qt::AlignRight ? x - w : x - w / 2;
        // Through the rows with figures only: a "no data" row's note runs across these columns.
        for (std::size_t i = 0; i < slos.size(); ++i)
            if (slos[i].attainment)
                c.vline(x, l.rows.top() + l.rowH * qreal(i), l.rows.top() + l.rowH * qreal(i + 1),
                        c.pen(style.grid, 1, Qt::DotLine));
        c.text(QRectF(left, axisY, w, smallH), align | Qt::AlignVCenter, label, style.smallFont, style.mutedText);
    };
    // The ends (the lowest budget, 100%) and nice ticks between them whose labels fit
    // (−3,400% once drew about 70 labels over each other).
    const auto labelWidth = [&](double t) { return c.textWidth(style.smallFont, formatPercent(t, 0)) + c.px(4); };
    const double span = bx.r1 - bx.r0;
    for (double t : fittedTicks(
             l.budgetLo, 1, span,
             [&](double t) {
                 // The ends are drawn inside the axis: each takes its whole width on one side.
                 return t == l.budgetLo || t == 1 ? 2 * labelWidth(t) : labelWidth(t);
             },
             c.px(6), 8, true))
        tick(bx.map(t), formatPercent(t, 0),
             t == l.budgetLo ? Qt::AlignLeft
                 : t >= 1    ? Qt::AlignRight
                             : Qt::AlignHCenter);
    tick(tx.map(-l.daysMax), tr("−%1 d").arg(SettingsSchema::formatNumber(l.daysMax)), Qt::AlignLeft);
    tick(tx.map(0), tr("as of"), Qt::AlignRight);
    painter.restore();
}

QString sloAt(const QRectF &rect, const std::vector<SloResult> &slos, const ChartStyle &style,
              const QPaintDevice *device, const QPointF &pos)
{
    const SloLayout l = sloLayout(rect, slos, style, device);
    if (l.rowH <= 0 || !l.rows.contains(pos))
        return {};
    const std::size_t i = std::size_t((pos.y() - l.rows.top()) / l.rowH);
    return i < slos.size() ? slos[i].name : QString();
}

} // namespace srm::charts
