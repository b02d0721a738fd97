#include "views/roadmapview.h"
#include "views/settingsdialog.h"

#include "views/charts/roadmapchart.h"
#include "views/charts/valueformat.h"
#include "views/chartwidget.h"
#include "views/modelroles.h"
#include "views/plancomparisonmodel.h"
#include "views/planitemsmodel.h"
#include "views/scenariodialog.h"
#include "views/workspaceeditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace srm {

namespace {

QTableView *comparisonTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *t = new QTableView(parent);
    t->setObjectName(name);
    t->setModel(model);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->setWordWrap(false);
    for (int c : {PlanComparisonModel::Subject, PlanComparisonModel::Baseline, PlanComparisonModel::Scenario,
                  PlanComparisonModel::Change})
        t->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(PlanComparisonModel::Title, QHeaderView::Stretch);
    return t;
}

QString capacityText(const Plan &plan)
{
    return plan.capacityWeeks ? QCoreApplication::translate("srm::RoadmapView", "%1 engineer-weeks a quarter")
                                    .arg(SettingsSchema::formatNumber(std::round(*plan.capacityWeeks * 1e6) / 1e6))
                              : QCoreApplication::translate("srm::RoadmapView", "no capacity set");
}

int scheduledCount(const Plan &plan)
{
    int n = 0;
    for (const PlanQuarter &q : plan.quarters)
        n += int(q.items.size());
    return n;
}

} // namespace

