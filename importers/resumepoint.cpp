#include "importers/resumepoint.h"

#include "store/sqlite.h"
#include "store/workspace.h"

namespace srm::importers {

namespace {

using sqlite::Statement;

std::int64_t countPages(Workspace &ws)
{
    Statement count(ws, "SELECT count(*) FROM pages");
    return count.next() ? count.i64(0) : -1;
}

} // namespace

bool mayResume(Format f)
{
    return f == Format::Pages || f == Format::PagerDutyCsv;
}

QString readingKey(Format f, const ParseOptions &options, const QString &timezone)
{
    // Unit separators keep the parts apart; the version, because a later release may read the
    // same bytes differently.
    QString key = QStringLiteral("%1\x1f%2\x1f%3")
                      .arg(QLatin1StringView(formatId(f)), timezone, QLatin1StringView(SRM_VERSION));
    for (const auto &[field, column] : options.columnMap)
        key += QStringLiteral("\x1f%1=%2").arg(QString::fromStdString(field), QString::fromStdString(column));
    return key;
}

std::optional<ResumePoint> findResumePoint(Workspace &ws, const QString &readingKey)
{
    if (ws.schemaVersion() < 4)
        return std::nullopt;
    // The latest import only: a later one may have changed rows of this file.
    Statement q(ws,
                "SELECT i.id, f.bytes, i.added + i.unchanged, f.pages_after, i.sha256 FROM imports i "
                "JOIN import_files f ON f.import_id = i.id WHERE i.id = (SELECT max(id) FROM imports) "
                "AND i.updated = 0 AND i.skipped = 0 AND i.source = '' AND f.reading = ?1");
    q.bind(1, readingKey.toStdString());
    if (!q.next())
        return std::nullopt;
    ResumePoint p;
    p.importId = q.i64(0);
    p.bytes = q.i64(1);
    p.records = q.i64(2);
    p.pagesAfter = q.i64(3);
    p.sha256 = QString::fromStdString(q.text(4));
    // Removing an import (its pages with it) since then shows in the count.
    if (p.bytes <= 0 || countPages(ws) != p.pagesAfter)
        return std::nullopt;
    return p;
}

void saveResumePoint(Workspace &ws, std::int64_t importId, std::int64_t bytes, const QString &readingKey,
                     std::int64_t pagesAfter)
{
    if (ws.schemaVersion() < 4)
        return;
    if (pagesAfter < 0)
        pagesAfter = countPages(ws);
    Statement s(ws,
                "INSERT OR REPLACE INTO import_files (import_id, bytes, reading, pages_after) "
                "VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, importId);
    s.bind(2, bytes);
    s.bind(3, readingKey.toStdString());
    s.bind(4, pagesAfter);
    s.next();
}

} // namespace srm::importers
