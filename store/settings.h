// Workspace settings (docs/settings.md): the catalogue of keys with their types, defaults and validation,
// and WorkspaceSettings, the typed view the engine, scheduler and views read. Values are stored
// as canonical text in the workspace's settings table; a key that was never set has its default.
#pragma once

#include "store/metriccatalogue.h"
#include "store/timeutil.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace srm {

enum class SettingType { Text, TimeZone, ClockTime, Count, Number, Ratio, Preset, Quarter };

struct SettingSpec
{
    QString key;
    SettingType type;
    QString defaultValue; // canonical; empty = unset
    QString description;
};

namespace SettingsSchema {

// Every key, with target.<metric> and weight.<theme> expanded.
const QList<SettingSpec> &all();
const SettingSpec *find(QStringView key);

// Validates `value` for `key`. On success returns the canonical text (an empty value resets
// the key to its default); on failure returns nullopt and sets *error to what is accepted.
std::optional<QString> validate(QStringView key, const QString &value, QString *error);

QString typeDescription(SettingType t);
QString acceptedKeys(); // for "unknown key" messages

// Shortest text that reads back as the same double ("0.1", "24", "1e-05").
QString formatNumber(double v);

} // namespace SettingsSchema

struct WorkspaceSettings
{
    QString name;
    QByteArray timezone = QByteArrayLiteral("UTC");
    int businessHoursStart = 9 * 60; // minutes after local midnight
    int businessHoursEnd = 17 * 60;
    std::optional<int> teamSize;
    std::optional<double> capacityWeeks;
    double reservedRatio = 0.5;
    QString doraPreset = QStringLiteral("dora-2023");
    QHash<QString, double> targets; // every catalogue metric
    QHash<QString, double> weights; // every theme
    double quadrantToilHours = 4;
    double quadrantCostWeeks = 4;
    std::optional<Quarter> roadmapStart;

    double target(QStringView metricId) const;
    double target(MetricId metric) const;
    double weight(QStringView themeId) const; // 1 for an unknown or empty theme
    // docs/debt-and-roadmap.md#scheduling: capacity_weeks if set, else team_size × 12 × (1 −
    // reserved_ratio); nullopt if neither.
    std::optional<double> quarterCapacity() const;

    // Builds the typed view from stored values (missing keys take defaults). Each value is
    // validated again: one that is not valid for its key takes the default too, as do the
    // business hours when the start is not before the end.
    static WorkspaceSettings fromStored(const QHash<QString, QString> &stored);
    // The problems of stored values that are each valid but do not go together (business hours).
    static QStringList problems(const QHash<QString, QString> &stored);
};

} // namespace srm
