#include "store/workspace.h"

#include "store/pagepacks.h"
#include "store/query.h"
#include "store/schema.h"
#include "store/schemacheck.h"
#include "store/sqlite.h"
#include "store/texthygiene.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace srm {

namespace {

std::atomic<int> g_connections{0};

constexpr int kBusyTimeoutMs = 5000;
constexpr int kLockProbeMs = 250;
// A full integrity check is O(file); beyond this size corruption is reported when a damaged
// page is read instead.
constexpr qint64 kQuickCheckLimit = 64LL * 1024 * 1024;
// SQLite's largest page size, for new workspaces (older ones keep theirs). Measured against the
// default 4 KiB on the bench's data (docs/decisions.md, "Page size"): a 1% delta of pages 0.29 →
// 0.20 s, importing 10M pages 34 → 33 s with a third less system time, reading them for
// `progress` about 5% faster, the file 1.5% smaller. The changed pages of a small edit are
// larger in the WAL, which a desktop workspace does not notice.
constexpr int kPageSize = 65536;

// The header's user_version (the schema version) when the file looks like a workspace; throws
// WorkspaceError NotWorkspace or Io otherwise.
int checkHeader(const QString &path)
{
    const QFileInfo fi(path);
    if (fi.isDir())
        throw WorkspaceError(WorkspaceError::Kind::NotWorkspace,
                             QStringLiteral("%1: is a directory, not an SRE Roadmap workspace").arg(path));
    // Opening a FIFO to read its header would wait for a writer: only regular files are read.
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0 && !S_ISREG(st.st_mode))
        throw WorkspaceError(WorkspaceError::Kind::NotWorkspace,
                             QStringLiteral("%1: not a regular file (a FIFO, a device or a socket), not an SRE Roadmap "
                                            "workspace")
                                 .arg(path));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw WorkspaceError(WorkspaceError::Kind::Io,
                             QStringLiteral("%1: cannot read: %2").arg(path, f.errorString()));
    const QByteArray h = f.read(100);
    if (h.isEmpty())
        throw WorkspaceError(WorkspaceError::Kind::NotWorkspace,
                             QStringLiteral("%1: empty file, not an SRE Roadmap workspace").arg(path));
    if (h.size() < 100 || !h.startsWith(QByteArray("SQLite format 3\0", 16)))
        throw WorkspaceError(WorkspaceError::Kind::NotWorkspace,
                             QStringLiteral("%1: not an SRE Roadmap workspace (not a SQLite database)").arg(path));
    const auto byte = [&](int i) { return quint32(quint8(h.at(i))); };
    const quint32 appId = byte(68) << 24 | byte(69) << 16 | byte(70) << 8 | byte(71);
    if (appId != Workspace::kApplicationId)
        throw WorkspaceError(WorkspaceError::Kind::NotWorkspace,
                             QStringLiteral("%1: a SQLite database, but not an SRE Roadmap workspace").arg(path));
    return qint32(byte(60) << 24 | byte(61) << 16 | byte(62) << 8 | byte(63));
}

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.constData());
    return nullptr;
}

// The raw handle is used with the functions of the libsqlite3 this program links: the driver
// must run the same library. Checked once per process, through the driver itself.
void checkDriverLibrary(const QSqlDatabase &db)
{
    static std::once_flag once;
    std::call_once(once, [&db] {
        QSqlQuery q(db);
        const QString version = q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next() ? q.value(0).toString()
                                                                                              : QString();
        sqlite::checkSqliteLibrary(version);
    });
}

int sqliteCode(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : SQLITE_ERROR;
}

} // namespace

Workspace::Workspace(const QString &path, const QString &connectionName)
    : m_path(path), m_connectionName(connectionName)
{
}

Workspace::~Workspace()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Workspace::fail(const QString &what, int code, const QString &detail) const
{
    using K = WorkspaceError::Kind;
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw WorkspaceError(K::Locked,
                             QStringLiteral("%1: the workspace is locked by another process (%2)").arg(m_path, what));
    case SQLITE_CORRUPT:
        throw WorkspaceError(K::Corrupt,
                             QStringLiteral("%1: the workspace is corrupt (%2: %3)").arg(m_path, what, detail));
    case SQLITE_NOTADB:
        throw WorkspaceError(K::NotWorkspace,
                             QStringLiteral("%1: not an SRE Roadmap workspace (%2)").arg(m_path, detail));
    case SQLITE_READONLY:
        throw WorkspaceError(K::Io, QStringLiteral("%1: the workspace is read-only (%2)").arg(m_path, what));
    case SQLITE_FULL: throw WorkspaceError(K::Io, QStringLiteral("%1: disk full (%2)").arg(m_path, what));
    case SQLITE_INTERRUPT:
        throw WorkspaceError(K::TimeLimit,
                             QStringLiteral("%1: a query ran longer than %2 s and was stopped (%3); "
                                            "docs/hostile-input.md#workspaces")
                                 .arg(m_path)
                                 .arg(m_limitMs / 1000.0)
                                 .arg(what));
    default: throw WorkspaceError(K::Io, QStringLiteral("%1: %2 failed: %3").arg(m_path, what, detail));
    }
}

