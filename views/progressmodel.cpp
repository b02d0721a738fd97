#include "views/progressmodel.h"

#include "views/charts/progresschart.h"
#include "views/charts/valueformat.h"
#include "views/modelroles.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <limits>

namespace srm {

namespace {

charts::ChartStyle paletteStyle()
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    return dark ? charts::ChartStyle::dark() : charts::ChartStyle::light();
}

} // namespace

ProgressModel::ProgressModel(QObject *parent) : QAbstractTableModel(parent) { }

void ProgressModel::setSnapshot(SnapshotPtr snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

const MetricProgress *ProgressModel::metricAt(int row) const
{
    if (!m_snapshot || row < 0 || row >= rowCount())
        return nullptr;
    return &m_snapshot->progress.metrics[std::size_t(row)];
}

int ProgressModel::rowOf(const QString &metricId) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (metricAt(r)->id() == metricId)
            return r;
    return -1;
}

std::optional<int> ProgressModel::latest() const
{
    return m_snapshot ? m_snapshot->progress.latestComplete() : std::nullopt;
}

int ProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : int(m_snapshot->progress.metrics.size());
}

int ProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProgressModel::data(const QModelIndex &index, int role) const
{
    const MetricProgress *m = index.isValid() ? metricAt(index.row()) : nullptr;
    if (!m)
        return {};
    const Unit unit = m->def->unit;
    const std::optional<int> last = latest();
    const QuarterFigure *f = last ? &m->quarters[std::size_t(*last)] : nullptr;
    const QString name = QCoreApplication::translate("srm::MetricCatalogue", m->def->name);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Metric: return name;
        case Latest: return f && f->value ? charts::formatValue(f->value, unit) : tr("no data");
        case Range: return f && f->ci ? charts::formatRange(f->ci, unit) : QString();
        case Change:
            if (!f || !f->verdict)
                return QStringLiteral("–");
            return charts::verdictText(*f->verdict);
        case Pace: return charts::paceText(*m);
        case Projected: return charts::projectionText(*m);
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Metric: return index.row();
        case Latest: return f && f->value ? QVariant(*f->value) : QVariant(std::numeric_limits<double>::infinity());
        case Range:
            return f && f->ci ? QVariant(f->ci->hi - f->ci->lo) : QVariant(std::numeric_limits<double>::infinity());
        case Change: return f && f->verdict ? int(*f->verdict) : 99;
        case Pace:
            return m->pace.slopePerQuarter ? QVariant(*m->pace.slopePerQuarter)
                                           : QVariant(std::numeric_limits<double>::infinity());
        case Projected: return m->pace.met ? -1 : m->pace.targetIndex ? *m->pace.targetIndex : 999;
        }
        return {};
    case IdRole: return m->id();
    case Qt::TextAlignmentRole:
        if (index.column() == Latest || index.column() == Range || index.column() == Pace)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole: {
        const charts::ChartStyle style = paletteStyle();
        if (index.column() == Change && f && f->verdict)
            return *f->verdict == Verdict::Improved ? style.good
                : *f->verdict == Verdict::Worse     ? style.bad
                                                    : style.mutedText;
        if (index.column() == Projected)
            return m->pace.met ? style.good : m->pace.targetQuarter ? style.accent : style.mutedText;
        if (index.column() == Range)
            return style.mutedText;
        return {};
    }
    case Qt::BackgroundRole:
        if (m->success) {
            QColor tint = paletteStyle().good;
            tint.setAlphaF(0.14);
            return tint;
        }
        return {};
    case Qt::FontRole:
        if (m->success && index.column() == Metric) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole: {
        const ProgressReport &r = m_snapshot->progress;
        QString tip = QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped());
        if (m->success)
            tip += tr(" — a success of %1").arg(formatQuarter(r.quarters[std::size_t(*last)].quarter));
        tip += QStringLiteral("<table>");
        for (std::size_t i = 0; i < m->quarters.size(); ++i) {
            const QuarterFigure &q = m->quarters[i];
            tip += QStringLiteral("<tr><td>%1%2&nbsp;&nbsp;</td><td align=right>%3&nbsp;&nbsp;</td><td>%4</td></tr>")
                       .arg(formatQuarter(r.quarters[i].quarter), r.quarters[i].partial ? tr(" (partial)") : QString(),
                            charts::quarterFigureText(q, unit).toHtmlEscaped(),
                            q.verdict && q.value ? charts::verdictText(*q.verdict) : QString());
        }
        tip += QStringLiteral("</table>");
        tip += tr("Target %1. Pace %2 (Theil–Sen over the complete quarters): %3.")
                   .arg(charts::formatValue(m->target, unit), charts::paceText(*m), charts::projectionText(*m));
        return tip;
    }
    case Qt::AccessibleTextRole: return data(index, Qt::DisplayRole);
    default: return {};
    }
}

