// The incidents view (SPEC 10): time to detect, to acknowledge and to restore as distributions
// on one log time axis with p50, p90 and n, beside each incident's detect → acknowledge →
// mitigate → resolve phases; hovering an incident's row tells its story.
#pragma once

#include "views/viewpage.h"

namespace srm {

class ChartWidget;

class IncidentsView : public ViewPage
{
    Q_OBJECT

public:
    explicit IncidentsView(WorkspaceEditor *editor, QWidget *parent = nullptr);

    ChartWidget *durationsChart() const { return m_durations; }
    ChartWidget *phasesChart() const { return m_phases; }

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;

private:
    ChartWidget *m_durations;
    ChartWidget *m_phases;
    QString m_selected;
};

} // namespace srm
