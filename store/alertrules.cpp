#include "store/alertrules.h"

#include "store/query.h"
#include "store/workspace.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace srm {

namespace {

QSqlQuery run(Workspace &ws, const QString &sql, const QVariantList &values = {})
{
    return runQuery(ws, QStringLiteral("accessing alert rules"), sql, values);
}

// An empty replacement is stored as '' (a null QString would bind NULL).
QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

QRegularExpression AlertRuleStore::compile(const QString &pattern)
{
    // PCRE2 takes limits at the start of a pattern; they can only lower the application's.
    return QRegularExpression(QStringLiteral("(*LIMIT_MATCH=%1)(*LIMIT_HEAP=20000)").arg(kMatchLimit) + pattern);
}

bool AlertRuleStore::apply(const QRegularExpression &rule, const QString &replacement, QString &title)
{
    // A match that ran out of budget is not a valid match (a plain miss is valid).
    const QRegularExpressionMatch first = rule.match(title);
    if (!first.isValid())
        return false;
    if (!first.hasMatch())
        return true;
    QString replaced = title;
    replaced.replace(rule, replacement);
    // A later match of the global replace may run out too: then the title stays as it was.
    const QRegularExpressionMatchIterator all = rule.globalMatch(title);
    if (!all.isValid())
        return false;
    title = replaced;
    return true;
}

QString AlertRuleStore::patternError(const QString &pattern)
{
    if (pattern.isEmpty())
        return QStringLiteral("the pattern is empty");
    if (pattern.size() > kMaxPatternLength)
        return QStringLiteral("the pattern is %1 characters long; at most %2 are accepted")
            .arg(pattern.size())
            .arg(kMaxPatternLength);
    const QRegularExpression plain(pattern);
    if (!plain.isValid())
        return QStringLiteral("invalid regular expression '%1': %2 at offset %3")
            .arg(pattern, plain.errorString())
            .arg(plain.patternErrorOffset());
    const QRegularExpression rule = compile(pattern);
    if (!rule.isValid())
        return QStringLiteral("invalid regular expression '%1': %2").arg(pattern, rule.errorString());
    // Probe titles: a run of each character the pattern names (and of a few common ones),
    // then one that ends the run unexpectedly. (a|aa)+$, (a+)+b, (.*a){20} and their kind
    // backtrack exponentially on such runs.
    QString chars = QStringLiteral("a0 -_.:/A");
    for (const QChar c : pattern)
        if (c.isPrint() && !chars.contains(c))
            chars += c;
    // The pattern's characters also follow the run: PCRE2 gives up at once when a literal the
    // pattern requires (the b of (a+)+b) is nowhere in the title, so a probe must hold it.
    QStringList probes;
    for (const QChar c : chars) {
        probes << QString(256, c) + QChar(u'!') + chars;
        probes << QString(256, c) + QChar(u'\x01');
    }
    probes << chars.repeated(256 / int(chars.size()) + 1) + QChar(u'!');
    for (const QString &probe : probes) {
        QRegularExpressionMatchIterator it = rule.globalMatch(probe);
        bool blown = false;
        for (int n = 0; it.hasNext() && n < 300 && !blown; ++n)
            blown = !it.next().isValid();
        if (blown || !rule.match(probe).isValid())
            return QStringLiteral("'%1' takes too long: on a title like '%2…' it needs more than %3 matching steps "
                                  "(nested repetition such as (a|aa)+ or (a+)+ backtracks without end); simplify it")
                .arg(pattern, probe.left(12))
                .arg(kMatchLimit);
    }
    return {};
}

QList<AlertRule> AlertRuleStore::rules() const
{
    QSqlQuery q = run(
        m_ws, QStringLiteral("SELECT id, position, pattern, replacement FROM alert_rules ORDER BY position, id"));
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
            throw InputError(
                QStringLiteral("merging '%1' into '%2' would close a cycle of merges").arg(fromKey, intoKey));
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
