// The one-page HTML summary (`export --html OUT.html`) that a cron job mails as the daily
// reliability e-mail: the executive summary's three answers, the themes, the roll-up with an
// inline SVG sparkline per metric (paintSparkline through renderSvg, the window's routine), the
// SLOs, the top alert groups and the next quarter of the roadmap. Self-contained: inline styles
// and inline SVG only, no script, no style sheet, no font, no image and no link to fetch. It is
// well-formed XML (XHTML syntax in an HTML5 document), so mail tools and XML parsers both read it.
#pragma once

#include "views/report/exportfile.h"
#include "views/report/reportdata.h"

#include <QByteArray>
#include <QString>

namespace srm::report {

QByteArray htmlSummary(const ReportData &data);

// Writes htmlSummary() to `path` ("-": standard output) through writeOutput(); throws ExportError.
void writeHtmlSummary(const ReportData &data, const QString &path, const OutputPolicy &policy = {});

// An SVG document from renderSvg() made fit for inlining in HTML: the XML declaration, the
// namespaces, <title> and <desc> removed; `width` × `height` shown, the export margin of
// renderSvg() cropped by the viewBox; `label` as its accessible name.
QByteArray inlineSvg(const QByteArray &svg, int width, int height, int margin, const QString &label);

} // namespace srm::report
