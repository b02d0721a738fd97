#include "views/tablecopy.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

namespace srm {

namespace {

QString cellText(const QVariant &value)
{
    QString text = value.toString();
    text.replace(u'\t', u' ');
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text;
}

const QHeaderView *horizontalHeader(const QAbstractItemView *view)
{
    if (const auto *table = qobject_cast<const QTableView *>(view))
        return table->horizontalHeader();
    if (const auto *tree = qobject_cast<const QTreeView *>(view))
        return tree->header();
    return nullptr;
}

// Copies on Ctrl+C. It also claims the shortcut so that no window-wide action takes the key
// from a focused table.
class RowCopier : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
            return false;
        auto *key = static_cast<QKeyEvent *>(event);
        if (!key->matches(QKeySequence::Copy))
            return false;
        if (event->type() == QEvent::ShortcutOverride) {
            event->accept();
            return true;
        }
        const QString text = selectedRowsAsText(static_cast<QAbstractItemView *>(watched));
        if (!text.isEmpty())
            QApplication::clipboard()->setText(text);
        return true;
    }
};

} // namespace

QString selectedRowsAsText(const QAbstractItemView *view)
{
    const QAbstractItemModel *model = view->model();
    const QItemSelectionModel *selection = view->selectionModel();
    if (!model || !selection)
        return QString();
    // Rows of any selected cell; a tree's top-level rows (the views' trees are flat lists of
    // groups with children; a selected child copies as its own row).
    QList<QModelIndex> rows;
    for (const QModelIndex &index : selection->selectedIndexes()) {
        const QModelIndex first = index.siblingAtColumn(0);
        if (!rows.contains(first))
            rows << first;
    }
    if (rows.isEmpty())
        return QString();
    const QHeaderView *header = horizontalHeader(view);
    // Columns in the order shown (the user may have moved them), without hidden ones.
    QList<int> columns;
    for (int visual = 0; visual < model->columnCount(); ++visual) {
        const int logical = header ? header->logicalIndex(visual) : visual;
        if (logical >= 0 && !(header && header->isSectionHidden(logical)))
            columns << logical;
    }
    std::sort(rows.begin(), rows.end(), [view](const QModelIndex &a, const QModelIndex &b) {
        return view->visualRect(a).top() < view->visualRect(b).top()
            || (view->visualRect(a).top() == view->visualRect(b).top() && a.row() < b.row());
    });
    // Rows scrolled out of sight have an empty visual rect; fall back to model order for them.
    const bool allVisible = std::all_of(rows.cbegin(), rows.cend(),
                                        [view](const QModelIndex &i) { return view->visualRect(i).isValid(); });
    if (!allVisible)
        std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
            if (a.parent() != b.parent())
                return a.parent().row() < b.parent().row();
            return a.row() < b.row();
        });

    QStringList lines;
    QStringList cells;
    for (int c : columns)
        cells << cellText(model->headerData(c, Qt::Horizontal, Qt::DisplayRole));
    lines << cells.join(u'\t');
    for (const QModelIndex &row : std::as_const(rows)) {
        cells.clear();
        for (int c : columns)
            cells << cellText(row.siblingAtColumn(c).data(Qt::DisplayRole));
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

void enableRowCopy(QAbstractItemView *view)
{
    const QString name = QStringLiteral("rowCopier");
    if (view->findChild<QObject *>(name, Qt::FindDirectChildrenOnly))
        return;
    auto *copier = new RowCopier(view);
    copier->setObjectName(name);
    view->installEventFilter(copier);
}

FilterBox::FilterBox(QSortFilterProxyModel *proxy, const QString &placeholder, QWidget *parent) : QLineEdit(parent)
{
    setPlaceholderText(placeholder);
    setAccessibleName(placeholder);
    setClearButtonEnabled(true);
    proxy->setFilterKeyColumn(-1);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setRecursiveFilteringEnabled(true);
    connect(this, &QLineEdit::textChanged, proxy, [proxy](const QString &text) { proxy->setFilterFixedString(text); });
}

} // namespace srm
