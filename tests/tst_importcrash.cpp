// An import either completes or leaves the workspace exactly as it was: cancelling half-way
// (in-process, through the runner's cancel callback) and killing the importer process with
// SIGKILL at random moments, for the upsert path (pages already there), the bulk path (an
// empty pages table, whose indexes are dropped and rebuilt) and a workspace the command was
// creating (which must not appear at all).
#include "importers/importrunner.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstring>

using namespace srm;
using namespace srm::test;

namespace {

const QByteArray kPages = "id,created_at,title,service\n"
                          "P1,2026-03-01T10:00:00Z,Disk full on db-1,db\n"
                          "P2,2026-03-01T11:00:00Z,CPU high,web\n";
const QByteArray kDebt = "id,title,toil_hours_per_week,cost_weeks\nOPS-1,Runbooks,2,1\n";

} // namespace

class TstImportCrash : public QObject
{
    Q_OBJECT

private:
    static constexpr int kBigPages = 400000;
    QTemporaryDir m_dir;
    QString m_big;

    QString workspaceWith(const QString &name, const QByteArray &content)
    {
        const QString ws = m_dir.filePath(name + QStringLiteral(".srmap"));
        const QString seed = m_dir.filePath(name + QStringLiteral("-seed.csv"));
        writeFile(seed, content);
        const CliResult r = runCli({QStringLiteral("import"), ws, seed});
        if (r.exitCode != 0)
            qWarning() << r.errText();
        return ws;
    }

private slots:
    void initTestCase()
    {
        // Large enough that a bulk load spills to the file well before its end (the page cache
        // holds the first 16 MB): killedWhileCreating needs time between the file passing 1 MB
        // and the import finishing, even on a loaded machine.
        const QString out = m_dir.filePath(QStringLiteral("big"));
        const CliResult r = runCli({QStringLiteral("generate"), out, QStringLiteral("--pages"),
                                    QString::number(kBigPages), QStringLiteral("--deployments"), QStringLiteral("0"),
                                    QStringLiteral("--incidents"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 0);
        m_big = QDir(out).filePath(QStringLiteral("pages.csv"));
        QVERIFY(QFileInfo(m_big).size() > 60 * 1000 * 1000);
    }

    void cancel_data()
    {
        QTest::addColumn<QByteArray>("seed");
        QTest::newRow("upsert path") << kPages;
        QTest::newRow("bulk path") << kDebt;
    }

    void cancel()
    {
        QFETCH(QByteArray, seed);
        const QString ws = workspaceWith(
            QStringLiteral("cancel-%1").arg(QLatin1StringView(QTest::currentDataTag()).at(0)), seed);
        const QByteArray before = sqliteDump(ws);
        // The trigger a bulk load drops while it appends, and the dump after the cancel must hold.
        QVERIFY(before.contains("CREATE TRIGGER pages_span_insert"));
        {
            auto w = Workspace::open(ws);
            importers::ImportRunner runner(*w);
            importers::StreamControl control;
            std::int64_t seen = 0;
            control.progress = [&](std::int64_t done, std::int64_t) { seen = done; };
            control.cancelled = [&] { return seen > 8 * 1000 * 1000; };
            const importers::ImportResult r = runner.importFile(m_big, {}, control);
            QCOMPARE(r.status, importers::ImportResult::Status::Cancelled);
            QSqlQuery q(w->database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        QCOMPARE(sqliteDump(ws), before);
    }

    // Cancel while a grown file's first bytes are checked against the last import's hash (on a
    // thread of its own, while the rest is parsed): asked first, the import stops as cancelled
    // before any progress, and the workspace holds what it held. Asked a few times later, the
    // progress it reported stays within the file. The same file then resumes: only the
    // appended page is new.
    void cancelWhileCheckingThePrefix()
    {
        const QString ws = m_dir.filePath(QStringLiteral("prefix.srmap"));
        const QString grown = m_dir.filePath(QStringLiteral("grown.csv"));
        QVERIFY(QFile::copy(m_big, grown));
        QCOMPARE(runCli({QStringLiteral("import"), ws, grown}).exitCode, 0);
        {
            QFile f(grown);
            QVERIFY(f.open(QIODevice::Append));
            f.write("P-APPENDED,1,frontend,Appended page,high,2026-04-02T10:00:00Z,,,false,0,\n");
        }
        const QByteArray before = sqliteDump(ws);
        for (const int cancelAt : {1, 3}) {
            auto w = Workspace::open(ws);
            importers::ImportRunner runner(*w);
            importers::StreamControl control;
            std::int64_t seen = -1;
            control.progress = [&](std::int64_t done, std::int64_t total) {
                QVERIFY(done >= 0 && done <= total && total == QFileInfo(grown).size());
                seen = done;
            };
            int asked = 0;
            control.cancelled = [&] { return ++asked >= cancelAt; };
            const importers::ImportResult r = runner.importFile(grown, {}, control);
            QCOMPARE(r.status, importers::ImportResult::Status::Cancelled);
            if (cancelAt == 1) {
                QCOMPARE(asked, 1);
                QCOMPARE(seen, -1);
            }
        }
        QCOMPARE(sqliteDump(ws), before);
        const CliResult again = runCli({QStringLiteral("import"), ws, grown});
        QCOMPARE(again.exitCode, 0);
        auto w = Workspace::open(ws);
        QSqlQuery q(w->database());
        QVERIFY(q.exec(QStringLiteral("SELECT added, unchanged FROM imports ORDER BY id DESC LIMIT 1")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toInt(), kBigPages);
    }

    // The rest of a grown file is parsed while its first bytes are checked: what that parse
    // found (rows, bad rows, their lines) counts only when the bytes matched; otherwise the
    // whole file is read again. With nothing kept (keptBeforeCheck 0) the parse waits for the
    // check at its first bytes, and a mismatch stops it there.
    void restParsedWhileChecking_data()
    {
        QTest::addColumn<bool>("waitAtOnce");
        QTest::addColumn<bool>("changeFirstBytes");
        QTest::addColumn<bool>("badRowAfter");
        for (const bool wait : {false, true}) {
            const QString how = wait ? QStringLiteral(", waiting at once") : QString();
            QTest::newRow(qPrintable(QStringLiteral("grown") + how)) << wait << false << false;
            QTest::newRow(qPrintable(QStringLiteral("first bytes changed") + how)) << wait << true << false;
            QTest::newRow(qPrintable(QStringLiteral("first bytes changed, bad row after") + how))
                << wait << true << true;
            QTest::newRow(qPrintable(QStringLiteral("grown, bad row after") + how)) << wait << false << true;
        }
    }
    void restParsedWhileChecking()
    {
        QFETCH(bool, waitAtOnce);
        QFETCH(bool, changeFirstBytes);
        QFETCH(bool, badRowAfter);
        const std::size_t keptBefore = importers::ImportRunner::keptBeforeCheck;
        const auto restore = qScopeGuard([&] { importers::ImportRunner::keptBeforeCheck = keptBefore; });
        if (waitAtOnce)
            importers::ImportRunner::keptBeforeCheck = 0;

        const QString name
            = QStringLiteral("rest-%1").arg(QLatin1StringView(QTest::currentDataTag())).replace(u' ', u'-').remove(u',');
        const QString ws = m_dir.filePath(name + QStringLiteral(".srmap"));
        const QString csv = m_dir.filePath(name + QStringLiteral(".csv"));
        QByteArray content = kPages + "P3,2026-03-01T12:00:00Z,Disk full on db-3,db\n";
        writeFile(csv, content);
        QCOMPARE(runCli({QStringLiteral("import"), ws, csv}).exitCode, 0);
        if (changeFirstBytes)
            content.replace("CPU high", "CPU HIGH"); // P2, on the file's third line
        const QByteArray appended = badRowAfter
            ? QByteArray("P4,2026-03-02T10:00:00Z,Disk full on db-4,db\nP5,never,x,db\n")
            : QByteArray("P4,2026-03-02T10:00:00Z,Disk full on db-4,db\n");
        content += appended;
        writeFile(csv, content);
        const QByteArray before = sqliteDump(ws);

        const auto importOnce = [&](std::int64_t *observed) {
            auto w = Workspace::open(ws);
            importers::ImportRunner runner(*w);
            importers::StreamControl control;
            control.observer = [observed](const char *, std::size_t n) { *observed += std::int64_t(n); };
            return runner.importFile(csv, {}, control);
        };
        std::int64_t observed = 0;
        const importers::ImportResult r = importOnce(&observed);
        // A resumed import shows the stream only the bytes after the point; a whole read, all.
        QCOMPARE(observed, changeFirstBytes ? std::int64_t(content.size()) : std::int64_t(appended.size()));
        if (badRowAfter) {
            QCOMPARE(r.status, importers::ImportResult::Status::Failed);
            QCOMPARE(r.badRows, 1);
            QCOMPARE(int(r.errors.size()), 1);
            QCOMPARE(r.errors.front().line, 6); // header, P1, P2, P3, P4, then it
            QCOMPARE(sqliteDump(ws), before);
            return;
        }
        QCOMPARE(r.status, importers::ImportResult::Status::Imported);
        QCOMPARE(r.counts.added, 1);
        QCOMPARE(r.counts.updated, changeFirstBytes ? 1 : 0);
        QCOMPARE(r.counts.unchanged, changeFirstBytes ? 2 : 3);
        QCOMPARE(r.sha256.toLatin1(), sha256Of(csv));
        {
            auto w = Workspace::open(ws);
            QSqlQuery q(w->database());
            QVERIFY(q.exec(QStringLiteral("SELECT title FROM pages WHERE source_id = 'P2'")) && q.next());
            QCOMPARE(q.value(0).toString(), changeFirstBytes ? QStringLiteral("CPU HIGH") : QStringLiteral("CPU high"));
        }
        if (changeFirstBytes)
            return; // an import that updated a page leaves no resume point
        // The point this import saved holds the XXH3 of the whole file, the kept bytes included:
        // the file grown again resumes from it.
        content += "P6,2026-03-03T10:00:00Z,CPU high,web\n";
        writeFile(csv, content);
        observed = 0;
        const importers::ImportResult next = importOnce(&observed);
        QCOMPARE(next.status, importers::ImportResult::Status::Imported);
        QCOMPARE(observed, std::int64_t(std::strlen("P6,2026-03-03T10:00:00Z,CPU high,web\n")));
        QCOMPARE(next.counts.added, 1);
        QCOMPARE(next.counts.unchanged, 4);
        QCOMPARE(next.sha256.toLatin1(), sha256Of(csv));
    }

    void killed_data()
    {
        QTest::addColumn<QByteArray>("seed");
        QTest::addColumn<int>("round");
        for (int round = 0; round < 4; ++round) {
            QTest::newRow(qPrintable(QStringLiteral("upsert %1").arg(round))) << kPages << round;
            QTest::newRow(qPrintable(QStringLiteral("bulk %1").arg(round))) << kDebt << round;
        }
    }

    // SIGKILL at a random moment of an import into an existing workspace: at a random time, or
    // while the commit is writing the WAL (once it has grown past a random size). The workspace
    // opens and holds exactly what it held before, or, when the kill came after the commit,
    // everything the import wrote.
    void killed()
    {
        QFETCH(QByteArray, seed);
        QFETCH(int, round);
        const QString ws = workspaceWith(QStringLiteral("killed-%1-%2").arg(seed == kPages ? 1 : 2).arg(round), seed);
        const QByteArray before = sqliteDump(ws);
        QRandomGenerator random(quint32(round * 7919 + seed.size()));
        QProcess p;
        p.start(QStringLiteral(SRM_BINARY), {QStringLiteral("import"), ws, m_big});
        QVERIFY(p.waitForStarted());
        if (round % 2 == 0) {
            QThread::msleep(random.bounded(60, 900));
        } else {
            const qint64 threshold = random.bounded(1, 12) * 1000 * 1000;
            QFileInfo wal(ws + QStringLiteral("-wal"));
            while (p.state() == QProcess::Running) {
                wal.refresh();
                if (wal.exists() && wal.size() > threshold)
                    break;
                QThread::usleep(200);
            }
        }
        const bool stillRunning = p.state() == QProcess::Running;
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished();
        if (!stillRunning)
            QSKIP("the import finished before the kill (machine much faster than expected)");
        auto w = Workspace::open(ws); // recovers the journal; throws on corruption
        QSqlQuery q(w->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM imports")) && q.next());
        const int imports = q.value(0).toInt();
        w.reset();
        if (imports == 1) {
            QCOMPARE(sqliteDump(ws), before);
        } else {
            // Killed after the commit, during the checkpoint: the import is complete.
            QCOMPARE(imports, 2);
            auto again = Workspace::open(ws);
            QSqlQuery c(again->database());
            QVERIFY(c.exec(QStringLiteral("SELECT count(*) FROM pages")) && c.next());
            QCOMPARE(c.value(0).toInt(), kBigPages + (seed == kPages ? 2 : 0));
        }
    }

    // Killed while creating the workspace: nothing appears under its name, and the leftover
    // temporary file is cleaned up by the next run.
    void killedWhileCreating()
    {
        const QString ws = m_dir.filePath(QStringLiteral("creating.srmap"));
        QProcess p;
        p.start(QStringLiteral(SRM_BINARY), {QStringLiteral("import"), ws, m_big});
        QVERIFY(p.waitForStarted());
        // Killed once the import is writing: its temporary workspace (NewWorkspace,
        // PATH.importing-PID) exists and has grown past its empty schema (under 200 kB).
        const QString temporary = QStringLiteral("%1.importing-%2").arg(ws).arg(p.processId());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(temporary).size() > 1000 * 1000 || p.state() == QProcess::NotRunning,
                                 120000);
        QCOMPARE(p.state(), QProcess::Running); // still importing: the kill lands mid-import
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished();
        QVERIFY(QFileInfo::exists(temporary)); // the leftover the next run must clean up
        QVERIFY(!QFileInfo::exists(ws));
        const QString small = m_dir.filePath(QStringLiteral("creating-small.csv"));
        writeFile(small, kPages);
        QCOMPARE(runCli({QStringLiteral("import"), ws, small}).exitCode, 0);
        QVERIFY(QFileInfo::exists(ws));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("creating.srmap.*")}), QStringList());
    }
};

QTEST_GUILESS_MAIN(TstImportCrash)
#include "tst_importcrash.moc"
