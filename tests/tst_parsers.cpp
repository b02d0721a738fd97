// Every rule of docs/formats.md per parser, on small fixtures written here with the expected values
// worked out by hand: each timestamp form, each synonym, each kind of bad row with its line,
// the PagerDuty title / acknowledgement / resolution rules, Prometheus sums, OpenSLO versions
// and kinds, and format detection.
#include "store/metriccatalogue.h"
#include "store/timeutil.h"
#include "tests/common/parsertestutil.h"

#include <QTest>

using namespace srm;
using namespace srm::importers;
using namespace srm::test;

namespace {

// 2026-03-01T10:00:00Z
constexpr Micros T0 = 1772359200LL * kMicrosPerSecond;

QString errorsText(const Collected &c)
{
    QStringList out;
    for (const ParseError &e : c.errors)
        out << QString::fromStdString(e.text());
    if (c.fileError)
        out << QStringLiteral("file: ") + QString::fromStdString(c.fileError->text());
    return out.join(u'\n');
}

bool hasError(const Collected &c, std::int64_t line, const char *column, const char *reasonPart)
{
    for (const ParseError &e : c.errors)
        if (e.line == line && e.column == column && e.reason.find(reasonPart) != std::string::npos)
            return true;
    return false;
}

} // namespace

Q_DECLARE_METATYPE(srm::DeployResult)

class TstParsers : public QObject
{
    Q_OBJECT

private slots:
    // --- timestamps ----------------------------------------------------------------------

