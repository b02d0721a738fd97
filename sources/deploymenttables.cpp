#include "sources/deploymenttables.h"

#include "importers/formatwriters.h"

namespace srm::sources {

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

} // namespace

DeploymentTables::DeploymentTables()
    : m_deployments(importers::csvLine(
        {"deployment_id", "service", "environment", "started_at", "finished_at", "result", "commit_sha"})),
      m_changes(importers::csvLine({"commit_sha", "deployment_id", "committed_at", "authored_at"}))
{
}

void DeploymentTables::addDeployment(const QString &id, const QString &service, const QString &startedAt,
                                     const QString &finishedAt, const QString &result, const QString &commitSha)
{
    // The source fetches the environment its user called production, whatever its name there.
    m_deployments += importers::csvLine(
        {utf8(id), utf8(service), "production", utf8(startedAt), utf8(finishedAt), utf8(result), utf8(commitSha)});
    ++m_deploymentRows;
}

void DeploymentTables::addChange(const QString &commitSha, const QString &deploymentId, const QString &committedAt,
                                 const QString &authoredAt)
{
    m_changes += importers::csvLine({utf8(commitSha), utf8(deploymentId), utf8(committedAt), utf8(authoredAt)});
    ++m_changeRows;
}

void DeploymentTables::addParts(FetchResult &result, Spool &spool, const QString &what) const
{
    if (m_deploymentRows == 0)
        return;
    FetchedPart deployments;
    deployments.name = QStringLiteral("%1 deployments").arg(what);
    deployments.slice = spool.append(QByteArray::fromStdString(m_deployments));
    deployments.options.format = importers::Format::Deployments;
    result.parts.push_back(std::move(deployments));
    FetchedPart changes;
    changes.name = QStringLiteral("%1 changes").arg(what);
    changes.slice = spool.append(QByteArray::fromStdString(m_changes));
    changes.options.format = importers::Format::Changes;
    result.parts.push_back(std::move(changes));
}

} // namespace srm::sources
