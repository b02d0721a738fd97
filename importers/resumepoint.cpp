#include "importers/resumepoint.h"

#include "store/workspace.h"

#include <sqlite3.h>

namespace srm::importers {

namespace {

// A prepared statement on the workspace's handle, finalized when it goes out of scope.
class Statement
{
public:
    Statement(Workspace &ws, const char *sql)
        : m_ws(ws)
    {
        const int rc = sqlite3_prepare_v2(ws.handle(), sql, -1, &m_stmt, nullptr);
        if (rc != SQLITE_OK)
            ws.fail(QStringLiteral("reading where the last import ended"), rc,
                    QString::fromUtf8(sqlite3_errmsg(ws.handle())));
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    sqlite3_stmt *get() const { return m_stmt; }
    bool row()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            m_ws.fail(QStringLiteral("reading where the last import ended"), rc,
                      QString::fromUtf8(sqlite3_errmsg(m_ws.handle())));
        return rc == SQLITE_ROW;
    }

private:
    Workspace &m_ws;
    sqlite3_stmt *m_stmt = nullptr;
};

void bindText(sqlite3_stmt *s, int i, const QByteArray &text)
{
    sqlite3_bind_text(s, i, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

std::int64_t countPages(Workspace &ws)
{
    Statement count(ws, "SELECT count(*) FROM pages");
    return count.row() ? sqlite3_column_int64(count.get(), 0) : -1;
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
    QString key = QStringLiteral("%1\x1f%2\x1f%3").arg(QLatin1StringView(formatId(f)), timezone,
                                                         QLatin1StringView(SRM_VERSION));
    for (const auto &[field, column] : options.columnMap)
        key += QStringLiteral("\x1f%1=%2").arg(QString::fromStdString(field), QString::fromStdString(column));
    return key;
}

std::optional<ResumePoint> findResumePoint(Workspace &ws, const QString &readingKey)
{
    if (ws.schemaVersion() < 4)
        return std::nullopt;
    // The latest import only: a later one may have changed rows of this file.
    Statement q(ws, "SELECT i.id, f.bytes, i.added + i.unchanged, f.pages_after, i.sha256 FROM imports i "
                    "JOIN import_files f ON f.import_id = i.id WHERE i.id = (SELECT max(id) FROM imports) "
                    "AND i.updated = 0 AND i.skipped = 0 AND i.source = '' AND f.reading = ?1");
    bindText(q.get(), 1, readingKey.toUtf8());
    if (!q.row())
        return std::nullopt;
    ResumePoint p;
    p.importId = sqlite3_column_int64(q.get(), 0);
    p.bytes = sqlite3_column_int64(q.get(), 1);
    p.records = sqlite3_column_int64(q.get(), 2);
    p.pagesAfter = sqlite3_column_int64(q.get(), 3);
    p.sha256 = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(q.get(), 4)));
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
    Statement s(ws, "INSERT OR REPLACE INTO import_files (import_id, bytes, reading, pages_after) VALUES (?1, ?2, ?3, ?4)");
    sqlite3_bind_int64(s.get(), 1, importId);
    sqlite3_bind_int64(s.get(), 2, bytes);
    bindText(s.get(), 3, readingKey.toUtf8());
    sqlite3_bind_int64(s.get(), 4, pagesAfter);
    s.row();
}

} // namespace srm::importers
