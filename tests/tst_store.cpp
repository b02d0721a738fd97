// The workspace store: create, reopen, migrate, and refuse what is not a usable workspace
// (exit 3 through the command line, file unchanged).
#include "store/bulkpageloader.h"
#include "store/pagepacks.h"
#include "store/recordwriter.h"
#include "store/sqlite.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <tuple>

using namespace srm;
using namespace srm::test;

namespace {

// A VFS around the default one that counts the bytes SQLite writes to statement journals (as
// files: a statement journal lives in memory until it passes 64 KiB, then is opened).
struct StatementJournalBytes
{
    StatementJournalBytes()
    {
        s_base = sqlite3_vfs_find(nullptr);
        m_vfs = *s_base;
        m_vfs.zName = "srm-statement-journal-bytes";
        m_vfs.xOpen = [](sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *out) {
            const int rc = s_base->xOpen(s_base, name, file, flags, out);
            if (rc == SQLITE_OK && (flags & SQLITE_OPEN_SUBJOURNAL) && file->pMethods) {
                s_baseMethods = file->pMethods;
                s_methods = *file->pMethods;
                s_methods.xWrite = [](sqlite3_file *f, const void *data, int n, sqlite3_int64 offset) {
                    s_written += n;
                    return s_baseMethods->xWrite(f, data, n, offset);
                };
                file->pMethods = &s_methods;
            }
            return rc;
        };
        s_written = 0;
        sqlite3_vfs_register(&m_vfs, 1);
    }
    ~StatementJournalBytes()
    {
        sqlite3_vfs_register(s_base, 1);
        sqlite3_vfs_unregister(&m_vfs);
    }
    StatementJournalBytes(const StatementJournalBytes &) = delete;
    StatementJournalBytes &operator=(const StatementJournalBytes &) = delete;
    static qint64 written() { return s_written; }

private:
    sqlite3_vfs m_vfs;
    static inline sqlite3_vfs *s_base = nullptr;
    static inline const sqlite3_io_methods *s_baseMethods = nullptr;
    static inline sqlite3_io_methods s_methods;
    static inline qint64 s_written = 0;
};

} // namespace

class TstStore : public QObject
{
    Q_OBJECT

    // Pages from..to (`page(n)`) through a writer in bulk mode, in one transaction with foreign
    // keys off as an import writes them (ImportRunner); `more` writes before finish().
    template <typename PageOf, typename More>
    static void bulkLoad(Workspace &ws, int from, int to, const PageOf &page, const More &more)
    {
        sqlite::ForeignKeysOff foreignKeysOff(ws);
        Workspace::Transaction tx(ws);
        RecordWriter w(ws, 0);
        w.setBulkPages(true);
        for (int n = from; n <= to; ++n)
            QCOMPARE(w.add(page(n)), WriteOutcome::Added);
        QVERIFY(w.bulkActive());
        more(w);
        w.finish();
        tx.commit();
    }

    // page_spans as "block:pages:first_at:last_at" by block.
    static QString spans(Workspace &ws)
    {
        QSqlQuery q(ws.database());
        const bool ran = q.exec(QStringLiteral(
            "SELECT group_concat(block || ':' || pages || ':' || first_at || ':' || last_at, ' ') FROM (SELECT * "
            "FROM page_spans ORDER BY block)"));
        return ran && q.next() ? q.value(0).toString() : QStringLiteral("?");
    }

    // Whether every block of page_spans that holds pages is packed (`packed`; or only
    // where it is not NULL) and unpacks to exactly its rows in the table.
    static bool packsMatchTable(Workspace &ws, bool allPacked = true)
    {
        using Tuple = std::tuple<Micros, bool, Micros, bool, Micros, bool, std::int64_t>;
        const auto tuple = [](const PagePacks::Row &r) {
            return Tuple{r.createdAt,
                         r.hasAcknowledged,
                         r.hasAcknowledged ? r.acknowledgedAt : 0,
                         r.hasResolved,
                         r.hasResolved ? r.resolvedAt : 0,
                         r.autoResolved,
                         r.group};
        };
        sqlite::Statement blocks(ws, "SELECT block, pages, packed FROM page_spans WHERE pages > 0");
        sqlite::Statement rows(ws,
                               "SELECT created_at, acknowledged_at, resolved_at, auto_resolved, group_id FROM pages "
                               "WHERE id >> 12 = ?1");
        int checked = 0;
        while (blocks.next()) {
            if (blocks.isNull(2)) {
                if (allPacked) {
                    qWarning("block %lld is not packed", static_cast<long long>(blocks.i64(0)));
                    return false;
                }
                continue;
            }
            std::vector<PagePacks::Row> unpacked;
            if (!PagePacks::unpack(blocks.blobView(2), blocks.i64(1), unpacked)) {
                qWarning("block %lld does not unpack", static_cast<long long>(blocks.i64(0)));
                return false;
            }
            std::vector<Tuple> fromPack, fromTable;
            for (const PagePacks::Row &r : unpacked)
                fromPack.push_back(tuple(r));
            rows.reset();
            rows.bind(1, blocks.i64(0));
            while (rows.next())
                fromTable.push_back(Tuple{rows.i64(0), !rows.isNull(1), rows.i64(1), !rows.isNull(2), rows.i64(2),
                                          rows.i64(3) != 0, rows.i64(4)});
            std::sort(fromPack.begin(), fromPack.end());
            std::sort(fromTable.begin(), fromTable.end());
            if (fromPack != fromTable) {
                qWarning("block %lld: the pack differs from the table", static_cast<long long>(blocks.i64(0)));
                return false;
            }
            ++checked;
        }
        return checked > 0;
    }

