#include "views/alertsview.h"
#include "views/tooltips.h"

#include "views/alertgroupsmodel.h"
#include "views/alertruledialog.h"
#include "views/charts/paretochart.h"
#include "views/charts/valueformat.h"
#include "views/chartwidget.h"
#include "views/modelroles.h"
#include "views/tablecopy.h"
#include "views/workspaceeditor.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>

#include <functional>

namespace srm {

AlertsView::AlertsView(WorkspaceEditor *editor, QWidget *parent) : ViewPage(ViewId::Alerts, editor, parent)
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_chart = new ChartWidget(splitter);
    m_chart->setObjectName(QStringLiteral("paretoChart"));

    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 4, 0, 0);
    auto *actions = new QHBoxLayout;
    m_addRule = new QPushButton(tr("Add Normalisation &Rule…"), lower);
    m_addRule->setObjectName(QStringLiteral("addRule"));
    m_addRule->setToolTip(
        tr("Rewrite alert titles with a regular expression so that near-identical alerts form one group"));
    m_merge = new QPushButton(tr("&Merge Selected Groups…"), lower);
    m_merge->setObjectName(QStringLiteral("mergeGroups"));
    m_merge->setToolTip(tr("Count the selected groups as one (select two or more rows)"));
    m_merge->setEnabled(false);
    m_manage = new QPushButton(tr("Rules and Merges…"), lower);
    m_manage->setObjectName(QStringLiteral("manageRules"));
    m_manage->setToolTip(tr("List the normalisation rules and merges made so far, and remove them"));
    m_rules = new QLabel(lower);
    m_rules->setObjectName(QStringLiteral("rulesSummary"));
    actions->addWidget(m_addRule);
    actions->addWidget(m_merge);
    actions->addWidget(m_manage);
    actions->addSpacing(12);
    actions->addWidget(m_rules, 1);
    lowerLayout->addLayout(actions);

    m_model = new AlertGroupsModel(this);
    m_proxy = new AlertGroupsProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_filter = new FilterBox(m_proxy, tr("Search alert groups (service, title)…"), lower);
    m_filter->setObjectName(QStringLiteral("alertGroupsFilter"));
    lowerLayout->addWidget(m_filter);
    m_table = new QTableView(lower);
    m_table->setObjectName(QStringLiteral("alertGroups"));
    m_table->setAccessibleName(tr("Alert groups"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AlertGroupsModel::Rank, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(AlertGroupsModel::Title, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    enableRowCopy(m_table);
    lowerLayout->addWidget(m_table, 1);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 4);
    setContent(splitter);

    connect(m_addRule, &QPushButton::clicked, this, &AlertsView::addRule);
    connect(m_merge, &QPushButton::clicked, this, &AlertsView::mergeSelected);
    connect(m_manage, &QPushButton::clicked, this, &AlertsView::manageRules);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsView::selectionChanged);
    connect(m_chart, &ChartWidget::itemClicked, this, [this](const QString &id) { selectGroup(id.toInt() + 1); });
}

void AlertsView::showSnapshot(const SnapshotPtr &snapshot)
{
    m_model->setSnapshot(snapshot);
    const AlertReport &alerts = snapshot->analysis.alerts;
    m_selected = -1;
    const int columnsToFit[] = {AlertGroupsModel::Rank,  AlertGroupsModel::Service,    AlertGroupsModel::Pages,
                                AlertGroupsModel::Share, AlertGroupsModel::Cumulative, AlertGroupsModel::OffHours,
                                AlertGroupsModel::Noise, AlertGroupsModel::AckMedian};
    for (int c : columnsToFit)
        m_table->resizeColumnToContents(c);

    m_chart->setChart(std::make_shared<charts::FunctionChart>(
        tr("Alert groups Pareto"),
        [this, snapshot](QPainter &p, const QRectF &r, const charts::ChartStyle &s) {
            charts::ParetoOptions options;
            options.selected = m_selected;
            charts::paintPareto(p, r, snapshot->analysis.alerts, s, options);
        },
        [snapshot](const QRectF &r, const charts::ChartStyle &s, const QPaintDevice *d, const QPointF &pos) {
            const int i = charts::paretoGroupAt(r, snapshot->analysis.alerts, s, d, pos);
            return i < 0 ? QString() : QString::number(i);
        }));
    m_chart->setToolTipProvider([snapshot](const QString &id) {
        const std::size_t i = std::size_t(id.toInt());
        if (i >= snapshot->analysis.alerts.groups.size())
            return QString();
        const AlertGroup &g = snapshot->analysis.alerts.groups[i];
        return tr("#%1 %2 · %3\n%4 pages (%5), cumulative %6\noff-hours %7 · noise %8 · median ack %9")
            .arg(i + 1)
            .arg(g.service, g.title, charts::formatCount(g.count), charts::formatPercent(g.share),
                 charts::formatPercent(g.cumulativeShare), charts::formatPercent(g.offHoursRatio),
                 charts::formatPercent(g.noiseRatio))
            .arg(g.ackP50Minutes ? charts::formatDuration(*g.ackP50Minutes) : QStringLiteral("–"));
    });

    m_rules->setText(tr("user rules: %n", nullptr, int(snapshot->alertRules.size())) + QStringLiteral(" · ")
                     + tr("merged groups: %n", nullptr, int(snapshot->alertMerges.size())));
    if (alerts.groups.empty())
        setHeadline(tr("no pages in this window"));
    else
        setHeadline(tr("%1 pages in %2 groups; the top %3 cause 80% · select two or more rows to merge groups")
                        .arg(charts::formatCount(alerts.totalPages), charts::formatCount(alerts.groupsTotal()))
                        .arg(alerts.groupsFor80Percent.value_or(0)));
    selectionChanged();
}

