#include "views/importdialog.h"

#include "views/backgroundjob.h"
#include "views/tooltips.h"

#include "store/workspace.h"
#include "views/importprofilesdialog.h"
#include "views/importworker.h"
#include "views/workspaceeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

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
    resize(1120, 800);

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

    // What will be stored, before it is stored: the first records parsed, beside the problems.
    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setAccessibleName(tr("First records of the selected file, as they will be stored"));
    m_preview->horizontalHeader()->setDefaultSectionSize(120);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setAccessibleName(tr("Problems of the selected file"));
    m_problems->setWordWrap(true);
    m_previewLabel = new QLabel(tr("First records as they will be stored (times in UTC):"), this);
    m_previewLabel->setBuddy(m_preview);
    auto *problemsLabel = new QLabel(tr("Problems and notes:"), this);
    problemsLabel->setBuddy(m_problems);
    auto *previewSplitter = new QSplitter(Qt::Vertical, this);
    auto *previewPane = new QWidget(previewSplitter);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewLabel);
    previewLayout->addWidget(m_preview, 1);
    auto *problemsPane = new QWidget(previewSplitter);
    auto *problemsLayout = new QVBoxLayout(problemsPane);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->addWidget(problemsLabel);
    problemsLayout->addWidget(m_problems, 1);
    previewSplitter->addWidget(previewPane);
    previewSplitter->addWidget(problemsPane);
    previewSplitter->setStretchFactor(0, 3);
    previewSplitter->setStretchFactor(1, 1);

    // The mapping step of a CSV file.
    m_mapping = new QGroupBox(tr("Column mapping"), this);
    m_mapping->setObjectName(QStringLiteral("mapping"));
    m_mappingIntro = new QLabel(m_mapping);
    m_mappingIntro->setObjectName(QStringLiteral("mappingIntro"));
    m_mappingIntro->setWordWrap(true);
    m_profileCombo = new QComboBox(m_mapping);
    m_profileCombo->setObjectName(QStringLiteral("profile"));
    m_profileCombo->setAccessibleName(tr("Saved profile for this file's columns"));
    m_mapFormat = new QComboBox(m_mapping);
    m_mapFormat->setObjectName(QStringLiteral("mapFormat"));
    m_mapFormat->setAccessibleName(tr("What the file holds"));
    m_mapFormat->addItem(tr("Choose what the file holds…"), QString());
    for (const importers::FormatInfo &f : importers::allFormats())
        if (importers::isCsvFormat(f.format))
            m_mapFormat->addItem(importers::formatTitle(f.format), QString::fromLatin1(f.id));
    auto *top = new QFormLayout;
    top->addRow(tr("&Profile:"), m_profileCombo);
    top->addRow(tr("&Format:"), m_mapFormat);
    m_fieldsBox = new QWidget;
    m_fieldsBox->setObjectName(QStringLiteral("mappingFields"));
    m_fields = new QFormLayout(m_fieldsBox);
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *scroll = new QScrollArea(m_mapping);
    scroll->setWidget(m_fieldsBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *legend = new QLabel(tr("* required   † one of these is required"), m_mapping);
    legend->setEnabled(false);
    m_profileName = new QLineEdit(m_mapping);
    m_profileName->setObjectName(QStringLiteral("profileName"));
    m_profileName->setPlaceholderText(tr("Profile name"));
    m_profileName->setAccessibleName(tr("Name of the profile to save"));
    m_saveProfile = new QPushButton(tr("Sa&ve Profile"), m_mapping);
    m_saveProfile->setObjectName(QStringLiteral("saveProfile"));
    m_saveProfile->setToolTip(tr("Remember this format and mapping for files with these columns"));
    m_manageProfiles = new QPushButton(tr("Profi&les…"), m_mapping);
    m_manageProfiles->setObjectName(QStringLiteral("manageProfiles"));
    auto *save = new QHBoxLayout;
    save->addWidget(m_profileName, 1);
    save->addWidget(m_saveProfile);
    save->addWidget(m_manageProfiles);
    auto *mappingLayout = new QVBoxLayout(m_mapping);
    mappingLayout->addWidget(m_mappingIntro);
    mappingLayout->addLayout(top);
    mappingLayout->addWidget(scroll, 1);
    mappingLayout->addWidget(legend);
    mappingLayout->addLayout(save);
    m_mapping->setMinimumWidth(380);
    m_mapping->hide();

    auto *details = new QSplitter(Qt::Horizontal, this);
    details->addWidget(m_mapping);
    details->addWidget(previewSplitter);
    details->setStretchFactor(0, 2);
    details->setStretchFactor(1, 3);
    details->setChildrenCollapsible(false);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_files);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({130, 600});

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
    // One line: Prometheus files only, and most imports have none.
    auto *prometheus = new QHBoxLayout;
    auto *sloLabel = new QLabel(tr("Prometheus files — &SLO:"), this);
    sloLabel->setBuddy(m_sloName);
    auto *seriesLabel = new QLabel(tr("S&eries counts:"), this);
    seriesLabel->setBuddy(m_series);
    prometheus->addWidget(sloLabel);
    prometheus->addWidget(m_sloName, 2);
    prometheus->addSpacing(12);
    prometheus->addWidget(seriesLabel);
    prometheus->addWidget(m_series, 1);

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
    connect(m_mapFormat, &QComboBox::currentIndexChanged, this, [this](int) {
        const int row = m_files->currentRow();
        if (m_showingMapping || row < 0)
            return;
        const QString id = m_mapFormat->currentData().toString();
        setOverride(row, id.isEmpty() ? std::nullopt : importers::formatFromId(id.toStdString()));
    });
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, [this](int) {
        const int row = m_files->currentRow();
        if (m_showingMapping || row < 0)
            return;
        Entry &e = m_entries[std::size_t(row)];
        const QString name = m_profileCombo->currentData().toString();
        if (name.isEmpty()) {
            e.profile.clear();
            e.override.reset();
            e.map.clear();
        } else {
            for (const ImportProfile &p : profilesFor(e.preview.header))
                if (p.name == name)
                    applyProfile(e, p);
        }
        refreshPreview(row);
    });
    connect(m_saveProfile, &QPushButton::clicked, this, [this] { saveProfile(m_profileName->text()); });
    connect(m_profileName, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
    connect(m_manageProfiles, &QPushButton::clicked, this, &ImportDialog::manageProfiles);
    updateButtons();
}

