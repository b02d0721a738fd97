// The parsers on real public payloads (SRM_SAMPLES_DIR, else ../shared/samples beside the
// source tree; every case is skipped when absent, and fails when they regress): PagerDuty REST
// pages and bare incident arrays, Analytics raw incidents, OpenSLO v1 / v1alpha / SDK lists /
// v2alpha, a Prometheus range query. Expected values are read off the payloads by hand. Every
// sample is also fed to every parser: whatever the file, a parser reports, it never crashes.
#include "store/timeutil.h"
#include "tests/common/parsertestutil.h"
#include "tests/common/testutil.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <algorithm>

using namespace srm;
using namespace srm::importers;
using namespace srm::test;

namespace {

// A sample's bytes; a sample that disappeared from the directory is a failure of the case
// (an empty payload fails every check below), and says so.
QByteArray sample(const QString &relative)
{
    QFile f(samplesDir() + u'/' + relative);
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("sample %s is missing", qPrintable(f.fileName()));
        return {};
    }
    return f.readAll();
}

Micros at(const char *iso)
{
    return parseAsOf(QString::fromLatin1(iso)).value();
}

const Page *byId(const Collected &c, const char *id)
{
    for (const Page &p : c.pages)
        if (p.sourceId == id)
            return &p;
    return nullptr;
}

} // namespace

class TstImportSamples : public QObject
{
    Q_OBJECT

private slots:
    // Absent samples skip every case (reported as skipped, never as passed); samples named by
    // SRM_SAMPLES_DIR that are not there fail, since someone asked for them.
    void initTestCase()
    {
        const SamplesLocation l = samplesLocation();
        if (l.dir.isEmpty() && l.named)
            QFAIL(qPrintable(QStringLiteral("SRM_SAMPLES_DIR=%1 does not exist").arg(l.looked)));
        if (l.dir.isEmpty())
            qWarning("sample payloads not found at %s: every case is skipped (set SRM_SAMPLES_DIR to the "
                     "shared/samples directory to run them)",
                     qPrintable(l.looked));
        else
            qInfo("sample payloads: %s", qPrintable(l.dir));
    }

    void init()
    {
        if (samplesDir().isEmpty())
            QSKIP(qPrintable(QStringLiteral("no sample payloads at %1 (set SRM_SAMPLES_DIR to run this case)")
                                 .arg(samplesLocation().looked)));
    }

    // A bare JSON array of REST v2 incident objects (how DevLake stores them).
    void devlakeIncidentArray()
    {
        const QByteArray json = sample(QStringLiteral("dora/pagerduty_incidents_api_v2.json"));
        QCOMPARE(QByteArray(formatId(detectFormat(json).value())), QByteArray("pagerduty-api"));
        const Collected c = parseBytes(Format::PagerDutyRest, json);
        QVERIFY(!c.fileError && c.errors.empty());
        QCOMPARE(c.pages.size(), std::size_t(3));
        const Page *p = byId(c, "Q3YON8WNWTZMRQ");
        QVERIFY(p);
        QCOMPARE(p->title, std::string("Crash reported")); // title, not the summary "[#4] Crash reported"
        QCOMPARE(p->incidentNumber.value(), std::int64_t(4));
        QCOMPARE(p->service, std::string("DevService"));
        QCOMPARE(p->createdAt, at("2022-11-03T06:23:06Z"));
        QCOMPARE(p->incidentKey, std::string("bb60942875634ee6a7fe94ddb51c3a09"));
        QVERIFY(!p->resolvedAt); // triggered
    }

    void pdLiveReact()
    {
        const QByteArray json = sample(QStringLiteral("pagerduty/pd-live-react_incidents_26.json"));
        QCOMPARE(QByteArray(formatId(detectFormat(json).value())), QByteArray("pagerduty-api"));
        const Collected c = parseBytes(Format::PagerDutyRest, json);
        QVERIFY(!c.fileError && c.errors.empty());
        QCOMPARE(c.pages.size(), std::size_t(26));
        const auto payments = std::count_if(c.pages.begin(), c.pages.end(), [](const Page &p) {
            return p.service == "WD: Payments" && p.title == "Info: Increased Response Time Detected";
        });
        QCOMPARE(payments, 14);
        const Page *triggered = byId(c, "PH4UE4E");
        QVERIFY(triggered && !triggered->resolvedAt);
        const Page *resolved = byId(c, "PE8XPNI");
        QVERIFY(resolved);
        QCOMPARE(resolved->resolvedAt.value(), at("2021-05-03T19:10:47Z")); // last_status_change_at
        QCOMPARE(std::count_if(c.pages.begin(), c.pages.end(), [](const Page &p) { return p.resolvedAt.has_value(); }),
                 25);
    }

