// The eight views on the demo workspace, offscreen, in the real main window: what each shows
// is checked against the engine's own figures (tile count and values, the Pareto order, the
// roadmap's quarters, SLO and debt rows); every item model runs under QAbstractItemModelTester;
// the controller computes off the GUI thread and delivers only the latest request.
#include "app/mainwindow.h"
#include "engine/analysisjson.h"
#include "engine/progressjson.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"
#include "views/alertgroupsmodel.h"
#include "views/alertsview.h"
#include "views/analysiscontroller.h"
#include "views/charts/dorachart.h"
#include "views/charts/incidentcharts.h"
#include "views/charts/paretochart.h"
#include "views/charts/progresschart.h"
#include "views/charts/roadmapchart.h"
#include "views/charts/valueformat.h"
#include "views/chartwidget.h"
#include "views/counteddeploymentsmodel.h"
#include "views/dashboardview.h"
#include "views/debtitemdialog.h"
#include "views/debtmodel.h"
#include "views/debtview.h"
#include "views/gapsmodel.h"
#include "views/gapsview.h"
#include "views/incidentsview.h"
#include "views/metricchartview.h"
#include "views/metricdetaildialog.h"
#include "views/metrictile.h"
#include "views/modelroles.h"
#include "views/planitemsmodel.h"
#include "views/progressmodel.h"
#include "views/progressview.h"
#include "views/roadmapview.h"
#include "views/settingsdialog.h"
#include "views/settingsmodel.h"
#include "views/slomodel.h"
#include "views/slosview.h"
#include "views/workspaceeditor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace srm;
using namespace srm::test;

class TstViews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<MainWindow> m_window;

    MainWindow &window() { return *m_window; }
    SnapshotPtr snapshot() { return m_window->snapshot(); }
    template <typename T>
    T *page(ViewId id)
    {
        m_window->showView(id);
        auto *p = qobject_cast<T *>(m_window->viewPage(id));
        p->applyPending();
        return p;
    }

