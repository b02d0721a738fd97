// The interval formulas, the verdict rules and the Theil–Sen line (docs/intervals-and-
// progress.md), on small inputs worked out by hand; z = 1.959964, z² = 3.841458879.
#include "engine/intervals.h"
#include "engine/progress.h"
#include "tests/enginefixture.h"

#include <QTest>

using namespace srm;
using namespace srm::test;

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

} // namespace

class TstIntervals : public QObject
{
    Q_OBJECT

private slots:
    void medianRank_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("k");
        // k = floor((n − z√n) ÷ 2)
        QTest::newRow("0") << 0 << 0;
        QTest::newRow("1") << 1 << -1;     // (1 − 1.959964) ÷ 2 = −0.48
        QTest::newRow("7") << 7 << 0;      // (7 − 1.959964 × 2.645751) ÷ 2 = (7 − 5.185577) ÷ 2 = 0.907
        QTest::newRow("8") << 8 << 1;      // (8 − 1.959964 × 2.828427) ÷ 2 = (8 − 5.543615) ÷ 2 = 1.228
        QTest::newRow("20") << 20 << 5;    // (20 − 1.959964 × 4.472136) ÷ 2 = (20 − 8.765226) ÷ 2 = 5.617
        QTest::newRow("30") << 30 << 9;    // (30 − 1.959964 × 5.477226) ÷ 2 = (30 − 10.735165) ÷ 2 = 9.632
        QTest::newRow("100") << 100 << 40; // (100 − 19.59964) ÷ 2 = 40.2
    }
    void medianRank()
    {
        QFETCH(int, n);
        QFETCH(int, k);
        QCOMPARE(intervals::medianRank(n), std::int64_t(k));
    }

    void medianInterval()
    {
        // No values, and too few values (7: k = 0): no interval.
        QVERIFY(!intervals::median(std::vector<double>{}));
        const std::vector<double> seven{1, 2, 3, 4, 5, 6, 7};
        QVERIFY(!intervals::median(seven));
        // 8 values: k = 1, [x₁, x₈] = [1, 80].
        const std::vector<double> eight{1, 2, 3, 4, 5, 6, 7, 80};
        QCOMPARE(*intervals::median(eight), (Interval{1, 80}));
        // 20 values 1..20: k = 5, [x₅, x₁₆] = [5, 16].
        std::vector<double> twenty;
        for (int i = 1; i <= 20; ++i)
            twenty.push_back(i);
        QCOMPARE(*intervals::median(twenty), (Interval{5, 16}));
    }

    void wilson_data()
    {
        QTest::addColumn<int>("s");
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        // c = (p + z²/2n) ÷ (1 + z²/n), h = z√(p(1−p)/n + z²/4n²) ÷ (1 + z²/n).
        // p = 0, n = 10: c = 0.1920729 ÷ 1.3841459 = 0.1387664, h = 1.959964 × √(0.0096036) ÷ 1.3841459
        //   = 1.959964 × 0.0979982 ÷ 1.3841459 = 0.1387664: [0, 0.2775328]
        QTest::newRow("p = 0") << 0 << 10 << 0.0 << 0.2775328030260577;
        // p = 1: the mirror image, [1 − 0.2775328, 1]
        QTest::newRow("p = 1") << 10 << 10 << 0.7224671969739421 << 1.0;
        // p = 0.3, n = 10: c = (0.3 + 0.1920729) ÷ 1.3841459 = 0.3555066,
        //   h = 1.959964 × √(0.021 + 0.0096036) ÷ 1.3841459 = 1.959964 × 0.1749389 ÷ 1.3841459 = 0.2477152
        QTest::newRow("3 of 10") << 3 << 10 << 0.10779126655639398 << 0.6032218546540291;
        // n = 1, s = 1: c = (1 + 1.9207294) ÷ 4.8414589 = 0.6032747, h = 1.959964 × √0.9603647 ÷ 4.8414589 = 0.3967254
        QTest::newRow("1 of 1") << 1 << 1 << 0.2065493117918027 << 1.0;
        QTest::newRow("12 of 20") << 12 << 20 << 0.3865814992347542 << 0.7811934687282198;
    }
    void wilson()
    {
        QFETCH(int, s);
        QFETCH(int, n);
        QFETCH(double, lo);
        QFETCH(double, hi);
        const std::optional<Interval> i = intervals::wilson(s, n);
        QVERIFY(i);
        QVERIFY2(near(i->lo, lo), QByteArray::number(i->lo, 'g', 17).constData());
        QVERIFY2(near(i->hi, hi), QByteArray::number(i->hi, 'g', 17).constData());
    }

    void wilsonEdges()
    {
        // n = 0 (no events): no interval; a zero count of hits is fine.
        QVERIFY(!intervals::wilson(0, 0));
        QCOMPARE(intervals::wilson(0, 1)->lo, 0.0);
        QCOMPARE(intervals::wilson(1, 1)->hi, 1.0);
    }

    void byar_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("exposure");
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        // k = 0: lower 0; upper = 1 × (1 − 1/9 + 1.959964/3)³ = (1 − 0.1111111 + 0.6533213)³
        //   = 1.5422102³ = 3.6680119, ÷ 10 days
        QTest::newRow("k = 0") << 0 << 10.0 << 0.0 << 0.3668011868943879;
        // k = 1: lower = (1 − 0.1111111 − 0.6533213)³ = 0.2355676³ = 0.0130721;
        //   upper = 2 × (1 − 1/18 + 1.959964/(3√2))³ = 2 × (1 − 0.0555556 + 0.4619621)³ = 2 × 1.4064065³ = 5.5637556
        QTest::newRow("k = 1") << 1 << 1.0 << 0.013072132043599858 << 5.563755625721499;
        // k = 10 over 5 days: lower = 10 × (1 − 1/90 − 1.959964/(3√10))³ = 10 × (1 − 0.0111111 − 0.2065981)³
        //   = 10 × 0.7822908³ = 4.787450, ÷ 5 = 0.957490;
        //   upper = 11 × (1 − 1/99 + 1.959964/(3√11))³ = 11 × (1 − 0.0101010 + 0.1969848)³ = 11 × 1.1868838³
        //   = 18.3914587, ÷ 5 = 3.6782917
        QTest::newRow("k = 10") << 10 << 5.0 << 0.9574899768097532 << 3.678291735597374;
        // 460 pages over 92 days = 13.142857 weeks (pages per week): 35.0 a week in [31.87, 38.35]
        QTest::newRow("pages") << 460 << 92.0 / 7 << 31.874171520789293 << 38.349487902830084;
    }
    void byar()
    {
        QFETCH(int, k);
        QFETCH(double, exposure);
        QFETCH(double, lo);
        QFETCH(double, hi);
        const std::optional<Interval> i = intervals::byar(k, exposure);
        QVERIFY(i);
        QVERIFY2(near(i->lo, lo), QByteArray::number(i->lo, 'g', 17).constData());
        QVERIFY2(near(i->hi, hi), QByteArray::number(i->hi, 'g', 17).constData());
        QVERIFY(!intervals::byar(k, 0)); // no exposure, no rate
    }

    void verdict_data()
    {
        QTest::addColumn<int>("better"); // 0 lower, 1 higher
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<double>("previous");
        QTest::addColumn<double>("previousLo");
        QTest::addColumn<double>("previousHi");
        QTest::addColumn<QString>("verdict");
        // Apart: down is better for a lower-is-better metric, worse for a higher-is-better one.
        QTest::newRow("lower, down") << 0 << 2.0 << 1.0 << 3.0 << 6.0 << 4.0 << 8.0 << "improved";
        QTest::newRow("lower, up") << 0 << 6.0 << 4.0 << 8.0 << 2.0 << 1.0 << 3.0 << "worse";
        QTest::newRow("higher, up") << 1 << 6.0 << 4.0 << 8.0 << 2.0 << 1.0 << 3.0 << "improved";
        QTest::newRow("higher, down") << 1 << 2.0 << 1.0 << 3.0 << 6.0 << 4.0 << 8.0 << "worse";
        // Overlapping, and touching at one end (lo₁ = hi₂ counts as overlapping).
        QTest::newRow("overlap") << 0 << 2.0 << 1.0 << 5.0 << 6.0 << 4.0 << 8.0 << "no_clear_change";
        QTest::newRow("touching") << 0 << 2.0 << 1.0 << 4.0 << 6.0 << 4.0 << 8.0 << "no_clear_change";
        QTest::newRow("inside") << 1 << 5.0 << 4.5 << 5.5 << 5.2 << 1.0 << 9.0 << "no_clear_change";
    }
    void verdict()
    {
        QFETCH(int, better);
        QFETCH(double, value);
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(double, previous);
        QFETCH(double, previousLo);
        QFETCH(double, previousHi);
        QFETCH(QString, verdict);
        const Better b = better ? Better::Higher : Better::Lower;
        const Verdict v = intervals::verdict(b, value, Interval{lo, hi}, previous, Interval{previousLo, previousHi});
        QCOMPARE(QString::fromLatin1(intervals::verdictId(v)), verdict);
    }

    void verdictWithoutAnInterval()
    {
        // Either interval missing: not enough data, however far apart the values are.
        QCOMPARE(intervals::verdict(Better::Lower, 1.0, std::nullopt, 100.0, Interval{90, 110}),
                 Verdict::InsufficientData);
        QCOMPARE(intervals::verdict(Better::Lower, 1.0, Interval{0.5, 1.5}, std::nullopt, std::nullopt),
                 Verdict::InsufficientData);
        QCOMPARE(intervals::verdict(Better::Higher, std::nullopt, std::nullopt, std::nullopt, std::nullopt),
                 Verdict::InsufficientData);
    }

    void medians()
    {
        QVERIFY(!medianOf({}));
        QCOMPARE(*medianOf({3, 1, 2}), 2.0);
        QCOMPARE(*medianOf({4, 1, 3, 2}), 2.5); // even count: the mean of the middle two
    }

    void theilSenLine()
    {
        // (0, 10), (1, 8), (2, 9), (3, 5). Pair slopes: (8−10)/1 = −2, (9−10)/2 = −0.5, (5−10)/3 = −5/3,
        // (9−8)/1 = 1, (5−8)/2 = −1.5, (5−9)/1 = −4; sorted −4, −2, −5/3, −1.5, −0.5, 1: six, so the
        // slope is the mean of −5/3 and −1.5 = −19/12 = −1.583333.
        // Intercepts yᵢ − b·i: 10, 8 + 19/12 = 9.583333, 9 + 38/12 = 12.166667, 5 + 57/12 = 9.75;
        // sorted 9.583333, 9.75, 10, 12.166667: (9.75 + 10) ÷ 2 = 9.875.
        const std::vector<std::pair<double, double>> points{{0, 10}, {1, 8}, {2, 9}, {3, 5}};
        const std::optional<TheilSenLine> line = theilSen(points);
        QVERIFY(line);
        QVERIFY(near(line->slope, -19.0 / 12));
        QVERIFY(near(line->intercept, 9.875));
        // Odd counts: (0, 1), (1, 3), (2, 4): slopes 2, 1.5, 1 -> 1.5; intercepts 1, 1.5, 1 -> 1.
        const std::vector<std::pair<double, double>> three{{0, 1}, {1, 3}, {2, 4}};
        QCOMPARE(theilSen(three)->slope, 1.5);
        QCOMPARE(theilSen(three)->intercept, 1.0);
        const std::vector<std::pair<double, double>> one{{0, 1}};
        QVERIFY(!theilSen(one));
    }

    void quarters()
    {
        QCOMPARE(formatQuarter(Quarter{2026, 1}.plus(-1)), QStringLiteral("2025Q4"));
        QCOMPARE(formatQuarter(Quarter{2026, 3}.plus(8)), QStringLiteral("2028Q3"));
        QCOMPARE(formatIso(quarterStart(Quarter{2026, 3})), QStringLiteral("2026-07-01T00:00:00Z"));
        // The progress span: the quarter before the oldest of N. As of 2026-10-01 (a quarter
        // start) the last quarter is 2026Q3; 6 quarters from 2025Q2, read from 2025Q1.
        QCOMPARE(formatIso(progressFrom(at("2026-10-01T00:00:00Z"), 6)), QStringLiteral("2025-01-01T00:00:00Z"));
        QCOMPARE(formatIso(progressFrom(at("2026-08-15T12:00:00Z"), 4)), QStringLiteral("2025-07-01T00:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(TstIntervals)
#include "tst_intervals.moc"
