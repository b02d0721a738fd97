#include "views/report/htmlsummary.h"

#include "engine/intervals.h"
#include "store/texthygiene.h"
#include "views/charts/chart.h"
#include "views/charts/metricchart.h"
#include "views/charts/valueformat.h"
#include "views/report/exportfile.h"
#include "views/report/progresstext.h"
#include "views/report/summarytext.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QRegularExpression>

namespace srm::report {

using namespace srm::charts;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::report::Html", text);
}

// Text content (docs/hostile-input.md#text): control characters removed (XML forbids them and
// mail tools choke on NUL), bidi controls isolated so that they cannot reverse the text around
// them, markup escaped, and a break opportunity (<wbr />, which shortLines() can split into two
// lines at its space) every kRun characters of a run without spaces, so a 15,000-byte word
// neither makes a 15,000-byte line nor stretches the table.
QString esc(const QString &s)
{
    constexpr int kRun = 60;
    const QString clean = hygiene::isolate(hygiene::withoutControls(s));
    QString out;
    out.reserve(clean.size() + clean.size() / 8);
    int run = 0;
    for (qsizetype i = 0; i < clean.size(); ++i) {
        const QChar c = clean[i];
        if (c.isSpace()) {
            run = 0;
        } else if (++run > kRun && !c.isLowSurrogate()) {
            out += QStringLiteral("<wbr />");
            run = 1;
        }
        switch (c.unicode()) {
        case u'&': out += QStringLiteral("&amp;"); break;
        case u'<': out += QStringLiteral("&lt;"); break;
        case u'>': out += QStringLiteral("&gt;"); break;
        case u'"': out += QStringLiteral("&quot;"); break;
        default: out += c;
        }
    }
    return out;
}

