// Incident charts (docs/views-and-report.md#the-eight-views incidents view): duration distributions
// on a log time axis with p50, p90 and n marked — time to detect, to acknowledge and to restore on
// one shared axis and one shared count scale — and each incident's phases, detect → acknowledge →
// mitigate → resolve, as segments on a common "time since the incident started" axis. Figures come
// from the engine's IncidentReport (DurationStats, IncidentTimeline::phases()).
#pragma once

#include "engine/analysis.h"
#include "views/charts/chartstyle.h"

#include <QRectF>

#include <initializer_list>
#include <vector>

class QPainter;
class QPaintDevice;

namespace srm::charts {

// A log time axis in minutes and a count scale shared by several distributions: histogram
// bins of a quarter decade each; durations of zero or less fall in the first bin.
struct DurationAxis
{
    double loMinutes = 1;
    double hiMinutes = 1000;
    std::int64_t countMax = 1; // the fullest bin of any of the distributions
    static constexpr int kBinsPerDecade = 4;
    static DurationAxis forStats(std::initializer_list<const DurationStats *> stats);
};

// One distribution: the histogram, p50 and p90 lines, and "n" in its heading.
void paintDurationDistribution(QPainter &painter, const QRectF &rect, const QString &title, const DurationStats &stats,
                               const DurationAxis &axis, const ChartStyle &style);

// Time to detect, to acknowledge and to restore, stacked on one axis.
void paintIncidentDurations(QPainter &painter, const QRectF &rect, const IncidentReport &report,
                            const ChartStyle &style);

struct PhaseOptions
{
    QString selectedIncident;
    // Only incidents whose id, service, title or severity contains this (any case).
    QString filter;
    // At most this many rows, the longest incidents first (200 unlabelled rows read as noise);
    // fewer when fewer labelled rows fit.
    int maxRows = 25;
};

// The incidents the phases chart shows: of those matching the filter (`matching` of them), the
// longest (by their last known milestone; equal ones latest first), at most maxRows. Indexes
// into report.incidents.
std::vector<std::size_t> phaseRows(const IncidentReport &report, const PhaseOptions &options,
                                   std::size_t *matching = nullptr);

// One row per incident (the longest at the top; the rest counted in a note: "the longest 25 of
// 200 incidents; 175 not shown"), its phases as coloured segments from its start, with a legend
// and a labelled axis in hours.
void paintIncidentPhases(QPainter &painter, const QRectF &rect, const IncidentReport &report, const ChartStyle &style,
                         const PhaseOptions &options = {});

// The incident whose row is under `pos`, or an empty string.
QString incidentPhasesAt(const QRectF &rect, const IncidentReport &report, const ChartStyle &style,
                         const QPaintDevice *device, const QPointF &pos, const PhaseOptions &options = {});

} // namespace srm::charts
