// The chart paint routines (views/charts): each draws real content on a QImage in the light,
// dark and print styles, into an SVG and onto a PDF page; hit tests find what was drawn where;
// shared scales and the dense-series drawing keep what they promise. Set SRM_CHART_DUMP=DIR to
// keep the PNG and SVG files for a look.
#include "engine/analysis.h"
#include "planning/debtstore.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"
#include "views/charts/chart.h"
#include "views/charts/chartcanvas.h"
#include "views/charts/incidentcharts.h"
#include "views/charts/metricchart.h"
#include "views/charts/paretochart.h"
#include "views/charts/progresschart.h"
#include "views/charts/quadrantchart.h"
#include "views/charts/roadmapchart.h"
#include "views/charts/slochart.h"
#include "views/charts/valueformat.h"
#include "views/chartwidget.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>
#include <QTest>

using namespace srm;
using namespace srm::charts;
using namespace srm::test;

namespace {

// Pixels that differ from the background.
qint64 inkedPixels(const QImage &image, const QColor &background)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    const QRgb bg = background.rgb();
    qint64 n = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            n += (line[x] & 0xffffff) != (bg & 0xffffff);
    }
    return n;
}

} // namespace

class TstCharts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    Analysis m_analysis;
    std::vector<DebtItem> m_items;
    WorkspaceSettings m_settings;
    Plan m_plan;
    ProgressReport m_progress;
    std::vector<std::pair<QString, std::shared_ptr<Chart>>> m_charts;

    void dump(const QString &name, const QImage &image, const QByteArray &svg)
    {
        const QString dir = qEnvironmentVariable("SRM_CHART_DUMP");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        image.save(QDir(dir).filePath(name + QStringLiteral(".png")));
        writeFile(QDir(dir).filePath(name + QStringLiteral(".svg")), svg);
    }