    void restSchemaPage()
    {
        const Collected c = parseBytes(Format::PagerDutyRest,
                                       sample(QStringLiteral("pagerduty/api-schema_GET_incidents.json")));
        QVERIFY(!c.fileError && c.errors.empty());
        QCOMPARE(c.pages.size(), std::size_t(1));
        const Page &p = c.pages[0];
        QCOMPARE(p.sourceId, std::string("PT4KHLK"));
        QCOMPARE(p.title, std::string("The server is on fire."));
        QCOMPARE(p.service, std::string("My Mail Service"));
        QCOMPARE(p.incidentNumber.value(), std::int64_t(1234));
        QCOMPARE(p.resolvedAt.value(), at("2015-10-06T21:38:23Z"));
    }

    void analytics()
    {
        const QByteArray async = sample(QStringLiteral("pagerduty/asyncpd_analytics_raw_incidents.json"));
        QCOMPARE(QByteArray(formatId(detectFormat(async).value())), QByteArray("pagerduty-analytics"));
        const Collected a = parseBytes(Format::PagerDutyAnalytics, async);
        QVERIFY(!a.fileError && a.errors.empty());
        QCOMPARE(a.pages.size(), std::size_t(1));
        QCOMPARE(a.pages[0].sourceId, std::string("P9UMCAE"));
        QCOMPARE(a.pages[0].createdAt, at("2021-01-08T15:36:37Z"));          // naive, workspace zone UTC
        QVERIFY(!a.pages[0].acknowledgedAt);                                 // seconds_to_first_ack: null
        QCOMPARE(a.pages[0].resolvedAt.value(), at("2021-01-08T15:39:52Z")); // + 195 s
        QCOMPARE(a.pages[0].title, std::string("Deorbit, engines not cut off as planned"));

        // Created 10:00:00 with seconds_to_resolve 2029: the payload's resolved_at (the day
        // before) is not used, docs/formats.md says created + seconds.
        const Collected s = parseBytes(
            Format::PagerDutyAnalytics,
            sample(QStringLiteral("pagerduty/api-schema_POST_analytics_raw_incidents.json")));
        QVERIFY(!s.fileError && s.errors.empty());
        QCOMPARE(s.pages.size(), std::size_t(2));
        const Page *fire = byId(s, "PYC0H08");
        QVERIFY(fire);
        QCOMPARE(fire->acknowledgedAt.value(), at("2023-05-31T10:05:05Z"));
        QCOMPARE(fire->resolvedAt.value(), at("2023-05-31T10:05:00Z") + 3305 * kMicrosPerSecond);
        const Page *social = byId(s, "PCOOHCY");
        QVERIFY(social);
        QCOMPARE(social->resolvedAt.value(), at("2023-05-31T10:00:00Z") + 2029 * kMicrosPerSecond);
        QCOMPARE(social->escalationCount.value(), std::int64_t(1));
    }