void ImportDialog::setEditor(WorkspaceEditor *editor)
{
    m_editor = editor;
    if (m_editor)
        connect(m_editor, &WorkspaceEditor::changed, this, [this] {
            // A profile saved, removed, or brought back by Undo: offer the current list.
            if (!isRunning())
                showMapping(m_files->currentRow());
        });
    showMapping(m_files->currentRow());
}

ImportDialog::~ImportDialog()
{
    if (m_job)
        m_job->cancel(); // its destructor waits for the batch to roll back
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

importers::ColumnMap ImportDialog::fileMapping(int row) const
{
    return m_entries.at(std::size_t(row)).map;
}

QString ImportDialog::fileProfile(int row) const
{
    return m_entries.at(std::size_t(row)).profile;
}

void ImportDialog::setFieldColumn(int row, const QString &field, const QString &column)
{
    Entry &e = m_entries.at(std::size_t(row));
    const auto format = e.override ? e.override : e.preview.format;
    if (!format)
        return;
    const std::string name = importers::fieldName(*format, field.toStdString());
    if (name.empty())
        return;
    std::erase_if(e.map, [&](const auto &m) { return importers::fieldName(*format, m.first) == name; });
    if (!column.isEmpty())
        e.map.emplace_back(name, column.toStdString());
    // What the user maps is this file's own mapping from now on; the format stays as shown.
    e.profile.clear();
    e.override = format;
    refreshPreview(row);
}

void ImportDialog::setOverride(int row, std::optional<importers::Format> format)
{
    Entry &e = m_entries[std::size_t(row)];
    e.override = format;
    e.profile.clear();
    // Fields the new format does not have are dropped from the mapping.
    if (!format || !importers::isCsvFormat(*format))
        e.map.clear();
    else
        std::erase_if(e.map, [&](const auto &m) { return importers::fieldName(*format, m.first).empty(); });
    refreshPreview(row);
}

QString ImportDialog::headerKey(const std::vector<std::string> &header)
{
    QStringList names;
    for (const std::string &h : header)
        names << fromUtf8(h);
    return ImportProfileStore::headerKey(names);
}

QList<ImportProfile> ImportDialog::profilesFor(const std::vector<std::string> &header) const
{
    if (header.empty())
        return {};
    try {
        if (m_editor && m_editor->workspace())
            return ImportProfileStore(*m_editor->workspace()).forHeader(headerKey(header));
        const auto ws = Workspace::openConnection(m_workspacePath);
        return ImportProfileStore(*ws).forHeader(headerKey(header));
    } catch (const WorkspaceError &) {
        return {}; // the import will report the workspace's problem
    }
}

void ImportDialog::applyProfile(Entry &e, const ImportProfile &p)
{
    const auto format = importers::formatFromId(p.format.toStdString());
    if (!format)
        return;
    e.override = format;
    e.map.clear();
    for (const auto &[field, column] : p.mapping)
        e.map.emplace_back(field.toStdString(), column.toStdString());
    e.profile = p.name;
}

// A CSV that no format recognises is read with the newest profile saved for its header.
void ImportDialog::offerProfile(Entry &e)
{
    const QList<ImportProfile> found = profilesFor(e.preview.header);
    if (!found.isEmpty())
        applyProfile(e, found.first());
}

bool ImportDialog::saveProfile(const QString &name)
{
    const int row = m_files->currentRow();
    if (row < 0 || !m_editor)
        return false;
    Entry &e = m_entries[std::size_t(row)];
    const auto format = e.override ? e.override : e.preview.format;
    if (!format || e.preview.header.empty())
        return false;
    ImportProfile p;
    p.name = name.trimmed();
    p.headerKey = headerKey(e.preview.header);
    p.format = QString::fromLatin1(importers::formatId(*format));
    for (const auto &[field, column] : e.map)
        p.mapping.append({fromUtf8(importers::fieldName(*format, field)), fromUtf8(column)});
    std::sort(p.mapping.begin(), p.mapping.end());
    if (!m_editor->saveImportProfile(p)) {
        m_summary->setText(tr("The profile was not saved: %1").arg(m_editor->lastError()));
        return false;
    }
    e.profile = p.name;
    e.override = format;
    m_summary->setText(tr("Saved the profile '%1': files with these columns will be read the same way.").arg(p.name));
    updateRow(row);
    showMapping(row);
    return true;
}

void ImportDialog::manageProfiles()
{
    ImportProfilesDialog dialog(m_editor, this);
    dialog.exec();
    showMapping(m_files->currentRow());
}

void ImportDialog::addFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.path == absolute; }))
            continue;
        Entry entry;
        entry.path = absolute;
        m_entries.push_back(std::move(entry));
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
                setOverride(r, id.isEmpty() ? std::nullopt : importers::formatFromId(id.toStdString()));
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
    o.columnMap = e.map;
    o.useProfiles = false; // offered here, where the user sees them (offerProfile)
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
    if (!e.profileLookedUp) {
        e.profileLookedUp = true;
        if (!e.override && !e.preview.format && !e.preview.header.empty()) {
            offerProfile(e);
            if (e.override)
                e.preview = importers::previewFile(e.path, optionsFor(e), m_zone);
        }
    }
    e.result.reset();
    e.cancelled = false;
    auto *combo = qobject_cast<QComboBox *>(m_files->cellWidget(row, FormatColumn));
    if (combo) {
        const QSignalBlocker block(combo);
        // The first entry names what detection found.
        importers::ImportOptions detectOnly;
        detectOnly.useProfiles = false;
        const importers::FilePreview detected = e.override ? importers::previewFile(e.path, detectOnly, m_zone, 0)
                                                           : e.preview;
        combo->setItemText(0,
                           detected.format ? tr("%1 (detected)").arg(importers::formatTitle(*detected.format))
                                           : tr("Unknown format"));
        const int index = e.override ? combo->findData(QString::fromLatin1(importers::formatId(*e.override))) : 0;
        combo->setCurrentIndex(std::max(index, 0));
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
    else if (!e.profile.isEmpty())
        status = tr("Ready: read with the profile '%1'").arg(e.profile);
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
        for (int c = 0; c < int(p.rows[std::size_t(r)].size()); ++c) {
            auto *item = new QTableWidgetItem(fromUtf8(p.rows[std::size_t(r)][std::size_t(c)]));
            item->setToolTip(item->text());
            m_preview->setItem(r, c, item);
        }
    m_preview->resizeColumnsToContents();
    // Long values stay readable in their tooltip; a column is never narrower than its header
    // (short values under a long column name clipped the name).
    const QFontMetrics headerMetrics(m_preview->horizontalHeader()->font());
    for (int c = 0; c < m_preview->columnCount(); ++c) {
        const int headerW = headerMetrics.horizontalAdvance(headers.value(c)) + 3 * headerMetrics.averageCharWidth();
        m_preview->setColumnWidth(c, std::max(std::min(m_preview->columnWidth(c), 320), headerW));
    }

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
    showMapping(row);
}

