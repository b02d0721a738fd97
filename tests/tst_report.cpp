// The executive PDF and the exports (views/report, `report` and `export`), read back the way a
// person or a checker reads them: pdfinfo for pages and sizes, pdftotext for the words on each
// page (sections in order, a dated "page N of M" footer everywhere, the quadrant names, quarter
// labels, figures of the engine in the summary), pdffonts and pdfimages for embedded fonts and
// vector drawing. A small workspace written here gives figures computed by hand; the demo gives
// the full report. Also: tables that continue on the next page repeat their header (PageFlow),
// the CSV formula guard and RFC 4180 quoting, a self-contained HTML e-mail, failures that leave
// no file, and File › Export PDF… in the window.
#include "app/mainwindow.h"
#include "tests/common/testutil.h"
#include "tests/enginefixture.h"
#include "views/charts/valueformat.h"
#include "views/report/csvexport.h"
#include "views/report/exportfile.h"
#include "views/report/htmlsummary.h"
#include "views/report/pageflow.h"
#include "views/report/reportdata.h"
#include "views/report/reportrenderer.h"
#include "views/report/summarytext.h"

#include <QAction>
#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

using namespace srm;
using namespace srm::test;

namespace {

// Runs a poppler tool; fails the test when it is missing (packaging/install-deps.sh installs it).
QByteArray tool(const QString &program, const QStringList &args)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        qFatal("%s not found: run packaging/install-deps.sh (poppler-utils)", qPrintable(program));
    QProcess p;
    p.start(path, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

// The text of each page (pdftotext separates pages with a form feed).
QStringList pageTexts(const QString &pdf)
{
    QStringList pages = QString::fromUtf8(tool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")})).split(u'\f');
    if (!pages.isEmpty() && pages.back().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

// Words of a page on one line, so that a sentence wrapped by the layout still matches.
QString flat(const QString &text)
{
    return text.simplified();
}

int pageCount(const QString &pdf)
{
    const QString info = QString::fromUtf8(tool(QStringLiteral("pdfinfo"), {pdf}));
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)$"), QRegularExpression::MultilineOption).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// "595 x 842" for page `page`.
QString pageSize(const QString &pdf, int page)
{
    const QString info = QString::fromUtf8(
        tool(QStringLiteral("pdfinfo"),
             {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), pdf}));
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("Page\\s+%1 size:\\s+([\\d.]+ x [\\d.]+) pts").arg(page)).match(info);
    return m.hasMatch() ? m.captured(1) : QString();
}

// Lines of a page, trimmed.
QStringList lines(const QString &page)
{
    QStringList out;
    for (const QString &l : page.split(u'\n'))
        out << l.trimmed();
    return out;
}

// The first page (0-based) at or after `from` that has `line` as a line of its own; -1 if none.
int pageWithLine(const QStringList &pages, const QString &line, int from = 0)
{
    for (int i = from; i < pages.size(); ++i)
        if (lines(pages[i]).contains(line))
            return i;
    return -1;
}

// A small RFC 4180 reader for the exported files (quoted fields, doubled quotes, CRLF).
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString s = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (quoted) {
            if (c == u'"' && i + 1 < s.size() && s[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < s.size() && s[i + 1] == u'\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Thousands with a comma, as the report writes counts: 1760 -> "1,760".
QString grouped(qint64 n)
{
    QString digits = QString::number(n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return digits;
}

const QStringList kSections = {QStringLiteral("Executive summary"),
                               QStringLiteral("Progress by quarter"),
                               QStringLiteral("Small multiples"),
                               QStringLiteral("Top alert groups"),
                               QStringLiteral("Incident durations"),
                               QStringLiteral("Operational debt"),
                               QStringLiteral("Roadmap by quarter"),
                               QStringLiteral("Options"),
                               QStringLiteral("Appendix")};

} // namespace

class TstReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    QString m_pdf;
    QStringList m_pages; // text of the demo report's pages
    std::unique_ptr<EngineFixture> m_fixture;

    QString file(const QString &name) const { return m_dir.filePath(name); }

    // A small shop written by hand: four production deployments in February 2026, one rolled
    // back; three pages; one SLO; a debt register whose text starts like formulas.
    void writeFixture()
    {
        m_fixture = std::make_unique<EngineFixture>();
        Workspace &ws = m_fixture->ws();
        ws.setSetting(QStringLiteral("name"), QStringLiteral("Acme Shop"));
        ws.setSetting(QStringLiteral("team_size"), QStringLiteral("2"));
        Slo slo;
        slo.name = "checkout";
        slo.measurementSlo = "checkout";
        slo.service = "checkout";
        slo.objective = 0.75;
        slo.windowSeconds = 28 * 86400;
        SloMeasurement m;
        m.slo = "checkout";
        m.timestamp = at("2026-02-20T00:00:00Z");
        m.total = 4;
        m.good = 2;
        DebtItem formula;
        formula.id = "OPS-1";
        formula.title = "=HYPERLINK(\"http://example.org\",\"click\")";
        formula.theme = Theme::Change;
        formula.toilHoursPerWeek = 5;
        formula.costWeeks = 2;
        formula.notes = "+44 20, call the \"night\" desk";
        DebtItem minus;
        minus.id = "-OPS-2";
        minus.title = "@SUM(A1:A9)";
        minus.costWeeks = 1;
        m_fixture->write(deployment("D0", "2026-01-20T10:00:00Z"), deployment("D1", "2026-02-10T10:00:00Z"),
                         deployment("D2", "2026-02-11T10:00:00Z"),
                         deployment("D3", "2026-02-12T10:00:00Z", DeployResult::RolledBack),
                         deployment("D4", "2026-02-13T10:00:00Z"),
                         page("P1", "Disk 91% full on db-1", "2026-02-14T03:00:00Z", 300, 900), // Saturday night
                         page("P2", "Disk 93% full on db-1", "2026-02-17T10:00:00Z", 120, 600), // Tuesday
                         page("P3", "Checkout errors", "2026-02-18T11:00:00Z", std::nullopt, 60, true), slo, m, formula,
                         minus);
    }

    QStringList fixtureArgs() const
    {
        return {QStringLiteral("--as-of"), QStringLiteral("2026-03-01"), QStringLiteral("--window-days"),
                QStringLiteral("28")};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = file(QStringLiteral("demo.srmap"));
        QCOMPARE(runCli({QStringLiteral("demo"), m_demo}).exitCode, 0);
        m_pdf = file(QStringLiteral("demo.pdf"));
        QElapsedTimer timer;
        timer.start();
        const CliResult r = runCli({QStringLiteral("report"), m_demo, QStringLiteral("--pdf"), m_pdf});
        qInfo("report of the demo workspace: %lld ms (whole process, this build)", timer.elapsed());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        m_pages = pageTexts(m_pdf);
        // The command says how many pages it wrote.
        QVERIFY2(r.outText().contains(QStringLiteral(": %1 pages (A4)").arg(m_pages.size())), r.out.constData());
        writeFixture();
    }

    void demoHasAtLeastSevenPages()
    {
        QCOMPARE(pageCount(m_pdf), m_pages.size());
        QVERIFY2(m_pages.size() >= 7, QByteArray::number(m_pages.size()).constData());
    }

    void smallVectorFileWithEmbeddedFonts()
    {
        QVERIFY(QFileInfo(m_pdf).size() < 5 * 1024 * 1024);
        // Vector: not a single raster image (the header of pdfimages -list is two lines).
        const QStringList images = QString::fromUtf8(
                                       tool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), m_pdf}))
                                       .split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(images.size(), 2);
        // Every font embedded.
        const QStringList fonts
            = QString::fromUtf8(tool(QStringLiteral("pdffonts"), {m_pdf})).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(fonts.size() > 2);
        for (const QString &line : fonts.mid(2)) {
            const QStringList cols = line.split(u' ', Qt::SkipEmptyParts);
            // name type [type...] encoding emb sub uni id gen: "emb" is the fifth column from the end.
            QVERIFY2(cols.size() >= 6 && cols[cols.size() - 5] == u"yes", qPrintable(line));
        }
    }

    void pageSizes_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("portrait");
        QTest::addColumn<QString>("landscape");
        QTest::newRow("A4") << QStringLiteral("A4") << QStringLiteral("595 x 842") << QStringLiteral("842 x 595");
        QTest::newRow("Letter") << QStringLiteral("Letter") << QStringLiteral("612 x 792")
                                << QStringLiteral("792 x 612");
        QTest::newRow("letter, any case")
            << QStringLiteral("letter") << QStringLiteral("612 x 792") << QStringLiteral("792 x 612");
    }
    void pageSizes()
    {
        QFETCH(QString, option);
        QFETCH(QString, portrait);
        QFETCH(QString, landscape);
        const QString out = file(QStringLiteral("size-%1.pdf").arg(option));
        const CliResult r = runCli(
            {QStringLiteral("report"), m_demo, QStringLiteral("--pdf"), out, QStringLiteral("--page-size"), option});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(pageSize(out, 1), portrait);
        // The roadmap's pages are landscape: its first page has the section title.
        const QStringList pages = pageTexts(out);
        const int roadmap = pageWithLine(pages, QStringLiteral("Roadmap by quarter"));
        QVERIFY(roadmap > 0);
        QCOMPARE(pageSize(out, roadmap + 1), landscape);
        QCOMPARE(pageSize(out, int(pages.size())), portrait);
    }

    void coverPage()
    {
        const QString cover = flat(m_pages.first());
        QVERIFY(cover.contains(QStringLiteral("Online Boutique")));
        QVERIFY(cover.contains(QStringLiteral("As of 2026-10-01")));
        QVERIFY(cover.contains(QStringLiteral("Window: 2026-07-03 to 2026-09-30 (90 days)")));
        for (const QString &title : kSections)
            QVERIFY2(!lines(m_pages.first()).contains(title), qPrintable(title));
    }

    void sectionsInOrder()
    {
        int previous = 0; // the cover
        for (const QString &title : kSections) {
            const int page = pageWithLine(m_pages, title);
            QVERIFY2(page > previous, qPrintable(QStringLiteral("%1 on page %2").arg(title).arg(page + 1)));
            previous = page;
        }
        // The renderer's own list agrees.
        QCOMPARE(report::ReportRenderer::sectionTitles(), kSections);
    }

    // The renderer's account of what it wrote agrees with what a reader finds in the file.
    void rendererSummary()
    {
        auto ws = Workspace::open(m_demo);
        const report::ReportData data = report::ReportData::load(*ws, {}, QDateTime::currentMSecsSinceEpoch() * 1000);
        const QString out = file(QStringLiteral("in-process.pdf"));
        const report::PdfSummary summary = report::ReportRenderer(data, report::PageSize::Letter).writeFile(out);
        QCOMPARE(pageCount(out), summary.pages);
        QCOMPARE(summary.sections, kSections);
        const QStringList pages = pageTexts(out);
        QCOMPARE(summary.sectionPages.size(), std::size_t(kSections.size()));
        for (qsizetype i = 0; i < kSections.size(); ++i)
            QCOMPARE(summary.sectionPages[std::size_t(i)], pageWithLine(pages, kSections[i]) + 1);
        QCOMPARE(pageSize(out, 1), QStringLiteral("612 x 792"));
    }

    void summaryIsOnePage()
    {
        const int summary = pageWithLine(m_pages, kSections[0]);
        QCOMPARE(pageWithLine(m_pages, kSections[1]), summary + 1);
        const QString text = flat(m_pages[summary]);
        for (const char *q : {"Is reliability improving?", "What did failures cost?", "What are we doing about it?",
                              "Not measured yet", "Weekly trend"})
            QVERIFY2(text.contains(QLatin1StringView(q)), q);
        // Every theme with its status.
        for (const char *theme :
             {"Change management", "Monitoring & detection", "Incident management", "Continuous improvement"})
            QVERIFY2(text.contains(QLatin1StringView(theme)), theme);
    }

    void footerOnEveryPage()
    {
        const int n = int(m_pages.size());
        for (int i = 0; i < n; ++i) {
            const QStringList ls = lines(m_pages[i]);
            QVERIFY2(ls.contains(QStringLiteral("page %1 of %2").arg(i + 1).arg(n)),
                     qPrintable(QString::number(i + 1)));
            QVERIFY2(flat(m_pages[i]).contains(QStringLiteral("as of 2026-10-01")), qPrintable(QString::number(i + 1)));
        }
    }

    void quadrantNamesAndQuarters()
    {
        const int debt = pageWithLine(m_pages, QStringLiteral("Operational debt"));
        const int roadmap = pageWithLine(m_pages, QStringLiteral("Roadmap by quarter"));
        const QString debtPages = flat(QStringList(m_pages.mid(debt, roadmap - debt)).join(u' '));
        for (const char *name : {"Defer", "Alligator v. swamp", "No brainer", "Low-hanging fruit"})
            QVERIFY2(debtPages.contains(QLatin1StringView(name)), name);
        const int appendix = pageWithLine(m_pages, QStringLiteral("Appendix"));
        const QString roadmapPages = flat(QStringList(m_pages.mid(roadmap, appendix - roadmap)).join(u' '));
        // The demo's plan: 2027Q1 to 2027Q4 with capacity, the unscheduled items, the critical path.
        for (const char *q : {"2027Q1: 23.0 of 24.0 weeks used, 1.0 free", "2027Q2", "2027Q3", "2027Q4", "Unscheduled",
                              "needs 40 weeks, a quarter has 24", "Critical path, 45.0 weeks:"})
            QVERIFY2(roadmapPages.contains(QLatin1StringView(q)), q);
    }

    void appendixDefinitionsAndSources()
    {
        const int appendix = pageWithLine(m_pages, QStringLiteral("Appendix"));
        const QString text = flat(QStringList(m_pages.mid(appendix)).join(u' '));
        for (const QString &id : MetricCatalogue::ids())
            QVERIFY2(text.contains(id), qPrintable(id));
        QVERIFY(text.contains(QStringLiteral("Metric definitions")));
        QVERIFY(text.contains(QStringLiteral("Data sources")));
        // The demo's import log: the pages file with its 10,800 records, on one row of the table.
        const QString layout = QString::fromUtf8(tool(QStringLiteral("pdftotext"),
                                                      {QStringLiteral("-layout"), QStringLiteral("-f"),
                                                       QString::number(appendix + 1), m_pdf, QStringLiteral("-")}));
        QVERIFY(QRegularExpression(QStringLiteral("generated/pages\\.csv +2026-10-01 00:00 UTC +pages +10,800 +0"))
                    .match(layout)
                    .hasMatch());
    }

    // The summary states the engine's figures, as the engine computed them.
    void summaryFiguresFromTheEngine()
    {
        auto ws = Workspace::open(m_demo);
        const Analysis a = analyze(
            Dataset::load(*ws, std::nullopt, 90, Dataset::AllParts, QDateTime::currentMSecsSinceEpoch() * 1000));
        const MetricResult *cfr = &a.metrics.at(MetricId::ChangeFailureRate);
        QVERIFY(cfr && cfr->value);
        const QString summary = flat(m_pages[pageWithLine(m_pages, kSections[0])]);
        const QString expected = QStringLiteral("%1% of %2 production deployments failed (target 5.0%)")
                                     .arg(QString::number(*cfr->value * 100, 'f', 1), grouped(cfr->n));
        QVERIFY2(summary.contains(expected), qPrintable(expected));
        // (the line may break after "on-", which the text extraction joins without the hyphen)
        const QString pages = QStringLiteral("%1 pages reached on").arg(grouped(a.alerts.totalPages));
        QVERIFY2(summary.contains(pages), qPrintable(pages));
        const QString incidents
            = QStringLiteral("%1 incidents started in the window").arg(a.incidents.incidents.size());
        QVERIFY2(summary.contains(incidents), qPrintable(incidents));
    }

    // The Progress page, right after the summary, in words for a VP, then the quarters drawn: its
    // text from the engine's quarters, and the pages really carry ink (looked at with pdftoppm).
    void progressPage()
    {
        const int summary = pageWithLine(m_pages, kSections[0]);
        const int progress = pageWithLine(m_pages, QStringLiteral("Progress by quarter"));
        QCOMPARE(progress, summary + 1);
        const QString text = flat(m_pages[progress]);
        for (const char *s :
             {"Every metric quarter by quarter, 2025Q2 to 2026Q3.",
              "Successes of 2026Q3: Deployment frequency and Alert noise ratio.",
              "2026Q3 against 2026Q2: 2 improved, 2 worse", "What improved for real", "What got worse for real",
              "What only wobbled", "When each gap closes at this pace",
              // The work the register marks done, beside the metric it moved.
              "(done: OPS-8 Deduplicate redis-cart memory alerts)", "Change failure rate: worse in 2026Q3",
              "Off-hours page ratio: worse in 2026Q2", "on pace for 2027Q1", "not at this pace"})
            QVERIFY2(text.contains(QLatin1StringView(s)), s);
        // The next page: every metric by quarter, and the SLOs quarter by quarter.
        const QString chart = flat(m_pages[progress + 1]);
        QVERIFY(chart.contains(QStringLiteral("Every metric by quarter, 2025Q2 to 2026Q3")));
        QVERIFY(chart.contains(QStringLiteral("SLOs quarter by quarter")));
        for (const MetricDef &def : MetricCatalogue::all())
            QVERIFY2(chart.contains(QLatin1StringView(def.name)), def.name);
        // Rasterised, both pages hold text and charts: many non-white pixels, and coloured ones.
        const QString prefix = file(QStringLiteral("progress-page"));
        tool(QStringLiteral("pdftoppm"),
             {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-png"), QStringLiteral("-f"),
              QString::number(progress + 1), QStringLiteral("-l"), QString::number(progress + 2), m_pdf, prefix});
        for (int page : {progress + 1, progress + 2}) {
            const QString png = QDir(QFileInfo(prefix).path())
                                    .filePath(QStringLiteral("%1-%2.png")
                                                  .arg(QFileInfo(prefix).fileName())
                                                  .arg(page, m_pages.size() >= 10 ? 2 : 1, 10, QLatin1Char('0')));
            const QImage image(png);
            QVERIFY2(!image.isNull(), qPrintable(png));
            qint64 ink = 0, coloured = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c(image.pixel(x, y));
                    ink += c.lightness() < 235 ? 1 : 0;
                    coloured += c.saturation() > 80 && c.lightness() < 220 ? 1 : 0;
                }
            QVERIFY2(ink > image.width() * image.height() / 25, qPrintable(QString::number(ink)));
            QVERIFY2(coloured > 200, qPrintable(QString::number(coloured)));
        }
    }

