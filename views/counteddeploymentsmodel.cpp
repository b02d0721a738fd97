#include "views/counteddeploymentsmodel.h"

#include "views/charts/valueformat.h"
#include "views/modelroles.h"

namespace srm {

CountedDeploymentsModel::CountedDeploymentsModel(QObject *parent) : QAbstractTableModel(parent) { }

void CountedDeploymentsModel::setMetric(SnapshotPtr snapshot, const QString &metricId)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_metric = m_snapshot ? m_snapshot->analysis.metrics.find(metricId) : nullptr;
    endResetModel();
}

const CountedDeployment *CountedDeploymentsModel::deploymentAt(int row) const
{
    if (!m_metric || row < 0 || std::size_t(row) >= m_metric->counted.size())
        return nullptr;
    return &m_metric->counted[std::size_t(row)];
}

int CountedDeploymentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_metric ? 0 : int(m_metric->counted.size());
}

int CountedDeploymentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CountedDeploymentsModel::data(const QModelIndex &index, int role) const
{
    const CountedDeployment *d = index.isValid() ? deploymentAt(index.row()) : nullptr;
    if (!d)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Deployment: return d->deploymentId;
        case Service: return d->service.isEmpty() ? tr("(no service)") : d->service;
        case Finished: return formatIso(d->finishedAt).left(16).replace(u'T', u' ');
        case Result: return charts::deployResultText(d->result);
        case Why: return charts::countedReasons(*d).join(QStringLiteral("; "));
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Finished: return qlonglong(d->finishedAt);
        case Why: return int(d->rules);
        default: return data(index, Qt::DisplayRole);
        }
    case IdRole: return d->deploymentId;
    default: return {};
    }
}

QVariant CountedDeploymentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Deployment: return tr("Deployment");
    case Service: return tr("Service");
    case Finished: return tr("Finished (UTC)");
    case Result: return tr("Result");
    case Why: return tr("Why it counts");
    }
    return {};
}

} // namespace srm
