// DORA as the app implements it (docs/metrics.md#rework, #which-deployments-count,
// #dora-quick-check): the deployment rework rate's three rules, alone and together, with the tie
// rule, a stream without a service and incidents without one; the deployments each of the two
// instability metrics counts, with the rules and records behind them; the Quick Check's levels on
// every edge, its scores and the three means with metrics missing. Small hand-made fixtures in a
// real workspace; every expected number is worked out in the comments.
#include "tests/enginefixture.h"

#include "engine/analysis.h"
#include "engine/dora.h"
#include "tests/common/testutil.h"

#include <QTest>

#include <cmath>

using namespace srm;
using namespace srm::test;

namespace {

// The window of the rework cases: 14 days before 2026-10-01, i.e. [09-17, 10-01).
const Micros kAsOf = at("2026-10-01T00:00:00Z");
constexpr int kDays = 14;

// "2026-09-20T10:00" (UTC, minutes) as an instant.
Micros minute(const QString &text)
{
    return at(QByteArray(text.toLatin1() + ":00Z").constData());
}

DeployResult resultOf(const QString &text)
{
    if (text == u"failure")
        return DeployResult::Failure;
    if (text == u"rolled_back")
        return DeployResult::RolledBack;
    if (text == u"other")
        return DeployResult::Other;
    return DeployResult::Success;
}

// Records from one line of a data table:
//   deployment  "id|service|finished|result[|fixes[|environment]]"
//   incident    "id|service|started|resolved or -[|caused_by]"
// ("" for no service).
void writeRecords(EngineFixture &f, const QByteArrayList &deployments, const QByteArrayList &incidents)
{
    for (const QByteArray &line : deployments) {
        const QStringList p = QString::fromUtf8(line).split(u'|');
        Deployment d;
        d.deploymentId = p[0].toStdString();
        d.service = p[1].toStdString();
        d.finishedAt = minute(p[2]);
        d.result = resultOf(p[3]);
        if (p.size() > 4)
            d.fixesDeploymentId = p[4].toStdString();
        if (p.size() > 5)
            d.environment = p[5].toStdString();
        f.write(d);
    }
    for (const QByteArray &line : incidents) {
        const QStringList p = QString::fromUtf8(line).split(u'|');
        Incident i;
        i.incidentId = p[0].toStdString();
        i.service = p[1].toStdString();
        i.title = "outage";
        i.startedAt = minute(p[2]);
        if (p[3] != u"-")
            i.resolvedAt = minute(p[3]);
        if (p.size() > 4)
            i.causedByDeploymentId = p[4].toStdString();
        f.write(i);
    }
}

// "D2:fix+after_failure" for each counted deployment, in the engine's order.
QByteArrayList countedText(const MetricResult &m)
{
    QByteArrayList out;
    for (const CountedDeployment &c : m.counted) {
        QStringList rules;
        for (unsigned bit = 1; bit <= CountedDeployment::DuringIncident; bit <<= 1)
            if (c.rules & bit)
                rules << countedRuleId(CountedDeployment::Rule(bit));
        out << (c.deploymentId + u':' + rules.join(u'+')).toUtf8();
    }
    return out;
}

std::optional<double> none()
{
    return std::nullopt;
}

} // namespace

class TstDora : public QObject
{
    Q_OBJECT

private slots:
    // --- The rework rules -------------------------------------------------------------------------

