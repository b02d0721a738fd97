// The debt view (docs/views-and-report.md#the-eight-views): the editable operational debt register
// — add, edit, delete items, set their dependencies and linked metrics, pin them to a quarter;
// cells edit in place too — with docs/debt-and-roadmap.md's figures from the engine (the priority
// with its gap factor explained), beside the toil/cost quadrant chart. Every edit is undoable.
// Problems of the register (unknown dependencies, cycles) are shown above it.
#pragma once

#include "views/viewpage.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace srm {

class ChartWidget;
class DebtModel;

class DebtView : public ViewPage
{
    Q_OBJECT

public:
    explicit DebtView(WorkspaceEditor *editor, QWidget *parent = nullptr);

    DebtModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filter() const { return m_filter; }
    ChartWidget *chart() const { return m_chart; }
    QString selectedId() const;
    void selectItem(const QString &id);

    void addItem();
    void editSelected();
    void deleteSelected();
    void editDependencies();
    void editLinkedMetrics();

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;

private:
    QStringList quarterChoices() const;
    void updateActions();

    DebtModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    ChartWidget *m_chart;
    QLabel *m_problems;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_dependencies;
    QPushButton *m_linked;
    QToolButton *m_pin;
    QString m_selected;
    bool m_sized = false;
};

} // namespace srm