RoadmapView::RoadmapView(WorkspaceEditor *editor, QWidget *parent) : ViewPage(ViewId::Roadmap, editor, parent)
{
    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);

    // The what-if bar.
    auto *bar = new QHBoxLayout;
    auto *pickerLabel = new QLabel(tr("&Compare with:"), page);
    m_picker = new QComboBox(page);
    m_picker->setObjectName(QStringLiteral("scenarioPicker"));
    m_picker->setAccessibleName(tr("Scenario compared with the baseline"));
    m_picker->setToolTip(tr("A saved what-if (setting overrides) planned beside the baseline"));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    pickerLabel->setBuddy(m_picker);
    m_newScenario = new QPushButton(tr("&New Scenario…"), page);
    m_newScenario->setObjectName(QStringLiteral("newScenario"));
    m_newScenario->setToolTip(tr("Plan the roadmap with some settings changed, e.g. one more engineer"));
    m_editScenario = new QPushButton(tr("&Edit…"), page);
    m_editScenario->setObjectName(QStringLiteral("editScenario"));
    m_deleteScenario = new QPushButton(tr("&Delete"), page);
    m_deleteScenario->setObjectName(QStringLiteral("deleteScenario"));
    bar->addWidget(pickerLabel);
    bar->addWidget(m_picker);
    bar->addWidget(m_newScenario);
    bar->addWidget(m_editScenario);
    bar->addWidget(m_deleteScenario);
    bar->addStretch(1);
    // The capacity comes from the team size: one click to the setting (the main window connects
    // this button to Edit › Workspace Settings with the team size field focused).
    auto *teamSize = new QPushButton(tr("Set &Team Size…"), page);
    teamSize->setObjectName(QStringLiteral("roadmapTeamSize"));
    teamSize->setToolTip(tr("The quarter's capacity is team size × 12 weeks × (1 − the share reserved for operations), "
                            "unless a capacity for debt work is set"));
    bar->addWidget(teamSize);
    pageLayout->addLayout(bar);

    m_error = new QLabel(page);
    m_error->setObjectName(QStringLiteral("planError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::RichText);
    m_error->hide();
    pageLayout->addWidget(m_error);

    auto *splitter = m_splitter = new QSplitter(Qt::Vertical, page);
    pageLayout->addWidget(splitter, 1);

    // Top: the baseline alone, or the baseline and the scenario side by side.
    m_top = new QStackedWidget(splitter);
    m_chart = new ChartWidget(m_top);
    m_chart->setObjectName(QStringLiteral("roadmapChart"));
    m_top->addWidget(m_chart);
    auto *sideBySide = new QSplitter(Qt::Horizontal, m_top);
    sideBySide->setObjectName(QStringLiteral("sideBySide"));
    auto column = [&](QLabel *&title, ChartWidget *&chart, const QString &name) {
        auto *w = new QWidget(sideBySide);
        auto *l = new QVBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        title = new QLabel(w);
        title->setTextFormat(Qt::RichText);
        title->setWordWrap(true);
        chart = new ChartWidget(w);
        chart->setObjectName(name);
        l->addWidget(title);
        l->addWidget(chart, 1);
    };
    column(m_baselineTitle, m_baselineChart, QStringLiteral("baselineChart"));
    column(m_scenarioTitle, m_scenarioChart, QStringLiteral("scenarioChart"));
    m_top->addWidget(sideBySide);

    // Bottom: unscheduled items, unaddressed gaps and the reason; or what the scenario changes.
    m_bottom = new QStackedWidget(splitter);
    auto *bottom = new QWidget(m_bottom);
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
    auto panel = [&](QLabel *&label, const QString &name) {
        label = new QLabel(bottom);
        label->setObjectName(name);
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setFrameShape(QFrame::StyledPanel);
        label->setMargin(8);
    };
    panel(m_unaddressed, QStringLiteral("unaddressedGaps"));
    bottomLayout->addWidget(m_unaddressed, 2);
    panel(m_reason, QStringLiteral("reason"));
    bottomLayout->addWidget(m_reason, 2);
    m_bottom->addWidget(bottom);

    auto *compare = new QWidget(m_bottom);
    auto *compareLayout = new QVBoxLayout(compare);
    compareLayout->setContentsMargins(0, 4, 0, 0);
    m_summary = new QLabel(compare);
    m_summary->setObjectName(QStringLiteral("comparisonSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    compareLayout->addWidget(m_summary);
    auto *tables = new QHBoxLayout;
    m_moves = new PlanComparisonModel(PlanComparisonModel::Kind::Moves, this);
    m_gapChanges = new PlanComparisonModel(PlanComparisonModel::Kind::Gaps, this);
    auto *movesBox = new QVBoxLayout;
    movesBox->addWidget(new QLabel(tr("<b>What moves</b> — items in, out, or to another quarter"), compare));
    movesBox->addWidget(comparisonTable(m_moves, QStringLiteral("movesTable"), compare), 1);
    auto *gapsBox = new QVBoxLayout;
    gapsBox->addWidget(new QLabel(tr("<b>Gaps</b> — addressed by when"), compare));
    QTableView *gapTable = comparisonTable(m_gapChanges, QStringLiteral("gapChangesTable"), compare);
    gapTable->horizontalHeader()->setSectionResizeMode(PlanComparisonModel::Title, QHeaderView::ResizeToContents);
    gapTable->horizontalHeader()->setSectionResizeMode(PlanComparisonModel::Change, QHeaderView::Stretch);
    gapsBox->addWidget(gapTable, 1);
    tables->addLayout(movesBox, 3);
    tables->addLayout(gapsBox, 2);
    compareLayout->addLayout(tables, 1);
    m_bottom->addWidget(compare);

    // The lists keep room for a few rows whatever the window's height.
    m_bottom->setMinimumHeight(m_table->fontMetrics().height() * 10);
    splitter->setStretchFactor(0, 7);
    splitter->setStretchFactor(1, 2);
    setContent(page);

    for (ChartWidget *c : {m_chart, m_baselineChart, m_scenarioChart})
        connect(c, &ChartWidget::itemClicked, this, &RoadmapView::selectItem);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectItem(current.data(IdRole).toString());
            });
    connect(m_picker, &QComboBox::activated, this,
            [this](int index) { compareWith(m_picker->itemData(index).toString()); });
    connect(m_newScenario, &QPushButton::clicked, this, &RoadmapView::newScenario);
    connect(m_editScenario, &QPushButton::clicked, this, &RoadmapView::editScenario);
    connect(m_deleteScenario, &QPushButton::clicked, this, &RoadmapView::deleteScenario);
    updateScenarioActions();
}

QString RoadmapView::reasonText() const
{
    return m_reason->text();
}

QString RoadmapView::unaddressedText() const
{
    return m_unaddressed->text();
}

QString RoadmapView::comparisonSummary() const
{
    return m_summary->text();
}

void RoadmapView::selectItem(const QString &id)
{
    m_selected = id;
    for (ChartWidget *c : {m_chart, m_baselineChart, m_scenarioChart})
        c->update();
    const SnapshotPtr s = snapshot();
    const PlannedItem *p = s && s->plan ? s->plan->find(id.toStdString()) : nullptr;
    if (!p) {
        m_reason->setText(tr("Select an item in the roadmap to see why it is where it is."));
        return;
    }
    const QString where = p->quarter ? formatQuarter(*p->quarter) : tr("unscheduled");
    QString priority = formatPriority(p->priority);
    if (p->effectivePriority > p->priority)
        priority = tr("%1, effective %2 (from %3)")
                       .arg(priority, formatPriority(p->effectivePriority), QString::fromStdString(p->priorityFrom));
    QString text = tr("<b>%1</b> %2<br>%3 · %4 · priority %5 · %6%7")
                       .arg(id.toHtmlEscaped(), QString::fromStdString(p->title).toHtmlEscaped(), where,
                            charts::formatWeeks(p->costWeeks), priority, quadrantName(p->quadrant),
                            p->pinned ? tr(" · pinned") : QString());
    if (!p->gapNote.isEmpty())
        text += tr("<br>Gap factor %1").arg(p->gapNote.toHtmlEscaped());
    text += QStringLiteral("<br><br>") + p->reason.toHtmlEscaped();
    if (const ScenarioPlan *sp = s->findScenario(m_scenarioName); sp && sp->plan)
        if (const PlannedItem *q = sp->plan->find(id.toStdString()))
            text += tr("<br><br><b>Under %1:</b> %2 · %3")
                        .arg(m_scenarioName.toHtmlEscaped(),
                             q->quarter ? formatQuarter(*q->quarter) : tr("unscheduled"), q->reason.toHtmlEscaped());
    m_reason->setText(text);
    const int row = m_unscheduled->rowOf(id);
    if (row >= 0 && m_table->currentIndex().row() != row)
        m_table->selectRow(row);
}

void RoadmapView::setChart(ChartWidget *chart, const SnapshotPtr &snapshot, const Plan *plan)
{
    chart->setChart(std::make_shared<charts::FunctionChart>(
        tr("Roadmap"),
        [this, snapshot, plan](QPainter &p, const QRectF &r, const charts::ChartStyle &s) {
            charts::RoadmapOptions options;
            options.selected = m_selected;
            charts::paintRoadmap(p, r, *plan, snapshot->debtItems, s, options);
        },
        [snapshot, plan](const QRectF &r, const charts::ChartStyle &s, const QPaintDevice *d, const QPointF &pos) {
            return charts::roadmapItemAt(r, *plan, s, d, pos);
        }));
    chart->setToolTipProvider([snapshot, plan](const QString &id) {
        const PlannedItem *p = plan->find(id.toStdString());
        if (!p)
            return QString();
        QString tip = QStringLiteral("%1 %2\n%3").arg(id, QString::fromStdString(p->title), p->reason);
        if (!p->gapNote.isEmpty())
            tip += u'\n' + p->gapNote;
        return tip;
    });
}

void RoadmapView::showSnapshot(const SnapshotPtr &snapshot)
{
    m_unscheduled->setSnapshot(snapshot);
    m_table->setColumnWidth(PlanItemsModel::Title,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("Move redis-cart to a managed")));
    fillPicker();
    if (!snapshot->plan) {
        m_error->setText(
            tr("<b>No plan:</b> %1").arg(snapshot->planProblem.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))));
        m_error->show();
        m_top->hide();
        m_chart->setChart(nullptr);
        m_baselineChart->setChart(nullptr);
        m_scenarioChart->setChart(nullptr);
        m_moves->setComparison(snapshot, QString());
        m_gapChanges->setComparison(snapshot, QString());
        m_unaddressed->clear();
        setHeadline(tr("fix the register's dependencies in the Debt view to plan"));
        selectItem(QString());
        return;
    }
    m_error->hide();
    m_top->show();
    const Plan &plan = *snapshot->plan;
    setChart(m_chart, snapshot, &plan);

    // The gaps nothing scheduled addresses, beside the unscheduled items.
    QString unaddressed;
    if (!plan.gapsEvaluated) {
        unaddressed = tr("Gaps are not evaluated.");
    } else if (plan.unaddressedGaps.empty()) {
        unaddressed = plan.gaps.empty() ? tr("<b>Unaddressed gaps:</b> none — every metric meets its target.")
                                        : tr("<b>Unaddressed gaps:</b> none — scheduled work is linked to every gap.");
    } else {
        unaddressed = tr(
            "<b>Unaddressed gaps</b> — no scheduled item is linked to them:<ul style='margin-left:-20px'>");
        for (MetricId m : plan.unaddressedGaps) {
            const PlanGap *g = plan.findGap(m);
            const Unit unit = MetricCatalogue::def(m).unit;
            const QString standing = g && g->value
                ? tr("%1 against %2").arg(formatMetricValue(*g->value, unit), formatMetricValue(g->target, unit))
                : tr("not measured");
            QStringList items;
            if (g)
                for (const PlanGap::Item &i : g->items)
                    items << QString::fromStdString(i.id);
            unaddressed += tr("<li><b>%1</b>, %2 — %3</li>")
                               .arg(metricPhrase(m).toHtmlEscaped(), standing.toHtmlEscaped(),
                                    items.isEmpty() ? tr("no item is linked to it")
                                                    : tr("%1 unscheduled").arg(shortList(items)));
        }
        unaddressed += QStringLiteral("</ul>");
    }
    m_unaddressed->setText(unaddressed);

    // The capacity's source in the words of the settings form, not the raw keys.
    const WorkspaceSettings &ws = snapshot->settings;
    QString source;
    if (ws.capacityWeeks)
        source = tr("%1 set in the settings").arg(settingLabel(QStringLiteral("capacity_weeks")).toLower());
    else if (ws.teamSize)
        source = tr("team size %1 × 12 weeks × (1 − %2% reserved for operations)")
                     .arg(*ws.teamSize)
                     .arg(SettingsSchema::formatNumber(ws.reservedRatio * 100));
    else
        source = tr("set the team size or a capacity for debt work");
    const QString capacity = plan.capacityWeeks ? capacityText(plan) : tr("no capacity set");
    setHeadline(tr("%1 to %2 · %3 (%4) · %5 items planned, %6 unscheduled · %7 of %8 gaps addressed · click an item "
                   "for its reason")
                    .arg(formatQuarter(plan.quarters.front().quarter), formatQuarter(plan.quarters.back().quarter),
                         capacity, source.toHtmlEscaped())
                    .arg(scheduledCount(plan))
                    .arg(plan.unscheduled.size())
                    .arg(plan.gaps.size() - plan.unaddressedGaps.size())
                    .arg(plan.gaps.size()));
    // Open on the first item of the critical path, with its reason, until the user picks one.
    if (m_selected.isEmpty() && !plan.criticalPath.ids.empty())
        m_selected = QString::fromStdString(plan.criticalPath.ids.front());
    showComparison();
    selectItem(m_selected);
}

