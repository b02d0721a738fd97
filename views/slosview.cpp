#include "views/slosview.h"

#include "views/charts/slochart.h"
#include "views/charts/valueformat.h"
#include "views/chartwidget.h"
#include "views/modelroles.h"
#include "views/slomodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>

namespace srm {

SlosView::SlosView(WorkspaceEditor *editor, QWidget *parent) : ViewPage(ViewId::Slos, editor, parent)
{
    m_splitter = new QSplitter(Qt::Vertical, this);
    QSplitter *splitter = m_splitter;
    m_chart = new ChartWidget(splitter);
    m_chart->setObjectName(QStringLiteral("sloChart"));
    m_model = new SloModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SortRole);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("sloTable"));
    m_table->setAccessibleName(tr("SLOs"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setContent(splitter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, proxy](const QModelIndex &current) {
                m_selected = current.isValid() ? proxy->data(current, IdRole).toString() : QString();
                m_chart->update();
            });
    connect(m_chart, &ChartWidget::itemClicked, this, [this, proxy](const QString &name) {
        for (int r = 0; r < proxy->rowCount(); ++r)
            if (proxy->index(r, 0).data(IdRole).toString() == name)
                m_table->selectRow(r);
    });
}

void SlosView::showSnapshot(const SnapshotPtr &snapshot)
{
    m_model->setSnapshot(snapshot);
    m_table->resizeColumnsToContents();
    // The table as tall as its rows (up to half the page); the chart takes the rest.
    const int tableH = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth()
        + m_table->verticalHeader()->length() + 4;
    const int total = m_splitter->height();
    const int tableShare = std::min(tableH, total / 2);
    m_splitter->setSizes({total - tableShare, tableShare});
    m_chart->setChart(std::make_shared<charts::FunctionChart>(
        tr("SLO attainment and error budgets"),
        [this, snapshot](QPainter &p, const QRectF &r, const charts::ChartStyle &s) {
            charts::SloChartOptions options;
            options.selected = m_selected;
            charts::paintSloChart(p, r, snapshot->analysis.metrics.slos, s, options);
        },
        [snapshot](const QRectF &r, const charts::ChartStyle &s, const QPaintDevice *d, const QPointF &pos) {
            return charts::sloAt(r, snapshot->analysis.metrics.slos, s, d, pos);
        }));
    m_chart->setToolTipProvider([snapshot](const QString &name) {
        for (const SloResult &s : snapshot->analysis.metrics.slos)
            if (s.name == name) {
                if (!s.attainment)
                    return tr("%1: no measurements in its %2-day window")
                        .arg(s.name, SettingsSchema::formatNumber(s.windowDays()));
                return tr("%1 (%2)\nattainment %3 against %4 over %5 days\nerror budget remaining %6\nburn rate over "
                          "the last 24 h: %7")
                    .arg(s.name, s.service, charts::formatPercent(s.attainment, 3),
                         charts::formatPercent(s.objective, 2), SettingsSchema::formatNumber(s.windowDays()),
                         charts::formatPercent(s.errorBudgetRemaining),
                         s.burnRate24h ? charts::formatNumber(*s.burnRate24h) + QStringLiteral("×")
                                       : QStringLiteral("–"));
            }
        return QString();
    });
    int met = 0, missed = 0, noData = 0;
    for (const SloResult &s : snapshot->analysis.metrics.slos)
        (!s.met ? noData : *s.met ? met : missed) += 1;
    setHeadline(tr("%1 SLOs: %2 met, %3 missed, %4 without data · each over its own window ending at the as-of date")
                    .arg(snapshot->analysis.metrics.slos.size())
                    .arg(met)
                    .arg(missed)
                    .arg(noData));
}

void SlosView::clearSnapshot()
{
    m_model->setSnapshot(nullptr);
    m_chart->setChart(nullptr);
}

} // namespace srm
