// The metrics-driven roadmap in the window, as a user sees it: the roadmap view's scenario
// picker and its side-by-side comparison with the baseline (the items that move, the gaps
// addressed sooner), the unaddressed gaps beside the unscheduled items, the gaps view's planned
// work, the debt view's gap factor and linked metrics, and the scenario dialog's checks. Every
// item model runs under QAbstractItemModelTester. The comparison is also drawn by the real
// `screenshot --scenario` command, and the PNG is checked for both charts.
//
// The workspace has no events, so every metric is not measured and every linked item has a gap
// factor of 1.5. Register (value = toil × 13 + 8 × L × I; cost hours = cost × 40):
//   OPS-1 cost 4, 1×1, change_failure_rate:  8 ÷ 160 × 1.5 = 0.075
//   OPS-2 cost 2, 2×2, deployment_frequency: 32 ÷ 80 × 1.5 = 0.6
//   OPS-3 cost 1, 1×1, toil 4, no link:      60 ÷ 40       = 1.5
//   OPS-4 cost 5, 3×3, time_to_detect:       72 ÷ 200 × 1.5 = 0.54
//   OPS-5 cost 8, 5×5, pages_per_week:      200 ÷ 320 × 1.5 = 0.9375
//   OPS-6 cost 3, 1×1, no link:               8 ÷ 120      = 0.0667
// Baseline, capacity 10 from 2027Q1: OPS-3 (1) and OPS-5 (8) in 2027Q1; OPS-2 (2) and OPS-4 (5)
// in 2027Q2; OPS-1 (4) finds 1 free in 2027Q1 and 3 in 2027Q2: 2027Q3; OPS-6 (3) fills 2027Q2.
// Scenario "bigger", capacity_weeks 20: 1 + 8 + 2 + 5 + 4 = 20 in 2027Q1, OPS-6 in 2027Q2. So
// OPS-1 moves 2027Q3 → 2027Q1, OPS-2 and OPS-4 2027Q2 → 2027Q1; change failure rate is addressed
// in 2027Q1 instead of 2027Q3, deployment frequency and time to detect in 2027Q1 instead of 2027Q2.
#include "planning/debtstore.h"
#include "planning/scenarios.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"
#include "views/chartwidget.h"
#include "views/debtmodel.h"
#include "views/gapsmodel.h"
#include "views/modelroles.h"
#include "views/plancomparisonmodel.h"
#include "views/roadmapview.h"
#include "views/scenariodialog.h"
#include "views/workspaceeditor.h"
#include "views/workspacesnapshot.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QTest>
#include <QUndoStack>

using namespace srm;
using namespace srm::test;

namespace {

DebtItem item(const char *id, double cost, int l, int i, double toil, const char *linked)
{
    DebtItem d;
    d.id = id;
    d.title = std::string("Item ") + id;
    d.costWeeks = cost;
    d.riskLikelihood = l;
    d.riskImpact = i;
    d.toilHoursPerWeek = toil;
    d.linkedMetrics = *MetricCatalogue::parseIdList(QString::fromLatin1(linked));
    return d;
}

QStringList column(const QAbstractItemModel *model, int c)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, c).data().toString();
    return out;
}

// Distinct colours in a region of an image: a drawn chart has many, an empty area one or two.
int colours(const QImage &image, const QRect &region)
{
    QSet<QRgb> seen;
    for (int y = region.top(); y <= region.bottom(); y += 2)
        for (int x = region.left(); x <= region.right(); x += 2)
            seen.insert(image.pixel(x, y));
    return int(seen.size());
}

} // namespace

