#include "views/settingsdialog.h"

#include "views/settingsmodel.h"
#include "views/workspaceeditor.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace srm {

SettingsDialog::SettingsDialog(WorkspaceEditor *editor, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Workspace Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Double-click a value to change it; an empty value goes back to the default. "
                                "Every change can be undone (Edit › Undo)."),
                             this);
    intro->setWordWrap(true);
    m_model = new SettingsModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("settingsTable"));
    m_table->setAccessibleName(tr("Workspace settings"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 600);
    connect(m_model, &SettingsModel::settingEdited, editor,
            [editor](const QString &key, const QString &value) { editor->setSetting(key, value); });
}

void SettingsDialog::setSnapshot(SnapshotPtr snapshot)
{
    const bool first = m_model->rowCount() == 0;
    m_model->setSnapshot(std::move(snapshot));
    if (first)
        m_table->resizeColumnsToContents();
}

} // namespace srm
