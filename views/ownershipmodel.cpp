#include "views/ownershipmodel.h"

#include "views/modelroles.h"

#include <set>

namespace srm {

OwnershipModel::OwnershipModel(QObject *parent) : QAbstractTableModel(parent) { }

void OwnershipModel::setSnapshot(const SnapshotPtr &snapshot)
{
    beginResetModel();
    m_rows.clear();
    m_teams.clear();
    if (snapshot) {
        std::set<std::string> services(snapshot->scopeNames.services.begin(), snapshot->scopeNames.services.end());
        for (const auto &[service, team] : snapshot->owners)
            services.insert(service);
        for (const std::string &s : services) {
            const auto it = snapshot->owners.find(s);
            m_rows.push_back({QString::fromStdString(s),
                              it == snapshot->owners.end() ? QString() : QString::fromStdString(it->second)});
        }
        for (const std::string &t : snapshot->scopeNames.teams)
            m_teams.append(QString::fromStdString(t));
    }
    endResetModel();
}

QString OwnershipModel::serviceAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].service : QString();
}

QString OwnershipModel::teamAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].team : QString();
}

int OwnershipModel::rowOf(const QString &service) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].service == service)
            return int(i);
    return -1;
}

QStringList OwnershipModel::teams() const
{
    return m_teams;
}

int OwnershipModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OwnershipModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OwnershipModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Service)
            return r.service;
        return r.team.isEmpty() ? tr("(no owner)") : r.team;
    case Qt::EditRole: return index.column() == Service ? r.service : r.team;
    case SortRole: return index.column() == Service ? r.service : r.team;
    case IdRole: return r.service;
    case Qt::FontRole:
        if (index.column() == Team && r.team.isEmpty()) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Team)
            return tr("The team that owns %1: its incidents, pages and SLOs count for this team, and so do its "
                      "deployments unless a deployment names its own team. Edit to change; empty removes the owner.")
                .arg(r.service);
        return {};
    default: return {};
    }
}

QVariant OwnershipModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Service ? tr("Service") : tr("Team");
}

Qt::ItemFlags OwnershipModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Team)
        f |= Qt::ItemIsEditable;
    return f;
}

bool OwnershipModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Team
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString team = value.toString().trimmed();
    const Row &r = m_rows[std::size_t(index.row())];
    if (team == r.team)
        return false;
    emit ownerEdited(r.service, team);
    return true;
}

} // namespace srm
