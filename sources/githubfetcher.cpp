// GitHub (docs/sources.md#github): the deployments of one environment of a repository, newest
// first with `Link` paging, back to the cursor; for each, its statuses (the latest one that is
// not `inactive` decides: success, or failure/error as failure; pending, queued and
// in_progress mean "not finished yet"); for each successful deployment, the commits between
// the previous successful deployment and it (the compare API, `Link` paging) as its changes.
// Rate limits are the HttpClient's business. The next sync starts at the newest deployment
// seen, or earlier at the oldest one still unfinished (within a week).
#include "sources/deploymenttables.h"
#include "sources/fetcher.h"

#include "store/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace srm::sources {

namespace {

constexpr int kBaseCandidates = 5; // older deployments looked at to find the first one's base
constexpr Micros kPendingLookback = 7 * kMicrosPerDay;

struct GitHubDeployment
{
    QString id;
    QString sha;
    QString createdText;
    Micros created = 0;
    // From its statuses.
    enum class State { Unknown, Pending, Success, Failure } state = State::Unknown;
    QString finishedText;
};

QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString().trimmed();
}

Micros instant(const QString &s)
{
    return parseTimestamp(s.toStdString(), ZoneOffsets()).value_or(0);
}

class GitHubFetch
{
public:
    explicit GitHubFetch(const FetchContext &c) : m_c(c)
    {
        const QJsonObject &o = c.source.options;
        m_repo = o.value(QLatin1StringView("repo")).toString().trimmed();
        m_environment = o.value(QLatin1StringView("environment")).toString().trimmed();
        if (m_environment.isEmpty())
            m_environment = QStringLiteral("production");
        m_service = o.value(QLatin1StringView("service")).toString().trimmed();
        if (m_service.isEmpty())
            m_service = m_repo.section(u'/', 1);
        if (!c.token.isEmpty())
            m_headers << qMakePair(QByteArray("Authorization"), "Bearer " + c.token.toUtf8());
        m_headers << qMakePair(QByteArray("Accept"), QByteArray("application/vnd.github+json"))
                  << qMakePair(QByteArray("X-GitHub-Api-Version"), QByteArray("2022-11-28"));
    }

    FetchResult run()
    {
        FetchResult result;
        const Micros cutoff = syncStart(m_c, m_c.source.lastCursor);
        std::vector<GitHubDeployment> fresh;
        std::vector<GitHubDeployment> older;
        listDeployments(cutoff, fresh, older);
        std::sort(fresh.begin(), fresh.end(), [](const auto &a, const auto &b) {
            return a.created != b.created ? a.created < b.created : a.id.toLongLong() < b.id.toLongLong();
        });

        // The base of the first new deployment: the newest older one that succeeded.
        std::optional<GitHubDeployment> base;
        for (GitHubDeployment &d : older) {
            readStatuses(d);
            if (d.state == GitHubDeployment::State::Success) {
                base = d;
                break;
            }
        }

        DeploymentTables tables;
        std::optional<Micros> earliestPending;
        int done = 0;
        for (GitHubDeployment &d : fresh) {
            m_c.tell(QStringLiteral("GitHub: deployment %1 of %2").arg(++done).arg(fresh.size()));
            readStatuses(d);
            switch (d.state) {
            case GitHubDeployment::State::Pending:
                if (!earliestPending || d.created < *earliestPending)
                    earliestPending = d.created;
                continue;
            case GitHubDeployment::State::Unknown:
                result.notes
                    << QStringLiteral("deployment %1 has no success, failure or error status; left out").arg(d.id);
                continue;
            case GitHubDeployment::State::Failure:
                tables.addDeployment(deploymentId(d), m_service, d.createdText, d.finishedText,
                                     QStringLiteral("failure"), d.sha);
                continue;
            case GitHubDeployment::State::Success:
                tables.addDeployment(deploymentId(d), m_service, d.createdText, d.finishedText,
                                     QStringLiteral("success"), d.sha);
                if (!base)
                    result.notes << QStringLiteral(
                                        "deployment %1 has no earlier successful deployment to compare with: "
                                        "its changes are not known")
                                        .arg(d.id);
                else if (base->sha != d.sha)
                    addChanges(*base, d, tables);
                base = d;
                continue;
            }
        }
        tables.addParts(result, m_c.spool, QStringLiteral("GitHub %1").arg(m_repo));
        result.items = tables.deployments();
        result.label
            = QStringLiteral("GitHub deployments of %1 (%2) since %3").arg(m_repo, m_environment, isoSeconds(cutoff));

        Micros next = fresh.empty() ? cutoff : fresh.back().created;
        if (earliestPending)
            next = std::min(next, std::max(*earliestPending, m_c.now - kPendingLookback));
        result.cursor = isoSeconds(std::max(next, cutoff));
        return result;
    }

private:
    QString deploymentId(const GitHubDeployment &d) const { return QStringLiteral("github:%1").arg(d.id); }

    QUrl url(const QString &path) const { return apiUrl(m_c.source, QStringLiteral("/repos/%1%2").arg(m_repo, path)); }

