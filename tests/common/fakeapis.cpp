#include "tests/common/fakeapis.h"

#include "store/timeutil.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace srm::test {

namespace {

QByteArray compact(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

std::optional<Micros> parseTime(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return parseTimestamp(text.toStdString(), ZoneOffsets());
}

FakeResponse errorJson(int status, const QString &message)
{
    return FakeResponse::json(compact(QJsonObject{{QStringLiteral("message"), message}}), status);
}

// A Link header for page `page` of `pages` of `request`, with absolute URLs as GitHub writes them.
QByteArray linkHeader(const FakeRequest &request, int page, int pages)
{
    const auto at = [&](int p) {
        QUrl u = request.url;
        QUrlQuery q(u);
        q.removeAllQueryItems(QStringLiteral("page"));
        q.addQueryItem(QStringLiteral("page"), QString::number(p));
        u.setQuery(q);
        u.setHost(QStringLiteral("127.0.0.1"));
        u.setPort(QByteArray(request.headers.value("host")).split(':').value(1).toInt());
        return u.toEncoded();
    };
    QList<QByteArray> links;
    if (page < pages)
        links << "<" + at(page + 1) + ">; rel=\"next\""
              << "<" + at(pages) + ">; rel=\"last\"";
    if (page > 1)
        links << "<" + at(1) + ">; rel=\"first\""
              << "<" + at(page - 1) + ">; rel=\"prev\"";
    return links.join(", ");
}

template <typename T>
std::vector<T> pageOf(const std::vector<T> &all, int page, int size)
{
    std::vector<T> out;
    for (std::size_t i = std::size_t((page - 1) * size); i < all.size() && i < std::size_t(page * size); ++i)
        out.push_back(all[i]);
    return out;
}

int pageCount(std::size_t items, int size)
{
    return std::max(1, int((items + std::size_t(size) - 1) / std::size_t(size)));
}

} // namespace

QString iso(Micros t)
{
    return formatIso(t);
}

Micros nowMicros()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

// --- PagerDuty ---------------------------------------------------------------------------------

void FakePagerDuty::add(int count, Micros from, Micros step, const QString &prefix, bool resolved)
{
    const int first = int(incidents.size());
    for (int i = 0; i < count; ++i) {
        Incident incident;
        incident.id = QStringLiteral("%1-%2").arg(prefix).arg(first + i + 1);
        incident.createdAt = from + Micros(i) * step;
        incident.resolved = resolved;
        incident.title = QStringLiteral("Alert %1 on db-%2").arg(i % 7).arg(i % 3);
        incidents.push_back(incident);
    }
}

FakeResponse FakePagerDuty::handle(const FakeRequest &request)
{
    if (!request.path().endsWith(QLatin1StringView("/incidents")))
        return FakeResponse::json(R"({"error":{"message":"Not Found","code":2100}})", 404);
    const int number = ++served;
    if (request.headers.value("authorization") != "Token token=" + token.toUtf8())
        return FakeResponse::json(R"({"error":{"message":"Unauthenticated","code":2006}})", 401);
    if (request.headers.value("accept") != "application/vnd.pagerduty+json;version=2")
        return FakeResponse::json(R"({"error":{"message":"Wrong Accept header","code":2001}})", 400);
    const std::optional<Micros> since = parseTime(request.query(QStringLiteral("since")));
    const std::optional<Micros> until = parseTime(request.query(QStringLiteral("until")));
    const int limit = request.query(QStringLiteral("limit")).toInt();
    const int offset = request.query(QStringLiteral("offset")).toInt();
    if (!since || !until || *until < *since || request.query(QStringLiteral("time_zone")) != u"UTC")
        return FakeResponse::json(R"({"error":{"message":"Invalid Input Provided","code":2001}})", 400);
    if (*until - *since > 180 * kMicrosPerDay)
        return FakeResponse::json(
            R"({"error":{"message":"Invalid Input Provided","code":2001,"errors":["The maximum range of since and until is 6 months"]}})",
            400);
    if (limit < 1 || limit > 100 || offset < 0 || offset + limit > 10000)
        return FakeResponse::json(
            R"({"error":{"message":"Invalid Input Provided","code":2001,"errors":["Offset must be less than 10000"]}})",
            400);

    FakeResponse fault;
    bool faulty = false;
    if (faults.contains(number)) {
        const Fault f = faults.value(number);
        faulty = true;
        switch (f.kind) {
        case Fault::RateLimit:
            fault = FakeResponse::json(R"({"error":{"message":"Rate Limit Exceeded","code":2020}})", 429);
            if (f.retryAfter >= 0)
                fault.headers << qMakePair(QByteArray("Retry-After"), QByteArray::number(f.retryAfter));
            return fault;
        case Fault::Unauthorized:
            return FakeResponse::json(R"({"error":{"message":"Unauthenticated","code":2006}})", 401);
        case Fault::ServerError: return FakeResponse::json(R"({"error":{"message":"Internal"}})", 503);
        case Fault::Malformed: return FakeResponse::json(R"({"incidents": [{"id": "Q1", "created_at": )");
        case Fault::Drop: break; // a good page, cut off below
        }
    }

    std::vector<const Incident *> matching;
    for (const Incident &i : incidents)
        if (i.createdAt >= *since && i.createdAt < *until)
            matching.push_back(&i);
    std::stable_sort(matching.begin(), matching.end(),
                     [](const Incident *a, const Incident *b) { return a->createdAt < b->createdAt; });
    QJsonArray list;
    for (int k = offset; k < offset + limit && k < int(matching.size()); ++k) {
        const Incident &i = *matching[std::size_t(k)];
        QJsonObject o{
            {QStringLiteral("id"), i.id},
            {QStringLiteral("type"), QStringLiteral("incident")},
            {QStringLiteral("incident_number"), k + 1},
            {QStringLiteral("title"), i.title},
            {QStringLiteral("status"), i.resolved ? QStringLiteral("resolved") : QStringLiteral("triggered")},
            {QStringLiteral("urgency"), QStringLiteral("high")},
            {QStringLiteral("created_at"), iso(i.createdAt)},
            {QStringLiteral("service"),
             QJsonObject{{QStringLiteral("id"), QStringLiteral("PSVC")}, {QStringLiteral("summary"), i.service}}},
            {QStringLiteral("acknowledgements"), QJsonArray()}};
        if (i.resolved) {
            o.insert(QStringLiteral("resolved_at"), iso(i.createdAt + 30 * kMicrosPerMinute));
            o.insert(QStringLiteral("last_status_change_at"), iso(i.createdAt + 30 * kMicrosPerMinute));
        }
        list.append(o);
    }
    QJsonObject page{{QStringLiteral("incidents"), list},
                     {QStringLiteral("limit"), limit},
                     {QStringLiteral("offset"), offset},
                     {QStringLiteral("more"), offset + limit < int(matching.size())},
                     {QStringLiteral("total"), QJsonValue::Null}};
    if (reportTotal && request.query(QStringLiteral("total")) == u"true")
        page.insert(QStringLiteral("total"), int(matching.size()));
    FakeResponse r = FakeResponse::json(compact(page));
    if (faulty)
        r.dropHalfway = true;
    return r;
}

// --- GitHub ------------------------------------------------------------------------------------

FakeResponse FakeGitHub::handle(const FakeRequest &request)
{
    const int number = ++served;
    if (request.headers.value("authorization") != "Bearer " + token.toUtf8())
        return errorJson(401, QStringLiteral("Bad credentials"));
    FakeResponse r;
    const QString prefix = QStringLiteral("/repos/%1").arg(repo);
    const QString path = request.path();
    const int page = std::max(1, request.query(QStringLiteral("page")).toInt());
    const auto sortedNewestFirst = [this] {
        std::vector<Deployment> out = deployments;
        std::sort(out.begin(), out.end(), [](const Deployment &a, const Deployment &b) { return a.id > b.id; });
        return out;
    };
    if (!path.startsWith(prefix)) {
        r = errorJson(404, QStringLiteral("Not Found"));
    } else if (path == prefix + QStringLiteral("/deployments")) {
        std::vector<Deployment> all;
        for (const Deployment &d : sortedNewestFirst())
            if (d.environment == request.query(QStringLiteral("environment")))
                all.push_back(d);
        QJsonArray list;
        for (const Deployment &d : pageOf(all, page, pageSize))
            list.append(QJsonObject{{QStringLiteral("id"), d.id},
                                    {QStringLiteral("sha"), d.sha},
                                    {QStringLiteral("ref"), QStringLiteral("main")},
                                    {QStringLiteral("environment"), d.environment},
                                    {QStringLiteral("created_at"), iso(d.createdAt)}});
        r = FakeResponse::json(compact(list));
        r.headers << qMakePair(QByteArray("Link"), linkHeader(request, page, pageCount(all.size(), pageSize)));
    } else if (path.startsWith(prefix + QStringLiteral("/deployments/"))
               && path.endsWith(QLatin1StringView("/statuses"))) {
        const qint64 id = path.section(u'/', 5, 5).toLongLong();
        const auto it = std::find_if(deployments.begin(), deployments.end(),
                                     [id](const Deployment &d) { return d.id == id; });
        if (it == deployments.end()) {
            r = errorJson(404, QStringLiteral("Not Found"));
        } else {
            QJsonArray list;
            for (auto s = it->statuses.rbegin(); s != it->statuses.rend(); ++s)
                list.append(QJsonObject{{QStringLiteral("id"), qint64(id * 100 + (s - it->statuses.rbegin()))},
                                        {QStringLiteral("state"), s->state},
                                        {QStringLiteral("created_at"), iso(s->at)}});
            r = FakeResponse::json(compact(list));
        }
    } else if (path.startsWith(prefix + QStringLiteral("/compare/"))) {
        const QStringList ends = path.mid(prefix.size() + 9).split(QStringLiteral("..."));
        const auto index = [this](const QString &sha) {
            for (std::size_t i = 0; i < history.size(); ++i)
                if (history[i].sha == sha)
                    return int(i);
            return -1;
        };
        const int base = index(ends.value(0));
        const int head = index(ends.value(1));
        if (base < 0 || head < 0) {
            r = errorJson(404, QStringLiteral("Not Found"));
        } else {
            std::vector<Commit> between(history.begin() + base + 1, history.begin() + std::max(base, head) + 1);
            QJsonArray commits;
            for (const Commit &c : pageOf(between, page, pageSize)) {
                const QJsonObject who{{QStringLiteral("name"), QStringLiteral("dev")},
                                      {QStringLiteral("date"), iso(c.committedAt)}};
                const QJsonObject author{{QStringLiteral("name"), QStringLiteral("dev")},
                                         {QStringLiteral("date"), iso(c.committedAt - kMicrosPerHour)}};
                commits.append(
                    QJsonObject{{QStringLiteral("sha"), c.sha},
                                {QStringLiteral("commit"),
                                 QJsonObject{{QStringLiteral("author"), author}, {QStringLiteral("committer"), who}}}});
            }
            r = FakeResponse::json(compact(QJsonObject{{QStringLiteral("status"), QStringLiteral("ahead")},
                                                       {QStringLiteral("total_commits"), int(between.size())},
                                                       {QStringLiteral("commits"), commits}}));
            r.headers << qMakePair(QByteArray("Link"), linkHeader(request, page, pageCount(between.size(), pageSize)));
        }
    } else {
        r = errorJson(404, QStringLiteral("Not Found"));
    }
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + resetSeconds;
    if (number == exhaustOnRequest) {
        r = errorJson(403, QStringLiteral("API rate limit exceeded"));
        r.headers << qMakePair(QByteArray("x-ratelimit-remaining"), QByteArray("0"));
    } else {
        r.headers << qMakePair(QByteArray("x-ratelimit-remaining"), QByteArray::number(4999 - number));
    }
    r.headers << qMakePair(QByteArray("x-ratelimit-limit"), QByteArray("5000"))
              << qMakePair(QByteArray("x-ratelimit-reset"), QByteArray::number(reset));
    return r;
}

// --- GitLab ------------------------------------------------------------------------------------

FakeResponse FakeGitLab::handle(const FakeRequest &request)
{
    ++served;
    if (request.headers.value("private-token") != token.toUtf8())
        return errorJson(401, QStringLiteral("401 Unauthorized"));
    const QString prefix = QStringLiteral("/api/v4/projects/") + QString::fromLatin1(QUrl::toPercentEncoding(project));
    const QString path = request.path();
    if (path == prefix + QStringLiteral("/deployments")) {
        const std::optional<Micros> after = parseTime(request.query(QStringLiteral("updated_after")));
        const std::optional<Micros> before = parseTime(request.query(QStringLiteral("updated_before")));
        const QString status = request.query(QStringLiteral("status"));
        if ((after || before) && request.query(QStringLiteral("order_by")) != u"updated_at")
            return errorJson(400, QStringLiteral("order_by must be updated_at with updated_after or updated_before"));
        std::vector<Deployment> all;
        for (const Deployment &d : deployments)
            if (d.environment == request.query(QStringLiteral("environment")) && (!after || d.updatedAt > *after)
                && (!before || d.updatedAt < *before) && (status.isEmpty() || d.status == status))
                all.push_back(d);
        const bool descending = request.query(QStringLiteral("sort")) == u"desc";
        std::sort(all.begin(), all.end(), [descending](const Deployment &a, const Deployment &b) {
            return descending ? a.updatedAt > b.updatedAt : a.updatedAt < b.updatedAt;
        });
        const int perPage = std::min(pageSize, std::max(1, request.query(QStringLiteral("per_page")).toInt()));
        const int page = std::max(1, request.query(QStringLiteral("page")).toInt());
        const int pages = pageCount(all.size(), perPage);
        QJsonArray list;
        for (const Deployment &d : pageOf(all, page, perPage)) {
            QJsonObject job{{QStringLiteral("id"), d.id * 10},
                            {QStringLiteral("status"), d.status},
                            {QStringLiteral("started_at"), iso(d.createdAt)}};
            job.insert(QStringLiteral("finished_at"), d.finishedAt ? QJsonValue(iso(*d.finishedAt)) : QJsonValue::Null);
            list.append(
                QJsonObject{{QStringLiteral("id"), d.id},
                            {QStringLiteral("iid"), d.id},
                            {QStringLiteral("ref"), QStringLiteral("main")},
                            {QStringLiteral("sha"), d.sha},
                            {QStringLiteral("status"), d.status},
                            {QStringLiteral("created_at"), iso(d.createdAt)},
                            {QStringLiteral("updated_at"), iso(d.updatedAt)},
                            {QStringLiteral("deployable"), job},
                            {QStringLiteral("environment"), QJsonObject{{QStringLiteral("name"), d.environment}}}});
        }
        FakeResponse r = FakeResponse::json(compact(list));
        r.headers << qMakePair(QByteArray("X-Page"), QByteArray::number(page))
                  << qMakePair(QByteArray("X-Per-Page"), QByteArray::number(perPage))
                  << qMakePair(QByteArray("X-Total"), QByteArray::number(qint64(all.size())))
                  << qMakePair(QByteArray("X-Total-Pages"), QByteArray::number(pages))
                  << qMakePair(QByteArray("X-Next-Page"), page < pages ? QByteArray::number(page + 1) : QByteArray());
        return r;
    }
    if (path == prefix + QStringLiteral("/repository/compare")) {
        const auto index = [this](const QString &sha) {
            for (std::size_t i = 0; i < history.size(); ++i)
                if (history[i].sha == sha)
                    return int(i);
            return -1;
        };
        const int from = index(request.query(QStringLiteral("from")));
        const int to = index(request.query(QStringLiteral("to")));
        if (from < 0 || to < 0)
            return errorJson(404, QStringLiteral("404 Ref Not Found"));
        QJsonArray commits;
        for (int i = from + 1; i <= to; ++i)
            commits.append(QJsonObject{
                {QStringLiteral("id"), history[std::size_t(i)].sha},
                {QStringLiteral("short_id"), history[std::size_t(i)].sha.left(8)},
                {QStringLiteral("committed_date"), iso(history[std::size_t(i)].committedAt)},
                {QStringLiteral("authored_date"), iso(history[std::size_t(i)].committedAt - kMicrosPerHour)}});
        return FakeResponse::json(compact(QJsonObject{{QStringLiteral("commits"), commits},
                                                      {QStringLiteral("diffs"), QJsonArray()},
                                                      {QStringLiteral("compare_timeout"), false}}));
    }
    return errorJson(404, QStringLiteral("404 Not Found"));
}

// --- Prometheus --------------------------------------------------------------------------------

FakeResponse FakePrometheus::handle(const FakeRequest &request)
{
    ++served;
    if (!token.isEmpty() && request.headers.value("authorization") != "Bearer " + token.toUtf8())
        return FakeResponse::json("Unauthorized\n", 401);
    if (request.path() != u"/api/v1/query_range")
        return FakeResponse::json(R"({"status":"error","errorType":"not_found","error":"not found"})", 404);
    const QString query = request.query(QStringLiteral("query"));
    const qint64 start = request.query(QStringLiteral("start")).toLongLong();
    const qint64 end = request.query(QStringLiteral("end")).toLongLong();
    const qint64 step = request.query(QStringLiteral("step")).toLongLong();
    if (!values.contains(query))
        return FakeResponse::json(
            R"({"status":"error","errorType":"bad_data","error":"1:1: parse error: unknown query"})", 400);
    if (step <= 0 || end < start || (end - start) / step + 1 > 11000)
        return FakeResponse::json(
            R"({"status":"error","errorType":"bad_data","error":"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution"})",
            400);
    const double value = values.value(query);
    const int seriesCount = split.contains(query) ? 2 : 1;
    QJsonArray result;
    for (int s = 0; s < seriesCount; ++s) {
        QJsonArray points;
        for (qint64 t = start; t <= end; t += step)
            points.append(QJsonArray{double(t), QString::number(seriesCount == 2 ? value / 2 : value)});
        result.append(QJsonObject{
            {QStringLiteral("metric"), QJsonObject{{QStringLiteral("instance"), QStringLiteral("web-%1").arg(s)}}},
            {QStringLiteral("values"), points}});
    }
    return FakeResponse::json(compact(QJsonObject{
        {QStringLiteral("status"), QStringLiteral("success")},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("resultType"), QStringLiteral("matrix")}, {QStringLiteral("result"), result}}}}));
}

} // namespace srm::test
