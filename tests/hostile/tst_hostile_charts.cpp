// Hostile numbers on chart axes (docs/hostile-input.md#charts): the one tick engine stays
// bounded at any range (1e308, infinities, NaN, reversed, empty) and its labels never overlap;
// the quadrant chart with toil near 1e308 (once an endless tick loop that allocated until the
// process died) and the SLO chart with budgets of −3,400% (once ~70 overlapping labels) paint
// in bounded time with readable axes.
#include "engine/analysis.h"
#include "store/settings.h"
#include "views/charts/chartstyle.h"
#include "views/charts/quadrantchart.h"
#include "views/charts/slochart.h"
#include "views/charts/ticks.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QTest>
#include <QTextItem>

#include <chrono>
#include <cmath>
#include <future>
#include <limits>
#include <thread>

using namespace srm;
using namespace srm::charts;

namespace {

constexpr double kMax = std::numeric_limits<double>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::nan("");

// A paint device that keeps every text drawn on it with its position and font.
struct DrawnText
{
    QPointF at;
    QString text;
    QFont font;
};

class RecordingEngine : public QPaintEngine
{
public:
    RecordingEngine() : QPaintEngine(QPaintEngine::AllFeatures) { }
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override { }
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }
    void drawPath(const QPainterPath &) override { }
    void drawTextItem(const QPointF &p, const QTextItem &item) override
    {
        texts.push_back({painter()->transform().map(p), item.text(), item.font()});
    }
    Type type() const override { return QPaintEngine::User; }
    std::vector<DrawnText> texts;
};

class RecordingDevice : public QPaintDevice
{
public:
    explicit RecordingDevice(QSize size) : m_size(size) { }
    QPaintEngine *paintEngine() const override { return &m_engine; }
    const std::vector<DrawnText> &texts() const { return m_engine.texts; }

protected:
    int metric(PaintDeviceMetric m) const override
    {
        switch (m) {
        case PdmWidth: return m_size.width();
        case PdmHeight: return m_size.height();
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY: return 96;
        case PdmDepth: return 32;
        case PdmDevicePixelRatio: return 1;
        case PdmDevicePixelRatioScaled: return int(QPaintDevice::devicePixelRatioFScale());
        default: return QPaintDevice::metric(m);
        }
    }

private:
    QSize m_size;
    mutable RecordingEngine m_engine;
};

// Runs `paint` on another thread and fails the test (instead of hanging it) when it does not
// finish within `seconds`.
template <typename F>
bool finishesWithin(int seconds, F paint)
{
    auto task = std::async(std::launch::async, paint);
    if (task.wait_for(std::chrono::seconds(seconds)) == std::future_status::ready)
        return true;
    qFatal("a chart did not finish painting within %d s", seconds); // an endless loop: stop here
}

// The texts on the lowest baseline among those accepted by `which` (an axis under a plot).
std::vector<DrawnText> lowestRow(const std::vector<DrawnText> &texts, const std::function<bool(const QString &)> &which)
{
    qreal lowest = -1e9;
    for (const DrawnText &t : texts)
        if (which(t.text))
            lowest = std::max(lowest, t.at.y());
    std::vector<DrawnText> out;
    for (const DrawnText &t : texts)
        if (which(t.text) && std::abs(t.at.y() - lowest) < 2) // one row, whatever its font
            out.push_back(t);
    std::sort(out.begin(), out.end(), [](const DrawnText &a, const DrawnText &b) { return a.at.x() < b.at.x(); });
    return out;
}

bool overlap(const std::vector<DrawnText> &row, QString *which)
{
    for (std::size_t i = 1; i < row.size(); ++i) {
        const QFontMetricsF fm(row[i - 1].font);
        if (row[i - 1].at.x() + fm.horizontalAdvance(row[i - 1].text) > row[i].at.x()) {
            *which = row[i - 1].text + QStringLiteral(" / ") + row[i].text;
            return true;
        }
    }
    return false;
}

