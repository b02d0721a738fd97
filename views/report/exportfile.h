// Writing export files safely (docs/hostile-input.md#outputs). Before anything is written,
// checkOutputs() refuses an output that is the workspace or one of its side files (-wal, -shm,
// -journal; after resolving links), that is not a regular file (a FIFO, a device, a socket,
// a directory), or that would replace a file with content unless the caller forces it (an
// empty file, as mktemp makes for cron, is replaced). Every file then goes through QSaveFile
// (written aside and renamed into place on commit), so a failed or interrupted export never
// leaves a half-written file, and an existing file is replaced only by a complete one. "-" is
// standard output. Failures throw ExportError: Refused for the checks (the command line exits
// 2), Failed for writing (exit 1; a full disk is reported as "disk full").
#pragma once

#include "store/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <stdexcept>

class QIODevice;

namespace srm::report {

class ExportError : public Error
{
public:
    enum class Kind { Failed, Refused };
    explicit ExportError(const QString &message, Kind kind = Kind::Failed) : Error(message), m_kind(kind) { }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

// What an export may write over.
struct OutputPolicy
{
    QString workspace;  // never written, nor its -wal, -shm and -journal files
    bool force = false; // replace regular files that have content
};

// True for "-", standard output.
bool isStandardOutput(const QString &path);

// Throws ExportError(Refused) for the first problem among `paths`: one that is the workspace
// or a side file of it, one that is not a regular file, or, without policy.force, every path
// that holds a non-empty file (named together, so that one run shows them all).
void checkOutputs(const QStringList &paths, const OutputPolicy &policy);
// The paths among `paths` that hold a non-empty regular file (what a run would replace).
QStringList existingOutputs(const QStringList &paths);

// Opens `path` through QSaveFile, lets `write` fill it, and commits. Nothing is left at `path`
// (nor changed there) when opening, `write` (by throwing) or the commit fails. Refuses a path
// that is not a regular file; the other checks are checkOutputs()'s.
void saveFile(const QString &path, const std::function<void(QIODevice &)> &write);
void saveFile(const QString &path, const QByteArray &bytes);

// checkOutputs({path}, policy), then `bytes` to standard output ("-") or through saveFile().
void writeOutput(const QString &path, const QByteArray &bytes, const OutputPolicy &policy);

} // namespace srm::report
