// The scope picker of the toolbar (docs/scope.md#window): a button that names the scope ("all
// services", "team payments") and pops up a searchable list of every team and service the
// workspace names, each with a check box. Checked teams and services make the Scope the whole
// window, every export and the PDF count: any of the checked services, owned by (or deployed by)
// any of the checked teams. ScopeModel is the list; ScopePicker the button with its popup.
#pragma once

#include "engine/dataset.h"
#include "engine/scope.h"

#include <QAbstractListModel>
#include <QToolButton>

#include <map>
#include <string>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace srm {

class ScopeModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { KindRole = Qt::UserRole + 20, NameRole }; // kind: "team" or "service"

    explicit ScopeModel(QObject *parent = nullptr);

    // The names to offer (teams first, then services, each by name); keeps what is checked and
    // still offered, and keeps offering what the scope names even when the workspace no longer does.
    void setNames(const ScopeNames &names, const std::map<std::string, std::string, std::less<>> &owners);
    void setScope(const Scope &scope);
    Scope scope() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    void scopeChanged(const Scope &scope); // a check box was toggled (not on setScope)

private:
    struct Row
    {
        bool team = false;
        QString name;
        QString owner; // services: the owning team
        bool checked = false;
    };
    void rebuild(const std::vector<Row> &rows);
    std::vector<Row> m_rows;
};

class ScopePicker : public QToolButton
{
    Q_OBJECT

public:
    explicit ScopePicker(QWidget *parent = nullptr);

    void setNames(const ScopeNames &names, const std::map<std::string, std::string, std::less<>> &owners);
    void setScope(const Scope &scope);
    Scope scope() const { return m_model->scope(); }
    ScopeModel *model() const { return m_model; }
    QLineEdit *searchEdit() const { return m_search; }
    QListView *listView() const { return m_list; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QWidget *popup() const { return m_popup; }

signals:
    void scopeChanged(const Scope &scope);

private:
    void updateText();

    ScopeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QWidget *m_popup;
    QLineEdit *m_search;
    QListView *m_list;
};

} // namespace srm
