// BackgroundJob: the one way the window runs long work off the GUI thread (imports, Remove
// Import, live-source syncs, exports, the analysis). The work is a function run on a thread of
// its own; it
// reports progress and polls cancellation through the JobControl it is given (both thread-safe;
// progress reaches the GUI thread as the progress() signal), and whatever it throws is caught
// there and reported as error() text (or as wasCancelled() when Cancel was pressed), so that no
// exception crosses the thread's boundary. The
// work must open its own Workspace connection (a QSqlDatabase belongs to the thread that opened
// it: Workspace::openConnection). finished() is emitted on the GUI thread once the thread has
// ended; the object may then be deleted. Deleting a running job cancels it and waits.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

class QWidget;

namespace srm {

class JobControl
{
public:
    bool cancelled() const { return m_cancel.load(std::memory_order_relaxed); }
    void progress(qint64 done, qint64 total) const
    {
        if (m_progress)
            m_progress(done, total);
    }

private:
    friend class BackgroundJob;
    std::atomic<bool> m_cancel{false};
    std::function<void(qint64, qint64)> m_progress;
};

class BackgroundJob : public QObject
{
    Q_OBJECT

public:
    using Work = std::function<void(JobControl &)>;

    explicit BackgroundJob(Work work, QObject *parent = nullptr);
    ~BackgroundJob() override;

    void start();
    bool isRunning() const { return m_running; }
    // Blocks until the work has returned (finished() is still delivered by the event loop).
    void wait();
    // Asks the work to stop (it sees JobControl::cancelled()).
    void cancel() { m_control.m_cancel.store(true); }
    bool cancelRequested() const { return m_control.cancelled(); }
    // The work stopped early because of Cancel: it threw after cancel() (e.g. Cancelled).
    bool wasCancelled() const;
    // What else escaped the work (an exception's message), empty when it returned normally.
    QString error() const;

    // Starts the job and waits for it in a local event loop (the window keeps painting), behind
    // a window-modal progress dialog titled `title` with `label` over `parent`, with Cancel when
    // `cancellable`. Returns error().isEmpty() && !wasCancelled().
    bool runModal(QWidget *parent, const QString &title, const QString &label, bool cancellable);

signals:
    void progress(qint64 done, qint64 total);
    void finished();

private:
    Work m_work;
    JobControl m_control;
    std::thread m_thread;
    bool m_running = false;
    // Written on the job's thread, read on the GUI thread: under a std::mutex rather than relying
    // on QThread's own ordering, which ThreadSanitizer cannot see in Debian's uninstrumented Qt.
    mutable std::mutex m_resultMutex;
    QString m_error;
    bool m_stopped = false;
};

} // namespace srm
