// `sre-roadmap source` and `sync` through the real binary against a fake PagerDuty on 127.0.0.1:
// defining, listing and removing sources; a keychain that is not there (this suite points the
// session bus nowhere, so the user's real keychain is never touched) giving a clear message
// and exit 2 instead of a hang; the exit codes of docs/command-line.md#exit-codes (2 refused token, 1 network, 3 not a
// workspace); and the check the issue is accepted by: more than 2,000 incidents over several
// windows, a 429 on the way, two syncs giving exactly the incidents served, once, and the token
// nowhere in the workspace file or the output.
#include "store/timeutil.h"
#include "store/workspace.h"
#include "tests/common/fakeapis.h"
#include "tests/common/testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <QThread>

using namespace srm;
using namespace srm::test;

namespace {

const char *const kTokenVariable = "SRM_TEST_PD_TOKEN";

qint64 scalar(const QString &ws, const QString &sql)
{
    auto w = Workspace::open(ws);
    QSqlQuery q(w->database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QByteArray rawBytes(const QString &path)
{
    QByteArray all;
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

QString describe(const CliResult &r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.outText(), r.errText());
}

} // namespace

class TstSourcesCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString workspace() { return m_dir.filePath(QStringLiteral("w%1.srmap").arg(++m_n)); }

private slots:
    void initTestCase()
    {
        // No keychain for this suite: a session bus that does not exist.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sre-roadmap-test-bus");
        qunsetenv(kTokenVariable);
    }

    void addListRemove()
    {
        const QString ws = workspace();
        CliResult r = runCli({QStringLiteral("source"), QStringLiteral("add"), ws, QStringLiteral("pagerduty"),
                              QStringLiteral("pd-eu"), QStringLiteral("--region"), QStringLiteral("eu"),
                              QStringLiteral("--token-env"), QStringLiteral("PD_TOKEN"), QStringLiteral("--since"),
                              QStringLiteral("2026-01-01")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.outText().contains(QLatin1StringView("https://api.eu.pagerduty.com")), qPrintable(r.outText()));
        r = runCli({QStringLiteral("source"), QStringLiteral("add"), ws, QStringLiteral("prometheus"),
                    QStringLiteral("prom"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9090"),
                    QStringLiteral("--step"), QStringLiteral("5m"), QStringLiteral("--slo"), QStringLiteral("checkout"),
                    QStringLiteral("--bad-query"), QStringLiteral("sum(errors)"), QStringLiteral("--total-query"),
                    QStringLiteral("sum(requests)"), QStringLiteral("--slo=search"),
                    QStringLiteral("--good-query=sum(fast)"), QStringLiteral("--total-query=sum(all)")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        r = runCli({QStringLiteral("source"), QStringLiteral("add"), ws, QStringLiteral("github"), QStringLiteral("gh"),
                    QStringLiteral("--repo"), QStringLiteral("acme/shop"), QStringLiteral("--token-env"),
                    QStringLiteral("GH_TOKEN")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));

        r = runCli({QStringLiteral("source"), QStringLiteral("list"), ws});
        QCOMPARE(r.exitCode, 0);
        const QString list = r.outText();
        QVERIFY2(list.contains(QLatin1StringView("pd-eu\tpagerduty\thttps://api.eu.pagerduty.com\tlast sync never")),
                 qPrintable(list));
        QVERIFY2(list.contains(QLatin1StringView("SLO measurements of checkout, search every 5m")), qPrintable(list));
        QVERIFY2(
            list.contains(QLatin1StringView("deployments and changes of acme/shop (production); token: $GH_TOKEN")),
            qPrintable(list));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM sources")), 3);
        QCOMPARE(
            scalar(ws, QStringLiteral("SELECT json_array_length(options, '$.slos') FROM sources WHERE name = 'prom'")),
            2);

        r = runCli({QStringLiteral("source"), QStringLiteral("remove"), ws, QStringLiteral("gh")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM sources")), 2);
    }

    void badDefinitions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown kind") << QStringList{QStringLiteral("jira"), QStringLiteral("j")}
                                      << QStringLiteral("unknown source kind");
        QTest::newRow("option of another kind")
            << QStringList{QStringLiteral("pagerduty"), QStringLiteral("p"),           QStringLiteral("--repo"),
                           QStringLiteral("a/b"),       QStringLiteral("--token-env"), QStringLiteral("T")}
            << QStringLiteral("--repo is for github sources");
        QTest::newRow("no token") << QStringList{QStringLiteral("gitlab"), QStringLiteral("g"),
                                                 QStringLiteral("--project"), QStringLiteral("7")}
                                  << QStringLiteral("--token-stdin");
        QTest::newRow("bad name") << QStringList{QStringLiteral("pagerduty"), QStringLiteral("my source"),
                                                 QStringLiteral("--token-env"), QStringLiteral("T")}
                                  << QStringLiteral("cannot name a source");
        QTest::newRow("query without slo")
            << QStringList{QStringLiteral("prometheus"),    QStringLiteral("p"),
                           QStringLiteral("--url"),         QStringLiteral("http://x:9090"),
                           QStringLiteral("--total-query"), QStringLiteral("q")}
            << QStringLiteral("must follow the --slo");
        QTest::newRow("token in the url")
            << QStringList{QStringLiteral("pagerduty"),   QStringLiteral("p"),
                           QStringLiteral("--url"),       QStringLiteral("https://u:tok@x.test"),
                           QStringLiteral("--token-env"), QStringLiteral("T")}
            << QStringLiteral("must not hold a user name or password");
    }
    void badDefinitions()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString ws = workspace();
        const CliResult r = runCli(QStringList{QStringLiteral("source"), QStringLiteral("add"), ws} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(message), qPrintable(r.errText()));
        QVERIFY(!r.errText().contains(QLatin1StringView("tok@")));
    }

    void duplicateName()
    {
        const QString ws = workspace();
        const QStringList add{QStringLiteral("source"),    QStringLiteral("add"), ws,
                              QStringLiteral("pagerduty"), QStringLiteral("pd"),  QStringLiteral("--token-env"),
                              QStringLiteral("T")};
        QCOMPARE(runCli(add).exitCode, 0);
        const CliResult r = runCli(add);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1StringView("already a source named 'pd'")), qPrintable(r.errText()));
    }

    // No secret service: storing a token fails at once with advice, and nothing is added.
    void keychainUnavailable()
    {
        const QString ws = workspace();
        QElapsedTimer timer;
        timer.start();
        CliResult r = runCli({QStringLiteral("source"), QStringLiteral("add"), ws, QStringLiteral("pagerduty"),
                              QStringLiteral("pd"), QStringLiteral("--token-stdin")},
                             60000, QByteArrayLiteral("pd-Token-From-Stdin-77\n"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1StringView("cannot store the token in the desktop keychain"))
                     && r.errText().contains(QLatin1StringView("--token-env VAR")),
                 qPrintable(r.errText()));
        QVERIFY(!r.errText().contains(QLatin1StringView("pd-Token-From-Stdin-77")));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM sources")), 0);

        // A source whose variable is not set falls back to the keychain, which is not there.
        QCOMPARE(runCli({QStringLiteral("source"), QStringLiteral("add"), ws, QStringLiteral("pagerduty"),
                         QStringLiteral("pd"), QStringLiteral("--token-env"), QString::fromLatin1(kTokenVariable)})
                     .exitCode,
                 0);
        timer.restart();
        r = runCli({QStringLiteral("sync"), ws});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().startsWith(
                     QLatin1StringView("pd: no token: the environment variable SRM_TEST_PD_TOKEN is not set"))
                     && r.errText().contains(QLatin1StringView("--token-env VAR")),
                 qPrintable(r.errText()));
        QVERIFY(timer.elapsed() < 20000);
        QVERIFY(scalar(ws, QStringLiteral("SELECT length(last_error) FROM sources")) > 0);
    }

    void exitCodes()
    {
        FakePagerDuty pd;
        pd.add(10, nowMicros() - kMicrosPerDay, kMicrosPerMinute);
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        const QString ws = workspace();
        QCOMPARE(runCli({QStringLiteral("source"), QStringLiteral("add"), ws, QStringLiteral("pagerduty"),
                         QStringLiteral("pd"), QStringLiteral("--url"), server.url(), QStringLiteral("--token-env"),
                         QString::fromLatin1(kTokenVariable)})
                     .exitCode,
                 0);

        // A refused token: 2, "PagerDuty refused the token", the wrong token nowhere.
        qputenv(kTokenVariable, "not-the-Right-Token-1");
        CliResult r = runCli({QStringLiteral("sync"), ws, QStringLiteral("pd")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().startsWith(QLatin1StringView("pd: PagerDuty refused the token (HTTP 401")),
                 qPrintable(r.errText()));
        QVERIFY(!(r.out + r.err).contains("not-the-Right-Token-1"));

        // Nothing listening: a network failure, 1.
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        QCOMPARE(runCli({QStringLiteral("source"), QStringLiteral("add"), ws, QStringLiteral("pagerduty"),
                         QStringLiteral("down"), QStringLiteral("--url"),
                         QStringLiteral("http://127.0.0.1:%1").arg(closedPort), QStringLiteral("--token-env"),
                         QString::fromLatin1(kTokenVariable)})
                     .exitCode,
                 0);
        r = runCli({QStringLiteral("sync"), ws, QStringLiteral("down")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(QLatin1StringView("down: cannot reach PagerDuty"))
                     && r.errText().contains(QLatin1StringView("connection refused")),
                 qPrintable(r.errText()));

        // Both: the worse code wins; the good token then syncs (365 days by default: 3 windows).
        qputenv(kTokenVariable, pd.token.toUtf8());
        r = runCli({QStringLiteral("sync"), ws});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.outText().startsWith(QLatin1StringView("pd: pagerduty, 10 fetched in 3 requests; 10 added")),
                 qPrintable(r.outText()));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM pages")), 10);

        // Unknown source: 2; not a workspace: 3.
        r = runCli({QStringLiteral("sync"), ws, QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1StringView("no source named 'nope' (sources: down, pd)")),
                 qPrintable(r.errText()));
        const QString junk = m_dir.filePath(QStringLiteral("junk.srmap"));
        writeFile(junk, "not a workspace");
        QCOMPARE(runCli({QStringLiteral("sync"), junk}).exitCode, 3);
        qunsetenv(kTokenVariable);
    }

    // The acceptance check: a fake PagerDuty with over 2,000 incidents spread over 400 days
    // (three windows of at most 180 days) and a 429 with Retry-After on the way; two syncs
    // give exactly the incidents served, once; the token is nowhere in the workspace (file
    // and WAL) or the output.
    void twoSyncsGiveExactlyTheIncidentsServed()
    {
        FakePagerDuty pd;
        const Micros now = nowMicros();
        pd.add(2345, now - 400 * kMicrosPerDay, 4 * kMicrosPerHour, QStringLiteral("P")); // 2,345 × 4 h ≈ 391 days
        pd.add(17, now - 2 * kMicrosPerHour, kMicrosPerMinute, QStringLiteral("OPEN"), false); // still open
        pd.add(25, now + 6000 * 1000, 20 * 1000, QStringLiteral("LATE")); // created between the syncs
        pd.faults.insert(4, Fault{Fault::RateLimit, 1});
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        const QString ws = workspace();
        CliResult r = runCli({QStringLiteral("source"), QStringLiteral("add"), ws, QStringLiteral("pagerduty"),
                              QStringLiteral("pd"), QStringLiteral("--url"), server.url(),
                              QStringLiteral("--token-env"), QString::fromLatin1(kTokenVariable),
                              QStringLiteral("--since"), QStringLiteral("420d")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        qputenv(kTokenVariable, pd.token.toUtf8());

        const CliResult first = runCli({QStringLiteral("sync"), ws});
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        QVERIFY2(first.outText().startsWith(QLatin1StringView("pd: pagerduty, 2362 fetched")),
                 qPrintable(first.outText()));
        QThread::msleep(std::max<qint64>(0, (now + 8000 * 1000 - nowMicros()) / 1000));
        for (auto &incident : pd.incidents)
            incident.resolved = true;
        const CliResult second = runCli({QStringLiteral("sync"), ws});
        QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
        qunsetenv(kTokenVariable);

        // Several windows, and the 429 was waited out (Retry-After: 1).
        QSet<QString> windows;
        const QList<FakeRequest> requests = server.requests();
        for (const FakeRequest &q : requests)
            windows.insert(q.query(QStringLiteral("since")));
        QVERIFY2(windows.size() >= 3, qPrintable(QString::number(windows.size())));
        QVERIFY(requests[4].atMs - requests[3].atMs >= 950);

        const qint64 served = qint64(pd.incidents.size());
        QCOMPARE(served, 2345 + 17 + 25);
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM pages")), served);
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(DISTINCT source_id) FROM pages")), served);
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM pages WHERE resolved_at IS NULL")), 0);
        {
            auto w = Workspace::open(ws);
            QSqlQuery q(w->database());
            QVERIFY(q.exec(QStringLiteral("SELECT source_id FROM pages")));
            QSet<QString> stored;
            while (q.next())
                stored.insert(q.value(0).toString());
            for (const auto &incident : pd.incidents)
                QVERIFY2(stored.contains(incident.id), qPrintable(incident.id));
        }
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM imports WHERE source = 'pd'")), 2);

        const QByteArray token = pd.token.toUtf8();
        QVERIFY(!rawBytes(ws).contains(token));
        for (const CliResult &run : {first, second}) {
            QVERIFY(!(run.out + run.err).contains(token));
            QVERIFY2(run.err.isEmpty(), run.err.constData()); // nothing for cron to mail but the summary
        }
    }
};

QTEST_GUILESS_MAIN(TstSourcesCli)
#include "tst_sourcescli.moc"