void Workspace::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(database());
    if (!q.prepare(sql))
        fail(QStringLiteral("preparing a statement"), sqliteCode(q.lastError()), q.lastError().text());
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        fail(QStringLiteral("writing"), sqliteCode(q.lastError()), q.lastError().text());
}

QSqlQuery runQuery(Workspace &ws, const QString &what, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(ws.database());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        ws.fail(what, sqliteCode(q.lastError()), q.lastError().text());
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        ws.fail(what, sqliteCode(q.lastError()), q.lastError().text());
    return q;
}

// Before SQLite initialises: connections are never shared between threads (a worker thread
// opens its own), so SQLite's per-connection mutexes and its global allocation statistics (a
// mutex taken on every allocation) are pure cost; without them a million-page import spends
// about 8% less time in SQLite.
static void configureSqlite()
{
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    Q_UNUSED(configured);
}

Workspace::Access Workspace::accessFor(const QString &path)
{
    // SQLite needs to write beside a WAL workspace (its -shm file) even to read it: in a
    // directory that cannot take that file, the workspace is read as an immutable file.
    const QFileInfo info(path);
    const QByteArray file = QFile::encodeName(info.absoluteFilePath());
    const QByteArray dir = QFile::encodeName(info.absolutePath());
    const bool dirWritable = ::access(dir.constData(), W_OK) == 0;
    if (dirWritable)
        return ::access(file.constData(), W_OK) == 0 ? Access::ReadWrite : Access::ReadOnly;
    if (QFileInfo::exists(path + QStringLiteral("-shm")))
        return Access::ReadOnly;
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0)
        throw WorkspaceError(WorkspaceError::Kind::Io,
                             QStringLiteral("%1: cannot be read: its directory is read-only and changes not yet "
                                            "merged into the file wait in %2")
                                 .arg(path, wal.fileName()));
    return Access::Immutable;
}

std::unique_ptr<Workspace> Workspace::connect(const QString &path, Access access)
{
    configureSqlite();
    const QString name = QStringLiteral("srm-workspace-%1").arg(++g_connections);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
        if (access != Access::ReadWrite)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        if (access == Access::Immutable) {
            // immutable=1: no -shm, no locks, no journal; nobody may change the file meanwhile,
            // which a read-only directory makes likely.
            const QByteArray encoded = QUrl::toPercentEncoding(QFileInfo(path).absoluteFilePath(), "/");
            db.setDatabaseName(QStringLiteral("file:%1?immutable=1").arg(QString::fromLatin1(encoded)));
            options += QStringLiteral(";QSQLITE_OPEN_URI");
        } else {
            db.setDatabaseName(path);
        }
        db.setConnectOptions(options);
    }
    std::unique_ptr<Workspace> ws(new Workspace(path, name));
    ws->m_readOnly = access != Access::ReadWrite;
    QSqlDatabase db = ws->database();
    if (!db.open())
        ws->fail(QStringLiteral("opening"), sqliteCode(db.lastError()), db.lastError().text());
    ws->m_handle = handleOf(db);
    if (!ws->m_handle)
        throw WorkspaceError(WorkspaceError::Kind::Io,
                             QStringLiteral("%1: the Qt SQLite driver gave no handle").arg(path));
    checkDriverLibrary(db);
    ws->watchStatements();
    return ws;
}

// --- the statement time limit ----------------------------------------------------------------
// The progress handler runs every kProgressOps virtual-machine instructions (10 to 50 µs of
// work) and adds the time since its last call, at most kMaxTickNs: a longer gap is time spent
// outside SQLite between two steps of a statement (the caller handling rows), which is not
// SQLite's and must not count. So the count is at most a few times SQLite's own time, and an
// endless query is counted at its real pace. A statement's
// count starts again when it starts running (SQLITE_TRACE_STMT; not for the trigger programs
// it runs, reported as "-- TRIGGER name").

