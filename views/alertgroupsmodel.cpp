#include "views/alertgroupsmodel.h"
#include "store/texthygiene.h"
#include "views/tooltips.h"

#include "views/charts/valueformat.h"
#include "views/modelroles.h"

#include <limits>

namespace srm {

AlertGroupsModel::AlertGroupsModel(QObject *parent) : QAbstractTableModel(parent) { }

void AlertGroupsModel::setSnapshot(SnapshotPtr snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

const AlertGroup *AlertGroupsModel::groupAt(int row) const
{
    if (!m_snapshot || row < 0 || row >= rowCount())
        return nullptr;
    return &m_snapshot->analysis.alerts.groups[std::size_t(row)];
}

int AlertGroupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : int(m_snapshot->analysis.alerts.groups.size());
}

int AlertGroupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertGroupsModel::data(const QModelIndex &index, int role) const
{
    const AlertGroup *g = index.isValid() ? groupAt(index.row()) : nullptr;
    if (!g)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Rank: return index.row() + 1;
        case Service: return g->service;
        case Title:
            return g->mergedKeys.isEmpty()
                ? g->title
                : tr("%1 (+%n merged)", nullptr, int(g->mergedKeys.size())).arg(hygiene::isolate(g->title));
        case Pages: return charts::formatCount(g->count);
        case Share: return charts::formatPercent(g->share);
        case Cumulative: return charts::formatPercent(g->cumulativeShare);
        case OffHours: return charts::formatPercent(g->offHoursRatio);
        case Noise: return charts::formatPercent(g->noiseRatio);
        case AckMedian: return g->ackP50Minutes ? charts::formatDuration(*g->ackP50Minutes) : QStringLiteral("–");
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Rank: return index.row();
        case Service: return g->service;
        case Title: return g->title;
        case Pages: return qlonglong(g->count);
        case Share: return g->share;
        case Cumulative: return g->cumulativeShare;
        case OffHours: return g->offHoursRatio;
        case Noise: return g->noiseRatio;
        case AckMedian: return g->ackP50Minutes ? *g->ackP50Minutes : std::numeric_limits<double>::infinity();
        }
        return {};
    case IdRole: return g->key;
    case Qt::TextAlignmentRole:
        if (index.column() == Service || index.column() == Title)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Title: {
            QString tip = tr("Group key: %1").arg(hygiene::isolate(g->key));
            if (!g->mergedKeys.isEmpty())
                tip += u'\n' + tr("Merged into it: %1").arg(g->mergedKeys.join(QStringLiteral(", ")));
            return plainToolTip(tip); // user text: docs/hostile-input.md#text
        }
        case Share:
            return tr("Pages of this group ÷ all %1 pages of the window")
                .arg(charts::formatCount(m_snapshot->analysis.alerts.totalPages));
        case Cumulative: return tr("Share of all pages caused by this group and the larger ones");
        case OffHours: return tr("%1 of %2 pages outside business hours").arg(g->offHours).arg(g->count);
        case Noise:
            return tr("%1 of %2 pages resolved themselves (auto-resolved or never acknowledged)")
                .arg(g->noisy)
                .arg(g->count);
        case AckMedian: return tr("Median time to acknowledge over %1 acknowledged pages").arg(g->acknowledged);
        }
        return {};
    default: return {};
    }
}

bool AlertGroupsModel::lessThan(int column, int left, int right, Qt::CaseSensitivity cs) const
{
    const AlertGroup *a = groupAt(left);
    const AlertGroup *b = groupAt(right);
    if (!a || !b)
        return false;
    // The same values as data(SortRole).
    auto ack = [](const AlertGroup *g) {
        return g->ackP50Minutes ? *g->ackP50Minutes : std::numeric_limits<double>::infinity();
    };
    switch (column) {
    case Rank: return left < right;
    case Service: return QString::compare(a->service, b->service, cs) < 0;
    case Title: return QString::compare(a->title, b->title, cs) < 0;
    case Pages: return a->count < b->count;
    case Share: return a->share < b->share;
    case Cumulative: return a->cumulativeShare < b->cumulativeShare;
    case OffHours: return a->offHoursRatio < b->offHoursRatio;
    case Noise: return a->noiseRatio < b->noiseRatio;
    case AckMedian: return ack(a) < ack(b);
    }
    return false;
}

void AlertGroupsProxy::sort(int column, Qt::SortOrder order)
{
    // The model's rows are in rank order already. Sorting 272,310 groups into the order they
    // have was most of the alerts view's first visit at 10M pages (perf: Qt builds two indexes
    // per comparison); column -1 keeps the source order. The header still shows the rank
    // column as sorted, because the view sets its indicator.
    if (column == AlertGroupsModel::Rank && order == Qt::AscendingOrder)
        column = -1;
    QSortFilterProxyModel::sort(column, order);
}

bool AlertGroupsProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *model = qobject_cast<const AlertGroupsModel *>(sourceModel());
    if (!model || sortRole() != SortRole || isSortLocaleAware())
        return QSortFilterProxyModel::lessThan(left, right);
    return model->lessThan(left.column(), left.row(), right.row(), sortCaseSensitivity());
}

QVariant AlertGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank: return tr("#");
    case Service: return tr("Service");
    case Title: return tr("Alert group");
    case Pages: return tr("Pages");
    case Share: return tr("Share");
    case Cumulative: return tr("Cumulative");
    case OffHours: return tr("Off-hours");
    case Noise: return tr("Noise");
    case AckMedian: return tr("Median ack");
    }
    return {};
}

} // namespace srm
