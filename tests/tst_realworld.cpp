// Files as other people write them (docs/formats.md#tolerance), on the parsers: timestamps in
// every JSON number spelling in every JSON format, Prometheus's bare result arrays, error
// responses and warnings, OpenSLO as Kubernetes operators keep it (openslo.com/v1, numbers as
// strings, durations as words, Timeslices without timeSliceTarget). The fixtures are our own
// (tests/fixtures/realworld); expected values are worked out by hand in the comments.
#include "importers/fieldparsers.h"
#include "store/timeutil.h"
#include "tests/common/parsertestutil.h"
#include "tests/common/testutil.h"

#include <QFile>
#include <QTest>

using namespace srm;
using namespace srm::importers;
using namespace srm::test;

namespace {

// 2026-03-01T10:00:00Z
constexpr Micros T0 = 1772359200LL * kMicrosPerSecond;
// 2026-10-03T04:00:00Z, the reference case's first sample
constexpr Micros R0 = 1791000000LL * kMicrosPerSecond;

QByteArray fixture(const char *name)
{
    QFile f(fixturesDir() + QStringLiteral("/realworld/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

QString errorsText(const Collected &c)
{
    QStringList out;
    for (const ParseError &e : c.errors)
        out << QString::fromStdString(e.text());
    if (c.fileError)
        out << QStringLiteral("file: ") + QString::fromStdString(c.fileError->text());
    return out.join(u'\n');
}

ParseOptions prometheusOptions(Series series = Series::Total)
{
    ParseOptions o;
    o.sloName = "checkout";
    o.series = series;
    return o;
}

} // namespace

class TstRealWorld : public QObject
{
    Q_OBJECT

private slots:
    // --- 1. timestamps: every JSON number spelling, every JSON format ----------------------

    void jsonNumberTimestamps_data()
    {
        QTest::addColumn<QByteArray>("number");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("integer") << QByteArray("1772359200") << qint64(T0);
        QTest::newRow(".0") << QByteArray("1772359200.0") << qint64(T0);
        QTest::newRow("fractional") << QByteArray("1772359200.25") << qint64(T0 + 250000);
        QTest::newRow("µs fraction") << QByteArray("1772359200.123456") << qint64(T0 + 123456);
        QTest::newRow("exponent") << QByteArray("1.7723592e9") << qint64(T0);
        QTest::newRow("exponent E+") << QByteArray("1.7723592E+9") << qint64(T0);
        QTest::newRow("exponent with fraction") << QByteArray("1.77235920025e9") << qint64(T0 + 250000);
        QTest::newRow("negative exponent") << QByteArray("17723592002500e-4") << qint64(T0 + 250000); // 1772359200.25
        QTest::newRow("ms integer") << QByteArray("1772359200250") << qint64(T0 + 250000);
        QTest::newRow("ms .0") << QByteArray("1772359200250.0") << qint64(T0 + 250000);
        QTest::newRow("ms exponent") << QByteArray("1.77235920025e12") << qint64(T0 + 250000);
        QTest::newRow("µs exponent") << QByteArray("1.77235920025e15") << qint64(T0 + 250000);
        // 1772359200123456000 ns = 1772359200123456 µs
        QTest::newRow("ns exponent") << QByteArray("1.772359200123456e18") << qint64(T0 + 123456);
    }

    void jsonNumberTimestamps()
    {
        QFETCH(QByteArray, number);
        QFETCH(qint64, expected);

        // PagerDuty REST v2: created_at and an acknowledgement as numbers.
        const Collected rest = parseBytes(Format::PagerDutyRest,
                                          "{\"incidents\": [{\"id\": \"P1\", \"title\": \"t\", "
                                          "\"created_at\": "
                                              + number
                                              + ", \"acknowledgements\": "
                                                "[{\"at\": "
                                              + number + "}]}]}");
        QVERIFY2(!rest.fileError && rest.errors.empty(), qPrintable(errorsText(rest)));
        QCOMPARE(rest.pages.size(), std::size_t(1));
        QCOMPARE(rest.pages[0].createdAt, expected);
        QCOMPARE(rest.pages[0].acknowledgedAt.value(), expected);

        // PagerDuty Analytics: created_at as a number.
        const Collected analytics = parseBytes(Format::PagerDutyAnalytics,
                                               "{\"data\": [{\"id\": \"A1\", \"created_at\": " + number + "}]}");
        QVERIFY2(!analytics.fileError && analytics.errors.empty(), qPrintable(errorsText(analytics)));
        QCOMPARE(analytics.pages.size(), std::size_t(1));
        QCOMPARE(analytics.pages[0].createdAt, expected);

        // Prometheus: the sample's timestamp, in a response and in a bare result array.
        for (const QByteArray &json :
             {"{\"status\": \"success\", \"data\": {\"resultType\": \"matrix\", \"result\": [{\"metric\": {}, "
              "\"values\": [["
                  + number + ", \"4\"]]}]}}",
              "[{\"metric\": {}, \"values\": [[ " + number + " , \"4\"]]}]"}) {
            const Collected prometheus = parseBytes(Format::Prometheus, json, prometheusOptions());
            QVERIFY2(!prometheus.fileError && prometheus.errors.empty(), qPrintable(errorsText(prometheus)));
            QCOMPARE(prometheus.measurements.size(), std::size_t(1));
            QCOMPARE(prometheus.measurements[0].timestamp, expected);
            QCOMPARE(prometheus.measurements[0].total.value(), 4.0);
        }

        // The same spelling as a JSON string is read the same way.
        QCOMPARE(parseJsonTimestamp(number.toStdString(), ZoneOffsets()).value(), expected);
    }

    void notJsonTimestamps_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("negative") << QByteArray("-1772359200");
        QTest::newRow("exponent without digits") << QByteArray("1.7e");
        QTest::newRow("dot without digits") << QByteArray("1772359200.");
        QTest::newRow("huge exponent") << QByteArray("1e400");
        QTest::newRow("hex") << QByteArray("0x69a41020");
        QTest::newRow("words") << QByteArray("soon");
    }

    void notJsonTimestamps()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!parseJsonTimestamp(text.toStdString(), ZoneOffsets()));
    }

