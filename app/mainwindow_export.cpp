// File › Export of the main window, kept apart from mainwindow.cpp: the executive PDF
// (views/report/reportrenderer.h), the one-page HTML summary and the CSV tables of the open
// workspace, for the window the toolbar shows (its as-of, or docs/command-line.md's default, and its length).
// An export reads the workspace on a worker thread through its own connection (a QSqlDatabase
// connection belongs to the thread that opened it) while a progress dialog keeps the window
// responsive; Cancel is honoured up to the moment files are written. Everything is written
// through QSaveFile, so a failed or cancelled export leaves nothing behind; an error is shown in
// the window's error dialog.
#include "app/appicons.h"
#include "app/mainwindow.h"

#include "views/analysiscontroller.h"
#include "views/backgroundjob.h"

#include "store/workspace.h"
#include "views/report/csvexport.h"
#include "views/report/exportfile.h"
#include "views/report/htmlsummary.h"
#include "views/report/reportdata.h"
#include "views/report/reportrenderer.h"

#include <QAction>
#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>

namespace srm {

namespace {

struct Cancelled
{
};

QString suggestedName(const Workspace *ws, const QString &suffix)
{
    const QFileInfo info(ws->path());
    return info.dir().filePath(info.completeBaseName() + suffix);
}

} // namespace

bool MainWindow::runExport(const QString &label, const QString &done, const QString &openPath, const QString &folder,
                           const std::function<void(const report::ReportData &, const std::function<void()> &)> &write)
{
    if (!m_workspace)
        return false;
    const QString path = m_workspace->path();
    ReadRequest options;
    options.asOf = m_asOf;
    options.days = m_days;
    options.scope = m_scope;
    const Micros now = QDateTime::currentMSecsSinceEpoch() * 1000;
    // The export shows what the window shows: the current snapshot when it is up to date for the
    // toolbar's window (nothing being recomputed), else the same read on the worker.
    SnapshotPtr current = snapshot();
    if (current
        && (m_controller->isBusy() || current->request.asOf != m_asOf || current->request.days != m_days
            || current->request.scope != m_scope))
        current.reset();
    BackgroundJob job([&](JobControl &control) {
        const std::function<void()> stopIfCancelled = [&control] {
            if (control.cancelled())
                throw Cancelled();
        };
        if (current) {
            write(*current, stopIfCancelled);
        } else {
            const std::unique_ptr<Workspace> ws = Workspace::openConnection(path);
            const report::ReportData data = report::ReportData::load(*ws, options, now);
            stopIfCancelled();
            write(data, stopIfCancelled);
        }
    });
    job.runModal(this, tr("Export"), label, true);
    const bool cancelled = job.wasCancelled();
    const QString error = job.error();

    if (cancelled) {
        statusBar()->showMessage(tr("Export cancelled; nothing was written"), 5000);
        return false;
    }
    if (!error.isEmpty()) {
        showError(error);
        return false;
    }
    showExportNotice(done, openPath, folder);
    return true;
}

void MainWindow::addExportActions(QMenu *file)
{
    file->addSeparator();
    QAction *pdf = file->addAction(tr("Export &PDF…"), this, [this] {
        if (!m_workspace)
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export PDF"), suggestedName(m_workspace.get(), QStringLiteral("-report.pdf")),
            tr("PDF documents (*.pdf)"));
        if (!path.isEmpty())
            exportPdf(path);
    });
    pdf->setObjectName(QStringLiteral("exportPdfAction"));
    QAction *html = file->addAction(tr("Export &HTML Summary…"), this, [this] {
        if (!m_workspace)
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export HTML Summary"), suggestedName(m_workspace.get(), QStringLiteral("-summary.html")),
            tr("HTML documents (*.html)"));
        if (!path.isEmpty())
            exportHtml(path);
    });
    html->setObjectName(QStringLiteral("exportHtmlAction"));
    QAction *csv = file->addAction(tr("Export &CSV Tables…"), this, [this] {
        if (!m_workspace)
            return;
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export CSV Tables into"),
                                                              QFileInfo(m_workspace->path()).absolutePath());
        if (!dir.isEmpty())
            exportCsv(dir);
    });
    csv->setObjectName(QStringLiteral("exportCsvAction"));
    const QList<QAction *> actions{pdf, html, csv};
    for (QAction *a : actions)
        a->setIcon(appIcon("document-export"));
    auto update = [this, actions] {
        for (QAction *a : actions)
            a->setEnabled(m_workspace != nullptr);
    };
    connect(this, &MainWindow::workspaceChanged, this, update);
    update();
}

