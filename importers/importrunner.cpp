#include "importers/importrunner.h"

#include "importers/filehash.h"
#include "importers/formatwriters.h"
#include "importers/parsethread.h"
#include "importers/resumepoint.h"
#include "store/importprofiles.h"
#include "store/sqlite.h"
#include "store/texthygiene.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <functional>
#include <future>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace srm::importers {

namespace {

QString fromUtf8(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// One line per problem: a value quoted in the reason cannot break it (docs/hostile-input.md#text).
QString located(const QString &path, const ParseError &e)
{
    return hygiene::escapeControls(
        path + (e.line > 0 ? QStringLiteral(":%1: ").arg(e.line) : QStringLiteral(": "))
        + (e.column.empty() ? QString() : QStringLiteral("column '%1': ").arg(fromUtf8(e.column)))
        + fromUtf8(e.reason));
}

int measurementColumns(const ImportOptions &o, Format f)
{
    if (f != Format::Prometheus || !o.series)
        return RecordWriter::AllColumns;
    switch (*o.series) {
    case Series::Good: return RecordWriter::Good;
    case Series::Bad: return RecordWriter::Bad;
    case Series::Total: return RecordWriter::Total;
    }
    return RecordWriter::AllColumns;
}

// The check that a file begins with the bytes of a resume point's import: the XXH3 of its
// first `point.bytes` bytes, which must end a line (docs/formats.md#re-importing), compared with
// the stored one. The hash runs on a thread of its own while the caller goes on: it reads the
// page prints and parses the rest of the file on the assumption that the bytes match, and
// settles with matches() before anything is committed; a file that turns out not to match is
// imported again from its start. One after the other, the hash (25-30 ms, mapping included)
// and the parse of a 1% delta's new pages (26-33 ms) were half of its import at a million pages.
// The point was kept only for a file without CR (a line end CsvReader counts that is not a LF),
// so the lines after are numbered as a full read would number them.
class PrefixCheck
{
public:
    // Null when the bytes do not end a line. The XXH3 goes into `hash` (FileHash::check), whose
    // other parts the caller may feed meanwhile; `file` stays open while the check runs.
    static std::unique_ptr<PrefixCheck> start(QFile &file, std::int64_t bytes, FileHash &hash)
    {
        char last = 0;
        if (bytes <= 0 || file.handle() < 0 || ::pread(file.handle(), &last, 1, off_t(bytes - 1)) != 1 || last != '\n')
            return nullptr;
        std::unique_ptr<PrefixCheck> check(new PrefixCheck(file.handle(), bytes, hash));
        check->m_hashing = std::async(std::launch::async, [c = check.get()] { c->run(); });
        return check;
    }

    ~PrefixCheck()
    {
        // Before the map goes, whatever the caller throws.
        m_stop = true;
        if (m_hashing.valid())
            m_hashing.wait();
        if (m_map)
            ::munmap(m_map, std::size_t(m_bytes));
    }
    PrefixCheck(const PrefixCheck &) = delete;
    PrefixCheck &operator=(const PrefixCheck &) = delete;

    // Waits for the hash, asking `control.cancelled` every 20 ms (throws Cancelled) and
    // reporting the bytes hashed of `total`; whether it is `expected`. Once only.
    bool matches(const QByteArray &expected, const StreamControl &control, std::int64_t total)
    {
        for (;;) {
            if (control.cancelled && control.cancelled())
                throw Cancelled();
            if (m_hashing.wait_for(std::chrono::milliseconds(20)) == std::future_status::ready)
                break;
            if (control.progress)
                control.progress(m_hashed.load(std::memory_order_relaxed), total);
        }
        m_hashing.get();
        return m_map && m_hash.prefixHash() == expected;
    }

private:
    PrefixCheck(int fd, std::int64_t bytes, FileHash &hash) : m_fd(fd), m_bytes(bytes), m_hash(hash) { }

    // Mapped, not read: the bytes are hashed where the page cache holds them. Read into a
    // buffer, copying 160 MB took 60 ms (perf), twice the hashing; mapped page by page on first
    // touch, the faults did (MAP_POPULATE maps them in one call: 37 -> 19 ms). Mapped here, on
    // the check's thread: on the caller's, the call held up the parse by 6 to 11 ms (the delta's
    // median, 16 alternating runs: 123 -> 118 ms). A file that cannot be mapped does not match
    // (it is then read whole).
    void run()
    {
        void *map = ::mmap(nullptr, std::size_t(m_bytes), PROT_READ, MAP_PRIVATE | MAP_POPULATE, m_fd, 0);
        if (map == MAP_FAILED)
            return;
        m_map = map;
        const auto *mapped = static_cast<const char *>(m_map);
        constexpr std::int64_t kStep = std::int64_t(1) << 23;
        for (std::int64_t done = 0; done < m_bytes && !m_stop.load(std::memory_order_relaxed);) {
            const std::int64_t n = std::min(kStep, m_bytes - done);
            m_hash.check(mapped + done, std::size_t(n));
            done += n;
            m_hashed.store(done, std::memory_order_relaxed);
        }
    }

    int m_fd;
    void *m_map = nullptr; // set by run(), read once the thread is done
    std::int64_t m_bytes;
    FileHash &m_hash;
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_hashed{0};
    std::future<void> m_hashing;
};

// The import-log entry `entry` with a finished import's hash, counts and notes.
ImportLogEntry logged(ImportLogEntry entry, const ImportResult &r)
{
    entry.sha256 = r.sha256;
    entry.added = r.counts.added;
    entry.updated = r.counts.updated;
    entry.unchanged = r.counts.unchanged;
    entry.skipped = r.badRows;
    entry.notes = r.notes.join(u'\n');
    return entry;
}

// Records into the RecordWriter; bad rows and notes into the result. In strict mode nothing
// more is written after the first bad row (the transaction will be rolled back), but parsing
// goes on so that every bad row is listed.
class WriterSink : public IdentifiedSink
{
public:
    WriterSink(RecordWriter &writer, ImportResult &result, bool strict, int columns)
        : m_writer(writer), m_result(result), m_strict(strict), m_columns(columns)
    {
    }

    void deployment(const Deployment &d) override
    {
        if (m_write)
            m_writer.add(d);
    }
    void change(const Change &c) override
    {
        if (m_write)
            m_writer.add(c);
    }
    void incident(const Incident &i) override
    {
        if (m_write)
            m_writer.add(i);
    }
    void page(const Page &p) override
    {
        if (m_write)
            m_writer.add(p);
    }
    void identifiedPage(const Page &p, const RecordWriter::PageIdentity &identity) override
    {
        if (m_write)
            m_writer.add(p, identity);
    }
    void slo(const Slo &s) override
    {
        if (m_write)
            m_writer.add(s);
    }
    void measurement(const SloMeasurement &m) override
    {
        if (m_write)
            m_writer.add(m, m_columns);
    }
    void debtItem(const DebtItem &item) override
    {
        if (m_write)
            m_writer.add(item);
    }
    void ownership(const Ownership &o) override
    {
        if (m_write)
            m_writer.add(o);
    }

    // Lines of the file before what the parser reads (an import that resumes mid-file).
    void setLineOffset(std::int64_t lines) { m_lineOffset = lines; }
    ParseError located(ParseError error) const
    {
        if (error.line > 0)
            error.line += m_lineOffset;
        return error;
    }

    void badRow(const ParseError &error) override
    {
        ++m_result.badRows;
        if (m_result.errors.size() < ImportResult::kMaxListedErrors)
            m_result.errors.push_back(located(error));
        if (m_strict)
            m_write = false;
    }
    void note(const std::string &text) override { m_result.notes << fromUtf8(text); }

private:
    RecordWriter &m_writer;
    ImportResult &m_result;
    bool m_strict;
    int m_columns;
    bool m_write = true;
    std::int64_t m_lineOffset = 0;
};

// Foreign keys are not checked while an import writes (sqlite::ForeignKeysOff): RecordWriter
// only writes references it made itself (a page's alert group, the import's own log entry, an
// item's dependencies), and the checks cost a tenth of the time of writing a page. Restored when
// the import ends.

// One file's transaction: BEGIN IMMEDIATE ... COMMIT, or, when the caller already holds a
// transaction (the window imports several files as one batch that Cancel rolls back whole), a
// savepoint inside it, so that a failed file still leaves the others alone.
class FileTransaction
{
public:
    explicit FileTransaction(Workspace &ws)
    {
        if (sqlite::inTransaction(ws))
            m_savepoint.emplace(ws, "import_file");
        else
            m_tx.emplace(ws);
    }

    void commit()
    {
        if (m_savepoint)
            m_savepoint->release();
        else
            m_tx->commit();
    }

private:
    std::optional<sqlite::Savepoint> m_savepoint;
    std::optional<Workspace::Transaction> m_tx;
};

// The format to read, with the column mapping to apply: the options', else the detected
// format, else (for a CSV no format recognises, when `profiles` is given) the newest saved
// profile of the file's header.
struct Reading
{
    std::optional<Format> format;
    ColumnMap columnMap;
    QString profile;
    QByteArray head;
};

std::optional<ParseError> openAndDetect(QFile &file, const ImportOptions &options, Reading &reading,
                                        Workspace *profiles = nullptr)
{
    std::optional<Format> &format = reading.format;
    const QFileInfo info(file.fileName());
    if (!info.exists())
        return ParseError{0, {}, "no such file"};
    if (info.isDir())
        return ParseError{0, {}, "is a directory, not a file"};
    if (!file.open(QIODevice::ReadOnly))
        return ParseError{0, {}, "cannot open: " + file.errorString().toStdString()};
    const QByteArray head = file.peek(kSniffBytes);
    reading.head = head;
    if (head.isEmpty() || (QByteArrayView(head).trimmed().isEmpty() && file.size() == head.size()))
        return ParseError{0, {}, "empty file"};
    format = options.format;
    reading.columnMap = options.columnMap;
    if (!format && !options.columnMap.empty())
        return ParseError{0, {}, "column mapping needs a format (--format)"};
    if (!format) {
        ParseError why;
        format = detectFormat(head, &why);
        if (!format && profiles && options.useProfiles)
            if (const auto header = csvHeader(head)) {
                QStringList names;
                for (const std::string &n : *header)
                    names << fromUtf8(n);
                const QString key = ImportProfileStore::headerKey(names);
                for (const ImportProfile &p : ImportProfileStore(*profiles).forHeader(key)) {
                    format = formatFromId(p.format.toStdString());
                    if (!format)
                        continue;
                    for (const auto &[field, column] : p.mapping)
                        reading.columnMap.emplace_back(field.toStdString(), column.toStdString());
                    reading.profile = p.name;
                    break;
                }
            }
        if (!format) {
            why.reason = "unknown format (" + why.reason + "); known formats: " + knownFormatIds().toStdString()
                + (csvHeader(head) ? " (or name one with --format and map its columns with --map FIELD=COLUMN)"
                                   : " (or name one with --format)");
            return why;
        }
    }
    if (auto problem = checkColumnMap(*format, reading.columnMap))
        return problem;
    // A Prometheus file without --slo/--series fails in the parser, after its status: an error
    // response is reported as Prometheus's own error.
    return std::nullopt;
}

} // namespace

QStringList ImportResult::messages() const
{
    QStringList out;
    if (fileError)
        out << located(path, *fileError);
    for (const ParseError &e : errors)
        out << located(path, e);
    if (badRows > std::int64_t(errors.size()) && parts.empty())
        out << QStringLiteral("%1: %2 more bad rows not listed").arg(path).arg(badRows - std::int64_t(errors.size()));
    for (const ImportResult &part : parts)
        out << part.messages();
    return out;
}

std::size_t ImportRunner::keptBeforeCheck = std::size_t(64) << 20;

ImportRunner::ImportRunner(Workspace &ws) : m_ws(ws) { }

ImportResult ImportRunner::importFile(const QString &path, const ImportOptions &options, const StreamControl &control)
{
    ImportResult r;
    r.path = path;
    QFile file(path);
    Reading reading;
    auto problem = openAndDetect(file, options, reading, &m_ws);
    r.format = reading.format;
    r.profile = reading.profile;
    if (problem) {
        r.fileError = std::move(problem);
        return r;
    }
    if (!r.profile.isEmpty())
        r.notes << QStringLiteral("read as %1 with the import profile '%2'")
                       .arg(QString::fromLatin1(formatId(*r.format)), r.profile);

    ParseOptions po;
    po.zone = ZoneOffsets(m_ws.settings().timezone);
    po.sloName = options.sloName;
    po.series = options.series;
    po.columnMap = reading.columnMap;

    FileHash hash;
    // A file that begins with the bytes of the latest import, read the same way, has those rows
    // in the workspace already: only the rest is parsed (docs/formats.md#re-importing).
    const QString readingKey = mayResume(*r.format) && !file.isSequential()
        ? importers::readingKey(*r.format, po, QString::fromUtf8(m_ws.settings().timezone))
        : QString();
    std::optional<ResumePoint> resume;
    std::optional<PagePrints> knownPrints;
    std::unique_ptr<PrefixCheck> check; // running while the rest is parsed
    const qsizetype headerEnd = reading.head.indexOf('\n');
    if (!readingKey.isEmpty() && headerEnd > 0) {
        // The point's check counts the pages in page_spans, whose rows each fill a 64 KB page,
        // and the prints are 8 bytes a page. Mapped, a 1% delta at a million pages no longer
        // copies those 24 MB: finding the point took 10 ms of its 120, now 1 ms; the prints,
        // read beside the hashing, 13 ms, now 7 ms.
        const sqlite::MappedReads mapped(m_ws);
        if (auto point = findResumePoint(m_ws, readingKey); point && file.size() >= point->bytes) {
            check = PrefixCheck::start(file, point->bytes, hash);
            if (check && hash.resume(point->shaState, point->bytes, point->lines) && file.seek(point->bytes)) {
                resume = point;
                knownPrints = loadPagePrints(m_ws, *point);
            } else {
                check.reset();
            }
        }
        if (!resume) {
            file.seek(0);
            hash.reset();
        }
    }

    sqlite::ForeignKeysOff foreignKeysOff(m_ws); // a no-op inside a caller's transaction: the caller sets it
    const ImportResult before = r;
    for (;;) {
        // The bytes after a resume point go to the XXH3 only once its bytes have matched (XXH3
        // is one stream): until then they are kept, and the caller's observer sees them then.
        // Past keptBeforeCheck, the parse waits for the check. A mismatch cancels the parse,
        // and the whole file is read again.
        std::string kept;
        bool mismatch = false;
        const auto settle = [&] {
            if (!check)
                return true;
            const bool same = check->matches(resume->prefixHash, control, file.size());
            check.reset();
            if (!same)
                return false;
            hash.check(kept.data(), kept.size());
            if (control.observer && !kept.empty())
                control.observer(kept.data(), kept.size());
            kept = {};
            return true;
        };
        StreamControl c = control;
        c.observer = [&](const char *data, std::size_t n) {
            if (check) {
                hash.addUnchecked(data, n);
                kept.append(data, n);
                if (kept.size() > keptBeforeCheck && !settle())
                    mismatch = true;
                return;
            }
            hash.add(data, n);
            if (control.observer)
                control.observer(data, n);
        };
        c.cancelled = [&] { return mismatch || (control.cancelled && control.cancelled()); };
        // Progress in bytes of the whole file, those before the resume point counted as read.
        if (resume && control.progress)
            c.progress = [&, skipped = resume->bytes](std::int64_t done, std::int64_t total) {
                control.progress(skipped + done, skipped + total);
            };
        const auto again = [&] {
            resume.reset();
            knownPrints.reset();
            file.seek(0);
            hash.reset();
            r = before;
        };
        InputStream in(file, c);
        if (resume)
            in.setLead(reading.head.left(headerEnd + 1).toStdString());

        FileTransaction tx(m_ws);
        ImportLogEntry entry;
        entry.fileName = QFileInfo(path).fileName();
        entry.format = QString::fromLatin1(formatId(*r.format));
        entry.importedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
        entry.id = m_ws.addImportLog(entry);
        {
            RecordWriter writer(m_ws, entry.id);
            writer.setBulkPages(true);
            writer.setKeepPagePrints(!readingKey.isEmpty());
            if (knownPrints)
                writer.setKnownPagePrints(std::move(knownPrints->prints), knownPrints->runs);
            WriterSink sink(writer, r, !options.skipBadRows, measurementColumns(options, *r.format));
            // The parser's line 1 is the header, its line 2 the file's first after the bytes skipped.
            if (resume)
                sink.setLineOffset(resume->lines - 1);
            // Whatever the parse ends with, a running check settles first: its rows, errors and
            // even its cancellation by the user only count when the bytes before them matched.
            try {
                std::optional<ParseError> fileError;
                try {
                    ParseThread(*r.format, in, po).run(sink);
                } catch (const FileError &e) {
                    fileError = sink.located(e.error);
                }
                if (mismatch || !settle()) {
                    again();
                    continue;
                }
                if (fileError) {
                    r.fileError = std::move(fileError);
                    return r;
                }
            } catch (const Cancelled &) {
                if (mismatch) {
                    again();
                    continue;
                }
                r.status = ImportResult::Status::Cancelled;
                return r;
            }
            r.counts = writer.counts();
            if (resume)
                r.counts.unchanged += resume->records;
            r.sha256 = hash.sha256Hex();
            if (r.badRows > 0 && !options.skipBadRows)
                return r;
            writer.finish();
        }

        m_ws.updateImportLog(logged(entry, r));
        if (!readingKey.isEmpty() && r.badRows == 0 && r.counts.updated == 0)
            saveResumePoint(m_ws, entry.id, hash, readingKey, resume ? resume->pagesAfter + r.counts.added : -1);
        tx.commit();
        r.status = ImportResult::Status::Imported;
        r.importId = entry.id;
        return r;
    }
}

ImportResult ImportRunner::importParts(const QString &label, const QString &source,
                                       const std::vector<ImportPart> &parts, bool skipBadRows,
                                       const StreamControl &control)
{
    ImportResult r;
    r.path = label;
    QStringList formats;
    std::int64_t grandTotal = 0;
    for (const ImportPart &part : parts) {
        if (!part.options.format || !part.device) {
            r.fileError = ParseError{0, {}, "part '" + part.name.toStdString() + "' has no format or no data"};
            return r;
        }
        const QString id = QString::fromLatin1(formatId(*part.options.format));
        if (!formats.contains(id))
            formats << id;
        grandTotal += std::max<qint64>(0, part.device->size());
    }
    if (formats.size() == 1)
        r.format = parts.front().options.format;

    ParseOptions po;
    po.zone = ZoneOffsets(m_ws.settings().timezone);
    FileHash hash;

    sqlite::ForeignKeysOff foreignKeysOff(m_ws); // a no-op inside a caller's transaction: the caller sets it
    FileTransaction tx(m_ws);
    ImportLogEntry entry;
    entry.fileName = label;
    entry.format = formats.join(u'+');
    entry.importedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
    entry.source = source;
    entry.id = m_ws.addImportLog(entry);
    {
        RecordWriter writer(m_ws, entry.id);
        writer.setBulkPages(true);
        std::int64_t before = 0; // bytes of the parts already read
        for (const ImportPart &part : parts) {
            ImportResult &pr = r.parts.emplace_back();
            pr.path = part.name;
            pr.format = part.options.format;
            po.sloName = part.options.sloName;
            po.series = part.options.series;
            StreamControl c = control;
            c.observer = [&hash, &control](const char *data, std::size_t n) {
                hash.add(data, n);
                if (control.observer)
                    control.observer(data, n);
            };
            if (control.progress)
                c.progress = [&control, before, grandTotal](std::int64_t done, std::int64_t) {
                    control.progress(before + done, grandTotal);
                };
            InputStream in(*part.device, c);
            const RecordWriter::Counts start = writer.counts();
            WriterSink sink(writer, pr, !skipBadRows, measurementColumns(part.options, *part.options.format));
            try {
                ParseThread(*part.options.format, in, po).run(sink);
            } catch (const FileError &e) {
                pr.fileError = e.error;
                return r;
            } catch (const Cancelled &) {
                r.status = ImportResult::Status::Cancelled;
                return r;
            }
            pr.counts.added = writer.counts().added - start.added;
            pr.counts.updated = writer.counts().updated - start.updated;
            pr.counts.unchanged = writer.counts().unchanged - start.unchanged;
            pr.status = pr.badRows > 0 && !skipBadRows ? ImportResult::Status::Failed : ImportResult::Status::Imported;
            r.badRows += pr.badRows;
            for (const QString &note : std::as_const(pr.notes))
                r.notes << QStringLiteral("%1: %2").arg(part.name, note);
            before += std::max<qint64>(0, part.device->size());
        }
        r.counts = writer.counts();
        r.sha256 = hash.sha256Hex();
        if (r.badRows > 0 && !skipBadRows)
            return r;
        writer.finish();
    }

    m_ws.updateImportLog(logged(entry, r));
    tx.commit();
    r.status = ImportResult::Status::Imported;
    r.importId = entry.id;
    return r;
}

// --- preview -------------------------------------------------------------------------------

namespace {

class StopPreview
{
};

class PreviewSink : public ImportSink
{
public:
    PreviewSink(FilePreview &p, int maxRows) : m_p(p), m_maxRows(maxRows) { }

