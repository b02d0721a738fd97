// Hostile output paths (docs/hostile-input.md#outputs): an export never writes over the
// workspace (nor its side files, nor through a link), never replaces a FIFO or a device, never
// replaces a file with content without --force (the window asks), writes to standard output
// with -, and says "disk full" when the disk is full.
#include "hostile.h"

#include "app/mainwindow.h"
#include "views/report/csvexport.h"
#include "views/report/exportfile.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QTimer>

#include <sys/stat.h>
#include <unistd.h>

using namespace srm;
using namespace srm::test;

class TstHostileOutput : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ws;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QStringList command(const QString &kind, const QString &ws, const QString &out)
    {
        if (kind == u"pdf")
            return {QStringLiteral("report"), ws, QStringLiteral("--pdf"), out};
        if (kind == u"html")
            return {QStringLiteral("export"), ws, QStringLiteral("--html"), out};
        return {QStringLiteral("screenshot"), ws, QStringLiteral("--view"), QStringLiteral("debt"),
                QStringLiteral("--out"),      out};
    }

private slots:
    void initTestCase()
    {
        m_ws = path(QStringLiteral("demo.srmap"));
        QCOMPARE(runCli({QStringLiteral("demo"), m_ws}).exitCode, 0);
    }

    // The workspace as the output, directly, through a link or as one of its side files:
    // exit 2 and the workspace byte for byte as it was (before, exit 0 and a destroyed file).
    void neverTheWorkspace_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("target");
        for (const char *kind : {"pdf", "html", "png"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1 over the workspace").arg(QLatin1StringView(kind))))
                << QString::fromLatin1(kind) << QStringLiteral("WS");
            QTest::newRow(qPrintable(QStringLiteral("%1 through a link").arg(QLatin1StringView(kind))))
                << QString::fromLatin1(kind) << QStringLiteral("LINK");
            QTest::newRow(qPrintable(QStringLiteral("%1 over -wal").arg(QLatin1StringView(kind))))
                << QString::fromLatin1(kind) << QStringLiteral("WS-wal");
            QTest::newRow(qPrintable(QStringLiteral("%1 over -shm via a dangling link").arg(QLatin1StringView(kind))))
                << QString::fromLatin1(kind) << QStringLiteral("DANGLING");
        }
    }
    void neverTheWorkspace()
    {
        QFETCH(QString, kind);
        QFETCH(QString, target);
        const QByteArray before = sha256Of(m_ws);
        QString out;
        if (target == u"WS") {
            out = m_ws;
        } else if (target == u"WS-wal") {
            out = m_ws + QStringLiteral("-wal");
        } else if (target == u"LINK") {
            out = path(QStringLiteral("report-link"));
            QFile::remove(out);
            QVERIFY(QFile::link(m_ws, out));
        } else {
            out = path(QStringLiteral("dangling-link"));
            QFile::remove(out);
            QVERIFY(QFile::link(m_ws + QStringLiteral("-shm"), out));
        }
        const CliResult r = runCli(command(kind, m_ws, out));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("is the workspace")), r.err.constData());
        QCOMPARE(sha256Of(m_ws), before);
        QCOMPARE(runCli({QStringLiteral("get"), m_ws, QStringLiteral("team_size")}).out, QByteArray("4\n"));
    }

    // A FIFO or a device is not replaced (nor written into, nor waited on): exit 2.
    void neverAFifoOrADevice_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("target");
        for (const char *kind : {"pdf", "html", "png"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1 into a FIFO").arg(QLatin1StringView(kind))))
                << QString::fromLatin1(kind) << QStringLiteral("FIFO");
            QTest::newRow(qPrintable(QStringLiteral("%1 into /dev/null").arg(QLatin1StringView(kind))))
                << QString::fromLatin1(kind) << QStringLiteral("/dev/null");
            QTest::newRow(qPrintable(QStringLiteral("%1 into a directory").arg(QLatin1StringView(kind))))
                << QString::fromLatin1(kind) << QStringLiteral("DIR");
        }
    }
    void neverAFifoOrADevice()
    {
        QFETCH(QString, kind);
        QFETCH(QString, target);
        QString out = target;
        if (target == u"FIFO") {
            out = path(QStringLiteral("pipe"));
            QFile::remove(out);
            QCOMPARE(::mkfifo(QFile::encodeName(out).constData(), 0600), 0);
        } else if (target == u"DIR") {
            out = path(QStringLiteral("a-directory"));
            QDir().mkpath(out);
        }
        const CliResult r = runCli(command(kind, m_ws, out), 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("exports are written to regular files")), r.err.constData());
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(out).constData(), &st), 0);
        if (target == u"FIFO")
            QVERIFY(S_ISFIFO(st.st_mode));
        else if (target == u"DIR")
            QVERIFY(S_ISDIR(st.st_mode));
        else
            QVERIFY(S_ISCHR(st.st_mode));
    }

    // A file with content is replaced only with --force; an empty one (mktemp in a cron job)
    // is written; the CSV export names every file in the way and writes none of them.
    void noSilentOverwrite()
    {
        for (const QString &kind : {QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("png")}) {
            const QString out = path(QStringLiteral("mine.") + kind);
            writeFile(out, "my own file");
            CliResult r = runCli(command(kind, m_ws, out));
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.errText().contains(QStringLiteral("%1 already exists").arg(out)), r.err.constData());
            QVERIFY(r.errText().contains(QStringLiteral("--force")));
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("my own file"));
            f.close();
            r = runCli(command(kind, m_ws, out) << QStringLiteral("--force"));
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY(QFileInfo(out).size() > 1000);

            const QString empty = path(QStringLiteral("fresh-from-mktemp.") + kind);
            writeFile(empty, QByteArray());
            r = runCli(command(kind, m_ws, empty));
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY(QFileInfo(empty).size() > 1000);
        }

        const QString dir = path(QStringLiteral("tables"));
        QDir().mkpath(dir);
        writeFile(dir + QStringLiteral("/debt.csv"), "my debt list\n");
        writeFile(dir + QStringLiteral("/plan.csv"), "my plan\n");
        CliResult r = runCli({QStringLiteral("export"), m_ws, QStringLiteral("--csv"), dir});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("2 files already exist")), r.err.constData());
        QVERIFY(r.errText().contains(dir + QStringLiteral("/debt.csv"))
                && r.errText().contains(dir + QStringLiteral("/plan.csv")));
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 2); // nothing else written either
        QFile debt(dir + QStringLiteral("/debt.csv"));
        QVERIFY(debt.open(QIODevice::ReadOnly));
        QCOMPARE(debt.readAll(), QByteArray("my debt list\n"));
        debt.close();
        r = runCli({QStringLiteral("export"), m_ws, QStringLiteral("--csv"), dir, QStringLiteral("--force")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), report::csvFileNames().size());
    }

    // "-" is standard output: the HTML alone (for a cron job's mail), or the PDF's bytes.
    void standardOutput()
    {
        CliResult r = runCli({QStringLiteral("export"), m_ws, QStringLiteral("--html"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("<!DOCTYPE html>"));
        QVERIFY(r.out.endsWith("</html>\n"));
        QVERIFY(!QFile::exists(QStringLiteral("-")));
        r = runCli({QStringLiteral("report"), m_ws, QStringLiteral("--pdf"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("%PDF-"));
        QVERIFY(r.out.trimmed().endsWith("%%EOF"));
        r = runCli({QStringLiteral("screenshot"), m_ws, QStringLiteral("--view"), QStringLiteral("gaps"),
                    QStringLiteral("--out"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("\x89PNG"));
        r = runCli({QStringLiteral("export"), m_ws, QStringLiteral("--csv"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("needs a directory")), r.err.constData());
    }

    // A full disk is "disk full", not "Unknown error"; nothing is left behind. Needs a small
    // file system: a tmpfs mounted for the test (root), else skipped.
    void diskFull()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to mount a small tmpfs");
        const QString mount = path(QStringLiteral("small"));
        QDir().mkpath(mount);
        if (QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=64k"), QStringLiteral("tmpfs"), mount})
            != 0)
            QSKIP("cannot mount a tmpfs here");
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {mount}); });
        for (const QString &kind : {QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("png")}) {
            const QString out = mount + QStringLiteral("/out.") + kind;
            const CliResult r = runCli(command(kind, m_ws, out));
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.errText().contains(QStringLiteral("disk full")), r.err.constData());
            QVERIFY(!r.errText().contains(QStringLiteral("Unknown error")));
            QVERIFY(QDir(mount).entryList(QDir::Files | QDir::Hidden).isEmpty());
        }
    }

    // The window: the same refusals as an error message, and a question before CSV tables
    // replace files with content.
    void windowExports()
    {
        MainWindow window;
        window.setRemembersFiles(false);
        QVERIFY(window.openWorkspace(m_ws));
        const QByteArray before = sha256Of(m_ws);
        QVERIFY(!window.exportPdf(m_ws));
        QVERIFY2(window.lastError().contains(QStringLiteral("is the workspace")), qPrintable(window.lastError()));
        QVERIFY(!window.exportHtml(QStringLiteral("/dev/null")));
        QVERIFY(window.lastError().contains(QStringLiteral("character device")));
        QCOMPARE(sha256Of(m_ws), before);

        const QString dir = path(QStringLiteral("window-tables"));
        QDir().mkpath(dir);
        writeFile(dir + QStringLiteral("/debt.csv"), "mine\n");
        auto answer = [&](QMessageBox::StandardButton button, QString *text) {
            QTimer::singleShot(0, &window, [&window, button, text] {
                auto *box = window.findChild<QMessageBox *>(QStringLiteral("replaceFilesQuestion"));
                QVERIFY(box);
                *text = box->text() + u' ' + box->informativeText();
                box->button(button)->click();
            });
        };
        QString asked;
        answer(QMessageBox::Cancel, &asked);
        QVERIFY(!window.exportCsv(dir));
        QVERIFY2(asked.contains(QStringLiteral("1 file")) && asked.contains(QStringLiteral("debt.csv")),
                 qPrintable(asked));
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{QStringLiteral("debt.csv")});
        answer(QMessageBox::Yes, &asked);
        QVERIFY(window.exportCsv(dir));
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), report::csvFileNames().size());

        // File > New never removes a device, a FIFO or the open workspace.
        const QString fifo = path(QStringLiteral("new-fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        for (const QString &target : {QStringLiteral("/dev/null"), fifo, m_ws}) {
            QVERIFY(!window.newWorkspace(target));
            QVERIFY(QFileInfo::exists(target));
        }
        struct stat st;
        QCOMPARE(::stat("/dev/null", &st), 0);
        QVERIFY(S_ISCHR(st.st_mode));
        QCOMPARE(sha256Of(m_ws), before);
    }
};

QTEST_MAIN(TstHostileOutput)
#include "tst_hostile_output.moc"