    void reworkRules_data()
    {
        QTest::addColumn<QByteArrayList>("deployments");
        QTest::addColumn<QByteArrayList>("incidents");
        QTest::addColumn<double>("value"); // -1: not measured
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("fix");
        QTest::addColumn<int>("afterFailure");
        QTest::addColumn<int>("duringIncident");
        QTest::addColumn<QByteArrayList>("counted");

        // (a) alone: A2 fixes A1. Successes A1 A2 (n = 2); A2's previous deployment A1 succeeded,
        // no incident: 1 of 2 = 0.5.
        QTest::newRow("fix alone") << QByteArrayList{"A1|shop|2026-09-20T10:00|success",
                                                     "A2|shop|2026-09-20T12:00|success|A1"}
                                   << QByteArrayList{} << 0.5 << 2 << 1 << 0 << 0 << QByteArrayList{"A2:fix"};
        // A fix counts whatever it fixes, even a deployment that is not in the workspace.
        QTest::newRow("fix of an unknown deployment")
            << QByteArrayList{"A1|shop|2026-09-20T12:00|success|X9"} << QByteArrayList{} << 1.0 << 1 << 1 << 0 << 0
            << QByteArrayList{"A1:fix"};
        // A rolled-back deployment that fixes another is not rework: only successes are judged,
        // and only they are the denominator. A1 is the only success: 0 of 1.
        QTest::newRow("a rolled-back fix is not rework")
            << QByteArrayList{"A1|shop|2026-09-20T10:00|success", "A2|shop|2026-09-20T12:00|rolled_back|A1"}
            << QByteArrayList{} << 0.0 << 1 << 0 << 0 << 0 << QByteArrayList{};

        // (b) alone. The shop stream in time order: B1 failure, B2 success (after a failure:
        // rework), B3 rolled_back, B4 success (after a rollback: rework), B5 success (after the
        // success B4: no). Successes B2 B4 B5 (n = 3; B1 and B3 are not successes): 2 of 3.
        QTest::newRow("after failure alone")
            << QByteArrayList{"B1|shop|2026-09-20T10:00|failure", "B2|shop|2026-09-20T11:00|success",
                              "B3|shop|2026-09-21T10:00|rolled_back", "B4|shop|2026-09-21T11:00|success",
                              "B5|shop|2026-09-21T12:00|success"}
            << QByteArrayList{} << 2.0 / 3.0 << 3 << 0 << 2 << 0
            << QByteArrayList{"B2:after_failure", "B4:after_failure"};
        // Only production deployments make the stream: the staging failure S1 between B1 and B2
        // is not B2's previous deployment (B1, a success, is). Successes B1 B2: 0 of 2.
        QTest::newRow("staging failures are not in the stream")
            << QByteArrayList{"B1|shop|2026-09-20T10:00|success", "S1|shop|2026-09-20T11:00|failure||staging",
                              "B2|shop|2026-09-20T12:00|success"}
            << QByteArrayList{} << 0.0 << 2 << 0 << 0 << 0 << QByteArrayList{};
        // A deployment with result "other" is in the stream but is not a failure: B2 follows it.
        // The failure B0 before it is not the deployment that finished last before B2. 0 of 1.
        QTest::newRow("other result in between")
            << QByteArrayList{"B0|shop|2026-09-20T09:00|failure", "B1|shop|2026-09-20T10:00|other",
                              "B2|shop|2026-09-20T12:00|success"}
            << QByteArrayList{} << 0.0 << 1 << 0 << 0 << 0 << QByteArrayList{};
        // The stream is looked up among all records: B1, the first deployment of the window
        // (on its start), follows the rollback B0 of the day before. Another service's failure
        // (C0 of cart, later than B0) does not count for shop. 1 of 1.
        QTest::newRow("previous deployment before the window")
            << QByteArrayList{"B0|shop|2026-09-16T12:00|rolled_back", "C0|cart|2026-09-16T20:00|failure",
                              "B1|shop|2026-09-17T00:00|success"}
            << QByteArrayList{} << 1.0 << 1 << 0 << 1 << 0 << QByteArrayList{"B1:after_failure"};

        // The tie rule: equal finished_at, the larger deployment_id is the later one (byte order).
        //   shop:  E1 failure and E2 success at 10:00: E2 is later, follows E1 -> rework.
        //   cart:  F1 success and F2 failure at 10:00: F1 is earlier, nothing before it -> no;
        //          F3 success at 11:00 follows F2 -> rework.
        //   web:   "G-10" < "G-2" in byte order (a digit '1' before '2'): G-10 (failure) is
        //          earlier, G-2 (success) follows it -> rework, though 10 > 2 as numbers.
        //   api:   "H-2" failure and "H-10" success at 10:00: H-10 is the earlier -> no.
        // Successes E2 F1 F3 G-2 H-10 (n = 5); rework E2 F3 G-2: 3 of 5.
        QTest::newRow("tie rule")
            << QByteArrayList{"E1|shop|2026-09-20T10:00|failure", "E2|shop|2026-09-20T10:00|success",
                              "F1|cart|2026-09-20T10:00|success", "F2|cart|2026-09-20T10:00|failure",
                              "F3|cart|2026-09-20T11:00|success", "G-10|web|2026-09-20T10:00|failure",
                              "G-2|web|2026-09-20T10:00|success", "H-2|api|2026-09-20T10:00|failure",
                              "H-10|api|2026-09-20T10:00|success"}
            << QByteArrayList{} << 3.0 / 5.0 << 5 << 0 << 3 << 0
            << QByteArrayList{"E2:after_failure", "G-2:after_failure", "F3:after_failure"}; // by time, then id

        // Deployments without a service form one stream of their own: H2 follows H1's failure
        // (the shop failure S1 between them is another stream); H3 follows H2 (a success) -> no;
        // S2 follows S1 in the shop stream -> rework. Successes H2 H3 S2: 2 of 3.
        QTest::newRow("service-less stream")
            << QByteArrayList{"H1||2026-09-20T10:00|failure", "S1|shop|2026-09-20T10:30|failure",
                              "H2||2026-09-20T11:00|success", "H3||2026-09-21T00:00|success",
                              "S2|shop|2026-09-21T01:00|success"}
            << QByteArrayList{} << 2.0 / 3.0 << 3 << 0 << 2 << 0
            << QByteArrayList{"H2:after_failure", "S2:after_failure"};

        // (c) alone. Incidents of shop: I0 09-10 to 09-17T06:00 (started before the window),
        // I1 09-19T00:00 to 12:00, I2 from 09-25 never resolved; IX has no service (from 09-20,
        // never resolved). All deployments succeed, one stream per service, no failure:
        //   C0 shop 09-17T01:00  I0 open                          -> rework
        //   C1 shop 09-19T00:00  I1 started at that very minute   -> rework (at or before)
        //   C2 shop 09-19T12:00  I1 resolved at that very minute  -> no (resolved by then)
        //   C3 cart 09-19T06:00  I1 is shop's                     -> no
        //   C4 shop 09-26T00:00  I2 open                          -> rework
        //   C5 shop 09-21T00:00  only IX open: it has no service  -> no
        //   C6 ""   09-21T00:00  IX open, but both without service -> no
        // 3 of 7.
        QTest::newRow("during incident alone")
            << QByteArrayList{"C0|shop|2026-09-17T01:00|success", "C1|shop|2026-09-19T00:00|success",
                              "C2|shop|2026-09-19T12:00|success", "C3|cart|2026-09-19T06:00|success",
                              "C4|shop|2026-09-26T00:00|success", "C5|shop|2026-09-21T00:00|success",
                              "C6||2026-09-21T00:00|success"}
            << QByteArrayList{"I0|shop|2026-09-10T00:00|2026-09-17T06:00", "I1|shop|2026-09-19T00:00|2026-09-19T12:00",
                              "I2|shop|2026-09-25T00:00|-", "IX||2026-09-20T00:00|-"}
            << 3.0 / 7.0 << 7 << 0 << 0 << 3
            << QByteArrayList{"C0:during_incident", "C1:during_incident", "C4:during_incident"};
        // An incident that starts after the deployment finished does not count, nor one that
        // started after the window (none is read), even when it is still open.
        QTest::newRow("incident starts later")
            << QByteArrayList{"C1|shop|2026-09-20T10:00|success"}
            << QByteArrayList{"I1|shop|2026-09-20T10:01|-", "I2|shop|2026-10-02T00:00|-"} << 0.0 << 1 << 0 << 0 << 0
            << QByteArrayList{};

        // All three at once, counted once: D1 is rolled back; I1 (shop) starts 10:30; D2 (11:00)
        // fixes D1 (a), follows the rollback D1 (b) and finishes while I1 is open (c). D3 (09-21)
        // follows the success D2, I1 is resolved by then. Successes D2 D3 (D1 is rolled back, not
        // a success): 1 of 2, each rule counted once.
        QTest::newRow("all three together")
            << QByteArrayList{"D1|shop|2026-09-20T10:00|rolled_back", "D2|shop|2026-09-20T11:00|success|D1",
                              "D3|shop|2026-09-21T00:00|success"}
            << QByteArrayList{"I1|shop|2026-09-20T10:30|2026-09-20T14:00"} << 0.5 << 2 << 1 << 1 << 1
            << QByteArrayList{"D2:fix+after_failure+during_incident"};
        // Rules are counted per rule, the rate per deployment: D2 fixes D1 (a) and follows D1's
        // failure (b); D4 follows the rollback D3 (b). Successes D2 D4: 2 of 2; fix 1,
        // after_failure 2, during_incident 0.
        QTest::newRow("two rules and one")
            << QByteArrayList{"D1|shop|2026-09-20T10:00|failure", "D2|shop|2026-09-20T11:00|success|D1",
                              "D3|shop|2026-09-20T12:00|rolled_back", "D4|shop|2026-09-20T13:00|success"}
            << QByteArrayList{} << 1.0 << 2 << 1 << 2 << 0
            << QByteArrayList{"D2:fix+after_failure", "D4:after_failure"};

        // No successful production deployment in the window: not measured, n = 0.
        QTest::newRow("nothing to judge")
            << QByteArrayList{"D1|shop|2026-09-20T10:00|rolled_back", "D2|shop|2026-09-20T11:00|success||staging",
                              "D3|shop|2026-10-01T00:00|success"}
            << QByteArrayList{} << -1.0 << 0 << 0 << 0 << 0 << QByteArrayList{};
    }