    void deployment(const Deployment &d) override { row(RecordKind::Deployment, csvFields(d)); }
    void change(const Change &c) override { row(RecordKind::Change, csvFields(c)); }
    void incident(const Incident &i) override { row(RecordKind::Incident, csvFields(i)); }
    void page(const Page &p) override { row(RecordKind::Page, csvFields(p)); }
    void measurement(const SloMeasurement &m) override { row(RecordKind::SloMeasurement, csvFields(m)); }
    void debtItem(const DebtItem &item) override { row(RecordKind::Debt, csvFields(item)); }
    void ownership(const Ownership &o) override { row(RecordKind::Ownership, csvFields(o)); }
    void slo(const Slo &s) override
    {
        if (m_p.columns.empty())
            m_p.columns = sloPreviewColumns();
        add(sloPreviewFields(s));
    }
    void badRow(const ParseError &e) override
    {
        m_p.errors.push_back(e);
        if (m_p.errors.size() >= ImportResult::kMaxListedErrors)
            throw StopPreview();
    }
    void note(const std::string &text) override { m_p.notes << fromUtf8(text); }

private:
    void row(RecordKind kind, std::vector<std::string> fields)
    {
        if (m_p.columns.empty())
            m_p.columns = csvColumns(kind);
        add(std::move(fields));
    }
    void add(std::vector<std::string> fields)
    {
        m_p.rows.push_back(std::move(fields));
        if (int(m_p.rows.size()) >= m_maxRows)
            throw StopPreview();
    }

