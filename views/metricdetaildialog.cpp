#include "views/metricdetaildialog.h"

#include "views/charts/breakdownchart.h"
#include "views/charts/chartstyle.h"
#include "views/charts/valueformat.h"
#include "views/chartwidget.h"
#include "views/counteddeploymentsmodel.h"
#include "views/metricchartview.h"
#include "views/modelroles.h"
#include "views/tablecopy.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace srm {

namespace {

// "vs. the 90 days before: 7.3% (4.9% – 10.7%) → 6.2% (4.0% – 9.5%): no clear change, the ranges overlap."
QString verdictSentence(const MetricResult &m, const charts::ChartStyle &style)
{
    if (!m.previous)
        return QString();
    const Unit unit = m.def->unit;
    auto figure = [&](const std::optional<double> &value, const std::optional<Interval> &ci) {
        return ci ? QStringLiteral("%1 (%2)").arg(charts::formatValue(value, unit), charts::formatRange(ci, unit))
                  : charts::formatValue(value, unit);
    };
    QString why;
    switch (m.verdict) {
    case Verdict::Improved:
    case Verdict::Worse: why = MetricDetailDialog::tr("the 95% ranges do not overlap"); break;
    case Verdict::NoClearChange:
        why = MetricDetailDialog::tr("the 95% ranges overlap, so chance alone could explain it");
        break;
    case Verdict::InsufficientData:
        why = m.def->key == MetricId::ToilRatio ? MetricDetailDialog::tr("the debt register keeps no history")
                                                : MetricDetailDialog::tr("a period has too few values for a range");
        break;
    }
    const QColor color = m.verdict == Verdict::Improved ? style.good
        : m.verdict == Verdict::Worse                   ? style.bad
                                                        : QColor();
    const QString verdict = color.isValid()
        ? QStringLiteral("<b style='color:%1'>%2</b>").arg(color.name(), charts::verdictText(m.verdict))
        : QStringLiteral("<b>%1</b>").arg(charts::verdictText(m.verdict));
    return QStringLiteral("<br>")
        + MetricDetailDialog::tr("Against the period before: %1 → %2: %3 (%4).")
              .arg(figure(m.previous->value, m.previous->ci).toHtmlEscaped(), figure(m.value, m.ci).toHtmlEscaped(),
                   verdict, why);
}

} // namespace