SloResult slo(const QString &name, double budget)
{
    SloResult s;
    s.name = name;
    s.objective = 0.999;
    s.windowSeconds = 28 * 86400;
    s.windowTo = 1790812800000000; // 2026-10-01
    s.windowFrom = s.windowTo - s.windowSeconds * kMicrosPerSecond;
    s.attainment = 0.9;
    s.met = false;
    s.errorBudgetRemaining = budget;
    s.budget = {{s.windowFrom, 1.0},
                {s.windowTo - kMicrosPerDay, std::isfinite(budget) ? budget / 2 : budget},
                {s.windowTo, budget}};
    return s;
}

} // namespace

class TstHostileCharts : public QObject
{
    Q_OBJECT

private slots:
    // Whatever the range, at most kMaxTicks finite ticks, increasing, on nice steps.
    void ticksAreBounded_data()
    {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::newRow("0..1") << 0.0 << 1.0;
        QTest::newRow("0..1e308") << 0.0 << 1e308;
        QTest::newRow("largest doubles") << -kMax << kMax;
        QTest::newRow("infinities") << -kInf << kInf;
        QTest::newRow("NaN") << kNaN << 1.0;
        QTest::newRow("both NaN") << kNaN << kNaN;
        QTest::newRow("reversed") << 10.0 << -10.0;
        QTest::newRow("empty") << 5.0 << 5.0;
        QTest::newRow("1e15 + 1") << 1e15 << 1e15 + 1;
        QTest::newRow("budget -3400%") << -34.0 << 1.0;
        QTest::newRow("budget -1e300") << -1e300 << 1.0;
        QTest::newRow("subnormal") << 0.0 << 1e-310;
    }
    void ticksAreBounded()
    {
        QFETCH(double, lo);
        QFETCH(double, hi);
        for (int count : {1, 5, 10, 1000, -3}) {
            const std::vector<double> ticks = niceTicks(lo, hi, count);
            QVERIFY(!ticks.empty());
            QVERIFY(int(ticks.size()) <= kMaxTicks);
            for (std::size_t i = 0; i < ticks.size(); ++i) {
                QVERIFY(std::isfinite(ticks[i]));
                if (i > 0)
                    QVERIFY(ticks[i] > ticks[i - 1]);
            }
        }
        const std::vector<double> sq = sqrtTicks(hi);
        QVERIFY(int(sq.size()) <= kMaxTicks);
        for (double t : sq)
            QVERIFY(std::isfinite(t));
        QVERIFY(std::isfinite(niceCeil(hi)) && niceCeil(hi) > 0);
        const auto fixed = [](double) { return 30.0; };
        const std::vector<double> fitted = fittedTicks(lo, hi, 300, fixed, 4, 10, true);
        QVERIFY(!fitted.empty() && int(fitted.size()) <= 10);
    }

