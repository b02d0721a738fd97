// The live sources in process (docs/sources.md): HttpClient's retries, waits and scrubbing, and
// one SyncRunner per kind against fake APIs on 127.0.0.1 (tests/common/fakeapis.h) writing into
// a real workspace file: PagerDuty `more` paging, the 10,000 offset cap split in halves, windows
// of at most 180 days, 429 with Retry-After, a refused token, a malformed page, a connection
// dropped half-way (nothing committed), resuming from the last good sync and re-reading open
// incidents; GitHub Link paging, statuses, compare and a rate-limit reset; GitLab X-Next-Page
// paging and compare; Prometheus query_range per SLO and series. Waits are shortened with
// SRM_SOURCES_WAIT_SCALE (the same logic, smaller numbers); the token never reaches the file.
#include "sources/httpclient.h"
#include "sources/sourcekinds.h"
#include "sources/syncrunner.h"
#include "store/sourcestore.h"
#include "store/timeutil.h"
#include "store/workspace.h"
#include "tests/common/fakeapis.h"
#include "tests/common/testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace srm;
using namespace srm::sources;
using namespace srm::test;

namespace {

constexpr double kScale = 0.02; // SRM_SOURCES_WAIT_SCALE in this suite: 50 s of waiting take 1 s

qint64 scalar(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QString text(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("<none>");
    return q.value(0).toString();
}

// The bytes of a workspace on disk, its write-ahead log included.
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

struct Env
{
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Workspace> ws;

    Env()
    {
        path = dir.filePath(QStringLiteral("w.srmap"));
        ws = Workspace::create(path);
    }

    void addSource(const QString &kind, const QString &name, const QString &url, const QJsonObject &options = {})
    {
        SourceDefinition s;
        s.kind = kind;
        s.name = name;
        s.url = url;
        s.options = options;
        s.createdAt = nowMicros();
        SourceStore(*ws).add(s);
    }
    SourceDefinition source(const QString &name) { return *SourceStore(*ws).find(name); }
    SyncOutcome sync(const QString &name, const QString &token, const SyncOptions &o = {})
    {
        SyncRunner runner(*ws);
        return runner.run(source(name), token, o);
    }
    qint64 count(const QString &sql) { return scalar(*ws, sql); }
};

QString msg(const SyncOutcome &o)
{
    return o.message + u'\n' + o.details.join(u'\n');
}

QList<FakeRequest> incidentRequests(const FakeHttpServer &server)
{
    QList<FakeRequest> out;
    for (const FakeRequest &r : server.requests())
        if (r.path().endsWith(QLatin1StringView("/incidents")))
            out << r;
    return out;
}

} // namespace

class TstSources : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("SRM_SOURCES_WAIT_SCALE", QByteArray::number(kScale)); }

    // --- HttpClient --------------------------------------------------------------------------

    void linkHeader_data()
    {
        QTest::addColumn<QByteArray>("link");
        QTest::addColumn<QString>("next");
        QTest::newRow("github") << QByteArray(
            R"(<https://api.github.com/repos/a/b/deployments?page=2>; rel="next", <https://api.github.com/repos/a/b/deployments?page=5>; rel="last")")
                                << QStringLiteral("https://api.github.com/repos/a/b/deployments?page=2");
        QTest::newRow("next second") << QByteArray(
            R"(<https://x.test/a?page=1>; rel="prev", <https://x.test/a?page=3>; rel="next")")
                                     << QStringLiteral("https://x.test/a?page=3");
        QTest::newRow("unquoted, several rels")
            << QByteArray(R"(<https://x.test/a?page=4>; rel=next)") << QStringLiteral("https://x.test/a?page=4");
        QTest::newRow("relative") << QByteArray(R"(</api/v4/projects/1/deployments?page=2>; rel="next")")
                                  << QStringLiteral("https://gitlab.test/api/v4/projects/1/deployments?page=2");
        QTest::newRow("last page") << QByteArray(
            R"(<https://x.test/a?page=1>; rel="first", <https://x.test/a?page=4>; rel="prev")")
                                   << QString();
        QTest::newRow("none") << QByteArray() << QString();
    }
    void linkHeader()
    {
        QFETCH(QByteArray, link);
        QFETCH(QString, next);
        HttpResponse r;
        r.url = QUrl(QStringLiteral("https://gitlab.test/api/v4/projects/1/deployments?page=1"));
        r.headers << qMakePair(QByteArray("Link"), link);
        QCOMPARE(r.nextLink().toString(), next);
    }

    void scrubsSecretsAndUrls()
    {
        HttpClient http(QStringLiteral("PagerDuty"));
        http.setSecret(QStringLiteral("s3cr3t-Tok"));
        const QString s = http.scrub(QStringLiteral("GET https://bob:pw@api.example.com/incidents?token=s3cr3t-Tok&x=1 "
                                                    "failed: token s3cr3t-Tok is invalid"));
        QCOMPARE(s, QStringLiteral("GET https://api.example.com/incidents failed: token [token] is invalid"));
        QCOMPARE(HttpClient::describe(QUrl(QStringLiteral("https://u:p@h.test:8443/p/q?a=b#f"))),
                 QStringLiteral("https://h.test:8443/p/q"));
    }

    // A 429 with Retry-After: 50 waits 50 s × 0.02 = 1 s, then the same URL succeeds.
    void retryAfterIsHonoured()
    {
        int n = 0;
        FakeHttpServer server([&n](const FakeRequest &) {
            if (++n == 1) {
                FakeResponse r = FakeResponse::json(R"({"error":{"message":"Rate Limit Exceeded"}})", 429);
                r.headers << qMakePair(QByteArray("Retry-After"), QByteArray("50"));
                return r;
            }
            return FakeResponse::json(R"({"ok":true})");
        });
        QVERIFY(server.isListening());
        HttpClient http(QStringLiteral("PagerDuty"));
        QStringList said;
        http.setStatusCallback([&said](const QString &s) { said << s; });
        const HttpResponse r = http.get(QUrl(server.url() + QStringLiteral("/x")), {});
        QCOMPARE(r.status, 200);
        const QList<FakeRequest> requests = server.requests();
        QCOMPARE(requests.size(), 2);
        const qint64 gap = requests[1].atMs - requests[0].atMs;
        QVERIFY2(gap >= 950 && gap < 5000, qPrintable(QString::number(gap)));
        QCOMPARE(said.size(), 1);
        QVERIFY2(said[0].contains(QLatin1StringView("HTTP 429")) && said[0].contains(QLatin1StringView("try 2 of 8")),
                 qPrintable(said[0]));
    }

    // Without Retry-After the waits double: 1, 2, 4 s (× 0.1 here: 100, 200, 400 ms).
    void backoffDoubles()
    {
        qputenv("SRM_SOURCES_WAIT_SCALE", "0.1");
        int n = 0;
        FakeHttpServer server([&n](const FakeRequest &) {
            return ++n <= 3 ? FakeResponse::json("{}", 503) : FakeResponse::json(R"({"ok":true})");
        });
        HttpClient http(QStringLiteral("GitLab"));
        qputenv("SRM_SOURCES_WAIT_SCALE", QByteArray::number(kScale));
        QCOMPARE(http.get(QUrl(server.url() + QStringLiteral("/x")), {}).status, 200);
        const QList<FakeRequest> r = server.requests();
        QCOMPARE(r.size(), 4);
        const qint64 expected[] = {100, 200, 400};
        for (int i = 0; i < 3; ++i) {
            const qint64 gap = r[i + 1].atMs - r[i].atMs;
            QVERIFY2(gap >= expected[i] - 5 && gap < expected[i] + 1500,
                     qPrintable(QStringLiteral("%1: %2").arg(i).arg(gap)));
        }
    }

    // At most 8 tries in all, then a network failure (exit 1).
    void givesUpAfterEightTries()
    {
        FakeHttpServer server([](const FakeRequest &) { return FakeResponse::json("{}", 429); });
        RetryPolicy policy;
        policy.waitScale = 0.001; // 1+2+4+...+60 s of back-off in a fraction of a second
        HttpClient http(QStringLiteral("PagerDuty"), policy);
        try {
            http.get(QUrl(server.url() + QStringLiteral("/incidents")), {});
            QFAIL("no error");
        } catch (const SyncError &e) {
            QCOMPARE(e.kind(), SyncError::Kind::Network);
            QCOMPARE(e.exitCode(), 1);
            QVERIFY2(e.message().contains(QLatin1StringView("after 8 tries")), qPrintable(e.message()));
        }
        QCOMPARE(server.requests().size(), 8);
    }

    // 401 is a refused token (exit 2), and the token the server echoes back is scrubbed.
    void refusedTokenIsScrubbed()
    {
        const QString token = QStringLiteral("tok-ABCDEF-123456");
        FakeHttpServer server([&token](const FakeRequest &) {
            return FakeResponse::json("{\"error\":{\"message\":\"token " + token.toUtf8() + " is not valid\"}}", 401);
        });
        HttpClient http(QStringLiteral("PagerDuty"));
        http.setSecret(token);
        try {
            http.get(QUrl(server.url() + QStringLiteral("/incidents?token=") + token), {});
            QFAIL("no error");
        } catch (const SyncError &e) {
            QCOMPARE(e.kind(), SyncError::Kind::Refused);
            QCOMPARE(e.exitCode(), 2);
            QVERIFY2(e.message().startsWith(QLatin1StringView("PagerDuty refused the token (HTTP 401")),
                     qPrintable(e.message()));
            QVERIFY2(!e.message().contains(token), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QLatin1StringView("token [token] is not valid")), qPrintable(e.message()));
        }
    }

    // x-ratelimit-remaining: 0 on a good answer: the next request waits for x-ratelimit-reset
    // (50 s ahead, so about 51 s × 0.02 ≈ 1 s).
    void rateLimitResetWaits()
    {
        FakeHttpServer server([](const FakeRequest &) {
            FakeResponse r = FakeResponse::json("[]");
            r.headers << qMakePair(QByteArray("x-ratelimit-remaining"), QByteArray("0"))
                      << qMakePair(QByteArray("x-ratelimit-reset"),
                                   QByteArray::number(QDateTime::currentSecsSinceEpoch() + 50));
            return r;
        });
        HttpClient http(QStringLiteral("GitHub"));
        http.get(QUrl(server.url() + QStringLiteral("/a")), {});
        http.get(QUrl(server.url() + QStringLiteral("/b")), {});
        const QList<FakeRequest> r = server.requests();
        QCOMPARE(r.size(), 2);
        const qint64 gap = r[1].atMs - r[0].atMs;
        QVERIFY2(gap >= 950 && gap < 5000, qPrintable(QString::number(gap)));
    }

    void nextPageOnAnotherHostIsRefused()
    {
        FakeHttpServer server([](const FakeRequest &) { return FakeResponse::json("[]"); });
        HttpClient http(QStringLiteral("GitHub"));
        try {
            http.getNext(QUrl(QStringLiteral("http://127.0.0.2:1/page2")),
                         QUrl(server.url() + QStringLiteral("/page1")), {});
            QFAIL("followed");
        } catch (const SyncError &e) {
            QCOMPARE(e.kind(), SyncError::Kind::BadPayload);
        }
        QCOMPARE(server.requests().size(), 0);
    }

    void cancelStopsAWait()
    {
        FakeHttpServer server([](const FakeRequest &) {
            FakeResponse r = FakeResponse::json("{}", 429);
            r.headers << qMakePair(QByteArray("Retry-After"), QByteArray("3000")); // 60 s at this scale
            return r;
        });
        RetryPolicy policy;
        policy.waitScale = kScale;
        HttpClient http(QStringLiteral("PagerDuty"), policy);
        QElapsedTimer timer;
        timer.start();
        http.setCancelled([&timer] { return timer.elapsed() > 300; });
        try {
            http.get(QUrl(server.url() + QStringLiteral("/incidents")), {});
            QFAIL("not cancelled");
        } catch (const SyncError &e) {
            QCOMPARE(e.kind(), SyncError::Kind::Cancelled);
        }
        QVERIFY(timer.elapsed() < 5000);
    }

    // --- PagerDuty ---------------------------------------------------------------------------

    // 250 incidents in one window: offsets 0, 100, 200 while `more` is true; every request
    // carries the token header, the v2 Accept header, time_zone=UTC and limit=100.
    void pagerDutyMorePaging()
    {
        FakePagerDuty pd;
        pd.add(250, nowMicros() - 10 * kMicrosPerDay, 30 * kMicrosPerMinute);
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        Env env;
        env.addSource(QStringLiteral("pagerduty"), QStringLiteral("pd"), server.url(),
                      {{QStringLiteral("since"), QStringLiteral("30d")}});
        const SyncOutcome o = env.sync(QStringLiteral("pd"), pd.token);
        QVERIFY2(o.ok(), qPrintable(msg(o)));
        QCOMPARE(o.items, 250);
        QCOMPARE(o.requests, 3);
        const QList<FakeRequest> r = incidentRequests(server);
        QCOMPARE(r.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(r[i].query(QStringLiteral("offset")), QString::number(100 * i));
            QCOMPARE(r[i].query(QStringLiteral("limit")), QStringLiteral("100"));
            QCOMPARE(r[i].query(QStringLiteral("time_zone")), QStringLiteral("UTC"));
            QCOMPARE(r[i].headers.value("authorization"), "Token token=" + pd.token.toUtf8());
            QCOMPARE(r[i].headers.value("accept"), QByteArray("application/vnd.pagerduty+json;version=2"));
        }
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages")), 250);
        QCOMPARE(env.count(QStringLiteral("SELECT count(DISTINCT source_id) FROM pages")), 250);
        QCOMPARE(
            env.count(QStringLiteral("SELECT count(*) FROM imports WHERE source = 'pd' AND format = 'pagerduty-api' "
                                     "AND added = 250")),
            1);
        // The cursor is the until of the sync (all incidents resolved): the next sync starts there.
        QCOMPARE(env.source(QStringLiteral("pd")).lastCursor, r.last().query(QStringLiteral("until")));
        QVERIFY(env.source(QStringLiteral("pd")).lastSyncAt.has_value());
        QVERIFY(env.source(QStringLiteral("pd")).lastError.isEmpty());
    }

    // 10,050 incidents in one window cannot be paged to the end (offset + limit ≤ 10,000): the
    // window is split in halves until each half fits, and every incident arrives once.
    void pagerDutyOffsetCapSplitsWindows_data()
    {
        QTest::addColumn<bool>("reportTotal");
        QTest::newRow("found while paging") << false;
        QTest::newRow("known from total") << true;
    }
    void pagerDutyOffsetCapSplitsWindows()
    {
        QFETCH(bool, reportTotal);
        FakePagerDuty pd;
        pd.reportTotal = reportTotal;
        const Micros start = nowMicros() - 10 * kMicrosPerDay;
        pd.add(10050, start, 80 * kMicrosPerSecond); // 10,050 × 80 s ≈ 9.3 days
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        Env env;
        env.addSource(QStringLiteral("pagerduty"), QStringLiteral("pd"), server.url(),
                      {{QStringLiteral("since"), QStringLiteral("20d")}});
        const SyncOutcome o = env.sync(QStringLiteral("pd"), pd.token);
        QVERIFY2(o.ok(), qPrintable(msg(o)));
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages")), 10050);
        QCOMPARE(env.count(QStringLiteral("SELECT count(DISTINCT source_id) FROM pages")), 10050);
        const QList<FakeRequest> r = incidentRequests(server);
        QSet<QString> windows;
        for (const FakeRequest &q : r) {
            QVERIFY(q.query(QStringLiteral("offset")).toInt() + 100 <= 10000); // never refused by the cap
            windows.insert(q.query(QStringLiteral("since")) + u'/' + q.query(QStringLiteral("until")));
        }
        QVERIFY2(windows.size() >= 3, qPrintable(QString::number(windows.size())));
        // With the total known up front, no page is fetched and thrown away: 10,050 incidents
        // in 101 pages plus one first page for each window that was split or empty.
        if (reportTotal)
            QVERIFY2(r.size() <= 101 + 4, qPrintable(QString::number(r.size())));
        else
            QVERIFY2(r.size() > 200, qPrintable(QString::number(r.size())));
    }

    // since 400 days ago: windows of at most 180 days, back to back, from since to now.
    void pagerDutyWindowsOf180Days()
    {
        FakePagerDuty pd;
        const Micros now = nowMicros();
        pd.add(1, now - 390 * kMicrosPerDay, 0, QStringLiteral("A"));
        pd.add(1, now - 200 * kMicrosPerDay, 0, QStringLiteral("B"));
        pd.add(1, now - 2 * kMicrosPerDay, 0, QStringLiteral("C"));
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        Env env;
        env.addSource(QStringLiteral("pagerduty"), QStringLiteral("pd"), server.url(),
                      {{QStringLiteral("since"), QStringLiteral("400d")}});
        const SyncOutcome o = env.sync(QStringLiteral("pd"), pd.token);
        QVERIFY2(o.ok(), qPrintable(msg(o)));
        const QList<FakeRequest> r = incidentRequests(server);
        QCOMPARE(r.size(), 3); // 180 + 180 + 40 days
        for (int i = 0; i < r.size(); ++i) {
            const Micros since = *parseAsOf(r[i].query(QStringLiteral("since")));
            const Micros until = *parseAsOf(r[i].query(QStringLiteral("until")));
            QVERIFY(until - since <= 180 * kMicrosPerDay);
            if (i > 0)
                QCOMPARE(r[i].query(QStringLiteral("since")), r[i - 1].query(QStringLiteral("until")));
        }
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages")), 3);
    }

    // A 429 with Retry-After: 50 on the second page: the sync waits 50 s × 0.02 and goes on.
    void pagerDutyRateLimited()
    {
        FakePagerDuty pd;
        pd.add(250, nowMicros() - 5 * kMicrosPerDay, kMicrosPerMinute * 10);
        pd.faults.insert(2, Fault{Fault::RateLimit, 50});
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        Env env;
        env.addSource(QStringLiteral("pagerduty"), QStringLiteral("pd"), server.url(),
                      {{QStringLiteral("since"), QStringLiteral("30d")}});
        const SyncOutcome o = env.sync(QStringLiteral("pd"), pd.token);
        QVERIFY2(o.ok(), qPrintable(msg(o)));
        const QList<FakeRequest> r = incidentRequests(server);
        QCOMPARE(r.size(), 4); // offsets 0, 100 (429), 100, 200
        QCOMPARE(r[1].query(QStringLiteral("offset")), r[2].query(QStringLiteral("offset")));
        QVERIFY2(r[2].atMs - r[1].atMs >= 950, qPrintable(QString::number(r[2].atMs - r[1].atMs)));
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages")), 250);
    }

    // Failures commit nothing: no pages, no import, the cursor as it was; the error is kept.
    void pagerDutyFailuresCommitNothing_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("401") << int(Fault::Unauthorized) << 2 << QStringLiteral("PagerDuty refused the token");
        QTest::newRow("malformed page") << int(Fault::Malformed) << 2 << QStringLiteral("is not valid JSON");
        QTest::newRow("dropped half-way") << int(Fault::Drop) << 1 << QStringLiteral("cannot reach PagerDuty");
    }
    void pagerDutyFailuresCommitNothing()
    {
        QFETCH(int, fault);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        FakePagerDuty pd;
        pd.add(250, nowMicros() - 5 * kMicrosPerDay, kMicrosPerMinute * 10);
        pd.faults.insert(2, Fault{Fault::Kind(fault), -1});
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        Env env;
        env.addSource(QStringLiteral("pagerduty"), QStringLiteral("pd"), server.url(),
                      {{QStringLiteral("since"), QStringLiteral("30d")}});
        const SyncOutcome o = env.sync(QStringLiteral("pd"), pd.token);
        QVERIFY(!o.ok());
        QCOMPARE(o.exitCode, exitCode);
        QVERIFY2(o.message.contains(message), qPrintable(o.message));
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages")), 0);
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM imports")), 0);
        const SourceDefinition s = env.source(QStringLiteral("pd"));
        QVERIFY(s.lastCursor.isEmpty());
        QVERIFY(!s.lastSyncAt);
        QCOMPARE(s.lastError, o.message);
        QVERIFY(s.lastErrorAt.has_value());

        // The next sync starts again from the last good one (here: none) and gets everything.
        pd.faults.clear();
        const SyncOutcome again = env.sync(QStringLiteral("pd"), pd.token);
        QVERIFY2(again.ok(), qPrintable(msg(again)));
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages")), 250);
        QVERIFY(env.source(QStringLiteral("pd")).lastError.isEmpty());
    }

    // The second sync asks only for what came after the first one's end.
    void pagerDutySecondSyncFetchesOnlyNew()
    {
        FakePagerDuty pd;
        const Micros now = nowMicros();
        pd.add(150, now - 20 * kMicrosPerDay, kMicrosPerHour, QStringLiteral("OLD"));
        // Created after the first sync's end, before the second one's.
        pd.add(30, now + 1500 * 1000, 10 * 1000, QStringLiteral("NEW"));
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        Env env;
        env.addSource(QStringLiteral("pagerduty"), QStringLiteral("pd"), server.url(),
                      {{QStringLiteral("since"), QStringLiteral("30d")}});
        const SyncOutcome first = env.sync(QStringLiteral("pd"), pd.token);
        QVERIFY2(first.ok(), qPrintable(msg(first)));
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages")), 150);
        const QString cursor = env.source(QStringLiteral("pd")).lastCursor;
        QThread::msleep(3500);
        server.clearRequests();
        const SyncOutcome second = env.sync(QStringLiteral("pd"), pd.token);
        QVERIFY2(second.ok(), qPrintable(msg(second)));
        const QList<FakeRequest> r = incidentRequests(server);
        QCOMPARE(r.size(), 1);
        QCOMPARE(r[0].query(QStringLiteral("since")), cursor);
        QCOMPARE(second.items, 30);
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages")), 180);
        QCOMPARE(env.count(QStringLiteral("SELECT added FROM imports ORDER BY id DESC LIMIT 1")), 30);
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM imports WHERE source = 'pd'")), 2);

        // Nothing new: no import at all, the cursor moves on.
        QThread::msleep(1100);
        const SyncOutcome third = env.sync(QStringLiteral("pd"), pd.token);
        QCOMPARE(third.status, SyncOutcome::Status::NothingNew);
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM imports")), 2);
    }

    // An incident still open at a sync is read again by the next one, which so learns when it
    // was resolved.
    void pagerDutyRereadsOpenIncidents()
    {
        FakePagerDuty pd;
        const Micros now = nowMicros();
        pd.add(10, now - 3 * kMicrosPerDay, kMicrosPerHour, QStringLiteral("R"));
        pd.add(1, now - kMicrosPerHour, 0, QStringLiteral("OPEN"), false);
        FakeHttpServer server([&pd](const FakeRequest &r) { return pd.handle(r); });
        Env env;
        env.addSource(QStringLiteral("pagerduty"), QStringLiteral("pd"), server.url(),
                      {{QStringLiteral("since"), QStringLiteral("30d")}});
        QVERIFY(env.sync(QStringLiteral("pd"), pd.token).ok());
        QCOMPARE(env.source(QStringLiteral("pd")).lastCursor,
                 iso(pd.incidents.back().createdAt - pd.incidents.back().createdAt % kMicrosPerSecond));
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages WHERE resolved_at IS NULL")), 1);
        pd.incidents.back().resolved = true;
        server.clearRequests();
        const SyncOutcome o = env.sync(QStringLiteral("pd"), pd.token);
        QVERIFY2(o.ok(), qPrintable(msg(o)));
        QCOMPARE(incidentRequests(server).value(0).query(QStringLiteral("since")),
                 iso(pd.incidents.back().createdAt - pd.incidents.back().createdAt % kMicrosPerSecond));
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages WHERE resolved_at IS NULL")), 0);
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM pages")), 11);
        QCOMPARE(o.import.counts.updated, 1);
    }

    // The token is in no byte of the workspace (file, WAL) and in no message, after good and
    // failed syncs alike.
    void tokenNeverReachesTheWorkspace()
    {
        FakePagerDuty pd;
        pd.add(120, nowMicros() - 5 * kMicrosPerDay, kMicrosPerHour);
        FakeHttpServer server([&pd](const FakeRequest &r) {
            if (pd.served == 3) { // a refusal that quotes the token back
                ++pd.served;
                return FakeResponse::json("{\"error\":{\"message\":\"" + pd.token.toUtf8() + " is revoked\"}}", 401);
            }
            return pd.handle(r);
        });
        Env env;
        env.addSource(QStringLiteral("pagerduty"), QStringLiteral("pd"), server.url(),
                      {{QStringLiteral("since"), QStringLiteral("30d")}});
        const SyncOutcome good = env.sync(QStringLiteral("pd"), pd.token);
        QVERIFY2(good.ok(), qPrintable(msg(good)));
        const SyncOutcome bad = env.sync(QStringLiteral("pd"), pd.token, SyncOptions{true, false});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(!msg(bad).contains(pd.token));
        QVERIFY(!env.source(QStringLiteral("pd")).lastError.isEmpty());
        const QByteArray bytes = rawBytes(env.path);
        QVERIFY(bytes.size() > 4096);
        QVERIFY(!bytes.contains(pd.token.toUtf8()));
        const QByteArray utf16(reinterpret_cast<const char *>(pd.token.utf16()), pd.token.size() * 2);
        QVERIFY(!bytes.contains(utf16));
    }

    // --- GitHub ------------------------------------------------------------------------------

    void gitHubDeploymentsStatusesAndChanges()
    {
        FakeGitHub gh;
        const Micros now = nowMicros();
        for (int i = 1; i <= 11; ++i)
            gh.history.push_back({QStringLiteral("c%1").arg(i), now - Micros(12 - i) * kMicrosPerDay});
        gh.history.back().committedAt = now - 30 * kMicrosPerMinute;
        const auto deployment = [&](qint64 id, const QString &sha, Micros created, std::vector<QString> states) {
            FakeGitHub::Deployment d{id, sha, created, QStringLiteral("production"), {}};
            Micros at = created;
            for (const QString &s : states)
                d.statuses.push_back({s, at += 5 * kMicrosPerMinute});
            gh.deployments.push_back(d);
        };
        deployment(101, QStringLiteral("c2"), now - 10 * kMicrosPerDay,
                   {QStringLiteral("pending"), QStringLiteral("success"), QStringLiteral("inactive")});
        deployment(102, QStringLiteral("c4"), now - 5 * kMicrosPerDay,
                   {QStringLiteral("in_progress"), QStringLiteral("success")});
        deployment(103, QStringLiteral("c6"), now - 4 * kMicrosPerDay, {QStringLiteral("failure")});
        deployment(104, QStringLiteral("c8"), now - 3 * kMicrosPerDay,
                   {QStringLiteral("success"), QStringLiteral("inactive")});
        deployment(105, QStringLiteral("c9"), now - 2 * kMicrosPerDay,
                   {QStringLiteral("queued"), QStringLiteral("error")});
        deployment(106, QStringLiteral("c10"), now - kMicrosPerHour, {QStringLiteral("in_progress")});
        deployment(108, QStringLiteral("c10"), now - 30 * kMicrosPerMinute, {}); // no status yet: not started
        {
            FakeGitHub::Deployment staging{199,
                                           QStringLiteral("c10"),
                                           now - kMicrosPerHour,
                                           QStringLiteral("staging"),
                                           {{QStringLiteral("success"), now}}};
            gh.deployments.push_back(staging);
        }
        gh.exhaustOnRequest = 3; // the rate limit runs out: 403, remaining 0, reset 50 s ahead
        FakeHttpServer server([&gh](const FakeRequest &r) { return gh.handle(r); });
        Env env;
        env.addSource(QStringLiteral("github"), QStringLiteral("gh"), server.url(),
                      {{QStringLiteral("repo"), gh.repo}, {QStringLiteral("since"), QStringLiteral("8d")}});
        const SyncOutcome o = env.sync(QStringLiteral("gh"), gh.token);
        QVERIFY2(o.ok(), qPrintable(msg(o)));

        // 102 success, 103 failure, 104 success (inactive after success), 105 failure (error);
        // 106 in progress and 108 without a status are left for later; 101 is older than
        // since (the base only).
        QCOMPARE(text(*env.ws,
                      QStringLiteral("SELECT group_concat(deployment_id || '=' || result, ' ') FROM "
                                     "(SELECT * FROM deployments ORDER BY deployment_id)")),
                 QStringLiteral("github:102=success github:103=failure github:104=success github:105=failure"));
        QCOMPARE(text(*env.ws,
                      QStringLiteral("SELECT group_concat(service || '/' || environment || '/' || commit_sha, ' ') "
                                     "FROM (SELECT * FROM deployments ORDER BY deployment_id)")),
                 QStringLiteral("shop/production/c4 shop/production/c6 shop/production/c8 shop/production/c9"));
        // Changes: 102 = c2...c4 → c3, c4; 104 = c4...c8 (from the last success, not the failed
        // 103) → c5, c6, c7, c8 (two pages of the compare).
        QCOMPARE(text(*env.ws,
                      QStringLiteral("SELECT group_concat(deployment_id || ':' || commit_sha, ' ') FROM "
                                     "(SELECT * FROM changes ORDER BY deployment_id, commit_sha)")),
                 QStringLiteral("github:102:c3 github:102:c4 github:104:c5 github:104:c6 github:104:c7 github:104:c8"));
        // finished_at = the deciding status's time; committed_at = the committer's date.
        QCOMPARE(env.count(QStringLiteral("SELECT finished_at FROM deployments WHERE deployment_id = 'github:102'")),
                 now - 5 * kMicrosPerDay + 10 * kMicrosPerMinute);
        QCOMPARE(env.count(QStringLiteral("SELECT started_at FROM deployments WHERE deployment_id = 'github:102'")),
                 now - 5 * kMicrosPerDay);
        QCOMPARE(env.count(QStringLiteral("SELECT committed_at FROM changes WHERE commit_sha = 'c4'")),
                 gh.history[3].committedAt);
        QCOMPARE(env.count(QStringLiteral("SELECT authored_at FROM changes WHERE commit_sha = 'c4'")),
                 gh.history[3].committedAt - kMicrosPerHour);

        const QList<FakeRequest> r = server.requests();
        for (const FakeRequest &q : r)
            QCOMPARE(q.headers.value("authorization"), "Bearer " + gh.token.toUtf8());
        // Deployments came in 4 pages of 2 (Link rel="next"), the first asking for production.
        QCOMPARE(r[0].query(QStringLiteral("environment")), QStringLiteral("production"));
        int listPages = 0;
        for (const FakeRequest &q : r)
            listPages += q.path().endsWith(QLatin1StringView("/deployments")) ? 1 : 0;
        QCOMPARE(listPages, 5); // 4 pages + the one repeated after the rate-limit wait
        // The request after the exhausted limit waited for the reset (about 51 s × 0.02).
        QVERIFY2(r[3].atMs - r[2].atMs >= 950, qPrintable(QString::number(r[3].atMs - r[2].atMs)));

        // Resume: 106 finishes and 107 arrives; the next sync starts at 106 and compares from
        // 104, the last success before it.
        gh.exhaustOnRequest = 0;
        gh.deployments[5].statuses.push_back({QStringLiteral("success"), now});
        gh.deployments.push_back({107,
                                  QStringLiteral("c11"),
                                  now - 20 * kMicrosPerMinute,
                                  QStringLiteral("production"),
                                  {{QStringLiteral("success"), now - 10 * kMicrosPerMinute}}});
        QCOMPARE(env.source(QStringLiteral("gh")).lastCursor,
                 iso(now - kMicrosPerHour - (now - kMicrosPerHour) % kMicrosPerSecond));
        const SyncOutcome again = env.sync(QStringLiteral("gh"), gh.token);
        QVERIFY2(again.ok(), qPrintable(msg(again)));
        QCOMPARE(again.items, 2);
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM deployments")), 6);
        QCOMPARE(text(*env.ws,
                      QStringLiteral("SELECT group_concat(deployment_id || ':' || commit_sha, ' ') FROM "
                                     "(SELECT * FROM changes WHERE deployment_id IN ('github:106', 'github:107') "
                                     "ORDER BY deployment_id, commit_sha)")),
                 QStringLiteral("github:106:c10 github:106:c9 github:107:c11"));
    }

    void gitHubRefusedToken()
    {
        FakeGitHub gh;
        FakeHttpServer server([&gh](const FakeRequest &r) { return gh.handle(r); });
        Env env;
        env.addSource(QStringLiteral("github"), QStringLiteral("gh"), server.url(),
                      {{QStringLiteral("repo"), gh.repo}});
        const SyncOutcome o = env.sync(QStringLiteral("gh"), QStringLiteral("wrong-token"));
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.message.startsWith(QLatin1StringView("GitHub refused the token (HTTP 401")), qPrintable(o.message));
    }

    // --- GitLab ------------------------------------------------------------------------------

    void gitLabDeploymentsPagingAndChanges()
    {
        FakeGitLab gl;
        const Micros now = nowMicros();
        for (int i = 1; i <= 8; ++i)
            gl.history.push_back({QStringLiteral("g%1").arg(i), now - Micros(25 - i) * kMicrosPerDay});
        const auto deployment = [&](qint64 id, const QString &sha, const QString &status, Micros updated) {
            FakeGitLab::Deployment d;
            d.id = id;
            d.sha = sha;
            d.status = status;
            d.createdAt = updated - 10 * kMicrosPerMinute;
            d.updatedAt = updated;
            if (status == u"success" || status == u"failed" || status == u"canceled")
                d.finishedAt = updated - kMicrosPerMinute;
            gl.deployments.push_back(d);
        };
        deployment(201, QStringLiteral("g2"), QStringLiteral("success"), now - 20 * kMicrosPerDay);
        deployment(202, QStringLiteral("g4"), QStringLiteral("success"), now - 5 * kMicrosPerDay);
        deployment(203, QStringLiteral("g5"), QStringLiteral("failed"), now - 4 * kMicrosPerDay);
        deployment(204, QStringLiteral("g6"), QStringLiteral("canceled"), now - 3 * kMicrosPerDay);
        deployment(205, QStringLiteral("g7"), QStringLiteral("success"), now - 2 * kMicrosPerDay);
        deployment(206, QStringLiteral("g8"), QStringLiteral("running"), now - kMicrosPerHour);
        FakeHttpServer server([&gl](const FakeRequest &r) { return gl.handle(r); });
        Env env;
        env.addSource(QStringLiteral("gitlab"), QStringLiteral("gl"), server.url(),
                      {{QStringLiteral("project"), gl.project}, {QStringLiteral("since"), QStringLiteral("10d")}});
        const SyncOutcome o = env.sync(QStringLiteral("gl"), gl.token);
        QVERIFY2(o.ok(), qPrintable(msg(o)));
        QCOMPARE(text(*env.ws,
                      QStringLiteral("SELECT group_concat(deployment_id || '=' || result, ' ') FROM "
                                     "(SELECT * FROM deployments ORDER BY deployment_id)")),
                 QStringLiteral("gitlab:202=success gitlab:203=failure gitlab:204=other gitlab:205=success"));
        // 202 compares with 201 (found before since), 205 with 202.
        QCOMPARE(text(*env.ws,
                      QStringLiteral("SELECT group_concat(deployment_id || ':' || commit_sha, ' ') FROM "
                                     "(SELECT * FROM changes ORDER BY deployment_id, commit_sha)")),
                 QStringLiteral("gitlab:202:g3 gitlab:202:g4 gitlab:205:g5 gitlab:205:g6 gitlab:205:g7"));
        QCOMPARE(env.count(QStringLiteral("SELECT finished_at FROM deployments WHERE deployment_id = 'gitlab:205'")),
                 now - 2 * kMicrosPerDay - kMicrosPerMinute);
        QCOMPARE(env.count(QStringLiteral("SELECT started_at FROM deployments WHERE deployment_id = 'gitlab:205'")),
                 now - 2 * kMicrosPerDay - 10 * kMicrosPerMinute);
        int listPages = 0;
        for (const FakeRequest &q : server.requests()) {
            QCOMPARE(q.headers.value("private-token"), gl.token.toUtf8());
            QVERIFY2(q.target.startsWith("/api/v4/projects/group%2Fapp/"), q.target.constData());
            if (q.path().endsWith(QLatin1StringView("/deployments")) && q.query(QStringLiteral("updated_after")).size())
                ++listPages;
        }
        QCOMPARE(listPages, 3); // 5 deployments, 2 a page, X-Next-Page
        const QJsonObject cursor
            = QJsonDocument::fromJson(env.source(QStringLiteral("gl")).lastCursor.toUtf8()).object();
        QCOMPARE(cursor.value(QLatin1StringView("base_sha")).toString(), QStringLiteral("g7"));
        QCOMPARE(cursor.value(QLatin1StringView("updated_after")).toString(),
                 iso(now - kMicrosPerHour - (now - kMicrosPerHour) % kMicrosPerSecond));

        // 206 finishes: the next sync reads it alone and compares it with 205.
        gl.deployments.back().status = QStringLiteral("success");
        gl.deployments.back().updatedAt = now;
        gl.deployments.back().finishedAt = now - kMicrosPerSecond;
        server.clearRequests();
        const SyncOutcome again = env.sync(QStringLiteral("gl"), gl.token);
        QVERIFY2(again.ok(), qPrintable(msg(again)));
        QCOMPARE(again.items, 1);
        QCOMPARE(env.count(QStringLiteral(
                     "SELECT count(*) FROM changes WHERE deployment_id = 'gitlab:206' AND commit_sha = 'g8'")),
                 1);
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM deployments")), 5);
    }

    // --- Prometheus --------------------------------------------------------------------------

    // Per SLO the total and the bad query, from 28 days ago to now on whole hours: 673 points,
    // each total the sum of its two series (60 + 40).
    void prometheusQueryRange()
    {
        FakePrometheus prom;
        prom.token = QStringLiteral("prom-Bearer-9");
        prom.values.insert(QStringLiteral("sum(increase(http_requests_total[1h]))"), 100);
        prom.values.insert(QStringLiteral("sum(increase(http_requests_total{code=~\"5..\"}[1h]))"), 2);
        prom.split << QStringLiteral("sum(increase(http_requests_total[1h]))");
        FakeHttpServer server([&prom](const FakeRequest &r) { return prom.handle(r); });
        Env env;
        SourceDefinition s;
        setPrometheusSlos(s,
                          {{QStringLiteral("checkout"),
                            {},
                            QStringLiteral("sum(increase(http_requests_total{code=~\"5..\"}[1h]))"),
                            QStringLiteral("sum(increase(http_requests_total[1h]))")}});
        s.options.insert(QStringLiteral("step"), QStringLiteral("1h"));
        env.addSource(QStringLiteral("prometheus"), QStringLiteral("prom"), server.url(), s.options);
        const SyncOutcome o = env.sync(QStringLiteral("prom"), prom.token);
        QVERIFY2(o.ok(), qPrintable(msg(o)));
        const QList<FakeRequest> r = server.requests();
        QCOMPARE(r.size(), 2);
        for (const FakeRequest &q : r) {
            QCOMPARE(q.headers.value("authorization"), "Bearer " + prom.token.toUtf8());
            QCOMPARE(q.query(QStringLiteral("step")), QStringLiteral("3600"));
            QCOMPARE(q.query(QStringLiteral("start")).toLongLong() % 3600, 0);
            QCOMPARE(q.query(QStringLiteral("end")).toLongLong() - q.query(QStringLiteral("start")).toLongLong(),
                     28 * 86400);
        }
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM slo_measurements WHERE slo = 'checkout'")),
                 28 * 24 + 1);
        QCOMPARE(env.count(QStringLiteral(
                     "SELECT count(*) FROM slo_measurements WHERE total = 100 AND bad = 2 AND good IS NULL")),
                 28 * 24 + 1);
        QCOMPARE(env.source(QStringLiteral("prom")).lastCursor,
                 iso(r[0].query(QStringLiteral("end")).toLongLong() * kMicrosPerSecond));
    }

    // A fine step over a long range is asked in pieces of at most 10,000 points.
    void prometheusLongRangeInPieces()
    {
        FakePrometheus prom;
        prom.values.insert(QStringLiteral("t"), 10);
        prom.values.insert(QStringLiteral("g"), 9);
        FakeHttpServer server([&prom](const FakeRequest &r) { return prom.handle(r); });
        Env env;
        SourceDefinition s;
        setPrometheusSlos(s, {{QStringLiteral("api"), QStringLiteral("g"), {}, QStringLiteral("t")}});
        s.options.insert(QStringLiteral("step"), QStringLiteral("10s"));
        s.options.insert(QStringLiteral("since"), QStringLiteral("2d"));
        env.addSource(QStringLiteral("prometheus"), QStringLiteral("prom"), server.url(), s.options);
        const SyncOutcome o = env.sync(QStringLiteral("prom"), QString());
        QVERIFY2(o.ok(), qPrintable(msg(o)));
        const QList<FakeRequest> r = server.requests();
        QCOMPARE(r.size(), 4); // 17,281 points per query: 10,000 + 7,281
        for (const FakeRequest &q : r) {
            QVERIFY(!q.headers.contains("authorization"));
            QVERIFY((q.query(QStringLiteral("end")).toLongLong() - q.query(QStringLiteral("start")).toLongLong()) / 10
                        + 1
                    <= 10000);
        }
        QCOMPARE(env.count(QStringLiteral("SELECT count(*) FROM slo_measurements WHERE good = 9 AND total = 10")),
                 2 * 8640 + 1);
    }

    void prometheusQueryErrorIsBadPayload()
    {
        FakePrometheus prom;
        FakeHttpServer server([&prom](const FakeRequest &r) { return prom.handle(r); });
        Env env;
        SourceDefinition s;
        setPrometheusSlos(s, {{QStringLiteral("api"), QStringLiteral("nope("), {}, QStringLiteral("also nope")}});
        env.addSource(QStringLiteral("prometheus"), QStringLiteral("prom"), server.url(), s.options);
        const SyncOutcome o = env.sync(QStringLiteral("prom"), QString());
        QVERIFY2(o.exitCode == 2, qPrintable(o.message));
        QVERIFY2(o.message.contains(QLatin1StringView("prometheus error bad_data: 1:1: parse error")),
                 qPrintable(o.message));
    }

    // --- definitions -------------------------------------------------------------------------

    void definitionChecks_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("optionsJson");
        QTest::addColumn<QString>("error"); // a part of the message, or empty when valid
        QTest::newRow("pagerduty") << "pagerduty"
                                   << "https://api.pagerduty.com"
                                   << "{}"
                                   << "";
        QTest::newRow("user info") << "pagerduty"
                                   << "https://me:pw@api.pagerduty.com"
                                   << "{}"
                                   << "user name or password";
        QTest::newRow("ftp") << "pagerduty"
                             << "ftp://x"
                             << "{}"
                             << "not an http or https URL";
        QTest::newRow("query") << "pagerduty"
                               << "https://x.test/?a=b"
                               << "{}"
                               << "without '?'";
        QTest::newRow("since") << "pagerduty"
                               << "https://x.test"
                               << R"({"since":"last week"})"
                               << "--since must be";
        QTest::newRow("github no repo") << "github"
                                        << "https://api.github.com"
                                        << "{}"
                                        << "--repo OWNER/NAME";
        QTest::newRow("github") << "github"
                                << "https://api.github.com"
                                << R"({"repo":"a/b"})"
                                << "";
        QTest::newRow("gitlab") << "gitlab"
                                << "https://gitlab.com"
                                << R"({"project":"42"})"
                                << "";
        QTest::newRow("prometheus no slo") << "prometheus"
                                           << "http://prom:9090"
                                           << "{}"
                                           << "at least one --slo";
        QTest::newRow("prometheus no total") << "prometheus"
                                             << "http://prom:9090"
                                             << R"({"slos":[{"name":"a","good":"x"}]})"
                                             << "needs --total-query";
        QTest::newRow("prometheus step") << "prometheus"
                                         << "http://prom:9090"
                                         << R"({"step":"often","slos":[{"name":"a","good":"x","total":"y"}]})"
                                         << "--step";
        QTest::newRow("prometheus") << "prometheus"
                                    << "http://prom:9090"
                                    << R"({"step":"5m","slos":[{"name":"a","bad":"x","total":"y"}]})"
                                    << "";
    }
    void definitionChecks()
    {
        QFETCH(QString, kind);
        QFETCH(QString, url);
        QFETCH(QString, optionsJson);
        QFETCH(QString, error);
        SourceDefinition s;
        s.name = QStringLiteral("src");
        s.kind = kind;
        s.url = url;
        s.options = QJsonDocument::fromJson(optionsJson.toUtf8()).object();
        const QString why = definitionError(s);
        if (error.isEmpty())
            QVERIFY2(why.isEmpty(), qPrintable(why));
        else
            QVERIFY2(why.contains(error), qPrintable(why));
    }

    void plainHttpTokenOnlyToThisMachine()
    {
        Env env;
        env.addSource(QStringLiteral("pagerduty"), QStringLiteral("pd"),
                      QStringLiteral("http://pagerduty.example.org"));
        const SyncOutcome o = env.sync(QStringLiteral("pd"), QStringLiteral("tok-1234"));
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.message.contains(QLatin1StringView("unencrypted")), qPrintable(o.message));
        QCOMPARE(o.requests, 0);
    }
};

QTEST_GUILESS_MAIN(TstSources)
#include "tst_sources.moc"
