// The scope in the window as a user meets it (docs/scope.md#window), on the demo workspace (three
// teams, eleven services): the picker's list (QAbstractItemModelTester), checking a team and
// searching; the title, status bar and every view following the scope; the Services & Teams
// dialog editing an owner through the undo stack; the dashboard's breakdown mode, the metric
// detail's by-team tab and the gaps view's roll-up column showing the engine's breakdown.
// SRM_SHOT_DIR=dir saves what the test looks at as PNG files, to look at by eye.
#include "app/mainwindow.h"
#include "engine/breakdown.h"
#include "store/ownershipstore.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"
#include "views/charts/breakdownchart.h"
#include "views/chartwidget.h"
#include "views/dashboardview.h"
#include "views/gapsmodel.h"
#include "views/gapsview.h"
#include "views/metricdetaildialog.h"
#include "views/metrictile.h"
#include "views/modelroles.h"
#include "views/ownershipmodel.h"
#include "views/scopepicker.h"
#include "views/servicesteamsdialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace srm;
using namespace srm::test;

namespace {

void shoot(QWidget *w, const char *name)
{
    const QString dir = qEnvironmentVariable("SRM_SHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(QDir(dir).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
}

int rowOf(const QAbstractItemModel *model, const QString &kind, const QString &name)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex i = model->index(r, 0);
        if (i.data(ScopeModel::KindRole).toString() == kind && i.data(ScopeModel::NameRole).toString() == name)
            return r;
    }
    return -1;
}

} // namespace

#define SRM_SAME(a, b) QCOMPARE((a).value_or(-1), (b).value_or(-1))

