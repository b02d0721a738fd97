#include "planning/debtstore.h"

#include "planning/debt.h"
#include "store/metriccatalogue.h"
#include "store/query.h"
#include "store/timeutil.h"
#include "store/workspace.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace srm {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string trimmed(const std::string &s)
{
    return QString::fromStdString(s).trimmed().toStdString();
}

std::string lower(const std::string &s)
{
    return QString::fromStdString(s).trimmed().toLower().toStdString();
}

QSqlQuery run(Workspace &ws, const QString &sql, const QVariantList &values = {})
{
    return runQuery(ws, QStringLiteral("reading the debt register"), sql, values);
}

QVariant nullableId(const std::optional<std::int64_t> &id)
{
    return id ? QVariant(qlonglong(*id)) : QVariant(QMetaType::fromType<qlonglong>());
}

[[noreturn]] void invalid(const std::string &id, const QString &what)
{
    const QString who = id.empty() ? QStringLiteral("debt item") : QStringLiteral("debt item %1").arg(qs(id));
    throw InputError(QStringLiteral("%1: %2").arg(who, what));
}

[[noreturn]] void invalid(const DebtItem &item, const QString &what)
{
    invalid(item.id, what);
}

QString themeList()
{
    return MetricCatalogue::themeIds().join(QStringLiteral(", "));
}

void checkId(const DebtItem &item, const std::string &id, const QString &field)
{
    if (id.empty())
        invalid(item, QStringLiteral("%1 is empty").arg(field));
    if (trimmed(id) != id)
        invalid(item, QStringLiteral("%1 '%2' has white space around it").arg(field, qs(id)));
    for (const char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            invalid(item, QStringLiteral("%1 '%2' contains a control character").arg(field, qs(id)));
        if (c == ';')
            invalid(item, QStringLiteral("%1 '%2' contains ';' (it separates dependencies)").arg(field, qs(id)));
    }
}

std::vector<MetricId> linkedMetricsOf(const QString &text)
{
    if (auto ids = MetricCatalogue::parseIdList(text))
        return *ids;
    std::vector<MetricId> out;
    for (const QString &entry : text.split(u';'))
        if (const auto id = MetricCatalogue::fromIdText(entry.trimmed()))
            out.push_back(*id);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

const char *const kColumns = "id, position, title, theme, toil_hours_per_week, cost_weeks, risk_likelihood, "
                             "risk_impact, fowler, linked_metric, status, pinned_quarter, notes, import_id";

// One row selected with kColumns (dependencies are read separately).
StoredDebtItem readRow(const QSqlQuery &q)
{
    StoredDebtItem s;
    DebtItem &d = s.item;
    d.id = q.value(0).toString().toStdString();
    s.position = q.value(1).toLongLong();
    d.title = q.value(2).toString().toStdString();
    // Every writer writes a theme's id; anything else can only come from an edit by hand and
    // counts as no theme, whose weight (1) the text had already (docs/decisions.md, Theme and status).
    d.theme = MetricCatalogue::themeFromId(q.value(3).toString());
    d.toilHoursPerWeek = q.value(4).toDouble();
    d.costWeeks = q.value(5).toDouble();
    d.riskLikelihood = q.value(6).toInt();
    d.riskImpact = q.value(7).toInt();
    d.fowler = q.value(8).toString().toStdString();
    // Every writer validates the list, and the v4 migration moved free text out of the column,
    // so an id that is not in the catalogue can only come from an edit by hand: it is left out.
    d.linkedMetrics = linkedMetricsOf(q.value(9).toString());
    // The column's CHECK constraint admits only the two texts.
    d.status = debtStatusFromText(q.value(10).toString().toStdString()).value_or(DebtStatus::Open);
    d.pinnedQuarter = q.value(11).toString().toStdString();
    d.notes = q.value(12).toString().toStdString();
    if (!q.value(13).isNull())
        s.importId = q.value(13).toLongLong();
    return s;
}

} // namespace

