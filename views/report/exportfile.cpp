#include "views/report/exportfile.h"

#include "store/texthygiene.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace srm::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::report::Export", text);
}

QString shown(const QString &path)
{
    return hygiene::escapeControls(QDir::toNativeSeparators(path));
}

// Where a write to `path` ends up: symbolic links followed (a dangling last one too, which
// QSaveFile would create), the directory in canonical form.
QString finalPath(const QString &path)
{
    QString p = QFileInfo(path).absoluteFilePath();
    for (int hops = 0; hops < 40; ++hops) {
        const QFileInfo info(p);
        if (!info.isSymLink())
            break;
        const QString target = info.symLinkTarget();
        if (target.isEmpty())
            break;
        p = target;
    }
    const QFileInfo info(p);
    const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
    return dir.isEmpty() ? QDir::cleanPath(p) : dir + u'/' + info.fileName();
}

struct FileId
{
    dev_t device;
    ino_t inode;
    bool operator==(const FileId &) const = default;
};

std::optional<FileId> idOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return tr("a directory");
    if (S_ISFIFO(mode))
        return tr("a FIFO");
    if (S_ISCHR(mode))
        return tr("a character device");
    if (S_ISBLK(mode))
        return tr("a block device");
    if (S_ISSOCK(mode))
        return tr("a socket");
    return tr("not a regular file");
}

void checkRegular(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0 && !S_ISREG(st.st_mode))
        throw ExportError(tr("%1 is %2; exports are written to regular files, or to standard output with -")
                              .arg(shown(path), kindOf(st.st_mode)),
                          ExportError::Kind::Refused);
}

void checkOne(const QString &path, const OutputPolicy &policy)
{
    if (path.isEmpty())
        throw ExportError(tr("no output file given"), ExportError::Kind::Refused);
    if (isStandardOutput(path))
        return;
    if (!policy.workspace.isEmpty()) {
        const QString target = finalPath(path);
        const std::optional<FileId> id = idOf(path);
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            const QString side = policy.workspace + QLatin1StringView(suffix);
            const std::optional<FileId> sideId = idOf(side);
            if (finalPath(side) == target || (id && sideId && *id == *sideId))
                throw ExportError(
                    tr("%1 is the workspace%2; an export never writes over it")
                        .arg(shown(path), *suffix ? tr("'s %1 file").arg(QLatin1StringView(suffix + 1)) : QString()),
                    ExportError::Kind::Refused);
        }
    }
    checkRegular(path);
}

bool diskFull(const QString &path, qint64 bytes, const QString &reason)
{
    if (reason == QString::fromLocal8Bit(std::strerror(ENOSPC))
        || reason == QString::fromLocal8Bit(std::strerror(EDQUOT)))
        return true;
    const QStorageInfo storage(QFileInfo(path).absolutePath());
    return storage.isValid() && storage.bytesAvailable() < bytes + 64 * 1024;
}

[[noreturn]] void failWriting(const QString &path, qint64 bytes, const QString &reason)
{
    throw ExportError(
        tr("cannot write %1: %2").arg(shown(path), diskFull(path, bytes, reason) ? tr("disk full") : reason));
}

void writeStandardOutput(const QByteArray &bytes)
{
    std::fflush(stdout);
    const char *p = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, p, std::size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            throw ExportError(
                tr("cannot write to standard output: %1")
                    .arg(error == ENOSPC ? tr("disk full") : QString::fromLocal8Bit(std::strerror(error))));
        }
        p += n;
        left -= n;
    }
}

} // namespace

bool isStandardOutput(const QString &path)
{
    return path == u"-";
}

QStringList existingOutputs(const QStringList &paths)
{
    QStringList out;
    for (const QString &path : paths) {
        if (isStandardOutput(path))
            continue;
        struct stat st;
        if (::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
            out << path;
    }
    return out;
}

void checkOutputs(const QStringList &paths, const OutputPolicy &policy)
{
    for (const QString &path : paths)
        checkOne(path, policy);
    if (policy.force)
        return;
    const QStringList existing = existingOutputs(paths);
    if (existing.isEmpty())
        return;
    QStringList names;
    for (const QString &path : existing)
        names << shown(path);
    throw ExportError(existing.size() == 1
                          ? tr("%1 already exists; nothing was written (--force replaces it)").arg(names.first())
                          : tr("%1 files already exist: %2; nothing was written (--force replaces them)")
                                .arg(existing.size())
                                .arg(names.join(QStringLiteral(", "))),
                      ExportError::Kind::Refused);
}

void saveFile(const QString &path, const std::function<void(QIODevice &)> &write)
{
    checkRegular(path);
    QSaveFile file(path);
    // Unbuffered: a write that fails says why (a full disk) instead of a later "Unknown error".
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        throw ExportError(tr("cannot write %1: %2").arg(shown(path), file.errorString()));
    write(file); // a throw abandons the temporary file (QSaveFile's destructor removes it)
    if (file.error() != QFileDevice::NoError) {
        const QString reason = file.errorString();
        const qint64 size = file.size();
        file.cancelWriting();
        failWriting(path, size, reason);
    }
    const qint64 size = file.size();
    if (!file.commit())
        failWriting(path, size, file.errorString());
}

void saveFile(const QString &path, const QByteArray &bytes)
{
    saveFile(path, [&](QIODevice &out) {
        if (out.write(bytes) != bytes.size())
            failWriting(path, bytes.size(), out.errorString());
    });
}

void writeOutput(const QString &path, const QByteArray &bytes, const OutputPolicy &policy)
{
    checkOutputs({path}, policy);
    if (isStandardOutput(path))
        writeStandardOutput(bytes);
    else
        saveFile(path, bytes);
}

} // namespace srm::report