private slots:
    void initTestCase()
    {
        m_demo = m_dir.filePath(QStringLiteral("demo.srmap"));
        QCOMPARE(runCli({QStringLiteral("demo"), m_demo}).exitCode, 0);
        m_window = std::make_unique<MainWindow>();
        m_window->setRemembersFiles(false);
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openWorkspace(m_demo));
        m_window->waitForRefresh();
        QVERIFY(snapshot());
    }

    void cleanupTestCase() { m_window.reset(); }

    // The snapshot is the engine's result for the window the toolbar shows.
    void toolbarShowsTheWindow()
    {
        const SnapshotPtr s = snapshot();
        QCOMPARE(formatIso(s->window.asOf), QStringLiteral("2026-10-01T00:00:00Z"));
        QCOMPARE(s->window.days, 90);
        auto *asOf = window().findChild<QDateEdit *>(QStringLiteral("asOf"));
        auto *days = window().findChild<QSpinBox *>(QStringLiteral("windowDays"));
        QVERIFY(asOf && days);
        QCOMPARE(asOf->date(), QDate(2026, 10, 1));
        QCOMPARE(days->value(), 90);
        auto *status = window().findChild<QLabel *>(QStringLiteral("statusWindow"));
        QVERIFY(status->text().contains(QStringLiteral("2026-07-03 to 2026-09-30")));
        QVERIFY(!asOf->accessibleName().isEmpty() && !days->accessibleName().isEmpty());
    }

    // The snapshot's figures are the engine's, field for field: the window compared with the
    // 90 days before it as `metrics` computes it, and the quarters as `progress` does.
    void snapshotIsTheEngines()
    {
        const SnapshotPtr s = snapshot();
        auto ws = Workspace::open(m_demo);
        const Analysis direct = analyze(Dataset::load(*ws, s->window.asOf, s->window.days, Dataset::AllParts, 0));
        const int days = s->window.days;
        const MetricsReport compared = computeComparedMetrics(
            Dataset::loadSpan(
                *ws, s->window.asOf, [days](Micros asOf) { return asOf - 2 * Micros(days) * kMicrosPerDay; },
                Dataset::AllParts, 0),
            s->window);
        QCOMPARE(toJson(s->analysis.metrics), toJson(compared));
        QCOMPARE(s->analysis.metrics.at(MetricId::ChangeFailureRate).value,
                 direct.metrics.at(MetricId::ChangeFailureRate).value);
        ProgressRequest progress;
        progress.asOf = s->window.asOf;
        QCOMPARE(toJsonText(s->progress), toJsonText(loadProgress(*ws, progress, 0)));
        QCOMPARE(toJson(s->analysis.alerts), toJson(direct.alerts));
        QCOMPARE(toJson(s->analysis.incidents.timeToDetect), toJson(direct.incidents.timeToDetect));
        QCOMPARE(toJson(s->analysis.incidents.timeToRestore), toJson(direct.incidents.timeToRestore));
        QCOMPARE(s->analysis.incidents.incidents.size(), direct.incidents.incidents.size());
        QCOMPARE(toJson(*s->plan), toJson(planRoadmap(*ws, PlanRequest{std::nullopt, 4, s->window.asOf})));
    }

    void dashboardShowsEveryMetric()
    {
        auto *view = page<DashboardView>(ViewId::Dashboard);
        QCOMPARE(view->tiles().size(), 16);
        const MetricsReport &report = snapshot()->analysis.metrics;
        for (const MetricResult &m : report.metrics) {
            MetricTile *tile = view->tile(m.id());
            QVERIFY2(tile, qPrintable(m.id()));
            QVERIFY(tile->isVisible());
            QCOMPARE(tile->valueText(),
                     m.value ? charts::formatValue(m.value, m.def->unit) : QStringLiteral("not measured"));
            QCOMPARE(tile->statusText(), charts::statusText(m.status));
            QVERIFY(tile->toolTip().contains(QString::fromLatin1(m.def->definition).toHtmlEscaped()));
            QVERIFY(tile->accessibleName().contains(tile->valueText()));
        }
        // Known demo figures (metrics --json): 428 production deployments in 90 days = 4.76/day,
        // met; 66 of them failed: 15.4%, worse than the 90 days before (their ranges apart).
        QCOMPARE(view->tile(QStringLiteral("deployment_frequency"))->valueText(), QStringLiteral("4.76/day"));
        QCOMPARE(view->tile(QStringLiteral("deployment_frequency"))->statusText(), QStringLiteral("met"));
        QCOMPARE(view->tile(QStringLiteral("change_failure_rate"))->valueText(), QStringLiteral("15.4%"));
        QCOMPARE(report.at(MetricId::ChangeFailureRate).n, 428);
        QCOMPARE(report.at(MetricId::ChangeFailureRate).numerator, 66);
        QCOMPARE(report.at(MetricId::ChangeFailureRate).verdict, Verdict::Worse);
        // Its tooltip gives the range and the verdict.
        QVERIFY(view->tile(QStringLiteral("change_failure_rate"))->toolTip().contains(QStringLiteral("95% range")));
        QVERIFY(view->tile(QStringLiteral("change_failure_rate"))->toolTip().contains(QStringLiteral("worse")));
        // Tiles of a theme share its row; the grid is wide enough for five at 1600 px: the change
        // row holds the five DORA metrics.
        QCOMPARE(view->columns(), 5);
        QCOMPARE(view->tile(QStringLiteral("deployment_rework_rate"))->y(),
                 view->tile(QStringLiteral("deployment_frequency"))->y());
        // The DORA metrics' tooltips give the Quick Check score and the cluster as historical.
        const QString tip = view->tile(QStringLiteral("deployment_frequency"))->toolTip();
        QVERIFY(tip.contains(charts::formatScore(report.dora.at(MetricId::DeploymentFrequency).score)));
        QVERIFY(tip.contains(QStringLiteral("DORA 2023 clusters (historical)")));
        QCOMPARE(view->tile(QStringLiteral("time_to_acknowledge"))->y(),
                 view->tile(QStringLiteral("alert_noise_ratio"))->y());
        QVERIFY(view->tile(QStringLiteral("time_to_detect"))->y()
                > view->tile(QStringLiteral("deployment_frequency"))->y());
    }

    void dashboardReflowsWithTheWidth()
    {
        auto *view = page<DashboardView>(ViewId::Dashboard);
        window().resize(1000, 800);
        QTRY_VERIFY(view->columns() < 5);
        const int narrow = view->columns();
        QVERIFY(narrow >= 2);
        // Incident management (five metrics) now wraps onto a second row.
        QVERIFY(view->tile(QStringLiteral("alert_noise_ratio"))->y()
                > view->tile(QStringLiteral("time_to_acknowledge"))->y());
        window().resize(1600, 1000);
        QTRY_COMPARE(view->columns(), 5);
    }

    void tileOpensTheDetail()
    {
        auto *view = page<DashboardView>(ViewId::Dashboard);
        MetricTile *tile = view->tile(QStringLiteral("time_to_acknowledge"));
        QTest::mouseClick(tile, Qt::LeftButton, {}, tile->rect().center());
        MetricDetailDialog *detail = view->detailDialog();
        QVERIFY(detail);
        QTRY_VERIFY(detail->isVisible());
        QCOMPARE(detail->metricId(), QStringLiteral("time_to_acknowledge"));
        QCOMPARE(detail->definitionText(),
                 QString::fromLatin1(MetricCatalogue::def(MetricId::TimeToAcknowledge).definition));
        QVERIFY(detail->chartView()->hasMetric());
        // Keyboard: Enter on a focused tile opens its detail too.
        detail->close();
        MetricTile *other = view->tile(QStringLiteral("pages_per_week"));
        other->setFocus();
        QTest::keyClick(other, Qt::Key_Return);
        QTRY_VERIFY(detail->isVisible());
        QCOMPARE(detail->metricId(), QStringLiteral("pages_per_week"));
        detail->close();
    }

    // docs/metrics.md#which-deployments-count: the detail of the two instability metrics lists
    // the engine's counted deployments with their reasons; other metrics list nothing.
    void detailListsCountedDeployments_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("words");
        QTest::newRow("change failure rate")
            << QStringLiteral("change_failure_rate") << QStringLiteral("production deployments failed");
        QTest::newRow("rework rate") << QStringLiteral("deployment_rework_rate")
                                     << QStringLiteral("successful production deployments were rework");
    }
    void detailListsCountedDeployments()
    {
        QFETCH(QString, metric);
        QFETCH(QString, words);
        auto *view = page<DashboardView>(ViewId::Dashboard);
        view->showDetail(metric);
        MetricDetailDialog *detail = view->detailDialog();
        QTRY_VERIFY(detail->isVisible());
        QAbstractItemModelTester tester(detail->countedModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const MetricResult *m = snapshot()->analysis.metrics.find(metric);
        QVERIFY(m && !m->counted.empty());
        // The catalogue's definition (the glossary of tooltips, detail and PDF appendix).
        QCOMPARE(detail->definitionText(), QString::fromLatin1(m->def->definition));
        // value = counted ÷ n: the list is the numerator.
        QCOMPARE(double(m->counted.size()) / double(m->n), *m->value);
        QVERIFY(detail->countedView()->isVisible());
        QCOMPARE(detail->countedView()->model()->rowCount(), int(m->counted.size()));
        QVERIFY(detail->countedText().startsWith(
            QStringLiteral("%1 of %2 %3")
                .arg(charts::formatCount(std::int64_t(m->counted.size())), charts::formatCount(m->n), words)));
        CountedDeploymentsModel *model = detail->countedModel();
        for (int r = 0; r < model->rowCount(); ++r) {
            const CountedDeployment &c = m->counted[std::size_t(r)];
            QCOMPARE(model->index(r, CountedDeploymentsModel::Deployment).data().toString(), c.deploymentId);
            QCOMPARE(model->index(r, CountedDeploymentsModel::Why).data().toString(),
                     charts::countedReasons(c).join(QStringLiteral("; ")));
            QVERIFY(!model->index(r, CountedDeploymentsModel::Why).data().toString().isEmpty());
        }
        // Another metric: no list.
        view->showDetail(QStringLiteral("time_to_detect"));
        QVERIFY(!detail->countedView()->isVisible());
        QVERIFY(detail->countedText().isEmpty());
        QCOMPARE(model->rowCount(), 0);
        detail->close();
    }

    // The gaps view: the clusters are labelled historical, and the DORA Quick Check sits under
    // the table with the engine's scores.
    void gapsDoraPanel()
    {
        auto *view = page<GapsView>(ViewId::Gaps);
        QCOMPARE(view->model()->headerData(GapsModel::Tier, Qt::Horizontal).toString(),
                 QStringLiteral("DORA 2023 cluster\n(historical)"));
        QVERIFY(view->model()
                    ->headerData(GapsModel::Tier, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("DORA 2023 clusters (historical)")));
        ChartWidget *panel = view->doraPanel();
        QVERIFY(panel->isVisible());
        QVERIFY(panel->chart());
        // Tall enough for its rows without a scroll, below the table.
        QVERIFY(panel->height() >= int(charts::doraQuickCheckHeight(panel->chartStyle(), panel) * 0.75));
        QVERIFY(panel->mapTo(view, QPoint(0, 0)).y() > view->tree()->mapTo(view, QPoint(0, 0)).y());
        // Each row names its item; the tooltip carries the engine's score.
        const dora::QuickCheck &q = snapshot()->analysis.metrics.dora;
        QStringList items;
        for (int y = 0; y < panel->height(); ++y) {
            const QString item = panel->itemAt(QPointF(panel->width() / 2.0, y));
            if (!item.isEmpty() && (items.isEmpty() || items.last() != item))
                items << item;
        }
        QCOMPARE(items,
                 (QStringList{QStringLiteral("throughput"), QStringLiteral("lead_time_for_changes"),
                              QStringLiteral("deployment_frequency"), QStringLiteral("failed_deployment_recovery_time"),
                              QStringLiteral("stability"), QStringLiteral("change_failure_rate"),
                              QStringLiteral("deployment_rework_rate"), QStringLiteral("overall")}));
        QVERIFY(charts::doraQuickCheckToolTip(q, QStringLiteral("overall")).contains(charts::formatScore(q.overall)));
        QVERIFY(charts::doraQuickCheckToolTip(q, QStringLiteral("deployment_frequency"))
                    .contains(charts::doraLevelAndValue(q.at(MetricId::DeploymentFrequency)).toHtmlEscaped()));
        QVERIFY(
            panel->accessibleDescription().contains(QStringLiteral("overall %1").arg(charts::formatScore(q.overall))));
    }

    void gapsRollUp()
    {
        auto *view = page<GapsView>(ViewId::Gaps);
        GapsModel *model = view->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(view->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 4);
        const int expected[] = {5, 3, 5, 3};
        const MetricsReport &report = snapshot()->analysis.metrics;
        for (int t = 0; t < 4; ++t) {
            const QModelIndex theme = model->index(t, 0);
            QCOMPARE(model->rowCount(theme), expected[t]);
            const ThemeSummary &summary = report.themes[std::size_t(t)];
            QVERIFY(theme.data().toString().contains(QStringLiteral("%1 met · %2 with a gap · %3 not measured")
                                                         .arg(summary.met)
                                                         .arg(summary.gaps)
                                                         .arg(summary.notMeasured)));
            for (int r = 0; r < model->rowCount(theme); ++r) {
                const MetricResult *m = model->metricAt(model->index(r, 0, theme));
                QVERIFY(m);
                QCOMPARE(model->index(r, GapsModel::Current, theme).data().toString(),
                         charts::formatValue(m->value, m->def->unit));
                QCOMPARE(model->index(r, GapsModel::Target, theme).data().toString(),
                         charts::formatValue(m->target, m->def->unit));
                QCOMPARE(model->index(r, GapsModel::Status, theme).data().toString(), charts::statusText(m->status));
                QCOMPARE(model->index(r, GapsModel::Range, theme).data().toString(),
                         m->ci ? charts::formatRange(m->ci, m->def->unit) : QString());
                QCOMPARE(model->index(r, GapsModel::Change, theme).data().toString(), charts::verdictText(m->verdict));
                QVERIFY(model->flags(model->index(r, GapsModel::Target, theme)) & Qt::ItemIsEditable);
                QVERIFY(!(model->flags(model->index(r, GapsModel::Current, theme)) & Qt::ItemIsEditable));
            }
        }
        // Sorting by gap keeps the themes and orders their metrics.
        view->tree()->sortByColumn(GapsModel::Gap, Qt::DescendingOrder);
        const QModelIndex incident = view->proxy()->index(2, 0);
        QCOMPARE(view->proxy()->index(0, GapsModel::Metric, incident).data().toString(),
                 QStringLiteral("Pages per week"));
        view->tree()->sortByColumn(-1, Qt::AscendingOrder);
        // A ratio target is edited in percent and stored as a ratio.
        QCOMPARE(GapsModel::fromDisplayUnit(Unit::Ratio, 25), 0.25);
        QCOMPARE(model->index(1, GapsModel::Target, model->index(1, 0)).data(Qt::EditRole).toDouble(), 10.0);
    }

    // At 1,600 pixels every column of the gaps table shows without a horizontal scroll: "By team"
    // and "Planned work" share what the other columns leave, elided, their tooltips whole. A
    // narrower window scrolls; a wider one shows "By team" whole.
    void gapsFitTheWindow()
    {
        auto *view = page<GapsView>(ViewId::Gaps);
        QTreeView *tree = view->tree();
        QHeaderView *header = tree->header();
        const auto total = [&] {
            int sum = 0;
            for (int c = 0; c < GapsModel::ColumnCount; ++c)
                sum += header->sectionSize(c);
            return sum;
        };
        const int minimum = tree->fontMetrics().horizontalAdvance(QStringLiteral("OPS-00 (2027Q1)")) + 24;
        QTRY_VERIFY(total() <= tree->viewport()->width());
        QVERIFY(!tree->horizontalScrollBar()->isVisible());
        QVERIFY(header->sectionSize(GapsModel::Work) >= minimum);
        QVERIFY(header->sectionSize(GapsModel::Teams) >= minimum);
        // The planned work's tooltip holds the whole text.
        const QModelIndex rate = view->model()->index(2, GapsModel::Work, view->model()->index(0, 0));
        QVERIFY(!rate.data().toString().isEmpty());
        QVERIFY(rate.data(Qt::ToolTipRole).toString().contains(rate.data().toString().toHtmlEscaped()));

        window().resize(2400, 1000);
        const int whole = [&] {
            int w = 0;
            for (const MetricRollup &r : snapshot()->byTeam.rollup)
                w = std::max(w, tree->fontMetrics().horizontalAdvance(rollupWords(r, BreakdownBy::Team)));
            return w;
        }();
        QTRY_VERIFY(header->sectionSize(GapsModel::Teams) >= whole);
        window().resize(1200, 1000);
        QTRY_VERIFY(total() > tree->viewport()->width());
        QTRY_VERIFY(tree->horizontalScrollBar()->isVisible());
        QVERIFY(header->sectionSize(GapsModel::Teams) >= minimum);
        window().resize(1600, 1000);
        QTRY_VERIFY(total() <= tree->viewport()->width());
    }

    void alertsInParetoOrder()
    {
        auto *view = page<AlertsView>(ViewId::Alerts);
        AlertGroupsModel *model = view->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(view->table()->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        const AlertReport &alerts = snapshot()->analysis.alerts;
        QCOMPARE(model->rowCount(), int(alerts.groups.size()));
        QVERIFY(alerts.groups.size() > 20);
        for (int r = 0; r < model->rowCount(); ++r) {
            QCOMPARE(model->index(r, 0).data(IdRole).toString(), alerts.groups[std::size_t(r)].key);
            QCOMPARE(view->table()->model()->index(r, 0).data(IdRole).toString(), alerts.groups[std::size_t(r)].key);
        }
        QCOMPARE(model->index(0, AlertGroupsModel::Pages).data().toString(),
                 charts::formatCount(alerts.groups[0].count));
        QCOMPARE(model->index(0, AlertGroupsModel::Cumulative).data().toString(),
                 charts::formatPercent(alerts.groups[0].cumulativeShare));
        // The chart's bars, left to right, are the same groups.
        ChartWidget *chart = view->chart();
        QVERIFY(chart->chart());
        QStringList order;
        const QRectF r = chart->chartRect();
        for (qreal x = r.left(); x < r.right(); x += 1) {
            const QString id = chart->itemAt(QPointF(x, r.center().y()));
            if (!id.isEmpty() && (order.isEmpty() || order.last() != id))
                order << id;
        }
        QCOMPARE(order.size(), int(alerts.groups.size()));
        for (int i = 0; i < order.size(); ++i)
            QCOMPARE(order[i].toInt(), i);
        // Clicking a bar selects its row.
        const QRectF plotHit = r;
        for (qreal x = plotHit.left(); x < plotHit.right(); x += 1)
            if (chart->itemAt(QPointF(x, plotHit.center().y())) == u"2") {
                QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(int(x) + 1, int(plotHit.center().y())));
                break;
            }
        QCOMPARE(view->selectedKeys(), QStringList{alerts.groups[2].key});
    }

    // The proxy keeps the model's rank order without sorting it; any other header sorts, and
    // sorting by rank again gives the rank order back.
    void alertsSortByHeader()
    {
        auto *view = page<AlertsView>(ViewId::Alerts);
        QTableView *table = view->table();
        QAbstractItemModel *proxy = table->model();
        const AlertReport &alerts = snapshot()->analysis.alerts;
        const int rows = int(alerts.groups.size());
        QCOMPARE(proxy->rowCount(), rows);
        const auto key = [proxy](int row) { return proxy->index(row, 0).data(IdRole).toString(); };

        table->sortByColumn(AlertGroupsModel::Rank, Qt::DescendingOrder);
        for (int r = 0; r < rows; ++r)
            QCOMPARE(key(r), alerts.groups[std::size_t(rows - 1 - r)].key);
        table->sortByColumn(AlertGroupsModel::Pages, Qt::AscendingOrder);
        for (int r = 1; r < rows; ++r)
            QVERIFY(proxy->index(r - 1, AlertGroupsModel::Pages).data(SortRole).toLongLong()
                    <= proxy->index(r, AlertGroupsModel::Pages).data(SortRole).toLongLong());
        table->sortByColumn(AlertGroupsModel::Rank, Qt::AscendingOrder);
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(AlertGroupsModel::Rank));
        QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
        for (int r = 0; r < rows; ++r)
            QCOMPARE(key(r), alerts.groups[std::size_t(r)].key);
    }

    void incidentsAndSlos()
    {
        auto *incidents = page<IncidentsView>(ViewId::Incidents);
        QVERIFY(incidents->durationsChart()->chart());
        QVERIFY(incidents->phasesChart()->chart());
        // The phase chart names the longest incident in its first row (docs/decisions.md (Incident phases)).
        const IncidentReport &r = snapshot()->analysis.incidents;
        QVERIFY(!r.incidents.empty());
        const QRectF rect = incidents->phasesChart()->chartRect();
        QString first;
        for (qreal y = rect.top(); y < rect.bottom() && first.isEmpty(); y += 1)
            first = incidents->phasesChart()->itemAt(QPointF(rect.center().x(), y));
        QCOMPARE(first, r.incidents[charts::phaseRows(r, charts::PhaseOptions()).front()].incidentId);
        QVERIFY(incidents->headline().contains(QStringLiteral("%1 incidents").arg(r.incidents.size())));

        auto *slos = page<SlosView>(ViewId::Slos);
        SloModel *model = slos->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const std::vector<SloResult> &results = snapshot()->analysis.metrics.slos;
        QCOMPARE(model->rowCount(), int(results.size()));
        bool noData = false;
        for (int i = 0; i < model->rowCount(); ++i) {
            const SloResult &s = results[std::size_t(i)];
            QCOMPARE(model->index(i, SloModel::Attainment).data().toString(), charts::formatPercent(s.attainment, 3));
            QCOMPARE(model->index(i, SloModel::Budget).data().toString(),
                     charts::formatPercent(s.errorBudgetRemaining, 1));
            if (!s.attainment) {
                QCOMPARE(model->index(i, SloModel::Status).data().toString(), QStringLiteral("no data"));
                noData = true;
            }
        }
        QVERIFY(noData); // the demo's shipping-quote-latency has no measurements
        QVERIFY(slos->chart()->chart());
    }

    void debtRegister()
    {
        auto *view = page<DebtView>(ViewId::Debt);
        DebtModel *model = view->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(view->table()->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        const SnapshotPtr s = snapshot();
        QCOMPARE(model->rowCount(), int(s->debtItems.size()));
        for (int r = 0; r < model->rowCount(); ++r) {
            const DebtAssessment &a = s->assessments[std::size_t(r)];
            QCOMPARE(model->index(r, DebtModel::Id).data().toString(),
                     QString::fromStdString(s->debtItems[std::size_t(r)].id));
            QCOMPARE(model->index(r, DebtModel::Quadrant).data().toString(), quadrantName(a.quadrant));
            QCOMPARE(model->index(r, DebtModel::Priority).data().toString(), formatPriority(a.priority));
        }
        // OPS-5 ranks first: value 3 h × 13 + 8 × 5 × 5 = 239 over 3 weeks × 40 h = 1.99, times the gap
        // factor 2 (time to detect 12.2 min against 5 min: relative gap capped at 1) = 3.98; planned in 2027Q1.
        const int row = model->rowOf(QStringLiteral("OPS-5"));
        QCOMPARE(model->index(row, DebtModel::Rank).data().toInt(), 1);
        QCOMPARE(model->index(row, DebtModel::Planned).data().toString(), QStringLiteral("2027Q1"));
        QCOMPARE(model->index(model->rowOf(QStringLiteral("OPS-16")), DebtModel::Planned).data().toString(),
                 QStringLiteral("unscheduled"));
        // Theme and status as the register writes them (the demo: OPS-2 change and done).
        const int ops2 = model->rowOf(QStringLiteral("OPS-2"));
        QCOMPARE(model->index(ops2, DebtModel::Theme).data().toString(), QStringLiteral("change"));
        QCOMPARE(model->index(ops2, DebtModel::Status).data().toString(), QStringLiteral("done"));
        QCOMPARE(model->index(ops2, DebtModel::Planned).data().toString(), QStringLiteral("done"));
        QCOMPARE(model->index(row, DebtModel::Theme).data().toString(), QStringLiteral("detection"));
        QCOMPARE(model->index(row, DebtModel::Status).data().toString(), QStringLiteral("open"));
        // Clicking a point of the quadrant selects its row.
        ChartWidget *chart = view->chart();
        const QRectF rect = chart->chartRect();
        bool clicked = false;
        for (qreal y = rect.top(); y < rect.bottom() && !clicked; y += 2)
            for (qreal x = rect.left(); x < rect.right() && !clicked; x += 2)
                if (chart->itemAt(QPointF(x, y)) == u"OPS-10") {
                    QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(int(x), int(y)));
                    clicked = true;
                }
        QVERIFY(clicked);
        QCOMPARE(view->selectedId(), QStringLiteral("OPS-10"));
    }

    // The item dialog shows an item's theme and status and gives them back unchanged.
    void debtDialogThemeAndStatus_data()
    {
        QTest::addColumn<int>("theme"); // -1: none
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("shown");
        QTest::newRow("none, open") << -1 << int(DebtStatus::Open) << "(none: weight 1)";
        QTest::newRow("incident, done") << int(Theme::Incident) << int(DebtStatus::Done) << "Incident management";
        QTest::newRow("improvement, open")
            << int(Theme::Improvement) << int(DebtStatus::Open) << "Continuous improvement";
    }

    void debtDialogThemeAndStatus()
    {
        QFETCH(int, theme);
        QFETCH(int, status);
        QFETCH(QString, shown);
        DebtItem item;
        item.id = "OPS-9";
        item.title = "Runbooks";
        item.theme = theme < 0 ? std::nullopt : std::optional(Theme(theme));
        item.status = DebtStatus(status);
        DebtItemDialog dialog(item, false, {}, snapshot()->gaps);
        const QList<QComboBox *> boxes = dialog.findChildren<QComboBox *>();
        QVERIFY(std::any_of(boxes.begin(), boxes.end(), [&](QComboBox *b) { return b->currentText() == shown; }));
        QCOMPARE(dialog.item(), item);
    }

    void roadmapBarsInTheirQuarters()
    {
        auto *view = page<RoadmapView>(ViewId::Roadmap);
        const Plan &plan = *snapshot()->plan;
        ChartWidget *chart = view->chart();
        QVERIFY(chart->chart());
        const std::vector<charts::RoadmapBar> bars = charts::roadmapBars(chart->chartRect(), plan, chart->chartStyle(),
                                                                         chart);
        QVERIFY(bars.size() > 15);
        for (const charts::RoadmapBar &b : bars) {
            const PlannedItem *p = plan.find(b.id);
            QVERIFY(p);
            if (p->quarter)
                QCOMPARE(plan.quarters[std::size_t(b.column)].quarter, *p->quarter);
            else
                QCOMPARE(b.column, int(plan.quarters.size()));
            QCOMPARE(chart->itemAt(b.row.center()), QString::fromStdString(b.id));
        }
        // OPS-11 leads 2027Q1; clicking it shows the scheduler's reason.
        const auto ops11 = std::find_if(bars.begin(), bars.end(),
                                        [](const charts::RoadmapBar &b) { return b.id == "OPS-11"; });
        QVERIFY(ops11 != bars.end());
        QCOMPARE(formatQuarter(plan.quarters[std::size_t(ops11->column)].quarter), QStringLiteral("2027Q1"));
        QTest::mouseClick(chart, Qt::LeftButton, {}, ops11->row.center().toPoint());
        QCOMPARE(view->selectedId(), QStringLiteral("OPS-11"));
        QVERIFY(view->reasonText().contains(plan.find("OPS-11")->reason.toHtmlEscaped()));
        // The unscheduled list with reasons.
        PlanItemsModel *unscheduled = view->unscheduledModel();
        QAbstractItemModelTester tester(unscheduled, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(unscheduled->rowCount(), int(plan.unscheduled.size()));
        QCOMPARE(unscheduled->index(0, PlanItemsModel::Reason).data().toString(), plan.unscheduled[0].reason);
        QCOMPARE(unscheduled->index(0, PlanItemsModel::Reason).data().toString(),
                 QStringLiteral("needs 40 weeks, a quarter has 24"));
        // The tooltip of a bar is its reason.
        QCOMPARE(view->chart()->itemAt(ops11->row.center()), QStringLiteral("OPS-11"));
    }

    // The Progress view: the engine's quarters in the table and the chart, successes marked.
    void progressView()
    {
        auto *view = page<ProgressView>(ViewId::Progress);
        ProgressModel *model = view->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(view->table()->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sloTester(view->sloModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ProgressReport &r = snapshot()->progress;
        QCOMPARE(r.count(), 6);
        QCOMPARE(model->rowCount(), kMetricCount);
        QCOMPARE(model->headerData(ProgressModel::Latest, Qt::Horizontal).toString(), QStringLiteral("2026Q3"));
        for (int row = 0; row < model->rowCount(); ++row) {
            const MetricProgress &m = r.metrics[std::size_t(row)];
            QCOMPARE(model->index(row, ProgressModel::Metric).data(IdRole).toString(), m.id());
            QCOMPARE(model->index(row, ProgressModel::Projected).data().toString(), charts::projectionText(m));
            QCOMPARE(model->index(row, ProgressModel::Pace).data().toString(), charts::paceText(m));
            QCOMPARE(model->index(row, ProgressModel::Metric).data(Qt::FontRole).isValid(), m.success);
            QCOMPARE(model->index(row, ProgressModel::Metric).data(Qt::BackgroundRole).isValid(), m.success);
        }
        // The demo's story in the table: change failure rate worse in 2026Q3, alert noise
        // improved and on pace for 2027Q1 (a success), recovery time meets its target.
        const int cfr = model->rowOf(QStringLiteral("change_failure_rate"));
        QCOMPARE(model->index(cfr, ProgressModel::Change).data().toString(), QStringLiteral("worse"));
        QCOMPARE(model->index(cfr, ProgressModel::Projected).data().toString(), QStringLiteral("not at this pace"));
        const int noise = model->rowOf(QStringLiteral("alert_noise_ratio"));
        QCOMPARE(model->index(noise, ProgressModel::Change).data().toString(), QStringLiteral("improved"));
        QCOMPARE(model->index(noise, ProgressModel::Projected).data().toString(), QStringLiteral("on pace for 2027Q1"));
        QVERIFY(model->index(noise, ProgressModel::Metric).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model->index(model->rowOf(QStringLiteral("failed_deployment_recovery_time")), ProgressModel::Projected)
                     .data()
                     .toString(),
                 QStringLiteral("met"));
        QVERIFY(view->headline().contains(QStringLiteral("2 successes")));
        // The SLOs by quarter: one column per quarter after the name and objective.
        QCOMPARE(view->sloModel()->columnCount(), SloProgressModel::FirstQuarter + 6);
        QCOMPARE(view->sloModel()->rowCount(), int(r.slos.size()));
        QCOMPARE(view->sloModel()->headerData(SloProgressModel::FirstQuarter, Qt::Horizontal).toString(),
                 QStringLiteral("2025Q2"));
        QCOMPARE(view->sloModel()->index(0, SloProgressModel::FirstQuarter).data().toString(),
                 charts::formatPercent(r.slos[0].quarters[0].attainment, 2));
        // A click on a panel selects its row; the tooltip lists the quarters.
        ChartWidget *chart = view->chart();
        const QRectF rect = chart->chartRect();
        bool clicked = false;
        for (qreal y = rect.top(); y < rect.bottom() && !clicked; y += 4)
            for (qreal x = rect.left(); x < rect.right() && !clicked; x += 4)
                if (chart->itemAt(QPointF(x, y)) == u"alert_noise_ratio") {
                    QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(int(x), int(y)));
                    clicked = true;
                }
        QVERIFY(clicked);
        QCOMPARE(view->selectedId(), QStringLiteral("alert_noise_ratio"));
        // Every panel is hit somewhere; none twice over the grid's cells.
        QSet<QString> found;
        for (qreal y = rect.top(); y < rect.bottom(); y += 6)
            for (qreal x = rect.left(); x < rect.right(); x += 6)
                if (const QString id = chart->itemAt(QPointF(x, y)); !id.isEmpty())
                    found.insert(id);
        QCOMPARE(found.size(), kMetricCount);
    }

    void otherModelsUnderTheTester()
    {
        PlanItemsModel all(PlanItemsModel::Scope::All);
        QAbstractItemModelTester allTester(&all, QAbstractItemModelTester::FailureReportingMode::QtTest);
        all.setSnapshot(snapshot());
        std::size_t placed = 0;
        for (const PlanQuarter &q : snapshot()->plan->quarters)
            placed += q.items.size();
        QCOMPARE(all.rowCount(), int(placed + snapshot()->plan->unscheduled.size()));
        all.setSnapshot(nullptr);
        QCOMPARE(all.rowCount(), 0);

        SettingsModel settings;
        QAbstractItemModelTester settingsTester(&settings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        settings.setSnapshot(snapshot());
        QCOMPARE(settings.rowCount(), int(SettingsSchema::all().size()));
        const int team = settings.rowOf(QStringLiteral("team_size"));
        QCOMPARE(settings.index(team, SettingsModel::Value).data().toString(), QStringLiteral("4"));
        QSignalSpy edited(&settings, &SettingsModel::settingEdited);
        QVERIFY(settings.setData(settings.index(team, SettingsModel::Value), QStringLiteral("8")));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.first().at(1).toString(), QStringLiteral("8"));
        settings.setSnapshot(snapshot()); // same shape: data changed, not reset
        settings.setSnapshot(nullptr);

        // The same models across a reset to no workspace and back.
        GapsModel gaps;
        AlertGroupsModel groups;
        SloModel slos;
        DebtModel debt;
        QAbstractItemModelTester t1(&gaps, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&slos, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(&debt, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (SnapshotPtr s : {snapshot(), SnapshotPtr(), snapshot(), snapshot()}) {
            gaps.setSnapshot(s);
            groups.setSnapshot(s);
            slos.setSnapshot(s);
            debt.setSnapshot(s);
        }
        QCOMPARE(gaps.rowCount(), 4);
    }

    // Changing the window recomputes every view off the GUI thread.
    void windowChangeRecomputes()
    {
        QSignalSpy ready(window().controller(), &AnalysisController::snapshotReady);
        window().setAnalysisWindow(parseAsOf(QStringLiteral("2026-09-01")), 30);
        window().waitForRefresh();
        QVERIFY(ready.count() >= 1);
        QCOMPARE(formatIso(snapshot()->window.asOf), QStringLiteral("2026-09-01T00:00:00Z"));
        QCOMPARE(snapshot()->window.days, 30);
        auto *view = page<DashboardView>(ViewId::Dashboard);
        const MetricResult *pages = &snapshot()->analysis.metrics.at(MetricId::PagesPerWeek);
        QCOMPARE(view->tile(QStringLiteral("pages_per_week"))->valueText(),
                 charts::formatValue(pages->value, Unit::PerWeek));
        // The engine on the same window agrees.
        auto ws = Workspace::open(m_demo);
        const Analysis direct = analyze(
            Dataset::load(*ws, parseAsOf(QStringLiteral("2026-09-01")), 30, Dataset::AllParts, 0));
        QCOMPARE(direct.metrics.at(MetricId::PagesPerWeek).value, pages->value);
        window().setAnalysisWindow(std::nullopt, 90);
        window().waitForRefresh();
        QCOMPARE(formatIso(snapshot()->window.asOf), QStringLiteral("2026-10-01T00:00:00Z"));
    }

    // A settings change redraws the views; a metric without data is a tile that says so.
    void notMeasuredTile()
    {
        auto *view = page<DashboardView>(ViewId::Dashboard);
        QCOMPARE(view->tile(QStringLiteral("toil_ratio"))->valueText(), QStringLiteral("43.4%"));
        QVERIFY(window().editor()->setSetting(QStringLiteral("team_size"), QString()));
        window().waitForRefresh();
        view->applyPending();
        MetricTile *tile = view->tile(QStringLiteral("toil_ratio"));
        QCOMPARE(snapshot()->analysis.metrics.at(MetricId::ToilRatio).status, Status::NotMeasured);
        QCOMPARE(tile->valueText(), QStringLiteral("not measured"));
        QCOMPARE(tile->statusText(), QStringLiteral("not measured"));
        // Still drawn: a frame, the name and the words, not an empty hole.
        const QImage image = tile->grab().toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 10);
        window().undoStack()->undo();
        window().waitForRefresh();
        view->applyPending();
        QCOMPARE(view->tile(QStringLiteral("toil_ratio"))->valueText(), QStringLiteral("43.4%"));
    }

    // Requests made while one computes: only the last one's result is shown.
    void controllerDeliversTheLatest()
    {
        AnalysisController controller;
        QSignalSpy ready(&controller, &AnalysisController::snapshotReady);
        for (int days : {10, 20, 30, 40}) {
            SnapshotRequest r;
            r.path = m_demo;
            r.days = days;
            controller.setRequest(r);
            controller.recompute();
        }
        QVERIFY(controller.isBusy());
        controller.waitForIdle();
        QVERIFY(ready.count() >= 1);
        QVERIFY(ready.count() <= 2);
        QCOMPARE(controller.snapshot()->window.days, 40);
        const auto last = ready.last().at(0).value<SnapshotPtr>();
        QCOMPARE(last->window.days, 40);
    }

    void closingEmptiesTheViews()
    {
        MainWindow w;
        w.setRemembersFiles(false);
        w.show();
        QVERIFY(w.openWorkspace(m_demo));
        QVERIFY(w.refreshNow());
        w.closeWorkspace();
        QVERIFY(!w.snapshot());
        for (ViewId id : kAllViews) {
            w.showView(id);
            auto *empty = w.viewPage(id)->findChild<QLabel *>(QStringLiteral("emptyState"));
            QVERIFY(empty);
            QVERIFY(empty->isVisible());
        }
    }
};

QTEST_MAIN(TstViews)
#include "tst_views.moc"
