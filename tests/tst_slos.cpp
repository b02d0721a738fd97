// SLOs (docs/slos-and-alerts.md#slos): attainment for Occurrences and Timeslices over each SLO's own window ending at
// as_of, error budget remaining, 24-hour burn rate, met, the budget burn-down series, and
// slo_compliance over the SLOs with data. Expected numbers worked out by hand below.
#include "tests/enginefixture.h"

#include "engine/analysis.h"

#include <QTest>

using namespace srm;
using namespace srm::test;

namespace {

const Micros kAsOf = at("2026-10-01T00:00:00Z");

Slo slo(const char *name, double objective, std::int64_t windowSeconds,
        BudgetingMethod method = BudgetingMethod::Occurrences, const char *measurementSlo = "")
{
    Slo s;
    s.name = name;
    s.measurementSlo = *measurementSlo ? measurementSlo : name;
    s.service = "shop";
    s.objective = objective;
    s.windowSeconds = windowSeconds;
    s.method = method;
    return s;
}

SloMeasurement measurement(const char *slo, const char *ts, std::optional<double> good, std::optional<double> bad,
                           std::optional<double> total)
{
    SloMeasurement m;
    m.slo = slo;
    m.timestamp = at(ts);
    m.good = good;
    m.bad = bad;
    m.total = total;
    return m;
}

constexpr std::int64_t kDay = 86400;

void writeSlos(EngineFixture &f)
{
    Slo slices = slo("slices", 0.75, 7 * kDay, BudgetingMethod::Timeslices);
    slices.timeSliceTarget = 0.95;
    f.write(slo("occ", 0.99, 7 * kDay), slices, slo("nodata", 0.999, 28 * kDay), slo("quarter", 0.999, 90 * kDay),
            slo("half-day", 0.9, kDay / 2), slo("perfect", 1.0, 7 * kDay), slo("no-total", 0.5, 7 * kDay),
            slo("shared-a", 0.9, 7 * kDay, BudgetingMethod::Occurrences, "checkout"),
            slo("shared-b", 0.99, 7 * kDay, BudgetingMethod::Occurrences, "checkout"),
            slo("slices-default", 0.9, 7 * kDay, BudgetingMethod::Timeslices));
    f.write(
        // occ, window [09-24, 10-01): 990/1000 + (1000 − 20)/1000 + 95/100 = 2065/2100.
        measurement("occ", "2026-09-23T23:00:00Z", 0, std::nullopt, 100),    // before the window
        measurement("occ", "2026-09-24T00:00:00Z", 990, std::nullopt, 1000), // on its start
        measurement("occ", "2026-09-30T12:00:00Z", std::nullopt, 20, 1000),
        measurement("occ", "2026-09-30T23:00:00Z", 95, std::nullopt, 100),
        measurement("occ", "2026-10-01T00:00:00Z", 0, std::nullopt, 100), // on its end: out
        // slices, target 0.95 per slice: 0.96 good, 0.95 good, 0.90 bad, 49/50 good; an empty
        // slice does not count -> 3 of 4.
        measurement("slices", "2026-09-25T00:00:00Z", 96, std::nullopt, 100),
        measurement("slices", "2026-09-26T00:00:00Z", 95, std::nullopt, 100),
        measurement("slices", "2026-09-29T00:00:00Z", 0, std::nullopt, 0),
        measurement("slices", "2026-09-30T06:00:00Z", 90, std::nullopt, 100),
        measurement("slices", "2026-09-30T18:00:00Z", std::nullopt, 1, 50),
        measurement("nodata", "2026-08-01T00:00:00Z", 10, std::nullopt, 10),
        measurement("quarter", "2026-07-13T00:00:00Z", 999, std::nullopt, 1000), // 80 days back
        // half-day, window [09-30T12:00, 10-01): 9/10.
        measurement("half-day", "2026-09-30T11:00:00Z", 0, std::nullopt, 10),
        measurement("half-day", "2026-09-30T13:00:00Z", 9, std::nullopt, 10),
        measurement("perfect", "2026-09-28T00:00:00Z", 10, std::nullopt, 10),
        // no-total: total = good + bad = 10; rows without a usable good or total are skipped.
        measurement("no-total", "2026-09-28T00:00:00Z", 8, 2, std::nullopt),
        measurement("no-total", "2026-09-28T01:00:00Z", std::nullopt, std::nullopt, 10),
        measurement("no-total", "2026-09-28T02:00:00Z", 5, std::nullopt, std::nullopt),
        measurement("checkout", "2026-09-29T00:00:00Z", 95, std::nullopt, 100),
        // slices-default: the objective judges each slice: 0.95 good, 0.85 bad.
        measurement("slices-default", "2026-09-29T00:00:00Z", 95, std::nullopt, 100),
        measurement("slices-default", "2026-09-29T01:00:00Z", 85, std::nullopt, 100));
}

const SloResult &find(const std::vector<SloResult> &all, const char *name)
{
    for (const SloResult &s : all)
        if (s.name == QLatin1StringView(name))
            return s;
    qFatal("no SLO %s", name);
}

} // namespace

