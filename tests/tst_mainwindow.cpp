// The main window: opens a workspace, switches between the eight views, reports a bad file in
// a dialog and keeps running, remembers recent files. Built twice: offscreen, and in a real X
// server under xvfb-run (tst_mainwindow_x11).
#include "app/mainwindow.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"

#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QListWidget>
#include <QMessageBox>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>

using namespace srm;
using namespace srm::test;

class TstMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;

private slots:
    void initTestCase()
    {
        qInfo("platform: %s", qPrintable(QGuiApplication::platformName()));
        m_demo = m_dir.filePath(QStringLiteral("demo.srmap"));
        QCOMPARE(runCli({QStringLiteral("demo"), m_demo}).exitCode, 0);
    }

    void opensAndSwitchesViews()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openWorkspace(m_demo));
        QVERIFY(w.workspace());
        QVERIFY(w.windowTitle().contains(QStringLiteral("demo.srmap")));
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(nav);
        QCOMPARE(nav->count(), 8);
        for (ViewId id : kAllViews) {
            w.showView(id);
            QCOMPARE(w.currentView(), id);
            QVERIFY(w.viewPage(id)->isVisible());
            QCOMPARE(w.viewPage(id)->objectName(), viewName(id));
        }
        // The eighth view, Progress, is View › Progress, Ctrl+8.
        auto *progress = w.findChild<QAction *>(QStringLiteral("show_progress"));
        QVERIFY(progress);
        QCOMPARE(progress->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_8));
        w.showView(ViewId::Dashboard);
        progress->trigger();
        QCOMPARE(w.currentView(), ViewId::Progress);
        // Keyboard: arrow keys in the navigation list switch views too.
        nav->setFocus();
        w.showView(ViewId::Dashboard);
        QTest::keyClick(nav, Qt::Key_Down);
        QCOMPARE(w.currentView(), ViewId::Gaps);
        QCOMPARE(w.recentFiles().value(0), QFileInfo(m_demo).absoluteFilePath());
    }

    // A workspace of an older schema is upgraded as it opens (schema 6 summarises every page:
    // seconds at 10M pages). That open runs off the GUI thread, so the window's event loop keeps
    // turning (a zero-interval timer ticks meanwhile; on the GUI thread it could not tick once),
    // and the window then holds the upgraded workspace.
    void upgradesOffTheGuiThread()
    {
        const QString old = m_dir.filePath(QStringLiteral("schema5.srmap"));
        {
            auto ws = Workspace::create(old, 5);
            ws->exec(QStringLiteral("INSERT INTO alert_groups(id, service, title) VALUES(1, 'cart', 't')"));
            ws->exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) "
                                    "INSERT INTO pages(id, ukey, title, created_at, group_id) "
                                    "SELECT i, i, 't', 1775001600000000 + i * 1000000, 1 FROM n"));
        }
        QVERIFY(Workspace::needsUpgrade(old));
        QVERIFY(!Workspace::needsUpgrade(m_demo));
        MainWindow w;
        w.show();
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, &ticker, [&ticks] { ++ticks; });
        ticker.start(0);
        QVERIFY(w.openWorkspace(old));
        const int during = ticks;
        ticker.stop();
        QVERIFY2(during > 0, qPrintable(QString::number(during)));
        QCOMPARE(w.workspace()->schemaVersion(), Workspace::kSchemaVersion);
        QVERIFY(!Workspace::needsUpgrade(old));
        QSqlQuery q(w.workspace()->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(pages) FROM page_spans")) && q.next());
        QCOMPARE(q.value(0).toInt(), 74); // ids 1..300000: blocks 0 to 73
        QCOMPARE(q.value(1).toInt(), 300000);
    }

    void badWorkspaceKeepsRunning()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.srmap"));
        writeFile(bad, "this is not a database");
        MainWindow w;
        w.show();
        QVERIFY(w.openWorkspace(m_demo));
        QVERIFY(!w.openWorkspace(bad));
        QVERIFY(w.lastError().contains(QStringLiteral("not a SQLite database")));
        auto *box = w.findChild<QMessageBox *>(QStringLiteral("errorDialog"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->text().contains(bad));
        box->accept();
        // The previous workspace is still open.
        QVERIFY(w.workspace());
        QCOMPARE(w.workspace()->path(), m_demo);
        QCOMPARE(sha256Of(bad),
                 QByteArray(QCryptographicHash::hash("this is not a database", QCryptographicHash::Sha256).toHex()));
    }

    void closeAndGeometry()
    {
        {
            MainWindow w;
            w.show();
            w.resize(1111, 777);
            QVERIFY(w.openWorkspace(m_demo));
            w.closeWorkspace();
            QVERIFY(!w.workspace());
            QCOMPARE(w.windowTitle(), QStringLiteral("SRE Roadmap"));
            w.close();
        }
        MainWindow again;
        QCOMPARE(again.size(), QSize(1111, 777));
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
