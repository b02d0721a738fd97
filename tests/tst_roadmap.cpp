// The roadmap scheduler of docs/debt-and-roadmap.md#scheduling and `sre-roadmap plan`: capacity,
// start, horizon, done items, pins, inherited priority, items that cannot fit and their dependants,
// the critical path, a reason for everything, the JSON document and the exit codes. Registers are
// small and written in each test; the expected quarters are worked out by hand in the comments.
#include "planning/debtstore.h"
#include "planning/roadmap.h"
#include "store/recordwriter.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace srm;
using namespace srm::test;

namespace {

DebtItem item(const char *id, double cost, int likelihood = 1, int impact = 1, std::vector<std::string> deps = {},
              const char *pin = "", DebtStatus status = DebtStatus::Open, double toil = 0)
{
    DebtItem d;
    d.id = id;
    d.title = std::string("Item ") + id;
    d.toilHoursPerWeek = toil;
    d.costWeeks = cost;
    d.riskLikelihood = likelihood;
    d.riskImpact = impact;
    d.dependsOn = std::move(deps);
    d.pinnedQuarter = pin;
    d.status = status;
    return d;
}

WorkspaceSettings capacity(const char *weeks)
{
    return WorkspaceSettings::fromStored({{QStringLiteral("capacity_weeks"), QString::fromLatin1(weeks)}});
}

const Quarter k2027Q1{2027, 1};

std::vector<std::string> idsIn(const PlanQuarter &q)
{
    std::vector<std::string> out;
    for (const PlannedItem &p : q.items)
        out.push_back(p.id);
    return out;
}

std::vector<std::string> unscheduledIds(const Plan &plan)
{
    std::vector<std::string> out;
    for (const PlannedItem &p : plan.unscheduled)
        out.push_back(p.id);
    return out;
}

std::vector<std::string> ids(std::initializer_list<const char *> list)
{
    return {list.begin(), list.end()};
}

QString reasonOf(const Plan &plan, const char *id)
{
    const PlannedItem *p = plan.find(id);
    return p ? p->reason : QStringLiteral("(not in the plan)");
}

QJsonObject parseJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

} // namespace

class TstRoadmap : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("plan-%1.srmap").arg(++m_count)); }

    // A real workspace holding `items`, with `settings`.
    QString workspace(const std::vector<DebtItem> &items, const QHash<QString, QString> &settings)
    {
        const QString path = newPath();
        auto ws = Workspace::create(path);
        ws->setSettings(settings);
        DebtStore store(*ws);
        for (const DebtItem &d : items)
            store.add(d);
        return path;
    }