QVariant ProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const std::optional<int> last = latest();
    const QString quarter = last ? formatQuarter(m_snapshot->progress.quarters[std::size_t(*last)].quarter) : QString();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Metric: return tr("Metric");
        case Latest: return quarter.isEmpty() ? tr("Latest quarter") : quarter;
        case Range: return tr("95% range");
        case Change: return tr("vs. quarter before");
        case Pace: return tr("Pace");
        case Projected: return tr("Reaches target");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Latest: return tr("The latest complete quarter");
        case Change: return tr("Improved or worse only when the 95% ranges of the two quarters do not overlap");
        case Pace: return tr("Theil–Sen slope over the complete quarters with a value (at least 3)");
        case Projected:
            return tr("\"met\" when the latest complete quarter meets the target; else the first of the next 8 "
                      "quarters in which the pace line meets it");
        }
    }
    return {};
}

SloProgressModel::SloProgressModel(QObject *parent) : QAbstractTableModel(parent) { }

void SloProgressModel::setSnapshot(SnapshotPtr snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

int SloProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : int(m_snapshot->progress.slos.size());
}

int SloProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : FirstQuarter + m_snapshot->progress.count();
}

QVariant SloProgressModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_snapshot || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const SloProgress &s = m_snapshot->progress.slos[std::size_t(index.row())];
    const SloQuarter *q = index.column() >= FirstQuarter ? &s.quarters[std::size_t(index.column() - FirstQuarter)]
                                                         : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Name)
            return s.name;
        if (index.column() == Objective)
            return charts::formatPercent(s.objective, 2);
        return q->attainment ? charts::formatPercent(q->attainment, 2) : QStringLiteral("–");
    case SortRole:
        if (index.column() == Name)
            return s.name;
        if (index.column() == Objective)
            return s.objective;
        return q->attainment ? QVariant(*q->attainment) : QVariant(-1.0);
    case IdRole: return s.name;
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (q && q->met) {
            const charts::ChartStyle style = paletteStyle();
            return *q->met ? style.good : style.bad;
        }
        return {};
    case Qt::ToolTipRole:
        if (!q)
            return tr("%1 (%2), objective %3").arg(s.name, s.service, charts::formatPercent(s.objective, 3));
        if (!q->attainment)
            return tr("%1: no measurements in %2")
                .arg(s.name,
                     formatQuarter(m_snapshot->progress.quarters[std::size_t(index.column() - FirstQuarter)].quarter));
        return tr("%1 in %2: attainment %3 against %4 (%5); error budget left %6")
            .arg(s.name,
                 formatQuarter(m_snapshot->progress.quarters[std::size_t(index.column() - FirstQuarter)].quarter),
                 charts::formatPercent(q->attainment, 3), charts::formatPercent(s.objective, 3),
                 *q->met ? tr("met") : tr("missed"), charts::formatPercent(q->errorBudgetRemaining, 1));
    default: return {};
    }
}

QVariant SloProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (role == Qt::ToolTipRole)
        return section >= FirstQuarter && m_snapshot && section - FirstQuarter < m_snapshot->progress.count()
                && m_snapshot->progress.quarters[std::size_t(section - FirstQuarter)].partial
            ? tr("A partial quarter: from its start to the as-of date")
            : QVariant();
    if (section == Name)
        return tr("SLO");
    if (section == Objective)
        return tr("Objective");
    if (!m_snapshot || section - FirstQuarter >= m_snapshot->progress.count())
        return {};
    const ProgressQuarter &q = m_snapshot->progress.quarters[std::size_t(section - FirstQuarter)];
    return formatQuarter(q.quarter) + (q.partial ? QStringLiteral("*") : QString());
}

} // namespace srm
