#include "views/datasourcespanel.h"

#include "views/backgroundjob.h"
#include "views/tooltips.h"

#include "store/timeutil.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace srm {

ImportLogModel::ImportLogModel(QObject *parent) : QAbstractTableModel(parent) { }

void ImportLogModel::setEntries(const QList<ImportLogEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int ImportLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ImportLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportLogEntry &e = m_entries[index.row()];
    if (role == IdRole)
        return e.id;
    if (role == Qt::ToolTipRole) {
        if (index.column() == Sha256Column)
            return e.sha256;
        return e.notes.isEmpty() ? QVariant() : QVariant(plainToolTip(e.notes));
    }
    if (role == Qt::TextAlignmentRole && index.column() >= AddedColumn && index.column() <= SkippedColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case FileColumn: return e.fileName;
    case SourceColumn: return e.source.isEmpty() ? tr("file") : tr("sync of %1").arg(e.source);
    case FormatColumn: return e.format;
    case ImportedColumn: return formatIso(e.importedAt);
    case AddedColumn: return e.added;
    case UpdatedColumn: return e.updated;
    case UnchangedColumn: return e.unchanged;
    case SkippedColumn: return e.skipped;
    case Sha256Column: return e.sha256.left(12);
    default: return {};
    }
}

QVariant ImportLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn: return tr("File");
    case SourceColumn: return tr("Source");
    case FormatColumn: return tr("Format");
    case ImportedColumn: return tr("Imported (UTC)");
    case AddedColumn: return tr("Added");
    case UpdatedColumn: return tr("Updated");
    case UnchangedColumn: return tr("Unchanged");
    case SkippedColumn: return tr("Skipped");
    case Sha256Column: return tr("SHA-256");
    default: return {};
    }
}

DataSourcesPanel::DataSourcesPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dataSources"));
    m_model = new ImportLogModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("importLog"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // The file's name and when it came first, the name taking the room; the hash (for telling two
    // files of one name apart) last and narrow.
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(ImportLogModel::ImportedColumn), 1);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ImportLogModel::FileColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Imported files"));
    m_remove = new QPushButton(tr("&Remove Records of This Import…"), this);
    m_remove->setObjectName(QStringLiteral("removeImport"));
    m_remove->setToolTip(tr("Deletes the records this import wrote last (records another import changed since stay)"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_remove, &QPushButton::clicked, this, &DataSourcesPanel::removeSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_remove->setEnabled(m_ws && m_table->selectionModel()->hasSelection()); });
    m_remove->setEnabled(false);
}

void DataSourcesPanel::setWorkspace(Workspace *ws)
{
    m_ws = ws;
    refresh();
}

void DataSourcesPanel::refresh()
{
    QList<ImportLogEntry> entries;
    if (m_ws) {
        try {
            entries = m_ws->importLog();
        } catch (const WorkspaceError &e) {
            qWarning("%s", qPrintable(e.message()));
        }
    }
    m_model->setEntries(entries);
    m_remove->setEnabled(false);
}

bool DataSourcesPanel::removeImport(qint64 id, bool confirm)
{
    if (!m_ws)
        return false;
    if (confirm) {
        QString name;
        for (const ImportLogEntry &e : m_model->entries())
            if (e.id == id)
                name = e.fileName;
        const auto answer = QMessageBox::question(
            this, tr("Remove Import"),
            tr("Remove the records imported from %1? Records that a later import changed are kept.").arg(name));
        if (answer != QMessageBox::Yes)
            return false;
    }
    // Off the GUI thread, on a connection of its own: deleting a million pages takes seconds.
    BackgroundJob job([path = m_ws->path(), id](JobControl &) { Workspace::openConnection(path)->removeImport(id); });
    if (!job.runModal(this, tr("Remove Import"), tr("Removing the records of this import…"), false)) {
        QMessageBox::critical(this, tr("Remove Import"), job.error());
        return false;
    }
    refresh();
    emit dataChanged();
    return true;
}

void DataSourcesPanel::removeSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        removeImport(rows.first().data(ImportLogModel::IdRole).toLongLong());
}

} // namespace srm