    void reworkRules()
    {
        QFETCH(QByteArrayList, deployments);
        QFETCH(QByteArrayList, incidents);
        QFETCH(double, value);
        QFETCH(int, n);
        QFETCH(int, fix);
        QFETCH(int, afterFailure);
        QFETCH(int, duringIncident);
        QFETCH(QByteArrayList, counted);
        EngineFixture f;
        writeRecords(f, deployments, incidents);
        const MetricsReport r = computeMetrics(f.load(kAsOf, kDays));
        const MetricResult &m = r.at(MetricId::DeploymentReworkRate);
        SRM_COMPARE_OPT(m.value, value < 0 ? none() : std::optional<double>(value));
        QCOMPARE(m.n, n);
        QVERIFY(m.reworkRules);
        QCOMPARE(m.reworkRules->fix, fix);
        QCOMPARE(m.reworkRules->afterFailure, afterFailure);
        QCOMPARE(m.reworkRules->duringIncident, duringIncident);
        QCOMPARE(countedText(m), counted);
        // The numerator is the counted list: each deployment once, whatever its rules.
        if (m.value)
            QCOMPARE(double(m.counted.size()) / double(m.n), *m.value);
        QCOMPARE(m.status, m.value ? (*m.value <= 0.10 ? Status::Met : Status::Gap) : Status::NotMeasured);
        QCOMPARE(m.target, 0.10);
        QVERIFY(!m.tier); // DORA published no clusters for rework
    }

