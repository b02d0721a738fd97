#include "views/metrictile.h"

#include "views/charts/breakdownchart.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QPainter>

namespace srm {

MetricTile::MetricTile(const QString &metricId, QWidget *parent) : QWidget(parent), m_id(metricId)
{
    setObjectName(QStringLiteral("tile_") + metricId);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_Hover);
    setCursor(Qt::PointingHandCursor);
}

void MetricTile::setSnapshot(SnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    m_metric = m_snapshot ? m_snapshot->analysis.metrics.find(m_id) : nullptr;
    if (!m_metric) {
        setToolTip(QString());
        update();
        return;
    }
    const MetricResult &m = *m_metric;
    const Unit unit = m.def->unit;
    const QString name = QCoreApplication::translate("srm::MetricCatalogue", m.def->name);
    QString tip = QStringLiteral("<p><b>%1</b> — %2</p><p>%3</p>")
                      .arg(name.toHtmlEscaped(), charts::statusText(m.status),
                           QCoreApplication::translate("srm::MetricCatalogue", m.def->definition).toHtmlEscaped());
    tip += QStringLiteral("<table>");
    auto row = [&](const QString &label, const QString &value) {
        tip += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td align=right>%2</td></tr>")
                   .arg(label, value.toHtmlEscaped());
    };
    row(m.def->hasP90 ? tr("p50 (current)") : tr("current"), charts::formatValue(m.value, unit));
    if (m.def->hasP90)
        row(tr("p90"), charts::formatValue(m.p90, unit));
    if (m.ci)
        row(tr("95% range"), charts::formatRange(m.ci, unit));
    row(tr("n"), charts::formatCount(m.n));
    row(tr("target"), charts::formatValue(m.target, unit));
    if (m.gap)
        row(tr("gap"), charts::formatGap(m.gap, unit));
    if (dora::isDoraMetric(m.key())) {
        const dora::MetricScore &score = m_snapshot->analysis.metrics.dora.at(m.key());
        row(tr("DORA Quick Check"),
            tr("%1 (industry %2)")
                .arg(charts::formatScore(score.score), charts::formatIndustry(dora::industry(m.key()))));
    }
    if (m.tier)
        row(charts::tierCaption(), charts::tierText(m.tier));
    if (m.previous && m.previous->value)
        row(tr("before"),
            tr("%1 (%2)").arg(charts::formatValue(m.previous->value, unit), charts::formatRange(m.previous->ci, unit)));
    if (m.previous)
        row(tr("vs. before"), charts::verdictText(m.verdict));
    tip += QStringLiteral("</table><p><i>%1</i></p>")
               .arg(
                   tr("Weekly values on the scale shared by every %1 metric; the dashed line is the target; the "
                      "whisker "
                      "at the right is the window's value with its 95% range. \"Improved\" and \"worse\" only when the "
                      "ranges of the two periods do not overlap. Click for details.")
                       .arg(unit == Unit::Ratio ? tr("ratio") : MetricCatalogue::unitLabel(unit)));
    setToolTip(tip);
    setBreakdown(m_breakdown); // the accessible name
    setAccessibleDescription(QCoreApplication::translate("srm::MetricCatalogue", m.def->definition));
    update();
}

void MetricTile::setBreakdown(std::optional<BreakdownBy> by)
{
    m_breakdown = by;
    if (m_metric && m_snapshot) {
        const QString name = QCoreApplication::translate("srm::MetricCatalogue", m_metric->def->name);
        if (by) {
            const Breakdown &b = *by == BreakdownBy::Team ? m_snapshot->byTeam : m_snapshot->byService;
            setAccessibleName(
                tr("%1 by %2: %3").arg(name, breakdownName(*by), rollupWords(b.rollupOf(m_metric->key()), *by)));
        } else {
            setAccessibleName(tr("%1: %2, %3").arg(name, valueText(), statusText()));
        }
    }
    update();
}

QString MetricTile::valueText() const
{
    return m_metric ? charts::metricTileValueText(*m_metric) : QString();
}

QString MetricTile::statusText() const
{
    return m_metric ? charts::metricTileStatusText(*m_metric) : QString();
}

void MetricTile::paintEvent(QPaintEvent *)
{
    if (!m_metric || !m_snapshot)
        return;
    QPainter p(this);
    charts::MetricTileOptions options;
    options.highlighted = m_hover || hasFocus();
    if (dora::isDoraMetric(m_metric->key()))
        options.doraScore = m_snapshot->analysis.metrics.dora.at(m_metric->key()).score;
    if (!m_style)
        m_style = charts::ChartStyle::forPalette(palette(), font());
    if (m_breakdown) {
        charts::BreakdownBarsOptions bars;
        bars.highlighted = options.highlighted;
        charts::paintBreakdownBars(p, QRectF(rect()),
                                   *m_breakdown == BreakdownBy::Team ? m_snapshot->byTeam : m_snapshot->byService,
                                   m_metric->key(), *m_style, bars);
        return;
    }
    charts::paintMetricTile(p, QRectF(rect()), *m_metric, m_snapshot->scale, *m_style, options);
}

void MetricTile::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        m_style.reset();
    QWidget::changeEvent(event);
}

void MetricTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (rect().contains(event->position().toPoint()) && event->button() == Qt::LeftButton)
        emit activated(m_id);
    QWidget::mouseReleaseEvent(event);
}

void MetricTile::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space: emit activated(m_id); return;
    case Qt::Key_Right:
    case Qt::Key_Down: focusNextChild(); return;
    case Qt::Key_Left:
    case Qt::Key_Up: focusPreviousChild(); return;
    default: QWidget::keyPressEvent(event);
    }
}

void MetricTile::enterEvent(QEnterEvent *event)
{
    m_hover = true;
    update();
    QWidget::enterEvent(event);
}

void MetricTile::leaveEvent(QEvent *event)
{
    m_hover = false;
    update();
    QWidget::leaveEvent(event);
}

void MetricTile::focusInEvent(QFocusEvent *event)
{
    update();
    QWidget::focusInEvent(event);
}

void MetricTile::focusOutEvent(QFocusEvent *event)
{
    update();
    QWidget::focusOutEvent(event);
}

} // namespace srm
