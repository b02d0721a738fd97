#include "views/metricdetaildialog.h"

#include "views/chartwidget.h"
#include "views/charts/valueformat.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace srm {

MetricDetailDialog::MetricDetailDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("metricDetail"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_definition = new QLabel(this);
    m_definition->setObjectName(QStringLiteral("definition"));
    m_definition->setWordWrap(true);
    m_definition->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts = new QLabel(this);
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    m_chart = new ChartWidget(this);
    m_chart->setObjectName(QStringLiteral("detailChart"));
    m_chart->setMinimumSize(640, 360);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_title);
    layout->addWidget(m_definition);
    layout->addWidget(m_facts);
    layout->addWidget(m_chart, 1);
    layout->addWidget(buttons);
    resize(860, 560);
}

void MetricDetailDialog::showMetric(const QString &metricId, SnapshotPtr snapshot)
{
    m_id = metricId;
    m_snapshot = std::move(snapshot);
    refresh();
}

void MetricDetailDialog::setSnapshot(SnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    refresh();
}

QString MetricDetailDialog::definitionText() const
{
    return m_definition->text();
}

void MetricDetailDialog::refresh()
{
    const MetricResult *m = m_snapshot ? m_snapshot->analysis.metrics.find(m_id) : nullptr;
    if (!m) {
        m_chart->setChart(nullptr);
        return;
    }
    const QString name = QCoreApplication::translate("srm::MetricCatalogue", m->def->name);
    setWindowTitle(tr("%1 — SRE Roadmap").arg(name));
    m_title->setText(QStringLiteral("<span style='font-size:x-large; font-weight:600'>%1</span>&nbsp;&nbsp;%2")
                         .arg(name.toHtmlEscaped(), charts::metricTileValueText(*m).toHtmlEscaped()));
    m_definition->setText(QCoreApplication::translate("srm::MetricCatalogue", m->def->definition));
    const AnalysisWindow &w = m_snapshot->window;
    m_facts->setText(tr("Theme: %1 · unit: %2 · %3 is better · counted by %4 in the window %5 to %6 (%7 days) · "
                        "target from setting <tt>target.%8</tt>")
                         .arg(MetricCatalogue::themeName(m->def->theme),
                              m->def->unit == Unit::Ratio ? tr("ratio") : MetricCatalogue::unitLabel(m->def->unit),
                              m->def->better == Better::Higher ? tr("higher") : tr("lower"),
                              QString::fromLatin1(m->def->anchor), formatDate(w.from()), formatDate(w.to() - 1))
                         .arg(w.days)
                         .arg(m->id()));
    const SnapshotPtr snapshot = m_snapshot;
    const QString id = m_id;
    m_chart->setChart(std::make_shared<charts::FunctionChart>(
        name, [snapshot, id](QPainter &p, const QRectF &r, const charts::ChartStyle &s) {
            if (const MetricResult *metric = snapshot->analysis.metrics.find(id))
                charts::paintMetricDetail(p, r, *metric, s);
        }));
}

} // namespace srm
