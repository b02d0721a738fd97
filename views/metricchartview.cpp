#include "views/metricchartview.h"

#include "store/timeutil.h"
#include "views/charts/chartstyle.h"
#include "views/charts/valueformat.h"

#include <QAreaSeries>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QTimeZone>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace srm {

namespace {

// QDateTimeAxis (Qt 6.4) labels in local time; the app's dates are UTC. A point is placed at the
// local time with the same wall-clock reading as its UTC instant, so the axis prints UTC dates.
qreal toMs(Micros t)
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(t / 1000, QTimeZone::utc());
    return qreal(QDateTime(utc.date(), utc.time()).toMSecsSinceEpoch());
}

// The week's point sits in the middle of its (clipped) span.
qreal weekX(const WeeklyPoint &w)
{
    return toMs(w.start + (w.end - w.start) / 2);
}

QLineSeries *horizontal(const QString &name, qreal from, qreal to, double y, const QPen &pen)
{
    auto *s = new QLineSeries;
    s->setName(name);
    s->append(from, y);
    s->append(to, y);
    s->setPen(pen);
    return s;
}

} // namespace

MetricChartView::MetricChartView(QWidget *parent) : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("metricChartView"));
    setAccessibleName(tr("Metric chart"));
    setToolTip(tr(
        "Wheel or +/− to zoom, drag to zoom into a span, Shift+drag or arrows to pan, Home or double-click to reset"));
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    m_vLine = new QGraphicsLineItem(chart());
    m_hLine = new QGraphicsLineItem(chart());
    m_label = new QGraphicsSimpleTextItem(chart());
    m_vLine->setZValue(20);
    m_hLine->setZValue(20);
    m_label->setZValue(21);
    hideCrosshair();
}

void MetricChartView::setMetric(const MetricResult *metric)
{
    if (metric)
        m_metric = *metric;
    else
        m_metric.reset();
    rebuild();
}

void MetricChartView::rebuild()
{
    QChart *c = chart();
    hideCrosshair();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    m_weekly = nullptr;
    const charts::ChartStyle style = charts::ChartStyle::forPalette(palette(), font());
    c->setBackgroundBrush(style.isDark() ? palette().base() : QBrush(Qt::white));
    c->setTitleBrush(style.text);
    c->legend()->setLabelColor(style.text);
    c->setTitleFont(style.titleFont);
    if (!m_metric || m_metric->weekly.empty()) {
        c->setTitle(m_metric ? tr("No weeks in this window") : QString());
        return;
    }
    const MetricResult &m = *m_metric;
    const Unit unit = m.def->unit;
    c->setTitle(QString());

    auto *weekly = new QLineSeries;
    weekly->setName(tr("Weekly"));
    weekly->setPointsVisible(true);
    weekly->setPen(QPen(style.series, 2));
    double top = 0;
    for (const WeeklyPoint &w : m.weekly)
        if (w.value) {
            weekly->append(weekX(w), *w.value);
            top = std::max(top, *w.value);
        }
    m_weekly = weekly;

    const qreal from = toMs(m.weekly.front().start);
    const qreal to = toMs(m.weekly.back().end);
    QList<QAbstractSeries *> series;
    // The interval band first, so the lines are drawn over it.
    if (m.ci) {
        auto *upper = horizontal(QString(), from, to, m.ci->hi, Qt::NoPen);
        auto *lower = horizontal(QString(), from, to, m.ci->lo, Qt::NoPen);
        auto *band = new QAreaSeries(upper, lower);
        band->setName(tr("95% interval of the window's value"));
        QColor fill = style.series;
        fill.setAlphaF(0.18f);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        series << band;
        top = std::max(top, m.ci->hi);
    }
    if (m.value) {
        const QString name = m.p90 ? tr("Window p50 %1").arg(charts::formatValue(m.value, unit))
                                   : tr("Window value %1").arg(charts::formatValue(m.value, unit));
        series << horizontal(name, from, to, *m.value, QPen(style.series, 1.5, Qt::DashLine));
        top = std::max(top, *m.value);
    }
    if (m.p90) {
        series << horizontal(tr("Window p90 %1").arg(charts::formatValue(m.p90, unit)), from, to, *m.p90,
                             QPen(style.accent, 1.5, Qt::DotLine));
        top = std::max(top, *m.p90);
    }
    series << horizontal(tr("Target %1").arg(charts::formatValue(m.target, unit)), from, to, m.target,
                         QPen(style.target, 1.5, Qt::DashDotLine));
    top = std::max(top, m.target);
    series << weekly;

    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("yyyy-MM-dd"));
    x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(from)), QDateTime::fromMSecsSinceEpoch(qint64(to)));
    x->setTickCount(std::clamp(int(m.weekly.size()) / 2 + 1, 3, 8));
    auto *y = new QValueAxis;
    // Scale from zero, as every chart of the app (a rate or a duration is judged from zero).
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    y->applyNiceNumbers();
    const QString unitName = unit == Unit::Ratio ? tr("share") : MetricCatalogue::unitLabel(unit);
    y->setTitleText(unitName);
    if (unit == Unit::Ratio)
        y->setLabelFormat(QStringLiteral("%.2f"));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
        axis->setLabelsColor(style.mutedText);
        axis->setTitleBrush(style.mutedText);
        axis->setGridLineColor(style.grid);
        axis->setLinePenColor(style.axis);
        axis->setLabelsFont(style.smallFont);
    }
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : std::as_const(series)) {
        c->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    // The band's two edge lines are not series of their own in the legend.
    for (QLegendMarker *marker : c->legend()->markers())
        if (marker->label().isEmpty())
            marker->setVisible(false);
}

