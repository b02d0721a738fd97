// The incidents view (docs/views-and-report.md#the-eight-views): time to detect, to acknowledge and
// to restore as distributions on one log time axis with p50, p90 and n, beside each incident's
// detect → acknowledge → mitigate → resolve phases; hovering an incident's row tells its story.
#pragma once

#include "views/charts/incidentcharts.h"
#include "views/viewpage.h"

class QLineEdit;
class QSpinBox;

namespace srm {

class ChartWidget;

class IncidentsView : public ViewPage
{
    Q_OBJECT

public:
    explicit IncidentsView(WorkspaceEditor *editor, QWidget *parent = nullptr);

    ChartWidget *durationsChart() const { return m_durations; }
    ChartWidget *phasesChart() const { return m_phases; }
    // The phases chart's filter (id, service, title or severity) and row cap.
    QLineEdit *phaseFilter() const { return m_filter; }
    QSpinBox *phaseRowCap() const { return m_rowCap; }

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;

private:
    charts::PhaseOptions phaseOptions() const;

    ChartWidget *m_durations;
    ChartWidget *m_phases;
    QLineEdit *m_filter;
    QSpinBox *m_rowCap;
    QString m_selected;
};

} // namespace srm
