#include "views/debtmodel.h"
#include "views/tooltips.h"

#include "planning/debtstore.h"
#include "views/charts/valueformat.h"
#include "views/modelroles.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace srm {

DebtModel::DebtModel(QObject *parent) : QAbstractTableModel(parent) { }

void DebtModel::setSnapshot(SnapshotPtr snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

const DebtItem *DebtModel::itemAt(int row) const
{
    if (!m_snapshot || row < 0 || row >= rowCount())
        return nullptr;
    return &m_snapshot->debtItems[std::size_t(row)];
}

int DebtModel::rowOf(const QString &id) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (QString::fromStdString(m_snapshot->debtItems[std::size_t(r)].id) == id)
            return r;
    return -1;
}

int DebtModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : int(m_snapshot->debtItems.size());
}

int DebtModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
QString joinIds(const std::vector<std::string> &ids)
{
    QStringList out;
    for (const std::string &id : ids)
        out << QString::fromStdString(id);
    return out.join(QStringLiteral("; "));
}

QString metricNames(const std::vector<MetricId> &ids)
{
    QStringList out;
    for (MetricId id : ids)
        out << metricPhrase(id);
    return out.join(QStringLiteral(", "));
}

QString metricIds(const std::vector<MetricId> &ids)
{
    return MetricCatalogue::idListText(ids).replace(u';', QStringLiteral("; "));
}
} // namespace

QVariant DebtModel::data(const QModelIndex &index, int role) const
{
    const DebtItem *item = index.isValid() ? itemAt(index.row()) : nullptr;
    if (!item)
        return {};
    const DebtAssessment &a = m_snapshot->assessments[std::size_t(index.row())];
    const PlannedItem *planned = m_snapshot->plan ? m_snapshot->plan->find(item->id) : nullptr;
    const bool done = item->status == DebtStatus::Done;
    auto plannedText = [&]() -> QString {
        if (done)
            return tr("done");
        if (!planned)
            return m_snapshot->plan ? QString() : tr("no plan");
        return planned->quarter ? formatQuarter(*planned->quarter) : tr("unscheduled");
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Rank: return a.rank ? QVariant(*a.rank) : QVariant(QString());
        case Id: return QString::fromStdString(item->id);
        case Title: return QString::fromStdString(item->title);
        case Theme: return MetricCatalogue::themeIdOrEmpty(item->theme);
        case Toil:
            return role == Qt::EditRole ? QVariant(item->toilHoursPerWeek)
                                        : QVariant(SettingsSchema::formatNumber(item->toilHoursPerWeek));
        case Cost:
            return role == Qt::EditRole ? QVariant(item->costWeeks)
                                        : QVariant(SettingsSchema::formatNumber(item->costWeeks));
        case Likelihood: return item->riskLikelihood;
        case Impact: return item->riskImpact;
        case Quadrant: return quadrantName(a.quadrant);
        case Priority: return formatPriority(a.priority);
        case GapFactor: return item->linkedMetrics.empty() ? QStringLiteral("–") : formatGapFactor(a.gap.factor);
        case Linked: return role == Qt::EditRole ? metricIds(item->linkedMetrics) : metricNames(item->linkedMetrics);
        case Payback:
            return a.paybackQuarters ? tr("%1 q").arg(charts::formatNumber(*a.paybackQuarters)) : QStringLiteral("–");
        case DependsOn: return joinIds(item->dependsOn);
        case Pinned: return QString::fromStdString(item->pinnedQuarter);
        case Planned: return plannedText();
        case Status: return QString::fromLatin1(toString(item->status));
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Rank: return a.rank ? *a.rank : 1 << 30;
        case Toil: return item->toilHoursPerWeek;
        case Cost: return item->costWeeks;
        case Likelihood: return item->riskLikelihood;
        case Impact: return item->riskImpact;
        case Quadrant: return int(a.quadrant);
        case Priority: return a.priority;
        case GapFactor: return a.gap.factor;
        case Payback: return a.paybackQuarters.value_or(std::numeric_limits<double>::infinity());
        case Planned: return planned && planned->quarter ? planned->quarter->index() : (1 << 30);
        default: return data(index, Qt::DisplayRole);
        }
    case IdRole: return QString::fromStdString(item->id);
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Rank:
        case Toil:
        case Cost:
        case Likelihood:
        case Impact:
        case Priority:
        case GapFactor:
        case Payback: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default: return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ForegroundRole:
        if (done)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Title:
            return plainToolTip(item->notes.empty() ? QString::fromStdString(item->title)
                                                    : QStringLiteral("%1\n\n%2")
                                                          .arg(QString::fromStdString(item->title),
                                                               QString::fromStdString(item->notes)));
        case Quadrant: return quadrantCaption(a.quadrant);
        case Priority: {
            QString text = tr("value %1 h a quarter (toil × 13 + 8 × likelihood × impact) ÷ cost %2 h × theme weight "
                              "%3 × gap factor %4")
                               .arg(charts::formatNumber(a.value), charts::formatNumber(a.costHours),
                                    SettingsSchema::formatNumber(a.weight), formatGapFactor(a.gap.factor).mid(2));
            if (!a.gapNote.isEmpty())
                text += u'\n' + a.gapNote;
            return text;
        }
        case GapFactor:
            return a.gapNote.isEmpty() ? tr("Not linked to a metric: gap factor 1. Link the metrics the work improves.")
                                       : a.gapNote;
        case Linked:
            return tr("The metrics the work improves: catalogue ids separated by ';' (%1)")
                .arg(metricIds(item->linkedMetrics));
        case Payback: return tr("Quarters until the toil saved pays for the work: cost hours ÷ (toil × 13)");
        case Planned: return planned ? planned->reason : QString();
        case DependsOn: return tr("Ids of the items this one waits for, separated by ';'");
        case Pinned: return tr("A quarter such as 2027Q2 to place the item there; empty to let the scheduler choose");
        case Rank: return tr("Rank by priority among open items (1 = first)");
        case Likelihood: return tr("Risk likelihood, 1 (rare) to 5 (almost certain)");
        case Impact: return tr("Risk impact, 1 (minor) to 5 (severe)");
        }
        return {};
    default: return {};
    }
}