    // Nice steps, by hand: 0..1 in five is 0, 0.2, ..., 1; −34..1 in five steps of 10 (7 is
    // not nice) is −30, −20, −10, 0; counts never step below one page.
    void ticksAreNice()
    {
        QCOMPARE(niceTicks(0, 1, 5), (std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}));
        QCOMPARE(niceTicks(-34, 1, 5), (std::vector<double>{-30, -20, -10, 0}));
        QCOMPARE(niceTicks(0, 3, 5, 1), (std::vector<double>{0, 1, 2, 3}));
        QCOMPARE(niceTicks(0, 10, 4), (std::vector<double>{0, 2.5, 5, 7.5, 10}));
        QCOMPARE(niceTicks(1, 11, 4), (std::vector<double>{5, 10})); // 2.5 only from zero
        QCOMPARE(niceCeil(1.2e308), kMax);
        QCOMPARE(sqrtTicks(100), (std::vector<double>{0, 1, 2, 5, 10, 20, 50, 100}));
    }

    // Fitted ticks: labels 40 wide on 300 units, −3,400%..100%: the ends, and nice ticks
    // between them at least a label and a gap apart.
    void fittedLabelsDoNotOverlap()
    {
        const auto width = [](double) { return 40.0; };
        const std::vector<double> t = fittedTicks(-34, 1, 300, width, 6, 10, true);
        QCOMPARE(t.front(), -34.0);
        QCOMPARE(t.back(), 1.0);
        for (std::size_t i = 1; i < t.size(); ++i)
            QVERIFY((t[i] - t[i - 1]) / 35 * 300 >= 46 - 1e-9);
        QVERIFY(t.size() >= 4); // -34, some of -30/-20/-10/0 ..., 1
        const std::vector<std::size_t> kept = spacedLabels({0, 10, 20, 30, 95, 100}, {12, 12, 12, 12, 12, 12}, 2,
                                                           {0, 5});
        QCOMPARE(kept, (std::vector<std::size_t>{0, 2, 5}));
    }

    // The quadrant with a threshold of 6e307 hours and an item of 1e308 hours (and NaN costs):
    // painted at once, its tick labels apart.
    void quadrantWithHugeToil()
    {
        WorkspaceSettings settings;
        settings.quadrantToilHours = 6e307;
        settings.quadrantCostWeeks = kNaN;
        std::vector<DebtItem> items(3);
        items[0].id = "OPS-1";
        items[0].toilHoursPerWeek = 1e308;
        items[0].costWeeks = 2;
        items[1].id = "OPS-2";
        items[1].toilHoursPerWeek = 3;
        items[1].costWeeks = kNaN;
        items[2].id = "OPS-3";
        items[2].toilHoursPerWeek = kInf;
        items[2].costWeeks = 1e300;
        RecordingDevice device(QSize(900, 600));
        QVERIFY(finishesWithin(20, [&] {
            QPainter p(&device);
            paintDebtQuadrant(p, QRectF(0, 0, 900, 600), items, settings, ChartStyle::light());
        }));
        const auto numbers = lowestRow(device.texts(), [](const QString &s) {
            bool ok = false;
            s.toDouble(&ok);
            return ok;
        });
        QVERIFY(numbers.size() >= 4);
        QString which;
        QVERIFY2(!overlap(numbers, &which), qPrintable(which));
        // And onto an image, as the window and the report do.
        QImage image(900, 600, QImage::Format_ARGB32);
        QVERIFY(finishesWithin(20, [&] {
            QPainter p(&image);
            paintDebtQuadrant(p, QRectF(0, 0, 900, 600), items, settings, ChartStyle::light());
        }));
    }

    // The SLO chart with budgets of −3,400%, −1e300% and NaN: a bounded, readable budget axis.
    void sloBudgetAxis_data()
    {
        QTest::addColumn<double>("budget");
        QTest::newRow("-3,400%") << -34.0;
        QTest::newRow("-1e300") << -1e300;
        QTest::newRow("NaN") << kNaN;
        QTest::newRow("-infinity") << -kInf;
    }
    void sloBudgetAxis()
    {
        QFETCH(double, budget);
        const std::vector<SloResult> slos{slo(QStringLiteral("checkout"), budget), slo(QStringLiteral("search"), 0.4)};
        RecordingDevice device(QSize(1100, 400));
        QVERIFY(finishesWithin(20, [&] {
            QPainter p(&device);
            paintSloChart(p, QRectF(0, 0, 1100, 400), slos, ChartStyle::light());
        }));
        const auto percents = lowestRow(device.texts(), [](const QString &s) { return s.endsWith(u'%'); });
        QVERIFY2(percents.size() >= 2 && percents.size() <= 10, qPrintable(QString::number(percents.size())));
        QString which;
        QVERIFY2(!overlap(percents, &which), qPrintable(which));
        QCOMPARE(percents.back().text, QStringLiteral("100%"));
        if (const QByteArray dir = qgetenv("SRM_CHART_DUMP"); !dir.isEmpty()) { // for a look
            QImage image(1100, 400, QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter p(&image);
            paintSloChart(p, QRectF(0, 0, 1100, 400), slos, ChartStyle::light());
            p.end();
            image.save(
                QString::fromLocal8Bit(dir)
                + QStringLiteral("/hostile-slo-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()).remove(u'%')));
        }
    }
};

QTEST_MAIN(TstHostileCharts)
#include "tst_hostile_charts.moc"