QStringList MetricChartView::seriesNames() const
{
    QStringList names;
    for (const QAbstractSeries *s : chart()->series())
        names << s->name();
    return names;
}

std::pair<qint64, qint64> MetricChartView::visibleRange() const
{
    const QList<QAbstractAxis *> axes = chart()->axes(Qt::Horizontal);
    if (axes.isEmpty())
        return {0, 0};
    const auto *x = static_cast<const QDateTimeAxis *>(axes.first());
    return {x->min().toMSecsSinceEpoch(), x->max().toMSecsSinceEpoch()};
}

void MetricChartView::zoomBy(qreal factor)
{
    // Horizontal only: the value axis stays from zero so that heights compare.
    const QRectF area = chart()->plotArea();
    QRectF r = area;
    r.setWidth(area.width() / factor);
    r.moveCenter(area.center());
    chart()->zoomIn(r);
    hideCrosshair();
}

void MetricChartView::panBy(qreal dx)
{
    chart()->scroll(dx, 0);
    hideCrosshair();
}

void MetricChartView::resetZoom()
{
    chart()->zoomReset();
    hideCrosshair();
}

QString MetricChartView::crosshairAt(const QPointF &widgetPos)
{
    if (!m_weekly || m_weekly->count() == 0 || !m_metric) {
        hideCrosshair();
        return QString();
    }
    const QPointF scenePos = mapToScene(widgetPos.toPoint());
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    const QRectF area = chart()->plotArea();
    if (!area.contains(chartPos)) {
        hideCrosshair();
        return QString();
    }
    const QPointF value = chart()->mapToValue(chartPos, m_weekly);
    // The nearest week with a value.
    const WeeklyPoint *best = nullptr;
    for (const WeeklyPoint &w : m_metric->weekly)
        if (w.value && (!best || std::abs(weekX(w) - value.x()) < std::abs(weekX(*best) - value.x())))
            best = &w;
    if (!best) {
        hideCrosshair();
        return QString();
    }
    const QPointF at = chart()->mapToPosition(QPointF(weekX(*best), *best->value), m_weekly);
    const charts::ChartStyle style = charts::ChartStyle::forPalette(palette(), font());
    QPen pen(style.mutedText, 1, Qt::DashLine);
    m_vLine->setPen(pen);
    m_hLine->setPen(pen);
    m_vLine->setLine(at.x(), area.top(), at.x(), area.bottom());
    m_hLine->setLine(area.left(), at.y(), area.right(), at.y());
    m_crosshairText = tr("%1 (from %2): %3 · n = %4")
                          .arg(best->week, formatDate(best->start),
                               charts::formatValue(best->value, m_metric->def->unit))
                          .arg(best->n);
    m_label->setText(m_crosshairText);
    m_label->setBrush(style.text);
    m_label->setFont(style.smallFont);
    // Beside the point, kept inside the plot area.
    const QRectF box = m_label->boundingRect();
    qreal lx = at.x() + 8;
    if (lx + box.width() > area.right())
        lx = at.x() - 8 - box.width();
    const qreal ly = std::clamp(at.y() - box.height() - 6, area.top(), area.bottom() - box.height());
    m_label->setPos(lx, ly);
    m_vLine->show();
    m_hLine->show();
    m_label->show();
    return m_crosshairText;
}

void MetricChartView::hideCrosshair()
{
    m_crosshairText.clear();
    m_vLine->hide();
    m_hLine->hide();
    m_label->hide();
}

void MetricChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panFrom) {
        const QPointF delta = event->position() - *m_panFrom;
        m_panFrom = event->position();
        chart()->scroll(-delta.x(), 0);
        hideCrosshair();
        event->accept();
        return;
    }
    crosshairAt(event->position());
    QChartView::mouseMoveEvent(event);
}

void MetricChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier))) {
        m_panFrom = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void MetricChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panFrom) {
        m_panFrom.reset();
        unsetCursor();
        event->accept();
        return;
    }
    // A right click would zoom out one step (QChartView's default); keep it, it is the undo of a band.
    QChartView::mouseReleaseEvent(event);
}

void MetricChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetZoom();
    event->accept();
}

void MetricChartView::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0) {
        event->ignore();
        return;
    }
    zoomBy(std::pow(1.25, steps));
    event->accept();
}

void MetricChartView::keyPressEvent(QKeyEvent *event)
{
    const qreal step = chart()->plotArea().width() / 10;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.25); break;
    case Qt::Key_Minus: zoomBy(0.8); break;
    case Qt::Key_Left: panBy(-step); break;
    case Qt::Key_Right: panBy(step); break;
    case Qt::Key_Home:
    case Qt::Key_0: resetZoom(); break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

void MetricChartView::leaveEvent(QEvent *event)
{
    hideCrosshair();
    QChartView::leaveEvent(event);
}

void MetricChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

} // namespace srm
