// The main window: File menu (New, Open, Open Recent, Close, Quit), a navigation list of the
// seven views of SPEC 10 beside a stack of their pages, window geometry kept in QSettings, the
// About box. It owns the open Workspace; a workspace that fails to open is reported in a
// dialog and the window stays as it was.
#pragma once

#include "viewids.h"

#include <QMainWindow>

#include <memory>

class QListWidget;
class QMenu;
class QStackedWidget;
class QLabel;

namespace srm {

class Workspace;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path`; on failure shows the store's message and returns false.
    bool openWorkspace(const QString &path);
    bool newWorkspace(const QString &path);
    void closeWorkspace();
    Workspace *workspace() const { return m_workspace.get(); }

    void showView(ViewId id);
    ViewId currentView() const;
    QWidget *viewPage(ViewId id) const;

    QStringList recentFiles() const;
    QString lastError() const { return m_lastError; }

    // File › Export (mainwindow_export.cpp): the executive PDF, the HTML summary and the CSV
    // tables of the open workspace; false (with the error shown) when it could not be written.
    bool exportPdf(const QString &path);
    bool exportHtml(const QString &path);
    bool exportCsv(const QString &directory);

signals:
    void workspaceChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void addExportActions(QMenu *file); // mainwindow_export.cpp
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void updateTitle();
    void showError(const QString &message);

    std::unique_ptr<Workspace> m_workspace;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_statusWorkspace = nullptr;
    QString m_lastError;
};

} // namespace srm
