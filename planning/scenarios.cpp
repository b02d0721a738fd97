#include "planning/scenarios.h"

#include "store/metriccatalogue.h"
#include "store/query.h"
#include "store/workspace.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace srm {

namespace WhatIf {

namespace {

constexpr const char *kPlainKeys[] = {"team_size",           "capacity_weeks",      "reserved_ratio",
                                      "quadrant.toil_hours", "quadrant.cost_weeks", "roadmap_start"};

} // namespace

bool isOverridable(QStringView key)
{
    for (const char *k : kPlainKeys)
        if (key == QLatin1StringView(k))
            return true;
    if (key.startsWith(u"weight."))
        return MetricCatalogue::themeIds().contains(key.mid(7).toString());
    if (key.startsWith(u"target."))
        return MetricCatalogue::find(key.mid(7)) != nullptr;
    return false;
}

QString allowedKeys()
{
    QStringList keys;
    for (const char *k : kPlainKeys)
        keys << QString::fromLatin1(k);
    keys << QStringLiteral("weight.<theme> (theme: %1)").arg(MetricCatalogue::themeIds().join(QStringLiteral(", ")));
    keys << QStringLiteral("target.<metric> (metric: %1)").arg(MetricCatalogue::ids().join(QStringLiteral(", ")));
    return keys.join(QStringLiteral("; "));
}

QString validate(const QString &key, const QString &value)
{
    if (!isOverridable(key))
        throw InputError(
            QStringLiteral("'%1' cannot be overridden in a what-if; allowed keys: %2").arg(key, allowedKeys()));
    if (value.trimmed().isEmpty())
        throw InputError(QStringLiteral("%1 needs a value: %2")
                             .arg(key, SettingsSchema::typeDescription(SettingsSchema::find(key)->type)));
    QString error;
    const std::optional<QString> canonical = SettingsSchema::validate(key, value, &error);
    if (!canonical)
        throw InputError(error);
    return *canonical;
}

std::pair<QString, QString> parseAssignment(const QString &text)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq <= 0)
        throw InputError(QStringLiteral("'%1' is not KEY=VALUE; allowed keys: %2").arg(text, allowedKeys()));
    const QString key = text.left(eq).trimmed();
    return {key, validate(key, text.mid(eq + 1))};
}

WorkspaceSettings apply(const QHash<QString, QString> &stored, const SettingOverrides &overrides)
{
    QHash<QString, QString> merged = stored;
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        merged.insert(it.key(), it.value());
    return WorkspaceSettings::fromStored(merged);
}

QJsonObject toJson(const SettingOverrides &overrides)
{
    QJsonObject o;
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        const SettingSpec *spec = SettingsSchema::find(it.key());
        const bool numeric = spec
            && (spec->type == SettingType::Count || spec->type == SettingType::Number
                || spec->type == SettingType::Ratio);
        o.insert(it.key(), numeric ? QJsonValue(it.value().toDouble()) : QJsonValue(it.value()));
    }
    return o;
}

QString toText(const SettingOverrides &overrides)
{
    if (overrides.isEmpty())
        return QStringLiteral("no overrides");
    QStringList parts;
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key(), it.value());
    return parts.join(QStringLiteral(", "));
}

} // namespace WhatIf

namespace {

QSqlQuery run(Workspace &ws, const QString &sql, const QVariantList &values = {})
{
    return runQuery(ws, QStringLiteral("reading the scenarios"), sql, values);
}

// The stored JSON object ({key: canonical text}); each entry validated again.
SettingOverrides readOverrides(const QString &name, const QString &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw InputError(QStringLiteral("scenario '%1': its overrides are not a JSON object").arg(name));
    SettingOverrides out;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue v = it.value();
        const QString text = v.isString() ? v.toString()
            : v.isDouble()                ? SettingsSchema::formatNumber(v.toDouble())
                                          : QString();
        try {
            out.insert(it.key(), WhatIf::validate(it.key(), text));
        } catch (const InputError &e) {
            throw InputError(QStringLiteral("scenario '%1': %2").arg(name, e.message()));
        }
    }
    return out;
}

