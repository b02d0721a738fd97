#include "views/importdialog.h"
#include "views/tooltips.h"

#include "views/importworker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace srm {

namespace {

enum Column { FileColumn, FormatColumn, StatusColumn };
constexpr int kProgressSteps = 1000;

QString fromUtf8(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QStringList localFiles(const QMimeData *mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls())
        return out;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            out << url.toLocalFile();
    return out;
}

} // namespace

ImportDialog::ImportDialog(const QString &workspacePath, const QByteArray &timezone, QWidget *parent)
    : QDialog(parent), m_workspacePath(workspacePath), m_zone(timezone)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import"));
    setAcceptDrops(true);
    resize(900, 640);

    m_files = new QTableWidget(0, 3, this);
    m_files->setObjectName(QStringLiteral("files"));
    m_files->setHorizontalHeaderLabels({tr("File"), tr("Format"), tr("Status")});
    m_files->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::ResizeToContents);
    m_files->horizontalHeader()->setSectionResizeMode(FormatColumn, QHeaderView::ResizeToContents);
    m_files->horizontalHeader()->setStretchLastSection(true);
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->setSelectionMode(QAbstractItemView::SingleSelection);
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files->verticalHeader()->hide();
    m_files->setAccessibleName(tr("Files to import"));

    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setAccessibleName(tr("First records of the selected file"));
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setAccessibleName(tr("Problems of the selected file"));
    auto *details = new QTabWidget(this);
    details->addTab(m_preview, tr("Preview"));
    details->addTab(m_problems, tr("Problems"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_files);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 2);

    m_skipBadRows = new QCheckBox(tr("Skip bad rows (import the good rows of a file that has bad ones)"), this);
    m_skipBadRows->setObjectName(QStringLiteral("skipBadRows"));
    m_sloName = new QLineEdit(this);
    m_sloName->setObjectName(QStringLiteral("sloName"));
    m_sloName->setPlaceholderText(tr("the SLO the samples belong to"));
    m_series = new QComboBox(this);
    m_series->setObjectName(QStringLiteral("series"));
    m_series->addItem(tr("good events"), QStringLiteral("good"));
    m_series->addItem(tr("bad events"), QStringLiteral("bad"));
    m_series->addItem(tr("all events"), QStringLiteral("total"));
    auto *prometheus = new QFormLayout;
    prometheus->addRow(tr("Prometheus files — &SLO:"), m_sloName);
    prometheus->addRow(tr("&Series counts:"), m_series);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);

    m_add = new QPushButton(tr("&Add Files…"), this);
    m_add->setObjectName(QStringLiteral("addFiles"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeFile"));
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("closeButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_import);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_skipBadRows);
    layout->addLayout(prometheus);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &ImportDialog::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, &ImportDialog::removeSelected);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(m_close, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_files, &QTableWidget::currentCellChanged, this, [this](int row) { showFile(row); });
    updateButtons();
}

ImportDialog::~ImportDialog()
{
    if (m_thread) {
        m_worker->cancel();
        m_thread->quit();
        m_thread->wait();
    }
}

int ImportDialog::fileCount() const
{
    return int(m_entries.size());
}

QString ImportDialog::filePath(int row) const
{
    return m_entries.at(std::size_t(row)).path;
}

QString ImportDialog::fileFormat(int row) const
{
    const Entry &e = m_entries.at(std::size_t(row));
    const auto f = e.override ? e.override : e.preview.format;
    return f ? QString::fromLatin1(importers::formatId(*f)) : QString();
}

void ImportDialog::setFileFormat(int row, const QString &formatId)
{
    auto *combo = qobject_cast<QComboBox *>(m_files->cellWidget(row, FormatColumn));
    const int index = combo ? combo->findData(formatId) : -1;
    if (index >= 0)
        combo->setCurrentIndex(index); // refreshes through currentIndexChanged
}

QString ImportDialog::fileStatus(int row) const
{
    const QTableWidgetItem *item = m_files->item(row, StatusColumn);
    return item ? item->text() : QString();
}

void ImportDialog::selectFile(int row)
{
    m_files->setCurrentCell(row, FileColumn);
}

void ImportDialog::addFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.path == absolute; }))
            continue;
        m_entries.push_back({absolute, std::nullopt, {}, std::nullopt, false});
        const int row = m_files->rowCount();
        m_files->insertRow(row);
        auto *name = new QTableWidgetItem(QFileInfo(absolute).fileName());
        name->setToolTip(plainToolTip(absolute));
        m_files->setItem(row, FileColumn, name);
        m_files->setItem(row, StatusColumn, new QTableWidgetItem);
        auto *combo = new QComboBox(m_files);
        combo->setAccessibleName(tr("Format of %1").arg(QFileInfo(absolute).fileName()));
        combo->addItem(QString(), QString());
        for (const importers::FormatInfo &f : importers::allFormats())
            combo->addItem(importers::formatTitle(f.format), QString::fromLatin1(f.id));
        m_files->setCellWidget(row, FormatColumn, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo](int) {
            for (int r = 0; r < m_files->rowCount(); ++r) {
                if (m_files->cellWidget(r, FormatColumn) != combo)
                    continue;
                const QString id = combo->currentData().toString();
                m_entries[std::size_t(r)].override =
                    id.isEmpty() ? std::nullopt : importers::formatFromId(id.toStdString());
                refreshPreview(r);
            }
        });
        refreshPreview(row);
    }
    if (m_files->currentRow() < 0 && m_files->rowCount() > 0)
        m_files->setCurrentCell(0, FileColumn);
    updateButtons();
}

