// The metrics a debt item is linked to, edited as a checkable list of the whole catalogue
// (docs/debt-and-roadmap.md#linked-metrics): one row per metric, grouped by theme in catalogue
// order, each with where it stands in the default window (so the lead sees which link raises a
// priority). Only catalogue metrics can be ticked, so the list never produces an unknown id. The
// debt item dialog embeds it; the debt view's "Linked Metrics…" opens it alone.
#pragma once

#include "planning/gapfactor.h"

#include <QListWidget>

#include <vector>

namespace srm {

class LinkedMetricsList : public QListWidget
{
    Q_OBJECT

public:
    // `basis`: the default window's standings shown beside each metric (none when not evaluated).
    explicit LinkedMetricsList(const GapBasis &basis = {}, QWidget *parent = nullptr);

    void setLinked(const std::vector<MetricId> &linked);
    std::vector<MetricId> linked() const; // catalogue order
    // Ticks or clears one metric (tests; the user clicks).
    void setChecked(MetricId metric, bool on);
};

} // namespace srm
