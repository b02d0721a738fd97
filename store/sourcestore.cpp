#include "store/sourcestore.h"

#include "store/query.h"
#include "store/workspace.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace srm {

namespace {

QSqlQuery run(Workspace &ws, const QString &sql, const QVariantList &values = {})
{
    return runQuery(ws, QStringLiteral("accessing sources"), sql, values);
}

QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant optionalMicros(const std::optional<Micros> &t)
{
    return t ? QVariant(qint64(*t)) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<Micros> readMicros(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<Micros>(v.toLongLong());
}

QString optionsText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

const QString kColumns = QStringLiteral("name, kind, url, options, token_env, created_at, last_sync_at, last_cursor, "
                                        "last_error, last_error_at");

SourceDefinition readRow(const QSqlQuery &q)
{
    SourceDefinition s;
    s.name = q.value(0).toString();
    s.kind = q.value(1).toString();
    s.url = q.value(2).toString();
    s.options = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    s.tokenEnv = q.value(4).toString();
    s.createdAt = q.value(5).toLongLong();
    s.lastSyncAt = readMicros(q.value(6));
    s.lastCursor = q.value(7).toString();
    s.lastError = q.value(8).toString();
    s.lastErrorAt = readMicros(q.value(9));
    return s;
}

} // namespace

QStringList SourceStore::kinds()
{
    return {QStringLiteral("pagerduty"), QStringLiteral("prometheus"), QStringLiteral("github"),
            QStringLiteral("gitlab")};
}

QString SourceStore::nameError(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (name.isEmpty())
        return QStringLiteral("a source needs a name");
    if (!valid.match(name).hasMatch())
        return QStringLiteral("'%1' cannot name a source: use up to 64 letters, digits, '.', '_' or '-', starting "
                              "with a letter or digit")
            .arg(name);
    return {};
}

QList<SourceDefinition> SourceStore::list() const
{
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT %1 FROM sources ORDER BY name").arg(kColumns));
    QList<SourceDefinition> out;
    while (q.next())
        out << readRow(q);
    return out;
}

std::optional<SourceDefinition> SourceStore::find(const QString &name) const
{
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT %1 FROM sources WHERE name = ?").arg(kColumns), {name});
    if (!q.next())
        return std::nullopt;
    return readRow(q);
}

void SourceStore::add(const SourceDefinition &s)
{
    if (const QString why = nameError(s.name); !why.isEmpty())
        throw InputError(why);
    if (!kinds().contains(s.kind))
        throw InputError(QStringLiteral("unknown source kind '%1'; known kinds: %2").arg(s.kind, kinds().join(u", ")));
    if (find(s.name))
        throw InputError(QStringLiteral("there is already a source named '%1'").arg(s.name));
    run(m_ws, QStringLiteral("INSERT INTO sources(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns),
        {s.name, s.kind, notNull(s.url), optionsText(s.options), notNull(s.tokenEnv), qint64(s.createdAt),
         optionalMicros(s.lastSyncAt), notNull(s.lastCursor), notNull(s.lastError), optionalMicros(s.lastErrorAt)});
}

void SourceStore::update(const SourceDefinition &s)
{
    if (!kinds().contains(s.kind))
        throw InputError(QStringLiteral("unknown source kind '%1'; known kinds: %2").arg(s.kind, kinds().join(u", ")));
    if (!find(s.name))
        throw InputError(QStringLiteral("there is no source named '%1'").arg(s.name));
    run(m_ws, QStringLiteral("UPDATE sources SET kind = ?, url = ?, options = ?, token_env = ? WHERE name = ?"),
        {s.kind, notNull(s.url), optionsText(s.options), notNull(s.tokenEnv), s.name});
}

void SourceStore::remove(const QString &name)
{
    if (!find(name))
        throw InputError(QStringLiteral("there is no source named '%1'").arg(name));
    run(m_ws, QStringLiteral("DELETE FROM sources WHERE name = ?"), {name});
}

void SourceStore::recordSuccess(const QString &name, Micros at, const QString &cursor)
{
    run(m_ws,
        QStringLiteral("UPDATE sources SET last_sync_at = ?, last_cursor = ?, last_error = '', last_error_at = NULL "
                       "WHERE name = ?"),
        {qint64(at), notNull(cursor), name});
}

void SourceStore::recordFailure(const QString &name, Micros at, const QString &message)
{
    run(m_ws, QStringLiteral("UPDATE sources SET last_error = ?, last_error_at = ? WHERE name = ?"),
        {notNull(message), qint64(at), name});
}

} // namespace srm
