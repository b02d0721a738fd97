#include "views/gapsmodel.h"

#include "views/charts/valueformat.h"
#include "views/modelroles.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace srm {

namespace {
// internalId of a metric row: its theme + 1; theme rows have 0.
constexpr quintptr kThemeRow = 0;

charts::ChartStyle paletteStyle()
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    return dark ? charts::ChartStyle::dark() : charts::ChartStyle::light();
}

QColor statusColor(Status s)
{
    const charts::ChartStyle style = paletteStyle();
    switch (s) {
    case Status::Met: return style.good;
    case Status::Gap: return style.bad;
    case Status::NotMeasured: return style.notMeasured;
    }
    return {};
}

QColor verdictColor(Verdict v)
{
    const charts::ChartStyle style = paletteStyle();
    return v == Verdict::Improved ? style.good : v == Verdict::Worse ? style.bad : style.mutedText;
}
} // namespace

GapsModel::GapsModel(QObject *parent) : QAbstractItemModel(parent) { }

void GapsModel::setSnapshot(SnapshotPtr snapshot)
{
    const bool sameShape = m_snapshot && snapshot;
    std::vector<std::vector<const MetricResult *>> byTheme;
    if (snapshot) {
        byTheme.resize(snapshot->analysis.metrics.themes.size());
        for (std::size_t t = 0; t < byTheme.size(); ++t)
            for (const MetricResult &m : snapshot->analysis.metrics.metrics)
                if (m.def->theme == snapshot->analysis.metrics.themes[t].theme)
                    byTheme[t].push_back(&m);
    }
    if (sameShape) {
        // The catalogue is fixed: same rows, new figures (selection and expansion stay).
        m_snapshot = std::move(snapshot);
        m_byTheme = std::move(byTheme);
        const int themes = rowCount();
        emit dataChanged(index(0, 0), index(themes - 1, ColumnCount - 1));
        for (int t = 0; t < themes; ++t) {
            const QModelIndex parent = index(t, 0);
            emit dataChanged(index(0, 0, parent), index(rowCount(parent) - 1, ColumnCount - 1, parent));
        }
        return;
    }
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_byTheme = std::move(byTheme);
    endResetModel();
}

bool GapsModel::isTheme(const QModelIndex &index) const
{
    return index.isValid() && index.internalId() == kThemeRow;
}

const MetricResult *GapsModel::metricAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kThemeRow)
        return nullptr;
    return metricsOf(int(index.internalId() - 1))[std::size_t(index.row())];
}

QModelIndex GapsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kThemeRow);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex GapsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kThemeRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kThemeRow);
}

int GapsModel::rowCount(const QModelIndex &parent) const
{
    if (!m_snapshot)
        return 0;
    if (!parent.isValid())
        return int(m_byTheme.size());
    if (parent.column() != 0 || parent.internalId() != kThemeRow)
        return 0;
    return int(metricsOf(parent.row()).size());
}

int GapsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

double GapsModel::toDisplayUnit(Unit unit, double value)
{
    return unit == Unit::Ratio ? value * 100 : value;
}

double GapsModel::fromDisplayUnit(Unit unit, double value)
{
    return unit == Unit::Ratio ? value / 100 : value;
}

QString GapsModel::workText(const MetricResult &m) const
{
    if (!m_snapshot || !m_snapshot->plan)
        return m_snapshot && !m_snapshot->planProblem.isEmpty() ? tr("no plan (the register has problems)") : QString();
    const PlanGap *g = m_snapshot->plan->findGap(m.key());
    if (!g)
        return {};
    QStringList items;
    for (const PlanGap::Item &i : g->items)
        items << tr("%1 (%2)").arg(QString::fromStdString(i.id),
                                   i.quarter ? formatQuarter(*i.quarter) : tr("unscheduled"));
    if (!g->addressedIn)
        return items.isEmpty() ? tr("no work planned") : tr("no work planned: %1").arg(shortList(items));
    return shortList(items);
}