    void timestampForms_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("expected");
        const qint64 h = kMicrosPerHour;
        QTest::newRow("Z") << QByteArray("2026-03-01T10:00:00Z") << qint64(T0);
        QTest::newRow("+hh:mm") << QByteArray("2026-03-01T10:00:00+02:00") << qint64(T0 - 2 * h);
        QTest::newRow("+hhmm") << QByteArray("2026-03-01T10:00:00+0200") << qint64(T0 - 2 * h);
        QTest::newRow("-hh:mm") << QByteArray("2026-03-01T10:00:00-05:30")
                                << qint64(T0 + 5 * h + 30 * kMicrosPerMinute);
        QTest::newRow("space separator") << QByteArray("2026-03-01 10:00:00Z") << qint64(T0);
        QTest::newRow("space before offset") << QByteArray("2026-03-01 10:00:00 +0100") << qint64(T0 - h);
        QTest::newRow("fraction ms") << QByteArray("2026-03-01T10:00:00.25Z") << qint64(T0 + 250000);
        QTest::newRow("fraction us") << QByteArray("2026-03-01T10:00:00.123456Z") << qint64(T0 + 123456);
        // Naive times are in the workspace zone: Europe/Amsterdam is UTC+1 in March, +2 in July.
        QTest::newRow("naive winter") << QByteArray("2026-03-01T10:00:00") << qint64(T0 - h);
        QTest::newRow("naive summer") << QByteArray("2026-07-01T10:00:00") << qint64(1782892800LL * kMicrosPerSecond);
        QTest::newRow("naive with space") << QByteArray("2026-03-01 10:00:00") << qint64(T0 - h);
        QTest::newRow("epoch seconds") << QByteArray("1772359200") << qint64(T0);
        QTest::newRow("epoch seconds fraction") << QByteArray("1772359200.5") << qint64(T0 + 500000);
        QTest::newRow("epoch ms") << QByteArray("1772359200250") << qint64(T0 + 250000);
        QTest::newRow("epoch us") << QByteArray("1772359200250000") << qint64(T0 + 250000);
        QTest::newRow("epoch ns") << QByteArray("1772359200250000000") << qint64(T0 + 250000);
        QTest::newRow("quoted, padded") << QByteArray("\" 2026-03-01T10:00:00Z \"") << qint64(T0);
    }

    void timestampForms()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, expected);
        const Collected c = parseBytes(Format::Pages, "created_at,title\n" + text + ",x\n", inZone("Europe/Amsterdam"));
        QVERIFY2(c.errors.empty() && !c.fileError, qPrintable(errorsText(c)));
        QCOMPARE(c.pages.size(), std::size_t(1));
        QCOMPARE(c.pages[0].createdAt, expected);
    }

    void badTimestamps_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("words") << QByteArray("yesterday");
        QTest::newRow("month 13") << QByteArray("2026-13-01T10:00:00Z");
        QTest::newRow("30 February") << QByteArray("2026-02-30T10:00:00Z");
        QTest::newRow("hour 24") << QByteArray("2026-03-01T24:00:00Z");
        QTest::newRow("bad offset") << QByteArray("2026-03-01T10:00:00+2");
        QTest::newRow("trailing text") << QByteArray("2026-03-01T10:00:00Zulu");
        QTest::newRow("negative epoch") << QByteArray("-5");
    }

    void badTimestamps()
    {
        QFETCH(QByteArray, text);
        const Collected c = parseBytes(Format::Pages, "created_at,title\n" + text + ",x\n");
        QCOMPARE(c.pages.size(), std::size_t(0));
        QVERIFY2(hasError(c, 2, "created_at", "not a timestamp"), qPrintable(errorsText(c)));
    }

    // --- CSV headers and vocabularies ----------------------------------------------------

    void headersAnyCaseAnyOrderBom()
    {
        const Collected c = parseBytes(Format::Pages,
                                       "\xEF\xBB\xBF Title ,Extra,CREATED_AT,Service\r\n"
                                       "Disk full,ignored,2026-03-01T10:00:00Z,db\r\n");
        QVERIFY2(c.errors.empty() && !c.fileError, qPrintable(errorsText(c)));
        QCOMPARE(c.pages.size(), std::size_t(1));
        QCOMPARE(c.pages[0].title, std::string("Disk full"));
        QCOMPARE(c.pages[0].service, std::string("db"));
        QCOMPARE(c.pages[0].createdAt, T0);
    }

    void missingRequiredColumn()
    {
        const Collected c = parseBytes(Format::Deployments, "deployment_id,started_at\nD1,2026-03-01T10:00:00Z\n");
        QVERIFY(c.fileError);
        QCOMPARE(c.fileError->line, std::int64_t(1));
        QCOMPARE(c.fileError->column, std::string("finished_at"));
        QVERIFY(c.fileError->reason.find("missing required column") != std::string::npos);
    }

    void emptyFiles_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("content");
        for (const FormatInfo &f : allFormats()) {
            QTest::newRow(f.id) << int(f.format) << QByteArray();
            QTest::newRow((std::string(f.id) + " blank").c_str()) << int(f.format) << QByteArray(" \n\n");
        }
    }

    void emptyFiles()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, content);
        ParseOptions o;
        o.sloName = "s";
        o.series = Series::Total;
        const Collected c = parseBytes(Format(format), content, o);
        QVERIFY(c.fileError);
        QCOMPARE(c.records(), std::size_t(0));
    }

    void deployResults_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<srm::DeployResult>("expected");
        const std::pair<const char *, DeployResult> cases[] = {
            {"success", DeployResult::Success},
            {"SUCCEEDED", DeployResult::Success},
            {"Successful", DeployResult::Success},
            {"ok", DeployResult::Success},
            {"", DeployResult::Success},
            {"failure", DeployResult::Failure},
            {"FAILED", DeployResult::Failure},
            {"error", DeployResult::Failure},
            {"rolled_back", DeployResult::RolledBack},
            {"Rollback", DeployResult::RolledBack},
            {"rolledback", DeployResult::RolledBack},
            {"REVERTED", DeployResult::RolledBack},
            {"other", DeployResult::Other},
        };
        for (const auto &[text, result] : cases)
            QTest::newRow(*text ? text : "empty") << QByteArray(text) << result;
    }

    void deployResults()
    {
        QFETCH(QByteArray, value);
        QFETCH(srm::DeployResult, expected);
        const Collected c = parseBytes(Format::Deployments,
                                       "deployment_id,finished_at,result\nD1,2026-03-01T10:00:00Z," + value + "\n");
        QVERIFY2(c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.deployments.size(), std::size_t(1));
        QCOMPARE(c.deployments[0].result, expected);
    }

    void deploymentFields()
    {
        const Collected c = parseBytes(
            Format::Deployments,
            "deployment_id,service,environment,started_at,finished_at,result,commit_sha,fixes_deployment_id,team\n"
            "D1,checkout,,2026-03-01T09:50:00Z,2026-03-01T10:00:00Z,,abc123,,payments\n"
            "D2,checkout,PRD,,2026-03-01T10:00:00Z,failed,def,D1,\n"
            "D3,checkout,staging,2026-03-01T10:00:01Z,2026-03-01T10:00:00Z,success,,,\n"
            "D4,checkout,production,2026-03-01T10:00:00Z,2026-03-01T10:00:00Z,cancelled,,,\n");
        QCOMPARE(c.deployments.size(), std::size_t(2));
        const Deployment &d1 = c.deployments[0];
        QCOMPARE(d1.environment, std::string("production")); // the default
        QCOMPARE(d1.startedAt.value(), T0 - 10 * kMicrosPerMinute);
        QCOMPARE(d1.finishedAt, T0);
        QCOMPARE(d1.result, DeployResult::Success);
        QCOMPARE(d1.commitSha, std::string("abc123"));
        QCOMPARE(d1.team, std::string("payments"));
        const Deployment &d2 = c.deployments[1];
        QCOMPARE(d2.environment, std::string("PRD")); // stored as given; production by synonym
        QVERIFY(!d2.startedAt);
        QCOMPARE(d2.fixesDeploymentId, std::string("D1"));
        QCOMPARE(c.errors.size(), std::size_t(2));
        QVERIFY2(hasError(c, 4, "finished_at", "is before started_at"), qPrintable(errorsText(c)));
        QVERIFY2(hasError(c, 5, "result", "unknown value 'cancelled'"), qPrintable(errorsText(c)));
    }

    void changes()
    {
        const Collected c = parseBytes(Format::Changes,
                                       "deployment_id,commit_sha,committed_at,authored_at,pr_merged_at\n"
                                       "D1,abc,2026-03-01T10:00:00Z,2026-03-01T09:00:00Z,\n"
                                       "D1,,2026-03-01T10:00:00Z,,\n");
        QCOMPARE(c.changes.size(), std::size_t(1));
        QCOMPARE(c.changes[0].deploymentId, std::string("D1"));
        QCOMPARE(c.changes[0].commitSha, std::string("abc"));
        QCOMPARE(c.changes[0].committedAt, T0);
        QCOMPARE(c.changes[0].authoredAt.value(), T0 - kMicrosPerHour);
        QVERIFY(!c.changes[0].prMergedAt);
        QVERIFY2(hasError(c, 3, "commit_sha", "required value is empty"), qPrintable(errorsText(c)));
    }

    void detectionSources_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("expected");
        for (const char *v : {"monitoring", "Alert", "AUTOMATED"})
            QTest::newRow(v) << QByteArray(v) << QByteArray("monitoring");
        for (const char *v : {"customer", "support", "User", "customer_report"})
            QTest::newRow(v) << QByteArray(v) << QByteArray("customer");
        for (const char *v : {"other", "employee", "Manual"})
            QTest::newRow(v) << QByteArray(v) << QByteArray("other");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }

    void detectionSources()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, expected);
        const Collected c = parseBytes(
            Format::Incidents, "incident_id,started_at,detection_source\nI1,2026-03-01T10:00:00Z," + value + "\n");
        QVERIFY2(c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.incidents.size(), std::size_t(1));
        const auto &s = c.incidents[0].detectionSource;
        QCOMPARE(QByteArray(s ? toString(*s) : ""), expected);
    }

    void incidentTimesNotBeforeStart()
    {
        const Collected c = parseBytes(
            Format::Incidents,
            "incident_id,started_at,detected_at,acknowledged_at,mitigated_at,resolved_at,severity,postmortem_url\n"
            "I1,2026-03-01T10:00:00Z,2026-03-01T10:00:00Z,2026-03-01T10:05:00Z,2026-03-01T10:30:00Z,2026-03-01T11:00:"
            "00Z,SEV1,https://wiki/pm/1\n"
            "I2,2026-03-01T10:00:00Z,2026-03-01T09:59:00Z,,,,,\n"
            "I3,2026-03-01T10:00:00Z,,2026-03-01T09:00:00Z,,,,\n"
            "I4,2026-03-01T10:00:00Z,,,2026-03-01T09:00:00Z,,,\n"
            "I5,2026-03-01T10:00:00Z,,,,2026-03-01T09:00:00Z,,\n"
            ",2026-03-01T10:00:00Z,,,,,,\n");
        QCOMPARE(c.incidents.size(), std::size_t(1));
        const Incident &i = c.incidents[0];
        QCOMPARE(i.detectedAt.value(), T0); // equal to the start is fine
        QCOMPARE(i.resolvedAt.value(), T0 + kMicrosPerHour);
        QCOMPARE(i.severity, std::string("SEV1"));
        QCOMPARE(c.errors.size(), std::size_t(5));
        QVERIFY(hasError(c, 3, "detected_at", "is before started_at"));
        QVERIFY(hasError(c, 4, "acknowledged_at", "is before started_at"));
        QVERIFY(hasError(c, 5, "mitigated_at", "is before started_at"));
        QVERIFY(hasError(c, 6, "resolved_at", "is before started_at"));
        QVERIFY(hasError(c, 7, "incident_id", "required value is empty"));
    }

    void autoResolvedWords_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("expected");
        for (const char *v : {"true", "TRUE", "yes", "Yes", "1"})
            QTest::newRow(v) << QByteArray(v) << true;
        for (const char *v : {"false", "no", "NO", "0"})
            QTest::newRow(v) << QByteArray(v) << false;
    }

    void autoResolvedWords()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, expected);
        const Collected c = parseBytes(Format::Pages,
                                       "created_at,title,auto_resolved\n2026-03-01T10:00:00Z,x," + value + "\n");
        QVERIFY2(c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.pages.at(0).autoResolved.value(), expected);
    }

    // Each bad row with the physical line where its record starts (line 2's record takes two).
    void pageErrorsAndLines()
    {
        const Collected c = parseBytes(
            Format::Pages,
            "created_at,title,acknowledged_at,escalation_count,auto_resolved,id\n"
            "2026-03-01T10:00:00Z,\"multi\nline, \"\"quoted\"\"\",2026-03-01T10:05:00Z,0,,P1\n"
            "yesterday,x,,,,\n"
            "2026-03-01T10:00:00Z,,,,,\n"
            "2026-03-01T10:00:00Z,y,2026-03-01T09:59:59Z,,,\n"
            "2026-03-01T10:00:00Z,z,,-1,,\n"
            "2026-03-01T10:00:00Z,z,,,maybe,\n"
            "2026-03-01T10:00:00Z,z,,two,,\n"
            "\n"
            "2026-03-01T10:00:00Z,ok,,2,no,\n");
        QCOMPARE(c.pages.size(), std::size_t(2));
        // A line break in a title is a control character: a space (docs/hostile-input.md#text).
        QCOMPARE(c.pages[0].title, std::string("multi line, \"quoted\""));
        QCOMPARE(c.pages[0].sourceId, std::string("P1"));
        QCOMPARE(c.pages[0].acknowledgedAt.value(), T0 + 5 * kMicrosPerMinute);
        QCOMPARE(c.pages[0].escalationCount.value(), std::int64_t(0));
        QCOMPARE(c.pages[1].title, std::string("ok"));
        QCOMPARE(c.pages[1].escalationCount.value(), std::int64_t(2));
        QCOMPARE(c.errors.size(), std::size_t(6));
        QVERIFY2(hasError(c, 4, "created_at", "not a timestamp: 'yesterday'"), qPrintable(errorsText(c)));
        QVERIFY(hasError(c, 5, "title", "required value is empty"));
        QVERIFY(hasError(c, 6, "acknowledged_at", "is before created_at"));
        QVERIFY(hasError(c, 7, "escalation_count", "negative count"));
        QVERIFY(hasError(c, 8, "auto_resolved", "unknown value 'maybe'"));
        QVERIFY(hasError(c, 9, "escalation_count", "not a whole number"));
    }

    void unterminatedQuoteIsAFileError()
    {
        const Collected c = parseBytes(Format::Pages,
                                       "created_at,title\n2026-03-01T10:00:00Z,ok\n2026-03-01T10:00:00Z,\"open\n");
        QVERIFY(c.fileError);
        QCOMPARE(c.fileError->line, std::int64_t(3));
        QVERIFY(c.fileError->reason.find("unterminated") != std::string::npos);
    }

    // --- PagerDuty CSV ---------------------------------------------------------------------

    void pagerDutyCsv()
    {
        const Collected c = parseBytes(
            Format::PagerDutyCsv,
            "id,incident_number,description,service_name,urgency,created_on,resolved_on,seconds_to_first_ack,"
            "seconds_to_resolve,auto_resolved,escalation_count\n"
            "Q1,7,Disk full on db-1,storage,high,2026-03-01T10:00:00Z,2026-03-01T12:00:00Z,90,600,false,1\n"
            "Q2,8,CPU high,compute,low,2026-03-01T10:00:00Z,2026-03-01T11:00:00Z,,,yes,0\n"
            "Q3,9,Bad,compute,low,2026-03-01T10:00:00Z,2026-03-01T09:00:00Z,,,,\n"
            "Q4,10,Neg,compute,low,2026-03-01T10:00:00Z,,-5,,,\n"
            "Q5,11,,compute,low,2026-03-01T10:00:00Z,,,,,\n");
        QCOMPARE(c.pages.size(), std::size_t(2));
        const Page &q1 = c.pages[0];
        QCOMPARE(q1.sourceId, std::string("Q1"));
        QCOMPARE(q1.incidentNumber.value(), std::int64_t(7));
        QCOMPARE(q1.title, std::string("Disk full on db-1"));
        QCOMPARE(q1.service, std::string("storage"));
        QCOMPARE(q1.acknowledgedAt.value(), T0 + 90 * kMicrosPerSecond);
        QCOMPARE(q1.resolvedAt.value(), T0 + 600 * kMicrosPerSecond); // created + seconds_to_resolve wins
        QCOMPARE(q1.autoResolved.value(), false);
        QCOMPARE(q1.escalationCount.value(), std::int64_t(1));
        const Page &q2 = c.pages[1];
        QVERIFY(!q2.acknowledgedAt);
        QCOMPARE(q2.resolvedAt.value(), T0 + kMicrosPerHour); // resolved_on when no seconds
        QCOMPARE(q2.autoResolved.value(), true);
        QCOMPARE(c.errors.size(), std::size_t(3));
        QVERIFY2(hasError(c, 4, "resolved_on", "is before created_on"), qPrintable(errorsText(c)));
        QVERIFY(hasError(c, 5, "seconds_to_first_ack", "negative count"));
        QVERIFY(hasError(c, 6, "description", "required value is empty"));
    }

    void pagerDutyCsvTitleFirst()
    {
        const Collected c = parseBytes(Format::PagerDutyCsv,
                                       "created_on,description,title\n"
                                       "2026-03-01T10:00:00Z,the description,the title\n"
                                       "2026-03-01T10:00:00Z,only a description,\n");
        QCOMPARE(c.pages.size(), std::size_t(2));
        QCOMPARE(c.pages[0].title, std::string("the title"));
        QCOMPARE(c.pages[1].title, std::string("only a description"));
    }

    // --- PagerDuty REST ------------------------------------------------------------------

    void pagerDutyRestPage()
    {
        const QByteArray json = R"({
  "incidents": [
    {"id": "PA", "incident_number": 1, "title": "T-title", "summary": "S", "description": "D",
     "created_at": "2026-03-01T10:00:00Z", "status": "resolved", "urgency": "high",
     "service": {"id": "SVC1", "summary": "checkout"},
     "acknowledgements": [{"at": "2026-03-01T10:07:00Z"}, {"at": "2026-03-01T10:03:00Z"}],
     "last_status_change_at": "2026-03-01T11:00:00Z", "incident_key": "k1"},
    {"id": "PB", "summary": "S-only", "created_at": "2026-03-01T10:00:00Z", "status": "resolved",
     "resolved_at": "2026-03-01T10:30:00Z", "last_status_change_at": "2026-03-01T12:00:00Z"},
    {"id": "PC", "description": "D-only", "created_at": "2026-03-01T10:00:00Z", "status": "triggered",
     "last_status_change_at": "2026-03-01T10:10:00Z", "acknowledgements": [], "incident_key": null},
    {"id": "PD", "title": "early ack", "created_at": "2026-03-01T10:00:00Z",
     "acknowledgements": [{"at": "2026-03-01T09:00:00Z"}]},
    {"title": "no id", "created_at": "2026-03-01T10:00:00Z"},
    {"id": "PF", "created_at": "2026-03-01T10:00:00Z"}
  ],
  "limit": 25, "offset": 0, "more": false
})";
        const Collected c = parseBytes(Format::PagerDutyRest, json);
        QVERIFY(!c.fileError);
        QCOMPARE(c.pages.size(), std::size_t(3));
        const Page &a = c.pages[0];
        QCOMPARE(a.sourceId, std::string("PA"));
        QCOMPARE(a.incidentNumber.value(), std::int64_t(1));
        QCOMPARE(a.title, std::string("T-title"));
        QCOMPARE(a.service, std::string("checkout"));
        QCOMPARE(a.urgency, std::string("high"));
        QCOMPARE(a.acknowledgedAt.value(), T0 + 3 * kMicrosPerMinute); // the earliest
        QCOMPARE(a.resolvedAt.value(), T0 + kMicrosPerHour);           // last_status_change_at, resolved
        QCOMPARE(a.incidentKey, std::string("k1"));
        const Page &b = c.pages[1];
        QCOMPARE(b.title, std::string("S-only"));
        QCOMPARE(b.resolvedAt.value(), T0 + 30 * kMicrosPerMinute); // resolved_at first
        const Page &pc = c.pages[2];
        QCOMPARE(pc.title, std::string("D-only"));
        QVERIFY(!pc.resolvedAt); // not resolved: last_status_change_at does not count
        QVERIFY(!pc.acknowledgedAt);
        QCOMPARE(c.errors.size(), std::size_t(3));
        QVERIFY2(hasError(c, 12, "acknowledgements[].at", "is before created_at"), qPrintable(errorsText(c)));
        QVERIFY(hasError(c, 14, "id", "required value is missing"));
        QVERIFY(hasError(c, 15, "title", "required value is missing"));
    }

    void pagerDutyRestArrayOfPagesAndBareIncidents()
    {
        const QByteArray pages = R"([
 {"incidents": [{"id": "P1", "title": "a", "created_at": "2026-03-01T10:00:00Z"}], "more": true},
 {"incidents": [{"id": "P2", "title": "b", "created_at": "2026-03-01T10:01:00Z"},
                {"id": "P3", "title": "c", "created_at": "2026-03-01T10:02:00Z"}], "more": false}
])";
        const Collected c = parseBytes(Format::PagerDutyRest, pages);
        QVERIFY(!c.fileError && c.errors.empty());
        QCOMPARE(c.pages.size(), std::size_t(3));
        QCOMPARE(c.pages[2].sourceId, std::string("P3"));
        QCOMPARE(c.pages[2].createdAt, T0 + 2 * kMicrosPerMinute);

        const QByteArray bare = "[{\"id\": \"P1\", \"title\": \"a\", \"created_at\": \"2026-03-01T10:00:00Z\"},\n"
                                "{\"id\": \"P2\", \"summary\": \"[#2] b\", \"created_at\": 1772359260}]";
        const Collected d = parseBytes(Format::PagerDutyRest, bare);
        QVERIFY(!d.fileError && d.errors.empty());
        QCOMPARE(d.pages.size(), std::size_t(2));
        QCOMPARE(d.pages[1].title, std::string("[#2] b"));
        QCOMPARE(d.pages[1].createdAt, T0 + kMicrosPerMinute); // an epoch number
    }

    void byteOrderMarks()
    {
        const Collected json = parseBytes(Format::PagerDutyRest,
                                          "\xEF\xBB\xBF{\"incidents\": [{\"id\": \"P1\", \"title\": \"a\", "
                                          "\"created_at\": \"2026-03-01T10:00:00Z\"}]}");
        QVERIFY(!json.fileError);
        QCOMPARE(json.pages.size(), std::size_t(1));
        const Collected yaml = parseBytes(Format::OpenSlo,
                                          "\xEF\xBB\xBF"
                                          "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: a\n"
                                          "spec:\n  objectives:\n    - target: 0.9\n");
        QVERIFY(!yaml.fileError);
        QCOMPARE(yaml.slos.size(), std::size_t(1));
    }

    void brokenJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("line");
        QTest::newRow("double comma") << QByteArray("{\"incidents\": [\n{\"id\": \"a\"},\n{\"id\": \"b\",, }\n]}")
                                      << qint64(3);
        QTest::newRow("truncated") << QByteArray("{\"incidents\": [\n{\"id\": \"a\",\n") << qint64(3);
        QTest::newRow("trailing data") << QByteArray("{\"incidents\": []}\nx") << qint64(2);
        QTest::newRow("bad literal") << QByteArray("{\"incidents\": [\n{\"id\": tru}]}") << qint64(2);
        QTest::newRow("bad escape") << QByteArray("{\"incidents\": [{\"id\": \"a\\q\"}]}") << qint64(1);
        QTest::newRow("leading zero") << QByteArray("{\"incidents\": [{\"n\": 01}]}") << qint64(1);
        QTest::newRow("control character") << QByteArray("{\"incidents\": [{\"id\": \"a\tb\"}]}") << qint64(1);
        QTest::newRow("no incidents array") << QByteArray("{\"data\": []}") << qint64(1);
        QTest::newRow("incidents not an array") << QByteArray("{\"incidents\": {}}") << qint64(0);
    }

    void brokenJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, line);
        const Collected c = parseBytes(Format::PagerDutyRest, json);
        QVERIFY2(c.fileError, qPrintable(errorsText(c)));
        QCOMPARE(c.fileError->line, line);
    }

    // --- PagerDuty Analytics -------------------------------------------------------------

    void pagerDutyAnalytics()
    {
        const QByteArray json = R"({"data": [
  {"id": "A1", "incident_number": 5, "description": "Disk", "service_name": "db", "urgency": "high",
   "created_at": "2026-03-01T10:00:00", "seconds_to_first_ack": 30, "seconds_to_resolve": 3600,
   "resolved_at": "2026-03-01T10:15:00", "auto_resolved": false, "escalation_count": 2},
  {"id": "A2", "description": "Net", "created_at": "2026-03-01T10:00:00Z", "seconds_to_first_ack": null,
   "resolved_at": "2026-03-01T10:20:00Z", "auto_resolved": true},
  {"id": "A3", "created_at": "2026-03-01T10:00:00Z", "escalation_count": -1},
  {"id": "A4", "created_at": "2026-03-01T10:00:00Z", "resolved_at": "2026-03-01T09:00:00Z"}
], "more": false, "time_zone": "Etc/UTC"})";
        const Collected c = parseBytes(Format::PagerDutyAnalytics, json);
        QVERIFY(!c.fileError);
        QCOMPARE(c.pages.size(), std::size_t(2));
        const Page &a1 = c.pages[0];
        QCOMPARE(a1.sourceId, std::string("A1"));
        QCOMPARE(a1.title, std::string("Disk"));
        QCOMPARE(a1.service, std::string("db"));
        QCOMPARE(a1.createdAt, T0); // naive, workspace zone UTC
        QCOMPARE(a1.acknowledgedAt.value(), T0 + 30 * kMicrosPerSecond);
        QCOMPARE(a1.resolvedAt.value(), T0 + kMicrosPerHour); // created + seconds_to_resolve
        QCOMPARE(a1.autoResolved.value(), false);
        QCOMPARE(a1.escalationCount.value(), std::int64_t(2));
        const Page &a2 = c.pages[1];
        QVERIFY(!a2.acknowledgedAt);
        QCOMPARE(a2.resolvedAt.value(), T0 + 20 * kMicrosPerMinute);
        QCOMPARE(a2.autoResolved.value(), true);
        QCOMPARE(c.errors.size(), std::size_t(2));
        QVERIFY2(hasError(c, 7, "escalation_count", "negative count"), qPrintable(errorsText(c)));
        QVERIFY(hasError(c, 8, "resolved_at", "is before created_at"));
    }

    // --- Prometheus ----------------------------------------------------------------------

    void prometheusSumsSeries()
    {
        const QByteArray json = R"({"status": "success", "data": {"resultType": "matrix", "result": [
 {"metric": {"code": "200"}, "values": [[1772359200, "10"], [1772359260, "5"], [1772359320, "NaN"]]},
 {"metric": {"code": "500"}, "values": [[1772359200.5, "2.5"], [1772359200, "1"], [1772359260, "+Inf"]]}
]}})";
        ParseOptions o;
        o.sloName = "checkout";
        o.series = Series::Good;
        const Collected c = parseBytes(Format::Prometheus, json, o);
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.measurements.size(), std::size_t(3));
        QCOMPARE(c.measurements[0].slo, std::string("checkout"));
        QCOMPARE(c.measurements[0].timestamp, T0);
        QCOMPARE(c.measurements[0].good.value(), 11.0); // 10 + 1
        QVERIFY(!c.measurements[0].bad && !c.measurements[0].total);
        QCOMPARE(c.measurements[1].timestamp, T0 + 500000);
        QCOMPARE(c.measurements[1].good.value(), 2.5);
        QCOMPARE(c.measurements[2].timestamp, T0 + kMicrosPerMinute);
        QCOMPARE(c.measurements[2].good.value(), 5.0); // +Inf skipped
        QCOMPARE(c.notes.size(), std::size_t(1));
        QVERIFY(c.notes[0].find("skipped 2 NaN or infinite samples") != std::string::npos);
    }

    void prometheusErrors()
    {
        ParseOptions o;
        o.sloName = "checkout";
        o.series = Series::Total;
        const Collected negative = parseBytes(Format::Prometheus,
                                              "{\"data\": {\"resultType\": \"matrix\", \"result\": [\n"
                                              "{\"values\": [[1772359200, \"1\"],\n[1772359260, \"-4\"]]}]}}",
                                              o);
        QVERIFY(!negative.fileError);
        QCOMPARE(negative.measurements.size(), std::size_t(1));
        QVERIFY2(hasError(negative, 3, "data.result[0].values[1]", "negative count"), qPrintable(errorsText(negative)));

        const Collected vector = parseBytes(Format::Prometheus,
                                            "{\"data\": {\"result\": [], \"resultType\": \"vector\"}}", o);
        QVERIFY(vector.fileError);
        QVERIFY(vector.fileError->reason.find("'vector'") != std::string::npos);

        const Collected failed = parseBytes(Format::Prometheus, "{\"status\": \"error\", \"error\": \"bad query\"}", o);
        QVERIFY(failed.fileError);
        QVERIFY(failed.fileError->reason.find("bad query") != std::string::npos);

        const Collected noOptions = parseBytes(Format::Prometheus,
                                               "{\"data\": {\"resultType\": \"matrix\", \"result\": []}}");
        QVERIFY(noOptions.fileError);
        QVERIFY(noOptions.fileError->reason.find("--slo NAME --series") != std::string::npos);
    }

    // --- OpenSLO -------------------------------------------------------------------------

    void openSloV1MultipleObjectives()
    {
        // (moc reads a line starting with '#' inside a raw string as a directive: no comments here)
        const QByteArray yaml = R"(apiVersion: openslo/v1
kind: SLO
metadata:
  name: service-availability
  displayName: Availability
spec:
  description: SLA and an internal target
  service: web
  budgetingMethod: RatioTimeslices
  timeWindow:
    - duration: 1M
      isRolling: false
  objectives:
    - displayName: Internal
      target: 0.995
      timeSliceTarget: 0.99
      timeSliceWindow: 1m
    - displayName: SLA
      targetPercent: 99
)";
        const Collected c = parseBytes(Format::OpenSlo, yaml);
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.slos.size(), std::size_t(2));
        const Slo &a = c.slos[0];
        QCOMPARE(a.name, std::string("service-availability/Internal"));
        QCOMPARE(a.measurementSlo, std::string("service-availability"));
        QCOMPARE(a.displayName, std::string("Availability (Internal)"));
        QCOMPARE(a.service, std::string("web"));
        QCOMPARE(a.method, BudgetingMethod::Timeslices);
        QCOMPARE(a.objective, 0.995);
        QCOMPARE(a.windowSeconds, std::int64_t(30 * 86400));
        QCOMPARE(a.timeSliceTarget.value(), 0.99);
        QCOMPARE(a.timeSliceWindowSeconds.value(), std::int64_t(60));
        const Slo &b = c.slos[1];
        QCOMPARE(b.name, std::string("service-availability/SLA"));
        QCOMPARE(b.objective, 0.99);
    }

    void openSloListsDocumentsAndOtherKinds()
    {
        const QByteArray yaml = R"(- apiVersion: openslo/v1alpha
  kind: SLO
  metadata:
    name: web-latency
  spec:
    service: web
    budgetingMethod: Occurrences
    timeWindows:
      - unit: Week
        count: 1
        isRolling: true
    objectives:
      - target: 0.98
- apiVersion: openslo/v1alpha
  kind: Service
  metadata:
    name: web
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout
spec:
  objectives:
    - target: 0.999
---
apiVersion: openslo.com/v2alpha
kind: SLO
metadata:
  name: future
spec:
  objectives:
    - target: 0.9
)";
        const Collected c = parseBytes(Format::OpenSlo, yaml);
        QVERIFY2(!c.fileError && c.errors.empty(), qPrintable(errorsText(c)));
        QCOMPARE(c.slos.size(), std::size_t(2));
        QCOMPARE(c.slos[0].name, std::string("web-latency"));
        QCOMPARE(c.slos[0].windowSeconds, std::int64_t(7 * 86400));
        QCOMPARE(c.slos[0].objective, 0.98);
        QCOMPARE(c.slos[1].name, std::string("checkout"));
        QCOMPARE(c.slos[1].windowSeconds, std::int64_t(28 * 86400)); // the default
        QCOMPARE(c.slos[1].method, BudgetingMethod::Occurrences);
        QCOMPARE(c.notes.size(), std::size_t(2));
        QVERIFY(c.notes[0].find("line 14: skipped Service 'web'") != std::string::npos);
        QVERIFY(c.notes[1].find("apiVersion 'openslo.com/v2alpha'") != std::string::npos);
    }

    void openSloErrors()
    {
        const QByteArray yaml = R"(apiVersion: openslo/v1
kind: SLO
metadata:
  name: no-target
spec:
  objectives:
    - displayName: nothing
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: bad-window
spec:
  timeWindow:
    - duration: forever
  objectives:
    - target: 0.9
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: too-high
spec:
  budgetingMethod: Occurrences
  objectives:
    - target: 1.5
)";
        const Collected c = parseBytes(Format::OpenSlo, yaml);
        QVERIFY(!c.fileError);
        QCOMPARE(c.slos.size(), std::size_t(0));
        QCOMPARE(c.errors.size(), std::size_t(3));
        QVERIFY2(hasError(c, 7, "spec.objectives[0].target", "required value is missing"), qPrintable(errorsText(c)));
        QVERIFY(hasError(c, 15, "spec.timeWindow[0].duration", "not a duration"));
        QVERIFY(hasError(c, 26, "spec.objectives[0].target", "at most 1"));

        const Collected broken = parseBytes(Format::OpenSlo,
                                            "apiVersion: openslo/v1\nkind: SLO\nmetadata: [unclosed\n");
        QVERIFY(broken.fileError);
        QVERIFY(broken.fileError->reason.find("invalid YAML") != std::string::npos);
        QVERIFY(broken.fileError->line >= 3);
    }

    // --- SLO measurements and debt ---------------------------------------------------------

    void measurementsCsv()
    {
        const Collected c = parseBytes(Format::SloMeasurements,
                                       "slo,timestamp,good,bad,total\n"
                                       "checkout,2026-03-01T10:00:00Z,990,,1000\n"
                                       "checkout,2026-03-01T11:00:00Z,,5.5,1000\n"
                                       "checkout,2026-03-01T12:00:00Z,,,1000\n"
                                       "checkout,2026-03-01T13:00:00Z,1,,-3\n"
                                       "checkout,2026-03-01T14:00:00Z,1,,\n");
        QCOMPARE(c.measurements.size(), std::size_t(2));
        QCOMPARE(c.measurements[0].good.value(), 990.0);
        QVERIFY(!c.measurements[0].bad);
        QCOMPARE(c.measurements[0].total.value(), 1000.0);
        QCOMPARE(c.measurements[1].bad.value(), 5.5);
        QCOMPARE(c.errors.size(), std::size_t(3));
        QVERIFY2(hasError(c, 4, "good", "required value is empty"), qPrintable(errorsText(c)));
        QVERIFY(hasError(c, 5, "total", "negative count"));
        QVERIFY(hasError(c, 6, "total", "required value is empty"));

        const Collected noSeries = parseBytes(Format::SloMeasurements,
                                              "slo,timestamp,total\ncheckout,2026-03-01T10:00:00Z,1\n");
        QVERIFY(noSeries.fileError);
        QCOMPARE(noSeries.fileError->column, std::string("good"));
    }

    void debtCsv()
    {
        const Collected c = parseBytes(
            Format::Debt,
            "ID,Title,Theme,Toil_Hours_Per_Week,Cost_Weeks,Risk_Likelihood,Risk_Impact,Fowler,Depends_On,"
            "Linked_Metric,Status,Pinned_Quarter,Notes\n"
            "OPS-1,Canary analysis,Change,6,2.5,4,5,Careless-Intentional,OPS-2; OPS-3;;OPS-2,change_failure_rate,"
            "Done,2027q2,\"Vendor quote: 40 weeks,\nincluding \"\"migration\"\"\"\n"
            "OPS-2,Runbooks,,0,1,,,,,,,,\n"
            "OPS-3,Bad risk,incident,1,1,6,1,,,,,,\n"
            "OPS-4,Bad theme,people,1,1,,,,,,,,\n"
            "OPS-5,Negative,incident,-1,1,,,,,,,,\n"
            "OPS-6,Bad quarter,incident,1,1,,,,,,,2027Q5,\n"
            "OPS-7,Bad status,incident,1,1,,,,,,closed,,\n");
        QCOMPARE(c.debt.size(), std::size_t(2));
        const DebtItem &a = c.debt[0];
        QCOMPARE(a.id, std::string("OPS-1"));
        QCOMPARE(a.theme, std::optional(Theme::Change));
        QCOMPARE(a.toilHoursPerWeek, 6.0);
        QCOMPARE(a.costWeeks, 2.5);
        QCOMPARE(a.riskLikelihood, 4);
        QCOMPARE(a.riskImpact, 5);
        QCOMPARE(a.fowler, std::string("careless-intentional"));
        QCOMPARE(a.dependsOn, (std::vector<std::string>{"OPS-2", "OPS-3"}));
        QCOMPARE(a.status, DebtStatus::Done);
        QCOMPARE(a.pinnedQuarter, std::string("2027Q2"));
        QCOMPARE(a.notes, std::string("Vendor quote: 40 weeks,\nincluding \"migration\""));
        const DebtItem &b = c.debt[1];
        QCOMPARE(b.riskLikelihood, 1);        // defaults
        QVERIFY(!b.theme);                    // empty: no theme
        QCOMPARE(b.status, DebtStatus::Open); // empty: open
        QVERIFY(b.dependsOn.empty());
        QCOMPARE(c.errors.size(), std::size_t(5));
        QVERIFY2(hasError(c, 5, "risk_likelihood", "from 1 to 5"), qPrintable(errorsText(c)));
        QVERIFY(hasError(c, 6, "theme", "unknown value 'people' (accepted: change, detection, incident, improvement)"));
        QVERIFY(hasError(c, 7, "toil_hours_per_week", "negative count"));
        QVERIFY(hasError(c, 8, "pinned_quarter", "not a quarter"));
        QVERIFY(hasError(c, 9, "status", "unknown value 'closed' (accepted: open, done)"));
    }

    // --- detection -----------------------------------------------------------------------

    void detection_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("deployments") << QByteArray("Deployment_ID,service,Finished_At\n") << QByteArray("deployments");
        QTest::newRow("changes") << QByteArray("commit_sha,deployment_id,committed_at\n") << QByteArray("changes");
        QTest::newRow("incidents") << QByteArray("incident_id,started_at,title\n") << QByteArray("incidents");
        QTest::newRow("pages") << QByteArray("\xEF\xBB\xBF\"created_at\",\"title\"\n") << QByteArray("pages");
        QTest::newRow("pagerduty csv") << QByteArray("id,created_on,description\n") << QByteArray("pagerduty-csv");
        QTest::newRow("measurements") << QByteArray("slo,timestamp,good,total\n") << QByteArray("slo-measurements");
        QTest::newRow("debt") << QByteArray("id,title,toil_hours_per_week,cost_weeks\n") << QByteArray("debt");
        QTest::newRow("rest page") << QByteArray(" {\"incidents\": [], \"more\": false}")
                                   << QByteArray("pagerduty-api");
        QTest::newRow("rest pages") << QByteArray("[{\"limit\": 1, \"incidents\": []}]") << QByteArray("pagerduty-api");
        QTest::newRow("rest bare") << QByteArray("[{\"id\": \"P\", \"created_at\": \"x\", \"title\": \"t\"}]")
                                   << QByteArray("pagerduty-api");
        QTest::newRow("analytics") << QByteArray("{\"data\": [{\"id\": \"A\"}]}") << QByteArray("pagerduty-analytics");
        QTest::newRow("prometheus") << QByteArray("{\"status\": \"success\", \"data\": {\"resultType\": \"matrix\"}}")
                                    << QByteArray("prometheus");
        QTest::newRow("openslo") << QByteArray("# c\napiVersion: openslo/v1\nkind: SLO\n") << QByteArray("openslo");
        QTest::newRow("JSON with BOM") << QByteArray("\xEF\xBB\xBF{\"incidents\": []}") << QByteArray("pagerduty-api");
        QTest::newRow("YAML with BOM") << QByteArray("\xEF\xBB\xBF"
                                                     "apiVersion: openslo/v1\n")
                                       << QByteArray("openslo");
        QTest::newRow("openslo list") << QByteArray("- apiVersion: \"openslo/v1alpha\"\n  kind: Service\n")
                                      << QByteArray("openslo");
        QTest::newRow("incident_id excludes pages") << QByteArray("created_at,title,incident_id\n") << QByteArray();
        QTest::newRow("other JSON") << QByteArray("[{\"tinyId\": \"1\", \"createdAt\": \"x\"}]") << QByteArray();
        QTest::newRow("other YAML") << QByteArray("apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\n")
                                    << QByteArray();
        QTest::newRow("unknown CSV") << QByteArray("a,b,c\n1,2,3\n") << QByteArray();
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }

    void detection()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, expected);
        const auto f = detectFormat(content);
        QCOMPARE(QByteArray(f ? formatId(*f) : ""), expected);
    }
};

QTEST_GUILESS_MAIN(TstParsers)
#include "tst_parsers.moc"
