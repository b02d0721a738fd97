// The metric catalogue (docs/metrics.md) and its targets, gaps, tiers and themes (docs/metrics.md), computed by
// the analysis engine from small fixtures written into a real workspace. Every expected number
// is worked out by hand in the comments next to it.
#include "tests/enginefixture.h"

#include "engine/analysis.h"
#include "store/alertrules.h"
#include "store/pagepacks.h"
#include "tests/common/testutil.h"

#include <QScopeGuard>
#include <QTest>

#include <limits>
#include <map>
#include <random>
#include <tuple>

using namespace srm;
using namespace srm::test;

namespace {

// The window of most tests: 14 days before Thursday 2026-10-01, i.e. [Thu 09-17, Thu 10-01).
// ISO weeks: W38 clipped to [09-17, 09-21) (4 days), W39 [09-21, 09-28) (7 days), W40 clipped
// to [09-28, 10-01) (3 days).
const Micros kAsOf = at("2026-10-01T00:00:00Z");
constexpr int kDays = 14;

struct Weekly
{
    std::optional<double> value;
    std::int64_t n;
};

void checkWeekly(const MetricResult &m, std::initializer_list<Weekly> expected)
{
    QCOMPARE(m.weekly.size(), expected.size());
    static const char *const names[] = {"2026-W38", "2026-W39", "2026-W40"};
    std::size_t i = 0;
    for (const Weekly &w : expected) {
        if (expected.size() == 3)
            QCOMPARE(m.weekly[i].week, QLatin1StringView(names[i]));
        SRM_COMPARE_OPT(m.weekly[i].value, w.value);
        QCOMPARE(m.weekly[i].n, w.n);
        ++i;
    }
}

const MetricResult &metric(const MetricsReport &r, const char *id)
{
    const MetricResult *m = r.find(QString::fromLatin1(id));
    if (!m)
        qFatal("no metric %s", id);
    return *m;
}

Incident incident(const char *id, const char *started)
{
    Incident i;
    i.incidentId = id;
    i.service = "shop";
    i.title = "outage";
    i.startedAt = at(started);
    return i;
}

// The delivery fixture (window [09-17, 10-01)):
//   D1  production success     09-17T00:00 (on the window's start: in)
//   D2  production rolled_back 09-18T12:00 failed; no fix, no incident: no recovery time
//   D3  production success     09-22T10:00 failed: incident I1 (resolved 13:00) and staging
//                              fix F1 (12:00) -> earliest: 2 h
//   D4  production success     09-23T00:00 failed: fix F2 (06:00) -> 6 h; its incident I2 is
//                              unresolved, so only the fix counts
//   D5  production success     09-24T00:00 failed: incidents I3 (01:00) and I4 (04:00; I4
//                              started before the window) all resolved -> latest: 4 h
//   D6  production failure     09-25 never reached production: not counted (its incident either)
//   D7  staging success        09-25 not production
//   D8  production success     10-01T00:00 (on the window's end: out)
//   D9  production success     09-16T23:59:59 (before the window)
//   D10 live (production) success 09-29T00:00
//   D11 production "other"     09-26 not counted
//   F1  staging success        09-22T12:00 fixes D3
//   F2  production success     09-23T06:00 fixes D4 (a production deployment itself)
// Production deployments in the window: D1 D2 D3 D4 D5 D10 F2 = 7; failed: D2 D3 D4 D5 = 4.
void writeDelivery(EngineFixture &f)
{
    f.write(deployment("D1", "2026-09-17T00:00:00Z"),
            deployment("D2", "2026-09-18T12:00:00Z", DeployResult::RolledBack),
            deployment("D3", "2026-09-22T10:00:00Z"), deployment("D4", "2026-09-23T00:00:00Z"),
            deployment("D5", "2026-09-24T00:00:00Z"), deployment("D6", "2026-09-25T00:00:00Z", DeployResult::Failure),
            deployment("D7", "2026-09-25T01:00:00Z", DeployResult::Success, "staging"),
            deployment("D8", "2026-10-01T00:00:00Z"), deployment("D9", "2026-09-16T23:59:59Z"),
            deployment("D10", "2026-09-29T00:00:00Z", DeployResult::Success, "live"),
            deployment("D11", "2026-09-26T00:00:00Z", DeployResult::Other),
            deployment("F1", "2026-09-22T12:00:00Z", DeployResult::Success, "staging", "D3"),
            deployment("F2", "2026-09-23T06:00:00Z", DeployResult::Success, "production", "D4"));
    Incident i1 = incident("I1", "2026-09-22T10:30:00Z");
    i1.causedByDeploymentId = "D3";
    i1.resolvedAt = at("2026-09-22T13:00:00Z");
    Incident i2 = incident("I2", "2026-09-23T01:00:00Z");
    i2.causedByDeploymentId = "D4";
    Incident i3 = incident("I3", "2026-09-24T00:30:00Z");
    i3.causedByDeploymentId = "D5";
    i3.resolvedAt = at("2026-09-24T01:00:00Z");
    Incident i4 = incident("I4", "2026-09-16T23:00:00Z");
    i4.causedByDeploymentId = "D5";
    i4.resolvedAt = at("2026-09-24T04:00:00Z");
    Incident i6 = incident("I6", "2026-09-25T02:00:00Z");
    i6.causedByDeploymentId = "D6";
    f.write(i1, i2, i3, i4, i6);
    // Lead times (deployment finished_at − committed_at), production deployments only:
    //   D1: C1 24 h (committed before the window: the deployment is the anchor)
    //   D3: C2 2 h, C3 24 h;  D10: C7 12 h;  C4 (D6 failed), C5 (D7 staging), C6 (D8 out): none
    f.write(change("c1", "D1", "2026-09-16T00:00:00Z"), change("c2", "D3", "2026-09-22T08:00:00Z"),
            change("c3", "D3", "2026-09-21T10:00:00Z"), change("c4", "D6", "2026-09-24T00:00:00Z"),
            change("c5", "D7", "2026-09-24T00:00:00Z"), change("c6", "D8", "2026-09-30T00:00:00Z"),
            change("c7", "D10", "2026-09-28T12:00:00Z"));
}

} // namespace

