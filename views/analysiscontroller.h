// Computes WorkspaceSnapshots off the GUI thread. recompute() hands the current request to a
// BackgroundJob (one at a time; a request made while one runs is computed right after it, and
// only its result is delivered), which opens its own connection to the workspace; the result
// arrives on the GUI thread as snapshotReady(). computeNow() does the same synchronously, for
// the screenshot command and tests.
#pragma once

#include "views/workspacesnapshot.h"

#include <QObject>

#include <memory>

namespace srm {

class BackgroundJob;

class AnalysisController : public QObject
{
    Q_OBJECT

public:
    explicit AnalysisController(QObject *parent = nullptr);
    ~AnalysisController() override;

    void setRequest(const SnapshotRequest &request) { m_request = request; }
    const SnapshotRequest &request() const { return m_request; }

    void recompute();
    // Computes on the calling thread and delivers the result as recompute() would (signal
    // included). Returns nullptr (and emits failed) when the workspace cannot be read.
    SnapshotPtr computeNow();
    // Drops the current snapshot (a closed workspace) and any result still on its way.
    void clear();

    SnapshotPtr snapshot() const { return m_snapshot; }
    bool isBusy() const { return m_running; }
    // Blocks until no computation is running (tests, shutdown).
    void waitForIdle();

signals:
    void snapshotReady(srm::SnapshotPtr snapshot);
    void busyChanged(bool busy);
    void failed(const QString &message);

private:
    void start();
    void finished(quint64 generation, SnapshotPtr snapshot, const QString &error);

    std::unique_ptr<BackgroundJob> m_job; // the computation running, if any
    SnapshotRequest m_request;
    SnapshotPtr m_snapshot;
    quint64 m_generation = 0; // of the latest request
    bool m_running = false;
    bool m_pending = false;
};

} // namespace srm