void AlertsView::clearSnapshot()
{
    m_model->setSnapshot(nullptr);
    m_chart->setChart(nullptr);
}

QStringList AlertsView::selectedKeys() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << m_proxy->mapToSource(i).row();
    std::sort(rows.begin(), rows.end());
    QStringList keys;
    for (int r : rows)
        if (const AlertGroup *g = m_model->groupAt(r))
            keys << g->key;
    return keys;
}

void AlertsView::selectGroup(int rank)
{
    const QModelIndex source = m_model->index(rank - 1, 0);
    if (!source.isValid())
        return;
    const QModelIndex index = m_proxy->mapFromSource(source);
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void AlertsView::selectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_merge->setEnabled(rows.size() >= 2);
    m_selected = rows.size() == 1 ? m_proxy->mapToSource(rows.first()).row() : -1;
    m_chart->update();
}

void AlertsView::addRule()
{
    const QStringList keys = selectedKeys();
    QString example;
    if (!keys.isEmpty())
        if (const AlertGroup *g = m_model->groupAt(
                m_proxy->mapToSource(m_table->selectionModel()->selectedRows().first()).row()))
            example = g->title;
    AlertRuleDialog dialog(example, this);
    if (dialog.exec() == QDialog::Accepted)
        editor()->addAlertRule(dialog.pattern(), dialog.replacement());
}

void AlertsView::manageRules()
{
    const SnapshotPtr snapshot = this->snapshot();
    if (!snapshot)
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("rulesDialog"));
    dialog.setWindowTitle(tr("Alert Rules and Merges"));
    auto *layout = new QVBoxLayout(&dialog);

    // One list with its Remove button; `remove` makes the edit for row `row` and says whether
    // the store took it.
    auto addList = [&](const QString &title, const QString &name, const QStringList &lines,
                       std::function<bool(int)> remove) {
        auto *label = new QLabel(title, &dialog);
        auto *list = new QListWidget(&dialog);
        list->setObjectName(name);
        list->setAccessibleName(title);
        list->addItems(lines);
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setToolTip(plainToolTip(lines[i])); // group keys can be longer than the dialog is wide
        label->setBuddy(list);
        auto *button = new QPushButton(tr("Remove"), &dialog);
        button->setObjectName(name + QStringLiteral("Remove"));
        button->setEnabled(false);
        connect(list, &QListWidget::currentRowChanged, button, [button](int row) { button->setEnabled(row >= 0); });
        // The list's rows match the copies below: each removal takes its row out of both.
        connect(button, &QPushButton::clicked, &dialog, [list, remove] {
            const int row = list->currentRow();
            if (row >= 0 && remove(row))
                delete list->takeItem(row);
        });
        auto *row = new QHBoxLayout;
        row->addWidget(list, 1);
        row->addWidget(button, 0, Qt::AlignTop);
        layout->addWidget(label);
        layout->addLayout(row);
    };

    QList<AlertRule> rules = snapshot->alertRules;
    QStringList ruleLines;
    for (const AlertRule &r : rules)
        ruleLines << tr("%1  →  %2").arg(r.pattern, r.replacement.isEmpty() ? tr("(nothing)") : r.replacement);
    addList(tr("Normalisation rules, applied in this order after the built-in ones:"), QStringLiteral("ruleList"),
            ruleLines, [this, &rules](int row) {
                if (!editor()->removeAlertRule(rules[row]))
                    return false;
                rules.removeAt(row);
                return true;
            });
    QList<AlertMerge> merges = snapshot->alertMerges;
    QStringList mergeLines;
    for (const AlertMerge &m : merges)
        mergeLines << tr("%1  →  %2").arg(m.fromKey, m.intoKey);
    addList(tr("Merged groups (counted as the group on the right):"), QStringLiteral("mergeList"), mergeLines,
            [this, &merges](int row) {
                if (!editor()->removeAlertMerge(merges[row]))
                    return false;
                merges.removeAt(row);
                return true;
            });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(820, 420);
    dialog.exec();
}

void AlertsView::mergeSelected()
{
    const QStringList keys = selectedKeys();
    if (keys.size() < 2)
        return;
    bool ok = false;
    // The largest selected group is the natural survivor: it is first in rank order.
    const QString into = QInputDialog::getItem(
        this, tr("Merge Alert Groups"), tr("Count the %1 selected groups as one, under the key:").arg(keys.size()),
        keys, 0, false, &ok);
    if (ok && !into.isEmpty())
        editor()->mergeAlertGroups(keys, into);
}

} // namespace srm