namespace {
constexpr int kProgressOps = 1000;
constexpr std::int64_t kMaxTickNs = 100'000;

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

void Workspace::watchStatements()
{
    sqlite3_trace_v2(m_handle, SQLITE_TRACE_STMT, &Workspace::onTrace, this);
    sqlite3_progress_handler(m_handle, kProgressOps, &Workspace::onProgress, this);
}

int Workspace::onTrace(unsigned type, void *self, void *, void *sql)
{
    const char *text = static_cast<const char *>(sql);
    if (type == SQLITE_TRACE_STMT && !(text && text[0] == '-' && text[1] == '-')) {
        auto *ws = static_cast<Workspace *>(self);
        ws->m_spentNs = 0;
        ws->m_lastTickNs = nowNs();
    }
    return 0;
}

int Workspace::onProgress(void *self)
{
    auto *ws = static_cast<Workspace *>(self);
    const std::int64_t now = nowNs();
    ws->m_spentNs += std::clamp<std::int64_t>(now - ws->m_lastTickNs, 0, kMaxTickNs);
    ws->m_lastTickNs = now;
    return ws->m_spentNs > std::int64_t(ws->m_limitMs) * 1'000'000 ? 1 : 0;
}

int Workspace::schemaVersion() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        fail(QStringLiteral("reading the schema version"), sqliteCode(q.lastError()), q.lastError().text());
    return q.value(0).toInt();
}

void Workspace::checkWritable()
{
    // Another process holding the write lock makes this workspace unusable for us: say so now,
    // before anything is written, rather than half-way through an import.
    sqlite3_busy_timeout(m_handle, kLockProbeMs);
    char *err = nullptr;
    int rc = sqlite3_exec(m_handle, "BEGIN IMMEDIATE", nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc == SQLITE_OK)
        sqlite3_exec(m_handle, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(m_handle, kBusyTimeoutMs);
    if (rc == SQLITE_READONLY)
        return; // read-only media: reading commands still work
    if (rc != SQLITE_OK)
        fail(QStringLiteral("locking"), rc, QString::fromUtf8(sqlite3_errmsg(m_handle)));
}

void Workspace::configure()
{
    // temp_store FILE: with MEMORY, SQLite's sorter never spills, so building the page indexes
    // after a bulk load of 10M pages held every row in memory (800 MB); with FILE, sorts and
    // temporary tables stay in the page cache up to its size and spill to a temporary file beyond.
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA temp_store = FILE",
                               "PRAGMA cache_size = -65536"}) {
        char *err = nullptr;
        const int rc = sqlite3_exec(m_handle, pragma, nullptr, nullptr, &err);
        const QString detail = QString::fromUtf8(err ? err : "");
        sqlite3_free(err);
        if (rc != SQLITE_OK)
            fail(QString::fromLatin1(pragma), rc, detail);
    }
}

void Workspace::migrate(int from, int to)
{
    Transaction tx(*this);
    for (int v = from + 1; v <= to; ++v) {
        for (const QString &stmt : Schema::migration(v))
            exec(stmt);
        // Packing the pages needs code, not SQL (the blob's format): version 7 leaves every
        // block stale, and this packs them, in the migration's transaction.
        if (v == 7)
            PagePacks::packStale(*this);
    }
    exec(QStringLiteral("PRAGMA user_version = %1").arg(to));
    tx.commit();
}

std::unique_ptr<Workspace> Workspace::create(const QString &path, int version)
{
    if (QFileInfo::exists(path))
        throw WorkspaceError(WorkspaceError::Kind::Io, QStringLiteral("%1: already exists").arg(path));
    // Built beside the target and renamed into place, so a killed process never leaves a
    // half-made workspace under the real name.
    const QString tmp = QStringLiteral("%1.creating-%2").arg(path).arg(::getpid());
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(tmp + suffix);
    {
        auto ws = connect(tmp);
        // Before anything is written: the page size is fixed with the file's first page.
        ws->exec(QStringLiteral("PRAGMA page_size = %1").arg(kPageSize));
        ws->exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
        ws->configure();
        ws->migrate(0, version);
        QSqlQuery q(ws->database());
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            ws->fail(QStringLiteral("enabling WAL"), sqliteCode(q.lastError()), q.lastError().text());
    }
    if (!QFile::rename(tmp, path)) {
        QFile::remove(tmp);
        throw WorkspaceError(WorkspaceError::Kind::Io, QStringLiteral("%1: cannot create the workspace").arg(path));
    }
    return openChecked(path, version == kSchemaVersion);
}

