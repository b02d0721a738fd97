#include "views/report/reportrenderer.h"

#include "store/texthygiene.h"
#include "views/charts/breakdownchart.h"
#include "views/charts/chartstyle.h"
#include "views/charts/dorachart.h"
#include "views/charts/incidentcharts.h"
#include "views/charts/metricchart.h"
#include "views/charts/paretochart.h"
#include "views/charts/progresschart.h"
#include "views/charts/quadrantchart.h"
#include "views/charts/roadmapchart.h"
#include "views/charts/slochart.h"
#include "views/charts/valueformat.h"
#include "views/report/exportfile.h"
#include "views/report/pageflow.h"
#include "views/report/pdfoutline.h"
#include "views/report/progresstext.h"
#include "views/report/summarytext.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace srm::report {

using namespace srm::charts;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::report::Pdf", text);
}

// The sections of docs/views-and-report.md after the cover, in order.
enum Section {
    Summary,
    Progress,
    SmallMultiples,
    AlertGroups,
    Incidents,
    Debt,
    Roadmap,
    Options,
    Appendix,
    SectionCount
};

QString sectionTitle(Section s)
{
    switch (s) {
    case Summary: return tr("Executive summary");
    case Progress: return tr("Progress by quarter");
    case SmallMultiples: return tr("Small multiples");
    case AlertGroups: return tr("Top alert groups");
    case Incidents: return tr("Incident durations");
    case Debt: return tr("Operational debt");
    case Roadmap: return tr("Roadmap by quarter");
    case Options: return tr("Options");
    case Appendix: return tr("Appendix");
    case SectionCount: break;
    }
    return {};
}

constexpr int kDpi = 1200;
// Page margins in millimetres; the footer sits in the bottom margin.
constexpr qreal kMarginSide = 18, kMarginTop = 16, kMarginBottom = 22;

// No ligatures: "ff" drawn as one glyph comes out of the PDF as U+FB00, so "Off-hours" could not
// be found or copied. Qt turns ligatures off for a font with a letter spacing; 100% is the
// normal spacing, so nothing moves.
void withoutLigatures(QFont &f)
{
    f.setLetterSpacing(QFont::PercentageSpacing, 100);
}

QFont font(qreal points, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    // Outlines as designed (no hinting to a screen grid): the PDF is resolution independent.
    f.setHintingPreference(QFont::PreferNoHinting);
    withoutLigatures(f);
    return f;
}

// The print style with the report's fonts.
ChartStyle printStyle()
{
    ChartStyle s = ChartStyle::print();
    for (QFont *f : {&s.font, &s.smallFont, &s.titleFont, &s.valueFont}) {
        f->setHintingPreference(QFont::PreferNoHinting);
        withoutLigatures(*f);
    }
    return s;
}

QString number(double v)
{
    return SettingsSchema::formatNumber(v);
}