// An attribute value, or the content of <title> (where <wbr /> would be shown as it is).
QString attr(const QString &s)
{
    return hygiene::isolate(hygiene::withoutControls(s)).toHtmlEscaped();
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Colours of ChartStyle::light(), written out for the mail client.
const QString kInk = QStringLiteral("#1f2328");
const QString kMuted = QStringLiteral("#5c636b");
const QString kRule = QStringLiteral("#e1e4e8");
const QString kAccent = QStringLiteral("#1f6fb2");
const QString kGood = QStringLiteral("#1b8a5a");
const QString kBad = QStringLiteral("#c0392b");
const QString kFill = QStringLiteral("#f3f4f6");

QString statusColor(Status s)
{
    return s == Status::Met ? kGood : s == Status::Gap ? kBad : kMuted;
}

// Table cells with the inline styles mail clients keep.
QString th(const QString &text, bool right = false)
{
    return QStringLiteral(
               "<th style=\"padding:6px 8px;border-bottom:2px solid %1;font-size:12px;font-weight:bold;color:%2;"
               "text-align:%3;\">%4</th>")
        .arg(kInk, kMuted, right ? QStringLiteral("right") : QStringLiteral("left"), esc(text));
}

QString td(const QString &html, bool right = false, const QString &extra = QString())
{
    return QStringLiteral("<td style=\"padding:5px 8px;border-bottom:1px solid %1;font-size:13px;text-align:%2;"
                          "vertical-align:middle;%3\">%4</td>")
        .arg(kRule, right ? QStringLiteral("right") : QStringLiteral("left"), extra, html);
}

QString section(const QString &title, const QString &body)
{
    return QStringLiteral("<tr><td style=\"padding:14px 28px 4px 28px;\">"
                          "<h2 style=\"margin:0 0 8px 0;font-size:17px;color:%1;\">%2</h2>%3</td></tr>\n")
        .arg(kInk, esc(title), body);
}

QString table(const QString &rows)
{
    return QStringLiteral(
               "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\" "
               "style=\"border-collapse:collapse;width:100%;\">%1</table>")
        .arg(rows);
}

QString sparkline(const MetricResult &m, const SmallMultiplesScale &scale)
{
    constexpr int kWidth = 120, kHeight = 26;
    // renderSvg() draws inside a margin; the paint routine is told where, and the viewBox crops it.
    qreal margin = 0;
    const FunctionChart chart(metricName(m), [&](QPainter &p, const QRectF &rect, const ChartStyle &style) {
        margin = rect.left();
        paintSparkline(p, rect, m, scale, style);
    });
    // First a probe for the margin, then the real size.
    renderSvg(chart, QSize(kWidth, kHeight), ChartStyle::light());
    const int pad = int(std::lround(margin));
    const QByteArray svg = renderSvg(chart, QSize(kWidth + 2 * pad, kHeight + 2 * pad), ChartStyle::light());
    return QString::fromUtf8(inlineSvg(svg, kWidth, kHeight, pad, tr("%1, weekly").arg(metricName(m))));
}

// Mail transports limit a line to 998 characters (RFC 5322) and break longer ones anywhere,
// which can cut a tag in two. Long lines are broken at a space instead, where HTML and SVG
// read a line break as the space it replaces.
QString shortLines(const QString &html, qsizetype limit = 160)
{
    QString out;
    out.reserve(html.size() + html.size() / limit);
    qsizetype lineStart = 0, lastSpace = -1;
    for (qsizetype i = 0; i < html.size(); ++i) {
        const QChar c = html[i];
        out += c;
        if (c == u'\n') {
            lineStart = out.size();
            lastSpace = -1;
        } else if (c == u' ') {
            lastSpace = out.size() - 1;
        }
        if (out.size() - lineStart > limit && lastSpace > lineStart) {
            out[lastSpace] = u'\n';
            lineStart = lastSpace + 1;
            lastSpace = -1;
        }
    }
    return out;
}

// "Latest data 2026-09-30 23:58 UTC", and a warning when that is more than two days before the
// summary was made: a cron mail built on a workspace nobody feeds any more says so.
QString freshness(const ReportData &d)
{
    if (!d.latestEvent)
        return QStringLiteral("<div style=\"font-size:13px;color:%1;\">%2</div>")
            .arg(kBad, esc(tr("No data in this workspace yet.")));
    const QString latest = formatIso(*d.latestEvent).left(16).replace(u'T', u' ') + QStringLiteral(" UTC");
    QString html = QStringLiteral("<div style=\"font-size:13px;color:%1;\">%2")
                       .arg(kMuted, esc(tr("Latest data %1").arg(latest)));
    const Micros age = d.readAt - *d.latestEvent;
    if (d.readAt > 0 && age > 2 * kMicrosPerDay)
        html += QStringLiteral(" <strong style=\"color:%1;\">%2</strong>")
                    .arg(kBad,
                         esc(tr("— no new data for %1 days: is the import still running?").arg(age / kMicrosPerDay)));
    return html + QStringLiteral("</div>");
}

// What changed since yesterday: this window against the same window one day earlier
// (ReadModel::yesterday). A metric is called improved or worse only by the interval verdict
// (docs/intervals-and-progress.md#since-yesterday); windows a day apart share all but one day, so
// most moves are "no clear change", and the text says how many moved without naming them.
QString sinceYesterday(const ReportData &d)
{
    const AnalysisWindow y{d.window.asOf - kMicrosPerDay, d.window.days};
    QStringList improved, worse;
    int moved = 0, same = 0, unmeasured = 0;
    for (const MetricResult &m : d.analysis.metrics.metrics) {
        const std::size_t i = std::size_t(m.def->key);
        if (i >= d.yesterday.metrics.size())
            continue;
        const MetricResult &before = d.yesterday.metrics[i];
        if (!m.value || !before.value) {
            ++unmeasured;
            continue;
        }
        const Verdict v = intervals::verdict(m.def->better, m.value, m.ci, before.value, before.ci);
        const QString line = tr("%1 %2 (yesterday %3)")
                                 .arg(metricName(m), formatValue(m.value, m.def->unit),
                                      formatValue(before.value, m.def->unit));
        if (v == Verdict::Improved)
            improved << line;
        else if (v == Verdict::Worse)
            worse << line;
        else if (formatValue(m.value, m.def->unit) != formatValue(before.value, m.def->unit))
            ++moved;
        else
            ++same;
    }
    QString html = QStringLiteral("<p style=\"margin:0 0 6px 0;font-size:13px;\">%1</p>")
                       .arg(esc(tr("The %1-day window as of %2 against the same window as of %3.")
                                    .arg(d.window.days)
                                    .arg(asOfDate(d.window), asOfDate(y))));
    auto list = [&](const QString &title, const QStringList &lines, const QString &color) {
        QString items;
        for (const QString &l : lines)
            items += QStringLiteral("<li>%1</li>").arg(esc(l));
        html += QStringLiteral("<p style=\"margin:6px 0 2px 0;font-size:13px;font-weight:bold;color:%1;\">%2</p>"
                               "<ul style=\"margin:0;padding-left:20px;font-size:13px;\">%3</ul>")
                    .arg(color, esc(title), items);
    };
    if (!improved.isEmpty())
        list(tr("Improved for real since yesterday"), improved, kGood);
    if (!worse.isEmpty())
        list(tr("Worse for real since yesterday"), worse, kBad);
    QStringList rest;
    if (improved.isEmpty() && worse.isEmpty())
        rest << tr("Nothing improved or got worse for real since yesterday.");
    if (moved > 0)
        rest << QCoreApplication::translate(
            "srm::report::Html", "Metrics that moved within their 95% ranges (no clear change): %n.", nullptr, moved);
    if (same > 0)
        rest << QCoreApplication::translate("srm::report::Html", "Metrics unchanged: %n.", nullptr, same);
    if (unmeasured > 0)
        rest << QCoreApplication::translate("srm::report::Html", "Metrics not measured on one of the two days: %n.",
                                            nullptr, unmeasured);
    html += QStringLiteral("<p style=\"margin:6px 0 0 0;font-size:13px;color:%1;\">%2</p>")
                .arg(kMuted, esc(rest.join(u' ')));
    return html;
}

} // namespace

