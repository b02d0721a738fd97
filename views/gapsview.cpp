#include "views/gapsview.h"

#include "views/charts/dorachart.h"
#include "views/charts/metricchart.h"
#include "views/charts/valueformat.h"
#include "views/chartwidget.h"
#include "views/gapsmodel.h"
#include "views/modelroles.h"
#include "views/workspaceeditor.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTreeView>

#include <algorithm>
#include <cmath>

namespace srm {

namespace {

// Draws the Trend column as a sparkline on the shared scales of the snapshot.
class SparklineDelegate : public QStyledItemDelegate
{
public:
    SparklineDelegate(GapsModel *model, QObject *parent) : QStyledItemDelegate(parent), m_model(model) { }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(index.model());
        const QModelIndex source = proxy ? proxy->mapToSource(index) : index;
        const MetricResult *m = m_model->metricAt(source);
        if (!m || !m_model->snapshot())
            return;
        const QWidget *widget = option.widget;
        charts::ChartStyle style = charts::ChartStyle::forPalette(widget ? widget->palette() : option.palette,
                                                                  option.font);
        charts::paintSparkline(*painter, QRectF(option.rect).adjusted(4, 1, -4, -1), *m, m_model->snapshot()->scale,
                               style);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        return {std::max(s.width(), 140), std::max(s.height(), option.fontMetrics.height() * 2)};
    }

private:
    GapsModel *m_model;
};

// Rows tall enough for a sparkline that reads.
class RowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QSize s = QStyledItemDelegate::sizeHint(option, index);
        return {s.width(), std::max(s.height(), option.fontMetrics.height() * 2)};
    }
};

// Edits a target with a spin box in the unit the table shows (percent for ratios).
class TargetDelegate : public QStyledItemDelegate
{
public:
    TargetDelegate(GapsModel *model, QObject *parent) : QStyledItemDelegate(parent), m_model(model) { }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setObjectName(QStringLiteral("targetEditor"));
        spin->setRange(0, 1e6);
        spin->setDecimals(3);
        const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(index.model());
        const MetricResult *m = m_model->metricAt(proxy ? proxy->mapToSource(index) : index);
        if (m) {
            const Unit unit = m->def->unit;
            if (unit == Unit::Ratio) {
                spin->setRange(0, 100);
                spin->setSuffix(QStringLiteral(" %"));
            } else {
                spin->setSuffix(u' ' + MetricCatalogue::unitLabel(unit));
            }
            spin->setAccessibleName(
                tr("Target of %1").arg(QCoreApplication::translate("srm::MetricCatalogue", m->def->name)));
        }
        return spin;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        static_cast<QDoubleSpinBox *>(editor)->setValue(index.data(Qt::EditRole).toDouble());
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        auto *spin = static_cast<QDoubleSpinBox *>(editor);
        spin->interpretText();
        if (!qFuzzyCompare(1 + spin->value(), 1 + index.data(Qt::EditRole).toDouble()))
            model->setData(index, spin->value(), Qt::EditRole);
    }

private:
    static QString tr(const char *text) { return QCoreApplication::translate("srm::GapsView", text); }
    GapsModel *m_model;
};

} // namespace

GapsView::GapsView(WorkspaceEditor *editor, QWidget *parent) : ViewPage(ViewId::Gaps, editor, parent)
{
    m_model = new GapsModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("gapsTable"));
    m_tree->setAccessibleName(tr("Gaps by theme"));
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(-1, Qt::AscendingOrder);
    m_tree->setItemDelegate(new RowDelegate(m_tree));
    m_tree->setAlternatingRowColors(true);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_tree->setItemDelegateForColumn(GapsModel::Trend, new SparklineDelegate(m_model, m_tree));
    m_tree->setItemDelegateForColumn(GapsModel::Target, new TargetDelegate(m_model, m_tree));
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);

    // The DORA Quick Check under the table, at the height it wants; the table takes the rest.
    m_dora = new ChartWidget(this);
    m_dora->setObjectName(QStringLiteral("doraQuickCheck"));
    m_dora->setAccessibleName(tr("DORA Quick Check"));
    m_dora->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("gapsSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_dora);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    setContent(m_splitter);

    connect(m_model, &GapsModel::targetEdited, this,
            [this](const QString &metricId, double target) { this->editor()->setTarget(metricId, target); });
    // The text columns follow the table's width (fitTextColumns()).
    m_tree->viewport()->installEventFilter(this);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &GapsView::spanThemes);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &GapsView::spanThemes);
}

// The columns before "By team" keep their widths; "By team" and "Planned work" (the last, which
// stretches) share what the table has left, so that at 1,600 pixels both show without a
// horizontal scroll: "By team" whole when it fits in half of it, else elided (its tooltip lists
// every team), and never narrower than a work item. A narrower window scrolls.
void GapsView::fitTextColumns()
{
    if (m_teamsWidth == 0)
        return;
    int fixed = 0;
    for (int c = 0; c < GapsModel::Teams; ++c)
        fixed += m_tree->columnWidth(c);
    const int minimum = m_tree->fontMetrics().horizontalAdvance(QStringLiteral("OPS-00 (2027Q1)")) + 24;
    const int left = m_tree->viewport()->width() - fixed;
    m_tree->setColumnWidth(GapsModel::Teams, std::clamp(left / 2, minimum, std::max(minimum, m_teamsWidth)));
}

