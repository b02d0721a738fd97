// Progress quarter by quarter (docs/intervals-and-progress.md#progress-quarters) on a fixture that spans
// three complete quarters and a partial one, worked out by hand: the quarters and their lengths,
// rates over a partial quarter, the verdict of each quarter against the one before, the Theil–
// Sen pace and the projected quarter (up to 8 quarters ahead), quarter-aligned SLOs, toil in the
// last quarter only, and the successes; then the same through `progress --json` and the text.
#include "tests/enginefixture.h"

#include "engine/analysis.h"
#include "engine/dataset.h"
#include "engine/progress.h"
#include "engine/progressjson.h"
#include "tests/common/testutil.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>

using namespace srm;
using namespace srm::test;

namespace {

// as of Saturday 2026-08-15 12:00 UTC, 4 quarters: 2025Q4, 2026Q1, 2026Q2 and 2026Q3 (partial:
// 07-01 to 08-15 12:00 = 45.5 days); the quarter before the oldest is 2025Q3.
// Quarter lengths: 2025Q3 92 days, 2025Q4 92, 2026Q1 90, 2026Q2 91.
const char *const kAsOf = "2026-08-15T12:00:00Z";

struct QuarterData
{
    const char *start;
    const char *end;
    int deployments;
    int rolledBack; // the first ones of the quarter
    int pages;
};
// Deployments: 2025Q3 10 (5 rolled back), 2025Q4 20 (12), 2026Q1 20 (2), 2026Q2 20 (0), 2026Q3 10 (0).
// Pages: none in 2025Q3; 460 in 2025Q4 (460 ÷ (92/7) = 35.0 a week), 424 in 2026Q1
// (424 ÷ (90/7) = 32.977778), 403 in 2026Q2 (403 ÷ 13 = 31.0), 195 in 2026Q3 (195 ÷ 6.5 = 30.0).
const QuarterData kQuarters[] = {
    {"2025-07-01T00:00:00Z", "2025-10-01T00:00:00Z", 10, 5, 0},
    {"2025-10-01T00:00:00Z", "2026-01-01T00:00:00Z", 20, 12, 460},
    {"2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", 20, 2, 424},
    {"2026-04-01T00:00:00Z", "2026-07-01T00:00:00Z", 20, 0, 403},
    {"2026-07-01T00:00:00Z", "2026-08-15T12:00:00Z", 10, 0, 195},
};

Incident resolvedIncident(int n, Micros started, int hours)
{
    Incident i;
    i.incidentId = "INC-" + std::to_string(n);
    i.service = "api"; // not the deployments' service: no deployment is rework "during an incident"
    i.title = "outage";
    i.startedAt = started;
    i.resolvedAt = started + hours * kMicrosPerHour;
    return i;
}

SloMeasurement measurement(const char *slo, const char *at, double good, double total)
{
    SloMeasurement m;
    m.slo = slo;
    m.timestamp = srm::test::at(at);
    m.good = good;
    m.total = total;
    return m;
}

void writeFixture(EngineFixture &f)
{
    Workspace::Transaction tx(f.ws());
    RecordWriter writer(f.ws(), 0);
    int id = 0;
    for (const QuarterData &q : kQuarters) {
        const Micros start = at(q.start), end = at(q.end);
        for (int i = 0; i < q.deployments; ++i) {
            Deployment d;
            d.deploymentId = "D" + std::to_string(1000 + ++id);
            d.service = "shop";
            d.environment = "production";
            d.finishedAt = start + (end - start) / q.deployments * i;
            d.result = i < q.rolledBack ? DeployResult::RolledBack : DeployResult::Success;
            writer.add(d);
        }
        for (int i = 0; i < q.pages; ++i) {
            Page p;
            p.sourceId = "P" + std::to_string(++id);
            p.service = "svc";
            p.title = "Disk full";
            p.createdAt = start + (end - start) / q.pages * i;
            writer.add(p);
        }
    }
    // On as_of itself: after the window, never counted.
    Deployment late;
    late.deploymentId = "D9999";
    late.service = "shop";
    late.finishedAt = at(kAsOf);
    writer.add(late);

    // time_to_restore: 7 incidents in 2026Q1 resolved after 1..7 h (median 4, too few for an
    // interval: k = 0), 8 in 2026Q2 after 1..8 h (median 4.5, k = 1: [1, 8]).
    for (int i = 0; i < 7; ++i)
        writer.add(resolvedIncident(i, at("2026-02-01T00:00:00Z") + i * kMicrosPerDay, i + 1));
    for (int i = 0; i < 8; ++i)
        writer.add(resolvedIncident(10 + i, at("2026-05-01T00:00:00Z") + i * kMicrosPerDay, i + 1));

    // SLOs over each quarter itself.
    Slo avail;
    avail.name = avail.measurementSlo = "avail";
    avail.objective = 0.99;
    Slo slices;
    slices.name = slices.measurementSlo = "slices";
    slices.method = BudgetingMethod::Timeslices;
    slices.objective = 0.5;
    slices.timeSliceTarget = 0.9;
    writer.add(avail);
    writer.add(slices);
    writer.add(measurement("avail", "2025-11-01T00:00:00Z", 990, 1000)); // 2025Q4: 0.99, met, budget 0
    writer.add(measurement("avail", "2026-02-01T00:00:00Z", 980, 1000)); // 2026Q1: 0.98, missed, budget −1
    writer.add(measurement("avail", "2026-07-15T00:00:00Z", 995, 1000)); // 2026Q3: 0.995, met, budget 0.5
    // 2025Q4: slices 0.95, 0.95, 0.95, 0.5 -> 3 good of 4 = 0.75 >= 0.5: met, budget 1 − 0.25/0.5 = 0.5
    writer.add(measurement("slices", "2025-11-01T00:00:00Z", 95, 100));
    writer.add(measurement("slices", "2025-11-01T01:00:00Z", 95, 100));
    writer.add(measurement("slices", "2025-11-01T02:00:00Z", 95, 100));
    writer.add(measurement("slices", "2025-11-01T03:00:00Z", 50, 100));
    // 2026Q1: two bad slices: 0, missed; 2026Q2: a slice without events is no slice: no data.
    writer.add(measurement("slices", "2026-02-01T00:00:00Z", 10, 100));
    writer.add(measurement("slices", "2026-02-01T01:00:00Z", 10, 100));
    writer.add(measurement("slices", "2026-05-01T00:00:00Z", 0, 0));

    // toil_ratio: 8 open hours a week ÷ (2 × 40) = 0.1, in the last quarter only.
    DebtItem item;
    item.id = "OPS-1";
    item.title = "Rotate certificates by hand";
    item.toilHoursPerWeek = 8;
    item.costWeeks = 2;
    writer.add(item);
    tx.commit();
    f.ws().setSetting(QStringLiteral("team_size"), QStringLiteral("2"));
}

bool near(const std::optional<double> &a, double b, double tolerance = 1e-9)
{
    return a && std::abs(*a - b) <= tolerance * std::max(1.0, std::abs(b));
}

} // namespace

