// Operational debt (docs/debt-and-roadmap.md#two-quadrants): the figures of each item (quadrants,
// priority, payback, rank), the dependency graph (cycles, unknown ids, order, critical path) and
// the register store in a real workspace (every edit, its undo and redo). Expected values are
// worked out by hand in comments.
#include "planning/debt.h"
#include "planning/debtgraph.h"
#include "planning/debtstore.h"
#include "store/metriccatalogue.h"
#include "store/recordwriter.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <cmath>
#include <limits>

using namespace srm;
using namespace srm::test;

Q_DECLARE_METATYPE(srm::DebtItem)
Q_DECLARE_METATYPE(std::vector<srm::DebtItem>)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

DebtItem item(const char *id, double toil, double cost, int likelihood = 1, int impact = 1,
              std::optional<Theme> theme = std::nullopt, std::vector<std::string> deps = {},
              DebtStatus status = DebtStatus::Open)
{
    DebtItem d;
    d.id = id;
    d.title = std::string("Item ") + id;
    d.theme = theme;
    d.toilHoursPerWeek = toil;
    d.costWeeks = cost;
    d.riskLikelihood = likelihood;
    d.riskImpact = impact;
    d.dependsOn = std::move(deps);
    d.status = status;
    return d;
}

std::vector<std::string> ids(std::initializer_list<const char *> list)
{
    return {list.begin(), list.end()};
}

// Every row of the two register tables, every column: equal dumps mean an identical register.
QStringList dumpRegister(Workspace &ws)
{
    QStringList out;
    for (const char *sql :
         {"SELECT * FROM debt_items ORDER BY id", "SELECT * FROM debt_dependencies ORDER BY item_id, depends_on"}) {
        QSqlQuery q(ws.database());
        if (!q.exec(QString::fromLatin1(sql)))
            return {QStringLiteral("query failed")};
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out << row.join(u'|');
        }
    }
    return out;
}

} // namespace

class TstDebt : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    std::unique_ptr<Workspace> newWorkspace()
    {
        return Workspace::create(m_dir.filePath(QStringLiteral("debt-%1.srmap").arg(++m_count)));
    }

