#include "views/dashboardview.h"

#include "views/charts/valueformat.h"
#include "views/metricdetaildialog.h"
#include "views/metrictile.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimeZone>

#include <algorithm>

namespace srm {

namespace {
// Tile sizes in units of the font's height, so the grid scales with the font and DPI.
constexpr qreal kMinTileWidth = 17;
constexpr qreal kMinTileHeight = 9.5;
constexpr qreal kMaxTileHeight = 15;
constexpr int kGap = 10;
// "20 Nov 2026": the headline names whole dates (the tiles' axes add the year only when needed).
QString withYear(Micros t)
{
    return charts::formatShortDate(t) + QStringLiteral(" ")
        + QString::number(QDateTime::fromMSecsSinceEpoch(t / 1000, QTimeZone::utc()).date().year());
}
} // namespace

DashboardView::DashboardView(WorkspaceEditor *editor, QWidget *parent) : ViewPage(ViewId::Dashboard, editor, parent)
{
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("dashboardScroll"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_canvas = new QWidget;
    m_canvas->setObjectName(QStringLiteral("tiles"));
    m_scroll->setWidget(m_canvas);
    m_scroll->viewport()->installEventFilter(this);
    for (Theme t : MetricCatalogue::kThemes) {
        auto *heading = new QLabel(m_canvas);
        heading->setObjectName(QStringLiteral("theme_") + MetricCatalogue::themeId(t));
        heading->setTextFormat(Qt::RichText);
        m_headings << heading;
    }
    for (const MetricDef &def : MetricCatalogue::all()) {
        auto *tile = new MetricTile(QString::fromLatin1(def.id), m_canvas);
        connect(tile, &MetricTile::activated, this, &DashboardView::showDetail);
        m_tiles << tile;
    }
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("dashboardMode"));
    m_mode->setAccessibleName(tr("Show the metrics"));
    m_mode->addItem(tr("For the whole scope"));
    m_mode->addItem(tr("By team"));
    m_mode->addItem(tr("By service"));
    m_mode->setToolTip(tr("By team or by service: each tile shows the metric's value for each team (service) on one "
                          "scale, the largest gap first, and counts how many met the target"));
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int i) {
        setBreakdown(i == 1       ? std::optional(BreakdownBy::Team)
                         : i == 2 ? std::optional(BreakdownBy::Service)
                                  : std::nullopt);
    });
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(tr("&Show:"), content);
    label->setBuddy(m_mode);
    bar->addWidget(label);
    bar->addWidget(m_mode);
    bar->addStretch(1);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);
    setContent(content);
}

void DashboardView::setBreakdown(std::optional<BreakdownBy> by)
{
    m_breakdown = by;
    {
        const QSignalBlocker block(m_mode);
        m_mode->setCurrentIndex(!by ? 0 : *by == BreakdownBy::Team ? 1 : 2);
    }
    for (MetricTile *t : m_tiles)
        t->setBreakdown(by);
    relayout();
}

MetricTile *DashboardView::tile(const QString &metricId) const
{
    for (MetricTile *t : m_tiles)
        if (t->metricId() == metricId)
            return t;
    return nullptr;
}

void DashboardView::showSnapshot(const SnapshotPtr &snapshot)
{
    const MetricsReport &report = snapshot->analysis.metrics;
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    int met = 0, gaps = 0, notMeasured = 0;
    for (const ThemeSummary &t : report.themes) {
        met += t.met;
        gaps += t.gaps;
        notMeasured += t.notMeasured;
        const int i = int(t.theme);
        m_headings[i]->setText(
            tr("<b>%1</b>&nbsp;&nbsp;<span style='color:%2'>%3 met · %4 with a gap · %5 not measured</span>")
                .arg(MetricCatalogue::themeName(t.theme).toHtmlEscaped(), muted)
                .arg(t.met)
                .arg(t.gaps)
                .arg(t.notMeasured));
        m_headings[i]->setToolTip(
            tr("Business weight %1 (setting weight.%2) multiplies the priority of debt items of this theme")
                .arg(SettingsSchema::formatNumber(t.weight), MetricCatalogue::themeId(t.theme)));
    }
    const AnalysisWindow &w = snapshot->window;
    const charts::ChartStyle style = charts::ChartStyle::forPalette(palette(), font());
    setHeadline(tr("%1 metrics: <span style='color:%5'>%2 met</span>, <span style='color:%6'>%3 with a gap</span>, %4 "
                   "not measured"
                   " · weekly values %7 to %8 on one time axis; one value scale per unit, from zero; dashed: target;"
                   " DORA n: the DORA Quick Check score out of 10")
                    .arg(report.metrics.size())
                    .arg(met)
                    .arg(gaps)
                    .arg(notMeasured)
                    .arg(style.good.name(), style.bad.name(), withYear(w.from()), withYear(w.to() - 1)));
    for (MetricTile *t : m_tiles)
        t->setSnapshot(snapshot);
    if (m_detail)
        m_detail->setSnapshot(snapshot);
    relayout();
}

