// File › Sources… and the toolbar's Sync button of the main window, kept apart from
// mainwindow.cpp (docs/sources.md): one SourcesDialog per window, made when first needed, that
// edits the workspace's sources through the window's undo stack and syncs them on a worker
// thread with progress and Cancel. A sync that imported something reloads the data-sources
// panel and the views.
#include "app/appicons.h"
#include "app/mainwindow.h"

#include "store/workspace.h"
#include "views/datasourcespanel.h"
#include "views/sourcesdialog.h"

#include <QAction>
#include <QIcon>
#include <QMenu>

namespace srm {

void MainWindow::addSourceActions(QMenu *file)
{
    m_sourcesAction = file->addAction(tr("Sour&ces…"), this, [this] {
        if (SourcesDialog *dialog = sourcesDialog()) {
            dialog->show();
            dialog->raise();
            dialog->activateWindow();
        }
    });
    m_sourcesAction->setObjectName(QStringLiteral("sourcesAction"));
    m_sourcesAction->setToolTip(tr("Live data sources: PagerDuty, Prometheus, GitHub, GitLab"));

    m_syncAction = new QAction(appIcon("view-refresh"), tr("Sync"), this);
    m_syncAction->setObjectName(QStringLiteral("syncAction"));
    m_syncAction->setToolTip(tr("Pull what is new from every live source of the workspace (File › Sources…)"));
    connect(m_syncAction, &QAction::triggered, this, &MainWindow::syncAllSources);

    const auto update = [this] {
        m_sourcesAction->setEnabled(m_workspace != nullptr);
        m_syncAction->setEnabled(m_workspace != nullptr);
        if (m_sourcesDialog) {
            // Opening or closing a workspace stops a sync of the one before.
            if (m_sourcesDialog->isSyncing())
                m_sourcesDialog->cancelSync();
            if (m_workspace)
                m_sourcesDialog->refresh();
            else
                m_sourcesDialog->hide();
        }
    };
    connect(this, &MainWindow::workspaceChanged, this, update);
    update();
}

SourcesDialog *MainWindow::sourcesDialog()
{
    if (!m_workspace) {
        showError(tr("Open or create a workspace to add and sync its sources."));
        return nullptr;
    }
    if (!m_sourcesDialog) {
        m_sourcesDialog = new SourcesDialog(m_editor, this);
        connect(m_sourcesDialog, &SourcesDialog::dataImported, this, &MainWindow::recordsReplaced);
    }
    return m_sourcesDialog;
}

bool MainWindow::syncAllSources()
{
    SourcesDialog *dialog = sourcesDialog();
    if (!dialog)
        return false;
    dialog->show();
    dialog->raise();
    return dialog->syncAll();
}

} // namespace srm
