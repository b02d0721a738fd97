// The latest event time behind docs/command-line.md's default as-of, kept in latest_events (schema 3): exact
// after every kind of write — inserts, updates that move the latest row earlier, deletes,
// removing an import, hand-written SQL, bulk loads (with their triggers dropped and restored,
// and a page written twice), bulk appends (the insert trigger dropped, by one writer or two),
// the migration of a version 2 workspace — always compared with the maximum over every
// timestamp column, computed here.
#include "engine/dataset.h"
#include "store/recordwriter.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace srm;

namespace {

constexpr Micros kHour = 3600 * kMicrosPerSecond;

Micros at(const char *iso)
{
    return *parseTimestamp(iso, ZoneOffsets());
}

// The latest timestamp of any record, read column by column.
std::optional<Micros> scanned(Workspace &ws)
{
    QSqlQuery q(ws.database());
    const QString sql = QStringLiteral(
        "SELECT max(t) FROM (SELECT finished_at AS t FROM deployments UNION ALL SELECT started_at FROM deployments"
        " UNION ALL SELECT committed_at FROM changes UNION ALL SELECT authored_at FROM changes"
        " UNION ALL SELECT pr_merged_at FROM changes UNION ALL SELECT started_at FROM incidents"
        " UNION ALL SELECT detected_at FROM incidents UNION ALL SELECT acknowledged_at FROM incidents"
        " UNION ALL SELECT mitigated_at FROM incidents UNION ALL SELECT resolved_at FROM incidents"
        " UNION ALL SELECT created_at FROM pages UNION ALL SELECT acknowledged_at FROM pages"
        " UNION ALL SELECT resolved_at FROM pages UNION ALL SELECT ts FROM slo_measurements)");
    if (!q.exec(sql) || !q.next())
        qFatal("scan failed");
    return q.value(0).isNull() ? std::nullopt : std::optional<Micros>(q.value(0).toLongLong());
}

// tbl -> latest (as text: "null" for a known empty table); a missing table is unknown.
QMap<QString, QString> entries(Workspace &ws)
{
    QMap<QString, QString> out;
    QSqlQuery q(ws.database());
    if (!q.exec(QStringLiteral("SELECT tbl, latest FROM latest_events")))
        qFatal("no latest_events");
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).isNull() ? QStringLiteral("null") : q.value(1).toString());
    return out;
}

int triggers(Workspace &ws)
{
    QSqlQuery q(ws.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_latest_%'"))
        || !q.next())
        qFatal("no schema");
    return q.value(0).toInt();
}

Page page(const char *id, const char *created, std::optional<Micros> resolved = std::nullopt)
{
    Page p;
    p.sourceId = id;
    p.service = "cart";
    p.title = "Redis down";
    p.createdAt = at(created);
    p.resolvedAt = resolved;
    return p;
}

} // namespace

class TstLatestEvents : public QObject
{
    Q_OBJECT

private slots:
    void newWorkspaceKnowsItIsEmpty()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        QCOMPARE(ws->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE(entries(*ws).size(), 5);
        for (const QString &v : entries(*ws))
            QCOMPARE(v, QStringLiteral("null"));
        QCOMPARE(ws->latestEventTime(), std::nullopt);
        QCOMPARE(triggers(*ws), 15);
    }

