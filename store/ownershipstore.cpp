#include "store/ownershipstore.h"

#include "store/query.h"
#include "store/workspace.h"

#include <QSqlQuery>
#include <QVariant>

namespace srm {

namespace {

QSqlQuery run(Workspace &ws, const QString &sql, const QVariantList &values = {})
{
    return runQuery(ws, QStringLiteral("accessing ownership"), sql, values);
}

void checkName(const QString &what, const QString &name)
{
    if (name.trimmed().isEmpty())
        throw InputError(QStringLiteral("a %1 needs a name").arg(what));
    if (name != name.trimmed())
        throw InputError(QStringLiteral("%1 '%2' has white space at its ends").arg(what, name));
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control)
            throw InputError(QStringLiteral("%1 '%2' has a control character").arg(what, name));
    if (name.toUtf8().size() > 256)
        throw InputError(QStringLiteral("%1 name is longer than 256 bytes").arg(what));
}

} // namespace

std::map<QString, QString> OwnershipStore::owners() const
{
    std::map<QString, QString> out;
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT service, team FROM ownership"));
    while (q.next())
        out.emplace(q.value(0).toString(), q.value(1).toString());
    return out;
}

std::optional<OwnerRow> OwnershipStore::find(const QString &service) const
{
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT team, import_id FROM ownership WHERE service = ?"), {service});
    if (!q.next())
        return std::nullopt;
    OwnerRow row{q.value(0).toString(), std::nullopt};
    if (!q.value(1).isNull())
        row.importId = q.value(1).toLongLong();
    return row;
}

void OwnershipStore::set(const QString &service, const OwnerRow &row)
{
    checkName(QStringLiteral("service"), service);
    checkName(QStringLiteral("team"), row.team);
    run(m_ws,
        QStringLiteral("INSERT INTO ownership(service, team, import_id) VALUES(?, ?, ?) ON CONFLICT(service) DO UPDATE "
                       "SET team = excluded.team, import_id = excluded.import_id"),
        {service, row.team, row.importId ? QVariant(*row.importId) : QVariant(QMetaType(QMetaType::LongLong))});
}

void OwnershipStore::remove(const QString &service)
{
    run(m_ws, QStringLiteral("DELETE FROM ownership WHERE service = ?"), {service});
}

} // namespace srm