namespace {

// The checks every window export makes before it starts: the user chose to replace files
// (the file dialog asked, or the CSV question), but never the workspace, a FIFO or a device.
bool outputsAllowed(const Workspace *ws, const QStringList &paths,
                    const std::function<void(const QString &)> &showError)
{
    report::OutputPolicy policy;
    policy.workspace = ws->path();
    policy.force = true;
    try {
        report::checkOutputs(paths, policy);
    } catch (const report::ExportError &e) {
        showError(e.message());
        return false;
    }
    return true;
}

} // namespace

bool MainWindow::exportPdf(const QString &path)
{
    if (!m_workspace || !outputsAllowed(m_workspace.get(), {path}, [this](const QString &e) { showError(e); }))
        return false;
    // Letter where the reader's locale measures in inches, A4 elsewhere.
    const report::PageSize size = QLocale().measurementSystem() == QLocale::ImperialUSSystem ? report::PageSize::Letter
                                                                                             : report::PageSize::A4;
    const QString shown = QDir::toNativeSeparators(path);
    return runExport(tr("Writing the PDF report %1…").arg(shown), tr("Exported %1").arg(shown), path,
                     QFileInfo(path).absolutePath(),
                     [&](const report::ReportData &data, const std::function<void()> &stopIfCancelled) {
                         // Rendered in memory first (a few hundred KiB), so that Cancel can still
                         // leave the file untouched.
                         QBuffer pdf;
                         pdf.open(QIODevice::WriteOnly);
                         report::ReportRenderer(data, size).write(pdf);
                         stopIfCancelled();
                         report::saveFile(path, pdf.data());
                     });
}

bool MainWindow::exportHtml(const QString &path)
{
    if (!m_workspace || !outputsAllowed(m_workspace.get(), {path}, [this](const QString &e) { showError(e); }))
        return false;
    const QString shown = QDir::toNativeSeparators(path);
    return runExport(tr("Writing the HTML summary %1…").arg(shown), tr("Exported %1").arg(shown), path,
                     QFileInfo(path).absolutePath(),
                     [&](const report::ReportData &data, const std::function<void()> &stopIfCancelled) {
                         const QByteArray html = report::htmlSummary(data);
                         stopIfCancelled();
                         report::saveFile(path, html);
                     });
}

bool MainWindow::exportCsv(const QString &directory)
{
    if (!m_workspace)
        return false;
    QStringList paths;
    for (const QString &name : report::csvFileNames())
        paths << QDir(directory).filePath(name);
    if (!outputsAllowed(m_workspace.get(), paths, [this](const QString &e) { showError(e); }))
        return false;
    const QStringList existing = report::existingOutputs(paths);
    if (!existing.isEmpty()) {
        QStringList names;
        for (const QString &path : existing)
            names << QFileInfo(path).fileName();
        QMessageBox question(QMessageBox::Question, tr("Replace Files?"),
                             tr("%n file(s) in %1 will be replaced by this export.", nullptr, int(existing.size()))
                                 .arg(QDir::toNativeSeparators(directory)),
                             QMessageBox::Yes | QMessageBox::Cancel, this);
        question.setObjectName(QStringLiteral("replaceFilesQuestion"));
        question.setInformativeText(names.join(QStringLiteral(", ")));
        question.setDefaultButton(QMessageBox::Cancel);
        question.button(QMessageBox::Yes)->setText(tr("Replace"));
        if (question.exec() != QMessageBox::Yes) {
            statusBar()->showMessage(tr("Export cancelled; nothing was written"), 5000);
            return false;
        }
    }
    const QString shown = QDir::toNativeSeparators(directory);
    report::OutputPolicy replace;
    replace.workspace = m_workspace->path();
    replace.force = true; // asked above
    return runExport(tr("Writing the CSV tables into %1…").arg(shown), tr("Exported the CSV tables into %1").arg(shown),
                     QString(), directory, [&](const report::ReportData &data, const std::function<void()> &) {
                         report::writeCsvFiles(data, directory, replace);
                     });
}

// The status bar keeps the confirmation until the next export or workspace change, with the two
// things a user does next: open the file (the PDF viewer, the browser) and show it in its folder.
// A CSV export has no single file to open; its Show in Folder opens the directory.
void MainWindow::showExportNotice(const QString &text, const QString &openPath, const QString &folder)
{
    m_exportOpenPath = openPath;
    m_exportFolder = folder;
    m_exportLabel->setText(text);
    m_exportLabel->setToolTip(text);
    m_exportNotice->findChild<QToolButton *>(QStringLiteral("exportOpen"))->setVisible(!openPath.isEmpty());
    m_exportNotice->show();
    statusBar()->clearMessage();
}

} // namespace srm
