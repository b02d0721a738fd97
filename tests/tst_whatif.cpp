// The metrics-driven roadmap (docs/debt-and-roadmap.md): the gap factor of linked metrics in
// priority, the plan's gaps and unaddressed gaps, what-if overrides and saved scenarios.
//
// Gap factors are checked twice: on standings written by hand (every rule: met, not measured,
// target 0, capped, uncapped, two links), and end to end on a real workspace whose metrics the
// engine computes from events written here, through `sre-roadmap plan --json` (the document an
// independent implementation is compared on). Every expected figure is worked out in a comment.
#include "planning/debt.h"
#include "planning/debtstore.h"
#include "planning/plancomparison.h"
#include "planning/roadmap.h"
#include "planning/scenarios.h"
#include "tests/common/testutil.h"
#include "tests/enginefixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

Q_DECLARE_METATYPE(srm::GapBasis)

using namespace srm;
using namespace srm::test;

namespace {

MetricStanding standing(MetricId id, std::optional<double> value, double target)
{
    MetricStanding s;
    s.metric = id;
    s.value = value;
    s.target = target;
    if (value) {
        s.gap = MetricCatalogue::gap(MetricCatalogue::def(id).better, *value, target);
        s.status = *s.gap == 0 ? Status::Met : Status::Gap;
    }
    return s;
}

// A basis where every metric meets a target of its own value, except those given.
GapBasis basisWith(std::initializer_list<MetricStanding> standings)
{
    GapBasis b;
    b.evaluated = true;
    for (const MetricDef &def : MetricCatalogue::all())
        b.metrics[std::size_t(def.key)] = standing(def.key, 1.0, 1.0);
    for (const MetricStanding &s : standings)
        b.metrics[std::size_t(s.metric)] = s;
    return b;
}

DebtItem debtItem(const char *id, double cost, int likelihood, int impact, double toil, const char *linked,
                  DebtStatus status = DebtStatus::Open)
{
    DebtItem d;
    d.id = id;
    d.title = std::string("Item ") + id;
    d.costWeeks = cost;
    d.riskLikelihood = likelihood;
    d.riskImpact = impact;
    d.toilHoursPerWeek = toil;
    d.linkedMetrics = *MetricCatalogue::parseIdList(QString::fromLatin1(linked));
    d.status = status;
    return d;
}

QJsonObject parseJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

// id → the item's JSON object, from every quarter and the unscheduled list.
QHash<QString, QJsonObject> planItems(const QJsonObject &plan)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &q : plan.value(QStringLiteral("quarters")).toArray())
        for (const QJsonValue &i : q.toObject().value(QStringLiteral("items")).toArray()) {
            QJsonObject o = i.toObject();
            o.insert(QStringLiteral("quarter"), q.toObject().value(QStringLiteral("quarter")));
            out.insert(o.value(QStringLiteral("id")).toString(), o);
        }
    for (const QJsonValue &i : plan.value(QStringLiteral("unscheduled")).toArray()) {
        QJsonObject o = i.toObject();
        o.insert(QStringLiteral("quarter"), QJsonValue::Null);
        out.insert(o.value(QStringLiteral("id")).toString(), o);
    }
    return out;
}

QStringList idsIn(const QJsonObject &plan, int quarter)
{
    QStringList out;
    for (const QJsonValue &i :
         plan.value(QStringLiteral("quarters")).toArray()[quarter].toObject().value(QStringLiteral("items")).toArray())
        out << i.toObject().value(QStringLiteral("id")).toString();
    return out;
}

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out << v.toString();
    return out;
}

// "metric:addressed_in:id@quarter,id@quarter" per gap, for one readable comparison.
QStringList gapsOf(const QJsonObject &plan)
{
    QStringList out;
    for (const QJsonValue &gv : plan.value(QStringLiteral("gaps")).toArray()) {
        const QJsonObject g = gv.toObject();
        QStringList items;
        for (const QJsonValue &iv : g.value(QStringLiteral("items")).toArray()) {
            const QJsonObject i = iv.toObject();
            items << i.value(QStringLiteral("id")).toString() + u'@'
                    + (i.value(QStringLiteral("quarter")).isNull() ? QStringLiteral("null")
                                                                   : i.value(QStringLiteral("quarter")).toString());
        }
        out << QStringLiteral("%1:%2:%3:%4")
                   .arg(g.value(QStringLiteral("metric")).toString(), g.value(QStringLiteral("status")).toString(),
                        g.value(QStringLiteral("addressed_in")).isNull()
                            ? QStringLiteral("null")
                            : g.value(QStringLiteral("addressed_in")).toString(),
                        items.join(u','));
    }
    return out;
}

} // namespace