DebtStore::DebtStore(Workspace &ws) : m_ws(ws) { }

std::vector<StoredDebtItem> DebtStore::storedItems() const
{
    std::vector<StoredDebtItem> out;
    QSqlQuery q = run(
        m_ws, QStringLiteral("SELECT %1 FROM debt_items ORDER BY position, id").arg(QLatin1StringView(kColumns)));
    std::unordered_map<std::string, size_t> index;
    while (q.next()) {
        out.push_back(readRow(q));
        index.emplace(out.back().item.id, out.size() - 1);
    }
    QSqlQuery deps = run(
        m_ws, QStringLiteral("SELECT item_id, depends_on FROM debt_dependencies ORDER BY item_id, position"));
    while (deps.next()) {
        const auto it = index.find(deps.value(0).toString().toStdString());
        if (it != index.end())
            out[it->second].item.dependsOn.push_back(deps.value(1).toString().toStdString());
    }
    return out;
}

std::vector<DebtItem> DebtStore::items() const
{
    std::vector<DebtItem> out;
    for (StoredDebtItem &s : storedItems())
        out.push_back(std::move(s.item));
    return out;
}

std::optional<StoredDebtItem> DebtStore::find(const std::string &id) const
{
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT %1 FROM debt_items WHERE id = ?").arg(QLatin1StringView(kColumns)),
                      {qs(id)});
    if (!q.next())
        return std::nullopt;
    StoredDebtItem s = readRow(q);
    QSqlQuery deps = run(
        m_ws, QStringLiteral("SELECT depends_on FROM debt_dependencies WHERE item_id = ? ORDER BY position"), {qs(id)});
    while (deps.next())
        s.item.dependsOn.push_back(deps.value(0).toString().toStdString());
    return s;
}

DebtItem DebtStore::canonical(const DebtItem &item)
{
    DebtItem c = item;
    c.id = trimmed(item.id);
    for (std::string &dep : c.dependsOn)
        dep = trimmed(dep);
    c.fowler = lower(item.fowler);
    std::sort(c.linkedMetrics.begin(), c.linkedMetrics.end());
    c.linkedMetrics.erase(std::unique(c.linkedMetrics.begin(), c.linkedMetrics.end()), c.linkedMetrics.end());
    const QString pin = QString::fromStdString(item.pinnedQuarter).trimmed();
    if (const auto q = parseQuarter(pin))
        c.pinnedQuarter = formatQuarter(*q).toStdString();
    else
        c.pinnedQuarter = pin.toStdString();
    validate(c);
    return c;
}