class TstScopeView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<MainWindow> m_window;

    SnapshotPtr snapshot() const { return m_window->snapshot(); }

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

    void cleanup()
    {
        m_window->setScope({});
        m_window->waitForRefresh();
    }

    void demoHasThreeTeams()
    {
        // docs/scope.md#worked-example: storefront 5 services, payments 3, fulfilment 3.
        QCOMPARE(snapshot()->scopeNames.teams, (std::vector<std::string>{"fulfilment", "payments", "storefront"}));
        QCOMPARE(snapshot()->owners.size(), std::size_t(11));
        QCOMPARE(snapshot()->byTeam.entries.size(), std::size_t(3));
    }

    void pickerListsTeamsThenServices()
    {
        ScopePicker *picker = m_window->scopePicker();
        QAbstractItemModelTester tester(picker->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // 3 teams, then 11 services, each once.
        QCOMPARE(picker->model()->rowCount(), 14);
        QCOMPARE(picker->model()->index(0, 0).data(ScopeModel::KindRole).toString(), QStringLiteral("team"));
        QCOMPARE(picker->model()->index(3, 0).data(ScopeModel::KindRole).toString(), QStringLiteral("service"));
        QCOMPARE(picker->model()->index(3, 0).data().toString(), QStringLiteral("Service: adservice (storefront)"));
        QCOMPARE(picker->text(), QStringLiteral("Scope: all services"));

        // Search: "pay" finds the team payments and its three services (a service is listed with
        // its owner): 1 + 3 = 4 rows.
        picker->searchEdit()->setText(QStringLiteral("pay"));
        QCOMPARE(picker->proxy()->rowCount(), 4);
        QCOMPARE(picker->proxy()->index(0, 0).data().toString(), QStringLiteral("Team: payments"));
        QCOMPARE(picker->proxy()->index(3, 0).data().toString(), QStringLiteral("Service: paymentservice (payments)"));
        // "cart" finds cartservice and redis-cart.
        picker->searchEdit()->setText(QStringLiteral("CART"));
        QCOMPARE(picker->proxy()->rowCount(), 2);
        picker->searchEdit()->setText(QStringLiteral("pay"));
        picker->popup()->resize(picker->popup()->sizeHint());
        shoot(picker->popup(), "picker-search");
    }

    void checkingATeamScopesTheWindow()
    {
        ScopePicker *picker = m_window->scopePicker();
        picker->searchEdit()->clear();
        const int row = rowOf(picker->model(), QStringLiteral("team"), QStringLiteral("payments"));
        QVERIFY(row >= 0);
        QVERIFY(picker->model()->setData(picker->model()->index(row, 0), Qt::Checked, Qt::CheckStateRole));
        m_window->waitForRefresh();
        QCOMPARE(m_window->scope().teams, (std::vector<std::string>{"payments"}));
        QCOMPARE(picker->text(), QStringLiteral("Scope: team payments"));
        QVERIFY2(m_window->windowTitle().contains(QStringLiteral("team payments")),
                 qPrintable(m_window->windowTitle()));
        QCOMPARE(m_window->statusBar()->findChild<QLabel *>(QStringLiteral("statusScope"))->text(),
                 QStringLiteral("Scope: team payments"));
        // The window's figures are the engine's for that scope.
        const SnapshotPtr s = snapshot();
        QCOMPARE(s->analysis.metrics.scope.teams, (std::vector<std::string>{"payments"}));
        auto ws = Workspace::open(m_demo);
        const Dataset d = Dataset::load(*ws, s->window, Dataset::AllParts,
                                        Scope::of(std::vector<std::string>{}, std::vector<std::string>{"payments"}));
        const MetricsReport expected = computeMetrics(d);
        QCOMPARE(s->analysis.metrics.at(MetricId::DeploymentFrequency).n, expected.at(MetricId::DeploymentFrequency).n);
        QVERIFY(expected.at(MetricId::DeploymentFrequency).n > 0);
        SRM_SAME(s->analysis.metrics.at(MetricId::DeploymentFrequency).value,
                 expected.at(MetricId::DeploymentFrequency).value);
        // Scoped within payments, the breakdown by team has payments alone.
        QCOMPARE(s->byTeam.entries.size(), std::size_t(1));
        QCOMPARE(s->byTeam.entries[0].name, QStringLiteral("payments"));
        m_window->showView(ViewId::Dashboard);
        shoot(m_window.get(), "scoped-dashboard");
    }

    void servicesTeamsDialogEditsThroughUndo()
    {
        ServicesTeamsDialog *dialog = m_window->servicesTeamsDialog();
        dialog->show();
        OwnershipModel *model = dialog->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 11);
        QCOMPARE(dialog->summary()->text(), QStringLiteral("11 services, 11 with an owner, in 3 teams"));
        const int row = model->rowOf(QStringLiteral("adservice"));
        QCOMPARE(model->teamAt(row), QStringLiteral("storefront"));
        shoot(dialog, "services-teams");

        QUndoStack *undo = m_window->undoStack();
        const int before = undo->count();
        QVERIFY(model->setData(model->index(row, OwnershipModel::Team), QStringLiteral("growth")));
        QCOMPARE(undo->count(), before + 1);
        m_window->waitForRefresh();
        QCOMPARE(OwnershipStore(*m_window->workspace()).find(QStringLiteral("adservice"))->team,
                 QStringLiteral("growth"));
        QCOMPARE(model->teamAt(model->rowOf(QStringLiteral("adservice"))), QStringLiteral("growth"));
        // A fourth team now has records in the window.
        QCOMPARE(snapshot()->byTeam.entries.size(), std::size_t(4));

        undo->undo();
        m_window->waitForRefresh();
        // Back as the demo wrote it, with the import that wrote it.
        const std::optional<OwnerRow> restored
            = OwnershipStore(*m_window->workspace()).find(QStringLiteral("adservice"));
        QCOMPARE(restored->team, QStringLiteral("storefront"));
        QVERIFY(restored->importId.has_value());
        QCOMPARE(snapshot()->byTeam.entries.size(), std::size_t(3));

        // Removing an owner, and undoing it.
        QVERIFY(
            model->setData(model->index(model->rowOf(QStringLiteral("redis-cart")), OwnershipModel::Team), QString()));
        m_window->waitForRefresh();
        QVERIFY(!OwnershipStore(*m_window->workspace()).find(QStringLiteral("redis-cart")));
        QCOMPARE(model->teamAt(model->rowOf(QStringLiteral("redis-cart"))), QString());
        undo->undo();
        m_window->waitForRefresh();
        QCOMPARE(OwnershipStore(*m_window->workspace()).find(QStringLiteral("redis-cart"))->team,
                 QStringLiteral("fulfilment"));
        dialog->close();
    }

    void dashboardBreakdownMode()
    {
        auto *dashboard = static_cast<DashboardView *>(m_window->viewPage(ViewId::Dashboard));
        m_window->showView(ViewId::Dashboard);
        dashboard->modeBox()->setCurrentIndex(1); // By team, as a user picks it
        QCOMPARE(dashboard->breakdown(), std::optional(BreakdownBy::Team));
        const Breakdown &b = snapshot()->byTeam;
        for (MetricTile *tile : dashboard->tiles()) {
            QCOMPARE(tile->breakdown(), std::optional(BreakdownBy::Team));
            const MetricId id = *MetricCatalogue::fromIdText(tile->metricId());
            QVERIFY2(tile->accessibleName().endsWith(rollupWords(b.rollupOf(id), BreakdownBy::Team)),
                     qPrintable(tile->accessibleName()));
        }
        shoot(m_window.get(), "dashboard-by-team");
        dashboard->modeBox()->setCurrentIndex(2);
        QCOMPARE(dashboard->breakdown(), std::optional(BreakdownBy::Service));
        shoot(m_window.get(), "dashboard-by-service");
        dashboard->modeBox()->setCurrentIndex(0);
        QVERIFY(!dashboard->tiles().first()->breakdown());
    }

    void metricDetailByTeam()
    {
        auto *dashboard = static_cast<DashboardView *>(m_window->viewPage(ViewId::Dashboard));
        dashboard->showDetail(QStringLiteral("change_failure_rate"));
        MetricDetailDialog *detail = dashboard->detailDialog();
        QVERIFY(detail);
        const Breakdown &b = snapshot()->byTeam;
        QCOMPARE(
            detail->tabs()->tabText(1),
            QStringLiteral("By team (%1)").arg(rollupWords(b.rollupOf(MetricId::ChangeFailureRate), BreakdownBy::Team)));
        detail->tabs()->setCurrentIndex(1);
        QVERIFY(detail->breakdownChart(BreakdownBy::Team)->chart());
        // The chart draws something: the image is not blank.
        const QImage image = detail->breakdownChart(BreakdownBy::Team)->toImage(QSize(900, 500));
        QVERIFY(!image.isNull());
        int nonWhite = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                nonWhite += image.pixel(x, y) != image.pixel(0, 0) ? 1 : 0;
        QVERIFY2(nonWhite > 500, qPrintable(QString::number(nonWhite)));
        shoot(detail, "detail-by-team");
        detail->tabs()->setCurrentIndex(2);
        shoot(detail, "detail-by-service");
        detail->close();
    }

    void gapsRollupColumn()
    {
        m_window->showView(ViewId::Gaps);
        auto *gaps = static_cast<GapsView *>(m_window->viewPage(ViewId::Gaps));
        gaps->applyPending();
        const GapsModel *model = gaps->model();
        const Breakdown &b = snapshot()->byTeam;
        int checked = 0;
        for (int t = 0; t < model->rowCount(); ++t) {
            const QModelIndex theme = model->index(t, 0);
            for (int r = 0; r < model->rowCount(theme); ++r) {
                const MetricResult *m = model->metricAt(model->index(r, 0, theme));
                QCOMPARE(model->index(r, GapsModel::Teams, theme).data().toString(),
                         rollupWords(b.rollupOf(m->key()), BreakdownBy::Team));
                ++checked;
            }
        }
        QCOMPARE(checked, kMetricCount);
        // Three teams: every metric's counts add up to three.
        for (const MetricRollup &r : b.rollup)
            QCOMPARE(r.total(), 3);
        shoot(m_window.get(), "gaps");
    }
};

QTEST_MAIN(TstScopeView)
#include "tst_scopeview.moc"
