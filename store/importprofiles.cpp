#include "store/importprofiles.h"

#include "store/workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>

namespace srm {

namespace {

QSqlQuery run(const Workspace &ws, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(ws.database());
    if (!q.prepare(sql))
        ws.fail(QStringLiteral("preparing a statement on import profiles"), SQLITE_ERROR, q.lastError().text());
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        ws.fail(QStringLiteral("accessing import profiles"), q.lastError().nativeErrorCode().toInt() & 0xff,
                q.lastError().text());
    return q;
}

ImportProfile fromRow(const QSqlQuery &q)
{
    ImportProfile p;
    p.name = q.value(0).toString();
    p.headerKey = q.value(1).toString();
    p.format = q.value(2).toString();
    p.mapping = ImportProfileStore::mappingFromText(q.value(3).toString());
    p.createdAt = q.value(4).toLongLong();
    return p;
}

const QString kColumns = QStringLiteral("name, header_key, format, mapping, created_at");

bool hasControl(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

} // namespace

QString ImportProfileStore::headerKey(const QStringList &header)
{
    QStringList names;
    for (const QString &h : header)
        names << h.trimmed().toLower();
    names.sort();
    names.removeDuplicates();
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact));
}

QString ImportProfileStore::mappingText(const QList<QPair<QString, QString>> &mapping)
{
    QJsonObject o;
    for (const auto &[field, column] : mapping)
        o.insert(field, column);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QList<QPair<QString, QString>> ImportProfileStore::mappingFromText(const QString &json)
{
    QList<QPair<QString, QString>> out;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.value().isString())
            out.append({it.key(), it.value().toString()});
    return out; // QJsonObject keeps its keys sorted
}

QList<ImportProfile> ImportProfileStore::profiles() const
{
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT %1 FROM import_profiles ORDER BY name").arg(kColumns));
    QList<ImportProfile> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

std::optional<ImportProfile> ImportProfileStore::find(const QString &name) const
{
    QSqlQuery q = run(m_ws, QStringLiteral("SELECT %1 FROM import_profiles WHERE name = ?").arg(kColumns), {name});
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

QList<ImportProfile> ImportProfileStore::forHeader(const QString &headerKey) const
{
    QSqlQuery q = run(m_ws,
                      QStringLiteral("SELECT %1 FROM import_profiles WHERE header_key = ? "
                                     "ORDER BY created_at DESC, name")
                          .arg(kColumns),
                      {headerKey});
    QList<ImportProfile> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

void ImportProfileStore::save(const ImportProfile &profile)
{
    if (profile.name.trimmed().isEmpty())
        throw InputError(QStringLiteral("a profile needs a name"));
    if (profile.name != profile.name.trimmed() || hasControl(profile.name))
        throw InputError(
            QStringLiteral("profile name '%1' has white space at its ends or control characters").arg(profile.name));
    if (profile.format.isEmpty())
        throw InputError(QStringLiteral("profile '%1' names no format").arg(profile.name));
    if (profile.headerKey.isEmpty())
        throw InputError(QStringLiteral("profile '%1' has no header").arg(profile.name));
    const Micros created = profile.createdAt > 0 ? profile.createdAt : QDateTime::currentMSecsSinceEpoch() * 1000;
    run(m_ws,
        QStringLiteral("INSERT INTO import_profiles(%1) VALUES(?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                       "header_key = excluded.header_key, format = excluded.format, mapping = excluded.mapping, "
                       "created_at = excluded.created_at")
            .arg(kColumns),
        {profile.name, profile.headerKey, profile.format, mappingText(profile.mapping), QVariant::fromValue(created)});
}

void ImportProfileStore::remove(const QString &name)
{
    if (!find(name))
        throw InputError(QStringLiteral("no import profile named '%1'").arg(name));
    run(m_ws, QStringLiteral("DELETE FROM import_profiles WHERE name = ?"), {name});
}

} // namespace srm