    // The reference case: a Python client's float timestamps (1791000000.0) import whole.
    void prometheusFloatTimestampsFile()
    {
        const Collected c = parseBytes(Format::Prometheus, fixture("prometheus-float-timestamps.json"),
                                       prometheusOptions());
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        // Sums per timestamp over the two series (R0 = 1791000000 s):
        //   R0          120 + 3 (1791000000.0 and 1791000000)          = 123
        //   R0 + 1 h    80      (1791003600.0)                          = 80
        //   R0 + 1 h + 0.5 s    (1791003600.5)                          = 1
        //   R0 + 2 h    100 + 2 (1.7910072e9 and 17910072E+2)           = 102
        QCOMPARE(c.measurements.size(), std::size_t(4));
        QCOMPARE(c.measurements[0].timestamp, R0);
        QCOMPARE(c.measurements[0].total.value(), 123.0);
        QCOMPARE(c.measurements[1].timestamp, R0 + kMicrosPerHour);
        QCOMPARE(c.measurements[1].total.value(), 80.0);
        QCOMPARE(c.measurements[2].timestamp, R0 + kMicrosPerHour + 500000);
        QCOMPARE(c.measurements[2].total.value(), 1.0);
        QCOMPARE(c.measurements[3].timestamp, R0 + 2 * kMicrosPerHour);
        QCOMPARE(c.measurements[3].total.value(), 102.0);
    }

    // --- 2. Prometheus shapes -------------------------------------------------------------