    // A report of the hand-made shop: every figure below is worked out from the fixture.
    void fixtureReport()
    {
        const QString out = file(QStringLiteral("fixture.pdf"));
        const CliResult r = runCli(
            QStringList{QStringLiteral("report"), m_fixture->path(), QStringLiteral("--pdf"), out} + fixtureArgs());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList pages = pageTexts(out);
        QVERIFY(pages.size() >= 7);
        const QString cover = flat(pages.first());
        QVERIFY(cover.contains(QStringLiteral("Acme Shop")));
        QVERIFY(cover.contains(QStringLiteral("As of 2026-03-01")));
        QVERIFY(cover.contains(QStringLiteral("2026-02-01 to 2026-02-28 (28 days)")));
        QVERIFY(cover.contains(QStringLiteral("Compared with: 2026-01-04 to 2026-01-31 (28 days)")));
        const QString summary = flat(pages[pageWithLine(pages, kSections[0])]);
        // D3 rolled back: 1 of the 4 production deployments of February.
        QVERIFY2(summary.contains(QStringLiteral("25.0% of 4 production deployments failed (target 5.0%)")),
                 qPrintable(summary));
        // Three pages in four weeks; P1 on a Saturday night (off hours), P3 auto-resolved (noise).
        QVERIFY(summary.contains(QStringLiteral("3 pages reached on-call (0.75/week, target 14.0/week): 33.3% outside "
                                                "business hours and 33.3% noise")));
        // 2 good of 4 against 0.75: attainment 0.5, budget 1 − 0.5 ÷ 0.25 = −1.
        QVERIFY(summary.contains(QStringLiteral("1 of 1 SLO with data missed the objective; checkout has -100% of its "
                                                "error budget left")));
        // Change failure rate was 0 of 1 in January and is 1 of 4 in February: a raw difference,
        // but the Wilson ranges [0, 0.793451] and [0.045587, 0.699358] overlap: no clear change.
        QVERIFY2(summary.contains(QStringLiteral(
                     "Against the 28 days before (2026-01-04 to 2026-01-31): 0 improved and 0 got worse")),
                 qPrintable(summary));
        QVERIFY(!summary.contains(QStringLiteral("Change failure rate (0.0% → 25.0%)")));
        // team_size 2: 2 × 12 × 0.5 = 12 weeks a quarter, four quarters from 2026Q2 (after the
        // as-of quarter); both items fit the first.
        QVERIFY(summary.contains(
            QStringLiteral("2 open debt items: 2 planned from 2026Q2 to 2027Q1 within 12.0 weeks a quarter.")));
        // The DORA Quick Check line: 4 deployments in 28 days = 1/7 per day -> level 4 -> 6
        // (no changes: no lead time; D3 has no fix or incident: no recovery time), so throughput
        // 6.0; change failure rate 1/4 -> 7.5, rework 1/3 (D4 follows the rollback D3; of D1 D2
        // D4) -> 10 × 2/3 = 6.67: stability 7.08; overall (6 + 7.5 + 6.67) / 3 = 6.72.
        QVERIFY2(summary.contains(QStringLiteral("DORA Quick Check: Scores out of 10 against the industry (DORA Quick "
                                                 "Check 2025, all industries, mean ± sd): throughput 6.0 vs 6.0 ± 2.1; "
                                                 "stability 7.1 vs 7.9 ± 2.0; overall 6.7 vs 6.7.")),
                 qPrintable(summary));
        // The appendix: the panel, the levels and what the clusters are.
        const QString appendix = flat(QStringList(pages.mid(pageWithLine(pages, kSections.back()))).join(u' '));
        QVERIFY(appendix.contains(QStringLiteral("DORA Quick Check: scores from 0 to 10 against the industry")));
        QVERIFY(appendix.contains(QStringLiteral("once per day to once per week · 0.14/day")));
        QVERIFY(appendix.contains(QStringLiteral("1/7 to under 1: once per day to once per week")));
        QVERIFY(
            appendix.contains(QStringLiteral("DORA 2023 clusters (historical): the roll-up's elite / high / medium / "
                                             "low column")));
        for (int i = 0; i < pages.size(); ++i)
            QVERIFY(lines(pages[i]).contains(QStringLiteral("page %1 of %2").arg(i + 1).arg(pages.size())));
        QVERIFY(flat(pages.back()).contains(QStringLiteral("as of 2026-03-01")));
    }

