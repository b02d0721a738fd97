// Files as other people write them, through the real `sre-roadmap import` (docs/formats.md): the
// ownership CSV stored, idempotent and removed with its import; Prometheus float timestamps,
// error responses and bare result arrays; OpenSLO from an operator; readable SQL views of what
// was imported. Fixtures are our own (tests/fixtures/realworld); counts are worked out by hand.
#include "store/workspace.h"
#include "tests/common/testutil.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace srm;
using namespace srm::test;

namespace {

QString fixture(const char *name)
{
    return fixturesDir() + QStringLiteral("/realworld/") + QString::fromLatin1(name);
}

// The rows of a query, each as its columns joined by '|'.
QStringList rows(const QString &ws, const QString &sql)
{
    auto w = Workspace::open(ws);
    QSqlQuery q(w->database());
    QStringList out;
    if (!q.exec(sql))
        return {QStringLiteral("error: ") + q.lastError().text()};
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < q.record().count(); ++i)
            fields << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        out << fields.join(u'|');
    }
    return out;
}

} // namespace

class TstRealWorldCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString file(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, content);
        return path;
    }
    QString workspacePath(const QString &name) { return m_dir.filePath(name + QStringLiteral(".srmap")); }

private slots:
    // --- ownership -------------------------------------------------------------------------

    void ownershipImportsOnceAndLeavesWithItsImport()
    {
        const QString ws = workspacePath(QStringLiteral("owners"));
        const QString owners = fixture("ownership.csv");
        // checkout (added), search (added), checkout again with the same team (unchanged),
        // frontend (added).
        CliResult r = runCli({QStringLiteral("import"), ws, owners});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral(": ownership, 3 added, 0 updated, 1 unchanged, 0 skipped")),
                 r.out.constData());
        const QString query = QStringLiteral("SELECT service, team FROM ownership ORDER BY service");
        const QStringList expected = {QStringLiteral("checkout|payments"), QStringLiteral("frontend|web"),
                                      QStringLiteral("search|discovery")};
        QCOMPARE(rows(ws, query), expected);

        // Again: nothing changes.
        r = runCli({QStringLiteral("import"), ws, owners});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral(": ownership, 0 added, 0 updated, 4 unchanged, 0 skipped")),
                 r.out.constData());
        QCOMPARE(rows(ws, query), expected);

        // Removing the import that wrote them removes them.
        {
            auto w = Workspace::open(ws);
            for (const ImportLogEntry &e : w->importLog())
                w->removeImport(e.id);
        }
        QCOMPARE(rows(ws, query), QStringList());
    }

    void ownershipConflictImportsNothing()
    {
        const QString ws = workspacePath(QStringLiteral("conflict"));
        const QString conflict = fixture("ownership-conflict.csv");
        const CliResult r = runCli({QStringLiteral("import"), ws, conflict});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(conflict
                                      + QStringLiteral(":4: column 'team': service 'checkout' is already owned by "
                                                       "'payments' (line 2); a service has one team")),
                 r.err.constData());
        QVERIFY(r.errText().contains(conflict + QStringLiteral(":5: column 'service': required value is empty")));
        QVERIFY(!QFileInfo::exists(ws)); // nothing imported, no workspace made

        // With --skip-bad-rows the first owner stays.
        const CliResult lenient = runCli({QStringLiteral("import"), ws, conflict, QStringLiteral("--skip-bad-rows")});
        QCOMPARE(lenient.exitCode, 0);
        QCOMPARE(rows(ws, QStringLiteral("SELECT service, team FROM ownership ORDER BY service")),
                 QStringList({QStringLiteral("checkout|payments"), QStringLiteral("search|discovery")}));
    }

    // --- Prometheus ------------------------------------------------------------------------

    void prometheusFloatTimestamps()
    {
        const QString ws = workspacePath(QStringLiteral("prometheus"));
        const CliResult r = runCli({QStringLiteral("import"), ws, fixture("prometheus-float-timestamps.json"),
                                    QStringLiteral("--slo"), QStringLiteral("checkout"), QStringLiteral("--series"),
                                    QStringLiteral("total")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral("prometheus, 4 added")), r.out.constData());
        // The readable view shows them as ISO text (see tst_realworld for the sums).
        QCOMPARE(rows(ws,
                      QStringLiteral("SELECT slo, timestamp, good, bad, total FROM slo_measurements_readable "
                                     "ORDER BY timestamp")),
                 QStringList({QStringLiteral("checkout|2026-10-03T04:00:00.000Z|NULL|NULL|123"),
                              QStringLiteral("checkout|2026-10-03T05:00:00.000Z|NULL|NULL|80"),
                              QStringLiteral("checkout|2026-10-03T05:00:00.500Z|NULL|NULL|1"),
                              QStringLiteral("checkout|2026-10-03T06:00:00.000Z|NULL|NULL|102")}));
    }

    void prometheusErrorResponseExits2()
    {
        const QString ws = workspacePath(QStringLiteral("prometheus-error"));
        const QString error = fixture("prometheus-error.json");
        // Detected as Prometheus, and reported as Prometheus's own error, --slo or not.
        for (const QStringList &extra : {QStringList(),
                                         QStringList({QStringLiteral("--slo"), QStringLiteral("x"),
                                                      QStringLiteral("--series"), QStringLiteral("bad")})}) {
            const CliResult r = runCli(QStringList({QStringLiteral("import"), ws, error}) + extra);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.errText().contains(error
                                          + QStringLiteral(": prometheus error bad_data: invalid parameter \"start\": "
                                                           "cannot parse \"yesterday\" to a valid timestamp\n")),
                     r.err.constData());
        }
        QVERIFY(!QFileInfo::exists(ws));
    }

    void prometheusBareArrayAndWarnings()
    {
        const QString ws = workspacePath(QStringLiteral("prometheus-bare"));
        const QString bare = fixture("prometheus-bare-result.json");
        const CliResult guessed = runCli({QStringLiteral("import"), ws, bare, QStringLiteral("--slo"),
                                          QStringLiteral("search"), QStringLiteral("--series"),
                                          QStringLiteral("good")});
        QCOMPARE(guessed.exitCode, 2);
        QVERIFY2(guessed.errText().contains(QStringLiteral("a bare Prometheus result array: import it with --format "
                                                           "prometheus")),
                 guessed.err.constData());

        const CliResult named = runCli({QStringLiteral("import"), ws, bare, QStringLiteral("--format"),
                                        QStringLiteral("prometheus"), QStringLiteral("--slo"), QStringLiteral("search"),
                                        QStringLiteral("--series"), QStringLiteral("good")});
        QCOMPARE(named.exitCode, 0);
        QCOMPARE(
            rows(ws, QStringLiteral("SELECT slo, timestamp, good FROM slo_measurements_readable ORDER BY timestamp")),
            QStringList({QStringLiteral("search|2026-10-03T04:00:00.000Z|42"),
                         QStringLiteral("search|2026-10-03T05:00:00.000Z|60")}));

        const QString warnings = fixture("prometheus-warnings.json");
        const CliResult noted = runCli({QStringLiteral("import"), ws, warnings, QStringLiteral("--slo"),
                                        QStringLiteral("search"), QStringLiteral("--series"), QStringLiteral("total")});
        QCOMPARE(noted.exitCode, 0);
        QVERIFY2(noted.errText().contains(warnings
                                          + QStringLiteral(": note: prometheus warning: PromQL info: metric "
                                                           "might not be a counter\n")),
                 noted.err.constData());
        QVERIFY(noted.errText().contains(QStringLiteral("note: prometheus warning: remote read: partial data")));
    }

    // --- column mapping and profiles -------------------------------------------------------

    void foreignDeploymentLogThroughMap()
    {
        const QString ws = workspacePath(QStringLiteral("mapped"));
        const QString log = fixture("ci-deployments.csv");
        // Not recognised: the message says how to map it.
        const CliResult unknown = runCli({QStringLiteral("import"), ws, log});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.errText().contains(QStringLiteral("map its columns with --map FIELD=COLUMN")),
                 unknown.err.constData());

        const QStringList mapping = {QStringLiteral("--format"), QStringLiteral("deployments"),
                                     QStringLiteral("--map"),    QStringLiteral("deployment_id=Run ID"),
                                     QStringLiteral("--map"),    QStringLiteral("finished_at=finished"),
                                     QStringLiteral("--map"),    QStringLiteral("started_at=Started"),
                                     QStringLiteral("--map"),    QStringLiteral("service=Pipeline"),
                                     QStringLiteral("--map"),    QStringLiteral("result=Status"),
                                     QStringLiteral("--map"),    QStringLiteral("commit_sha=Commit")};
        const CliResult r = runCli(QStringList({QStringLiteral("import"), ws, log}) + mapping);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral(": deployments, 3 added, 0 updated, 0 unchanged, 0 skipped")),
                 r.out.constData());
        QCOMPARE(rows(ws,
                      QStringLiteral("SELECT deployment_id, service, environment, result, started_at, finished_at, "
                                     "commit_sha FROM deployments_readable ORDER BY deployment_id")),
                 QStringList({QStringLiteral("run-101|checkout|Production|success|2026-03-02T09:00:00.000Z|"
                                             "2026-03-02T09:12:30.000Z|a1b2c3"),
                              QStringLiteral("run-102|search|Production|failure|2026-03-02T10:00:00.000Z|"
                                             "2026-03-02T10:05:00.000Z|d4e5f6"),
                              QStringLiteral("run-103|checkout|staging|success|2026-03-03T08:00:00.000Z|"
                                             "2026-03-03T08:03:00.000Z|a7b8c9")}));
        // "Production" counts as production (the vocabulary of docs/formats.md, any case): 2 of the 3.
        QCOMPARE(rows(ws, QStringLiteral("SELECT count(*) FROM deployments WHERE is_production = 1")),
                 QStringList({QStringLiteral("2")}));
        // Idempotent like any import.
        const CliResult again = runCli(QStringList({QStringLiteral("import"), ws, log}) + mapping);
        QVERIFY(again.outText().contains(QStringLiteral("0 added, 0 updated, 3 unchanged")));
    }

    void mapErrorsExit2_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown field") << QStringList({QStringLiteral("--format"), QStringLiteral("deployments"),
                                                       QStringLiteral("--map"), QStringLiteral("run=Run ID")})
                                       << QStringLiteral("--map: unknown field 'run' of the deployments format");
        QTest::newRow("column not in header")
            << QStringList({QStringLiteral("--format"), QStringLiteral("deployments"), QStringLiteral("--map"),
                            QStringLiteral("deployment_id=Run"), QStringLiteral("--map"),
                            QStringLiteral("finished_at=Finished")})
            << QStringLiteral(
                   "ci-deployments.csv:1: column 'Run': no such column in the header (mapped to deployment_id");
        QTest::newRow("required missing")
            << QStringList({QStringLiteral("--format"), QStringLiteral("deployments"), QStringLiteral("--map"),
                            QStringLiteral("deployment_id=Run ID")})
            << QStringLiteral(
                   "ci-deployments.csv:1: column 'finished_at': missing required column 'finished_at' in the "
                   "header (and no column is mapped to it)");
        QTest::newRow("no format") << QStringList({QStringLiteral("--map"), QStringLiteral("deployment_id=Run ID")})
                                   << QStringLiteral("--map needs --format");
        QTest::newRow("not FIELD=COLUMN") << QStringList({QStringLiteral("--format"), QStringLiteral("deployments"),
                                                          QStringLiteral("--map"), QStringLiteral("deployment_id")})
                                          << QStringLiteral("--map takes FIELD=COLUMN, not 'deployment_id'");
        QTest::newRow("JSON format") << QStringList({QStringLiteral("--format"), QStringLiteral("pagerduty-api"),
                                                     QStringLiteral("--map"), QStringLiteral("id=x")})
                                     << QStringLiteral(
                                            "--map: column mapping needs a CSV format; pagerduty-api is not one");
    }

    void mapErrorsExit2()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, error);
        const QString ws = workspacePath(QStringLiteral("map-errors"));
        const CliResult r = runCli(QStringList({QStringLiteral("import"), ws, fixture("ci-deployments.csv")})
                                   + options);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(error), r.err.constData());
        QVERIFY(!QFileInfo::exists(ws));
    }

    void profilesFromTheCommandLine()
    {
        const QString ws = workspacePath(QStringLiteral("profiles"));
        const QString log = fixture("ci-deployments.csv");
        const QStringList save = {QStringLiteral("profile"),
                                  QStringLiteral("save"),
                                  ws,
                                  QStringLiteral("ci vendor"),
                                  log,
                                  QStringLiteral("--format"),
                                  QStringLiteral("deployments"),
                                  QStringLiteral("--map"),
                                  QStringLiteral("Deployment_ID=Run ID"),
                                  QStringLiteral("--map"),
                                  QStringLiteral("finished_at=Finished")};
        // A mapping that would not read the file is refused before anything is made.
        const CliResult refused = runCli(save.mid(0, 9));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.errText().contains(QStringLiteral("missing required column 'finished_at'")),
                 refused.err.constData());
        QVERIFY(!QFileInfo::exists(ws));

        CliResult r = runCli(save);
        QCOMPARE(r.exitCode, 0);
        r = runCli({QStringLiteral("profile"), QStringLiteral("list"), ws});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().startsWith(QStringLiteral(
                     "ci vendor\tdeployments\tdeployment_id=Run ID, finished_at=Finished\t"
                     "[\"commit\",\"environment\",\"finished\",\"pipeline\",\"run id\",\"started\",\"status\"]\t")),
                 r.out.constData());

        // The unrecognised file is now read with the profile (the other fields by name).
        r = runCli({QStringLiteral("import"), ws, log});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.errText().contains(
                     log + QStringLiteral(": note: read as deployments with the import profile 'ci vendor'")),
                 r.err.constData());
        QVERIFY(r.outText().contains(QStringLiteral(": deployments, 3 added")));
        QCOMPARE(
            rows(ws, QStringLiteral("SELECT deployment_id, environment, result FROM deployments ORDER BY 1")),
            QStringList({QStringLiteral("run-101|Production|success"), QStringLiteral("run-102|Production|success"),
                         QStringLiteral("run-103|staging|success")})); // Status is not mapped: the default
        QCOMPARE(rows(ws, QStringLiteral("SELECT notes FROM imports")),
                 QStringList({QStringLiteral("read as deployments with the import profile 'ci vendor'")}));

        // A file with the same columns in another order and case has the same header.
        const QString shuffled = file(QStringLiteral("shuffled.csv"),
                                      "finished,RUN ID,status,pipeline,environment,started,commit\n"
                                      "2026-03-04T10:00:00Z,run-104,Failure,search,prod,,\n");
        r = runCli({QStringLiteral("import"), ws, shuffled});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(rows(ws, QStringLiteral("SELECT count(*) FROM deployments")), QStringList({QStringLiteral("4")}));

        r = runCli({QStringLiteral("profile"), QStringLiteral("remove"), ws, QStringLiteral("ci vendor")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("profile"), QStringLiteral("list"), ws}).out, QByteArray());
        r = runCli({QStringLiteral("profile"), QStringLiteral("remove"), ws, QStringLiteral("ci vendor")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.errText().contains(QStringLiteral("no import profile named 'ci vendor'")));
        // Without the profile the file is unknown again.
        QCOMPARE(runCli({QStringLiteral("import"), ws, shuffled}).exitCode, 2);
    }

    // --- OpenSLO and the readable SLO view ---------------------------------------------------

    void openSloFromAnOperator()
    {
        const QString ws = workspacePath(QStringLiteral("openslo"));
        const QString yaml = fixture("openslo-operator.yaml");
        const CliResult r = runCli({QStringLiteral("import"), ws, yaml});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral(": openslo, 2 added")), r.out.constData());
        QVERIFY(r.errText().contains(yaml
                                     + QStringLiteral(": note: line 18: SLO 'search-latency' is Timeslices without "
                                                      "timeSliceTarget")));
        // window_days = window_seconds / 86400: a Week is 7, a month 30.
        QCOMPARE(rows(ws,
                      QStringLiteral("SELECT name, service, budgeting_method, objective, window_days, "
                                     "time_slice_target, time_slice_window_seconds, measurement_slo "
                                     "FROM slos_readable ORDER BY name")),
                 QStringList({QStringLiteral("checkout-availability|checkout|Occurrences|0.995|7|NULL|NULL|"
                                             "checkout-availability"),
                              QStringLiteral("search-latency|search|Timeslices|0.99|30|NULL|300|search-latency")}));
    }
};

QTEST_GUILESS_MAIN(TstRealWorldCli)
#include "tst_realworldcli.moc"
