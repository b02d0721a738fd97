// The executive PDF roadmap (docs/views-and-report.md#the-executive-pdf): from a ReportData
// (reportdata.h) it lays out, in this order, the cover; a one-page executive summary (the three
// questions, each theme's status and largest gaps, the roll-up table with sparklines, what is not
// measured); the small multiples (and the SLOs); the top alert groups with the Pareto chart;
// incident durations and phases; operational debt (the toil/cost quadrant and the ranked register);
// the roadmap by quarter (capacity, the critical path, the unscheduled items with reasons); and an
// appendix of metric definitions, data sources and settings. Charts are the window's paint routines
// (views/charts) in ChartStyle::print(), drawn as vectors onto a QPdfWriter page; fonts are
// embedded; every page has a footer with the as-of date and "page N of M"; the outline (bookmarks)
// has the cover and one entry per section (pdfoutline.h). Used by `sre-roadmap report` and by File
// › Export PDF… in the window.
#pragma once

#include "views/report/reportdata.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QIODevice;

namespace srm::report {

enum class PageSize { A4, Letter };
std::optional<PageSize> pageSizeFromName(QStringView name); // "A4", "Letter" (any case)
QString pageSizeName(PageSize size);

struct PdfSummary
{
    int pages = 0;
    QStringList sections;          // the section titles, in order
    std::vector<int> sectionPages; // the 1-based page each section starts on
};

class ReportRenderer
{
public:
    explicit ReportRenderer(const ReportData &data, PageSize pageSize = PageSize::A4);

    // Writes the PDF into `device` (open for writing).
    PdfSummary write(QIODevice &device) const;
    // Writes the PDF to `path` through QSaveFile (nothing is left there on failure); throws ExportError.
    PdfSummary writeFile(const QString &path) const;

    // The titles of docs/views-and-report.md's sections as the PDF prints them, in order (the cover has none).
    static QStringList sectionTitles();

private:
    // Lays out and paints the pages with QPdfWriter into `device` (no outline yet).
    PdfSummary render(QIODevice &device) const;

    const ReportData &m_data;
    PageSize m_pageSize;
};

} // namespace srm::report
