// `sre-roadmap import` and `generate` through the real binary: strict by default (a bad row
// imports nothing and is listed as FILE:LINE: column 'x': reason), --skip-bad-rows, idempotent
// re-imports, every kind of broken file giving exit 2 with the workspace unchanged, the import
// log, a created workspace that only appears when something was imported, generated files that
// import to exactly the demo's records, and the operational debt CSV round trip.
#include "demo/demo.h"
#include "importers/formatwriters.h"
#include "importers/importrunner.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <vector>

using namespace srm;
using namespace srm::test;

namespace {

qint64 scalar(const QString &ws, const QString &sql)
{
    auto w = Workspace::open(ws);
    QSqlQuery q(w->database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

const QByteArray kPages
    = "id,created_at,title,service,acknowledged_at,resolved_at,auto_resolved\n"
      "P1,2026-03-01T10:00:00Z,Disk full on db-1,db,2026-03-01T10:05:00Z,2026-03-01T11:00:00Z,false\n"
      "P2,2026-03-01T11:00:00Z,Disk full on db-2,db,,2026-03-01T11:10:00Z,true\n"
      "P3,2026-03-01T12:00:00Z,CPU high,web,2026-03-01T12:01:00Z,,no\n";

} // namespace

class TstImportCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString file(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, content);
        return path;
    }
    QString workspacePath(const QString &name) { return m_dir.filePath(name + QStringLiteral(".srmap")); }

private slots:
    void importsAndLogs()
    {
        const QString ws = workspacePath(QStringLiteral("log"));
        const QString pages = file(QStringLiteral("pages.csv"), kPages);
        const CliResult r = runCli({QStringLiteral("import"), ws, pages});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // no progress when stderr is not a terminal
        QVERIFY(r.outText().contains(QStringLiteral("pages, 3 added, 0 updated, 0 unchanged, 0 skipped")));
        auto w = Workspace::open(ws);
        const QList<ImportLogEntry> log = w->importLog();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log[0].fileName, QStringLiteral("pages.csv"));
        QCOMPARE(log[0].format, QStringLiteral("pages"));
        QCOMPARE(log[0].sha256.toLatin1(), sha256Of(pages));
        QCOMPARE(log[0].added, qint64(3));
        QVERIFY(log[0].importedAt > 0);
        QSqlQuery q(w->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM pages WHERE import_id = %1").arg(log[0].id)) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    // docs/formats.md#re-importing: the same file again, or with lines appended, parses only
    // what follows the bytes of the latest import; the counts are a full import's.
    void resumesGrownFiles()
    {
        const QString ws = workspacePath(QStringLiteral("grown"));
        const QString pages = file(QStringLiteral("daily.csv"), kPages);
        QCOMPARE(runCli({QStringLiteral("import"), ws, pages}).exitCode, 0);
        const QString rows = QStringLiteral("SELECT group_concat(id || ':' || source_id || ':' || title || ':' || "
                                            "import_id, '|') FROM (SELECT * FROM pages ORDER BY id)");
        auto stored = [&](const QString &sql) {
            auto w = Workspace::open(ws);
            QSqlQuery q(w->database());
            return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("?");
        };
        const QString before = stored(rows);
        QCOMPARE(stored(QStringLiteral("SELECT bytes || ',' || pages_after FROM import_files")),
                 QStringLiteral("%1,3").arg(kPages.size()));

        // The same file: nothing parsed, three unchanged, the pages as they were.
        CliResult r = runCli({QStringLiteral("import"), ws, pages});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral("0 added, 0 updated, 3 unchanged, 0 skipped")), r.out.constData());
        QCOMPARE(stored(rows), before);