bool GapsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        fitTextColumns();
    return ViewPage::eventFilter(watched, event);
}

void GapsView::spanThemes()
{
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        m_tree->setFirstColumnSpanned(r, QModelIndex(), true);
    m_tree->expandAll();
}

void GapsView::showSnapshot(const SnapshotPtr &snapshot)
{
    const bool first = m_model->rowCount() == 0;
    m_model->setSnapshot(snapshot);
    spanThemes();
    if (first) {
        const QFontMetrics fm = m_tree->fontMetrics();
        m_tree->setColumnWidth(GapsModel::Metric,
                               fm.horizontalAdvance(QStringLiteral("Failed deployment recovery time")) + 60);
        for (int c : {GapsModel::Current, GapsModel::Target, GapsModel::Gap})
            m_tree->setColumnWidth(c, fm.horizontalAdvance(QStringLiteral("000.0/week")) + 24);
        m_tree->setColumnWidth(GapsModel::Range, fm.horizontalAdvance(QStringLiteral("00.0 min – 00.0 min")) + 24);
        m_tree->setColumnWidth(GapsModel::Change, fm.horizontalAdvance(QStringLiteral("not enough data")) + 24);
        m_tree->setColumnWidth(GapsModel::Tier, fm.horizontalAdvance(QStringLiteral("DORA 2023 cluster")) + 24);
        // Word-sized sparklines: wide enough for the weeks, not so wide that the shape flattens.
        m_tree->setColumnWidth(GapsModel::Trend, fm.horizontalAdvance(QStringLiteral("0")) * 16);
        m_tree->setColumnWidth(GapsModel::Status, fm.horizontalAdvance(QStringLiteral("not measured")) + 24);
    }
    // The roll-up by team, whole (its longest text changes with the data), when there is room.
    int teamsW = m_tree->fontMetrics().horizontalAdvance(
        m_model->headerData(GapsModel::Teams, Qt::Horizontal).toString());
    for (const MetricRollup &r : snapshot->byTeam.rollup)
        teamsW = std::max(teamsW, m_tree->fontMetrics().horizontalAdvance(rollupWords(r, BreakdownBy::Team)));
    m_teamsWidth = teamsW + 24;
    fitTextColumns();
    showQuickCheck(snapshot, first);
    int met = 0, gaps = 0, missing = 0;
    for (const ThemeSummary &t : snapshot->analysis.metrics.themes) {
        met += t.met;
        gaps += t.gaps;
        missing += t.notMeasured;
    }
    // Changes are the engine's verdicts (docs/intervals-and-progress.md), never raw differences.
    int improved = 0, worse = 0;
    for (const MetricResult &m : snapshot->analysis.metrics.metrics) {
        improved += m.verdict == Verdict::Improved ? 1 : 0;
        worse += m.verdict == Verdict::Worse ? 1 : 0;
    }
    QString planned;
    if (snapshot->plan && snapshot->plan->gapsEvaluated)
        planned = tr(" · the roadmap addresses %1 of the %2 gaps of the last %3 days")
                      .arg(snapshot->plan->gaps.size() - snapshot->plan->unaddressedGaps.size())
                      .arg(snapshot->plan->gaps.size())
                      .arg(snapshot->plan->gapWindow.days);
    setHeadline(
        tr("%1 met, %2 with a gap, %3 not measured · against the %4 days before: %5 improved, %6 worse (95% ranges "
           "apart)%7 · double-click a target to change it (Edit › Undo takes it back)")
            .arg(met)
            .arg(gaps)
            .arg(missing)
            .arg(snapshot->previous.window.days)
            .arg(improved)
            .arg(worse)
            .arg(planned));
}

void GapsView::showQuickCheck(const SnapshotPtr &snapshot, bool first)
{
    const SnapshotPtr keep = snapshot;
    m_dora->setChart(std::make_shared<charts::FunctionChart>(
        tr("DORA Quick Check"),
        [keep](QPainter &p, const QRectF &r, const charts::ChartStyle &s) {
            charts::paintDoraQuickCheck(p, r, keep->analysis.metrics.dora, s);
        },
        [](const QRectF &r, const charts::ChartStyle &s, const QPaintDevice *device, const QPointF &pos) {
            return charts::doraQuickCheckItemAt(r, s, device, pos);
        }));
    m_dora->setToolTipProvider(
        [keep](const QString &item) { return charts::doraQuickCheckToolTip(keep->analysis.metrics.dora, item); });
    const dora::QuickCheck &q = keep->analysis.metrics.dora;
    m_dora->setAccessibleDescription(
        tr("Throughput %1, stability %2, overall %3 (industry %4, %5, %6)")
            .arg(charts::formatScore(q.throughput), charts::formatScore(q.stability), charts::formatScore(q.overall),
                 charts::formatIndustry(dora::industryThroughput()), charts::formatIndustry(dora::industryStability()),
                 charts::formatIndustry(dora::industryOverall())));
    if (first) {
        // The panel's own height (chart margins included); the table gets everything else.
        const int want = int(std::ceil(charts::doraQuickCheckHeight(m_dora->chartStyle(), m_dora))) + 16;
        m_dora->setMinimumHeight(want * 3 / 4);
        const int total = std::max(m_splitter->height(), want * 2);
        m_splitter->setSizes({total - want, want});
    }
}

void GapsView::clearSnapshot()
{
    m_model->setSnapshot(nullptr);
    m_dora->setChart(nullptr);
}

} // namespace srm
