// Inputs that once broke a parser (found by the libFuzzer targets in tests/fuzz/, kept in
// tests/fixtures/fuzz/<target>/) and a few hostile shapes written here, fed to every parser and
// to detection: each must end in records, bad rows or a FileError, promptly.
#include "tests/common/parsertestutil.h"
#include "tests/common/testutil.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace srm;
using namespace srm::importers;
using namespace srm::test;

class TstFuzzRegressions : public QObject
{
    Q_OBJECT

private:
    static void feedEverywhere(const QByteArray &bytes)
    {
        ParseOptions o;
        o.sloName = "fuzz";
        o.series = Series::Good;
        for (const FormatInfo &f : allFormats()) {
            QElapsedTimer t;
            t.start();
            parseBytes(f.format, bytes, o);
            QVERIFY2(t.elapsed() < 10000, f.id);
        }
        detectFormat(bytes);
    }

private slots:
    void keptInputs_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(fixturesDir() + QStringLiteral("/fuzz"), QDir::Files, QDirIterator::Subdirectories);
        int n = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(path.mid(fixturesDir().size() + 1))) << path;
            ++n;
        }
        QVERIFY(n > 0);
    }

    void keptInputs()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        feedEverywhere(f.readAll());
    }

    // yaml-cpp 0.7 loops forever in LoadAll on a stray top-level ','.
    void strayCommaInYaml()
    {
        for (const QByteArray &yaml :
             {QByteArray(","), QByteArray(",a"), QByteArray("apiVersion: openslo/v1\n---\n,\n")}) {
            const Collected c = parseBytes(Format::OpenSlo, yaml);
            QVERIFY(c.fileError);
            QVERIFY(c.fileError->reason.find("invalid YAML") != std::string::npos);
        }
    }

    void hostileShapes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("deep JSON arrays") << QByteArray(200000, '[');
        QTest::newRow("deep JSON objects") << QByteArray("{\"a\":").repeated(100000);
        QTest::newRow("deep YAML flow") << QByteArray(100000, '[');
        QTest::newRow("deep YAML blocks") << QByteArray("- ").repeated(50000) + "x";
        QTest::newRow("NUL bytes") << QByteArray(4096, '\0');
        QTest::newRow("huge number") << "{\"data\": [{\"id\": \"a\", \"created_at\": " + QByteArray(5000, '9') + "}]}";
        QTest::newRow("huge epoch") << "created_at,title\n" + QByteArray(400, '9') + ",x\n";
        QTest::newRow("only quotes") << QByteArray(100000, '"');
        QTest::newRow("many columns") << QByteArray("created_at,title") + QByteArray(",x").repeated(200000) + "\n";
        QTest::newRow("invalid UTF-8") << QByteArray("{\"incidents\": [{\"id\": \"\xff\xfe\", \"title\": \"\xc3\", "
                                                     "\"created_at\": \"2026-03-01T10:00:00Z\"}]}");
    }

    void hostileShapes()
    {
        QFETCH(QByteArray, bytes);
        feedEverywhere(bytes);
    }
};

QTEST_GUILESS_MAIN(TstFuzzRegressions)
#include "tst_fuzzregressions.moc"
