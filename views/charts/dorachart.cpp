#include "views/charts/dorachart.h"

#include "views/charts/chartcanvas.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace srm::charts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::charts::Dora", text);
}

// The rows, top to bottom: each group's mean above its metrics, then the overall mean.
enum class RowKind { Throughput, Stability, Overall, Metric };
struct Row
{
    RowKind kind;
    MetricId metric = MetricId::LeadTimeForChanges;
};
constexpr std::array<Row, 8> kRows = {{
    {RowKind::Throughput},
    {RowKind::Metric, MetricId::LeadTimeForChanges},
    {RowKind::Metric, MetricId::DeploymentFrequency},
    {RowKind::Metric, MetricId::FailedDeploymentRecoveryTime},
    {RowKind::Stability},
    {RowKind::Metric, MetricId::ChangeFailureRate},
    {RowKind::Metric, MetricId::DeploymentReworkRate},
    {RowKind::Overall},
}};

QString itemId(const Row &row)
{
    switch (row.kind) {
    case RowKind::Throughput: return QStringLiteral("throughput");
    case RowKind::Stability: return QStringLiteral("stability");
    case RowKind::Overall: return QStringLiteral("overall");
    case RowKind::Metric: return MetricCatalogue::idText(row.metric);
    }
    return {};
}

struct Layout
{
    qreal titleH = 0, headerH = 0, rowH = 0, axisH = 0, legendH = 0;
    QRectF rows;
    qreal name = 0, level = 0, score = 0, plot = 0, plotRight = 0; // left edges
};

struct RowFigures
{
    QString name;
    QString detail;
    std::optional<double> score;
    dora::Industry industry;
    bool mean = false; // a mean row (bold)
};

RowFigures figures(const Row &row, const dora::QuickCheck &q)
{
    RowFigures f;
    switch (row.kind) {
    case RowKind::Throughput:
        f = {tr("Throughput"), tr("mean of the three throughput scores"), q.throughput, dora::industryThroughput(),
             true};
        break;
    case RowKind::Stability:
        f = {tr("Stability (instability metrics)"), tr("mean of the two instability scores"), q.stability,
             dora::industryStability(), true};
        break;
    case RowKind::Overall:
        f = {tr("Overall"), tr("mean of all five scores"), q.overall, dora::industryOverall(), true};
        break;
    case RowKind::Metric: {
        const dora::MetricScore &m = q.at(row.metric);
        f.name = QCoreApplication::translate("srm::MetricCatalogue", MetricCatalogue::def(row.metric).name);
        f.detail = doraLevelAndValue(m);
        f.score = m.score;
        f.industry = dora::industry(row.metric);
        break;
    }
    }
    return f;
}

Layout layout(const QRectF &rect, const ChartStyle &style, const QPaintDevice *device, const dora::QuickCheck &q)
{
    const qreal u = ChartStyle::unit(device);
    const QFontMetricsF title(style.titleFont, device);
    const QFontMetricsF font(style.font, device);
    const QFontMetricsF small(style.smallFont, device);
    Layout l;
    l.titleH = title.height() + 6 * u;
    l.headerH = small.height() + 6 * u;
    l.axisH = small.height() + 4 * u;
    l.legendH = small.height() + 6 * u;
    const qreal available = rect.height() - l.titleH - l.headerH - l.axisH - l.legendH;
    l.rowH = std::clamp(available / qreal(kRows.size()), font.height() * 1.1, font.height() * 1.9);
    l.rows = QRectF(rect.left(), rect.top() + l.titleH + l.headerH, rect.width(), l.rowH * qreal(kRows.size()));
    const qreal pad = 12 * u;
    // Packed from the left: the name column fits the longest name (indented under its group),
    // the level column its longest words, the score column "10.0"; the plot takes the rest, at
    // least a fifth of the width and at most half of it (a wide window leaves room on the right).
    const QFontMetricsF bold(style.titleFont, device);
    qreal nameW = 0, detailW = 0;
    for (const Row &row : kRows) {
        const RowFigures f = figures(row, q);
        const bool mean = row.kind != RowKind::Metric;
        nameW = std::max(nameW, (mean ? bold : font).horizontalAdvance(f.name) + (mean ? 0 : 14 * u));
        detailW = std::max(detailW, (mean ? small : font).horizontalAdvance(f.detail));
    }
    const qreal scoreW = bold.horizontalAdvance(QStringLiteral("10.0"));
    const qreal plotW = std::clamp(rect.width() - nameW - detailW - scoreW - 3 * pad, rect.width() * 0.2,
                                   rect.width() * 0.5);
    l.name = rect.left();
    l.plot = std::min(rect.left() + nameW + detailW + scoreW + 3 * pad, rect.right() - plotW);
    l.plotRight = l.plot + plotW - 6 * u;
    l.score = l.plot - pad - scoreW;
    l.level = std::min(rect.left() + nameW + pad, l.score - pad);
    return l;
}

} // namespace

