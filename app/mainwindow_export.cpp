// File › Export of the main window, kept apart from mainwindow.cpp: the executive PDF
// (views/report/reportrenderer.h), the one-page HTML summary and the CSV tables of the open
// workspace, for the default window (SPEC 2's as-of, 90 days). Each export reads the workspace
// once and writes through QSaveFile, so a failed export leaves nothing behind; the error is
// shown in the window's error dialog.
#include "mainwindow.h"

#include "csvexport.h"
#include "exportfile.h"
#include "htmlsummary.h"
#include "reportrenderer.h"
#include "workspace.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>

#include <functional>

namespace srm {

namespace {

// Runs one export with a busy cursor; the message of any failure, or an empty string.
QString runExport(const std::function<void()> &work)
{
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    try {
        work();
    } catch (const report::ExportError &e) {
        error = e.message();
    } catch (const WorkspaceError &e) {
        error = e.message();
    } catch (const InputError &e) {
        error = e.message();
    }
    QGuiApplication::restoreOverrideCursor();
    return error;
}

report::ReportData loadReport(Workspace &ws)
{
    return report::ReportData::load(ws, {}, QDateTime::currentMSecsSinceEpoch() * 1000);
}

QString suggestedName(const Workspace *ws, const QString &suffix)
{
    const QFileInfo info(ws->path());
    return info.dir().filePath(info.completeBaseName() + suffix);
}

} // namespace

void MainWindow::addExportActions(QMenu *file)
{
    file->addSeparator();
    QAction *pdf = file->addAction(tr("Export &PDF…"), this, [this] {
        if (!m_workspace)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export PDF"), suggestedName(m_workspace.get(), QStringLiteral("-report.pdf")),
                                                          tr("PDF documents (*.pdf)"));
        if (!path.isEmpty())
            exportPdf(path);
    });
    pdf->setObjectName(QStringLiteral("exportPdfAction"));
    QAction *html = file->addAction(tr("Export &HTML Summary…"), this, [this] {
        if (!m_workspace)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export HTML Summary"),
                                                          suggestedName(m_workspace.get(), QStringLiteral("-summary.html")),
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
    auto update = [this, actions] {
        for (QAction *a : actions)
            a->setEnabled(m_workspace != nullptr);
    };
    connect(this, &MainWindow::workspaceChanged, this, update);
    update();
}

bool MainWindow::exportPdf(const QString &path)
{
    if (!m_workspace)
        return false;
    // Letter where the reader's locale measures in inches, A4 elsewhere.
    const report::PageSize size = QLocale().measurementSystem() == QLocale::ImperialUSSystem ? report::PageSize::Letter
                                                                                            : report::PageSize::A4;
    const QString error = runExport([&] { report::ReportRenderer(loadReport(*m_workspace), size).writeFile(path); });
    if (!error.isEmpty()) {
        showError(error);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::exportHtml(const QString &path)
{
    if (!m_workspace)
        return false;
    const QString error = runExport([&] { report::writeHtmlSummary(loadReport(*m_workspace), path); });
    if (!error.isEmpty()) {
        showError(error);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::exportCsv(const QString &directory)
{
    if (!m_workspace)
        return false;
    const QString error = runExport([&] { report::writeCsvFiles(loadReport(*m_workspace), directory); });
    if (!error.isEmpty()) {
        showError(error);
        return false;
    }
    statusBar()->showMessage(tr("Exported the CSV tables into %1").arg(QDir::toNativeSeparators(directory)), 5000);
    return true;
}

} // namespace srm
