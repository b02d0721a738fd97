// The import of one file into a workspace, shared by `sre-roadmap import` and the window's
// import dialog: detect the format (or take the override), parse while hashing the bytes
// (SHA-256), and upsert the records through RecordWriter in ONE transaction per file together
// with the file's import-log entry. Strict by default: any bad row rolls the whole file back;
// with skipBadRows the good rows are kept and the bad ones reported. Cancelling rolls back too,
// so a file is either imported completely or leaves the workspace exactly as it was. A caller
// that holds a transaction already gets each file as a savepoint inside it (a batch of files
// that can be rolled back whole).
#pragma once

#include "importers/importformat.h"
#include "importers/inputstream.h"
#include "importers/parser.h"
#include "store/recordwriter.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace srm {
class Workspace;
}

class QIODevice;

namespace srm::importers {

struct ImportOptions
{
    std::optional<Format> format; // --format; detected from content when unset
    bool skipBadRows = false;
    std::string sloName;          // Prometheus --slo
    std::optional<Series> series; // Prometheus --series
    ColumnMap columnMap;          // CSV formats: --map FIELD=COLUMN (with a format)
    // A CSV that no format recognises is read with the newest saved import profile of its
    // header (store/importprofiles.h), when the workspace has one.
    bool useProfiles = true;
};

struct ImportResult
{
    enum class Status { Imported, Failed, Cancelled };
    static constexpr std::size_t kMaxListedErrors = 100;

    QString path;
    Status status = Status::Failed;
    std::optional<Format> format;
    QString sha256;
    RecordWriter::Counts counts;
    std::int64_t badRows = 0;            // skipped (lenient) or the reason for failing (strict)
    std::vector<ParseError> errors;      // the first kMaxListedErrors bad rows
    std::optional<ParseError> fileError; // why the whole file failed (unknown format, broken JSON...)
    QStringList notes;
    qint64 importId = 0; // the import-log entry (when imported)
    QString profile;     // the import profile the file was read with, if any

    // An import of several parts (ImportRunner::importParts): each part's own result, with its
    // name as path; the fields above are then the whole import's.
    std::vector<ImportResult> parts;

    bool ok() const { return status == Status::Imported; }
    // Every problem as "PATH:LINE: column 'x': reason" lines: the file error, or the listed bad
    // rows and, beyond them, "PATH: N more bad rows"; then those of each part.
    QStringList messages() const;
};

// One part of an import that is not a file: bytes a live source fetched (sources/), in one of
// the import formats, read from `device` (not owned, open for reading). `name` stands in for a
// file name in messages.
struct ImportPart
{
    QString name;
    QIODevice *device = nullptr;
    ImportOptions options; // the format must be set: parts are never sniffed
};

class ImportRunner
{
public:
    explicit ImportRunner(Workspace &ws);

    // Imports one file. Throws WorkspaceError when the workspace itself fails (locked, disk
    // full); everything about the file is in the result.
    ImportResult importFile(const QString &path, const ImportOptions &options, const StreamControl &control = {});

    // Imports `parts` as ONE import: one import-log entry named `label` and marked as coming
    // from `source`, one transaction (a savepoint inside the caller's), each part read by its
    // format's parser exactly as a file would be, the SHA-256 taken over all parts in order.
    // Any part that fails (its file error, or a bad row unless skipBadRows) fails the whole
    // import and leaves the workspace as it was. Throws WorkspaceError like importFile.
    ImportResult importParts(const QString &label, const QString &source, const std::vector<ImportPart> &parts,
                             bool skipBadRows, const StreamControl &control = {});

    // How many bytes after a resume point importFile keeps while the point's own bytes are still
    // being checked; past it, the parse waits for the check (64 MB). Tests lower it to make the
    // parse wait at its first bytes.
    static std::size_t keptBeforeCheck;

private:
    Workspace &m_ws;
};

// The detected (or given) format of a file, and a sample of its first records for a preview.
struct FilePreview
{
    std::optional<Format> format;
    QString problem;                 // why there is no format, or the file error met in the sample
    std::vector<std::string> header; // a CSV file's own header (names as written), for mapping
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<ParseError> errors; // bad rows among the sampled ones
    QStringList notes;
};

// The first records as they will be stored (parsed: service, title, times in UTC...). Saved
// profiles are not looked up here (the window's dialog offers them itself).
FilePreview previewFile(const QString &path, const ImportOptions &options, const ZoneOffsets &zone, int maxRows = 20);

// A workspace that an import creates. It is built under a temporary name beside `path`
// (PATH.importing-PID) with the settings only a private file allows (the rollback journal in
// memory, no syncs), and publish() makes it durable, puts it back in WAL mode and renames it to
// `path`. So a failed, cancelled or killed import never leaves a half-made workspace under the
// real name, and the first import into a new workspace writes every page once instead of twice
// (WAL, then checkpoint). Temporary files of dead processes are removed on the next run.
class NewWorkspace
{
public:
    explicit NewWorkspace(const QString &path); // throws WorkspaceError
    ~NewWorkspace();                            // removes the temporary file unless published
    NewWorkspace(const NewWorkspace &) = delete;
    NewWorkspace &operator=(const NewWorkspace &) = delete;

    Workspace &workspace() { return *m_ws; }
    // Closes the workspace and moves it to its real name; throws WorkspaceError (for example
    // when something else created `path` meanwhile).
    void publish();

private:
    QString m_path;
    QString m_temporary;
    std::unique_ptr<Workspace> m_ws;
    bool m_published = false;
};

} // namespace srm::importers