QVariant GapsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_snapshot)
        return {};
    if (isTheme(index)) {
        const ThemeSummary &t = m_snapshot->analysis.metrics.themes[std::size_t(index.row())];
        if (index.column() != Metric)
            return {};
        switch (role) {
        case Qt::DisplayRole:
            return tr("%1 — %2 met · %3 with a gap · %4 not measured")
                .arg(MetricCatalogue::themeName(t.theme))
                .arg(t.met)
                .arg(t.gaps)
                .arg(t.notMeasured);
        case SortRole: return index.row();
        case IdRole: return MetricCatalogue::themeId(t.theme);
        case Qt::ToolTipRole:
            return tr("%1: %2 metrics; business weight %3 (setting weight.%4)")
                .arg(MetricCatalogue::themeName(t.theme))
                .arg(t.metrics)
                .arg(SettingsSchema::formatNumber(t.weight), MetricCatalogue::themeId(t.theme));
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        default: return {};
        }
    }
    const MetricResult &m = *metricAt(index);
    const Unit unit = m.def->unit;
    const QString name = QCoreApplication::translate("srm::MetricCatalogue", m.def->name);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Metric: return name;
        case Current: return m.value ? charts::formatValue(m.value, unit) : tr("not measured");
        case Range: return m.ci ? charts::formatRange(m.ci, unit) : QString();
        case Target: return charts::formatValue(m.target, unit);
        case Gap: return m.gap ? charts::formatGap(m.gap, unit) : QString();
        case Tier: return charts::tierText(m.tier);
        case Trend: return QString();
        case Change: return charts::verdictText(m.verdict);
        case Status: return charts::statusText(m.status);
        case Teams: return rollupWords(m_snapshot->byTeam.rollupOf(m.key()), BreakdownBy::Team);
        case Work: return workText(m);
        }
        return {};
    case Qt::EditRole:
        if (index.column() == Target)
            return toDisplayUnit(unit, m.target);
        return data(index, Qt::DisplayRole);
    case SortRole:
        switch (index.column()) {
        case Metric: return name;
        case Current: return m.value ? QVariant(*m.value) : QVariant(std::numeric_limits<double>::infinity());
        case Range: return m.ci ? QVariant(m.ci->hi - m.ci->lo) : QVariant(std::numeric_limits<double>::infinity());
        case Target: return m.target;
        case Gap: return m.gap ? QVariant(*m.gap) : QVariant(-1.0);
        case Tier: return m.tier ? int(*m.tier) : 99;
        case Trend: return index.row();
        case Change: return int(m.verdict);
        case Status: return int(m.status);
        case Teams: {
            // The most teams with a gap first.
            const MetricRollup &r = m_snapshot->byTeam.rollupOf(m.key());
            return r.gap * 1000 + r.notMeasured;
        }
        case Work: {
            const PlanGap *g = m_snapshot->plan ? m_snapshot->plan->findGap(m.key()) : nullptr;
            return !g ? 1 << 30 : g->addressedIn ? g->addressedIn->index() : -1;
        }
        }
        return {};
    case IdRole: return m.id();
    case Qt::TextAlignmentRole:
        if (index.column() >= Current && index.column() <= Gap)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == Status || (index.column() == Current && !m.value))
            return statusColor(m.status);
        if (index.column() == Change)
            return verdictColor(m.verdict);
        if (index.column() == Range)
            return paletteStyle().mutedText;
        if (index.column() == Work && m_snapshot->plan)
            if (const PlanGap *g = m_snapshot->plan->findGap(m.key()); g && !g->addressedIn)
                return statusColor(Status::Gap);
        return {};
    case Qt::ToolTipRole: {
        if (index.column() == Work)
            return tr("<b>%1: planned work</b><br>%2").arg(name.toHtmlEscaped(), workText(m).toHtmlEscaped());
        if (index.column() == Teams) {
            // Each team's own figure and status, the largest gap first.
            const Breakdown &b = m_snapshot->byTeam;
            QString tip = tr("<b>%1 by team</b>").arg(name.toHtmlEscaped());
            for (const std::size_t i : b.byGap(m.key())) {
                const MetricResult &t = b.entries[i].metrics.at(m.key());
                tip += QStringLiteral("<br>%1: %2 — %3")
                           .arg((b.entries[i].name.isEmpty() ? tr("(no team)") : b.entries[i].name).toHtmlEscaped(),
                                t.value ? charts::formatValue(t.value, unit) : tr("no data"),
                                charts::statusText(t.status));
            }
            return tip;
        }
        QString tip = QStringLiteral("<b>%1</b><br>%2")
                          .arg(name.toHtmlEscaped(),
                               QCoreApplication::translate("srm::MetricCatalogue", m.def->definition).toHtmlEscaped());
        tip += tr("<br>Counted by: %1. n = %2.").arg(QString::fromLatin1(m.def->anchor)).arg(m.n);
        if (m.def->hasP90)
            tip += tr(" p90 %1.").arg(charts::formatValue(m.p90, unit));
        tip += tr("<br>95% range %1.")
                   .arg(m.ci          ? charts::formatRange(m.ci, unit)
                            : m.value ? tr("none (too few values, or not a sample)")
                                      : tr("none"));
        if (m.previous) {
            tip += tr("<br>Before: %1 (range %2, n = %3): <b>%4</b>.")
                       .arg(charts::formatValue(m.previous->value, unit), charts::formatRange(m.previous->ci, unit))
                       .arg(m.previous->n)
                       .arg(charts::verdictText(m.verdict));
            if (m.verdict == Verdict::NoClearChange)
                tip += tr(" The two ranges overlap: the difference is within what chance alone moves.");
        }
        if (index.column() == Target)
            tip += tr("<br>Double-click to change the target (setting target.%1).").arg(m.id());
        if (index.column() == Work && m_snapshot->plan) {
            const Plan &plan = *m_snapshot->plan;
            if (const PlanGap *g = plan.findGap(m.key()))
                tip += g->addressedIn
                    ? tr("<br>The roadmap first addresses it in %1.").arg(formatQuarter(*g->addressedIn))
                    : tr("<br>No scheduled item is linked to it: link debt items to it in the Debt view.");
            tip += tr("<br>Gaps of the roadmap are judged over the %1 days to %2.")
                       .arg(plan.gapWindow.days)
                       .arg(formatDate(plan.gapWindow.asOf));
        }
        if (index.column() == Gap)
            tip += tr("<br>Gap: how far the value is from the target in the direction that matters (%1 is better).")
                       .arg(m.def->better == Better::Higher ? tr("higher") : tr("lower"));
        return tip;
    }
    case Qt::AccessibleTextRole:
        if (index.column() == Trend)
            return tr("weekly trend of %1").arg(name);
        return data(index, Qt::DisplayRole);
    default: return {};
    }
}

