// The workspace store (docs/README.md, docs/command-line.md and docs/settings.md): one SQLite file
// (.srmap) opened through QtSql. Workspace owns one connection (a QSqlDatabase belongs to the
// thread that opened it; a worker thread opens its own with openConnection()). It checks a file
// before touching it (not a workspace, corrupt, newer schema, locked: WorkspaceError, exit code 3,
// file unchanged), migrates older schemas forward, and holds the settings and the import log.
// Record upserts go through RecordWriter; the engine reads with its own queries.
#pragma once

#include "store/error.h"
#include "store/settings.h"

#include <QDateTime>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <stdexcept>

struct sqlite3;

namespace srm {

class WorkspaceError : public Error
{
public:
    enum class Kind { Missing, NotWorkspace, Corrupt, TooNew, Locked, Io, UnexpectedSchema, TimeLimit };
    WorkspaceError(Kind kind, const QString &message) : Error(message), m_kind(kind) { }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

// A bad value from the user (unknown setting, wrong type): exit code 2.
class InputError : public Error
{
public:
    explicit InputError(const QString &message) : Error(message) { }
};

struct ImportLogEntry
{
    qint64 id = 0;
    QString fileName;
    QString sha256;
    QString format;
    qint64 added = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 skipped = 0;
    Micros importedAt = 0;
    QString notes;
    QString source; // the live source a sync import came from ('' for a file; docs/sources.md)
};

class Workspace
{
public:
    static constexpr int kSchemaVersion = 7;
    static constexpr quint32 kApplicationId = 0x5352504d; // "SRPM"
    // A statement that keeps SQLite busy longer than this is stopped (WorkspaceError TimeLimit):
    // docs/hostile-input.md#workspaces.
    static constexpr int kStatementTimeLimitMs = 30000;

    enum class OpenMode { Existing, CreateIfMissing };

    // Opens (and migrates) a workspace, or creates a new one. Throws WorkspaceError.
    static std::unique_ptr<Workspace> open(const QString &path, OpenMode mode = OpenMode::Existing);
    // Creates a new workspace at `path` (which must not exist) at the current schema, or at an
    // older `version` (tests of the migrations).
    static std::unique_ptr<Workspace> create(const QString &path, int version = kSchemaVersion);
    // A further connection to an already checked workspace, for another thread.
    static std::unique_ptr<Workspace> openConnection(const QString &path);
    // Whether the file's header says an older schema, so that open() would migrate it (which
    // can take seconds: schema 6 summarises every page, schema 7 packs them). From the header alone, without SQLite;
    // false for anything open() would refuse. A change still in the WAL is not seen, so "true"
    // may find the migration done.
    static bool needsUpgrade(const QString &path);

    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    QString path() const { return m_path; }
    QSqlDatabase database() const;
    sqlite3 *handle() const { return m_handle; }
    int schemaVersion() const;
    // Opened read-only: the file or its directory is not writable (a read-only mount, another
    // user's file). Reading works; a write fails with "the workspace is read-only".
    bool isReadOnly() const { return m_readOnly; }
    // The time SQLite may spend on one statement before it is stopped (kStatementTimeLimitMs;
    // tests lower it).
    void setStatementTimeLimit(int milliseconds) { m_limitMs = milliseconds; }

    // Settings: canonical stored values, typed view, validated writes (InputError on bad input).
    // Every read validates what it reads, whoever wrote it: a stored value that is not valid
    // for its key (written with sqlite3) counts as unset and is listed by settingProblems().
    QHash<QString, QString> storedSettings() const;
    QStringList settingProblems() const; // "team_size: stored value '-5' is not valid (...)"
    WorkspaceSettings settings() const;
    QString setting(const QString &key) const; // value or default
    void setSetting(const QString &key, const QString &value);
    void setSettings(const QHash<QString, QString> &values); // one transaction, validated first

    // Import log.
    qint64 addImportLog(const ImportLogEntry &entry); // returns the id
    void updateImportLog(const ImportLogEntry &entry);
    QList<ImportLogEntry> importLog() const;
    // Deletes the records last written by one import and its log entry (one transaction).
    void removeImport(qint64 importId);

    // The latest event time of any record (for the default --as-of), or nullopt when empty:
    // from latest_events (schema 3), scanning only a table whose entry is unknown.
    std::optional<Micros> latestEventTime() const;
    // Stores the entries of latest_events that are unknown (after deletes), by scanning those
    // tables; does nothing when all are known or before schema 3.
    void refreshLatestEvents();

    // Runs `sql` with bound values; throws WorkspaceError on failure.
    void exec(const QString &sql, const QVariantList &values = {});

    // RAII write transaction (BEGIN IMMEDIATE ... COMMIT, rolled back unless committed).
    class Transaction
    {
    public:
        explicit Transaction(Workspace &ws);
        ~Transaction();
        void commit();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;

    private:
        Workspace &m_ws;
        bool m_done = false;
    };

    // Throws the WorkspaceError matching an SQLite error code.
    [[noreturn]] void fail(const QString &what, int sqliteCode, const QString &detail) const;

private:
    Workspace(const QString &path, const QString &connectionName);
    enum class Access { ReadWrite, ReadOnly, Immutable };
    static std::unique_ptr<Workspace> connect(const QString &path, Access access = Access::ReadWrite);
    static Access accessFor(const QString &path);
    void watchStatements();
    static int onProgress(void *self);
    static int onTrace(unsigned type, void *self, void *statement, void *sql);
    static std::unique_ptr<Workspace> openChecked(const QString &path, bool migrateToCurrent);
    void checkWritable();
    void configure();
    void migrate(int from, int to);

    QString m_path;
    QString m_connectionName;
    sqlite3 *m_handle = nullptr;
    bool m_readOnly = false;
    // Tables whose latest_events triggers are missing (SchemaCheck): scanned, not looked up.
    QSet<QString> m_untrackedTables;
    // Time SQLite spent on the running statement, counted in the progress handler.
    int m_limitMs = kStatementTimeLimitMs;
    std::int64_t m_spentNs = 0;
    std::int64_t m_lastTickNs = 0;
};

} // namespace srm