        // Two lines more, the second bad: its line is the file's sixth (header, P1-P4, then it),
        // and nothing is imported.
        const QByteArray grown = kPages + "P4,2026-03-02T10:00:00Z,Disk full on db-3,db,,,\n";
        writeFile(pages, grown + "P5,never,CPU high,web,,,\n");
        r = runCli({QStringLiteral("import"), ws, pages});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(pages + QStringLiteral(":6: column 'created_at': not a timestamp: 'never'")),
                 r.err.constData());
        QCOMPARE(stored(rows), before);

        // The good line only: one added, three unchanged; 4 pages after it.
        writeFile(pages, grown);
        r = runCli({QStringLiteral("import"), ws, pages});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral("1 added, 0 updated, 3 unchanged, 0 skipped")), r.out.constData());
        QCOMPARE(stored(QStringLiteral("SELECT count(*) FROM pages")), QStringLiteral("4"));
        QCOMPARE(stored(QStringLiteral("SELECT group_concat(bytes || ',' || pages_after, ';') FROM import_files")),
                 QStringLiteral("%1,3;%1,3;%2,4").arg(kPages.size()).arg(grown.size()));

        // A changed byte in what was imported: the whole file is read, P2 updated.
        QByteArray changed = grown;
        changed.replace("Disk full on db-2", "Disk full on db-9");
        writeFile(pages, changed);
        r = runCli({QStringLiteral("import"), ws, pages});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral("0 added, 1 updated, 3 unchanged, 0 skipped")), r.out.constData());
        QCOMPARE(stored(QStringLiteral("SELECT title FROM pages WHERE source_id = 'P2'")),
                 QStringLiteral("Disk full on db-9"));
        // An import with an update leaves no resume point: the next reads the whole file again.
        QCOMPARE(stored(QStringLiteral("SELECT count(*) FROM import_files")), QStringLiteral("3"));

        // A later import of another file: the grown file is read whole (its pages unchanged).
        writeFile(pages, changed + "P6,2026-03-03T10:00:00Z,CPU high,web,,,\n");
        QCOMPARE(runCli({QStringLiteral("import"), ws, pages}).exitCode, 0);
        const QString other = file(QStringLiteral("other.csv"), "id,created_at,title\nQ1,2026-03-04T10:00:00Z,Other\n");
        QCOMPARE(runCli({QStringLiteral("import"), ws, other}).exitCode, 0);
        r = runCli({QStringLiteral("import"), ws, pages});
        QVERIFY2(r.outText().contains(QStringLiteral("0 added, 0 updated, 5 unchanged, 0 skipped")), r.out.constData());
        QCOMPARE(stored(QStringLiteral("SELECT count(*) FROM pages")), QStringLiteral("6"));
    }

    // docs/formats.md#re-importing: the appended rows of a grown file are told from the pages
    // already there by the prints the imports leave (schema 5's page_prints), the log's SHA-256
    // goes on from the state saved after the bytes imported, and prints that do not hold
    // together (a workspace edited by hand) only cost reading the table's keys.
    void resumesByPagePrints()
    {
        const QString ws = workspacePath(QStringLiteral("prints"));
        const QString path = m_dir.filePath(QStringLiteral("export.csv"));
        // Titles "Disk full on <word>" of 400 words (letters past f: no hex, no number for the
        // normaliser to fold), so that the pages fall into 400 alert groups: the 100 new groups
        // of the first append are looked up one by one 50 times (an eighth of 400), then the
        // groups are read whole (RecordWriter::groupId).
        auto row = [](int i, const char *title) {
            QString word;
            for (int n = i % 400; word.size() < 3; n /= 20)
                word += QLatin1Char(char('g' + n % 20));
            return QStringLiteral("P%1,2026-03-%2T10:%3:00Z,%4 on %5,svc%6\n")
                .arg(i)
                .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                .arg(i % 60, 2, 10, QLatin1Char('0'))
                .arg(QLatin1StringView(title), word)
                .arg(i % 5)
                .toUtf8();
        };
        QByteArray csv = "id,created_at,title,service\n";
        for (int i = 0; i < 3000; ++i)
            csv += row(i, "Disk full");
        writeFile(path, csv);
        QCOMPARE(runCli({QStringLiteral("import"), ws, path}).exitCode, 0);

        auto stored = [&](const QString &sql) {
            auto w = Workspace::open(ws);
            QSqlQuery q(w->database());
            return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("?");
        };
        // The prints, decoded, are the table's keys' high 32 bits beside the page ids, sorted.
        auto printsMatchTable = [&] {
            auto w = Workspace::open(ws);
            QSqlQuery q(w->database());
            std::vector<quint64> prints;
            if (!q.exec(QStringLiteral("SELECT prints FROM page_prints")))
                return false;
            while (q.next()) {
                const QByteArray blob = q.value(0).toByteArray();
                for (qsizetype i = 0; i + 8 <= blob.size(); i += 8) {
                    quint64 v;
                    std::memcpy(&v, blob.constData() + i, 8);
                    prints.push_back(v);
                }
            }
            std::vector<quint64> keys;
            if (!q.exec(QStringLiteral("SELECT ukey, id FROM pages")))
                return false;
            while (q.next())
                keys.push_back((quint64(q.value(0).toLongLong()) >> 32) << 32 | quint64(q.value(1).toLongLong()));
            std::sort(prints.begin(), prints.end());
            std::sort(keys.begin(), keys.end());
            return !keys.empty() && prints == keys;
        };
        QVERIFY(printsMatchTable());
        QCOMPARE(stored(QStringLiteral("SELECT count(DISTINCT part) FROM page_prints")), QStringLiteral("16"));
        QCOMPARE(stored(QStringLiteral("SELECT count(*) FROM alert_groups")), QStringLiteral("400"));

        // One changed row of a page already there, one unchanged copy and 100 new rows: the new
        // pages added, the changed one found by its print and updated, no page twice. The first
        // file's length is not a multiple of SHA-256's 64-byte block: the saved state holds a
        // partial block, which the hash of the grown file goes on from.
        QVERIFY(csv.size() % 64 != 0);
        QByteArray grown = csv + row(1234, "Disk nearly full") + row(2345, "Disk full");
        for (int i = 3000; i < 3100; ++i)
            grown += row(i, "CPU high");
        writeFile(path, grown);
        CliResult r = runCli({QStringLiteral("import"), ws, path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral("100 added, 1 updated, 3001 unchanged, 0 skipped")),
                 r.out.constData());
        QCOMPARE(stored(QStringLiteral("SELECT count(*) || ',' || count(DISTINCT ukey) FROM pages")),
                 QStringLiteral("3100,3100"));
        QCOMPARE(stored(QStringLiteral("SELECT title FROM pages WHERE source_id = 'P1234'")),
                 QStringLiteral("Disk nearly full on uhg"));
        // Every page in the group of its service and title, each group once (the unique index
        // would have refused a group written twice).
        QCOMPARE(stored(QStringLiteral("SELECT count(*) FROM pages p JOIN alert_groups g ON g.id = p.group_id "
                                       "WHERE g.service = p.service")),
                 QStringLiteral("3100"));
        QCOMPARE(stored(QStringLiteral("SELECT count(DISTINCT group_id) FROM pages WHERE title LIKE 'CPU high%'")),
                 QStringLiteral("100"));
        QCOMPARE(stored(QStringLiteral("SELECT sha256 FROM imports ORDER BY id DESC LIMIT 1")).toLatin1(),
                 sha256Of(path));
        QVERIFY(printsMatchTable());

        // That import updated a page, so it left no resume point: this one (the export written
        // again, the changed row in place) reads the whole file and the table's keys, and
        // writes all the prints again (one run).
        grown = csv;
        grown.replace(row(1234, "Disk full"), row(1234, "Disk nearly full"));
        for (int i = 3000; i < 3101; ++i)
            grown += row(i, "CPU high");
        writeFile(path, grown);
        r = runCli({QStringLiteral("import"), ws, path});
        QVERIFY2(r.outText().contains(QStringLiteral("1 added, 0 updated, 3100 unchanged, 0 skipped")),
                 r.out.constData());
        QCOMPARE(stored(QStringLiteral("SELECT count(DISTINCT import_id) FROM page_prints")), QStringLiteral("1"));

        // Two appends in a row: each writes its new pages' prints beside the others (runs).
        for (int i = 3101; i < 3103; ++i) {
            grown += row(i, "Queue backlog");
            writeFile(path, grown);
            r = runCli({QStringLiteral("import"), ws, path});
            QVERIFY2(r.outText().contains(QStringLiteral("1 added, 0 updated")), r.out.constData());
            QCOMPARE(stored(QStringLiteral("SELECT sha256 FROM imports ORDER BY id DESC LIMIT 1")).toLatin1(),
                     sha256Of(path));
        }
        QCOMPARE(stored(QStringLiteral("SELECT count(DISTINCT import_id) FROM page_prints")), QStringLiteral("3"));
        QVERIFY(printsMatchTable());

        // Edited by hand, a part of the prints gone: the append is still told apart right (the
        // keys read from the table), and the prints are written whole again.
        grown += row(3103, "Queue backlog") + row(17, "Disk full");
        writeFile(path, grown);
        Workspace::open(ws)->exec(QStringLiteral("DELETE FROM page_prints WHERE part = 3"));
        r = runCli({QStringLiteral("import"), ws, path});
        QVERIFY2(r.outText().contains(QStringLiteral("1 added, 0 updated, 3104 unchanged, 0 skipped")),
                 r.out.constData());
        QCOMPARE(stored(QStringLiteral("SELECT count(*) || ',' || count(DISTINCT ukey) FROM pages")),
                 QStringLiteral("3104,3104"));
        QCOMPARE(stored(QStringLiteral("SELECT count(DISTINCT import_id) FROM page_prints")), QStringLiteral("1"));
        QVERIFY(printsMatchTable());

        // A SHA-256 state of other bytes: the file is read whole and the log's hash is the file's.
        grown += row(3104, "Queue backlog");
        writeFile(path, grown);
        Workspace::open(ws)->exec(QStringLiteral("UPDATE import_files SET sha_state = zeroblob(length(sha_state))"));
        r = runCli({QStringLiteral("import"), ws, path});
        QVERIFY2(r.outText().contains(QStringLiteral("1 added, 0 updated, 3105 unchanged, 0 skipped")),
                 r.out.constData());
        QCOMPARE(stored(QStringLiteral("SELECT sha256 FROM imports ORDER BY id DESC LIMIT 1")).toLatin1(),
                 sha256Of(path));
        QVERIFY(printsMatchTable());

        // A file with CR line ends keeps no resume point (line numbers after it would differ).
        const QString crlf = m_dir.filePath(QStringLiteral("crlf.csv"));
        writeFile(crlf, "id,created_at,title\r\nQ1,2026-03-04T10:00:00Z,Other\r\n");
        QCOMPARE(runCli({QStringLiteral("import"), ws, crlf}).exitCode, 0);
        QCOMPARE(stored(QStringLiteral("SELECT count(*) FROM import_files f JOIN imports i ON i.id = f.import_id "
                                       "WHERE i.file_name = 'crlf.csv'")),
                 QStringLiteral("0"));
    }

    void strictByDefault()
    {
        const QString ws = workspacePath(QStringLiteral("strict"));
        QCOMPARE(runCli({QStringLiteral("import"), ws, file(QStringLiteral("good.csv"), kPages)}).exitCode, 0);
        const QByteArray before = sqliteDump(ws);
        const QString bad = file(QStringLiteral("bad.csv"),
                                 "created_at,title,escalation_count,acknowledged_at\n"
                                 "2026-03-02T10:00:00Z,fine,1,\n"
                                 "2026-03-02T10:00:00Z,\"two\nlines\",-2,\n"
                                 "2026-03-02T10:00:00Z,early ack,,2026-03-02T09:00:00Z\n");
        const CliResult r = runCli({QStringLiteral("import"), ws, bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(bad + QStringLiteral(":3: column 'escalation_count': negative count: -2")),
                 r.err.constData());
        QVERIFY(r.errText().contains(bad + QStringLiteral(":5: column 'acknowledged_at': acknowledged_at ")));
        QVERIFY(r.errText().contains(QStringLiteral("nothing imported: 2 bad rows")));
        QCOMPARE(sqliteDump(ws), before);
    }

    void skipBadRows()
    {
        const QString ws = workspacePath(QStringLiteral("lenient"));
        const QString bad = file(QStringLiteral("lenient.csv"),
                                 "created_at,title\n2026-03-02T10:00:00Z,fine\nnever,bad\n"
                                 "2026-03-02T11:00:00Z,also fine\n");
        const CliResult r = runCli({QStringLiteral("import"), ws, bad, QStringLiteral("--skip-bad-rows")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.errText().contains(bad + QStringLiteral(":3: column 'created_at': not a timestamp: 'never'")));
        QVERIFY(r.outText().contains(QStringLiteral("2 added, 0 updated, 0 unchanged, 1 skipped")));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM pages")), qint64(2));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT skipped FROM imports")), qint64(1));
    }

    void atMostHundredListed()
    {
        QByteArray csv = "created_at,title\n";
        for (int i = 0; i < 150; ++i)
            csv += "not a time,x\n";
        const QString bad = file(QStringLiteral("many.csv"), csv);
        const CliResult r = runCli({QStringLiteral("import"), workspacePath(QStringLiteral("many")), bad});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errText().count(QStringLiteral("column 'created_at'")), 100);
        QVERIFY(r.errText().contains(bad + QStringLiteral(":101: column")));
        QVERIFY(!r.errText().contains(bad + QStringLiteral(":102: column")));
        QVERIFY(r.errText().contains(QStringLiteral("50 more bad rows not listed")));
        QVERIFY(r.errText().contains(QStringLiteral("150 bad rows")));
    }

    void brokenFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QStringLiteral("empty.csv") << QByteArray() << QStringLiteral(": empty file");
        QTest::newRow("broken JSON") << QStringLiteral("broken.json")
                                     << QByteArray("{\"incidents\": [\n{\"id\": \"x\", \"title\": }\n]}")
                                     << QStringLiteral(":2: invalid JSON");
        QTest::newRow("truncated JSON") << QStringLiteral("truncated.json")
                                        << QByteArray("{\"incidents\": [\n{\"id\": \"x\",")
                                        << QStringLiteral("truncated");
        QTest::newRow("broken YAML") << QStringLiteral("broken.yaml")
                                     << QByteArray("apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: [x\n")
                                     << QStringLiteral("invalid YAML");
        QTest::newRow("unterminated quote")
            << QStringLiteral("quote.csv")
            << QByteArray("created_at,title\n2026-03-01T10:00:00Z,ok\n2026-03-01T10:00:00Z,\"open\n")
            << QStringLiteral(":3: unterminated quoted field");
        QTest::newRow("negative count") << QStringLiteral("negative.csv")
                                        << QByteArray("slo,timestamp,good,total\ns,2026-03-01T10:00:00Z,-1,10\n")
                                        << QStringLiteral(":2: column 'good': negative count: -1");
        QTest::newRow("time backwards")
            << QStringLiteral("backwards.csv")
            << QByteArray("incident_id,started_at,resolved_at\nI1,2026-03-01T10:00:00Z,2026-03-01T09:00:00Z\n")
            << QStringLiteral(":2: column 'resolved_at': resolved_at 2026-03-01T09:00:00Z is before started_at");
        QTest::newRow("unknown format") << QStringLiteral("unknown.csv") << QByteArray("a,b\n1,2\n")
                                        << QStringLiteral("unknown format");
        QTest::newRow("missing column") << QStringLiteral("missing.csv") << QByteArray("deployment_id,finished_at\n")
                                        << QStringLiteral("nothing imported");
    }

    void brokenFiles()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString ws = workspacePath(QStringLiteral("broken"));
        if (!QFileInfo::exists(ws))
            QCOMPARE(runCli({QStringLiteral("import"), ws, file(QStringLiteral("base.csv"), kPages)}).exitCode, 0);
        const QByteArray before = sqliteDump(ws);
        const QString path = file(name, content);
        const CliResult r = runCli({QStringLiteral("import"), ws, path});
        if (name == u"missing.csv") {
            QCOMPARE(r.exitCode, 0); // a header alone is a file without records
            return;
        }
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(path), r.err.constData());
        QVERIFY2(r.errText().contains(message), r.err.constData());
        QCOMPARE(sqliteDump(ws), before);
    }

    void unknownFormatListsTheKnownOnes()
    {
        const CliResult r = runCli({QStringLiteral("import"), workspacePath(QStringLiteral("f")),
                                    file(QStringLiteral("x.csv"), kPages), QStringLiteral("--format"),
                                    QStringLiteral("excel")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.errText().contains(QStringLiteral("unknown format 'excel'")));
        for (const char *id : {"deployments", "changes", "incidents", "pages", "pagerduty-csv", "pagerduty-api",
                               "pagerduty-analytics", "openslo", "slo-measurements", "prometheus", "debt"})
            QVERIFY2(r.errText().contains(QLatin1StringView(id)), id);
        QVERIFY(!QFileInfo::exists(workspacePath(QStringLiteral("f"))));
    }

    void formatOverride()
    {
        const QString ws = workspacePath(QStringLiteral("override"));
        // A pages file read as the PagerDuty export misses its created_on column.
        const CliResult wrong = runCli({QStringLiteral("import"), ws, file(QStringLiteral("o.csv"), kPages),
                                        QStringLiteral("--format"), QStringLiteral("pagerduty-csv")});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(wrong.errText().contains(QStringLiteral("missing required column 'created_on'")));
        const QString pd = file(QStringLiteral("pd.csv"), "created_on,title,id\n2026-03-01T10:00:00Z,x,Q1\n");
        const CliResult right = runCli(
            {QStringLiteral("import"), ws, pd, QStringLiteral("--format"), QStringLiteral("PagerDuty-CSV")});
        QCOMPARE(right.exitCode, 0);
    }

    // A workspace that the command would create appears only when a file was imported.
    void createdWorkspaceOnlyWithData()
    {
        const QString ws = workspacePath(QStringLiteral("new"));
        const QString bad = file(QStringLiteral("nothing.json"), "{\"incidents\": [}");
        QCOMPARE(runCli({QStringLiteral("import"), ws, bad}).exitCode, 2);
        QVERIFY(!QFileInfo::exists(ws));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("new.srmap*")}).isEmpty()); // no temporary left

        const CliResult partly = runCli({QStringLiteral("import"), ws, bad, file(QStringLiteral("p.csv"), kPages)});
        QCOMPARE(partly.exitCode, 2); // one file failed
        QVERIFY(QFileInfo::exists(ws));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM pages")), qint64(3));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("new.srmap.*")}), QStringList());
    }

    void notAWorkspace()
    {
        const QString notes = file(QStringLiteral("notes.srmap"), "my notes\n");
        const CliResult r = runCli({QStringLiteral("import"), notes, file(QStringLiteral("n.csv"), kPages)});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(sha256Of(notes), sha256Of(file(QStringLiteral("notes.copy"), "my notes\n")));
    }

    void missingFileAndUsage()
    {
        const QString ws = workspacePath(QStringLiteral("usage"));
        const CliResult missing = runCli({QStringLiteral("import"), ws, m_dir.filePath(QStringLiteral("nope.csv"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.errText().contains(QStringLiteral("nope.csv: no such file")));
        QCOMPARE(runCli({QStringLiteral("import"), ws}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("import"), ws, file(QStringLiteral("u.csv"), kPages), QStringLiteral("--slo"),
                         QStringLiteral("x")})
                     .exitCode,
                 2);
        QCOMPARE(runCli({QStringLiteral("import"), ws, file(QStringLiteral("u.csv"), kPages), QStringLiteral("--slo"),
                         QStringLiteral("x"), QStringLiteral("--series"), QStringLiteral("ok")})
                     .exitCode,
                 2);
        QVERIFY(!QFileInfo::exists(ws));
    }

    // --series fills one column per import; the same samples again change nothing.
    void prometheusSeries()
    {
        const QString ws = workspacePath(QStringLiteral("prom"));
        const QString good = file(QStringLiteral("good.json"),
                                  "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                                  "{\"metric\":{},\"values\":[[1772359200,\"990\"],[1772362800,\"995\"]]}]}}");
        const QString total = file(
            QStringLiteral("total.json"),
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
            "{\"metric\":{\"a\":\"1\"},\"values\":[[1772359200,\"600\"],[1772362800,\"600\"]]},"
            "{\"metric\":{\"a\":\"2\"},\"values\":[[1772359200,\"400\"],[1772362800,\"400\"]]}]}}");
        const CliResult noSlo = runCli({QStringLiteral("import"), ws, good});
        QCOMPARE(noSlo.exitCode, 2);
        QVERIFY(noSlo.errText().contains(QStringLiteral("needs --slo NAME --series")));
        auto import = [&](const QString &path, const char *series) {
            return runCli({QStringLiteral("import"), ws, path, QStringLiteral("--slo"), QStringLiteral("checkout"),
                           QStringLiteral("--series"), QString::fromLatin1(series)});
        };
        QVERIFY(import(good, "good").outText().contains(QStringLiteral("2 added")));
        QVERIFY(import(total, "total").outText().contains(QStringLiteral("0 added, 2 updated")));
        QVERIFY(import(good, "good").outText().contains(QStringLiteral("0 added, 0 updated, 2 unchanged")));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT sum(good) FROM slo_measurements WHERE slo = 'checkout'")),
                 qint64(1985));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT sum(total) FROM slo_measurements")), qint64(2000));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM slo_measurements WHERE bad IS NULL")), qint64(2));
    }

    // `generate` writes the demo generator's records in the import formats (the benchmarks' half
    // year, GeneratorOptions::benchmark()); importing them gives exactly the records the demo
    // writer stores for the same options, and importing them again changes nothing.
    void generateImportsToTheDemo()
    {
        const QString out = m_dir.filePath(QStringLiteral("generated"));
        const QStringList scale = {QStringLiteral("--pages"),       QStringLiteral("2000"),
                                   QStringLiteral("--deployments"), QStringLiteral("300"),
                                   QStringLiteral("--incidents"),   QStringLiteral("40"),
                                   QStringLiteral("--seed"),        QStringLiteral("7")};
        QCOMPARE(runCli(QStringList{QStringLiteral("generate"), out} + scale).exitCode, 0);
        const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
        QCOMPARE(
            files,
            (QStringList{QStringLiteral("changes.csv"), QStringLiteral("debt.csv"), QStringLiteral("deployments.csv"),
                         QStringLiteral("incidents.csv"), QStringLiteral("pages.csv"),
                         QStringLiteral("slo_measurements.csv"), QStringLiteral("slos.yaml")}));
        QStringList paths;
        for (const QString &f : files)
            paths << QDir(out).filePath(f);
        const QString imported = workspacePath(QStringLiteral("imported"));
        const CliResult first = runCli(QStringList{QStringLiteral("import"), imported} + paths);
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.outText().count(QStringLiteral(" 0 updated, 0 unchanged, 0 skipped")), 7);
        const QString demo = workspacePath(QStringLiteral("demo"));
        GeneratorOptions options = GeneratorOptions::benchmark();
        options.pages = 2000;
        options.deployments = 300;
        options.incidents = 40;
        options.seed = 7;
        writeDemoWorkspace(demo, options);

        const QString tables[] = {
            QStringLiteral(
                "SELECT deployment_id, service, environment, is_production, started_at, finished_at, result, "
                "commit_sha, fixes_deployment_id, team FROM deployments ORDER BY deployment_id"),
            QStringLiteral(
                "SELECT deployment_id, commit_sha, committed_at, authored_at, pr_merged_at FROM changes ORDER BY 1, 2"),
            QStringLiteral("SELECT incident_id, service, title, severity, started_at, detected_at, acknowledged_at, "
                           "mitigated_at, resolved_at, detection_source, caused_by_deployment_id, postmortem_url FROM "
                           "incidents ORDER BY 1"),
            QStringLiteral(
                "SELECT p.ukey, p.source_id, p.incident_number, p.service, p.title, p.urgency, p.created_at, "
                "p.acknowledged_at, p.resolved_at, p.auto_resolved, p.escalation_count, p.incident_key, "
                "g.service, g.title FROM pages p JOIN alert_groups g ON g.id = p.group_id ORDER BY p.ukey"),
            QStringLiteral(
                "SELECT name, measurement_slo, display_name, service, description, budgeting_method, objective, "
                "window_seconds, time_slice_target, time_slice_window_seconds FROM slos ORDER BY name"),
            QStringLiteral("SELECT slo, ts, good, bad, total FROM slo_measurements ORDER BY slo, ts"),
            QStringLiteral(
                "SELECT id, title, theme, toil_hours_per_week, cost_weeks, risk_likelihood, risk_impact, fowler, "
                "linked_metric, status, pinned_quarter, notes FROM debt_items ORDER BY id"),
            QStringLiteral("SELECT item_id, depends_on, position FROM debt_dependencies ORDER BY 1, 3"),
        };
        auto rows = [](const QString &path, const QString &sql) {
            auto w = Workspace::open(path);
            QSqlQuery q(w->database());
            QStringList out;
            if (!q.exec(sql))
                return QStringList{q.lastQuery()};
            while (q.next()) {
                QStringList fields;
                for (int i = 0; i < q.record().count(); ++i)
                    fields << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
                out << fields.join(u'|');
            }
            return out;
        };
        for (const QString &sql : tables) {
            const QStringList a = rows(imported, sql);
            QVERIFY2(a.size() > 5, qPrintable(sql));
            QCOMPARE(a, rows(demo, sql));
        }
        QCOMPARE(scalar(imported, QStringLiteral("SELECT count(*) FROM pages")), qint64(2000));
        QCOMPARE(scalar(imported, QStringLiteral("SELECT sum(escalation_count) FROM pages")),
                 scalar(demo, QStringLiteral("SELECT sum(escalation_count) FROM pages")));

        const QByteArray before = sqliteDump(imported);
        const CliResult second = runCli(QStringList{QStringLiteral("import"), imported} + paths);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.outText().count(QStringLiteral(" 0 added, 0 updated, ")), 7);
        for (const QString &sql : tables)
            QCOMPARE(rows(imported, sql), rows(demo, sql));
        QVERIFY(sqliteDump(imported) != before); // only the import log grew
        QCOMPARE(scalar(imported, QStringLiteral("SELECT count(*) FROM imports")), qint64(14));
    }

    // Operational debt: parse, store, read back, write: the same text.
    void debtRoundTrip()
    {
        const QByteArray csv
            = "id,title,theme,toil_hours_per_week,cost_weeks,risk_likelihood,risk_impact,fowler,depends_on,linked_"
              "metric,"
              "status,pinned_quarter,notes\n"
              "OPS-1,Canary "
              "analysis,change,6,2.5,4,5,careless-intentional,OPS-2;OPS-10,change_failure_rate;time_to_restore,open,"
              "2027Q2,"
              "\"Vendor quote: 40 weeks,\nincluding \"\"migration\"\" work\"\n"
              "OPS-10,\"Runbooks, top 20\",incident,0.1,1e-05,1,1,,,,done,,\n"
              "OPS-2,Self-service migrations,,12.75,30,3,2,careful-unintentional,OPS-10,,open,,\" leading space\"\n"
              "OPS-3,Game days,improvement,0,9876.125,2,2,careful-intentional,,,open,,\n"; // costs up to 10,000 weeks
        const QString path = file(QStringLiteral("debt.csv"), csv);
        const QString ws = workspacePath(QStringLiteral("debt"));
        QCOMPARE(runCli({QStringLiteral("import"), ws, path}).exitCode, 0);

        auto w = Workspace::open(ws);
        QSqlQuery q(w->database());
        QVERIFY(
            q.exec(QStringLiteral("SELECT id, title, theme, toil_hours_per_week, cost_weeks, risk_likelihood, "
                                  "risk_impact, fowler, linked_metric, status, pinned_quarter, notes FROM debt_items "
                                  "ORDER BY position")));
        std::string written = importers::csvLine(importers::csvColumns(importers::RecordKind::Debt));
        while (q.next()) {
            DebtItem d;
            d.id = q.value(0).toString().toStdString();
            d.title = q.value(1).toString().toStdString();
            d.theme = MetricCatalogue::themeFromId(q.value(2).toString());
            d.toilHoursPerWeek = q.value(3).toDouble();
            d.costWeeks = q.value(4).toDouble();
            d.riskLikelihood = q.value(5).toInt();
            d.riskImpact = q.value(6).toInt();
            d.fowler = q.value(7).toString().toStdString();
            d.linkedMetrics = *MetricCatalogue::parseIdList(q.value(8).toString());
            d.status = debtStatusFromText(q.value(9).toString().toStdString()).value();
            d.pinnedQuarter = q.value(10).toString().toStdString();
            d.notes = q.value(11).toString().toStdString();
            QSqlQuery deps(w->database());
            deps.prepare(
                QStringLiteral("SELECT depends_on FROM debt_dependencies WHERE item_id = ? ORDER BY position"));
            deps.addBindValue(q.value(0));
            QVERIFY(deps.exec());
            while (deps.next())
                d.dependsOn.push_back(deps.value(0).toString().toStdString());
            written += importers::csvLine(importers::csvFields(d));
        }
        QCOMPARE(QByteArray::fromStdString(written), csv);
    }
};

QTEST_GUILESS_MAIN(TstImportCli)
#include "tst_importcli.moc"
