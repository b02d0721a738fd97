// The window's import, offscreen: the dialog shows each file's detected format, a preview of
// its first records (parsed, as they will be stored) and its problems; an unrecognised CSV gets
// the column-mapping step with live preview, saved as an undoable profile that the next file
// with the same header is read with; profiles are listed and removed; the import runs on a
// worker thread and Cancel leaves the workspace exactly as it was; the Data sources panel lists
// the imports and removes one; the main window's File › Import… and drag-and-drop open the dialog.
#include "app/mainwindow.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"
#include "views/analysiscontroller.h"
#include "views/datasourcespanel.h"
#include "views/importdialog.h"
#include "views/importprofilesdialog.h"
#include "views/workspaceeditor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

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

    // For a person to look at the dialog: SRM_GRAB_DIR=/tmp/x saves it there as a PNG.
    static void grabFor(QWidget &w, const char *name)
    {
        const QByteArray dir = qgetenv("SRM_GRAB_DIR");
        if (dir.isEmpty())
            return;
        QApplication::processEvents();
        QVERIFY(w.grab().save(QString::fromLocal8Bit(dir) + u'/' + QLatin1String(name)));
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
        d.addFiles(
            {file(QStringLiteral("small.csv"), "created_at,title\n2026-03-05T10:00:00Z,first of the batch\n"), m_big});
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
        const QString second = file(QStringLiteral("second.csv"),
                                    "id,created_at,title\nP9,2026-03-09T10:00:00Z,Other\n");
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
        QCOMPARE(m->index(1, ImportLogModel::Sha256Column).data(Qt::ToolTipRole).toString().toLatin1(),
                 sha256Of(second));
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

    // --- the mapping step and profiles (docs/formats.md#column-mapping) --------------------

    void previewShowsWhatWillBeStored()
    {
        // A PagerDuty REST page: the preview shows the parsed service (service.summary, not the
        // nested object), the title and the times in UTC, before anything is stored.
        const QString ws = newWorkspace(QStringLiteral("preview-parsed"));
        ImportDialog d(ws, QByteArrayLiteral("Europe/Amsterdam"));
        d.addFiles({file(QStringLiteral("rest.json"),
                         R"({"incidents": [{"id": "P1", "title": "Disk full", "created_at": 1772359200.0,
                             "service": {"id": "S1", "type": "service_reference", "summary": "checkout"},
                             "acknowledgements": [{"at": "2026-03-01T11:05:00+01:00"}]}]})"),
                    file(QStringLiteral("naive.csv"), "created_at,title,service\n2026-03-01 11:00:00,CPU high,web\n")});
        d.show();
        auto *preview = d.findChild<QTableWidget *>(QStringLiteral("preview"));
        auto value = [&](int row, const QString &column) {
            for (int c = 0; c < preview->columnCount(); ++c)
                if (preview->horizontalHeaderItem(c)->text() == column)
                    return preview->item(row, c) ? preview->item(row, c)->text() : QString();
            return QStringLiteral("<no column %1>").arg(column);
        };
        d.selectFile(0);
        QCOMPARE(preview->rowCount(), 1);
        QCOMPARE(value(0, QStringLiteral("service")), QStringLiteral("checkout"));
        QCOMPARE(value(0, QStringLiteral("title")), QStringLiteral("Disk full"));
        QCOMPARE(value(0, QStringLiteral("created_at")), QStringLiteral("2026-03-01T10:00:00Z")); // 1772359200.0
        QCOMPARE(value(0, QStringLiteral("acknowledged_at")), QStringLiteral("2026-03-01T10:05:00Z"));
        QVERIFY(d.findChild<QGroupBox *>(QStringLiteral("mapping"))->isHidden()); // JSON: nothing to map
        // A naive time is read in the workspace's zone (Amsterdam, UTC+1 in March) and shown in UTC.
        d.selectFile(1);
        QCOMPARE(value(0, QStringLiteral("created_at")), QStringLiteral("2026-03-01T10:00:00Z"));
        QCOMPARE(value(0, QStringLiteral("service")), QStringLiteral("web"));
        QCOMPARE(count(ws, QStringLiteral("pages")), qint64(0)); // nothing stored by looking
    }

    void mappingStepSavesAnUndoableProfile()
    {
        const QString ws = newWorkspace(QStringLiteral("mapping"));
        auto workspace = Workspace::open(ws);
        QUndoStack stack;
        WorkspaceEditor editor(&stack);
        editor.setWorkspace(workspace.get());
        const QByteArray log = "Run ID,Pipeline,Environment,Status,Started,Finished\n"
                               "run-101,checkout,Production,Success,2026-03-02T09:00:00Z,2026-03-02T09:12:30Z\n"
                               "run-102,search,Production,Failure,2026-03-02T10:00:00Z,2026-03-02T10:05:00Z\n";
        const QString path = file(QStringLiteral("ci.csv"), log);

        ImportDialog d(ws, QByteArrayLiteral("UTC"));
        d.setEditor(&editor);
        d.addFiles({path});
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QCOMPARE(d.fileFormat(0), QString());
        QCOMPARE(d.fileStatus(0), QStringLiteral("Unknown format"));
        auto *mapping = d.findChild<QGroupBox *>(QStringLiteral("mapping"));
        QVERIFY(mapping->isVisible());
        QVERIFY(d.findChild<QLabel *>(QStringLiteral("mappingIntro"))
                    ->text()
                    .contains(QStringLiteral("does not recognise")));

        // Choose the format: one row per field, columns named like a field are matched already.
        auto *format = d.findChild<QComboBox *>(QStringLiteral("mapFormat"));
        format->setCurrentIndex(format->findData(QStringLiteral("deployments")));
        QCOMPARE(d.fileFormat(0), QStringLiteral("deployments"));
        auto field = [&](const char *name) {
            return d.findChild<QComboBox *>(QStringLiteral("field_") + QLatin1String(name));
        };
        QVERIFY(field("deployment_id") && field("finished_at") && field("team"));
        QCOMPARE(field("environment")->currentText(), QStringLiteral("Environment")); // by name
        QCOMPARE(field("deployment_id")->currentIndex(), 0);                          // not in the file
        auto *problems = d.findChild<QListWidget *>(QStringLiteral("problems"));
        QVERIFY(problems->item(0)->text().contains(QStringLiteral("missing required column 'deployment_id'")));
        QVERIFY(!d.findChild<QPushButton *>(QStringLiteral("saveProfile"))->isEnabled());
        grabFor(d, "import-mapping-start.png");

        // Map through the combos, as a user does; the preview follows each choice.
        auto choose = [&](const char *name, const QString &column) {
            QComboBox *c = field(name);
            QVERIFY(c);
            c->setCurrentIndex(c->findData(column));
            QTRY_COMPARE(d.fileMapping(0).size() > 0, true);
        };
        choose("deployment_id", QStringLiteral("Run ID"));
        choose("finished_at", QStringLiteral("Pipeline")); // a wrong column first
        QTRY_VERIFY(problems->count() > 0
                    && problems->item(0)->text().contains(QStringLiteral("column 'Pipeline': not a timestamp")));
        choose("finished_at", QStringLiteral("Finished"));
        choose("started_at", QStringLiteral("Started"));
        choose("service", QStringLiteral("Pipeline"));
        choose("result", QStringLiteral("Status"));
        QTRY_COMPARE(d.fileMapping(0).size(), std::size_t(5));
        auto *preview = d.findChild<QTableWidget *>(QStringLiteral("preview"));
        QTRY_COMPARE(preview->rowCount(), 2);
        QCOMPARE(problems->count(), 0);
        QCOMPARE(d.fileStatus(0), QStringLiteral("Ready"));
        // deployment_id, service, environment, started_at, finished_at, result, ...
        QCOMPARE(preview->item(0, 0)->text(), QStringLiteral("run-101"));
        QCOMPARE(preview->item(0, 1)->text(), QStringLiteral("checkout"));
        QCOMPARE(preview->item(0, 4)->text(), QStringLiteral("2026-03-02T09:12:30Z"));
        QCOMPARE(preview->item(1, 5)->text(), QStringLiteral("failure")); // "Failure": no mapping needed

        grabFor(d, "import-mapping.png");

        // Save it as a profile: one undoable edit of the workspace.
        auto *name = d.findChild<QLineEdit *>(QStringLiteral("profileName"));
        name->setText(QStringLiteral("CI vendor"));
        auto *save = d.findChild<QPushButton *>(QStringLiteral("saveProfile"));
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(d.fileProfile(0), QStringLiteral("CI vendor"));
        QCOMPARE(stack.count(), 1);
        QCOMPARE(stack.undoText(), QStringLiteral("Save import profile CI vendor"));
        ImportProfileStore store(*workspace);
        const std::optional<ImportProfile> saved = store.find(QStringLiteral("CI vendor"));
        QVERIFY(saved);
        QCOMPARE(saved->format, QStringLiteral("deployments"));
        QCOMPARE(saved->headerKey,
                 QStringLiteral("[\"environment\",\"finished\",\"pipeline\",\"run id\",\"started\",\"status\"]"));
        const QList<QPair<QString, QString>> expected = {{QStringLiteral("deployment_id"), QStringLiteral("Run ID")},
                                                         {QStringLiteral("finished_at"), QStringLiteral("Finished")},
                                                         {QStringLiteral("result"), QStringLiteral("Status")},
                                                         {QStringLiteral("service"), QStringLiteral("Pipeline")},
                                                         {QStringLiteral("started_at"), QStringLiteral("Started")}};
        QCOMPARE(saved->mapping, expected);
        stack.undo();
        QVERIFY(!store.find(QStringLiteral("CI vendor")));
        stack.redo();
        QCOMPARE(store.find(QStringLiteral("CI vendor")), saved); // the same profile, time included

        // Import it as mapped.
        QSignalSpy done(&d, &ImportDialog::importFinished);
        d.startImport();
        QVERIFY(done.wait(30000));
        QVERIFY2(d.fileStatus(0).startsWith(QStringLiteral("Imported: 2 added")), qPrintable(d.fileStatus(0)));
        QCOMPARE(count(ws, QStringLiteral("deployments")), qint64(2));

        // The next file with these columns (in another order) is read with the profile.
        ImportDialog next(ws, QByteArrayLiteral("UTC"));
        next.setEditor(&editor);
        next.addFiles({file(QStringLiteral("ci-2.csv"),
                            "Status,Finished,Started,Pipeline,Environment,Run ID\n"
                            "Success,2026-03-03T10:05:00Z,,search,prod,run-103\n")});
        next.show();
        QCOMPARE(next.fileFormat(0), QStringLiteral("deployments"));
        QCOMPARE(next.fileProfile(0), QStringLiteral("CI vendor"));
        QCOMPARE(next.fileStatus(0), QStringLiteral("Ready: read with the profile 'CI vendor'"));
        auto *profile = next.findChild<QComboBox *>(QStringLiteral("profile"));
        QCOMPARE(profile->currentData().toString(), QStringLiteral("CI vendor"));
        QCOMPARE(next.findChild<QTableWidget *>(QStringLiteral("preview"))->item(0, 0)->text(),
                 QStringLiteral("run-103"));
        // Choosing no profile: the file is unknown again.
        profile->setCurrentIndex(0);
        QCOMPARE(next.fileFormat(0), QString());
        QCOMPARE(next.fileStatus(0), QStringLiteral("Unknown format"));
    }

    void profilesAreListedAndRemovedUndoably()
    {
        const QString ws = newWorkspace(QStringLiteral("profiles"));
        auto workspace = Workspace::open(ws);
        ImportProfileStore store(*workspace);
        store.save(
            {QStringLiteral("b-vendor"),
             QStringLiteral("[\"a\",\"b\"]"),
             QStringLiteral("pages"),
             {{QStringLiteral("created_at"), QStringLiteral("a")}, {QStringLiteral("title"), QStringLiteral("b")}},
             1772359200LL * 1000000});
        store.save({QStringLiteral("a-vendor"),
                    QStringLiteral("[\"id\",\"team\"]"),
                    QStringLiteral("ownership"),
                    {},
                    1772359260LL * 1000000});
        QUndoStack stack;
        WorkspaceEditor editor(&stack);
        editor.setWorkspace(workspace.get());
        ImportProfilesDialog dialog(&editor);
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImportProfilesModel *m = dialog.model();
        QCOMPARE(m->rowCount(), 2);
        QCOMPARE(m->index(0, ImportProfilesModel::NameColumn).data().toString(), QStringLiteral("a-vendor"));
        QCOMPARE(m->index(0, ImportProfilesModel::MappingColumn).data().toString(),
                 QStringLiteral("columns matched by name"));
        QCOMPARE(m->index(1, ImportProfilesModel::FormatColumn).data().toString(), QStringLiteral("pages"));
        QCOMPARE(m->index(1, ImportProfilesModel::MappingColumn).data().toString(),
                 QStringLiteral("created_at ← a, title ← b"));
        QCOMPARE(m->index(1, ImportProfilesModel::HeaderColumn).data().toString(), QStringLiteral("a, b"));
        QCOMPARE(m->index(1, ImportProfilesModel::SavedColumn).data().toString(),
                 QStringLiteral("2026-03-01T10:00:00Z"));

        dialog.show();
        grabFor(dialog, "import-profiles.png");

        const ImportProfile before = *store.find(QStringLiteral("b-vendor"));
        QVERIFY(dialog.removeRow(1));
        QCOMPARE(m->rowCount(), 1); // reloaded on the editor's change
        QVERIFY(!store.find(QStringLiteral("b-vendor")));
        QCOMPARE(stack.undoText(), QStringLiteral("Remove import profile b-vendor"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("undoProfile")), Qt::LeftButton);
        QCOMPARE(m->rowCount(), 2);
        QCOMPARE(store.find(QStringLiteral("b-vendor")), before);
        QVERIFY(!dialog.removeRow(5));
        editor.setWorkspace(nullptr);
        QVERIFY(!dialog.removeRow(0));
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
        QVERIFY(window.findChild<QAction *>(QStringLiteral("importProfilesAction")));

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
