#include "store/alertrules.h"

#include "store/workspace.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>

namespace srm {

namespace {

QSqlQuery run(Workspace &ws, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(ws.database());
    if (!q.prepare(sql))
        ws.fail(QStringLiteral("preparing a statement on alert rules"), SQLITE_ERROR, q.lastError().text());
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        ws.fail(QStringLiteral("accessing alert rules"), q.lastError().nativeErrorCode().toInt() & 0xff,
                q.lastError().text());
    return q;
}

// An empty replacement is stored as '' (a null QString would bind NULL).
QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

QString AlertRuleStore::patternError(const QString &pattern)
{
    if (pattern.isEmpty())
        return QStringLiteral("the pattern is empty");
    const QRegularExpression re(pattern);
    if (!re.isValid())
        return QStringLiteral("invalid regular expression '%1': %2 at offset %3")
            .arg(pattern, re.errorString())
            .arg(re.patternErrorOffset());
    return {};
}

QList<AlertRule> AlertRuleStore::rules() const
{
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT id, position, pattern, replacement FROM alert_rules ORDER BY position, id"));
    QList<AlertRule> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString(), q.value(3).toString()});
    return out;
}

// Writes positions 1..n in the given order.
void AlertRuleStore::renumber(QList<qint64> order)
{
    int position = 0;
    for (qint64 id : order)
        m_ws.exec(QStringLiteral("UPDATE alert_rules SET position = ? WHERE id = ?"), {++position, id});
}

qint64 AlertRuleStore::addRule(const QString &pattern, const QString &replacement, int position, qint64 id)
{
    const QString error = patternError(pattern);
    if (!error.isEmpty())
        throw InputError(error);
    Workspace::Transaction tx(m_ws);
    QList<qint64> order;
    for (const AlertRule &r : rules())
        order.append(r.id);
    // A NULL id makes SQLite choose one.
    id = run(m_ws, QStringLiteral("INSERT INTO alert_rules(id, position, pattern, replacement) VALUES(?, 0, ?, ?)"),
             {id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong)), pattern, notNull(replacement)})
             .lastInsertId()
             .toLongLong();
    const int at = position < 1 || position > order.size() ? int(order.size()) : position - 1;
    order.insert(at, id);
    renumber(order);
    tx.commit();
    return id;
}

void AlertRuleStore::updateRule(qint64 id, const QString &pattern, const QString &replacement)
{
    const QString error = patternError(pattern);
    if (!error.isEmpty())
        throw InputError(error);
    Workspace::Transaction tx(m_ws);
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT count(*) FROM alert_rules WHERE id = ?"), {id});
    if (!q.next() || q.value(0).toInt() == 0)
        throw InputError(QStringLiteral("no alert rule with id %1").arg(id));
    m_ws.exec(QStringLiteral("UPDATE alert_rules SET pattern = ?, replacement = ? WHERE id = ?"),
              {pattern, notNull(replacement), id});
    tx.commit();
}

void AlertRuleStore::removeRule(qint64 id)
{
    Workspace::Transaction tx(m_ws);
    QList<qint64> order;
    bool found = false;
    for (const AlertRule &r : rules()) {
        if (r.id == id)
            found = true;
        else
            order.append(r.id);
    }
    if (!found)
        throw InputError(QStringLiteral("no alert rule with id %1").arg(id));
    m_ws.exec(QStringLiteral("DELETE FROM alert_rules WHERE id = ?"), {id});
    renumber(order);
    tx.commit();
}

void AlertRuleStore::moveRule(qint64 id, int position)
{
    Workspace::Transaction tx(m_ws);
    QList<qint64> order;
    for (const AlertRule &r : rules())
        order.append(r.id);
    if (!order.removeOne(id))
        throw InputError(QStringLiteral("no alert rule with id %1").arg(id));
    const int at = std::clamp(position - 1, 0, int(order.size()));
    order.insert(at, id);
    renumber(order);
    tx.commit();
}

QList<AlertMerge> AlertRuleStore::merges() const
{
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT from_key, into_key FROM alert_merges ORDER BY from_key"));
    QList<AlertMerge> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

void AlertRuleStore::addMerge(const QString &fromKey, const QString &intoKey)
{
    if (fromKey.isEmpty() || intoKey.isEmpty())
        throw InputError(QStringLiteral("a merge needs two group keys"));
    if (fromKey == intoKey)
        throw InputError(QStringLiteral("cannot merge group '%1' into itself").arg(fromKey));
    Workspace::Transaction tx(m_ws);
    QHash<QString, QString> into;
    for (const AlertMerge &m : merges())
        into.insert(m.fromKey, m.intoKey);
    into.insert(fromKey, intoKey);
    // Following the chain from intoKey must end somewhere other than fromKey.
    QString key = intoKey;
    for (qsizetype steps = 0; steps <= into.size(); ++steps) {
        if (key == fromKey)
            throw InputError(QStringLiteral("merging '%1' into '%2' would close a cycle of merges").arg(fromKey, intoKey));
        const auto it = into.constFind(key);
        if (it == into.constEnd())
            break;
        key = it.value();
    }
    m_ws.exec(QStringLiteral("INSERT INTO alert_merges(from_key, into_key) VALUES(?, ?) "
                             "ON CONFLICT(from_key) DO UPDATE SET into_key = excluded.into_key"),
              {fromKey, intoKey});
    tx.commit();
}

void AlertRuleStore::removeMerge(const QString &fromKey)
{
    Workspace::Transaction tx(m_ws);
    m_ws.exec(QStringLiteral("DELETE FROM alert_merges WHERE from_key = ?"), {fromKey});
    tx.commit();
}

} // namespace srm