void DashboardView::clearSnapshot()
{
    for (MetricTile *t : m_tiles)
        t->setSnapshot(nullptr);
    if (m_detail)
        m_detail->setSnapshot(nullptr);
}

void DashboardView::showDetail(const QString &metricId)
{
    if (!snapshot())
        return;
    if (!m_detail)
        m_detail = new MetricDetailDialog(this);
    m_detail->showMetric(metricId, snapshot());
    m_detail->show();
    m_detail->raise();
    m_detail->activateWindow();
}

bool DashboardView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        relayout();
    return ViewPage::eventFilter(watched, event);
}

void DashboardView::relayout()
{
    const QSize viewport = m_scroll->viewport()->size();
    const qreal em = fontMetrics().height();
    const int width = viewport.width();
    m_columns = std::max(1, int((width + kGap) / (kMinTileWidth * em + kGap)));
    // No more columns than the largest theme has tiles: at 1920 px the tiles widen to use the
    // whole width instead of leaving an empty column at the right.
    qsizetype largestTheme = 1;
    for (Theme theme : MetricCatalogue::kThemes)
        largestTheme = std::max(largestTheme,
                                qsizetype(std::count_if(m_tiles.cbegin(), m_tiles.cend(), [theme](MetricTile *t) {
                                    const MetricDef *def = MetricCatalogue::find(t->metricId());
                                    return def && def->theme == theme;
                                })));
    m_columns = std::min(m_columns, int(largestTheme));
    const int tileW = std::max(1, (width - kGap * (m_columns - 1)) / m_columns);

    // Rows per theme; each theme starts a row.
    int rows = 0;
    QList<QList<MetricTile *>> byTheme(m_headings.size());
    for (MetricTile *t : m_tiles)
        if (const MetricDef *def = MetricCatalogue::find(t->metricId()))
            byTheme[int(def->theme)] << t;
    for (const QList<MetricTile *> &list : byTheme)
        rows += int((list.size() + m_columns - 1) / m_columns);
    const int headingH = m_headings.first()->sizeHint().height() + 6;
    const int fixed = headingH * int(m_headings.size()) + kGap * std::max(0, rows - 1) + kGap;
    const int fill = rows > 0 ? (viewport.height() - fixed) / rows : 0;
    // A breakdown tile lists one row per team (service): it needs the room.
    qreal minH = kMinTileHeight;
    if (m_breakdown && snapshot()) {
        const Breakdown &b = *m_breakdown == BreakdownBy::Team ? snapshot()->byTeam : snapshot()->byService;
        minH = std::max(minH, 4.5 + 1.25 * qreal(std::min<std::size_t>(b.entries.size(), 12)));
    }
    const int tileH = int(std::clamp(qreal(fill), minH * em, std::max(minH, kMaxTileHeight) * em));

    int y = 0;
    for (qsizetype t = 0; t < byTheme.size(); ++t) {
        m_headings[t]->setGeometry(0, y, width, headingH);
        y += headingH;
        int col = 0;
        for (MetricTile *tile : byTheme[t]) {
            if (col == m_columns) {
                col = 0;
                y += tileH + kGap;
            }
            tile->setGeometry(col * (tileW + kGap), y, tileW, tileH);
            ++col;
        }
        y += tileH + kGap;
    }
    m_canvas->setMinimumHeight(y);
}

} // namespace srm
