// Desktop conventions a newcomer expects (docs/decisions.md, Desktop conventions), in the real main window on the
// demo workspace, offscreen: search boxes over the alert-group and debt tables (proxies under
// QAbstractItemModelTester), Ctrl+C copying selected rows as tab-separated text, the handbook
// (F1) showing docs/*.md from the resource compiled from the same files, the translator of a
// locale, a .srmap dropped on the window opening it, the interactive metric chart (series, the
// interval band, crosshair, zoom and pan); and, through the real command line, the PDF's
// outline and the HTML summary's burn rate, freshness and "since yesterday" on a fixture whose
// figures are worked out by hand below.
#include "app/handbookdialog.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "store/metriccatalogue.h"
#include "store/timeutil.h"
#include "store/workspace.h"
#include "tests/common/testutil.h"
#include "views/alertgroupsmodel.h"
#include "views/alertsview.h"
#include "views/charts/valueformat.h"
#include "views/dashboardview.h"
#include "views/debtview.h"
#include "views/metricchartview.h"
#include "views/metricdetaildialog.h"
#include "views/report/pdfoutline.h"
#include "views/report/reportrenderer.h"
#include "views/tablecopy.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QClipboard>
#include <QDropEvent>
#include <QFile>
#include <QLineEdit>
#include <QLineSeries>
#include <QMimeData>
#include <QProcess>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>

using namespace srm;
using namespace srm::test;

