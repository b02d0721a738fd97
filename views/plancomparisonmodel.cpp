#include "views/plancomparisonmodel.h"

#include "views/charts/chartstyle.h"
#include "views/modelroles.h"

#include <QGuiApplication>
#include <QPalette>

namespace srm {

PlanComparisonModel::PlanComparisonModel(Kind kind, QObject *parent) : QAbstractTableModel(parent), m_kind(kind) { }

void PlanComparisonModel::setComparison(SnapshotPtr snapshot, const QString &scenario)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_scenario = scenario;
    endResetModel();
}

const ScenarioPlan *PlanComparisonModel::scenarioPlan() const
{
    if (!m_snapshot || m_scenario.isEmpty() || !m_snapshot->plan)
        return nullptr;
    const ScenarioPlan *s = m_snapshot->findScenario(m_scenario);
    return s && s->plan ? s : nullptr;
}

int PlanComparisonModel::rowCount(const QModelIndex &parent) const
{
    const ScenarioPlan *s = parent.isValid() ? nullptr : scenarioPlan();
    if (!s)
        return 0;
    return int(m_kind == Kind::Moves ? s->comparison.moves.size() : s->comparison.gaps.size());
}

int PlanComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
QString quarterOrNone(const std::optional<Quarter> &q, const QString &none)
{
    return q ? formatQuarter(*q) : none;
}

// Better and worse in the palette's good and bad colours (as the gaps view shows met and gap).
QColor changeColor(bool better)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    const charts::ChartStyle style = dark ? charts::ChartStyle::dark() : charts::ChartStyle::light();
    return better ? style.good : style.bad;
}
} // namespace

QVariant PlanComparisonModel::data(const QModelIndex &index, int role) const
{
    const ScenarioPlan *s = index.isValid() ? scenarioPlan() : nullptr;
    if (!s || index.row() >= rowCount())
        return {};
    if (m_kind == Kind::Moves) {
        const ItemMove &m = s->comparison.moves[std::size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
            case Subject: return QString::fromStdString(m.id);
            case Title: return QString::fromStdString(m.title);
            case Baseline: return quarterOrNone(m.from, tr("unscheduled"));
            case Scenario: return quarterOrNone(m.to, tr("unscheduled"));
            case Change: return moveText(m);
            }
            return {};
        case SortRole:
            switch (index.column()) {
            case Baseline: return m.from ? m.from->index() : 1 << 30;
            case Scenario: return m.to ? m.to->index() : 1 << 30;
            case Change: return int(m.kind);
            default: return data(index, Qt::DisplayRole);
            }
        case IdRole: return QString::fromStdString(m.id);
        case Qt::ToolTipRole:
            if (const PlannedItem *p = s->plan->find(m.id))
                return tr("Under %1: %2").arg(m_scenario, p->reason);
            return {};
        case Qt::ForegroundRole:
            if (index.column() == Change)
                return changeColor(m.kind == ItemMove::Kind::MovesIn || m.kind == ItemMove::Kind::Earlier);
            return {};
        default: return {};
        }
    }
    const GapChange &g = s->comparison.gaps[std::size_t(index.row())];
    const PlanGap *before = m_snapshot->plan->findGap(g.metric);
    const PlanGap *after = s->plan->findGap(g.metric);
    auto addressed = [&](const PlanGap *gap) {
        if (!gap)
            return tr("met");
        return quarterOrNone(gap->addressedIn, tr("no work planned"));
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Subject: return metricPhrase(g.metric);
        case Title: {
            // Where the metric stands under the scenario (its target may be overridden).
            const PlanGap *gap = after ? after : before;
            const Unit unit = MetricCatalogue::def(g.metric).unit;
            if (!gap)
                return QString();
            return gap->value
                ? tr("%1 against %2").arg(formatMetricValue(*gap->value, unit), formatMetricValue(gap->target, unit))
                : tr("not measured");
        }
        case Baseline: return addressed(before);
        case Scenario: return addressed(after);
        case Change:
            // The quarters stand beside it: the word is enough (the tooltip says it in full).
            switch (g.kind) {
            case GapChange::Kind::BecomesAddressed: return tr("newly addressed");
            case GapChange::Kind::Earlier: return tr("sooner");
            case GapChange::Kind::Later: return tr("later");
            case GapChange::Kind::NoLongerAddressed: return tr("no longer addressed");
            case GapChange::Kind::NoLongerAGap: return tr("met under the scenario");
            case GapChange::Kind::NewGap: return tr("a gap under the scenario");
            }
            return {};
        }
        return {};
    case Qt::ToolTipRole: return gapChangeText(g);
    case SortRole:
        switch (index.column()) {
        case Subject: return int(g.metric);
        case Baseline: return g.from ? g.from->index() : 1 << 30;
        case Scenario: return g.to ? g.to->index() : 1 << 30;
        case Change: return int(g.kind);
        default: return data(index, Qt::DisplayRole);
        }
    case IdRole: return MetricCatalogue::idText(g.metric);
    case Qt::ForegroundRole:
        if (index.column() == Change && g.kind != GapChange::Kind::NewGap && g.kind != GapChange::Kind::NoLongerAGap)
            return changeColor(g.kind == GapChange::Kind::BecomesAddressed || g.kind == GapChange::Kind::Earlier);
        return {};
    default: return {};
    }
}

QVariant PlanComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Subject: return m_kind == Kind::Moves ? tr("Item") : tr("Gap");
    case Title: return m_kind == Kind::Moves ? tr("Title") : tr("Standing");
    case Baseline: return tr("Baseline");
    case Scenario: return m_scenario.isEmpty() ? tr("Scenario") : m_scenario;
    case Change: return tr("Change");
    }
    return {};
}

} // namespace srm
