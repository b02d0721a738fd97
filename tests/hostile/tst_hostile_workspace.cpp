// Hostile workspaces (docs/hostile-input.md#workspaces, #settings): objects added with sqlite3
// never run inside the app, long queries stop, settings are validated on every read, a
// read-only workspace can be read, and a 20,000-item dependency chain plans in linear memory.
#include "hostile.h"

#include "planning/debtgraph.h"
#include "store/schema.h"
#include "store/schemacheck.h"
#include "store/schemareference.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QThread>
#include <QTimeZone>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace srm;
using namespace srm::test;

class TstHostileWorkspace : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString demoCopy(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        const CliResult r = runCli({QStringLiteral("demo"), path});
        if (r.exitCode != 0)
            qWarning("demo: %s", r.err.constData());
        return path;
    }

private slots:
    // A view or trigger someone added with sqlite3 is refused on open (exit 3, the message
    // names it, the file is left exactly as it was): before, a recursive view named
    // "settings" hung every command and a trigger on imports deleted every page.
    void foreignObjectsAreRefused_data()
    {
        QTest::addColumn<QStringList>("attack");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("command");
        QTest::newRow("recursive view named settings")
            << QStringList{QStringLiteral("DROP TABLE settings"),
                           QStringLiteral(
                               "CREATE VIEW settings AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                               "FROM r) SELECT 'name' AS key, n AS value FROM r")}
            << QStringLiteral("settings") << QStringList{QStringLiteral("get")};
        QTest::newRow("trigger deleting pages on import")
            << QStringList{QStringLiteral("CREATE TRIGGER wipe AFTER INSERT ON imports BEGIN DELETE FROM pages; END")}
            << QStringLiteral("wipe") << QStringList{QStringLiteral("import"), QStringLiteral("PAGES")};
        QTest::newRow("view of our own") << QStringList{QStringLiteral("CREATE VIEW everything AS SELECT * FROM pages")}
                                         << QStringLiteral("everything") << QStringList{QStringLiteral("metrics")};
        QTest::newRow("changed table definition")
            << QStringList{QStringLiteral("ALTER TABLE debt_items ADD COLUMN extra TEXT DEFAULT 'planted'")}
            << QStringLiteral("debt_items") << QStringList{QStringLiteral("plan")};
        QTest::newRow("replaced trigger")
            << QStringList{QStringLiteral("DROP TRIGGER pages_latest_insert"),
                           QStringLiteral("CREATE TRIGGER pages_latest_insert AFTER INSERT ON pages BEGIN DELETE FROM "
                                          "debt_items; END")}
            << QStringLiteral("pages_latest_insert") << QStringList{QStringLiteral("alerts")};
        QTest::newRow("missing table") << QStringList{QStringLiteral("DROP TABLE alert_merges")}
                                       << QStringLiteral("alert_merges") << QStringList{QStringLiteral("alerts")};
        QTest::newRow("extra index") << QStringList{QStringLiteral("CREATE INDEX sneaky ON pages(title)")}
                                     << QStringLiteral("sneaky")
                                     << QStringList{QStringLiteral("report"), QStringLiteral("--pdf"),
                                                    QStringLiteral("OUT")};
    }
    void foreignObjectsAreRefused()
    {
        QFETCH(QStringList, attack);
        QFETCH(QString, name);
        QFETCH(QStringList, command);
        const QString ws = demoCopy(QStringLiteral("attacked.srmap"));
        QVERIFY(tamper(ws, attack));
        const QByteArray before = sqliteDump(ws);
        const QByteArray hash = sha256Of(ws);
        const QString pages = m_dir.filePath(QStringLiteral("pages.csv"));
        writeFile(pages, pagesCsv(3));
        const QString out = m_dir.filePath(QStringLiteral("out.pdf"));
        QStringList args{command.first(), ws};
        for (const QString &a : command.mid(1))
            args << (a == u"PAGES" ? pages : a == u"OUT" ? out : a);
        QElapsedTimer clock;
        clock.start();
        const CliResult r = runCli(args, 60000);
        QVERIFY2(clock.elapsed() < 30000, "the command did not stop");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.errText().contains(
                     QRegularExpression(QStringLiteral("(unexpected|missing) schema object %1\\b").arg(name))),
                 r.err.constData());
        QCOMPARE(sha256Of(ws), hash);
        QCOMPARE(sqliteDump(ws), before);
        QVERIFY(!QFile::exists(out));
    }

    // The expected objects come from the migrations themselves: every object a migration
    // statement creates is expected, and a workspace made by this version matches.
    void expectedObjectsFollowTheMigrations()
    {
        static const QRegularExpression create(
            QStringLiteral("^\\s*CREATE\\s+(?:UNIQUE\\s+)?(TABLE|INDEX|VIEW|TRIGGER)\\s+(?:IF NOT EXISTS\\s+)?(\\w+)"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression drop(
            QStringLiteral("^\\s*DROP\\s+(TABLE|INDEX|VIEW|TRIGGER)\\s+(?:IF EXISTS\\s+)?(\\w+)"),
            QRegularExpression::CaseInsensitiveOption);
        const std::vector<SchemaCheck::Object> &expected = SchemaCheck::expected(Workspace::kSchemaVersion);
        // The objects left after every migration's statements in order: one a later migration
        // drops is expected absent (schema 6's pages_created_at), one dropped and created again
        // present (schema 7's triggers of page_spans).
        QSet<QString> present, created;
        int statements = 0;
        for (int v = 1; v <= Workspace::kSchemaVersion; ++v)
            for (const QString &sql : Schema::migration(v)) {
                if (const QRegularExpressionMatch m = drop.match(sql); m.hasMatch())
                    present.remove(m.captured(1).toLower() + u' ' + m.captured(2));
                if (const QRegularExpressionMatch m = create.match(sql); m.hasMatch()) {
                    ++statements;
                    present.insert(m.captured(1).toLower() + u' ' + m.captured(2));
                    created.insert(m.captured(1).toLower() + u' ' + m.captured(2));
                }
            }
        QVERIFY(created.contains(QStringLiteral("index pages_created_at")));
        QVERIFY(!present.contains(QStringLiteral("index pages_created_at")));
        QVERIFY(present.contains(QStringLiteral("trigger pages_span_update")));
        for (const QString &object : std::as_const(created)) {
            const QString type = object.section(u' ', 0, 0), name = object.section(u' ', 1);
            const bool found = std::any_of(expected.begin(), expected.end(), [&](const SchemaCheck::Object &o) {
                return o.type == type && o.name == name;
            });
            QVERIFY2(found == present.contains(object), qPrintable(name));
        }
        QVERIFY(statements > 30);
        const QString path = m_dir.filePath(QStringLiteral("fresh.srmap"));
        QFile::remove(path);
        auto ws = Workspace::create(path);
        const SchemaCheck::Result r = SchemaCheck::compare(ws->handle(), Workspace::kSchemaVersion);
        QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
        QVERIFY(r.untrackedTables.isEmpty());
        // An older workspace is compared with its own version's objects before it migrates.
        for (int version = 1; version < Workspace::kSchemaVersion; ++version) {
            const QString old = m_dir.filePath(QStringLiteral("v%1.srmap").arg(version));
            QFile::remove(old);
            Workspace::create(old, version).reset();
            QVERIFY(tamper(old, {QStringLiteral("CREATE VIEW planted AS SELECT 1")}));
            try {
                Workspace::open(old);
                QFAIL("opened");
            } catch (const WorkspaceError &e) {
                QCOMPARE(e.kind(), WorkspaceError::Kind::UnexpectedSchema);
                QCOMPARE(Workspace::create(m_dir.filePath(QStringLiteral("x%1.srmap").arg(version)), version)
                             ->schemaVersion(),
                         version);
            }
        }
    }

    // The current version's objects are written down at build time (srm_schemaref) so that no
    // command runs the migrations to check a workspace: the table is what running them now
    // gives, object by object, SQL text included, in the same order.
    void buildTableIsTheMigrations()
    {
        QCOMPARE(SchemaCheck::Reference::kVersion, Workspace::kSchemaVersion);
        const std::vector<SchemaCheck::Object> &table = SchemaCheck::expected(Workspace::kSchemaVersion);
        const std::vector<SchemaCheck::Object> now = SchemaCheck::computed(Workspace::kSchemaVersion);
        QCOMPARE(int(table.size()), int(now.size()));
        QVERIFY(now.size() > 30);
        int automatic = 0;
        for (std::size_t i = 0; i < now.size(); ++i) {
            QCOMPARE(table[i].type, now[i].type);
            QCOMPARE(table[i].name, now[i].name);
            QCOMPARE(table[i].table, now[i].table);
            QCOMPARE(table[i].sql, now[i].sql);
            QCOMPARE(table[i].sql.isNull(), now[i].sql.isNull());
            automatic += now[i].sql.isNull() ? 1 : 0;
        }
        QVERIFY(automatic > 0); // the automatic indexes of UNIQUE constraints, without SQL
    }

    // What the app does itself is accepted: a bulk load of pages leaves the identity index to
    // the first upsert, and drops the latest_events triggers while it runs. A missing
    // trigger makes the default as-of scan the table instead of trusting its entry.
    void whatTheAppDoesIsAccepted()
    {
        const QString ws = m_dir.filePath(QStringLiteral("bulk.srmap"));
        QFile::remove(ws);
        const QString pages = m_dir.filePath(QStringLiteral("bulk.csv"));
        writeFile(pages, pagesCsv(200));
        QCOMPARE(runCli({QStringLiteral("import"), ws, pages}).exitCode, 0);
        {
            auto w = Workspace::open(ws);
            QSqlQuery q(w->database());
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'pages_ukey'")) && q.next());
            QCOMPARE(q.value(0).toInt(), 0); // left to the first upsert
        }
        QCOMPARE(runCli({QStringLiteral("metrics"), ws}).exitCode, 0);

        // Without its triggers the stored latest time of pages is stale after a delete:
        // 200 pages a minute apart from 00:00, the last at 03:19; deleting it leaves 03:18.
        QVERIFY(tamper(ws,
                       {QStringLiteral("DROP TRIGGER pages_latest_delete"),
                        QStringLiteral("DELETE FROM pages WHERE created_at = (SELECT max(created_at) FROM pages)")}));
        auto w = Workspace::open(ws);
        const Micros expected = QDateTime(QDate(2026, 3, 1), QTime(3, 18), Qt::UTC).toMSecsSinceEpoch() * 1000;
        QCOMPARE(w->latestEventTime().value(), expected);
    }

    // A statement that keeps SQLite busy beyond the limit is stopped with a clear error;
    // time the caller spends between steps does not count.
    void longQueriesStop()
    {
        const QString path = m_dir.filePath(QStringLiteral("slow.srmap"));
        QFile::remove(path);
        auto ws = Workspace::create(path);
        ws->setStatementTimeLimit(300);
        QElapsedTimer clock;
        clock.start();
        try {
            ws->exec(QStringLiteral("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                                    "INSERT INTO settings(key, value) SELECT 'x', max(n) FROM r"));
            QFAIL("the endless query ran to its end");
        } catch (const WorkspaceError &e) {
            QCOMPARE(e.kind(), WorkspaceError::Kind::TimeLimit);
            QVERIFY2(e.message().contains(QStringLiteral("ran longer than 0.3 s")), qPrintable(e.message()));
        }
        QVERIFY(clock.elapsed() < 5000);

        // 50 rows read 20 ms apart: a second in all, but SQLite works microseconds of it.
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 50) "
                                      "SELECT n FROM r")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            QThread::msleep(20);
        }
        QCOMPARE(rows, 50);
        QVERIFY(!q.lastError().isValid());

        // 100,000 rows with 20 µs of work each: 2 s of the caller's time, not SQLite's.
        QVERIFY(
            q.exec(QStringLiteral("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 100000) "
                                  "SELECT n FROM r")));
        rows = 0;
        while (q.next()) {
            ++rows;
            QElapsedTimer busy;
            busy.start();
            while (busy.nsecsElapsed() < 20000) {
            }
        }
        QCOMPARE(rows, 100000);
        QVERIFY2(!q.lastError().isValid(), qPrintable(q.lastError().text()));
    }

    // Settings are validated on every read, whoever wrote them: a team of -5 people, a NaN
    // ratio or a threshold of 6e307 hours are the defaults, and the commands say so.
    void settingsAreValidatedOnRead()
    {
        const QString ws = demoCopy(QStringLiteral("settings.srmap"));
        QVERIFY(tamper(ws,
                       {QStringLiteral("INSERT OR REPLACE INTO settings(key, value) VALUES ('team_size', '-5'), "
                                       "('reserved_ratio', 'nan'), ('quadrant.toil_hours', '6e307'), "
                                       "('capacity_weeks', 'inf'), ('business_hours_start', '18:00'), "
                                       "('name', 'ACME' || char(27) || '[2J')")}));
        CliResult r = runCli({QStringLiteral("get"), ws, QStringLiteral("team_size")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("\n")); // unset: no default
        QVERIFY2(r.errText().contains(QStringLiteral("setting team_size is ignored")), r.err.constData());
        QVERIFY(!r.err.contains('\x1b'));
        r = runCli({QStringLiteral("get"), ws});
        QVERIFY(r.outText().contains(QStringLiteral("reserved_ratio=0.5\n")));
        QVERIFY(r.outText().contains(QStringLiteral("quadrant.toil_hours=4\n")));
        QVERIFY(r.outText().contains(QStringLiteral("business_hours_start=09:00\n")));
        QVERIFY(r.outText().contains(QStringLiteral("name=\n")));
        r = runCli({QStringLiteral("plan"), ws});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.outText().contains(QStringLiteral("inf")) && !r.outText().contains(QStringLiteral("nan")),
                 r.out.constData());

        auto w = Workspace::open(ws);
        const WorkspaceSettings s = w->settings();
        QVERIFY(!s.teamSize);
        QVERIFY(!s.capacityWeeks);
        QCOMPARE(s.reservedRatio, 0.5);
        QCOMPARE(s.quadrantToilHours, 4.0);
        QCOMPARE(s.businessHoursStart, 9 * 60);
        QCOMPARE(s.businessHoursEnd, 17 * 60);
        QVERIFY(w->settingProblems().size() >= 5);

        // The same values through `set` are refused (exit 2), 6e307 included.
        for (const auto &[key, value] : {std::pair{"team_size", "-5"},
                                         {"quadrant.toil_hours", "6e307"},
                                         {"reserved_ratio", "nan"},
                                         {"weight.change", "1e9"}}) {
            r = runCli({QStringLiteral("set"), ws, QString::fromLatin1(key), QString::fromLatin1(value)});
            QVERIFY2(r.exitCode == 2, key);
        }
    }

    // A workspace in a directory that cannot take SQLite's -shm file (a read-only mount) is
    // read as an immutable file: reading commands work, writing ones say it is read-only.
    void readOnlyWorkspacesCanBeRead()
    {
        const QString dir = m_dir.filePath(QStringLiteral("ro"));
        QDir().mkpath(dir);
        const QString ws = dir + QStringLiteral("/ws.srmap");
        QCOMPARE(runCli({QStringLiteral("demo"), ws}).exitCode, 0);
        bool mounted = false;
        if (::geteuid() == 0) {
            // Root writes whatever the permissions: a read-only bind mount of the directory.
            if (QProcess::execute(QStringLiteral("mount"), {QStringLiteral("--bind"), dir, dir}) != 0
                || QProcess::execute(QStringLiteral("mount"),
                                     {QStringLiteral("-o"), QStringLiteral("remount,bind,ro"), dir})
                    != 0)
                QSKIP("running as root without the right to mount: cannot make a read-only directory");
            mounted = true;
        } else {
            QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        }
        const auto restore = qScopeGuard([&] {
            if (mounted)
                QProcess::execute(QStringLiteral("umount"), {dir});
            QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        });
        QVERIFY(!QFileInfo::exists(ws + QStringLiteral("-shm")));
        CliResult r = runCli({QStringLiteral("metrics"), ws, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.startsWith('{'));
        r = runCli({QStringLiteral("get"), ws, QStringLiteral("team_size")});
        QCOMPARE(r.out, QByteArray("4\n")); // the demo's team
        r = runCli({QStringLiteral("set"), ws, QStringLiteral("team_size"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.errText().contains(QStringLiteral("read-only")), r.err.constData());
        QVERIFY(!QFileInfo::exists(ws + QStringLiteral("-shm")));
    }

    // A FIFO or a device given as the workspace: refused at once (reading a FIFO's header
    // waited for a writer forever).
    void notRegularFiles()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("fifo.srmap"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        for (const QString &ws : {fifo, QStringLiteral("/dev/zero")}) {
            QElapsedTimer clock;
            clock.start();
            const CliResult r = runCli({QStringLiteral("get"), ws}, 20000);
            QCOMPARE(r.exitCode, 3);
            QVERIFY2(r.errText().contains(QStringLiteral("not a regular file")), r.err.constData());
            QVERIFY(clock.elapsed() < 15000);
        }
    }

    // Numbers written into the file by hand (toil of 1e308 hours, budgets of −3,400%) do not
    // stop the report or the screenshot of the debt and SLO views (the quadrant's tick loop
    // once ran until the process died).
    void storedHugeNumbersRender()
    {
        const QString ws = demoCopy(QStringLiteral("huge.srmap"));
        QVERIFY(tamper(ws,
                       {QStringLiteral("UPDATE debt_items SET toil_hours_per_week = 1e308 WHERE id = 'OPS-1'"),
                        QStringLiteral("UPDATE debt_items SET cost_weeks = 6e307 WHERE id = 'OPS-2'"),
                        QStringLiteral("UPDATE slo_measurements SET bad = total WHERE rowid % 3 = 0")}));
        QElapsedTimer clock;
        clock.start();
        const QString pdf = m_dir.filePath(QStringLiteral("huge.pdf"));
        CliResult r = runCli({QStringLiteral("report"), ws, QStringLiteral("--pdf"), pdf}, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (const char *view : {"debt", "slos"}) {
            const QString png = m_dir.filePath(QStringLiteral("huge-%1.png").arg(QLatin1StringView(view)));
            r = runCli({QStringLiteral("screenshot"), ws, QStringLiteral("--view"), QString::fromLatin1(view),
                        QStringLiteral("--out"), png},
                       120000);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        QVERIFY(clock.elapsed() < 90000);
    }

    // Row ids written into the file by hand as the largest 64-bit integers: a vector sized by
    // them once asked for exabytes, and `metrics` stopped with "vector::reserve". Ids are the
    // store's own, so the figures are those of the same demo untouched.
    void storedHugeIds()
    {
        const QString before = demoCopy(QStringLiteral("ids-before.srmap"));
        const QString ws = demoCopy(QStringLiteral("ids.srmap"));
        QVERIFY(
            tamper(ws,
                   {QStringLiteral("UPDATE pages SET id = 9223372036854775807 WHERE id = (SELECT max(id) FROM pages)"),
                    QStringLiteral("UPDATE pages SET group_id = 9223372036854775806 WHERE group_id = 1"),
                    QStringLiteral("UPDATE alert_groups SET id = 9223372036854775806 WHERE id = 1")}));
        for (const char *command : {"metrics", "progress", "alerts"}) {
            const CliResult a = runCli({QString::fromLatin1(command), before, QStringLiteral("--json")});
            const CliResult b = runCli({QString::fromLatin1(command), ws, QStringLiteral("--json")});
            QVERIFY2(a.exitCode == 0, a.err.constData());
            QVERIFY2(b.exitCode == 0, b.err.constData());
            QCOMPARE(b.out, a.out);
        }
    }

    // 200,000 debt items in one import (it never finished: every row looked up the largest
    // position without an index).
    void largeRegisterImports()
    {
        QByteArray csv = "id,title,toil_hours_per_week,cost_weeks\n";
        for (int i = 0; i < 200000; ++i)
            csv += "D" + QByteArray::number(i) + ",item,1,0.5\n";
        const QString file = m_dir.filePath(QStringLiteral("register.csv"));
        writeFile(file, csv);
        const QString ws = m_dir.filePath(QStringLiteral("register.srmap"));
        QFile::remove(ws);
        QElapsedTimer clock;
        clock.start();
        const CliResult r = runCli({QStringLiteral("import"), ws, file}, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.outText().contains(QStringLiteral("200000 added")));
        QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
    }

    // A 20,000-item dependency chain: the critical path in linear memory (it kept a copy of
    // the path per item: 3.2 GB and 13.7 s), through the real command.
    void longDependencyChainPlans()
    {
        QByteArray csv = "id,title,toil_hours_per_week,cost_weeks,depends_on\n";
        constexpr int n = 20000;
        for (int i = 0; i < n; ++i)
            csv += QStringLiteral("D%1,item %1,1,0.5,%2\n")
                       .arg(i)
                       .arg(i > 0 ? QStringLiteral("D%1").arg(i - 1) : QString())
                       .toUtf8();
        const QString file = m_dir.filePath(QStringLiteral("chain.csv"));
        writeFile(file, csv);
        const QString ws = m_dir.filePath(QStringLiteral("chain.srmap"));
        QFile::remove(ws);
        QCOMPARE(runCli({QStringLiteral("import"), ws, file}).exitCode, 0);
        // The whole command under an address-space cap: 1 GB is far above the linear need
        // and far below what the path copies took.
        QProcess p;
        capAddressSpace(p, 1024);
        p.start(QStringLiteral(SRM_BINARY), {QStringLiteral("plan"), ws, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray out = p.readAllStandardOutput();
        // Blocker first: D0 -> D1 -> ... -> D19999, 20,000 × 0.5 = 10,000 weeks.
        QVERIFY(out.contains("\"critical_path\":[\"D0\",\"D1\",\"D2\""));
        QVERIFY(out.contains("\"D19998\",\"D19999\"]"));
        QVERIFY(out.contains("\"critical_path_weeks\":10000"));

        // The same in the library, with ties: two chains of equal cost, the smaller ids win.
        std::vector<DebtItem> items;
        for (const char *id : {"A", "B", "C", "D"}) {
            DebtItem d;
            d.id = id;
            d.costWeeks = 1;
            items.push_back(d);
        }
        items[1].dependsOn = {"A"}; // A -> B
        items[3].dependsOn = {"C"}; // C -> D
        const CriticalPath path = DebtGraph(items).criticalPath();
        QCOMPARE(path.ids, (std::vector<std::string>{"A", "B"}));
        QCOMPARE(path.totalCostWeeks, 2.0);
    }
};

QTEST_GUILESS_MAIN(TstHostileWorkspace)
#include "tst_hostile_workspace.moc"
