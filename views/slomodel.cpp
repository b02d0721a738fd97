#include "views/slomodel.h"

#include "views/charts/valueformat.h"
#include "views/modelroles.h"

namespace srm {

SloModel::SloModel(QObject *parent) : QAbstractTableModel(parent) { }

void SloModel::setSnapshot(SnapshotPtr snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

const SloResult *SloModel::sloAt(int row) const
{
    if (!m_snapshot || row < 0 || row >= rowCount())
        return nullptr;
    return &m_snapshot->analysis.metrics.slos[std::size_t(row)];
}

int SloModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : int(m_snapshot->analysis.metrics.slos.size());
}

int SloModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SloModel::data(const QModelIndex &index, int role) const
{
    const SloResult *s = index.isValid() ? sloAt(index.row()) : nullptr;
    if (!s)
        return {};
    const QString status = !s->met ? tr("no data") : *s->met ? tr("met") : tr("missed");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return s->displayName.isEmpty() ? s->name : s->displayName;
        case Service: return s->service;
        case Method: return s->method == BudgetingMethod::Timeslices ? tr("timeslices") : tr("occurrences");
        case Window: return tr("%1 d").arg(SettingsSchema::formatNumber(s->windowDays()));
        case Objective: return charts::formatPercent(s->objective, 2);
        case Attainment: return charts::formatPercent(s->attainment, 3);
        case Budget: return charts::formatPercent(s->errorBudgetRemaining, 1);
        case BurnRate:
            return s->burnRate24h ? tr("%1×").arg(charts::formatNumber(*s->burnRate24h)) : QStringLiteral("–");
        case Measurements: return charts::formatCount(s->measurements);
        case Status: return status;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Name: return s->name;
        case Service: return s->service;
        case Method: return int(s->method);
        case Window: return qlonglong(s->windowSeconds);
        case Objective: return s->objective;
        case Attainment: return s->attainment.value_or(-1);
        case Budget: return s->errorBudgetRemaining.value_or(-1e9);
        case BurnRate: return s->burnRate24h.value_or(-1);
        case Measurements: return qlonglong(s->measurements);
        case Status: return !s->met ? 2 : *s->met ? 0 : 1;
        }
        return {};
    case IdRole: return s->name;
    case Qt::TextAlignmentRole:
        if (index.column() >= Window && index.column() <= Measurements)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Attainment:
            return s->method == BudgetingMethod::Timeslices ? tr("Good slices ÷ slices in the window")
                                                            : tr("Good events ÷ all events in the window");
        case Budget: return tr("1 − (1 − attainment) ÷ (1 − objective); negative when overspent");
        case BurnRate:
            return tr("How fast the last 24 hours spent budget: (1 − attainment over 24 h) ÷ (1 − objective); above 1 "
                      "spends it before the window ends");
        case Status: return !s->met ? tr("No measurements in its window: not counted in SLO compliance") : QString();
        }
        return {};
    default: return {};
    }
}

QVariant SloModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("SLO");
    case Service: return tr("Service");
    case Method: return tr("Budgeting");
    case Window: return tr("Window");
    case Objective: return tr("Objective");
    case Attainment: return tr("Attainment");
    case Budget: return tr("Budget left");
    case BurnRate: return tr("Burn 24 h");
    case Measurements: return tr("Measurements");
    case Status: return tr("Status");
    }
    return {};
}

} // namespace srm
