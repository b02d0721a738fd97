#include "importrunner.h"

#include "formatwriters.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace srm::importers {

namespace {

QString fromUtf8(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString located(const QString &path, const ParseError &e)
{
    return path + (e.line > 0 ? QStringLiteral(":%1: ").arg(e.line) : QStringLiteral(": "))
        + (e.column.empty() ? QString() : QStringLiteral("column '%1': ").arg(fromUtf8(e.column)))
        + fromUtf8(e.reason);
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

// Records into the RecordWriter; bad rows and notes into the result. In strict mode nothing
// more is written after the first bad row (the transaction will be rolled back), but parsing
// goes on so that every bad row is listed.
class WriterSink : public ImportSink
{
public:
    WriterSink(RecordWriter &writer, ImportResult &result, bool strict, int columns)
        : m_writer(writer), m_result(result), m_strict(strict), m_columns(columns)
    {
    }

    void deployment(const Deployment &d) override { if (m_write) m_writer.add(d); }
    void change(const Change &c) override { if (m_write) m_writer.add(c); }
    void incident(const Incident &i) override { if (m_write) m_writer.add(i); }
    void page(const Page &p) override { if (m_write) m_writer.add(p); }
    void slo(const Slo &s) override { if (m_write) m_writer.add(s); }
    void measurement(const SloMeasurement &m) override { if (m_write) m_writer.add(m, m_columns); }
    void debtItem(const DebtItem &item) override { if (m_write) m_writer.add(item); }

    void badRow(const ParseError &error) override
    {
        ++m_result.badRows;
        if (m_result.errors.size() < ImportResult::kMaxListedErrors)
            m_result.errors.push_back(error);
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
};

std::optional<ParseError> openAndDetect(QFile &file, const ImportOptions &options, std::optional<Format> &format)
{
    const QFileInfo info(file.fileName());
    if (!info.exists())
        return ParseError{0, {}, "no such file"};
    if (info.isDir())
        return ParseError{0, {}, "is a directory, not a file"};
    if (!file.open(QIODevice::ReadOnly))
        return ParseError{0, {}, "cannot open: " + file.errorString().toStdString()};
    format = options.format;
    if (!format) {
        ParseError why;
        format = detectFormat(file.peek(kSniffBytes), &why);
        if (!format) {
            why.reason = "unknown format (" + why.reason + "); known formats: " + knownFormatIds().toStdString()
                + " (or name one with --format)";
            return why;
        }
    }
    if (*format == Format::Prometheus && (options.sloName.empty() || !options.series))
        return ParseError{0, {}, "a Prometheus query_range file needs --slo NAME --series good|bad|total"};
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
    if (badRows > std::int64_t(errors.size()))
        out << QStringLiteral("%1: %2 more bad rows not listed").arg(path).arg(badRows - std::int64_t(errors.size()));
    return out;
}

ImportRunner::ImportRunner(Workspace &ws)
    : m_ws(ws)
{
}

ImportResult ImportRunner::importFile(const QString &path, const ImportOptions &options, const StreamControl &control)
{
    ImportResult r;
    r.path = path;
    QFile file(path);
    if (auto problem = openAndDetect(file, options, r.format)) {
        r.fileError = std::move(problem);
        return r;
    }

    ParseOptions po;
    po.zone = ZoneOffsets(m_ws.settings().timezone);
    po.sloName = options.sloName;
    po.series = options.series;

    QCryptographicHash hash(QCryptographicHash::Sha256);
    StreamControl c = control;
    c.observer = [&hash, &control](const char *data, std::size_t n) {
        hash.addData(QByteArrayView(data, qsizetype(n)));
        if (control.observer)
            control.observer(data, n);
    };
    InputStream in(file, c);

    Workspace::Transaction tx(m_ws);
    ImportLogEntry entry;
    entry.fileName = QFileInfo(path).fileName();
    entry.format = QString::fromLatin1(formatId(*r.format));
    entry.importedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
    entry.id = m_ws.addImportLog(entry);
    {
        RecordWriter writer(m_ws, entry.id);
        WriterSink sink(writer, r, !options.skipBadRows, measurementColumns(options, *r.format));
        try {
            parse(*r.format, in, po, sink);
        } catch (const FileError &e) {
            r.fileError = e.error;
            return r;
        } catch (const Cancelled &) {
            r.status = ImportResult::Status::Cancelled;
            return r;
        }
        r.counts = writer.counts();
    }
    r.sha256 = QString::fromLatin1(hash.result().toHex());
    if (r.badRows > 0 && !options.skipBadRows)
        return r;

    entry.sha256 = r.sha256;
    entry.added = r.counts.added;
    entry.updated = r.counts.updated;
    entry.unchanged = r.counts.unchanged;
    entry.skipped = r.badRows;
    entry.notes = r.notes.join(u'\n');
    m_ws.updateImportLog(entry);
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
    PreviewSink(FilePreview &p, int maxRows)
        : m_p(p), m_maxRows(maxRows)
    {
    }

    void deployment(const Deployment &d) override { row(RecordKind::Deployment, csvFields(d)); }
    void change(const Change &c) override { row(RecordKind::Change, csvFields(c)); }
    void incident(const Incident &i) override { row(RecordKind::Incident, csvFields(i)); }
    void page(const Page &p) override { row(RecordKind::Page, csvFields(p)); }
    void measurement(const SloMeasurement &m) override { row(RecordKind::SloMeasurement, csvFields(m)); }
    void debtItem(const DebtItem &item) override { row(RecordKind::Debt, csvFields(item)); }
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
    if (auto problem = openAndDetect(file, o, p.format)) {
        p.problem = fromUtf8(problem->text());
        return p;
    }
    ParseOptions po;
    po.zone = zone;
    po.sloName = o.sloName;
    po.series = o.series;
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

} // namespace srm::importers
