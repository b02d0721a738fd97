#include "store/schemacheck.h"

#include "store/schema.h"
#include "store/schemabuild.h"
#include "store/schemareference.h"
#include "store/texthygiene.h"

#include <sqlite3.h>

#include <map>
#include <mutex>
#include <stdexcept>

namespace srm::SchemaCheck {

namespace {

// SQL compared with runs of white space as one space: the text SQLite keeps is the statement
// as written, so only layout may differ between the same statements.
QString normalized(const QString &sql)
{
    return sql.simplified();
}

QString shown(const QString &name)
{
    return hygiene::escapeControls(name);
}

// The current version's objects as the build wrote them down (store/schemareference.h).
std::vector<Object> reference()
{
    std::vector<Object> out;
    out.reserve(std::size_t(Reference::kCount));
    for (int i = 0; i < Reference::kCount; ++i) {
        const char *const *o = Reference::kObjects[i];
        out.push_back({QString::fromUtf8(o[0]), QString::fromUtf8(o[1]), QString::fromUtf8(o[2]),
                       o[3] ? QString::fromUtf8(o[3]) : QString()});
    }
    return out;
}

} // namespace

const std::vector<Object> &expected(int version)
{
    static std::mutex mutex;
    static std::map<int, std::vector<Object>> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(version);
    if (it == cache.end())
        it = cache.emplace(version, version == Reference::kVersion ? reference() : build(version)).first;
    return it->second;
}

std::vector<Object> computed(int version)
{
    return build(version);
}

Result compare(sqlite3 *db, int version)
{
    Result r;
    const std::vector<Object> &want = expected(version);
    const std::vector<Object> have = readSchema(db);
    std::map<std::pair<QString, QString>, const Object *> byName;
    for (const Object &o : want)
        byName.emplace(std::make_pair(o.type, o.name), &o);
    QSet<QString> present;
    for (const Object &o : have) {
        const auto it = byName.find({o.type, o.name});
        if (it == byName.end()) {
            r.problem = QStringLiteral("unexpected schema object %1 (a %2 this version does not create)")
                            .arg(shown(o.name), shown(o.type));
            return r;
        }
        if (it->second->table != o.table || normalized(it->second->sql) != normalized(o.sql)) {
            r.problem = QStringLiteral("unexpected schema object %1 (this %2 is not defined as this version "
                                       "defines it)")
                            .arg(shown(o.name), shown(o.type));
            return r;
        }
        present.insert(o.type + u'\x1f' + o.name);
    }
    for (const Object &o : want) {
        if (present.contains(o.type + u'\x1f' + o.name))
            continue;
        if (!Schema::bulkLoadMayDrop(o.type, o.name)) {
            r.problem = QStringLiteral("missing schema object %1 (a %2)").arg(shown(o.name), shown(o.type));
            return r;
        }
        if (o.type == u"trigger")
            r.untrackedTables.insert(o.table);
    }
    return r;
}

} // namespace srm::SchemaCheck