class TstWhatIf : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EngineFixture> m_fixture;

    // The end-to-end workspace, as-of 2026-09-19 (the midnight after its latest event, the
    // deployment of 2026-09-18 12:00), window 2026-06-21 to 2026-09-19:
    // - 18 production deployments, one a day at 12:00 from 2026-09-01; the last two (17th, 18th)
    //   rolled back. deployment_frequency 18 ÷ 90 = 0.2/day against 1 (higher is better): gap
    //   0.8, relative 0.8 ÷ 1 = 0.8. change_failure_rate 2 ÷ 18 = 0.111 against 0.05: gap 0.0611,
    //   0.0611 ÷ 0.05 = 1.22, capped at 1. deployment_rework_rate 0 ÷ 16 (no success follows a
    //   failure): met. failed_deployment_recovery_time: the rolled-back ones have no fix and no
    //   incident, so no recovery time: not measured.
    // - One change per deployment, committed 2 h before it: lead_time_for_changes 2 h < 24 h: met.
    // - 9 pages, one each weekday at 10:00 UTC from Tuesday 2026-09-01 to Friday 2026-09-11,
    //   distinct titles, acknowledged after 60 s, resolved after 300 s: time_to_acknowledge 1 min
    //   (met), pages_per_week 9 ÷ (90 ÷ 7) = 0.7 against target.pages_per_week = 0 (set below):
    //   a gap with a target of 0, relative 1. Off hours 0, noise 0, repeats 0: met.
    // - No incidents and no SLOs: time_to_detect, customer_detected_ratio, slo_compliance,
    //   time_to_restore, postmortem_completion_ratio not measured (relative 0.5).
    // - team_size 2, capacity_weeks 10; open toil 4 h (OPS-3): toil_ratio 4 ÷ (2 × 40) = 0.05: met.
    // The register (value = toil × 13 + 8 × L × I; cost hours = cost × 40; theme weight 1):
    //   OPS-1 cost 4, 1×1:      8 ÷ 160 = 0.05  × 2 (change failure rate, capped)       = 0.1
    //   OPS-2 cost 2, 2×2:     32 ÷ 80  = 0.4   × 1.8 (deployment frequency 0.8; lead time met) = 0.72
    //   OPS-3 cost 1, 1×1, toil 4: 60 ÷ 40 = 1.5 × 1 (lead time met)                   = 1.5
    //   OPS-4 cost 5, 3×3:     72 ÷ 200 = 0.36  × 1.5 (time to detect not measured)     = 0.54
    //   OPS-5 cost 8, 5×5:    200 ÷ 320 = 0.625 × 2 (pages per week, target 0)          = 1.25
    //   OPS-6 cost 3, 1×1:      8 ÷ 120 = 0.0667 × 1 (no links)                         = 0.0667
    //   OPS-7 done, linked to failed deployment recovery time (not listed as work on it).
    // Plan from 2027Q1, 2 quarters of 10 weeks, by priority: OPS-3 (1) and OPS-5 (8) in 2027Q1 (9
    // used); OPS-2 (2) does not fit 2027Q1 (1 free) → 2027Q2; OPS-4 (5) → 2027Q2 (7 used); OPS-1
    // (4) fits neither (1 and 3 free): unscheduled; OPS-6 (3) → 2027Q2 (10 used).
    QString workspace()
    {
        auto fixture = std::make_unique<EngineFixture>();
        std::vector<Deployment> deployments;
        std::vector<Change> changes;
        for (int day = 1; day <= 18; ++day) {
            const QByteArray when = QStringLiteral("2026-09-%1T12:00:00Z").arg(day, 2, 10, QLatin1Char('0')).toLatin1();
            const QByteArray id = QStringLiteral("d%1").arg(day).toLatin1();
            deployments.push_back(deployment(id.constData(), when.constData(),
                                             day >= 17 ? DeployResult::RolledBack : DeployResult::Success));
            const QByteArray committed
                = QStringLiteral("2026-09-%1T10:00:00Z").arg(day, 2, 10, QLatin1Char('0')).toLatin1();
            changes.push_back(change(("c" + id).constData(), id.constData(), committed.constData()));
        }
        const char *titles[] = {"Disk full on alpha", "Disk full on bravo", "Disk full on charlie",
                                "Disk full on delta", "Disk full on echo",  "Disk full on foxtrot",
                                "Disk full on golf",  "Disk full on hotel", "Disk full on india"};
        const char *days[] = {"01", "02", "03", "04", "07", "08", "09", "10", "11"};
        std::vector<Page> pages;
        for (int i = 0; i < 9; ++i) {
            const QByteArray created
                = QStringLiteral("2026-09-%1T10:00:00Z").arg(QLatin1StringView(days[i])).toLatin1();
            const QByteArray id = QStringLiteral("p%1").arg(i).toLatin1();
            pages.push_back(page(id.constData(), titles[i], created.constData(), 60, 300, false));
        }
        {
            Workspace::Transaction tx(fixture->ws());
            RecordWriter writer(fixture->ws(), 0);
            for (const Deployment &d : deployments)
                writer.add(d);
            for (const Change &c : changes)
                writer.add(c);
            for (const Page &p : pages)
                writer.add(p);
            writer.finish();
            tx.commit();
        }
        fixture->ws().setSettings({{QStringLiteral("team_size"), QStringLiteral("2")},
                                   {QStringLiteral("capacity_weeks"), QStringLiteral("10")},
                                   {QStringLiteral("target.pages_per_week"), QStringLiteral("0")}});
        DebtStore store(fixture->ws());
        store.add(debtItem("OPS-1", 4, 1, 1, 0, "change_failure_rate"));
        store.add(debtItem("OPS-2", 2, 2, 2, 0, "deployment_frequency;lead_time_for_changes"));
        store.add(debtItem("OPS-3", 1, 1, 1, 4, "lead_time_for_changes"));
        store.add(debtItem("OPS-4", 5, 3, 3, 0, "time_to_detect"));
        store.add(debtItem("OPS-5", 8, 5, 5, 0, "pages_per_week"));
        store.add(debtItem("OPS-6", 3, 1, 1, 0, ""));
        store.add(debtItem("OPS-7", 1, 1, 1, 0, "failed_deployment_recovery_time", DebtStatus::Done));
        m_fixture = std::move(fixture);
        return m_fixture->path();
    }

    QJsonObject plan(const QStringList &extra, int *exitCode = nullptr, QString *err = nullptr)
    {
        const CliResult r = runCli(QStringList{QStringLiteral("plan"), m_fixture->path(), QStringLiteral("--start"),
                                               QStringLiteral("2027Q1"), QStringLiteral("--quarters"),
                                               QStringLiteral("2"), QStringLiteral("--json")}
                                   + extra);
        if (exitCode)
            *exitCode = r.exitCode;
        if (err)
            *err = r.errText();
        return parseJson(r.out);
    }

