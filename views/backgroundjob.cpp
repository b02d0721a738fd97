#include "views/backgroundjob.h"

#include "store/error.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>

#include <algorithm>
#include <exception>

namespace srm {

BackgroundJob::BackgroundJob(Work work, QObject *parent)
    : QObject(parent), m_work(std::move(work))
{
    // Emitted from the job's thread; a queued connection carries it to the GUI thread.
    m_control.m_progress = [this](qint64 done, qint64 total) { emit progress(done, total); };
}

BackgroundJob::~BackgroundJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void BackgroundJob::start()
{
    Q_ASSERT(!m_thread);
    m_running = true;
    // m_error and m_stopped are written by the job's thread before it ends and read on the GUI
    // thread after QThread::finished, which QThread orders after the run.
    m_thread = QThread::create([this] {
        // An exception after Cancel is how work stops early (importers::Cancelled, or whatever
        // a half-done step throws): a cancellation, not an error.
        try {
            m_work(m_control);
        } catch (const Error &e) {
            m_error = e.message();
        } catch (const std::exception &e) {
            m_error = QString::fromUtf8(e.what());
        } catch (...) {
            m_error = QStringLiteral("an unexpected error stopped the work");
        }
        if (!m_error.isEmpty() && m_control.cancelled()) {
            m_error.clear();
            m_stopped = true;
        }
    });
    connect(m_thread, &QThread::finished, this, [this] {
        m_running = false;
        emit finished();
    });
    m_thread->start();
}

void BackgroundJob::wait()
{
    if (m_thread)
        m_thread->wait();
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
    return m_error.isEmpty() && !m_stopped;
}

} // namespace srm