    FilePreview &m_p;
    int m_maxRows;
};

} // namespace

FilePreview previewFile(const QString &path, const ImportOptions &options, const ZoneOffsets &zone, int maxRows)
{
    FilePreview p;
    QFile file(path);
    ImportOptions o = options;
    if (!o.series) {
        // A preview of a Prometheus file shows its samples even before a series is chosen.
        o.sloName = o.sloName.empty() ? std::string("?") : o.sloName;
        o.series = Series::Total;
    }
    Reading reading;
    const auto problem = openAndDetect(file, o, reading);
    p.format = reading.format;
    if (const auto header = csvHeader(reading.head))
        p.header = *header;
    if (problem) {
        p.problem = fromUtf8(problem->text());
        return p;
    }
    ParseOptions po;
    po.zone = zone;
    po.sloName = o.sloName;
    po.series = o.series;
    po.columnMap = reading.columnMap;
    InputStream in(file);
    PreviewSink sink(p, maxRows);
    try {
        parse(*p.format, in, po, sink);
    } catch (const StopPreview &) {
    } catch (const FileError &e) {
        p.problem = fromUtf8(e.error.text());
    }
    return p;
}

// --- NewWorkspace --------------------------------------------------------------------------

namespace {

void removeWithSidecars(const QString &path)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

bool syncPath(const QString &path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(), directory ? O_RDONLY | O_DIRECTORY : O_RDWR);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

NewWorkspace::NewWorkspace(const QString &path) : m_path(path)
{
    const QFileInfo info(path);
    // Leftovers of imports that were killed: PATH.importing-PID of processes that are gone.
    const QString prefix = info.fileName() + QStringLiteral(".importing-");
    const QStringList stale = info.dir().entryList({prefix + u'*'}, QDir::Files);
    for (const QString &name : stale) {
        bool ok = false;
        const pid_t pid = pid_t(name.mid(prefix.size()).section(u'-', 0, 0).toLongLong(&ok));
        if (ok && pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH)
            removeWithSidecars(info.dir().filePath(name));
    }
    m_temporary = QStringLiteral("%1.importing-%2").arg(path).arg(::getpid());
    removeWithSidecars(m_temporary);
    m_ws = Workspace::create(m_temporary);
    // Nobody else can see this file: a crash only loses the temporary file, so the journal can
    // live in memory and nothing needs syncing until publish().
    sqlite::setDurability(*m_ws, sqlite::Durability::Scratch);
}

NewWorkspace::~NewWorkspace()
{
    if (!m_published) {
        m_ws.reset();
        removeWithSidecars(m_temporary);
    }
}

void NewWorkspace::publish()
{
    sqlite::setDurability(*m_ws, sqlite::Durability::Shared);
    m_ws.reset();
    if (!syncPath(m_temporary, false))
        throw WorkspaceError(WorkspaceError::Kind::Io, QStringLiteral("%1: cannot write the workspace").arg(m_path));
    if (QFileInfo::exists(m_path) || !QFile::rename(m_temporary, m_path))
        throw WorkspaceError(WorkspaceError::Kind::Io,
                             QStringLiteral("%1: cannot create the workspace (did something else create it "
                                            "meanwhile?)")
                                 .arg(m_path));
    syncPath(QFileInfo(m_path).absolutePath(), true);
    m_published = true;
}

} // namespace srm::importers
