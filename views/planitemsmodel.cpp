#include "views/planitemsmodel.h"
#include "views/tooltips.h"

#include "views/charts/valueformat.h"
#include "views/modelroles.h"

namespace srm {

PlanItemsModel::PlanItemsModel(Scope scope, QObject *parent) : QAbstractTableModel(parent), m_scope(scope) { }

void PlanItemsModel::setSnapshot(SnapshotPtr snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_items.clear();
    if (m_snapshot && m_snapshot->plan) {
        if (m_scope == Scope::All)
            for (const PlanQuarter &q : m_snapshot->plan->quarters)
                for (const PlannedItem &p : q.items)
                    m_items.push_back(&p);
        for (const PlannedItem &p : m_snapshot->plan->unscheduled)
            m_items.push_back(&p);
    }
    endResetModel();
}

const PlannedItem *PlanItemsModel::itemAt(int row) const
{
    return row >= 0 && row < int(m_items.size()) ? m_items[std::size_t(row)] : nullptr;
}

int PlanItemsModel::rowOf(const QString &id) const
{
    const std::string key = id.toStdString();
    for (std::size_t r = 0; r < m_items.size(); ++r)
        if (m_items[r]->id == key)
            return int(r);
    return -1;
}

int PlanItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int PlanItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanItemsModel::data(const QModelIndex &index, int role) const
{
    const PlannedItem *p = index.isValid() ? itemAt(index.row()) : nullptr;
    if (!p)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id: return QString::fromStdString(p->id);
        case Title: return QString::fromStdString(p->title);
        case Quarter: return p->quarter ? formatQuarter(*p->quarter) : tr("unscheduled");
        case Cost: return charts::formatWeeks(p->costWeeks);
        case Priority:
            return p->effectivePriority > p->priority
                ? tr("%1 (effective %2)").arg(formatPriority(p->priority), formatPriority(p->effectivePriority))
                : formatPriority(p->priority);
        case Reason: return p->reason;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Quarter: return p->quarter ? p->quarter->index() : (1 << 30);
        case Cost: return p->costWeeks;
        case Priority: return p->effectivePriority;
        default: return data(index, Qt::DisplayRole);
        }
    case IdRole: return QString::fromStdString(p->id);
    case Qt::ToolTipRole: return plainToolTip(p->reason);
    case Qt::TextAlignmentRole:
        return index.column() == Cost ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant PlanItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("ID");
    case Title: return tr("Title");
    case Quarter: return tr("Quarter");
    case Cost: return tr("Cost");
    case Priority: return tr("Priority");
    case Reason: return tr("Reason");
    }
    return {};
}

} // namespace srm
