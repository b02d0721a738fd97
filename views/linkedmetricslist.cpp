#include "views/linkedmetricslist.h"

#include <QCoreApplication>

namespace srm {

namespace {
constexpr int kMetricRole = Qt::UserRole;
}

LinkedMetricsList::LinkedMetricsList(const GapBasis &basis, QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("linkedMetrics"));
    setAccessibleName(tr("Linked metrics"));
    setUniformItemSizes(true);
    std::optional<Theme> theme;
    for (const MetricDef &def : MetricCatalogue::all()) {
        if (theme != def.theme) {
            theme = def.theme;
            auto *head = new QListWidgetItem(MetricCatalogue::themeName(def.theme), this);
            head->setFlags(Qt::NoItemFlags);
            QFont bold = font();
            bold.setBold(true);
            head->setFont(bold);
        }
        QString text = QCoreApplication::translate("srm::MetricCatalogue", def.name);
        if (basis.evaluated) {
            const MetricStanding &s = basis.at(def.key);
            const double r = relativeGap(s);
            if (s.status == Status::NotMeasured)
                text += tr("  —  not measured (gap factor %1)").arg(formatGapFactor(1 + r));
            else if (s.status == Status::Met)
                text += tr("  —  %1, meets %2")
                            .arg(formatMetricValue(*s.value, def.unit), formatMetricValue(s.target, def.unit));
            else
                text += tr("  —  %1 against %2 (gap factor %3)")
                            .arg(formatMetricValue(*s.value, def.unit), formatMetricValue(s.target, def.unit),
                                 formatGapFactor(1 + r));
        }
        auto *entry = new QListWidgetItem(text, this);
        entry->setData(kMetricRole, int(def.key));
        entry->setToolTip(QStringLiteral("%1: %2").arg(
            QLatin1StringView(def.id), QCoreApplication::translate("srm::MetricCatalogue", def.definition)));
        entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        entry->setCheckState(Qt::Unchecked);
    }
}

void LinkedMetricsList::setLinked(const std::vector<MetricId> &linked)
{
    for (int i = 0; i < count(); ++i) {
        QListWidgetItem *entry = item(i);
        if (!(entry->flags() & Qt::ItemIsUserCheckable))
            continue;
        const auto id = MetricId(entry->data(kMetricRole).toInt());
        entry->setCheckState(std::find(linked.begin(), linked.end(), id) != linked.end() ? Qt::Checked : Qt::Unchecked);
    }
}

std::vector<MetricId> LinkedMetricsList::linked() const
{
    std::vector<MetricId> out;
    for (int i = 0; i < count(); ++i) {
        const QListWidgetItem *entry = item(i);
        if ((entry->flags() & Qt::ItemIsUserCheckable) && entry->checkState() == Qt::Checked)
            out.push_back(MetricId(entry->data(kMetricRole).toInt()));
    }
    std::sort(out.begin(), out.end());
    return out;
}

void LinkedMetricsList::setChecked(MetricId metric, bool on)
{
    for (int i = 0; i < count(); ++i) {
        QListWidgetItem *entry = item(i);
        if ((entry->flags() & Qt::ItemIsUserCheckable) && MetricId(entry->data(kMetricRole).toInt()) == metric)
            entry->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

} // namespace srm
