// Copying rows out of the window's tables and narrowing them with a search box. Every table
// and tree view in the window gets Ctrl+C (enableRowCopy): the selected rows, in the order the
// view shows them, become tab-separated text with the header as the first line, which pastes as
// a table into a spreadsheet or a ticket. A FilterBox is the line edit above a table whose text
// narrows a QSortFilterProxyModel to the rows where any column contains it.
#pragma once

#include <QLineEdit>
#include <QString>

class QAbstractItemView;
class QSortFilterProxyModel;

namespace srm {

// The selected rows of `view` as tab-separated text: a header line, then one line per row in
// view order; hidden columns are left out; tabs and line breaks inside a cell become spaces.
// Empty when nothing is selected.
QString selectedRowsAsText(const QAbstractItemView *view);

// Makes Ctrl+C (QKeySequence::Copy) on `view` put selectedRowsAsText() on the clipboard.
void enableRowCopy(QAbstractItemView *view);

class FilterBox : public QLineEdit
{
    Q_OBJECT

public:
    // Filters `proxy` on every column, case-insensitively, as the user types.
    FilterBox(QSortFilterProxyModel *proxy, const QString &placeholder, QWidget *parent = nullptr);
};

} // namespace srm
