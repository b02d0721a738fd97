// Hostile text (docs/hostile-input.md#text, #rules): catastrophic alert rules are refused by the
// store and the dialog and bounded when they run; user text reaches the terminal, the HTML mail,
// the JSON output, the PDF and the window's tooltips without control characters acting, without
// bidi controls reversing its neighbours, and in time linear in its length.
#include "hostile.h"

#include "engine/jsonwriter.h"
#include "store/alertrules.h"
#include "store/texthygiene.h"
#include "store/workspace.h"
#include "views/alertruledialog.h"
#include "views/debtmodel.h"
#include "views/report/pageflow.h"
#include "views/tooltips.h"
#include "views/workspacesnapshot.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPaintEngine>
#include <QPainter>
#include <QPushButton>
#include <QTextDocument>
#include <QTextItem>
#include <QXmlStreamReader>

using namespace srm;
using namespace srm::test;

namespace {

// The glyph runs drawn on a device: their text and direction.
struct Run
{
    QString text;
    bool rightToLeft;
};

class RunEngine : public QPaintEngine
{
public:
    RunEngine() : QPaintEngine(QPaintEngine::AllFeatures) { }
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override { }
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }
    void drawPath(const QPainterPath &) override { }
    void drawTextItem(const QPointF &, const QTextItem &item) override
    {
        runs.push_back({item.text(), bool(item.renderFlags() & QTextItem::RightToLeft)});
    }
    Type type() const override { return QPaintEngine::User; }
    std::vector<Run> runs;
};

class RunDevice : public QPaintDevice
{
public:
    QPaintEngine *paintEngine() const override { return &m_engine; }
    const std::vector<Run> &runs() const { return m_engine.runs; }

protected:
    int metric(PaintDeviceMetric m) const override
    {
        switch (m) {
        case PdmWidth: return 2000;
        case PdmHeight: return 400;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY: return 96;
        case PdmDepth: return 32;
        case PdmDevicePixelRatio: return 1;
        case PdmDevicePixelRatioScaled: return int(QPaintDevice::devicePixelRatioFScale());
        default: return QPaintDevice::metric(m);
        }
    }

private:
    mutable RunEngine m_engine;
};

const QString kRlo = QStringLiteral("\u202e");

} // namespace

class TstHostileText : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // A demo workspace whose first debt item and one alert group carry `title` (as someone
    // with sqlite3 could write it: no import cleaned it).
    QString workspaceWithTitle(const QString &name, const QString &title)
    {
        const QString ws = m_dir.filePath(name);
        QFile::remove(ws);
        if (runCli({QStringLiteral("demo"), ws}).exitCode != 0)
            return {};
        tamperBound(ws, QStringLiteral("UPDATE debt_items SET title = ? WHERE id = 'OPS-1'"), {title});
        tamperBound(ws,
                    QStringLiteral("UPDATE alert_groups SET title = ? WHERE id = (SELECT group_id FROM pages GROUP BY "
                                   "group_id ORDER BY count(*) DESC LIMIT 1)"),
                    {title});
        return ws;
    }

