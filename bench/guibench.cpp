// srm_guibench WORKSPACE [--repeat N]: opens the real main window offscreen on WORKSPACE and
// prints, as one JSON document, the times the docs' window goals are about (issue 6):
//   first_dashboard_ms  from constructing the window to the first complete dashboard on screen
//                       (open the workspace, compute off the GUI thread, lay out, paint);
//   repaint_ms          a full repaint of the dashboard page, every tile (median and worst of N);
//   switch_ms           switching to each view and painting it, the first time (the view fills
//                       its models then) and again later (median of N).
// Goals: first dashboard < 1000 ms, repaint < 16 ms, switch < 100 ms on the 1M-page workspace.
#include "app/mainwindow.h"
#include "views/analysiscontroller.h"
#include "views/viewids.h"
#include "views/viewpage.h"
#include "views/workspacesnapshot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace srm;

namespace {
double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double round2(double v)
{
    return std::round(v * 100) / 100;
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("sre-roadmap-bench"));
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first().startsWith(u'-')) {
        std::fprintf(stderr, "usage: srm_guibench WORKSPACE [--repeat N]\n");
        return 2;
    }
    const QString path = args.first();
    int repeat = 30;
    if (const qsizetype i = args.indexOf(QStringLiteral("--repeat")); i >= 0 && i + 1 < args.size())
        repeat = std::max(1, args[i + 1].toInt());

    // First complete dashboard: window up, workspace open, snapshot computed in the worker,
    // delivered, applied to the dashboard and painted.
    QElapsedTimer total;
    total.start();
    MainWindow window;
    window.setRemembersFiles(false);
    window.resize(1600, 1000);
    window.show();
    QEventLoop loop;
    QObject::connect(window.controller(), &AnalysisController::snapshotReady, &loop, &QEventLoop::quit);
    QObject::connect(window.controller(), &AnalysisController::failed, &loop, [&](const QString &message) {
        std::fprintf(stderr, "srm_guibench: %s\n", qPrintable(message));
        loop.exit(3);
    });
    QElapsedTimer opening;
    opening.start();
    if (!window.openWorkspace(path)) {
        std::fprintf(stderr, "srm_guibench: %s\n", qPrintable(window.lastError()));
        return 3;
    }
    const double openMs = ms(opening);
    if (loop.exec() != 0)
        return 3;
    QWidget *dashboard = window.viewPage(ViewId::Dashboard);
    dashboard->repaint();
    const double firstDashboard = ms(total);
    const SnapshotPtr snapshot = window.snapshot();

    // Full repaints of the dashboard page: every widget of it painted into an image the size
    // of the page (render() paints them all, whatever the backing store thinks is dirty).
    std::vector<double> repaints;
    QImage frame(dashboard->size(), QImage::Format_ARGB32_Premultiplied);
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        dashboard->render(&frame);
        repaints.push_back(ms(t));
    }

    // Switching views: the first time each page shows the snapshot, then again.
    QJsonObject firstSwitch, laterSwitch;
    double worst = 0;
    auto switchTo = [&](ViewId id) {
        QElapsedTimer t;
        t.start();
        window.showView(id);
        window.viewPage(id)->repaint();
        return ms(t);
    };
    for (ViewId id : kAllViews) {
        if (id == ViewId::Dashboard)
            continue;
        const double first = switchTo(id);
        firstSwitch.insert(viewName(id), round2(first));
        worst = std::max(worst, first);
    }
    for (ViewId id : kAllViews) {
        std::vector<double> times;
        for (int i = 0; i < std::max(3, repeat / 5); ++i) {
            switchTo(id == ViewId::Dashboard ? ViewId::Gaps : ViewId::Dashboard);
            times.push_back(switchTo(id));
        }
        laterSwitch.insert(viewName(id), round2(median(times)));
        worst = std::max(worst, *std::max_element(times.begin(), times.end()));
    }

    const QJsonObject doc{
        {QStringLiteral("workspace"), path},
        {QStringLiteral("window_days"), snapshot->window.days},
        {QStringLiteral("pages_in_window"), qint64(snapshot->analysis.alerts.totalPages)},
        {QStringLiteral("first_dashboard_ms"), round2(firstDashboard)},
        {QStringLiteral("open_ms"), round2(openMs)},
        {QStringLiteral("load_ms"), round2(snapshot->loadMs)},
        {QStringLiteral("compute_ms"), round2(snapshot->computeMs)},
        {QStringLiteral("repaint_ms"),
         QJsonObject{{QStringLiteral("median"), round2(median(repaints))},
                     {QStringLiteral("max"), round2(*std::max_element(repaints.begin(), repaints.end()))},
                     {QStringLiteral("runs"), repeat}}},
        {QStringLiteral("switch_ms"),
         QJsonObject{{QStringLiteral("first"), firstSwitch},
                     {QStringLiteral("again_median"), laterSwitch},
                     {QStringLiteral("max"), round2(worst)}}},
        {QStringLiteral("goals_ms"),
         QJsonObject{{QStringLiteral("first_dashboard"), 1000},
                     {QStringLiteral("repaint"), 16},
                     {QStringLiteral("switch"), 100}}},
    };
    std::fputs(QJsonDocument(doc).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
