// A newcomer's first hour: the command line without a display (exit 1, one line),
// help that names the command, --version; gaps of ratios in points; the tick engine's labels
// apart at an error budget of −3,400%; the incident phases chart's cap and filter; the
// settings form's validation and undo; the empty states' actions and `gui NEW.srmap`.
#include "app/mainwindow.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"
#include "views/charts/incidentcharts.h"
#include "views/charts/ticks.h"
#include "views/charts/valueformat.h"
#include "views/settingsdialog.h"
#include "views/viewpage.h"
#include "views/workspaceeditor.h"

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace srm;
using namespace srm::test;

namespace {

const QStringList kNoDisplay = {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"),
                                QStringLiteral("QT_QPA_PLATFORM")};

// Clicks `button` of the next message box that opens (a modal exec() in the code under test).
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                box->button(button)->click();
                return;
            }
        answerNextMessageBox(button); // not shown yet
    });
}

} // namespace

class TstNewcomer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void noDisplayIsOneLineAndExitOne_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("gui") << QStringList{QStringLiteral("gui")};
        QTest::newRow("gui workspace") << QStringList{QStringLiteral("gui"), QStringLiteral("x.srmap")};
    }
    void noDisplayIsOneLineAndExitOne()
    {
        QFETCH(QStringList, args);
        const CliResult r = runCliWithout(kNoDisplay, args);
        QCOMPARE(r.exitCode, 1); // not 134 (SIGABRT in the platform plugin)
        const QStringList lines = r.errText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith(QStringLiteral("sre-roadmap: cannot open the window: no display")),
                 qPrintable(r.errText()));
    }

    void helpNamesTheCommand_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("usage");
        QTest::newRow("gui") << QStringLiteral("gui") << QStringLiteral("Usage: sre-roadmap gui [options] [WORKSPACE]");
        QTest::newRow("import") << QStringLiteral("import") << QStringLiteral("Usage: sre-roadmap import [options]");
        QTest::newRow("report") << QStringLiteral("report") << QStringLiteral("Usage: sre-roadmap report [options]");
        QTest::newRow("screenshot") << QStringLiteral("screenshot")
                                    << QStringLiteral("Usage: sre-roadmap screenshot [options]");
    }
    void helpNamesTheCommand()
    {
        QFETCH(QString, command);
        QFETCH(QString, usage);
        // Without a display too: help needs none.
        const CliResult r = runCliWithout(kNoDisplay, {command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().startsWith(usage), qPrintable(r.outText()));
        QVERIFY2(!r.outText().contains(QStringLiteral("/build/")), qPrintable(r.outText()));
    }

    void version()
    {
        const CliResult r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outText(), QStringLiteral("sre-roadmap %1\n").arg(QLatin1StringView(SRM_VERSION)));
    }

    void gapsOfRatiosInPoints_data()
    {
        QTest::addColumn<double>("gap");
        QTest::addColumn<int>("unit");
        QTest::addColumn<QString>("text");
        // 0.154 − 0.05 = 0.104 → 10.4 points, not "10.4%" (a share of the target).
        QTest::newRow("ratio") << 0.104 << int(Unit::Ratio) << QStringLiteral("10.4 pts");
        QTest::newRow("small ratio") << 0.012 << int(Unit::Ratio) << QStringLiteral("1.2 pts");
        QTest::newRow("minutes") << 3.36 << int(Unit::Minutes) << QStringLiteral("3.36 min");
    }
    void gapsOfRatiosInPoints()
    {
        QFETCH(double, gap);
        QFETCH(int, unit);
        QFETCH(QString, text);
        QCOMPARE(charts::formatGap(gap, Unit(unit)), text);
        QCOMPARE(charts::formatGap(std::nullopt, Unit::Ratio), QStringLiteral("–"));
    }

    void budgetTicksDoNotOverlap_data()
    {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("length");
        QTest::newRow("-3,400% in 250 px") << -34.0 << 250.0;
        QTest::newRow("-3,400% in 80 px") << -34.0 << 80.0;
        QTest::newRow("-1e6 in 300 px") << -1e6 << 300.0;
        QTest::newRow("-200% in 250 px") << -2.0 << 250.0;
    }
    void budgetTicksDoNotOverlap()
    {
        QFETCH(double, lo);
        QFETCH(double, length);
        // Labels like "-3,400%": 7 px a character, 4 px apart at least.
        const auto extent = [](double v) { return 7.0 * double(QString::number(v * 100, 'f', 0).size() + 1); };
        const std::vector<double> ticks = charts::fittedTicks(lo, 1, length, extent, 4, 10, true);
        QVERIFY(ticks.size() >= 2);
        QCOMPARE(ticks.front(), lo);
        QCOMPARE(ticks.back(), 1.0);
        for (std::size_t i = 1; i < ticks.size(); ++i) {
            const double a = (ticks[i - 1] - lo) / (1 - lo) * length, b = (ticks[i] - lo) / (1 - lo) * length;
            QVERIFY2(b - a >= (extent(ticks[i - 1]) + extent(ticks[i])) / 2 + 4 - 1e-9,
                     qPrintable(QStringLiteral("%1 and %2 overlap").arg(ticks[i - 1]).arg(ticks[i])));
        }
    }

    void phasesChartCapsRows()
    {
        // 40 incidents; incident i lasts i + 1 minutes (resolved then), two services.
        IncidentReport report;
        for (int i = 0; i < 40; ++i) {
            IncidentTimeline t;
            t.incidentId = QStringLiteral("INC-%1").arg(i);
            t.service = i % 2 ? QStringLiteral("checkout") : QStringLiteral("search");
            t.startedAt = Micros(i) * kMicrosPerHour;
            t.resolvedAt = t.startedAt + Micros(i + 1) * kMicrosPerMinute;
            report.incidents.push_back(t);
        }
        charts::PhaseOptions options;
        std::size_t matching = 0;
        std::vector<std::size_t> rows = charts::phaseRows(report, options, &matching);
        QCOMPARE(matching, std::size_t(40));
        QCOMPARE(rows.size(), std::size_t(25));      // the default cap
        QCOMPARE(rows.front(), std::size_t(39));     // the longest (40 min) first
        QCOMPARE(rows.back(), std::size_t(15));      // the 25th longest: 16 min
        options.filter = QStringLiteral("CHECKOUT"); // any case: the 20 odd incidents
        options.maxRows = 5;
        rows = charts::phaseRows(report, options, &matching);
        QCOMPARE(matching, std::size_t(20));
        QCOMPARE(rows, (std::vector<std::size_t>{39, 37, 35, 33, 31}));
        options.filter = QStringLiteral("no such");
        QVERIFY(charts::phaseRows(report, options, &matching).empty());
        QCOMPARE(matching, std::size_t(0));
    }

    void settingsFormValidatesAndUndoes()
    {
        const QString path = m_dir.filePath(QStringLiteral("settings.srmap"));
        MainWindow window;
        window.setRemembersFiles(false);
        QVERIFY(window.newWorkspace(path));
        QVERIFY(window.refreshNow());
        window.showSettings(true);
        SettingsDialog *dialog = window.settingsDialog();
        dialog->setSnapshot(window.snapshot());
        QLineEdit *team = dialog->field(QStringLiteral("team_size"));
        QVERIFY(team);
        QCOMPARE(team->objectName(), QStringLiteral("setting_team_size"));

        team->setText(QStringLiteral("many"));
        QVERIFY(!dialog->commit(QStringLiteral("team_size")));
        QVERIFY(!dialog->errorText(QStringLiteral("team_size")).isEmpty());
        QCOMPARE(window.undoStack()->count(), 0);

        team->setText(QStringLiteral("8"));
        QVERIFY(dialog->commit(QStringLiteral("team_size")));
        QVERIFY(dialog->errorText(QStringLiteral("team_size")).isEmpty());
        QCOMPARE(window.workspace()->settings().teamSize, std::optional<int>(8));

        // Ratios in percent: 40 % is stored as 0.4; 100 % is refused (must stay below 1).
        QLineEdit *reserved = dialog->field(QStringLiteral("reserved_ratio"));
        QCOMPARE(settingUnit(QStringLiteral("reserved_ratio")), QStringLiteral("%"));
        reserved->setText(QStringLiteral("40"));
        QVERIFY(dialog->commit(QStringLiteral("reserved_ratio")));
        QCOMPARE(window.workspace()->settings().reservedRatio, 0.4);
        reserved->setText(QStringLiteral("100"));
        QVERIFY(!dialog->commit(QStringLiteral("reserved_ratio")));
        QCOMPARE(window.workspace()->settings().reservedRatio, 0.4);

        QCOMPARE(window.undoStack()->count(), 2);
        window.undoStack()->undo();
        window.undoStack()->undo();
        QCOMPARE(window.workspace()->settings().teamSize, std::nullopt);
        QCOMPARE(window.workspace()->settings().reservedRatio, 0.5);
        QCOMPARE(settingLabel(QStringLiteral("team_size")), QStringLiteral("Team size"));
    }

    void emptyStatesOfferActions()
    {
        MainWindow window;
        window.setRemembersFiles(false);
        QWidget *dashboard = window.viewPage(ViewId::Dashboard);
        for (const char *name : {"emptyNew", "emptyOpen", "emptyDemo"})
            QVERIFY2(dashboard->findChild<QAbstractButton *>(QLatin1StringView(name)), name);

        // An empty workspace: the banner with Import…, Open the Demo and Set Team Size….
        QVERIFY(window.newWorkspace(m_dir.filePath(QStringLiteral("empty.srmap"))));
        QVERIFY(window.refreshNow());
        window.show();
        window.showView(ViewId::Dashboard);
        static_cast<ViewPage *>(dashboard)->applyPending();
        auto *banner = dashboard->findChild<QWidget *>(QStringLiteral("noDataBanner"));
        QVERIFY(banner);
        QVERIFY(banner->isVisibleTo(dashboard));
        auto *teamSize = banner->findChild<QAbstractButton *>(QStringLiteral("noDataTeamSize"));
        QVERIFY(teamSize);
        teamSize->click();
        QVERIFY(window.settingsDialog()->isVisible());
        QVERIFY(banner->findChild<QAbstractButton *>(QStringLiteral("noDataImport")));
        QVERIFY(banner->findChild<QAbstractButton *>(QStringLiteral("noDataDemo")));
    }

    void undoIsAnIconWithTheCommandAsTooltip()
    {
        MainWindow window;
        window.setRemembersFiles(false);
        QVERIFY(window.newWorkspace(m_dir.filePath(QStringLiteral("undo.srmap"))));
        QVERIFY(window.refreshNow());
        auto *undo = window.findChild<QAction *>(QStringLiteral("undo"));
        QVERIFY(undo);
        QVERIFY(!undo->icon().isNull());
        QVERIFY(window.editor()->setSetting(QStringLiteral("team_size"), QStringLiteral("6")));
        // The tooltip follows the command ("Undo Set team_size to 6"), the button shows no text.
        QVERIFY2(undo->toolTip().startsWith(QStringLiteral("Undo")) && undo->toolTip().size() > 5,
                 qPrintable(undo->toolTip()));
        auto *bar = window.findChild<QToolBar *>(QStringLiteral("windowToolBar"));
        QVERIFY(bar);
        QCOMPARE(bar->toolButtonStyle(), Qt::ToolButtonIconOnly);
    }

    void exportSaysWhereWithOpenAndShowInFolder()
    {
        const QString demo = m_dir.filePath(QStringLiteral("export.srmap"));
        QCOMPARE(runCli({QStringLiteral("demo"), demo}).exitCode, 0);
        MainWindow window;
        window.setRemembersFiles(false);
        QVERIFY(window.openWorkspace(demo));
        QVERIFY(window.refreshNow());
        auto *notice = window.findChild<QWidget *>(QStringLiteral("exportNotice"));
        QVERIFY(notice);
        QVERIFY(notice->isHidden());
        const QString html = m_dir.filePath(QStringLiteral("summary.html"));
        QVERIFY(window.exportHtml(html));
        QVERIFY(QFileInfo(html).size() > 0);
        QVERIFY(!notice->isHidden());
        QVERIFY(
            window.findChild<QLabel *>(QStringLiteral("exportLabel"))->text().contains(QStringLiteral("summary.html")));
        QVERIFY(!window.findChild<QToolButton *>(QStringLiteral("exportOpen"))->isHidden());
        QVERIFY(window.findChild<QToolButton *>(QStringLiteral("exportShowFolder")));
        // CSV tables: a directory, so Show in Folder only.
        QVERIFY(window.exportCsv(m_dir.path()));
        QVERIFY(window.findChild<QToolButton *>(QStringLiteral("exportOpen"))->isHidden());
    }

    void guiOffersToCreateANewWorkspace()
    {
        const QString path = m_dir.filePath(QStringLiteral("new.srmap"));
        {
            MainWindow window;
            window.setRemembersFiles(false);
            answerNextMessageBox(QMessageBox::Cancel);
            QVERIFY(!window.openOrOfferToCreate(path));
            QVERIFY(!QFileInfo::exists(path));
        }
        MainWindow window;
        window.setRemembersFiles(false);
        answerNextMessageBox(QMessageBox::Yes);
        QVERIFY(window.openOrOfferToCreate(path));
        QVERIFY(QFileInfo(path).isFile());
        QVERIFY(window.workspace());
    }
};

QTEST_MAIN(TstNewcomer)
#include "tst_firstrun.moc"
