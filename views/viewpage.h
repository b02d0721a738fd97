// The base of the eight views of docs/views-and-report.md#the-eight-views: a page of the main window that shows one
// WorkspaceSnapshot. A page shows a headline (what it shows, in one line) over its content, or
// an empty state while no workspace is open. A new snapshot is applied at once when the page is
// visible and when it is next shown otherwise, so recomputing does not redraw hidden pages.
#pragma once

#include "views/viewids.h"
#include "views/workspacesnapshot.h"

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace srm {

class WorkspaceEditor;

class ViewPage : public QWidget
{
    Q_OBJECT

public:
    ViewPage(ViewId id, WorkspaceEditor *editor, QWidget *parent = nullptr);

    ViewId viewId() const { return m_id; }
    void setSnapshot(SnapshotPtr snapshot);
    SnapshotPtr snapshot() const { return m_snapshot; }
    // Applies a snapshot that is waiting for the page to be shown (screenshots, tests).
    void applyPending();
    QString headline() const;

protected:
    // Puts `content` under the headline; call once from the constructor.
    void setContent(QWidget *content);
    void setHeadline(const QString &text);
    WorkspaceEditor *editor() const { return m_editor; }
    // Shows a snapshot (never null) in the page's widgets.
    virtual void showSnapshot(const SnapshotPtr &snapshot) = 0;
    // The page has no workspace to show: drop what it holds.
    virtual void clearSnapshot() { }

    void showEvent(QShowEvent *event) override;

private:
    ViewId m_id;
    WorkspaceEditor *m_editor;
    QStackedWidget *m_stack;
    QWidget *m_page;
    QLabel *m_headline;
    QLabel *m_empty;
    SnapshotPtr m_snapshot;
    bool m_pending = false;
};

} // namespace srm