importers::ImportOptions ImportDialog::optionsFor(const Entry &e) const
{
    importers::ImportOptions o;
    o.format = e.override;
    o.skipBadRows = m_skipBadRows->isChecked();
    o.sloName = m_sloName->text().trimmed().toStdString();
    if (!o.sloName.empty())
        o.series = importers::seriesFromName(m_series->currentData().toString().toStdString());
    return o;
}

void ImportDialog::refreshPreview(int row)
{
    Entry &e = m_entries[std::size_t(row)];
    e.preview = importers::previewFile(e.path, optionsFor(e), m_zone);
    e.result.reset();
    e.cancelled = false;
    auto *combo = qobject_cast<QComboBox *>(m_files->cellWidget(row, FormatColumn));
    if (combo) {
        const QSignalBlocker block(combo);
        // The first entry names what detection found.
        importers::FilePreview detected = e.override ? importers::previewFile(e.path, {}, m_zone, 0) : e.preview;
        combo->setItemText(0, detected.format ? tr("%1 (detected)").arg(importers::formatTitle(*detected.format))
                                              : tr("Unknown format"));
    }
    updateRow(row);
    if (m_files->currentRow() == row)
        showFile(row);
    updateButtons();
}

void ImportDialog::updateRow(int row)
{
    const Entry &e = m_entries[std::size_t(row)];
    QString status;
    if (e.cancelled)
        status = tr("Cancelled: nothing imported");
    else if (e.result && e.result->ok())
        status = tr("Imported: %1 added, %2 updated, %3 unchanged, %4 skipped")
                     .arg(e.result->counts.added)
                     .arg(e.result->counts.updated)
                     .arg(e.result->counts.unchanged)
                     .arg(e.result->badRows);
    else if (e.result && e.result->status == importers::ImportResult::Status::Cancelled)
        status = tr("Cancelled: nothing imported");
    else if (e.result && e.result->fileError)
        status = tr("Not imported: %1").arg(fromUtf8(e.result->fileError->reason));
    else if (e.result)
        status = tr("Not imported: %n bad row(s)", nullptr, int(e.result->badRows));
    else if (!e.preview.format)
        status = tr("Unknown format");
    else if (!e.preview.problem.isEmpty())
        status = tr("Problem: %1").arg(e.preview.problem);
    else if (!e.preview.errors.empty())
        status = tr("%n bad row(s) among the first records", nullptr, int(e.preview.errors.size()));
    else
        status = tr("Ready");
    m_files->item(row, StatusColumn)->setText(status);
}

void ImportDialog::showFile(int row)
{
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_problems->clear();
    if (row < 0 || row >= int(m_entries.size()))
        return;
    const Entry &e = m_entries[std::size_t(row)];
    const importers::FilePreview &p = e.preview;
    m_preview->setColumnCount(int(p.columns.size()));
    QStringList headers;
    for (const std::string &c : p.columns)
        headers << fromUtf8(c);
    m_preview->setHorizontalHeaderLabels(headers);
    m_preview->setRowCount(int(p.rows.size()));
    for (int r = 0; r < int(p.rows.size()); ++r)
        for (int c = 0; c < int(p.rows[std::size_t(r)].size()); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(fromUtf8(p.rows[std::size_t(r)][std::size_t(c)])));

    QStringList problems;
    if (e.result) {
        problems = e.result->messages();
        for (const QString &note : e.result->notes)
            problems << tr("note: %1").arg(note);
    } else {
        if (!p.problem.isEmpty())
            problems << p.problem;
        for (const importers::ParseError &err : p.errors)
            problems << tr("line %1").arg(fromUtf8(err.text()));
        for (const QString &note : p.notes)
            problems << tr("note: %1").arg(note);
    }
    m_problems->addItems(problems);
}

