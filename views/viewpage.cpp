#include "views/viewpage.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace srm {

ViewPage::ViewPage(ViewId id, WorkspaceEditor *editor, QWidget *parent)
    : QWidget(parent), m_id(id), m_editor(editor)
{
    setObjectName(viewName(id));
    setAccessibleName(viewTitle(id));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_empty = new QLabel(tr("<h3>No workspace is open</h3>"
                            "<p>Open one with <b>File › Open…</b> (Ctrl+O), or create one with <b>File › New Workspace…</b>.</p>"
                            "<p>To explore, write the demo workspace from a terminal:<br><tt>sre-roadmap demo demo.srmap</tt></p>"),
                         m_stack);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);

    m_page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(m_page);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->setSpacing(8);
    m_headline = new QLabel(m_page);
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_headline);
    m_stack->addWidget(m_page);
    m_stack->setCurrentWidget(m_empty);
}

void ViewPage::setContent(QWidget *content)
{
    static_cast<QVBoxLayout *>(m_page->layout())->addWidget(content, 1);
}

void ViewPage::setHeadline(const QString &text)
{
    m_headline->setText(QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span>&nbsp;&nbsp;&nbsp;%2")
                            .arg(viewTitle(m_id).toHtmlEscaped(), text));
}

QString ViewPage::headline() const
{
    return m_headline->text();
}

void ViewPage::setSnapshot(SnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    if (!m_snapshot) {
        m_pending = false;
        clearSnapshot();
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_pending = true;
    if (isVisible())
        applyPending();
}

void ViewPage::applyPending()
{
    if (!m_pending || !m_snapshot)
        return;
    m_pending = false;
    m_stack->setCurrentWidget(m_page);
    showSnapshot(m_snapshot);
}

void ViewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    applyPending();
}

} // namespace srm
