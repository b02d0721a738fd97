#include "store/settings.h"

#include <QRegularExpression>
#include <QTimeZone>

#include "store/texthygiene.h"

#include <cmath>

namespace srm {
namespace SettingsSchema {

namespace {

QList<SettingSpec> buildAll()
{
    QList<SettingSpec> out = {
        {QStringLiteral("name"), SettingType::Text, QString(), QStringLiteral("organisation shown in reports")},
        {QStringLiteral("timezone"), SettingType::TimeZone, QStringLiteral("UTC"),
         QStringLiteral("IANA time zone for naive timestamps and business hours")},
        {QStringLiteral("business_hours_start"), SettingType::ClockTime, QStringLiteral("09:00"),
         QStringLiteral("start of business hours, local time (inclusive)")},
        {QStringLiteral("business_hours_end"), SettingType::ClockTime, QStringLiteral("17:00"),
         QStringLiteral("end of business hours, local time (exclusive)")},
        {QStringLiteral("team_size"), SettingType::Count, QString(),
         QStringLiteral("engineers in the team (toil ratio, capacity)")},
        {QStringLiteral("capacity_weeks"), SettingType::Number, QString(),
         QStringLiteral("engineer-weeks per quarter for debt work (overrides team_size)")},
        {QStringLiteral("reserved_ratio"), SettingType::Ratio, QStringLiteral("0.5"),
         QStringLiteral("share of the team's time kept for operations")},
        {QStringLiteral("dora_preset"), SettingType::Preset, QStringLiteral("dora-2023"),
         QStringLiteral("DORA 2023 cluster thresholds (historical)")},
    };
    for (const MetricDef &m : MetricCatalogue::all())
        out.append({QStringLiteral("target.") + QLatin1StringView(m.id), SettingType::Number,
                    formatNumber(m.defaultTarget), QStringLiteral("target for ") + QLatin1StringView(m.id)});
    for (Theme t : MetricCatalogue::kThemes)
        out.append({QStringLiteral("weight.") + MetricCatalogue::themeId(t), SettingType::Number, QStringLiteral("1"),
                    QStringLiteral("business weight of the %1 theme").arg(MetricCatalogue::themeId(t))});
    out.append({QStringLiteral("quadrant.toil_hours"), SettingType::Number, QStringLiteral("4"),
                QStringLiteral("toil hours per week from which a toil pile is large")});
    out.append({QStringLiteral("quadrant.cost_weeks"), SettingType::Number, QStringLiteral("4"),
                QStringLiteral("cost in weeks from which an item is high cost")});
    out.append({QStringLiteral("roadmap_start"), SettingType::Quarter, QString(),
                QStringLiteral("first quarter of the roadmap (default: the quarter after as-of)")});
    return out;
}

// The largest value a number setting takes: beyond it a figure is a typo (or an attack on the
// charts' axes), not a plan. docs/hostile-input.md#limits
double maxNumber(QStringView key)
{
    if (key == u"quadrant.toil_hours")
        return 10000; // hours per week, the same bound as an item's toil
    if (key == u"quadrant.cost_weeks")
        return 10000; // weeks, the same bound as an item's cost
    if (key.startsWith(u"weight."))
        return 1000;
    if (key == u"capacity_weeks")
        return 100000;
    return 1e9; // targets
}

std::optional<double> parseNumber(const QString &v)
{
    bool ok = false;
    const double d = v.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

} // namespace

QString formatNumber(double v)
{
    if (v == 0)
        return QStringLiteral("0"); // no "-0"
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

const QList<SettingSpec> &all()
{
    static const QList<SettingSpec> specs = buildAll();
    return specs;
}

const SettingSpec *find(QStringView key)
{
    for (const SettingSpec &s : all())
        if (s.key == key)
            return &s;
    return nullptr;
}

QString typeDescription(SettingType t)
{
    switch (t) {
    case SettingType::Text: return QStringLiteral("text of at most 200 characters without control characters");
    case SettingType::TimeZone: return QStringLiteral("an IANA time zone such as UTC or Europe/Berlin");
    case SettingType::ClockTime: return QStringLiteral("a time of day HH:MM from 00:00 to 24:00");
    case SettingType::Count: return QStringLiteral("a whole number of at least 1");
    case SettingType::Number: return QStringLiteral("a number of at least 0");
    case SettingType::Ratio: return QStringLiteral("a number from 0 up to (not including) 1");
    case SettingType::Preset: return QStringLiteral("one of: ") + MetricCatalogue::presets().join(QStringLiteral(", "));
    case SettingType::Quarter: return QStringLiteral("a quarter such as 2027Q1");
    }
    return {};
}

QString acceptedKeys()
{
    QStringList keys;
    for (const SettingSpec &s : all())
        if (!s.key.startsWith(u"target.") && !s.key.startsWith(u"weight."))
            keys << s.key;
    keys << QStringLiteral("target.<metric> (metric: %1)").arg(MetricCatalogue::ids().join(QStringLiteral(", ")));
    keys << QStringLiteral("weight.<theme> (theme: %1)").arg(MetricCatalogue::themeIds().join(QStringLiteral(", ")));
    return keys.join(QStringLiteral("; "));
}

std::optional<QString> validate(QStringView key, const QString &rawValue, QString *error)
{
    const SettingSpec *spec = find(key);
    if (!spec) {
        if (error)
            *error = QStringLiteral("unknown setting '%1'; accepted keys: %2").arg(key, acceptedKeys());
        return std::nullopt;
    }
    const QString value = rawValue.trimmed();
    if (value.isEmpty())
        return QString(); // reset to default
    auto fail = [&]() -> std::optional<QString> {
        if (error)
            *error = QStringLiteral("invalid value '%1' for %2: expected %3")
                         .arg(rawValue, spec->key, typeDescription(spec->type));
        return std::nullopt;
    };
    switch (spec->type) {
    case SettingType::Text:
        if (value.size() > 200)
            return fail();
        for (const QChar c : value)
            if (hygiene::isControl(c.unicode()))
                return fail();
        return value;
    case SettingType::TimeZone: {
        if (value == u"UTC")
            return value;
        const QByteArray id = value.toUtf8();
        if (!QTimeZone::isTimeZoneIdAvailable(id))
            return fail();
        return value;
    }
    case SettingType::ClockTime: {
        static const QRegularExpression re(QStringLiteral("^([0-9]{1,2}):([0-9]{2})$"));
        const auto m = re.match(value);
        if (!m.hasMatch())
            return fail();
        const int h = m.captured(1).toInt();
        const int min = m.captured(2).toInt();
        if (h > 24 || min > 59 || (h == 24 && min != 0))
            return fail();
        return QStringLiteral("%1:%2").arg(h, 2, 10, QLatin1Char('0')).arg(min, 2, 10, QLatin1Char('0'));
    }
    case SettingType::Count: {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 1 || n > 100000)
            return fail();
        return QString::number(n);
    }
    case SettingType::Number: {
        const auto d = parseNumber(value);
        if (!d || *d < 0)
            return fail();
        if (*d > maxNumber(spec->key)) {
            if (error)
                *error = QStringLiteral("invalid value '%1' for %2: expected a number from 0 to %3")
                             .arg(rawValue, spec->key, formatNumber(maxNumber(spec->key)));
            return std::nullopt;
        }
        if (spec->key.startsWith(u"target.")) {
            const MetricDef *m = MetricCatalogue::find(QStringView(spec->key).mid(7));
            if (m && m->unit == Unit::Ratio && *d > 1) {
                if (error)
                    *error = QStringLiteral("invalid value '%1' for %2: expected a ratio from 0 to 1")
                                 .arg(rawValue, spec->key);
                return std::nullopt;
            }
        }
        return formatNumber(*d);
    }
    case SettingType::Ratio: {
        const auto d = parseNumber(value);
        if (!d || *d < 0 || *d >= 1)
            return fail();
        return formatNumber(*d);
    }
    case SettingType::Preset:
        if (!MetricCatalogue::presets().contains(value))
            return fail();
        return value;
    case SettingType::Quarter: {
        const auto q = parseQuarter(value);
        if (!q)
            return fail();
        return formatQuarter(*q);
    }
    }
    return fail();
}

} // namespace SettingsSchema

double WorkspaceSettings::target(QStringView metricId) const
{
    return targets.value(metricId.toString(), 0.0);
}

double WorkspaceSettings::target(MetricId metric) const
{
    return targets.value(MetricCatalogue::idText(metric), 0.0);
}

double WorkspaceSettings::weight(QStringView themeId) const
{
    return weights.value(themeId.toString().toLower(), 1.0);
}

std::optional<double> WorkspaceSettings::quarterCapacity() const
{
    if (capacityWeeks)
        return *capacityWeeks;
    if (teamSize)
        return *teamSize * 12.0 * (1.0 - reservedRatio);
    return std::nullopt;
}

static int clockMinutes(const QString &hhmm)
{
    return hhmm.section(u':', 0, 0).toInt() * 60 + hhmm.section(u':', 1, 1).toInt();
}

QStringList WorkspaceSettings::problems(const QHash<QString, QString> &stored)
{
    QStringList out;
    auto value = [&](const char *key) {
        const QString k = QString::fromLatin1(key);
        const QString v = stored.value(k);
        return v.isEmpty() ? SettingsSchema::find(k)->defaultValue : v;
    };
    if (clockMinutes(value("business_hours_start")) >= clockMinutes(value("business_hours_end")))
        out << QStringLiteral("settings business_hours_start and business_hours_end are ignored: %1 is not before %2")
                   .arg(value("business_hours_start"), value("business_hours_end"));
    return out;
}

WorkspaceSettings WorkspaceSettings::fromStored(const QHash<QString, QString> &stored)
{
    // Every value is validated again here, whoever stored it: one that is not valid for its
    // key is the default (docs/hostile-input.md#settings).
    auto value = [&](const SettingSpec &s) {
        const auto v = SettingsSchema::validate(s.key, stored.value(s.key), nullptr);
        return !v || v->isEmpty() ? s.defaultValue : *v;
    };
    WorkspaceSettings w;
    for (const SettingSpec &s : SettingsSchema::all()) {
        const QString v = value(s);
        if (s.key == u"name")
            w.name = v;
        else if (s.key == u"timezone")
            w.timezone = v.toUtf8();
        else if (s.key == u"business_hours_start")
            w.businessHoursStart = clockMinutes(v);
        else if (s.key == u"business_hours_end")
            w.businessHoursEnd = clockMinutes(v);
        else if (s.key == u"team_size") {
            if (!v.isEmpty())
                w.teamSize = v.toInt();
        } else if (s.key == u"capacity_weeks") {
            if (!v.isEmpty())
                w.capacityWeeks = v.toDouble();
        } else if (s.key == u"reserved_ratio")
            w.reservedRatio = v.toDouble();
        else if (s.key == u"dora_preset")
            w.doraPreset = v;
        else if (s.key.startsWith(u"target."))
            w.targets.insert(s.key.mid(7), v.toDouble());
        else if (s.key.startsWith(u"weight."))
            w.weights.insert(s.key.mid(7), v.toDouble());
        else if (s.key == u"quadrant.toil_hours")
            w.quadrantToilHours = v.toDouble();
        else if (s.key == u"quadrant.cost_weeks")
            w.quadrantCostWeeks = v.toDouble();
        else if (s.key == u"roadmap_start") {
            if (!v.isEmpty())
                w.roadmapStart = parseQuarter(v);
        }
    }
    if (w.businessHoursStart >= w.businessHoursEnd) {
        const WorkspaceSettings defaults;
        w.businessHoursStart = defaults.businessHoursStart;
        w.businessHoursEnd = defaults.businessHoursEnd;
    }
    return w;
}

} // namespace srm