    // The Options section: the demo's baseline against its saved scenario "+1 engineer"
    // (team_size 4 → 5: 4 × 12 × 0.5 = 24 weeks a quarter against 5 × 12 × 0.5 = 30), in one table
    // with capacity, what moves, items delivered per quarter and gaps addressed by when; the same
    // gaps, the same plan quarters. The page is also drawn (pdftoppm) and must not be blank.
    void optionsPage()
    {
        const int options = pageWithLine(m_pages, QStringLiteral("Options"));
        const int appendix = pageWithLine(m_pages, QStringLiteral("Appendix"));
        QVERIFY(options > pageWithLine(m_pages, QStringLiteral("Roadmap by quarter")));
        QCOMPARE(appendix, options + 1); // one page
        const QString text = flat(m_pages[options]);
        for (const char *words : {"Baseline", "+1 engineer", "team_size=5", "24 weeks a quarter", "30 weeks a quarter",
                                  "What moves", "Delivered per quarter", "Gaps addressed by when", "2027Q1", "2027Q4",
                                  "time to restore", "no work planned", "Gaps addressed"})
            QVERIFY2(text.contains(QLatin1StringView(words)), words);
        // Every gap of the baseline plan has its row.
        const QString pdfPng = file(QStringLiteral("options"));
        tool(QStringLiteral("pdftoppm"),
             {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"), QStringLiteral("-f"),
              QString::number(options + 1), QStringLiteral("-l"), QString::number(options + 1),
              QStringLiteral("-singlefile"), m_pdf, pdfPng});
        const QImage page(pdfPng + QStringLiteral(".png"));
        QVERIFY(!page.isNull());
        QVERIFY(page.width() > page.height()); // landscape, for the columns side by side
        // Ink on the page: many dark pixels in the table's area (a blank page has none).
        int dark = 0;
        for (int y = page.height() / 5; y < page.height() * 4 / 5; ++y)
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 128;
        QVERIFY2(dark > 500, QByteArray::number(dark).constData());
    }

