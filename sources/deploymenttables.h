// The GitHub and GitLab fetchers' output: their deployments and the commits between them,
// written as our own deployments and changes CSV formats (docs/formats.md) with the API's
// values as they came (times as the API wrote them), so the CSV parsers check them exactly as
// they check a file: an unreadable time or a deployment that finished before it started is a
// located bad row, not something this code decides.
#pragma once

#include "sources/fetcher.h"

#include <string>

namespace srm::sources {

class DeploymentTables
{
public:
    DeploymentTables();

    void addDeployment(const QString &id, const QString &service, const QString &startedAt, const QString &finishedAt,
                       const QString &result, const QString &commitSha);
    void addChange(const QString &commitSha, const QString &deploymentId, const QString &committedAt,
                   const QString &authoredAt);

    qint64 deployments() const { return m_deploymentRows; }
    qint64 changes() const { return m_changeRows; }

    // Spools both tables and adds them to `result` as two parts (nothing when no deployment).
    void addParts(FetchResult &result, Spool &spool, const QString &what) const;

private:
    std::string m_deployments;
    std::string m_changes;
    qint64 m_deploymentRows = 0;
    qint64 m_changeRows = 0;
};

} // namespace srm::sources