class TstScenarioView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    SnapshotPtr m_snapshot;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("whatif.srmap"));
        auto ws = Workspace::create(m_path);
        ws->setSettings({{QStringLiteral("capacity_weeks"), QStringLiteral("10")},
                         {QStringLiteral("roadmap_start"), QStringLiteral("2027Q1")},
                         {QStringLiteral("name"), QStringLiteral("What-if Shop")}});
        DebtStore store(*ws);
        store.add(item("OPS-1", 4, 1, 1, 0, "change_failure_rate"));
        store.add(item("OPS-2", 2, 2, 2, 0, "deployment_frequency"));
        store.add(item("OPS-3", 1, 1, 1, 4, ""));
        store.add(item("OPS-4", 5, 3, 3, 0, "time_to_detect"));
        store.add(item("OPS-5", 8, 5, 5, 0, "pages_per_week"));
        store.add(item("OPS-6", 3, 1, 1, 0, ""));
        ScenarioStore(*ws).save(QStringLiteral("bigger"), {{QStringLiteral("capacity_weeks"), QStringLiteral("20")}});
        ws.reset();
        SnapshotRequest request;
        request.path = m_path;
        m_snapshot = WorkspaceSnapshot::compute(request);
        QVERIFY(m_snapshot && m_snapshot->plan);
        // The snapshot reuses the window's metrics for the gap factors (the default window).
        QVERIFY(m_snapshot->gapsFromWindow);
    }

    void comparisonSideBySide()
    {
        QUndoStack stack;
        WorkspaceEditor editor(&stack);
        RoadmapView view(&editor);
        view.resize(1500, 950);
        view.setSnapshot(m_snapshot);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.applyPending();
        QAbstractItemModelTester moves(view.movesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester gaps(view.gapChangesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // The picker offers the baseline alone and the saved scenario.
        QComboBox *picker = view.scenarioPicker();
        QCOMPARE(picker->count(), 2);
        QCOMPARE(picker->itemText(1), QStringLiteral("bigger"));
        QVERIFY(!view.baselineChart()->isVisible());
        QCOMPARE(view.movesModel()->rowCount(), 0);

        // The unaddressed gaps beside the unscheduled list: all 16 metrics are not measured;
        // four have scheduled work, so twelve are unaddressed, time to restore among them.
        QVERIFY(view.unaddressedText().contains(
            QStringLiteral("<b>time to restore</b>, not measured — no item is linked to it")));
        QVERIFY(!view.unaddressedText().contains(QStringLiteral("<b>change failure rate</b>")));

        // The user picks the scenario.
        picker->setCurrentIndex(1);
        emit picker->activated(1);
        QCOMPARE(view.comparedScenario(), QStringLiteral("bigger"));
        QVERIFY(view.baselineChart()->isVisible() && view.scenarioChart()->isVisible());
        QCOMPARE(column(view.movesModel(), PlanComparisonModel::Subject),
                 (QStringList{QStringLiteral("OPS-1"), QStringLiteral("OPS-2"), QStringLiteral("OPS-4")}));
        QCOMPARE(column(view.movesModel(), PlanComparisonModel::Baseline),
                 (QStringList{QStringLiteral("2027Q3"), QStringLiteral("2027Q2"), QStringLiteral("2027Q2")}));
        QCOMPARE(column(view.movesModel(), PlanComparisonModel::Scenario),
                 (QStringList{QStringLiteral("2027Q1"), QStringLiteral("2027Q1"), QStringLiteral("2027Q1")}));
        QCOMPARE(column(view.movesModel(), PlanComparisonModel::Change).first(),
                 QStringLiteral("2027Q3 → 2027Q1 (earlier)"));
        QCOMPARE(view.movesModel()->headerData(PlanComparisonModel::Scenario, Qt::Horizontal).toString(),
                 QStringLiteral("bigger"));
        QCOMPARE(column(view.gapChangesModel(), PlanComparisonModel::Subject),
                 (QStringList{QStringLiteral("deployment frequency"), QStringLiteral("change failure rate"),
                              QStringLiteral("time to detect")}));
        QCOMPARE(column(view.gapChangesModel(), PlanComparisonModel::Change),
                 (QStringList{QStringLiteral("sooner"), QStringLiteral("sooner"), QStringLiteral("sooner")}));
        QCOMPARE(column(view.gapChangesModel(), PlanComparisonModel::Baseline),
                 (QStringList{QStringLiteral("2027Q2"), QStringLiteral("2027Q3"), QStringLiteral("2027Q2")}));
        QCOMPARE(view.gapChangesModel()->index(1, PlanComparisonModel::Change).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("sooner: 2027Q1 instead of 2027Q3"));
        const QString summary = view.comparisonSummary();
        QVERIFY2(
            summary.contains(QStringLiteral("capacity 10 engineer-weeks a quarter → 20 engineer-weeks a quarter; "
                                            "6 → 6 items scheduled; 3 items move; gaps: 0 newly addressed, 3 sooner, "
                                            "0 later or no longer; 4 of 16 addressed.")),
            qPrintable(summary));
        // Selecting an item says where the scenario puts it, and why.
        view.selectItem(QStringLiteral("OPS-1"));
        QVERIFY(view.reasonText().contains(
            QStringLiteral("Gap factor × 1.5: linked to change failure rate, not measured")));
        QVERIFY(view.reasonText().contains(QStringLiteral("<b>Under bigger:</b> 2027Q1")));

        // Both charts are drawn: the window's own pixels, left and right halves.
        const QImage shot = view.grab().toImage();
        const QRect left(view.baselineChart()->mapTo(&view, QPoint(0, 0)), view.baselineChart()->size());
        const QRect right(view.scenarioChart()->mapTo(&view, QPoint(0, 0)), view.scenarioChart()->size());
        QVERIFY(left.right() < right.left());
        QVERIFY2(colours(shot, left) > 10, QByteArray::number(colours(shot, left)).constData());
        QVERIFY2(colours(shot, right) > 10, QByteArray::number(colours(shot, right)).constData());

        // Back to the baseline alone.
        view.compareWith(QString());
        QVERIFY(!view.baselineChart()->isVisible());
        QCOMPARE(view.movesModel()->rowCount(), 0);
    }

    void gapsAndDebtModels()
    {
        GapsModel gaps;
        QAbstractItemModelTester gapsTester(&gaps, QAbstractItemModelTester::FailureReportingMode::QtTest);
        gaps.setSnapshot(m_snapshot);
        QHash<QString, QString> work;
        for (int t = 0; t < gaps.rowCount(); ++t) {
            const QModelIndex theme = gaps.index(t, 0);
            for (int r = 0; r < gaps.rowCount(theme); ++r)
                work.insert(gaps.index(r, GapsModel::Metric, theme).data(IdRole).toString(),
                            gaps.index(r, GapsModel::Work, theme).data().toString());
        }
        QCOMPARE(work.value(QStringLiteral("change_failure_rate")), QStringLiteral("OPS-1 (2027Q3)"));
        QCOMPARE(work.value(QStringLiteral("pages_per_week")), QStringLiteral("OPS-5 (2027Q1)"));
        QCOMPARE(work.value(QStringLiteral("time_to_restore")), QStringLiteral("no work planned"));

        DebtModel debt;
        QAbstractItemModelTester debtTester(&debt, QAbstractItemModelTester::FailureReportingMode::QtTest);
        debt.setSnapshot(m_snapshot);
        const int ops1 = debt.rowOf(QStringLiteral("OPS-1"));
        QCOMPARE(debt.index(ops1, DebtModel::GapFactor).data().toString(), QStringLiteral("× 1.5"));
        QCOMPARE(debt.index(ops1, DebtModel::Priority).data(SortRole).toDouble(), 8.0 / 160.0 * 1.0 * 1.5);
        QCOMPARE(debt.index(ops1, DebtModel::Linked).data().toString(), QStringLiteral("change failure rate"));
        QCOMPARE(debt.index(ops1, DebtModel::Linked).data(Qt::EditRole).toString(),
                 QStringLiteral("change_failure_rate"));
        QVERIFY(debt.index(ops1, DebtModel::Priority)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("× gap factor 1.5")));
        QCOMPARE(debt.index(debt.rowOf(QStringLiteral("OPS-3")), DebtModel::GapFactor).data().toString(),
                 QStringLiteral("–"));
        QVERIFY(debt.flags(debt.index(ops1, DebtModel::Linked)) & Qt::ItemIsEditable);
    }

    void scenarioDialogChecks()
    {
        ScenarioDialog dialog(Scenario{}, m_snapshot->storedSettings);
        // A new scenario starts with team_size (none stored here: no value) for the user to fill.
        QCOMPARE(dialog.overrideRows(), 1);
        dialog.setOverride(0, QStringLiteral("capacity_weeks"), QStringLiteral("twelve"));
        dialog.accept();
        QVERIFY(dialog.errorText().contains(QStringLiteral("a scenario needs a name")));
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("scenarioName"));
        name->setText(QStringLiteral("Twelve"));
        dialog.accept();
        QVERIFY2(dialog.errorText().contains(QStringLiteral("invalid value 'twelve' for capacity_weeks")),
                 qPrintable(dialog.errorText()));
        dialog.setOverride(0, QStringLiteral("capacity_weeks"), QStringLiteral("12"));
        dialog.setOverride(1, QStringLiteral("capacity_weeks"), QStringLiteral("13"));
        dialog.accept();
        QVERIFY(dialog.errorText().contains(QStringLiteral("capacity_weeks is overridden twice")));
        dialog.setOverride(1, QStringLiteral("target.time_to_restore"), QStringLiteral("0.5"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.overrides(),
                 (SettingOverrides{{QStringLiteral("capacity_weeks"), QStringLiteral("12")},
                                   {QStringLiteral("target.time_to_restore"), QStringLiteral("0.5")}}));
    }

    // The real command draws the comparison; an unknown scenario exits 2.
    void screenshotOfTheComparison()
    {
        const QString png = m_dir.filePath(QStringLiteral("compare.png"));
        const CliResult r = runCli({QStringLiteral("screenshot"), m_path, QStringLiteral("--view"),
                                    QStringLiteral("roadmap"), QStringLiteral("--scenario"), QStringLiteral("bigger"),
                                    QStringLiteral("--size"), QStringLiteral("1400x900"), QStringLiteral("--out"),
                                    png});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1400, 900));
        // The two charts sit side by side in the upper half: both halves are drawn.
        QVERIFY(colours(image, QRect(150, 150, 550, 300)) > 10);
        QVERIFY(colours(image, QRect(800, 150, 550, 300)) > 10);
        const CliResult bad = runCli(
            {QStringLiteral("screenshot"), m_path, QStringLiteral("--view"), QStringLiteral("roadmap"),
             QStringLiteral("--scenario"), QStringLiteral("nope"), QStringLiteral("--out"),
             png + QStringLiteral(".new.png")}); // a new file: the written one would be refused
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.errText().contains(QStringLiteral("no scenario 'nope'")));
        QVERIFY(bad.errText().contains(QStringLiteral("scenarios: bigger")));
    }
};

QTEST_MAIN(TstScenarioView)
#include "tst_scenarioview.moc"
