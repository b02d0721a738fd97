// The PDF's outline (bookmarks): one entry per section, pointing at the page it starts on, so a
// reader jumps to "Roadmap" from the viewer's side panel. QPdfWriter (Qt 6.4) has no outline
// API, so the finished PDF is given one afterwards with PoDoFo (Debian libpodofo-dev), a
// maintained PDF library, as an incremental update: QPdfWriter's bytes stay as they are and the
// outline objects, the catalogue that names them (with /PageMode /UseOutlines, so viewers open
// the panel) and a new cross-reference section are appended. Hand-writing those objects would
// mean parsing QPdfWriter's cross-reference table ourselves; a library that reads any PDF is the
// sounder way (docs/decisions.md).
#pragma once

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace srm::report {

struct OutlineEntry
{
    QString title;
    int page = 0; // 0-based page index
};

// `pdf` with an outline of `entries`, in order, at the top level; throws ExportError when the
// PDF cannot be read or written.
QByteArray withOutline(const QByteArray &pdf, const std::vector<OutlineEntry> &entries);

// The outline of `pdf` as (title, 0-based page) pairs, in order (tests, and to check a file).
std::vector<OutlineEntry> readOutline(const QByteArray &pdf);

} // namespace srm::report