std::unique_ptr<Workspace> Workspace::open(const QString &path, OpenMode mode)
{
    if (!QFileInfo::exists(path)) {
        if (mode == OpenMode::CreateIfMissing)
            return create(path);
        throw WorkspaceError(WorkspaceError::Kind::Missing, QStringLiteral("%1: no such workspace").arg(path));
    }
    return openChecked(path, true);
}

bool Workspace::needsUpgrade(const QString &path)
{
    try {
        const int version = checkHeader(path);
        return version >= 1 && version < kSchemaVersion;
    } catch (const WorkspaceError &) {
        return false; // open() says what is wrong
    }
}

std::unique_ptr<Workspace> Workspace::openChecked(const QString &path, bool migrateToCurrent)
{
    const QFileInfo fi(path);
    checkHeader(path);
    auto ws = connect(path, accessFor(path));
    const int version = ws->schemaVersion();
    if (version > kSchemaVersion)
        throw WorkspaceError(WorkspaceError::Kind::TooNew,
                             QStringLiteral("%1: written by a newer version of SRE Roadmap (schema %2; this "
                                            "version reads up to %3); please upgrade")
                                 .arg(path)
                                 .arg(version)
                                 .arg(kSchemaVersion));
    if (version < 1)
        throw WorkspaceError(WorkspaceError::Kind::Corrupt,
                             QStringLiteral("%1: an incomplete workspace (no schema)").arg(path));
    // Before anything reads a table: a view or trigger that is not ours never runs.
    SchemaCheck::Result schema;
    try {
        schema = SchemaCheck::compare(ws->m_handle, version);
    } catch (const std::runtime_error &e) {
        ws->fail(QStringLiteral("reading the schema"), sqlite3_errcode(ws->m_handle), QString::fromUtf8(e.what()));
    }
    if (!schema.problem.isEmpty())
        throw WorkspaceError(WorkspaceError::Kind::UnexpectedSchema,
                             QStringLiteral("%1: %2; the workspace was changed outside SRE Roadmap and is not "
                                            "opened (docs/hostile-input.md#workspaces)")
                                 .arg(path, schema.problem));
    ws->m_untrackedTables = schema.untrackedTables;
    if (fi.size() <= kQuickCheckLimit) {
        QSqlQuery q(ws->database());
        if (!q.exec(QStringLiteral("PRAGMA quick_check(1)")) || !q.next())
            ws->fail(QStringLiteral("checking"), sqliteCode(q.lastError()), q.lastError().text());
        const QString result = q.value(0).toString();
        if (result != u"ok")
            throw WorkspaceError(
                WorkspaceError::Kind::Corrupt,
                QStringLiteral("%1: the workspace is corrupt (%2)").arg(path, hygiene::escapeControls(result)));
    }
    ws->checkWritable();
    ws->configure();
    if (version < kSchemaVersion && migrateToCurrent) {
        if (ws->m_readOnly)
            throw WorkspaceError(WorkspaceError::Kind::Io,
                                 QStringLiteral("%1: written by an older version (schema %2); upgrading it to schema "
                                                "%3 needs write access, and the workspace is read-only")
                                     .arg(path)
                                     .arg(version)
                                     .arg(kSchemaVersion));
        ws->migrate(version, kSchemaVersion);
    }
    return ws;
}

std::unique_ptr<Workspace> Workspace::openConnection(const QString &path)
{
    auto ws = connect(path, accessFor(path));
    SchemaCheck::Result schema;
    try {
        schema = SchemaCheck::compare(ws->m_handle, ws->schemaVersion());
    } catch (const std::runtime_error &e) {
        ws->fail(QStringLiteral("reading the schema"), sqlite3_errcode(ws->m_handle), QString::fromUtf8(e.what()));
    }
    if (!schema.problem.isEmpty())
        throw WorkspaceError(WorkspaceError::Kind::UnexpectedSchema,
                             QStringLiteral("%1: %2").arg(path, schema.problem));
    ws->m_untrackedTables = schema.untrackedTables;
    ws->configure();
    return ws;
}

// --- transactions ----------------------------------------------------------------------------

Workspace::Transaction::Transaction(Workspace &ws) : m_ws(ws)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(ws.m_handle, "BEGIN IMMEDIATE", nullptr, nullptr, &err);
    const QString detail = QString::fromUtf8(err ? err : "");
    sqlite3_free(err);
    if (rc != SQLITE_OK)
        ws.fail(QStringLiteral("starting a transaction"), rc, detail);
}