    static QString stalePacks(Workspace &ws)
    {
        QSqlQuery q(ws.database());
        const bool ran = q.exec(QStringLiteral(
            "SELECT group_concat(block, ' ') FROM (SELECT block FROM page_spans WHERE packed IS NULL ORDER BY block)"));
        return ran && q.next() ? q.value(0).toString() : QStringLiteral("?");
    }

private slots:
    void createAndReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.srmap"));
        {
            auto ws = Workspace::create(path);
            QCOMPARE(ws->schemaVersion(), Workspace::kSchemaVersion);
            ws->setSetting(QStringLiteral("team_size"), QStringLiteral("7"));
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            Deployment d;
            d.deploymentId = "d1";
            d.finishedAt = 1000;
            QCOMPARE(w.add(d), RecordWriter::Outcome::Added);
            QCOMPARE(w.add(d), RecordWriter::Outcome::Unchanged);
            d.service = "cart";
            QCOMPARE(w.add(d), RecordWriter::Outcome::Updated);
            tx.commit();
        }
        QVERIFY(QFile::exists(path));
        QVERIFY(
            !QFile::exists(path + QStringLiteral(".creating-") + QString::number(QCoreApplication::applicationPid())));
        auto ws = Workspace::open(path);
        QCOMPARE(ws->setting(QStringLiteral("team_size")), QStringLiteral("7"));
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT service FROM deployments WHERE deployment_id = 'd1'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("cart"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
        QCOMPARE(quint32(q.value(0).toLongLong()), Workspace::kApplicationId);
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
        QCOMPARE(q.value(0).toInt(), 65536);
    }

