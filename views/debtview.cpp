#include "views/debtview.h"

#include "views/charts/quadrantchart.h"
#include "views/charts/valueformat.h"
#include "views/chartwidget.h"
#include "views/debtitemdialog.h"
#include "views/debtmodel.h"
#include "views/linkedmetricslist.h"
#include "views/modelroles.h"
#include "views/tablecopy.h"
#include "views/workspaceeditor.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>

#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace srm {

DebtView::DebtView(WorkspaceEditor *editor, QWidget *parent) : ViewPage(ViewId::Debt, editor, parent)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *actions = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add…"), left);
    add->setObjectName(QStringLiteral("addDebt"));
    add->setToolTip(tr("Add an operational debt item to the register"));
    m_edit = new QPushButton(tr("&Edit…"), left);
    m_edit->setObjectName(QStringLiteral("editDebt"));
    m_delete = new QPushButton(tr("&Delete"), left);
    m_delete->setObjectName(QStringLiteral("deleteDebt"));
    m_dependencies = new QPushButton(tr("Depends &On…"), left);
    m_dependencies->setObjectName(QStringLiteral("dependencies"));
    m_dependencies->setToolTip(tr("Choose the items this one waits for"));
    m_linked = new QPushButton(tr("Linked &Metrics…"), left);
    m_linked->setObjectName(QStringLiteral("linkedMetricsButton"));
    m_linked->setToolTip(tr("Choose the metrics this work improves: a gap in one raises its priority"));
    m_pin = new QToolButton(left);
    m_pin->setObjectName(QStringLiteral("pin"));
    m_pin->setText(tr("&Pin to Quarter"));
    m_pin->setToolTip(tr("Place the item in a quarter whatever its priority"));
    m_pin->setPopupMode(QToolButton::InstantPopup);
    m_pin->setMenu(new QMenu(m_pin));
    for (QWidget *w : std::initializer_list<QWidget *>{add, m_edit, m_delete, m_dependencies, m_linked, m_pin})
        actions->addWidget(w);
    actions->addStretch(1);
    leftLayout->addLayout(actions);
    m_problems = new QLabel(left);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->hide();
    leftLayout->addWidget(m_problems);

    m_model = new DebtModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_filter = new FilterBox(m_proxy, tr("Search debt (id, title, owner, service…)"), left);
    m_filter->setObjectName(QStringLiteral("debtFilter"));
    leftLayout->addWidget(m_filter);
    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("debtTable"));
    m_table->setAccessibleName(tr("Operational debt register"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    // By rank, as the roadmap takes them (done items, which have none, last).
    m_table->sortByColumn(DebtModel::Rank, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    enableRowCopy(m_table);
    leftLayout->addWidget(m_table, 1);

    m_chart = new ChartWidget(splitter);
    m_chart->setObjectName(QStringLiteral("quadrantChart"));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setContent(splitter);

    connect(add, &QPushButton::clicked, this, &DebtView::addItem);
    connect(m_edit, &QPushButton::clicked, this, &DebtView::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &DebtView::deleteSelected);
    connect(m_dependencies, &QPushButton::clicked, this, &DebtView::editDependencies);
    connect(m_linked, &QPushButton::clicked, this, &DebtView::editLinkedMetrics);
    connect(m_pin->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = m_pin->menu();
        menu->clear();
        const QString id = selectedId();
        for (const QString &q : quarterChoices())
            menu->addAction(q, this, [this, id, q] { this->editor()->setPinnedQuarter(id, q); });
        menu->addSeparator();
        menu->addAction(tr("Unpin"), this, [this, id] { this->editor()->setPinnedQuarter(id, QString()); });
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_selected = selectedId();
        updateActions();
        m_chart->update();
    });
    connect(m_chart, &ChartWidget::itemClicked, this, &DebtView::selectItem);
    connect(m_chart, &ChartWidget::itemActivated, this, [this](const QString &id) {
        selectItem(id);
        editSelected();
    });
    connect(m_model, &DebtModel::itemEdited, this,
            [this](const QString &id, const DebtItem &item) { this->editor()->updateDebtItem(id, item); });
    connect(m_model, &DebtModel::dependenciesEdited, this,
            [this](const QString &id, const QStringList &deps) { this->editor()->setDependencies(id, deps); });
    connect(m_model, &DebtModel::pinEdited, this,
            [this](const QString &id, const QString &quarter) { this->editor()->setPinnedQuarter(id, quarter); });
    connect(m_model, &DebtModel::linkedMetricsEdited, this,
            [this](const QString &id, const QString &text) { this->editor()->setLinkedMetrics(id, text); });
    connect(m_model, &DebtModel::editRefused, this,
            [this](const QString &message) { this->editor()->reportFailure(message); });
    updateActions();
}

QString DebtView::selectedId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {})
        ? current.data(IdRole).toString()
        : QString();
}