void DebtStore::validate(const DebtItem &item)
{
    checkId(item, item.id, QStringLiteral("id"));
    std::set<std::string> seen;
    for (const std::string &dep : item.dependsOn) {
        checkId(item, dep, QStringLiteral("dependency"));
        if (!seen.insert(dep).second)
            invalid(item, QStringLiteral("depends on %1 twice").arg(qs(dep)));
    }
    if (QString::fromStdString(item.title).trimmed().isEmpty())
        invalid(item, QStringLiteral("title is empty"));
    // A theme or status outside its enum can only come from a cast of a bad integer.
    if (item.theme && MetricCatalogue::themeId(*item.theme).isEmpty())
        invalid(item, QStringLiteral("theme #%1 is not one of %2 (or empty)").arg(int(*item.theme)).arg(themeList()));
    if (!item.fowler.empty()
        && (!fowlerFromId(qs(item.fowler)) || fowlerId(*fowlerFromId(qs(item.fowler))) != qs(item.fowler)))
        invalid(item,
                QStringLiteral("fowler '%1' is not one of careless-intentional, careful-intentional, "
                               "careless-unintentional, careful-unintentional (or empty)")
                    .arg(qs(item.fowler)));
    auto checkNumber = [&](double v, const char *field) {
        if (!std::isfinite(v) || v < 0)
            invalid(item,
                    QStringLiteral("%1 must be a number >= 0, not %2")
                        .arg(QLatin1StringView(field), SettingsSchema::formatNumber(v)));
    };
    checkNumber(item.toilHoursPerWeek, "toil_hours_per_week");
    checkNumber(item.costWeeks, "cost_weeks");
    auto checkRisk = [&](int v, const char *field) {
        if (v < 1 || v > 5)
            invalid(item, QStringLiteral("%1 must be 1 to 5, not %2").arg(QLatin1StringView(field)).arg(v));
    };
    checkRisk(item.riskLikelihood, "risk_likelihood");
    checkRisk(item.riskImpact, "risk_impact");
    for (std::size_t i = 0; i < item.linkedMetrics.size(); ++i) {
        const int m = int(item.linkedMetrics[i]);
        if (m < 0 || m >= kMetricCount)
            invalid(item,
                    QStringLiteral("linked metric #%1 is not a metric of the catalogue; valid ids: %2")
                        .arg(m)
                        .arg(MetricCatalogue::ids().join(QStringLiteral(", "))));
        if (i > 0 && item.linkedMetrics[i - 1] >= item.linkedMetrics[i])
            invalid(item, QStringLiteral("linked metrics are not in catalogue order without repeats"));
    }
    if (std::find(std::begin(kDebtStatuses), std::end(kDebtStatuses), item.status) == std::end(kDebtStatuses))
        invalid(item, QStringLiteral("status #%1 is not open or done").arg(int(item.status)));
    if (!item.pinnedQuarter.empty()) {
        const auto q = parseQuarter(qs(item.pinnedQuarter));
        if (!q || formatQuarter(*q) != qs(item.pinnedQuarter))
            invalid(item,
                    QStringLiteral("pinned quarter '%1' is not YYYYQn (e.g. 2027Q2)").arg(qs(item.pinnedQuarter)));
    }
}

StoredDebtItem DebtStore::require(const std::string &id) const
{
    auto s = find(id);
    if (!s)
        throw InputError(QStringLiteral("no debt item %1").arg(qs(id)));
    return *s;
}

