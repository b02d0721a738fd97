// File › Import… and files dropped on the window: the list of files with the format detected for
// each (which the user can override), a preview of a file's first records and its problems,
// the options (skip bad rows; the SLO and series of Prometheus files), and the import itself,
// run by an ImportWorker on its own thread with a progress bar and Cancel. The files go in as
// one batch: Cancel rolls it all back, so the workspace is exactly as it was.
#pragma once

#include "importers/importrunner.h"

#include <QDialog>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace srm {

class ImportWorker;

class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    // workspacePath: where the files go (the worker opens its own connection); timezone: the
    // workspace's, for reading naive times in the previews.
    ImportDialog(const QString &workspacePath, const QByteArray &timezone, QWidget *parent = nullptr);
    ~ImportDialog() override;

    void addFiles(const QStringList &paths);
    int fileCount() const;
    QString filePath(int row) const;
    // The id of the format the file will be imported as ("" when unknown), and the override
    // ("" to detect again).
    QString fileFormat(int row) const;
    void setFileFormat(int row, const QString &formatId);
    QString fileStatus(int row) const;
    void selectFile(int row);
    bool isRunning() const { return m_thread != nullptr; }

public slots:
    void startImport();
    void cancelImport();

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
        importers::FilePreview preview;
        std::optional<importers::ImportResult> result;
        bool cancelled = false;
    };

    void chooseFiles();
    void removeSelected();
    void refreshPreview(int row);
    void showFile(int row);
    void updateRow(int row);
    void updateButtons();
    importers::ImportOptions optionsFor(const Entry &e) const;
    void onProgress(int file, qint64 done, qint64 total);
    void onFileDone(int file, const importers::ImportResult &result);
    void onFinished(bool committed, bool cancelled, const QString &workspaceError);

    QString m_workspacePath;
    ZoneOffsets m_zone;
    std::vector<Entry> m_entries;

    QTableWidget *m_files = nullptr;
    QTableWidget *m_preview = nullptr;
    QListWidget *m_problems = nullptr;
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

    QThread *m_thread = nullptr;
    ImportWorker *m_worker = nullptr;
    int m_running = 0; // files in the running batch
};

} // namespace srm