class TstSlos : public QObject
{
    Q_OBJECT

private slots:
    void listedByName()
    {
        EngineFixture f;
        writeSlos(f);
        const auto slos = computeSlos(f.load(kAsOf, 14, Dataset::Slos));
        QStringList names;
        for (const SloResult &s : slos)
            names << s.name;
        QCOMPARE(
            names.join(u' '),
            QStringLiteral("half-day no-total nodata occ perfect quarter shared-a shared-b slices slices-default"));
    }

    void occurrences()
    {
        EngineFixture f;
        writeSlos(f);
        const auto slos = computeSlos(f.load(kAsOf, 14, Dataset::Slos));
        const SloResult &s = find(slos, "occ");
        QCOMPARE(s.windowFrom, at("2026-09-24T00:00:00Z"));
        QCOMPARE(s.windowTo, kAsOf);
        QCOMPARE(s.windowDays(), 7.0);
        QCOMPARE(s.measurements, 3);
        QCOMPARE(s.good, 2065.0);
        QCOMPARE(s.total, 2100.0);
        SRM_COMPARE_OPT(s.attainment, 2065.0 / 2100.0);
        QCOMPARE(s.met, false);
        // 1 − (35/2100) ÷ 0.01 = 1 − 5/3
        SRM_COMPARE_OPT(s.errorBudgetRemaining, -2.0 / 3.0);
        // Last 24 h: 1075/1100 -> (25/1100) ÷ 0.01 = 25/11
        SRM_COMPARE_OPT(s.burnRate24h, 25.0 / 11.0);
        // Burn-down: 21 bad events allowed (1 % of 2100); 10 spent on 09-24, 25 more on 09-30.
        QCOMPARE(s.budget.size(), size_t(8));
        QCOMPARE(s.budget.front().at, at("2026-09-24T00:00:00Z"));
        QCOMPARE(s.budget.front().remaining, 1.0);
        for (int day = 1; day <= 6; ++day) {
            QCOMPARE(s.budget[size_t(day)].at, at("2026-09-24T00:00:00Z") + day * kMicrosPerDay);
            SRM_COMPARE_OPT(s.budget[size_t(day)].remaining, 11.0 / 21.0);
        }
        QCOMPARE(s.budget.back().at, kAsOf);
        QCOMPARE(s.budget.back().remaining, *s.errorBudgetRemaining);
    }

    void timeslices()
    {
        EngineFixture f;
        writeSlos(f);
        const auto slos = computeSlos(f.load(kAsOf, 14, Dataset::Slos));
        const SloResult &s = find(slos, "slices");
        QCOMPARE(s.method, BudgetingMethod::Timeslices);
        QCOMPARE(s.timeSliceTarget, 0.95);
        QCOMPARE(s.measurements, 4);
        SRM_COMPARE_OPT(s.attainment, 0.75);
        QCOMPARE(s.met, true); // 0.75 ≥ 0.75
        SRM_COMPARE_OPT(s.errorBudgetRemaining, 0.0);
        // Last 24 h: the 0.90 slice (bad) and the 49/50 slice (good): (1 − 0.5) ÷ 0.25.
        SRM_COMPARE_OPT(s.burnRate24h, 2.0);
        // One bad slice allowed (25 % of 4), spent on 09-30.
        QCOMPARE(s.budget.size(), size_t(8));
        for (std::size_t i = 0; i + 1 < s.budget.size(); ++i)
            SRM_COMPARE_OPT(s.budget[i].remaining, 1.0);
        SRM_COMPARE_OPT(s.budget.back().remaining, 0.0);

        const SloResult &d = find(slos, "slices-default");
        QCOMPARE(d.timeSliceTarget, 0.9);
        SRM_COMPARE_OPT(d.attainment, 0.5);
        QCOMPARE(d.met, false);
        SRM_COMPARE_OPT(d.errorBudgetRemaining, -4.0); // 1 − 0.5 ÷ 0.1
    }

    void withoutDataEverythingIsNull()
    {
        EngineFixture f;
        writeSlos(f);
        const auto slos = computeSlos(f.load(kAsOf, 14, Dataset::Slos));
        const SloResult &s = find(slos, "nodata");
        QCOMPARE(s.measurements, 0);
        QVERIFY(!s.attainment && !s.errorBudgetRemaining && !s.burnRate24h && !s.met);
        QVERIFY(s.budget.empty());
        QCOMPARE(s.windowDays(), 28.0);
        QCOMPARE(s.objective, 0.999);
    }