qreal doraQuickCheckHeight(const ChartStyle &style, const QPaintDevice *device)
{
    const qreal u = ChartStyle::unit(device);
    const QFontMetricsF title(style.titleFont, device);
    const QFontMetricsF font(style.font, device);
    const QFontMetricsF small(style.smallFont, device);
    return title.height() + 6 * u + small.height() * 3 + 16 * u + font.height() * 1.6 * qreal(kRows.size());
}

void paintDoraQuickCheck(QPainter &painter, const QRectF &rect, const dora::QuickCheck &q, const ChartStyle &style)
{
    painter.save();
    Canvas c(painter, style);
    const Layout l = layout(rect, style, painter.device(), q);
    const qreal smallH = c.lineHeight(style.smallFont);
    const qreal titleH = c.lineHeight(style.titleFont);
    const qreal pad = c.px(12);

    c.text(QRectF(rect.left(), rect.top(), rect.width(), titleH), Qt::AlignLeft | Qt::AlignVCenter,
           tr("DORA Quick Check: scores from 0 to 10 against the industry (Quick Check 2025, all industries)"),
           style.titleFont, style.text);

    // Column headings.
    const qreal headY = rect.top() + l.titleH;
    auto heading = [&](qreal x0, qreal x1, const QString &text, int align) {
        c.text(QRectF(x0, headY, x1 - x0, smallH), align | Qt::AlignVCenter, text, style.smallFont, style.mutedText);
    };
    heading(l.name, l.level - pad, tr("metric"), Qt::AlignLeft);
    heading(l.level, l.score - pad, tr("level · measured value"), Qt::AlignLeft);
    heading(l.score, l.plot - pad, tr("score"), Qt::AlignRight);
    heading(l.plot, l.plotRight, tr("score on 0–10 · industry mean ± sd"), Qt::AlignLeft);
    c.hline(l.rows.top() - c.px(2), rect.left(), l.plotRight + c.px(6), c.pen(style.grid));

    const LinearScale xs{0, 10, l.plot + c.px(4), l.plotRight - c.px(4)};
    // Grid of the scale: every 2 points.
    for (int t = 0; t <= 10; t += 2)
        c.vline(xs.map(t), l.rows.top(), l.rows.bottom(),
                c.pen(style.grid, 1, t == 0 || t == 10 ? Qt::SolidLine : Qt::DotLine));

    painter.setRenderHint(QPainter::Antialiasing);
    QColor band = style.mutedText;
    band.setAlphaF(style.isDark() ? 0.35f : 0.22f);
    for (std::size_t i = 0; i < kRows.size(); ++i) {
        const Row &row = kRows[i];
        const RowFigures f = figures(row, q);
        const QRectF r(rect.left(), l.rows.top() + l.rowH * qreal(i), rect.width(), l.rowH);
        if (row.kind != RowKind::Metric && i > 0)
            c.hline(r.top(), rect.left(), l.plotRight + c.px(6), c.pen(style.grid));
        const qreal indent = row.kind == RowKind::Metric ? c.px(14) : 0;
        const QFont &nameFont = f.mean ? style.titleFont : style.font;
        c.text(QRectF(l.name + indent, r.top(), l.level - pad - l.name - indent, r.height()),
               Qt::AlignLeft | Qt::AlignVCenter, f.name, nameFont, style.text);
        c.text(QRectF(l.level, r.top(), l.score - pad - l.level, r.height()), Qt::AlignLeft | Qt::AlignVCenter,
               f.detail, f.mean ? style.smallFont : style.font,
               f.score || f.mean ? (f.mean ? style.mutedText : style.text) : style.notMeasured);
        c.text(QRectF(l.score, r.top(), l.plot - pad - l.score, r.height()), Qt::AlignRight | Qt::AlignVCenter,
               formatScore(f.score), nameFont, f.score ? style.text : style.notMeasured);

        // The industry: a band of mean ± sd (clipped to the scale) with the mean as a tick.
        const qreal mid = r.center().y();
        const qreal bandH = std::min(c.px(10), r.height() * 0.5);
        if (f.industry.sd) {
            const qreal x0 = xs.map(std::max(0.0, f.industry.mean - *f.industry.sd));
            const qreal x1 = xs.map(std::min(10.0, f.industry.mean + *f.industry.sd));
            painter.setPen(Qt::NoPen);
            painter.setBrush(band);
            painter.drawRect(QRectF(x0, mid - bandH / 2, x1 - x0, bandH));
        }
        c.vline(xs.map(f.industry.mean), mid - bandH * 0.8, mid + bandH * 0.8, c.pen(style.mutedText, 2));
        // The score as a dot.
        if (f.score)
            c.dot(QPointF(xs.map(std::clamp(*f.score, 0.0, 10.0)), mid), f.mean ? 5.0 : 4.0, style.series,
                  style.background);
        else
            c.text(QRectF(l.plot, r.top(), l.plotRight - l.plot, r.height()), Qt::AlignRight | Qt::AlignVCenter,
                   tr("not measured"), style.smallFont, style.notMeasured);
    }

    // The scale under the rows.
    const qreal axisY = l.rows.bottom() + c.px(2);
    for (int t = 0; t <= 10; t += 2) {
        const QString label = QString::number(t);
        const qreal w = c.textWidth(style.smallFont, label) + c.px(4);
        c.text(QRectF(xs.map(t) - w / 2, axisY, w, smallH), Qt::AlignHCenter | Qt::AlignVCenter, label, style.smallFont,
               style.mutedText);
    }

    // The legend.
    const qreal legendY = l.rows.bottom() + l.axisH + c.px(4);
    qreal x = rect.left();
    const qreal mid = legendY + smallH / 2;
    c.dot(QPointF(x + c.px(5), mid), 4.0, style.series, style.background);
    x += c.px(14);
    const QString ours = tr("our score");
    c.text(QRectF(x, legendY, c.textWidth(style.smallFont, ours) + c.px(2), smallH), Qt::AlignLeft | Qt::AlignVCenter,
           ours, style.smallFont, style.mutedText);
    x += c.textWidth(style.smallFont, ours) + c.px(16);
    painter.setPen(Qt::NoPen);
    painter.setBrush(band);
    painter.drawRect(QRectF(x, mid - c.px(4), c.px(22), c.px(8)));
    c.vline(x + c.px(11), mid - c.px(6), mid + c.px(6), c.pen(style.mutedText, 2));
    x += c.px(28);
    c.text(QRectF(x, legendY, rect.right() - x, smallH), Qt::AlignLeft | Qt::AlignVCenter,
           tr("industry mean ± 1 standard deviation (the overall mean comes without one)"), style.smallFont,
           style.mutedText);
    painter.restore();
}