    void prometheusBareResultArray()
    {
        const QByteArray json = fixture("prometheus-bare-result.json");
        // Not guessed (a bare array says nothing of its series), but the reason says what to do.
        ParseError why;
        QVERIFY(!detectFormat(json, &why));
        QVERIFY2(why.reason.find("--format prometheus") != std::string::npos, why.reason.c_str());

        const Collected c = parseBytes(Format::Prometheus, json, prometheusOptions(Series::Good));
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        // R0: 40 + 2 = 42; R0 + 1 h: 60.
        QCOMPARE(c.measurements.size(), std::size_t(2));
        QCOMPARE(c.measurements[0].timestamp, R0);
        QCOMPARE(c.measurements[0].good.value(), 42.0);
        QVERIFY(!c.measurements[0].total);
        QCOMPARE(c.measurements[1].timestamp, R0 + kMicrosPerHour);
        QCOMPARE(c.measurements[1].good.value(), 60.0);

        // An instant query's result array has 'value', not 'values'.
        const Collected instant = parseBytes(Format::Prometheus, "[{\"metric\": {}, \"value\": [1791000000, \"1\"]}]",
                                             prometheusOptions());
        QVERIFY(instant.fileError);
        QVERIFY2(instant.fileError->reason.find("instant query") != std::string::npos, qPrintable(errorsText(instant)));

        // Anything else in the array is not a series.
        const Collected numbers = parseBytes(Format::Prometheus, "[1, 2]", prometheusOptions());
        QVERIFY(numbers.fileError);
    }

    void prometheusErrorResponse()
    {
        const QByteArray json = fixture("prometheus-error.json");
        QCOMPARE(QByteArray(formatId(detectFormat(json).value())), QByteArray("prometheus"));
        // Prometheus's own errorType and error, also without --slo (the series does not matter).
        for (const ParseOptions &o : {prometheusOptions(), ParseOptions()}) {
            const Collected c = parseBytes(Format::Prometheus, json, o);
            QVERIFY(c.fileError);
            QCOMPARE(
                QString::fromStdString(c.fileError->reason),
                QStringLiteral("prometheus error bad_data: invalid parameter \"start\": cannot parse \"yesterday\" "
                               "to a valid timestamp"));
            QVERIFY(c.measurements.empty());
        }
        // Without errorType, the error alone.
        const Collected bare = parseBytes(Format::Prometheus, "{\"status\": \"error\", \"error\": \"timeout\"}",
                                          prometheusOptions());
        QVERIFY(bare.fileError);
        QCOMPARE(QString::fromStdString(bare.fileError->reason),
                 QStringLiteral("prometheus error (no errorType): timeout"));
    }

