// The window's import, offscreen: the dialog shows each file's detected format, a preview of
// its first records and its problems; the import runs on a worker thread and Cancel leaves the
// workspace exactly as it was; the Data sources panel lists the imports and removes one; the
// main window's File › Import… and drag-and-drop open the dialog.
#include "views/analysiscontroller.h"
#include "views/datasourcespanel.h"
#include "views/importdialog.h"
#include "app/mainwindow.h"
#include "tests/common/testutil.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QListWidget>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>

using namespace srm;
using namespace srm::test;

namespace {

qint64 count(const QString &ws, const QString &table)
{
    auto w = Workspace::open(ws);
    QSqlQuery q(w->database());
    q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return q.next() ? q.value(0).toLongLong() : -1;
}

const QByteArray kPages = "id,created_at,title,service\n"
                          "P1,2026-03-01T10:00:00Z,Disk full on db-1,db\n"
                          "P2,2026-03-01T11:00:00Z,CPU high,web\n"
                          "P3,2026-03-01T12:00:00Z,CPU high,web\n";

} // namespace

class TstImportDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_big;

    QString file(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, content);
        return path;
    }

    QString newWorkspace(const QString &name)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".srmap"));
        Workspace::create(path);
        return path;
    }

private slots:
    void initTestCase()
    {
        const QString out = m_dir.filePath(QStringLiteral("big"));
        QCOMPARE(runCli({QStringLiteral("generate"), out, QStringLiteral("--pages"), QStringLiteral("150000"),
                         QStringLiteral("--deployments"), QStringLiteral("0"), QStringLiteral("--incidents"),
                         QStringLiteral("0")})
                     .exitCode,
                 0);
        m_big = QDir(out).filePath(QStringLiteral("pages.csv"));
    }

    void showsFormatsPreviewAndProblems()
    {
        const QString ws = newWorkspace(QStringLiteral("preview"));
        ImportDialog d(ws, QByteArrayLiteral("UTC"));
        d.addFiles({file(QStringLiteral("pages.csv"), kPages),
                    file(QStringLiteral("bad.csv"), "incident_id,started_at\nI1,never\nI2,2026-03-01T10:00:00Z\n"),
                    file(QStringLiteral("what.txt"), "hello\nworld\n")});
        d.show();
        QCOMPARE(d.fileCount(), 3);
        QCOMPARE(d.fileFormat(0), QStringLiteral("pages"));
        QCOMPARE(d.fileFormat(1), QStringLiteral("incidents"));
        QCOMPARE(d.fileFormat(2), QString());
        QCOMPARE(d.fileStatus(0), QStringLiteral("Ready"));
        QCOMPARE(d.fileStatus(2), QStringLiteral("Unknown format"));

        auto *preview = d.findChild<QTableWidget *>(QStringLiteral("preview"));
        auto *problems = d.findChild<QListWidget *>(QStringLiteral("problems"));
        d.selectFile(0);
        QCOMPARE(preview->rowCount(), 3);
        QCOMPARE(preview->horizontalHeaderItem(3)->text(), QStringLiteral("title"));
        QCOMPARE(preview->item(1, 3)->text(), QStringLiteral("CPU high"));
        QCOMPARE(problems->count(), 0);
        d.selectFile(1);
        QCOMPARE(preview->rowCount(), 1);
        QCOMPARE(problems->count(), 1);
        QVERIFY(problems->item(0)->text().contains(QStringLiteral("2: column 'started_at': not a timestamp")));
        d.selectFile(2);
        QVERIFY(problems->item(0)->text().contains(QStringLiteral("unknown format")));

        // An override: the pages file read as a PagerDuty export lacks created_on.
        d.setFileFormat(0, QStringLiteral("pagerduty-csv"));
        QCOMPARE(d.fileFormat(0), QStringLiteral("pagerduty-csv"));
        QVERIFY(d.fileStatus(0).contains(QStringLiteral("created_on")));
        d.setFileFormat(0, QString());
        QCOMPARE(d.fileFormat(0), QStringLiteral("pages"));
    }

    void importsOffTheGuiThread()
    {
        const QString ws = newWorkspace(QStringLiteral("imports"));
        ImportDialog d(ws, QByteArrayLiteral("UTC"));
        QSignalSpy finished(&d, &ImportDialog::importFinished);
        QSignalSpy changed(&d, &ImportDialog::dataChanged);
        d.addFiles({file(QStringLiteral("p.csv"), kPages),
                    file(QStringLiteral("debt.csv"), "id,title,toil_hours_per_week,cost_weeks\nOPS-1,Runbooks,2,1\n")});
        d.show();
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
        QVERIFY(d.isRunning());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toBool(), true);  // committed
        QCOMPARE(finished.first().at(1).toBool(), false); // not cancelled
        QCOMPARE(changed.count(), 1);
        QVERIFY(d.fileStatus(0).startsWith(QStringLiteral("Imported: 3 added")));
        QVERIFY(d.fileStatus(1).startsWith(QStringLiteral("Imported: 1 added")));
        QCOMPARE(count(ws, QStringLiteral("pages")), qint64(3));
        QCOMPARE(count(ws, QStringLiteral("imports")), qint64(2));

        // A bad file among good ones: the good one goes in, the bad one is listed.
        ImportDialog again(ws, QByteArrayLiteral("UTC"));
        QSignalSpy done(&again, &ImportDialog::importFinished);
        again.addFiles({file(QStringLiteral("bad.csv"), "created_at,title\nnever,x\n"),
                        file(QStringLiteral("more.csv"), "created_at,title\n2026-03-02T10:00:00Z,new page\n")});
        again.startImport();
        QVERIFY(done.wait(30000));
        QVERIFY(again.fileStatus(0).startsWith(QStringLiteral("Not imported")));
        again.selectFile(0);
        auto *problems = again.findChild<QListWidget *>(QStringLiteral("problems"));
        QVERIFY(problems->item(0)->text().contains(QStringLiteral("bad.csv:2: column 'created_at'")));
        QCOMPARE(count(ws, QStringLiteral("pages")), qint64(4));
    }

    // Cancel during a long import: the whole batch is rolled back.
    void cancelLeavesTheWorkspaceAsItWas()
    {
        const QString ws = newWorkspace(QStringLiteral("cancel"));
        {
            ImportDialog seed(ws, QByteArrayLiteral("UTC"));
            QSignalSpy done(&seed, &ImportDialog::importFinished);
            seed.addFiles({file(QStringLiteral("seed.csv"), kPages)});
            seed.startImport();
            QVERIFY(done.wait(30000));
        }
        const QByteArray before = sqliteDump(ws);
        ImportDialog d(ws, QByteArrayLiteral("UTC"));
        QSignalSpy finished(&d, &ImportDialog::importFinished);
        QSignalSpy changed(&d, &ImportDialog::dataChanged);
        d.addFiles({file(QStringLiteral("small.csv"), "created_at,title\n2026-03-05T10:00:00Z,first of the batch\n"),
                    m_big});
        d.show();
        d.startImport();
        auto *progress = d.findChild<QProgressBar *>(QStringLiteral("progress"));
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 550, 30000); // well into the big file
        QVERIFY(d.isRunning());
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QCOMPARE(changed.count(), 0);
        QVERIFY(d.fileStatus(0).startsWith(QStringLiteral("Cancelled")));
        QVERIFY(d.fileStatus(1).startsWith(QStringLiteral("Cancelled")));
        QCOMPARE(sqliteDump(ws), before);
    }

    void dataSourcesPanel()
    {
        const QString ws = newWorkspace(QStringLiteral("sources"));
        const QString first = file(QStringLiteral("first.csv"), kPages);
        const QString second = file(QStringLiteral("second.csv"), "id,created_at,title\nP9,2026-03-09T10:00:00Z,Other\n");
        QCOMPARE(runCli({QStringLiteral("import"), ws, first, second}).exitCode, 0);
        auto w = Workspace::open(ws);
        DataSourcesPanel panel;
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&panel, &DataSourcesPanel::dataChanged);
        panel.setWorkspace(w.get());
        ImportLogModel *m = panel.model();
        QCOMPARE(m->rowCount(), 2);
        QCOMPARE(m->index(0, ImportLogModel::FileColumn).data().toString(), QStringLiteral("first.csv"));
        QCOMPARE(m->index(0, ImportLogModel::FormatColumn).data().toString(), QStringLiteral("pages"));
        QCOMPARE(m->index(0, ImportLogModel::AddedColumn).data().toInt(), 3);
        QCOMPARE(m->index(1, ImportLogModel::Sha256Column).data(Qt::ToolTipRole).toString().toLatin1(), sha256Of(second));
        const qint64 id = m->index(0, 0).data(ImportLogModel::IdRole).toLongLong();
        QVERIFY(panel.removeImport(id, false));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(m->index(0, ImportLogModel::FileColumn).data().toString(), QStringLiteral("second.csv"));
        QSqlQuery q(w->database());
        QVERIFY(q.exec(QStringLiteral("SELECT source_id FROM pages")));
        QStringList left;
        while (q.next())
            left << q.value(0).toString();
        QCOMPARE(left, QStringList{QStringLiteral("P9")});
        panel.setWorkspace(nullptr);
        QCOMPARE(m->rowCount(), 0);
    }

    void mainWindowHooks()
    {
        const QString ws = newWorkspace(QStringLiteral("window"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.importFiles({file(QStringLiteral("w.csv"), kPages)})); // no workspace yet
        QVERIFY(window.openWorkspace(ws));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("importAction")));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("dataSourcesAction")));

        // Dropping a file opens the dialog with it.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file(QStringLiteral("dropped.csv"), kPages))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        auto *dialog = window.findChild<ImportDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->fileCount(), 1);
        QCOMPARE(dialog->fileFormat(0), QStringLiteral("pages"));

        // The window recomputes what its views show once the import has committed.
        QSignalSpy changed(window.controller(), &AnalysisController::snapshotReady);
        QSignalSpy done(dialog, &ImportDialog::importFinished);
        dialog->startImport();
        QVERIFY(done.wait(30000));
        QVERIFY(changed.count() > 0 || changed.wait(30000));
        QCOMPARE(window.dataSourcesPanel()->model()->rowCount(), 1);
        dialog->close();
    }
};

QTEST_MAIN(TstImportDialog)
#include "tst_importdialog.moc"
