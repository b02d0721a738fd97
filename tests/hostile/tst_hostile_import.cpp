// Hostile imports (docs/hostile-input.md#limits, #text): values beyond a field's sane range are
// bad rows that name the column, YAML is bounded in documents and nodes, control characters
// and invalid UTF-8 are refused in ids and cleaned in titles, and what a workspace holds by
// hand (times at the end of the calendar, sums that overflow) cannot derail the figures.
#include "hostile.h"

#include "importers/parser.h"
#include "importers/recordcheck.h"
#include "store/workspace.h"
#include "tests/common/parsertestutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <sys/resource.h>

using namespace srm;
using namespace srm::importers;
using namespace srm::test;

namespace {

QString errors(const Collected &c)
{
    QStringList out;
    for (const ParseError &e : c.errors)
        out << QString::fromStdString(e.text());
    if (c.fileError)
        out << QStringLiteral("file: ") + QString::fromStdString(c.fileError->text());
    return out.join(u'\n');
}

// Runs the binary with its address space capped at `megabytes`.
CliResult runCapped(const QStringList &args, int megabytes)
{
    QProcess p;
    capAddressSpace(p, megabytes);
    p.start(QStringLiteral(SRM_BINARY), args);
    CliResult r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TstHostileImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString file(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, content);
        return path;
    }

private slots:
    // A number outside its column's sane range is a bad row naming the column. PagerDuty
    // durations of 1e300 or 9.3e15 seconds once overflowed into times 290,000 years before
    // the page was created, were accepted, and counted in time to acknowledge.
    void numbersOutsideTheirRange_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("column");
        QTest::addColumn<int>("line");
        const QByteArray pdHead = "created_on,description,seconds_to_first_ack,seconds_to_resolve,escalation_count\n";
        QTest::newRow("ack 1e300 s") << int(Format::PagerDutyCsv) << pdHead + "2026-03-01T00:00:00Z,x,1e300,60,0\n"
                                     << QStringLiteral("seconds_to_first_ack") << 2;
        QTest::newRow("ack 9.3e15 s") << int(Format::PagerDutyCsv) << pdHead + "2026-03-01T00:00:00Z,x,9.3e15,60,0\n"
                                      << QStringLiteral("seconds_to_first_ack") << 2;
        QTest::newRow("resolve 11 years")
            << int(Format::PagerDutyCsv) << pdHead + "2026-03-01T00:00:00Z,x,60,347133600,0\n"
            << QStringLiteral("seconds_to_resolve") << 2;
        QTest::newRow("escalations 1e12")
            << int(Format::PagerDutyCsv) << pdHead + "2026-03-01T00:00:00Z,x,60,60,1000000000000\n"
            << QStringLiteral("escalation_count") << 2;
        QTest::newRow("analytics ack 1e300 s")
            << int(Format::PagerDutyAnalytics)
            << QByteArray(
                   R"({"data": [{"id": "Q1", "created_at": "2026-03-01T00:00:00Z", "seconds_to_first_ack": 1e300}]})")
            << QStringLiteral("seconds_to_first_ack") << 1;
        const QByteArray debtHead = "id,title,toil_hours_per_week,cost_weeks\n";
        QTest::newRow("toil 1e308") << int(Format::Debt) << debtHead + "OPS-1,x,1e308,1\n"
                                    << QStringLiteral("toil_hours_per_week") << 2;
        QTest::newRow("toil 6e307") << int(Format::Debt) << debtHead + "OPS-1,x,6e307,1\n"
                                    << QStringLiteral("toil_hours_per_week") << 2;
        QTest::newRow("cost 1e300") << int(Format::Debt) << debtHead + "OPS-1,x,1,1e300\n"
                                    << QStringLiteral("cost_weeks") << 2;
        QTest::newRow("measurement 1e300")
            << int(Format::SloMeasurements)
            << QByteArray("slo,timestamp,total,good\nchk,2026-03-01T00:00:00Z,1e300,1e300\n") << QStringLiteral("total")
            << 2;
        QTest::newRow("page created before 1970")
            << int(Format::Pages) << QByteArray("created_at,title\n1969-12-31T23:59:59Z,x\n")
            << QStringLiteral("created_at") << 2;
        QTest::newRow("page created in 9999")
            << int(Format::Pages) << QByteArray("created_at,title\n9999-12-31T00:00:00Z,x\n")
            << QStringLiteral("created_at") << 2;
        QTest::newRow("deployment in 2200")
            << int(Format::Deployments) << QByteArray("deployment_id,finished_at\nd1,2200-01-01T00:00:00Z\n")
            << QStringLiteral("finished_at") << 2;
        QTest::newRow("incident resolved in 2250")
            << int(Format::Incidents)
            << QByteArray("incident_id,started_at,resolved_at\ni1,2026-03-01T00:00:00Z,2250-01-01T00:00:00Z\n")
            << QStringLiteral("resolved_at") << 2;
    }
    void numbersOutsideTheirRange()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, content);
        QFETCH(QString, column);
        QFETCH(int, line);
        const Collected c = parseBytes(Format(format), content);
        QVERIFY2(c.records() == 0, qPrintable(errors(c)));
        QCOMPARE(c.errors.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(c.errors[0].column), column);
        QCOMPARE(c.errors[0].line, std::int64_t(line));

        // Through the command line: exit 2, FILE:2: column 'x': ..., nothing imported.
        const QString path = file(
            QStringLiteral("in-%1.txt").arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-'), content);
        const QString ws = m_dir.filePath(QStringLiteral("numbers.srmap"));
        QFile::remove(ws);
        const CliResult r = runCli({QStringLiteral("import"), ws, path, QStringLiteral("--format"),
                                    QString::fromLatin1(formatId(Format(format)))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("%1:%2: column '%3': ").arg(path).arg(line).arg(column)),
                 r.err.constData());
        QVERIFY(!QFile::exists(ws));
    }

    // The accepted extremes still import: ten years to acknowledge, 10,000 hours of toil.
    void numbersAtTheLimitImport()
    {
        Collected c = parseBytes(Format::PagerDutyCsv,
                                 "created_on,description,seconds_to_first_ack\n"
                                 "2026-03-01T00:00:00Z,x,315576000\n");
        QVERIFY2(c.errors.empty(), qPrintable(errors(c)));
        QCOMPARE(c.pages.at(0).acknowledgedAt.value() - c.pages[0].createdAt, Micros(315576000) * kMicrosPerSecond);
        c = parseBytes(Format::Debt, "id,title,toil_hours_per_week,cost_weeks\nOPS-1,x,10000,10000\n");
        QVERIFY2(c.errors.empty(), qPrintable(errors(c)));
        QCOMPARE(c.debt.at(0).toilHoursPerWeek, 10000.0);
    }

    // Identifiers with control characters, bidi controls or invalid UTF-8 are bad rows; titles
    // keep their words with control characters as spaces and invalid bytes as U+FFFD.
    void textHygiene()
    {
        QByteArray csv = "created_at,title,id,service\n";
        csv += "2026-03-01T00:00:00Z,\"Disk \x1b[31mfull\x07 on\tdb\xff\xfe-1\",P1,db\n";
        csv += "2026-03-01T00:01:00Z,ok,\"P2\x1b[2J\",db\n";
        csv += "2026-03-01T00:02:00Z,ok,P3\xc3,db\n";
        csv += "2026-03-01T00:03:00Z,ok,\"P4\xe2\x80\xae\",db\n"; // U+202E RIGHT-TO-LEFT OVERRIDE
        csv += "2026-03-01T00:04:00Z,\"fake\nimport.csv:1: column 'x': owned\",P5,\"d\x01"
               "b\"\n";
        const Collected c = parseBytes(Format::Pages, csv);
        QCOMPARE(c.pages.size(), std::size_t(2));
        QCOMPARE(c.pages[0].title, std::string("Disk  [31mfull  on db\xef\xbf\xbd\xef\xbf\xbd-1"));
        QCOMPARE(c.pages[1].title, std::string("fake import.csv:1: column 'x': owned"));
        QCOMPARE(c.pages[1].service, std::string("d b"));
        QCOMPARE(c.errors.size(), std::size_t(3));
        for (const ParseError &e : c.errors)
            QCOMPARE(e.column, std::string("id"));
        QVERIFY(c.errors[0].reason.find("control character U+001B") != std::string::npos);
        QVERIFY(c.errors[1].reason.find("not valid UTF-8") != std::string::npos);
        QVERIFY(c.errors[2].reason.find("bidi control character U+202E") != std::string::npos);

        // On the terminal: one line per bad row, the escape shown, not sent.
        const QString path = file(QStringLiteral("dirty.csv"), csv);
        const QString ws = m_dir.filePath(QStringLiteral("dirty.srmap"));
        QFile::remove(ws);
        const CliResult r = runCli({QStringLiteral("import"), ws, path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.contains('\x1b'));
        QVERIFY2(r.errText().contains(QStringLiteral("P2\\x1b[2J")), r.err.constData());
        for (const QString &line : r.errText().split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(path + u':'), qPrintable(line));
    }

    // Text fields are bounded: a 1 MB word in a title is a bad row, not a 21-second report.
    void textIsBounded()
    {
        const QByteArray word(1 << 20, 'W');
        const Collected c = parseBytes(Format::Debt,
                                       "id,title,toil_hours_per_week,cost_weeks\nOPS-1," + word + ",1,1\n");
        QCOMPARE(c.debt.size(), std::size_t(0));
        QCOMPARE(c.errors.size(), std::size_t(1));
        QCOMPARE(c.errors[0].column, std::string("title"));
        QVERIFY(c.errors[0].reason.find("1048576 bytes long; at most 4096") != std::string::npos);
        const Collected ok = parseBytes(
            Format::Debt, "id,title,toil_hours_per_week,cost_weeks\nOPS-1," + QByteArray(4096, 'w') + ",1,1\n");
        QCOMPARE(ok.debt.size(), std::size_t(1));
    }

    // YAML is bounded in documents and nodes before yaml-cpp builds anything: 15 MB of empty
    // documents or of "[]" once took 2.4–2.7 GB. Run under a 1 GB address-space cap.
    void yamlIsBounded_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty documents") << QByteArray("---\n") << QStringLiteral("more than 10000 YAML documents");
        QTest::newRow("empty lists") << QByteArray("- []\n") << QStringLiteral("more than 200000 YAML nodes");
        QTest::newRow("flow lists") << QByteArray("[[],[],[],[]]\n---\n") << QStringLiteral("more than");
    }
    void yamlIsBounded()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("big.yaml"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const QByteArray block = line.repeated(int(65536 / line.size()));
            while (f.size() < 15 * 1024 * 1024)
                f.write(block);
        }
        const QString ws = m_dir.filePath(QStringLiteral("yaml.srmap"));
        QElapsedTimer clock;
        clock.start();
        const CliResult r = runCapped(
            {QStringLiteral("import"), ws, path, QStringLiteral("--format"), QStringLiteral("openslo")}, 1024);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(message), r.err.constData());
        QVERIFY(clock.elapsed() < 20000);
    }

    // What a workspace holds by hand cannot derail the figures: a page at the largest time
    // SQLite stores gives an as-of on the calendar, and sums that overflow to infinity give
    // an SLO no attainment (neither met nor missed) instead of counting as met.
    void storedExtremes()
    {
        const QString ws = m_dir.filePath(QStringLiteral("extremes.srmap"));
        QFile::remove(ws);
        QCOMPARE(runCli({QStringLiteral("import"), ws, file(QStringLiteral("p.csv"), pagesCsv(5))}).exitCode, 0);
        const QString slo = file(QStringLiteral("slo.yaml"),
                                 "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: chk\n"
                                 "spec:\n  objectives:\n    - target: 0.99\n");
        QCOMPARE(runCli({QStringLiteral("import"), ws, slo}).exitCode, 0);
        QVERIFY(tamper(
            ws,
            {QStringLiteral("INSERT INTO pages (ukey, title, created_at, group_id) SELECT 42, 'late', "
                            "9223372036854775807, id FROM alert_groups LIMIT 1"),
             QStringLiteral("INSERT INTO slo_measurements (slo, ts, good, total) VALUES "
                            "('chk', 1772323200000000, 1e308, 1e308), ('chk', 1772326800000000, 1e308, 1e308)")}));
        CliResult r = runCli({QStringLiteral("metrics"), ws, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("as_of")).toString(), QStringLiteral("2200-01-01T00:00:00Z"));

        r = runCli({QStringLiteral("metrics"), ws, QStringLiteral("--json"), QStringLiteral("--as-of"),
                    QStringLiteral("2026-03-02")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject m = QJsonDocument::fromJson(r.out).object();
        const QJsonArray slos = m.value(QStringLiteral("slos")).toArray();
        QCOMPARE(slos.size(), 1);
        QVERIFY2(slos[0].toObject().value(QStringLiteral("met")).isNull(), r.out.constData());
        QVERIFY(slos[0].toObject().value(QStringLiteral("attainment")).isNull());
        for (const QJsonValue &metric : m.value(QStringLiteral("metrics")).toArray())
            if (metric.toObject().value(QStringLiteral("id")).toString() == u"slo_compliance")
                QVERIFY(metric.toObject().value(QStringLiteral("value")).isNull());

        // An as-of off the calendar is a usage error.
        for (const char *asOf : {"10000-01-01", "1969-12-31", "2200-01-02"})
            QCOMPARE(
                runCli({QStringLiteral("metrics"), ws, QStringLiteral("--as-of"), QString::fromLatin1(asOf)}).exitCode,
                2);
    }
};

QTEST_GUILESS_MAIN(TstHostileImport)
#include "tst_hostile_import.moc"
