#include "views/incidentsview.h"

#include "views/charts/incidentcharts.h"
#include "views/charts/valueformat.h"
#include "views/chartwidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace srm {

IncidentsView::IncidentsView(WorkspaceEditor *editor, QWidget *parent) : ViewPage(ViewId::Incidents, editor, parent)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_durations = new ChartWidget(splitter);
    m_durations->setObjectName(QStringLiteral("durationsChart"));
    // The phases: the longest incidents (a cap the user sets), narrowed by a filter.
    auto *phasesPane = new QWidget(splitter);
    auto *phasesLayout = new QVBoxLayout(phasesPane);
    phasesLayout->setContentsMargins(0, 0, 0, 0);
    auto *controls = new QHBoxLayout;
    m_filter = new QLineEdit(phasesPane);
    m_filter->setObjectName(QStringLiteral("phaseFilter"));
    m_filter->setPlaceholderText(tr("Filter incidents by id, service, title or severity"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter incidents"));
    controls->addWidget(m_filter, 1);
    auto *capLabel = new QLabel(tr("&Rows"), phasesPane);
    m_rowCap = new QSpinBox(phasesPane);
    m_rowCap->setObjectName(QStringLiteral("phaseRowCap"));
    m_rowCap->setRange(1, 500);
    m_rowCap->setValue(charts::PhaseOptions().maxRows);
    m_rowCap->setToolTip(tr("At most this many incidents, the longest first (fewer when fewer fit)"));
    capLabel->setBuddy(m_rowCap);
    controls->addWidget(capLabel);
    controls->addWidget(m_rowCap);
    phasesLayout->addLayout(controls);
    m_phases = new ChartWidget(phasesPane);
    m_phases->setObjectName(QStringLiteral("phasesChart"));
    phasesLayout->addWidget(m_phases, 1);
    connect(m_filter, &QLineEdit::textChanged, m_phases, qOverload<>(&QWidget::update));
    connect(m_rowCap, &QSpinBox::valueChanged, m_phases, qOverload<>(&QWidget::update));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    setContent(splitter);
    connect(m_phases, &ChartWidget::itemClicked, this, [this](const QString &id) {
        m_selected = id == m_selected ? QString() : id;
        m_phases->update();
    });
}

namespace {
QString p50Of(const DurationStats &s)
{
    return s.p50 ? charts::formatDuration(s.unit == Unit::Hours ? *s.p50 * 60 : *s.p50) : QStringLiteral("–");
}

QString incidentStory(const IncidentTimeline &t)
{
    QString text = QStringLiteral("%1 · %2 · %3\n%4")
                       .arg(t.incidentId,
                            t.severity.isEmpty() ? QCoreApplication::translate("srm::IncidentsView", "no severity")
                                                 : t.severity,
                            t.service, t.title);
    text += QCoreApplication::translate("srm::IncidentsView", "\nstarted %1").arg(formatIso(t.startedAt));
    const char *names[] = {
        QT_TRANSLATE_NOOP("srm::IncidentsView", "detect"), QT_TRANSLATE_NOOP("srm::IncidentsView", "acknowledge"),
        QT_TRANSLATE_NOOP("srm::IncidentsView", "mitigate"), QT_TRANSLATE_NOOP("srm::IncidentsView", "resolve")};
    for (const IncidentTimeline::Span &s : t.phases())
        text += QStringLiteral("\n%1: %2")
                    .arg(QCoreApplication::translate("srm::IncidentsView", names[int(s.phase)]),
                         charts::formatDuration(double(s.end - s.start) / double(kMicrosPerMinute)));
    if (!t.resolvedAt)
        text += QCoreApplication::translate("srm::IncidentsView", "\nnot resolved");
    return text;
}
} // namespace

charts::PhaseOptions IncidentsView::phaseOptions() const
{
    charts::PhaseOptions options;
    options.filter = m_filter->text().trimmed();
    options.maxRows = m_rowCap->value();
    return options;
}

void IncidentsView::showSnapshot(const SnapshotPtr &snapshot)
{
    const IncidentReport &r = snapshot->analysis.incidents;
    m_durations->setChart(std::make_shared<charts::FunctionChart>(
        tr("Incident durations"), [snapshot](QPainter &p, const QRectF &rect, const charts::ChartStyle &s) {
            charts::paintIncidentDurations(p, rect, snapshot->analysis.incidents, s);
        }));
    m_phases->setChart(std::make_shared<charts::FunctionChart>(
        tr("Incident phases"),
        [this, snapshot](QPainter &p, const QRectF &rect, const charts::ChartStyle &s) {
            charts::PhaseOptions options = phaseOptions();
            options.selectedIncident = m_selected;
            charts::paintIncidentPhases(p, rect, snapshot->analysis.incidents, s, options);
        },
        [this, snapshot](const QRectF &rect, const charts::ChartStyle &s, const QPaintDevice *d, const QPointF &pos) {
            return charts::incidentPhasesAt(rect, snapshot->analysis.incidents, s, d, pos, phaseOptions());
        }));
    m_phases->setToolTipProvider([snapshot](const QString &id) {
        for (const IncidentTimeline &t : snapshot->analysis.incidents.incidents)
            if (t.incidentId == id)
                return incidentStory(t);
        return QString();
    });
    setHeadline(tr("%1 incidents started in the window · median from the incident's start to detection %2, to first "
                   "acknowledgement %3, to resolution %4")
                    .arg(r.incidents.size())
                    .arg(p50Of(r.timeToDetect), p50Of(r.timeToAcknowledge), p50Of(r.timeToRestore)));
}

void IncidentsView::clearSnapshot()
{
    m_durations->setChart(nullptr);
    m_phases->setChart(nullptr);
}

} // namespace srm