void ImportDialog::showMapping(int row)
{
    if (row < 0 || row >= int(m_entries.size()) || m_entries[std::size_t(row)].preview.header.empty()) {
        m_mapping->hide();
        return;
    }
    const QSignalBlocker blockProfile(m_profileCombo);
    const QSignalBlocker blockFormat(m_mapFormat);
    m_showingMapping = true;
    const Entry &e = m_entries[std::size_t(row)];
    const auto format = e.override ? e.override : e.preview.format;
    const bool detected = !e.override && e.preview.format;
    m_mapping->show();
    if (!format)
        m_mappingIntro->setText(tr("SRE Roadmap does not recognise this CSV file. Choose what it holds, then the "
                                   "column each field is read from; the first records and the problems follow each "
                                   "choice."));
    else if (!e.preview.problem.isEmpty())
        m_mappingIntro->setText(tr("Read as %1. Choose your file's column for each field marked *; the problems "
                                   "list says what is still missing.")
                                    .arg(importers::formatTitle(*format)));
    else if (detected && e.map.empty())
        m_mappingIntro->setText(tr("Recognised as %1: its columns are matched by name. Choose another column for "
                                   "any field named differently in your file.")
                                    .arg(importers::formatTitle(*format)));
    else
        m_mappingIntro->setText(tr("Read as %1 with the columns below. Values such as Success or Failure are read "
                                   "through the format's own words; only the columns need mapping.")
                                    .arg(importers::formatTitle(*format)));

    m_profileCombo->clear();
    m_profileCombo->addItem(tr("None"), QString());
    for (const ImportProfile &p : profilesFor(e.preview.header))
        m_profileCombo->addItem(tr("%1 (%2)").arg(p.name, p.format), p.name);
    m_profileCombo->setCurrentIndex(std::max(0, m_profileCombo->findData(e.profile)));
    m_profileCombo->setEnabled(m_profileCombo->count() > 1);

    const int formatIndex = format ? m_mapFormat->findData(QString::fromLatin1(importers::formatId(*format))) : 0;
    m_mapFormat->setCurrentIndex(std::max(0, formatIndex));

    const QString builtFor = format && importers::isCsvFormat(*format)
        ? e.path + u'\n' + QString::fromLatin1(importers::formatId(*format))
        : QString();
    if (builtFor != m_fieldsBuiltFor) {
        while (m_fields->rowCount() > 0)
            m_fields->removeRow(0);
        m_fieldCombos.clear();
        m_fieldsBuiltFor = builtFor;
        if (!builtFor.isEmpty())
            for (const importers::FieldInfo &f : importers::formatFields(*format)) {
                const QString field = fromUtf8(f.name);
                auto *combo = new QComboBox(m_fieldsBox);
                combo->setObjectName(QStringLiteral("field_") + field);
                combo->setAccessibleName(tr("Column for %1").arg(field));
                combo->addItem(tr("— not in the file —"), QString());
                for (const std::string &h : e.preview.header)
                    combo->addItem(fromUtf8(h), fromUtf8(h));
                const QString mark = f.required ? QStringLiteral(" *") : f.oneOf ? QStringLiteral(" †") : QString();
                auto *label = new QLabel(field + mark, m_fieldsBox);
                label->setBuddy(combo);
                if (f.required)
                    label->setToolTip(tr("Required: every row needs a value"));
                m_fields->addRow(label, combo);
                label->show();
                combo->show();
                m_fieldCombos.emplace_back(field, combo);
                connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, field](int) {
                    const int current = m_files->currentRow();
                    if (!m_showingMapping && current >= 0)
                        setFieldColumn(current, field, combo->currentData().toString());
                });
            }
    }
    // Where each field is read from now: mapped, matched by name, or nowhere.
    if (!builtFor.isEmpty()) {
        const importers::ColumnResolution r = importers::resolveColumns(*format, e.preview.header, e.map);
        for (std::size_t i = 0; i < m_fieldCombos.size(); ++i) {
            const int at = i < r.index.size() ? r.index[i] : -1;
            m_fieldCombos[i].second->setCurrentIndex(at >= 0 ? at + 1 : 0);
        }
    }
    if (m_profileName->text().isEmpty() || !e.profile.isEmpty())
        m_profileName->setText(e.profile);
    m_showingMapping = false;
    updateButtons();
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
    m_mapping->setEnabled(!running);
    const int row = m_files->currentRow();
    bool canSave = false;
    if (row >= 0 && row < int(m_entries.size())) {
        const Entry &e = m_entries[std::size_t(row)];
        const auto format = e.override ? e.override : e.preview.format;
        // A profile is worth saving for a mapping that reads the file.
        canSave = format && importers::isCsvFormat(*format) && e.preview.problem.isEmpty()
            && (e.override || !e.map.empty());
    }
    const bool editable = m_editor && m_editor->workspace();
    m_saveProfile->setEnabled(!running && editable && canSave && !m_profileName->text().trimmed().isEmpty());
    m_manageProfiles->setEnabled(!running && editable);
    if (!editable)
        m_saveProfile->setToolTip(tr("Profiles are saved from the window of an open workspace"));
}

void ImportDialog::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Files"), QString(), tr("Data files (*.csv *.json *.yaml *.yml);;All files (*)"));
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

    // The worker stays on this thread; its signals, emitted on the job's, arrive queued.
    m_worker = std::make_unique<ImportWorker>(m_workspacePath, std::move(jobs));
    connect(m_worker.get(), &ImportWorker::progress, this, &ImportDialog::onProgress);
    connect(m_worker.get(), &ImportWorker::fileDone, this, &ImportDialog::onFileDone);
    connect(m_worker.get(), &ImportWorker::finished, this, &ImportDialog::onFinished);
    m_job = std::make_unique<BackgroundJob>([worker = m_worker.get()](JobControl &control) { worker->run(control); });
    m_job->start();
    updateButtons();
}

void ImportDialog::cancelImport()
{
    if (!m_job)
        return;
    m_job->cancel();
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
    m_job.reset(); // waits for the job's thread, which ends right after this signal
    m_worker.reset();
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
