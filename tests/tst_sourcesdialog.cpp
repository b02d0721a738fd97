// File › Sources… in the real main window (docs/sources.md): the sources model (checked by
// QAbstractItemModelTester), adding, editing and removing sources through the one undo stack
// (undo puts a removed source back with its progress), the source form building the same
// definitions as `source add`, Sync Now and the toolbar's Sync against a fake PagerDuty on
// 127.0.0.1 with progress, the import in the Data Sources panel, and Cancel committing
// nothing. No keychain is used: the session bus points nowhere, tokens come from a variable.
#include "app/mainwindow.h"
#include "sources/sourcekinds.h"
#include "store/sourcestore.h"
#include "store/timeutil.h"
#include "store/workspace.h"
#include "tests/common/fakeapis.h"
#include "tests/common/testutil.h"
#include "views/datasourcespanel.h"
#include "views/sourceeditdialog.h"
#include "views/sourcesdialog.h"
#include "views/workspaceeditor.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace srm;
using namespace srm::test;

namespace {

const char *const kTokenVariable = "SRM_TEST_DIALOG_TOKEN";

qint64 scalar(const QString &path, const QString &sql)
{
    auto ws = Workspace::openConnection(path);
    QSqlQuery q(ws->database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

SourceDefinition pagerDuty(const QString &url)
{
    SourceDefinition s;
    s.name = QStringLiteral("pd");
    s.kind = QStringLiteral("pagerduty");
    s.url = url;
    s.tokenEnv = QString::fromLatin1(kTokenVariable);
    s.options.insert(QStringLiteral("since"), QStringLiteral("30d"));
    s.createdAt = 1000;
    return s;
}

} // namespace

class TstSourcesDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("s%1.srmap").arg(++m_n)); }