    // Upserts with the triggers in place: a later resolution raises the entry; moving the
    // latest row earlier makes the entry unknown, and the answer stays the scan's.
    void upsertsKeepItExact()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            w.add(page("P1", "2026-03-01T10:00:00Z"));
            w.add(page("P2", "2026-03-02T10:00:00Z", at("2026-03-05T08:00:00Z")));
            tx.commit();
        }
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(at("2026-03-05T08:00:00Z")));
        QCOMPARE(entries(*ws).value(QStringLiteral("pages")), QString::number(at("2026-03-05T08:00:00Z")));
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            // P2 is now resolved an hour after it was created: the latest is P2's creation.
            w.add(page("P2", "2026-03-02T10:00:00Z", at("2026-03-02T11:00:00Z")));
            tx.commit();
        }
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(at("2026-03-02T11:00:00Z")));
        QCOMPARE(ws->latestEventTime(), scanned(*ws));
    }

    // Hand-written SQL (a user with sqlite3): insert, update, delete.
    void handWrittenSql()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        ws->exec(
            QStringLiteral("INSERT INTO deployments(deployment_id, is_production, started_at, finished_at, result) "
                           "VALUES('D1', 1, 50, 100, 'success'), ('D2', 1, 300, 200, 'success')"));
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(300)); // a start after the finish counts too
        ws->exec(QStringLiteral(
            "INSERT INTO changes(commit_sha, deployment_id, committed_at, pr_merged_at) VALUES('c', 'D1', 10, 400)"));
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(400));
        ws->exec(QStringLiteral("UPDATE changes SET pr_merged_at = 20"));
        QCOMPARE(entries(*ws).contains(QStringLiteral("changes")), false); // unknown: its latest row moved earlier
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(300));
        ws->exec(QStringLiteral("DELETE FROM deployments WHERE deployment_id = 'D2'"));
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(100));
        ws->exec(QStringLiteral("INSERT INTO slo_measurements(slo, ts, total) VALUES('s', 90, 1)"));
        ws->exec(QStringLiteral("INSERT INTO incidents(incident_id, started_at, resolved_at) VALUES('I', 10, 95)"));
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(100));
        ws->exec(QStringLiteral("DELETE FROM deployments"));
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(95));
        QCOMPARE(ws->latestEventTime(), scanned(*ws));
        ws->refreshLatestEvents();
        QCOMPARE(entries(*ws).size(), 5);
        QCOMPARE(entries(*ws).value(QStringLiteral("deployments")), QStringLiteral("null"));
        QCOMPARE(entries(*ws).value(QStringLiteral("changes")), QStringLiteral("20"));
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(95));
    }

    // A bulk load drops the triggers of the tables it fills and sets their entries itself;
    // the same page twice (the later copy resolved earlier) leaves the entry to a scan.
    void bulkLoad_data()
    {
        QTest::addColumn<bool>("duplicate");
        QTest::newRow("distinct pages") << false;
        QTest::newRow("a page twice") << true;
    }
    void bulkLoad()
    {
        QFETCH(bool, duplicate);
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            w.setBulkPages(true);
            w.add(page("P1", "2026-03-01T10:00:00Z", at("2026-03-09T00:00:00Z")));
            w.add(page("P2", "2026-03-02T10:00:00Z"));
            if (duplicate)
                w.add(page("P1", "2026-03-01T10:00:00Z", at("2026-03-01T10:30:00Z")));
            Deployment d;
            d.deploymentId = "D1";
            d.finishedAt = at("2026-03-03T00:00:00Z");
            w.add(d);
            QVERIFY(w.bulkActive());
            QCOMPARE(triggers(*ws), 9); // the pages' and deployments' triggers are gone meanwhile
            w.finish();
            tx.commit();
        }
        QCOMPARE(triggers(*ws), 15);
        const Micros expected = duplicate ? at("2026-03-03T00:00:00Z") : at("2026-03-09T00:00:00Z");
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(expected));
        QCOMPARE(ws->latestEventTime(), scanned(*ws));
        QCOMPARE(entries(*ws).size(), 5);
        // The triggers work again afterwards.
        ws->exec(QStringLiteral("UPDATE pages SET resolved_at = ? WHERE source_id = 'P2'"),
                 {qint64(at("2026-04-01T00:00:00Z"))});
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(at("2026-04-01T00:00:00Z")));
    }

    // A bulk load into a table that has rows drops only its insert trigger and raises the
    // entry once at the end; the update trigger stays, so a page written again that moves the
    // table's latest row earlier still leaves the entry to a scan.
    void appendKeepsItExact_data()
    {
        QTest::addColumn<QByteArray>("created"); // the page appended
        QTest::addColumn<bool>("rewriteLatest"); // P1, the latest row, written again resolved earlier
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("a later page") << QByteArray("2026-03-20T00:00:00Z") << false
                                      << QByteArray("2026-03-20T00:00:00Z");
        QTest::newRow("an earlier page") << QByteArray("2026-02-01T00:00:00Z") << false
                                         << QByteArray("2026-03-09T00:00:00Z");
        QTest::newRow("the latest row moved earlier")
            << QByteArray("2026-03-05T00:00:00Z") << true << QByteArray("2026-03-05T00:00:00Z");
    }
    void appendKeepsItExact()
    {
        QFETCH(QByteArray, created);
        QFETCH(bool, rewriteLatest);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            w.setBulkPages(true);
            w.add(page("P1", "2026-03-01T10:00:00Z", at("2026-03-09T00:00:00Z")));
            w.add(page("P2", "2026-03-02T10:00:00Z"));
            w.finish();
            tx.commit();
        }
        QCOMPARE(entries(*ws).value(QStringLiteral("pages")), QString::number(at("2026-03-09T00:00:00Z")));
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            w.setBulkPages(true);
            if (rewriteLatest)
                QCOMPARE(w.add(page("P1", "2026-03-01T10:00:00Z", at("2026-03-01T10:30:00Z"))), WriteOutcome::Updated);
            QCOMPARE(w.add(page("P3", created.constData())), WriteOutcome::Added);
            QCOMPARE(triggers(*ws), 14); // the pages' insert trigger is gone meanwhile
            QCOMPARE(entries(*ws).contains(QStringLiteral("pages")), !rewriteLatest);
            w.finish();
            QCOMPARE(entries(*ws).contains(QStringLiteral("pages")), true); // known again, or scanned
            tx.commit();
        }
        QCOMPARE(triggers(*ws), 15);
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(at(expected.constData())));
        QCOMPARE(ws->latestEventTime(), scanned(*ws));
        QCOMPARE(entries(*ws).value(QStringLiteral("pages")), QString::number(at(expected.constData())));
        // The insert trigger works again afterwards.
        ws->exec(QStringLiteral("INSERT INTO pages (ukey, title, created_at, group_id) VALUES (1, 't', ?, "
                                "(SELECT min(id) FROM alert_groups))"),
                 {qint64(at("2026-05-01T00:00:00Z"))});
        QCOMPARE(entries(*ws).value(QStringLiteral("pages")), QString::number(at("2026-05-01T00:00:00Z")));
    }

    // Two bulk writers appending in one transaction: the second finds the insert trigger gone
    // and raises the entry for its own pages, whichever finishes first.
    void twoWritersAppend_data()
    {
        QTest::addColumn<bool>("laterFinishesFirst");
        QTest::newRow("first writer finishes first") << false;
        QTest::newRow("second writer finishes first") << true;
    }
    void twoWritersAppend()
    {
        QFETCH(bool, laterFinishesFirst);
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            w.add(page("P1", "2026-03-01T10:00:00Z"));
            tx.commit();
        }
        {
            Workspace::Transaction tx(*ws);
            RecordWriter a(*ws, 0);
            a.setBulkPages(true);
            a.add(page("P2", "2026-03-02T10:00:00Z"));
            RecordWriter b(*ws, 0);
            b.setBulkPages(true);
            b.add(page("P3", "2026-03-07T10:00:00Z"));
            QCOMPARE(triggers(*ws), 14);
            if (laterFinishesFirst) {
                b.finish();
                a.finish();
            } else {
                a.finish();
                b.finish();
            }
            tx.commit();
        }
        QCOMPARE(triggers(*ws), 15);
        QCOMPARE(entries(*ws).value(QStringLiteral("pages")), QString::number(at("2026-03-07T10:00:00Z")));
        QCOMPARE(ws->latestEventTime(), scanned(*ws));
    }

    // The import command's path: a new workspace, a file, then removing that import.
    void importAndRemove()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.srmap"));
        const QString csv = dir.filePath(QStringLiteral("pages.csv"));
        test::writeFile(csv,
                        "id,service,title,created_at,resolved_at\n"
                        "P1,cart,Redis down,2026-03-01T10:00:00Z,2026-03-20T00:00:00Z\n"
                        "P2,cart,Redis down,2026-03-02T10:00:00Z,\n");
        const QString incidents = dir.filePath(QStringLiteral("incidents.csv"));
        test::writeFile(incidents,
                        "incident_id,started_at,resolved_at\nI1,2026-03-05T00:00:00Z,2026-03-06T00:00:00Z\n");
        const test::CliResult r = test::runCli({QStringLiteral("import"), path, csv, incidents});
        QCOMPARE(r.exitCode, 0);
        auto ws = Workspace::open(path);
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(at("2026-03-20T00:00:00Z")));
        QCOMPARE(entries(*ws).size(), 5);
        QCOMPARE(triggers(*ws), 15);
        ws->removeImport(ws->importLog().first().id); // the pages
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(at("2026-03-06T00:00:00Z")));
        QCOMPARE(entries(*ws).size(), 5);
        QCOMPARE(entries(*ws).value(QStringLiteral("pages")), QStringLiteral("null"));
    }

    // Opening a version 2 workspace fills latest_events from the records.
    void migrateFromVersion2()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.srmap"));
        {
            auto ws = Workspace::create(path, 2);
            ws->exec(QStringLiteral("INSERT INTO alert_groups(id, service, title) VALUES(1, 'cart', 'Redis down')"));
            ws->exec(QStringLiteral(
                "INSERT INTO pages(ukey, title, created_at, resolved_at, group_id) VALUES(1, 't', 10, 700, 1)"));
            ws->exec(
                QStringLiteral("INSERT INTO incidents(incident_id, started_at, mitigated_at) VALUES('I', 5, 600)"));
            QCOMPARE(ws->latestEventTime(), std::optional<Micros>(700)); // scanned before the migration
        }
        auto ws = Workspace::open(path);
        QCOMPARE(ws->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE(entries(*ws).value(QStringLiteral("pages")), QStringLiteral("700"));
        QCOMPARE(entries(*ws).value(QStringLiteral("incidents")), QStringLiteral("600"));
        QCOMPARE(entries(*ws).value(QStringLiteral("changes")), QStringLiteral("null"));
        QCOMPARE(ws->latestEventTime(), std::optional<Micros>(700));
        QCOMPARE(triggers(*ws), 15);
    }

    // docs/command-line.md through the engine: a page created before the window but resolved after every
    // other event moves the as-of to the day after its resolution.
    void defaultAsOf()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(QStringLiteral("w.srmap")));
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            w.setBulkPages(true);
            w.add(page("P1", "2026-01-01T10:00:00Z", at("2026-06-30T23:59:59Z")));
            for (int i = 0; i < 5; ++i) {
                Page p = page("", "2026-05-01T10:00:00Z");
                p.sourceId = "Q" + std::to_string(i);
                p.createdAt += i * kHour;
                w.add(p);
            }
            w.finish();
            tx.commit();
        }
        const Dataset d = Dataset::load(*ws, std::nullopt, 90, Dataset::AllParts, 0);
        QCOMPARE(formatIso(d.window.asOf), QStringLiteral("2026-07-01T00:00:00Z"));
        QCOMPARE(d.pages.size(), std::size_t(5)); // P1 was created before the window
    }
};

QTEST_GUILESS_MAIN(TstLatestEvents)
#include "tst_latestevents.moc"
