// GitLab (docs/sources.md#gitlab): the deployments of one environment of a project updated
// since the cursor (`updated_after`, oldest first, `Link` or X-Next-Page paging). Finished
// ones are imported: success → success, failed → failure, canceled → other, finished at
// `deployable.finished_at`; the others (created, running, blocked) are not finished yet and
// come back in a later sync, when GitLab updates them. For each successful deployment, the
// commits between the previous successful deployment and it (the repository compare API) are
// its changes. The cursor keeps the latest update seen and the last successful commit.
#include "sources/deploymenttables.h"
#include "sources/fetcher.h"

#include "store/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace srm::sources {

namespace {

struct GitLabDeployment
{
    QString id;
    QString sha;
    QString status;
    QString startedText;
    QString finishedText;
    Micros finished = 0;
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

class GitLabFetch
{
public:
    explicit GitLabFetch(const FetchContext &c) : m_c(c)
    {
        const QJsonObject &o = c.source.options;
        m_project = o.value(QLatin1StringView("project")).toString().trimmed();
        m_environment = o.value(QLatin1StringView("environment")).toString().trimmed();
        if (m_environment.isEmpty())
            m_environment = QStringLiteral("production");
        m_service = o.value(QLatin1StringView("service")).toString().trimmed();
        if (m_service.isEmpty())
            m_service = m_project.section(u'/', -1);
        if (!c.token.isEmpty())
            m_headers << qMakePair(QByteArray("PRIVATE-TOKEN"), c.token.toUtf8());
        m_headers << qMakePair(QByteArray("Accept"), QByteArray("application/json"));
        const QJsonObject cursor = QJsonDocument::fromJson(c.source.lastCursor.toUtf8()).object();
        if (!c.full) {
            m_cursorAfter = cursor.value(QLatin1StringView("updated_after")).toString();
            m_baseSha = cursor.value(QLatin1StringView("base_sha")).toString();
        }
    }

    FetchResult run()
    {
        FetchResult result;
        const Micros after = syncStart(m_c, m_cursorAfter);
        Micros latestUpdate = after;
        std::vector<GitLabDeployment> finished;
        QUrl u = url(QStringLiteral("/deployments"));
        QUrlQuery query;
        addQueryItem(query, QStringLiteral("environment"), m_environment);
        addQueryItem(query, QStringLiteral("updated_after"), isoSeconds(after));
        addQueryItem(query, QStringLiteral("order_by"), QStringLiteral("updated_at"));
        addQueryItem(query, QStringLiteral("sort"), QStringLiteral("asc"));
        addQueryItem(query, QStringLiteral("per_page"), QStringLiteral("100"));
        u.setQuery(query);
        const QUrl first = u;
        qint64 listed = 0;
        for (int page = 1;; ++page) {
            const QString what = QStringLiteral("GET /projects/%1/deployments (page %2)").arg(m_project).arg(page);
            m_c.tell(
                QStringLiteral("GitLab: %1 deployments so far (page %2)").arg(QLocale::c().toString(listed)).arg(page));
            const HttpResponse r = page == 1 ? m_c.http.get(u, m_headers) : m_c.http.getNext(u, first, m_headers);
            const QJsonDocument doc = QJsonDocument::fromJson(jsonOrThrow(m_c.http, r, what));
            if (!doc.isArray())
                throw SyncError(SyncError::Kind::BadPayload,
                                QStringLiteral("GitLab's answer to %1 is not a list").arg(what));
            for (const QJsonValue &v : doc.array()) {
                const QJsonObject o = v.toObject();
                const QJsonObject job = o.value(QLatin1StringView("deployable")).toObject();
                ++listed;
                latestUpdate = std::max(latestUpdate, instant(text(o, "updated_at")));
                GitLabDeployment d;
                d.id = text(o, "id");
                d.sha = text(o, "sha");
                d.status = text(o, "status").toLower();
                if (d.status != u"success" && d.status != u"failed" && d.status != u"canceled")
                    continue; // not finished: GitLab updates it when it is, and a later sync reads it
                d.startedText = text(job, "started_at");
                if (d.startedText.isEmpty())
                    d.startedText = text(o, "created_at");
                d.finishedText = text(job, "finished_at");
                if (d.finishedText.isEmpty())
                    d.finishedText = text(o, "updated_at");
                d.finished = instant(d.finishedText);
                finished.push_back(d);
            }
            QUrl next = r.nextLink();
            if (next.isEmpty()) {
                const QByteArray nextPage = r.header("x-next-page").trimmed();
                if (nextPage.isEmpty())
                    break;
                QUrlQuery q(u);
                q.removeAllQueryItems(QStringLiteral("page"));
                q.addQueryItem(QStringLiteral("page"), QString::fromLatin1(nextPage));
                next = u;
                next.setQuery(q);
            }
            u = next;
        }
        std::sort(finished.begin(), finished.end(), [](const auto &a, const auto &b) {
            return a.finished != b.finished ? a.finished < b.finished : a.id.toLongLong() < b.id.toLongLong();
        });

        if (m_baseSha.isEmpty()
            && std::any_of(finished.begin(), finished.end(), [](const auto &d) { return d.status == u"success"; }))
            m_baseSha = baseBefore(after);
        DeploymentTables tables;
        int done = 0;
        for (const GitLabDeployment &d : finished) {
            m_c.tell(QStringLiteral("GitLab: deployment %1 of %2").arg(++done).arg(finished.size()));
            const QString outcome = d.status == u"success" ? QStringLiteral("success")
                : d.status == u"failed"                    ? QStringLiteral("failure")
                                                           : QStringLiteral("other");
            tables.addDeployment(deploymentId(d), m_service, d.startedText, d.finishedText, outcome, d.sha);
            if (d.status != u"success")
                continue;
            if (m_baseSha.isEmpty())
                result.notes << QStringLiteral(
                                    "deployment %1 has no earlier successful deployment to compare with: its "
                                    "changes are not known")
                                    .arg(d.id);
            else if (m_baseSha != d.sha)
                addChanges(m_baseSha, d, tables);
            m_baseSha = d.sha;
        }
        tables.addParts(result, m_c.spool, QStringLiteral("GitLab %1").arg(m_project));
        result.items = tables.deployments();
        result.label = QStringLiteral("GitLab deployments of %1 (%2) updated since %3")
                           .arg(m_project, m_environment, isoSeconds(after));
        // GitLab's updated_after is exclusive: the latest update seen is where the next sync starts.
        QJsonObject cursor{{QStringLiteral("updated_after"), isoSeconds(latestUpdate)}};
        if (!m_baseSha.isEmpty())
            cursor.insert(QStringLiteral("base_sha"), m_baseSha);
        result.cursor = QString::fromUtf8(QJsonDocument(cursor).toJson(QJsonDocument::Compact));
        return result;
    }

private:
    QString deploymentId(const GitLabDeployment &d) const { return QStringLiteral("gitlab:%1").arg(d.id); }

