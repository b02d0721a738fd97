// Fake PagerDuty, GitHub, GitLab and Prometheus APIs for the live-source tests, written from
// the public API references (docs/sources.md lists them): each answers the requests the
// sources make in the shapes those references describe, checks the credentials and the
// parameters (a window over 180 days, an offset past 10,000 are refused as PagerDuty refuses
// them), and can be told to fail on the n-th request (429 with Retry-After, 401, a malformed
// page, a connection dropped half-way). Their handlers run on the FakeHttpServer's thread; set
// them up before a sync and read them after it.
#pragma once

#include "store/records.h"
#include "tests/common/fakehttpserver.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace srm::test {

QString iso(Micros t); // "2026-01-01T00:00:00Z"
Micros nowMicros();

struct Fault
{
    enum Kind { RateLimit, Unauthorized, Malformed, Drop, ServerError } kind = RateLimit;
    int retryAfter = -1; // RateLimit: the Retry-After header in seconds (-1: none)
};

class FakePagerDuty
{
public:
    struct Incident
    {
        QString id;
        Micros createdAt = 0;
        bool resolved = true;
        QString title = QStringLiteral("Disk full on db-1");
        QString service = QStringLiteral("db");
    };

    QString token = QStringLiteral("pd-Secret-Token-4711");
    std::vector<Incident> incidents;
    bool reportTotal = false; // fill "total" when asked with total=true
    QHash<int, Fault> faults; // by the number of the /incidents request (1-based)
    int served = 0;           // /incidents requests answered (faults included)

    // `count` incidents from `from`, one every `step`, ids PREFIX-1, PREFIX-2...
    void add(int count, Micros from, Micros step, const QString &prefix = QStringLiteral("P"), bool resolved = true);
    FakeResponse handle(const FakeRequest &request);
};

class FakeGitHub
{
public:
    struct Status
    {
        QString state;
        Micros at = 0;
    };
    struct Deployment
    {
        qint64 id = 0;
        QString sha;
        Micros createdAt = 0;
        QString environment = QStringLiteral("production");
        std::vector<Status> statuses; // oldest first (served newest first, as GitHub does)
    };
    struct Commit
    {
        QString sha;
        Micros committedAt = 0;
    };

    QString token = QStringLiteral("gh-Secret-Token-0815");
    QString repo = QStringLiteral("acme/shop");
    std::vector<Deployment> deployments;
    std::vector<Commit> history; // the branch, oldest first: compare(A...B) gives the commits after A up to B
    int pageSize = 2;            // the fake's own page size (per_page is ignored) to exercise Link paging
    int exhaustOnRequest = 0;    // this request (1-based) finds the rate limit used up: 403, remaining 0
    int resetSeconds = 50;       // x-ratelimit-reset is this far ahead then
    int served = 0;

    FakeResponse handle(const FakeRequest &request);
};

class FakeGitLab
{
public:
    struct Deployment
    {
        qint64 id = 0;
        QString sha;
        QString status; // created, running, success, failed, canceled
        Micros createdAt = 0;
        Micros updatedAt = 0;
        std::optional<Micros> finishedAt;
        QString environment = QStringLiteral("production");
    };

    QString token = QStringLiteral("gl-Secret-Token-2342");
    QString project = QStringLiteral("group/app"); // requested as group%2Fapp
    std::vector<Deployment> deployments;
    std::vector<FakeGitHub::Commit> history;
    int pageSize = 2;
    int served = 0;

    FakeResponse handle(const FakeRequest &request);
};

class FakePrometheus
{
public:
    QString token; // empty: no authentication
    // Per query text: the value of every point (two series for a query listed in `split`,
    // which together make the value).
    QHash<QString, double> values;
    QStringList split;
    int served = 0;

    FakeResponse handle(const FakeRequest &request);
};

} // namespace srm::test