QByteArray inlineSvg(const QByteArray &svg, int width, int height, int margin, const QString &label)
{
    QString s = QString::fromUtf8(svg);
    const qsizetype open = s.indexOf(QStringLiteral("<svg"));
    if (open < 0)
        return {};
    const qsizetype close = s.indexOf(u'>', open);
    s = QStringLiteral("<svg width=\"%1\" height=\"%2\" viewBox=\"%3 %3 %1 %2\" role=\"img\" aria-label=\"%4\" "
                       "style=\"display:block;\">")
            .arg(width)
            .arg(height)
            .arg(margin)
            .arg(attr(label))
        + s.mid(close + 1);
    // QSvgGenerator writes the title unescaped; the accessible name is on the element instead.
    static const QRegularExpression meta(QStringLiteral("<title>.*?</title>|<desc>.*?</desc>"),
                                         QRegularExpression::DotMatchesEverythingOption);
    s.remove(meta);
    static const QRegularExpression blankLines(QStringLiteral("\\n\\s*\\n"));
    s.replace(blankLines, QStringLiteral("\n"));
    return s.trimmed().toUtf8();
}

QByteArray htmlSummary(const ReportData &d)
{
    const SummaryText summary = summarize(d);
    const AnalysisWindow &w = d.window;
    const SmallMultiplesScale scale = SmallMultiplesScale::forReport(d.analysis.metrics);
    QString body;

    // The three answers.
    QString answers;
    const std::pair<QString, QString> qa[] = {
        {summary.improvingQuestion, summary.improving},
        {summary.costQuestion, summary.cost},
        {summary.actionsQuestion, summary.actions},
    };
    for (const auto &[q, a] : qa)
        answers += QStringLiteral("<p style=\"margin:0 0 10px 0;\"><strong style=\"color:%1;\">%2</strong> %3</p>")
                       .arg(kAccent, esc(q), esc(a));
    body += QStringLiteral("<tr><td style=\"padding:16px 28px 4px 28px;font-size:14px;\">%1</td></tr>\n").arg(answers);

    // Since yesterday, right after the answers: what a daily reader looks for first.
    body += section(tr("What changed since yesterday"), sinceYesterday(d));

    // Themes.
    QString themes;
    for (const ThemeStatus &t : summary.themes) {
        const QString gaps = t.topGaps.isEmpty()
            ? QStringLiteral("<span style=\"color:%1;\">%2</span>").arg(t.allMet ? kGood : kMuted, esc(t.note))
            : esc(t.topGaps.join(QStringLiteral("; ")));
        themes += QStringLiteral("<tr>%1%2</tr>")
                      .arg(td(QStringLiteral("<strong>%1</strong><br />"
                                             "<span style=\"color:%2;font-size:12px;\">%3</span>")
                                  .arg(esc(t.name), kMuted, esc(t.counts)),
                              false, QStringLiteral("width:38%;")),
                           td(gaps));
    }
    body += section(tr("Themes"), table(themes));

    // The roll-up with sparklines.
    QString rollup = QStringLiteral("<tr>%1%2%3%4%5%6</tr>")
                         .arg(th(tr("Metric")), th(tr("Current"), true), th(tr("Target"), true), th(tr("Weekly trend")),
                              th(tr("vs. before")), th(tr("Status")));
    for (const ThemeSummary &t : d.analysis.metrics.themes) {
        rollup += QStringLiteral(
                      "<tr><td colspan=\"6\" style=\"padding:8px 8px 4px 8px;background-color:%1;font-size:13px;"
                      "font-weight:bold;\">%2</td></tr>")
                      .arg(kFill, esc(MetricCatalogue::themeName(t.theme)));
        for (const MetricResult &m : d.analysis.metrics.metrics) {
            if (m.def->theme != t.theme)
                continue;
            const QString mvColor = m.verdict == Verdict::Improved ? kGood
                : m.verdict == Verdict::Worse                      ? kBad
                                                                   : kMuted;
            rollup += QStringLiteral("<tr>%1%2%3%4%5%6</tr>\n")
                          .arg(td(esc(metricName(m))), td(esc(formatValue(m.value, m.def->unit)), true),
                               td(esc(formatValue(m.target, m.def->unit)), true,
                                  QStringLiteral("color:%1;").arg(kMuted)),
                               td(sparkline(m, scale)),
                               td(esc(verdictText(m.verdict)), false, QStringLiteral("color:%1;").arg(mvColor)),
                               td(QStringLiteral("<strong>%1</strong>").arg(esc(statusText(m.status))), false,
                                  QStringLiteral("color:%1;").arg(statusColor(m.status))));
        }
    }
    body += section(tr("Metrics"),
                    table(rollup)
                        + QStringLiteral("<p style=\"margin:6px 0 0 0;font-size:12px;color:%1;\">%2</p>")
                              .arg(kMuted,
                                   esc(tr("Weekly trend over the window, on one scale from zero per unit; dashed "
                                          "line: target. \"vs. before\": against the %1 days before; improved or "
                                          "worse only when the 95% ranges of the two periods do not overlap.")
                                           .arg(d.previous.window.days))));

    // The DORA Quick Check: the line of the executive summary, then each metric's level and score.
    {
        const dora::QuickCheck &q = d.analysis.metrics.dora;
        QString rows = QStringLiteral("<tr>%1%2%3%4</tr>")
                           .arg(th(tr("Metric")), th(tr("Level · measured value")), th(tr("Score"), true),
                                th(tr("Industry"), true));
        for (const dora::MetricScore &m : q.metrics)
            rows += QStringLiteral("<tr>%1%2%3%4</tr>\n")
                        .arg(td(esc(QCoreApplication::translate("srm::MetricCatalogue",
                                                                MetricCatalogue::def(m.metric).name))),
                             td(esc(doraLevelAndValue(m)), false,
                                m.value ? QString() : QStringLiteral("color:%1;").arg(kMuted)),
                             td(esc(formatScore(m.score)), true),
                             td(esc(formatIndustry(dora::industry(m.metric))), true,
                                QStringLiteral("color:%1;").arg(kMuted)));
        body += section(
            summary.quickCheckTitle,
            QStringLiteral("<p style=\"margin:0 0 6px 0;font-size:13px;\">%1</p>").arg(esc(summary.quickCheck))
                + table(rows));
    }

    // Quarter by quarter: the latest complete quarter's verdicts, successes and the pace.
    {
        const ProgressSummary p = summarizeProgress(d);
        if (!p.latest.isEmpty()) {
            QString html = QStringLiteral("<p style=\"margin:0 0 6px 0;font-size:13px;\">%1. %2</p>")
                               .arg(esc(p.latestCounts), esc(p.successText));
            auto list = [&](const QString &title, const std::vector<ProgressLine> &lines, const QString &color) {
                if (lines.empty())
                    return;
                QString items;
                for (const ProgressLine &l : lines)
                    items += QStringLiteral("<li>%1</li>").arg(esc(l.text));
                html += QStringLiteral(
                            "<p style=\"margin:6px 0 2px 0;font-size:13px;font-weight:bold;color:%1;\">%2</p>"
                            "<ul style=\"margin:0;padding-left:20px;font-size:13px;\">%3</ul>")
                            .arg(color, esc(title), items);
            };
            list(tr("Improved for real"), p.improved, kGood);
            list(tr("Worse for real"), p.worse, kBad);
            list(tr("When each gap closes at this pace"), p.closing, kAccent);
            if (!p.notClosing.empty()) {
                QStringList names;
                for (const ProgressLine &l : p.notClosing)
                    names << QCoreApplication::translate("srm::MetricCatalogue", l.metric->def->name);
                html += QStringLiteral("<p style=\"margin:6px 0 0 0;font-size:13px;color:%1;\">%2</p>")
                            .arg(kMuted,
                                 esc(tr("Not closing at this pace: %1.").arg(names.join(QStringLiteral(", ")))));
            }
            body += section(tr("Quarter by quarter, %1").arg(p.span), html);
        }
    }

    // SLOs.
    if (!d.analysis.metrics.slos.empty()) {
        QString slos = QStringLiteral("<tr>%1%2%3%4%5%6</tr>")
                           .arg(th(tr("SLO")), th(tr("Objective"), true), th(tr("Attainment"), true),
                                th(tr("Budget left"), true), th(tr("Burn rate, 24 h"), true), th(tr("Status")));
        for (const SloResult &s : d.analysis.metrics.slos) {
            const QString status = !s.met ? tr("no data") : *s.met ? tr("met") : tr("missed");
            const QString color = !s.met ? kMuted : *s.met ? kGood : kBad;
            // The 24 h burn rate: how many times faster than "exactly the budget over the SLO's
            // window" the last day spent it (docs/decisions.md#analysis-engine); above 1 the budget
            // runs out before the window ends.
            const QString burn = s.burnRate24h ? tr("%1×").arg(formatNumber(*s.burnRate24h)) : QStringLiteral("–");
            const QString burnStyle = s.burnRate24h && *s.burnRate24h > 1 ? QStringLiteral("color:%1;").arg(kBad)
                                                                          : QString();
            slos += QStringLiteral("<tr>%1%2%3%4%5%6</tr>\n")
                        .arg(td(esc(s.name)), td(esc(formatPercent(s.objective, 2)), true),
                             td(esc(formatPercent(s.attainment, 3)), true),
                             td(esc(formatPercent(s.errorBudgetRemaining, 1)), true), td(esc(burn), true, burnStyle),
                             td(QStringLiteral("<strong>%1</strong>").arg(esc(status)), false,
                                QStringLiteral("color:%1;").arg(color)));
        }
        body += section(tr("Service level objectives"), table(slos));
    }

    // Top alert groups.
    const AlertReport &a = d.analysis.alerts;
    if (!a.groups.empty()) {
        QString groups = QStringLiteral("<tr>%1%2%3%4</tr>")
                             .arg(th(tr("#"), true), th(tr("Alert group")), th(tr("Pages"), true),
                                  th(tr("Share"), true));
        for (std::size_t i = 0; i < a.groups.size() && i < 5; ++i) {
            const AlertGroup &g = a.groups[i];
            groups += QStringLiteral("<tr>%1%2%3%4</tr>\n")
                          .arg(td(QString::number(i + 1), true),
                               td(QStringLiteral("%1<br /><span style=\"color:%2;font-size:12px;\">%3</span>")
                                      .arg(esc(g.title), kMuted, esc(g.service))),
                               td(esc(formatCount(g.count)), true), td(esc(formatPercent(g.share)), true));
        }
        QString note = tr("%1 pages in %2 groups.").arg(formatCount(a.totalPages), formatCount(a.groupsTotal()));
        if (a.groupsFor80Percent)
            note += u' ' + tr("The top %1 groups cause 80% of the pages.").arg(*a.groupsFor80Percent);
        body += section(tr("Top alert groups"),
                        QStringLiteral("<p style=\"margin:0 0 6px 0;font-size:13px;\">%1</p>").arg(esc(note))
                            + table(groups));
    }

    // The next quarter with work in it.
    if (d.plan) {
        for (const PlanQuarter &q : d.plan->quarters) {
            if (q.items.empty())
                continue;
            QString rows = QStringLiteral("<tr>%1%2%3</tr>").arg(th(tr("ID")), th(tr("Item")), th(tr("Weeks"), true));
            for (const PlannedItem &p : q.items)
                rows += QStringLiteral("<tr>%1%2%3</tr>\n")
                            .arg(td(QStringLiteral("<strong>%1</strong>").arg(esc(qs(p.id)))), td(esc(qs(p.title))),
                                 td(QLocale::c().toString(p.costWeeks, 'f', 1), true));
            QString head = formatQuarter(q.quarter);
            if (q.capacityWeeks)
                head += tr(": %1 of %2 weeks planned")
                            .arg(QLocale::c().toString(q.usedWeeks, 'f', 1),
                                 QLocale::c().toString(*q.capacityWeeks, 'f', 1));
            body += section(tr("Next on the roadmap"),
                            QStringLiteral("<p style=\"margin:0 0 6px 0;font-size:13px;\">%1</p>").arg(esc(head))
                                + table(rows));
            break;
        }
    }

    body += section(tr("Not measured yet"),
                    QStringLiteral("<p style=\"margin:0;font-size:13px;\">%1</p>").arg(esc(summary.notMeasured)));

    const QString title = tr("%1 reliability summary, as of %2").arg(hygiene::isolate(d.organisation), asOfDate(w));
    // Assembled by concatenation: the body holds figures such as "80%" that a further arg() pass
    // would read as its own %N markers.
    const QString file = QFileInfo(d.workspacePath).fileName();
    const QString footer = esc(tr("Made by SRE Roadmap %1 from %2. The full executive report:")
                                   .arg(QLatin1StringView(SRM_VERSION), hygiene::isolate(file)))
        + QStringLiteral(" <span style=\"white-space:nowrap;font-family:monospace;\">%1</span>")
              .arg(esc(QStringLiteral("sre-roadmap report %1 --pdf report.pdf").arg(file)));
    const QString head
        = QStringLiteral("<!DOCTYPE html>\n"
                         "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
                         "<title>%1</title>\n</head>\n"
                         "<body style=\"margin:0;padding:24px 0;background-color:%2;\">\n"
                         "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\" "
                         "style=\"border-collapse:collapse;background-color:%2;\"><tr><td align=\"center\">\n"
                         "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"680\" "
                         "style=\"width:680px;max-width:100%;border-collapse:collapse;background-color:#ffffff;border-"
                         "top:4px solid %3;"
                         "font-family:DejaVu "
                         "Sans,Verdana,Arial,sans-serif;font-size:14px;line-height:1.45;color:%4;text-align:left;\">\n"
                         "<tr><td style=\"padding:22px 28px 4px 28px;\">"
                         "<div style=\"font-size:13px;color:%3;\">%5</div>"
                         "<h1 style=\"margin:4px 0 6px 0;font-size:26px;line-height:1.2;color:%4;\">%6</h1>"
                         "<div style=\"font-size:13px;color:%7;\">%8</div>%9</td></tr>\n")
              .arg(attr(title), kFill, kAccent, kInk, esc(tr("Daily reliability summary")), esc(d.organisation), kMuted,
                   esc(tr("As of %1 · window %2 · %3").arg(asOfDate(w), windowText(w), d.scope.describe())),
                   freshness(d));
    const QString tail
        = QStringLiteral(
              "<tr><td style=\"padding:18px 28px 22px 28px;font-size:12px;color:%1;border-top:1px solid %2;\">%3"
              "</td></tr>\n</table>\n</td></tr></table>\n</body>\n</html>\n")
              .arg(kMuted, kRule, footer);
    const QString html = shortLines(head + body + tail);
    return html.toUtf8();
}

void writeHtmlSummary(const ReportData &data, const QString &path, const OutputPolicy &policy)
{
    checkOutputs({path}, policy); // before the work
    writeOutput(path, htmlSummary(data), policy);
}

} // namespace srm::report