private slots:
    // --- docs/debt-and-roadmap.md figures ---------------------------------------------------------------------

    void quadrant_data()
    {
        QTest::addColumn<double>("toil");
        QTest::addColumn<double>("cost");
        QTest::addColumn<QString>("toilThreshold"); // "" = default 4
        QTest::addColumn<QString>("costThreshold");
        QTest::addColumn<QString>("expected");

        QTest::newRow("both at the thresholds") << 4.0 << 4.0 << ""
                                                << ""
                                                << "Alligator v. swamp";
        QTest::newRow("toil just below") << 3.99 << 4.0 << ""
                                         << ""
                                         << "Defer";
        QTest::newRow("cost just below") << 4.0 << 3.99 << ""
                                         << ""
                                         << "Low-hanging fruit";
        QTest::newRow("both below") << 3.99 << 3.99 << ""
                                    << ""
                                    << "No brainer";
        QTest::newRow("nothing") << 0.0 << 0.0 << ""
                                 << ""
                                 << "No brainer";
        QTest::newRow("large and high") << 12.0 << 16.0 << ""
                                        << ""
                                        << "Alligator v. swamp";
        QTest::newRow("settings at threshold") << 6.0 << 2.5 << "6"
                                               << "2.5"
                                               << "Alligator v. swamp";
        QTest::newRow("settings toil below") << 5.5 << 2.5 << "6"
                                             << "2.5"
                                             << "Defer";
        QTest::newRow("settings cost below") << 6.0 << 2.0 << "6"
                                             << "2.5"
                                             << "Low-hanging fruit";
        QTest::newRow("settings: default-large is small") << 4.0 << 4.0 << "6"
                                                          << "5"
                                                          << "No brainer";
    }

    void quadrant()
    {
        QFETCH(double, toil);
        QFETCH(double, cost);
        QFETCH(QString, toilThreshold);
        QFETCH(QString, costThreshold);
        QFETCH(QString, expected);
        QHash<QString, QString> stored;
        if (!toilThreshold.isEmpty())
            stored.insert(QStringLiteral("quadrant.toil_hours"), toilThreshold);
        if (!costThreshold.isEmpty())
            stored.insert(QStringLiteral("quadrant.cost_weeks"), costThreshold);
        const WorkspaceSettings s = WorkspaceSettings::fromStored(stored);
        const ToilCostQuadrant q = toilCostQuadrant(toil, cost, s);
        QCOMPARE(quadrantName(q), expected);
        QCOMPARE(quadrantFromName(expected), std::optional(q));
        QCOMPARE(assessDebtItem(item("OPS-1", toil, cost), s).quadrant, q);
    }

    void quadrantCaptions()
    {
        QCOMPARE(quadrantCaption(ToilCostQuadrant::Defer), QStringLiteral("Defer (perhaps forever?)"));
        QCOMPARE(quadrantCaption(ToilCostQuadrant::AlligatorVSwamp),
                 QStringLiteral("Alligator v. swamp (may need intervention)"));
        QCOMPARE(quadrantCaption(ToilCostQuadrant::NoBrainer), QStringLiteral("No brainer (but also no pressure)"));
        QCOMPARE(quadrantCaption(ToilCostQuadrant::LowHangingFruit),
                 QStringLiteral("Low-hanging fruit (also quite rare)"));
    }

    void fowler()
    {
        QCOMPARE(fowlerFromId(u"Careless-Intentional"), std::optional(FowlerQuadrant::CarelessIntentional));
        QCOMPARE(fowlerFromId(u"careful-unintentional"), std::optional(FowlerQuadrant::CarefulUnintentional));
        QVERIFY(!fowlerFromId(u"reckless-deliberate"));
        QVERIFY(!fowlerFromId(u""));
        QVERIFY(isCareful(FowlerQuadrant::CarefulIntentional));
        QVERIFY(!isCareful(FowlerQuadrant::CarelessUnintentional));
        QVERIFY(isIntentional(FowlerQuadrant::CarelessIntentional));
        QVERIFY(!isIntentional(FowlerQuadrant::CarefulUnintentional));
        QCOMPARE(fowlerExample(FowlerQuadrant::CarelessUnintentional), QStringLiteral("what's a runbook?"));
        DebtItem d = item("OPS-1", 1, 1);
        d.fowler = "careful-intentional";
        QCOMPARE(assessDebtItem(d, {}).fowler, std::optional(FowlerQuadrant::CarefulIntentional));
        QVERIFY(!assessDebtItem(item("OPS-2", 1, 1), {}).fowler);
    }

    // The one table between a debt item's theme or status and its text (store/metriccatalogue.h,
    // store/records.h): every value reads back from the text it is written as, whatever the case;
    // any other text, white space around a word included, names none.
    void textTable_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("value"); // -1: no value has this text
        QTest::addColumn<QString>("written");
        QTest::newRow("change") << "theme"
                                << "change" << int(Theme::Change) << "change";
        QTest::newRow("detection") << "theme"
                                   << "detection" << int(Theme::Detection) << "detection";
        QTest::newRow("incident") << "theme"
                                  << "incident" << int(Theme::Incident) << "incident";
        QTest::newRow("improvement") << "theme"
                                     << "improvement" << int(Theme::Improvement) << "improvement";
        QTest::newRow("Change") << "theme"
                                << "Change" << int(Theme::Change) << "change";
        QTest::newRow("INCIDENT") << "theme"
                                  << "INCIDENT" << int(Theme::Incident) << "incident";
        QTest::newRow("security") << "theme"
                                  << "security" << -1 << "";
        QTest::newRow("no theme") << "theme"
                                  << "" << -1 << "";
        QTest::newRow("theme spaced") << "theme"
                                      << " change" << -1 << "";
        QTest::newRow("theme name") << "theme"
                                    << "Change management" << -1 << "";
        QTest::newRow("open") << "status"
                              << "open" << int(DebtStatus::Open) << "open";
        QTest::newRow("done") << "status"
                              << "done" << int(DebtStatus::Done) << "done";
        QTest::newRow("DONE") << "status"
                              << "DONE" << int(DebtStatus::Done) << "done";
        QTest::newRow("Open") << "status"
                              << "Open" << int(DebtStatus::Open) << "open";
        QTest::newRow("closed") << "status"
                                << "closed" << -1 << "";
        QTest::newRow("no status") << "status"
                                   << "" << -1 << "";
        QTest::newRow("status spaced") << "status"
                                       << "done " << -1 << "";
        QTest::newRow("status prefix") << "status"
                                       << "opened" << -1 << "";
    }

    void textTable()
    {
        QFETCH(QString, kind);
        QFETCH(QString, text);
        QFETCH(int, value);
        QFETCH(QString, written);
        if (kind == u"theme") {
            const std::optional<Theme> read = MetricCatalogue::themeFromId(text);
            QCOMPARE(read ? int(*read) : -1, value);
            if (read) {
                QCOMPARE(MetricCatalogue::themeId(*read), written);
                QCOMPARE(MetricCatalogue::themeIdOrEmpty(read), written);
                QCOMPARE(MetricCatalogue::themeFromId(written), read); // round trip
            }
        } else {
            const std::optional<DebtStatus> read = debtStatusFromText(text.toStdString());
            QCOMPARE(read ? int(*read) : -1, value);
            if (read) {
                QCOMPARE(QString::fromLatin1(toString(*read)), written);
                QCOMPARE(debtStatusFromText(toString(*read)), read); // round trip
            }
        }
    }

    // Every value of both enums has a row above: the tables hold four themes and two statuses.
    void textTableComplete()
    {
        QCOMPARE(std::size(MetricCatalogue::kThemes), std::size_t(4));
        QCOMPARE(MetricCatalogue::themeIds(),
                 QStringList({QStringLiteral("change"), QStringLiteral("detection"), QStringLiteral("incident"),
                              QStringLiteral("improvement")}));
        QCOMPARE(MetricCatalogue::themeIdOrEmpty(std::nullopt), QString());
        QCOMPARE(std::size(kDebtStatuses), std::size_t(2));
        QCOMPARE(MetricCatalogue::themeId(Theme(9)), QString()); // outside the enum: no text
    }

    // What a person types into the register's theme and status cells (DebtModel::setData).
    void typedThemeAndStatus_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("value"); // -1: none (theme) / refused
        QTest::addColumn<QString>("message");
        QTest::newRow("theme") << "theme"
                               << " Change " << int(Theme::Change) << "";
        QTest::newRow("theme upper") << "theme"
                                     << "DETECTION" << int(Theme::Detection) << "";
        QTest::newRow("theme empty") << "theme"
                                     << "  " << -1 << "";
        QTest::newRow("theme unknown")
            << "theme"
            << "Security" << -1
            << "debt item OPS-7: theme 'security' is not one of change, detection, incident, improvement (or empty)";
        QTest::newRow("status") << "status"
                                << "DONE" << int(DebtStatus::Done) << "";
        QTest::newRow("status spaced") << "status"
                                       << " open " << int(DebtStatus::Open) << "";
        QTest::newRow("status empty") << "status"
                                      << "" << int(DebtStatus::Open) << "";
        QTest::newRow("status unknown") << "status"
                                        << "Closed" << -1 << "debt item OPS-7: status 'closed' is not open or done";
    }

    void typedThemeAndStatus()
    {
        QFETCH(QString, kind);
        QFETCH(QString, typed);
        QFETCH(int, value);
        QFETCH(QString, message);
        try {
            if (kind == u"theme") {
                const std::optional<Theme> theme = DebtStore::parseTheme("OPS-7", typed);
                QCOMPARE(theme ? int(*theme) : -1, value);
            } else {
                QCOMPARE(int(DebtStore::parseStatus("OPS-7", typed)), value);
            }
            QVERIFY2(message.isEmpty(), "accepted");
        } catch (const InputError &e) {
            QCOMPARE(e.message(), message);
        }
    }

    void priorityAndPayback()
    {
        const WorkspaceSettings defaults;
        // toil 6, cost 6 weeks, likelihood 4, impact 4: value 6 × 13 + 8 × 4 × 4 = 78 + 128 = 206,
        // cost 240 h, priority 206 / 240 = 0.858333, payback 240 / 78 = 3.076923 quarters.
        const DebtAssessment a = assessDebtItem(item("OPS-1", 6, 6, 4, 4, Theme::Change), defaults);
        QCOMPARE(a.value, 206.0);
        QCOMPARE(a.costHours, 240.0);
        QCOMPARE(a.weight, 1.0);
        QCOMPARE(a.priority, 206.0 / 240.0);
        QVERIFY(std::abs(a.priority - 0.858333) < 1e-6);
        QVERIFY(a.paybackQuarters);
        QVERIFY(std::abs(*a.paybackQuarters - 3.076923) < 1e-6);

        // No toil: value 8 × 1 × 1 = 8 over 2 weeks = 80 h: priority 0.1; no payback.
        const DebtAssessment b = assessDebtItem(item("OPS-2", 0, 2), defaults);
        QCOMPARE(b.value, 8.0);
        QCOMPARE(b.priority, 0.1);
        QVERIFY(!b.paybackQuarters);

        // toil 0.5, cost 1, 3 × 4: value 6.5 + 96 = 102.5 over 40 h = 2.5625; payback 40 / 6.5.
        const DebtAssessment c = assessDebtItem(item("OPS-3", 0.5, 1, 3, 4), defaults);
        QCOMPARE(c.priority, 2.5625);
        QVERIFY(std::abs(*c.paybackQuarters - 6.153846) < 1e-6);
    }

    void themeWeights()
    {
        const WorkspaceSettings s = WorkspaceSettings::fromStored(
            {{QStringLiteral("weight.change"), QStringLiteral("2")},
             {QStringLiteral("weight.incident"), QStringLiteral("0.5")}});
        // 206 / 240 × 2 = 1.716667
        const DebtAssessment change = assessDebtItem(item("OPS-1", 6, 6, 4, 4, Theme::Change), s);
        QCOMPARE(change.weight, 2.0);
        QCOMPARE(change.priority, 206.0 / 240.0 * 2);
        QVERIFY(std::abs(change.priority - 1.716667) < 1e-6);
        // 8 / 80 × 0.5 = 0.05
        QCOMPARE(assessDebtItem(item("OPS-2", 0, 2, 1, 1, Theme::Incident), s).priority, 0.05);
        // No theme, and a theme without a weight setting: weight 1.
        QCOMPARE(assessDebtItem(item("OPS-3", 0, 2), s).priority, 0.1);
        QCOMPARE(assessDebtItem(item("OPS-4", 0, 2, 1, 1, Theme::Detection), s).priority, 0.1);
        // The weight does not change the payback.
        QCOMPARE(change.paybackQuarters, assessDebtItem(item("OPS-1", 6, 6, 4, 4), {}).paybackQuarters);
    }

    void zeroCost()
    {
        // Documented choice: free work has infinite priority (value is at least 8), payback 0.
        const DebtAssessment a = assessDebtItem(item("OPS-1", 2, 0), {});
        QVERIFY(std::isinf(a.priority) && a.priority > 0);
        QCOMPARE(*a.paybackQuarters, 0.0);
        QCOMPARE(toJson(a).value(QStringLiteral("priority")), QJsonValue(QJsonValue::Null));
        QCOMPARE(formatPriority(a.priority), QStringLiteral("free"));
        QVERIFY(!assessDebtItem(item("OPS-2", 0, 0), {}).paybackQuarters);
    }

    void rankTiesByteOrder()
    {
        // OPS-2 and OPS-10 have the same figures (0.1); "OPS-10" < "OPS-2" in byte order.
        // OPS-3: 8 / 40 = 0.2 ranks first. OPS-1 is done: no rank. OPS-é (UTF-8 0xC3 0xA9) sorts
        // after every ASCII id.
        const std::vector<DebtItem> items{item("OPS-2", 0, 2), item("OPS-é", 0, 2), item("OPS-3", 0, 1),
                                          item("OPS-1", 9, 1, 5, 5, {}, {}, DebtStatus::Done), item("OPS-10", 0, 2)};
        const std::vector<DebtAssessment> a = assessDebt(items, {});
        QCOMPARE(a.size(), size_t(5));
        QCOMPARE(a[0].id, std::string("OPS-2")); // register order kept
        QCOMPARE(a[2].rank, std::optional(1));   // OPS-3
        QCOMPARE(a[4].rank, std::optional(2));   // OPS-10
        QCOMPARE(a[0].rank, std::optional(3));   // OPS-2
        QCOMPARE(a[1].rank, std::optional(4));   // OPS-é
        QVERIFY(!a[3].rank);                     // done
        QVERIFY(!a[3].open);
        QVERIFY(rankedBefore(0.1, "OPS-10", 0.1, "OPS-2"));
        QVERIFY(!rankedBefore(0.1, "OPS-2", 0.1, "OPS-10"));
        QVERIFY(rankedBefore(0.2, "OPS-2", 0.1, "OPS-10"));
    }

    void assessmentJson()
    {
        const QJsonObject o = toJson(assessDebtItem(item("OPS-1", 6, 6, 4, 4, Theme::Change), {}));
        QCOMPARE(o.value(QStringLiteral("quadrant")).toString(), QStringLiteral("Alligator v. swamp"));
        QCOMPARE(o.value(QStringLiteral("value")).toDouble(), 206.0);
        QCOMPARE(o.value(QStringLiteral("cost_hours")).toDouble(), 240.0);
        QCOMPARE(o.value(QStringLiteral("rank")), QJsonValue(QJsonValue::Null));
        QCOMPARE(o.value(QStringLiteral("fowler")), QJsonValue(QJsonValue::Null));
    }

    // --- the dependency graph ---------------------------------------------------------------

    void cycleOfThree()
    {
        // OPS-1 depends on OPS-3, OPS-3 on OPS-2, OPS-2 on OPS-1; listed from the smallest id.
        const std::vector<DebtItem> items{item("OPS-2", 1, 1, 1, 1, {}, ids({"OPS-1"})), item("OPS-4", 1, 1),
                                          item("OPS-3", 1, 1, 1, 1, {}, ids({"OPS-2"})),
                                          item("OPS-1", 1, 1, 1, 1, {}, ids({"OPS-3"}))};
        const DebtGraph g(items);
        QVERIFY(!g.isValid());
        QCOMPARE(g.cycles().size(), size_t(1));
        QCOMPARE(g.cycles()[0].members, ids({"OPS-1", "OPS-3", "OPS-2"}));
        const QString expected = QStringLiteral("dependency cycle: OPS-1 -> OPS-3 -> OPS-2 -> OPS-1");
        QCOMPARE(g.cycles()[0].message(), expected);
        QCOMPARE(g.problems(), expected);
        try {
            g.check();
            QFAIL("no error for a cycle");
        } catch (const InputError &e) {
            QCOMPARE(e.message(), expected);
        }
        QVERIFY_THROWS_EXCEPTION(InputError, g.criticalPath());
        // OPS-4 is the only item with an order.
        QCOMPARE(g.topologicalOrder(), ids({"OPS-4"}));
    }

    void selfAndInterlockedCycles()
    {
        // OPS-5 depends on itself; A <-> B and B <-> C interlock into one knot.
        const std::vector<DebtItem> items{
            item("OPS-5", 1, 1, 1, 1, {}, ids({"OPS-5"})), item("A", 1, 1, 1, 1, {}, ids({"B"})),
            item("B", 1, 1, 1, 1, {}, ids({"A", "C"})), item("C", 1, 1, 1, 1, {}, ids({"B"}))};
        const DebtGraph g(items);
        QCOMPARE(g.cycles().size(), size_t(2));
        QCOMPARE(g.cycles()[0].message(), QStringLiteral("dependency cycle: A -> B -> A (interlocked with C)"));
        QCOMPARE(g.cycles()[0].component, ids({"A", "B", "C"}));
        QCOMPARE(g.cycles()[1].message(), QStringLiteral("dependency cycle: OPS-5 -> OPS-5"));
    }

    void unknownDependency()
    {
        const std::vector<DebtItem> items{item("OPS-1", 1, 1), item("OPS-4", 1, 1, 1, 1, {}, ids({"OPS-1", "OPS-99"})),
                                          item("OPS-1", 2, 2)};
        const DebtGraph g(items);
        QCOMPARE(g.unknownDependencies().size(), size_t(1));
        QCOMPARE(g.unknownDependencies()[0].item, std::string("OPS-4"));
        QCOMPARE(g.unknownDependencies()[0].missing, std::string("OPS-99"));
        QCOMPARE(g.duplicateIds(), ids({"OPS-1"}));
        QCOMPARE(g.problems(), QStringLiteral("duplicate item id OPS-1\nOPS-4 depends on unknown OPS-99"));
        QVERIFY_THROWS_EXCEPTION(InputError, g.check());
        QCOMPARE(g.blockers("OPS-4"), ids({"OPS-1"})); // the known one
        const QJsonObject problems = g.problemsToJson();
        QCOMPARE(problems.value(QStringLiteral("unknown_dependencies")).toArray().size(), 1);
    }

    void orderAndRelations()
    {
        // OPS-2 depends on OPS-10, OPS-1 on OPS-3, OPS-7 on OPS-2 and OPS-1.
        const std::vector<DebtItem> items{item("OPS-1", 1, 1, 1, 1, {}, ids({"OPS-3"})), item("OPS-10", 1, 1),
                                          item("OPS-2", 1, 1, 1, 1, {}, ids({"OPS-10"})), item("OPS-3", 1, 1),
                                          item("OPS-7", 1, 1, 1, 1, {}, ids({"OPS-2", "OPS-1"}))};
        const DebtGraph g(items);
        QVERIFY(g.isValid());
        QVERIFY(g.problems().isEmpty());
        // Ready at first: OPS-10, OPS-3 -> OPS-10 ("OPS-10" < "OPS-3"); then OPS-2, OPS-3 -> OPS-2;
        // then OPS-3; then OPS-1; then OPS-7.
        QCOMPARE(g.topologicalOrder(), ids({"OPS-10", "OPS-2", "OPS-3", "OPS-1", "OPS-7"}));
        QCOMPARE(g.blockers("OPS-7"), ids({"OPS-1", "OPS-2"}));
        QCOMPARE(g.blocks("OPS-10"), ids({"OPS-2"}));
        QCOMPARE(g.blocks("OPS-7"), std::vector<std::string>{});
        QCOMPARE(g.allBlockers("OPS-7"), ids({"OPS-1", "OPS-10", "OPS-2", "OPS-3"}));
        QCOMPARE(g.allBlocked("OPS-3"), ids({"OPS-1", "OPS-7"}));
        QVERIFY(g.contains("OPS-3"));
        QVERIFY(!g.contains("OPS-99"));
        QCOMPARE(g.blockers("OPS-99"), std::vector<std::string>{});
    }

    void criticalPath_data()
    {
        QTest::addColumn<std::vector<DebtItem>>("items");
        QTest::addColumn<std::vector<std::string>>("expected");
        QTest::addColumn<double>("weeks");

        // OPS-1 (6) -> OPS-4 (5) = 11 ties OPS-2 (3) -> OPS-3 (8) = 11: the smaller list wins.
        // OPS-5 alone is 10.
        const std::vector<DebtItem> spec{item("OPS-1", 0, 6), item("OPS-2", 0, 3),
                                         item("OPS-3", 0, 8, 1, 1, {}, ids({"OPS-2"})),
                                         item("OPS-4", 0, 5, 1, 1, {}, ids({"OPS-1"})), item("OPS-5", 0, 10)};
        QTest::newRow("tie: smallest id list") << spec << ids({"OPS-1", "OPS-4"}) << 11.0;
        std::vector<DebtItem> withDone = spec;
        withDone[0].status = DebtStatus::Done; // OPS-1 done: OPS-4 alone is 5
        QTest::newRow("done items are not on it") << withDone << ids({"OPS-2", "OPS-3"}) << 11.0;
        QTest::newRow("byte order") << std::vector<DebtItem>{item("OPS-9", 0, 5), item("OPS-10", 0, 5)}
                                    << ids({"OPS-10"}) << 5.0;
        // Diamond: OPS-1 (2) -> OPS-2 (3) / OPS-3 (3) -> OPS-4 (1): both 6, via OPS-2.
        QTest::newRow("diamond") << std::vector<DebtItem>{item("OPS-4", 0, 1, 1, 1, {}, ids({"OPS-3", "OPS-2"})),
                                                          item("OPS-3", 0, 3, 1, 1, {}, ids({"OPS-1"})),
                                                          item("OPS-2", 0, 3, 1, 1, {}, ids({"OPS-1"})),
                                                          item("OPS-1", 0, 2)}
                                 << ids({"OPS-1", "OPS-2", "OPS-4"}) << 6.0;
        // The longest chain by cost, not by length: OPS-1 (1) -> OPS-2 (1) -> OPS-3 (1) = 3 < OPS-9 (4).
        QTest::newRow("cost, not length")
            << std::vector<DebtItem>{item("OPS-1", 0, 1), item("OPS-2", 0, 1, 1, 1, {}, ids({"OPS-1"})),
                                     item("OPS-3", 0, 1, 1, 1, {}, ids({"OPS-2"})), item("OPS-9", 0, 4)}
            << ids({"OPS-9"}) << 4.0;
        QTest::newRow("nothing open") << std::vector<DebtItem>{item("OPS-1", 0, 1, 1, 1, {}, {}, DebtStatus::Done)}
                                      << std::vector<std::string>{} << 0.0;
    }

    void criticalPath()
    {
        QFETCH(std::vector<DebtItem>, items);
        QFETCH(std::vector<std::string>, expected);
        QFETCH(double, weeks);
        const CriticalPath p = DebtGraph(items).criticalPath();
        QCOMPARE(p.ids, expected);
        QCOMPARE(p.totalCostWeeks, weeks);
    }

    // --- the store ----------------------------------------------------------------------------

    void storeAddAndLoad()
    {
        auto ws = newWorkspace();
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            w.add(item("OPS-2", 1, 1));
            tx.commit();
        }
        DebtStore store(*ws);
        DebtItem typed = item(" OPS-1 ", 3, 2, 2, 3, Theme::Change, {" OPS-2"}, DebtStatus::Open);
        typed.fowler = "Careless-Unintentional";
        typed.pinnedQuarter = "2027q3";
        typed.notes = "line one\nline \"two\"";
        const DebtItem stored = store.add(typed);
        QCOMPARE(stored.id, std::string("OPS-1"));
        QCOMPARE(stored.theme, std::optional(Theme::Change));
        QCOMPARE(stored.fowler, std::string("careless-unintentional"));
        QCOMPARE(stored.status, DebtStatus::Open);
        QCOMPARE(stored.pinnedQuarter, std::string("2027Q3"));
        QCOMPARE(stored.dependsOn, ids({"OPS-2"}));
        const std::vector<DebtItem> items = store.items();
        QCOMPARE(items.size(), size_t(2));
        QCOMPARE(items[0].id, std::string("OPS-2")); // register order, not id order
        QCOMPARE(items[1], stored);
        const auto found = store.find("OPS-1");
        QVERIFY(found);
        QCOMPARE(found->position, std::int64_t(2));
        QVERIFY(!found->importId);
        QVERIFY(!store.find("OPS-9"));
        QVERIFY_THROWS_EXCEPTION(InputError, store.add(item("OPS-2", 0, 0)));
    }

    // The workspace holds the text forms: both writers write them, the store reads them back;
    // text someone wrote by hand is read through the same table (case folded; anything else is
    // no theme, with the weight 1 an unknown theme had).
    void storeThemeAndStatusText()
    {
        auto ws = newWorkspace();
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, 0);
            w.add(item("OPS-1", 1, 1, 1, 1, Theme::Improvement, {}, DebtStatus::Done));
            w.add(item("OPS-2", 1, 1));
            tx.commit();
        }
        DebtStore store(*ws);
        store.add(item("OPS-3", 1, 1, 1, 1, Theme::Detection));
        store.add(item("OPS-4", 1, 1, 1, 1, {}, {}, DebtStatus::Done));
        auto column = [&](const char *sql) {
            QStringList out;
            QSqlQuery q(ws->database());
            if (!q.exec(QString::fromLatin1(sql)))
                return QStringList{QStringLiteral("query failed")};
            while (q.next())
                out << q.value(0).toString();
            return out;
        };
        QCOMPARE(column("SELECT theme || '/' || status FROM debt_items ORDER BY id"),
                 QStringList({QStringLiteral("improvement/done"), QStringLiteral("/open"),
                              QStringLiteral("detection/open"), QStringLiteral("/done")}));
        QSqlQuery edit(ws->database());
        QVERIFY(edit.exec(QStringLiteral("UPDATE debt_items SET theme = 'Incident' WHERE id = 'OPS-2'")));
        QVERIFY(edit.exec(QStringLiteral("UPDATE debt_items SET theme = 'security' WHERE id = 'OPS-3'")));
        const std::vector<DebtItem> items = store.items();
        QCOMPARE(items.size(), std::size_t(4));
        QCOMPARE(items[0].theme, std::optional(Theme::Improvement));
        QCOMPARE(items[0].status, DebtStatus::Done);
        QCOMPARE(items[1].theme, std::optional(Theme::Incident));
        QCOMPARE(items[1].status, DebtStatus::Open);
        QVERIFY(!items[2].theme);
        QVERIFY(!items[3].theme);
        QCOMPARE(items[3].status, DebtStatus::Done);
        // weight.incident 3 reaches the item whose theme was written 'Incident' by hand.
        const WorkspaceSettings s = WorkspaceSettings::fromStored(
            {{QStringLiteral("weight.incident"), QStringLiteral("3")}});
        QCOMPARE(assessDebtItem(items[1], s).weight, 3.0);
        QCOMPARE(assessDebtItem(items[2], s).weight, 1.0);
    }

    void storeValidation_data()
    {
        QTest::addColumn<DebtItem>("bad");
        QTest::addColumn<QString>("message");
        auto with = [](auto change) {
            DebtItem d = item("OPS-7", 1, 1);
            change(d);
            return d;
        };
        QTest::newRow("empty id") << with([](DebtItem &d) { d.id = " "; }) << "id is empty";
        QTest::newRow("semicolon id") << with([](DebtItem &d) { d.id = "OPS;7"; }) << "contains ';'";
        QTest::newRow("newline id") << with([](DebtItem &d) { d.id = "OPS\n7"; }) << "control character";
        QTest::newRow("blank title") << with([](DebtItem &d) { d.title = "  "; }) << "title is empty";
        // Typed text is parsed at the edge (DebtStore::parseTheme, parseStatus): only a cast can put
        // anything else here.
        QTest::newRow("theme") << with([](DebtItem &d) { d.theme = Theme(7); })
                               << "theme #7 is not one of change, detection, incident, improvement (or empty)";
        QTest::newRow("fowler") << with([](DebtItem &d) { d.fowler = "reckless"; }) << "fowler 'reckless'";
        QTest::newRow("negative toil") << with([](DebtItem &d) { d.toilHoursPerWeek = -1; }) << "toil_hours_per_week";
        QTest::newRow("nan cost") << with([](DebtItem &d) { d.costWeeks = std::nan(""); }) << "cost_weeks";
        QTest::newRow("infinite cost") << with([](DebtItem &d) {
            d.costWeeks = std::numeric_limits<double>::infinity();
        }) << "cost_weeks";
        QTest::newRow("likelihood 0") << with([](DebtItem &d) { d.riskLikelihood = 0; })
                                      << "risk_likelihood must be 1 to 5";
        QTest::newRow("impact 6") << with([](DebtItem &d) { d.riskImpact = 6; }) << "risk_impact must be 1 to 5";
        QTest::newRow("status") << with([](DebtItem &d) { d.status = DebtStatus(5); })
                                << "status #5 is not open or done";
        QTest::newRow("pin") << with([](DebtItem &d) { d.pinnedQuarter = "2027-Q1"; }) << "pinned quarter '2027-Q1'";
        QTest::newRow("pin quarter 5") << with([](DebtItem &d) { d.pinnedQuarter = "2027Q5"; }) << "pinned quarter";
        QTest::newRow("dependency twice") << with([](DebtItem &d) {
            d.dependsOn = ids({"OPS-1", "OPS-1"});
        }) << "depends on OPS-1 twice";
        QTest::newRow("empty dependency")
            << with([](DebtItem &d) { d.dependsOn = ids({""}); }) << "dependency is empty";
    }

    void storeValidation()
    {
        QFETCH(DebtItem, bad);
        QFETCH(QString, message);
        auto ws = newWorkspace();
        DebtStore store(*ws);
        store.add(item("OPS-1", 1, 1));
        const QStringList before = dumpRegister(*ws);
        try {
            store.add(bad);
            QFAIL("accepted");
        } catch (const InputError &e) {
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        }
        try {
            store.update("OPS-1", bad);
            QFAIL("accepted");
        } catch (const InputError &e) {
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        }
        QCOMPARE(dumpRegister(*ws), before);
    }

    void storeEditUndoRedo()
    {
        // A register written by an import, then every kind of edit with its undo and redo.
        auto ws = newWorkspace();
        ImportLogEntry log;
        log.fileName = QStringLiteral("debt.csv");
        log.format = QStringLiteral("debt");
        const qint64 importId = ws->addImportLog(log);
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, importId);
            w.add(item("OPS-1", 1, 1));
            w.add(item("OPS-2", 2, 2, 1, 1, {}, ids({"OPS-1"})));
            w.add(item("OPS-3", 3, 3, 1, 1, {}, ids({"OPS-9", "OPS-2", "OPS-1"}))); // OPS-9: unknown
            w.add(item("OPS-4", 4, 4, 1, 1, {}, ids({"OPS-2"})));
            tx.commit();
        }
        DebtStore store(*ws);
        const QStringList original = dumpRegister(*ws);

        // Update: new figures, same position and import.
        const DebtItem old2 = store.find("OPS-2")->item;
        DebtItem new2 = old2;
        new2.title = "Renamed title";
        new2.costWeeks = 5;
        store.update("OPS-2", new2);
        QCOMPARE(store.find("OPS-2")->position, std::int64_t(2));
        QCOMPARE(store.find("OPS-2")->importId, std::optional<std::int64_t>(importId));
        QCOMPARE(store.find("OPS-2")->item.title, std::string("Renamed title"));
        store.update("OPS-2", old2); // undo
        QCOMPARE(dumpRegister(*ws), original);

        // Rename: references follow; undo renames back.
        DebtItem renamed = old2;
        renamed.id = "OPS-20";
        store.update("OPS-2", renamed);
        QCOMPARE(store.find("OPS-3")->item.dependsOn, ids({"OPS-9", "OPS-20", "OPS-1"}));
        QCOMPARE(store.find("OPS-4")->item.dependsOn, ids({"OPS-20"}));
        QCOMPARE(store.find("OPS-20")->position, std::int64_t(2));
        store.update("OPS-20", old2);
        QCOMPARE(dumpRegister(*ws), original);
        // A rename onto an existing id, or onto an id some item already names, is refused.
        renamed.id = "OPS-1";
        QVERIFY_THROWS_EXCEPTION(InputError, store.update("OPS-2", renamed));
        renamed.id = "OPS-9";
        QVERIFY_THROWS_EXCEPTION(InputError, store.update("OPS-2", renamed));
        QCOMPARE(dumpRegister(*ws), original);

        // Delete: its dependency rows go, and so do the references to it (OPS-3 keeps OPS-9 and
        // OPS-1 in order); restore brings back every row.
        const RemovedDebtItem removed = store.remove("OPS-2");
        QVERIFY(!store.find("OPS-2"));
        QCOMPARE(store.find("OPS-3")->item.dependsOn, ids({"OPS-9", "OPS-1"}));
        QCOMPARE(store.find("OPS-4")->item.dependsOn, std::vector<std::string>{});
        QCOMPARE(removed.references.size(), size_t(2));
        QCOMPARE(removed.references[0], (RemovedDebtItem::Reference{"OPS-3", 1}));
        QCOMPARE(removed.references[1], (RemovedDebtItem::Reference{"OPS-4", 0}));
        store.restore(removed); // undo
        QCOMPARE(dumpRegister(*ws), original);
        QCOMPARE(store.remove("OPS-2"), removed); // redo
        store.restore(removed);
        QCOMPARE(dumpRegister(*ws), original);
        QVERIFY_THROWS_EXCEPTION(InputError, store.restore(removed)); // it exists again
        QVERIFY_THROWS_EXCEPTION(InputError, store.remove("OPS-42"));

        // Add and its undo (references kept: OPS-3 named OPS-9 before it existed).
        const DebtItem nine = store.add(item("OPS-9", 1, 1));
        QCOMPARE(store.items().back().id, std::string("OPS-9"));
        const RemovedDebtItem added = store.remove("OPS-9", DebtStore::References::Keep);
        QVERIFY(added.references.empty());
        QCOMPARE(dumpRegister(*ws), original);
        store.restore(added); // redo
        QCOMPARE(store.find("OPS-9")->item, nine);
        store.remove("OPS-9", DebtStore::References::Keep);
        QCOMPARE(dumpRegister(*ws), original);

        // Dependencies and pins.
        store.setDependencies("OPS-4", ids({"OPS-3", "OPS-1"}));
        QCOMPARE(store.find("OPS-4")->item.dependsOn, ids({"OPS-3", "OPS-1"}));
        QVERIFY_THROWS_EXCEPTION(InputError, store.setDependencies("OPS-4", ids({"OPS-3", "OPS-3"})));
        store.setDependencies("OPS-4", ids({"OPS-2"}));
        QCOMPARE(dumpRegister(*ws), original);
        store.setPinnedQuarter("OPS-1", QStringLiteral("2027q2"));
        QCOMPARE(store.find("OPS-1")->item.pinnedQuarter, std::string("2027Q2"));
        QVERIFY_THROWS_EXCEPTION(InputError, store.setPinnedQuarter("OPS-1", QStringLiteral("next year")));
        QVERIFY_THROWS_EXCEPTION(InputError, store.setPinnedQuarter("OPS-77", QStringLiteral("2027Q1")));
        store.setPinnedQuarter("OPS-1", QString());
        QCOMPARE(dumpRegister(*ws), original);
    }

    void storeRestoreIntoTakenPosition()
    {
        auto ws = newWorkspace();
        DebtStore store(*ws);
        store.add(item("OPS-1", 1, 1));
        store.add(item("OPS-2", 1, 1));
        const RemovedDebtItem removed = store.remove("OPS-2");
        store.add(item("OPS-3", 1, 1)); // takes position 2
        store.restore(removed);
        std::vector<std::string> order;
        for (const StoredDebtItem &s : store.storedItems())
            order.push_back(s.item.id);
        QCOMPARE(order, ids({"OPS-1", "OPS-2", "OPS-3"}));
        QCOMPARE(store.find("OPS-2")->position, std::int64_t(2));
        QCOMPARE(store.find("OPS-3")->position, std::int64_t(3));
    }

    void storeRemoveDroppedImport()
    {
        // Restoring an item whose import was removed meanwhile keeps the item, without the import.
        auto ws = newWorkspace();
        ImportLogEntry log;
        log.fileName = QStringLiteral("debt.csv");
        const qint64 importId = ws->addImportLog(log);
        {
            Workspace::Transaction tx(*ws);
            RecordWriter w(*ws, importId);
            w.add(item("OPS-1", 1, 1));
            tx.commit();
        }
        DebtStore store(*ws);
        const RemovedDebtItem removed = store.remove("OPS-1");
        ws->removeImport(importId);
        store.restore(removed);
        QVERIFY(!store.find("OPS-1")->importId);
    }
};

QTEST_GUILESS_MAIN(TstDebt)
#include "tst_debt.moc"