class TstProgress : public QObject
{
    Q_OBJECT

    EngineFixture m_fixture;
    ProgressReport m_report;

    const MetricProgress &metric(MetricId id) const { return m_report.at(id); }

private slots:
    void initTestCase()
    {
        writeFixture(m_fixture);
        ProgressRequest request;
        request.asOf = at(kAsOf);
        request.quarters = 4;
        m_report = loadProgress(m_fixture.ws(), request, 0);
    }

    void quarters()
    {
        QCOMPARE(m_report.count(), 4);
        const char *const names[] = {"2025Q4", "2026Q1", "2026Q2", "2026Q3"};
        for (int i = 0; i < 4; ++i)
            QCOMPARE(formatQuarter(m_report.quarters[std::size_t(i)].quarter), QLatin1StringView(names[i]));
        QCOMPARE(m_report.quarters[2].period.days(), 91.0);
        QVERIFY(!m_report.quarters[2].partial);
        QVERIFY(m_report.quarters[3].partial);
        QCOMPARE(m_report.quarters[3].period.days(), 45.5);
        QCOMPARE(*m_report.latestComplete(), 2);
    }

    void ratesDivideByTheActualLength()
    {
        const MetricProgress &f = metric(MetricId::DeploymentFrequency);
        // 20 ÷ 92, 20 ÷ 90, 20 ÷ 91, and the partial quarter 10 ÷ 45.5 (the deployment on as_of is out).
        QVERIFY(near(f.quarters[0].value, 20.0 / 92));
        QVERIFY(near(f.quarters[1].value, 20.0 / 90));
        QVERIFY(near(f.quarters[2].value, 20.0 / 91));
        QVERIFY(near(f.quarters[3].value, 10.0 / 45.5));
        QCOMPARE(f.quarters[3].n, 10);
        // Byar over 45.5 days: [0.1052187, 0.4042079]
        QVERIFY(near(f.quarters[3].ci->lo, 0.10521867877030255));
        QVERIFY(near(f.quarters[3].ci->hi, 0.4042078830326784));
        const MetricProgress &p = metric(MetricId::PagesPerWeek);
        QVERIFY(near(p.quarters[0].value, 35.0));
        QVERIFY(near(p.quarters[1].value, 424 * 7 / 90.0)); // 32.977778
        QVERIFY(near(p.quarters[2].value, 31.0));
        QVERIFY(near(p.quarters[3].value, 30.0)); // 195 ÷ 6.5 weeks
        // Byar of 460 pages over 13.142857 weeks: [31.874172, 38.349488]
        QVERIFY(near(p.quarters[0].ci->lo, 31.874171520789293));
        QVERIFY(near(p.quarters[0].ci->hi, 38.349487902830084));
    }