MetricDetailDialog::MetricDetailDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("metricDetail"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_definition = new QLabel(this);
    m_definition->setObjectName(QStringLiteral("definition"));
    m_definition->setWordWrap(true);
    m_definition->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts = new QLabel(this);
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    m_chart = new MetricChartView(this);
    m_chart->setObjectName(QStringLiteral("detailChart"));
    m_chart->setMinimumSize(640, 300);
    m_byTeam = new ChartWidget(this);
    m_byTeam->setObjectName(QStringLiteral("breakdownByTeam"));
    m_byService = new ChartWidget(this);
    m_byService->setObjectName(QStringLiteral("breakdownByService"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->addTab(m_chart, tr("Over time"));
    m_tabs->addTab(m_byTeam, tr("By team"));
    m_tabs->addTab(m_byService, tr("By service"));

    // The deployments behind the two instability metrics.
    m_countedBox = new QWidget(this);
    auto *countedLayout = new QVBoxLayout(m_countedBox);
    countedLayout->setContentsMargins(0, 0, 0, 0);
    m_countedTitle = new QLabel(m_countedBox);
    m_countedTitle->setObjectName(QStringLiteral("countedTitle"));
    m_countedTitle->setWordWrap(true);
    m_countedModel = new CountedDeploymentsModel(this);
    m_countedProxy = new QSortFilterProxyModel(this);
    m_countedProxy->setSourceModel(m_countedModel);
    m_countedProxy->setSortRole(SortRole);
    m_counted = new QTreeView(m_countedBox);
    m_counted->setObjectName(QStringLiteral("countedDeployments"));
    m_counted->setAccessibleName(tr("Deployments counted"));
    m_counted->setRootIsDecorated(false);
    m_counted->setAlternatingRowColors(true);
    m_counted->setUniformRowHeights(true);
    m_counted->setSortingEnabled(true);
    m_counted->setModel(m_countedProxy);
    enableRowCopy(m_counted);
    m_counted->sortByColumn(CountedDeploymentsModel::Finished, Qt::AscendingOrder);
    m_counted->header()->setStretchLastSection(true);
    countedLayout->addWidget(m_countedTitle);
    countedLayout->addWidget(m_counted, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_countedBox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_title);
    layout->addWidget(m_definition);
    layout->addWidget(m_facts);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(buttons);
    resize(900, 720);
    m_splitter->setSizes({380, 260});
}

void MetricDetailDialog::showMetric(const QString &metricId, SnapshotPtr snapshot)
{
    m_id = metricId;
    m_snapshot = std::move(snapshot);
    refresh();
    m_counted->scrollToTop();
}

void MetricDetailDialog::setSnapshot(SnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    refresh();
}

QString MetricDetailDialog::definitionText() const
{
    return m_definition->text();
}

QString MetricDetailDialog::countedText() const
{
    return m_countedBox->isHidden() ? QString() : m_countedTitle->text();
}

void MetricDetailDialog::refresh()
{
    const MetricResult *m = m_snapshot ? m_snapshot->analysis.metrics.find(m_id) : nullptr;
    m_countedModel->setMetric(m_snapshot, m_id);
    if (!m) {
        m_chart->setMetric(nullptr);
        m_byTeam->setChart(nullptr);
        m_byService->setChart(nullptr);
        m_countedBox->hide();
        return;
    }
    const bool failures = m->key() == MetricId::ChangeFailureRate;
    const bool rework = m->key() == MetricId::DeploymentReworkRate;
    m_countedBox->setVisible(failures || rework);
    const QString count = charts::formatCount(std::int64_t(m->counted.size()));
    const QString of = charts::formatCount(m->n);
    if (failures)
        m_countedTitle->setText(tr("%1 of %2 production deployments failed: rolled back, the cause of an incident, or "
                                   "fixed by a later deployment. Each is listed once with every reason that holds "
                                   "(export --csv writes this list to counted_deployments.csv).")
                                    .arg(count, of));
    else if (rework)
        m_countedTitle->setText(tr("%1 of %2 successful production deployments were rework: a fix of an earlier "
                                   "deployment, the next deployment of its service after a failure or rollback, or a "
                                   "deployment while an incident of its service was open. Each is listed once with "
                                   "every rule that holds (export --csv writes this list to counted_deployments.csv).")
                                    .arg(count, of));
    m_counted->resizeColumnToContents(CountedDeploymentsModel::Deployment);
    m_counted->resizeColumnToContents(CountedDeploymentsModel::Service);
    m_counted->resizeColumnToContents(CountedDeploymentsModel::Finished);
    m_counted->resizeColumnToContents(CountedDeploymentsModel::Result);
    const QString name = QCoreApplication::translate("srm::MetricCatalogue", m->def->name);
    setWindowTitle(tr("%1 — SRE Roadmap").arg(name));
    m_title->setText(QStringLiteral("<span style='font-size:x-large; font-weight:600'>%1</span>&nbsp;&nbsp;%2")
                         .arg(name.toHtmlEscaped(), charts::metricTileValueText(*m).toHtmlEscaped()));
    m_definition->setText(QCoreApplication::translate("srm::MetricCatalogue", m->def->definition));
    const AnalysisWindow &w = m_snapshot->window;
    m_facts->setText(tr("Theme: %1 · unit: %2 · %3 is better · counted by %4 in the window %5 to %6 (%7 days) · "
                        "target from setting <tt>target.%8</tt>")
                         .arg(MetricCatalogue::themeName(m->def->theme),
                              m->def->unit == Unit::Ratio ? tr("ratio") : MetricCatalogue::unitLabel(m->def->unit),
                              m->def->better == Better::Higher ? tr("higher") : tr("lower"),
                              QString::fromLatin1(m->def->anchor), formatDate(w.from()), formatDate(w.to() - 1))
                         .arg(w.days)
                         .arg(m->id())
                     + verdictSentence(*m, charts::ChartStyle::forPalette(palette(), font())));
    m_chart->setMetric(m);
    const SnapshotPtr snapshot = m_snapshot;
    const MetricId key = m->key();
    for (const BreakdownBy by : {BreakdownBy::Team, BreakdownBy::Service}) {
        const Breakdown &b = by == BreakdownBy::Team ? snapshot->byTeam : snapshot->byService;
        breakdownChart(by)->setChart(std::make_shared<charts::FunctionChart>(
            tr("%1 by %2").arg(name, breakdownName(by)),
            [snapshot, by, key](QPainter &p, const QRectF &r, const charts::ChartStyle &s) {
                const Breakdown &of = by == BreakdownBy::Team ? snapshot->byTeam : snapshot->byService;
                charts::paintBreakdownMultiples(p, r, of, key, s, of.entries.size() > 6 ? 4 : 3);
            }));
        m_tabs->setTabText(by == BreakdownBy::Team ? 1 : 2,
                           tr("By %1 (%2)").arg(breakdownName(by), rollupWords(b.rollupOf(key), by)));
    }
}

} // namespace srm
