#include "views/settingsmodel.h"

#include "views/modelroles.h"

#include <QFont>

namespace srm {

SettingsModel::SettingsModel(QObject *parent) : QAbstractTableModel(parent) { }

void SettingsModel::setSnapshot(SnapshotPtr snapshot)
{
    if (m_snapshot && snapshot) {
        m_snapshot = std::move(snapshot);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

int SettingsModel::rowOf(const QString &key) const
{
    const QList<SettingSpec> &all = SettingsSchema::all();
    for (qsizetype i = 0; i < all.size(); ++i)
        if (all[i].key == key)
            return int(i);
    return -1;
}

int SettingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : int(SettingsSchema::all().size());
}

int SettingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SettingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_snapshot)
        return {};
    const SettingSpec &spec = SettingsSchema::all()[index.row()];
    const bool stored = m_snapshot->storedSettings.contains(spec.key);
    const QString value = stored ? m_snapshot->storedSettings.value(spec.key) : spec.defaultValue;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case SortRole:
        switch (index.column()) {
        case Key: return spec.key;
        case Value: return role == Qt::DisplayRole && value.isEmpty() ? tr("(not set)") : value;
        case Default: return spec.defaultValue.isEmpty() ? tr("(none)") : spec.defaultValue;
        case Description: return spec.description;
        }
        return {};
    case IdRole: return spec.key;
    case Qt::FontRole:
        if (index.column() == Value && !stored) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Value)
            return tr("%1 (%2). %3")
                .arg(spec.description, SettingsSchema::typeDescription(spec.type),
                     stored ? tr("Set in this workspace; clear it to go back to the default.")
                            : tr("Not set: the default applies."));
        return spec.description;
    default: return {};
    }
}

QVariant SettingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key: return tr("Setting");
    case Value: return tr("Value");
    case Default: return tr("Default");
    case Description: return tr("Meaning");
    }
    return {};
}

Qt::ItemFlags SettingsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Value)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SettingsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != Value || role != Qt::EditRole || !m_snapshot)
        return false;
    const SettingSpec &spec = SettingsSchema::all()[index.row()];
    const QString text = value.toString().trimmed();
    const QString current = m_snapshot->storedSettings.value(spec.key, spec.defaultValue);
    if (text == current)
        return false;
    emit settingEdited(spec.key, text);
    return true;
}

} // namespace srm
