#include "views/roadmapview.h"

#include "views/chartwidget.h"
#include "views/modelroles.h"
#include "views/planitemsmodel.h"
#include "views/charts/roadmapchart.h"
#include "views/charts/valueformat.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace srm {

RoadmapView::RoadmapView(WorkspaceEditor *editor, QWidget *parent)
    : ViewPage(ViewId::Roadmap, editor, parent)
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_error = new QLabel(top);
    m_error->setObjectName(QStringLiteral("planError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::RichText);
    m_error->hide();
    m_chart = new ChartWidget(top);
    m_chart->setObjectName(QStringLiteral("roadmapChart"));
    topLayout->addWidget(m_error);
    topLayout->addWidget(m_chart, 1);

    auto *bottom = new QWidget(splitter);
    auto *bottomLayout = new QHBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 4, 0, 0);
    auto *left = new QVBoxLayout;
    auto *unscheduledLabel = new QLabel(tr("<b>Unscheduled</b> — what does not fit the plan, and why"), bottom);
    m_unscheduled = new PlanItemsModel(PlanItemsModel::Scope::Unscheduled, this);
    m_table = new QTableView(bottom);
    m_table->setObjectName(QStringLiteral("unscheduledTable"));
    m_table->setAccessibleName(tr("Unscheduled items"));
    m_table->setModel(m_unscheduled);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(PlanItemsModel::Id, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PlanItemsModel::Cost, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PlanItemsModel::Priority, QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_table->hideColumn(PlanItemsModel::Quarter);
    left->addWidget(unscheduledLabel);
    left->addWidget(m_table, 1);
    bottomLayout->addLayout(left, 3);
    m_reason = new QLabel(bottom);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::RichText);
    m_reason->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason->setFrameShape(QFrame::StyledPanel);
    m_reason->setMargin(8);
    bottomLayout->addWidget(m_reason, 2);
    // The list keeps room for a few items whatever the window's height.
    bottom->setMinimumHeight(m_table->fontMetrics().height() * 9);
    splitter->setStretchFactor(0, 7);
    splitter->setStretchFactor(1, 2);
    setContent(splitter);

    connect(m_chart, &ChartWidget::itemClicked, this, &RoadmapView::selectItem);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            selectItem(current.data(IdRole).toString());
    });
}

QString RoadmapView::reasonText() const
{
    return m_reason->text();
}

void RoadmapView::selectItem(const QString &id)
{
    m_selected = id;
    m_chart->update();
    const SnapshotPtr s = snapshot();
    const PlannedItem *p = s && s->plan ? s->plan->find(id.toStdString()) : nullptr;
    if (!p) {
        m_reason->setText(tr("Select an item in the roadmap to see why it is where it is."));
        return;
    }
    const QString where = p->quarter ? formatQuarter(*p->quarter) : tr("unscheduled");
    QString priority = formatPriority(p->priority);
    if (p->effectivePriority > p->priority)
        priority = tr("%1, effective %2 (from %3)").arg(priority, formatPriority(p->effectivePriority), QString::fromStdString(p->priorityFrom));
    m_reason->setText(tr("<b>%1</b> %2<br>%3 · %4 · priority %5 · %6%7<br><br>%8")
                          .arg(id.toHtmlEscaped(), QString::fromStdString(p->title).toHtmlEscaped(), where,
                               charts::formatWeeks(p->costWeeks), priority, quadrantName(p->quadrant),
                               p->pinned ? tr(" · pinned") : QString(), p->reason.toHtmlEscaped()));
    const int row = m_unscheduled->rowOf(id);
    if (row >= 0 && m_table->currentIndex().row() != row)
        m_table->selectRow(row);
}

void RoadmapView::showSnapshot(const SnapshotPtr &snapshot)
{
    m_unscheduled->setSnapshot(snapshot);
    m_table->setColumnWidth(PlanItemsModel::Title, m_table->fontMetrics().horizontalAdvance(QStringLiteral("Move redis-cart to a managed")));
    if (!snapshot->plan) {
        m_error->setText(tr("<b>No plan:</b> %1").arg(snapshot->planProblem.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))));
        m_error->show();
        m_chart->setChart(nullptr);
        m_chart->hide();
        setHeadline(tr("fix the register's dependencies in the Debt view to plan"));
        selectItem(QString());
        return;
    }
    m_error->hide();
    m_chart->show();
    const Plan &plan = *snapshot->plan;
    m_chart->setChart(std::make_shared<charts::FunctionChart>(
        tr("Roadmap"),
        [this, snapshot](QPainter &p, const QRectF &r, const charts::ChartStyle &s) {
            charts::RoadmapOptions options;
            options.selected = m_selected;
            charts::paintRoadmap(p, r, *snapshot->plan, snapshot->debtItems, s, options);
        },
        [snapshot](const QRectF &r, const charts::ChartStyle &s, const QPaintDevice *d, const QPointF &pos) {
            return charts::roadmapItemAt(r, *snapshot->plan, s, d, pos);
        }));
    m_chart->setToolTipProvider([snapshot](const QString &id) {
        const PlannedItem *p = snapshot->plan->find(id.toStdString());
        return p ? QStringLiteral("%1 %2\n%3").arg(id, QString::fromStdString(p->title), p->reason) : QString();
    });
    std::size_t placed = 0;
    for (const PlanQuarter &q : plan.quarters)
        placed += q.items.size();
    const QString capacity = plan.capacityWeeks ? tr("%1 engineer-weeks a quarter").arg(SettingsSchema::formatNumber(*plan.capacityWeeks))
                                                : tr("no capacity set (team_size or capacity_weeks)");
    setHeadline(tr("%1 to %2 · %3 (%4) · %5 items planned, %6 unscheduled · click an item for its reason")
                    .arg(formatQuarter(plan.quarters.front().quarter), formatQuarter(plan.quarters.back().quarter), capacity,
                         plan.capacityNote.toHtmlEscaped())
                    .arg(placed)
                    .arg(plan.unscheduled.size()));
    // Open on the first item of the critical path, with its reason, until the user picks one.
    if (m_selected.isEmpty() && !plan.criticalPath.ids.empty())
        m_selected = QString::fromStdString(plan.criticalPath.ids.front());
    selectItem(m_selected);
}

void RoadmapView::clearSnapshot()
{
    m_unscheduled->setSnapshot(nullptr);
    m_chart->setChart(nullptr);
}

} // namespace srm