Workspace::Transaction::~Transaction()
{
    if (!m_done)
        sqlite3_exec(m_ws.m_handle, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Workspace::Transaction::commit()
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_ws.m_handle, "COMMIT", nullptr, nullptr, &err);
    const QString detail = QString::fromUtf8(err ? err : "");
    sqlite3_free(err);
    if (rc != SQLITE_OK)
        m_ws.fail(QStringLiteral("committing"), rc, detail);
    m_done = true;
}

// --- settings --------------------------------------------------------------------------------

QHash<QString, QString> Workspace::storedSettings() const
{
    QHash<QString, QString> out;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings")))
        fail(QStringLiteral("reading settings"), sqliteCode(q.lastError()), q.lastError().text());
    while (q.next()) {
        // Whoever wrote it (this app, an older one, sqlite3): only what validates counts.
        const QString key = q.value(0).toString();
        const auto canonical = SettingsSchema::validate(key, q.value(1).toString(), nullptr);
        if (canonical && !canonical->isEmpty())
            out.insert(key, *canonical);
    }
    if (!WorkspaceSettings::problems(out).isEmpty()) {
        // Business hours that are not an interval: both are the defaults.
        out.remove(QStringLiteral("business_hours_start"));
        out.remove(QStringLiteral("business_hours_end"));
    }
    return out;
}

QStringList Workspace::settingProblems() const
{
    QStringList out;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings ORDER BY key")))
        fail(QStringLiteral("reading settings"), sqliteCode(q.lastError()), q.lastError().text());
    QHash<QString, QString> valid;
    while (q.next()) {
        const QString key = q.value(0).toString();
        QString error;
        const auto canonical = SettingsSchema::validate(key, q.value(1).toString(), &error);
        if (canonical)
            valid.insert(key, *canonical);
        else
            out << QStringLiteral("setting %1 is ignored: %2")
                       .arg(hygiene::escapeControls(key), hygiene::escapeControls(error));
    }
    out << WorkspaceSettings::problems(valid);
    return out;
}

WorkspaceSettings Workspace::settings() const
{
    return WorkspaceSettings::fromStored(storedSettings());
}

QString Workspace::setting(const QString &key) const
{
    const SettingSpec *spec = SettingsSchema::find(key);
    if (!spec)
        throw InputError(
            QStringLiteral("unknown setting '%1'; accepted keys: %2").arg(key, SettingsSchema::acceptedKeys()));
    const QString v = storedSettings().value(key);
    return v.isEmpty() ? spec->defaultValue : v;
}

void Workspace::setSetting(const QString &key, const QString &value)
{
    setSettings({{key, value}});
}

void Workspace::setSettings(const QHash<QString, QString> &values)
{
    QHash<QString, QString> canonical;
    for (auto it = values.begin(); it != values.end(); ++it) {
        QString error;
        const auto v = SettingsSchema::validate(it.key(), it.value(), &error);
        if (!v)
            throw InputError(error);
        canonical.insert(it.key(), *v);
    }
    // Business hours must stay a non-empty interval.
    QHash<QString, QString> merged = storedSettings();
    for (auto it = canonical.begin(); it != canonical.end(); ++it)
        merged.insert(it.key(), it.value());
    if (!WorkspaceSettings::problems(merged).isEmpty()) {
        auto shown = [&](const QString &key) {
            const QString v = merged.value(key);
            return v.isEmpty() ? SettingsSchema::find(key)->defaultValue : v;
        };
        throw InputError(
            QStringLiteral("business_hours_start must be before business_hours_end (%1 to %2)")
                .arg(shown(QStringLiteral("business_hours_start")), shown(QStringLiteral("business_hours_end"))));
    }

    Transaction tx(*this);
    for (auto it = canonical.begin(); it != canonical.end(); ++it) {
        if (it.value().isEmpty())
            exec(QStringLiteral("DELETE FROM settings WHERE key = ?"), {it.key()});
        else
            exec(QStringLiteral("INSERT INTO settings(key, value) VALUES(?, ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                 {it.key(), it.value()});
    }
    tx.commit();
}

// --- import log ------------------------------------------------------------------------------

// QtSql binds a null QString as NULL; the log's text columns are NOT NULL.
static QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

qint64 Workspace::addImportLog(const ImportLogEntry &e)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO imports(file_name, sha256, format, added, updated, unchanged, "
                             "skipped, imported_at, notes, source) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : QVariantList{text(e.fileName), text(e.sha256), text(e.format), e.added, e.updated,
                                          e.unchanged, e.skipped, qint64(e.importedAt), text(e.notes), text(e.source)})
        q.addBindValue(v);
    if (!q.exec())
        fail(QStringLiteral("writing the import log"), sqliteCode(q.lastError()), q.lastError().text());
    return q.lastInsertId().toLongLong();
}