void DebtView::selectItem(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, DebtModel::Id));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void DebtView::updateActions()
{
    const bool any = !selectedId().isEmpty();
    m_edit->setEnabled(any);
    m_delete->setEnabled(any);
    m_dependencies->setEnabled(any);
    m_linked->setEnabled(any);
    m_pin->setEnabled(any);
}

QStringList DebtView::quarterChoices() const
{
    QStringList out;
    if (snapshot() && snapshot()->plan)
        for (const PlanQuarter &q : snapshot()->plan->quarters)
            out << formatQuarter(q.quarter);
    return out;
}

void DebtView::showSnapshot(const SnapshotPtr &snapshot)
{
    const QString keep = m_selected;
    m_model->setSnapshot(snapshot);
    if (!keep.isEmpty())
        selectItem(keep);
    if (!m_sized) {
        m_table->resizeColumnsToContents();
        // Titles are what a lead reads first: about 45 characters, or their full length when shorter.
        const int titleW = std::min(m_table->columnWidth(DebtModel::Title),
                                    m_table->fontMetrics().averageCharWidth() * 45);
        m_table->setColumnWidth(
            DebtModel::Title,
            std::max(titleW,
                     m_table->fontMetrics().horizontalAdvance(QStringLiteral("Automated canary analysis for"))));
        m_sized = true;
    }
    m_problems->setVisible(!snapshot->debtProblems.isEmpty());
    m_problems->setText(
        tr("<b>The register has problems; the roadmap cannot be planned until they are fixed:</b><br>%1")
            .arg(snapshot->debtProblems.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))));
    m_chart->setChart(std::make_shared<charts::FunctionChart>(
        tr("Toil and cost quadrant"),
        [this, snapshot](QPainter &p, const QRectF &r, const charts::ChartStyle &s) {
            charts::QuadrantOptions options;
            options.selected = m_selected;
            charts::paintDebtQuadrant(p, r, snapshot->debtItems, snapshot->settings, s, options);
        },
        [snapshot](const QRectF &r, const charts::ChartStyle &s, const QPaintDevice *d, const QPointF &pos) {
            return charts::debtQuadrantAt(r, snapshot->debtItems, snapshot->settings, s, d, pos);
        }));
    m_chart->setToolTipProvider([snapshot](const QString &id) {
        const DebtItem *item = snapshot->findDebt(id);
        const DebtAssessment *a = snapshot->findAssessment(id);
        if (!item || !a)
            return QString();
        return tr("%1 %2\n%3 · toil %4 h/week · cost %5 weeks · risk %6 × %7\npriority %8%9%10")
            .arg(id, QString::fromStdString(item->title), quadrantName(a->quadrant),
                 SettingsSchema::formatNumber(item->toilHoursPerWeek), SettingsSchema::formatNumber(item->costWeeks))
            .arg(item->riskLikelihood)
            .arg(item->riskImpact)
            .arg(formatPriority(a->priority), a->rank ? tr(", rank %1").arg(*a->rank) : QString(),
                 a->gapNote.isEmpty() ? QString() : u'\n' + a->gapNote);
    });
    int open = 0;
    for (const DebtItem &d : snapshot->debtItems)
        open += d.status == DebtStatus::Open;
    setHeadline(tr("%1 items, %2 open · quadrant thresholds: large toil pile from %3 h/week, high cost from %4 weeks · "
                   "double-click a cell to edit it")
                    .arg(snapshot->debtItems.size())
                    .arg(open)
                    .arg(SettingsSchema::formatNumber(snapshot->settings.quadrantToilHours),
                         SettingsSchema::formatNumber(snapshot->settings.quadrantCostWeeks)));
    updateActions();
}

void DebtView::clearSnapshot()
{
    m_model->setSnapshot(nullptr);
    m_chart->setChart(nullptr);
}