    // Without scenarios the Options page says how to save one.
    void optionsPageWithoutScenarios()
    {
        const QString out = file(QStringLiteral("fixture-options.pdf"));
        QCOMPARE(runCli(QStringList{QStringLiteral("report"), m_fixture->path(), QStringLiteral("--pdf"), out}
                        + fixtureArgs())
                     .exitCode,
                 0);
        const QStringList pages = pageTexts(out);
        const int options = pageWithLine(pages, QStringLiteral("Options"));
        QVERIFY(options > 0);
        QVERIFY2(flat(pages[options]).contains(QStringLiteral("No scenario is saved in this workspace.")),
                 qPrintable(pages[options]));
        // team_size 2 in the fixture: the example adds one engineer.
        QVERIFY(flat(pages[options]).contains(QStringLiteral("save \"+1 engineer\" team_size=3")));
    }

    // Text is text: no ligature glyphs (U+FB00 "ff" would hide "Off-hours" from a search).
    void textIsSearchable()
    {
        const QString all = m_pages.join(u'\n');
        for (char16_t c = 0xFB00; c <= 0xFB06; ++c)
            QVERIFY2(!all.contains(QChar(c)), qPrintable(QString::number(c, 16)));
        QVERIFY(all.contains(QStringLiteral("Off-hours page ratio")));
    }