    // The weekly series: the same rules per ISO week. W38 [09-17, 09-21): A1 (success, after the
    // failure A0) and A2 (success): 1 of 2; W39 [09-21, 09-28): A3 (success, fixes A2): 1 of 1;
    // W40 [09-28, 10-01): nothing.
    void reworkWeekly()
    {
        EngineFixture f;
        writeRecords(f,
                     {"A0|shop|2026-09-18T00:00|failure", "A1|shop|2026-09-18T01:00|success",
                      "A2|shop|2026-09-19T00:00|success", "A3|shop|2026-09-22T00:00|success|A2"},
                     {});
        const MetricsReport r = computeMetrics(f.load(kAsOf, kDays));
        const MetricResult &m = r.at(MetricId::DeploymentReworkRate);
        SRM_COMPARE_OPT(m.value, 2.0 / 3.0);
        QCOMPARE(m.weekly.size(), std::size_t(3));
        SRM_COMPARE_OPT(m.weekly[0].value, 0.5);
        QCOMPARE(m.weekly[0].n, 2);
        SRM_COMPARE_OPT(m.weekly[1].value, 1.0);
        QCOMPARE(m.weekly[1].n, 1);
        SRM_COMPARE_OPT(m.weekly[2].value, none());
        QCOMPARE(m.weekly[2].n, 0);
    }

    // --- Which deployments count ----------------------------------------------------------------