private slots:
    void initTestCase()
    {
        m_demo = m_dir.filePath(QStringLiteral("demo.srmap"));
        QCOMPARE(runCli({QStringLiteral("demo"), m_demo}).exitCode, 0);
        auto ws = Workspace::open(m_demo);
        const Dataset data = Dataset::load(*ws, std::nullopt, 90, Dataset::AllParts,
                                           QDateTime::currentMSecsSinceEpoch() * 1000);
        m_analysis = analyze(data);
        m_items = DebtStore(*ws).items();
        m_settings = ws->settings();
        m_plan = planRoadmap(*ws, PlanRequest{std::nullopt, 4, data.window.asOf});
        m_progress = loadProgress(*ws, ProgressRequest{}, 0);

        const Analysis &a = m_analysis;
        auto add = [&](const QString &name, FunctionChart::PaintFn fn) {
            m_charts.emplace_back(name, std::make_shared<FunctionChart>(name, std::move(fn)));
        };
        const SmallMultiplesScale scale = SmallMultiplesScale::forReport(a.metrics);
        add(QStringLiteral("tile"), [&, scale](QPainter &p, const QRectF &r, const ChartStyle &s) {
            paintMetricTile(p, r, a.metrics.metrics[0], scale, s);
        });
        add(QStringLiteral("sparkline"), [&, scale](QPainter &p, const QRectF &r, const ChartStyle &s) {
            paintSparkline(p, r, a.metrics.metrics[1], scale, s);
        });
        add(QStringLiteral("smallmultiples"),
            [&](QPainter &p, const QRectF &r, const ChartStyle &s) { paintSmallMultiples(p, r, a.metrics, s, 5); });
        add(QStringLiteral("detail"), [&](QPainter &p, const QRectF &r, const ChartStyle &s) {
            paintMetricDetail(p, r, a.metrics.at(MetricId::TimeToAcknowledge), s);
        });
        add(QStringLiteral("pareto"),
            [&](QPainter &p, const QRectF &r, const ChartStyle &s) { paintPareto(p, r, a.alerts, s); });
        add(QStringLiteral("durations"),
            [&](QPainter &p, const QRectF &r, const ChartStyle &s) { paintIncidentDurations(p, r, a.incidents, s); });
        add(QStringLiteral("phases"),
            [&](QPainter &p, const QRectF &r, const ChartStyle &s) { paintIncidentPhases(p, r, a.incidents, s); });
        add(QStringLiteral("slos"),
            [&](QPainter &p, const QRectF &r, const ChartStyle &s) { paintSloChart(p, r, a.metrics.slos, s); });
        add(QStringLiteral("quadrant"), [&](QPainter &p, const QRectF &r, const ChartStyle &s) {
            paintDebtQuadrant(p, r, m_items, m_settings, s);
        });
        add(QStringLiteral("roadmap"),
            [&](QPainter &p, const QRectF &r, const ChartStyle &s) { paintRoadmap(p, r, m_plan, m_items, s); });
        add(QStringLiteral("progress"),
            [&](QPainter &p, const QRectF &r, const ChartStyle &s) { paintProgress(p, r, m_progress, s); });
    }

    // One progress panel from a hand-made report: a success is framed in green, the partial
    // quarter is hatched, the pace runs on to its projected quarter.
    void progressPanel()
    {
        auto reportOf = [](bool partial, bool success, std::optional<int> targetIndex) {
            ProgressReport r;
            r.asOf = 0;
            for (int i = 0; i < 4; ++i)
                r.quarters.push_back({Quarter{2026, i + 1}, Period{}, partial && i == 3});
            MetricProgress m;
            m.def = &MetricCatalogue::def(MetricId::AlertNoiseRatio);
            m.target = 0.2;
            const double values[] = {0.5, 0.45, 0.4, 0.38};
            for (double v : values) {
                QuarterFigure f;
                f.value = v;
                f.n = 1000;
                f.ci = Interval{v - 0.03, v + 0.03};
                f.verdict = Verdict::NoClearChange;
                f.status = Status::Gap;
                m.quarters.push_back(f);
            }
            m.pace.slopePerQuarter = -0.05;
            m.pace.intercept = 0.5;
            m.pace.indexes = {0, 1, 2};
            m.pace.targetIndex = targetIndex;
            if (targetIndex)
                m.pace.targetQuarter = Quarter{2026, 1}.plus(*targetIndex);
            m.success = success;
            r.metrics.push_back(m);
            return r;
        };
        const ChartStyle style = ChartStyle::light();
        auto render = [&](const ProgressReport &r) {
            QImage image(600, 360, QImage::Format_RGB32);
            image.fill(style.background);
            QPainter p(&image);
            ProgressChartOptions options;
            options.columns = 1;
            options.legend = false;
            paintProgress(p, QRectF(0, 0, 600, 360), r, style, options);
            p.end();
            return image;
        };
        auto count = [](const QImage &image, const QColor &color, int fromX = 0) {
            qint64 n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = fromX; x < image.width(); ++x)
                    n += QColor(image.pixel(x, y)).rgb() == color.rgb();
            return n;
        };
        // The pace line reaches 0.2 at index 6 (0.5 − 0.05 × 6): the axis runs to 2027Q3, and
        // the dotted line (in the accent colour, on its way to the target) crosses into it.
        const QImage plain = render(reportOf(false, false, 6));
        QVERIFY(count(plain, style.accent, 400) > 20);
        QCOMPARE(count(plain, style.good), 0);
        // Without a projected quarter the axis holds the four quarters and no accent is drawn.
        QVERIFY(count(render(reportOf(false, false, std::nullopt)), style.accent) < count(plain, style.accent));
        // A success: a green frame all round (600 × 360 less the corners: well over 1,500 pixels).
        QVERIFY(count(render(reportOf(false, true, 6)), style.good) > 1500);
        // The partial quarter: hatched in the grid colour; more grid pixels than without it.
        const QImage partial = render(reportOf(true, false, 6));
        QVERIFY(count(partial, style.grid) > count(plain, style.grid) + 200);
        if (!qEnvironmentVariableIsEmpty("SRM_CHART_DUMP"))
            dump(QStringLiteral("progress-panel"), partial, QByteArray());
    }

    void everyChartDrawsInEveryStyle_data()
    {
        QTest::addColumn<int>("chart");
        QTest::addColumn<int>("variant");
        for (int c = 0; c < int(m_charts.size()); ++c)
            for (int v = 0; v < 3; ++v)
                QTest::addRow("%s-%d", qPrintable(m_charts[std::size_t(c)].first), v) << c << v;
    }

    void everyChartDrawsInEveryStyle()
    {
        QFETCH(int, chart);
        QFETCH(int, variant);
        const auto &[name, c] = m_charts[std::size_t(chart)];
        const ChartStyle style = variant == 0 ? ChartStyle::light()
            : variant == 1                    ? ChartStyle::dark()
                                              : ChartStyle::print();
        const QSize size = name == u"tile" ? QSize(300, 170) : name == u"sparkline" ? QSize(120, 24) : QSize(1100, 620);
        const QImage image = renderImage(*c, size, style, 1);
        QCOMPARE(image.size(), size);
        // Real content: a fair share of the pixels carry ink.
        const qint64 ink = inkedPixels(image, style.background);
        QVERIFY2(ink > qint64(size.width()) * size.height() / 200,
                 qPrintable(QStringLiteral("%1 ink pixels").arg(ink)));
        const QByteArray svg = renderSvg(*c, size, style);
        QVERIFY(svg.startsWith("<?xml"));
        QVERIFY(svg.contains("<path") || svg.contains("<polyline"));
        dump(QStringLiteral("%1-%2").arg(name).arg(variant), image, svg);
    }

    void chartsDrawOnAPdfPage()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter pdf(&buffer);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        QPainter p(&pdf);
        const ChartStyle style = ChartStyle::print();
        QCOMPARE(ChartStyle::unit(&pdf), 1200.0 / 96.0);
        const QRectF page(0, 0, pdf.width(), pdf.height() / 2);
        for (std::size_t i = 0; i < m_charts.size(); ++i) {
            if (i > 0)
                pdf.newPage();
            m_charts[i].second->paint(p, page, style);
        }
        p.end();
        QVERIFY(buffer.data().startsWith("%PDF"));
        QVERIFY(buffer.data().size() > 20000);
    }

    void paretoHitTestFollowsTheEngineOrder()
    {
        const AlertReport &alerts = m_analysis.alerts;
        QVERIFY(alerts.groups.size() > 10);
        const QRectF rect(0, 0, 1000, 500);
        QImage device(10, 10, QImage::Format_RGB32);
        const ChartStyle style = ChartStyle::light();
        // Find the first bar by scanning across the plot's middle.
        int previous = -1;
        QList<int> seen;
        for (int x = 0; x < 1000; ++x) {
            const int g = paretoGroupAt(rect, alerts, style, &device, QPointF(x, 300));
            if (g >= 0 && g != previous)
                seen << g;
            previous = g;
        }
        QCOMPARE(seen.size(), int(alerts.groups.size()));
        for (int i = 0; i < seen.size(); ++i)
            QCOMPARE(seen[i], i);
    }

    // A long tail: the first max(200, 2 × vital few) groups are drawn, the rest summed in a note.
    void paretoDrawsTheHeadOfALongTail_data()
    {
        QTest::addColumn<int>("groups");
        QTest::addColumn<int>("vital");
        QTest::addColumn<int>("drawn");
        QTest::newRow("200 groups: all") << 200 << 10 << 200;
        QTest::newRow("201 groups, 10 vital: 200") << 201 << 10 << 200;
        QTest::newRow("900 groups, 150 vital: 300") << 900 << 150 << 300;
        QTest::newRow("260 groups, 140 vital: all") << 260 << 140 << 260;
    }
    void paretoDrawsTheHeadOfALongTail()
    {
        QFETCH(int, groups);
        QFETCH(int, vital);
        QFETCH(int, drawn);
        // `vital` groups of 100 pages, then groups of 1 page; the 80% mark is set as given.
        AlertReport report;
        std::int64_t cumulative = 0;
        for (int i = 0; i < groups; ++i) {
            AlertGroup g;
            g.service = QStringLiteral("svc");
            g.title = QStringLiteral("alert %1").arg(i);
            g.key = g.service + u'|' + g.title;
            g.count = i < vital ? 100 : 1;
            report.groups.push_back(g);
            report.totalPages += g.count;
        }
        for (AlertGroup &g : report.groups) {
            cumulative += g.count;
            g.share = double(g.count) / double(report.totalPages);
            g.cumulativeShare = double(cumulative) / double(report.totalPages);
        }
        report.groupsFor80Percent = vital;

        const QRectF rect(0, 0, 3000, 500);
        QImage device(10, 10, QImage::Format_RGB32);
        const ChartStyle style = ChartStyle::light();
        int last = -1;
        QSet<int> seen;
        for (int x = 0; x < 3000; ++x) {
            const int g = paretoGroupAt(rect, report, style, &device, QPointF(x, 300));
            if (g >= 0) {
                seen.insert(g);
                last = std::max(last, g);
            }
        }
        QCOMPARE(seen.size(), drawn);
        QCOMPARE(last, drawn - 1);

        QImage image(3000, 500, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        paintPareto(p, rect, report, style); // the note about the groups not drawn included
        p.end();
    }

    void roadmapBarsSitInTheirQuarter()
    {
        QImage device(10, 10, QImage::Format_RGB32);
        const std::vector<RoadmapBar> bars = roadmapBars(QRectF(0, 0, 1400, 700), m_plan, ChartStyle::light(), &device);
        std::size_t placed = 0;
        for (const PlanQuarter &q : m_plan.quarters)
            placed += q.items.size();
        QCOMPARE(bars.size(), placed + m_plan.unscheduled.size());
        for (const RoadmapBar &b : bars) {
            const PlannedItem *p = m_plan.find(b.id);
            QVERIFY(p);
            if (p->quarter) {
                QVERIFY(b.column < int(m_plan.quarters.size()));
                QCOMPARE(m_plan.quarters[std::size_t(b.column)].quarter, *p->quarter);
            } else {
                QCOMPARE(b.column, int(m_plan.quarters.size()));
            }
            QCOMPARE(roadmapItemAt(QRectF(0, 0, 1400, 700), m_plan, ChartStyle::light(), &device, b.row.center()),
                     QString::fromStdString(b.id));
        }
    }

    void quadrantAndSloHitTests()
    {
        QImage device(10, 10, QImage::Format_RGB32);
        const ChartStyle style = ChartStyle::light();
        const QRectF rect(0, 0, 800, 600);
        // Scan the plot for every open item.
        QSet<QString> found;
        for (int y = 0; y < 600; y += 2)
            for (int x = 0; x < 800; x += 2) {
                const QString id = debtQuadrantAt(rect, m_items, m_settings, style, &device, QPointF(x, y));
                if (!id.isEmpty())
                    found.insert(id);
            }
        // Every open item, but of items at one spot the first (OPS-12 shares 5 h, 3 weeks with
        // OPS-2, which is done: only open items are drawn).
        QSet<QString> open;
        QSet<QPair<double, double>> spots;
        for (const DebtItem &i : m_items)
            if (i.status == DebtStatus::Open && !spots.contains({i.toilHoursPerWeek, i.costWeeks})) {
                spots.insert({i.toilHoursPerWeek, i.costWeeks});
                open.insert(QString::fromStdString(i.id));
            }
        QCOMPARE(found, open);
        QVERIFY(found.contains(QStringLiteral("OPS-12")));
        QVERIFY(!found.contains(QStringLiteral("OPS-2")));

        QSet<QString> slos;
        for (int y = 0; y < 600; ++y) {
            const QString name = sloAt(rect, m_analysis.metrics.slos, style, &device, QPointF(400, y));
            if (!name.isEmpty())
                slos.insert(name);
        }
        QCOMPARE(slos.size(), int(m_analysis.metrics.slos.size()));
    }

    // A chart's context menu exports: PNG at twice the pixels, SVG, written whole or not at all.
    void chartWidgetExports()
    {
        ChartWidget widget;
        widget.resize(640, 400);
        widget.setChart(m_charts[4].second); // the Pareto
        QCOMPARE(widget.accessibleName(), QStringLiteral("pareto"));
        const QString png = m_dir.filePath(QStringLiteral("chart.png"));
        const QString svg = m_dir.filePath(QStringLiteral("chart.svg"));
        QString error;
        QVERIFY2(widget.savePng(png, &error), qPrintable(error));
        QVERIFY2(widget.saveSvg(svg, &error), qPrintable(error));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 800));
        QVERIFY(inkedPixels(image, Qt::white) > 1280 * 800 / 50);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("<?xml"));
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains("1,459 pages")); // the demo's pages in the 90 days to 2026-10-01
        const QString bad = m_dir.filePath(QStringLiteral("missing/dir/chart.png"));
        QVERIFY(!widget.savePng(bad, &error));
        QVERIFY(error.contains(bad));
        QVERIFY(!QFile::exists(bad));
    }

    void scalesAndTicks_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("nice");
        QTest::newRow("0.84") << 0.84 << 1.0;
        QTest::newRow("137") << 137.0 << 200.0;
        QTest::newRow("3.41") << 3.41 << 5.0;
        QTest::newRow("24") << 24.0 << 25.0;
        QTest::newRow("1") << 1.0 << 1.0;
        QTest::newRow("0") << 0.0 << 1.0;
    }

    void scalesAndTicks()
    {
        QFETCH(double, value);
        QFETCH(double, nice);
        QCOMPARE(niceCeil(value), nice);
    }

    // The fullest histogram bin (quarter decades of minutes from the axis' low end), counted by
    // hand: values at or below the low end fall in the first bin; 100 minutes is exactly the
    // start of bin 8. Sorted values are binned by binary search, others one by one; both agree.
    void durationAxisFullestBin_data()
    {
        QTest::addColumn<std::vector<double>>("minutes");
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<qint64>("fullest");
        QTest::newRow("first bin") << std::vector<double>{0, 0, 1, 1.5, 1.7, 100, 100, 100, 100} << 1.0 << 120.0
                                   << qint64(5);
        QTest::newRow("last bin") << std::vector<double>{1, 10, 100, 100, 100, 100, 110} << 1.0 << 120.0 << qint64(5);
        QTest::newRow("unsorted") << std::vector<double>{100, 1, 110, 100, 10, 100, 100} << 1.0 << 120.0 << qint64(5);
        QTest::newRow("one per bin") << std::vector<double>{2, 4, 7, 12, 20} << 2.0 << 30.0 << qint64(1);
        QTest::newRow("bin edges") << std::vector<double>{1, 1.7782, 1.7783, 3.1622, 3.1623, 10} << 1.0 << 10.0
                                   << qint64(2);
    }

    void durationAxisFullestBin()
    {
        QFETCH(std::vector<double>, minutes);
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(qint64, fullest);
        DurationStats stats;
        stats.values = minutes;
        const DurationAxis axis = DurationAxis::forStats({&stats});
        QCOMPARE(axis.loMinutes, lo);
        QCOMPARE(axis.hiMinutes, hi);
        QCOMPARE(axis.countMax, fullest);
    }

    void ticksAndFormats()
    {
        QCOMPARE(niceTicks(0, 200, 4), (std::vector<double>{0, 50, 100, 150, 200}));
        QCOMPARE(formatValue(3.4111, Unit::PerDay), QStringLiteral("3.41/day"));
        QCOMPARE(formatValue(0.0625, Unit::Ratio), QStringLiteral("6.3%"));
        QCOMPARE(formatValue(137.2, Unit::PerWeek), QStringLiteral("137/week"));
        QCOMPARE(formatValue(std::nullopt, Unit::Hours), QStringLiteral("–"));
        QCOMPARE(formatDuration(90), QStringLiteral("1.50 h"));
        QCOMPARE(formatDurationTick(10), QStringLiteral("10 min"));
        QCOMPARE(formatDurationTick(1440), QStringLiteral("1 d"));
        QCOMPARE(formatTick(1, Unit::Ratio), QStringLiteral("100%"));
        QCOMPARE(formatCount(1760), QStringLiteral("1,760"));
    }

    // Metrics of one unit share a scale from zero to a nice number above the largest weekly
    // value, window value or target of that unit.
    void smallMultiplesShareScales()
    {
        const MetricsReport &r = m_analysis.metrics;
        const SmallMultiplesScale s = SmallMultiplesScale::forReport(r);
        QCOMPARE(s.from, r.window.from());
        QCOMPARE(s.to, r.window.to());
        for (Unit u : {Unit::PerDay, Unit::Hours, Unit::Ratio, Unit::Minutes, Unit::PerWeek}) {
            double most = 0;
            for (const MetricResult &m : r.metrics) {
                if (m.def->unit != u)
                    continue;
                most = std::max(most, m.target);
                if (m.value)
                    most = std::max(most, *m.value);
                for (const WeeklyPoint &w : m.weekly)
                    if (w.value)
                        most = std::max(most, *w.value);
            }
            QCOMPARE(s.low(u), 0.0);
            QCOMPARE(s.high(u), niceCeil(most));
            QVERIFY(s.high(u) >= most);
        }
        QCOMPARE(s.high(Unit::Ratio), 1.0); // the demo's repeat page ratio is 84%
    }

    // 10,000 points in 200 pixels: the one spike still reaches its height.
    void denseSeriesKeepsPeaks()
    {
        QImage image(200, 100, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        const ChartStyle style = ChartStyle::light();
        Canvas c(p, style);
        std::vector<SeriesPoint> pts;
        for (int i = 0; i < 10000; ++i)
            pts.push_back({qreal(i) * 200.0 / 10000.0, i == 5003 ? 5.0 : 90.0});
        drawSeries(c, pts, c.pen(Qt::black));
        p.end();
        bool spike = false;
        for (int x = 95; x <= 105; ++x)
            spike = spike || qGray(image.pixel(x, 6)) < 128;
        QVERIFY(spike);
        QVERIFY(qGray(image.pixel(50, 90)) < 128);
        QVERIFY(qGray(image.pixel(50, 50)) >= 128);
    }
};

QTEST_MAIN(TstCharts)
#include "tst_charts.moc"