    // Every element of a paged list (`Link` rel="next"); `arrayOf` picks the list out of an
    // object answer (compare), or the answer is the list.
    template <typename Each>
    void pages(QUrl url, const QString &what, const char *arrayOf, Each each)
    {
        const QUrl first = url;
        for (int page = 1;; ++page) {
            const HttpResponse r = page == 1 ? m_c.http.get(url, m_headers) : m_c.http.getNext(url, first, m_headers);
            const QString where = QStringLiteral("%1 (page %2)").arg(what).arg(page);
            const QJsonDocument doc = QJsonDocument::fromJson(jsonOrThrow(m_c.http, r, where));
            const QJsonValue list = arrayOf ? doc.object().value(QLatin1StringView(arrayOf)) : QJsonValue(doc.array());
            if (!(arrayOf ? list.isArray() : doc.isArray()))
                throw SyncError(
                    SyncError::Kind::BadPayload,
                    QStringLiteral("GitHub's answer to %1 is not a list%2")
                        .arg(where,
                             arrayOf ? QStringLiteral(" (no '%1' array)").arg(QLatin1StringView(arrayOf)) : QString()));
            bool more = true;
            for (const QJsonValue &v : list.toArray())
                if (!each(v.toObject())) {
                    more = false;
                    break;
                }
            url = r.nextLink();
            if (!more || url.isEmpty())
                return;
        }
    }

    void listDeployments(Micros cutoff, std::vector<GitHubDeployment> &fresh, std::vector<GitHubDeployment> &older)
    {
        QUrl u = url(QStringLiteral("/deployments"));
        QUrlQuery query;
        addQueryItem(query, QStringLiteral("environment"), m_environment);
        addQueryItem(query, QStringLiteral("per_page"), QStringLiteral("100"));
        u.setQuery(query);
        // GitHub lists newest first: after a few deployments older than the cutoff (candidates for
        // the first new one's base) the rest is older still. A list in another order is read whole.
        bool newestFirst = true;
        Micros previous = std::numeric_limits<Micros>::max();
        pages(u, QStringLiteral("GET /repos/%1/deployments").arg(m_repo), nullptr, [&](const QJsonObject &o) {
            GitHubDeployment d;
            d.id = text(o, "id");
            d.sha = text(o, "sha");
            d.createdText = text(o, "created_at");
            d.created = instant(d.createdText);
            if (d.id.isEmpty())
                throw SyncError(SyncError::Kind::BadPayload,
                                QStringLiteral("GitHub listed a deployment without an id"));
            newestFirst = newestFirst && d.created <= previous;
            previous = d.created;
            if (d.created >= cutoff) {
                fresh.push_back(d);
                return true;
            }
            older.push_back(d);
            return !newestFirst || older.size() < std::size_t(kBaseCandidates);
        });
        std::sort(older.begin(), older.end(), [](const auto &a, const auto &b) { return a.created > b.created; });
        if (older.size() > std::size_t(kBaseCandidates))
            older.resize(kBaseCandidates);
        m_c.tell(QStringLiteral("GitHub: %1 new deployments").arg(QLocale::c().toString(qint64(fresh.size()))));
    }

    void readStatuses(GitHubDeployment &d)
    {
        QUrl u = url(QStringLiteral("/deployments/%1/statuses").arg(d.id));
        QUrlQuery query;
        addQueryItem(query, QStringLiteral("per_page"), QStringLiteral("100"));
        u.setQuery(query);
        struct Status
        {
            QString state;
            QString createdText;
            Micros created;
            qint64 id;
        };
        std::vector<Status> statuses;
        pages(
            u, QStringLiteral("GET /repos/%1/deployments/%2/statuses").arg(m_repo, d.id), nullptr,
            [&](const QJsonObject &o) {
                const QString created = text(o, "created_at");
                statuses.push_back({text(o, "state").toLower(), created, instant(created), text(o, "id").toLongLong()});
                return true;
            });
        // Newest first, whatever order the pages came in.
        std::sort(statuses.begin(), statuses.end(), [](const Status &a, const Status &b) {
            return a.created != b.created ? a.created > b.created : a.id > b.id;
        });
        // No status yet: GitHub's deployment was just created and has not started.
        d.state = statuses.empty() ? GitHubDeployment::State::Pending : GitHubDeployment::State::Unknown;
        for (const Status &s : statuses) {
            if (s.state == u"inactive") // a later deployment replaced it: what it was before counts
                continue;
            if (s.state == u"success") {
                d.state = GitHubDeployment::State::Success;
                d.finishedText = s.createdText;
            } else if (s.state == u"failure" || s.state == u"error") {
                d.state = GitHubDeployment::State::Failure;
                d.finishedText = s.createdText;
            } else if (s.state == u"pending" || s.state == u"queued" || s.state == u"in_progress") {
                d.state = GitHubDeployment::State::Pending;
            }
            break;
        }
    }

    void addChanges(const GitHubDeployment &base, const GitHubDeployment &d, DeploymentTables &tables)
    {
        QUrl u = url(QStringLiteral("/compare/%1...%2").arg(base.sha, d.sha));
        QUrlQuery query;
        addQueryItem(query, QStringLiteral("per_page"), QStringLiteral("100"));
        u.setQuery(query);
        pages(u, QStringLiteral("GET /repos/%1/compare/%2...%3").arg(m_repo, base.sha.left(12), d.sha.left(12)),
              "commits", [&](const QJsonObject &o) {
                  const QJsonObject commit = o.value(QLatin1StringView("commit")).toObject();
                  tables.addChange(text(o, "sha"), deploymentId(d),
                                   text(commit.value(QLatin1StringView("committer")).toObject(), "date"),
                                   text(commit.value(QLatin1StringView("author")).toObject(), "date"));
                  return true;
              });
    }

    const FetchContext &m_c;
    HttpHeaders m_headers;
    QString m_repo;
    QString m_environment;
    QString m_service;
};

} // namespace

FetchResult fetchGitHub(const FetchContext &context)
{
    return GitHubFetch(context).run();
}

} // namespace srm::sources
