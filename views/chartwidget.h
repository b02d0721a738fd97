// A widget that shows any chart (charts/chart.h) in the window's light or dark style, names the
// item under the mouse in a tooltip and reports clicks on items, and offers the chart from its
// context menu: Copy (image and SVG), Save as PNG…, Save as SVG… (written with QSaveFile).
#pragma once

#include "views/charts/chart.h"

#include <QWidget>

#include <functional>
#include <memory>

namespace srm {

class ChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ChartWidget(QWidget *parent = nullptr);

    void setChart(std::shared_ptr<const charts::Chart> chart);
    const charts::Chart *chart() const { return m_chart.get(); }

    // Text for the tooltip over an item (given its id); without one, no tooltip.
    void setToolTipProvider(std::function<QString(const QString &itemId)> provider);
    // The style the widget paints with (follows the palette and font).
    charts::ChartStyle chartStyle() const;
    QRectF chartRect() const;
    QString itemAt(const QPointF &pos) const;

    // Exports, in the light style on white at the widget's size unless given.
    QImage toImage(QSize size = {}) const;
    QByteArray toSvg(QSize size = {}) const;
    bool savePng(const QString &path, QString *error = nullptr) const;
    bool saveSvg(const QString &path, QString *error = nullptr) const;
    void copyToClipboard() const;

    QSize sizeHint() const override { return {480, 320}; }
    QSize minimumSizeHint() const override { return {200, 140}; }

signals:
    void itemClicked(const QString &itemId);
    void itemActivated(const QString &itemId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void saveAs(bool svg);

    std::shared_ptr<const charts::Chart> m_chart;
    std::function<QString(const QString &)> m_toolTip;
};

} // namespace srm