    QUrl url(const QString &path) const
    {
        // A path (group/name) is one URL segment: its slashes are encoded.
        const QString project = QString::fromLatin1(QUrl::toPercentEncoding(m_project));
        return apiUrl(m_c.source, QStringLiteral("/api/v4/projects/%1%2").arg(project, path));
    }

    // The commit of the last successful deployment updated before `before` (the first sync's
    // base), or empty.
    QString baseBefore(Micros before)
    {
        QUrl u = url(QStringLiteral("/deployments"));
        QUrlQuery query;
        addQueryItem(query, QStringLiteral("environment"), m_environment);
        addQueryItem(query, QStringLiteral("status"), QStringLiteral("success"));
        addQueryItem(query, QStringLiteral("updated_before"), isoSeconds(before));
        addQueryItem(query, QStringLiteral("order_by"), QStringLiteral("updated_at"));
        addQueryItem(query, QStringLiteral("sort"), QStringLiteral("desc"));
        addQueryItem(query, QStringLiteral("per_page"), QStringLiteral("1"));
        u.setQuery(query);
        const QString what = QStringLiteral("GET /projects/%1/deployments (the last one before %2)")
                                 .arg(m_project, isoSeconds(before));
        const QJsonDocument doc = QJsonDocument::fromJson(jsonOrThrow(m_c.http, m_c.http.get(u, m_headers), what));
        const QJsonArray list = doc.array();
        return list.isEmpty() ? QString() : text(list.first().toObject(), "sha");
    }

    void addChanges(const QString &baseSha, const GitLabDeployment &d, DeploymentTables &tables)
    {
        QUrl u = url(QStringLiteral("/repository/compare"));
        QUrlQuery query;
        addQueryItem(query, QStringLiteral("from"), baseSha);
        addQueryItem(query, QStringLiteral("to"), d.sha);
        u.setQuery(query);
        const QString what = QStringLiteral("GET /projects/%1/repository/compare from %2 to %3")
                                 .arg(m_project, baseSha.left(12), d.sha.left(12));
        const QJsonObject answer
            = QJsonDocument::fromJson(jsonOrThrow(m_c.http, m_c.http.get(u, m_headers), what)).object();
        const QJsonValue commits = answer.value(QLatin1StringView("commits"));
        if (!commits.isArray())
            throw SyncError(SyncError::Kind::BadPayload,
                            QStringLiteral("GitLab's answer to %1 has no 'commits' array").arg(what));
        for (const QJsonValue &v : commits.toArray()) {
            const QJsonObject c = v.toObject();
            QString committed = text(c, "committed_date");
            if (committed.isEmpty())
                committed = text(c, "created_at");
            tables.addChange(text(c, "id"), deploymentId(d), committed, text(c, "authored_date"));
        }
    }

    const FetchContext &m_c;
    HttpHeaders m_headers;
    QString m_project;
    QString m_environment;
    QString m_service;
    QString m_cursorAfter;
    QString m_baseSha;
};

} // namespace

FetchResult fetchGitLab(const FetchContext &context)
{
    return GitLabFetch(context).run();
}

} // namespace srm::sources
