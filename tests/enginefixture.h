// Fixtures for the analysis engine's tests: a real temporary workspace that records are written
// into with RecordWriter (as the importers do), short constructors for the records, and exact
// comparison helpers for optional figures.
#pragma once

#include "engine/analysis.h"
#include "store/recordwriter.h"
#include "store/timeutil.h"
#include "store/workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>
#include <optional>

namespace srm::test {

// An instant from ISO text with an offset ("2026-09-17T00:00:00Z").
inline Micros at(const char *iso)
{
    const auto t = parseTimestamp(iso, ZoneOffsets());
    if (!t)
        qFatal("bad fixture time %s", iso);
    return *t;
}

class EngineFixture
{
public:
    EngineFixture()
    {
        if (!m_dir.isValid())
            qFatal("no temporary directory");
        m_ws = Workspace::create(path());
    }

    QString path() const { return m_dir.filePath(QStringLiteral("fixture.srmap")); }
    Workspace &ws() { return *m_ws; }

    template <typename... Records>
    void write(const Records &...records)
    {
        Workspace::Transaction tx(*m_ws);
        RecordWriter writer(*m_ws, 0);
        (writer.add(records), ...);
        tx.commit();
    }

    Dataset load(Micros asOf, int days, int parts = Dataset::AllParts)
    {
        return Dataset::load(*m_ws, AnalysisWindow{asOf, days}, parts);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
};

inline Deployment deployment(const char *id, const char *finished, DeployResult result = DeployResult::Success,
                             const char *environment = "production", const char *fixes = "")
{
    Deployment d;
    d.deploymentId = id;
    d.service = "shop";
    d.environment = environment;
    d.finishedAt = at(finished);
    d.result = result;
    d.fixesDeploymentId = fixes;
    return d;
}

inline Change change(const char *sha, const char *deploymentId, const char *committed)
{
    Change c;
    c.commitSha = sha;
    c.deploymentId = deploymentId;
    c.committedAt = at(committed);
    return c;
}

inline Page page(const char *id, const char *title, const char *created, std::optional<int> ackSeconds = std::nullopt,
                 std::optional<int> resolveSeconds = std::nullopt, std::optional<bool> autoResolved = std::nullopt,
                 const char *service = "svc")
{
    Page p;
    p.sourceId = id;
    p.service = service;
    p.title = title;
    p.createdAt = at(created);
    if (ackSeconds)
        p.acknowledgedAt = p.createdAt + *ackSeconds * kMicrosPerSecond;
    if (resolveSeconds)
        p.resolvedAt = p.createdAt + *resolveSeconds * kMicrosPerSecond;
    p.autoResolved = autoResolved;
    return p;
}

// Exact equality of an optional figure, or within a relative 1e-12 where the expected value is
// written as a decimal that a double cannot hold exactly.
inline bool same(const std::optional<double> &actual, const std::optional<double> &expected)
{
    if (!actual || !expected)
        return actual.has_value() == expected.has_value();
    if (*actual == *expected)
        return true;
    return std::abs(*actual - *expected) <= 1e-12 * std::max(1.0, std::abs(*expected));
}

inline QByteArray show(const std::optional<double> &v)
{
    return v ? QByteArray::number(*v, 'g', 17) : QByteArray("null");
}

} // namespace srm::test

#define SRM_COMPARE_OPT(actual, expected) \
    do { \
        const std::optional<double> a_ = (actual); \
        const std::optional<double> e_ = (expected); \
        if (!srm::test::same(a_, e_)) \
            QFAIL(QByteArray(#actual " is " + srm::test::show(a_) + ", expected " + srm::test::show(e_)).constData()); \
    } while (false)
