#include "views/report/pageflow.h"

#include "store/texthygiene.h"

#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QRegularExpression>
#include <QTextLayout>

#include <algorithm>
#include <numeric>

namespace srm::report {

// --- Text as laid out ---------------------------------------------------------------------------

namespace {

// docs/hostile-input.md#text: a text is laid out in time linear in its length. QTextLayout
// breaks a word wider than its column anywhere, but looks for the word's end again for every
// line: a 1 MB word took 21 s. A zero-width space every kRun characters of a run without a
// break opportunity gives it places to break; text beyond kMaxChars (only a workspace written
// by hand holds such) is cut with a note of how much was left out.
constexpr qsizetype kRun = 40;
constexpr qsizetype kMaxChars = 20000;

// A table row does not break across pages, so a cell holds at most kMaxCellChars characters;
// the CSV export has the whole text.
constexpr qsizetype kMaxCellChars = 1000;

QString cellText(const QString &text)
{
    if (text.size() <= kMaxCellChars)
        return text;
    return text.left(kMaxCellChars) + QStringLiteral(" … (%1 more characters)").arg(text.size() - kMaxCellChars);
}

QString layoutText(const QString &text)
{
    const QString t = text.size() <= kMaxChars
        ? text
        : text.left(kMaxChars) + QStringLiteral(" … (%1 more characters)").arg(text.size() - kMaxChars);
    QString out;
    out.reserve(t.size() + t.size() / kRun);
    qsizetype run = 0;
    for (const QChar c : t) {
        if (c.isSpace() || c == u'-' || c == QChar(0x200b)) {
            run = 0;
        } else if (++run > kRun && !c.isLowSurrogate() && !c.isMark()) {
            out += QChar(0x200b);
            run = 1;
        }
        out += c;
    }
    return out;
}

} // namespace

// --- WrappedText -------------------------------------------------------------------------------

WrappedText::WrappedText(const std::vector<Span> &spans, const QFont &font, qreal width, const QPaintDevice *device,
                         Qt::Alignment align, qreal lineSpacing)
{
    QString text;
    QList<QTextLayout::FormatRange> formats;
    for (const Span &s : spans) {
        // Each span on its own: bidi controls in one (a title) cannot reverse the next.
        const QString part = hygiene::isolate(layoutText(s.text));
        if (s.bold || s.color.isValid()) {
            QTextLayout::FormatRange r;
            r.start = int(text.size());
            r.length = int(part.size());
            if (s.bold)
                r.format.setFontWeight(QFont::Bold);
            if (s.color.isValid())
                r.format.setForeground(s.color);
            formats.append(r);
        }
        text += part;
    }
    // QTextLayout shows U+2028 as a line break; a newline in our text means the same.
    text.replace(u'\n', QChar::LineSeparator);
    m_layout = std::make_shared<QTextLayout>(text, font, const_cast<QPaintDevice *>(device));
    QTextOption option(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_layout->setTextOption(option);
    m_layout->setFormats(formats);
    m_layout->setCacheEnabled(true);
    m_layout->beginLayout();
    qreal y = 0;
    for (;;) {
        QTextLine line = m_layout->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(std::max<qreal>(width, 1));
        line.setPosition(QPointF(0, y));
        const qreal advance = line.height() * lineSpacing;
        m_tops.push_back(y);
        m_advances.push_back(advance);
        y += advance;
    }
    m_layout->endLayout();
}

int WrappedText::lineCount() const
{
    return int(m_tops.size());
}

qreal WrappedText::height() const
{
    return m_tops.empty() ? 0 : m_tops.back() + m_advances.back();
}

qreal WrappedText::lineTop(int line) const
{
    return m_tops[std::size_t(line)];
}

qreal WrappedText::lineHeight(int line) const
{
    return m_advances[std::size_t(line)];
}

void WrappedText::drawLines(QPainter &painter, const QPointF &topLeft, int first, int count, const QColor &color) const
{
    if (!m_layout)
        return;
    painter.save();
    painter.setPen(color);
    const QPointF origin = topLeft - QPointF(0, m_tops[std::size_t(first)]);
    for (int i = first; i < first + count && i < lineCount(); ++i)
        m_layout->lineAt(i).draw(&painter, origin);
    painter.restore();
}

void WrappedText::draw(QPainter &painter, const QPointF &topLeft, const QColor &color) const
{
    if (lineCount() > 0)
        drawLines(painter, topLeft, 0, lineCount(), color);
}

// --- PageFlow ----------------------------------------------------------------------------------

PageFlow::PageFlow(const QPaintDevice *device, const PageGeometry &geometry)
    : m_device(device),
      m_geometry(geometry),
      m_content(geometry.content),
      m_dpi(device->logicalDpiY()),
      m_y(geometry.content.top())
{
    m_pages.push_back({m_geometry, {}});
}

void PageFlow::add(PaintOp op)
{
    m_pages.back().ops.push_back(std::move(op));
}

void PageFlow::startPage()
{
    m_pages.push_back({m_geometry, {}});
    m_y = m_content.top();
}

void PageFlow::setGeometry(const PageGeometry &geometry)
{
    m_geometry = geometry;
    m_content = geometry.content;
    if (atPageTop()) {
        m_pages.back().geometry = geometry;
        m_y = m_content.top();
    }
}

void PageFlow::newPage()
{
    if (!atPageTop())
        startPage();
}

void PageFlow::space(qreal height)
{
    if (!atPageTop())
        m_y = std::min(m_y + height, m_content.bottom());
}

void PageFlow::keep(qreal height)
{
    if (height > remaining())
        newPage();
}

void PageFlow::paintAt(PaintOp op)
{
    add(std::move(op));
}

void PageFlow::block(qreal height, std::function<void(QPainter &, const QRectF &)> paint)
{
    keep(height);
    const QRectF r(m_content.left(), m_y, m_content.width(), std::min(height, m_content.height()));
    add([paint = std::move(paint), r](QPainter &p) { paint(p, r); });
    m_y += r.height();
}

qreal PageFlow::textHeight(const std::vector<Span> &spans, const QFont &font, qreal indent) const
{
    return WrappedText(spans, font, m_content.width() - indent, m_device).height();
}

void PageFlow::paragraph(const std::vector<Span> &spans, const QFont &font, const QColor &color, qreal indent,
                         Qt::Alignment align)
{
    auto text = std::make_shared<WrappedText>(spans, font, m_content.width() - indent, m_device, align);
    int line = 0;
    while (line < text->lineCount()) {
        // As many lines as fit here (at least one on an empty page).
        int count = 0;
        qreal h = 0;
        while (line + count < text->lineCount() && h + text->lineHeight(line + count) <= remaining() + 0.5) {
            h += text->lineHeight(line + count);
            ++count;
        }
        if (count == 0 && !atPageTop()) {
            startPage();
            continue;
        }
        count = std::max(count, 1);
        const QPointF at(m_content.left() + indent, m_y);
        add([text, at, line, count, color](QPainter &p) { text->drawLines(p, at, line, count, color); });
        m_y += text->lineTop(line + count - 1) + text->lineHeight(line + count - 1) - text->lineTop(line);
        line += count;
    }
}

void PageFlow::paragraph(const QString &text, const QFont &font, const QColor &color, qreal indent)
{
    paragraph(std::vector<Span>{{text}}, font, color, indent);
}

void PageFlow::heading(const QString &text, const QFont &font, const QColor &color, qreal keepWithNext)
{
    const std::vector<Span> spans{{text}};
    keep(textHeight(spans, font) + keepWithNext);
    paragraph(spans, font, color);
}

// --- Tables ------------------------------------------------------------------------------------

struct PageFlow::TableLayout
{
    std::vector<qreal> x;     // left edge of each column
    std::vector<qreal> width; // each column's width, padding included
    qreal padX = 0;
    qreal padY = 0;
    std::vector<WrappedText> header;
    qreal headerHeight = 0;
    std::vector<std::vector<WrappedText>> cells; // per row; a group row has one
    std::vector<qreal> rowHeight;
};

namespace {

// The widest word (no break inside it unless it is wider than its column).
qreal widestWord(const QFontMetricsF &fm, const QString &text)
{
    qreal w = 0;
    // Words as laid out: a run of more than kRun characters breaks (layoutText()).
    const QStringList words = layoutText(text).split(QRegularExpression(QStringLiteral("[\\s\\x{200b}]+")),
                                                     Qt::SkipEmptyParts);
    for (const QString &word : words)
        w = std::max(w, fm.horizontalAdvance(word));
    return w;
}

qreal widestLine(const QFontMetricsF &fm, const QString &text)
{
    qreal w = 0;
    const QStringList lines = (text.size() <= kMaxChars ? text : text.left(kMaxChars)).split(u'\n');
    for (const QString &line : lines)
        w = std::max(w, fm.horizontalAdvance(line));
    return w;
}

} // namespace

std::vector<qreal> PageFlow::columnWidths(const Table &t) const
{
    const std::size_t n = t.columns.size();
    const qreal padX = cellPaddingX();
    QFont bold = t.font;
    bold.setBold(true);
    const QFontMetricsF fm(t.font, m_device), fmBold(bold, m_device), fmHead(t.headerFont, m_device);

    // Natural (one line) and minimum (widest word) widths, padding included.
    std::vector<qreal> natural(n, 0), minimum(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
        const TableColumn &col = t.columns[c];
        if (col.fixedWidth > 0) {
            natural[c] = minimum[c] = col.fixedWidth + 2 * padX;
            continue;
        }
        natural[c] = widestWord(fmHead, col.header);
        qreal word = 0;
        for (const TableRow &row : t.rows) {
            if (row.group || c >= row.cells.size())
                continue;
            const TableCell &cell = row.cells[c];
            const QFontMetricsF &m = cell.bold ? fmBold : fm;
            natural[c] = std::max({natural[c], widestLine(m, cell.text), widestLine(fm, cell.note)});
            word = std::max({word, col.wrap ? widestWord(m, cell.text) : widestLine(m, cell.text),
                             col.wrap ? widestWord(fm, cell.note) : widestLine(fm, cell.note)});
        }
        // A text column keeps its longest word whole unless that is very long (a host name):
        // that one breaks inside rather than squeeze the other columns.
        minimum[c] = std::max(widestWord(fmHead, col.header),
                              col.wrap ? std::min(word, m_content.width() * 0.3) : word);
        // Slack for the shaped text, which may be a little wider than the metrics' advance.
        natural[c] += 2 * padX + pt(1.5);
        minimum[c] += 2 * padX + pt(1.5);
    }
    const qreal available = m_content.width();
    // Headers on one line when there is room for that too.
    std::vector<qreal> oneLineHeaders = natural;
    for (std::size_t c = 0; c < n; ++c)
        if (t.columns[c].fixedWidth <= 0)
            oneLineHeaders[c] = std::max(natural[c], widestLine(fmHead, t.columns[c].header) + 2 * padX + pt(1.5));
    if (std::accumulate(oneLineHeaders.begin(), oneLineHeaders.end(), qreal(0)) <= available)
        natural = oneLineHeaders;
    std::vector<qreal> width = natural;
    const qreal sumNatural = std::accumulate(natural.begin(), natural.end(), qreal(0));
    auto isText = [&](std::size_t c) { return t.columns[c].wrap && t.columns[c].fixedWidth <= 0; };
    auto widestTextColumn = [&] {
        std::size_t widest = n;
        for (std::size_t c = 0; c < n; ++c)
            if (isText(c) && (widest == n || minimum[c] > minimum[widest]))
                widest = c;
        return widest;
    };
    if (sumNatural <= available) {
        // Spare room goes to the text columns (or to all when there are none).
        qreal textNatural = 0;
        for (std::size_t c = 0; c < n; ++c)
            if (isText(c))
                textNatural += natural[c];
        const qreal spare = available - sumNatural;
        for (std::size_t c = 0; c < n; ++c)
            width[c] += textNatural > 0 ? (isText(c) ? spare * natural[c] / textNatural : 0) : spare / qreal(n);
    } else {
        qreal fixed = 0, textMin = 0, textStretch = 0;
        for (std::size_t c = 0; c < n; ++c) {
            if (isText(c)) {
                textMin += minimum[c];
                textStretch += natural[c] - minimum[c];
            } else {
                fixed += natural[c];
            }
        }
        if (fixed + textMin <= available) {
            const qreal spare = available - fixed - textMin;
            for (std::size_t c = 0; c < n; ++c)
                if (isText(c))
                    width[c] = minimum[c] + (textStretch > 0 ? spare * (natural[c] - minimum[c]) / textStretch : 0);
        } else if (const std::size_t widest = widestTextColumn(); fixed < available && widest < n
                   && minimum[widest] - (fixed + textMin - available) >= available * 0.15) {
            // Even the widest words do not fit: numbers stay whole, the other text columns keep
            // their widest word, and the widest text column gives up the difference, breaking
            // inside its words.
            for (std::size_t c = 0; c < n; ++c)
                if (isText(c))
                    width[c] = minimum[c];
            width[widest] -= fixed + textMin - available;
        } else {
            // Not even the numbers fit: every column shrinks in proportion and wraps inside
            // words (nothing is clipped).
            for (std::size_t c = 0; c < n; ++c)
                width[c] = natural[c] * available / sumNatural;
        }
    }
    return width;
}

void PageFlow::table(const Table &table)
{
    // Shared by the paint operations of every row.
    const auto shared = std::make_shared<const Table>(table);
    const Table &t = *shared;
    const std::size_t n = t.columns.size();
    if (n == 0)
        return;
    auto l = std::make_shared<TableLayout>();
    l->padX = cellPaddingX();
    l->padY = pt(2.2);
    const std::vector<qreal> width = t.columnWidths.size() == n ? t.columnWidths : columnWidths(t);
    const qreal available = std::accumulate(width.begin(), width.end(), qreal(0));
    qreal x = m_content.left();
    for (std::size_t c = 0; c < n; ++c) {
        l->x.push_back(x);
        l->width.push_back(width[c]);
        x += width[c];
    }

    for (std::size_t c = 0; c < n; ++c) {
        l->header.emplace_back(std::vector<Span>{{t.columns[c].header}}, t.headerFont, width[c] - 2 * l->padX, m_device,
                               t.columns[c].align, 1.05);
        l->headerHeight = std::max(l->headerHeight, l->header.back().height());
    }
    l->headerHeight += 2 * l->padY;
    for (const TableRow &row : t.rows) {
        std::vector<WrappedText> texts;
        qreal h = 0;
        if (row.group) {
            const QString text = row.cells.empty() ? QString() : row.cells.front().text;
            texts.emplace_back(std::vector<Span>{{text, true}}, t.font, available - 2 * l->padX, m_device);
            h = texts.back().height();
        } else {
            for (std::size_t c = 0; c < n; ++c) {
                const TableCell *cell = c < row.cells.size() ? &row.cells[c] : nullptr;
                if (!cell || cell->paint) {
                    texts.emplace_back();
                    if (cell)
                        h = std::max(h, t.paintedRowHeight);
                    continue;
                }
                std::vector<Span> spans{{cellText(cell->text), cell->bold}};
                if (!cell->note.isEmpty())
                    spans.push_back({u'\n' + cellText(cell->note), false, t.mutedText});
                texts.emplace_back(spans, t.font, width[c] - 2 * l->padX, m_device, t.columns[c].align, 1.05);
                h = std::max(h, texts.back().height());
            }
        }
        l->cells.push_back(std::move(texts));
        l->rowHeight.push_back(h + 2 * l->padY);
    }

    const qreal left = m_content.left(), right = m_content.left() + available;
    auto drawHeader = [this, l, shared, left, right, n]() {
        const qreal top = m_y;
        add([l, shared, top, left, right, n](QPainter &p) {
            const Table &t = *shared;
            for (std::size_t c = 0; c < n; ++c)
                l->header[c].draw(p, QPointF(l->x[c] + l->padX, top + l->padY), t.mutedText);
            p.save();
            QPen pen(t.text);
            pen.setWidthF(l->padY * 0.3);
            p.setPen(pen);
            p.drawLine(QPointF(left, top + l->headerHeight), QPointF(right, top + l->headerHeight));
            p.restore();
        });
        m_y += l->headerHeight;
    };

    // The header with at least the first row (and a group row with the one after it).
    auto firstHeight = [&](std::size_t r) {
        qreal h = l->rowHeight[r];
        if (t.rows[r].group && r + 1 < t.rows.size())
            h += l->rowHeight[r + 1];
        return h;
    };
    if (!t.rows.empty())
        keep(l->headerHeight + firstHeight(0));
    drawHeader();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (firstHeight(r) > remaining() && m_y > m_content.top() + l->headerHeight + 0.5) {
            startPage();
            drawHeader();
        }
        const qreal top = m_y, h = l->rowHeight[r];
        add([l, shared, top, h, r, left, right, n](QPainter &p) {
            const Table &t = *shared;
            const TableRow &row = t.rows[r];
            if (row.group) {
                p.fillRect(QRectF(left, top, right - left, h), t.groupFill);
                l->cells[r][0].draw(p, QPointF(left + l->padX, top + l->padY), t.text);
            } else {
                for (std::size_t c = 0; c < n && c < row.cells.size(); ++c) {
                    const TableCell &cell = row.cells[c];
                    const QRectF inner(l->x[c] + l->padX, top + l->padY, l->width[c] - 2 * l->padX, h - 2 * l->padY);
                    if (cell.paint)
                        cell.paint(p, inner);
                    else
                        l->cells[r][c].draw(p, inner.topLeft(), cell.color.isValid() ? cell.color : t.text);
                }
            }
            p.save();
            QPen pen(t.rule);
            pen.setWidthF(l->padY * 0.15);
            p.setPen(pen);
            p.drawLine(QPointF(left, top + h), QPointF(right, top + h));
            p.restore();
        });
        m_y += h;
    }
}

// --- Pages -------------------------------------------------------------------------------------

void PageFlow::append(PageFlow &&other)
{
    if (atPageTop())
        m_pages.pop_back();
    for (auto &page : other.m_pages)
        m_pages.push_back(std::move(page));
    m_y = other.m_y;
    m_geometry = other.m_geometry;
    m_content = other.m_content;
    other.m_pages.clear();
    other.m_pages.push_back({other.m_geometry, {}});
}

void PageFlow::render(QPainter &painter, QPagedPaintDevice &device,
                      const std::function<void(QPainter &, int, int, const PageGeometry &)> &decorate) const
{
    const int pages = pageCount();
    for (int i = 0; i < pages; ++i) {
        const Page &page = m_pages[std::size_t(i)];
        if (i > 0) {
            // Takes effect on the page newPage() starts.
            device.setPageOrientation(page.geometry.orientation);
            device.newPage();
        }
        for (const PaintOp &op : page.ops)
            op(painter);
        if (decorate)
            decorate(painter, i, pages, page.geometry);
    }
}

} // namespace srm::report
