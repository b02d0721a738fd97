// The main window: the eight views of docs/views-and-report.md#the-eight-views (a navigation list
// beside a stack of ViewPages), the File menu (New, Open, Open Recent, Import, Sources, Export,
// Close, Quit), Edit (Undo, Redo, Workspace Settings), View (Ctrl+1..8), a toolbar with Sync and
// the analysis window (as-of date, window length) and the scope picker (services and teams,
// docs/scope.md#window), and a status bar with the workspace, the scope and the window. It owns the
// open Workspace, the one QUndoStack of all edits (through WorkspaceEditor) and the
// AnalysisController that computes what the views show off the GUI thread. Any change of data,
// settings or window goes through dataChanged(), which recomputes; the views redraw when the new
// snapshot arrives. A workspace that fails to open is reported in a dialog and the window stays as
// it was.
#pragma once

#include "views/viewids.h"
#include "views/workspacesnapshot.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QDateEdit;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QSpinBox;
class QStackedWidget;
class QTimer;
class QUndoStack;

namespace srm {

struct ReadModel;

class AnalysisController;
class DataSourcesPanel;
class HandbookDialog;
class ImportDialog;
class ScopePicker;
class ServicesTeamsDialog;
class SettingsDialog;
class SourcesDialog;
class ViewPage;
class Workspace;
class WorkspaceEditor;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path`; on failure shows the store's message and returns false.
    bool openWorkspace(const QString &path);
    bool newWorkspace(const QString &path);
    // `gui NEW.srmap`: opens `path`, or, when nothing is there, asks whether to create an empty
    // workspace there (a first run starts from the file name the user typed).
    bool openOrOfferToCreate(const QString &path);
    // Writes the demo workspace (demo/demo.h) into the user's data directory on a worker thread
    // and opens it: the empty states' "Open the Demo".
    bool openDemo();
    // Edit › Workspace Settings…, its team size field focused when `teamSize`.
    void showSettings(bool teamSize = false);
    void closeWorkspace();
    Workspace *workspace() const { return m_workspace.get(); }

    void showView(ViewId id);
    ViewId currentView() const;
    QWidget *viewPage(ViewId id) const;

    QStringList recentFiles() const;
    QString lastError() const { return m_lastError; }

    // Importing (File › Import…, files dropped on the window): opens the import dialog on
    // `paths`; returns it (nullptr when no workspace is open).
    ImportDialog *importFiles(const QStringList &paths);
    DataSourcesPanel *dataSourcesPanel() const { return m_dataSources; }

    // The analysis window: `asOf` nullopt follows the workspace's default (docs/command-line.md).
    void setAnalysisWindow(std::optional<Micros> asOf, int days);
    std::optional<Micros> analysisAsOf() const { return m_asOf; }
    int analysisDays() const { return m_days; }
    // The scope every view, export and report counts (docs/scope.md); empty: everything.
    void setScope(const Scope &scope);
    const Scope &scope() const { return m_scope; }
    ScopePicker *scopePicker() const { return m_scopePicker; }
    // The dashboard's breakdown mode (nullopt: the scope as a whole).
    void setDashboardBreakdown(std::optional<BreakdownBy> by);
    // Edit › Services & Teams…
    ServicesTeamsDialog *servicesTeamsDialog();

    // What the views show, and the parts that compute and edit it.
    SnapshotPtr snapshot() const;
    AnalysisController *controller() const { return m_controller; }
    WorkspaceEditor *editor() const { return m_editor; }
    QUndoStack *undoStack() const { return m_undoStack; }
    // Computes the snapshot on this thread and shows it in every view (screenshots, tests,
    // benchmarks); false when the workspace cannot be read.
    bool refreshNow();
    // Waits for a recomputation under way and shows its result.
    void waitForRefresh();
    SettingsDialog *settingsDialog();
    // Help › Handbook (F1), opened at `topic` (a docs/ file name, see HandbookDialog) if given.
    HandbookDialog *showHandbook(const QString &topic = QString());
    // Whether opening a file adds it to Open Recent and closing saves the window's geometry
    // (off for the screenshot command, which must not touch the user's settings).
    void setRemembersFiles(bool remember) { m_remember = remember; }
    // File › Export (mainwindow_export.cpp): the executive PDF, the HTML summary and the CSV
    // tables of the open workspace for the window shown in the toolbar; false (with the error
    // shown) when it could not be written or the user cancelled. The PDF and HTML paths come
    // from a file dialog that already asked about replacing a file; CSV tables that would
    // replace files with content ask first. None writes over the workspace, a FIFO or a device
    // (docs/hostile-input.md#outputs).
    bool exportPdf(const QString &path);
    bool exportHtml(const QString &path);
    bool exportCsv(const QString &directory);
    // File › Sources… and the toolbar's Sync (mainwindow_sources.cpp): the dialog of the live
    // sources (nullptr when no workspace is open), and a sync of every source shown in it.
    SourcesDialog *sourcesDialog();
    bool syncAllSources();

signals:
    void workspaceChanged();

public slots:
    // Data, settings or the window changed: recompute, and redraw when the result arrives.
    void dataChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createFileMenu();
    void createImportActions(QMenu *file);
    void createEditMenu();
    void createViewMenu();
    void createHelpMenu();
    void createToolBar();
    void createStatusBar();
    void workspaceOpened();
    // An import, a sync or a removed import changed records outside the undo stack: the stack
    // is cleared, so that no Undo writes back a value captured before (docs/decisions.md (Undo)).
    void recordsReplaced();
    void showSnapshot(const SnapshotPtr &snapshot);
    void windowControlsChanged();
    void addExportActions(QMenu *file); // mainwindow_export.cpp
    void addSourceActions(QMenu *file); // mainwindow_sources.cpp
    // Loads the report data and runs `write` on a worker thread (mainwindow_export.cpp).
    // On success the status bar says `done` and offers to open `openPath` and to show `folder`.
    bool runExport(const QString &label, const QString &done, const QString &openPath, const QString &folder,
                   const std::function<void(const ReadModel &, const std::function<void()> &)> &write);
    void showExportNotice(const QString &text, const QString &openPath, const QString &folder);
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void updateTitle();
    void updateWindowStatus();
    void showError(const QString &message);
    // Runs `work` on a thread of its own under a window-modal busy dialog saying `label`, the
    // window responsive meanwhile; returns the message of the WorkspaceError it threw, else "".
    QString runBusy(const QString &label, const std::function<void()> &work);

    std::unique_ptr<Workspace> m_workspace;
    QUndoStack *m_undoStack = nullptr;
    WorkspaceEditor *m_editor = nullptr;
    AnalysisController *m_controller = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QList<ViewPage *> m_views;
    QMenu *m_recentMenu = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QDateEdit *m_asOfEdit = nullptr;
    QSpinBox *m_daysEdit = nullptr;
    QTimer *m_windowTimer = nullptr;
    QLabel *m_statusWorkspace = nullptr;
    QLabel *m_statusWindow = nullptr;
    QLabel *m_statusBusy = nullptr;
    // What the last export wrote, with Open and Show in Folder (hidden until an export succeeds).
    QWidget *m_exportNotice = nullptr;
    QLabel *m_exportLabel = nullptr;
    QString m_exportOpenPath;
    QString m_exportFolder;
    SettingsDialog *m_settingsDialog = nullptr;
    HandbookDialog *m_handbook = nullptr;
    ServicesTeamsDialog *m_servicesTeamsDialog = nullptr;
    ScopePicker *m_scopePicker = nullptr;
    QLabel *m_statusScope = nullptr;
    Scope m_scope;
    std::optional<Micros> m_asOf;
    int m_days = AnalysisWindow::kDefaultDays;
    QString m_lastError;
    bool m_remember = true;

    // Importing.
    QDockWidget *m_dataSourcesDock = nullptr;
    DataSourcesPanel *m_dataSources = nullptr;

    // Live sources.
    SourcesDialog *m_sourcesDialog = nullptr;
    QAction *m_sourcesAction = nullptr;
    QAction *m_syncAction = nullptr;
};

} // namespace srm
