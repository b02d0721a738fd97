#include "views/importprofilesdialog.h"

#include "store/timeutil.h"
#include "store/workspace.h"
#include "views/workspaceeditor.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace srm {

ImportProfilesModel::ImportProfilesModel(QObject *parent) : QAbstractTableModel(parent) { }

void ImportProfilesModel::setProfiles(const QList<ImportProfile> &profiles)
{
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

int ImportProfilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

int ImportProfilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportProfilesModel::mappingText(const ImportProfile &p)
{
    QStringList parts;
    for (const auto &[field, column] : p.mapping)
        parts << QStringLiteral("%1 ← %2").arg(field, column);
    return parts.isEmpty() ? tr("columns matched by name") : parts.join(QStringLiteral(", "));
}

QString ImportProfilesModel::headerText(const ImportProfile &p)
{
    QStringList names;
    for (const QJsonValue &v : QJsonDocument::fromJson(p.headerKey.toUtf8()).array())
        names << v.toString();
    return names.join(QStringLiteral(", "));
}

QVariant ImportProfilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportProfile &p = m_profiles[index.row()];
    if (role == Qt::ToolTipRole && (index.column() == MappingColumn || index.column() == HeaderColumn))
        return index.column() == MappingColumn ? mappingText(p) : headerText(p);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn: return p.name;
    case FormatColumn: return p.format;
    case MappingColumn: return mappingText(p);
    case HeaderColumn: return headerText(p);
    case SavedColumn: return formatIso(p.createdAt - p.createdAt % kMicrosPerSecond);
    default: return {};
    }
}

QVariant ImportProfilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Profile");
    case FormatColumn: return tr("Format");
    case MappingColumn: return tr("Mapping (field ← column)");
    case HeaderColumn: return tr("For files with the columns");
    case SavedColumn: return tr("Saved (UTC)");
    default: return {};
    }
}

ImportProfilesDialog::ImportProfilesDialog(WorkspaceEditor *editor, QWidget *parent) : QDialog(parent), m_editor(editor)
{
    setObjectName(QStringLiteral("importProfilesDialog"));
    setWindowTitle(tr("Import Profiles"));
    resize(860, 360);

    auto *intro = new QLabel(tr("A profile says which format a CSV file with a given set of columns is, and which "
                                "column each field is read from. Imports of such files use it without asking."),
                             this);
    intro->setWordWrap(true);

    m_model = new ImportProfilesModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("profiles"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ImportProfilesModel::HeaderColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Saved import profiles"));

    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeProfile"));
    QUndoStack *stack = editor ? editor->undoStack() : nullptr;
    auto *undo = new QPushButton(tr("&Undo"), this);
    auto *redo = new QPushButton(tr("Re&do"), this);
    undo->setObjectName(QStringLiteral("undoProfile"));
    redo->setObjectName(QStringLiteral("redoProfile"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_remove);
    buttons->addWidget(undo);
    buttons->addWidget(redo);
    buttons->addStretch(1);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        removeRow(current.isValid() ? current.row() : -1);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ImportProfilesDialog::updateButtons);
    if (stack) {
        // The window's own undo stack: Ctrl+Z here undoes the last edit, as in the window.
        connect(undo, &QPushButton::clicked, stack, &QUndoStack::undo);
        connect(redo, &QPushButton::clicked, stack, &QUndoStack::redo);
        connect(stack, &QUndoStack::canUndoChanged, undo, &QPushButton::setEnabled);
        connect(stack, &QUndoStack::canRedoChanged, redo, &QPushButton::setEnabled);
        connect(stack, &QUndoStack::undoTextChanged, undo,
                [undo](const QString &text) { undo->setToolTip(tr("Undo %1").arg(text)); });
        connect(stack, &QUndoStack::redoTextChanged, redo,
                [redo](const QString &text) { redo->setToolTip(tr("Redo %1").arg(text)); });
        undo->setEnabled(stack->canUndo());
        redo->setEnabled(stack->canRedo());
        undo->setShortcut(QKeySequence::Undo);
        redo->setShortcut(QKeySequence::Redo);
    } else {
        undo->setEnabled(false);
        redo->setEnabled(false);
    }
    if (editor)
        connect(editor, &WorkspaceEditor::changed, this, &ImportProfilesDialog::reload);
    reload();
}

void ImportProfilesDialog::reload()
{
    QList<ImportProfile> profiles;
    if (m_editor && m_editor->workspace())
        profiles = ImportProfileStore(*m_editor->workspace()).profiles();
    m_model->setProfiles(profiles);
    updateButtons();
}

bool ImportProfilesDialog::removeRow(int row)
{
    if (!m_editor || row < 0 || row >= m_model->rowCount())
        return false;
    return m_editor->removeImportProfile(m_model->profiles().at(row));
}

void ImportProfilesDialog::updateButtons()
{
    m_remove->setEnabled(m_editor && m_editor->workspace() && m_table->currentIndex().isValid());
}

} // namespace srm