class TstNewcomer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<MainWindow> m_window;

    SnapshotPtr snapshot() { return m_window->snapshot(); }
    // SRM_SHOTS=DIR saves what the user would see at a few steps, to look at (not checked).
    static void shot(QWidget *w, const char *name)
    {
        const QString dir = qEnvironmentVariable("SRM_SHOTS");
        if (!dir.isEmpty())
            w->grab().save(dir + u'/' + QLatin1StringView(name) + QStringLiteral(".png"));
    }
    template <typename T>
    T *page(ViewId id)
    {
        m_window->showView(id);
        auto *p = qobject_cast<T *>(m_window->viewPage(id));
        p->applyPending();
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("demo.srmap"));
        QCOMPARE(runCli({QStringLiteral("demo"), m_demo}).exitCode, 0);
        m_window = std::make_unique<MainWindow>();
        m_window->setRemembersFiles(false);
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openWorkspace(m_demo));
        m_window->waitForRefresh();
        QVERIFY(snapshot());
    }

    void cleanupTestCase() { m_window.reset(); }

    // --- 11: search boxes and Ctrl+C -------------------------------------------------------------

    // Typing a service name keeps exactly the groups of that service (or naming it in the title).
    void alertGroupFilter()
    {
        auto *view = page<AlertsView>(ViewId::Alerts);
        QAbstractItemModelTester tester(view->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const AlertReport &alerts = snapshot()->analysis.alerts;
        QVERIFY(alerts.groups.size() > 3);
        QCOMPARE(view->table()->model()->rowCount(), int(alerts.groups.size()));
        const QString service = alerts.groups.front().service;
        // Upper case: the search ignores case.
        const QString typed = service.toUpper();
        int expected = 0;
        for (const AlertGroup &g : alerts.groups)
            if (g.service.contains(typed, Qt::CaseInsensitive) || g.title.contains(typed, Qt::CaseInsensitive))
                ++expected;
        QVERIFY(expected > 0 && expected < int(alerts.groups.size()));
        view->filter()->setFocus();
        QTest::keyClicks(view->filter(), typed);
        QCOMPARE(view->table()->model()->rowCount(), expected);
        shot(m_window.get(), "alerts-filtered");
        for (int r = 0; r < expected; ++r) {
            const QModelIndex serviceCell = view->table()->model()->index(r, AlertGroupsModel::Service);
            const QModelIndex titleCell = view->table()->model()->index(r, AlertGroupsModel::Title);
            QVERIFY(serviceCell.data().toString().contains(typed, Qt::CaseInsensitive)
                    || titleCell.data().toString().contains(typed, Qt::CaseInsensitive));
        }
        view->filter()->clear();
        QCOMPARE(view->table()->model()->rowCount(), int(alerts.groups.size()));
        QVERIFY(!view->filter()->placeholderText().isEmpty());
    }

    void debtFilter()
    {
        auto *view = page<DebtView>(ViewId::Debt);
        QAbstractItemModelTester tester(view->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const std::vector<DebtItem> &items = snapshot()->debtItems;
        QVERIFY(items.size() > 2);
        QCOMPARE(view->table()->model()->rowCount(), int(items.size()));
        // One item's whole title: no other item has it.
        const DebtItem &item = items[1];
        const QString title = QString::fromStdString(item.title);
        int withTitle = 0;
        for (const DebtItem &i : items)
            withTitle += QString::fromStdString(i.title).contains(title, Qt::CaseInsensitive) ? 1 : 0;
        QCOMPARE(withTitle, 1);
        view->filter()->setText(title);
        QCOMPARE(view->table()->model()->rowCount(), 1);
        shot(m_window.get(), "debt-filtered");
        bool found = false;
        for (int c = 0; c < view->table()->model()->columnCount(); ++c)
            found = found || view->table()->model()->index(0, c).data().toString() == QString::fromStdString(item.id);
        QVERIFY(found);
        view->filter()->setText(QStringLiteral("no debt item is called this"));
        QCOMPARE(view->table()->model()->rowCount(), 0);
        view->filter()->clear();
        QCOMPARE(view->table()->model()->rowCount(), int(items.size()));
    }

    // Ctrl+C on the alert table: the header line, then rows 1 and 2 (rank order) as the table
    // shows them, cells separated by tabs.
    void copyRows()
    {
        auto *view = page<AlertsView>(ViewId::Alerts);
        QTableView *table = view->table();
        const AlertReport &alerts = snapshot()->analysis.alerts;
        table->setFocus();
        table->clearSelection();
        table->selectionModel()->select(table->model()->index(1, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(table->model()->index(0, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QApplication::clipboard()->clear();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QStringList header;
        for (int c = 0; c < table->model()->columnCount(); ++c)
            header << table->model()->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(lines[0], header.join(u'\t'));
        for (int r = 0; r < 2; ++r) {
            const QStringList cells = lines[r + 1].split(u'\t');
            QCOMPARE(cells.size(), table->model()->columnCount());
            QCOMPARE(cells[AlertGroupsModel::Rank], QString::number(r + 1));
            QCOMPARE(cells[AlertGroupsModel::Service], alerts.groups[std::size_t(r)].service);
            QCOMPARE(cells[AlertGroupsModel::Title], alerts.groups[std::size_t(r)].title);
            QCOMPARE(cells[AlertGroupsModel::Pages], charts::formatCount(alerts.groups[std::size_t(r)].count));
        }
        // Every table and tree of the window copies (the navigation list does not need to).
        for (QAbstractItemView *v : m_window->findChildren<QAbstractItemView *>())
            if (qobject_cast<QTableView *>(v))
                QVERIFY2(v->findChild<QObject *>(QStringLiteral("rowCopier")), qPrintable(v->objectName()));
    }

    // --- 12: handbook and about ----------------------------------------------------------------

    void handbookShowsTheDocs_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("metric glossary") << QStringLiteral("metrics.md");
        QTest::newRow("formats") << QStringLiteral("formats.md");
        QTest::newRow("intervals") << QStringLiteral("intervals-and-progress.md");
    }
    void handbookShowsTheDocs()
    {
        QFETCH(QString, file);
        // The resource is the file of docs/ itself, byte for byte.
        QFile source(QStringLiteral(SRM_SOURCE_DIR "/docs/") + file);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray text = source.readAll();
        QFile resource(QStringLiteral(":/docs/") + file);
        QVERIFY(resource.open(QIODevice::ReadOnly));
        QCOMPARE(resource.readAll(), text);

        auto *action = m_window->findChild<QAction *>(QStringLiteral("handbookAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
        QCOMPARE(QKeySequence(QKeySequence::HelpContents), QKeySequence(Qt::Key_F1));
        action->trigger();
        auto *handbook = m_window->findChild<HandbookDialog *>();
        QVERIFY(handbook);
        QTRY_VERIFY(handbook->isVisible());
        handbook->showTopic(file);
        QCOMPARE(handbook->currentTopic(), file);
        // The first heading and a line of the first paragraph, as rendered from the Markdown.
        const QString md = QString::fromUtf8(text);
        const QString heading = md.section(u'\n', 0, 0).mid(2).trimmed();
        const QString shown = handbook->browser()->toPlainText();
        QVERIFY2(shown.startsWith(heading), qPrintable(shown.left(80)));
        const QString firstLine = md.section(u'\n', 2, 2).trimmed();
        const QString firstWords = firstLine.left(firstLine.indexOf(u'`') > 0 ? firstLine.indexOf(u'`') : 30).trimmed();
        QVERIFY2(shown.simplified().contains(firstWords), qPrintable(firstWords));
        shot(handbook, qPrintable(QStringLiteral("handbook-") + file.section(u'.', 0, 0)));
        handbook->close();
    }

    void handbookShowsTheCommandLine()
    {
        HandbookDialog *handbook = m_window->showHandbook(QStringLiteral("command-line"));
        const QString shown = handbook->browser()->toPlainText();
        QVERIFY(shown.contains(QStringLiteral("Usage: sre-roadmap [COMMAND] [ARGS...]")));
        QVERIFY(shown.contains(QStringLiteral("report WORKSPACE --pdf OUT.pdf")));
        // A link in one document to another opens that topic.
        handbook->showTopic(QStringLiteral("metrics.md"));
        handbook->browser()->setSource(QUrl(QStringLiteral("debt-and-roadmap.md")));
        QCOMPARE(handbook->currentTopic(), QStringLiteral("debt-and-roadmap.md"));
        shot(handbook, "handbook-link");
        QVERIFY(handbook->browser()->toPlainText().startsWith(QStringLiteral("Operational debt"))
                || handbook->browser()->toPlainText().contains(QStringLiteral("debt")));
        handbook->close();
    }

    void helpMenu()
    {
        QStringList texts;
        for (QAction *a : m_window->findChildren<QAction *>())
            texts << a->text();
        QVERIFY(texts.contains(QStringLiteral("&About SRE Roadmap")));
        QVERIFY(texts.contains(QStringLiteral("About &Qt")));
    }

    // --- 13: translations ------------------------------------------------------------------------

    void translatorByLocale()
    {
        QVERIFY(!installTranslators(*qApp, QLocale(QLocale::English, QLocale::UnitedKingdom)));
        QCOMPARE(QCoreApplication::translate("srm::MainWindow", "&Help"), QStringLiteral("&Help"));
        QVERIFY(installTranslators(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        // translations/sre-roadmap_de.ts has the menu titles translated.
        QCOMPARE(QCoreApplication::translate("srm::MainWindow", "&Help"), QStringLiteral("&Hilfe"));
        // Plurals: one form per count.
        QCOMPARE(QCoreApplication::translate("srm::report::Html", "Metrics unchanged: %n.", nullptr, 1),
                 QStringLiteral("1 Kennzahl unverändert."));
        QCOMPARE(QCoreApplication::translate("srm::report::Html", "Metrics unchanged: %n.", nullptr, 3),
                 QStringLiteral("3 Kennzahlen unverändert."));
        auto *own = qApp->findChild<QTranslator *>(QStringLiteral("sre-roadmap-translator"));
        QVERIFY(own);
        QCoreApplication::removeTranslator(own);
        delete own;
        QCOMPARE(QCoreApplication::translate("srm::MainWindow", "&Help"), QStringLiteral("&Help"));
    }

    // --- 14: the interactive metric chart ------------------------------------------------------

    void metricChart()
    {
        auto *view = page<DashboardView>(ViewId::Dashboard);
        const QString id = QStringLiteral("time_to_restore");
        view->showDetail(id);
        MetricDetailDialog *detail = view->detailDialog();
        QTRY_VERIFY(detail->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(detail));
        MetricChartView *chart = detail->chartView();
        const MetricResult *m = snapshot()->analysis.metrics.find(id);
        QVERIFY(m && m->value && m->ci && m->p90 && m->weekly.size() > 4);
        const QStringList names = chart->seriesNames();
        QVERIFY(names.contains(QStringLiteral("95% interval of the window's value")));
        QVERIFY(names.contains(QStringLiteral("Weekly")));
        QVERIFY(names.contains(QStringLiteral("Window p50 %1").arg(charts::formatValue(m->value, m->def->unit))));
        QVERIFY(names.contains(QStringLiteral("Window p90 %1").arg(charts::formatValue(m->p90, m->def->unit))));
        QVERIFY(names.contains(QStringLiteral("Target %1").arg(charts::formatValue(m->target, m->def->unit))));

        // The crosshair over the third week's point names that week, its value and n.
        std::size_t third = 0;
        int seen = 0;
        for (std::size_t i = 0; i < m->weekly.size(); ++i)
            if (m->weekly[i].value && ++seen == 3) {
                third = i;
                break;
            }
        QLineSeries *weekly = nullptr;
        for (QAbstractSeries *s : chart->chart()->series())
            if (s->name() == QStringLiteral("Weekly"))
                weekly = static_cast<QLineSeries *>(s);
        QVERIFY(weekly && weekly->count() >= 3);
        const QPointF atChart = chart->chart()->mapToPosition(weekly->at(2), weekly);
        const QPoint atWidget = chart->mapFromScene(chart->chart()->mapToScene(atChart));
        const WeeklyPoint &w = m->weekly[third];
        QCOMPARE(chart->crosshairAt(atWidget),
                 QStringLiteral("%1 (from %2): %3 · n = %4")
                     .arg(w.week, formatDate(w.start), charts::formatValue(w.value, m->def->unit))
                     .arg(w.n));
        shot(detail, "metric-detail-crosshair");

        // Zoom doubles the detail (halves the span shown), pan moves it, Home resets.
        const auto [from, to] = chart->visibleRange();
        chart->zoomBy(2);
        const auto [zf, zt] = chart->visibleRange();
        shot(detail, "metric-detail-zoomed");
        QVERIFY(std::abs(double(zt - zf) - double(to - from) / 2) < double(to - from) * 0.01);
        chart->panBy(-50);
        QVERIFY(chart->visibleRange().first < zf);
        QTest::keyClick(chart, Qt::Key_Home);
        QCOMPARE(chart->visibleRange(), std::make_pair(from, to));
        detail->close();
    }

    // --- 17: dropping a workspace ----------------------------------------------------------------

    void dropWorkspaceOpensIt()
    {
        const QString other = m_dir.filePath(QStringLiteral("dropped.srmap"));
        QVERIFY(QFile::copy(m_demo, other));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(other)});
        QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(m_window->workspace());
        QCOMPARE(QFileInfo(m_window->workspace()->path()).canonicalFilePath(), QFileInfo(other).canonicalFilePath());
        m_window->waitForRefresh();
        QVERIFY(m_window->openWorkspace(m_demo));
        m_window->waitForRefresh();
    }

    // The MIME type is installed and named by the .desktop file.
    void mimeInfoPackaged()
    {
        QFile xml(QStringLiteral(SRM_SOURCE_DIR "/packaging/org.sreroadmap.SreRoadmap.xml"));
        QVERIFY(xml.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(xml.readAll());
        QVERIFY(text.contains(QStringLiteral("<mime-type type=\"application/x-sre-roadmap-workspace\">")));
        QVERIFY(text.contains(QStringLiteral("<glob pattern=\"*.srmap\"")));
        QFile desktop(QStringLiteral(SRM_SOURCE_DIR "/packaging/org.sreroadmap.SreRoadmap.desktop"));
        QVERIFY(desktop.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(desktop.readAll())
                    .contains(QStringLiteral("MimeType=application/x-sre-roadmap-workspace;")));
    }

    // --- 15: the PDF's outline -------------------------------------------------------------------

    void pdfHasAnOutline()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        const CliResult r = runCli({QStringLiteral("report"), m_demo, QStringLiteral("--pdf"), pdf});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const std::vector<report::OutlineEntry> outline = report::readOutline(f.readAll());
        const QStringList sections = report::ReportRenderer::sectionTitles();
        QCOMPARE(int(outline.size()), int(sections.size()) + 1);
        QCOMPARE(outline.front().title, QStringLiteral("Cover"));
        QCOMPARE(outline.front().page, 0);
        // On standard output too, nothing but the PDF (PoDoFo's own messages are silenced).
        const CliResult out = runCli({QStringLiteral("report"), m_demo, QStringLiteral("--pdf"), QStringLiteral("-")});
        QCOMPARE(out.exitCode, 0);
        QVERIFY(out.out.startsWith("%PDF-"));
        QVERIFY(out.out.trimmed().endsWith("%%EOF"));
        QCOMPARE(report::readOutline(out.out).size(), outline.size());
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is missing: the pages the outline points at are not checked");
        int previous = 0;
        for (std::size_t i = 1; i < outline.size(); ++i) {
            QCOMPARE(outline[i].title, sections[qsizetype(i - 1)]);
            QVERIFY(outline[i].page >= previous);
            previous = outline[i].page;
            // The page the entry points at starts that section: its title is printed there.
            QProcess p;
            const QString page = QString::number(outline[i].page + 1);
            p.start(pdftotext, {QStringLiteral("-f"), page, QStringLiteral("-l"), page, pdf, QStringLiteral("-")});
            QVERIFY(p.waitForFinished(60000));
            const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
            QVERIFY2(text.contains(outline[i].title),
                     qPrintable(outline[i].title + QStringLiteral(" on page ") + page));
        }
    }

    // --- 16: the HTML summary ------------------------------------------------------------------

    // A fixture worked out by hand, with a one-day window so that "yesterday" is a disjoint day:
    // - SLO api-availability, objective 99%; on 2026-03-10 (the last day before the as-of
    //   2026-03-11T00:00Z) 980 of 1,000 good: 24 h burn rate = (1 − 0.98) ÷ (1 − 0.99) = 2
    //   ("2.00×"); over the 28 days (1,000 + 980) ÷ 2,000 = 99.000%, just met.
    // - 50 pages on 2026-03-10, 2 on 2026-03-09. Pages per week today = 50 ÷ (1/7) = 350,
    //   yesterday 2 ÷ (1/7) = 14. Byar's 95% intervals: today's lower bound
    //   50(1 − 1/450 − 1.96/(3√50))³ × 7 = 259.8 per week; yesterday's upper
    //   3(1 − 1/27 + 1.96/(3√3))³ × 7 = 50.5 per week. They do not overlap and fewer pages is
    //   better: "worse for real".
    // - The latest record is the measurement at 2026-03-10T12:00Z: "Latest data 2026-03-10 12:00 UTC".
    void htmlBurnRateFreshnessSinceYesterday()
    {
        const QString ws = m_dir.filePath(QStringLiteral("html.srmap"));
        const QString slo = m_dir.filePath(QStringLiteral("slo.yaml"));
        writeFile(slo,
                  "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: api-availability\nspec:\n"
                  "  service: api\n  budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 28d\n"
                  "  objectives:\n    - target: 0.99\n");
        const QString measurements = m_dir.filePath(QStringLiteral("measurements.csv"));
        writeFile(measurements,
                  "slo,timestamp,good,total\napi-availability,2026-03-01T12:00:00Z,1000,1000\n"
                  "api-availability,2026-03-10T12:00:00Z,980,1000\n");
        const QString pages = m_dir.filePath(QStringLiteral("pages.csv"));
        QByteArray csv = "id,created_at,title,service\ny1,2026-03-09T09:00:00Z,Disk full on db-1,api\n"
                         "y2,2026-03-09T15:00:00Z,Disk full on db-2,api\n";
        for (int i = 0; i < 50; ++i)
            csv += QStringLiteral("p%1,2026-03-10T10:%2:00Z,Disk full on db-%3,api\n")
                       .arg(i)
                       .arg(i, 2, 10, QLatin1Char('0'))
                       .arg(i % 3)
                       .toUtf8();
        writeFile(pages, csv);
        CliResult r = runCli({QStringLiteral("import"), ws, slo, measurements, pages});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString html = m_dir.filePath(QStringLiteral("summary.html"));
        r = runCli({QStringLiteral("export"), ws, QStringLiteral("--html"), html, QStringLiteral("--window-days"),
                    QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll()).replace(u'\n', u' ');

        QVERIFY(text.contains(QStringLiteral("Latest data 2026-03-10 12:00 UTC")));
        // The SLO row: name … burn rate 2× … status.
        static const QRegularExpression sloRow(QStringLiteral("<tr><td[^>]*>api-availability</td>(.*?)</tr>"));
        const QRegularExpressionMatch row = sloRow.match(text);
        QVERIFY(row.hasMatch());
        QVERIFY2(row.captured(1).contains(QStringLiteral(">2.00×</td>")), qPrintable(row.captured(1)));
        QVERIFY(text.contains(QStringLiteral(">Burn rate, 24 h</th>")));

        QVERIFY(text.contains(QStringLiteral("What changed since yesterday")));
        QVERIFY(text.contains(
            QStringLiteral("The 1-day window as of 2026-03-11 against the same window as of 2026-03-10.")));
        static const QRegularExpression worse(QStringLiteral("Worse for real since yesterday</p><ul[^>]*>(.*?)</ul>"));
        const QRegularExpressionMatch w = worse.match(text);
        QVERIFY(w.hasMatch());
        QVERIFY2(w.captured(1).contains(QStringLiteral("<li>Pages per week 350")), qPrintable(w.captured(1)));
        QVERIFY2(w.captured(1).contains(QStringLiteral("(yesterday 14")), qPrintable(w.captured(1)));
        QVERIFY(!text.contains(QStringLiteral("Improved for real since yesterday")));
    }
};

QTEST_MAIN(TstNewcomer)
#include "tst_newcomer.moc"
