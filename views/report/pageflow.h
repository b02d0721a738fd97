// Page layout for the PDF report: content flows down pages of a fixed content rectangle as
// paint operations, laid out first and painted afterwards, so that every page knows the page
// count for its footer ("page N of M"). Text is wrapped with QTextLayout on the target device
// (at word boundaries, inside a word only when one is wider than its column), so no text is
// clipped; paragraphs break between lines; tables break between rows and repeat their header
// on every page they continue on; charts (blocks) stay whole. Coordinates are device pixels of
// the paint device the flow measures on (a QPdfWriter).
#pragma once

#include <QColor>
#include <QFont>
#include <QPageLayout>
#include <QRectF>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QPainter;
class QPaintDevice;
class QPagedPaintDevice;
class QTextLayout;

namespace srm::report {

// A run of a paragraph with its own weight or colour.
struct Span
{
    QString text;
    bool bold = false;
    QColor color; // invalid: the paragraph's colour
};

// Text laid out to a width, ready to be drawn line by line.
class WrappedText
{
public:
    WrappedText() = default;
    WrappedText(const std::vector<Span> &spans, const QFont &font, qreal width, const QPaintDevice *device,
                Qt::Alignment align = Qt::AlignLeft, qreal lineSpacing = 1.15);
    int lineCount() const;
    qreal height() const;             // all lines
    qreal lineTop(int line) const;    // from the top of the text
    qreal lineHeight(int line) const; // the line's advance, spacing included
    void drawLines(QPainter &painter, const QPointF &topLeft, int first, int count, const QColor &color) const;
    void draw(QPainter &painter, const QPointF &topLeft, const QColor &color) const;

private:
    std::shared_ptr<QTextLayout> m_layout;
    std::vector<qreal> m_tops;
    std::vector<qreal> m_advances;
};

struct TableColumn
{
    QString header;
    Qt::Alignment align = Qt::AlignLeft;
    bool wrap = true;     // a text column that may wrap; others keep their natural width if they can
    qreal fixedWidth = 0; // device pixels, for painted cells (sparklines); 0 = from the content
};

struct TableCell
{
    QString text;
    QColor color; // invalid: the table's text colour
    bool bold = false;
    QString note; // a second line in the muted colour (a theme under a title)
    // Drawn instead of the text (a sparkline), into the cell's rectangle less its padding.
    std::function<void(QPainter &, const QRectF &)> paint;
};

struct TableRow
{
    std::vector<TableCell> cells;
    bool group = false; // a sub-heading row: its first cell spans the table, kept with the next row
};

struct Table
{
    std::vector<TableColumn> columns;
    std::vector<TableRow> rows;
    QFont font;
    QFont headerFont;
    QColor text;
    QColor mutedText; // the header
    QColor rule;
    QColor groupFill;
    qreal paintedRowHeight = 0;      // at least this tall when a row has a painted cell
    std::vector<qreal> columnWidths; // device pixels; empty: from the content (PageFlow::columnWidths)
};

// The shape of a page: its orientation, the whole page and the part the flow fills (device pixels).
struct PageGeometry
{
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    QRectF page;
    QRectF content;
};

class PageFlow
{
public:
    using PaintOp = std::function<void(QPainter &)>;

    PageFlow(const QPaintDevice *device, const PageGeometry &geometry);

    const QPaintDevice *device() const { return m_device; }
    const QRectF &content() const { return m_content; }
    qreal pt(qreal points) const { return points * m_dpi / 72.0; }
    qreal mm(qreal millimetres) const { return millimetres * m_dpi / 25.4; }

    int pageCount() const { return int(m_pages.size()); }
    int currentPage() const { return int(m_pages.size()) - 1; } // 0-based
    qreal y() const { return m_y; }
    qreal remaining() const { return m_content.bottom() - m_y; }
    bool atPageTop() const { return m_pages.back().empty(); }

    // A new page, unless the current one is still empty.
    void newPage();
    // The shape of the pages started from now on (and of the current one while it is empty).
    void setGeometry(const PageGeometry &geometry);
    // Vertical space (dropped at the top of a page).
    void space(qreal height);
    // A new page unless `height` fits below the current position.
    void keep(qreal height);
    // Drawn as it is, at the current position, without moving it (backgrounds, page furniture).
    void paintAt(PaintOp op);
    // A block drawn whole: `height` tall, the content's width; a new page first when it does not fit.
    void block(qreal height, std::function<void(QPainter &, const QRectF &)> paint);
    // Wrapped text; breaks between lines at the bottom of a page.
    void paragraph(const std::vector<Span> &spans, const QFont &font, const QColor &color, qreal indent = 0,
                   Qt::Alignment align = Qt::AlignLeft);
    void paragraph(const QString &text, const QFont &font, const QColor &color, qreal indent = 0);
    // A heading kept with the `keepWithNext` pixels that follow it.
    void heading(const QString &text, const QFont &font, const QColor &color, qreal keepWithNext);
    // A table across pages, its header repeated on each.
    void table(const Table &table);
    // The widths table() gives the columns at the content's width: natural widths when they fit
    // (spare room to the text columns), else text columns narrowed towards their longest word.
    // Several tables can share one set, so that their columns line up.
    std::vector<qreal> columnWidths(const Table &table) const;
    // The height a wrapped text would take at the content's width less `indent`.
    qreal textHeight(const std::vector<Span> &spans, const QFont &font, qreal indent = 0) const;

    // Moves the pages of `other` (laid out on the same device and content) after these.
    void append(PageFlow &&other);

    // Paints every page, starting a new page of `device` (in that page's orientation) between
    // them, then `decorate` on each (page index from 0, page count, its geometry): footers.
    void render(QPainter &painter, QPagedPaintDevice &device,
                const std::function<void(QPainter &, int page, int pages, const PageGeometry &)> &decorate) const;

private:
    struct TableLayout;
    struct Page
    {
        PageGeometry geometry;
        std::vector<PaintOp> ops;
        bool empty() const { return ops.empty(); }
    };
    void add(PaintOp op);
    void startPage();
    qreal cellPaddingX() const { return pt(3); }

    const QPaintDevice *m_device;
    PageGeometry m_geometry; // of the current page
    QRectF m_content;        // m_geometry.content
    qreal m_dpi;
    qreal m_y;
    std::vector<Page> m_pages;
};

} // namespace srm::report