QString writeOverrides(const SettingOverrides &overrides)
{
    QJsonObject o;
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

ScenarioStore::ScenarioStore(Workspace &ws) : m_ws(ws) { }

std::vector<Scenario> ScenarioStore::list() const
{
    std::vector<Scenario> out;
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT name, overrides, position FROM scenarios ORDER BY position, name"));
    while (q.next()) {
        Scenario s;
        s.name = q.value(0).toString();
        s.overrides = readOverrides(s.name, q.value(1).toString());
        s.position = q.value(2).toLongLong();
        out.push_back(std::move(s));
    }
    return out;
}

std::optional<Scenario> ScenarioStore::find(const QString &name) const
{
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT name, overrides, position FROM scenarios WHERE name = ?"), {name});
    if (!q.next())
        return std::nullopt;
    Scenario s;
    s.name = q.value(0).toString();
    s.overrides = readOverrides(s.name, q.value(1).toString());
    s.position = q.value(2).toLongLong();
    return s;
}

void ScenarioStore::validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        throw InputError(QStringLiteral("a scenario needs a name"));
    if (name.trimmed() != name)
        throw InputError(QStringLiteral("scenario name '%1' has white space around it").arg(name));
    if (name.size() > 80)
        throw InputError(QStringLiteral("scenario name '%1…' is longer than 80 characters").arg(name.left(40)));
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control)
            throw InputError(
                QStringLiteral("scenario name '%1' contains a control character").arg(name.toHtmlEscaped()));
}

std::optional<Scenario> ScenarioStore::save(const QString &name, const SettingOverrides &overrides)
{
    validateName(name);
    if (overrides.isEmpty())
        throw InputError(QStringLiteral("scenario '%1' needs at least one KEY=VALUE override").arg(name));
    SettingOverrides canonical;
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        canonical.insert(it.key(), WhatIf::validate(it.key(), it.value()));
    Workspace::Transaction tx(m_ws);
    std::optional<Scenario> old;
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT overrides, position FROM scenarios WHERE name = ?"), {name});
    if (q.next()) {
        old = Scenario{name, {}, q.value(1).toLongLong()};
        try {
            old->overrides = readOverrides(name, q.value(0).toString());
        } catch (const InputError &) {
            // Replacing a scenario that was broken by hand: nothing valid to keep for an undo.
        }
        m_ws.exec(QStringLiteral("UPDATE scenarios SET overrides = ? WHERE name = ?"),
                  {writeOverrides(canonical), name});
    } else {
        QSqlQuery next = run(m_ws, QStringLiteral("SELECT coalesce(max(position), 0) + 1 FROM scenarios"));
        next.next();
        m_ws.exec(QStringLiteral("INSERT INTO scenarios (name, overrides, position) VALUES (?, ?, ?)"),
                  {name, writeOverrides(canonical), next.value(0).toLongLong()});
    }
    tx.commit();
    return old;
}

Scenario ScenarioStore::remove(const QString &name)
{
    Workspace::Transaction tx(m_ws);
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT overrides, position FROM scenarios WHERE name = ?"), {name});
    if (!q.next())
        throw InputError(QStringLiteral("there is no scenario '%1'").arg(name));
    Scenario s{name, {}, q.value(1).toLongLong()};
    try {
        s.overrides = readOverrides(name, q.value(0).toString());
    } catch (const InputError &) {
        // A broken scenario can still be deleted.
    }
    m_ws.exec(QStringLiteral("DELETE FROM scenarios WHERE name = ?"), {name});
    tx.commit();
    return s;
}

void ScenarioStore::restore(const Scenario &scenario)
{
    validateName(scenario.name);
    Workspace::Transaction tx(m_ws);
    m_ws.exec(QStringLiteral("DELETE FROM scenarios WHERE name = ?"), {scenario.name});
    QSqlQuery taken = run(m_ws, QStringLiteral("SELECT 1 FROM scenarios WHERE position = ?"),
                          {qlonglong(scenario.position)});
    if (taken.next())
        m_ws.exec(QStringLiteral("UPDATE scenarios SET position = position + 1 WHERE position >= ?"),
                  {qlonglong(scenario.position)});
    m_ws.exec(QStringLiteral("INSERT INTO scenarios (name, overrides, position) VALUES (?, ?, ?)"),
              {scenario.name, writeOverrides(scenario.overrides), qlonglong(scenario.position)});
    tx.commit();
}

} // namespace srm