    void openSlo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("slos");
        QTest::addColumn<int>("notes");
        QTest::newRow("v1 occurrences") << QStringLiteral("slo/openslo/v1/occurences-slo.yaml") << 1 << 0;
        // RatioTimeslices without timeSliceTarget: its slices are judged against the target, with a note.
        QTest::newRow("v1 ratio timeslices") << QStringLiteral("slo/openslo/v1/ratio-timeslices.yaml") << 1 << 1;
        QTest::newRow("v1 two objectives") << QStringLiteral("slo/openslo/v1/timeslices-slo.yaml") << 2 << 0;
        QTest::newRow("v1 low traffic") << QStringLiteral("slo/openslo/v1/low-traffic-timeslices-slo.yaml") << 1 << 0;
        QTest::newRow("v1alpha list") << QStringLiteral("slo/openslo/v1alpha/slos.yaml") << 2 << 0;
        QTest::newRow("v1alpha services") << QStringLiteral("slo/openslo/v1alpha/services.yaml") << 0 << 1;
        QTest::newRow("sdk slos") << QStringLiteral("slo/openslo/v1-sdk/slos.yaml") << 1 << 0;
        QTest::newRow("sdk slis") << QStringLiteral("slo/openslo/v1-sdk/slis.yaml") << 0 << 4;
        QTest::newRow("sdk alert policies") << QStringLiteral("slo/openslo/v1-sdk/alert_policies.yaml") << 0 << 3;
        QTest::newRow("v2alpha slos") << QStringLiteral("slo/openslo/v2alpha/slos.yaml") << 0 << 1;
        QTest::newRow("sloth openslo") << QStringLiteral("slo/sloth/openslo-getting-started.yml") << 1 << 0;
    }

    void openSlo()
    {
        QFETCH(QString, file);
        QFETCH(int, slos);
        QFETCH(int, notes);
        const QByteArray yaml = sample(file);
        QCOMPARE(QByteArray(formatId(detectFormat(yaml).value())), QByteArray("openslo"));
        const Collected c = parseBytes(Format::OpenSlo, yaml);
        QVERIFY(!c.fileError && c.errors.empty());
        QCOMPARE(int(c.slos.size()), slos);
        QCOMPARE(int(c.notes.size()), notes);
    }

    void openSloValues()
    {
        // `duration: 1m` is one minute in OpenSLO (M is a month), whatever the comment says.
        const Collected t = parseBytes(Format::OpenSlo, sample(QStringLiteral("slo/openslo/v1/timeslices-slo.yaml")));
        QCOMPARE(t.slos.at(0).name, std::string("service-availability/Internal objective"));
        QCOMPARE(t.slos.at(1).name, std::string("service-availability/SLA"));
        QCOMPARE(t.slos.at(0).measurementSlo, std::string("service-availability"));
        QCOMPARE(t.slos.at(0).windowSeconds, std::int64_t(60));
        QCOMPARE(t.slos.at(0).objective, 0.995);
        QCOMPARE(t.slos.at(1).objective, 0.99);
        QCOMPARE(t.slos.at(0).method, BudgetingMethod::Timeslices);
        QCOMPARE(t.slos.at(0).timeSliceTarget.value(), 0.99);

        const Collected a = parseBytes(Format::OpenSlo, sample(QStringLiteral("slo/openslo/v1alpha/slos.yaml")));
        QCOMPARE(a.slos.at(0).name, std::string("web-latency-threshold"));
        QCOMPARE(a.slos.at(0).windowSeconds, std::int64_t(7 * 86400)); // unit: Week, count: 1
        QCOMPARE(a.slos.at(0).objective, 0.98);
        QCOMPARE(a.slos.at(1).method, BudgetingMethod::Timeslices);
        QCOMPARE(a.slos.at(1).timeSliceTarget.value(), 0.95);

        const Collected s = parseBytes(Format::OpenSlo,
                                       sample(QStringLiteral("slo/sloth/openslo-getting-started.yml")));
        QCOMPARE(s.slos.at(0).windowSeconds, std::int64_t(30 * 86400)); // count: 30, unit: Day
        QCOMPARE(s.slos.at(0).objective, 0.999);
        QCOMPARE(s.slos.at(0).service, std::string("my-service"));
    }

    void prometheus()
    {
        const QByteArray json = sample(QStringLiteral("slo/prometheus/query_range_docs_example.json"));
        QCOMPARE(QByteArray(formatId(detectFormat(json).value())), QByteArray("prometheus"));
        ParseOptions o;
        o.sloName = "up";
        o.series = Series::Total;
        const Collected c = parseBytes(Format::Prometheus, json, o);
        QVERIFY(!c.fileError && c.errors.empty());
        QCOMPARE(c.measurements.size(), std::size_t(3));
        // Two series summed per step: 1+0, 1+0, 1+1.
        QCOMPARE(c.measurements[0].timestamp, Micros(1435781430781000));
        QCOMPARE(c.measurements[0].total.value(), 1.0);
        QCOMPARE(c.measurements[1].total.value(), 1.0);
        QCOMPARE(c.measurements[2].total.value(), 2.0);

        const Collected nan = parseBytes(
            Format::Prometheus,
            sample(QStringLiteral("slo/synthetic/prometheus_query_range_sloth_budget_remaining.json")), o);
        QVERIFY(!nan.fileError && nan.errors.empty());
        QCOMPARE(nan.measurements.size(), std::size_t(6));
        QCOMPARE(nan.notes.size(), std::size_t(2)); // its `warnings` entry, then the NaN
        QCOMPARE(nan.notes[0], std::string("prometheus warning: synthetic sample: values invented for parser tests"));
        QVERIFY(nan.notes[1].find("skipped 1 NaN") != std::string::npos);
    }

    // Foreign CSV exports read through a column mapping (docs/formats.md#column-mapping); their
    // values (SUCCESS, FAILURE, PRODUCTION, STAGING) are in our vocabularies already.
    void devlakeDeploymentsThroughMapping()
    {
        const QByteArray csv = sample(QStringLiteral("dora/devlake_cicd_deployment_commits.csv"));
        QVERIFY(!detectFormat(csv));
        ParseOptions o;
        o.columnMap = {{"deployment_id", "id"},
                       {"finished_at", "finished_date"},
                       {"started_at", "started_date"},
                       {"service", "repo_url"}};
        const Collected c = parseBytes(Format::Deployments, csv, o);
        QVERIFY(!c.fileError && c.errors.empty());
        QCOMPARE(c.deployments.size(), std::size_t(16));
        // 11 and 14 failed; 7 and 8 are STAGING, 16 has no environment (production by default).
        const auto failed = std::count_if(c.deployments.begin(), c.deployments.end(),
                                          [](const Deployment &d) { return d.result == DeployResult::Failure; });
        QCOMPARE(failed, 2);
        const auto staging = std::count_if(c.deployments.begin(), c.deployments.end(),
                                           [](const Deployment &d) { return d.environment == "STAGING"; });
        QCOMPARE(staging, 2);
        const Deployment &first = c.deployments.front();
        QCOMPARE(first.deploymentId, std::string("1"));
        QCOMPARE(first.service, std::string("REPO111"));
        QCOMPARE(first.commitSha, std::string("1")); // commit_sha by name
        QCOMPARE(first.startedAt.value(), at("2022-09-10T06:51:47Z"));
        QCOMPARE(first.finishedAt, at("2022-09-11T06:51:47Z"));
        QCOMPARE(c.deployments[7].environment, std::string("production"));
    }

    void devlakePagerDutyIssuesThroughMapping()
    {
        // DevLake's issues table: the title column is empty, the PagerDuty title is in description.
        ParseOptions o;
        o.columnMap = {{"created_at", "created_date"},
                       {"title", "description"},
                       {"resolved_at", "resolution_date"},
                       {"incident_number", "issue_key"}};
        const Collected c = parseBytes(Format::Pages,
                                       sample(QStringLiteral("dora/devlake_pagerduty_incidents_as_issues.csv")), o);
        QVERIFY(!c.fileError && c.errors.empty());
        QCOMPARE(c.pages.size(), std::size_t(3));
        QCOMPARE(c.pages[0].sourceId, std::string("pagerduty:Incident:1:4")); // id by name
        QCOMPARE(c.pages[0].title, std::string("[#4] Crash reported"));
        QCOMPARE(c.pages[0].incidentNumber.value(), std::int64_t(4));
        QCOMPARE(c.pages[0].urgency, std::string("high"));
        QVERIFY(!c.pages[0].resolvedAt);
        QCOMPARE(c.pages[2].createdAt, at("2022-11-03T06:45:36Z"));
        QCOMPARE(c.pages[2].resolvedAt.value(), at("2022-11-03T06:51:44Z"));
    }

    void otherPayloadsAreNotGuessed_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f :
             {"dora/opsgenie_incidents_api_v1.json", "dora/devlake_incidents_min.csv",
              "dora/devlake_cicd_deployment_commits.csv", "slo/sloth/getting-started.yml", "slo/pyrra/nginx.yaml",
              "slo/datadog/slo_history_event_based_legacy_docs.json", "pagerduty/api-schema_GET_oncalls.json"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void otherPayloadsAreNotGuessed()
    {
        QFETCH(QString, file);
        const QByteArray bytes = sample(file);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!detectFormat(bytes));
    }

    // Every sample through every parser: errors are fine, crashes are not.
    void everySampleEveryParser()
    {
        QDirIterator it(samplesDir(), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            ParseOptions o;
            o.sloName = "x";
            o.series = Series::Bad;
            for (const FormatInfo &format : allFormats())
                parseBytes(format.format, bytes, o);
            detectFormat(bytes);
            ++files;
        }
        QVERIFY(files > 30);
    }
};

QTEST_GUILESS_MAIN(TstImportSamples)
#include "tst_importsamples.moc"