void DebtStore::writeRow(const StoredDebtItem &stored, bool insert, const std::string &oldId)
{
    const DebtItem &d = stored.item;
    const QVariantList fields{qs(d.title),
                              MetricCatalogue::themeIdOrEmpty(d.theme),
                              d.toilHoursPerWeek,
                              d.costWeeks,
                              d.riskLikelihood,
                              d.riskImpact,
                              qs(d.fowler),
                              MetricCatalogue::idListText(d.linkedMetrics),
                              QString::fromLatin1(toString(d.status)),
                              qs(d.pinnedQuarter),
                              qs(d.notes)};
    if (insert) {
        m_ws.exec(QStringLiteral("INSERT INTO debt_items (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                      .arg(QLatin1StringView(kColumns)),
                  QVariantList{qs(d.id), qlonglong(stored.position)} + fields
                      + QVariantList{nullableId(stored.importId)});
    } else {
        m_ws.exec(QStringLiteral("UPDATE debt_items SET id = ?, title = ?, theme = ?, toil_hours_per_week = ?, "
                                 "cost_weeks = ?, risk_likelihood = ?, risk_impact = ?, fowler = ?, linked_metric = ?, "
                                 "status = ?, pinned_quarter = ?, notes = ? WHERE id = ?"),
                  QVariantList{qs(d.id)} + fields + QVariantList{qs(oldId)});
    }
}

void DebtStore::writeDependencies(const std::string &id, const std::vector<std::string> &dependsOn)
{
    m_ws.exec(QStringLiteral("DELETE FROM debt_dependencies WHERE item_id = ?"), {qs(id)});
    int position = 0;
    for (const std::string &dep : dependsOn)
        m_ws.exec(QStringLiteral("INSERT INTO debt_dependencies (item_id, depends_on, position) VALUES (?, ?, ?)"),
                  {qs(id), qs(dep), ++position});
}

DebtItem DebtStore::add(const DebtItem &item)
{
    const DebtItem c = canonical(item);
    Workspace::Transaction tx(m_ws);
    if (find(c.id))
        throw InputError(QStringLiteral("debt item %1 already exists").arg(qs(c.id)));
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT coalesce(max(position), 0) + 1 FROM debt_items"));
    q.next();
    writeRow({c, q.value(0).toLongLong(), std::nullopt}, true, {});
    writeDependencies(c.id, c.dependsOn);
    tx.commit();
    return c;
}

DebtItem DebtStore::update(const std::string &id, const DebtItem &item)
{
    const DebtItem c = canonical(item);
    Workspace::Transaction tx(m_ws);
    StoredDebtItem stored = require(id);
    if (c.id != id) {
        if (find(c.id))
            throw InputError(QStringLiteral("cannot rename %1 to %2: %2 already exists").arg(qs(id), qs(c.id)));
        QSqlQuery q = run(m_ws,
                          QStringLiteral("SELECT item_id FROM debt_dependencies WHERE depends_on = ? AND item_id != ? "
                                         "ORDER BY item_id LIMIT 1"),
                          {qs(c.id), qs(id)});
        if (q.next())
            throw InputError(QStringLiteral("cannot rename %1 to %2: %3 already depends on an item %2")
                                 .arg(qs(id), qs(c.id), q.value(0).toString()));
    }
    // Own rows first, so that renaming the references below touches only other items' rows.
    m_ws.exec(QStringLiteral("DELETE FROM debt_dependencies WHERE item_id = ?"), {qs(id)});
    stored.item = c;
    writeRow(stored, false, id);
    if (c.id != id)
        m_ws.exec(QStringLiteral("UPDATE debt_dependencies SET depends_on = ? WHERE depends_on = ?"),
                  {qs(c.id), qs(id)});
    writeDependencies(c.id, c.dependsOn);
    tx.commit();
    return c;
}

RemovedDebtItem DebtStore::remove(const std::string &id, References references)
{
    Workspace::Transaction tx(m_ws);
    RemovedDebtItem removed;
    removed.stored = require(id);
    if (references == References::Drop) {
        QSqlQuery q = run(m_ws,
                          QStringLiteral("SELECT item_id, position FROM debt_dependencies WHERE depends_on = ? "
                                         "AND item_id != ? ORDER BY item_id"),
                          {qs(id), qs(id)});
        std::vector<std::pair<std::string, qint64>> rows;
        while (q.next())
            rows.emplace_back(q.value(0).toString().toStdString(), q.value(1).toLongLong());
        for (const auto &[item, position] : rows) {
            // Positions are 1..n within an item (RecordWriter and this store write them so).
            removed.references.push_back({item, int(position - 1)});
            m_ws.exec(QStringLiteral("DELETE FROM debt_dependencies WHERE item_id = ? AND depends_on = ?"),
                      {qs(item), qs(id)});
            m_ws.exec(QStringLiteral(
                          "UPDATE debt_dependencies SET position = position - 1 WHERE item_id = ? AND position > ?"),
                      {qs(item), position});
        }
    }
    m_ws.exec(QStringLiteral("DELETE FROM debt_items WHERE id = ?"), {qs(id)}); // its own rows cascade
    tx.commit();
    return removed;
}

void DebtStore::restore(const RemovedDebtItem &removed)
{
    StoredDebtItem stored = removed.stored;
    validate(stored.item);
    const std::string &id = stored.item.id;
    Workspace::Transaction tx(m_ws);
    if (find(id))
        throw InputError(QStringLiteral("debt item %1 already exists").arg(qs(id)));
    QSqlQuery taken = run(m_ws, QStringLiteral("SELECT 1 FROM debt_items WHERE position = ?"),
                          {qlonglong(stored.position)});
    if (taken.next())
        m_ws.exec(QStringLiteral("UPDATE debt_items SET position = position + 1 WHERE position >= ?"),
                  {qlonglong(stored.position)});
    if (stored.importId) {
        QSqlQuery q = run(m_ws, QStringLiteral("SELECT 1 FROM imports WHERE id = ?"), {qlonglong(*stored.importId)});
        if (!q.next())
            stored.importId.reset(); // that import was removed meanwhile
    }
    writeRow(stored, true, {});
    writeDependencies(id, stored.item.dependsOn);
    for (const RemovedDebtItem::Reference &r : removed.references) {
        if (!find(r.itemId))
            continue; // the dependant is gone too; its own undo brings its rows back
        QSqlQuery has = run(m_ws,
                            QStringLiteral("SELECT 1 FROM debt_dependencies WHERE item_id = ? AND depends_on = ?"),
                            {qs(r.itemId), qs(id)});
        if (has.next())
            continue;
        m_ws.exec(
            QStringLiteral("UPDATE debt_dependencies SET position = position + 1 WHERE item_id = ? AND position > ?"),
            {qs(r.itemId), r.index});
        m_ws.exec(QStringLiteral("INSERT INTO debt_dependencies (item_id, depends_on, position) VALUES (?, ?, ?)"),
                  {qs(r.itemId), qs(id), r.index + 1});
    }
    tx.commit();
}

void DebtStore::setDependencies(const std::string &id, const std::vector<std::string> &dependsOn)
{
    Workspace::Transaction tx(m_ws);
    DebtItem item = require(id).item;
    item.dependsOn = dependsOn;
    item = canonical(item);
    writeDependencies(id, item.dependsOn);
    tx.commit();
}

std::optional<Theme> DebtStore::parseTheme(const std::string &itemId, const QString &text)
{
    const QString typed = text.trimmed().toLower();
    if (typed.isEmpty())
        return std::nullopt;
    if (const auto theme = MetricCatalogue::themeFromId(typed))
        return theme;
    invalid(itemId, QStringLiteral("theme '%1' is not one of %2 (or empty)").arg(typed, themeList()));
}

DebtStatus DebtStore::parseStatus(const std::string &itemId, const QString &text)
{
    const QString typed = text.trimmed().toLower();
    if (typed.isEmpty())
        return DebtStatus::Open;
    if (const auto status = debtStatusFromText(typed.toStdString()))
        return *status;
    invalid(itemId, QStringLiteral("status '%1' is not open or done").arg(typed));
}

std::vector<MetricId> DebtStore::parseLinkedMetrics(const QString &text)
{
    QString unknown;
    if (auto ids = MetricCatalogue::parseIdList(text, &unknown))
        return *ids;
    throw InputError(QStringLiteral("linked metric %1").arg(MetricCatalogue::unknownIdMessage(unknown)));
}

void DebtStore::setLinkedMetrics(const std::string &id, const std::vector<MetricId> &linked)
{
    Workspace::Transaction tx(m_ws);
    DebtItem item = require(id).item;
    item.linkedMetrics = linked;
    item = canonical(item);
    m_ws.exec(QStringLiteral("UPDATE debt_items SET linked_metric = ? WHERE id = ?"),
              {MetricCatalogue::idListText(item.linkedMetrics), qs(id)});
    tx.commit();
}

void DebtStore::setPinnedQuarter(const std::string &id, const QString &quarter)
{
    Workspace::Transaction tx(m_ws);
    DebtItem item = require(id).item;
    item.pinnedQuarter = quarter.toStdString();
    item = canonical(item);
    m_ws.exec(QStringLiteral("UPDATE debt_items SET pinned_quarter = ? WHERE id = ?"),
              {qs(item.pinnedQuarter), qs(id)});
    tx.commit();
}

} // namespace srm
