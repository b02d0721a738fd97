#include "views/chartwidget.h"
#include "views/tooltips.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QHelpEvent>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QSaveFile>
#include <QToolTip>

namespace srm {

namespace {
// Charts leave this margin (px) to the widget's edge.
constexpr int kMargin = 8;
} // namespace

ChartWidget::ChartWidget(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);
    setContextMenuPolicy(Qt::DefaultContextMenu);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ChartWidget::setChart(std::shared_ptr<const charts::Chart> chart)
{
    m_chart = std::move(chart);
    setAccessibleName(m_chart ? m_chart->title() : QString());
    update();
}

void ChartWidget::setToolTipProvider(std::function<QString(const QString &)> provider)
{
    m_toolTip = std::move(provider);
}

charts::ChartStyle ChartWidget::chartStyle() const
{
    return charts::ChartStyle::forPalette(palette(), font());
}

QRectF ChartWidget::chartRect() const
{
    return QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
}

QString ChartWidget::itemAt(const QPointF &pos) const
{
    return m_chart ? m_chart->itemAt(chartRect(), chartStyle(), this, pos) : QString();
}

void ChartWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const charts::ChartStyle style = chartStyle();
    p.fillRect(rect(), style.background);
    if (m_chart)
        m_chart->paint(p, chartRect(), style);
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1));
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

namespace {
charts::ChartStyle exportStyle(const QFont &font)
{
    charts::ChartStyle s = charts::ChartStyle::light();
    s.setBaseFont(font);
    return s;
}
} // namespace

QImage ChartWidget::toImage(QSize size) const
{
    if (!m_chart)
        return {};
    return charts::renderImage(*m_chart, size.isValid() ? size : this->size(), exportStyle(font()), 2);
}

QByteArray ChartWidget::toSvg(QSize size) const
{
    if (!m_chart)
        return {};
    return charts::renderSvg(*m_chart, size.isValid() ? size : this->size(), exportStyle(font()));
}

namespace {
bool writeAll(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}
} // namespace

bool ChartWidget::savePng(const QString &path, QString *error) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!toImage().save(&buffer, "PNG")) {
        if (error)
            *error = tr("Could not encode the image");
        return false;
    }
    return writeAll(path, bytes, error);
}

bool ChartWidget::saveSvg(const QString &path, QString *error) const
{
    return writeAll(path, toSvg(), error);
}

void ChartWidget::copyToClipboard() const
{
    auto *mime = new QMimeData;
    mime->setImageData(toImage());
    mime->setData(QStringLiteral("image/svg+xml"), toSvg());
    QApplication::clipboard()->setMimeData(mime);
}

void ChartWidget::saveAs(bool svg)
{
    const QString base = m_chart ? m_chart->title().toLower().replace(u' ', u'-') : QStringLiteral("chart");
    const QString path = QFileDialog::getSaveFileName(this, svg ? tr("Save Chart as SVG") : tr("Save Chart as PNG"),
                                                      base + (svg ? QStringLiteral(".svg") : QStringLiteral(".png")),
                                                      svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(svg ? saveSvg(path, &error) : savePng(path, &error)))
        QMessageBox::warning(this, tr("Save Chart"), tr("The chart could not be saved:\n%1").arg(error));
}

void ChartWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("&Copy"), this, &ChartWidget::copyToClipboard)->setEnabled(m_chart != nullptr);
    menu.addSeparator();
    menu.addAction(tr("Save as &PNG…"), this, [this] { saveAs(false); })->setEnabled(m_chart != nullptr);
    menu.addAction(tr("Save as &SVG…"), this, [this] { saveAs(true); })->setEnabled(m_chart != nullptr);
    menu.exec(event->globalPos());
}

void ChartWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const QString id = itemAt(event->position());
        if (!id.isEmpty())
            emit itemClicked(id);
    }
    QWidget::mousePressEvent(event);
}

void ChartWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QString id = itemAt(event->position());
    if (!id.isEmpty())
        emit itemActivated(id);
    QWidget::mouseDoubleClickEvent(event);
}

bool ChartWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString id = itemAt(help->pos());
        const QString text = id.isEmpty() || !m_toolTip ? QString() : m_toolTip(id);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), plainToolTip(text), this); // user text: docs/hostile-input.md#text
        return true;
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    return QWidget::event(event);
}

} // namespace srm
