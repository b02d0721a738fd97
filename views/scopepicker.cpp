#include "views/scopepicker.h"

#include "views/tablecopy.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>
#include <QWidgetAction>

#include <algorithm>

namespace srm {

ScopeModel::ScopeModel(QObject *parent) : QAbstractListModel(parent) { }

void ScopeModel::rebuild(const std::vector<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.team != b.team)
            return a.team;
        return a.name.toUtf8() < b.name.toUtf8();
    });
    endResetModel();
}

void ScopeModel::setNames(const ScopeNames &names, const std::map<std::string, std::string, std::less<>> &owners)
{
    const Scope current = scope();
    std::vector<Row> rows;
    for (const std::string &t : names.teams)
        rows.push_back(
            {true, QString::fromStdString(t), {}, std::binary_search(current.teams.begin(), current.teams.end(), t)});
    for (const std::string &s : names.services) {
        const auto it = owners.find(s);
        rows.push_back({false, QString::fromStdString(s),
                        it == owners.end() ? QString() : QString::fromStdString(it->second),
                        std::binary_search(current.services.begin(), current.services.end(), s)});
    }
    // A name the scope holds stays on offer (checked) even when no record names it any more.
    for (const std::string &t : current.teams)
        if (!std::binary_search(names.teams.begin(), names.teams.end(), t))
            rows.push_back({true, QString::fromStdString(t), {}, true});
    for (const std::string &s : current.services)
        if (!std::binary_search(names.services.begin(), names.services.end(), s))
            rows.push_back({false, QString::fromStdString(s), {}, true});
    rebuild(rows);
}

void ScopeModel::setScope(const Scope &scope)
{
    std::vector<Row> rows = m_rows;
    for (Row &r : rows) {
        const std::string name = r.name.toStdString();
        const auto &list = r.team ? scope.teams : scope.services;
        r.checked = std::binary_search(list.begin(), list.end(), name);
    }
    for (const bool team : {true, false})
        for (const std::string &name : team ? scope.teams : scope.services)
            if (std::none_of(rows.begin(), rows.end(),
                             [&](const Row &r) { return r.team == team && r.name.toStdString() == name; }))
                rows.push_back({team, QString::fromStdString(name), {}, true});
    rebuild(rows);
}

Scope ScopeModel::scope() const
{
    std::vector<std::string> services, teams;
    for (const Row &r : m_rows)
        if (r.checked)
            (r.team ? teams : services).push_back(r.name.toStdString());
    return Scope::of(std::move(services), std::move(teams));
}

int ScopeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ScopeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        if (r.team)
            return tr("Team: %1").arg(r.name);
        return r.owner.isEmpty() ? tr("Service: %1").arg(r.name) : tr("Service: %1 (%2)").arg(r.name, r.owner);
    case Qt::CheckStateRole: return r.checked ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        if (r.team)
            return tr("Count the services team %1 owns, and the deployments it made").arg(r.name);
        return r.owner.isEmpty() ? tr("Count service %1 (it has no owner)").arg(r.name)
                                 : tr("Count service %1, owned by %2").arg(r.name, r.owner);
    case KindRole: return r.team ? QStringLiteral("team") : QStringLiteral("service");
    case NameRole: return r.name;
    default: return {};
    }
}

bool ScopeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &r = m_rows[std::size_t(index.row())];
    const bool checked = value.toInt() == Qt::Checked;
    if (r.checked == checked)
        return true;
    r.checked = checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit scopeChanged(scope());
    return true;
}

Qt::ItemFlags ScopeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

ScopePicker::ScopePicker(QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("scopePicker"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAccessibleName(tr("Scope"));
    setToolTip(tr("Which services and teams every view, export and report counts (the debt register is not scoped)"));
    m_model = new ScopeModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);

    auto *menu = new QMenu(this);
    m_popup = new QWidget(menu);
    m_popup->setObjectName(QStringLiteral("scopePopup"));
    auto *layout = new QVBoxLayout(m_popup);
    m_search = new FilterBox(m_proxy, tr("Search services and teams"), m_popup);
    m_search->setObjectName(QStringLiteral("scopeSearch"));
    m_list = new QListView(m_popup);
    m_list->setObjectName(QStringLiteral("scopeList"));
    m_list->setModel(m_proxy);
    m_list->setUniformItemSizes(true);
    m_list->setMinimumSize(300, 320);
    m_list->setAccessibleName(tr("Services and teams"));
    auto *hint = new QLabel(tr("Checked services and teams are counted: any checked service, of any checked team."),
                            m_popup);
    hint->setWordWrap(true);
    auto *all = new QPushButton(tr("&All services"), m_popup);
    all->setObjectName(QStringLiteral("scopeAll"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(all);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(hint);
    layout->addLayout(buttons);
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(m_popup);
    menu->addAction(action);
    setMenu(menu);

    connect(menu, &QMenu::aboutToShow, m_search, [this] { m_search->setFocus(); });
    connect(all, &QPushButton::clicked, this, [this] {
        setScope({});
        emit scopeChanged({});
    });
    connect(m_model, &ScopeModel::scopeChanged, this, [this](const Scope &s) {
        updateText();
        emit scopeChanged(s);
    });
    updateText();
}

void ScopePicker::setNames(const ScopeNames &names, const std::map<std::string, std::string, std::less<>> &owners)
{
    m_model->setNames(names, owners);
    updateText();
}

void ScopePicker::setScope(const Scope &scope)
{
    m_model->setScope(scope);
    updateText();
}

void ScopePicker::updateText()
{
    const QString text = tr("Scope: %1").arg(m_model->scope().describe());
    setText(fontMetrics().elidedText(text, Qt::ElideRight, fontMetrics().averageCharWidth() * 48));
    setAccessibleDescription(text);
}

} // namespace srm
