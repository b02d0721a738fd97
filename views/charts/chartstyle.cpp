#include "views/charts/chartstyle.h"

#include <QPaintDevice>
#include <QPainter>
#include <QPalette>

namespace srm::charts {

namespace {

// Okabe–Ito hues for the categorical colours (phases), readable with the common colour-vision
// deficiencies; blue for data and green/red for met/gap are always doubled by text.
void setFonts(ChartStyle &s, const QFont &base)
{
    s.font = base;
    s.smallFont = base;
    s.smallFont.setPointSizeF(std::max(6.0, base.pointSizeF() - 1.5));
    s.titleFont = base;
    s.titleFont.setBold(true);
    s.valueFont = base;
    s.valueFont.setPointSizeF(base.pointSizeF() * 1.45);
    s.valueFont.setBold(true);
}

} // namespace

void ChartStyle::setBaseFont(const QFont &base)
{
    setFonts(*this, base);
}

namespace {

QFont defaultFont(qreal points)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    return f;
}

} // namespace

ChartStyle ChartStyle::light()
{
    ChartStyle s;
    s.variant = Variant::Light;
    s.background = QColor(QRgb(0xffffff));
    s.text = QColor(QRgb(0x1f2328));
    s.mutedText = QColor(QRgb(0x5c636b));
    s.axis = QColor(QRgb(0x8a9199));
    s.grid = QColor(QRgb(0xe1e4e8));
    s.series = QColor(QRgb(0x1f6fb2));
    s.seriesMuted = QColor(QRgb(0xa9c4e0));
    s.accent = QColor(QRgb(0xc45f00));
    s.target = QColor(QRgb(0x1b8a5a));
    s.good = QColor(QRgb(0x1b8a5a));
    s.bad = QColor(QRgb(0xc0392b));
    s.notMeasured = QColor(QRgb(0x8f969e));
    s.critical = QColor(QRgb(0xc0392b));
    s.selection = QColor(QRgb(0xdbe9f8));
    s.phases[0] = QColor(QRgb(0x56b4e9));
    s.phases[1] = QColor(QRgb(0xe69f00));
    s.phases[2] = QColor(QRgb(0xcc79a7));
    s.phases[3] = QColor(QRgb(0x009e73));
    s.quadrantFill[0] = QColor(QRgb(0xf2f3f5));
    s.quadrantFill[1] = QColor(QRgb(0xfbeae8));
    s.quadrantFill[2] = QColor(QRgb(0xedf3fa));
    s.quadrantFill[3] = QColor(QRgb(0xe7f4ec));
    setFonts(s, defaultFont(9));
    return s;
}

ChartStyle ChartStyle::dark()
{
    ChartStyle s;
    s.variant = Variant::Dark;
    s.background = QColor(QRgb(0x1f2227));
    s.text = QColor(QRgb(0xe6e8eb));
    s.mutedText = QColor(QRgb(0xa3aab3));
    s.axis = QColor(QRgb(0x737b85));
    s.grid = QColor(QRgb(0x353a42));
    s.series = QColor(QRgb(0x6cb3f0));
    s.seriesMuted = QColor(QRgb(0x3e5d7c));
    s.accent = QColor(QRgb(0xf0a847));
    s.target = QColor(QRgb(0x5cc58f));
    s.good = QColor(QRgb(0x5cc58f));
    s.bad = QColor(QRgb(0xf07167));
    s.notMeasured = QColor(QRgb(0x7d858f));
    s.critical = QColor(QRgb(0xf07167));
    s.selection = QColor(QRgb(0x2d4563));
    s.phases[0] = QColor(QRgb(0x56b4e9));
    s.phases[1] = QColor(QRgb(0xe69f00));
    s.phases[2] = QColor(QRgb(0xcc79a7));
    s.phases[3] = QColor(QRgb(0x2fbf8f));
    s.quadrantFill[0] = QColor(QRgb(0x2a2d32));
    s.quadrantFill[1] = QColor(QRgb(0x3b2a2a));
    s.quadrantFill[2] = QColor(QRgb(0x25303d));
    s.quadrantFill[3] = QColor(QRgb(0x243a2f));
    setFonts(s, defaultFont(9));
    return s;
}

ChartStyle ChartStyle::print()
{
    ChartStyle s = light();
    s.variant = Variant::Print;
    s.text = QColor(QRgb(0x000000));
    s.mutedText = QColor(QRgb(0x4a4f55));
    s.axis = QColor(QRgb(0x6f767e));
    s.grid = QColor(QRgb(0xd5d9de));
    s.cosmeticPens = false;
    setFonts(s, defaultFont(8));
    return s;
}

ChartStyle ChartStyle::forPalette(const QPalette &palette, const QFont &font)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    ChartStyle s = dark ? ChartStyle::dark() : ChartStyle::light();
    s.background = palette.color(QPalette::Base);
    s.text = palette.color(QPalette::Text);
    s.selection = palette.color(QPalette::Highlight);
    s.selection.setAlphaF(0.25);
    setFonts(s, font);
    return s;
}

qreal ChartStyle::unit(const QPaintDevice *device)
{
    if (!device)
        return 1;
    const int dpi = device->logicalDpiY();
    return dpi > 0 ? qreal(dpi) / 96.0 : 1;
}

qreal ChartStyle::unit(const QPainter &painter)
{
    return unit(painter.device());
}

QPen ChartStyle::pen(const QColor &color, qreal weight, qreal unit, Qt::PenStyle style) const
{
    QPen p(color);
    p.setStyle(style);
    if (cosmeticPens) {
        p.setCosmetic(true);
        p.setWidthF(weight);
    } else {
        // 0.75 chart px = 0.56 pt for a weight-1 line: thin but visible on paper.
        p.setWidthF(weight * 0.75 * unit);
    }
    p.setCapStyle(Qt::FlatCap);
    p.setJoinStyle(Qt::RoundJoin);
    return p;
}

} // namespace srm::charts