void RoadmapView::fillPicker()
{
    const SnapshotPtr s = snapshot();
    const QSignalBlocker block(m_picker);
    m_picker->clear();
    m_picker->addItem(tr("(baseline only)"), QString());
    if (s)
        for (const ScenarioPlan &sp : s->scenarios)
            m_picker->addItem(sp.scenario.name, sp.scenario.name);
    const int at = m_picker->findData(m_scenarioName);
    m_picker->setCurrentIndex(at < 0 ? 0 : at);
    if (at < 0)
        m_scenarioName.clear();
    updateScenarioActions();
}

void RoadmapView::updateScenarioActions()
{
    const bool chosen = !m_scenarioName.isEmpty();
    m_editScenario->setEnabled(chosen);
    m_deleteScenario->setEnabled(chosen);
    m_newScenario->setEnabled(snapshot() != nullptr);
}

void RoadmapView::compareWith(const QString &scenario)
{
    m_scenarioName = scenario;
    const int at = m_picker->findData(scenario);
    if (at >= 0) {
        const QSignalBlocker block(m_picker);
        m_picker->setCurrentIndex(at);
    }
    updateScenarioActions();
    if (snapshot() && snapshot()->plan) {
        showComparison();
        selectItem(m_selected);
    }
}

void RoadmapView::showComparison()
{
    const SnapshotPtr s = snapshot();
    const ScenarioPlan *sp = s ? s->findScenario(m_scenarioName) : nullptr;
    m_moves->setComparison(s, sp ? m_scenarioName : QString());
    m_gapChanges->setComparison(s, sp ? m_scenarioName : QString());
    const bool wasComparing = m_top->currentIndex() == 1;
    if (!sp || !s->plan) {
        m_top->setCurrentIndex(0);
        m_bottom->setCurrentIndex(0);
        if (wasComparing)
            m_splitter->setSizes({m_splitter->height() * 7 / 9, m_splitter->height() * 2 / 9});
        return;
    }
    // The comparison's tables need more room than the unscheduled list.
    if (!wasComparing)
        m_splitter->setSizes({m_splitter->height() * 3 / 5, m_splitter->height() * 2 / 5});
    const Plan &baseline = *s->plan;
    m_baselineTitle->setText(tr("<b>Baseline</b> · %1").arg(capacityText(baseline)));
    setChart(m_baselineChart, s, &baseline);
    if (!sp->plan) {
        m_scenarioTitle->setText(
            tr("<b>%1</b> · cannot be planned: %2").arg(sp->scenario.name.toHtmlEscaped(), sp->problem.toHtmlEscaped()));
        m_scenarioChart->setChart(nullptr);
        m_summary->setText(
            tr("<b>%1</b> cannot be planned: %2").arg(sp->scenario.name.toHtmlEscaped(), sp->problem.toHtmlEscaped()));
    } else {
        const Plan &plan = *sp->plan;
        m_scenarioTitle->setText(tr("<b>%1</b> · %2 · %3")
                                     .arg(sp->scenario.name.toHtmlEscaped(),
                                          WhatIf::toText(sp->scenario.overrides).toHtmlEscaped(), capacityText(plan)));
        setChart(m_scenarioChart, s, &plan);
        const PlanComparison &c = sp->comparison;
        int sooner = 0, newly = 0, later = 0;
        for (const GapChange &g : c.gaps) {
            sooner += g.kind == GapChange::Kind::Earlier;
            newly += g.kind == GapChange::Kind::BecomesAddressed;
            later += g.kind == GapChange::Kind::Later || g.kind == GapChange::Kind::NoLongerAddressed;
        }
        QString summary = tr("<b>Baseline against %1</b> (%2): capacity %3 → %4; %5 → %6 items scheduled; ")
                              .arg(sp->scenario.name.toHtmlEscaped(),
                                   WhatIf::toText(sp->scenario.overrides).toHtmlEscaped(), capacityText(baseline),
                                   capacityText(plan))
                              .arg(c.scheduledBefore)
                              .arg(c.scheduledAfter);
        summary += c.moves.empty() ? tr("no item moves")
            : c.moves.size() == 1  ? tr("1 item moves")
                                   : tr("%n items move", nullptr, int(c.moves.size()));
        summary += tr("; gaps: %1 newly addressed, %2 sooner, %3 later or no longer; %4 of %5 addressed.")
                       .arg(newly)
                       .arg(sooner)
                       .arg(later)
                       .arg(plan.gaps.size() - plan.unaddressedGaps.size())
                       .arg(plan.gaps.size());
        m_summary->setText(summary);
    }
    m_top->setCurrentIndex(1);
    m_bottom->setCurrentIndex(1);
}

