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
#include <QStackedWidget>
#include <QTest>

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