class TstMetrics : public QObject
{
    Q_OBJECT

private slots:
    void percentiles_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("q");
        QTest::addColumn<double>("expected");
        QTest::newRow("single p50") << QList<double>{7} << 0.5 << 7.0;
        QTest::newRow("single p90") << QList<double>{7} << 0.9 << 7.0;
        QTest::newRow("two p50") << QList<double>{1, 2} << 0.5 << 1.5;                          // h = 0.5
        QTest::newRow("two p90") << QList<double>{1, 2} << 0.9 << 1.9;                          // h = 0.9
        QTest::newRow("four p50") << QList<double>{4, 1, 3, 2} << 0.5 << 2.5;                   // h = 1.5
        QTest::newRow("four p90") << QList<double>{4, 1, 3, 2} << 0.9 << 3.7;                   // h = 2.7
        QTest::newRow("five p90") << QList<double>{15, 20, 35, 40, 50} << 0.9 << 46.0;          // h = 3.6
        QTest::newRow("five p50") << QList<double>{50, 15, 40, 20, 35} << 0.5 << 35.0;          // h = 2
        QTest::newRow("ten p90") << QList<double>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1} << 0.9 << 9.1; // h = 8.1
        QTest::newRow("ties") << QList<double>{2, 2, 2, 9} << 0.5 << 2.0;
        QTest::newRow("p0") << QList<double>{3, 1, 2} << 0.0 << 1.0;
        QTest::newRow("p100") << QList<double>{3, 1, 2} << 1.0 << 3.0;
    }
    void percentiles()
    {
        QFETCH(QList<double>, values);
        QFETCH(double, q);
        QFETCH(double, expected);
        SRM_COMPARE_OPT(percentile(std::vector<double>(values.begin(), values.end()), q), expected);
        std::vector<double> sorted(values.begin(), values.end());
        std::sort(sorted.begin(), sorted.end());
        SRM_COMPARE_OPT(percentileSorted(sorted, q), expected);
    }

    void percentileOfNothing()
    {
        QVERIFY(!percentile({}, 0.5));
        QVERIFY(!percentileSorted({}, 0.9));
    }

    void severityLevels_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("level"); // -1: none
        QTest::newRow("SEV1") << QByteArray("SEV1") << 1;
        QTest::newRow("sev-2") << QByteArray("sev-2") << 2;
        QTest::newRow("P1") << QByteArray("P1") << 1;
        QTest::newRow("digit") << QByteArray("1") << 1;
        QTest::newRow("Sev 2 - major") << QByteArray("Sev 2 - major") << 2;
        QTest::newRow("SEV10") << QByteArray("SEV10") << 10;
        QTest::newRow("SEV0") << QByteArray("SEV0") << 0;
        QTest::newRow("sev-02") << QByteArray("sev-02") << 2;
        QTest::newRow("critical") << QByteArray("critical") << -1;
        QTest::newRow("empty") << QByteArray("") << -1;
    }
    void severityLevels()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, level);
        const auto got = severityLevel(text.toStdString());
        QCOMPARE(got.value_or(-1), level);
    }

    void weekSlotsClipTheWindow()
    {
        const auto slots_ = weekSlots({kAsOf, kDays});
        QCOMPARE(slots_.size(), size_t(3));
        QCOMPARE(slots_[0].name, QStringLiteral("2026-W38"));
        QCOMPARE(slots_[0].start, at("2026-09-17T00:00:00Z"));
        QCOMPARE(slots_[0].end, at("2026-09-21T00:00:00Z"));
        QCOMPARE(slots_[0].days(), 4.0);
        QCOMPARE(slots_[1].days(), 7.0);
        QCOMPARE(slots_[2].name, QStringLiteral("2026-W40"));
        QCOMPARE(slots_[2].start, at("2026-09-28T00:00:00Z"));
        QCOMPARE(slots_[2].end, kAsOf);
        QCOMPARE(slots_[2].days(), 3.0);

        // A window starting on a Monday has no partial first week; an as-of at noon makes the
        // last week half a day long. Across the new year the ISO year is the week's Thursday's.
        const auto monday = weekSlots({at("2026-01-05T12:00:00Z"), 8});
        QCOMPARE(monday.size(), size_t(3));
        QCOMPARE(monday[0].name, QStringLiteral("2025-W52"));
        QCOMPARE(monday[0].start, at("2025-12-28T12:00:00Z"));
        QCOMPARE(monday[0].days(), 0.5);
        QCOMPARE(monday[1].name, QStringLiteral("2026-W01"));
        QCOMPARE(monday[1].start, at("2025-12-29T00:00:00Z"));
        QCOMPARE(monday[1].days(), 7.0);
        QCOMPARE(monday[2].name, QStringLiteral("2026-W02"));
        QCOMPARE(monday[2].days(), 0.5);
        const auto aligned = weekSlots({at("2026-09-28T00:00:00Z"), 14});
        QCOMPARE(aligned.size(), size_t(2));
        QCOMPARE(aligned[0].start, at("2026-09-14T00:00:00Z"));
        QCOMPARE(aligned[1].end, at("2026-09-28T00:00:00Z"));
    }

    void emptyWindowIsNotMeasured()
    {
        EngineFixture f;
        const MetricsReport r = computeMetrics(f.load(kAsOf, kDays));
        QCOMPARE(r.metrics.size(), MetricCatalogue::all().size());
        for (std::size_t i = 0; i < r.metrics.size(); ++i) {
            const MetricResult &m = r.metrics[i];
            QCOMPARE(QLatin1StringView(m.def->id), QLatin1StringView(MetricCatalogue::all()[i].id));
            QVERIFY2(!m.value && !m.p90 && !m.gap && !m.tier, m.def->id);
            QCOMPARE(m.n, 0);
            QCOMPARE(m.status, Status::NotMeasured);
            QCOMPARE(m.target, MetricCatalogue::all()[i].defaultTarget);
            checkWeekly(m, {{std::nullopt, 0}, {std::nullopt, 0}, {std::nullopt, 0}});
        }
        QCOMPARE(r.themes.size(), size_t(4));
        const int perTheme[] = {5, 3, 5, 3};
        for (int t = 0; t < 4; ++t) {
            QCOMPARE(r.themes[size_t(t)].metrics, perTheme[t]);
            QCOMPARE(r.themes[size_t(t)].notMeasured, perTheme[t]);
            QCOMPARE(r.themes[size_t(t)].met + r.themes[size_t(t)].gaps, 0);
        }
        QVERIFY(r.slos.empty());
    }

    void deliveryMetrics()
    {
        EngineFixture f;
        writeDelivery(f);
        const MetricsReport r = computeMetrics(f.load(kAsOf, kDays));

        // 7 production deployments in 14 days.
        const MetricResult &freq = metric(r, "deployment_frequency");
        SRM_COMPARE_OPT(freq.value, 0.5);
        QVERIFY(!freq.p90);
        QCOMPARE(freq.n, 7);
        QCOMPARE(freq.tier, Tier::High); // >= 1/7
        // W38: D1 D2 over 4 days; W39: D3 F2 D4 D5 over 7; W40: D10 over 3.
        checkWeekly(freq, {{0.5, 2}, {4.0 / 7.0, 4}, {1.0 / 3.0, 1}});

        const MetricResult &cfr = metric(r, "change_failure_rate");
        SRM_COMPARE_OPT(cfr.value, 4.0 / 7.0);
        QCOMPARE(cfr.n, 7);
        QCOMPARE(cfr.tier, Tier::Low);
        SRM_COMPARE_OPT(cfr.gap, 4.0 / 7.0 - 0.05);
        QCOMPARE(cfr.status, Status::Gap);
        checkWeekly(cfr, {{0.5, 2}, {0.75, 4}, {0.0, 1}});

        // Recovery: D3 2 h, D4 6 h, D5 4 h -> [2, 4, 6]: p50 4, p90 4 + 0.8 × 2 = 5.6.
        const MetricResult &rec = metric(r, "failed_deployment_recovery_time");
        SRM_COMPARE_OPT(rec.value, 4.0);
        SRM_COMPARE_OPT(rec.p90, 5.6);
        QCOMPARE(rec.n, 3);
        QCOMPARE(rec.tier, Tier::High);
        SRM_COMPARE_OPT(rec.gap, 3.0);
        checkWeekly(rec, {{std::nullopt, 0}, {4.0, 3}, {std::nullopt, 0}});

        // Lead times [24, 2, 24, 12] -> sorted [2, 12, 24, 24]: p50 12 + 0.5 × 12 = 18, p90 24.
        const MetricResult &lead = metric(r, "lead_time_for_changes");
        SRM_COMPARE_OPT(lead.value, 18.0);
        SRM_COMPARE_OPT(lead.p90, 24.0);
        QCOMPARE(lead.n, 4);
        QCOMPARE(lead.tier, Tier::Elite);
        QCOMPARE(lead.status, Status::Met);
        SRM_COMPARE_OPT(lead.gap, 0.0);
        checkWeekly(lead, {{24.0, 1}, {13.0, 2}, {12.0, 1}});
    }

    void deploymentFacts()
    {
        EngineFixture f;
        writeDelivery(f);
        const Dataset d = f.load(kAsOf, kDays, Dataset::Delivery);
        std::vector<std::string> ids;
        for (const DeploymentFact &x : d.deployments)
            ids.push_back(x.deploymentId);
        QCOMPARE(ids, (std::vector<std::string>{"D1", "D2", "D3", "D4", "F2", "D5", "D10"}));
        const DeploymentFact &d3 = d.deployments[2];
        QVERIFY(d3.failed());
        QCOMPARE(d3.fixes, 1);
        QCOMPARE(d3.causedIncidents, 1);
        QCOMPARE(d3.recoveredAt(), at("2026-09-22T12:00:00Z"));
        const DeploymentFact &d4 = d.deployments[3];
        QCOMPARE(d4.incidentsResolvedAt, kNoTime); // I2 is unresolved
        QCOMPARE(d4.recoveredAt(), at("2026-09-23T06:00:00Z"));
        QVERIFY(d.deployments[1].failed());
        QVERIFY(!d.deployments[1].recoveredAt());
        QVERIFY(!d.deployments[4].failed()); // F2 fixes D4 but is itself fine
        QCOMPARE(d.changes.size(), size_t(4));
    }

    void incidentMetrics()
    {
        EngineFixture f;
        // In the window [09-17, 10-01), anchored at started_at:
        //   I1 SEV1  pm   monitoring detect 10 min  resolve 2.5 h
        //   I2 sev-2      customer   -              -
        //   I3 P1    pm   customer   detect 5 min   resolve 0.5 h
        //   I5 3          other      detect 20 min  resolve 3 h (after the window's end)
        //   I7 Sev 2 "  " monitoring detect 30 min  -   (started exactly at the window's start)
        //   I8 SEV10      -          -              -
        //   I9 critical   -          -              resolve 12 h
        // Out: I4 (started before the window, detected inside it), I6 (started at its end).
        Incident i1 = incident("I1", "2026-09-22T10:30:00Z");
        i1.severity = "SEV1";
        i1.postmortemUrl = "https://wiki/pm/1";
        i1.detectionSource = DetectionSource::Monitoring;
        i1.detectedAt = at("2026-09-22T10:40:00Z");
        i1.resolvedAt = at("2026-09-22T13:00:00Z");
        Incident i2 = incident("I2", "2026-09-23T01:00:00Z");
        i2.severity = "sev-2";
        i2.detectionSource = DetectionSource::Customer;
        Incident i3 = incident("I3", "2026-09-24T00:30:00Z");
        i3.severity = "P1";
        i3.postmortemUrl = "https://wiki/pm/3";
        i3.detectionSource = DetectionSource::Customer;
        i3.detectedAt = at("2026-09-24T00:35:00Z");
        i3.resolvedAt = at("2026-09-24T01:00:00Z");
        Incident i4 = incident("I4", "2026-09-16T23:00:00Z");
        i4.severity = "SEV1";
        i4.detectionSource = DetectionSource::Customer;
        i4.detectedAt = at("2026-09-17T01:00:00Z");
        i4.resolvedAt = at("2026-09-17T02:00:00Z");
        Incident i5 = incident("I5", "2026-09-30T23:00:00Z");
        i5.severity = "3";
        i5.detectionSource = DetectionSource::Other;
        i5.detectedAt = at("2026-09-30T23:20:00Z");
        i5.resolvedAt = at("2026-10-01T02:00:00Z");
        Incident i6 = incident("I6", "2026-10-01T00:00:00Z");
        i6.severity = "1";
        i6.detectionSource = DetectionSource::Customer;
        i6.detectedAt = at("2026-10-01T00:01:00Z");
        Incident i7 = incident("I7", "2026-09-17T00:00:00Z");
        i7.severity = "Sev 2";
        i7.postmortemUrl = "  ";
        i7.detectionSource = DetectionSource::Monitoring;
        i7.detectedAt = at("2026-09-17T00:30:00Z");
        Incident i8 = incident("I8", "2026-09-20T00:00:00Z");
        i8.severity = "SEV10";
        i8.postmortemUrl = "https://wiki/pm/8";
        Incident i9 = incident("I9", "2026-09-25T00:00:00Z");
        i9.severity = "critical";
        i9.resolvedAt = at("2026-09-25T12:00:00Z");
        f.write(i1, i2, i3, i4, i5, i6, i7, i8, i9);
        const MetricsReport r = computeMetrics(f.load(kAsOf, kDays));

        // TTD [10, 5, 20, 30] -> sorted [5, 10, 20, 30]: p50 15, p90 20 + 0.7 × 10 = 27.
        const MetricResult &ttd = metric(r, "time_to_detect");
        SRM_COMPARE_OPT(ttd.value, 15.0);
        SRM_COMPARE_OPT(ttd.p90, 27.0);
        QCOMPARE(ttd.n, 4);
        QVERIFY(!ttd.tier);
        SRM_COMPARE_OPT(ttd.gap, 10.0);
        checkWeekly(ttd, {{30.0, 1}, {7.5, 2}, {20.0, 1}});

        // Customer 2 of 5 with a source.
        const MetricResult &cust = metric(r, "customer_detected_ratio");
        SRM_COMPARE_OPT(cust.value, 0.4);
        QCOMPARE(cust.n, 5);
        checkWeekly(cust, {{0.0, 1}, {2.0 / 3.0, 3}, {0.0, 1}});

        // TTR [2.5, 0.5, 3, 12] -> sorted [0.5, 2.5, 3, 12]: p50 2.75, p90 3 + 0.7 × 9 = 9.3.
        const MetricResult &ttr = metric(r, "time_to_restore");
        SRM_COMPARE_OPT(ttr.value, 2.75);
        SRM_COMPARE_OPT(ttr.p90, 9.3);
        QCOMPARE(ttr.n, 4);
        QCOMPARE(ttr.tier, Tier::High);
        checkWeekly(ttr, {{std::nullopt, 0}, {2.5, 3}, {3.0, 1}});

        // Severity 1 or 2: I1 (pm), I2, I3 (pm), I7 (blank link) -> 2 of 4.
        const MetricResult &pm = metric(r, "postmortem_completion_ratio");
        SRM_COMPARE_OPT(pm.value, 0.5);
        QCOMPARE(pm.n, 4);
        SRM_COMPARE_OPT(pm.gap, 0.5); // higher is better: 1.0 − 0.5
        checkWeekly(pm, {{0.0, 1}, {2.0 / 3.0, 3}, {std::nullopt, 0}});

        // The incidents view reads the same figures, and each incident's phases.
        const IncidentReport inc = computeIncidents(f.load(kAsOf, kDays, Dataset::Incidents));
        QCOMPARE(inc.incidents.size(), size_t(7));
        QCOMPARE(inc.incidents.front().incidentId, QStringLiteral("I7"));
        QCOMPARE(inc.timeToDetect.values, (std::vector<double>{5, 10, 20, 30}));
        SRM_COMPARE_OPT(inc.timeToDetect.p50, *ttd.value);
        SRM_COMPARE_OPT(inc.timeToDetect.p90, *ttd.p90);
        SRM_COMPARE_OPT(inc.timeToRestore.p50, *ttr.value);
        QCOMPARE(inc.timeToRestore.n(), ttr.n);
        QCOMPARE(inc.timeToAcknowledge.n(), 0);
        QVERIFY(!inc.timeToAcknowledge.p50);
    }

    void incidentPhases()
    {
        IncidentTimeline t;
        t.startedAt = at("2026-09-22T10:00:00Z");
        t.detectedAt = at("2026-09-22T10:10:00Z");
        t.mitigatedAt = at("2026-09-22T11:00:00Z");
        t.resolvedAt = at("2026-09-22T10:50:00Z"); // recorded before mitigation: an empty phase
        const auto phases = t.phases();
        QCOMPARE(phases.size(), size_t(3));
        QCOMPARE(phases[0].phase, IncidentTimeline::Detect);
        QCOMPARE(phases[0].start, t.startedAt);
        QCOMPARE(phases[0].end, *t.detectedAt);
        QCOMPARE(phases[1].phase, IncidentTimeline::Mitigate);
        QCOMPARE(phases[1].start, *t.detectedAt);
        QCOMPARE(phases[1].end, *t.mitigatedAt);
        QCOMPARE(phases[2].phase, IncidentTimeline::Resolve);
        QCOMPARE(phases[2].start, *t.mitigatedAt);
        QCOMPARE(phases[2].end, *t.mitigatedAt);
        IncidentTimeline open;
        open.startedAt = t.startedAt;
        QVERIFY(open.phases().empty());
    }

    void incidentDurationsPerMilestone()
    {
        EngineFixture f;
        Incident a = incident("A", "2026-09-20T00:00:00Z");
        a.acknowledgedAt = at("2026-09-20T00:15:00Z");
        a.mitigatedAt = at("2026-09-20T01:30:00Z");
        Incident b = incident("B", "2026-09-21T00:00:00Z");
        b.acknowledgedAt = at("2026-09-21T00:45:00Z");
        b.mitigatedAt = at("2026-09-21T00:30:00Z");
        b.resolvedAt = at("2026-09-21T02:00:00Z");
        f.write(a, b);
        const IncidentReport r = computeIncidents(f.load(kAsOf, kDays, Dataset::Incidents));
        QCOMPARE(r.timeToAcknowledge.unit, Unit::Minutes);
        QCOMPARE(r.timeToAcknowledge.values, (std::vector<double>{15, 45}));
        SRM_COMPARE_OPT(r.timeToAcknowledge.p50, 30.0);
        SRM_COMPARE_OPT(r.timeToAcknowledge.p90, 42.0); // 15 + 0.9 × 30
        QCOMPARE(r.timeToMitigate.unit, Unit::Hours);
        QCOMPARE(r.timeToMitigate.values, (std::vector<double>{0.5, 1.5}));
        QCOMPARE(r.timeToRestore.values, (std::vector<double>{2.0}));
        QCOMPARE(r.timeToDetect.n(), 0);
    }

    // Naive timestamps are read in the workspace's zone at import: an incident from 01:30 to
    // 03:30 local on the night the clocks go back (Europe/Amsterdam, 2026-10-25) lasted 3 h.
    void naiveTimestampsAcrossDst()
    {
        EngineFixture f;
        const ZoneOffsets zone("Europe/Amsterdam");
        Incident i;
        i.incidentId = "N1";
        i.startedAt = *parseTimestamp("2026-10-25 01:30:00", zone);
        i.detectedAt = *parseTimestamp("2026-10-25T02:10:00+01:00", zone); // after the change
        i.resolvedAt = *parseTimestamp("2026-10-25 03:30", zone);
        f.write(i);
        const MetricsReport r = computeMetrics(f.load(at("2026-10-26T00:00:00Z"), 7));
        SRM_COMPARE_OPT(metric(r, "time_to_restore").value, 3.0);
        // 01:30 CEST is 23:30 UTC; 02:10 CET is 01:10 UTC: 100 minutes.
        SRM_COMPARE_OPT(metric(r, "time_to_detect").value, 100.0);
    }

    void pageMetrics()
    {
        EngineFixture f;
        // Window [Thu 09-17, Thu 10-01), UTC, business hours 09:00-17:00 Monday to Friday.
        // Groups (built-in keys): A "svc|Disk <n>% full on host <ip>", B "svc|Queue lag <n>s",
        // C "svc|Cert expires in <n> days", D "svc|api 5xx burst".
        //                      created                ack   resolve auto  group off-hours noise repeat
        //   H0 (history)       09-16T23:59:59         -     -     -     A
        //   H1 (history)       09-10T16:59:59         -     -     -     B     (exactly 7 days before P3)
        //   H2 (history)       09-11T16:59:58         -     -     -     C     (7 days + 2 s before P4)
        //   P1 Thu             09-17T00:00:00         2m    10m   -     A     off      -     yes (H0)
        //   P2 Thu             09-17T09:00:00         -     5m    true  A     -        yes   yes (P1)
        //   P3 Thu             09-17T16:59:59         4m    -     -     B     -        -     yes (H1)
        //   P4 Fri             09-18T17:00:00         -     30m   false C     off      yes   no
        //   P5 Sat             09-19T12:00:00         6m    -     -     A     off      -     yes (P2)
        //   P6 Mon             09-21T10:00:00         1m    -     true  D     -        yes   no (first)
        //   P7 Mon             09-21T10:00:00         3m    -     -     D     -        -     yes (same instant)
        //   P8 Wed             09-30T23:59:59         8m    -     -     B     off      -     no (13 days)
        //   P9                 10-01T00:00:00 (the window's end: out)
        f.write(page("H0", "Disk 99% full on host 10.0.0.9", "2026-09-16T23:59:59Z"),
                page("H1", "Queue lag 90s", "2026-09-10T16:59:59Z"),
                page("H2", "Cert expires in 3 days", "2026-09-11T16:59:58Z"),
                page("P1", "Disk 91% full on host 10.0.0.1", "2026-09-17T00:00:00Z", 120, 600),
                page("P2", "Disk 95% full on  host 10.0.0.2", "2026-09-17T09:00:00Z", std::nullopt, 300, true),
                page("P3", "Queue lag 120s", "2026-09-17T16:59:59Z", 240),
                page("P4", "Cert expires in 2 days", "2026-09-18T17:00:00Z", std::nullopt, 1800, false),
                page("P5", "Disk 97.5% full on host 10.0.0.3", "2026-09-19T12:00:00Z", 360),
                page("P6", "api 5xx burst", "2026-09-21T10:00:00Z", 60, std::nullopt, true),
                page("P7", "api 5xx burst", "2026-09-21T10:00:00Z", 180),
                page("P8", "Queue lag 30s", "2026-09-30T23:59:59Z", 480),
                page("P9", "Queue lag 31s", "2026-10-01T00:00:00Z", 60));
        const MetricsReport r = computeMetrics(f.load(kAsOf, kDays));

        // 8 pages in 2 weeks. W38 (4 days): 5 pages; W39: 2; W40 (3 days): 1.
        const MetricResult &perWeek = metric(r, "pages_per_week");
        SRM_COMPARE_OPT(perWeek.value, 4.0);
        QCOMPARE(perWeek.n, 8);
        checkWeekly(perWeek, {{8.75, 5}, {2.0, 2}, {7.0 / 3.0, 1}});

        // Acks [2, 4, 6, 1, 3, 8] min -> sorted [1, 2, 3, 4, 6, 8]: p50 3.5, p90 6 + 0.5 × 2 = 7.
        const MetricResult &tta = metric(r, "time_to_acknowledge");
        SRM_COMPARE_OPT(tta.value, 3.5);
        SRM_COMPARE_OPT(tta.p90, 7.0);
        QCOMPARE(tta.n, 6);
        checkWeekly(tta, {{4.0, 3}, {2.0, 2}, {8.0, 1}});

        const MetricResult &off = metric(r, "off_hours_page_ratio");
        SRM_COMPARE_OPT(off.value, 0.5);
        QCOMPARE(off.n, 8);
        checkWeekly(off, {{0.6, 5}, {0.0, 2}, {1.0, 1}});

        const MetricResult &noise = metric(r, "alert_noise_ratio");
        SRM_COMPARE_OPT(noise.value, 0.375);
        QCOMPARE(noise.n, 8);
        checkWeekly(noise, {{0.4, 5}, {0.5, 2}, {0.0, 1}});

        // Repeats: P1 P2 P3 P5 P7 -> 5 of 8.
        const MetricResult &repeat = metric(r, "repeat_page_ratio");
        SRM_COMPARE_OPT(repeat.value, 0.625);
        QCOMPARE(repeat.n, 8);
        checkWeekly(repeat, {{0.8, 5}, {0.5, 2}, {0.0, 1}});

        // Without the history the first pages of the window have nothing to repeat.
        const Dataset windowOnly = f.load(kAsOf, kDays, Dataset::Pages);
        SRM_COMPARE_OPT(metric(computeMetrics(windowOnly), "repeat_page_ratio").value, 3.0 / 8.0);
    }

    // The pages of a window are read by blocks of 4096 ids (schema 6's page_spans): only blocks
    // whose range of times meets the window, each as a range of ids, adjacent blocks as one. A
    // page is read when it is in the range however its block's other pages lie; ids at both ends
    // of the integers SQLite stores, and a block row written by hand that no id can be in, read
    // as they should. Each block is read from its pack (schema 7) or, when it has none or one
    // that does not decode to its count, from its rows: the same pages either way, every field.
    void pagesReadByBlocksOfIds_data()
    {
        QTest::addColumn<QString>("packs");
        QTest::newRow("rows") << QString();
        QTest::newRow("packed") << QStringLiteral("packed");
        QTest::newRow("some packed") << QStringLiteral("UPDATE page_spans SET packed = NULL WHERE block IN (0, -1)");
        QTest::newRow("not a pack") << QStringLiteral("UPDATE page_spans SET packed = x'01ff' WHERE block = 0");
        QTest::newRow("another count") << QStringLiteral("UPDATE page_spans SET pages = 2 WHERE block = 0");
        QTest::newRow("text") << QStringLiteral("UPDATE page_spans SET packed = CAST(packed AS TEXT) WHERE block = 1");
    }

    void pagesReadByBlocksOfIds()
    {
        QFETCH(QString, packs);
        EngineFixture f;
        f.ws().exec(QStringLiteral("INSERT INTO alert_groups(id, service, title) VALUES(1, 'svc', 't')"));
        const Micros from = kAsOf - Micros(kDays) * kMicrosPerDay;
        const Micros to = kAsOf;
        // Acknowledged 60 s after it was created, resolved 120 s after, auto-resolved, by its id.
        const auto insert = [&](std::int64_t id, Micros at) {
            f.ws().exec(QStringLiteral("INSERT INTO pages(id, ukey, title, created_at, acknowledged_at, resolved_at, "
                                       "auto_resolved, group_id) VALUES(%1, %1, 't', %2, %3, %4, %5, 1)")
                            .arg(id)
                            .arg(at)
                            .arg(id % 2 ? QString::number(at + 60'000'000) : QStringLiteral("NULL"))
                            .arg(id % 3 ? QString::number(at + 120'000'000) : QStringLiteral("NULL"))
                            .arg(id % 5 ? 0 : 1));
        };
        insert(1, from - 8 * kMicrosPerDay);                                        // block 0, before the history: out
        insert(2, from);                                                            // block 0: in
        insert(3, from - 3 * kMicrosPerDay);                                        // block 0: in the history only
        insert(5000, to - 1);                                                       // block 1: in
        insert(5001, to);                                                           // block 1: out
        insert(9000, from - 30 * kMicrosPerDay);                                    // block 2, all before: not read
        insert(std::numeric_limits<std::int64_t>::max(), from + kMicrosPerDay);     // the last block: in
        insert(std::numeric_limits<std::int64_t>::min(), from + 2 * kMicrosPerDay); // the first: in
        insert(-1, to - 2);                                                         // block -1, beside block 0: in
        f.ws().exec(QStringLiteral("INSERT INTO page_spans(block, pages, first_at, last_at) "
                                   "VALUES(9223372036854775807, 1, 0, %1)")
                        .arg(to));
        if (!packs.isEmpty()) {
            QCOMPARE(PagePacks::packStale(f.ws()), 6); // all but the row no id can be in
            if (packs != u"packed")
                f.ws().exec(packs);
        }
        // What each page holds besides its time: acknowledged, resolved, auto-resolved.
        const auto fields = [](std::int64_t id) { return (id % 2 ? 4 : 0) + (id % 3 ? 2 : 0) + (id % 5 ? 0 : 1); };
        using Read = std::vector<std::pair<Micros, int>>;
        const auto read = [](const Dataset &d) {
            Read out;
            for (const PageFact &p : d.pages) {
                const bool ack = p.acknowledgedAt != kNoTime;
                const bool resolved = p.resolvedAt != kNoTime;
                if ((ack && p.acknowledgedAt != p.createdAt + 60'000'000)
                    || (resolved && p.resolvedAt != p.createdAt + 120'000'000) || d.groups.size() != 1
                    || d.groups[std::size_t(p.group)].service != "svc")
                    return Read{};
                out.emplace_back(p.createdAt, (ack ? 4 : 0) + (resolved ? 2 : 0) + (p.autoResolved ? 1 : 0));
            }
            std::sort(out.begin(), out.end());
            return out;
        };
        constexpr std::int64_t first = std::numeric_limits<std::int64_t>::min();
        constexpr std::int64_t last = std::numeric_limits<std::int64_t>::max();
        const Read window{{from, fields(2)},
                          {from + kMicrosPerDay, fields(last)},
                          {from + 2 * kMicrosPerDay, fields(first)},
                          {to - 2, fields(-1)},
                          {to - 1, fields(5000)}};
        // The load's runs of pages (one a block, or a range of blocks read as rows) cover the
        // pages, each with the earliest and latest time among its own.
        const auto runsMatch = [](const Dataset &d) {
            std::size_t begin = 0;
            for (const Dataset::PageRun &r : d.pageRuns) {
                if (r.end <= begin || r.end > d.pages.size())
                    return false;
                Micros earliest = std::numeric_limits<Micros>::max(), latest = std::numeric_limits<Micros>::min();
                for (std::size_t i = begin; i < r.end; ++i) {
                    earliest = std::min(earliest, d.pages[i].createdAt);
                    latest = std::max(latest, d.pages[i].createdAt);
                }
                if (earliest != r.earliest || latest != r.latest)
                    return false;
                begin = r.end;
            }
            return begin == d.pages.size() && d.pageRuns.size() >= 2;
        };
        const Dataset inWindow = f.load(kAsOf, kDays, Dataset::Pages);
        QCOMPARE(read(inWindow), window);
        QVERIFY(runsMatch(inWindow));
        Read history = window;
        history.insert(history.begin(), {from - 3 * kMicrosPerDay, fields(3)});
        const Dataset withHistory = f.load(kAsOf, kDays, Dataset::Pages | Dataset::PageHistory);
        QCOMPARE(read(withHistory), history);
        QVERIFY(runsMatch(withHistory));
    }

    // The changes are joined to their deployments run by run (rows naming one deployment), read
    // on this connection or on the second thread (forced: the workspace is small), with the
    // incidents: the same facts either way. A deployment's changes in two runs, a change of a
    // deployment outside the window and one of no deployment.
    void changesAndIncidentsReadBeside()
    {
        EngineFixture f;
        f.write(deployment("D1", "2026-09-18T00:00:00Z"), deployment("D2", "2026-09-20T00:00:00Z"),
                deployment("D0", "2026-08-01T00:00:00Z"), change("c1", "D1", "2026-09-17T00:00:00Z"),
                change("c2", "D1", "2026-09-17T12:00:00Z"), change("c3", "D2", "2026-09-19T00:00:00Z"),
                change("c4", "D1", "2026-09-17T18:00:00Z"), change("c5", "D0", "2026-07-31T00:00:00Z"),
                change("c6", "DX", "2026-09-19T00:00:00Z"), incident("I2", "2026-09-21T00:00:00Z"),
                incident("I1", "2026-09-19T00:00:00Z"), incident("I0", "2026-08-01T00:00:00Z"),
                page("p", "t", "2026-09-19T00:00:00Z"));
        const std::int64_t saved = Dataset::parallelPagesFrom;
        const auto restore = qScopeGuard([saved] {
            Dataset::parallelPagesFrom = saved;
            Dataset::incidentsReader = Dataset::IncidentsReader::FirstFree;
        });
        using Joined = std::vector<std::tuple<Micros, Micros, std::string>>;
        const auto joined = [](const Dataset &d) {
            Joined out;
            for (const ChangeFact &c : d.changes)
                out.emplace_back(c.committedAt, c.deployedAt, d.deployments[std::size_t(c.deployment)].deploymentId);
            return out;
        };
        const Joined expected{{at("2026-09-17T00:00:00Z"), at("2026-09-18T00:00:00Z"), "D1"},
                              {at("2026-09-17T12:00:00Z"), at("2026-09-18T00:00:00Z"), "D1"},
                              {at("2026-09-19T00:00:00Z"), at("2026-09-20T00:00:00Z"), "D2"},
                              {at("2026-09-17T18:00:00Z"), at("2026-09-18T00:00:00Z"), "D1"}};
        using Reader = Dataset::IncidentsReader;
        for (const auto &[from, reader] :
             {std::pair{std::numeric_limits<std::int64_t>::max(), Reader::FirstFree},
              std::pair{std::int64_t(0), Reader::FirstFree}, std::pair{std::int64_t(0), Reader::Caller},
              std::pair{std::int64_t(0), Reader::Beside}}) {
            Dataset::parallelPagesFrom = from;
            Dataset::incidentsReader = reader; // with two threads, either may read the incidents
            const Dataset d = Dataset::loadSpan(
                f.ws(), kAsOf, [](Micros asOf) { return asOf - Micros(kDays) * kMicrosPerDay; }, Dataset::AllParts, 0);
            QCOMPARE(joined(d), expected);
            QCOMPARE(d.incidents.size(), std::size_t(2));
            QCOMPARE(d.incidents[0].incidentId, std::string("I1"));
            QCOMPARE(d.incidents[1].incidentId, std::string("I2"));
            QCOMPARE(d.pages.size(), std::size_t(1));
            QCOMPARE(d.pageRepeats.size(), from == 0 ? std::size_t(1) : std::size_t(0)); // flagged beside
        }
    }

    // A period's pass reads only the runs of pages and changes that may hold its times (the
    // load's Dataset::pageRuns when they cover the pages, else the engine's runs of 4,096): every
    // page and change of the period is counted wherever it sits, and none outside it.
    void periodsReadTheirRunsOnly_data()
    {
        QTest::addColumn<int>("runs"); // 0: none, 1: the load's, 2: the load's, not covering the pages
        QTest::newRow("engine's runs") << 0;
        QTest::newRow("load's runs") << 1;
        QTest::newRow("runs short of the pages") << 2;
    }
    void periodsReadTheirRunsOnly()
    {
        QFETCH(int, runs);
        const Micros day = kMicrosPerDay;
        const Period march{at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z")};
        const Period may{at("2026-05-01T00:00:00Z"), at("2026-06-01T00:00:00Z")};
        const Period july{at("2026-07-01T00:00:00Z"), at("2026-08-01T00:00:00Z")};
        Dataset d;
        d.window = AnalysisWindow{at("2026-10-01T00:00:00Z"), 240};
        d.groups.push_back({"svc", "alert"});
        // 10,000 pages: 3,000 in March, 4,000 in May (the first exactly at its start, the last a
        // microsecond before its end), then 3,000 alternating March and May. Changes likewise.
        const auto add = [&d](Micros t) {
            PageFact p;
            p.createdAt = t;
            d.pages.push_back(p);
            d.changes.push_back({t - day, t, -1});
        };
        for (int i = 0; i < 3000; ++i)
            add(march.from + day + Micros(i));
        add(may.from);
        for (int i = 1; i < 3999; ++i)
            add(may.from + day + Micros(i));
        add(may.to - 1);
        for (int i = 0; i < 3000; ++i)
            add(i % 2 ? march.from + 2 * day + Micros(i) : may.from + 2 * day + Micros(i));
        if (runs == 1)
            d.pageRuns = {{3000, march.from + day, march.from + day + 2999},
                          {7000, may.from, may.to - 1},
                          {10000, march.from + 2 * day + 1, may.from + 2 * day + 2998}};
        if (runs == 2)
            d.pageRuns = {{3000, march.from + day, march.from + day + 2999}, {7000, may.from, may.to - 1}};
        const Engine engine(d);
        const auto counted = [&engine](const Period &period) {
            const std::vector<MetricResult> r = engine.periodMetrics(period, false);
            return std::pair{r[std::size_t(MetricId::AlertNoiseRatio)].n,
                             r[std::size_t(MetricId::LeadTimeForChanges)].n};
        };
        QCOMPARE(counted(march), (std::pair<std::int64_t, std::int64_t>{4500, 4500}));
        QCOMPARE(counted(may), (std::pair<std::int64_t, std::int64_t>{5500, 5500}));
        QCOMPARE(counted(july), (std::pair<std::int64_t, std::int64_t>{0, 0}));
        // The run of May alone, from its first page's time to its last one's.
        QCOMPARE(counted(Period{may.from, may.from + 1}).first, std::int64_t(1));
        QCOMPARE(counted(Period{may.to - 1, may.to}).first, std::int64_t(1));
    }

    // A p50 metric's median, p90 and the median's interval are selected one after the other in
    // the same values, each search narrowed by the ones before: the figures equal those of the
    // sorted values, with ties, for sizes where the ranks fall together or apart.
    void percentilesBySelection_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("distinct"); // how many different delays
        for (const int count : {1, 2, 3, 9, 10, 11, 101, 4999})
            for (const int distinct : {1, 3, 1000, 1000000})
                QTest::addRow("%d values, %d distinct", count, distinct) << count << distinct;
    }
    void percentilesBySelection()
    {
        QFETCH(int, count);
        QFETCH(int, distinct);
        // Several draws: where each value lands decides which ranks a wrongly narrowed search
        // misses.
        const auto check = [&](std::uint64_t seed) {
            Dataset d;
            d.window = AnalysisWindow{kAsOf, kDays};
            d.groups.push_back({"svc", "alert"});
            std::mt19937_64 random(std::uint64_t(count) * 7919 + std::uint64_t(distinct) + seed * 104729);
            std::vector<double> minutes;
            for (int i = 0; i < count; ++i) {
                PageFact p;
                p.createdAt = d.window.from() + Micros(random() % (std::uint64_t(kDays) * 86400)) * kMicrosPerSecond;
                const Micros delay = Micros(random() % std::uint64_t(distinct)) * 7 * kMicrosPerSecond;
                p.acknowledgedAt = p.createdAt + delay;
                d.pages.push_back(p);
                minutes.push_back(double(delay) / double(kMicrosPerMinute));
            }
            std::sort(minutes.begin(), minutes.end());
            const std::vector<MetricResult> r = Engine(d).periodMetrics(Period::of(d.window), false);
            const MetricResult &tta = r[std::size_t(MetricId::TimeToAcknowledge)];
            QCOMPARE(tta.n, std::int64_t(count));
            QCOMPARE(tta.value, percentileSorted(minutes, 0.5));
            QCOMPARE(tta.p90, percentileSorted(minutes, 0.9));
            const std::optional<Interval> ci = intervals::median(minutes);
            QCOMPARE(tta.ci.has_value(), ci.has_value());
            if (ci) {
                QCOMPARE(tta.ci->lo, ci->lo);
                QCOMPARE(tta.ci->hi, ci->hi);
            }
        };
        for (std::uint64_t seed = 0; seed < 16 && !QTest::currentTestFailed(); ++seed)
            check(seed);
    }

    // A user rule that folds two built-in groups into one, and a merge, change what repeats.
    void repeatPagesFollowRulesAndMerges()
    {
        EngineFixture f;
        f.write(page("a", "Pod cart-7f9c8d6b5-x2x1 crashed", "2026-09-20T00:00:00Z"),
                page("b", "Pod cart-7f9c8d6b5-q9z3 crashed", "2026-09-21T00:00:00Z"),
                page("c", "Redis evicted keys", "2026-09-22T00:00:00Z"),
                page("d", "Redis memory high", "2026-09-23T00:00:00Z"));
        SRM_COMPARE_OPT(metric(computeMetrics(f.load(kAsOf, kDays)), "repeat_page_ratio").value, 0.0);
        AlertRuleStore store(f.ws());
        store.addRule(QStringLiteral("Pod (\\w+)-<hex>-\\S+"), QStringLiteral("Pod \\1"));
        SRM_COMPARE_OPT(metric(computeMetrics(f.load(kAsOf, kDays)), "repeat_page_ratio").value, 0.25);
        store.addMerge(QStringLiteral("svc|Redis memory high"), QStringLiteral("svc|Redis evicted keys"));
        SRM_COMPARE_OPT(metric(computeMetrics(f.load(kAsOf, kDays)), "repeat_page_ratio").value, 0.5);
        // Read beside the deployments (forced here: the workspace is small), the pages are flagged
        // on the second connection, with the rule and the merge it reads there.
        const std::int64_t saved = Dataset::parallelPagesFrom;
        const auto restore = qScopeGuard([saved] { Dataset::parallelPagesFrom = saved; });
        Dataset::parallelPagesFrom = 0;
        const Dataset span = Dataset::loadSpan(
            f.ws(), kAsOf, [](Micros asOf) { return asOf - Micros(kDays) * kMicrosPerDay; }, Dataset::AllParts, 0);
        QCOMPARE(span.pageRepeats, (std::vector<std::uint8_t>{0, 1, 0, 1}));
        SRM_COMPARE_OPT(metric(Engine(span).metrics(AnalysisWindow{kAsOf, kDays}), "repeat_page_ratio").value, 0.5);
    }

    // The engine flags repeats in one of three ways: one pass when the pages are in time order;
    // otherwise two passes over spans of 7 days; and when times spread too far for spans (a
    // hand-edited file), a gather and sort by group. Each must give what the definition says,
    // page by page: a page repeats when the page before it in its final group, in (time, load
    // order), is at most 7 days older. Random pages in whole hours (equal times are common, and
    // pages exactly 7 days apart), some groups merged; "spread" adds a page at each end of the
    // times SQLite stores.
    void repeatFlagsEveryPath_data()
    {
        QTest::addColumn<int>("pages");
        QTest::addColumn<bool>("timeOrder");
        QTest::addColumn<bool>("merged");
        QTest::addColumn<bool>("spread");
        QTest::newRow("one pass") << 2000 << true << false << false;
        QTest::newRow("spans") << 2000 << false << false << false;
        QTest::newRow("spans, merged") << 2000 << false << true << false;
        QTest::newRow("spans, many") << 150000 << false << true << false;
        QTest::newRow("gathered") << 2000 << false << false << true;
        QTest::newRow("gathered, merged") << 2000 << false << true << true;
        QTest::newRow("gathered, many") << 150000 << false << false << true;
        QTest::newRow("gathered, many, merged") << 150000 << false << true << true;
        QTest::newRow("one pass, many") << 150000 << true << true << false;
    }

    void repeatFlagsEveryPath()
    {
        QFETCH(int, pages);
        QFETCH(bool, timeOrder);
        QFETCH(bool, merged);
        QFETCH(bool, spread);
        Dataset d;
        d.window = AnalysisWindow{kAsOf, 60};
        d.parts = Dataset::AllParts;
        // About six pages a group over the 60 days: some repeat, some do not.
        const int kGroups = pages / 6;
        for (int g = 0; g < kGroups; ++g)
            d.groups.push_back({"svc" + std::to_string(g % 7), "alert " + std::to_string(g)});
        if (merged)
            for (int g = 1; g < kGroups; g += 3) // alert 1 into alert 0, 4 into 3, …
                d.alertMerges.append({QStringLiteral("svc%1|alert %2").arg(g % 7).arg(g),
                                      QStringLiteral("svc%1|alert %2").arg((g - 1) % 7).arg(g - 1)});
        std::mt19937_64 random(20261206);
        for (int i = 0; i < pages; ++i) {
            PageFact p;
            // Whole hours over 60 days: equal times are common within a group.
            p.createdAt = d.window.from() + Micros(random() % (60 * 24)) * 3600 * kMicrosPerSecond;
            p.group = std::int32_t(random() % kGroups);
            d.pages.push_back(p);
        }
        if (spread) {
            d.pages[std::size_t(pages) / 3].createdAt = std::numeric_limits<Micros>::min();
            d.pages[std::size_t(pages) / 2].createdAt = std::numeric_limits<Micros>::max();
        }
        if (timeOrder)
            std::stable_sort(d.pages.begin(), d.pages.end(),
                             [](const PageFact &a, const PageFact &b) { return a.createdAt < b.createdAt; });

        const Engine engine(d);
        const std::vector<std::uint8_t> &flags = engine.repeatFlags();
        const std::vector<std::int32_t> finalOf = engine.finalGroups();
        QCOMPARE(finalOf.size(), std::size_t(kGroups));
        if (merged)
            QCOMPARE(finalOf[1], finalOf[0]);
        // The definition, one group at a time.
        std::map<std::int32_t, std::vector<std::pair<Micros, std::size_t>>> byGroup;
        for (std::size_t i = 0; i < d.pages.size(); ++i)
            byGroup[finalOf[std::size_t(d.pages[i].group)]].push_back({d.pages[i].createdAt, i});
        std::vector<std::uint8_t> expected(d.pages.size(), 0);
        std::size_t repeats = 0;
        for (auto &[group, list] : byGroup) {
            std::sort(list.begin(), list.end());
            for (std::size_t k = 1; k < list.size(); ++k)
                if (std::uint64_t(list[k].first) - std::uint64_t(list[k - 1].first) <= 7 * kMicrosPerDay) {
                    expected[list[k].second] = 1;
                    ++repeats;
                }
        }
        // The data can tell a wrong flag: a good share of each kind.
        QVERIFY(repeats > d.pages.size() / 5 && repeats < d.pages.size() * 4 / 5);
        QCOMPARE(flags.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            if (flags[i] != expected[i])
                QFAIL(
                    qPrintable(QStringLiteral("page %1: flag %2, expected %3").arg(i).arg(flags[i]).arg(expected[i])));
    }

    // Keys are service + "|" + title, so service "a|b" with title "c" and service "a" with title
    // "b|c" are one alert group ("a|b|c"): the second page, a day later, repeats the first
    // (1 of 2). Without rules or merges the engine skips building keys unless a service holds a
    // "|"; here it must not.
    void groupKeysThatCoincide()
    {
        EngineFixture f;
        f.write(page("x", "c", "2026-09-20T00:00:00Z", std::nullopt, std::nullopt, std::nullopt, "a|b"),
                page("y", "b|c", "2026-09-21T00:00:00Z", std::nullopt, std::nullopt, std::nullopt, "a"));
        SRM_COMPARE_OPT(metric(computeMetrics(f.load(kAsOf, kDays)), "repeat_page_ratio").value, 0.5);
        // Two plain groups: no repeat.
        EngineFixture g;
        g.write(page("x", "c", "2026-09-20T00:00:00Z", std::nullopt, std::nullopt, std::nullopt, "a"),
                page("y", "d", "2026-09-21T00:00:00Z", std::nullopt, std::nullopt, std::nullopt, "a"));
        SRM_COMPARE_OPT(metric(computeMetrics(g.load(kAsOf, kDays)), "repeat_page_ratio").value, 0.0);
    }

    void toilRatio()
    {
        EngineFixture f;
        DebtItem a;
        a.id = "OPS-1";
        a.title = "manual failover";
        a.toilHoursPerWeek = 10;
        a.costWeeks = 2;
        DebtItem b = a;
        b.id = "OPS-2";
        b.toilHoursPerWeek = 6;
        DebtItem done = a;
        done.id = "OPS-3";
        done.toilHoursPerWeek = 100;
        done.status = DebtStatus::Done;
        f.write(a, b, done);
        // No team_size: not measured, but n counts the open items.
        MetricsReport r = computeMetrics(f.load(kAsOf, kDays));
        QVERIFY(!metric(r, "toil_ratio").value);
        QCOMPARE(metric(r, "toil_ratio").n, 2);
        QCOMPARE(metric(r, "toil_ratio").status, Status::NotMeasured);
        // 16 h of toil ÷ (4 × 40) = 0.1; the register has no history: every week shows it.
        f.ws().setSetting(QStringLiteral("team_size"), QStringLiteral("4"));
        r = computeMetrics(f.load(kAsOf, kDays));
        const MetricResult &toil = metric(r, "toil_ratio");
        SRM_COMPARE_OPT(toil.value, 0.1);
        QCOMPARE(toil.n, 2);
        QCOMPARE(toil.status, Status::Met);
        checkWeekly(toil, {{0.1, 2}, {0.1, 2}, {0.1, 2}});
    }

    void targetsGapsTiersAndThemes()
    {
        EngineFixture f;
        writeDelivery(f);
        f.ws().setSettings({{QStringLiteral("target.change_failure_rate"), QStringLiteral("0.6")},
                            {QStringLiteral("target.deployment_frequency"), QStringLiteral("2")},
                            {QStringLiteral("weight.change"), QStringLiteral("2.5")}});
        MetricsReport r = computeMetrics(f.load(kAsOf, kDays));
        const MetricResult &cfr = metric(r, "change_failure_rate");
        QCOMPARE(cfr.target, 0.6);
        SRM_COMPARE_OPT(cfr.gap, 0.0);
        QCOMPARE(cfr.status, Status::Met);
        QCOMPARE(cfr.tier, Tier::Low); // tiers do not follow targets
        const MetricResult &freq = metric(r, "deployment_frequency");
        SRM_COMPARE_OPT(freq.gap, 1.5); // higher is better: 2 − 0.5
        QCOMPARE(freq.status, Status::Gap);
        // Rework, over the successful production deployments of the window D1 D3 D4 F2 D5 D10 (all
        // of service "shop"): F2 fixes D4 (a); D3 follows the rollback D2 (b); I4 (16th 23:00 to
        // 24th 04:00) is open at D1 D3 D4 F2 D5, and I2 and I6 (never resolved) at D10 (c).
        const MetricResult &rework = metric(r, "deployment_rework_rate");
        SRM_COMPARE_OPT(rework.value, 1.0);
        QCOMPARE(rework.n, 6);
        QVERIFY(rework.reworkRules);
        QCOMPARE(rework.reworkRules->fix, 1);
        QCOMPARE(rework.reworkRules->afterFailure, 1);
        QCOMPARE(rework.reworkRules->duringIncident, 6);
        // change: frequency gap, lead time met, CFR met, recovery gap, rework gap.
        const ThemeSummary &change = r.themes[0];
        QCOMPARE(change.theme, Theme::Change);
        QCOMPARE(change.metrics, 5);
        QCOMPARE(change.met, 2);
        QCOMPARE(change.gaps, 3);
        QCOMPARE(change.notMeasured, 0);
        QCOMPARE(change.weight, 2.5);
        QCOMPARE(r.themes[1].weight, 1.0);
        QCOMPARE(r.themes[1].notMeasured, 3);
        // Incidents were written, but time_to_detect needs detections: I1 I2 I3 have none.
        QCOMPARE(r.themes[2].notMeasured, 4);
        QCOMPARE(r.themes[2].gaps, 1); // time_to_restore: I1 2.5 h (I3 0.5 h): p50 1.5 h > 1 h
        SRM_COMPARE_OPT(metric(r, "time_to_restore").value, 1.5);
    }

    void doraTierBoundaries_data()
    {
        QTest::addColumn<int>("deploys"); // in a 7-day window, all successful
        QTest::addColumn<int>("rolledBack");
        QTest::addColumn<int>("frequencyTier");
        QTest::addColumn<int>("failureTier");
        // 7 in 7 days: 1 per day (elite, inclusive); 1 of 20 rolled back: 0.05 (elite, inclusive).
        QTest::newRow("1 per day is elite") << 7 << 0 << int(Tier::Elite) << int(Tier::Elite);
        QTest::newRow("0.05 is elite") << 20 << 1 << int(Tier::Elite) << int(Tier::Elite);
        QTest::newRow("0.10 is high") << 10 << 1 << int(Tier::Elite) << int(Tier::High);
        QTest::newRow("1/7 per day is high") << 1 << 0 << int(Tier::High) << int(Tier::Elite);
        QTest::newRow("0.15 is medium") << 20 << 3 << int(Tier::Elite) << int(Tier::Medium);
        QTest::newRow("above 0.15 is low") << 6 << 1 << int(Tier::High) << int(Tier::Low);
    }
    void doraTierBoundaries()
    {
        QFETCH(int, deploys);
        QFETCH(int, rolledBack);
        QFETCH(int, frequencyTier);
        QFETCH(int, failureTier);
        EngineFixture f;
        Workspace::Transaction tx(f.ws());
        RecordWriter w(f.ws(), 0);
        for (int i = 0; i < deploys; ++i) {
            Deployment d = deployment("x", "2026-09-24T00:00:00Z",
                                      i < rolledBack ? DeployResult::RolledBack : DeployResult::Success);
            d.deploymentId = "D" + std::to_string(i);
            d.finishedAt += i * kMicrosPerMinute;
            w.add(d);
        }
        tx.commit();
        const MetricsReport r = computeMetrics(f.load(kAsOf, 7));
        const MetricResult &freq = metric(r, "deployment_frequency");
        QCOMPARE(int(freq.tier.value()), frequencyTier);
        QCOMPARE(int(metric(r, "change_failure_rate").tier.value()), failureTier);
    }

    void sloComplianceWeekly()
    {
        EngineFixture f;
        // Two SLOs with a 7-day window; the weekly point is each SLO judged over its own window
        // ending at the end of the (clipped) week; the last point is the headline value.
        Slo a;
        a.name = "a";
        a.objective = 0.9;
        a.windowSeconds = 7 * 86400;
        Slo b = a;
        b.name = "b";
        Slo c = a; // never measured
        c.name = "c";
        auto m = [](const char *slo, const char *ts, double good, double total) {
            SloMeasurement x;
            x.slo = slo;
            x.timestamp = at(ts);
            x.good = good;
            x.total = total;
            return x;
        };
        // a: bad in the week to 09-21 (50%), good later (100%).
        // b: good until 09-21 (95%), bad in the last week (80%).
        f.write(a, b, c, m("a", "2026-09-15T00:00:00Z", 50, 100), m("a", "2026-09-25T00:00:00Z", 100, 100),
                m("a", "2026-09-29T00:00:00Z", 100, 100), m("b", "2026-09-16T00:00:00Z", 95, 100),
                m("b", "2026-09-30T00:00:00Z", 80, 100));
        const MetricsReport r = computeMetrics(f.load(kAsOf, kDays));
        // At 09-21: a [09-14, 09-21) 50% missed, b 95% met -> 1/2.
        // At 09-28: a [09-21, 09-28) 100% met, b no data -> 1/1.
        // At 10-01: a [09-24, 10-01) 100% met, b [09-24, 10-01) 80% missed -> 1/2.
        const MetricResult &comp = metric(r, "slo_compliance");
        SRM_COMPARE_OPT(comp.value, 0.5);
        QCOMPARE(comp.n, 2);
        SRM_COMPARE_OPT(comp.gap, 0.5);
        checkWeekly(comp, {{0.5, 2}, {1.0, 1}, {0.5, 2}});
        QCOMPARE(r.slos.size(), size_t(3));
        QVERIFY(!r.slos[2].attainment); // c: listed with nulls, not counted
    }

    // The default as-of found while loading the pages equals the one from the workspace's
    // latest event, whichever record holds it.
    void defaultAsOf_data()
    {
        QTest::addColumn<int>("latest");
        QTest::newRow("page resolved") << 0;
        QTest::newRow("page created") << 1;
        QTest::newRow("change merged") << 2;
        QTest::newRow("incident resolved") << 3;
        QTest::newRow("measurement") << 4;
        QTest::newRow("nothing") << 5;
    }
    void defaultAsOf()
    {
        QFETCH(int, latest);
        EngineFixture f;
        if (latest != 5) {
            f.write(page("p0", "old", "2026-05-01T00:00:00Z", 60, 120),
                    page("p1", "x", "2026-09-10T10:00:00Z", std::nullopt,
                         latest == 0 ? 30 * 86400 : 60), // resolved 10-10
                    page("p2", "y", latest == 1 ? "2026-10-20T23:59:59Z" : "2026-09-01T00:00:00Z"));
            Change c = change("c", "D1", "2026-09-01T00:00:00Z");
            if (latest == 2)
                c.prMergedAt = at("2026-11-02T00:00:00Z");
            Incident i = incident("I", "2026-09-05T00:00:00Z");
            if (latest == 3)
                i.resolvedAt = at("2026-11-03T12:00:00Z");
            SloMeasurement m;
            m.slo = "s";
            m.timestamp = at(latest == 4 ? "2026-11-04T00:00:00Z" : "2026-09-01T00:00:00Z");
            m.total = 1;
            m.good = 1;
            f.write(c, i, m, deployment("D1", "2026-09-02T00:00:00Z"));
        }
        const char *const expected[] = {"2026-10-11T00:00:00Z", "2026-10-21T00:00:00Z", "2026-11-03T00:00:00Z",
                                        "2026-11-04T00:00:00Z", "2026-11-05T00:00:00Z", "2030-01-02T00:00:00Z"};
        const Micros now = at("2030-01-01T12:00:00Z");
        QCOMPARE(AnalysisWindow::defaultAsOf(f.ws(), now), at(expected[latest]));
        for (int parts : {int(Dataset::AllParts), int(Dataset::Pages), int(Dataset::Delivery)}) {
            const Dataset d = Dataset::load(f.ws(), std::nullopt, 30, parts, now);
            QCOMPARE(d.window.asOf, at(expected[latest]));
        }
        // The pages loaded that way are those of the window (and its history).
        const Dataset d = Dataset::load(f.ws(), std::nullopt, 60, Dataset::Pages | Dataset::PageHistory, now);
        const Dataset e = f.load(at(expected[latest]), 60, Dataset::Pages | Dataset::PageHistory);
        QCOMPARE(d.pages.size(), e.pages.size());
    }
};

QTEST_GUILESS_MAIN(TstMetrics)
#include "tst_metrics.moc"
