#include "views/progressview.h"

#include "views/charts/progresschart.h"
#include "views/charts/valueformat.h"
#include "views/chartwidget.h"
#include "views/modelroles.h"
#include "views/progressmodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace srm {

ProgressView::ProgressView(WorkspaceEditor *editor, QWidget *parent) : ViewPage(ViewId::Progress, editor, parent)
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_chart = new ChartWidget(m_splitter);
    m_chart->setObjectName(QStringLiteral("progressChart"));

    auto *side = new QWidget(m_splitter);
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(4, 0, 0, 0);
    m_model = new ProgressModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SortRole);
    m_table = new QTableView(side);
    m_table->setObjectName(QStringLiteral("progressTable"));
    m_table->setAccessibleName(tr("Progress by metric"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *sloLabel = new QLabel(tr("<b>SLOs quarter by quarter</b> — attainment over each quarter itself"), side);
    m_sloModel = new SloProgressModel(this);
    m_sloTable = new QTableView(side);
    m_sloTable->setObjectName(QStringLiteral("sloProgressTable"));
    m_sloTable->setAccessibleName(tr("SLO attainment by quarter"));
    m_sloTable->setModel(m_sloModel);
    m_sloTable->setWordWrap(false);
    m_sloTable->verticalHeader()->hide();
    m_sloTable->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_table, 3);
    layout->addWidget(sloLabel);
    layout->addWidget(m_sloTable, 1);
    m_splitter->addWidget(m_chart);
    m_splitter->addWidget(side);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    setContent(m_splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, proxy](const QModelIndex &current) {
                m_selected = current.isValid() ? proxy->data(current, IdRole).toString() : QString();
                m_chart->update();
            });
    connect(m_chart, &ChartWidget::itemClicked, this, [this, proxy](const QString &id) {
        for (int r = 0; r < proxy->rowCount(); ++r)
            if (proxy->index(r, 0).data(IdRole).toString() == id)
                m_table->selectRow(r);
    });
}

void ProgressView::showSnapshot(const SnapshotPtr &snapshot)
{
    m_model->setSnapshot(snapshot);
    m_sloModel->setSnapshot(snapshot);
    m_table->resizeColumnsToContents();
    m_sloTable->resizeColumnsToContents();
    if (m_splitter->sizes().value(1) == 0 || !m_splitter->property("sized").toBool()) {
        const int total = std::max(m_splitter->width(), 800);
        const int side = std::min(total * 9 / 20, m_table->horizontalHeader()->length() + 24);
        m_splitter->setSizes({total - side, side});
        m_splitter->setProperty("sized", true);
    }

    const ProgressReport *report = &snapshot->progress;
    m_chart->setChart(std::make_shared<charts::FunctionChart>(
        tr("Progress by quarter"),
        [this, snapshot](QPainter &p, const QRectF &r, const charts::ChartStyle &s) {
            charts::ProgressChartOptions options;
            options.selected = m_selected;
            options.columns = r.width() < 700 ? 3 : 4;
            charts::paintProgress(p, r, snapshot->progress, s, options);
        },
        [snapshot](const QRectF &r, const charts::ChartStyle &s, const QPaintDevice *d, const QPointF &pos) {
            charts::ProgressChartOptions options;
            options.columns = r.width() < 700 ? 3 : 4;
            return charts::progressMetricAt(r, snapshot->progress, s, d, pos, options);
        }));
    m_chart->setToolTipProvider([snapshot](const QString &id) {
        const ProgressReport &r = snapshot->progress;
        for (const MetricProgress &m : r.metrics) {
            if (m.id() != id)
                continue;
            QStringList lines{QCoreApplication::translate("srm::MetricCatalogue", m.def->name)};
            for (std::size_t i = 0; i < m.quarters.size(); ++i) {
                const QuarterFigure &q = m.quarters[i];
                QString line = tr("%1%2: %3")
                                   .arg(formatQuarter(r.quarters[i].quarter),
                                        r.quarters[i].partial ? tr(" (partial)") : QString(),
                                        charts::quarterFigureText(q, m.def->unit));
                if (q.value && q.verdict && *q.verdict != Verdict::InsufficientData)
                    line += QStringLiteral(" · ") + charts::verdictText(*q.verdict);
                lines << line;
            }
            lines << tr("target %1 · pace %2 · %3")
                         .arg(charts::formatValue(m.target, m.def->unit), charts::paceText(m),
                              charts::projectionText(m));
            return lines.join(u'\n');
        }
        return QString();
    });

    int improved = 0, worse = 0, steady = 0, unknown = 0;
    const std::optional<int> latest = report->latestComplete();
    if (latest)
        for (const MetricProgress &m : report->metrics) {
            const QuarterFigure &f = m.quarters[std::size_t(*latest)];
            if (!f.verdict || *f.verdict == Verdict::InsufficientData)
                ++unknown;
            else
                (*f.verdict == Verdict::Improved ? improved : *f.verdict == Verdict::Worse ? worse : steady) += 1;
        }
    const charts::ChartStyle style = charts::ChartStyle::forPalette(palette(), font());
    const QString span = report->quarters.empty()
        ? QString()
        : tr("%1 to %2")
              .arg(formatQuarter(report->quarters.front().quarter), formatQuarter(report->quarters.back().quarter));
    setHeadline(
        latest
            ? tr("%1 · %2 against the quarter before: <span style='color:%3'>%4 improved</span>, "
                 "<span style='color:%5'>%6 worse</span>, %7 no clear change, %8 not enough data · "
                 "<span style='color:%3'>%9 successes</span> · a change counts only when the 95% ranges do not overlap")
                  .arg(span, formatQuarter(report->quarters[std::size_t(*latest)].quarter), style.good.name())
                  .arg(improved)
                  .arg(style.bad.name())
                  .arg(worse)
                  .arg(steady)
                  .arg(unknown)
                  .arg(report->successes.size())
            : tr("%1 · no complete quarter yet").arg(span));
}

void ProgressView::clearSnapshot()
{
    m_model->setSnapshot(nullptr);
    m_sloModel->setSnapshot(nullptr);
    m_chart->setChart(nullptr);
}

} // namespace srm
