// File › Import… and files dropped on the window: the list of files with the format detected for
// each (which the user can override), a preview of a file's first records as they will be stored
// (parsed service, title, times in UTC) beside its problems, the options (skip bad rows; the SLO
// and series of Prometheus files), and the import itself, run by an ImportWorker on its own
// thread with a progress bar and Cancel. The files go in as one batch: Cancel rolls it all back,
// so the workspace is exactly as it was.
//
// A CSV file gets the column-mapping step (docs/formats.md#column-mapping): choose the format
// and, for each of its fields, the file's column to read it from; the preview and the problems
// follow each change. A mapping can be saved as a named import profile keyed by the file's header
// (through the WorkspaceEditor, so undoable), and a later CSV that no format recognises is read
// with the newest profile saved for its header, which the dialog says. Profiles are listed and
// removed in ImportProfilesDialog (Profiles…).
#pragma once

#include "importers/importrunner.h"
#include "store/importprofiles.h"

#include <QDialog>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace srm {

class BackgroundJob;
class ImportWorker;
class WorkspaceEditor;

class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    // workspacePath: where the files go (the worker opens its own connection); timezone: the
    // workspace's, for reading naive times in the previews.
    ImportDialog(const QString &workspacePath, const QByteArray &timezone, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // The window's editor: saving a profile is an edit of its workspace (undoable). Without one
    // profiles are offered but cannot be saved or removed.
    void setEditor(WorkspaceEditor *editor);

    void addFiles(const QStringList &paths);
    int fileCount() const;
    QString filePath(int row) const;
    // The id of the format the file will be imported as ("" when unknown), and the override
    // ("" to detect again).
    QString fileFormat(int row) const;
    void setFileFormat(int row, const QString &formatId);
    QString fileStatus(int row) const;
    void selectFile(int row);
    bool isRunning() const { return m_job != nullptr; }

    // The column mapping of a file (FIELD -> the file's COLUMN), as the mapping step edits it,
    // and the profile it was read with ("" for none).
    importers::ColumnMap fileMapping(int row) const;
    void setFieldColumn(int row, const QString &field, const QString &column); // "" unmaps it
    QString fileProfile(int row) const;
    // Saves the selected file's format and mapping as profile `name` (through the editor).
    bool saveProfile(const QString &name);

public slots:
    void startImport();
    void cancelImport();
    void manageProfiles();

signals:
    void importFinished(bool committed, bool cancelled);
    // Records were written: the views should reload.
    void dataChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void reject() override;

private:
    struct Entry
    {
        QString path;
        std::optional<importers::Format> override;
        importers::ColumnMap map;
        QString profile;              // the saved profile it was read with
        bool profileLookedUp = false; // profiles are offered once, when the file is added
        importers::FilePreview preview;
        std::optional<importers::ImportResult> result;
        bool cancelled = false;
    };

    void chooseFiles();
    void removeSelected();
    void refreshPreview(int row);
    void offerProfile(Entry &e);
    void applyProfile(Entry &e, const ImportProfile &p);
    void setOverride(int row, std::optional<importers::Format> format);
    void showFile(int row);
    void showMapping(int row);
    void updateRow(int row);
    void updateButtons();
    importers::ImportOptions optionsFor(const Entry &e) const;
    QList<ImportProfile> profilesFor(const std::vector<std::string> &header) const;
    static QString headerKey(const std::vector<std::string> &header);
    void onProgress(int file, qint64 done, qint64 total);
    void onFileDone(int file, const importers::ImportResult &result);
    void onFinished(bool committed, bool cancelled, const QString &workspaceError);

    QString m_workspacePath;
    ZoneOffsets m_zone;
    WorkspaceEditor *m_editor = nullptr;
    std::vector<Entry> m_entries;

    QTableWidget *m_files = nullptr;
    QTableWidget *m_preview = nullptr;
    QListWidget *m_problems = nullptr;
    QLabel *m_previewLabel = nullptr;

    // The mapping step.
    QGroupBox *m_mapping = nullptr;
    QLabel *m_mappingIntro = nullptr;
    QComboBox *m_profileCombo = nullptr;
    QComboBox *m_mapFormat = nullptr;
    QWidget *m_fieldsBox = nullptr;
    QFormLayout *m_fields = nullptr;
    QLineEdit *m_profileName = nullptr;
    QPushButton *m_saveProfile = nullptr;
    QPushButton *m_manageProfiles = nullptr;
    bool m_showingMapping = false; // while the widgets are filled: no feedback
    // The field rows on show, and what they were built for: a change of mapping only moves
    // their current columns (the combo in the user's hand stays, with its focus).
    std::vector<std::pair<QString, QComboBox *>> m_fieldCombos;
    QString m_fieldsBuiltFor;

    QCheckBox *m_skipBadRows = nullptr;
    QLineEdit *m_sloName = nullptr;
    QComboBox *m_series = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_close = nullptr;

    std::unique_ptr<ImportWorker> m_worker;
    std::unique_ptr<BackgroundJob> m_job;
    int m_running = 0; // files in the running batch
};

} // namespace srm