QString doraQuickCheckItemAt(const QRectF &rect, const ChartStyle &style, const QPaintDevice *device,
                             const QPointF &pos)
{
    const Layout l = layout(rect, style, device, dora::QuickCheck{}); // rows do not depend on the figures
    if (!l.rows.contains(pos) || l.rowH <= 0)
        return {};
    const auto i = std::size_t((pos.y() - l.rows.top()) / l.rowH);
    return i < kRows.size() ? itemId(kRows[i]) : QString();
}

QString doraQuickCheckToolTip(const dora::QuickCheck &q, const QString &item)
{
    for (const Row &row : kRows) {
        if (itemId(row) != item)
            continue;
        const RowFigures f = figures(row, q);
        QString tip = QStringLiteral("<b>%1</b>: %2").arg(f.name.toHtmlEscaped(), formatScore(f.score));
        tip += tr("<br>Industry (Quick Check 2025, all industries): %1").arg(formatIndustry(f.industry));
        switch (row.kind) {
        case RowKind::Metric:
            if (dora::group(row.metric) == dora::Group::Throughput)
                tip += tr("<br>%1. Its level 1–6 scores (level − 1) × 2.").arg(f.detail.toHtmlEscaped());
            else
                tip += tr("<br>%1: 10 × (1 − rate); a lower rate scores higher.").arg(f.detail.toHtmlEscaped());
            break;
        case RowKind::Throughput:
            tip += tr("<br>The mean of the scores of lead time for changes, deployment frequency and failed deployment "
                      "recovery time that are measured.");
            break;
        case RowKind::Stability:
            tip += tr(
                "<br>The mean of the scores of change failure rate and deployment rework rate that are measured.");
            break;
        case RowKind::Overall: tip += tr("<br>The mean of all measured scores of the five metrics."); break;
        }
        return tip;
    }
    return {};
}

} // namespace srm::charts
