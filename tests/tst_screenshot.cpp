// `sre-roadmap screenshot`: the real binary renders each view of the demo workspace to a PNG of
// the requested size with real content; bad views, sizes and workspaces exit with docs/command-line.md's codes
// and say what is accepted.
#include "tests/common/testutil.h"
#include "views/viewids.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace srm;
using namespace srm::test;

namespace {
// Distinct colours, and the share of pixels that differ from the most common one.
void inkOf(const QImage &image, int *colours, double *inked)
{
    QHash<QRgb, qint64> counts;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2)
            ++counts[img.pixel(x, y)];
    qint64 most = 0, total = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        most = std::max(most, it.value());
        total += it.value();
    }
    *colours = int(counts.size());
    *inked = total ? 1.0 - double(most) / double(total) : 0;
}
} // namespace

class TstScreenshot : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;

private slots:
    void initTestCase()
    {
        m_demo = m_dir.filePath(QStringLiteral("demo.srmap"));
        QCOMPARE(runCli({QStringLiteral("demo"), m_demo}).exitCode, 0);
    }

    void everyView_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QSize>("expected");
        for (const QString &v : viewNames())
            QTest::newRow(qPrintable(v)) << v << QString() << QSize(1600, 1000);
        QTest::newRow("roadmap-small") << QStringLiteral("roadmap") << QStringLiteral("1100x700") << QSize(1100, 700);
        QTest::newRow("alerts-dark") << QStringLiteral("alerts") << QStringLiteral("1200x800") << QSize(1200, 800);
    }

    void everyView()
    {
        QFETCH(QString, view);
        QFETCH(QString, size);
        QFETCH(QSize, expected);
        const QString out = m_dir.filePath(QStringLiteral("%1.png").arg(QLatin1StringView(QTest::currentDataTag())));
        QStringList args{QStringLiteral("screenshot"), m_demo, QStringLiteral("--view"), view,
                         QStringLiteral("--out"),      out};
        if (!size.isEmpty())
            args << QStringLiteral("--size") << size;
        const bool dark = QByteArray(QTest::currentDataTag()).endsWith("dark");
        if (dark)
            args << QStringLiteral("--palette") << QStringLiteral("dark");
        const CliResult r = runCli(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.outText().contains(out));
        QImage image(out);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), expected);
        int colours = 0;
        double inked = 0;
        inkOf(image, &colours, &inked);
        // Charts and tables: many colours, and much of the window not plain background.
        QVERIFY2(colours > 40, qPrintable(QString::number(colours)));
        QVERIFY2(inked > 0.08, qPrintable(QString::number(inked)));
        // The dark palette really is dark: the window's corner under the menu.
        const int lightness = QColor(image.pixel(expected.width() - 5, expected.height() / 2)).lightness();
        QVERIFY(dark ? lightness < 100 : lightness > 150);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown view")
            << QStringList{QStringLiteral("--view"), QStringLiteral("overview")} << 2
            << QStringLiteral("views: dashboard, gaps, alerts, incidents, slos, debt, roadmap, progress");
        QTest::newRow("no view") << QStringList{} << 2 << QStringLiteral("--view is required");
        QTest::newRow("bad size") << QStringList{QStringLiteral("--view"), QStringLiteral("gaps"),
                                                 QStringLiteral("--size"), QStringLiteral("big")}
                                  << 2 << QStringLiteral("WIDTHxHEIGHT");
        QTest::newRow("tiny size") << QStringList{QStringLiteral("--view"), QStringLiteral("gaps"),
                                                  QStringLiteral("--size"), QStringLiteral("10x10")}
                                   << 2 << QStringLiteral("from 200x150");
        QTest::newRow("bad palette") << QStringList{QStringLiteral("--view"), QStringLiteral("gaps"),
                                                    QStringLiteral("--palette"), QStringLiteral("sepia")}
                                     << 2 << QStringLiteral("palettes: light, dark");
        QTest::newRow("bad as-of") << QStringList{QStringLiteral("--view"), QStringLiteral("gaps"),
                                                  QStringLiteral("--as-of"), QStringLiteral("soon")}
                                   << 2 << QStringLiteral("--as-of");
    }

    void badInput()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        QFETCH(QString, message);
        const QString out = m_dir.filePath(QStringLiteral("bad.png"));
        const CliResult r = runCli(QStringList{QStringLiteral("screenshot"), m_demo, QStringLiteral("--out"), out}
                                   + extra);
        QCOMPARE(r.exitCode, code);
        QVERIFY2(r.errText().contains(message), r.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }

    void workspaceProblems()
    {
        const QString out = m_dir.filePath(QStringLiteral("none.png"));
        CliResult r = runCli({QStringLiteral("screenshot"), m_dir.filePath(QStringLiteral("missing.srmap")),
                              QStringLiteral("--view"), QStringLiteral("dashboard"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 3);
        const QString text = m_dir.filePath(QStringLiteral("text.srmap"));
        writeFile(text, "not a workspace");
        r = runCli({QStringLiteral("screenshot"), text, QStringLiteral("--view"), QStringLiteral("dashboard"),
                    QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!QFileInfo::exists(out));
        // An output in a directory that does not exist: nothing half-written, exit 1.
        r = runCli({QStringLiteral("screenshot"), m_demo, QStringLiteral("--view"), QStringLiteral("gaps"),
                    QStringLiteral("--out"), m_dir.filePath(QStringLiteral("no/such/dir/x.png"))});
        QCOMPARE(r.exitCode, 1);
    }

    // The batch commands start without Qt's GUI libraries; the window and rendering commands load
    // them with the module sre-roadmap-gui (app/guiloader.h). The dynamic loader lists what it
    // loads (LD_DEBUG=files); Qt Core on both sides shows that the list is really there.
    void guiLibrariesOnlyForTheWindow_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("gui");
        QTest::newRow("metrics") << QStringList{QStringLiteral("metrics"), QStringLiteral("DEMO")} << false;
        QTest::newRow("import --help") << QStringList{QStringLiteral("import"), QStringLiteral("--help")} << false;
        QTest::newRow("report") << QStringList{QStringLiteral("report"), QStringLiteral("DEMO"),
                                               QStringLiteral("--pdf"), QStringLiteral("OUT.pdf")}
                                << true;
        QTest::newRow("gui --help") << QStringList{QStringLiteral("gui"), QStringLiteral("--help")} << true;
    }
    void guiLibrariesOnlyForTheWindow()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, gui);
        args.replaceInStrings(QStringLiteral("DEMO"), m_demo);
        args.replaceInStrings(QStringLiteral("OUT.pdf"), m_dir.filePath(QStringLiteral("libraries.pdf")));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SRM_BINARY), args);
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray loaded = p.readAllStandardError();
        QVERIFY2(loaded.contains("file=libQt6Core.so"), "LD_DEBUG=files listed no library");
        QCOMPARE(loaded.contains("file=libQt6Gui.so"), gui);
        QCOMPARE(loaded.contains("file=libQt6Widgets.so"), gui);
        QCOMPARE(loaded.contains("sre-roadmap-gui.so"), gui);
    }

    // An executable without its module still runs the batch commands, and says what is missing
    // for the others (exit 1) instead of failing in the dynamic loader.
    void missingModuleIsReported()
    {
        const QString copy = m_dir.filePath(QStringLiteral("alone/sre-roadmap"));
        QVERIFY(QDir().mkpath(QFileInfo(copy).path()));
        QVERIFY(QFile::copy(QStringLiteral(SRM_BINARY), copy));
        const auto run = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            p.setProcessEnvironment(env);
            p.start(copy, args);
            p.waitForFinished(120000);
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
        };
        const auto [metricsCode, metricsErr] = run({QStringLiteral("metrics"), m_demo});
        QCOMPARE(metricsCode, 0);
        const QString pdf = m_dir.filePath(QStringLiteral("alone/report.pdf"));
        const auto [code, err] = run({QStringLiteral("report"), m_demo, QStringLiteral("--pdf"), pdf});
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("cannot run 'report'"))
                     && err.contains(QStringLiteral("sre-roadmap-gui.so")),
                 qPrintable(err));
        QVERIFY(!QFileInfo::exists(pdf));
    }
};

QTEST_GUILESS_MAIN(TstScreenshot)
#include "tst_screenshot.moc"