private slots:
    void initTestCase() { workspace(); }

    // --- the rule, on standings written by hand ------------------------------------------------

    void gapFactorRule_data()
    {
        QTest::addColumn<GapBasis>("basis");
        QTest::addColumn<QString>("linked");
        QTest::addColumn<double>("factor");
        QTest::addColumn<QString>("text");
        // change_failure_rate 0.04 against 0.05 (lower is better): met, relative 0 → 1.
        QTest::newRow("met") << basisWith({standing(MetricId::ChangeFailureRate, 0.04, 0.05)}) << "change_failure_rate"
                             << 1.0 << "× 1: linked to change failure rate, 4.0% against 5.0%, met";
        // Not measured: relative 0.5 → 1.5.
        QTest::newRow("not measured") << basisWith({standing(MetricId::TimeToDetect, std::nullopt, 5)})
                                      << "time_to_detect" << 1.5 << "× 1.5: linked to time to detect, not measured";
        // A gap against a target of 0: relative 1 → 2 (pages 0.7/week against 0).
        QTest::newRow("target 0") << basisWith({standing(MetricId::PagesPerWeek, 0.7, 0)}) << "pages_per_week" << 2.0
                                  << "× 2: linked to pages per week, 0.70/week against 0.00/week";
        // 0.2 against 0.05: gap 0.15, 0.15 ÷ 0.05 = 3, capped at 1 → 2.
        QTest::newRow("capped") << basisWith({standing(MetricId::ChangeFailureRate, 0.2, 0.05)})
                                << "change_failure_rate" << 2.0
                                << "× 2: linked to change failure rate, 20.0% against 5.0%";
        // 0.0625 against 0.05: gap 0.0125, ÷ 0.05 = 0.25 → 1.25 (0.0625 and 0.05 make 0.25 in
        // binary only up to rounding: the factor is compared fuzzily, the text to two decimals).
        QTest::newRow("uncapped") << basisWith({standing(MetricId::ChangeFailureRate, 0.0625, 0.05)})
                                  << "change_failure_rate" << 1.25
                                  << "× 1.25: linked to change failure rate, 6.3% against 5.0%";
        // Higher is better: slo_compliance 0.4 against 1: gap 0.6 → 1.6.
        QTest::newRow("higher is better") << basisWith({standing(MetricId::SloCompliance, 0.4, 1)}) << "slo_compliance"
                                          << 1.6 << "× 1.6: linked to SLO compliance, 40.0% against 100.0%";
        // Two links: lead time 30 h against 24 h (gap 6, 6 ÷ 24 = 0.25) and time to restore not
        // measured (0.5): the larger decides, 1.5; the other is named after it.
        QTest::newRow("two links") << basisWith(
            {standing(MetricId::LeadTimeForChanges, 30, 24), standing(MetricId::TimeToRestore, std::nullopt, 1)})
                                   << "lead_time_for_changes;time_to_restore" << 1.5
                                   << "× 1.5: linked to time to restore, not measured (also lead time for changes, "
                                      "30.0 h against 24.0 h)";
        // Two links that both meet their targets.
        QTest::newRow("two met")
            << basisWith({}) << "lead_time_for_changes;time_to_restore" << 1.0
            << "× 1: its linked metrics meet their targets (lead time for changes, time to restore)";
        // No links: 1, and nothing to explain.
        QTest::newRow("no links") << basisWith({standing(MetricId::ChangeFailureRate, 0.2, 0.05)}) << "" << 1.0 << "";
    }

    void gapFactorRule()
    {
        QFETCH(GapBasis, basis);
        QFETCH(QString, linked);
        QFETCH(double, factor);
        QFETCH(QString, text);
        const GapFactor f = gapFactor(*MetricCatalogue::parseIdList(linked), basis);
        QCOMPARE(f.factor, factor);
        QCOMPARE(gapFactorText(f, basis), text);
        // Priority = value ÷ cost hours × weight × factor: 1 week of cost, likelihood and impact 1,
        // no toil: 8 ÷ 40 = 0.2, times the factor.
        DebtItem d = debtItem("OPS-1", 1, 1, 1, 0, "");
        d.linkedMetrics = *MetricCatalogue::parseIdList(linked);
        QCOMPARE(assessDebtItem(d, WorkspaceSettings(), basis).priority, 8.0 / 40.0 * 1.0 * factor);
    }

    void unevaluatedBasisMeansFactorOne()
    {
        // Without metrics (tests of the scheduling rules alone) nothing is multiplied.
        const DebtAssessment a = assessDebtItem(debtItem("OPS-1", 1, 1, 1, 0, "time_to_detect"), WorkspaceSettings());
        QCOMPARE(a.gap.factor, 1.0);
        QCOMPARE(a.priority, 0.2);
        QVERIFY(a.gapNote.isEmpty());
    }

    void whatIfRejudgesTargetsAndToil()
    {
        // toil_ratio from 3 open items holding 4 h a week: team 2 → 4 ÷ 80 = 0.05; a what-if of
        // team_size 1 → 4 ÷ 40 = 0.1; target.change_failure_rate 0.2 makes 0.111 met.
        GapBasis b = basisWith(
            {standing(MetricId::ChangeFailureRate, 2.0 / 18.0, 0.05), standing(MetricId::ToilRatio, 0.05, 0.5)});
        b.openDebtItems = 3;
        b.openToilHoursPerWeek = 4;
        const GapBasis after = b.withSettings(
            WhatIf::apply({},
                          {{QStringLiteral("team_size"), QStringLiteral("1")},
                           {QStringLiteral("target.change_failure_rate"), QStringLiteral("0.2")}}));
        QCOMPARE(*after.at(MetricId::ToilRatio).value, 0.1);
        QCOMPARE(after.at(MetricId::ToilRatio).status, Status::Met);
        QCOMPARE(after.at(MetricId::ChangeFailureRate).target, 0.2);
        QCOMPARE(after.at(MetricId::ChangeFailureRate).status, Status::Met);
        // Without team_size, toil_ratio is not measured.
        QCOMPARE(b.withSettings(WorkspaceSettings()).at(MetricId::ToilRatio).status, Status::NotMeasured);
    }

    // --- end to end: plan --json -----------------------------------------------------------------

    void planJsonGapFactors()
    {
        int code = -1;
        const QJsonObject o = plan({}, &code);
        QCOMPARE(code, 0);
        const QHash<QString, QJsonObject> items = planItems(o);
        QCOMPARE(items.size(), 6);
        struct Expected
        {
            const char *id;
            double factor;
            double priority;
            QStringList linked;
        };
        const double frequencyFactor = 1 + (1.0 - 18.0 / 90.0) / 1.0; // 1 + 0.8
        const Expected expected[] = {
            {"OPS-1", 2, 8.0 / 160.0 * 2, {QStringLiteral("change_failure_rate")}},
            {"OPS-2",
             frequencyFactor,
             32.0 / 80.0 * frequencyFactor,
             {QStringLiteral("deployment_frequency"), QStringLiteral("lead_time_for_changes")}},
            {"OPS-3", 1, 60.0 / 40.0, {QStringLiteral("lead_time_for_changes")}},
            {"OPS-4", 1.5, 72.0 / 200.0 * 1.5, {QStringLiteral("time_to_detect")}},
            {"OPS-5", 2, 200.0 / 320.0 * 2, {QStringLiteral("pages_per_week")}},
            {"OPS-6", 1, 8.0 / 120.0, {}},
        };
        for (const Expected &e : expected) {
            const QJsonObject i = items.value(QLatin1StringView(e.id));
            QCOMPARE(i.value(QStringLiteral("gap_factor")).toDouble(), e.factor);
            QCOMPARE(i.value(QStringLiteral("priority")).toDouble(), e.priority);
            QCOMPARE(strings(i.value(QStringLiteral("linked_metrics"))), e.linked);
        }
        QCOMPARE(items.value(QStringLiteral("OPS-1")).value(QStringLiteral("gap_factor_note")).toString(),
                 QStringLiteral("× 2: linked to change failure rate, 11.1% against 5.0%"));
        QCOMPARE(idsIn(o, 0), (QStringList{QStringLiteral("OPS-3"), QStringLiteral("OPS-5")}));
        QCOMPARE(idsIn(o, 1), (QStringList{QStringLiteral("OPS-2"), QStringLiteral("OPS-4"), QStringLiteral("OPS-6")}));
        QCOMPARE(items.value(QStringLiteral("OPS-1")).value(QStringLiteral("quarter")), QJsonValue(QJsonValue::Null));
    }

    void planJsonGaps()
    {
        const QJsonObject o = plan({});
        // Every metric with a gap or not measured, in catalogue order, with its open linked items
        // (OPS-7 is done) and the first quarter of a scheduled one.
        QCOMPARE(gapsOf(o),
                 (QStringList{
                     QStringLiteral("deployment_frequency:gap:2027Q2:OPS-2@2027Q2"),
                     QStringLiteral("change_failure_rate:gap:null:OPS-1@null"),
                     QStringLiteral("failed_deployment_recovery_time:not_measured:null:"),
                     QStringLiteral("time_to_detect:not_measured:2027Q2:OPS-4@2027Q2"),
                     QStringLiteral("customer_detected_ratio:not_measured:null:"),
                     QStringLiteral("slo_compliance:not_measured:null:"),
                     QStringLiteral("time_to_restore:not_measured:null:"),
                     QStringLiteral("pages_per_week:gap:2027Q1:OPS-5@2027Q1"),
                     QStringLiteral("postmortem_completion_ratio:not_measured:null:"),
                 }));
        QCOMPARE(strings(o.value(QStringLiteral("unaddressed_gaps"))),
                 (QStringList{QStringLiteral("change_failure_rate"), QStringLiteral("failed_deployment_recovery_time"),
                              QStringLiteral("customer_detected_ratio"), QStringLiteral("slo_compliance"),
                              QStringLiteral("time_to_restore"), QStringLiteral("postmortem_completion_ratio")}));
        // No what-if: no scenario or overrides in the document.
        QVERIFY(!o.contains(QStringLiteral("scenario")));
        QVERIFY(!o.contains(QStringLiteral("overrides")));
        // The metrics command, computed on its own, agrees on which metrics have a gap.
        const CliResult m = runCli({QStringLiteral("metrics"), m_fixture->path(), QStringLiteral("--json")});
        QStringList open;
        for (const QJsonValue &v : parseJson(m.out).value(QStringLiteral("metrics")).toArray())
            if (v.toObject().value(QStringLiteral("status")).toString() != u"met")
                open << v.toObject().value(QStringLiteral("id")).toString();
        QStringList listed;
        for (const QString &g : gapsOf(o))
            listed << g.section(u':', 0, 0);
        QCOMPARE(listed, open);
    }

    void planTextExplainsFactorsAndGaps()
    {
        const CliResult r = runCli({QStringLiteral("plan"), m_fixture->path(), QStringLiteral("--start"),
                                    QStringLiteral("2027Q1"), QStringLiteral("--quarters"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        const QString text = r.outText();
        QVERIFY(
            text.contains(QStringLiteral("gap factor × 1.8: linked to deployment frequency, 0.20/day against 1.00/day "
                                         "(also lead time for changes, 2.00 h against 24.0 h, met)")));
        QVERIFY(text.contains(QStringLiteral("  addresses: pages per week\n")));
        QVERIFY(text.contains(
            QStringLiteral("Unaddressed gaps: change failure rate, failed deployment recovery time, "
                           "customer-detected ratio, SLO compliance, time to restore, postmortem completion")));
    }

    // --- what-if --------------------------------------------------------------------------------

    void setTargetChangesGapFactor()
    {
        // target.change_failure_rate 0.2: 0.111 is met, OPS-1's factor drops to 1 (priority 8 ÷ 160
        // = 0.05), the gap leaves the list. OPS-6 (0.0667) now ranks above OPS-1 and takes
        // 2027Q2's last 3 weeks; OPS-1 stays unscheduled.
        const QJsonObject o = plan({QStringLiteral("--set"), QStringLiteral("target.change_failure_rate=0.2")});
        const QHash<QString, QJsonObject> items = planItems(o);
        QCOMPARE(items.value(QStringLiteral("OPS-1")).value(QStringLiteral("gap_factor")).toDouble(), 1.0);
        QCOMPARE(items.value(QStringLiteral("OPS-1")).value(QStringLiteral("priority")).toDouble(), 0.05);
        QVERIFY(!gapsOf(o).join(u' ').contains(QStringLiteral("change_failure_rate")));
        QVERIFY(!strings(o.value(QStringLiteral("unaddressed_gaps"))).contains(QStringLiteral("change_failure_rate")));
        QCOMPARE(o.value(QStringLiteral("scenario")), QJsonValue(QJsonValue::Null));
        QCOMPARE(o.value(QStringLiteral("overrides")).toObject(),
                 (QJsonObject{{QStringLiteral("target.change_failure_rate"), 0.2}}));
        // Nothing was saved: the plan without --set is the baseline again.
        QCOMPARE(planItems(plan({})).value(QStringLiteral("OPS-1")).value(QStringLiteral("gap_factor")).toDouble(),
                 2.0);
    }

    void setCapacityMovesWork()
    {
        // capacity_weeks 20: 2027Q1 takes OPS-3 (1), OPS-5 (8), OPS-2 (2), OPS-4 (5) and OPS-1 (4):
        // 20 weeks; OPS-6 (3) → 2027Q2. change_failure_rate becomes addressed in 2027Q1.
        const QJsonObject o = plan({QStringLiteral("--set"), QStringLiteral("capacity_weeks=20")});
        QCOMPARE(idsIn(o, 0),
                 (QStringList{QStringLiteral("OPS-3"), QStringLiteral("OPS-5"), QStringLiteral("OPS-2"),
                              QStringLiteral("OPS-4"), QStringLiteral("OPS-1")}));
        QCOMPARE(idsIn(o, 1), QStringList{QStringLiteral("OPS-6")});
        QCOMPARE(o.value(QStringLiteral("unscheduled")).toArray().size(), 0);
        QVERIFY(gapsOf(o).contains(QStringLiteral("change_failure_rate:gap:2027Q1:OPS-1@2027Q1")));
        QVERIFY(gapsOf(o).contains(QStringLiteral("deployment_frequency:gap:2027Q1:OPS-2@2027Q1")));
    }

    void badOverridesExitTwo_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << "colour=blue"
                                     << "'colour' cannot be overridden";
        QTest::newRow("not a planning key") << "timezone=Europe/Berlin"
                                            << "'timezone' cannot be overridden";
        QTest::newRow("unknown metric") << "target.mttr=1"
                                        << "'target.mttr' cannot be overridden";
        QTest::newRow("unknown theme") << "weight.security=2"
                                       << "'weight.security' cannot be overridden";
        QTest::newRow("not a number") << "team_size=two"
                                      << "invalid value 'two' for team_size";
        QTest::newRow("negative") << "capacity_weeks=-4"
                                  << "invalid value '-4' for capacity_weeks";
        QTest::newRow("ratio of 1") << "reserved_ratio=1"
                                    << "invalid value '1' for reserved_ratio";
        QTest::newRow("ratio target above 1") << "target.change_failure_rate=5"
                                              << "expected a ratio from 0 to 1";
        QTest::newRow("bad quarter") << "roadmap_start=2027Q5"
                                     << "invalid value '2027Q5' for roadmap_start";
        QTest::newRow("empty") << "team_size="
                               << "team_size needs a value";
        QTest::newRow("no equals") << "team_size"
                                   << "is not KEY=VALUE";
    }

    void badOverridesExitTwo()
    {
        QFETCH(QString, assignment);
        QFETCH(QString, message);
        int code = -1;
        QString err;
        const QJsonObject o = plan({QStringLiteral("--set"), assignment}, &code, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(o.isEmpty()); // nothing on stdout
        // The same assignment cannot be saved as a scenario either.
        const CliResult r = runCli(
            {QStringLiteral("scenario"), m_fixture->path(), QStringLiteral("save"), QStringLiteral("x"), assignment});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(message), qPrintable(r.errText()));
    }

    void scenarioCommands()
    {
        const QString ws = m_fixture->path();
        auto cli = [&](const QStringList &args) { return runCli(QStringList{QStringLiteral("scenario"), ws} + args); };
        QCOMPARE(cli({QStringLiteral("list")}).outText(),
                 QStringLiteral("No scenarios saved (sre-roadmap scenario %1 save NAME KEY=VALUE...).\n").arg(ws));
        QCOMPARE(cli({QStringLiteral("save"), QStringLiteral("bigger"), QStringLiteral("capacity_weeks=20")}).exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("save"), QStringLiteral("+1 engineer"), QStringLiteral("team_size=3"),
                      QStringLiteral("reserved_ratio=0.25")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("list")}).outText(),
                 QStringLiteral("bigger: capacity_weeks=20\n+1 engineer: reserved_ratio=0.25, team_size=3\n"));
        // Saving under a name that exists replaces it in its place.
        QCOMPARE(
            cli({QStringLiteral("save"), QStringLiteral("bigger"), QStringLiteral("capacity_weeks=20.0")}).outText(),
            QStringLiteral("Replaced scenario \"bigger\": capacity_weeks=20\n"));
        QCOMPARE(parseJson(cli({QStringLiteral("list"), QStringLiteral("--json")}).out),
                 (QJsonObject{{QStringLiteral("scenarios"),
                               QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("bigger")},
                                                      {QStringLiteral("overrides"),
                                                       QJsonObject{{QStringLiteral("capacity_weeks"), 20}}}},
                                          QJsonObject{{QStringLiteral("name"), QStringLiteral("+1 engineer")},
                                                      {QStringLiteral("overrides"),
                                                       QJsonObject{{QStringLiteral("reserved_ratio"), 0.25},
                                                                   {QStringLiteral("team_size"), 3}}}}}}}));

        // plan --scenario, with --set on top: capacity 20 and pages per week against 14 (0.7 is
        // met: OPS-5's factor 1, priority 0.625). Order: OPS-3 1.5, OPS-2 0.72, OPS-5 0.625,
        // OPS-4 0.54, OPS-1 0.1, OPS-6 0.0667: 1 + 2 + 8 + 5 + 4 = 20 weeks in 2027Q1, OPS-6 after.
        const QJsonObject o = plan({QStringLiteral("--scenario"), QStringLiteral("bigger"), QStringLiteral("--set"),
                                    QStringLiteral("target.pages_per_week=14")});
        QCOMPARE(o.value(QStringLiteral("scenario")).toString(), QStringLiteral("bigger"));
        QCOMPARE(o.value(QStringLiteral("overrides")).toObject(),
                 (QJsonObject{{QStringLiteral("capacity_weeks"), 20}, {QStringLiteral("target.pages_per_week"), 14}}));
        QCOMPARE(idsIn(o, 0),
                 (QStringList{QStringLiteral("OPS-3"), QStringLiteral("OPS-2"), QStringLiteral("OPS-5"),
                              QStringLiteral("OPS-4"), QStringLiteral("OPS-1")}));
        QCOMPARE(planItems(o).value(QStringLiteral("OPS-5")).value(QStringLiteral("priority")).toDouble(), 0.625);
        // --set wins over the scenario's own value of a key.
        const QJsonObject o2 = plan({QStringLiteral("--scenario"), QStringLiteral("bigger"), QStringLiteral("--set"),
                                     QStringLiteral("capacity_weeks=10")});
        QCOMPARE(o2.value(QStringLiteral("overrides")).toObject(),
                 (QJsonObject{{QStringLiteral("capacity_weeks"), 10}}));
        QCOMPARE(idsIn(o2, 0), (QStringList{QStringLiteral("OPS-3"), QStringLiteral("OPS-5")}));

        int code = -1;
        QString err;
        plan({QStringLiteral("--scenario"), QStringLiteral("nope")}, &code, &err);
        QCOMPARE(code, 2);
        QVERIFY(err.contains(QStringLiteral("there is no scenario 'nope'")));

        QCOMPARE(cli({QStringLiteral("delete"), QStringLiteral("bigger")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("delete"), QStringLiteral("bigger")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("list")}).outText(),
                 QStringLiteral("+1 engineer: reserved_ratio=0.25, team_size=3\n"));
        QCOMPARE(cli({QStringLiteral("save"), QStringLiteral("only-a-name")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("save"), QStringLiteral(" padded "), QStringLiteral("team_size=3")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("rename")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("delete"), QStringLiteral("+1 engineer")}).exitCode, 0);
    }

    void scenarioStore()
    {
        EngineFixture f;
        ScenarioStore store(f.ws());
        QVERIFY(!store.save(QStringLiteral("a"), {{QStringLiteral("team_size"), QStringLiteral("5")}}));
        QVERIFY(!store.save(QStringLiteral("b"), {{QStringLiteral("reserved_ratio"), QStringLiteral(".40")}}));
        // Canonical values ("0.4"), in save order.
        QCOMPARE(store.list(),
                 (std::vector<Scenario>{
                     {QStringLiteral("a"), {{QStringLiteral("team_size"), QStringLiteral("5")}}, 1},
                     {QStringLiteral("b"), {{QStringLiteral("reserved_ratio"), QStringLiteral("0.4")}}, 2}}));
        // A replacement returns what it replaced and keeps the place.
        const std::optional<Scenario> old = store.save(QStringLiteral("a"),
                                                       {{QStringLiteral("team_size"), QStringLiteral("6")}});
        QVERIFY(old);
        QCOMPARE(old->overrides.value(QStringLiteral("team_size")), QStringLiteral("5"));
        QCOMPARE(store.list().front().overrides.value(QStringLiteral("team_size")), QStringLiteral("6"));
        // Removed and restored: the same row in the same place.
        const Scenario removed = store.remove(QStringLiteral("a"));
        QCOMPARE(store.list().size(), std::size_t(1));
        store.restore(removed);
        QCOMPARE(store.list().front(), removed);
        QVERIFY_THROWS_EXCEPTION(InputError, store.remove(QStringLiteral("zz")));
        QVERIFY_THROWS_EXCEPTION(InputError, store.save(QStringLiteral("c"), {}));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 store.save(QStringLiteral("c"), {{QStringLiteral("name"), QStringLiteral("x")}}));
        // A scenario broken by hand in sqlite3 is reported by name, not ignored.
        f.ws().exec(QStringLiteral(
            "INSERT INTO scenarios (name, overrides, position) VALUES ('hand', '{\"team_size\": \"lots\"}', 9)"));
        try {
            store.list();
            QFAIL("no error for a broken scenario");
        } catch (const InputError &e) {
            QVERIFY2(e.message().startsWith(QStringLiteral("scenario 'hand': invalid value 'lots' for team_size")),
                     qPrintable(e.message()));
        }
    }

    void comparison()
    {
        // The baseline above against capacity 20 (setCapacityMovesWork): OPS-1 moves in (2027Q1),
        // OPS-2 and OPS-4 move from 2027Q2 to 2027Q1; OPS-3, OPS-5, OPS-6 stay. Gaps: change
        // failure rate becomes addressed in 2027Q1; deployment frequency and time to detect sooner.
        const std::vector<DebtItem> items = DebtStore(m_fixture->ws()).items();
        const GapBasis basis = GapBasis::load(m_fixture->ws(), 0);
        const WorkspaceSettings settings = m_fixture->ws().settings();
        const Plan base = scheduleRoadmap(items, settings, Quarter{2027, 1}, 2, basis);
        const WorkspaceSettings bigger = WhatIf::apply(m_fixture->ws().storedSettings(),
                                                       {{QStringLiteral("capacity_weeks"), QStringLiteral("20")}});
        const Plan what = scheduleRoadmap(items, bigger, Quarter{2027, 1}, 2, basis.withSettings(bigger));
        const PlanComparison c = comparePlans(base, what);
        QStringList moves;
        for (const ItemMove &m : c.moves)
            moves << QString::fromStdString(m.id) + QStringLiteral(": ") + moveText(m);
        QCOMPARE(
            moves,
            (QStringList{QStringLiteral("OPS-1: moves in (2027Q1)"), QStringLiteral("OPS-2: 2027Q2 → 2027Q1 (earlier)"),
                         QStringLiteral("OPS-4: 2027Q2 → 2027Q1 (earlier)")}));
        QStringList gaps;
        for (const GapChange &g : c.gaps)
            gaps << MetricCatalogue::idText(g.metric) + QStringLiteral(": ") + gapChangeText(g);
        QCOMPARE(gaps,
                 (QStringList{QStringLiteral("deployment_frequency: sooner: 2027Q1 instead of 2027Q2"),
                              QStringLiteral("change_failure_rate: becomes addressed in 2027Q1"),
                              QStringLiteral("time_to_detect: sooner: 2027Q1 instead of 2027Q2")}));
        QCOMPARE(c.scheduledBefore, 5);
        QCOMPARE(c.scheduledAfter, 6);
        // Against itself: nothing.
        QVERIFY(comparePlans(base, base).same());
    }

    // --- linked metrics: import and store ---------------------------------------------------------

    void importRefusesUnknownMetric()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("debt.csv"));
        writeFile(csv,
                  "id,title,toil_hours_per_week,cost_weeks,linked_metric\n"
                  "OPS-1,Canary,1,2,change_failure_rate; time_to_restore\n"
                  "OPS-2,Runbooks,1,2,mttr\n");
        const QString ws = dir.filePath(QStringLiteral("w.srmap"));
        const CliResult r = runCli({QStringLiteral("import"), ws, csv});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            r.errText().contains(QStringLiteral("debt.csv:3: column 'linked_metric': 'mttr' is not a metric of the "
                                                "catalogue; valid ids: deployment_frequency, lead_time_for_changes")),
            qPrintable(r.errText()));
        QVERIFY(r.errText().contains(QStringLiteral("toil_ratio")));
        // With --skip-bad-rows the good row is stored, its list in catalogue order with ';'.
        QCOMPARE(runCli({QStringLiteral("import"), ws, csv, QStringLiteral("--skip-bad-rows")}).exitCode, 0);
        auto w = Workspace::open(ws);
        QSqlQuery q(w->database());
        QVERIFY(q.exec(QStringLiteral("SELECT id, linked_metric FROM debt_items")));
        QVERIFY(q.next());
        QCOMPARE(q.value(1).toString(), QStringLiteral("change_failure_rate;time_to_restore"));
        QVERIFY(!q.next());
    }

    void storeValidatesLinkedMetrics()
    {
        QCOMPARE(
            DebtStore::parseLinkedMetrics(QStringLiteral(" time_to_restore ;; change_failure_rate;time_to_restore")),
            (std::vector<MetricId>{MetricId::ChangeFailureRate, MetricId::TimeToRestore}));
        try {
            DebtStore::parseLinkedMetrics(QStringLiteral("change_failure_rate; Change_Failure_Rate"));
            QFAIL("accepted an id that is not exact");
        } catch (const InputError &e) {
            QVERIFY(e.message().startsWith(
                QStringLiteral("linked metric 'Change_Failure_Rate' is not a metric of the catalogue; valid ids: ")));
        }
        DebtItem bad = debtItem("OPS-9", 1, 1, 1, 0, "");
        bad.linkedMetrics = {MetricId(kMetricCount)};
        QVERIFY_THROWS_EXCEPTION(InputError, DebtStore::validate(bad));
        bad.linkedMetrics = {MetricId::TimeToRestore, MetricId::ChangeFailureRate};
        QVERIFY_THROWS_EXCEPTION(InputError, DebtStore::validate(bad)); // not canonical
        QCOMPARE(DebtStore::canonical(bad).linkedMetrics,
                 (std::vector<MetricId>{MetricId::ChangeFailureRate, MetricId::TimeToRestore}));
    }

    void migrationMovesFreeTextToNotes()
    {
        // A schema 3 workspace, where linked_metric was free text.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v3.srmap"));
        {
            auto ws = Workspace::create(path, 3);
            ws->exec(QStringLiteral(
                "INSERT INTO debt_items (id, position, title, toil_hours_per_week, cost_weeks, "
                "linked_metric, notes) VALUES "
                "('A', 1, 'a', 0, 1, 'MTTR', ''), ('B', 2, 'b', 0, 1, 'time_to_restore; change_failure_rate', 'x'), "
                "('C', 3, 'c', 0, 1, 'time_to_restore;mttr', 'kept'), ('D', 4, 'd', 0, 1, '', '')"));
        }
        auto ws = Workspace::open(path);
        QCOMPARE(ws->schemaVersion(), Workspace::kSchemaVersion);
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT id, linked_metric, notes FROM debt_items ORDER BY id")));
        QStringList rows;
        while (q.next())
            rows << QStringLiteral("%1|%2|%3").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
        QCOMPARE(rows,
                 (QStringList{
                     QStringLiteral("A||Linked metric (before it had to name catalogue metrics): MTTR"),
                     QStringLiteral("B|time_to_restore; change_failure_rate|x"),
                     QStringLiteral(
                         "C||kept\nLinked metric (before it had to name catalogue metrics): time_to_restore;mttr"),
                     QStringLiteral("D||"),
                 }));
        // B's valid list reads back in catalogue order.
        QCOMPARE(DebtStore(*ws).find("B")->item.linkedMetrics,
                 (std::vector<MetricId>{MetricId::ChangeFailureRate, MetricId::TimeToRestore}));
    }
};

QTEST_GUILESS_MAIN(TstWhatIf)
#include "tst_whatif.moc"
