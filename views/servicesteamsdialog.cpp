#include "views/servicesteamsdialog.h"

#include "views/modelroles.h"
#include "views/ownershipmodel.h"
#include "views/tablecopy.h"
#include "views/workspaceeditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace srm {

namespace {

// The team cell edits in an editable combo box offering the teams already known.
class TeamDelegate : public QStyledItemDelegate
{
public:
    TeamDelegate(OwnershipModel *model, QObject *parent) : QStyledItemDelegate(parent), m_model(model) { }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *box = new QComboBox(parent);
        box->setObjectName(QStringLiteral("teamEditor"));
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->addItems(m_model->teams());
        return box;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        static_cast<QComboBox *>(editor)->setCurrentText(index.data(Qt::EditRole).toString());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText(), Qt::EditRole);
    }

private:
    OwnershipModel *m_model;
};

} // namespace

ServicesTeamsDialog::ServicesTeamsDialog(WorkspaceEditor *editor, QWidget *parent) : QDialog(parent), m_editor(editor)
{
    setObjectName(QStringLiteral("servicesTeamsDialog"));
    setWindowTitle(tr("Services & Teams — SRE Roadmap"));
    m_model = new OwnershipModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);

    auto *intro = new QLabel(tr("Which team owns each service. A service's incidents, pages and SLOs count for its "
                                "owner; a deployment counts for the team it names itself, else for its service's "
                                "owner. Scoped figures and the breakdown by team follow this table. Every change can "
                                "be undone (Edit › Undo)."),
                             this);
    intro->setWordWrap(true);
    m_search = new FilterBox(m_proxy, tr("Search services and teams"), this);
    m_search->setObjectName(QStringLiteral("ownershipSearch"));
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("ownershipTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(OwnershipModel::Team, new TeamDelegate(m_model, this));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(OwnershipModel::Service, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("ownershipSummary"));
    auto *remove = new QPushButton(tr("&Remove Owner"), this);
    remove->setObjectName(QStringLiteral("removeOwner"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(remove, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_model, &OwnershipModel::ownerEdited, this,
            [this](const QString &service, const QString &team) { m_editor->setOwner(service, team); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
        if (current.isValid() && !m_model->teamAt(current.row()).isEmpty())
            m_editor->setOwner(m_model->serviceAt(current.row()), QString());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(560, 520);
}

void ServicesTeamsDialog::setSnapshot(const SnapshotPtr &snapshot)
{
    // Keep the row the user was on across the reset.
    const QString current = m_model->serviceAt(m_proxy->mapToSource(m_table->currentIndex()).row());
    m_model->setSnapshot(snapshot);
    if (const int row = m_model->rowOf(current); row >= 0)
        m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, OwnershipModel::Team)));
    int owned = 0;
    std::set<QString> teams;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (!m_model->teamAt(r).isEmpty()) {
            ++owned;
            teams.insert(m_model->teamAt(r));
        }
    m_summary->setText(
        tr("%1 services, %2 with an owner, in %3 teams").arg(m_model->rowCount()).arg(owned).arg(teams.size()));
    m_table->resizeColumnToContents(OwnershipModel::Service);
}

} // namespace srm