    void verdictsAgainstTheQuarterBefore()
    {
        const MetricProgress &cfr = metric(MetricId::ChangeFailureRate);
        // The quarter before: 5 of 10 = 0.5, Wilson [0.236593, 0.763407].
        QVERIFY(near(cfr.before.value, 0.5));
        // 2025Q4 12 of 20 = 0.6, Wilson [0.386581, 0.781193]: overlaps 2025Q3's.
        QVERIFY(near(cfr.quarters[0].value, 0.6));
        QVERIFY(near(cfr.quarters[0].ci->lo, 0.3865814992347542));
        QCOMPARE(*cfr.quarters[0].verdict, Verdict::NoClearChange);
        // 2026Q1 2 of 20 = 0.1, Wilson [0.027866, 0.301034]: below 0.386581, and lower is better.
        QVERIFY(near(cfr.quarters[1].ci->hi, 0.3010336471864123));
        QCOMPARE(*cfr.quarters[1].verdict, Verdict::Improved);
        // 2026Q2 0 of 20, Wilson [0, 0.161125]: overlaps [0.027866, 0.301034].
        QCOMPARE(cfr.quarters[2].ci->lo, 0.0);
        QCOMPARE(*cfr.quarters[2].verdict, Verdict::NoClearChange);
        // 2026Q3 (partial) 0 of 10, [0, 0.277533], compared with the whole 2026Q2 too.
        QCOMPARE(*cfr.quarters[3].verdict, Verdict::NoClearChange);

        // No page before 2025Q4: its pages have nothing to be compared with.
        QCOMPARE(*metric(MetricId::PagesPerWeek).quarters[0].verdict, Verdict::InsufficientData);
        // Byar [29.913052, 36.271278] against [31.874172, 38.349488]: overlap.
        QCOMPARE(*metric(MetricId::PagesPerWeek).quarters[1].verdict, Verdict::NoClearChange);

        // time_to_restore: 2026Q1 median of 1..7 h = 4 h without an interval (k = 0); 2026Q2
        // median 4.5 h in [1, 8] (k = 1), but 2026Q1 has no interval to compare with.
        const MetricProgress &ttr = metric(MetricId::TimeToRestore);
        QVERIFY(!ttr.quarters[0].value);
        QVERIFY(near(ttr.quarters[1].value, 4.0));
        QVERIFY(!ttr.quarters[1].ci);
        QVERIFY(near(ttr.quarters[2].value, 4.5));
        QCOMPARE(*ttr.quarters[2].ci, (Interval{1, 8}));
        QCOMPARE(*ttr.quarters[2].verdict, Verdict::InsufficientData);
        QCOMPARE(ttr.quarters[2].n, 8);
    }