void Workspace::updateImportLog(const ImportLogEntry &e)
{
    exec(QStringLiteral("UPDATE imports SET file_name = ?, sha256 = ?, format = ?, added = ?, updated = ?, "
                        "unchanged = ?, skipped = ?, imported_at = ?, notes = ?, source = ? WHERE id = ?"),
         {text(e.fileName), text(e.sha256), text(e.format), e.added, e.updated, e.unchanged, e.skipped,
          qint64(e.importedAt), text(e.notes), text(e.source), e.id});
}

QList<ImportLogEntry> Workspace::importLog() const
{
    QList<ImportLogEntry> out;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT id, file_name, sha256, format, added, updated, unchanged, skipped, "
                               "imported_at, notes, source FROM imports ORDER BY id")))
        fail(QStringLiteral("reading the import log"), sqliteCode(q.lastError()), q.lastError().text());
    while (q.next()) {
        ImportLogEntry e;
        e.id = q.value(0).toLongLong();
        e.fileName = q.value(1).toString();
        e.sha256 = q.value(2).toString();
        e.format = q.value(3).toString();
        e.added = q.value(4).toLongLong();
        e.updated = q.value(5).toLongLong();
        e.unchanged = q.value(6).toLongLong();
        e.skipped = q.value(7).toLongLong();
        e.importedAt = q.value(8).toLongLong();
        e.notes = q.value(9).toString();
        e.source = q.value(10).toString();
        out << e;
    }
    return out;
}

void Workspace::removeImport(qint64 importId)
{
    Transaction tx(*this);
    // Records carry ON DELETE CASCADE to their import.
    exec(QStringLiteral("DELETE FROM imports WHERE id = ?"), {importId});
    exec(QStringLiteral("DELETE FROM alert_groups WHERE id NOT IN (SELECT group_id FROM pages)"));
    refreshLatestEvents();
    tx.commit();
}

std::optional<Micros> Workspace::latestEventTime() const
{
    QHash<QString, std::optional<Micros>> known;
    if (schemaVersion() >= 3) {
        QSqlQuery q(database());
        if (!q.exec(QStringLiteral("SELECT tbl, latest FROM latest_events")))
            fail(QStringLiteral("finding the latest event"), sqliteCode(q.lastError()), q.lastError().text());
        while (q.next())
            known.insert(q.value(0).toString(),
                         q.value(1).isNull() ? std::nullopt : std::optional<Micros>(q.value(1).toLongLong()));
    }
    std::optional<Micros> latest;
    for (const Schema::EventTable &t : Schema::eventTables()) {
        const QString table = QString::fromLatin1(t.table);
        std::optional<Micros> value;
        if (const auto it = known.constFind(table); it != known.constEnd() && !m_untrackedTables.contains(table)) {
            value = *it;
        } else {
            QSqlQuery q(database());
            if (!q.exec(QStringLiteral("SELECT max(%1) FROM %2").arg(Schema::rowLatestSql(t), table)) || !q.next())
                fail(QStringLiteral("finding the latest event"), sqliteCode(q.lastError()), q.lastError().text());
            if (!q.value(0).isNull())
                value = q.value(0).toLongLong();
        }
        if (value && (!latest || *value > *latest))
            latest = value;
    }
    // A time stored outside the accepted range (by hand) must not push the default as-of
    // off the calendar: docs/hostile-input.md#limits.
    if (latest)
        latest = std::clamp(*latest, kEarliestTime, kLatestTime - kMicrosPerDay);
    return latest;
}

void Workspace::refreshLatestEvents()
{
    if (schemaVersion() < 3)
        return;
    for (const Schema::EventTable &t : Schema::eventTables())
        exec(QStringLiteral("INSERT INTO latest_events (tbl, latest) SELECT '%1', (SELECT max(%2) FROM %1) "
                            "WHERE NOT EXISTS (SELECT 1 FROM latest_events WHERE tbl = '%1')")
                 .arg(QString::fromLatin1(t.table), Schema::rowLatestSql(t)));
}

} // namespace srm