QVariant DebtModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank: return tr("Rank");
    case Id: return tr("ID");
    case Title: return tr("Title");
    case Theme: return tr("Theme");
    case Toil: return tr("Toil h/wk");
    case Cost: return tr("Cost wk");
    case Likelihood: return tr("Risk L");
    case Impact: return tr("Risk I");
    case Quadrant: return tr("Quadrant");
    case Priority: return tr("Priority");
    case GapFactor: return tr("Gap ×");
    case Linked: return tr("Linked metrics");
    case Payback: return tr("Payback");
    case DependsOn: return tr("Depends on");
    case Pinned: return tr("Pinned");
    case Planned: return tr("Planned");
    case Status: return tr("Status");
    }
    return {};
}

Qt::ItemFlags DebtModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    switch (index.column()) {
    case Title:
    case Theme:
    case Toil:
    case Cost:
    case Likelihood:
    case Impact:
    case DependsOn:
    case Linked:
    case Pinned:
    case Status: f |= Qt::ItemIsEditable; break;
    default: break;
    }
    return f;
}

bool DebtModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const DebtItem *current = index.isValid() ? itemAt(index.row()) : nullptr;
    if (!current || role != Qt::EditRole)
        return false;
    const QString id = QString::fromStdString(current->id);
    const QString text = value.toString().trimmed();
    if (index.column() == DependsOn) {
        emit dependenciesEdited(id, text.split(QRegularExpression(QStringLiteral("[;,\\s]+")), Qt::SkipEmptyParts));
        return true;
    }
    if (index.column() == Pinned) {
        emit pinEdited(id, text);
        return true;
    }
    if (index.column() == Linked) {
        emit linkedMetricsEdited(id, text);
        return true;
    }
    DebtItem item = *current;
    bool ok = true;
    try {
        switch (index.column()) {
        case Title: item.title = text.toStdString(); break;
        case Theme: item.theme = DebtStore::parseTheme(item.id, text); break;
        case Toil: item.toilHoursPerWeek = value.toDouble(&ok); break;
        case Cost: item.costWeeks = value.toDouble(&ok); break;
        case Likelihood: item.riskLikelihood = value.toInt(&ok); break;
        case Impact: item.riskImpact = value.toInt(&ok); break;
        case Status: item.status = DebtStore::parseStatus(item.id, text); break;
        default: return false;
        }
    } catch (const InputError &e) {
        emit editRefused(e.message());
        return false;
    }
    if (!ok || item == *current)
        return false;
    emit itemEdited(id, item);
    return true;
}

} // namespace srm