    void uncommittedWritesRollBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.srmap"));
        {
            auto ws = Workspace::create(path);
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            Deployment d;
            d.deploymentId = "d1";
            w.add(d);
            // no commit
        }
        auto ws = Workspace::open(path);
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM deployments")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void migrateFromVersion1()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.srmap"));
        {
            auto ws = Workspace::create(path, 1);
            QCOMPARE(ws->schemaVersion(), 1);
            ws->exec(QStringLiteral("INSERT INTO settings(key, value) VALUES('name', 'Old Org')"));
            ws->exec(QStringLiteral("INSERT INTO incidents(incident_id, started_at) VALUES('INC-1', 5)"));
            QSqlQuery q(ws->database());
            QVERIFY(!q.exec(QStringLiteral("SELECT * FROM alert_rules")));
        }
        auto ws = Workspace::open(path);
        QCOMPARE(ws->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE(ws->setting(QStringLiteral("name")), QStringLiteral("Old Org"));
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM alert_rules")) && q.next());
        QVERIFY(q.exec(QStringLiteral("SELECT incident_id, started_at FROM incidents_readable")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("INC-1"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("1970-01-01T00:00:00.000Z"));
    }

    void migrateFromVersion3()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v3.srmap"));
        {
            auto ws = Workspace::create(path, 3);
            ws->exec(QStringLiteral(
                "INSERT INTO imports(file_name, sha256, format, imported_at) VALUES('a.yaml', 'x', 'openslo', 1)"));
            ws->exec(
                QStringLiteral("INSERT INTO slos(name, measurement_slo, budgeting_method, objective, window_seconds) "
                               "VALUES('checkout', 'checkout', 'Occurrences', 0.999, 2419200)"));
            ws->exec(QStringLiteral(
                "INSERT INTO slo_measurements(slo, ts, good, total) VALUES('checkout', 86400000000, 9, 10)"));
            QSqlQuery q(ws->database());
            QVERIFY(!q.exec(QStringLiteral("SELECT * FROM ownership")));
        }
        auto ws = Workspace::open(path);
        QCOMPARE(ws->schemaVersion(), Workspace::kSchemaVersion);
        QSqlQuery q(ws->database());
        for (const char *table : {"ownership", "scenarios", "sources", "import_profiles"})
            QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(table))) && q.next(),
                     table);
        QVERIFY(q.exec(QStringLiteral("SELECT source FROM imports")) && q.next());
        QCOMPARE(q.value(0).toString(), QString()); // a file import
        QVERIFY(q.exec(QStringLiteral("SELECT name, objective, window_days FROM slos_readable")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("checkout"));
        QCOMPARE(q.value(2).toDouble(), 28.0);
        QVERIFY(q.exec(QStringLiteral("SELECT slo, timestamp, good, total FROM slo_measurements_readable"))
                && q.next());
        QCOMPARE(q.value(1).toString(), QStringLiteral("1970-01-02T00:00:00.000Z"));
        QCOMPARE(q.value(2).toDouble(), 9.0);
    }

    // Schema 5 (store/schema.cpp): a resume point of schema 4 stays, without the check of its
    // bytes, so that the next import of its file reads the file whole once; page_prints is new.
    void migrateFromVersion4()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v4.srmap"));
        {
            auto ws = Workspace::create(path, 4);
            ws->exec(QStringLiteral(
                "INSERT INTO imports(file_name, sha256, format, imported_at) VALUES('p.csv', 'x', 'pages', 1)"));
            ws->exec(QStringLiteral(
                "INSERT INTO import_files(import_id, bytes, reading, pages_after) VALUES(1, 120, 'pages', 0)"));
        }
        auto ws = Workspace::open(path);
        QCOMPARE(ws->schemaVersion(), Workspace::kSchemaVersion);
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT bytes, lines IS NULL, prefix_hash IS NULL, sha_state IS NULL "
                                      "FROM import_files"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 120);
        QVERIFY(q.value(1).toBool() && q.value(2).toBool() && q.value(3).toBool());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM page_prints")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // Schema 6 (store/schema.cpp): page_spans is filled from the pages there, by blocks of 4096
    // ids, and the index on created_at goes.
    void migrateFromVersion5()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v5.srmap"));
        {
            auto ws = Workspace::create(path, 5);
            ws->exec(QStringLiteral("INSERT INTO alert_groups(id, service, title) VALUES(1, 'cart', 't')"));
            // ids 1 and 4095 in block 0, 4096 in block 1, -1 in block -1, and the first and last
            // blocks of the integers SQLite stores
            using Row = std::pair<qint64, int>;
            for (const auto &[id, at] :
                 {Row{1, 500}, Row{4095, 200}, Row{4096, 900}, Row{-1, 50}, Row{std::numeric_limits<qint64>::max(), 7},
                  Row{std::numeric_limits<qint64>::min(), 8}})
                ws->exec(QStringLiteral("INSERT INTO pages(id, ukey, title, created_at, group_id) "
                                        "VALUES(%1, %1, 't', %2, 1)")
                             .arg(id)
                             .arg(at));
        }
        QVERIFY(Workspace::needsUpgrade(path)); // from the header: the window upgrades off its thread
        Workspace::open(path).reset();          // migrated, and its WAL merged on close
        QVERIFY(!Workspace::needsUpgrade(path));
        auto ws = Workspace::open(path);
        const QString notOne = dir.filePath(QStringLiteral("text.srmap"));
        writeFile(notOne, "not a database");
        QVERIFY(!Workspace::needsUpgrade(notOne));
        QVERIFY(!Workspace::needsUpgrade(dir.filePath(QStringLiteral("missing.srmap"))));
        QCOMPARE(ws->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE(spans(*ws),
                 QStringLiteral("-2251799813685248:1:8:8 -1:1:50:50 0:2:200:500 1:1:900:900 "
                                "2251799813685247:1:7:7"));
        QVERIFY(packsMatchTable(*ws)); // packed by the migration to schema 7
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'pages_created_at'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // The triggers keep page_spans a superset of where the pages are under any SQL write: an
    // insert counts the page and widens its block, an update widens the block it lands in (and
    // moves the count when the id changes block), a delete lowers the count.
    void pageSpansFollowSqlWrites()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        ws->exec(QStringLiteral("INSERT INTO alert_groups(id, service, title) VALUES(1, 'cart', 't')"));
        const auto insert = [&](std::int64_t id, std::int64_t at) {
            ws->exec(
                QStringLiteral("INSERT INTO pages(id, ukey, title, created_at, group_id) VALUES(%1, %1, 't', %2, 1)")
                    .arg(id)
                    .arg(at));
        };
        insert(1, 100);
        insert(2, 300);
        insert(4097, 200);
        QCOMPARE(spans(*ws), QStringLiteral("0:2:100:300 1:1:200:200"));
        ws->exec(QStringLiteral("UPDATE pages SET created_at = 1000 WHERE id = 1"));
        QCOMPARE(spans(*ws), QStringLiteral("0:2:100:1000 1:1:200:200")); // wider, never narrower
        ws->exec(QStringLiteral("UPDATE pages SET id = 9000 WHERE id = 2"));
        QCOMPARE(spans(*ws), QStringLiteral("0:1:100:1000 1:1:200:200 2:1:300:300"));
        ws->exec(QStringLiteral("DELETE FROM pages WHERE id = 4097"));
        QCOMPARE(spans(*ws), QStringLiteral("0:1:100:1000 1:0:200:200 2:1:300:300"));
        ws->exec(QStringLiteral("UPDATE pages SET urgency = 'high'")); // neither id nor time
        QCOMPARE(spans(*ws), QStringLiteral("0:1:100:1000 1:0:200:200 2:1:300:300"));
    }

    // Schema 7's packs: any write of a column the analysis reads makes its block stale (NULL),
    // and packStale() packs exactly the stale blocks that hold pages, from the table.
    void packedPagesFollowSqlWrites()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        ws->exec(QStringLiteral("INSERT INTO alert_groups(id, service, title) VALUES(1, 'cart', 't'), (2, 'db', 'u')"));
        ws->exec(QStringLiteral("INSERT INTO pages(id, ukey, title, created_at, acknowledged_at, resolved_at, "
                                "auto_resolved, group_id) VALUES(1, 1, 't', 100, 160, 900, 0, 1), "
                                "(2, 2, 't', 50, NULL, 70, 1, 2), (4097, 3, 't', 200, NULL, NULL, NULL, 1)"));
        QCOMPARE(stalePacks(*ws), QStringLiteral("0 1"));
        QCOMPARE(PagePacks::packStale(*ws), 2);
        QCOMPARE(stalePacks(*ws), QString());
        QVERIFY(packsMatchTable(*ws));
        QCOMPARE(PagePacks::packStale(*ws), 0); // nothing stale: nothing read

        const auto staleAfter = [&](const char *sql) {
            PagePacks::packStale(*ws);
            ws->exec(QString::fromLatin1(sql));
            return stalePacks(*ws);
        };
        QCOMPARE(staleAfter("UPDATE pages SET urgency = 'high'"), QString()); // not read by the analysis
        QCOMPARE(staleAfter("UPDATE pages SET acknowledged_at = 150 WHERE id = 1"), QStringLiteral("0"));
        QCOMPARE(staleAfter("UPDATE pages SET resolved_at = 300 WHERE id = 4097"), QStringLiteral("1"));
        QCOMPARE(staleAfter("UPDATE pages SET auto_resolved = 1 WHERE id = 1"), QStringLiteral("0"));
        QCOMPARE(staleAfter("UPDATE pages SET group_id = 2 WHERE id = 4097"), QStringLiteral("1"));
        QCOMPARE(staleAfter("UPDATE pages SET created_at = 10 WHERE id = 2"), QStringLiteral("0"));
        QCOMPARE(staleAfter("UPDATE pages SET id = 8200 WHERE id = 2"), QStringLiteral("0 2"));
        QCOMPARE(staleAfter("DELETE FROM pages WHERE id = 4097"), QStringLiteral("1"));
        // Block 1 holds no page now: left NULL, never read.
        QCOMPARE(staleAfter("INSERT INTO pages(id, ukey, title, created_at, group_id) VALUES(3, 9, 't', 5, 1)"),
                 QStringLiteral("0 1"));
        QCOMPARE(PagePacks::packStale(*ws), 1);
        QCOMPARE(stalePacks(*ws), QStringLiteral("1"));
        QVERIFY(packsMatchTable(*ws, false));
        // A count written by hand that the rows do not match: the block stays unpacked.
        ws->exec(QStringLiteral("UPDATE page_spans SET pages = 7, packed = NULL WHERE block = 0"));
        QCOMPARE(PagePacks::packStale(*ws), 0);
        QCOMPARE(stalePacks(*ws), QStringLiteral("0 1"));
    }

    // pack() and unpack() round-trip any values SQLite stores, in whichever unit divides them
    // (whole seconds take fewer bytes), and unpack() refuses every blob that is not one pack()
    // wrote of the block's count: truncated, longer, another count, format, unit or flags.
    void pagePacksRoundTrip()
    {
        constexpr std::int64_t lo = std::numeric_limits<std::int64_t>::min();
        constexpr std::int64_t hi = std::numeric_limits<std::int64_t>::max();
        const auto row = [](Micros created, std::optional<Micros> ack, std::optional<Micros> resolved,
                            bool autoResolved, std::int64_t group) {
            PagePacks::Row r;
            r.createdAt = created;
            r.hasAcknowledged = ack.has_value();
            r.acknowledgedAt = ack.value_or(0);
            r.hasResolved = resolved.has_value();
            r.resolvedAt = resolved.value_or(0);
            r.autoResolved = autoResolved;
            r.group = group;
            return r;
        };
        const auto same = [](const PagePacks::Row &a, const PagePacks::Row &b) {
            return a.createdAt == b.createdAt && a.hasAcknowledged == b.hasAcknowledged
                && (!a.hasAcknowledged || a.acknowledgedAt == b.acknowledgedAt) && a.hasResolved == b.hasResolved
                && (!a.hasResolved || a.resolvedAt == b.resolvedAt) && a.autoResolved == b.autoResolved
                && a.group == b.group;
        };
        // Out of time order, equal times, negative times, both ends of int64 in every field.
        const std::vector<PagePacks::Row> rows{
            row(5'000'000, 65'000'000, 3'605'000'000, false, 7),
            row(-3'000'000, std::nullopt, -1'000'000, true, 1),
            row(hi, lo, hi, true, lo),
            row(lo, hi, std::nullopt, false, hi),
            row(5'000'000, std::nullopt, std::nullopt, false, 3),
            row(0, 0, 0, true, 0),
            row(1, 2, 3, false, -1),
        };
        PagePacks::Writer writer;
        for (const PagePacks::Row &r : rows)
            writer.add(r);
        const std::string blob = writer.pack();
        std::vector<PagePacks::Row> out;
        QVERIFY(PagePacks::unpack(blob, std::int64_t(rows.size()), out));
        QCOMPARE(out.size(), rows.size());
        // In time order, equal times as added.
        std::vector<PagePacks::Row> expected = rows;
        std::stable_sort(expected.begin(), expected.end(),
                         [](const PagePacks::Row &a, const PagePacks::Row &b) { return a.createdAt < b.createdAt; });
        for (std::size_t i = 0; i < out.size(); ++i)
            QVERIFY2(same(out[i], expected[i]), qPrintable(QString::number(i)));

        // Units: pages 37 s apart, acknowledged 300 s later, in whole seconds, or a few ms or µs
        // off them.
        const auto size = [&](std::int64_t jitter) {
            const auto at = [jitter](std::int64_t i) {
                return 1'775'000'000'000'000 + i * 37'000'000 + (i % 7) * jitter;
            };
            PagePacks::Writer w;
            for (int i = 0; i < 100; ++i)
                w.add(row(at(i), at(i) + 300'000'000, std::nullopt, false, i));
            const std::string b = w.pack();
            std::vector<PagePacks::Row> back;
            if (!PagePacks::unpack(b, 100, back) || back.size() != 100)
                return std::size_t(0);
            for (int i = 0; i < 100; ++i)
                if (back[std::size_t(i)].createdAt != at(i)
                    || back[std::size_t(i)].acknowledgedAt != at(i) + 300'000'000)
                    return std::size_t(0);
            return b.size();
        };
        const std::size_t seconds = size(0), millis = size(1'000), micros = size(1);
        QVERIFY(seconds > 0 && millis > 0 && micros > 0);
        QVERIFY2(seconds < millis && millis < micros,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(seconds).arg(millis).arg(micros)));
        // The header (3 bytes), the first time in seconds (5) and then a byte of flags, one of
        // time, one of group and two of acknowledgement a page.
        QCOMPARE(seconds, std::size_t(3 + 5 + 99 * 1 + 100 * 4));

        // Refused: every shorter blob, a longer one, another count, format, unit or flags.
        for (std::size_t n = 0; n < blob.size(); ++n)
            QVERIFY2(!PagePacks::unpack(std::string_view(blob).substr(0, n), std::int64_t(rows.size()), out),
                     qPrintable(QString::number(n)));
        QVERIFY(out.empty());
        QVERIFY(!PagePacks::unpack(blob + '\0', std::int64_t(rows.size()), out));
        QVERIFY(!PagePacks::unpack(blob, std::int64_t(rows.size()) - 1, out));
        QVERIFY(!PagePacks::unpack(blob, std::int64_t(rows.size()) + 1, out));
        std::string other = blob;
        other[0] = 2; // format
        QVERIFY(!PagePacks::unpack(other, std::int64_t(rows.size()), out));
        other = blob;
        other[2] = 3; // unit
        QVERIFY(!PagePacks::unpack(other, std::int64_t(rows.size()), out));
        other = blob;
        other[3] = 8; // the first row's flags
        QVERIFY(!PagePacks::unpack(other, std::int64_t(rows.size()), out));
        // More rows than a block holds, even when the count says so.
        std::string many;
        many += char(1);
        many += char(0x81); // 4097 as a varint: 0x81 0x20
        many += char(0x20);
        many += char(0);
        QVERIFY(!PagePacks::unpack(many, 4097, out));
        // An empty block.
        PagePacks::Writer none;
        QVERIFY(PagePacks::unpack(none.pack(), 0, out));
        QVERIFY(out.empty());

        // A varint of eleven bytes (ten is the longest), in the first row and in the last one,
        // where it ends the blob.
        const auto withLongVarint = [&row](bool last) {
            PagePacks::Writer w;
            w.add(row(1'000'000, std::nullopt, std::nullopt, false, 1));
            w.add(row(2'000'000, std::nullopt, std::nullopt, false, 2));
            // The header (format, count, unit: 3 bytes), then per row its flags, time and group
            // (zigzag 1: the byte 2), a byte each in whole seconds.
            std::string b = w.pack();
            const std::size_t at = last ? 8 : 5;
            if (b.size() != 9 || b[at] != char(2))
                return std::string();
            b.replace(at, 1, std::string(10, char(0x82)) + char(0));
            return b;
        };
        QVERIFY(!withLongVarint(false).empty() && !withLongVarint(true).empty());
        QVERIFY(!PagePacks::unpack(withLongVarint(false), 2, out));
        QVERIFY(out.empty());
        QVERIFY(!PagePacks::unpack(withLongVarint(true), 2, out));
        QVERIFY(out.empty());

        // Into a vector that held other rows, longer or shorter: the rows are those of the
        // blob, every field (an acknowledgement the old row had is not left behind).
        std::vector<PagePacks::Row> fresh;
        QVERIFY(PagePacks::unpack(blob, std::int64_t(rows.size()), fresh));
        for (const std::size_t held : {std::size_t(1), rows.size(), rows.size() * 3}) {
            std::vector<PagePacks::Row> reused(held, row(7, 8, 9, true, 10));
            QVERIFY(PagePacks::unpack(blob, std::int64_t(rows.size()), reused));
            QCOMPARE(reused.size(), fresh.size());
            for (std::size_t i = 0; i < fresh.size(); ++i) {
                QVERIFY2(same(reused[i], fresh[i]), qPrintable(QString::number(i)));
                QCOMPARE(reused[i].acknowledgedAt, fresh[i].acknowledgedAt);
                QCOMPARE(reused[i].resolvedAt, fresh[i].resolvedAt);
            }
        }
    }

    // A bulk load writes the blocks of the pages it appends itself (its rows cross block
    // boundaries; a page loaded twice is updated through the trigger), and leaves the insert
    // trigger as it found it: the spans are exact after a load into an empty table and after an
    // append, and an insert afterwards is counted.
    void pageSpansAfterBulkLoads()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        auto page = [](int n) {
            Page p;
            p.sourceId = "P" + std::to_string(n);
            p.title = "t";
            p.createdAt = Micros((n * 7919) % 10007) * 1000; // out of time order
            return p;
        };
        const auto exact = [&] {
            QSqlQuery q(ws->database());
            const bool ran = q.exec(QStringLiteral(
                "SELECT group_concat(b || ':' || n || ':' || lo || ':' || hi, ' ') FROM (SELECT id >> 12 AS b, "
                "count(*) AS n, min(created_at) AS lo, max(created_at) AS hi FROM pages GROUP BY b ORDER BY b)"));
            return ran && q.next() ? q.value(0).toString() : QStringLiteral("?");
        };
        for (const auto &[from, to] : {std::pair{1, 5000}, std::pair{5001, 9000}})
            bulkLoad(*ws, from, to, page, [&, from = from](RecordWriter &w) {
                // The first load's in block 0, written already; the second's in block 2, which it
                // has yet to write (the update reaches page_spans first). Block 1 is shared.
                Page again = page(from == 1 ? 11 : 8201);
                again.createdAt = 99'999'000; // later than any: the trigger widens block 0 or 2
                QCOMPARE(w.add(again), WriteOutcome::Updated);
            });
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(spans(*ws), exact());
        QCOMPARE(spans(*ws).count(u' '), 2); // blocks 0, 1 and 2
        // Packed as they were filled, and block 1 (shared by the two loads) and the blocks of the
        // pages loaded twice packed again from the table when each import ended.
        QVERIFY(packsMatchTable(*ws));
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'pages_span_insert'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        ws->exec(QStringLiteral("INSERT INTO pages(id, ukey, title, created_at, group_id) "
                                "SELECT 12288, 1, 't', 5, min(id) FROM alert_groups"));
        QCOMPARE(spans(*ws), exact());
        QCOMPARE(stalePacks(*ws), QStringLiteral("3"));
    }

    void refuse_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("text file") << "text"
                                   << "not a SQLite database";
        QTest::newRow("empty file") << "empty"
                                    << "empty file";
        QTest::newRow("other sqlite database") << "foreign"
                                               << "not an SRE Roadmap workspace";
        QTest::newRow("newer version") << "newer"
                                       << "newer version";
        QTest::newRow("corrupt") << "corrupt"
                                 << "corrupt";
        QTest::newRow("locked") << "locked"
                                << "locked by another process";
        QTest::newRow("directory") << "directory"
                                   << "is a directory";
    }

    void refuse()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("ws.srmap"));
        QProcess locker;
        if (kind == u"text") {
            writeFile(path, "deployment_id,finished_at\nd1,2026-01-01\n");
        } else if (kind == u"empty") {
            writeFile(path, QByteArray());
        } else if (kind == u"foreign") {
            QVERIFY(QProcess::execute(QStringLiteral("sqlite3"),
                                      {path, QStringLiteral("CREATE TABLE t(x); INSERT INTO t VALUES(1);")})
                    == 0);
        } else if (kind == u"newer") {
            Workspace::create(path);
            QVERIFY(QProcess::execute(QStringLiteral("sqlite3"), {path, QStringLiteral("PRAGMA user_version = 99;")})
                    == 0);
        } else if (kind == u"corrupt") {
            {
                auto ws = Workspace::create(path);
                Workspace::Transaction tx(*ws);
                RecordWriter w(*ws, 0);
                for (int i = 0; i < 2000; ++i) {
                    Page p;
                    p.sourceId = "P" + std::to_string(i);
                    p.title = "Disk usage " + std::to_string(i) + "% on host-" + std::to_string(i % 7);
                    p.createdAt = i * kMicrosPerMinute;
                    w.add(p);
                }
                tx.commit();
            }
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            // The header's page size (bytes 16 and 17, big-endian; 1 means 65536).
            const QByteArray header = f.read(100);
            const int pageSize = (uchar(header[16]) << 8 | uchar(header[17])) == 1
                ? 65536
                : uchar(header[16]) << 8 | uchar(header[17]);
            QVERIFY(f.size() > 8 * pageSize);
            f.seek(pageSize * 3);
            f.write(QByteArray(pageSize * 4, '\x5a'));
        } else if (kind == u"locked") {
            Workspace::create(path);
            locker.start(QStringLiteral(SRM_LOCKHOLDER), {path});
            QVERIFY(locker.waitForStarted());
            QVERIFY(locker.waitForReadyRead(10000));
            QCOMPARE(locker.readAllStandardOutput().trimmed(), QByteArray("locked"));
        } else if (kind == u"directory") {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("d.srmap")));
            path = dir.filePath(QStringLiteral("d.srmap"));
        }
        const QByteArray before = sha256Of(path);

        for (const QStringList &args :
             {QStringList{QStringLiteral("get"), path},
              QStringList{QStringLiteral("set"), path, QStringLiteral("team_size"), QStringLiteral("5")}}) {
            const CliResult r = runCli(args);
            QCOMPARE(r.exitCode, 3);
            QVERIFY2(r.errText().contains(message), qPrintable(r.errText()));
            QVERIFY2(r.errText().contains(path), qPrintable(r.errText()));
            QCOMPARE(r.out, QByteArray());
        }
        try {
            Workspace::open(path);
            QFAIL("opened");
        } catch (const WorkspaceError &e) {
            QVERIFY(e.message().contains(message));
        }
        QCOMPARE(sha256Of(path), before);
        if (kind == u"locked") {
            locker.closeWriteChannel();
            QVERIFY(locker.waitForFinished());
            QCOMPARE(runCli({QStringLiteral("set"), path, QStringLiteral("team_size"), QStringLiteral("5")}).exitCode,
                     0);
        }
    }

    void missingWorkspace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nope.srmap"));
        const CliResult r = runCli({QStringLiteral("get"), path});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.errText().contains(QStringLiteral("no such workspace")));
        QVERIFY(!QFile::exists(path));
    }

    void importLogAndRemoval()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("ws.srmap")));
        ImportLogEntry e;
        e.fileName = QStringLiteral("pages.csv");
        e.sha256 = QStringLiteral("ab");
        e.format = QStringLiteral("pages");
        e.importedAt = 42;
        const qint64 first = ws->addImportLog(e);
        const qint64 second = ws->addImportLog(e);
        {
            Workspace::Transaction tx(*ws);
            RecordWriter a(*ws, first), b(*ws, second);
            Page p;
            p.title = "x";
            p.service = "s";
            p.createdAt = 1;
            a.add(p);
            p.createdAt = 2;
            b.add(p);
            p.createdAt = 3;
            b.add(p);
            tx.commit();
        }
        QCOMPARE(ws->importLog().size(), 2);
        ws->removeImport(second);
        QCOMPARE(ws->importLog().size(), 1);
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), min(created_at) FROM pages")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(ws->latestEventTime().value_or(-1), Micros(1));
    }

    void pageKeys()
    {
        Page a;
        a.createdAt = 5;
        a.service = "svc";
        a.title = "t";
        Page b = a;
        b.urgency = "high";
        QCOMPARE(RecordWriter::pageKey(a), RecordWriter::pageKey(b)); // identity ignores other fields
        b.title = "t2";
        QVERIFY(RecordWriter::pageKey(a) != RecordWriter::pageKey(b));
        Page c = a;
        c.sourceId = "PX";
        Page d = b;
        d.sourceId = "PX";
        QCOMPARE(RecordWriter::pageKey(c), RecordWriter::pageKey(d)); // an id wins
    }

    // Page keys are stored (pages.ukey) and compared with those of later imports, so they must
    // not change between versions: MurmurHash64A (seed 0x5352504d) of "id" US id, or of "k" US
    // created_at US service US title. The two literals were computed by the version that built
    // the key in a buffer; the lengths around each 8-byte word boundary check the hash fed in
    // pieces against the definition written out below.
    void pageKeysAreStable_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("service");
        QTest::addColumn<QByteArray>("title");
        for (int n = 0; n <= 26; ++n) {
            const QByteArray text = QByteArray("abcdefghijklmnopqrstuvwxyz").left(n);
            QTest::addRow("id of %d bytes", n) << text << QByteArray("svc") << QByteArray("t");
            QTest::addRow("title of %d bytes", n) << QByteArray() << QByteArray("frontend") << text;
            QTest::addRow("service of %d bytes", n) << QByteArray() << text << QByteArray("High p99");
        }
    }
    void pageKeysAreStable()
    {
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, service);
        QFETCH(QByteArray, title);
        const auto definition = [](const std::string &key) {
            const std::uint64_t m = 0xc6a4a7935bd1e995ULL;
            std::uint64_t h = 0x5352504dULL ^ (key.size() * m);
            std::size_t i = 0;
            for (; i + 8 <= key.size(); i += 8) {
                std::uint64_t k = 0;
                for (int b = 7; b >= 0; --b)
                    k = (k << 8) | static_cast<unsigned char>(key[i + std::size_t(b)]);
                k *= m;
                k ^= k >> 47;
                k *= m;
                h ^= k;
                h *= m;
            }
            if (i < key.size()) {
                for (std::size_t b = i; b < key.size(); ++b)
                    h ^= std::uint64_t(static_cast<unsigned char>(key[b])) << (8 * (b - i));
                h *= m;
            }
            h ^= h >> 47;
            h *= m;
            h ^= h >> 47;
            return std::int64_t(h);
        };
        Page p;
        p.sourceId = id.toStdString();
        p.service = service.toStdString();
        p.title = title.toStdString();
        p.createdAt = 1775038688604988;
        const std::string key = id.isEmpty()
            ? "k\x1f" + std::to_string(p.createdAt) + "\x1f" + p.service + "\x1f" + p.title
            : "id\x1f" + p.sourceId;
        QCOMPARE(RecordWriter::pageKey(p), definition(key));
    }
    void pageKeysOfEarlierVersions()
    {
        Page p;
        p.sourceId = "P17WE19M";
        QCOMPARE(RecordWriter::pageKey(p), std::int64_t(7870787459571183031));
        p.sourceId.clear();
        p.createdAt = 1775038688604988;
        p.service = "frontend";
        p.title = "High p99 latency on frontend: 2163ms";
        QCOMPARE(RecordWriter::pageKey(p), std::int64_t(7169857541743557638));
    }

    // The bulk loader's key map keeps 32 bits of a key and asks the caller to confirm a match.
    void keyMap_data()
    {
        QTest::addColumn<qint64>("second");
        QTest::addColumn<bool>("same");
        const qint64 first = qint64(0x1234567800000001LL);
        QTest::newRow("another fingerprint") << qint64(0x7234567800000001LL) << false;
        QTest::newRow("same fingerprint, another key") << qint64(0x1234567800000002LL) << false;
        QTest::newRow("the same key") << first << true;
    }
    void keyMap()
    {
        QFETCH(qint64, second);
        QFETCH(bool, same);
        const std::int64_t first = 0x1234567800000001LL;
        BulkPageLoader::KeyMap map;
        std::vector<std::int64_t> keyOf(3); // by id, as the table would hold them
        int asked = 0;
        auto confirm = [&](std::int64_t key) {
            return [&, key](std::int64_t id) {
                ++asked;
                return keyOf[std::size_t(id)] == key;
            };
        };
        keyOf[1] = first;
        QCOMPARE(map.findOrInsert(first, 1, confirm(first)), 0);
        keyOf[2] = second;
        QCOMPARE(map.findOrInsert(second, 2, confirm(second)), same ? 1 : 0);
        // Confirmed only when the high 32 bits agree.
        QCOMPARE(asked, (std::uint64_t(second) >> 32) == (std::uint64_t(first) >> 32) ? 1 : 0);
        QCOMPARE(map.size(), same ? 1u : 2u);
    }

    // Every key found again with its id after the tables have grown many times.
    void keyMapGrows()
    {
        BulkPageLoader::KeyMap map;
        std::mt19937_64 random(7);
        std::vector<std::int64_t> keys(200000);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            keys[i] = std::int64_t(random());
            const std::int64_t id = std::int64_t(i) + 1;
            QCOMPARE(map.findOrInsert(keys[i], id,
                                      [&](std::int64_t other) { return keys[std::size_t(other - 1)] == keys[i]; }),
                     0);
        }
        for (std::size_t i = 0; i < keys.size(); ++i)
            QCOMPARE(map.findOrInsert(keys[i], -1,
                                      [&](std::int64_t other) { return keys[std::size_t(other - 1)] == keys[i]; }),
                     std::int64_t(i) + 1);
        QCOMPARE(map.size(), keys.size());
    }

    // The same page again in one bulk load, queued or already written (more than one INSERT of
    // 128 rows later), updates the first copy: 300 pages, the first and the 299th again.
    void bulkDuplicates_data()
    {
        QTest::addColumn<int>("again");
        QTest::newRow("still queued") << 299;
        QTest::newRow("already written") << 1;
    }
    void bulkDuplicates()
    {
        QFETCH(int, again);
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        RecordWriter::Counts counts;
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            w.setBulkPages(true);
            auto page = [](int n, const char *urgency) {
                Page p;
                p.sourceId = "P" + std::to_string(n);
                p.title = "t";
                p.createdAt = n;
                p.urgency = urgency;
                return p;
            };
            for (int n = 1; n <= 300; ++n)
                QCOMPARE(w.add(page(n, "low")), WriteOutcome::Added);
            QVERIFY(w.bulkActive());
            QCOMPARE(w.add(page(again, "high")), WriteOutcome::Updated);
            w.finish();
            counts = w.counts();
            tx.commit();
        }
        QCOMPARE(counts.added, 300);
        QCOMPARE(counts.updated, 1);
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(urgency = 'high'), max(CASE WHEN urgency = 'high' THEN "
                                      "created_at END) FROM pages")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 300);
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(q.value(2).toInt(), again);
    }

    // Pages appended in bulk to a table that has rows change pages that were there before (the
    // table's last leaf), which SQLite would keep in a statement journal for each
    // multi-row INSERT and spill to a file (BulkPageLoader::flush): none is opened. The pages
    // and their latest event are all there.
    void appendingPagesWritesNoStatementJournal()
    {
        QTemporaryDir dir;
        StatementJournalBytes journals;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        auto page = [](int n) {
            Page p;
            p.sourceId = "P" + std::to_string(n);
            p.service = n % 2 ? "cart" : "checkout";
            p.title = "t" + std::to_string(n % 7);
            p.createdAt = Micros(n % 997) * 1'000'000 + n; // out of time order
            return p;
        };
        qint64 before = 0;
        for (const auto &[from, to] : {std::pair{1, 2000}, std::pair{2001, 2600}}) {
            before = StatementJournalBytes::written();
            bulkLoad(*ws, from, to, page, [](RecordWriter &) {});
        }
        // What the append wrote: nothing with SQLite 3.40; its statements on the schema (the
        // insert triggers of latest_events and page_spans dropped and made again) could journal
        // the schema's page. Each of the five 128-row INSERTs would add the table's last leaf
        // (at least five pages).
        const qint64 appended = StatementJournalBytes::written() - before;
        constexpr qint64 kJournaledPage = 65536 + 4; // the page and its number
        QVERIFY2(appended <= 2 * kJournaledPage, qPrintable(QString::number(appended)));
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT source_id), max(created_at) FROM pages")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2600);
        QCOMPARE(q.value(1).toInt(), 2600);
        QCOMPARE(q.value(2).toLongLong(), qint64(996) * 1'000'000 + 1993); // n = 1993: 1993 % 997 = 996
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(q.value(2).toLongLong()));
    }

    // The titles' normalisation cache has 4,096 slots, so 10,000 distinct titles share slots:
    // a title never gets another title's normalisation, and repeats find their own group. The
    // titles are letters only, which the built-in rules leave as they are.
    void titleCacheSharedSlots()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        constexpr int kTitles = 10000;
        const auto title = [](int n) {
            std::string t = "Alert ";
            for (int i = 0; i < 4; ++i, n /= 26)
                t += char('a' + n % 26);
            return t;
        };
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            for (int round = 0; round < 2; ++round)
                for (int n = 0; n < kTitles; ++n) {
                    Page p;
                    p.sourceId = "P" + std::to_string(round * kTitles + n);
                    p.service = "svc";
                    p.title = title(n);
                    p.createdAt = round * kTitles + n;
                    QCOMPARE(w.add(p), WriteOutcome::Added);
                }
            w.finish();
            tx.commit();
        }
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), min(n), max(n), sum(g.title = substr(p.title, 1))"
                                      " FROM (SELECT group_id, count(*) AS n, min(title) AS title FROM pages"
                                      " GROUP BY group_id) p JOIN alert_groups g ON g.id = p.group_id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), kTitles); // one group per title
        QCOMPARE(q.value(1).toInt(), 2);       // each with both of its pages
        QCOMPARE(q.value(2).toInt(), 2);
        QCOMPARE(q.value(3).toInt(), kTitles); // named by its own title
    }

    // RecordWriter's group slots (one per title hash, before the map of all groups): the same
    // title in two services is two groups, with pages alternating between them so that each
    // takes the slot from the other.
    void groupSlotsKeepServices()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            for (int n = 0; n < 100; ++n) {
                Page p;
                p.sourceId = "P" + std::to_string(n);
                p.service = n % 2 ? "web" : "db";
                p.title = "Disk full";
                p.createdAt = n;
                QCOMPARE(w.add(p), WriteOutcome::Added);
            }
            w.finish();
            tx.commit();
        }
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM alert_groups), count(*) FROM pages p "
                                      "JOIN alert_groups g ON g.id = p.group_id AND g.service = p.service")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QCOMPARE(q.value(1).toInt(), 100); // every page in its own service's group
    }
};

QTEST_GUILESS_MAIN(TstStore)
#include "tst_store.moc"
