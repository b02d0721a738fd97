// Adds or edits a what-if scenario (docs/debt-and-roadmap.md#scenarios): its name and its setting
// overrides, one row each (a key of the planning family and a value). OK checks everything with
// the same rules as `scenario save` (WhatIf::validate, ScenarioStore::validateName) and stays open
// with the reason when something is wrong; the roadmap view then saves it as an undoable edit.
#pragma once

#include "planning/scenarios.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace srm {

class ScenarioDialog : public QDialog
{
    Q_OBJECT

public:
    // `scenario`: the one edited (empty name: a new one); `stored`: the workspace's settings, shown
    // as the baseline's values.
    ScenarioDialog(const Scenario &scenario, const QHash<QString, QString> &stored, QWidget *parent = nullptr);

    QString name() const;
    SettingOverrides overrides() const; // canonical values (valid once accepted)

    // Rows, for tests: sets the key and value of row `row`, adding rows as needed.
    void setOverride(int row, const QString &key, const QString &value);
    int overrideRows() const;
    QString errorText() const;

    void accept() override;

private:
    void addRow(const QString &key = {}, const QString &value = {});
    void updateHint(int row);
    // Throws InputError when the name or a row is not valid.
    SettingOverrides collect() const;

    QHash<QString, QString> m_stored;
    QLineEdit *m_name;
    QTableWidget *m_table;
    QLabel *m_error;
};

} // namespace srm
