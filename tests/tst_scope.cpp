// Scope (docs/scope.md): ownership import errors, team resolution, scoped figures for a service
// and for a team, the breakdown by service and by team with its roll-up, records without a
// service, and the SCOPE options of the command line. Every expected figure is worked out by
// hand from the fixture below (the arithmetic is in the comments).
//
// Fixture, window [2026-09-01, 2026-10-01) (30 days), ownership frontend→web, cart→web,
// pay→money; "legacy" has no owner:
//   deployment  service   team column  resolved team  finished     result
//   d1          frontend  ""           web            09-05        success
//   d2          cart      ""           web            09-10        success
//   d3          pay       "web"        web (own wins) 09-12        success
//   d4          pay       ""           money          09-15        success  (caused i1)
//   d5          pay       ""           money          09-20        rolled_back
//   d6          ""        ""           ""             09-22        success
//   d7          legacy    ""           ""             09-25        success
//   d0          pay       ""           money          08-20        success  (before the window)
//   incident  service   team   started         resolved after
//   i1        frontend  web    09-16T00:00     2 h   (caused_by d4: d4 counts as failed for money)
//   i2        pay       money  09-18T00:00     4 h
//   i3        ""        ""     09-19T00:00     1 h
//   pages: p1, p2 frontend (web); p3 pay (money); p4 legacy ("")
// Targets: deployment_frequency 0.08/day (higher better), change_failure_rate 0.2, time_to_restore 3 h.
#include "tests/enginefixture.h"

#include "engine/analysisjson.h"
#include "engine/breakdown.h"
#include "tests/common/testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace srm;
using namespace srm::test;

