#include "planning/gapfactor.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace srm {

double relativeGap(const MetricStanding &m)
{
    switch (m.status) {
    case Status::Met: return 0;
    case Status::NotMeasured: return 0.5;
    case Status::Gap: break;
    }
    const double gap = m.gap.value_or(0);
    if (m.target == 0)
        return 1;
    return std::min(1.0, gap / std::abs(m.target));
}

GapBasis GapBasis::fromReport(const MetricsReport &report, std::int64_t openDebtItems, double openToilHoursPerWeek)
{
    GapBasis b;
    b.window = report.window;
    b.openDebtItems = openDebtItems;
    b.openToilHoursPerWeek = openToilHoursPerWeek;
    for (const MetricResult &r : report.metrics) {
        MetricStanding &s = b.metrics[std::size_t(r.key())];
        s.metric = r.key();
        s.value = r.value;
        s.target = r.target;
        s.gap = r.gap;
        s.status = r.status;
    }
    b.evaluated = true;
    return b;
}

GapBasis GapBasis::load(Workspace &ws, Micros now)
{
    const Dataset data = Dataset::load(ws, std::nullopt, AnalysisWindow::kDefaultDays, Dataset::AllParts, now);
    return fromReport(computeMetrics(data), data.openDebtItems, data.openToilHoursPerWeek);
}

GapBasis GapBasis::withSettings(const WorkspaceSettings &settings) const
{
    GapBasis b = *this;
    if (!evaluated)
        return b;
    // toil_ratio divides by team_size: let the engine compute it again from the register's totals.
    Dataset debt;
    debt.window = window;
    debt.parts = Dataset::Debt;
    debt.settings = settings;
    debt.openDebtItems = openDebtItems;
    debt.openToilHoursPerWeek = openToilHoursPerWeek;
    const MetricsReport toil = computeMetrics(debt);
    b.metrics[std::size_t(MetricId::ToilRatio)].value = toil.at(MetricId::ToilRatio).value;

    // Then every metric judged against its target, as the engine does (docs/metrics.md's gap and status).
    for (MetricStanding &s : b.metrics) {
        const MetricDef &def = MetricCatalogue::def(s.metric);
        s.target = settings.target(s.metric);
        if (!s.value) {
            s.gap.reset();
            s.status = Status::NotMeasured;
            continue;
        }
        s.gap = MetricCatalogue::gap(def.better, *s.value, s.target);
        s.status = *s.gap == 0 ? Status::Met : Status::Gap;
    }
    return b;
}

GapFactor gapFactor(const std::vector<MetricId> &linked, const GapBasis &basis)
{
    GapFactor f;
    f.linked = linked;
    if (!basis.evaluated || linked.empty())
        return f;
    double largest = -1;
    for (MetricId id : linked) {
        const double r = relativeGap(basis.at(id));
        if (r > largest) {
            largest = r;
            f.decisive = id;
        }
    }
    f.factor = 1 + largest;
    return f;
}

QString formatGapFactor(double factor)
{
    QString text = QLocale::c().toString(factor, 'f', 2);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return QStringLiteral("× ") + text;
}

QString formatMetricValue(double value, Unit unit)
{
    // As the views write it (views/charts/valueformat.h): 3 significant figures, at most 2 decimals.
    auto number = [](double v) {
        const double a = std::abs(v);
        return QLocale::c().toString(v, 'f', a >= 100 ? 0 : a >= 10 ? 1 : 2);
    };
    switch (unit) {
    case Unit::Ratio: return QLocale::c().toString(value * 100, 'f', 1) + u'%';
    case Unit::PerDay: return number(value) + QStringLiteral("/day");
    case Unit::PerWeek: return number(value) + QStringLiteral("/week");
    case Unit::Hours: return number(value) + QStringLiteral(" h");
    case Unit::Minutes: return number(value) + QStringLiteral(" min");
    }
    return number(value);
}

QString metricPhrase(MetricId id)
{
    QString name = QCoreApplication::translate("srm::MetricCatalogue", MetricCatalogue::def(id).name);
    // "Change failure rate" → "change failure rate"; "SLO compliance" keeps its capitals.
    if (name.size() > 1 && name[0].isUpper() && name[1].isLower())
        name[0] = name[0].toLower();
    return name;
}

namespace {

QString standingText(const MetricStanding &s)
{
    const Unit unit = MetricCatalogue::def(s.metric).unit;
    switch (s.status) {
    case Status::NotMeasured: return QCoreApplication::translate("srm::GapFactor", "not measured");
    case Status::Met:
        return QCoreApplication::translate("srm::GapFactor", "%1 against %2, met")
            .arg(formatMetricValue(*s.value, unit), formatMetricValue(s.target, unit));
    case Status::Gap: break;
    }
    return QCoreApplication::translate("srm::GapFactor", "%1 against %2")
        .arg(formatMetricValue(*s.value, unit), formatMetricValue(s.target, unit));
}

} // namespace

QString gapFactorText(const GapFactor &f, const GapBasis &basis)
{
    if (f.linked.empty() || !basis.evaluated || !f.decisive)
        return {};
    const MetricStanding &decisive = basis.at(*f.decisive);
    QString text;
    if (f.factor == 1 && f.linked.size() > 1) {
        QStringList names;
        for (MetricId id : f.linked)
            names << metricPhrase(id);
        text = QCoreApplication::translate("srm::GapFactor", "%1: its linked metrics meet their targets (%2)")
                   .arg(formatGapFactor(f.factor), names.join(QStringLiteral(", ")));
        return text;
    }
    text = QCoreApplication::translate("srm::GapFactor", "%1: linked to %2, %3")
               .arg(formatGapFactor(f.factor), metricPhrase(*f.decisive), standingText(decisive));
    QStringList others;
    for (MetricId id : f.linked)
        if (id != *f.decisive)
            others << QStringLiteral("%1, %2").arg(metricPhrase(id), standingText(basis.at(id)));
    if (!others.isEmpty())
        text += QCoreApplication::translate("srm::GapFactor", " (also %1)").arg(others.join(QStringLiteral("; ")));
    return text;
}

} // namespace srm
