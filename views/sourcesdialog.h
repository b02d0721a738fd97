// File › Sources… (docs/sources.md): the workspace's live sources in a table (SourcesModel:
// name, kind, what it fetches, last sync, status), with Add, Edit and Remove (undoable edits
// through the WorkspaceEditor), Set Token (typed once, kept in the desktop keychain), and Sync
// Now / Sync All with progress and Cancel. A sync runs on a SyncWorker thread; tokens are
// looked up here on the GUI thread first. The selected source's details and its last error
// are shown in full under the table.
#pragma once

#include "store/sourcestore.h"

#include <QAbstractTableModel>
#include <QDialog>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace srm {

class BackgroundJob;
class SyncWorker;
class WorkspaceEditor;

class SourcesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, KindColumn, FetchesColumn, LastSyncColumn, StatusColumn, ColumnCount };
    static constexpr int NameRole = Qt::UserRole + 1;

    explicit SourcesModel(QObject *parent = nullptr);

    void setSources(const QList<SourceDefinition> &sources);
    const QList<SourceDefinition> &sources() const { return m_sources; }
    // Shown in the status column while a sync runs or after it ended ("syncing…", "3 added").
    void setActivity(const QString &name, const QString &text);
    void clearActivity();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SourceDefinition> m_sources;
    QHash<QString, QString> m_activity;
};

class SourcesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SourcesDialog(WorkspaceEditor *editor, QWidget *parent = nullptr);
    ~SourcesDialog() override;

    SourcesModel *model() const { return m_model; }
    bool isSyncing() const { return m_job != nullptr; }
    QString statusText() const;

public slots:
    void refresh();
    // Sync every source, or the selected one; false when nothing could be started.
    bool syncAll();
    bool syncSelected();
    void cancelSync();
    void selectSource(const QString &name);

signals:
    // A sync imported something: the window's views and data-sources panel should reload.
    void dataImported();
    void syncFinished();

protected:
    void reject() override;

private:
    void addSource();
    void editSource();
    void removeSource();
    void setToken();
    bool storeToken(const QString &name, const QString &token);
    bool startSync(const QList<SourceDefinition> &sources);
    void syncDone(bool cancelled, const QString &workspaceError);
    void updateButtons();
    void updateDetails();
    std::optional<SourceDefinition> selected() const;

    WorkspaceEditor *m_editor;
    SourcesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_token = nullptr;
    QPushButton *m_syncOne = nullptr;
    QPushButton *m_syncAll = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    std::unique_ptr<SyncWorker> m_worker;
    std::unique_ptr<BackgroundJob> m_job;
    QStringList m_results;
    bool m_imported = false;
    bool m_closeWhenDone = false; // Close was pressed during a sync
    bool m_starting = false;      // tokens are being looked up for a sync
};

} // namespace srm