private slots:
    void doneDependencySatisfied()
    {
        // OPS-1 is done; OPS-2 depends on it and is ready at once.
        const Plan plan = scheduleRoadmap(
            {item("OPS-1", 5, 1, 1, {}, "", DebtStatus::Done), item("OPS-2", 4, 1, 1, ids({"OPS-1"}))}, capacity("10"),
            k2027Q1);
        QCOMPARE(plan.doneItems, 1);
        QCOMPARE(idsIn(plan.quarters[0]), ids({"OPS-2"}));
        QCOMPARE(reasonOf(plan, "OPS-2"),
                 QStringLiteral("highest priority ready item; 2027Q1 had 10.0 of 10.0 weeks free"));
        QVERIFY(!plan.find("OPS-1"));
        QVERIFY(plan.unscheduled.empty());
        QCOMPARE(plan.criticalPath.ids, ids({"OPS-2"}));
    }

    void pinnedConsumesCapacity()
    {
        // Capacity 10. OPS-1 (priority 8/240) is pinned to 2027Q1 and takes 6 weeks first; OPS-2
        // (25 × 8 / 240 = 0.83) no longer fits there (4 free) and goes to 2027Q2.
        const Plan plan = scheduleRoadmap({item("OPS-1", 6, 1, 1, {}, "2027Q1"), item("OPS-2", 6, 5, 5)},
                                          capacity("10"), k2027Q1);
        QCOMPARE(plan.quarters.size(), size_t(4));
        QCOMPARE(idsIn(plan.quarters[0]), ids({"OPS-1"}));
        QCOMPARE(idsIn(plan.quarters[1]), ids({"OPS-2"}));
        QCOMPARE(plan.quarters[0].usedWeeks, 6.0);
        QCOMPARE(*plan.quarters[0].freeWeeks(), 4.0);
        QCOMPARE(plan.quarters[1].usedWeeks, 6.0);
        QVERIFY(plan.quarters[0].items[0].pinned);
        QCOMPARE(reasonOf(plan, "OPS-1"), QStringLiteral("pinned to 2027Q1; 2027Q1 had 10.0 of 10.0 weeks free"));
        QCOMPARE(reasonOf(plan, "OPS-2"),
                 QStringLiteral("highest priority ready item; no room in 2027Q1 (4.0 weeks free); "
                                "2027Q2 had 10.0 of 10.0 weeks free"));
    }

    void pinOverbooksItsQuarter()
    {
        // A pin is a commitment: 12 weeks pinned into a 10-week quarter stay there; the quarter is
        // full, so even a 1-week item goes to the next one.
        const Plan plan = scheduleRoadmap({item("OPS-1", 12, 1, 1, {}, "2027Q1"), item("OPS-2", 1, 5, 5)},
                                          capacity("10"), k2027Q1);
        QCOMPARE(idsIn(plan.quarters[0]), ids({"OPS-1"}));
        QCOMPARE(*plan.quarters[0].freeWeeks(), -2.0);
        QCOMPARE(reasonOf(plan, "OPS-1"),
                 QStringLiteral("pinned to 2027Q1; 2027Q1 had 10.0 of 10.0 weeks free; "
                                "overbooks 2027Q1 by 2.0 weeks"));
        QCOMPARE(idsIn(plan.quarters[1]), ids({"OPS-2"}));
        QVERIFY(planToText(plan).contains(QStringLiteral("2027Q1: 12.0 of 10.0 weeks used, overbooked by 2.0")));
    }

    void pinsOutsideThePlan()
    {
        // Pinned after the horizon (2027Q1..2027Q4) or before the start: unscheduled, and so is
        // what depends on them, listed right after them. OPS-4 is pinned too, but behind OPS-2.
        const Plan plan = scheduleRoadmap({item("OPS-1", 1, 1, 1, {}, "2028Q1"), item("OPS-2", 1, 1, 1, {}, "2026Q4"),
                                           item("OPS-3", 1, 1, 1, ids({"OPS-1"})),
                                           item("OPS-4", 1, 1, 1, ids({"OPS-2"}), "2029Q1")},
                                          capacity("10"), k2027Q1);
        QCOMPARE(unscheduledIds(plan), ids({"OPS-1", "OPS-3", "OPS-2", "OPS-4"}));
        QCOMPARE(reasonOf(plan, "OPS-4"), QStringLiteral("blocked by unscheduled OPS-2"));
        QCOMPARE(reasonOf(plan, "OPS-1"), QStringLiteral("pinned to 2028Q1, outside the plan (2027Q1 to 2027Q4)"));
        QCOMPARE(reasonOf(plan, "OPS-2"), QStringLiteral("pinned to 2026Q4, outside the plan (2027Q1 to 2027Q4)"));
        QCOMPARE(reasonOf(plan, "OPS-3"), QStringLiteral("blocked by unscheduled OPS-1"));
        // With a longer horizon the first pin is inside.
        const Plan longer = scheduleRoadmap({item("OPS-1", 1, 1, 1, {}, "2028Q1")}, capacity("10"), k2027Q1, 5);
        QCOMPARE(idsIn(longer.quarters[4]), ids({"OPS-1"}));
    }

    void pinBeforeItsDependency()
    {
        // OPS-1 is pinned to 2027Q1 (9 of 10 weeks) and depends on OPS-2 (3 weeks), which only
        // fits in 2027Q2: the pin stays, and its reason says so.
        const Plan plan = scheduleRoadmap({item("OPS-1", 9, 1, 1, ids({"OPS-2"}), "2027Q1"), item("OPS-2", 3)},
                                          capacity("10"), k2027Q1);
        QCOMPARE(idsIn(plan.quarters[0]), ids({"OPS-1"}));
        QCOMPARE(idsIn(plan.quarters[1]), ids({"OPS-2"}));
        QVERIFY2(
            reasonOf(plan, "OPS-1").endsWith(QStringLiteral("; but its dependency OPS-2 is only planned for 2027Q2")),
            qPrintable(reasonOf(plan, "OPS-1")));
    }

    void waitsForDependency()
    {
        // OPS-1 is pinned to 2027Q2; OPS-2 depends on it, so 2027Q1 is not an option.
        const Plan plan = scheduleRoadmap(
            {item("OPS-1", 2, 1, 1, {}, "2027Q2"), item("OPS-2", 2, 1, 1, ids({"OPS-1"}))}, capacity("10"), k2027Q1);
        QCOMPARE(idsIn(plan.quarters[1]), ids({"OPS-1", "OPS-2"}));
        QCOMPARE(reasonOf(plan, "OPS-2"),
                 QStringLiteral("waits for OPS-1 (2027Q2); 2027Q2 had 8.0 of 10.0 weeks free"));
    }

    void tooLargeAndItsDependants()
    {
        // Capacity 24: OPS-3 needs 30 and never fits; OPS-4 depends on it, OPS-5 on OPS-4.
        const Plan plan = scheduleRoadmap({item("OPS-3", 30, 5, 5), item("OPS-4", 1, 1, 1, ids({"OPS-3"})),
                                           item("OPS-5", 1, 1, 1, ids({"OPS-4"})), item("OPS-6", 2)},
                                          capacity("24"), k2027Q1);
        QCOMPARE(idsIn(plan.quarters[0]), ids({"OPS-6"}));
        QCOMPARE(unscheduledIds(plan), ids({"OPS-3", "OPS-4", "OPS-5"}));
        QCOMPARE(reasonOf(plan, "OPS-3"), QStringLiteral("needs 30 weeks, a quarter has 24"));
        QCOMPARE(reasonOf(plan, "OPS-4"), QStringLiteral("blocked by unscheduled OPS-3"));
        QCOMPARE(reasonOf(plan, "OPS-5"), QStringLiteral("blocked by unscheduled OPS-4 (root cause: OPS-3)"));
        // They still count for the critical path: 30 + 1 + 1.
        QCOMPARE(plan.criticalPath.ids, ids({"OPS-3", "OPS-4", "OPS-5"}));
        QCOMPARE(plan.criticalPath.totalCostWeeks, 32.0);
    }

    void noRoomWithinTheHorizon()
    {
        // Capacity 10, two quarters, three items of 6 weeks: the third has nowhere to go.
        // Priorities: OPS-1 200/240, OPS-2 72/240, OPS-3 8/240.
        const Plan plan = scheduleRoadmap({item("OPS-3", 6), item("OPS-2", 6, 3, 3), item("OPS-1", 6, 5, 5)},
                                          capacity("10"), k2027Q1, 2);
        QCOMPARE(idsIn(plan.quarters[0]), ids({"OPS-1"}));
        QCOMPARE(idsIn(plan.quarters[1]), ids({"OPS-2"}));
        QCOMPARE(unscheduledIds(plan), ids({"OPS-3"}));
        QCOMPARE(reasonOf(plan, "OPS-3"),
                 QStringLiteral("needs 6 weeks, no quarter from 2027Q1 to 2027Q2 has that much free "
                                "(the most is 4.0 in 2027Q1)"));
        const Plan one = scheduleRoadmap({item("OPS-1", 6), item("OPS-2", 6)}, capacity("10"), k2027Q1, 1);
        QCOMPARE(reasonOf(one, "OPS-2"), QStringLiteral("needs 6 weeks, 2027Q1 has only 4.0 free"));
    }

    void inheritedPriorityChangesTheOrder()
    {
        // Capacity 10. Own priorities: OPS-1 8/240 = 0.03, OPS-2 32/240 = 0.13, OPS-3 200/40 = 5
        // (OPS-3 depends on OPS-1). Without inheritance OPS-2 would go first; with it OPS-1 has 5
        // and goes first, then OPS-3 (ready, 5) fits the 4 weeks left, and OPS-2 moves to 2027Q2.
        const Plan plan = scheduleRoadmap(
            {item("OPS-1", 6), item("OPS-2", 6, 2, 2), item("OPS-3", 1, 5, 5, ids({"OPS-1"}))}, capacity("10"),
            k2027Q1);
        QCOMPARE(idsIn(plan.quarters[0]), ids({"OPS-1", "OPS-3"}));
        QCOMPARE(idsIn(plan.quarters[1]), ids({"OPS-2"}));
        const PlannedItem *one = plan.find("OPS-1");
        QCOMPARE(one->priority, 8.0 / 240.0);
        QCOMPARE(one->effectivePriority, 5.0);
        QCOMPARE(one->priorityFrom, std::string("OPS-3"));
        QCOMPARE(one->reason,
                 QStringLiteral("highest priority ready item (inherits priority 5.00 from OPS-3, which depends on it); "
                                "2027Q1 had 10.0 of 10.0 weeks free"));
    }

    void doneItemsPassNoUrgency()
    {
        // OPS-3 (priority 5) is done: OPS-1 keeps its own priority and OPS-2 goes first.
        const Plan plan = scheduleRoadmap(
            {item("OPS-1", 6), item("OPS-2", 6, 2, 2), item("OPS-3", 1, 5, 5, ids({"OPS-1"}), "", DebtStatus::Done)},
            capacity("10"), k2027Q1);
        QCOMPARE(idsIn(plan.quarters[0]), ids({"OPS-2"}));
        QCOMPARE(idsIn(plan.quarters[1]), ids({"OPS-1"}));
        QCOMPARE(plan.find("OPS-1")->effectivePriority, 8.0 / 240.0);
    }

    void tiesInByteOrder()
    {
        // Same figures: "OPS-10" comes before "OPS-2". Capacity 6 fits one 4-week item a quarter.
        const Plan plan = scheduleRoadmap({item("OPS-2", 4), item("OPS-10", 4)}, capacity("6"), k2027Q1);
        QCOMPARE(idsIn(plan.quarters[0]), ids({"OPS-10"}));
        QCOMPARE(idsIn(plan.quarters[1]), ids({"OPS-2"}));
    }

    void fractionalCapacity()
    {
        // 0.1 + 0.2 + 0.7 weeks fill a 1-week quarter exactly, although 0.1 + 0.2 != 0.3 in binary.
        const Plan plan = scheduleRoadmap({item("OPS-1", 0.1, 5, 5), item("OPS-2", 0.2, 4, 4), item("OPS-3", 0.7)},
                                          capacity("1"), k2027Q1);
        QCOMPARE(idsIn(plan.quarters[0]), ids({"OPS-1", "OPS-2", "OPS-3"}));
    }

    void reasonsShowWeeksWithoutBinaryNoise()
    {
        // 2 × 12 × (1 − 0.6) is 9.600000000000001 in binary; the reason says 9.6.
        QHash<QString, QString> stored{{QStringLiteral("team_size"), QStringLiteral("2")},
                                       {QStringLiteral("reserved_ratio"), QStringLiteral("0.6")}};
        const Plan plan = scheduleRoadmap({item("OPS-1", 10)}, WorkspaceSettings::fromStored(stored), k2027Q1);
        QCOMPARE(reasonOf(plan, "OPS-1"), QStringLiteral("needs 10 weeks, a quarter has 9.6"));
    }

    void capacityFromSettings_data()
    {
        QTest::addColumn<QString>("capacityWeeks");
        QTest::addColumn<QString>("teamSize");
        QTest::addColumn<QString>("reserved");
        QTest::addColumn<double>("expected"); // -1: none

        QTest::newRow("capacity_weeks") << "20"
                                        << ""
                                        << "" << 20.0;
        QTest::newRow("team_size, default reserve") << ""
                                                    << "6"
                                                    << "" << 36.0; // 6 × 12 × 0.5
        QTest::newRow("team_size, reserve 0.25") << ""
                                                 << "5"
                                                 << "0.25" << 45.0; // 5 × 12 × 0.75
        QTest::newRow("capacity_weeks wins") << "20"
                                             << "6"
                                             << "" << 20.0;
        QTest::newRow("none") << ""
                              << ""
                              << "" << -1.0;
    }

    void capacityFromSettings()
    {
        QFETCH(QString, capacityWeeks);
        QFETCH(QString, teamSize);
        QFETCH(QString, reserved);
        QFETCH(double, expected);
        QHash<QString, QString> stored;
        if (!capacityWeeks.isEmpty())
            stored.insert(QStringLiteral("capacity_weeks"), capacityWeeks);
        if (!teamSize.isEmpty())
            stored.insert(QStringLiteral("team_size"), teamSize);
        if (!reserved.isEmpty())
            stored.insert(QStringLiteral("reserved_ratio"), reserved);
        const Plan plan = scheduleRoadmap({item("OPS-1", 2), item("OPS-2", 1, 1, 1, ids({"OPS-1"}))},
                                          WorkspaceSettings::fromStored(stored), k2027Q1);
        if (expected < 0) {
            QVERIFY(!plan.capacityWeeks);
            QVERIFY(!plan.quarters[0].capacityWeeks);
            QCOMPARE(unscheduledIds(plan), ids({"OPS-1", "OPS-2"}));
            QCOMPARE(reasonOf(plan, "OPS-2"), QStringLiteral("no capacity: set team_size or capacity_weeks"));
            QCOMPARE(toJson(plan)
                         .value(QStringLiteral("quarters"))
                         .toArray()[0]
                         .toObject()
                         .value(QStringLiteral("capacity_weeks")),
                     QJsonValue(QJsonValue::Null));
        } else {
            QCOMPARE(*plan.capacityWeeks, expected);
            QCOMPARE(*plan.quarters[3].capacityWeeks, expected);
            QCOMPARE(*plan.quarters[0].freeWeeks(), expected - 3);
        }
    }

    void cycleIsAnError()
    {
        const std::vector<DebtItem> items{item("OPS-1", 1, 1, 1, ids({"OPS-3"})),
                                          item("OPS-2", 1, 1, 1, ids({"OPS-1"})),
                                          item("OPS-3", 1, 1, 1, ids({"OPS-2"}))};
        try {
            scheduleRoadmap(items, capacity("10"), k2027Q1);
            QFAIL("no error");
        } catch (const InputError &e) {
            QCOMPARE(e.message(), QStringLiteral("dependency cycle: OPS-1 -> OPS-3 -> OPS-2 -> OPS-1"));
        }
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 scheduleRoadmap({item("OPS-1", 1, 1, 1, ids({"OPS-0"}))}, capacity("10"), k2027Q1));
        QVERIFY_THROWS_EXCEPTION(InputError, scheduleRoadmap({}, capacity("10"), k2027Q1, 0));
    }

    void deterministic()
    {
        // The same register in another order gives the same plan.
        std::vector<DebtItem> items{item("OPS-1", 3, 2, 2), item("OPS-2", 3, 2, 2, ids({"OPS-1"})),
                                    item("OPS-3", 5, 3, 1), item("OPS-4", 2, 2, 2, {}, "2027Q2"),
                                    item("OPS-5", 4, 1, 4, ids({"OPS-3", "OPS-4"}))};
        const QJsonObject a = toJson(scheduleRoadmap(items, capacity("8"), k2027Q1));
        std::reverse(items.begin(), items.end());
        QCOMPARE(toJson(scheduleRoadmap(items, capacity("8"), k2027Q1)), a);
    }

    void startQuarter()
    {
        // Latest event 2026-06-30T22:00Z: as-of is 2026-07-01 (2026Q3), so the start is 2026Q4.
        const QString path = newPath();
        {
            auto ws = Workspace::create(path);
            ws->setSetting(QStringLiteral("capacity_weeks"), QStringLiteral("10"));
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            Incident i;
            i.incidentId = "INC-1";
            i.startedAt = *parseAsOf(QStringLiteral("2026-06-30T22:00:00Z"));
            w.add(i);
            w.add(item("OPS-1", 1));
            tx.commit();
        }
        auto ws = Workspace::open(path);
        Plan plan = planRoadmap(*ws, {});
        QCOMPARE(formatQuarter(plan.start), QStringLiteral("2026Q4"));
        QCOMPARE(plan.startSource, Plan::StartSource::AfterAsOf);
        QCOMPARE(formatDate(*plan.asOf), QStringLiteral("2026-07-01"));
        QCOMPARE(formatQuarter(plan.quarters.back().quarter), QStringLiteral("2027Q3"));
        // An explicit as-of.
        PlanRequest request;
        request.asOf = parseAsOf(QStringLiteral("2026-03-31"));
        QCOMPARE(formatQuarter(planRoadmap(*ws, request).start), QStringLiteral("2026Q2"));
        // The setting wins over as-of; --start wins over the setting.
        ws->setSetting(QStringLiteral("roadmap_start"), QStringLiteral("2027q2"));
        plan = planRoadmap(*ws, request);
        QCOMPARE(formatQuarter(plan.start), QStringLiteral("2027Q2"));
        QCOMPARE(plan.startSource, Plan::StartSource::Setting);
        request.start = Quarter{2028, 1};
        request.quarters = 2;
        plan = planRoadmap(*ws, request);
        QCOMPARE(formatQuarter(plan.start), QStringLiteral("2028Q1"));
        QCOMPARE(plan.startSource, Plan::StartSource::Explicit);
        QCOMPARE(plan.quarters.size(), size_t(2));
        QCOMPARE(formatQuarter(plan.quarters[1].quarter), QStringLiteral("2028Q2"));
    }

    // --- the command line ---------------------------------------------------------------------

    void cliJson()
    {
        // Capacity 10 (team_size 2 × 12 × (1 − 0.5) = 12 is overridden by capacity_weeks).
        DebtItem lhf = item("OPS-1", 2, 2, 2, {}, "", DebtStatus::Open, 5); // value 65 + 32 = 97, 80 h: 1.2125
        lhf.title = "Runbook \"first\", then\nautomation";
        const QString path = workspace({lhf, item("OPS-2", 12, 5, 5), item("OPS-3", 3, 1, 1, ids({"OPS-2"})),
                                        item("OPS-4", 1, 1, 1, {}, "", DebtStatus::Done)},
                                       {{QStringLiteral("capacity_weeks"), QStringLiteral("10")},
                                        {QStringLiteral("team_size"), QStringLiteral("2")}});
        const CliResult r = runCli({QStringLiteral("plan"), path, QStringLiteral("--start"), QStringLiteral("2027Q1"),
                                    QStringLiteral("--quarters"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QJsonObject o = parseJson(r.out);
        QVERIFY(!o.isEmpty());
        QCOMPARE(o.value(QStringLiteral("start")).toString(), QStringLiteral("2027Q1"));
        const QJsonArray quarters = o.value(QStringLiteral("quarters")).toArray();
        QCOMPARE(quarters.size(), 2);
        const QJsonObject q1 = quarters[0].toObject();
        QCOMPARE(q1.value(QStringLiteral("quarter")).toString(), QStringLiteral("2027Q1"));
        QCOMPARE(q1.value(QStringLiteral("capacity_weeks")).toDouble(), 10.0);
        QCOMPARE(q1.value(QStringLiteral("used_weeks")).toDouble(), 2.0);
        const QJsonObject first = q1.value(QStringLiteral("items")).toArray()[0].toObject();
        for (const char *key : {"id", "title", "cost_weeks", "priority", "quadrant", "reason"})
            QVERIFY2(first.contains(QLatin1StringView(key)), key);
        QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("OPS-1"));
        QCOMPARE(first.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Runbook \"first\", then\nautomation"));
        QCOMPARE(first.value(QStringLiteral("cost_weeks")).toDouble(), 2.0);
        QCOMPARE(first.value(QStringLiteral("priority")).toDouble(), 1.2125);
        QCOMPARE(first.value(QStringLiteral("quadrant")).toString(), QStringLiteral("Low-hanging fruit"));
        QCOMPARE(first.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("highest priority ready item; 2027Q1 had 10.0 of 10.0 weeks free"));
        QCOMPARE(quarters[1].toObject().value(QStringLiteral("items")).toArray().size(), 0);
        const QJsonArray unscheduled = o.value(QStringLiteral("unscheduled")).toArray();
        QCOMPARE(unscheduled.size(), 2);
        QCOMPARE(unscheduled[0].toObject().value(QStringLiteral("id")).toString(), QStringLiteral("OPS-2"));
        QCOMPARE(unscheduled[0].toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("needs 12 weeks, a quarter has 10"));
        QCOMPARE(unscheduled[1].toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("blocked by unscheduled OPS-2"));
        QCOMPARE(o.value(QStringLiteral("critical_path")).toArray(),
                 (QJsonArray{QStringLiteral("OPS-2"), QStringLiteral("OPS-3")}));
    }

    void cliText()
    {
        const QString path = workspace({item("OPS-1", 30, 5, 5), item("OPS-2", 4, 1, 1, ids({"OPS-1"})),
                                        item("OPS-3", 6, 3, 3), item("OPS-4", 2, 1, 1, {}, "2027Q2")},
                                       {{QStringLiteral("team_size"), QStringLiteral("4")}, // 4 × 12 × 0.5 = 24
                                        {QStringLiteral("roadmap_start"), QStringLiteral("2027Q1")}});
        const CliResult r = runCli({QStringLiteral("plan"), path});
        QCOMPARE(r.exitCode, 0);
        const QString text = r.outText();
        for (const QString &expected :
             {QStringLiteral("Roadmap 2027Q1 to 2027Q4 (4 quarters; start from the setting roadmap_start)"),
              QStringLiteral(
                  "Capacity 24 engineer-weeks per quarter (team_size 4 × 12 weeks × (1 − reserved_ratio 0.5))"),
              QStringLiteral("2027Q1: 6.0 of 24.0 weeks used, 18.0 free"), QStringLiteral("  OPS-3  Item OPS-3\n"),
              QStringLiteral("highest priority ready item; 2027Q1 had 24.0 of 24.0 weeks free"),
              QStringLiteral("2027Q2: 2.0 of 24.0 weeks used, 22.0 free"), QStringLiteral("pinned to 2027Q2"),
              QStringLiteral("2027Q4: 0.0 of 24.0 weeks used, 24.0 free\n  (nothing planned)"),
              QStringLiteral("Unscheduled: 2"), QStringLiteral("needs 30 weeks, a quarter has 24"),
              QStringLiteral("blocked by unscheduled OPS-1"),
              QStringLiteral("Critical path (34.0 weeks): OPS-1 -> OPS-2")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n---\n") + text));
    }

    void cliStartOverridesSetting()
    {
        const QString path = workspace({item("OPS-1", 1)},
                                       {{QStringLiteral("capacity_weeks"), QStringLiteral("5")},
                                        {QStringLiteral("roadmap_start"), QStringLiteral("2027Q3")}});
        auto start = [&](const QStringList &extra) {
            const CliResult r = runCli(QStringList{QStringLiteral("plan"), path, QStringLiteral("--json")} + extra);
            return parseJson(r.out).value(QStringLiteral("start")).toString();
        };
        QCOMPARE(start({}), QStringLiteral("2027Q3"));
        QCOMPARE(start({QStringLiteral("--start"), QStringLiteral("2029q2")}), QStringLiteral("2029Q2"));
        // Without the setting: the quarter after as-of.
        QCOMPARE(runCli({QStringLiteral("set"), path, QStringLiteral("roadmap_start"), QString()}).exitCode, 0);
        QCOMPARE(start({QStringLiteral("--as-of"), QStringLiteral("2026-12-31")}), QStringLiteral("2027Q1"));
        QCOMPARE(start({QStringLiteral("--as-of"), QStringLiteral("2027-01-01")}), QStringLiteral("2027Q2"));
    }

    void cliErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("mentions");

        QTest::newRow("bad start") << QStringList{QStringLiteral("--start"), QStringLiteral("2027-01")} << 2
                                   << QStringList{QStringLiteral("--start")};
        QTest::newRow("quarter 5") << QStringList{QStringLiteral("--start"), QStringLiteral("2027Q5")} << 2
                                   << QStringList{QStringLiteral("2027Q5")};
        QTest::newRow("zero quarters") << QStringList{QStringLiteral("--quarters"), QStringLiteral("0")} << 2
                                       << QStringList{QStringLiteral("--quarters")};
        QTest::newRow("words for quarters") << QStringList{QStringLiteral("--quarters"), QStringLiteral("four")} << 2
                                            << QStringList{QStringLiteral("--quarters")};
        QTest::newRow("too many quarters") << QStringList{QStringLiteral("--quarters"), QStringLiteral("41")} << 2
                                           << QStringList{QStringLiteral("--quarters")};
        QTest::newRow("bad as-of") << QStringList{QStringLiteral("--as-of"), QStringLiteral("yesterday")} << 2
                                   << QStringList{QStringLiteral("--as-of")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour")} << 2 << QStringList{};
    }

    void cliErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QStringList, mentions);
        const QString path = workspace({item("OPS-1", 1)}, {{QStringLiteral("capacity_weeks"), QStringLiteral("5")}});
        const CliResult r = runCli(QStringList{QStringLiteral("plan"), path, QStringLiteral("--json")} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        for (const QString &m : mentions)
            QVERIFY2(r.errText().contains(m), qPrintable(r.errText()));
    }

    void cliRegisterProblems()
    {
        // A cycle of three and an unknown dependency, written the way an import writes them.
        const QString path = newPath();
        {
            auto ws = Workspace::create(path);
            ws->setSetting(QStringLiteral("capacity_weeks"), QStringLiteral("10"));
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            w.add(item("OPS-2", 1, 1, 1, ids({"OPS-1"})));
            w.add(item("OPS-3", 1, 1, 1, ids({"OPS-2"})));
            w.add(item("OPS-1", 1, 1, 1, ids({"OPS-3"})));
            w.add(item("OPS-7", 1, 1, 1, ids({"OPS-404"})));
            tx.commit();
        }
        for (const bool json : {false, true}) {
            QStringList args{QStringLiteral("plan"), path};
            if (json)
                args << QStringLiteral("--json");
            const CliResult r = runCli(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
            QCOMPARE(r.errText(),
                     QStringLiteral("%1: OPS-7 depends on unknown OPS-404\n"
                                    "%1: dependency cycle: OPS-1 -> OPS-3 -> OPS-2 -> OPS-1\n")
                         .arg(path));
        }
        QCOMPARE(runCli({QStringLiteral("plan"), m_dir.filePath(QStringLiteral("missing.srmap"))}).exitCode, 3);
        QCOMPARE(runCli({QStringLiteral("plan")}).exitCode, 2);
    }

    void demoPlan()
    {
        // The demo register: team of 4 (24 weeks a quarter), as-of 2026-10-01, so 2027Q1..2027Q4;
        // OPS-2, OPS-8 and OPS-13 are done, OPS-19 pinned to 2027Q2 and OPS-21 to 2027Q3, OPS-16
        // needs 40 weeks and OPS-17 depends on it; OPS-18 (12 weeks) waits for OPS-3 (2027Q4)
        // and fits beside it: 8 + 12 = 20 of 24 weeks.
        const QString path = newPath();
        QCOMPARE(runCli({QStringLiteral("demo"), path}).exitCode, 0);
        const CliResult r = runCli({QStringLiteral("plan"), path, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value(QStringLiteral("start")).toString(), QStringLiteral("2027Q1"));
        QHash<QString, QString> quarterOf;
        int placed = 0;
        for (const QJsonValue &qv : o.value(QStringLiteral("quarters")).toArray()) {
            const QJsonObject q = qv.toObject();
            QCOMPARE(q.value(QStringLiteral("capacity_weeks")).toDouble(), 24.0);
            QVERIFY(q.value(QStringLiteral("used_weeks")).toDouble() <= 24.0);
            double sum = 0;
            for (const QJsonValue &iv : q.value(QStringLiteral("items")).toArray()) {
                const QJsonObject i = iv.toObject();
                QVERIFY(!i.value(QStringLiteral("reason")).toString().isEmpty());
                quarterOf.insert(i.value(QStringLiteral("id")).toString(),
                                 q.value(QStringLiteral("quarter")).toString());
                sum += i.value(QStringLiteral("cost_weeks")).toDouble();
                ++placed;
            }
            QCOMPARE(q.value(QStringLiteral("used_weeks")).toDouble(), sum);
        }
        QCOMPARE(placed, 16); // 21 items − OPS-2, OPS-8, OPS-13 (done) − OPS-16, OPS-17 (unscheduled)
        for (const char *done : {"OPS-2", "OPS-8", "OPS-13"})
            QVERIFY2(!quarterOf.contains(QLatin1StringView(done)), done);
        QCOMPARE(quarterOf.value(QStringLiteral("OPS-19")), QStringLiteral("2027Q2"));
        QCOMPARE(quarterOf.value(QStringLiteral("OPS-21")), QStringLiteral("2027Q3"));
        // Every dependency is no later than its dependant (OPS-14's, OPS-13, and OPS-9's, OPS-8,
        // are done).
        for (const auto &[dependant, dependency] : {std::pair{"OPS-5", "OPS-6"},
                                                    {"OPS-7", "OPS-6"},
                                                    {"OPS-10", "OPS-9"},
                                                    {"OPS-15", "OPS-5"},
                                                    {"OPS-19", "OPS-5"},
                                                    {"OPS-20", "OPS-9"},
                                                    {"OPS-18", "OPS-3"}})
            QVERIFY2(quarterOf.value(QLatin1StringView(dependency)) <= quarterOf.value(QLatin1StringView(dependant)),
                     dependant);
        QVERIFY(quarterOf.contains(QStringLiteral("OPS-14")));
        const QJsonArray unscheduled = o.value(QStringLiteral("unscheduled")).toArray();
        QCOMPARE(unscheduled.size(), 2);
        QCOMPARE(unscheduled[0].toObject().value(QStringLiteral("id")).toString(), QStringLiteral("OPS-16"));
        QCOMPARE(unscheduled[0].toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("needs 40 weeks, a quarter has 24"));
        QCOMPARE(unscheduled[1].toObject().value(QStringLiteral("id")).toString(), QStringLiteral("OPS-17"));
        QCOMPARE(unscheduled[1].toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("blocked by unscheduled OPS-16"));
        QCOMPARE(quarterOf.value(QStringLiteral("OPS-3")), QStringLiteral("2027Q4"));
        QCOMPARE(quarterOf.value(QStringLiteral("OPS-18")), QStringLiteral("2027Q4"));
        // OPS-16 (40) -> OPS-17 (5) = 45 beats OPS-3 (8) -> OPS-18 (12) = 20.
        QCOMPARE(o.value(QStringLiteral("critical_path")).toArray(),
                 (QJsonArray{QStringLiteral("OPS-16"), QStringLiteral("OPS-17")}));
    }
};

QTEST_GUILESS_MAIN(TstRoadmap)
#include "tst_roadmap.moc"