    // A workspace with nothing in it still gets every section, each saying what is missing.
    void emptyWorkspace()
    {
        const QString ws = file(QStringLiteral("empty.srmap"));
        QCOMPARE(runCli({QStringLiteral("set"), ws, QStringLiteral("name"), QStringLiteral("Empty Org")}).exitCode, 0);
        const QString out = file(QStringLiteral("empty.pdf"));
        const CliResult r = runCli({QStringLiteral("report"), ws, QStringLiteral("--pdf"), out,
                                    QStringLiteral("--as-of"), QStringLiteral("2026-01-01")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList pages = pageTexts(out);
        int previous = 0;
        for (const QString &title : kSections) {
            const int page = pageWithLine(pages, title);
            QVERIFY2(page > previous, qPrintable(title));
            previous = page;
        }
        const QString all = flat(pages.join(u' '));
        for (const char *s : {"0 of 16 metrics meet their target and 0 have a gap; 16 are not measured.",
                              "Nothing measured yet.", "No incident started in the window.",
                              "No operational debt is registered yet", "No page was created in this window.",
                              "No SLO is defined in this workspace.", "No file has been imported into this workspace.",
                              "No DORA delivery metric is measured in this window, so there is no Quick Check score."})
            QVERIFY2(all.contains(QLatin1StringView(s)), s);
        QVERIFY(!all.contains(QStringLiteral("No gap to target.")));
    }

    // A register the scheduler refuses (a cycle) still gets its report: the roadmap section and
    // stderr say why there is no plan.
    void registerWithACycle()
    {
        EngineFixture fixture;
        DebtItem a, b;
        a.id = "A";
        a.title = "first";
        a.costWeeks = 1;
        a.dependsOn = {"B"};
        b.id = "B";
        b.title = "second";
        b.costWeeks = 1;
        b.dependsOn = {"A"};
        fixture.write(a, b);
        const QString out = file(QStringLiteral("cycle.pdf"));
        const CliResult r = runCli({QStringLiteral("report"), fixture.path(), QStringLiteral("--pdf"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.errText().contains(QStringLiteral("dependency cycle: A -> B -> A")), r.err.constData());
        const QStringList pages = pageTexts(out);
        const QString roadmap = flat(pages[pageWithLine(pages, QStringLiteral("Roadmap by quarter"))]);
        QVERIFY(roadmap.contains(QStringLiteral("The roadmap cannot be planned until the debt register is fixed:")));
        QVERIFY(roadmap.contains(QStringLiteral("dependency cycle: A -> B -> A")));
    }

    // Only the roadmap chart shortens labels (its rows name each item; the tables below it give
    // every title in full); nothing else in the report is cut.
    void nothingElseIsShortened()
    {
        const QString all = m_pages.join(u'\n');
        for (const QString &line : all.split(u'\n')) {
            if (!line.contains(QChar(0x2026)))
                continue;
            QVERIFY2(QRegularExpression(QStringLiteral("^OPS-\\d+ ")).match(line.trimmed()).hasMatch(),
                     qPrintable(line));
        }
    }

    // A long table continues on the next pages with its header repeated, no row lost.
    void tablesRepeatTheirHeaders()
    {
        const QString out = file(QStringLiteral("table.pdf"));
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        {
            QPdfWriter writer(&f);
            writer.setResolution(1200);
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
            report::PageGeometry g;
            g.page = writer.pageLayout().fullRectPixels(1200);
            g.content = g.page.adjusted(800, 800, -800, -800);
            report::PageFlow flow(&writer, g);
            report::Table t;
            t.columns = {{QStringLiteral("Ident"), Qt::AlignLeft, false, 0},
                         {QStringLiteral("Description"), Qt::AlignLeft, true, 0},
                         {QStringLiteral("Amount"), Qt::AlignRight, false, 0}};
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPointSizeF(9);
            t.font = font;
            t.headerFont = font;
            for (int i = 1; i <= 150; ++i)
                t.rows.push_back({{{QStringLiteral("R%1").arg(i, 3, 10, QLatin1Char('0'))},
                                   {QStringLiteral("row number %1 of the long table").arg(i)},
                                   {QString::number(i * 7)}}});
            flow.table(t);
            QVERIFY(flow.pageCount() >= 3);
            QPainter painter(&writer);
            flow.render(painter, writer, {});
        }
        f.close();
        const QStringList pages = pageTexts(out);
        QVERIFY(pages.size() >= 3);
        int next = 1;
        static const QRegularExpression row(QStringLiteral("\\bR(\\d{3})\\b"));
        for (const QString &page : pages) {
            // Each page starts with the header, then the rows in order, none twice.
            QVERIFY2(flat(page).startsWith(QStringLiteral("Ident Description")), qPrintable(page.left(200)));
            QVERIFY(flat(page).contains(QStringLiteral("Amount")));
            for (const QRegularExpressionMatch &m : row.globalMatch(page))
                QCOMPARE(m.captured(1).toInt(), next++);
        }
        QCOMPARE(next, 151);
    }

    void badArguments_data()
    {
        // OUT stands for the output file.
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --pdf") << QStringList{} << QStringLiteral("--pdf OUT.pdf is required");
        QTest::newRow("page size") << QStringList{QStringLiteral("--pdf"), QStringLiteral("OUT"),
                                                  QStringLiteral("--page-size"), QStringLiteral("A3")}
                                   << QStringLiteral("--page-size needs A4 or Letter, not 'A3'");
        QTest::newRow("window") << QStringList{QStringLiteral("--pdf"), QStringLiteral("OUT"),
                                               QStringLiteral("--window-days"), QStringLiteral("0")}
                                << QStringLiteral("--window-days needs a whole number");
        QTest::newRow("as-of") << QStringList{QStringLiteral("--pdf"), QStringLiteral("OUT"), QStringLiteral("--as-of"),
                                              QStringLiteral("yesterday")}
                               << QStringLiteral("--as-of needs YYYY-MM-DD");
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString out = file(QStringLiteral("bad.pdf"));
        args.replaceInStrings(QRegularExpression(QStringLiteral("^OUT$")), out);
        const CliResult r = runCli(QStringList{QStringLiteral("report"), m_demo} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(message), r.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    void unwritablePathExitsOneAndWritesNothing()
    {
        // A directory that cannot exist: its parent is a file (also for root).
        const QString blocker = file(QStringLiteral("blocker"));
        writeFile(blocker, "x");
        const QString out = blocker + QStringLiteral("/report.pdf");
        const CliResult r = runCli({QStringLiteral("report"), m_demo, QStringLiteral("--pdf"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(QStringLiteral("cannot write")) && r.errText().contains(out), r.err.constData());
        QCOMPARE(readAll(blocker), QByteArray("x"));
        const CliResult csv = runCli({QStringLiteral("export"), m_demo, QStringLiteral("--csv"), blocker});
        QCOMPARE(csv.exitCode, 1);
        QVERIFY2(csv.errText().contains(QStringLiteral("not a directory")), csv.err.constData());
        QCOMPARE(readAll(blocker), QByteArray("x"));
    }

    void notAWorkspaceExitsThreeAndWritesNothing()
    {
        const QString notWs = file(QStringLiteral("notes.txt"));
        writeFile(notWs, "not a workspace\n");
        const QString out = file(QStringLiteral("never.pdf"));
        const CliResult r = runCli({QStringLiteral("report"), notWs, QStringLiteral("--pdf"), out});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!QFile::exists(out));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("never.pdf*")}, QDir::Files | QDir::Hidden).isEmpty());
    }

    // QSaveFile: a write that fails half-way leaves neither a new file nor a changed old one.
    void failedWriteLeavesNothing()
    {
        const QString fresh = file(QStringLiteral("half.pdf"));
        QVERIFY_THROWS_EXCEPTION(report::ExportError, report::saveFile(fresh, [](QIODevice &out) {
                                     out.write("%PDF-1.4 half");
                                     throw report::ExportError(QStringLiteral("disk full"));
                                 }));
        QVERIFY(!QFile::exists(fresh));
        const QString old = file(QStringLiteral("old.pdf"));
        writeFile(old, "previous report");
        QVERIFY_THROWS_EXCEPTION(report::ExportError, report::saveFile(old, [](QIODevice &out) {
                                     out.write("new");
                                     throw report::ExportError(QStringLiteral("disk full"));
                                 }));
        QCOMPARE(readAll(old), QByteArray("previous report"));
        // No temporary file is left beside them either.
        const QStringList left = QDir(m_dir.path())
                                     .entryList({QStringLiteral("half*"), QStringLiteral("old*")},
                                                QDir::Files | QDir::Hidden);
        QCOMPARE(left, QStringList{QStringLiteral("old.pdf")});
    }

    void csvFormulaGuard_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("written");
        QTest::newRow("equals") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
        QTest::newRow("plus") << QStringLiteral("+44 20 7946") << QStringLiteral("'+44 20 7946");
        QTest::newRow("minus") << QStringLiteral("-OPS-2") << QStringLiteral("'-OPS-2");
        QTest::newRow("minus number as text") << QStringLiteral("-0.3") << QStringLiteral("'-0.3");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("formula with comma") << QStringLiteral("=SUM(1,2)") << QStringLiteral("\"'=SUM(1,2)\"");
        QTest::newRow("inside is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("plain") << QStringLiteral("Runbooks") << QStringLiteral("Runbooks");
        QTest::newRow("empty") << QString() << QString();
    }
    void csvFormulaGuard()
    {
        QFETCH(QString, text);
        QFETCH(QString, written);
        report::CsvWriter w({QStringLiteral("h")});
        w.text(text);
        w.endRow();
        QCOMPARE(QString::fromUtf8(w.bytes()), QStringLiteral("h\r\n") + written + QStringLiteral("\r\n"));
    }

    void csvQuoting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("written");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("two\nlines") << QStringLiteral("\"two\nlines\"");
        QTest::newRow("plain") << QStringLiteral("plain text") << QStringLiteral("plain text");
    }
    void csvQuoting()
    {
        QFETCH(QString, text);
        QFETCH(QString, written);
        QCOMPARE(report::CsvWriter::quote(text), written);
    }

    void csvNumbersStayNumbers()
    {
        report::CsvWriter w(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e")});
        w.number(-0.3).number(0.1).number(std::nullopt).number(std::numeric_limits<double>::infinity()).integer(-5);
        w.endRow();
        QCOMPARE(w.bytes(), QByteArray("a,b,c,d,e\r\n-0.3,0.1,,,-5\r\n"));
    }

    void csvExport()
    {
        const QString dir = file(QStringLiteral("csv"));
        const CliResult r = runCli(
            QStringList{QStringLiteral("export"), m_fixture->path(), QStringLiteral("--csv"), dir} + fixtureArgs());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList names{QStringLiteral("alert_groups.csv"),
                                QStringLiteral("counted_deployments.csv"),
                                QStringLiteral("data_sources.csv"),
                                QStringLiteral("debt.csv"),
                                QStringLiteral("dora_quick_check.csv"),
                                QStringLiteral("metrics_weekly.csv"),
                                QStringLiteral("plan.csv"),
                                QStringLiteral("plan_gaps.csv"),
                                QStringLiteral("plan_quarters.csv"),
                                QStringLiteral("progress.csv"),
                                QStringLiteral("rollup.csv"),
                                QStringLiteral("slos.csv"),
                                QStringLiteral("themes.csv")};
        QCOMPARE(QDir(dir).entryList(QDir::Files, QDir::Name), names);

        // The debt register: user text guarded, numbers as numbers, docs/debt-and-roadmap.md figures by hand.
        const QList<QStringList> debt = parseCsv(readAll(dir + QStringLiteral("/debt.csv")));
        QCOMPARE(debt.size(), 3);
        const QStringList &head = debt[0];
        auto col = [&](const char *name) { return head.indexOf(QLatin1StringView(name)); };
        QCOMPARE(debt[1][col("id")], QStringLiteral("OPS-1"));
        QCOMPARE(debt[1][col("title")], QStringLiteral("'=HYPERLINK(\"http://example.org\",\"click\")"));
        QCOMPARE(debt[1][col("notes")], QStringLiteral("'+44 20, call the \"night\" desk"));
        QCOMPARE(debt[1][col("value")], QStringLiteral("73"));        // 5 × 13 + 8 × 1 × 1
        QCOMPARE(debt[1][col("cost_hours")], QStringLiteral("80"));   // 2 × 40
        QCOMPARE(debt[1][col("priority")], QStringLiteral("0.9125")); // 73 ÷ 80
        QCOMPARE(debt[1][col("rank")], QStringLiteral("1"));
        QCOMPARE(debt[2][col("id")], QStringLiteral("'-OPS-2"));
        QCOMPARE(debt[2][col("title")], QStringLiteral("'@SUM(A1:A9)"));
        QCOMPARE(debt[2][col("payback_quarters")], QString());     // no toil
        QCOMPARE(debt[2][col("priority")], QStringLiteral("0.2")); // 8 ÷ 40

        // An overspent error budget stays a negative number: 1 − (1 − 0.5) ÷ (1 − 0.75) = −1.
        const QList<QStringList> slos = parseCsv(readAll(dir + QStringLiteral("/slos.csv")));
        QCOMPARE(slos.size(), 2);
        QCOMPARE(slos[1][slos[0].indexOf(QStringLiteral("attainment"))], QStringLiteral("0.5"));
        QCOMPARE(slos[1][slos[0].indexOf(QStringLiteral("error_budget_remaining"))], QStringLiteral("-1"));
        QCOMPARE(slos[1][slos[0].indexOf(QStringLiteral("met"))], QStringLiteral("false"));

        // The roll-up: every metric, change failure rate 1 ÷ 4 (0 ÷ 1 the window before): Wilson
        // [0.045587, 0.699358] and [0, 0.793451] overlap, so no clear change.
        const QList<QStringList> rollup = parseCsv(readAll(dir + QStringLiteral("/rollup.csv")));
        QCOMPARE(rollup.size(), 1 + int(MetricCatalogue::all().size()));
        for (const QStringList &row : rollup.mid(1))
            if (row[1] == u"change_failure_rate") {
                QCOMPARE(row[rollup[0].indexOf(QStringLiteral("value"))], QStringLiteral("0.25"));
                QCOMPARE(row[rollup[0].indexOf(QStringLiteral("n"))], QStringLiteral("4"));
                QCOMPARE(row[rollup[0].indexOf(QStringLiteral("previous_value"))], QStringLiteral("0"));
                QCOMPARE(row[rollup[0].indexOf(QStringLiteral("verdict"))], QStringLiteral("no_clear_change"));
                QCOMPARE(row[rollup[0].indexOf(QStringLiteral("ci_low"))].left(7), QStringLiteral("0.04558"));
                QCOMPARE(row[rollup[0].indexOf(QStringLiteral("previous_ci_low"))], QStringLiteral("0"));
            }
        // The clusters are labelled as history.
        QVERIFY(rollup[0].contains(QStringLiteral("dora_2023_cluster_historical")));
        QVERIFY(!rollup[0].contains(QStringLiteral("tier")));

        // Which deployments count: D3 (rolled back) for the change failure rate, D4 (the success
        // after D3's rollback) for the rework rate; one row each.
        const QList<QStringList> counted = parseCsv(readAll(dir + QStringLiteral("/counted_deployments.csv")));
        QCOMPARE(counted.size(), 3);
        QCOMPARE(counted[0],
                 (QStringList{QStringLiteral("metric_id"), QStringLiteral("deployment_id"), QStringLiteral("service"),
                              QStringLiteral("finished_at"), QStringLiteral("result"), QStringLiteral("rules"),
                              QStringLiteral("reasons")}));
        QCOMPARE(counted[1],
                 (QStringList{QStringLiteral("change_failure_rate"), QStringLiteral("D3"), QStringLiteral("shop"),
                              QStringLiteral("2026-02-12T10:00:00Z"), QStringLiteral("rolled_back"),
                              QStringLiteral("rolled_back"), QStringLiteral("rolled back")}));
        QCOMPARE(counted[2],
                 (QStringList{QStringLiteral("deployment_rework_rate"), QStringLiteral("D4"), QStringLiteral("shop"),
                              QStringLiteral("2026-02-13T10:00:00Z"), QStringLiteral("success"),
                              QStringLiteral("after_failure"), QStringLiteral("after D3 was rolled back")}));

        // The Quick Check, as above: frequency 1/7 per day (level 4, score 6), CFR 0.25 (7.5),
        // rework 1/3 (10 × 2/3); lead time and recovery not measured.
        const QList<QStringList> dora = parseCsv(readAll(dir + QStringLiteral("/dora_quick_check.csv")));
        QCOMPARE(dora.size(), 1 + 5 + 3);
        const QStringList &dh = dora[0];
        auto cell = [&](int row, const char *name) { return dora[row][dh.indexOf(QLatin1StringView(name))]; };
        QCOMPARE(cell(1, "item"), QStringLiteral("lead_time_for_changes"));
        QCOMPARE(cell(1, "score"), QString());
        QCOMPARE(cell(1, "level"), QString());
        QCOMPARE(cell(2, "item"), QStringLiteral("deployment_frequency"));
        QCOMPARE(cell(2, "level"), QStringLiteral("4"));
        QCOMPARE(cell(2, "level_words"), QStringLiteral("once per day to once per week"));
        QCOMPARE(cell(2, "score"), QStringLiteral("6"));
        QCOMPARE(cell(2, "industry_mean"), QStringLiteral("4.8"));
        QCOMPARE(cell(2, "industry_sd"), QStringLiteral("2.8"));
        QCOMPARE(cell(4, "item"), QStringLiteral("change_failure_rate"));
        QCOMPARE(cell(4, "group"), QStringLiteral("instability"));
        QCOMPARE(cell(4, "score"), QStringLiteral("7.5"));
        QCOMPARE(cell(5, "value").toDouble(), 1.0 / 3.0);
        QCOMPARE(cell(6, "item"), QStringLiteral("throughput"));
        QCOMPARE(cell(6, "score"), QStringLiteral("6"));
        QCOMPARE(cell(8, "item"), QStringLiteral("overall"));
        QCOMPARE(cell(8, "industry_mean"), QStringLiteral("6.7"));
        QCOMPARE(cell(8, "industry_sd"), QString());
        QCOMPARE(cell(8, "benchmark"), QStringLiteral("quick-check-2025"));

        // Five ISO weeks overlap February 2026 (W05, from Sunday the 1st, to W09), for every metric.
        const QList<QStringList> weekly = parseCsv(readAll(dir + QStringLiteral("/metrics_weekly.csv")));
        QCOMPARE(weekly.size(), 1 + 5 * int(MetricCatalogue::all().size()));
        // The plan: both items in 2026Q2.
        const QList<QStringList> plan = parseCsv(readAll(dir + QStringLiteral("/plan.csv")));
        QCOMPARE(plan.size(), 3);
        QCOMPARE(plan[1][0], QStringLiteral("2026Q2"));
        QCOMPARE(plan[2][0], QStringLiteral("2026Q2"));
        // Every file has CRLF line ends and no byte order mark.
        for (const QString &name : names) {
            const QByteArray bytes = readAll(dir + u'/' + name);
            QVERIFY2(bytes.endsWith("\r\n") && !bytes.startsWith("\xEF\xBB\xBF"), qPrintable(name));
        }
    }

    // As cron runs it: no display, no XDG_RUNTIME_DIR. Cron mails whatever a job prints, so a
    // successful export prints nothing on stderr.
    // The HTML summary says when its latest data is from, and warns when that is stale.
    void htmlSaysHowFreshTheDataIs_data()
    {
        QTest::addColumn<qint64>("hoursAfterLatest");
        QTest::addColumn<QString>("warning");
        QTest::newRow("an hour later") << qint64(1) << QString();
        QTest::newRow("two days later") << qint64(48) << QString();
        // More than two days: 5 × 24 + 3 hours is 5 whole days.
        QTest::newRow("five days later") << qint64(5 * 24 + 3) << QStringLiteral("no new data for 5 days");
    }
    void htmlSaysHowFreshTheDataIs()
    {
        QFETCH(qint64, hoursAfterLatest);
        QFETCH(QString, warning);
        auto ws = Workspace::open(m_demo);
        const Micros latest = *ws->latestEventTime();
        const report::ReportData data = report::ReportData::load(*ws, {}, latest + hoursAfterLatest * kMicrosPerHour);
        const QString html = QString::fromUtf8(report::htmlSummary(data)).simplified();
        // The demo's latest record is a page of 2026-09-30 (a minute before midnight at most).
        QVERIFY2(html.contains(QStringLiteral("Latest data 2026-09-30 ")), qPrintable(html.left(2000)));
        QVERIFY(html.contains(formatIso(latest).left(16).replace(u'T', u' ') + QStringLiteral(" UTC")));
        if (warning.isEmpty())
            QVERIFY(!html.contains(QStringLiteral("no new data")));
        else
            QVERIFY2(html.contains(warning), qPrintable(warning));
    }

    void htmlFromCronIsQuiet()
    {
        const QString out = file(QStringLiteral("cron.html"));
        const CliResult r = runCliWithout({QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("QT_QPA_PLATFORM"),
                                           QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY")},
                                          {QStringLiteral("export"), m_demo, QStringLiteral("--html"), out});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.errText(), QString());
        QVERIFY(QFile::exists(out));
    }

    void htmlIsSelfContained()
    {
        const QString out = file(QStringLiteral("summary.html"));
        const CliResult r = runCli({QStringLiteral("export"), m_demo, QStringLiteral("--html"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray html = readAll(out);
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        // Fit for mail: no line longer than RFC 5322's 998 characters.
        for (const QByteArray &line : html.split('\n'))
            QVERIFY2(line.size() <= 998, line.left(80).constData());
        // Nothing to fetch: not even the text "http" (the SVG namespaces are left out, HTML5
        // does not need them).
        QVERIFY(!html.contains("http:") && !html.contains("https:"));
        QVERIFY(!html.contains("url(") && !html.contains("@import"));
        // Well-formed: an XML reader reads it to the end.
        QXmlStreamReader xml(html);
        int svgs = 0;
        QStringList elements;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const QString name = xml.name().toString();
            elements << name;
            if (name == u"svg")
                ++svgs;
            for (const QXmlStreamAttribute &a : xml.attributes())
                QVERIFY2(a.name() != u"src" && a.name() != u"href" && a.name() != u"xlink:href",
                         qPrintable(a.name().toString()));
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        for (const char *banned : {"script", "link", "img", "iframe", "object", "embed", "style", "image"})
            QVERIFY2(!elements.contains(QLatin1StringView(banned)), banned);
        // One sparkline per metric, the three questions, the as-of date.
        QCOMPARE(svgs, int(MetricCatalogue::all().size()));
        // (Long lines are broken at spaces for mail transports: compare with white space folded.)
        const QString text = QString::fromUtf8(html).simplified();
        for (const char *s : {"Is reliability improving?", "What did failures cost?", "What are we doing about it?",
                              "As of 2026-10-01", "Online Boutique", "Latest data 2026-09-30 23:",
                              "Quarter by quarter, 2025Q2 to 2026Q3", "Improved for real", "Worse for real"})
            QVERIFY2(text.contains(QLatin1StringView(s)), s);
        // The DORA Quick Check: the summary's line (the engine's scores) and a row per metric.
        auto ws = Workspace::open(m_demo);
        const report::ReportData data = report::ReportData::load(*ws, {}, QDateTime::currentMSecsSinceEpoch() * 1000);
        const QString oneLine = QString(text).replace(u'\n', u' ');
        QVERIFY(oneLine.contains(QStringLiteral(">DORA Quick Check</h2>")));
        QVERIFY(oneLine.contains(report::summarize(data).quickCheck.toHtmlEscaped()));
        for (const dora::MetricScore &m : data.analysis.metrics.dora.metrics)
            QVERIFY(oneLine.contains(charts::doraLevelAndValue(m).toHtmlEscaped()));
    }

    void inlineSvgDropsWhatHtmlDoesNotWant()
    {
        const QByteArray svg = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                               "<svg width=\"10mm\" height=\"5mm\" viewBox=\"0 0 40 20\"\n"
                               " xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" baseProfile=\"tiny\">\n"
                               "<title>a <b> & c</title>\n<desc>Generated with Qt</desc>\n"
                               "<rect x=\"0\" y=\"0\" width=\"40\" height=\"20\"/>\n</svg>";
        const QByteArray out = report::inlineSvg(svg, 16, 6, 12, QStringLiteral("Time & cost"));
        QCOMPARE(
            out,
            QByteArray("<svg width=\"16\" height=\"6\" viewBox=\"12 12 16 6\" role=\"img\" aria-label=\"Time &amp; "
                       "cost\" style=\"display:block;\">\n<rect x=\"0\" y=\"0\" width=\"40\" height=\"20\"/>\n"
                       "</svg>"));
    }

    void windowExportsPdf()
    {
        MainWindow window;
        QAction *action = window.findChild<QAction *>(QStringLiteral("exportPdfAction"));
        QVERIFY(action);
        QVERIFY(!action->isEnabled()); // nothing to export yet
        QVERIFY(window.openWorkspace(m_demo));
        QVERIFY(action->isEnabled());
        const QString out = file(QStringLiteral("window.pdf"));
        QVERIFY(window.exportPdf(out));
        const QStringList pages = pageTexts(out);
        QCOMPARE(pageWithLine(pages, QStringLiteral("Executive summary")), 1);
        QVERIFY(pages.size() >= 7);
        QVERIFY(pages.last().contains(QStringLiteral("as of 2026-10-01"))); // the demo's default window
        QVERIFY(window.exportHtml(file(QStringLiteral("window.html"))));
        QVERIFY(window.exportCsv(file(QStringLiteral("window-csv"))));
        // The window shown in the toolbar is the window exported.
        window.setAnalysisWindow(at("2026-09-01T00:00:00Z"), 30);
        const QString september = file(QStringLiteral("window-september.pdf"));
        QVERIFY(window.exportPdf(september));
        const QStringList septemberPages = pageTexts(september);
        QVERIFY(septemberPages.last().contains(QStringLiteral("as of 2026-09-01")));
        QVERIFY(septemberPages.first().contains(QStringLiteral("2026-08-02 to 2026-08-31 (30 days)")));
        // Cancel while the worker reads and renders: nothing is written.
        const QString cancelled = file(QStringLiteral("cancelled.pdf"));
        QTimer::singleShot(0, &window, [&window] {
            if (auto *progress = window.findChild<QProgressDialog *>())
                if (auto *button = progress->findChild<QPushButton *>())
                    button->click(); // as the user does
        });
        QVERIFY(!window.exportPdf(cancelled));
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(QFile::exists(file(QStringLiteral("window-csv/rollup.csv"))));
        // A failure is reported, not thrown, and leaves nothing.
        const QString blocked = file(QStringLiteral("blocker2"));
        writeFile(blocked, "x");
        QVERIFY(!window.exportPdf(blocked + QStringLiteral("/x.pdf")));
        QVERIFY(window.lastError().contains(QStringLiteral("cannot write")));
    }
};

QTEST_MAIN(TstReport)
#include "tst_report.moc"