private slots:
    // Rules that backtrack without end are refused, by the store and by the dialog; ordinary
    // ones pass. Before, (a|aa)+$ stalled every command.
    void catastrophicRulesAreRefused_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("refused");
        QTest::newRow("(a|aa)+$") << QStringLiteral("(a|aa)+$") << true;
        QTest::newRow("(a+)+b") << QStringLiteral("(a+)+b") << true;
        QTest::newRow("(.*a){20}") << QStringLiteral("(.*a){20}") << true;
        QTest::newRow("(\\w+\\s?)+$") << QStringLiteral("(\\w+\\s?)+$") << true;
        QTest::newRow("^(\\d+)*$") << QStringLiteral("^(\\d+)*$") << true;
        QTest::newRow("(x+x+)+y") << QStringLiteral("(x+x+)+y") << true;
        QTest::newRow("frontend pods") << QStringLiteral("frontend-[a-z0-9]+") << false;
        QTest::newRow("pod ids") << QStringLiteral("pod-\\w+-\\d+") << false;
        QTest::newRow("three fields") << QStringLiteral("^(\\S+) (\\S+) (.*)$") << false;
        QTest::newRow("too long") << QString(1001, u'a') << true;
    }
    void catastrophicRulesAreRefused()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, refused);
        QElapsedTimer clock;
        clock.start();
        const QString error = AlertRuleStore::patternError(pattern);
        QVERIFY2(clock.elapsed() < 5000, "the check itself must be quick");
        QCOMPARE(!error.isEmpty(), refused);

        const QString path = m_dir.filePath(QStringLiteral("rules.srmap"));
        QFile::remove(path);
        auto ws = Workspace::create(path);
        AlertRuleStore store(*ws);
        if (refused) {
            QVERIFY_THROWS_EXCEPTION(InputError, store.addRule(pattern, QString()));
            QVERIFY(store.rules().isEmpty());
        } else {
            QVERIFY(store.addRule(pattern, QStringLiteral("x")) > 0);
        }

        AlertRuleDialog dialog(QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"));
        dialog.setPattern(pattern, QString());
        auto *ok = dialog.findChildren<QPushButton *>().value(0);
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text() == u"Add Rule")
                ok = b;
        QVERIFY(ok);
        QCOMPARE(ok->isEnabled(), !refused);
        if (refused && pattern.size() < 100) {
            bool said = false;
            for (const QLabel *l : dialog.findChildren<QLabel *>())
                said = said || l->text().contains(QStringLiteral("takes too long"));
            QVERIFY(said);
        }
    }

    // A catastrophic rule written into the file runs within its budget: the title it blows
    // up on keeps its group, and every command still finishes.
    void storedCatastrophicRuleIsBounded()
    {
        const QString ws = workspaceWithTitle(QStringLiteral("rule.srmap"), QString(40, u'a') + u'!');
        QVERIFY(tamper(
            ws,
            {QStringLiteral("INSERT INTO alert_rules(position, pattern, replacement) VALUES (2, '(a|aa)+$', 'x')")}));
        QElapsedTimer clock;
        clock.start();
        const CliResult r = runCli({QStringLiteral("alerts"), ws, QStringLiteral("--json")}, 60000);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(clock.elapsed() < 20000, "the rule stalled the command");
        QVERIFY(r.out.contains(QByteArray(40, 'a') + '!'));
        QString title = QString(40, u'a') + u'!';
        QVERIFY(
            !AlertRuleStore::apply(AlertRuleStore::compile(QStringLiteral("(a|aa)+$")), QStringLiteral("x"), title));
        QCOMPARE(title, QString(40, u'a') + u'!');
        title = QStringLiteral("frontend-7f9c");
        QVERIFY(AlertRuleStore::apply(AlertRuleStore::compile(QStringLiteral("frontend-[a-z0-9]+")),
                                      QStringLiteral("frontend-<pod>"), title));
        QCOMPARE(title, QStringLiteral("frontend-<pod>"));
    }

    // The import's check reads printable ASCII eight bytes at a time: every byte value, at every
    // place of a word and past the last whole word, must be seen as by one byte at a time.
    void everyByteAtEveryPlace()
    {
        const std::string printable = "Disk full on db-17 ~ {x}"; // 24 bytes: three words
        int checked = 0;
        for (std::size_t at = 0; at <= printable.size(); ++at) {
            for (int b = 0; b < 256; ++b) {
                std::string s = printable;
                s.insert(at, 1, char(b));
                for (const bool keepLineBreaks : {false, true}) {
                    const bool lineBreak = b == '\n' || b == '\t' || b == '\r';
                    const bool expected = b < 0x20 || b >= 0x7f ? !(keepLineBreaks && lineBreak) : false;
                    if (hygiene::needsCleaning(s, keepLineBreaks) != expected)
                        QFAIL(qPrintable(QStringLiteral("byte 0x%1 at %2").arg(b, 2, 16, QLatin1Char('0')).arg(at)));
                    ++checked;
                }
            }
            std::string accented = printable; // é: clean UTF-8 across a word's edge
            accented.insert(at, "\xc3\xa9");
            QVERIFY(!hygiene::needsCleaning(accented, false));
            std::string c1 = printable; // U+0085, a C1 control
            c1.insert(at, "\xc2\x85");
            QVERIFY(hygiene::needsCleaning(c1, false));
        }
        QCOMPARE(checked, 25 * 256 * 2);
        QVERIFY(!hygiene::needsCleaning(printable, false));
    }

    // The HTML mail: no control characters (NUL and ESC from a title written by hand), lines
    // short enough for mail transports, bidi controls isolated, well-formed.
    void htmlHygiene()
    {
        const QString title = QStringLiteral("Disk\x1b[2J full") + QChar(0) + QStringLiteral("on ")
            + QString(15000, u'Z') + QStringLiteral(" db ") + kRlo + QStringLiteral("kcab");
        const QString ws = workspaceWithTitle(QStringLiteral("html.srmap"), title);
        const CliResult r = runCli({QStringLiteral("export"), ws, QStringLiteral("--html"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 0);
        const QByteArray html = r.out;
        QVERIFY(html.contains("ZZZZ"));
        qsizetype longest = 0;
        for (const QByteArray &line : html.split('\n'))
            longest = std::max(longest, line.size());
        QVERIFY2(longest <= 998, qPrintable(QString::number(longest)));
        for (char c : html)
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t' || c == '\r', "control character");
        const QString text = QString::fromUtf8(html);
        const qsizetype rlo = text.indexOf(kRlo);
        QVERIFY(rlo > 0);
        // An isolate (FSI ... PDI) around the title, inside its element.
        const qsizetype fsi = text.lastIndexOf(QChar(0x2068), rlo), pdi = text.indexOf(QChar(0x2069), rlo);
        QVERIFY(fsi > 0 && pdi > rlo);
        QVERIFY(!text.mid(fsi, rlo - fsi).contains(QStringLiteral("</")));
        QVERIFY(!text.mid(rlo, pdi - rlo).contains(u'<'));
        QXmlStreamReader xml(text.mid(text.indexOf(QStringLiteral("<html"))));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    // The PDF: a span's bidi override cannot reverse the next span (before, "abc NEXT" was
    // drawn as one right-to-left run); a 1 MB word lays out in linear time (it took 21 s).
    void pdfText()
    {
        RunDevice device;
        const report::WrappedText text({{QStringLiteral("OPS-1 ")},
                                        {QStringLiteral("evil") + kRlo + QStringLiteral("abc")},
                                        {QStringLiteral(" NEXT field")}},
                                       QFont(), 1900, &device);
        {
            QPainter p(&device);
            text.draw(p, QPointF(0, 0), Qt::black);
        }
        bool reversedSomething = false;
        for (const Run &run : device.runs()) {
            if (run.rightToLeft) {
                reversedSomething = true;
                QVERIFY2(!run.text.contains(QStringLiteral("NEXT")), qPrintable(run.text));
            }
        }
        QVERIFY(reversedSomething); // the override still applies to its own text

        QElapsedTimer clock;
        clock.start();
        const report::WrappedText word({{QString(1 << 20, u'W')}}, QFont(), 400, &device);
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(word.lineCount() > 10);

        const QString ws = workspaceWithTitle(QStringLiteral("pdf.srmap"), QString(1 << 20, u'W'));
        const QString pdf = m_dir.filePath(QStringLiteral("big.pdf"));
        clock.restart();
        const CliResult r = runCli({QStringLiteral("report"), ws, QStringLiteral("--pdf"), pdf}, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
    }

    // The terminal: escape sequences and line feeds in titles are shown, not acted on; JSON
    // escapes the C1 controls and stays valid with invalid UTF-8.
    void terminalAndJson()
    {
        const QString title = QStringLiteral("Disk full\x1b]0;owned\x07\nfake.csv:1: column 'x': gotcha") + QChar(0x9b)
            + QStringLiteral("31m");
        const QString ws = workspaceWithTitle(QStringLiteral("term.srmap"), title);
        CliResult r = runCli({QStringLiteral("alerts"), ws});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains('\x1b') && !r.out.contains('\x07') && !r.out.contains("\xc2\x9b"));
        QVERIFY2(r.outText().contains(QStringLiteral("Disk full\\x1b]0;owned\\x07\\nfake.csv:1:")), r.out.constData());
        for (const QString &line : r.outText().split(u'\n'))
            QVERIFY(!line.startsWith(QStringLiteral("fake.csv")));
        r = runCli({QStringLiteral("plan"), ws});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains('\x1b'));
        for (const QString &line : r.outText().split(u'\n'))
            QVERIFY(!line.startsWith(QStringLiteral("fake.csv")));

        QVERIFY(tamper(
            ws, {QStringLiteral("UPDATE debt_items SET title = CAST(X'4f4b20ff20c29b' AS TEXT) WHERE id = 'OPS-2'")}));
        r = runCli({QStringLiteral("alerts"), ws, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains("\xc2\x9b"));
        QVERIFY(r.out.contains("\\u009b"));
        QJsonParseError error;
        QJsonDocument::fromJson(r.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        JsonWriter w;
        w.value(std::string_view("OK \xff \xc2\x9b"));
        QCOMPARE(w.text(), QByteArray("\"OK \\ufffd \\u009b\""));
    }

    // Tooltips show user text as text: an alert title "<img src=x><b>" is not rendered.
    void tooltipsArePlain()
    {
        const QString hostile = QStringLiteral("<img src=\"file:///etc/passwd\"><b>bold</b> &amp; ") + kRlo
            + QStringLiteral("x\ny");
        const QString tip = plainToolTip(hostile);
        QVERIFY(Qt::mightBeRichText(tip));
        QTextDocument doc;
        doc.setHtml(tip);
        QString shown = doc.toPlainText();
        shown.remove(QChar(0x2068)).remove(QChar(0x2069));
        QCOMPARE(shown, hostile);

        const QString ws = workspaceWithTitle(QStringLiteral("tips.srmap"), QStringLiteral("<b>bold</b> title"));
        SnapshotRequest request;
        request.path = ws;
        const SnapshotPtr snapshot = WorkspaceSnapshot::compute(request);
        DebtModel model;
        QAbstractItemModelTester tester(&model);
        model.setSnapshot(snapshot);
        bool found = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString t = model.data(model.index(row, DebtModel::Title), Qt::ToolTipRole).toString();
            QTextDocument d;
            d.setHtml(t);
            if (d.toPlainText().startsWith(QStringLiteral("<b>bold</b> title")))
                found = true;
        }
        QVERIFY(found);
    }
};

QTEST_MAIN(TstHostileText)
#include "tst_hostile_text.moc"