void RoadmapView::clearSnapshot()
{
    m_unscheduled->setSnapshot(nullptr);
    m_moves->setComparison(nullptr, QString());
    m_gapChanges->setComparison(nullptr, QString());
    for (ChartWidget *c : {m_chart, m_baselineChart, m_scenarioChart})
        c->setChart(nullptr);
    fillPicker();
}

void RoadmapView::newScenario()
{
    if (!snapshot())
        return;
    ScenarioDialog dialog(Scenario{}, snapshot()->storedSettings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString previous = m_scenarioName;
    m_scenarioName = dialog.name(); // the next snapshot opens on it
    if (!editor()->saveScenario(dialog.name(), dialog.overrides()))
        m_scenarioName = previous;
}

void RoadmapView::editScenario()
{
    const ScenarioPlan *sp = snapshot() ? snapshot()->findScenario(m_scenarioName) : nullptr;
    if (!sp)
        return;
    ScenarioDialog dialog(sp->scenario, snapshot()->storedSettings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString old = sp->scenario.name;
    if (dialog.name() == old && dialog.overrides() == sp->scenario.overrides)
        return;
    m_scenarioName = dialog.name();
    if (!editor()->saveScenario(dialog.name(), dialog.overrides(), old))
        m_scenarioName = old;
}

void RoadmapView::deleteScenario()
{
    if (m_scenarioName.isEmpty())
        return;
    const QString name = m_scenarioName;
    if (editor()->deleteScenario(name))
        m_scenarioName.clear();
}

} // namespace srm
