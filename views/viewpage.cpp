#include "views/viewpage.h"

#include "views/charts/valueformat.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace srm {

void updateBanners(QWidget *page, const WorkspaceSnapshot &snapshot);

namespace {

// A line across the top of a page with buttons for what to do about it. Its buttons carry object
// names the main window connects to its actions (app/mainwindow.cpp), so a page needs no
// knowledge of files, dialogs or the demo.
QFrame *banner(QWidget *parent, const QString &name, const QList<std::pair<const char *, QString>> &buttons)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(name);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    QPalette pal = frame->palette();
    pal.setColor(QPalette::Window, pal.color(QPalette::ToolTipBase));
    pal.setColor(QPalette::WindowText, pal.color(QPalette::ToolTipText));
    frame->setPalette(pal);
    auto *layout = new QHBoxLayout(frame);
    layout->setContentsMargins(10, 6, 10, 6);
    auto *text = new QLabel(frame);
    text->setObjectName(name + QStringLiteral("Text"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    layout->addWidget(text, 1);
    for (const auto &[buttonName, label] : buttons) {
        auto *b = new QPushButton(label, frame);
        b->setObjectName(QLatin1StringView(buttonName));
        layout->addWidget(b);
    }
    frame->hide();
    return frame;
}

// The first day with data in the window: the earliest week in which any metric counted an event
// (a deployment, an incident, a page). Nullopt when the window holds none.
std::optional<Micros> firstDataWeek(const MetricsReport &report)
{
    std::optional<Micros> first;
    for (const MetricResult &m : report.metrics) {
        // Toil ratio (open debt now) and SLO compliance (as of the end) count no events.
        if (!m.def || m.def->key == MetricId::ToilRatio || m.def->key == MetricId::SloCompliance)
            continue;
        for (const WeeklyPoint &w : m.weekly)
            if (w.n > 0) {
                if (!first || w.start < *first)
                    first = w.start;
                break;
            }
    }
    return first;
}

} // namespace

ViewPage::ViewPage(ViewId id, WorkspaceEditor *editor, QWidget *parent) : QWidget(parent), m_id(id), m_editor(editor)
{
    setObjectName(viewName(id));
    setAccessibleName(viewTitle(id));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    // No workspace open: what to do, as buttons (the main window connects them).
    auto *emptyPage = new QWidget(m_stack);
    emptyPage->setObjectName(QStringLiteral("emptyPage"));
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch(1);
    m_empty = new QLabel(tr("<h3>No workspace is open</h3>"
                            "<p>A workspace is one file (.srmap) that holds your imported data, settings and "
                            "operational debt.<br>Create one and import files, open one you have, or explore the "
                            "demo: an online shop of eleven services over six quarters.</p>"),
                         emptyPage);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setWordWrap(true);
    emptyLayout->addWidget(m_empty);
    auto *emptyButtons = new QHBoxLayout;
    emptyButtons->addStretch(1);
    for (const auto &[name, label] : {std::pair{"emptyNew", tr("New Workspace…")}, std::pair{"emptyOpen", tr("Open…")},
                                      std::pair{"emptyDemo", tr("Open the Demo")}}) {
        auto *b = new QPushButton(label, emptyPage);
        b->setObjectName(QLatin1StringView(name));
        emptyButtons->addWidget(b);
    }
    emptyButtons->addStretch(1);
    emptyLayout->addLayout(emptyButtons);
    emptyLayout->addStretch(2);
    m_stack->addWidget(emptyPage);

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
    layout->addWidget(banner(m_page, QStringLiteral("noDataBanner"),
                             {{"noDataImport", tr("Import…")},
                              {"noDataDemo", tr("Open the Demo")},
                              {"noDataTeamSize", tr("Set Team Size…")}}));
    layout->addWidget(
        banner(m_page, QStringLiteral("dilutionBanner"), {{"dilutionFit", tr("Start the Window at the Data")}}));
    m_stack->addWidget(m_page);
    m_stack->setCurrentWidget(emptyPage);
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
        m_stack->setCurrentWidget(m_empty->parentWidget());
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
    updateBanners(this, *m_snapshot);
}

} // namespace srm

namespace {

QString dayText(srm::Micros t)
{
    return QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(t / 1000, QTimeZone::utc()).date(),
                                 QStringLiteral("d MMM yyyy"));
}

} // namespace

namespace srm {

// An empty workspace says what to do first; a window that starts weeks before the first data
// says that rates are divided over those empty weeks (docs/decisions.md (Window dilution)).
void updateBanners(QWidget *page, const WorkspaceSnapshot &snapshot)
{
    auto *noData = page->findChild<QFrame *>(QStringLiteral("noDataBanner"));
    auto *dilution = page->findChild<QFrame *>(QStringLiteral("dilutionBanner"));
    const bool empty = !snapshot.latestEvent && snapshot.debtItems.empty();
    noData->findChild<QLabel *>(QStringLiteral("noDataBannerText"))
        ->setText(ViewPage::tr(
            "<b>This workspace holds no data yet.</b> Import deployments, incidents, pages or SLO data (CSV, "
            "JSON, YAML; File › Import…, or drop files on the window), or open the demo to explore. Toil "
            "ratio also needs the team size."));
    noData->setVisible(empty);

    const AnalysisWindow &w = snapshot.window;
    const std::optional<Micros> first = firstDataWeek(snapshot.analysis.metrics);
    const Micros emptyDays = first ? (*first - w.from()) / kMicrosPerDay : 0;
    const bool diluted = !empty && first && emptyDays >= 7;
    if (diluted) {
        const int dataDays = int((w.to() - *first + kMicrosPerDay - 1) / kMicrosPerDay);
        dilution->setProperty("days", dataDays);
        dilution->findChild<QLabel *>(QStringLiteral("dilutionBannerText"))
            ->setText(ViewPage::tr(
                          "<b>The window starts %1 days before the first data in it</b> (%2 to %3). Rates per day and "
                          "per week (deployment frequency, pages per week) are divided over all %4 days of the window, "
                          "empty weeks included.")
                          .arg(emptyDays)
                          .arg(dayText(w.from()), dayText(*first))
                          .arg(w.days));
    }
    dilution->setVisible(diluted);
}

void ViewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    applyPending();
}

} // namespace srm