    // The records behind each rule. Window [09-17, 10-01):
    //   P1 shop 09-20T10:00 success, caused I1 (resolved) and I3 (open), fixed by P3 and P2
    //   P2 shop 09-20T12:00 rolled_back, fixes P1
    //   P3 shop 09-20T12:00 success (equal time, larger id: after P2), fixes P1
    //   P4 shop 09-21T00:00 success, while I2 and I4 (both shop, open) are open: I4 started later
    //   I1 shop 09-20T10:30 to 11:00, caused by P1; I3 shop 09-20T13:00 open, caused by P1
    //   I2 shop 09-20T23:00 open; I4 shop 09-20T23:30 open
    // change_failure_rate: production deployments P1 P2 P3 P4 (n = 4); failed: P1 (caused I1, I3;
    // fixed by P2 and P3, both at 12:00: P2 first by id), P2 (rolled back): 2 of 4.
    // deployment_rework_rate: successes P1 P3 P4 (n = 3); P3: fix (of P1), after failure (P2
    // rolled back), during incident? I3 starts 13:00, after P3: no, and I1 is resolved: no.
    // P4: after failure? its previous is P3, a success: no; during incidents I2, I3, I4 (three
    // open; the latest started is I4). 2 of 3.
    void countedDeployments()
    {
        EngineFixture f;
        writeRecords(f,
                     {"P1|shop|2026-09-20T10:00|success", "P2|shop|2026-09-20T12:00|rolled_back|P1",
                      "P3|shop|2026-09-20T12:00|success|P1", "P4|shop|2026-09-21T00:00|success"},
                     {"I1|shop|2026-09-20T10:30|2026-09-20T11:00|P1", "I3|shop|2026-09-20T13:00|-|P1",
                      "I2|shop|2026-09-20T23:00|-", "I4|shop|2026-09-20T23:30|-"});
        const MetricsReport r = computeMetrics(f.load(kAsOf, kDays));

        const MetricResult &cfr = r.at(MetricId::ChangeFailureRate);
        SRM_COMPARE_OPT(cfr.value, 0.5);
        QCOMPARE(countedText(cfr), (QByteArrayList{"P1:caused_incident+fixed_later", "P2:rolled_back"}));
        const CountedDeployment &p1 = cfr.counted[0];
        QCOMPARE(p1.service, QStringLiteral("shop"));
        QCOMPARE(p1.finishedAt, minute(QStringLiteral("2026-09-20T10:00")));
        QCOMPARE(p1.result, DeployResult::Success);
        QCOMPARE(p1.causedIncidents, (QStringList{QStringLiteral("I1"), QStringLiteral("I3")}));
        QCOMPARE(p1.fixedBy, (QStringList{QStringLiteral("P2"), QStringLiteral("P3")}));
        QCOMPARE(cfr.counted[1].result, DeployResult::RolledBack);
        QVERIFY(cfr.counted[1].fixedBy.isEmpty());
        // Rework fields stay empty in the failure list.
        QVERIFY(p1.fixes.isEmpty() && p1.previousDeployment.isEmpty() && p1.openIncident.isEmpty());

        const MetricResult &rework = r.at(MetricId::DeploymentReworkRate);
        SRM_COMPARE_OPT(rework.value, 2.0 / 3.0);
        QCOMPARE(countedText(rework), (QByteArrayList{"P3:fix+after_failure", "P4:during_incident"}));
        const CountedDeployment &p3 = rework.counted[0];
        QCOMPARE(p3.fixes, QStringLiteral("P1"));
        QCOMPARE(p3.previousDeployment, QStringLiteral("P2"));
        QCOMPARE(p3.previousResult, DeployResult::RolledBack);
        QVERIFY(p3.openIncident.isEmpty());
        QCOMPARE(p3.openIncidents, 0);
        QVERIFY(p3.causedIncidents.isEmpty() && p3.fixedBy.isEmpty());
        const CountedDeployment &p4 = rework.counted[1];
        QCOMPARE(p4.openIncident, QStringLiteral("I4"));
        QCOMPARE(p4.openIncidents, 3);
        // Other metrics list nothing.
        QVERIFY(r.at(MetricId::DeploymentFrequency).counted.empty());
        // Figures that no view lists (the period before, breakdown parts, the command line) leave
        // the lists out and keep every figure.
        {
            const Dataset d = f.load(kAsOf, kDays);
            const MetricsReport bare = Engine(d).metrics(d.window, false);
            for (const MetricResult &m : bare.metrics) {
                QVERIFY(m.counted.empty());
                QCOMPARE(m.value, r.at(m.key()).value);
                QCOMPARE(m.numerator, r.at(m.key()).numerator);
                QCOMPARE(m.n, r.at(m.key()).n);
            }
            QCOMPARE(Engine(d).metrics(d.window).at(MetricId::DeploymentReworkRate).counted.size(), std::size_t(2));
        }

        // The latest-started open incident once a later one is resolved: I4 is now resolved at
        // 09-21T06:00, and P5 (09-21T12:00, after the success P4) comes.
        Incident i4;
        i4.incidentId = "I4";
        i4.service = "shop";
        i4.title = "outage";
        i4.startedAt = minute(QStringLiteral("2026-09-20T23:30"));
        i4.resolvedAt = minute(QStringLiteral("2026-09-21T06:00"));
        f.write(i4);
        writeRecords(f, {"P5|shop|2026-09-21T12:00|success"}, {});
        const MetricsReport r2 = computeMetrics(f.load(kAsOf, kDays));
        const MetricResult &again = r2.at(MetricId::DeploymentReworkRate);
        QCOMPARE(countedText(again),
                 (QByteArrayList{"P3:fix+after_failure", "P4:during_incident", "P5:during_incident"}));
        // At P4 (00:00) I4 is still open (until 06:00): I4 of I2 I3 I4, as before.
        QCOMPARE(again.counted[1].openIncident, QStringLiteral("I4"));
        QCOMPARE(again.counted[1].openIncidents, 3);
        // At P5 (12:00) I4 is resolved: I2 (23:00) and I3 (13:00) are open, I2 started later.
        QCOMPARE(again.counted[2].openIncident, QStringLiteral("I2"));
        QCOMPARE(again.counted[2].openIncidents, 2);
    }

    // --- The Quick Check ------------------------------------------------------------------------

    // Every level edge exactly on its boundary, and just on the other side of it.
    void levels_data()
    {
        QTest::addColumn<int>("metric");
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("level");
        const int lead = int(MetricId::LeadTimeForChanges);
        const int recovery = int(MetricId::FailedDeploymentRecoveryTime);
        const int freq = int(MetricId::DeploymentFrequency);
        // Hours: "< edge" goes up a level, so the edge itself is the level below.
        struct Edge
        {
            double hours;
            int below, at;
        };
        for (const Edge e : {Edge{1, 6, 5}, Edge{24, 5, 4}, Edge{168, 4, 3}, Edge{720, 3, 2}, Edge{4320, 2, 1}}) {
            for (const auto &[name, id] : {std::pair{"lead", lead}, std::pair{"recovery", recovery}}) {
                QTest::addRow("%s %g h", name, e.hours) << id << e.hours << e.at;
                QTest::addRow("%s just under %g h", name, e.hours) << id << std::nextafter(e.hours, 0.0) << e.below;
            }
        }
        QTest::addRow("lead 0 h") << lead << 0.0 << 6;
        QTest::addRow("lead a year") << lead << 8760.0 << 1;
        // Per day: "≥ edge" reaches the level, so the edge itself is the level above.
        struct Rate
        {
            const char *name;
            double perDay;
            int at, below;
        };
        for (const Rate r : {Rate{"24/day", 24.0, 6, 5}, Rate{"1/day", 1.0, 5, 4}, Rate{"1/7 per day", 1.0 / 7.0, 4, 3},
                             Rate{"1/30 per day", 1.0 / 30.0, 3, 2}, Rate{"1/180 per day", 1.0 / 180.0, 2, 1}}) {
            QTest::addRow("frequency %s", r.name) << freq << r.perDay << r.at;
            QTest::addRow("frequency just under %s", r.name) << freq << std::nextafter(r.perDay, 0.0) << r.below;
        }
        QTest::addRow("frequency 0") << freq << 0.0 << 1;
        QTest::addRow("frequency 1000/day") << freq << 1000.0 << 6;
    }

