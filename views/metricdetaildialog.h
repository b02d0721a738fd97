// A metric on its own (opened from a dashboard tile): its name and status, the catalogue's
// definition, how it is counted, and the detail chart (weekly series with p50/p90, target and
// n per week). It follows new snapshots while open.
#pragma once

#include "views/workspacesnapshot.h"

#include <QDialog>

class QLabel;

namespace srm {

class ChartWidget;

class MetricDetailDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MetricDetailDialog(QWidget *parent = nullptr);

    void showMetric(const QString &metricId, SnapshotPtr snapshot);
    void setSnapshot(SnapshotPtr snapshot);
    QString metricId() const { return m_id; }
    ChartWidget *chartWidget() const { return m_chart; }
    QString definitionText() const;

private:
    void refresh();

    QString m_id;
    SnapshotPtr m_snapshot;
    QLabel *m_title;
    QLabel *m_definition;
    QLabel *m_facts;
    ChartWidget *m_chart;
};

} // namespace srm