void DebtView::addItem()
{
    if (!snapshot())
        return;
    // The next free id of the register's own pattern ("OPS-22"), else ITEM-1.
    QString prefix = QStringLiteral("OPS-");
    int next = 1;
    for (const DebtItem &d : snapshot()->debtItems) {
        const QString id = QString::fromStdString(d.id);
        const qsizetype dash = id.lastIndexOf(u'-');
        bool ok = false;
        const int n = id.mid(dash + 1).toInt(&ok);
        if (dash > 0 && ok) {
            prefix = id.left(dash + 1);
            next = std::max(next, n + 1);
        }
    }
    DebtItem item;
    item.id = (prefix + QString::number(next)).toStdString();
    item.costWeeks = 1;
    DebtItemDialog dialog(item, true, quarterChoices(), snapshot()->gaps, this);
    if (dialog.exec() == QDialog::Accepted && editor()->addDebtItem(dialog.item()))
        selectItem(QString::fromStdString(dialog.item().id));
}

void DebtView::editSelected()
{
    const QString id = selectedId();
    const DebtItem *item = snapshot() ? snapshot()->findDebt(id) : nullptr;
    if (!item)
        return;
    DebtItemDialog dialog(*item, false, quarterChoices(), snapshot()->gaps, this);
    if (dialog.exec() == QDialog::Accepted && !(dialog.item() == *item))
        editor()->updateDebtItem(id, dialog.item());
}

void DebtView::deleteSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    editor()->removeDebtItem(id);
}

void DebtView::editLinkedMetrics()
{
    const QString id = selectedId();
    const DebtItem *item = snapshot() ? snapshot()->findDebt(id) : nullptr;
    if (!item)
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("linkedMetricsDialog"));
    dialog.setWindowTitle(tr("%1 Improves").arg(id));
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(tr("Tick the metrics %1 improves. The largest gap among them raises its priority "
                                "(gap factor: 1 + the gap relative to the target, at most 2; 1.5 for a metric not "
                                "measured). Where each metric stands over the last %2 days:")
                                 .arg(id)
                                 .arg(snapshot()->gaps.window.days),
                             &dialog);
    label->setWordWrap(true);
    auto *list = new LinkedMetricsList(snapshot()->gaps, &dialog);
    list->setLinked(item->linkedMetrics);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(label);
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog.resize(560, 520);
    if (dialog.exec() != QDialog::Accepted || list->linked() == item->linkedMetrics)
        return;
    editor()->setLinkedMetrics(id, list->linked());
}

void DebtView::editDependencies()
{
    const QString id = selectedId();
    const DebtItem *item = snapshot() ? snapshot()->findDebt(id) : nullptr;
    if (!item)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("%1 Depends On").arg(id));
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(tr("Tick the items %1 waits for:").arg(id), &dialog);
    auto *list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("dependencyList"));
    for (const DebtItem &other : snapshot()->debtItems) {
        if (other.id == item->id)
            continue;
        auto *entry = new QListWidgetItem(
            QStringLiteral("%1  %2").arg(QString::fromStdString(other.id), QString::fromStdString(other.title)), list);
        entry->setData(Qt::UserRole, QString::fromStdString(other.id));
        const bool on = std::find(item->dependsOn.begin(), item->dependsOn.end(), other.id) != item->dependsOn.end();
        entry->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(label);
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog.resize(480, 420);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Keep the order of the dependencies that stay; add new ones in register order.
    // Dependencies on ids that are not in the register (not in the list) stay as they were.
    QStringList deps;
    QSet<QString> ticked, listed;
    for (int i = 0; i < list->count(); ++i) {
        listed.insert(list->item(i)->data(Qt::UserRole).toString());
        if (list->item(i)->checkState() == Qt::Checked)
            ticked.insert(list->item(i)->data(Qt::UserRole).toString());
    }
    for (const std::string &d : item->dependsOn) {
        const QString dep = QString::fromStdString(d);
        if (ticked.remove(dep) || !listed.contains(dep))
            deps << dep;
    }
    for (int i = 0; i < list->count(); ++i) {
        const QString other = list->item(i)->data(Qt::UserRole).toString();
        if (ticked.contains(other))
            deps << other;
    }
    editor()->setDependencies(id, deps);
}

} // namespace srm