    void pace()
    {
        // change_failure_rate over the complete quarters 0.6, 0.1, 0: slopes −0.5, −0.3, −0.1
        // -> −0.3; intercepts 0.6, 0.1 + 0.3 = 0.4, 0 + 0.6 = 0.6 -> 0.6. 2026Q2 (0) meets 0.05: "met".
        const MetricProgress &cfr = metric(MetricId::ChangeFailureRate);
        QVERIFY(near(cfr.pace.slopePerQuarter, -0.3));
        QVERIFY(near(cfr.pace.intercept, 0.6));
        QVERIFY(cfr.pace.met);
        QCOMPARE(cfr.pace.indexes, (std::vector<int>{0, 1, 2}));

        // pages_per_week: 35, 32.977778, 31 (the partial 2026Q3 is left out): slopes −2.022222,
        // (31 − 35) ÷ 2 = −2, −1.977778 -> −2; intercepts 35, 34.977778, 35 -> 35. The line
        // 35 − 2k meets the target 14 from k = 10.5: at index 11 (k = 10 gives 15), the 8th
        // quarter after 2026Q3 (indexes 4…11): 2028Q3.
        const MetricProgress &pages = metric(MetricId::PagesPerWeek);
        QVERIFY(near(pages.pace.slopePerQuarter, -2.0));
        QVERIFY(near(pages.pace.intercept, 35.0));
        QVERIFY(!pages.pace.met);
        QCOMPARE(*pages.pace.targetIndex, 11);
        QCOMPARE(formatQuarter(*pages.pace.targetQuarter), QStringLiteral("2028Q3"));

        // deployment_frequency: 20/92, 20/90, 20/91: slopes 0.0048309, 0.0011945, −0.0024420 ->
        // 0.0011945 a quarter; from 0.217 it would take hundreds of quarters to reach 1/day.
        const MetricProgress &freq = metric(MetricId::DeploymentFrequency);
        QVERIFY(near(freq.pace.slopePerQuarter, (20.0 / 91 - 20.0 / 92) / 2));
        QVERIFY(!freq.pace.met);
        QVERIFY(!freq.pace.targetQuarter);

        // time_to_restore has values in two complete quarters only: no pace.
        QVERIFY(!metric(MetricId::TimeToRestore).pace.slopePerQuarter);
        QVERIFY(!metric(MetricId::TimeToRestore).pace.targetQuarter);
    }

    void quarterAlignedSlos()
    {
        QCOMPARE(m_report.slos.size(), std::size_t(2));
        const SloProgress &avail = m_report.slos[0];
        QCOMPARE(avail.name, QStringLiteral("avail"));
        QVERIFY(near(avail.quarters[0].attainment, 0.99));
        QVERIFY(*avail.quarters[0].met);
        QVERIFY(near(avail.quarters[0].errorBudgetRemaining, 0.0));
        QVERIFY(near(avail.quarters[1].attainment, 0.98));
        QVERIFY(!*avail.quarters[1].met);
        QVERIFY(near(avail.quarters[1].errorBudgetRemaining, -1.0)); // 1 − 0.02 ÷ 0.01
        QVERIFY(!avail.quarters[2].attainment);
        QVERIFY(!avail.quarters[2].met);
        QVERIFY(near(avail.quarters[3].errorBudgetRemaining, 0.5)); // 1 − 0.005 ÷ 0.01
        const SloProgress &slices = m_report.slos[1];
        QVERIFY(near(slices.quarters[0].attainment, 0.75));
        QVERIFY(near(slices.quarters[0].errorBudgetRemaining, 0.5)); // 1 − 0.25 ÷ 0.5
        QVERIFY(near(slices.quarters[1].attainment, 0.0));
        QVERIFY(!slices.quarters[2].attainment); // a slice without events

        // slo_compliance counts the SLOs with measurements in the quarter: 2 of 2, 0 of 2, none, 1 of 1.
        const MetricProgress &c = metric(MetricId::SloCompliance);
        QVERIFY(near(c.quarters[0].value, 1.0));
        QCOMPARE(c.quarters[0].n, 2);
        QVERIFY(near(c.quarters[1].value, 0.0));
        QCOMPARE(c.quarters[1].n, 2);
        QVERIFY(!c.quarters[2].value);
        QCOMPARE(c.quarters[2].n, 0);
        QVERIFY(near(c.quarters[3].value, 1.0));
        QCOMPARE(c.quarters[3].n, 1);
        // Wilson of 2 of 2: [0.342380, 1]
        QVERIFY(near(c.quarters[0].ci->hi, 1.0));
    }