void ImportDialog::updateButtons()
{
    const bool running = isRunning();
    m_add->setEnabled(!running);
    m_remove->setEnabled(!running && m_files->currentRow() >= 0);
    m_import->setEnabled(!running && !m_entries.empty());
    m_cancel->setEnabled(running);
    m_close->setEnabled(!running);
    m_files->setEnabled(!running);
    m_skipBadRows->setEnabled(!running);
    m_sloName->setEnabled(!running);
    m_series->setEnabled(!running);
}

void ImportDialog::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Files"), QString(),
        tr("Data files (*.csv *.json *.yaml *.yml);;All files (*)"));
    addFiles(paths);
}

void ImportDialog::removeSelected()
{
    const int row = m_files->currentRow();
    if (row < 0 || isRunning())
        return;
    m_entries.erase(m_entries.begin() + row);
    m_files->removeRow(row);
    showFile(m_files->currentRow());
    updateButtons();
}

void ImportDialog::startImport()
{
    if (isRunning() || m_entries.empty())
        return;
    std::vector<ImportJob> jobs;
    for (Entry &e : m_entries) {
        e.result.reset();
        e.cancelled = false;
        jobs.push_back({e.path, optionsFor(e)});
    }
    for (int r = 0; r < int(m_entries.size()); ++r) {
        updateRow(r);
        m_files->item(r, StatusColumn)->setText(tr("Waiting…"));
    }
    m_running = int(jobs.size());
    m_progress->setValue(0);
    m_summary->setText(tr("Importing…"));

    m_thread = new QThread(this);
    m_worker = new ImportWorker(m_workspacePath, std::move(jobs));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &ImportWorker::run);
    connect(m_worker, &ImportWorker::progress, this, &ImportDialog::onProgress);
    connect(m_worker, &ImportWorker::fileDone, this, &ImportDialog::onFileDone);
    connect(m_worker, &ImportWorker::finished, this, &ImportDialog::onFinished);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    updateButtons();
}

void ImportDialog::cancelImport()
{
    if (!m_worker)
        return;
    m_worker->cancel();
    m_cancel->setEnabled(false);
    m_summary->setText(tr("Cancelling…"));
}

void ImportDialog::onProgress(int file, qint64 done, qint64 total)
{
    if (m_running <= 0 || total <= 0)
        return;
    const double fraction = (double(file) + double(done) / double(total)) / double(m_running);
    m_progress->setValue(int(fraction * kProgressSteps));
    m_files->item(file, StatusColumn)->setText(tr("Importing… %1%").arg(100 * done / total));
}

void ImportDialog::onFileDone(int file, const importers::ImportResult &result)
{
    m_entries[std::size_t(file)].result = result;
    updateRow(file);
    if (m_files->currentRow() == file)
        showFile(file);
}

void ImportDialog::onFinished(bool committed, bool cancelled, const QString &workspaceError)
{
    m_thread->quit();
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    m_worker = nullptr;
    int imported = 0;
    for (int r = 0; r < int(m_entries.size()); ++r) {
        Entry &e = m_entries[std::size_t(r)];
        if (!committed && e.result && e.result->ok())
            e.cancelled = true; // its savepoint went with the batch
        if (!e.result && cancelled)
            e.cancelled = true;
        imported += committed && e.result && e.result->ok() ? 1 : 0;
        updateRow(r);
    }
    m_progress->setValue(committed ? kProgressSteps : 0);
    if (!workspaceError.isEmpty())
        m_summary->setText(tr("The workspace could not be written: %1").arg(workspaceError));
    else if (cancelled)
        m_summary->setText(tr("Cancelled: nothing was imported, the workspace is as it was."));
    else
        m_summary->setText(tr("%n of %1 file(s) imported.", nullptr, imported).arg(m_entries.size()));
    showFile(m_files->currentRow());
    updateButtons();
    emit importFinished(committed, cancelled);
    if (committed)
        emit dataChanged();
}

void ImportDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (!isRunning() && !localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ImportDialog::dropEvent(QDropEvent *event)
{
    addFiles(localFiles(event->mimeData()));
    event->acceptProposedAction();
}

void ImportDialog::reject()
{
    if (isRunning()) {
        cancelImport();
        return;
    }
    QDialog::reject();
}

} // namespace srm
