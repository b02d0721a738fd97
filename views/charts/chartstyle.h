// The look of every chart: colours for light and dark screens and a print variant on white,
// fonts, and how lines are drawn. Paint routines (views/charts/*.h) take a ChartStyle and draw
// nothing that is not in it, so the window, PNG/SVG exports and the PDF report get the same
// vector picture in the colours that suit each medium.
//
// Sizes inside the paint routines are given in "chart pixels" (1/96 inch) and scaled to the
// device with ChartStyle::unit(), so a chart drawn on a 1200 dpi PDF page has the proportions it
// has on screen. Fonts carry point sizes, which the device resolves in the same way.
#pragma once

#include <QColor>
#include <QFont>
#include <QPen>

class QPainter;
class QPaintDevice;
class QPalette;

namespace srm::charts {

struct ChartStyle
{
    enum class Variant { Light, Dark, Print };
    Variant variant = Variant::Light;

    QColor background;      // what the chart is drawn on (filled only when fillBackground)
    QColor text;            // titles, values, labels
    QColor mutedText;       // axis labels, secondary figures
    QColor axis;            // axis lines and ticks
    QColor grid;            // faint guides (the target band, panel frames)
    QColor series;          // the data
    QColor seriesMuted;     // data of less interest (the trivial many of a Pareto)
    QColor accent;          // second series (cumulative share), highlights
    QColor target;          // the target reference line
    QColor good;            // met, on track
    QColor bad;             // gap, missed, overspent
    QColor notMeasured;     // empty tiles, no data
    QColor critical;        // the roadmap's critical path
    QColor selection;       // background of the selected item
    QColor phases[4];       // detect, acknowledge, mitigate, resolve
    QColor quadrantFill[4]; // Defer, Alligator v. swamp, No brainer, Low-hanging fruit (ToilCostQuadrant order)

    QFont font;      // labels
    QFont smallFont; // axis ticks, notes
    QFont titleFont; // chart and tile titles
    QFont valueFont; // the current value of a tile

    // Screen: 1-device-pixel cosmetic pens (crisp at any zoom and DPI). Print: thin real-width
    // lines (a cosmetic pen in a PDF is a hairline that printers make nearly invisible).
    bool cosmeticPens = true;
    bool fillBackground = false;

    static ChartStyle light();
    static ChartStyle dark();
    static ChartStyle print(); // on white, for PDF pages
    // Light or dark after the palette's window colour, with the palette's own text colours.
    static ChartStyle forPalette(const QPalette &palette, const QFont &font);

    bool isDark() const { return variant == Variant::Dark; }
    // Derives the four fonts from one base font (its family and point size).
    void setBaseFont(const QFont &base);

    // Device pixels per chart pixel (1/96 inch) on `device`: 1 on a normal screen or a QImage,
    // 12.5 on a 1200 dpi PDF page.
    static qreal unit(const QPaintDevice *device);
    static qreal unit(const QPainter &painter);

    // A line `weight` chart pixels wide: cosmetic on screen, real width (scaled by `unit`) in print.
    QPen pen(const QColor &color, qreal weight, qreal unit, Qt::PenStyle style = Qt::SolidLine) const;
};

} // namespace srm::charts