QString oneDecimal(double v)
{
    return QLocale::c().toString(v, 'f', 1);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString clock(int minutes)
{
    return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString utcMinute(Micros t)
{
    return formatIso(t).left(16).replace(u'T', u' ') + QStringLiteral(" UTC");
}

// Lays the report out on a PageFlow, section by section. A plain aggregate of what the sections
// share (the renderer reads the flow, the section pages and the colours back).
struct Layout
{
    Layout(const ReportData &data, const QPaintDevice *paintDevice, const PageGeometry &portraitPage,
           const PageGeometry &landscapePage)
        : d(data),
          device(paintDevice),
          portrait(portraitPage),
          landscape(landscapePage),
          portraitContent(portraitPage.content),
          flow(paintDevice, portraitPage),
          style(printStyle()),
          scale(SmallMultiplesScale::forReport(data.analysis.metrics)),
          summary(summarize(data))
    {
        setScale(1.0);
        ink = style.text;
        muted = style.mutedText;
        rule = style.grid;
        fill = QColor(QRgb(0xf2f4f7));
        accent = style.series;
    }

    void build()
    {
        cover();
        executiveSummary();
        progress();
        smallMultiples();
        alertGroups();
        incidents();
        debt();
        roadmap();
        options();
        appendix();
    }

    const ReportData &d;
    const QPaintDevice *device;
    PageGeometry portrait;
    PageGeometry landscape;
    QRectF portraitContent;
    PageFlow flow;
    ChartStyle style;
    SmallMultiplesScale scale;
    SummaryText summary;
    std::vector<int> sectionPages; // 0-based

    QFont body, bodyBold, small, tableFont, tableHead, h1, h2;
    QColor ink, muted, rule, fill, accent;

    void setScale(qreal s)
    {
        body = font(9.5 * s);
        bodyBold = font(9.5 * s, true);
        small = font(8 * s);
        tableFont = font(7.6 * s);
        tableHead = font(7 * s, true);
        h1 = font(17 * s, true);
        h2 = font(11.5 * s, true);
    }

    Table table(std::vector<TableColumn> columns) const
    {
        Table t;
        t.columns = std::move(columns);
        t.font = tableFont;
        t.headerFont = tableHead;
        t.text = ink;
        t.mutedText = muted;
        t.rule = rule;
        t.groupFill = fill;
        return t;
    }

    static TableColumn col(const QString &header, Qt::Alignment align = Qt::AlignLeft, bool wrap = true)
    {
        TableColumn c;
        c.header = header;
        c.align = align;
        c.wrap = wrap;
        return c;
    }
    static TableColumn num(const QString &header) { return col(header, Qt::AlignRight, false); }

    static TableCell cell(const QString &text, const QColor &color = QColor(), bool bold = false)
    {
        TableCell c;
        c.text = text;
        c.color = color;
        c.bold = bold;
        return c;
    }

    QColor statusColor(Status s) const
    {
        return s == Status::Met ? style.good : s == Status::Gap ? style.bad : style.notMeasured;
    }

    // A gap's status graded by its size (reportdata.h): amber, orange, red, each with its word,
    // so a 3% miss does not shout like a tenfold one and the grade survives greyscale printing.
    TableCell statusCell(const MetricResult &m) const
    {
        const std::optional<GapSeverity> severity = gapSeverity(m);
        if (!severity)
            return cell(statusText(m.status), statusColor(m.status), true);
        return cell(gapSeverityText(*severity), severityColor(*severity), true);
    }

    QColor severityColor(GapSeverity s) const
    {
        switch (s) {
        case GapSeverity::Small: return QColor(0xb0, 0x7d, 0x00);    // amber, dark enough for text on white
        case GapSeverity::Moderate: return QColor(0xd3, 0x54, 0x00); // orange
        case GapSeverity::Large: return style.bad;                   // red
        }
        return style.bad;
    }

    void startSection(PageFlow &f, Section s, QPageLayout::Orientation orientation = QPageLayout::Portrait)
    {
        f.setGeometry(orientation == QPageLayout::Portrait ? portrait : landscape);
        f.newPage();
        sectionPages.push_back(f.currentPage());
        heading1(f, sectionTitle(s));
    }

    void heading1(PageFlow &f, const QString &title)
    {
        f.heading(title, h1, ink, f.mm(30));
        const qreal y = f.y() + f.mm(1.2);
        const QRectF c = f.content();
        const QColor color = accent;
        f.paintAt([c, y, color, w = f.pt(1.2)](QPainter &p) { p.fillRect(QRectF(c.left(), y, c.width(), w), color); });
        f.space(f.mm(4.5));
    }

    void heading2(PageFlow &f, const QString &title, qreal keepWithNext)
    {
        f.space(f.mm(4));
        f.heading(title, h2, ink, keepWithNext);
        f.space(f.mm(1.5));
    }

    void para(PageFlow &f, const QString &text, const QFont &fnt, const QColor &color, qreal after)
    {
        f.paragraph(text, fnt, color);
        f.space(after);
    }

    // --- Cover ---------------------------------------------------------------------------------

    void cover()
    {
        const AnalysisWindow &w = d.window;
        const QString org = d.organisation;
        const QString asOf = formatIso(w.asOf).endsWith(QStringLiteral("T00:00:00Z")) ? asOfDate(w) : formatIso(w.asOf);
        const QString window = windowText(w);
        const QString previous = windowText(d.previous.window);
        const QString file = QFileInfo(d.workspacePath).fileName();
        // docs/scope.md#report: what the figures count; the debt register is never scoped.
        const QString scopeLine = d.scope.isEmpty()
            ? tr("Scope: all services (%1 teams)").arg(d.byTeam.entries.size())
            : tr("Scope: %1 (the debt register and roadmap cover every service)").arg(d.scope.describe());
        const QColor scopeC = d.scope.isEmpty() ? muted : ink;

        // Key figures, straight from the engine.
        int met = 0;
        for (const ThemeSummary &t : d.analysis.metrics.themes)
            met += t.met;
        std::int64_t planned = 0, open = 0;
        if (d.plan)
            for (const PlanQuarter &q : d.plan->quarters)
                planned += std::int64_t(q.items.size());
        for (const DebtAssessment &a : d.assessments)
            open += a.open ? 1 : 0;
        struct Figure
        {
            QString value, label;
        };
        const std::vector<Figure> figures{
            {tr("%1 of %2").arg(met).arg(d.analysis.metrics.metrics.size()), tr("metrics meet their target")},
            {formatCount(std::int64_t(d.analysis.incidents.incidents.size())), tr("incidents in the window")},
            {formatCount(d.analysis.alerts.totalPages), tr("pages in the window")},
            {d.plan ? tr("%1 of %2").arg(planned).arg(open) : QStringLiteral("–"), tr("debt items planned")},
        };

        const QFont kicker = font(13), orgFont = font(30, true), line = font(12), lineSmall = font(9.5),
                    bigFont = font(20, true), labelFont = font(8.5);
        const QColor inkC = ink, mutedC = muted, accentC = accent, ruleC = rule;
        flow.block(portraitContent.height(), [=](QPainter &p, const QRectF &r) {
            const QPaintDevice *dev = p.device();
            const qreal mm = qreal(dev->logicalDpiY()) / 25.4;
            p.fillRect(QRectF(r.left(), r.top(), r.width(), 2.2 * mm), accentC);
            qreal y = r.top() + r.height() * 0.26;
            auto text = [&](const QString &s, const QFont &f, const QColor &c, qreal after) {
                const WrappedText t({{s}}, f, r.width(), dev);
                t.draw(p, QPointF(r.left(), y), c);
                y += t.height() + after;
            };
            text(tr("Reliability roadmap"), kicker, accentC, 3 * mm);
            text(org, orgFont, inkC, 8 * mm);
            text(tr("As of %1").arg(asOf), line, inkC, 2 * mm);
            text(tr("Window: %1").arg(window), lineSmall, mutedC, 1.2 * mm);
            text(tr("Compared with: %1").arg(previous), lineSmall, mutedC, 1.2 * mm);
            text(scopeLine, lineSmall, scopeC, 1.2 * mm);

            // The key figures in a row of four.
            const qreal top = r.top() + r.height() * 0.62;
            const qreal cellW = r.width() / qreal(figures.size());
            p.fillRect(QRectF(r.left(), top - 5 * mm, r.width(), 0.3 * mm), ruleC);
            qreal bottom = top;
            for (std::size_t i = 0; i < figures.size(); ++i) {
                const qreal x = r.left() + cellW * qreal(i);
                const WrappedText v({{figures[i].value}}, bigFont, cellW - 4 * mm, dev);
                v.draw(p, QPointF(x, top), inkC);
                const WrappedText l({{figures[i].label}}, labelFont, cellW - 4 * mm, dev);
                l.draw(p, QPointF(x, top + v.height() + 1 * mm), mutedC);
                bottom = std::max(bottom, top + v.height() + 1 * mm + l.height());
            }
            p.fillRect(QRectF(r.left(), bottom + 5 * mm, r.width(), 0.3 * mm), ruleC);

            const WrappedText foot({{tr("Workspace %1 · SRE Roadmap %2").arg(file, QLatin1StringView(SRM_VERSION))}},
                                   labelFont, r.width(), dev);
            foot.draw(p, QPointF(r.left(), r.bottom() - foot.height()), mutedC);
        });
    }

    // --- By team (unscoped reports) --------------------------------------------------------------

    // docs/scope.md#report: each metric's status for each team, in colour and in words, with the
    // team's own figure under it and the roll-up counts; never an average across teams. Teams
    // are columns, eight to a table (a wider workspace gets more tables).
    void byTeam()
    {
        if (!d.scope.isEmpty())
            return;
        const Breakdown &b = d.byTeam;
        const std::size_t perTable = 8;
        flow.setGeometry(b.entries.size() > 4 ? landscape : portrait);
        flow.newPage();
        heading1(flow, tr("By team"));
        para(flow,
             tr("Where the gaps live: each metric for each team over %1, counted on the team's own records (a "
                "service's incidents, pages and SLOs count for its owner; a deployment for the team it names, else "
                "its service's owner). Each cell is the team's status against the target, with the team's own figure "
                "under it; the last column counts the statuses. Figures are never averaged across teams.")
                 .arg(windowText(d.window)),
             small, muted, flow.mm(3));
        if (b.entries.empty()) {
            para(flow,
                 tr("No team has records in the window: import an ownership list (service, team) or deployments "
                    "with a team."),
                 body, ink, 0);
            return;
        }
        for (std::size_t from = 0; from < b.entries.size(); from += perTable) {
            const std::size_t to = std::min(b.entries.size(), from + perTable);
            std::vector<TableColumn> columns{col(tr("Metric"))};
            for (std::size_t e = from; e < to; ++e)
                columns.push_back(col(breakdownEntryName(b, e), Qt::AlignLeft, false));
            columns.push_back(col(tr("Teams")));
            Table t = table(std::move(columns));
            for (const MetricDef &def : MetricCatalogue::all()) {
                TableRow row;
                row.cells.push_back(cell(QCoreApplication::translate("srm::MetricCatalogue", def.name)));
                for (std::size_t e = from; e < to; ++e) {
                    const MetricResult &m = b.entries[e].metrics.at(def.key);
                    TableCell c = cell(statusText(m.status), statusColor(m.status), m.status == Status::Gap);
                    if (m.value)
                        c.note = formatValue(m.value, def.unit);
                    row.cells.push_back(c);
                }
                row.cells.push_back(cell(rollupWords(b.rollupOf(def.key), BreakdownBy::Team)));
                t.rows.push_back(std::move(row));
            }
            flow.table(t);
            flow.space(flow.mm(4));
        }
    }

    // --- Executive summary (one page) ----------------------------------------------------------

    void executiveSummary()
    {
        // Smaller type until it fits one page (a large workspace has longer sentences).
        for (qreal s = 1.0;; s -= 0.05) {
            setScale(s);
            PageFlow page(device, portrait);
            summaryPage(page);
            if (page.pageCount() == 1 || s < 0.65) {
                const int first = flow.atPageTop() ? flow.pageCount() - 1 : flow.pageCount();
                flow.append(std::move(page));
                sectionPages.push_back(first);
                break;
            }
        }
        setScale(1.0);
    }

    void summaryPage(PageFlow &f)
    {
        heading1(f, sectionTitle(Summary));
        const AnalysisWindow &w = d.window;
        para(f, tr("%1 · %2 · as of %3").arg(hygiene::isolate(d.organisation), windowText(w), asOfDate(w)), small,
             muted, f.mm(3));

        const std::pair<QString, QString> answers[] = {
            {summary.improvingQuestion, summary.improving},
            {summary.costQuestion, summary.cost},
            {summary.actionsQuestion, summary.actions},
        };
        for (const auto &[q, a] : answers) {
            f.paragraph({{q + u' ', true, accent}, {a}}, body, ink);
            f.space(f.mm(2.2));
        }

        // Themes, two by two: status and the largest gaps.
        f.space(f.mm(1));
        const qreal gap = f.mm(4);
        const qreal cellW = (f.content().width() - gap) / 2;
        std::vector<WrappedText> cells;
        for (const ThemeStatus &t : summary.themes) {
            std::vector<Span> spans{{t.name + u'\n', true}, {t.counts + u'\n', false, muted}};
            if (t.topGaps.isEmpty())
                spans.push_back({t.note, false, t.allMet ? style.good : muted});
            else
                spans.push_back({tr("Largest gaps: ") + t.topGaps.join(QStringLiteral("; "))});
            cells.emplace_back(spans, small, cellW - f.mm(5), device);
        }
        std::vector<qreal> rowH;
        for (std::size_t i = 0; i < cells.size(); i += 2)
            rowH.push_back(std::max(cells[i].height(), i + 1 < cells.size() ? cells[i + 1].height() : 0) + f.mm(3.6));
        qreal total = 0;
        for (qreal h : rowH)
            total += h + f.mm(2);
        std::vector<QColor> bars;
        for (const ThemeSummary &t : d.analysis.metrics.themes)
            bars.push_back(t.gaps > 0 ? style.bad : t.met > 0 ? style.good : style.notMeasured);
        const QColor fillC = fill, inkC = ink;
        auto shared = std::make_shared<std::vector<WrappedText>>(std::move(cells));
        const qreal mm = f.mm(1);
        f.block(total, [shared, rowH, bars, fillC, inkC, cellW, gap, mm](QPainter &p, const QRectF &r) {
            qreal y = r.top();
            for (std::size_t i = 0; i < shared->size(); ++i) {
                const std::size_t row = i / 2;
                const qreal x = r.left() + qreal(i % 2) * (cellW + gap);
                const QRectF box(x, y, cellW, rowH[row]);
                p.fillRect(box, fillC);
                p.fillRect(QRectF(x, y, 1.2 * mm, rowH[row]), bars[i]);
                (*shared)[i].draw(p, QPointF(x + 3 * mm, y + 1.8 * mm), inkC);
                if (i % 2 == 1 || i + 1 == shared->size())
                    y += rowH[row] + 2 * mm;
            }
        });

        // The roll-up: every metric by theme, with its sparkline.
        f.space(f.mm(2));
        Table t = table({col(tr("Metric")), num(tr("Current")), num(tr("Target")), num(tr("Gap")),
                         col(tierCaption(), Qt::AlignLeft, false), col(tr("Weekly trend"), Qt::AlignLeft, false),
                         col(tr("vs. before"), Qt::AlignLeft, false), col(tr("Status"), Qt::AlignLeft, false)});
        t.columns[5].fixedWidth = f.mm(30);
        t.paintedRowHeight = f.pt(9.5);
        for (const ThemeSummary &th : d.analysis.metrics.themes) {
            TableRow group;
            group.group = true;
            group.cells.push_back(cell(MetricCatalogue::themeName(th.theme)));
            t.rows.push_back(group);
            for (const MetricResult &m : d.analysis.metrics.metrics) {
                if (m.def->theme != th.theme)
                    continue;
                TableRow row;
                row.cells = {cell(metricName(m)),
                             cell(formatValue(m.value, m.def->unit)),
                             cell(formatValue(m.target, m.def->unit)),
                             cell(formatGap(m.gap, m.def->unit)),
                             cell(tierText(m.tier)),
                             TableCell(),
                             cell(verdictText(m.verdict),
                                  m.verdict == Verdict::Improved    ? style.good
                                      : m.verdict == Verdict::Worse ? style.bad
                                                                    : muted),
                             statusCell(m)};
                const MetricResult *metric = &m;
                const SmallMultiplesScale sc = scale;
                const ChartStyle st = style;
                row.cells[5].paint = [metric, sc, st](QPainter &p, const QRectF &r) {
                    paintSparkline(p, r, *metric, sc, st);
                };
                t.rows.push_back(std::move(row));
            }
        }
        f.table(t);
        f.space(f.mm(1.2));
        para(
            f,
            tr("Weekly trend: %1, one point a week on the window's time axis; metrics of one unit share one scale from "
               "zero; dashed line: target. \"vs. before\": the value against the %2 days before, improved or worse "
               "only "
               "when the 95% ranges of the two periods do not overlap. Status: a gap is small under 10% of the target, "
               "moderate under 50%, large from 50%.")
                .arg(windowText(w))
                .arg(d.previous.window.days),
            small, muted, f.mm(3));

        f.paragraph({{summary.quickCheckTitle + QStringLiteral(": "), true}, {summary.quickCheck}}, body, ink);
        f.space(f.mm(3));

        f.heading(tr("Not measured yet"), bodyBold, ink, f.mm(8));
        f.space(f.mm(0.8));
        para(f, summary.notMeasured, body, ink, 0);
    }

    // --- Progress (for a VP: what changed for real, and when each gap closes) -----------------

    void progress()
    {
        startSection(flow, Progress);
        const ProgressSummary p = summarizeProgress(d);
        if (d.progress.quarters.empty() || p.latest.isEmpty()) {
            para(flow, tr("No complete quarter yet: progress needs a quarter of data."), body, ink, 0);
            return;
        }
        para(flow, p.lead, body, ink, flow.mm(2.5));
        flow.paragraph({{p.successText, true, p.successes.isEmpty() ? muted : style.good}}, body, ink);
        flow.space(flow.mm(1));
        para(flow, p.latestCounts + u'.', small, muted, flow.mm(1));

        auto bullets = [&](const QString &title, const std::vector<ProgressLine> &lines, const QColor &color,
                           const QString &none) {
            heading2(flow, title, flow.mm(12));
            if (lines.empty()) {
                para(flow, none, body, muted, 0);
                return;
            }
            const qreal indent = flow.mm(4.5);
            const qreal lineH = QFontMetricsF(body, flow.device()).height();
            for (const ProgressLine &l : lines) {
                // A square marker in the margin of a paragraph indented under it (kept with its first lines).
                flow.keep(std::min(flow.textHeight({Span{l.text}}, body, indent), 2.4 * lineH));
                const QRectF marker(flow.content().left() + flow.mm(0.6), flow.y() + lineH * 0.33, flow.mm(1.8),
                                    flow.mm(1.8));
                flow.paintAt([marker, color](QPainter &painter) { painter.fillRect(marker, color); });
                flow.paragraph(l.text, body, ink, indent);
                flow.space(flow.mm(1));
            }
        };
        bullets(tr("What improved for real"), p.improved, style.good,
                tr("No metric improved beyond what chance moves in any of these quarters."));
        bullets(tr("What got worse for real"), p.worse, style.bad,
                tr("No metric got worse beyond what chance moves in any of these quarters."));
        heading2(flow, tr("What only wobbled"), flow.mm(12));
        if (p.wobbled.empty()) {
            para(flow, tr("Every metric with data in several quarters changed for real at least once."), body, muted,
                 0);
        } else {
            QStringList names;
            for (const ProgressLine &l : p.wobbled)
                names << l.text;
            para(flow,
                 tr("These moved, but no quarter differed from the one before it beyond their 95% ranges, so no "
                    "quarter's "
                    "change can be claimed (the pace below shows any steady drift): %1.")
                     .arg(names.join(QStringLiteral("; "))),
                 body, ink, 0);
        }

        heading2(flow, tr("When each gap closes at this pace"), flow.mm(20));
        Table t = table({col(tr("Metric")), num(p.latest), num(tr("Target")), num(tr("Pace")),
                         col(tr("Reaches the target"), Qt::AlignLeft, false)});
        const std::optional<int> latest = d.progress.latestComplete();
        auto row = [&](const MetricProgress &m) {
            const QuarterFigure &f = m.quarters[std::size_t(*latest)];
            const QColor c = m.pace.met ? style.good : m.pace.targetQuarter ? style.series : style.bad;
            TableCell name = cell(QCoreApplication::translate("srm::MetricCatalogue", m.def->name), QColor(),
                                  m.success);
            if (m.success)
                name.note = tr("success of %1").arg(p.latest);
            t.rows.push_back({{name, cell(formatValue(f.value, m.def->unit)), cell(formatValue(m.target, m.def->unit)),
                               cell(paceText(m)), cell(projectionText(m), c, true)}});
        };
        for (const ProgressLine &l : p.closing)
            row(*l.metric);
        for (const ProgressLine &l : p.notClosing)
            row(*l.metric);
        flow.table(t);
        flow.space(flow.mm(1.5));
        if (!p.met.isEmpty())
            para(flow, tr("Already meeting the target in %1: %2.").arg(p.latest, p.met.join(QStringLiteral(", "))),
                 small, muted, flow.mm(1));
        para(flow,
             tr("\"Not at this pace\": the trend line does not reach the target within the next 8 quarters, or runs "
                "away "
                "from it. A pace needs at least three complete quarters with data."),
             small, muted, 0);

        // The quarters as small multiples, on a page of their own.
        flow.newPage();
        heading2(flow, tr("Every metric by quarter, %1").arg(p.span), flow.mm(60));
        para(flow,
             tr("One value scale per unit, from zero; dashed: the target; bars: the 95% range of each quarter; a green "
                "dot improved and a red one got worse against the quarter before; hollow: the partial quarter; dotted: "
                "the pace up to the quarter it reaches the target; a green frame: a success."),
             small, muted, flow.mm(2));
        const ProgressReport *report = &d.progress;
        ChartStyle st = style;
        st.setBaseFont(font(7));
        st.titleFont.setPointSizeF(7);
        // Panels a little wider than tall; the SLOs quarter by quarter below when they fit.
        const int rows = (int(report->metrics.size()) + 3) / 4;
        const qreal panelW = (flow.content().width() - 3 * flow.mm(2.1)) / 4;
        flow.block(std::min(flow.remaining(), rows * (panelW * 0.85 + flow.mm(2.1))),
                   [report, st](QPainter &painter, const QRectF &r) {
                       ProgressChartOptions options;
                       options.columns = 4;
                       options.legend = false;
                       paintProgress(painter, r, *report, st, options);
                   });
        if (report->slos.empty())
            return;
        heading2(flow, tr("SLOs quarter by quarter: attainment over each quarter itself"), flow.mm(20));
        std::vector<TableColumn> columns{col(tr("SLO")), num(tr("Objective"))};
        for (const ProgressQuarter &q : report->quarters)
            columns.push_back(num(formatQuarter(q.quarter) + (q.partial ? QStringLiteral("*") : QString())));
        Table slos = table(std::move(columns));
        for (const SloProgress &s : report->slos) {
            TableRow row{{cell(s.name), cell(formatPercent(s.objective, 2))}};
            for (const SloQuarter &q : s.quarters)
                row.cells.push_back(q.attainment ? cell(formatPercent(q.attainment, 2), *q.met ? style.good : style.bad)
                                                 : cell(QStringLiteral("–"), muted));
            slos.rows.push_back(std::move(row));
        }
        flow.table(slos);
        flow.space(flow.mm(1));
        para(flow,
             tr("Green: the quarter met the objective; red: it missed it. An SLO without measurements in a quarter is "
                "left out of that quarter's SLO compliance."),
             small, muted, 0);
    }

    // --- Small multiples and SLOs --------------------------------------------------------------

    void smallMultiples()
    {
        startSection(flow, SmallMultiples);
        const AnalysisWindow &w = d.window;
        para(flow,
             tr("Every metric of the catalogue, week by week from %1. All tiles share the window as their time axis; "
                "metrics of one unit share one value scale from zero (no panel is scaled on its own); the dashed line "
                "is "
                "the target. A metric without data is an empty tile that says so.")
                 .arg(windowText(w)),
             small, muted, flow.mm(3));
        const MetricsReport *report = &d.analysis.metrics;
        // Three tiles across a portrait page: type a little smaller than the other charts so that
        // the longest metric name and a tile's value, target and tier fit without being cut.
        ChartStyle st = style;
        st.setBaseFont(font(7.5));
        st.titleFont.setPointSizeF(6.5);
        flow.block(flow.remaining(),
                   [report, st](QPainter &p, const QRectF &r) { paintSmallMultiples(p, r, *report, st, 3); });

        // The SLO chart's columns want the width of a landscape page.
        const std::vector<SloResult> *slos = &d.analysis.metrics.slos;
        flow.setGeometry(landscape);
        flow.newPage();
        heading2(flow, tr("Service level objectives"), flow.mm(40));
        if (slos->empty()) {
            para(flow, tr("No SLO is defined in this workspace."), body, ink, 0);
            byTeam();
            return;
        }
        para(flow,
             tr("Attainment against the objective over each SLO's own window ending at as-of, the error budget left "
                "(negative when overspent) and its burn-down on one shared scale, and the burn rate of the last 24 "
                "hours."),
             small, muted, flow.mm(2));
        const qreal h = std::min(flow.remaining() * 0.6, flow.mm(22) + flow.mm(15) * qreal(slos->size()));
        flow.block(std::max(h, flow.mm(50)),
                   [slos, st](QPainter &p, const QRectF &r) { paintSloChart(p, r, *slos, st); });
        flow.space(flow.mm(3));
        Table t = table({col(tr("SLO")), col(tr("Service")), num(tr("Objective")), num(tr("Window")),
                         num(tr("Attainment")), num(tr("Error budget left")), num(tr("Burn rate 24 h")),
                         col(tr("Status"), Qt::AlignLeft, false)});
        for (const SloResult &s : *slos) {
            const QString status = !s.met ? tr("no data") : *s.met ? tr("met") : tr("missed");
            const QColor color = !s.met ? style.notMeasured : *s.met ? style.good : style.bad;
            t.rows.push_back({{cell(s.name), cell(s.service), cell(formatPercent(s.objective, 2)),
                               cell(tr("%1 d").arg(number(s.windowDays()))), cell(formatPercent(s.attainment, 3)),
                               cell(formatPercent(s.errorBudgetRemaining, 1)),
                               cell(s.burnRate24h ? formatNumber(*s.burnRate24h) : QStringLiteral("–")),
                               cell(status, color, true)}});
        }
        flow.table(t);
        byTeam();
    }

    // --- Alert groups --------------------------------------------------------------------------

    void alertGroups()
    {
        startSection(flow, AlertGroups);
        const AlertReport &a = d.analysis.alerts;
        if (a.groups.empty()) {
            para(flow, tr("No page was created in this window."), body, ink, 0);
            return;
        }
        para(flow,
             tr("Pages grouped by service and normalised title (numbers, ids and addresses replaced), ordered by "
                "frequency. Dark bars are the few groups that cause 80% of the pages: quieting them first removes most "
                "of the load on call."),
             small, muted, flow.mm(2));
        const AlertReport *report = &a;
        const ChartStyle st = style;
        flow.block(flow.mm(78), [report, st](QPainter &p, const QRectF &r) { paintPareto(p, r, *report, st); });
        flow.space(flow.mm(4));

        const std::size_t listed = std::min<std::size_t>(
            a.groups.size(), std::clamp<std::size_t>(std::size_t(a.groupsFor80Percent.value_or(0)), 10, 30));
        heading2(flow, tr("The %1 largest groups").arg(listed), flow.mm(20));
        Table t = table({num(tr("#")), col(tr("Service")), col(tr("Alert group (normalised title)")), num(tr("Pages")),
                         num(tr("Share")), num(tr("Cumulative")), num(tr("Off-hours")), num(tr("Noise")),
                         num(tr("Ack p50"))});
        for (std::size_t i = 0; i < listed; ++i) {
            const AlertGroup &g = a.groups[i];
            QString title = g.title;
            if (!g.mergedKeys.isEmpty())
                title = hygiene::isolate(title) + tr(" (with %1 merged)").arg(g.mergedKeys.size());
            t.rows.push_back({{cell(QString::number(i + 1)), cell(g.service), cell(title), cell(formatCount(g.count)),
                               cell(formatPercent(g.share)), cell(formatPercent(g.cumulativeShare)),
                               cell(formatPercent(g.offHoursRatio)), cell(formatPercent(g.noiseRatio)),
                               cell(formatValue(g.ackP50Minutes, Unit::Minutes))}});
        }
        flow.table(t);
        if (listed < a.groups.size()) {
            flow.space(flow.mm(1.5));
            para(flow,
                 tr("%1 more groups are not listed; `sre-roadmap alerts` and the CSV export list all of them.")
                     .arg(formatCount(std::int64_t(a.groups.size() - listed))),
                 small, muted, 0);
        }
    }

    // --- Incidents -----------------------------------------------------------------------------

    void incidents()
    {
        startSection(flow, Incidents);
        const IncidentReport &r = d.analysis.incidents;
        para(
            flow,
            r.incidents.empty()
                ? tr("No incident started in this window.")
                : tr("%1 incidents started in the window. Every duration is measured from the incident's start; p50 is "
                     "the median, p90 the time 90% of incidents stayed within, n the incidents that reached the "
                     "milestone.")
                      .arg(formatCount(std::int64_t(r.incidents.size()))),
            small, muted, flow.mm(2));
        Table t = table({col(tr("From the incident's start to")), num(tr("p50")), num(tr("p90")), num(tr("n"))});
        const std::pair<QString, const DurationStats *> rows[] = {
            {tr("detection"), &r.timeToDetect},
            {tr("first acknowledgement"), &r.timeToAcknowledge},
            {tr("mitigation"), &r.timeToMitigate},
            {tr("resolution"), &r.timeToRestore},
        };
        for (const auto &[label, s] : rows)
            t.rows.push_back({{cell(label), cell(formatValue(s->p50, s->unit)), cell(formatValue(s->p90, s->unit)),
                               cell(formatCount(s->n()))}});
        flow.table(t);
        flow.space(flow.mm(4));
        const IncidentReport *report = &r;
        const ChartStyle st = style;
        heading2(flow, tr("Distributions (log time axis)"), flow.mm(80));
        flow.block(flow.mm(88),
                   [report, st](QPainter &p, const QRectF &rect) { paintIncidentDurations(p, rect, *report, st); });

        heading2(flow, tr("Phases: detect → acknowledge → mitigate → resolve"), flow.mm(70));
        para(flow,
             tr("Each incident is a row from its start; each phase runs from the previous known milestone to its own."),
             small, muted, flow.mm(2));
        flow.block(std::max(flow.remaining(), flow.mm(60)),
                   [report, st](QPainter &p, const QRectF &rect) { paintIncidentPhases(p, rect, *report, st); });
    }

    // --- Operational debt ----------------------------------------------------------------------

    void debt()
    {
        startSection(flow, Debt);
        if (d.debtItems.empty()) {
            para(flow, tr("No operational debt is registered in this workspace."), body, ink, 0);
            return;
        }
        int perQuadrant[4] = {0, 0, 0, 0};
        std::int64_t open = 0;
        for (const DebtAssessment &a : d.assessments)
            if (a.open) {
                ++open;
                ++perQuadrant[int(a.quadrant)];
            }
        QStringList quadrants;
        for (ToilCostQuadrant q : {ToilCostQuadrant::LowHangingFruit, ToilCostQuadrant::NoBrainer,
                                   ToilCostQuadrant::AlligatorVSwamp, ToilCostQuadrant::Defer})
            quadrants << tr("%1 %2").arg(perQuadrant[int(q)]).arg(quadrantName(q));
        para(flow,
             tr("%1 items in the register, %2 open: %3. A large toil pile is %4 hours a week or more, a high cost %5 "
                "weeks or more (settings quadrant.toil_hours and quadrant.cost_weeks). Each point is an open item, "
                "sized "
                "by its risk (likelihood × impact).")
                 .arg(d.debtItems.size())
                 .arg(open)
                 .arg(quadrants.join(QStringLiteral(", ")), number(d.settings.quadrantToilHours),
                      number(d.settings.quadrantCostWeeks)),
             small, muted, flow.mm(2));
        const std::vector<DebtItem> *items = &d.debtItems;
        const WorkspaceSettings *settings = &d.settings;
        const ChartStyle st = style;
        flow.block(flow.mm(105), [items, settings, st](QPainter &p, const QRectF &r) {
            paintDebtQuadrant(p, r, *items, *settings, st);
        });
        flow.space(flow.mm(3));

        heading2(flow, tr("Ranked by priority"), flow.mm(20));
        para(flow,
             tr("Priority = value ÷ cost in hours × theme weight × gap factor, where value = toil hours a week × 13 + "
                "8 × "
                "likelihood × impact (hours a quarter), and the gap factor is 1 + the largest gap of the item's linked "
                "metrics relative to its target (at most 1; 0.5 when not measured) over the %1 days to %2. Payback: "
                "quarters of toil the work saves back.")
                 .arg(d.gaps.window.days)
                 .arg(asOfDate(d.gaps.window)),
             small, muted, flow.mm(1.5));
        Table t = table({num(tr("Rank")), col(tr("ID"), Qt::AlignLeft, false), col(tr("Item (theme)")),
                         num(tr("Toil h/week")), num(tr("Cost weeks")), num(tr("Risk L×I")),
                         col(tr("Quadrant (how it arose)")), col(tr("Gap factor (linked metric)"), Qt::AlignLeft, true),
                         num(tr("Priority")), num(tr("Payback quarters"))});
        auto addRow = [&](const DebtAssessment &a) {
            const DebtItem *item = d.debtItem(a.id);
            if (!item)
                return;
            const QColor color = a.open ? QColor() : muted;
            TableCell title = cell(qs(item->title), color);
            title.note = item->theme ? MetricCatalogue::themeId(*item->theme) : tr("no theme");
            TableCell quadrant = cell(quadrantName(a.quadrant), color);
            quadrant.note = a.fowler ? fowlerName(*a.fowler).toLower() : QString();
            TableCell gap = cell(item->linkedMetrics.empty() ? tr("× 1, not linked") : formatGapFactor(a.gap.factor),
                                 color);
            // The note says why: the first words of the explanation after the factor.
            gap.note = a.gapNote.section(QStringLiteral(": "), 1);
            t.rows.push_back(
                {{cell(a.rank ? QString::number(*a.rank) : tr("done"), color), cell(qs(item->id), color, true), title,
                  cell(number(item->toilHoursPerWeek), color), cell(number(item->costWeeks), color),
                  cell(tr("%1×%2").arg(item->riskLikelihood).arg(item->riskImpact), color), quadrant, gap,
                  cell(formatPriority(a.priority), color),
                  cell(a.paybackQuarters ? oneDecimal(*a.paybackQuarters) : QStringLiteral("–"), color)}});
        };
        for (std::size_t i : d.rankedOpenItems())
            addRow(d.assessments[i]);
        for (const DebtAssessment &a : d.assessments)
            if (!a.open)
                addRow(a);
        flow.table(t);
    }

    // --- Roadmap -------------------------------------------------------------------------------

    void roadmap()
    {
        // Quarters side by side and long reasons read better across a landscape page.
        startSection(flow, Roadmap, QPageLayout::Landscape);
        if (d.debtItems.empty()) {
            para(flow, tr("No operational debt is registered, so there is nothing to plan."), body, ink, 0);
            return;
        }
        if (!d.plan) {
            para(flow, tr("The roadmap cannot be planned until the debt register is fixed:"), body, ink, flow.mm(2));
            if (!d.planProblem.isEmpty())
                para(flow, d.planProblem, body, style.bad, 0);
            return;
        }
        const Plan &plan = *d.plan;
        QString intro = tr("%1 to %2 (%3). ")
                            .arg(formatQuarter(plan.quarters.front().quarter),
                                 formatQuarter(plan.quarters.back().quarter), plan.startNote());
        // In the words of the settings form, not its keys (the command line's plan keeps the keys).
        QString source;
        if (d.settings.capacityWeeks)
            source = tr("the capacity for debt work set in the settings");
        else if (d.settings.teamSize)
            source = tr("team size %1 × 12 weeks × (1 − %2% reserved for operations)")
                         .arg(*d.settings.teamSize)
                         .arg(SettingsSchema::formatNumber(d.settings.reservedRatio * 100));
        intro += plan.capacityWeeks
            ? tr("Capacity %1 engineer-weeks a quarter (%2).").arg(number(*plan.capacityWeeks), source)
            : tr("No capacity: set the team size or a capacity for debt work.");
        if (plan.doneItems > 0)
            intro += u' ' + tr("Done items are not scheduled (%1).").arg(plan.doneItems);
        para(flow, intro, small, muted, flow.mm(2));

        std::size_t most = plan.unscheduled.size();
        for (const PlanQuarter &q : plan.quarters)
            most = std::max(most, q.items.size());
        const Plan *pp = &plan;
        const std::vector<DebtItem> *items = &d.debtItems;
        const ChartStyle st = style;
        // The chart's rows stop growing at about 8.7 mm; its legend and column heads take about 17 mm.
        const qreal h = std::min(flow.remaining(), flow.mm(20) + flow.mm(8.8) * qreal(std::max<std::size_t>(most, 3)));
        flow.block(h, [pp, items, st](QPainter &p, const QRectF &r) { paintRoadmap(p, r, *pp, *items, st); });
        flow.space(flow.mm(3));

        if (!plan.criticalPath.ids.empty()) {
            QStringList steps;
            for (const std::string &id : plan.criticalPath.ids) {
                const PlannedItem *item = plan.find(id);
                const QString where = !item ? QString()
                    : item->quarter         ? formatQuarter(*item->quarter)
                                            : tr("unscheduled");
                steps << tr("%1 %2 (%3)")
                             .arg(hygiene::isolate(qs(id)), item ? hygiene::isolate(qs(item->title)) : QString(),
                                  where);
            }
            flow.paragraph(
                {{tr("Critical path, %1: ").arg(formatWeeks(plan.criticalPath.totalCostWeeks)), true, style.critical},
                 {steps.join(QStringLiteral(" → "))}},
                body, ink);
        }

        auto itemTable = [&](const std::vector<PlannedItem> &list, const QString &reasonHeader) {
            Table t = table({col(tr("ID"), Qt::AlignLeft, false), col(tr("Item")), num(tr("Weeks")),
                             num(tr("Priority")), col(tr("Quadrant")), col(reasonHeader)});
            for (const PlannedItem &p : list) {
                QString priority = formatPriority(p.priority);
                if (p.priorityFrom != p.id)
                    priority += u'\n' + tr("(eff. %1)").arg(formatPriority(p.effectivePriority));
                TableCell id = cell(qs(p.id), QColor(), true);
                if (p.pinned)
                    id.note = tr("pinned");
                TableCell reason = cell(p.reason);
                if (!p.gapNote.isEmpty())
                    reason.note = tr("gap factor %1").arg(p.gapNote);
                t.rows.push_back({{id, cell(qs(p.title)), cell(oneDecimal(p.costWeeks)), cell(priority),
                                   cell(quadrantName(p.quadrant)), reason}});
            }
            return t;
        };
        // One set of column widths for every quarter's table and the unscheduled one, so they line up.
        std::vector<PlannedItem> everything = plan.unscheduled;
        for (const PlanQuarter &q : plan.quarters)
            everything.insert(everything.end(), q.items.begin(), q.items.end());
        const std::vector<qreal> widths = flow.columnWidths(itemTable(everything, tr("Why not scheduled")));
        auto addTable = [&](const std::vector<PlannedItem> &list, const QString &reasonHeader) {
            Table t = itemTable(list, reasonHeader);
            t.columnWidths = widths;
            flow.table(t);
        };
        for (const PlanQuarter &q : plan.quarters) {
            QString head = formatQuarter(q.quarter);
            if (q.capacityWeeks)
                head += tr(": %1 of %2 weeks used, %3 free")
                            .arg(oneDecimal(q.usedWeeks), oneDecimal(*q.capacityWeeks), oneDecimal(*q.freeWeeks()));
            else
                head += tr(": %1 weeks used, no capacity set").arg(oneDecimal(q.usedWeeks));
            heading2(flow, head, flow.mm(18));
            if (const auto addressed = plan.gapsAddressedIn(q.quarter); !addressed.empty()) {
                QStringList names;
                for (const PlanGap *g : addressed)
                    names << (g->addressedIn == q.quarter ? metricPhrase(g->metric)
                                                          : tr("%1 (continued)").arg(metricPhrase(g->metric)));
                flow.paragraph({{tr("Addresses: "), true}, {names.join(QStringLiteral(", "))}}, small, ink);
                flow.space(flow.mm(1.5));
            }
            if (q.items.empty())
                para(flow, tr("Nothing planned in this quarter."), small, muted, 0);
            else
                addTable(q.items, tr("Why here"));
        }
        // The unscheduled list belongs with the quarters: laid out on a scratch page first, it is
        // kept whole (a new page only when it does not fit below the last quarter); a list longer
        // than a page keeps at least its heading with its first rows.
        auto unscheduled = [&](PageFlow &f) {
            heading2(f, tr("Unscheduled"), f.mm(18));
            if (plan.unscheduled.empty()) {
                para(f, tr("Every open item is scheduled within the plan."), small, muted, 0);
            } else {
                Table t = itemTable(plan.unscheduled, tr("Why not scheduled"));
                t.columnWidths = widths;
                f.table(t);
            }
        };
        PageFlow scratch(device, landscape);
        unscheduled(scratch);
        if (scratch.pageCount() == 1)
            flow.keep(scratch.y() - scratch.content().top() + flow.mm(6));
        unscheduled(flow);
        roadmapGaps(plan);
    }

    // Which gap the roadmap closes, and when: every metric with a gap or not measured, the work
    // linked to it and the first quarter that addresses it; then those no scheduled work addresses.
    void roadmapGaps(const Plan &plan)
    {
        if (!plan.gapsEvaluated)
            return;
        heading2(flow, tr("Gaps and the work that addresses them"), flow.mm(25));
        para(flow,
             tr("Metrics with a gap or not measured over the %1 days to %2, the open items linked to each with the "
                "quarter the plan gives them, and the first quarter that addresses the gap.")
                 .arg(plan.gapWindow.days)
                 .arg(asOfDate(plan.gapWindow)),
             small, muted, flow.mm(1.5));
        if (plan.gaps.empty()) {
            para(flow, tr("Every metric meets its target."), small, muted, 0);
            return;
        }
        Table t = table({col(tr("Gap")), col(tr("Current against target"), Qt::AlignLeft, false),
                         col(tr("Linked work")), col(tr("Addressed in"), Qt::AlignLeft, false)});
        for (const PlanGap &g : plan.gaps) {
            const Unit unit = MetricCatalogue::def(g.metric).unit;
            QStringList work;
            for (const PlanGap::Item &i : g.items)
                work << tr("%1 (%2)").arg(qs(i.id), i.quarter ? formatQuarter(*i.quarter) : tr("unscheduled"));
            TableCell name = cell(metricPhrase(g.metric));
            name.note = MetricCatalogue::themeName(MetricCatalogue::def(g.metric).theme);
            t.rows.push_back(
                {{name,
                  cell(g.value ? tr("%1 against %2")
                                     .arg(formatMetricValue(*g.value, unit), formatMetricValue(g.target, unit))
                               : tr("not measured"),
                       g.value ? QColor() : style.notMeasured),
                  cell(work.isEmpty() ? tr("none linked") : shortList(work, 20), work.isEmpty() ? muted : QColor()),
                  cell(g.addressedIn ? formatQuarter(*g.addressedIn) : tr("no work planned"),
                       g.addressedIn ? QColor() : style.bad, !g.addressedIn)}});
        }
        flow.table(t);
        QStringList unaddressed;
        for (MetricId m : plan.unaddressedGaps)
            unaddressed << metricPhrase(m);
        flow.space(flow.mm(2));
        flow.paragraph({{tr("Unaddressed gaps: "), true, unaddressed.isEmpty() ? style.good : style.bad},
                        {unaddressed.isEmpty()
                             ? tr("none; scheduled work is linked to every gap.")
                             : unaddressed.join(QStringLiteral(", ")) + tr(" — no scheduled item is linked to them.")}},
                       body, ink);
    }

    // --- Options: the saved scenarios against the baseline --------------------------------------

    void options()
    {
        startSection(flow, Options, QPageLayout::Landscape);
        if (!d.plan) {
            para(flow, tr("The scenarios cannot be compared until the debt register can be planned."), body, ink, 0);
            return;
        }
        if (!d.scenarioProblem.isEmpty()) {
            para(flow, d.scenarioProblem, body, style.bad, flow.mm(2));
            return;
        }
        if (d.scenarios.empty()) {
            para(flow,
                 tr("No scenario is saved in this workspace. A scenario plans the roadmap with some settings changed — "
                    "one "
                    "more engineer, another start, a stricter target — for example: sre-roadmap scenario %1 save "
                    "\"+1 engineer\" team_size=%2.")
                     .arg(QFileInfo(d.workspacePath).fileName())
                     .arg(d.settings.teamSize ? *d.settings.teamSize + 1 : 5),
                 body, ink, 0);
            return;
        }
        para(
            flow,
            tr("The baseline against every saved scenario: each scenario is the same register planned with some "
               "settings "
               "overridden. Delivered: the items a quarter holds and the weeks they take. Gaps: the first quarter that "
               "addresses each gap. What moves: the items a scenario places differently from the baseline."),
            small, muted, flow.mm(2));
        const Plan &base = *d.plan;
        // Up to three scenarios beside the baseline per table, so that the columns stay readable.
        constexpr std::size_t kPerTable = 3;
        for (std::size_t first = 0; first < d.scenarios.size(); first += kPerTable) {
            const std::size_t last = std::min(d.scenarios.size(), first + kPerTable);
            std::vector<TableColumn> columns{col(QString()), col(tr("Baseline"))};
            for (std::size_t i = first; i < last; ++i)
                columns.push_back(col(d.scenarios[i].scenario.name));
            Table t = table(columns);
            auto row = [&](const QString &label,
                           const std::function<TableCell(const Plan *, const ScenarioPlan *)> &value,
                           const QString &note = {}) {
                TableRow r;
                TableCell head = cell(label, QColor(), true);
                head.note = note;
                r.cells.push_back(head);
                r.cells.push_back(value(&base, nullptr));
                for (std::size_t i = first; i < last; ++i) {
                    const ScenarioPlan &sp = d.scenarios[i];
                    r.cells.push_back(sp.plan ? value(&*sp.plan, &sp) : cell(sp.problem, style.bad));
                }
                t.rows.push_back(std::move(r));
            };
            auto group = [&](const QString &title) {
                TableRow r;
                r.group = true;
                r.cells.push_back(cell(title, QColor(), true));
                for (std::size_t i = 1; i < t.columns.size(); ++i)
                    r.cells.push_back(cell(QString()));
                t.rows.push_back(std::move(r));
            };
            row(tr("Overrides"), [&](const Plan *, const ScenarioPlan *sp) {
                return sp ? cell(WhatIf::toText(sp->scenario.overrides)) : cell(tr("the workspace's settings"), muted);
            });
            row(tr("Capacity"), [&](const Plan *p, const ScenarioPlan *) {
                return cell(p->capacityWeeks
                                ? tr("%1 weeks a quarter").arg(number(std::round(*p->capacityWeeks * 1e6) / 1e6))
                                : tr("none set"));
            });
            group(tr("What moves"));
            row(tr("Against the baseline"), [&](const Plan *, const ScenarioPlan *sp) {
                if (!sp)
                    return cell(QStringLiteral("–"), muted);
                if (sp->comparison.moves.empty())
                    return cell(tr("nothing moves"), muted);
                QStringList moves;
                for (const ItemMove &m : sp->comparison.moves)
                    moves << tr("%1 %2").arg(qs(m.id), moveText(m));
                return cell(shortList(moves, 20, QStringLiteral("; ")));
            });
            group(tr("Delivered per quarter"));
            for (const PlanQuarter &q : base.quarters) {
                row(formatQuarter(q.quarter), [&](const Plan *p, const ScenarioPlan *) {
                    for (const PlanQuarter &pq : p->quarters)
                        if (pq.quarter == q.quarter)
                            return cell(deliveredText(pq));
                    return cell(tr("outside the plan"), muted);
                });
            }
            row(tr("Unscheduled"), [&](const Plan *p, const ScenarioPlan *) {
                QStringList ids;
                for (const PlannedItem &item : p->unscheduled)
                    ids << qs(item.id);
                TableCell c = cell(ids.isEmpty() ? tr("none") : tr("%1 items").arg(ids.size()));
                c.note = shortList(ids, 20);
                return c;
            });
            group(tr("Gaps addressed by when"));
            std::vector<MetricId> metrics;
            auto addMetrics = [&](const Plan &p) {
                for (const PlanGap &g : p.gaps)
                    if (std::find(metrics.begin(), metrics.end(), g.metric) == metrics.end())
                        metrics.push_back(g.metric);
            };
            addMetrics(base);
            for (std::size_t i = first; i < last; ++i)
                if (d.scenarios[i].plan)
                    addMetrics(*d.scenarios[i].plan);
            std::sort(metrics.begin(), metrics.end());
            for (MetricId m : metrics)
                row(metricPhrase(m), [&](const Plan *p, const ScenarioPlan *) {
                    const PlanGap *g = p->findGap(m);
                    if (!g)
                        return cell(tr("met"), style.good);
                    return g->addressedIn ? cell(formatQuarter(*g->addressedIn))
                                          : cell(tr("no work planned"), style.bad);
                });
            row(tr("Gaps addressed"), [&](const Plan *p, const ScenarioPlan *) {
                return cell(tr("%1 of %2").arg(p->gaps.size() - p->unaddressedGaps.size()).arg(p->gaps.size()));
            });
            // The plans get one width each, whatever their text, so they read side by side.
            std::vector<qreal> widths = flow.columnWidths(t);
            const qreal total = std::accumulate(widths.begin(), widths.end(), qreal(0));
            for (std::size_t i = 1; i < widths.size(); ++i)
                widths[i] = (total - widths[0]) / qreal(widths.size() - 1);
            t.columnWidths = widths;
            flow.table(t);
            flow.space(flow.mm(4));
        }
    }

    // --- Appendix ------------------------------------------------------------------------------

    // docs/metrics.md#dora-quick-check: the panel of the gaps view, the level edges, and what the
    // clusters in the roll-up are.
    void doraAppendix()
    {
        heading2(flow, tr("DORA Quick Check"), flow.mm(60));
        para(flow,
             tr("DORA's five software delivery metrics, scored from 0 to 10 as its Quick Check does. Lead time, "
                "deployment frequency and recovery time have levels 1 to 6 that score (level − 1) × 2; the change "
                "failure rate and the rework rate score 10 × (1 − rate). Throughput is the mean of the measured "
                "throughput scores, stability that of the two instability scores, overall that of all five; a metric "
                "without data has no score. The industry figures are the Quick Check 2025 benchmark, all industries."),
             small, muted, flow.mm(2));
        const dora::QuickCheck *q = &d.analysis.metrics.dora;
        const ChartStyle st = style;
        flow.block(doraQuickCheckHeight(st, device),
                   [q, st](QPainter &p, const QRectF &r) { paintDoraQuickCheck(p, r, *q, st); });
        flow.space(flow.mm(2));
        Table levels = table({num(tr("Level")), num(tr("Score")), col(tr("Lead time, recovery time (hours)")),
                              col(tr("Deployment frequency (per day)"))});
        static const char *const hours[] = {"4320 or more",    "720 to under 4320", "168 to under 720",
                                            "24 to under 168", "1 to under 24",     "under 1"};
        static const char *const perDay[] = {"under 1/180",    "1/180 to under 1/30", "1/30 to under 1/7",
                                             "1/7 to under 1", "1 to under 24",       "24 or more"};
        for (int level = 6; level >= 1; --level)
            levels.rows.push_back({{cell(QString::number(level)), cell(formatScore(double(level - 1) * 2)),
                                    cell(tr("%1: %2").arg(QLatin1StringView(hours[level - 1]),
                                                          doraLevelWords(MetricId::LeadTimeForChanges, level))),
                                    cell(tr("%1: %2").arg(QLatin1StringView(perDay[level - 1]),
                                                          doraLevelWords(MetricId::DeploymentFrequency, level)))}});
        flow.table(levels);
        flow.space(flow.mm(1.5));
        para(flow,
             tr("%1: the roll-up's elite / high / medium / low column applies the clusters of the 2023 State of DevOps "
                "report (setting dora_preset). DORA has published no clusters since 2025; they are kept for comparison "
                "with older reports.")
                 .arg(tierCaption()),
             small, muted, 0);
    }

    void appendix()
    {
        startSection(flow, Appendix);
        heading2(flow, tr("Metric definitions"), flow.mm(20));
        para(flow,
             tr("Each metric is computed over the window from the events whose anchor time falls in it. Percentiles "
                "interpolate linearly between closest ranks; p50 metrics also carry a p90."),
             small, muted, flow.mm(1.5));
        Table defs = table({col(tr("Metric")), col(tr("Theme")), col(tr("Definition")), col(tr("Anchor")),
                            col(tr("Unit")), col(tr("Better")), num(tr("Target"))});
        for (const MetricResult &m : d.analysis.metrics.metrics) {
            const QString unit = MetricCatalogue::unitLabel(m.def->unit);
            TableCell name = cell(metricName(m));
            name.note = m.id();
            defs.rows.push_back(
                {{name, cell(MetricCatalogue::themeName(m.def->theme)),
                  cell(QCoreApplication::translate("srm::MetricCatalogue", m.def->definition)),
                  cell(QString::fromLatin1(m.def->anchor)), cell(unit.isEmpty() ? tr("ratio") : unit),
                  cell(MetricCatalogue::betterId(m.def->better)), cell(formatValue(m.target, m.def->unit))}});
        }
        flow.table(defs);
        doraAppendix();

        heading2(flow, tr("Data sources"), flow.mm(20));
        if (d.imports.isEmpty()) {
            para(flow, tr("No file has been imported into this workspace."), small, muted, 0);
        } else {
            para(flow, tr("The import log: each file, when it was imported, its format and the records it held."),
                 small, muted, flow.mm(1.5));
            Table src = table({col(tr("File")), col(tr("Imported"), Qt::AlignLeft, false), col(tr("Format")),
                               num(tr("Records")), num(tr("Skipped")), col(tr("Notes"))});
            for (const ImportLogEntry &e : d.imports)
                src.rows.push_back({{cell(e.fileName), cell(utcMinute(e.importedAt)), cell(e.format),
                                     cell(formatCount(e.added + e.updated + e.unchanged)), cell(formatCount(e.skipped)),
                                     cell(e.notes)}});
            flow.table(src);
        }

        heading2(flow, tr("Settings used"), flow.mm(20));
        const WorkspaceSettings &s = d.settings;
        Table set = table({col(tr("Setting"), Qt::AlignLeft, false), col(tr("Value"))});
        auto add = [&](const QString &key, const QString &value) { set.rows.push_back({{cell(key), cell(value)}}); };
        add(QStringLiteral("name"), s.name.isEmpty() ? tr("(not set)") : s.name);
        add(QStringLiteral("timezone"), QString::fromLatin1(s.timezone));
        add(tr("business hours"),
            tr("%1 to %2, Monday to Friday").arg(clock(s.businessHoursStart), clock(s.businessHoursEnd)));
        add(QStringLiteral("team_size"), s.teamSize ? QString::number(*s.teamSize) : tr("(not set)"));
        add(QStringLiteral("capacity_weeks"), s.capacityWeeks ? number(*s.capacityWeeks) : tr("(not set)"));
        add(QStringLiteral("reserved_ratio"), number(s.reservedRatio));
        add(QStringLiteral("dora_preset"), s.doraPreset);
        add(QStringLiteral("quadrant.toil_hours / quadrant.cost_weeks"),
            tr("%1 h a week / %2 weeks").arg(number(s.quadrantToilHours), number(s.quadrantCostWeeks)));
        QStringList weights;
        for (Theme th : MetricCatalogue::kThemes)
            weights << tr("%1 %2").arg(MetricCatalogue::themeId(th), number(s.weight(MetricCatalogue::themeId(th))));
        add(tr("theme weights"), weights.join(QStringLiteral(", ")));
        flow.table(set);
    }
};

} // namespace

std::optional<PageSize> pageSizeFromName(QStringView name)
{
    if (name.compare(u"A4", Qt::CaseInsensitive) == 0)
        return PageSize::A4;
    if (name.compare(u"Letter", Qt::CaseInsensitive) == 0)
        return PageSize::Letter;
    return std::nullopt;
}

QString pageSizeName(PageSize size)
{
    return size == PageSize::A4 ? QStringLiteral("A4") : QStringLiteral("Letter");
}

ReportRenderer::ReportRenderer(const ReportData &data, PageSize pageSize) : m_data(data), m_pageSize(pageSize) { }

QStringList ReportRenderer::sectionTitles()
{
    QStringList out;
    for (int s = 0; s < SectionCount; ++s)
        out << sectionTitle(Section(s));
    return out;
}

PdfSummary ReportRenderer::write(QIODevice &device) const
{
    // Rendered into memory first: the outline is added to the finished file (pdfoutline.h).
    QBuffer rendered;
    rendered.open(QIODevice::WriteOnly);
    const PdfSummary summary = render(rendered);
    std::vector<OutlineEntry> outline{{tr("Cover"), 0}};
    for (std::size_t i = 0; i < summary.sectionPages.size() && i < std::size_t(summary.sections.size()); ++i)
        outline.push_back({summary.sections[qsizetype(i)], summary.sectionPages[i] - 1});
    const QByteArray pdf = withOutline(rendered.data(), outline);
    if (device.write(pdf) != pdf.size())
        throw ExportError(tr("cannot write the PDF: %1").arg(device.errorString()));
    return summary;
}

PdfSummary ReportRenderer::render(QIODevice &device) const
{
    QPdfWriter writer(&device);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(m_pageSize == PageSize::A4 ? QPageSize::A4 : QPageSize::Letter),
                                     QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    writer.setTitle(tr("%1 reliability roadmap, as of %2").arg(m_data.organisation, asOfDate(m_data.window)));
    writer.setCreator(QStringLiteral("SRE Roadmap %1").arg(QLatin1StringView(SRM_VERSION)));

    const qreal mm = kDpi / 25.4;
    auto geometry = [&](QPageLayout::Orientation orientation) {
        QPageLayout layout = writer.pageLayout();
        layout.setOrientation(orientation);
        PageGeometry g;
        g.orientation = orientation;
        g.page = layout.fullRectPixels(kDpi);
        g.content = g.page.adjusted(kMarginSide * mm, kMarginTop * mm, -kMarginSide * mm, -kMarginBottom * mm);
        return g;
    };
    Layout layout(m_data, &writer, geometry(QPageLayout::Portrait), geometry(QPageLayout::Landscape));
    layout.build();

    QPainter painter;
    if (!painter.begin(&writer))
        throw ExportError(tr("cannot start the PDF: %1").arg(device.errorString()));
    painter.setRenderHint(QPainter::Antialiasing);
    const QString left = tr("%1 · Reliability roadmap · %2 · as of %3")
                             .arg(hygiene::isolate(m_data.organisation), hygiene::isolate(m_data.scope.describe()),
                                  asOfDate(m_data.window));
    const QFont footFont = font(7.5);
    const QColor footColor = layout.muted, ruleColor = layout.rule;
    layout.flow.render(painter, writer, [&](QPainter &p, int index, int pages, const PageGeometry &g) {
        const QRectF foot(g.content.left(), g.page.bottom() - 14 * mm, g.content.width(), 6 * mm);
        p.save();
        p.fillRect(QRectF(foot.left(), foot.top() - 1.5 * mm, foot.width(), 0.25 * mm), ruleColor);
        p.setFont(footFont);
        p.setPen(footColor);
        const QString right = tr("page %1 of %2").arg(index + 1).arg(pages);
        const QFontMetricsF fm(footFont, &writer);
        const qreal rightW = fm.horizontalAdvance(right) + mm;
        p.drawText(QRectF(foot.right() - rightW, foot.top(), rightW, foot.height()), Qt::AlignRight | Qt::AlignVCenter,
                   right);
        p.drawText(QRectF(foot.left(), foot.top(), foot.width() - rightW - 4 * mm, foot.height()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(left, Qt::ElideMiddle, foot.width() - rightW - 4 * mm));
        p.restore();
    });
    if (!painter.end())
        throw ExportError(tr("cannot finish the PDF: %1").arg(device.errorString()));

    PdfSummary summary;
    summary.pages = layout.flow.pageCount();
    summary.sections = sectionTitles();
    for (int p : layout.sectionPages)
        summary.sectionPages.push_back(p + 1);
    return summary;
}

PdfSummary ReportRenderer::writeFile(const QString &path) const
{
    PdfSummary summary;
    saveFile(path, [&](QIODevice &out) { summary = write(out); });
    return summary;
}

} // namespace srm::report
