#include "views/backgroundjob.h"

#include "store/error.h"

#include <QEventLoop>
#include <QProgressDialog>

#include <algorithm>
#include <exception>

namespace srm {

BackgroundJob::BackgroundJob(Work work, QObject *parent) : QObject(parent), m_work(std::move(work))
{
    // Emitted from the job's thread; a queued connection carries it to the GUI thread.
    m_control.m_progress = [this](qint64 done, qint64 total) { emit progress(done, total); };
}

BackgroundJob::~BackgroundJob()
{
    if (m_thread.joinable()) {
        cancel();
        m_thread.join();
    }
}

void BackgroundJob::start()
{
    Q_ASSERT(!m_thread.joinable());
    m_running = true;
    // A std::thread, not a QThread: joining it is an ordering ThreadSanitizer sees (QThread::wait
    // goes through Qt's futexes), so `make tsan` checks the handover of results for real.
    m_thread = std::thread([this] {
        // An exception after Cancel is how work stops early (importers::Cancelled, or whatever
        // a half-done step throws): a cancellation, not an error.
        QString error;
        try {
            m_work(m_control);
        } catch (const Error &e) {
            error = e.message();
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        } catch (...) {
            error = QStringLiteral("an unexpected error stopped the work");
        }
        {
            const std::lock_guard lock(m_resultMutex);
            if (!error.isEmpty() && m_control.cancelled())
                m_stopped = true;
            else
                m_error = error;
        }
        // Dropped by Qt if the job is deleted first (its destructor joins).
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_thread.joinable())
                    m_thread.join(); // the thread is returning: a moment
                m_running = false;
                emit finished();
            },
            Qt::QueuedConnection);
    });
}

bool BackgroundJob::wasCancelled() const
{
    const std::lock_guard lock(m_resultMutex);
    return m_stopped;
}

QString BackgroundJob::error() const
{
    const std::lock_guard lock(m_resultMutex);
    return m_error;
}

void BackgroundJob::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

bool BackgroundJob::runModal(QWidget *parent, const QString &title, const QString &label, bool cancellable)
{
    QProgressDialog dialog(label, cancellable ? tr("Cancel") : QString(), 0, 0, parent);
    dialog.setWindowTitle(title);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(400); // a quick job shows no dialog
    dialog.setAutoReset(false);
    dialog.setAutoClose(false);
    connect(this, &BackgroundJob::progress, &dialog, [&dialog](qint64 done, qint64 total) {
        // QProgressDialog counts in int: per mille of the total.
        if (total > 0) {
            dialog.setMaximum(1000);
            dialog.setValue(int(std::min<qint64>(1000, done * 1000 / total)));
        }
    });
    if (cancellable)
        connect(&dialog, &QProgressDialog::canceled, this, [this, &dialog] {
            cancel();
            dialog.setLabelText(tr("Cancelling…"));
        });
    QEventLoop loop;
    connect(this, &BackgroundJob::finished, &loop, &QEventLoop::quit);
    start();
    dialog.setValue(0);
    loop.exec();
    dialog.hide();
    return error().isEmpty() && !wasCancelled();
}

} // namespace srm