    void prometheusWarningsAreNotes()
    {
        const Collected c = parseBytes(Format::Prometheus, fixture("prometheus-warnings.json"), prometheusOptions());
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.measurements.size(), std::size_t(1));
        QCOMPARE(c.measurements[0].total.value(), 7.0);
        QCOMPARE(c.notes.size(), std::size_t(2));
        QCOMPARE(c.notes[0], std::string("prometheus warning: PromQL info: metric might not be a counter"));
        QCOMPARE(c.notes[1], std::string("prometheus warning: remote read: partial data from store eu-1"));
    }

    // --- 2. OpenSLO shapes ----------------------------------------------------------------

    void openSloAsOperatorsKeepIt()
    {
        const QByteArray yaml = fixture("openslo-operator.yaml");
        QCOMPARE(QByteArray(formatId(detectFormat(yaml).value())), QByteArray("openslo"));
        const Collected c = parseBytes(Format::OpenSlo, yaml);
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.slos.size(), std::size_t(2));
        const Slo &a = c.slos[0];
        QCOMPARE(a.name, std::string("checkout-availability"));
        QCOMPARE(a.service, std::string("checkout"));
        QCOMPARE(a.objective, 0.995);                       // target: "0.995"
        QCOMPARE(a.windowSeconds, std::int64_t(7 * 86400)); // duration: Week
        QCOMPARE(a.method, BudgetingMethod::Occurrences);
        const Slo &b = c.slos[1];
        QCOMPARE(b.name, std::string("search-latency"));
        QCOMPARE(b.objective, 0.99);                         // targetPercent: "99"
        QCOMPARE(b.windowSeconds, std::int64_t(30 * 86400)); // duration: month
        QCOMPARE(b.method, BudgetingMethod::Timeslices);
        QVERIFY(!b.timeSliceTarget); // judged against 0.99
        QCOMPARE(b.timeSliceWindowSeconds.value(), std::int64_t(300));
        QCOMPARE(c.notes.size(), std::size_t(1));
        QCOMPARE(c.notes[0],
                 std::string("line 18: SLO 'search-latency' is Timeslices without timeSliceTarget: each "
                             "slice is judged against the target 0.99"));
    }

    void openSloDurationWords_data()
    {
        QTest::addColumn<QByteArray>("duration");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("Day") << QByteArray("Day") << qint64(86400);
        QTest::newRow("WEEK") << QByteArray("WEEK") << qint64(7 * 86400);
        QTest::newRow("Month") << QByteArray("Month") << qint64(30 * 86400);
        QTest::newRow("quarter") << QByteArray("quarter") << qint64(90 * 86400);
        QTest::newRow("quoted 28d") << QByteArray("\"28d\"") << qint64(28 * 86400);
    }

    void openSloDurationWords()
    {
        QFETCH(QByteArray, duration);
        QFETCH(qint64, seconds);
        const Collected c = parseBytes(Format::OpenSlo,
                                       "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: a\nspec:\n"
                                       "  timeWindow:\n    - duration: "
                                           + duration
                                           + "\n"
                                             "  objectives:\n    - target: '0.9'\n");
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.slos.size(), std::size_t(1));
        QCOMPARE(c.slos[0].windowSeconds, std::int64_t(seconds));
        QCOMPARE(c.slos[0].objective, 0.9);
    }

    void openSloStillRefuses()
    {
        // A word that is not a unit, a number that is not one, another API group's version.
        const Collected c = parseBytes(Format::OpenSlo,
                                       "apiVersion: openslo.com/v1\nkind: SLO\nmetadata:\n  name: a\n"
                                       "spec:\n  timeWindow:\n    - duration: Fortnight\n"
                                       "  objectives:\n    - target: 0.9\n---\n"
                                       "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: b\n"
                                       "spec:\n  objectives:\n    - target: \"ninety\"\n---\n"
                                       "apiVersion: openslo.com/v2alpha\nkind: SLO\nmetadata:\n  name: c\n");
        QVERIFY(!c.fileError);
        QCOMPARE(c.slos.size(), std::size_t(0));
        QCOMPARE(c.errors.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(c.errors[0].text()),
                 QStringLiteral("7: column 'spec.timeWindow[0].duration': not a duration (like 28d, 4w, 1M, 1Q, 12h, "
                                "30m, 10s; or Day, Week, Month, Quarter): 'Fortnight'"));
        QCOMPARE(QString::fromStdString(c.errors[1].text()),
                 QStringLiteral("17: column 'spec.objectives[0].target': not a number: 'ninety'"));
        QCOMPARE(c.notes.size(), std::size_t(1));
        QVERIFY(c.notes[0].find("apiVersion 'openslo.com/v2alpha'") != std::string::npos);
    }

    void timeslicesNoteNamesTheObjective()
    {
        // Two objectives: the note says which one has no timeSliceTarget.
        const Collected c = parseBytes(Format::OpenSlo,
                                       "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: api\n"
                                       "spec:\n  budgetingMethod: Timeslices\n  objectives:\n"
                                       "    - displayName: fast\n      target: 0.9\n"
                                       "      timeSliceTarget: 0.95\n"
                                       "    - displayName: slow\n      target: 0.99\n");
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.slos.size(), std::size_t(2));
        QCOMPARE(c.slos[0].timeSliceTarget.value(), 0.95);
        QVERIFY(!c.slos[1].timeSliceTarget);
        QCOMPARE(c.notes.size(), std::size_t(1));
        QCOMPARE(c.notes[0],
                 std::string("line 1: SLO 'api' objective 'slow' is Timeslices without timeSliceTarget: "
                             "each slice is judged against the target 0.99"));
    }

    // --- ownership CSV ---------------------------------------------------------------------

    void ownershipDetection_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("service, team") << QByteArray("service,team\n") << QByteArray("ownership");
        QTest::newRow("any case, extra columns") << QByteArray("Team,Slack,SERVICE\n") << QByteArray("ownership");
        // Other formats keep their files, team column or not.
        QTest::newRow("pages with team") << QByteArray("created_at,title,service,team\n") << QByteArray("pages");
        QTest::newRow("deployments with team")
            << QByteArray("deployment_id,finished_at,service,team\n") << QByteArray("deployments");
        QTest::newRow("incidents with team")
            << QByteArray("incident_id,started_at,service,team\n") << QByteArray("incidents");
        QTest::newRow("pagerduty export with team")
            << QByteArray("created_on,description,service_name,service,team\n") << QByteArray("pagerduty-csv");
        // A file of another format that lacks a required column is not an ownership list either.
        QTest::newRow("pages without title") << QByteArray("created_at,service,team\n") << QByteArray();
        QTest::newRow("deployments without id") << QByteArray("service,team,finished_at\n") << QByteArray();
        QTest::newRow("incident without start") << QByteArray("incident_id,service,team\n") << QByteArray();
        QTest::newRow("measurements") << QByteArray("slo,service,team\n") << QByteArray();
        QTest::newRow("a title") << QByteArray("service,team,title\n") << QByteArray();
        QTest::newRow("service only") << QByteArray("service,owner\n") << QByteArray();
    }

    void ownershipDetection()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, expected);
        const auto f = detectFormat(header + "a,b,c,d,e\n");
        QCOMPARE(QByteArray(f ? formatId(*f) : ""), expected);
    }

    void ownershipRows()
    {
        const Collected c = parseBytes(Format::Ownership, fixture("ownership.csv"));
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        // checkout twice with the same team is one owner, given twice (the writer keeps one row).
        QCOMPARE(c.owners.size(), std::size_t(4));
        QCOMPARE(c.owners[0].service, std::string("checkout"));
        QCOMPARE(c.owners[0].team, std::string("payments"));
        QCOMPARE(c.owners[1].service, std::string("search"));
        QCOMPARE(c.owners[1].team, std::string("discovery"));
        QCOMPARE(c.owners[3].service, std::string("frontend"));
        QCOMPARE(c.owners[3].team, std::string("web"));
    }

    void ownershipBadRows()
    {
        const Collected c = parseBytes(Format::Ownership, fixture("ownership-conflict.csv"));
        QVERIFY(!c.fileError);
        QCOMPARE(c.owners.size(), std::size_t(2)); // checkout/payments, search/discovery
        QCOMPARE(c.errors.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(c.errors[0].text()),
                 QStringLiteral("4: column 'team': service 'checkout' is already owned by 'payments' (line 2); a "
                                "service has one team"));
        QCOMPARE(QString::fromStdString(c.errors[1].text()),
                 QStringLiteral("5: column 'service': required value is empty"));

        const Collected noTeam = parseBytes(Format::Ownership, "service,owner\napi,core\n");
        QVERIFY(noTeam.fileError);
        QCOMPARE(QString::fromStdString(noTeam.fileError->text()),
                 QStringLiteral("1: column 'team': missing required column 'team' in the header"));
        const Collected emptyTeam = parseBytes(Format::Ownership, "service,team\napi,  \n");
        QCOMPARE(QString::fromStdString(emptyTeam.errors.at(0).text()),
                 QStringLiteral("2: column 'team': required value is empty"));
    }

    // --- 3. column mapping -----------------------------------------------------------------

    void mappedVendorLog()
    {
        ParseOptions o;
        o.columnMap = {{"deployment_id", "Run ID"}, {"FINISHED_AT", "finished"}, {"service", "pipeline"},
                       {"result", "Status"},        {"started_at", "Started"},   {"commit_sha", "commit"}};
        const Collected c = parseBytes(Format::Deployments, fixture("ci-deployments.csv"), o);
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.deployments.size(), std::size_t(3));
        const Deployment &a = c.deployments[0];
        QCOMPARE(a.deploymentId, std::string("run-101"));
        QCOMPARE(a.service, std::string("checkout"));
        QCOMPARE(a.environment, std::string("Production")); // matched by name (any case)
        QCOMPARE(a.result, DeployResult::Success);          // "Success": no extra mapping needed
        QCOMPARE(a.commitSha, std::string("a1b2c3"));
        // 2026-03-02T09:00:00Z = T0 + 23 h; finished 12 min 30 s later
        QCOMPARE(a.startedAt.value(), T0 + 23 * kMicrosPerHour);
        QCOMPARE(a.finishedAt, T0 + 23 * kMicrosPerHour + 12 * kMicrosPerMinute + 30 * kMicrosPerSecond);
        QCOMPARE(c.deployments[1].result, DeployResult::Failure); // "Failure"
        QCOMPARE(c.deployments[2].environment, std::string("staging"));
    }

    void mappedColumnsAreTaken()
    {
        // title read from `summary`; the file's own `title` column is then not read at all.
        ParseOptions o;
        o.columnMap = {{"title", "Summary"}};
        const Collected c = parseBytes(Format::Pages,
                                       "created_at,title,summary\n2026-03-01T10:00:00Z,short,Long title\n", o);
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.pages.at(0).title, std::string("Long title"));

        // A column mapped to one field is not also read by name as another.
        ParseOptions taken;
        taken.columnMap = {{"service", "title"}};
        const Collected t = parseBytes(Format::Pages, "created_at,title\n2026-03-01T10:00:00Z,x\n", taken);
        QVERIFY(t.fileError);
        QCOMPARE(QString::fromStdString(t.fileError->text()),
                 QStringLiteral("1: column 'title': missing required column 'title' in the header (and no column is "
                                "mapped to it)"));

        // Two fields may read one column (a log with one time).
        ParseOptions both;
        both.columnMap = {{"started_at", "at"}, {"finished_at", "at"}, {"deployment_id", "id"}};
        const Collected b = parseBytes(Format::Deployments, "id,at\nd1,2026-03-01T10:00:00Z\n", both);
        QVERIFY2(!b.fileError && b.errors.empty(), qPrintable(errorsText(b)));
        QCOMPARE(b.deployments.at(0).startedAt.value(), T0);
        QCOMPARE(b.deployments.at(0).finishedAt, T0);
    }

    void mappedErrorsNameTheFilesColumn()
    {
        ParseOptions o;
        o.columnMap = {{"deployment_id", "Run ID"}, {"finished_at", "Finished"}, {"started_at", "Started"}};
        const Collected c = parseBytes(Format::Deployments,
                                       "Run ID,Started,Finished\n"
                                       "r1,2026-03-01T10:00:00Z,soon\n"
                                       "r2,2026-03-01T10:00:00Z,2026-03-01T09:00:00Z\n",
                                       o);
        QCOMPARE(c.errors.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(c.errors[0].text()),
                 QStringLiteral("2: column 'Finished': not a timestamp: 'soon'"));
        QCOMPARE(QString::fromStdString(c.errors[1].text()),
                 QStringLiteral(
                     "3: column 'Finished': Finished 2026-03-01T09:00:00Z is before Started 2026-03-01T10:00:00Z"));
    }

    void mappingErrors_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QStringList>("map"); // FIELD=COLUMN
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("error");
        const QByteArray log = "Run ID,Finished\nr1,2026-03-01T10:00:00Z\n";
        QTest::newRow("unknown field") << QByteArray("deployments") << QStringList{QStringLiteral("deploy=Run ID")}
                                       << log
                                       << QStringLiteral("column 'deploy': unknown field 'deploy' of the deployments "
                                                         "format (its fields: deployment_id, finished_at, service, "
                                                         "environment, started_at, result, commit_sha, "
                                                         "fixes_deployment_id, team)");
        QTest::newRow("field twice") << QByteArray("deployments")
                                     << QStringList{QStringLiteral("deployment_id=Run ID"),
                                                    QStringLiteral("Deployment_ID=Finished")}
                                     << log
                                     << QStringLiteral("column 'Deployment_ID': field 'deployment_id' is mapped twice");
        QTest::newRow("column not in header")
            << QByteArray("deployments")
            << QStringList{QStringLiteral("deployment_id=Run"), QStringLiteral("finished_at=Finished")} << log
            << QStringLiteral("1: column 'Run': no such column in the header (mapped to deployment_id; the header has: "
                              "Run ID, Finished)");
        QTest::newRow("required still missing")
            << QByteArray("deployments") << QStringList{QStringLiteral("deployment_id=run id")} << log
            << QStringLiteral("1: column 'finished_at': missing required column 'finished_at' in the header (and no "
                              "column is mapped to it)");
        QTest::newRow("one of a group missing")
            << QByteArray("pagerduty-csv") << QStringList{QStringLiteral("created_on=Finished")} << log
            << QStringLiteral("1: column 'title': missing required column 'title' (or 'summary' or 'description') in "
                              "the header (and none is mapped)");
        QTest::newRow("not a CSV format") << QByteArray("openslo") << QStringList{QStringLiteral("target=x")} << log
                                          << QStringLiteral("column mapping needs a CSV format; openslo is not one");
    }

    void mappingErrors()
    {
        QFETCH(QByteArray, format);
        QFETCH(QStringList, map);
        QFETCH(QByteArray, csv);
        QFETCH(QString, error);
        ParseOptions o;
        for (const QString &m : map)
            o.columnMap.emplace_back(m.section(u'=', 0, 0).toStdString(), m.section(u'=', 1).toStdString());
        const Format f = formatFromId(format.toStdString()).value();
        // The same error whether checked alone, resolved against the header or met by the parser.
        const ColumnResolution r = resolveColumns(f, {"Run ID", "Finished"}, o.columnMap);
        QVERIFY(r.error);
        QCOMPARE(QString::fromStdString(r.error->text()), error);
        if (const auto early = checkColumnMap(f, o.columnMap))
            QCOMPARE(QString::fromStdString(early->text()), error);
        if (isCsvFormat(f)) {
            const Collected c = parseBytes(f, csv, o);
            QVERIFY(c.fileError);
            QCOMPARE(QString::fromStdString(c.fileError->text()), error);
        }
    }

    void resolutionForTheDialog()
    {
        // Which column each field reads: mapped, by name, or none.
        const ColumnResolution r = resolveColumns(Format::Incidents, {"Ticket", "Opened", "Service", "severity"},
                                                  {{"incident_id", "ticket"}, {"started_at", "OPENED"}});
        QVERIFY(!r.error);
        const std::vector<FieldInfo> fields = formatFields(Format::Incidents);
        QCOMPARE(r.index.size(), fields.size());
        QCOMPARE(fields[0].name, std::string("incident_id"));
        QVERIFY(fields[0].required);
        QCOMPARE(r.index[0], 0);
        QCOMPARE(r.names[0], std::string("Ticket"));
        QCOMPARE(r.index[1], 1); // started_at <- Opened
        QCOMPARE(r.index[2], 2); // service by name
        QCOMPARE(r.names[2], std::string("service"));
        QCOMPARE(r.index[3], -1); // title: none
        QCOMPARE(r.index[4], 3);  // severity by name
        QCOMPARE(fieldName(Format::Incidents, "Started_At"), std::string("started_at"));
        QCOMPARE(fieldName(Format::Incidents, "opened"), std::string());
        QVERIFY(formatFields(Format::Prometheus).empty());
        QVERIFY(isCsvFormat(Format::Ownership) && !isCsvFormat(Format::OpenSlo));
    }

    void csvHeaders()
    {
        QCOMPARE(csvHeader("\xEF\xBB\xBF Run ID ,\"Finished, UTC\"\nr,1\n").value(),
                 std::vector<std::string>({"Run ID", "Finished, UTC"}));
        QVERIFY(!csvHeader("{\"a\": 1}"));
        QVERIFY(!csvHeader("apiVersion: openslo/v1\nkind: SLO\n"));
        QVERIFY(!csvHeader("one column\n1\n"));
        QVERIFY(!csvHeader(""));
    }
};

QTEST_GUILESS_MAIN(TstRealWorld)
#include "tst_realworld.moc"