QVariant GapsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Metric: return tr("Metric");
        case Current: return tr("Current");
        case Range: return tr("95% range");
        case Target: return tr("Target");
        case Gap: return tr("Gap");
        case Tier: return tr("DORA 2023 cluster\n(historical)");
        case Trend: return tr("Trend (weekly)");
        case Change: return tr("vs. before");
        case Status: return tr("Status");
        case Teams: return tr("By team");
        case Work: return tr("Planned work");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Current: return tr("The metric over the whole window (p50 for durations)");
        case Target: return tr("The target (setting target.<metric>); editable");
        case Gap: return tr("max(0, value − target), or max(0, target − value) when higher is better");
        case Tier:
            return tr("%1: the elite / high / medium / low clusters of the 2023 State of DevOps report, for four "
                      "DORA metrics and time to restore. DORA has published no clusters since 2025; the DORA Quick "
                      "Check under the table scores the five delivery metrics against today's industry.")
                .arg(charts::tierCaption());
        case Trend:
            return tr("Weekly values on the scale shared by all metrics of the same unit, with the target dashed");
        case Range:
            return tr("Where the value lies with 95% confidence: order statistics for medians, Wilson for ratios, "
                      "Byar for rates");
        case Change:
            return tr("Against the same number of days before the window: improved or worse only when the "
                      "two 95% ranges do not overlap");
        case Teams:
            return tr("How many teams meet the target, have a gap or are not measured, each counted on its own "
                      "records; statuses are counted, figures are never averaged across teams");
        case Work: return tr("The open debt items linked to the gap and the quarter the roadmap gives each");
        }
    }
    return {};
}

Qt::ItemFlags GapsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (index.isValid() && !isTheme(index) && index.column() == Target)
        f |= Qt::ItemIsEditable;
    return f;
}

bool GapsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Target || isTheme(index) || !index.isValid())
        return false;
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0)
        return false;
    const MetricResult &m = *metricAt(index);
    emit targetEdited(m.id(), fromDisplayUnit(m.def->unit, v));
    return true;
}

} // namespace srm