namespace {

Deployment dep(const char *id, const char *service, const char *team, const char *finished,
               DeployResult result = DeployResult::Success)
{
    Deployment d = deployment(id, finished, result);
    d.service = service;
    d.team = team;
    return d;
}

Incident inc(const char *id, const char *service, const char *started, int resolvedHours, const char *causedBy = "")
{
    Incident i;
    i.incidentId = id;
    i.service = service;
    i.startedAt = at(started);
    i.resolvedAt = i.startedAt + Micros(resolvedHours) * 3600 * kMicrosPerSecond;
    i.causedByDeploymentId = causedBy;
    return i;
}

Ownership owner(const char *service, const char *team)
{
    return {service, team};
}

const Micros kAsOf = at("2026-10-01T00:00:00Z");
constexpr int kDays = 30;

void writeFixture(EngineFixture &f)
{
    f.write(owner("frontend", "web"), owner("cart", "web"), owner("pay", "money"),
            dep("d0", "pay", "", "2026-08-20T10:00:00Z"), dep("d1", "frontend", "", "2026-09-05T10:00:00Z"),
            dep("d2", "cart", "", "2026-09-10T10:00:00Z"), dep("d3", "pay", "web", "2026-09-12T10:00:00Z"),
            dep("d4", "pay", "", "2026-09-15T10:00:00Z"),
            dep("d5", "pay", "", "2026-09-20T10:00:00Z", DeployResult::RolledBack),
            dep("d6", "", "", "2026-09-22T10:00:00Z"), dep("d7", "legacy", "", "2026-09-25T10:00:00Z"),
            inc("i1", "frontend", "2026-09-16T00:00:00Z", 2, "d4"), inc("i2", "pay", "2026-09-18T00:00:00Z", 4),
            inc("i3", "", "2026-09-19T00:00:00Z", 1),
            page("p1", "disk full", "2026-09-06T12:00:00Z", 60, 600, false, "frontend"),
            page("p2", "disk full", "2026-09-07T12:00:00Z", 60, 600, false, "frontend"),
            page("p3", "card declined spike", "2026-09-08T12:00:00Z", 60, 600, false, "pay"),
            page("p4", "cron failed", "2026-09-09T12:00:00Z", 60, 600, false, "legacy"));
    f.ws().setSettings({{QStringLiteral("target.deployment_frequency"), QStringLiteral("0.08")},
                        {QStringLiteral("target.change_failure_rate"), QStringLiteral("0.2")},
                        {QStringLiteral("target.time_to_restore"), QStringLiteral("3")}});
}

MetricsReport scoped(EngineFixture &f, const Scope &scope)
{
    const Dataset d = Dataset::load(f.ws(), AnalysisWindow{kAsOf, kDays}, Dataset::AllParts, scope);
    return computeMetrics(d);
}

Scope teams(std::vector<std::string> t)
{
    return Scope::of({}, std::move(t));
}

QStringList L(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

const BreakdownEntry *entry(const Breakdown &b, const char *name)
{
    for (const BreakdownEntry &e : b.entries)
        if (e.name == QString::fromUtf8(name))
            return &e;
    return nullptr;
}

QJsonObject json(const CliResult &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

QJsonObject metricOf(const QJsonArray &metrics, const char *id)
{
    for (const QJsonValue &v : metrics)
        if (v.toObject().value(QStringLiteral("id")).toString() == QLatin1StringView(id))
            return v.toObject();
    return {};
}

} // namespace

class TestScope : public QObject
{
    Q_OBJECT

private slots:
    // --- team resolution -------------------------------------------------------------------------

    void deploymentTeamWinsOverOwner()
    {
        EngineFixture f;
        writeFixture(f);
        const Dataset d = f.load(kAsOf, kDays);
        std::map<std::string, std::string> teamOf;
        for (const DeploymentFact &x : d.deployments)
            teamOf[x.deploymentId] = x.team;
        QCOMPARE(teamOf.at("d1"), std::string("web"));   // owner of frontend
        QCOMPARE(teamOf.at("d3"), std::string("web"));   // its own team column, although pay is money's
        QCOMPARE(teamOf.at("d4"), std::string("money")); // owner of pay
        QCOMPARE(teamOf.at("d6"), std::string());        // no service, no team
        QCOMPARE(teamOf.at("d7"), std::string());        // a service without an owner
        QCOMPARE(std::string(d.ownerOf("pay")), std::string("money"));
        QCOMPARE(std::string(d.ownerOf("legacy")), std::string());
    }

    // --- scoped figures ------------------------------------------------------------------------

    void scopedFigures_data()
    {
        QTest::addColumn<QStringList>("serviceList");
        QTest::addColumn<QStringList>("teamList");
        QTest::addColumn<double>("frequency");
        QTest::addColumn<double>("failureRate");
        QTest::addColumn<qint64>("restoredIncidents");
        QTest::addColumn<double>("pagesPerWeek");
        // Whole workspace: d1..d7 = 7 in 30 days; failed d4 (caused i1), d5 (rolled back) = 2/7;
        // i1, i2, i3 resolved; 4 pages ÷ (30/7) weeks = 28/30.
        QTest::newRow("all") << QStringList() << QStringList() << 7.0 / 30 << 2.0 / 7 << qint64(3) << 28.0 / 30;
        // Service pay: d3, d4, d5 = 3/30; failed d4, d5 = 2/3; i2; p3: 1 ÷ (30/7) = 7/30.
        QTest::newRow("service pay") << L({"pay"}) << QStringList() << 3.0 / 30 << 2.0 / 3 << qint64(1) << 7.0 / 30;
        // Team web: d1, d2, d3 (own team) = 3/30; none failed (i1 names d4, not theirs) = 0/3;
        // i1 (frontend); p1, p2: 2 ÷ (30/7) = 14/30.
        QTest::newRow("team web") << QStringList() << L({"web"}) << 3.0 / 30 << 0.0 << qint64(1) << 14.0 / 30;
        // Team money: d4, d5 = 2/30; d4 failed through i1 although i1 is web's (relations are looked
        // up among all records), d5 rolled back: 2/2; i2; p3 = 7/30.
        QTest::newRow("team money") << QStringList() << L({"money"}) << 2.0 / 30 << 1.0 << qint64(1) << 7.0 / 30;
        // Both must hold: service pay of team web is d3 alone: 1/30, 0/1; pay's incident and page
        // belong to money, so none.
        QTest::newRow("pay and web") << L({"pay"}) << L({"web"}) << 1.0 / 30 << 0.0 << qint64(0) << 0.0;
        // Repeated services are any of them: frontend d1 + pay d3, d4, d5 = 4/30, failed 2/4;
        // i1, i2; p1, p2, p3 = 3 ÷ (30/7) = 21/30.
        QTest::newRow("frontend or pay") << L({"pay", "frontend", "pay"}) << QStringList() << 4.0 / 30 << 0.5
                                         << qint64(2) << 21.0 / 30;
    }

    void scopedFigures()
    {
        QFETCH(QStringList, serviceList);
        QFETCH(QStringList, teamList);
        QFETCH(double, frequency);
        QFETCH(double, failureRate);
        QFETCH(qint64, restoredIncidents);
        QFETCH(double, pagesPerWeek);
        EngineFixture f;
        writeFixture(f);
        const MetricsReport r = scoped(f, Scope::of(serviceList, teamList));
        SRM_COMPARE_OPT(r.at(MetricId::DeploymentFrequency).value, frequency);
        SRM_COMPARE_OPT(r.at(MetricId::ChangeFailureRate).value, failureRate);
        QCOMPARE(r.at(MetricId::TimeToRestore).n, restoredIncidents);
        if (pagesPerWeek == 0)
            QCOMPARE(r.at(MetricId::PagesPerWeek).n, qint64(0));
        else
            SRM_COMPARE_OPT(r.at(MetricId::PagesPerWeek).value, pagesPerWeek);
    }

    void scopeIsRecordedAndWritten()
    {
        EngineFixture f;
        writeFixture(f);
        const MetricsReport r = scoped(f, Scope::of(L({"pay", "frontend"}), L({"web"})));
        QCOMPARE(r.scope.services, (std::vector<std::string>{"frontend", "pay"})); // sorted
        const QJsonObject o = QJsonDocument::fromJson(toJsonText(r)).object();
        QCOMPARE(o.value(QStringLiteral("scope")).toObject().value(QStringLiteral("services")).toArray(),
                 QJsonArray({QStringLiteral("frontend"), QStringLiteral("pay")}));
        QCOMPARE(o.value(QStringLiteral("scope")).toObject().value(QStringLiteral("teams")).toArray(),
                 QJsonArray({QStringLiteral("web")}));
        // Unscoped: no "scope" member.
        QVERIFY(!QJsonDocument::fromJson(toJsonText(scoped(f, {}))).object().contains(QStringLiteral("scope")));
    }

    // --- breakdown and roll-up -----------------------------------------------------------------

    void breakdownByTeam()
    {
        EngineFixture f;
        writeFixture(f);
        const Dataset d = f.load(kAsOf, kDays);
        const Breakdown b = computeBreakdown(d, AnalysisWindow{kAsOf, kDays}, BreakdownBy::Team);
        // "" (d6, d7, i3, p4), money (d4, d5, i2, p3), web (d1, d2, d3, i1, p1, p2), by name.
        QCOMPARE(b.entries.size(), std::size_t(3));
        QCOMPARE(b.entries[0].name, QString());
        QCOMPARE(b.entries[1].name, QStringLiteral("money"));
        QCOMPARE(b.entries[2].name, QStringLiteral("web"));
        // Deployment frequency: "" 2/30, money 2/30, web 3/30; against 0.08: 0.067 gap, 0.067 gap,
        // 0.1 met.
        SRM_COMPARE_OPT(b.entries[0].metrics.at(MetricId::DeploymentFrequency).value, 2.0 / 30);
        SRM_COMPARE_OPT(b.entries[1].metrics.at(MetricId::DeploymentFrequency).value, 2.0 / 30);
        SRM_COMPARE_OPT(b.entries[2].metrics.at(MetricId::DeploymentFrequency).value, 3.0 / 30);
        const MetricRollup &freq = b.rollupOf(MetricId::DeploymentFrequency);
        QCOMPARE(freq.met, 1);
        QCOMPARE(freq.gap, 2);
        QCOMPARE(freq.notMeasured, 0);
        // Time to restore (target 3 h): "" i3 1 h met, money i2 4 h gap, web i1 2 h met.
        SRM_COMPARE_OPT(b.entries[1].metrics.at(MetricId::TimeToRestore).value, 4.0);
        const MetricRollup &ttr = b.rollupOf(MetricId::TimeToRestore);
        QCOMPARE(ttr.met, 2);
        QCOMPARE(ttr.gap, 1);
        // Change failure rate (target 0.2): "" 0/2 met, money 2/2 gap, web 0/3 met.
        const MetricRollup &cfr = b.rollupOf(MetricId::ChangeFailureRate);
        QCOMPARE(cfr.met, 2);
        QCOMPARE(cfr.gap, 1);
        // Lead time: no changes anywhere, so not measured for all three.
        QCOMPARE(b.rollupOf(MetricId::LeadTimeForChanges).notMeasured, 3);
        QCOMPARE(rollupWords(freq, BreakdownBy::Team), QStringLiteral("1 team met · 2 with a gap"));
        QCOMPARE(rollupWords(b.rollupOf(MetricId::LeadTimeForChanges), BreakdownBy::Team),
                 QStringLiteral("3 teams not measured"));
        // By gap: money's 4 h is the only gap of time to restore, then "" and web (met, by name).
        QCOMPARE(b.byGap(MetricId::TimeToRestore), (std::vector<std::size_t>{1, 0, 2}));
    }

    void breakdownByServiceKeepsRecordsWithoutService()
    {
        EngineFixture f;
        writeFixture(f);
        const Dataset d = f.load(kAsOf, kDays);
        const Breakdown b = computeBreakdown(d, AnalysisWindow{kAsOf, kDays}, BreakdownBy::Service);
        // "" (d6, i3), cart (d2), frontend (d1, i1, p1, p2), legacy (d7, p4), pay (d3, d4, d5, i2, p3).
        QStringList names;
        for (const BreakdownEntry &e : b.entries)
            names << e.name;
        QCOMPARE(names, (L({"", "cart", "frontend", "legacy", "pay"})));
        SRM_COMPARE_OPT(entry(b, "")->metrics.at(MetricId::DeploymentFrequency).value, 1.0 / 30);
        QCOMPARE(entry(b, "")->metrics.at(MetricId::TimeToRestore).n, qint64(1)); // i3
        SRM_COMPARE_OPT(entry(b, "pay")->metrics.at(MetricId::ChangeFailureRate).value, 2.0 / 3);
        // Time to restore: only "" (1 h, met), frontend (2 h, met) and pay (4 h, gap) have
        // incidents; cart and legacy are not measured.
        const MetricRollup &ttr = b.rollupOf(MetricId::TimeToRestore);
        QCOMPARE(ttr.met, 2);
        QCOMPARE(ttr.gap, 1);
        QCOMPARE(ttr.notMeasured, 2);
        QCOMPARE(ttr.total(), 5);
    }

    void breakdownWithinScope()
    {
        // --team web --by service: only web's records: cart (d2), frontend (d1, i1, p1, p2), pay (d3).
        EngineFixture f;
        writeFixture(f);
        const Dataset d = Dataset::load(f.ws(), AnalysisWindow{kAsOf, kDays}, Dataset::AllParts, teams({"web"}));
        const Breakdown b = computeBreakdown(d, AnalysisWindow{kAsOf, kDays}, BreakdownBy::Service);
        QStringList names;
        for (const BreakdownEntry &e : b.entries)
            names << e.name;
        QCOMPARE(names, (L({"cart", "frontend", "pay"})));
        SRM_COMPARE_OPT(entry(b, "pay")->metrics.at(MetricId::DeploymentFrequency).value, 1.0 / 30); // d3 only
    }

    // Repeat pages in a breakdown: a part's pages take the whole Dataset's repeat flags only
    // when every final alert group lies in that part; a merge across parts makes each part
    // look back among its own pages, as a scoped `metrics` does. Groups (ownership frontend→web,
    // cart→web, pay→money), pages by day of September:
    //   frontend|CPU high  2 10:00, 3 10:00 (repeat: a day after), 20 10:00 (17 days: not)
    //   cart|CPU high      3 12:00, 25 10:00
    //   pay|CPU high       4 12:00, 22 10:00
    //   pay|disk full      1 10:00, 5 10:00 (repeat)
    // Without merges: frontend 1/3, cart 0/2, pay 1/4; web 1/5, money 1/4.
    // With cart|CPU high merged into frontend|CPU high (one group of web's two services), the
    // whole has 2, 3, 3 12:00 (repeat), 20, 25 (repeat: 5 days after 20): by team web counts
    // 3/5 (the group lies in web); by service cart looks back among its own pages: 0/2.
    // With pay|CPU high merged into frontend|CPU high too, the group reaches into money, where
    // the whole would flag 4 12:00 and 22 10:00 (3/4): by team each part looks back among its
    // own pages, web 3/5 as above and money 1/4 (pay's CPU high alone: 4 12:00, 22 10:00, 18
    // days apart; disk full 5 10:00).
    void breakdownRepeatPages_data()
    {
        QTest::addColumn<QStringList>("merges"); // "from>into"
        QTest::addColumn<int>("by");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<int>>("repeats");
        QTest::addColumn<QList<int>>("pages");
        const QString cart = QStringLiteral("cart|CPU high>frontend|CPU high");
        const QString pay = QStringLiteral("pay|CPU high>frontend|CPU high");
        const int service = int(BreakdownBy::Service);
        const int team = int(BreakdownBy::Team);
        QTest::newRow("no merge, by service")
            << QStringList() << service << L({"cart", "frontend", "pay"}) << QList<int>{0, 1, 1} << QList<int>{2, 3, 4};
        QTest::newRow("no merge, by team")
            << QStringList() << team << L({"money", "web"}) << QList<int>{1, 1} << QList<int>{4, 5};
        QTest::newRow("merge within a team, by team")
            << QStringList{cart} << team << L({"money", "web"}) << QList<int>{1, 3} << QList<int>{4, 5};
        QTest::newRow("merge within a team, by service")
            << QStringList{cart} << service << L({"cart", "frontend", "pay"}) << QList<int>{0, 1, 1}
            << QList<int>{2, 3, 4};
        QTest::newRow("merge across teams, by team")
            << QStringList{cart, pay} << team << L({"money", "web"}) << QList<int>{1, 3} << QList<int>{4, 5};
    }

    void breakdownRepeatPages()
    {
        QFETCH(QStringList, merges);
        QFETCH(int, by);
        QFETCH(QStringList, names);
        QFETCH(QList<int>, repeats);
        QFETCH(QList<int>, pages);
        Dataset d;
        d.window = AnalysisWindow{kAsOf, 60}; // the span: the breakdown's window and more history
        d.parts = Dataset::AllParts;
        d.owners = {{"frontend", "web"}, {"cart", "web"}, {"pay", "money"}};
        d.groups = {{"frontend", "CPU high"}, {"cart", "CPU high"}, {"pay", "CPU high"}, {"pay", "disk full"}};
        const auto page = [&d](const char *when, std::int32_t group) {
            PageFact p;
            p.createdAt = at(when);
            p.group = group;
            d.pages.push_back(p);
        };
        // Out of time order on purpose: the flags follow time, not load order.
        page("2026-09-20T10:00:00Z", 0);
        page("2026-09-02T10:00:00Z", 0);
        page("2026-09-03T10:00:00Z", 0);
        page("2026-09-03T12:00:00Z", 1);
        page("2026-09-25T10:00:00Z", 1);
        page("2026-09-04T12:00:00Z", 2);
        page("2026-09-22T10:00:00Z", 2);
        page("2026-09-05T10:00:00Z", 3);
        page("2026-09-01T10:00:00Z", 3);
        for (const QString &m : merges)
            d.alertMerges.append({m.section(u'>', 0, 0), m.section(u'>', 1, 1)});
        const AnalysisWindow window{kAsOf, kDays};

        // From the Dataset, from an engine that computed the whole's flags first (the window's
        // and the read model's way), and on two threads (`metrics --by`): the same figures.
        const Engine whole(d);
        QCOMPARE(whole.repeatFlags().size(), d.pages.size());
        for (const Breakdown &b :
             {computeBreakdown(d, window, BreakdownBy(by)), computeBreakdown(whole, window, BreakdownBy(by)),
              computeBreakdown(whole, window, BreakdownBy(by), true)}) {
            QStringList got;
            for (const BreakdownEntry &e : b.entries)
                got << e.name;
            QCOMPARE(got, names);
            for (qsizetype i = 0; i < names.size(); ++i) {
                const MetricResult &r = b.entries[std::size_t(i)].metrics.at(MetricId::RepeatPageRatio);
                QCOMPARE(r.n, qint64(pages[i]));
                QCOMPARE(r.numerator, qint64(repeats[i]));
            }
        }
    }

    // --- the command line ----------------------------------------------------------------------

    void cliMetricsByTeamJson()
    {
        EngineFixture f;
        writeFixture(f);
        const CliResult r = runCli({QStringLiteral("metrics"), f.path(), QStringLiteral("--as-of"),
                                    QStringLiteral("2026-10-01"), QStringLiteral("--window-days"), QStringLiteral("30"),
                                    QStringLiteral("--by"), QStringLiteral("team"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        const QJsonArray breakdown = o.value(QStringLiteral("breakdown")).toArray();
        QCOMPARE(breakdown.size(), 3);
        QCOMPARE(breakdown[0].toObject().value(QStringLiteral("team")).toString(), QString());
        QCOMPARE(breakdown[2].toObject().value(QStringLiteral("team")).toString(), QStringLiteral("web"));
        const QJsonObject webFreq = metricOf(breakdown[2].toObject().value(QStringLiteral("metrics")).toArray(),
                                             "deployment_frequency");
        QCOMPARE(webFreq.value(QStringLiteral("n")).toInt(), 3);
        QCOMPARE(webFreq.value(QStringLiteral("value")).toDouble(), 3.0 / 30);
        QCOMPARE(webFreq.value(QStringLiteral("status")).toString(), QStringLiteral("met"));
        QCOMPARE(webFreq.keys(), L({"id", "n", "status", "value"}));
        const QJsonObject rollup = metricOf(o.value(QStringLiteral("rollup")).toArray(), "deployment_frequency");
        QCOMPARE(rollup.value(QStringLiteral("met")).toInt(), 1);
        QCOMPARE(rollup.value(QStringLiteral("gap")).toInt(), 2);
        QCOMPARE(rollup.value(QStringLiteral("not_measured")).toInt(), 0);
        QVERIFY(!o.contains(QStringLiteral("scope")));
    }

    void cliScopedCommands_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("metrics") << L({"metrics"});
        QTest::newRow("alerts") << L({"alerts"});
        QTest::newRow("progress") << L({"progress"});
    }

    void cliScopedCommands()
    {
        QFETCH(QStringList, args);
        EngineFixture f;
        writeFixture(f);
        const CliResult r = runCli(args + QStringList{f.path()}
                                   + L({"--as-of", "2026-10-01", "--service", "pay", "--team", "money", "--json"}));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject scope = json(r).value(QStringLiteral("scope")).toObject();
        QCOMPARE(scope.value(QStringLiteral("services")).toArray(), QJsonArray({QStringLiteral("pay")}));
        QCOMPARE(scope.value(QStringLiteral("teams")).toArray(), QJsonArray({QStringLiteral("money")}));
        if (args.first() == u"alerts")
            QCOMPARE(json(r).value(QStringLiteral("total_pages")).toInt(), 1); // p3 (90 days back from 10-01)
    }

    void cliScopeErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown service") << L({"metrics", "--service", "paymnt"})
                                         << QStringLiteral("--service 'paymnt'");
        QTest::newRow("unknown team") << L({"alerts", "--team", "nobody"}) << QStringLiteral("--team 'nobody'");
        QTest::newRow("empty service") << L({"metrics", "--service", ""}) << QStringLiteral("--service needs a name");
        QTest::newRow("bad --by") << L({"metrics", "--by", "region"}) << QStringLiteral("--by needs service or team");
        QTest::newRow("report") << L({"report", "--pdf", "x.pdf", "--team", "nobody"})
                                << QStringLiteral("--team 'nobody'");
    }

    void cliScopeErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        EngineFixture f;
        writeFixture(f);
        QStringList full = args;
        full.insert(1, f.path());
        const CliResult r = runCli(full);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(message), qPrintable(r.errText()));
        QVERIFY(r.out.isEmpty());
    }

    // --- ownership import ------------------------------------------------------------------------

    void ownershipServiceWithTwoTeamsIsBad()
    {
        EngineFixture f;
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("owners.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Line 1 header; line 3 gives frontend a second team; line 4 repeats line 2 (same record).
        file.write("service,team\nfrontend,web\nfrontend,money\nfrontend,web\npay,money\n");
        file.close();
        const CliResult bad = runCli({QStringLiteral("import"), f.path(), csv});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.errText().contains(QStringLiteral("owners.csv:3:")), qPrintable(bad.errText()));
        QVERIFY2(bad.errText().contains(QStringLiteral("a service has one team")), qPrintable(bad.errText()));
        // Nothing half-written: the file is one transaction.
        QVERIFY(ScopeNames::read(f.ws()).teams.empty());
        const CliResult skipped = runCli({QStringLiteral("import"), f.path(), csv, QStringLiteral("--skip-bad-rows")});
        QCOMPARE(skipped.exitCode, 0);
        // frontend → web (line 2 kept), pay → money.
        QCOMPARE(ScopeNames::read(f.ws()).teams, (std::vector<std::string>{"money", "web"}));
    }

    // The scope picker's names come from every table that names a service or a team: the
    // deployments (both), incidents, alert groups (stepped through by their index, one seek a
    // service), SLOs and ownership (both); empty names are left out, each name listed once.
    void scopeNamesFromEveryTable()
    {
        EngineFixture f;
        Deployment shop = deployment("d1", "2026-03-02T10:00:00Z");
        shop.team = "web";
        Deployment cart = deployment("d2", "2026-03-02T11:00:00Z");
        cart.service = "cart";
        Deployment anonymous = deployment("d3", "2026-03-02T12:00:00Z");
        anonymous.service = "";
        anonymous.team = "ops";
        Incident incident;
        incident.incidentId = "I1";
        incident.service = "db";
        incident.startedAt = at("2026-03-02T10:00:00Z");
        Slo slo;
        slo.name = "checkout-availability";
        slo.measurementSlo = slo.name;
        slo.service = "checkout";
        f.write(shop, cart, anonymous, incident, slo, Ownership{"ledger", "money"}, Ownership{"shop", "web"},
                page("P1", "disk full on a", "2026-03-02T10:00:00Z", {}, {}, {}, "zeta-alerts"),
                page("P2", "disk full on b", "2026-03-02T10:01:00Z", {}, {}, {}, "zeta-alerts"),
                page("P3", "cpu hot", "2026-03-02T10:02:00Z", {}, {}, {}, "zeta-alerts"),
                page("P4", "cpu hot", "2026-03-02T10:03:00Z", {}, {}, {}, "shop"),
                page("P5", "cpu hot", "2026-03-02T10:04:00Z", {}, {}, {}, "alpha"),
                page("P6", "no service", "2026-03-02T10:05:00Z", {}, {}, {}, ""));
        // A blob written by hand sorts after every text in the index: still listed, as text.
        f.ws().exec(QStringLiteral("INSERT INTO alert_groups (service, title) VALUES (x'626c6f62', 't')"));
        const ScopeNames names = ScopeNames::read(f.ws());
        QCOMPARE(
            names.services,
            (std::vector<std::string>{"alpha", "blob", "cart", "checkout", "db", "ledger", "shop", "zeta-alerts"}));
        QCOMPARE(names.teams, (std::vector<std::string>{"money", "ops", "web"}));
    }
};

QTEST_GUILESS_MAIN(TestScope)
#include "tst_scope.moc"