    void toilInTheLastQuarterOnly()
    {
        const MetricProgress &t = metric(MetricId::ToilRatio);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(!t.quarters[std::size_t(i)].value);
            QCOMPARE(t.quarters[std::size_t(i)].n, 0);
        }
        QVERIFY(near(t.quarters[3].value, 0.1)); // 8 ÷ (2 × 40)
        QVERIFY(!t.quarters[3].ci);
        QVERIFY(!t.quarters[3].verdict);
        // The latest complete quarter has no toil value and there is no pace.
        QVERIFY(!t.pace.met);
        QVERIFY(!t.pace.targetQuarter);
    }

    void successes()
    {
        // change_failure_rate went from a gap (0.1 > 0.05) in 2026Q1 to met (0) in 2026Q2; no
        // metric's 2026Q2 is improved against 2026Q1.
        QCOMPARE(m_report.successes, (std::vector<MetricId>{MetricId::ChangeFailureRate}));
        QVERIFY(metric(MetricId::ChangeFailureRate).success);
        QVERIFY(!metric(MetricId::PagesPerWeek).success);
    }

    void aQuarterIsTheWindowOfItsDays()
    {
        // A complete quarter's event metrics are those of the window of its days ending at its end.
        const Dataset data = m_fixture.load(at("2026-04-01T00:00:00Z"), 90);
        const MetricsReport window = computeMetrics(data);
        for (MetricId id : {MetricId::DeploymentFrequency, MetricId::ChangeFailureRate, MetricId::PagesPerWeek,
                            MetricId::TimeToRestore, MetricId::RepeatPageRatio, MetricId::OffHoursPageRatio}) {
            const QuarterFigure &q = metric(id).quarters[1];
            const MetricResult &w = window.at(id);
            SRM_COMPARE_OPT(q.value, w.value);
            QCOMPARE(q.n, w.n);
            QCOMPARE(q.ci.has_value(), w.ci.has_value());
            if (q.ci)
                QCOMPARE(*q.ci, *w.ci);
        }
    }

    void json()
    {
        const CliResult r = runCli({QStringLiteral("progress"), m_fixture.path(), QStringLiteral("--as-of"),
                                    QString::fromLatin1(kAsOf), QStringLiteral("--quarters"), QStringLiteral("4"),
                                    QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.endsWith('\n') && r.out.count('\n') == 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("as_of")).toString(), QStringLiteral("2026-08-15T12:00:00Z"));
        QCOMPARE(o.value(QStringLiteral("quarters")).toArray(),
                 (QJsonArray{QStringLiteral("2025Q4"), QStringLiteral("2026Q1"), QStringLiteral("2026Q2"),
                             QStringLiteral("2026Q3")}));
        QCOMPARE(o.value(QStringLiteral("successes")).toArray(), QJsonArray{QStringLiteral("change_failure_rate")});
        const QJsonArray metrics = o.value(QStringLiteral("metrics")).toArray();
        QCOMPARE(metrics.size(), kMetricCount);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &m : metrics)
            byId.insert(m.toObject().value(QStringLiteral("id")).toString(), m.toObject());
        const QJsonObject cfr = byId.value(QStringLiteral("change_failure_rate"));
        QCOMPARE(cfr.keys(),
                 (QStringList{QStringLiteral("id"), QStringLiteral("pace"), QStringLiteral("target"),
                              QStringLiteral("unit"), QStringLiteral("values")}));
        QCOMPARE(cfr.value(QStringLiteral("unit")).toString(), QStringLiteral("ratio"));
        QCOMPARE(cfr.value(QStringLiteral("target")).toDouble(), 0.05);
        QCOMPARE(cfr.value(QStringLiteral("pace")).toObject().value(QStringLiteral("target_quarter")).toString(),
                 QStringLiteral("met"));
        const QJsonArray values = cfr.value(QStringLiteral("values")).toArray();
        QCOMPARE(values.size(), 4);
        const QJsonObject q1 = values[1].toObject();
        QCOMPARE(q1.keys(),
                 (QStringList{QStringLiteral("ci"), QStringLiteral("n"), QStringLiteral("partial"),
                              QStringLiteral("quarter"), QStringLiteral("value"), QStringLiteral("verdict")}));
        QCOMPARE(q1.value(QStringLiteral("quarter")).toString(), QStringLiteral("2026Q1"));
        QCOMPARE(q1.value(QStringLiteral("verdict")).toString(), QStringLiteral("improved"));
        QCOMPARE(q1.value(QStringLiteral("n")).toInt(), 20);
        QCOMPARE(q1.value(QStringLiteral("ci")).toArray().size(), 2);
        QVERIFY(values[3].toObject().value(QStringLiteral("partial")).toBool());
        QVERIFY(!values[2].toObject().value(QStringLiteral("partial")).toBool());
        const QJsonObject pages = byId.value(QStringLiteral("pages_per_week"));
        QCOMPARE(pages.value(QStringLiteral("pace")).toObject().value(QStringLiteral("target_quarter")).toString(),
                 QStringLiteral("2028Q3"));
        QCOMPARE(pages.value(QStringLiteral("pace")).toObject().value(QStringLiteral("slope_per_quarter")).toDouble(),
                 -2.0);
        const QJsonObject freq = byId.value(QStringLiteral("deployment_frequency"));
        QVERIFY(freq.value(QStringLiteral("pace")).toObject().value(QStringLiteral("target_quarter")).isNull());
        const QJsonObject toil = byId.value(QStringLiteral("toil_ratio"));
        const QJsonObject lastToil = toil.value(QStringLiteral("values")).toArray()[3].toObject();
        QVERIFY(lastToil.value(QStringLiteral("verdict")).isNull());
        QVERIFY(lastToil.value(QStringLiteral("ci")).isNull());
        QCOMPARE(lastToil.value(QStringLiteral("value")).toDouble(), 0.1);
        const QJsonArray slos = o.value(QStringLiteral("slos")).toArray();
        QCOMPARE(slos.size(), 2);
        const QJsonObject availQ1 = slos[0].toObject().value(QStringLiteral("quarters")).toArray()[1].toObject();
        QCOMPARE(availQ1.keys(),
                 (QStringList{QStringLiteral("attainment"), QStringLiteral("error_budget_remaining"),
                              QStringLiteral("met"), QStringLiteral("quarter")}));
        QCOMPARE(availQ1.value(QStringLiteral("met")).toBool(), false);
        QVERIFY(slos[0]
                    .toObject()
                    .value(QStringLiteral("quarters"))
                    .toArray()[2]
                    .toObject()
                    .value(QStringLiteral("attainment"))
                    .isNull());
    }

    void text()
    {
        const CliResult r = runCli({QStringLiteral("progress"), m_fixture.path(), QStringLiteral("--as-of"),
                                    QString::fromLatin1(kAsOf), QStringLiteral("--quarters"), QStringLiteral("4")});
        QCOMPARE(r.exitCode, 0);
        const QString out = r.outText();
        QVERIFY(out.contains(QStringLiteral("2026Q3 is partial: 2026-07-01 to 2026-08-15T12:00:00Z")));
        QVERIFY(out.contains(QStringLiteral("2026Q3*")));
        QVERIFY(out.contains(QStringLiteral("Change failure rate (success)")));
        QVERIFY(out.contains(QStringLiteral("on pace for 2028Q3")));
        QVERIFY(out.contains(QStringLiteral("Successes of 2026Q2: Change failure rate")));
    }

    // With the pages and incidents read on a second connection and thread (forced here: the
    // workspace is small), the span holds the same facts and progress is the same, byte for
    // byte (the changes: tst_metrics::changesAndIncidentsReadBeside).
    void pagesReadBeside()
    {
        const std::int64_t saved = Dataset::parallelPagesFrom;
        const auto restore = qScopeGuard([saved] { Dataset::parallelPagesFrom = saved; });
        const auto load = [this] {
            return Dataset::loadSpan(
                m_fixture.ws(), at(kAsOf), [](Micros asOf) { return progressFrom(asOf, 4); }, Dataset::AllParts, 0);
        };
        Dataset::parallelPagesFrom = std::numeric_limits<std::int64_t>::max();
        const Dataset one = load();
        Dataset::parallelPagesFrom = 0;
        const Dataset two = load();
        QCOMPARE(two.pages.size(), std::size_t(460 + 424 + 403 + 195));
        QCOMPARE(two.pages.size(), one.pages.size());
        QCOMPARE(two.groups.size(), one.groups.size());
        for (std::size_t i = 0; i < one.pages.size(); ++i) {
            QCOMPARE(two.pages[i].createdAt, one.pages[i].createdAt);
            QCOMPARE(two.groups[std::size_t(two.pages[i].group)].title,
                     one.groups[std::size_t(one.pages[i].group)].title);
        }
        QCOMPARE(two.deployments.size(), one.deployments.size());
        QVERIFY(!one.incidents.empty());
        QCOMPARE(two.incidents.size(), one.incidents.size());
        for (std::size_t i = 0; i < one.incidents.size(); ++i)
            QCOMPARE(two.incidents[i].incidentId, one.incidents[i].incidentId);
        // The worker also flagged the repeat pages.
        QVERIFY(one.pageRepeats.empty());
        QCOMPARE(two.pageRepeats, Engine(one).repeatFlags());

        ProgressRequest request;
        request.asOf = at(kAsOf);
        request.quarters = 4;
        QCOMPARE(toJsonText(loadProgress(m_fixture.ws(), request, 0)), toJsonText(m_report));
    }

    // Another connection in the middle of a write: the read neither waits for it nor sees its
    // page, and falls back to reading the pages on one connection.
    void pagesReadBesideAWriter()
    {
        const std::int64_t saved = Dataset::parallelPagesFrom;
        const auto restore = qScopeGuard([saved] { Dataset::parallelPagesFrom = saved; });
        Dataset::parallelPagesFrom = 0;
        sqlite3 *writer = nullptr;
        QCOMPARE(sqlite3_open_v2(m_fixture.ws().path().toUtf8().constData(), &writer, SQLITE_OPEN_READWRITE, nullptr),
                 SQLITE_OK);
        const auto close = qScopeGuard([writer] {
            sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(writer);
        });
        QCOMPARE(sqlite3_exec(writer,
                              "BEGIN IMMEDIATE; INSERT INTO pages (ukey, title, created_at, group_id) "
                              "SELECT ukey + 1, title, created_at, group_id FROM pages LIMIT 1",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        QElapsedTimer timer;
        timer.start();
        const Dataset d = Dataset::loadSpan(
            m_fixture.ws(), at(kAsOf), [](Micros asOf) { return progressFrom(asOf, 4); }, Dataset::AllParts, 0);
        QCOMPARE(d.pages.size(), std::size_t(460 + 424 + 403 + 195));
        QVERIFY2(timer.elapsed() < 5000, "the read waited for the writer");
    }

    void badOptions()
    {
        QCOMPARE(
            runCli({QStringLiteral("progress"), m_fixture.path(), QStringLiteral("--quarters"), QStringLiteral("0")})
                .exitCode,
            2);
        QCOMPARE(
            runCli({QStringLiteral("progress"), m_fixture.path(), QStringLiteral("--quarters"), QStringLiteral("41")})
                .exitCode,
            2);
        QCOMPARE(
            runCli({QStringLiteral("progress"), m_fixture.path(), QStringLiteral("--as-of"), QStringLiteral("soon")})
                .exitCode,
            2);
        QCOMPARE(runCli({QStringLiteral("progress")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("progress"), m_fixture.path() + QStringLiteral(".missing")}).exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TstProgress)
#include "tst_progress.moc"