    void windowsOfEveryLength()
    {
        EngineFixture f;
        writeSlos(f);
        const auto slos = computeSlos(f.load(kAsOf, 14, Dataset::Slos));
        const SloResult &q = find(slos, "quarter");
        QCOMPARE(q.windowDays(), 90.0);
        SRM_COMPARE_OPT(q.attainment, 0.999);
        QCOMPARE(q.met, true);
        SRM_COMPARE_OPT(q.errorBudgetRemaining, 0.0);
        QVERIFY(!q.burnRate24h);               // nothing measured in the last 24 h
        QCOMPARE(q.budget.size(), size_t(91)); // start, 89 midnights, as-of

        const SloResult &h = find(slos, "half-day");
        QCOMPARE(h.windowDays(), 0.5);
        QCOMPARE(h.windowFrom, at("2026-09-30T12:00:00Z"));
        QCOMPARE(h.measurements, 1);
        SRM_COMPARE_OPT(h.attainment, 0.9);
        QCOMPARE(h.met, true);
        SRM_COMPARE_OPT(h.errorBudgetRemaining, 0.0);
        SRM_COMPARE_OPT(h.burnRate24h, 5.5); // 24 h: 9/20 -> 0.55 ÷ 0.1
        QCOMPARE(h.budget.size(), size_t(2));
        QCOMPARE(h.budget.front().at, h.windowFrom);
    }

    void perfectObjectiveHasNoBudget()
    {
        EngineFixture f;
        writeSlos(f);
        const auto slos = computeSlos(f.load(kAsOf, 14, Dataset::Slos));
        const SloResult &s = find(slos, "perfect");
        SRM_COMPARE_OPT(s.attainment, 1.0);
        QCOMPARE(s.met, true);
        QVERIFY(!s.errorBudgetRemaining);
        QVERIFY(!s.burnRate24h);
        QVERIFY(s.budget.empty());
    }

    void goodFromBadAndTotalFromGoodAndBad()
    {
        EngineFixture f;
        writeSlos(f);
        const auto slos = computeSlos(f.load(kAsOf, 14, Dataset::Slos));
        const SloResult &s = find(slos, "no-total");
        QCOMPARE(s.measurements, 1);
        SRM_COMPARE_OPT(s.attainment, 0.8);
        QCOMPARE(s.met, true);
        SRM_COMPARE_OPT(find(slos, "occ").good, 2065.0); // 1000 − 20 counted as good
    }

    void badCountWinsOverGoodCount()
    {
        // docs/slos-and-alerts.md: good = total − bad when bad is given, also when the row gives good as well
        // and the two do not add up to total.
        EngineFixture f;
        f.write(slo("both", 0.92, 7 * kDay));
        f.write(measurement("both", "2026-09-30T00:00:00Z", 95, 10, 100),
                measurement("both", "2026-09-30T12:00:00Z", 90, std::nullopt, 100));
        const auto slos = computeSlos(f.load(kAsOf, 14, Dataset::Slos));
        const SloResult &s = find(slos, "both");
        QCOMPARE(s.measurements, 2);
        QCOMPARE(s.good, 180.0); // (100 − 10) + 90, not 95 + 90
        QCOMPARE(s.total, 200.0);
        SRM_COMPARE_OPT(s.attainment, 0.9);
        QCOMPARE(s.met, false);                         // 0.9 < 0.92; the stored good (185/200) would have met it
        SRM_COMPARE_OPT(s.errorBudgetRemaining, -0.25); // 1 − 0.1 ÷ 0.08
        SRM_COMPARE_OPT(s.burnRate24h, 1.25);           // same two rows in the last 24 h

        const MetricsReport r = computeMetrics(f.load(kAsOf, 14));
        const MetricResult *m = &r.at(MetricId::SloCompliance);
        SRM_COMPARE_OPT(m->value, 0.0);
        QCOMPARE(m->n, 1);
    }

    void objectivesSharingMeasurements()
    {
        EngineFixture f;
        writeSlos(f);
        const auto slos = computeSlos(f.load(kAsOf, 14, Dataset::Slos));
        SRM_COMPARE_OPT(find(slos, "shared-a").attainment, 0.95);
        SRM_COMPARE_OPT(find(slos, "shared-b").attainment, 0.95);
        QCOMPARE(find(slos, "shared-a").met, true);
        QCOMPARE(find(slos, "shared-b").met, false);
    }

    void sloCompliance()
    {
        EngineFixture f;
        writeSlos(f);
        const MetricsReport r = computeMetrics(f.load(kAsOf, 14));
        // With data: occ ✗, slices ✓, quarter ✓, half-day ✓, perfect ✓, no-total ✓, shared-a ✓,
        // shared-b ✗, slices-default ✗ -> 6 of 9; nodata is listed but not counted.
        const MetricResult *m = &r.at(MetricId::SloCompliance);
        SRM_COMPARE_OPT(m->value, 6.0 / 9.0);
        QCOMPARE(m->n, 9);
        QCOMPARE(m->status, Status::Gap);
        QCOMPARE(r.slos.size(), size_t(10));
        // The last weekly point is the as-of value.
        SRM_COMPARE_OPT(m->weekly.back().value, *m->value);
        QCOMPARE(m->weekly.back().n, 9);
    }
};

QTEST_GUILESS_MAIN(TstSlos)
#include "tst_slos.moc"