private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sre-roadmap-test-bus");
        qputenv("SRM_SOURCES_WAIT_SCALE", "0.02");
    }

    void editsAreUndoable()
    {
        MainWindow w;
        w.setRemembersFiles(false);
        QVERIFY(w.newWorkspace(newPath()));
        SourcesDialog *dialog = w.sourcesDialog();
        QVERIFY(dialog);
        QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(dialog->model()->rowCount(), 0);

        SourceDefinition s = pagerDuty(QStringLiteral("https://api.pagerduty.com"));
        QVERIFY(w.editor()->addSource(s));
        QCOMPARE(dialog->model()->rowCount(), 1);
        QCOMPARE(dialog->model()->index(0, SourcesModel::NameColumn).data().toString(), QStringLiteral("pd"));
        QCOMPARE(dialog->model()->index(0, SourcesModel::KindColumn).data().toString(), QStringLiteral("PagerDuty"));
        QCOMPARE(dialog->model()->index(0, SourcesModel::LastSyncColumn).data().toString(), QStringLiteral("never"));

        SourceDefinition eu = s;
        eu.url = sources::pagerDutyEuUrl();
        QVERIFY(w.editor()->updateSource(eu));
        QCOMPARE(dialog->model()->index(0, SourcesModel::FetchesColumn).data(Qt::ToolTipRole).toString(),
                 sources::pagerDutyEuUrl());
        QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Edit source pd"));
        w.undoStack()->undo();
        QCOMPARE(SourceStore(*w.workspace()).find(QStringLiteral("pd"))->url,
                 QStringLiteral("https://api.pagerduty.com"));
        w.undoStack()->undo();
        QCOMPARE(dialog->model()->rowCount(), 0);
        w.undoStack()->redo();
        w.undoStack()->redo();
        QCOMPARE(SourceStore(*w.workspace()).find(QStringLiteral("pd"))->url, sources::pagerDutyEuUrl());

        // A removed source comes back with its progress.
        {
            Workspace::Transaction tx(*w.workspace());
            SourceStore(*w.workspace())
                .recordSuccess(QStringLiteral("pd"), 5000, QStringLiteral("2026-01-01T00:00:00Z"));
            tx.commit();
        }
        const SourceDefinition before = *SourceStore(*w.workspace()).find(QStringLiteral("pd"));
        QVERIFY(w.editor()->removeSource(QStringLiteral("pd")));
        QCOMPARE(dialog->model()->rowCount(), 0);
        w.undoStack()->undo();
        QCOMPARE(*SourceStore(*w.workspace()).find(QStringLiteral("pd")), before);
        QCOMPARE(dialog->model()->index(0, SourcesModel::StatusColumn).data().toString(), QStringLiteral("up to date"));

        // A second source of the same name is refused and leaves no command on the stack.
        QVERIFY(!w.editor()->addSource(s));
        QCOMPARE(w.undoStack()->count(), w.undoStack()->index());
        QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Edit source pd"));
        QCOMPARE(SourceStore(*w.workspace()).list().size(), 1);
    }

    void formBuildsDefinitions()
    {
        SourceEditDialog add(std::nullopt);
        auto *kind = add.findChild<QComboBox *>(QStringLiteral("kind"));
        QVERIFY(kind);
        kind->setCurrentIndex(kind->findData(QStringLiteral("prometheus")));
        add.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("prom"));
        QVERIFY2(add.problem().contains(QLatin1StringView("--url")), qPrintable(add.problem()));
        add.findChild<QLineEdit *>(QStringLiteral("url"))->setText(QStringLiteral("http://127.0.0.1:9090"));
        add.findChild<QLineEdit *>(QStringLiteral("step"))->setText(QStringLiteral("5m"));
        auto *slos = add.findChild<QTableWidget *>(QStringLiteral("slos"));
        QCOMPARE(slos->rowCount(), 1); // an empty row to fill in
        slos->item(0, 0)->setText(QStringLiteral("checkout"));
        slos->item(0, 2)->setText(QStringLiteral("sum(errors)"));
        QVERIFY2(add.problem().contains(QLatin1StringView("needs --total-query")), qPrintable(add.problem()));
        slos->item(0, 3)->setText(QStringLiteral("sum(requests)"));
        QVERIFY2(add.problem().isEmpty(), qPrintable(add.problem()));
        const SourceDefinition p = add.definition();
        QCOMPARE(p.kind, QStringLiteral("prometheus"));
        QCOMPARE(p.options.value(QLatin1StringView("step")).toString(), QStringLiteral("5m"));
        const QList<sources::PrometheusSlo> list = sources::prometheusSlos(p);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].bad, QStringLiteral("sum(errors)"));
        QCOMPARE(list[0].total, QStringLiteral("sum(requests)"));

        // PagerDuty needs a token: typed (for the keychain) or a variable.
        kind->setCurrentIndex(kind->findData(QStringLiteral("pagerduty")));
        add.findChild<QLineEdit *>(QStringLiteral("url"))->clear();
        QVERIFY2(add.problem().contains(QLatin1StringView("needs a token")), qPrintable(add.problem()));
        add.findChild<QLineEdit *>(QStringLiteral("token"))->setText(QStringLiteral("typed-token"));
        QVERIFY2(add.problem().isEmpty(), qPrintable(add.problem()));
        QCOMPARE(add.token(), QStringLiteral("typed-token"));
        QCOMPARE(add.definition().url, QStringLiteral("https://api.pagerduty.com"));
        QVERIFY(!add.definition().options.contains(QLatin1StringView("slos")));

        // Editing keeps the kind and the name, and the token unless one is typed.
        SourceDefinition gh;
        gh.name = QStringLiteral("gh");
        gh.kind = QStringLiteral("github");
        gh.url = sources::defaultUrl(gh.kind);
        gh.options = {{QStringLiteral("repo"), QStringLiteral("acme/shop")}, {QStringLiteral("keychain"), true}};
        SourceEditDialog edit(gh);
        QVERIFY(!edit.findChild<QComboBox *>(QStringLiteral("kind"))->isEnabled());
        QVERIFY(edit.findChild<QLineEdit *>(QStringLiteral("name"))->isReadOnly());
        QCOMPARE(edit.findChild<QLineEdit *>(QStringLiteral("repo"))->text(), QStringLiteral("acme/shop"));
        edit.findChild<QLineEdit *>(QStringLiteral("githubEnvironment"))->setText(QStringLiteral("prod-eu"));
        QVERIFY2(edit.problem().isEmpty(), qPrintable(edit.problem()));
        const SourceDefinition changed = edit.definition();
        QCOMPARE(changed.options.value(QLatin1StringView("environment")).toString(), QStringLiteral("prod-eu"));
        QVERIFY(changed.options.value(QLatin1StringView("keychain")).toBool());
        QVERIFY(edit.token().isEmpty());
    }

    // Sync Now: progress while it runs, then the import in Data Sources and the last sync time.
    void syncNowImports()
    {
        FakePagerDuty pd;
        pd.add(300, nowMicros() - 5 * kMicrosPerDay, 10 * kMicrosPerMinute);
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        qputenv(kTokenVariable, pd.token.toUtf8());
        MainWindow w;
        w.setRemembersFiles(false);
        const QString path = newPath();
        QVERIFY(w.newWorkspace(path));
        QVERIFY(w.editor()->addSource(pagerDuty(server.url())));
        SourcesDialog *dialog = w.sourcesDialog();
        dialog->show();
        dialog->selectSource(QStringLiteral("pd"));
        QSignalSpy finished(dialog, &SourcesDialog::syncFinished);
        QSignalSpy imported(dialog, &SourcesDialog::dataImported);
        QVERIFY(dialog->syncSelected());
        QVERIFY(dialog->isSyncing());
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("syncNow"))->isEnabled());
        QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("cancelSync"))->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(imported.count(), 1);
        QVERIFY(!dialog->isSyncing());
        QVERIFY2(dialog->statusText().startsWith(QLatin1StringView("pd: 300 fetched: 300 added")),
                 qPrintable(dialog->statusText()));
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM pages")), 300);
        QVERIFY(dialog->model()
                    ->index(0, SourcesModel::LastSyncColumn)
                    .data()
                    .toString()
                    .endsWith(QLatin1StringView(" UTC")));
        QCOMPARE(dialog->model()->index(0, SourcesModel::StatusColumn).data().toString(), QStringLiteral("up to date"));

        ImportLogModel *log = w.dataSourcesPanel()->model();
        QCOMPARE(log->rowCount(), 1);
        QCOMPARE(log->index(0, ImportLogModel::SourceColumn).data().toString(), QStringLiteral("sync of pd"));
        QCOMPARE(log->index(0, ImportLogModel::AddedColumn).data().toInt(), 300);
        // Removable like a file import.
        QVERIFY(w.dataSourcesPanel()->removeImport(log->index(0, 0).data(ImportLogModel::IdRole).toLongLong(), false));
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM pages")), 0);

        // The toolbar's Sync runs every source again (--full is not needed: the records were
        // removed, so this sync finds nothing new and imports nothing).
        QAction *sync = w.findChild<QAction *>(QStringLiteral("syncAction"));
        QVERIFY(sync && sync->isEnabled());
        sync->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QVERIFY2(dialog->statusText().contains(QLatin1StringView("pd: nothing new")), qPrintable(dialog->statusText()));
        qunsetenv(kTokenVariable);
    }

    // A failed sync shows its error in the list and the details; no token comes along.
    void failureIsShown()
    {
        FakePagerDuty pd;
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        qputenv(kTokenVariable, "wrong-Token-Value-5");
        MainWindow w;
        w.setRemembersFiles(false);
        QVERIFY(w.newWorkspace(newPath()));
        QVERIFY(w.editor()->addSource(pagerDuty(server.url())));
        SourcesDialog *dialog = w.sourcesDialog();
        QSignalSpy finished(dialog, &SourcesDialog::syncFinished);
        QVERIFY(dialog->syncAll());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const QString status = dialog->model()->index(0, SourcesModel::StatusColumn).data().toString();
        QVERIFY2(status.startsWith(QLatin1StringView("failed: PagerDuty refused the token")), qPrintable(status));
        QCOMPARE(dialog->model()->index(0, SourcesModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0xb3, 0x26, 0x1e));
        const QString details = dialog->findChild<QLabel *>(QStringLiteral("details"))->text();
        QVERIFY2(details.contains(QLatin1StringView("Last error")), qPrintable(details));
        QVERIFY(!details.contains(QLatin1StringView("wrong-Token-Value-5")));
        QVERIFY(!dialog->statusText().contains(QLatin1StringView("wrong-Token-Value-5")));

        // No variable and no keychain: said at once, no thread started.
        qunsetenv(kTokenVariable);
        QVERIFY(!dialog->syncAll());
        QVERIFY2(dialog->statusText().contains(QLatin1StringView("--token-env")), qPrintable(dialog->statusText()));
    }

    // Cancel during a long wait (a 429 asking for 3000 s, 60 s at this scale): the sync stops
    // within a moment and commits nothing, and no error is recorded.
    void cancelCommitsNothing()
    {
        FakePagerDuty pd;
        pd.add(150, nowMicros() - 5 * kMicrosPerDay, 10 * kMicrosPerMinute);
        pd.faults.insert(2, Fault{Fault::RateLimit, 3000});
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        qputenv(kTokenVariable, pd.token.toUtf8());
        MainWindow w;
        w.setRemembersFiles(false);
        const QString path = newPath();
        QVERIFY(w.newWorkspace(path));
        QVERIFY(w.editor()->addSource(pagerDuty(server.url())));
        SourcesDialog *dialog = w.sourcesDialog();
        dialog->show();
        QSignalSpy finished(dialog, &SourcesDialog::syncFinished);
        QVERIFY(dialog->syncAll());
        QTRY_VERIFY_WITH_TIMEOUT(server.requests().size() >= 2, 10000);
        QTest::qWait(200);
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("cancelSync")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY2(dialog->statusText().contains(QLatin1StringView("Cancelled")), qPrintable(dialog->statusText()));
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM pages")), 0);
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM imports")), 0);
        QCOMPARE(scalar(path, QStringLiteral("SELECT length(last_error) FROM sources")), 0);
        QCOMPARE(server.requests().size(), 2);
        qunsetenv(kTokenVariable);
    }

    // The dialog as a user meets it: three sources (synced, failed with a long error, never
    // synced), every button on screen, the details not clipped. The picture goes next to the
    // test binary (sourcesdialog.png, sourceedit.png) for a person to look at.
    void layoutIsTidy()
    {
        MainWindow w;
        w.setRemembersFiles(false);
        QVERIFY(w.newWorkspace(newPath()));
        SourceDefinition pd = pagerDuty(QStringLiteral("https://api.pagerduty.com"));
        pd.name = QStringLiteral("pagerduty-prod");
        pd.tokenEnv = QStringLiteral("PD_TOKEN");
        SourceDefinition gh;
        gh.name = QStringLiteral("shop-deploys");
        gh.kind = QStringLiteral("github");
        gh.url = sources::defaultUrl(gh.kind);
        gh.options = {{QStringLiteral("repo"), QStringLiteral("acme/shop")}, {QStringLiteral("keychain"), true}};
        SourceDefinition prom;
        prom.name = QStringLiteral("prometheus");
        prom.kind = QStringLiteral("prometheus");
        prom.url = QStringLiteral("https://prometheus.internal.example.org");
        sources::setPrometheusSlos(prom,
                                   {{QStringLiteral("checkout-availability"),
                                     {},
                                     QStringLiteral("sum(increase(errors[1h]))"),
                                     QStringLiteral("sum(increase(requests[1h]))")}});
        for (const SourceDefinition &s : {pd, gh, prom})
            QVERIFY(w.editor()->addSource(s));
        {
            Workspace::Transaction tx(*w.workspace());
            SourceStore store(*w.workspace());
            store.recordSuccess(QStringLiteral("shop-deploys"), nowMicros() - kMicrosPerHour,
                                QStringLiteral("2026-12-01T00:00:00Z"));
            store.recordFailure(QStringLiteral("pagerduty-prod"), nowMicros() - 2 * kMicrosPerHour,
                                QStringLiteral("PagerDuty refused the token (HTTP 401 Unauthorized for GET "
                                               "https://api.pagerduty.com/incidents): Unauthenticated"));
            tx.commit();
        }
        SourcesDialog *dialog = w.sourcesDialog();
        dialog->refresh();
        dialog->selectSource(QStringLiteral("pagerduty-prod"));
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        for (const char *name : {"addSource", "editSource", "removeSource", "setToken", "syncNow", "syncAll"}) {
            auto *b = dialog->findChild<QPushButton *>(QLatin1StringView(name));
            QVERIFY2(b && b->isVisible() && b->isEnabled(), name);
            QVERIFY2(dialog->rect().contains(QRect(b->mapTo(dialog, QPoint(0, 0)), b->size())), name);
        }
        auto *details = dialog->findChild<QLabel *>(QStringLiteral("details"));
        QVERIFY(details->text().contains(QLatin1StringView("Last error")));
        QVERIFY2(details->heightForWidth(details->width()) <= details->height(), "the details are clipped");
        dialog->grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/sourcesdialog.png"));

        SourceEditDialog edit(SourceStore(*w.workspace()).find(QStringLiteral("prometheus")), dialog);
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        edit.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/sourceedit.png"));
        SourceEditDialog editGh(SourceStore(*w.workspace()).find(QStringLiteral("shop-deploys")), dialog);
        editGh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editGh));
        editGh.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/sourceedit-github.png"));
    }
};

QTEST_MAIN(TstSourcesDialog)
#include "tst_sourcesdialog.moc"