    void levels()
    {
        QFETCH(int, metric);
        QFETCH(double, value);
        QFETCH(int, level);
        const MetricId id = MetricId(metric);
        QCOMPARE(dora::level(id, value), std::optional<int>(level));
        // (L − 1) × 2.
        QCOMPARE(dora::score(id, value), std::optional<double>((level - 1) * 2.0));
        QVERIFY(dora::levelWords(id, level));
    }

    // The edges through the engine: the values a workspace gives exactly on them.
    void levelEdgesMeasured_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("deploys");
        QTest::addColumn<int>("leadHours");
        QTest::addColumn<int>("frequencyLevel");
        QTest::addColumn<int>("leadLevel");
        // 24 deployments in 1 day = 24/day -> 6; lead 1 h exactly -> 5 (not < 1).
        QTest::newRow("24/day, 1 h") << 1 << 24 << 1 << 6 << 5;
        // 7 in 7 days = 1/day -> 5; 24 h -> 4.
        QTest::newRow("1/day, 24 h") << 7 << 7 << 24 << 5 << 4;
        // 1 in 7 days = 1/7 -> 4; 168 h -> 3.
        QTest::newRow("1/7 per day, 168 h") << 7 << 1 << 168 << 4 << 3;
        // 1 in 30 days = 1/30 -> 3; 720 h -> 2.
        QTest::newRow("1/30 per day, 720 h") << 30 << 1 << 720 << 3 << 2;
        // 1 in 180 days = 1/180 -> 2; 4320 h -> 1.
        QTest::newRow("1/180 per day, 4320 h") << 180 << 1 << 4320 << 2 << 1;
        // 1 in 181 days < 1/180 -> 1.
        QTest::newRow("1/181 per day") << 181 << 1 << 0 << 1 << 6;
    }

    void levelEdgesMeasured()
    {
        QFETCH(int, days);
        QFETCH(int, deploys);
        QFETCH(int, leadHours);
        QFETCH(int, frequencyLevel);
        QFETCH(int, leadLevel);
        EngineFixture f;
        // Deployments one minute apart from the window's start, each shipping one change
        // committed leadHours before it.
        const Micros from = kAsOf - Micros(days) * kMicrosPerDay;
        for (int i = 0; i < deploys; ++i) {
            Deployment d;
            d.deploymentId = "D" + std::to_string(i);
            d.service = "shop";
            d.finishedAt = from + i * kMicrosPerMinute;
            Change c;
            c.commitSha = "c" + std::to_string(i);
            c.deploymentId = d.deploymentId;
            c.committedAt = d.finishedAt - leadHours * kMicrosPerHour;
            f.write(d, c);
        }
        const MetricsReport r = computeMetrics(f.load(kAsOf, days));
        SRM_COMPARE_OPT(r.at(MetricId::DeploymentFrequency).value, double(deploys) / double(days));
        SRM_COMPARE_OPT(r.at(MetricId::LeadTimeForChanges).value, double(leadHours));
        QCOMPARE(r.dora.at(MetricId::DeploymentFrequency).level, std::optional<int>(frequencyLevel));
        QCOMPARE(r.dora.at(MetricId::LeadTimeForChanges).level, std::optional<int>(leadLevel));
        QCOMPARE(r.dora.at(MetricId::DeploymentFrequency).score, std::optional<double>((frequencyLevel - 1) * 2.0));
        QCOMPARE(r.dora.at(MetricId::LeadTimeForChanges).score, std::optional<double>((leadLevel - 1) * 2.0));
    }

    void ratioScores_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("score");
        QTest::newRow("0") << 0.0 << 10.0;    // 10 × (1 − 0)
        QTest::newRow("0.25") << 0.25 << 7.5; // 10 × 0.75
        QTest::newRow("0.5") << 0.5 << 5.0;
        QTest::newRow("1") << 1.0 << 0.0;
        QTest::newRow("1/3") << 1.0 / 3.0 << 10.0 * (1.0 - 1.0 / 3.0);
    }

    void ratioScores()
    {
        QFETCH(double, value);
        QFETCH(double, score);
        for (MetricId id : {MetricId::ChangeFailureRate, MetricId::DeploymentReworkRate}) {
            SRM_COMPARE_OPT(dora::score(id, value), score);
            QVERIFY(!dora::level(id, value)); // no levels for the ratios
        }
        // Not a DORA metric: no score.
        QVERIFY(!dora::score(MetricId::TimeToRestore, 0.5));
        QVERIFY(!dora::score(MetricId::AlertNoiseRatio, 0.5));
    }

    // The means over the present scores; a missing metric has no score and is left out.
    void means_data()
    {
        // values in kMetrics order: lead (h), frequency (/day), recovery (h), CFR, rework; -1 = missing
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<QList<double>>("scores"); // -1 = null
        QTest::addColumn<double>("throughput");    // -1 = null
        QTest::addColumn<double>("stability");
        QTest::addColumn<double>("overall");
        // lead 13 h -> 5 -> 8; 0.5/day -> 4 -> 6; recovery 0.5 h -> 6 -> 10; CFR 0.1 -> 9;
        // rework 0.25 -> 7.5. throughput (8 + 6 + 10) / 3 = 8; stability (9 + 7.5) / 2 = 8.25;
        // overall (8 + 6 + 10 + 9 + 7.5) / 5 = 40.5 / 5 = 8.1.
        QTest::newRow("all five") << QList<double>{13, 0.5, 0.5, 0.1, 0.25} << QList<double>{8, 6, 10, 9, 7.5} << 8.0
                                  << 8.25 << 8.1;
        // Frequency and CFR missing: throughput (8 + 10) / 2 = 9; stability 7.5 alone;
        // overall (8 + 10 + 7.5) / 3 = 25.5 / 3 = 8.5.
        QTest::newRow("two missing") << QList<double>{13, -1, 0.5, -1, 0.25} << QList<double>{8, -1, 10, -1, 7.5} << 9.0
                                     << 7.5 << 8.5;
        // Only the instability metrics: no throughput; CFR 0.2 -> 8, rework 0.4 -> 6: stability
        // 7 = overall.
        QTest::newRow("no throughput") << QList<double>{-1, -1, -1, 0.2, 0.4} << QList<double>{-1, -1, -1, 8, 6} << -1.0
                                       << 7.0 << 7.0;
        // Only frequency, 3/day -> 5 -> 8: throughput 8, no stability, overall 8.
        QTest::newRow("only frequency") << QList<double>{-1, 3, -1, -1, -1} << QList<double>{-1, 8, -1, -1, -1} << 8.0
                                        << -1.0 << 8.0;
        // Nothing measured: every score and mean is null.
        QTest::newRow("nothing") << QList<double>{-1, -1, -1, -1, -1} << QList<double>{-1, -1, -1, -1, -1} << -1.0
                                 << -1.0 << -1.0;
        // Worst of everything: a year of lead time and recovery, nothing deployed, every
        // deployment failed and rework: all scores 0, means 0 (not null).
        QTest::newRow("zeros") << QList<double>{8760, 0, 8760, 1, 1} << QList<double>{0, 0, 0, 0, 0} << 0.0 << 0.0
                               << 0.0;
    }

    void means()
    {
        QFETCH(QList<double>, values);
        QFETCH(QList<double>, scores);
        QFETCH(double, throughput);
        QFETCH(double, stability);
        QFETCH(double, overall);
        const auto opt = [](double v) { return v < 0 ? std::nullopt : std::optional<double>(v); };
        std::array<std::optional<double>, 5> in;
        for (std::size_t i = 0; i < in.size(); ++i)
            in[i] = opt(values[qsizetype(i)]);
        const dora::QuickCheck q = dora::quickCheck(in);
        for (std::size_t i = 0; i < in.size(); ++i) {
            QCOMPARE(q.metrics[i].metric, dora::kMetrics[i]);
            SRM_COMPARE_OPT(q.metrics[i].value, in[i]);
            SRM_COMPARE_OPT(q.metrics[i].score, opt(scores[qsizetype(i)]));
        }
        SRM_COMPARE_OPT(q.throughput, opt(throughput));
        SRM_COMPARE_OPT(q.stability, opt(stability));
        SRM_COMPARE_OPT(q.overall, opt(overall));
    }

    // The report's Quick Check is that of its measured values: a workspace with two successful
    // deployments and no changes, incidents or fixes. 2 in 14 days:
    // frequency 2/14 = 1/7 -> 4 -> 6; CFR 0 -> 10; rework 0 -> 10; lead time and recovery not
    // measured (no changes, no failed deployment). throughput 6; stability 10; overall
    // (6 + 10 + 10) / 3 = 26 / 3.
    void reportQuickCheck()
    {
        EngineFixture f;
        writeRecords(f, {"S1|shop|2026-09-20T10:00|success", "S2|shop|2026-09-21T10:00|success"}, {});
        const MetricsReport r = computeMetrics(f.load(kAsOf, kDays));
        const dora::QuickCheck &q = r.dora;
        QCOMPARE(q.at(MetricId::DeploymentFrequency).level, std::optional<int>(4));
        SRM_COMPARE_OPT(q.at(MetricId::DeploymentFrequency).score, 6.0);
        QVERIFY(!q.at(MetricId::LeadTimeForChanges).value);
        QVERIFY(!q.at(MetricId::LeadTimeForChanges).level);
        QVERIFY(!q.at(MetricId::LeadTimeForChanges).score);
        QVERIFY(!q.at(MetricId::FailedDeploymentRecoveryTime).score);
        SRM_COMPARE_OPT(q.at(MetricId::ChangeFailureRate).score, 10.0);
        SRM_COMPARE_OPT(q.at(MetricId::DeploymentReworkRate).score, 10.0);
        SRM_COMPARE_OPT(q.throughput, 6.0);
        SRM_COMPARE_OPT(q.stability, 10.0);
        SRM_COMPARE_OPT(q.overall, 26.0 / 3.0);
    }

    void benchmarkAndWords()
    {
        // Quick Check 2025, all industries.
        QCOMPARE(QLatin1StringView(dora::kBenchmarkId), QLatin1StringView("quick-check-2025"));
        const struct
        {
            MetricId id;
            double mean, sd;
        } expected[] = {{MetricId::LeadTimeForChanges, 5.5, 2.4},
                        {MetricId::DeploymentFrequency, 4.8, 2.8},
                        {MetricId::FailedDeploymentRecoveryTime, 7.4, 2.1},
                        {MetricId::ChangeFailureRate, 8.1, 2.1},
                        {MetricId::DeploymentReworkRate, 7.8, 2.2}};
        for (const auto &e : expected) {
            QCOMPARE(dora::industry(e.id).mean, e.mean);
            QCOMPARE(dora::industry(e.id).sd, std::optional<double>(e.sd));
        }
        QCOMPARE(dora::industryThroughput().mean, 6.0);
        QCOMPARE(dora::industryThroughput().sd, std::optional<double>(2.1));
        QCOMPARE(dora::industryStability().mean, 7.9);
        QCOMPARE(dora::industryStability().sd, std::optional<double>(2.0));
        QCOMPARE(dora::industryOverall().mean, 6.7);
        QVERIFY(!dora::industryOverall().sd);

        // The groups and the words of the levels.
        QCOMPARE(dora::group(MetricId::LeadTimeForChanges), dora::Group::Throughput);
        QCOMPARE(dora::group(MetricId::FailedDeploymentRecoveryTime), dora::Group::Throughput);
        QCOMPARE(dora::group(MetricId::DeploymentReworkRate), dora::Group::Instability);
        QVERIFY(dora::isDoraMetric(MetricId::DeploymentReworkRate));
        QVERIFY(!dora::isDoraMetric(MetricId::TimeToRestore));
        QCOMPARE(QLatin1StringView(dora::levelWords(MetricId::DeploymentFrequency, 5)),
                 QLatin1StringView("once per hour to once per day"));
        QCOMPARE(QLatin1StringView(dora::levelWords(MetricId::DeploymentFrequency, 6)),
                 QLatin1StringView("once per hour or more often"));
        QCOMPARE(QLatin1StringView(dora::levelWords(MetricId::DeploymentFrequency, 1)),
                 QLatin1StringView("less than once every six months"));
        QCOMPARE(QLatin1StringView(dora::levelWords(MetricId::LeadTimeForChanges, 6)),
                 QLatin1StringView("less than one hour"));
        QCOMPARE(QLatin1StringView(dora::levelWords(MetricId::FailedDeploymentRecoveryTime, 4)),
                 QLatin1StringView("one day to one week"));
        QVERIFY(!dora::levelWords(MetricId::ChangeFailureRate, 3));
        QVERIFY(!dora::levelWords(MetricId::LeadTimeForChanges, 0));
        QVERIFY(!dora::levelWords(MetricId::LeadTimeForChanges, 7));
    }

    // The catalogue's definition of the rework rate (the tooltips, the metric detail and the
    // PDF appendix show it) names the three rules and the denominator.
    void glossary()
    {
        const MetricDef &def = MetricCatalogue::def(MetricId::DeploymentReworkRate);
        QCOMPARE(QLatin1StringView(def.id), QLatin1StringView("deployment_rework_rate"));
        QCOMPARE(def.theme, Theme::Change);
        QCOMPARE(def.unit, Unit::Ratio);
        QCOMPARE(def.better, Better::Lower);
        QCOMPARE(def.defaultTarget, 0.10);
        QVERIFY(!def.hasTier);
        QCOMPARE(
            QLatin1StringView(def.definition),
            QLatin1StringView("Successful production deployments that were unplanned rework (a fix of an earlier "
                              "deployment, the next deployment of a service after a failed or rolled-back one, or a "
                              "deployment while an incident of its service was open) divided by successful "
                              "production deployments."));
    }
};

QTEST_GUILESS_MAIN(TstDora)
#include "tst_dora.moc"
